"""What the Bolt store must allow for in the servers it talks to, in one place.

- FalkorDB's Bolt endpoint crashes on a client message over 4 KiB: statements and their
  parameters are measured as sent and batches cut to fit (`PLANGRAPH_NEO4J_MAX_MESSAGE_BYTES`).
- It writes parameters into the statement as text without escaping them: the store probes for
  this with a harmless string and escapes every string it sends to such a server.
- It leaves the handshake of a new connection unanswered, once for each connection a client
  has closed (said goodbye on) before: the driver gives such a connection up after the
  connection timeout, and the store tries again (`BoltStore._send`).
- A pattern comprehension whose start node is bound by a list comprehension,
  `[x IN list | [(x)-[r]-(m) | m]]`, matches from every node, not from x: a walk is written
  out level by level with UNWIND and OPTIONAL MATCH instead (`graph.cypher.walk_statement`).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from graph.errors import PlanGraphError

__all__ = ["MESSAGE_OVERHEAD", "PROBE", "chunks", "escaped", "size_on_wire"]

#: Room for what a RUN message carries besides the statement and its parameters.
MESSAGE_OVERHEAD = 256


def size_on_wire(value: Any) -> int:
    """An upper estimate of a value's size on the wire (PackStream is no larger than JSON)."""
    return len(json.dumps(value, ensure_ascii=False).encode())


def chunks(items: list[Any], budget: int, measure: Any = None) -> Iterator[list[Any]]:
    """Items in runs that fit the budget, each measured as it will be sent (`measure`)."""
    chunk: list[Any] = []
    used = 2
    for item in items:
        size = size_on_wire(measure(item) if measure else item) + 1
        if size + 2 > budget:
            raise PlanGraphError(
                f"one item of {size} bytes does not fit in a Bolt message of at most the configured "
                "size (PLANGRAPH_NEO4J_MAX_MESSAGE_BYTES)"
            )
        if chunk and used + size > budget:
            yield chunk
            chunk, used = [], 2
        chunk.append(item)
        used += size
    if chunk:
        yield chunk


#: A string that a server which inlines parameters as Cypher text would change (\t is read as a tab).
PROBE = "plangraph\\tprobe"


def escaped(value: Any) -> Any:
    """Strings as a Cypher string literal needs them, for a server that inlines parameters."""
    if isinstance(value, str):
        return value.replace("\\", "\\\\").replace("'", "\\'")
    if isinstance(value, list):
        return [escaped(v) for v in value]
    if isinstance(value, dict):
        return {k: escaped(v) for k, v in value.items()}
    return value
