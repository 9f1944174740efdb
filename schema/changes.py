"""A curated change as GraphQL sees it, and the statuses planners set."""

from __future__ import annotations

import strawberry

from graph import curation

__all__ = ["Status", "StatusChange", "change_of"]

Status = strawberry.enum(curation.Status, description="Where a task or project stands.")


@strawberry.type(name="Change", description="One curated change: who made it, when, what, and why.")
class StatusChange:
    id: strawberry.ID
    who: str = strawberry.field(description="The name of the key that made it.")
    at: str
    action: str
    entity_id: strawberry.ID
    status: Status | None
    note: str | None
    reverted: bool
    reverts: strawberry.ID | None = strawberry.field(description="For a revert: the change it reverted.")


def change_of(change: curation.Change) -> StatusChange:
    return StatusChange(
        id=strawberry.ID(change.id),
        who=change.who,
        at=change.at,
        action=change.action,
        entity_id=strawberry.ID(change.entity_id),
        status=change.status,
        note=change.note,
        reverted=change.reverted,
        reverts=strawberry.ID(change.reverts) if change.reverts else None,
    )
