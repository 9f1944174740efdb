"""A curated change as GraphQL sees it, and the statuses planners set."""

from __future__ import annotations

import strawberry

from graph import curation, model
from schema.enums import Origin, RelationType, Role

__all__ = ["Status", "StatusChange", "change_of"]

Status = strawberry.enum(curation.Status, description="Where a task or project stands.")


@strawberry.type(description="A relation as a change added or removed it.")
class LoggedRelation:
    type: RelationType
    from_id: strawberry.ID
    to_id: strawberry.ID
    origin: Origin
    role: Role | None
    similarity: float | None = strawberry.field(
        description="For an inferred link: how much its ends' text have in common (its `confidence`)."
    )
    evidence: str | None


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
    added: LoggedRelation | None = strawberry.field(
        description="The relation the change put into the graph (for a revert: the one it restored)."
    )
    removed: LoggedRelation | None = strawberry.field(
        description="The relation the change took out of the graph, or replaced."
    )
    reviewed: LoggedRelation | None = strawberry.field(
        description="For a review decision (CONFIRM_LINK, REJECT_LINK): the suggested link decided on; "
        "its suggestion id is TYPE|fromId|toId."
    )
    likelihood: float | None = strawberry.field(
        description="For a review decision: the review queue's likelihood of the link when it was decided."
    )


def _logged(relation: model.Relation | None) -> LoggedRelation | None:
    if relation is None:
        return None
    return LoggedRelation(
        type=relation.type,
        from_id=strawberry.ID(relation.source),
        to_id=strawberry.ID(relation.target),
        origin=relation.origin,
        role=relation.role,
        similarity=relation.confidence,
        evidence=relation.evidence,
    )


def change_of(change: curation.Change, log: curation.CurationLog) -> StatusChange:
    added, removed = log.effect(change)
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
        added=_logged(added),
        removed=_logged(removed),
        reviewed=_logged(curation.relation_of(change.reviewed)),
        likelihood=change.likelihood,
    )
