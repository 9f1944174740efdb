"""The `GraphStore` protocol every backend implements, and the plain results it answers with.

The GraphQL layer talks to a store only through this protocol, so the memory store and
the Bolt store are interchangeable behind the same schema.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from typing import Protocol, runtime_checkable

from graph.analysis import Centrality
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

__all__ = ["GraphStore", "Page", "Reach", "Responsibility", "Stats", "Step", "departments_in"]


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


@runtime_checkable
class GraphStore(Protocol):
    #: Whether a call waits on a server (the API then makes it from a worker thread).
    blocking: bool

    def load(self, document: GraphDocument) -> None:
        """Add the document's plans, replacing earlier versions of the same plans atomically."""

    def ping(self) -> bool:
        """Whether the store can answer now (a database may be away)."""

    def plans(self) -> list[Entity]: ...

    def get_many(self, ids: list[str]) -> list[Entity | None]: ...

    def children_of(self, ids: list[str]) -> list[list[Entity]]:
        """For each id, the entities whose parent it is, in document order."""

    def relations_of(
        self, ids: list[str], rel_types: Collection[RelationType] | None, direction: Direction
    ) -> list[list[Step]]:
        """For each id, its relations of these types (None: all) in this direction."""

    def find(
        self,
        kind: EntityKind | None,
        plan_id: str | None,
        search: str | None,
        offset: int,
        limit: int,
    ) -> Page: ...

    def dependencies(
        self,
        entity_id: str,
        direction: Direction,
        rel_types: list[RelationType] | None,
        max_depth: int,
        limit: int | None = None,
    ) -> list[Reach]: ...

    def impact(self, entity_id: str, max_depth: int, limit: int | None = None) -> list[Reach]: ...

    def path(self, from_id: str, to_id: str, rel_types: list[RelationType] | None) -> list[Entity] | None: ...

    def responsibilities(self, department_id: str, include_inherited: bool) -> list[Responsibility]: ...

    def responsible_for(self, entity_id: str, include_inherited: bool) -> list[Responsibility]: ...

    def stats(self, plan_id: str | None) -> Stats: ...

    def direct_responsibilities(self, entities: list[Entity]) -> list[Responsibility]: ...

    def responsibility_matrix(self, kind: EntityKind, plan_id: str | None) -> list[Responsibility]: ...

    def unassigned(self, kind: EntityKind, plan_id: str | None) -> list[Entity]: ...

    def department_load(self, plan_id: str | None) -> list[tuple[Entity, int, int]]: ...

    def dependency_cycles(self, plan_id: str) -> list[list[Entity]]: ...

    def key_entities(
        self, kind: EntityKind | None, plan_id: str, first: int, measure: Centrality
    ) -> list[tuple[Entity, float]]: ...

    def indicators_by_metric(self, metric: str) -> list[Entity]: ...
