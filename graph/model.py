"""The domain model: entity and relation kinds, and the plain-data `GraphDocument`.

Loaders produce a `GraphDocument`; stores persist and query it. Nothing here knows
about a particular backend or about GraphQL.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

__all__ = [
    "Comparator",
    "Direction",
    "Entity",
    "EntityKind",
    "GraphDocument",
    "Origin",
    "Relation",
    "RelationType",
    "Role",
    "SourceSpan",
    "document_order",
]


class EntityKind(StrEnum):
    PLAN = "PLAN"
    SECTION = "SECTION"
    PRINCIPLE = "PRINCIPLE"
    GOAL = "GOAL"
    INDICATOR = "INDICATOR"
    TASK = "TASK"
    DOMAIN = "DOMAIN"
    PROJECT = "PROJECT"
    MEASURE = "MEASURE"
    STANDARD = "STANDARD"
    DEPARTMENT = "DEPARTMENT"
    DOCUMENT = "DOCUMENT"


class RelationType(StrEnum):
    PART_OF = "PART_OF"
    SUPPORTS = "SUPPORTS"
    MEASURES = "MEASURES"
    IMPLEMENTS = "IMPLEMENTS"
    COVERS = "COVERS"
    FORMULATES = "FORMULATES"
    DEPENDS_ON = "DEPENDS_ON"
    RESPONSIBLE_FOR = "RESPONSIBLE_FOR"
    REFERENCES = "REFERENCES"
    DERIVES_FROM = "DERIVES_FROM"
    #: department → the department that took over its remit in a reorganisation
    SUCCEEDED_BY = "SUCCEEDED_BY"


class Direction(StrEnum):
    """DOWNSTREAM follows a relation along its arrow, UPSTREAM against it."""

    UPSTREAM = "UPSTREAM"
    DOWNSTREAM = "DOWNSTREAM"
    BOTH = "BOTH"


class Origin(StrEnum):
    TEXT = "TEXT"
    CURATED = "CURATED"
    INFERRED = "INFERRED"


class Role(StrEnum):
    LEAD = "LEAD"
    SUPPORT = "SUPPORT"


class Comparator(StrEnum):
    AT_LEAST = "AT_LEAST"
    AT_MOST = "AT_MOST"
    EQUAL = "EQUAL"
    ABOUT = "ABOUT"


@dataclass(frozen=True, slots=True)
class SourceSpan:
    """Where something stands in the original (decoded) plan text: character offsets and line."""

    plan: str
    start: int
    end: int
    line: int


@dataclass(slots=True)
class Entity:
    id: str
    kind: EntityKind
    name: str
    plan: str | None = None
    label: str | None = None
    text: str | None = None
    parent: str | None = None
    source: SourceSpan | None = None
    #: Kind-specific fields, keyed in camelCase as GraphQL names them (metric, value, title, …).
    attrs: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True)
class Relation:
    type: RelationType
    source: str
    target: str
    origin: Origin = Origin.TEXT
    role: Role | None = None
    confidence: float | None = None
    evidence: str | None = None
    span: SourceSpan | None = None

    @property
    def key(self) -> tuple[RelationType, str, str, Role | None]:
        """Two relations with the same key are the same fact, whatever their provenance."""
        return (self.type, self.source, self.target, self.role)


@dataclass(slots=True)
class GraphDocument:
    """Entities and relations as plain data, in document order; what loaders hand to stores."""

    entities: dict[str, Entity] = field(default_factory=dict)
    relations: dict[tuple[RelationType, str, str, Role | None], Relation] = field(default_factory=dict)

    def add_entity(self, entity: Entity) -> Entity:
        """Add an entity; an id seen before keeps its first version (shared departments, documents)."""
        return self.entities.setdefault(entity.id, entity)

    def add_relation(self, relation: Relation) -> Relation:
        return self.relations.setdefault(relation.key, relation)

    def merge(self, other: GraphDocument) -> None:
        for entity in other.entities.values():
            self.add_entity(entity)
        for relation in other.relations.values():
            self.add_relation(relation)

    def redirect(self, old_id: str, new_id: str) -> None:
        """Fold entity old_id into new_id: its relations now end at new_id, and it is gone."""
        relations = list(self.relations.values())
        self.relations = {}
        for relation in relations:
            if relation.source == old_id:
                relation.source = new_id
            if relation.target == old_id:
                relation.target = new_id
            self.add_relation(relation)
        del self.entities[old_id]

    def relations_of(self, rel_type: RelationType) -> list[Relation]:
        return [r for r in self.relations.values() if r.type is rel_type]

    def entities_of(self, kind: EntityKind) -> list[Entity]:
        return [e for e in self.entities.values() if e.kind is kind]


def document_order(entity: Entity) -> tuple[str, int, str]:
    """The order every store lists entities in: by plan, then where they stand in its text.
    Shared entities (departments, documents) have no plan and come first."""
    return (entity.plan or "", entity.source.start if entity.source else -1, entity.id)
