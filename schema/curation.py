"""Planners keep the plan's state: task and project status, the log of who changed what, what
is late and what that puts at risk now. Reads are open (unless the server requires a key);
changes need a curator's key (schema/auth.py)."""

from __future__ import annotations

import strawberry
from strawberry.types import Info

from graph import curation, model
from graph.errors import EntityNotFound
from graph.results import Step
from schema.auth import require_curator
from schema.changes import Status, StatusChange, change_of
from schema.connections import Connection, connection
from schema.impact import impact_result
from schema.paging import decode_cursor, page_size
from schema.review import ReviewMutation
from schema.types import (
    EntityNode,
    ImpactResult,
    RelationEdge,
    RelationType,
    Role,
    node_for,
    relation_edge,
)

__all__ = ["CurationMutation", "CurationQuery"]


@strawberry.type(description="An entity whose status is AT_RISK or DELAYED, and what that puts at risk.")
class LateItem:
    entity: EntityNode
    status: Status
    impact: ImpactResult


@strawberry.type
class AtRiskResult:
    late: list[LateItem]
    at_risk: list[EntityNode] = strawberry.field(
        description="Every entity the late items put at risk, once each, in the order first reached."
    )


_CURSOR = "change:"


@strawberry.type
class CurationQuery:
    @strawberry.field(
        description="The log of curated changes, oldest first; of one entity if entityId is given."
    )
    def changes(
        self, info: Info, first: int = 50, after: str | None = None, entity_id: strawberry.ID | None = None
    ) -> Connection[StatusChange]:
        first = page_size(info, first, default=50)
        log = [c for c in info.context.curation.changes if entity_id is None or c.entity_id == str(entity_id)]
        start = decode_cursor(_CURSOR, after) + 1 if after else 0
        page = log[start : start + first]
        return connection(
            _CURSOR, page, start, len(log), lambda change: change_of(change, info.context.curation)
        )

    @strawberry.field(
        description="What is late in a plan (AT_RISK or DELAYED) and what that puts at risk now."
    )
    def at_risk(self, info: Info, plan_id: strawberry.ID) -> AtRiskResult:
        store = info.context.store
        (plan,) = store.get_many([str(plan_id)])
        if plan is None:
            raise EntityNotFound(str(plan_id))
        late = info.context.curation.late()
        entities = [e for e in store.get_many(list(late)) if e is not None and e.plan == plan.id]
        items, reached = [], {}
        for entity in entities:
            impact = impact_result(info, entity.id, 6)
            items.append(LateItem(entity=node_for(entity), status=late[entity.id], impact=impact))
            for reach in impact.affected:
                reached.setdefault(str(reach.entity.id), reach.entity)
        return AtRiskResult(late=items, at_risk=list(reached.values()))


@strawberry.type(name="Mutation")
class CurationMutation(ReviewMutation):
    @strawberry.mutation(description="Set a task's (or any entity's) status; needs a curator's key.")
    def set_status(
        self,
        info: Info,
        id: strawberry.ID,  # noqa: A002 - the contract's argument name
        status: Status,
        note: str | None = None,
    ) -> EntityNode:
        who = require_curator(info)
        (entity,) = info.context.store.get_many([str(id)])
        if entity is None:
            raise EntityNotFound(str(id))
        info.context.curation.set_status(who.name, entity.id, curation.Status(status), note)
        return node_for(entity)

    @strawberry.mutation(description="Revert a change; the revert is logged too. Needs a curator's key.")
    def revert_change(self, info: Info, id: strawberry.ID) -> StatusChange:  # noqa: A002
        who = require_curator(info)
        log = info.context.curation
        return change_of(log.revert(who.name, str(id), store=info.context.store), log)

    @strawberry.mutation(
        description="Add a relation (origin CURATED), or make one curated; needs a curator's key."
    )
    def add_relation(
        self,
        info: Info,
        type: RelationType,  # noqa: A002 - the contract's argument name
        from_id: strawberry.ID,
        to_id: strawberry.ID,
        note: str | None = None,
    ) -> RelationEdge:
        return _add(
            info,
            model.Relation(type, str(from_id), str(to_id), origin=model.Origin.CURATED, evidence=note),
            note,
        )

    @strawberry.mutation(description="Remove a relation, whatever its origin; needs a curator's key.")
    def remove_relation(
        self,
        info: Info,
        type: RelationType,  # noqa: A002 - the contract's argument name
        from_id: strawberry.ID,
        to_id: strawberry.ID,
        note: str | None = None,
    ) -> RelationEdge:
        return _remove(info, model.Relation(type, str(from_id), str(to_id)), note)

    @strawberry.mutation(description="Make a department lead or support an entity; needs a curator's key.")
    def assign_responsibility(
        self,
        info: Info,
        entity_id: strawberry.ID,
        department_id: strawberry.ID,
        role: Role,
        note: str | None = None,
    ) -> RelationEdge:
        relation = model.Relation(
            model.RelationType.RESPONSIBLE_FOR, str(department_id), str(entity_id), origin=model.Origin.CURATED,
            role=model.Role(role), evidence=note,
        )  # fmt: skip
        return _add(info, relation, note)

    @strawberry.mutation(description="Take a department's role for an entity away; needs a curator's key.")
    def unassign_responsibility(
        self,
        info: Info,
        entity_id: strawberry.ID,
        department_id: strawberry.ID,
        role: Role,
        note: str | None = None,
    ) -> RelationEdge:
        relation = model.Relation(
            model.RelationType.RESPONSIBLE_FOR, str(department_id), str(entity_id), role=model.Role(role)
        )
        return _remove(info, relation, note)


def _edge(info: Info, relation: model.Relation) -> RelationEdge:
    (target,) = info.context.store.get_many([relation.target])
    return relation_edge(Step(relation, model.Direction.DOWNSTREAM, target))


def _add(info: Info, relation: model.Relation, note: str | None) -> RelationEdge:
    who = require_curator(info)
    info.context.curation.add_relation(info.context.store, who.name, relation, note)
    return _edge(info, relation)


def _remove(info: Info, relation: model.Relation, note: str | None) -> RelationEdge:
    who = require_curator(info)
    change = info.context.curation.remove_relation(info.context.store, who.name, relation, note)
    removed = model.Relation(relation.type, relation.source, relation.target, role=relation.role)
    if change.relation:
        removed.origin = model.Origin(change.relation["origin"])
        removed.evidence = change.relation.get("evidence")
    return _edge(info, removed)
