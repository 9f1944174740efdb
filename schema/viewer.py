"""`viewer`: who the caller is, as GitHub's API answers it, so a page can tell a reader's key
from a curator's before a change is refused."""

from __future__ import annotations

import strawberry
from strawberry.types import Info

from schema.auth import NO_KEY, KeyRole, Unauthenticated

__all__ = ["Viewer", "ViewerQuery"]

Role = strawberry.enum(KeyRole, name="KeyRole", description="What a key allows.")


@strawberry.type(description="The caller: the name and role of the key the request carries.")
class Viewer:
    name: str = strawberry.field(description="The key's name, as `plangraph keys add` gave it.")
    role: Role
    may_curate: bool = strawberry.field(
        description="Whether this key may change the graph (set status, review links, add relations)."
    )


@strawberry.type
class ViewerQuery:
    @strawberry.field(
        description="The caller's key: its name and role; null without a key. An unknown or revoked "
        "key is an UNAUTHENTICATED error."
    )
    def viewer(self, info: Info) -> Viewer | None:
        principal = info.context.principal
        if principal is not None:
            return Viewer(name=principal.name, role=principal.role, may_curate=principal.role.may_curate)
        if info.context.key_problem not in (None, NO_KEY):
            raise Unauthenticated(info.context.key_problem)
        return None
