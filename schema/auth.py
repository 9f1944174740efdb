"""Who a request comes from, and what that allows: reads are open unless the server requires a
key; changes need a curator's (or an admin's) key. A refusal is a GraphQL error with code
UNAUTHENTICATED (no key, or an unknown or revoked one) or FORBIDDEN (a reader's key)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from graph.errors import PlanGraphError

__all__ = ["Forbidden", "KeyRole", "Principal", "Unauthenticated"]


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
