"""What a store answers with: plain, frozen results the GraphQL layer turns into types."""

from __future__ import annotations

from dataclasses import dataclass, field

from graph.model import Direction, Entity, EntityKind, Origin, Relation, RelationType, Role, document_order

__all__ = ["ImpactReport", "Page", "Reach", "Responsibility", "Stats", "Step", "departments_in"]


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
    entities: int = 0
    relations: int = 0
    by_kind: dict[EntityKind, int] = field(default_factory=dict)
    by_relation: dict[RelationType, int] = field(default_factory=dict)


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
