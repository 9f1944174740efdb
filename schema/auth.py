"""Who a request comes from, and what that allows: reads are open unless the server requires a
key; changes need a curator's (or an admin's) key. A refusal is a GraphQL error with code
UNAUTHENTICATED (no key, or an unknown or revoked one) or FORBIDDEN (a reader's key)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from graph.errors import PlanGraphError

__all__ = ["NO_KEY", "Forbidden", "KeyRole", "Principal", "Unauthenticated", "require_curator"]

#: Why a request has no principal when it carries no Authorization header at all.
NO_KEY = "no key: send Authorization: Bearer <key>"


class KeyRole(StrEnum):
    READER = "reader"
    CURATOR = "curator"
    ADMIN = "admin"

    @property
    def may_curate(self) -> bool:
        return self in (KeyRole.CURATOR, KeyRole.ADMIN)


@dataclass(frozen=True, slots=True)
class Principal:
    """Who a request comes from: the name of its key, and the key's role."""

    name: str
    role: KeyRole


class Unauthenticated(PlanGraphError):
    """No key, or a key that is unknown or revoked."""


class Forbidden(PlanGraphError):
    """A valid key whose role does not allow this."""


def require_curator(info) -> Principal:  # type: ignore[no-untyped-def]
    """The principal of a request that may change the graph, or the error that refuses it."""
    principal: Principal | None = info.context.principal
    if principal is None:
        raise Unauthenticated(
            info.context.key_problem or "a change needs a curator's key (Authorization: Bearer …)"
        )
    if not principal.role.may_curate:
        raise Forbidden(f"the key {principal.name!r} is a {principal.role.value}'s: changes need a curator's")
    return principal
