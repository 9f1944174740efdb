"""GraphQL types: the `Entity` interface, one type per entity kind, and the analysis results."""

from __future__ import annotations

import dataclasses
import functools
from typing import Annotated, Any

import strawberry
from strawberry.types import Info

from graph import analysis, model
from graph.results import Reach, Responsibility, Step
from schema.changes import Status, StatusChange, change_of
from schema.enums import Comparator, Direction, EntityKind, Origin, RelationType, Role

__all__ = [
    "ALL_TYPES",
    "Centrality",
    "Comparator",
    "Department",
    "DepartmentLoad",
    "Direction",
    "Document",
    "Domain",
    "EntityKind",
    "EntityNode",
    "Goal",
    "ImpactResult",
    "Indicator",
    "KindCount",
    "Measure",
    "Origin",
    "PageInfo",
    "Plan",
    "Principle",
    "Project",
    "RankedEntity",
    "ReachResult",
    "RefusedFile",
    "RelationCount",
    "RelationEdge",
    "RelationType",
    "ResponsibilityMatrix",
    "ResponsibilityResult",
    "Role",
    "Section",
    "SourceSpan",
    "Standard",
    "Stats",
    "Task",
    "node_for",
    "reach_result",
    "relation_edge",
    "responsibility_result",
]

Centrality = strawberry.enum(
    analysis.Centrality,
    description="PAGERANK: what slips through the entity endangers much (PageRank over the impact graph, "
    "reversed); BETWEENNESS: many shortest chains of impact pass through it.",
)
#: The `origins` argument of the traversals: only relations of these origins are followed
#: (default: all) — leave out INFERRED to see what rests on stated and reviewed links only.
OriginsArgument = Annotated[
    list[Origin] | None,
    strawberry.argument(
        description="Follow only relations of these origins (default: all); leave out INFERRED for reviewed links only."
    ),
]


@strawberry.type
class SourceSpan:
    """Where an entity or relation stands in the plan's original text."""

    plan: str
    start: int
    end: int
    line: int


def _span(span: model.SourceSpan | None) -> SourceSpan | None:
    return SourceSpan(plan=span.plan, start=span.start, end=span.end, line=span.line) if span else None


@strawberry.interface(name="Entity")
class EntityNode:
    id: strawberry.ID
    kind: EntityKind
    name: str
    label: str | None
    text: str | None
    source: SourceSpan | None
    model_: strawberry.Private[model.Entity]

    @strawberry.field
    async def plan(self, info: Info) -> Plan | None:
        if self.model_.plan is None:
            return None
        entity = await info.context.entities.load(self.model_.plan)
        return node_for(entity) if entity else None  # type: ignore[return-value]

    @strawberry.field
    async def parent(self, info: Info) -> EntityNode | None:
        if self.model_.parent is None:
            return None
        entity = await info.context.entities.load(self.model_.parent)
        return node_for(entity) if entity else None

    @strawberry.field
    async def children(self, info: Info) -> list[EntityNode]:
        return [node_for(e) for e in await info.context.children.load(self.model_.id)]

    @strawberry.field(description="Where it stands, as planners last set it (setStatus); null if never set.")
    def status(self, info: Info) -> Status | None:
        return info.context.curation.status(self.model_.id)

    @strawberry.field(description="Every status set on it, oldest first, reverted ones marked.")
    def status_history(self, info: Info) -> list[StatusChange]:
        log = info.context.curation
        return [change_of(c, log) for c in log.status_history(self.model_.id)]

    @strawberry.field
    async def relations(
        self,
        info: Info,
        type: RelationType | None = None,  # noqa: A002 - the contract's argument name
        direction: Direction | None = model.Direction.BOTH,
        origins: OriginsArgument = None,
    ) -> list[RelationEdge]:
        key = (self.model_.id, type, direction or model.Direction.BOTH)
        steps = await info.context.relations.load(key)
        return [relation_edge(s) for s in steps if origins is None or s.relation.origin in origins]


@strawberry.type
class Plan(EntityNode):
    title: str
    issuer: str | None
    approved_by: str | None
    issued_on: str | None
    period_start: int | None
    period_end: int | None
    region: str | None
    level: str | None
    doc_number: str | None
    recipients: list[str]


@strawberry.type
class Section(EntityNode):
    chapter_kind: str | None = strawberry.field(
        description="For a chapter: how it was read — context, requirements, tasks, domains, projects or measures."
    )


@strawberry.type
class Principle(EntityNode):
    pass


@strawberry.type
class Goal(EntityNode):
    pass


@strawberry.type
class Indicator(EntityNode):
    metric: str
    comparator: Comparator
    value: float = strawberry.field(description="The target in base units: 10.5亿吨 is 1050000000 (吨).")
    unit: str | None
    deadline: int | None
    written: str | None = strawberry.field(
        description="The number and unit as the plan writes them: 10.5亿吨."
    )
    level: str | None = strawberry.field(
        description="The level the plan gives the metric (省级, 国家级), kept apart from the metric."
    )


@strawberry.type
class Task(EntityNode):
    pass


@strawberry.type(description="A plan file that was not loaded.")
class RefusedFile:
    path: str
    reason: str


@strawberry.type
class Domain(EntityNode):
    pass


@strawberry.type
class Project(EntityNode):
    pass


@strawberry.type
class Measure(EntityNode):
    pass


@strawberry.type
class Standard(EntityNode):
    pass


@strawberry.type
class Department(EntityNode):
    category: str | None
    aliases: list[str]
    level: str | None
    region: str | None
    mandate: list[str] = strawberry.field(description="Keywords of its remit, from the department registry.")
    since: int | None
    until: int | None
    registered: bool | None = strawberry.field(
        description="False for a body no registry knows: named as the plan writes it, or written out in full."
    )


@strawberry.type
class Document(EntityNode):
    title: str | None
    doc_number: str | None


_TYPES: dict[model.EntityKind, type[EntityNode]] = {
    model.EntityKind.PLAN: Plan,
    model.EntityKind.SECTION: Section,
    model.EntityKind.PRINCIPLE: Principle,
    model.EntityKind.GOAL: Goal,
    model.EntityKind.INDICATOR: Indicator,
    model.EntityKind.TASK: Task,
    model.EntityKind.DOMAIN: Domain,
    model.EntityKind.PROJECT: Project,
    model.EntityKind.MEASURE: Measure,
    model.EntityKind.STANDARD: Standard,
    model.EntityKind.DEPARTMENT: Department,
    model.EntityKind.DOCUMENT: Document,
}


@functools.cache
def _kind_fields(kind: model.EntityKind) -> list[tuple[str, str, Any]]:
    """A kind's own fields (`graph.model.KIND_FIELDS`): each Python name, its camelCase key in
    `Entity.attrs`, and what makes its default (None: null). Read once per kind."""
    table = model.KIND_FIELDS.get(kind)
    return [
        (
            field.name,
            model.camel_case(field.name),
            field.default_factory if field.default_factory is not dataclasses.MISSING else None,
        )
        for field in (dataclasses.fields(table) if table else ())
    ]


def node_for(entity: model.Entity) -> EntityNode:
    """The GraphQL object of an entity, of the type of its kind, with its kind's fields read
    from its attrs."""
    extra: dict[str, Any] = {}
    for name, key, default in _kind_fields(entity.kind):
        value = entity.attrs.get(key)
        extra[name] = (default() if default else None) if value is None else value
    if entity.kind is model.EntityKind.INDICATOR:
        extra["comparator"] = model.Comparator(extra["comparator"])
    if entity.kind is model.EntityKind.PLAN:
        extra["title"] = extra["title"] or entity.name
    return _TYPES[entity.kind](
        id=strawberry.ID(entity.id),
        kind=entity.kind,
        name=entity.name,
        label=entity.label,
        text=entity.text,
        source=_span(entity.source),
        model_=entity,
        **extra,
    )


@strawberry.type(name="Relation")
class RelationEdge:
    type: RelationType
    direction: Direction
    other: EntityNode
    role: Role | None
    origin: Origin
    confidence: float | None
    evidence: str | None
    source: SourceSpan | None = strawberry.field(description="Where the text states this relation.")
    from_id: strawberry.ID = strawberry.field(description="The entity the arrow starts at.")
    to_id: strawberry.ID = strawberry.field(description="The entity the arrow points to.")


def relation_edge(step: Step) -> RelationEdge:
    relation = step.relation
    return RelationEdge(
        type=relation.type,
        direction=step.direction,
        other=node_for(step.other),
        role=relation.role,
        origin=relation.origin,
        confidence=relation.confidence,
        evidence=relation.evidence,
        source=_span(relation.span),
        from_id=strawberry.ID(relation.source),
        to_id=strawberry.ID(relation.target),
    )


@strawberry.type(name="Reach")
class ReachResult:
    entity: EntityNode
    depth: int
    steps: strawberry.Private[list[Step]]

    @strawberry.field(description="The relations followed from the start, in order.")
    def path(self) -> list[RelationEdge]:
        # Made only when asked for: most answers list what is reached, not how.
        return [relation_edge(s) for s in self.steps]

    unreviewed: bool = strawberry.field(
        description="Whether the path rests on an inferred link no planner has reviewed (origin INFERRED)."
    )


def reach_result(reach: Reach) -> ReachResult:
    return ReachResult(
        entity=node_for(reach.entity),
        depth=reach.depth,
        steps=reach.path,
        unreviewed=any(s.relation.origin is model.Origin.INFERRED for s in reach.path),
    )


@strawberry.type
class KindCount:
    kind: EntityKind
    count: int


@strawberry.type
class RelationCount:
    type: RelationType
    count: int


@strawberry.type(name="Impact")
class ImpactResult:
    root: EntityNode
    affected: list[ReachResult]
    counts_by_kind: list[KindCount]
    departments: list[EntityNode] = strawberry.field(
        description="Departments responsible for the root or for anything affected."
    )
    responsibilities: list[ResponsibilityResult] = strawberry.field(
        description="Who answers, in which role, for the root and for each affected entity."
    )
    truncated: bool = strawberry.field(description="Whether `affected` was cut at the server's result limit.")


@strawberry.type(name="Responsibility")
class ResponsibilityResult:
    department: EntityNode
    entity: EntityNode
    role: Role
    origin: Origin
    inherited_from: EntityNode | None = strawberry.field(
        description="Null for a direct responsibility; else the entity it is inherited from, down PART_OF."
    )
    predecessor: EntityNode | None = strawberry.field(
        description="When the department answers as the successor of a reorganised one: that department."
    )
    confidence: float | None = strawberry.field(description="For an INFERRED responsibility.")
    evidence: str | None = strawberry.field(
        description="The sentence, bracket, overlay rationale or matched keywords it rests on."
    )


def responsibility_result(answer: Responsibility) -> ResponsibilityResult:
    return ResponsibilityResult(
        department=node_for(answer.department),
        entity=node_for(answer.entity),
        role=answer.role,
        origin=answer.origin,
        inherited_from=node_for(answer.inherited_from) if answer.inherited_from else None,
        predecessor=node_for(answer.predecessor) if answer.predecessor else None,
        confidence=answer.confidence,
        evidence=answer.evidence,
    )


@strawberry.type
class ResponsibilityMatrix:
    """Departments × entities: `cells` holds each department's role on each entity."""

    departments: list[EntityNode]
    entities: list[EntityNode]
    cells: list[ResponsibilityResult]


@strawberry.type(description="An entity with its score under a centrality measure.")
class RankedEntity:
    entity: EntityNode
    score: float


@strawberry.type
class DepartmentLoad:
    department: EntityNode
    leads: int = strawberry.field(description="Entities of the plan it leads directly.")
    supports: int = strawberry.field(description="Entities of the plan it supports directly.")


@strawberry.type
class Stats:
    entity_count: int = strawberry.field(
        description="A plan's own entities; for the whole graph, every entity (the shared ones among them)."
    )
    shared_entity_count: int = strawberry.field(
        description="Entities no one plan owns — departments, the documents plans build on: for a plan, "
        "those it names (not in entityCount); for the whole graph, all of them."
    )
    relation_count: int
    by_kind: list[KindCount]
    by_relation: list[RelationCount]


@strawberry.type
class PageInfo:
    has_next_page: bool
    has_previous_page: bool
    start_cursor: str | None
    end_cursor: str | None


ALL_TYPES = list(_TYPES.values())
