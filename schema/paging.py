"""Relay-style paging shared by every connection: page sizes within the server's limit, opaque
cursors (an offset under a prefix per connection), and the page info of a slice."""

from __future__ import annotations

import base64
import binascii

from strawberry.types import Info

from graph.errors import InvalidQuery
from schema.types import PageInfo

__all__ = ["bounded", "decode_cursor", "encode_cursor", "page_info", "page_size"]


def bounded(name: str, asked: int | None, default: int, lowest: int, highest: int) -> int:
    """An argument as asked (null means the default), or a BAD_USER_INPUT error if out of range."""
    value = default if asked is None else asked
    if not lowest <= value <= highest:
        raise InvalidQuery(f"{name} must be between {lowest} and {highest}, not {value}.")
    return value


def page_size(info: Info, first: int | None, default: int) -> int:
    return bounded("first", first, default, 0, info.context.limits.max_page_size)


def encode_cursor(prefix: str, offset: int) -> str:
    return base64.b64encode(f"{prefix}{offset}".encode()).decode()


def decode_cursor(prefix: str, cursor: str) -> int:
    """The offset a cursor of this connection stands for; BAD_USER_INPUT for any other string."""
    try:
        decoded = base64.b64decode(cursor.encode(), validate=True).decode()
        if decoded.startswith(prefix):
            return int(decoded.removeprefix(prefix))
    except (binascii.Error, UnicodeDecodeError, ValueError):
        pass
    raise InvalidQuery(f"{cursor!r} is not a cursor this API gave out.")


def page_info(prefix: str, offset: int, count: int, total: int) -> PageInfo:
    """The page info of `count` items from `offset` out of `total`."""
    return PageInfo(
        has_next_page=offset + count < total,
        has_previous_page=offset > 0,
        start_cursor=encode_cursor(prefix, offset) if count else None,
        end_cursor=encode_cursor(prefix, offset + count - 1) if count else None,
    )
