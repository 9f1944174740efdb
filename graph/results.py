"""What a store answers with: plain, frozen results the GraphQL layer turns into types."""

from __future__ import annotations

from dataclasses import dataclass, field

from graph.model import (
    Direction,
    Entity,
    EntityKind,
    GraphDocument,
    Origin,
    Relation,
    RelationType,
    Role,
    document_order,
)

__all__ = ["ImpactReport", "Page", "Reach", "Responsibility", "Stats", "Step", "departments_in", "stats_of"]


@dataclass(frozen=True, slots=True)
class Step:
    """One relation as seen from an entity: followed along (DOWNSTREAM) or against
    (UPSTREAM) its arrow, arriving at `other`."""

    relation: Relation
    direction: Direction
    other: Entity


@dataclass(frozen=True, slots=True)
class Reach:
    entity: Entity
    depth: int
    path: tuple[Step, ...]


@dataclass(frozen=True, slots=True)
class Responsibility:
    department: Entity
    entity: Entity
    role: Role
    origin: Origin
    #: The entity whose responsibility this one is inherited from, down PART_OF; None if direct.
    inherited_from: Entity | None = None
    #: The reorganised department whose responsibility `department` answers for as its successor.
    predecessor: Entity | None = None
    confidence: float | None = None
    evidence: str | None = None


def departments_in(answers: list[Responsibility]) -> list[Entity]:
    """The departments of some responsibilities, once each, in document order."""
    return sorted({a.department.id: a.department for a in answers}.values(), key=document_order)


@dataclass(frozen=True, slots=True)
class Page:
    total: int
    entities: list[Entity]


@dataclass(slots=True)
class Stats:
    """Counts of a plan (or of the whole graph). A plan's `entities` are its own; `shared` are
    the entities no one plan owns (departments, the documents plans build on) that it names —
    not among its `entities`. For the whole graph, `entities` counts every entity, the `shared`
    ones among them."""

    entities: int = 0
    relations: int = 0
    by_kind: dict[EntityKind, int] = field(default_factory=dict)
    by_relation: dict[RelationType, int] = field(default_factory=dict)
    shared: int = 0

    def describe(self, whole: bool = False) -> str:
        """The counts as every message gives them: of one plan, or (`whole`) of the whole graph."""
        if whole:
            return (
                f"{self.entities} entities ({self.entities - self.shared} in plans, and {self.shared} "
                f"departments and documents they name), {self.relations} relations"
            )
        return (
            f"{self.entities} entities of its own, and {self.shared} departments and documents it names; "
            f"{self.relations} relations"
        )


def stats_of(document: GraphDocument, plan_id: str | None = None) -> Stats:
    """The counts of a loaded document as a store gives them: of one plan of it (its own
    entities, and the shared ones it names), or of the whole document."""
    stats = Stats()
    entities = document.entities
    named: set[str] = set()
    for relation in document.relations.values():
        ends = [entities[end] for end in (relation.source, relation.target) if end in entities]
        if plan_id is not None and all(end.plan != plan_id for end in ends):
            continue
        stats.relations += 1
        stats.by_relation[relation.type] = stats.by_relation.get(relation.type, 0) + 1
        named.update(end.id for end in ends if end.plan is None)
    for entity in entities.values():
        if plan_id is None or entity.plan == plan_id:
            stats.entities += 1
            stats.by_kind[entity.kind] = stats.by_kind.get(entity.kind, 0) + 1
    stats.shared = len(named) if plan_id is not None else sum(1 for e in entities.values() if e.plan is None)
    return stats


@dataclass(frozen=True, slots=True)
class ImpactReport:
    """What an entity's slipping puts at risk, and who answers for it and for what it reaches."""

    root: Entity
    reached: list[Reach]
    #: Who the text, an overlay or inference assigns to the root and to each entity reached.
    responsibilities: list[Responsibility]

    @property
    def departments(self) -> list[Entity]:
        return departments_in(self.responsibilities)
