"""A per-request time limit that traversals respect.

Store work runs synchronously, so an asyncio timeout cannot interrupt it; instead the
request sets a deadline in a context variable and the analyses check it between steps
(one check per batch of relations read), raising `QueryTimeout` once it has passed.
"""

from __future__ import annotations

import time
from contextvars import ContextVar

from graph.errors import QueryTimeout

__all__ = ["check_deadline", "set_deadline"]

_DEADLINE: ContextVar[float | None] = ContextVar("plangraph_deadline", default=None)


def set_deadline(seconds: float | None) -> None:
    """From now on, in this context, work must finish within `seconds` (None: no limit)."""
    _DEADLINE.set(time.monotonic() + seconds if seconds else None)


def check_deadline() -> None:
    deadline = _DEADLINE.get()
    if deadline is not None and time.monotonic() > deadline:
        raise QueryTimeout("the request took longer than its time limit")
