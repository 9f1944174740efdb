"""One Relay connection type for every list the API pages (entities, changes, link
suggestions), per the Relay cursor connections specification: `edges { cursor node }`, and
beside them `nodes` (as GitHub's API offers) and `totalCount`. Cursors are opaque: an offset
under a prefix of the connection's own (`schema.paging`)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Generic, TypeVar

import strawberry

from schema.paging import encode_cursor, page_info
from schema.types import PageInfo

__all__ = ["Connection", "Edge", "connection"]

T = TypeVar("T")
Item = TypeVar("Item")


@strawberry.type(description="An item of a page, with the cursor that pages after it.")
class Edge(Generic[T]):
    cursor: str
    node: T


@strawberry.type(description="A page of a list (Relay cursor connection): edges, or nodes alone.")
class Connection(Generic[T]):
    total_count: int = strawberry.field(description="How many items the whole list holds.")
    nodes: list[T]
    edges: list[Edge[T]]
    page_info: PageInfo


def connection(
    prefix: str, items: Sequence[Item], offset: int, total: int, node: Callable[[Item], T]
) -> Connection[T]:
    """The connection of a page: `items` are the page's, the first at `offset` of `total`."""
    edges = [Edge(cursor=encode_cursor(prefix, offset + i), node=node(item)) for i, item in enumerate(items)]
    return Connection(
        total_count=total,
        nodes=[edge.node for edge in edges],
        edges=edges,
        page_info=page_info(prefix, offset, len(edges), total),
    )
