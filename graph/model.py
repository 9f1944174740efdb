"""The domain model: entity and relation kinds, and the plain-data `GraphDocument`.

Loaders produce a `GraphDocument`; stores persist and query it. Nothing here knows
about a particular backend or about GraphQL.
"""

from __future__ import annotations

import functools
import re
from dataclasses import asdict, dataclass, field, fields
from enum import StrEnum
from typing import Any

__all__ = [
    "KIND_FIELDS",
    "Comparator",
    "DepartmentFields",
    "Direction",
    "DocumentFields",
    "Entity",
    "EntityKind",
    "GraphDocument",
    "IndicatorFields",
    "Origin",
    "PlanFields",
    "Relation",
    "RelationType",
    "Role",
    "SectionFields",
    "SourceSpan",
    "attrs_of",
    "camel_case",
    "document_order",
    "field_names",
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


# -- the fields of each kind -------------------------------------------------------------------
#
# The one table of what each kind of entity carries beyond id, kind, name, label, text, parent
# and source. Loaders write an entity's `attrs` through these (`attrs_of`), the stores keep them
# as they are, and the GraphQL types expose the same fields (schema/types.py reads this table).


@dataclass(frozen=True, slots=True)
class PlanFields:
    title: str
    issuer: str | None = None
    approved_by: str | None = None
    issued_on: str | None = None
    period_start: int | None = None
    period_end: int | None = None
    region: str | None = None
    level: str | None = None
    doc_number: str | None = None
    recipients: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class SectionFields:
    #: For a chapter: how it was read (context, requirements, tasks, domains, projects, measures).
    chapter_kind: str | None = None


@dataclass(frozen=True, slots=True)
class IndicatorFields:
    metric: str
    comparator: str
    #: The target in base units (10.5亿吨 → 1050000000, 吨).
    value: float
    unit: str | None = None
    deadline: int | None = None
    #: The number and unit as written (10.5亿吨).
    written: str | None = None
    #: The level the plan gives the metric (省级), kept apart from it.
    level: str | None = None


@dataclass(frozen=True, slots=True)
class DepartmentFields:
    category: str | None = None
    aliases: list[str] = field(default_factory=list)
    level: str | None = None
    region: str | None = None
    mandate: list[str] = field(default_factory=list)
    since: int | None = None
    until: int | None = None
    #: False for a body no registry knows (named as the plan writes it, or written out in full).
    registered: bool | None = None


@dataclass(frozen=True, slots=True)
class DocumentFields:
    title: str | None = None
    doc_number: str | None = None


KindFields = PlanFields | SectionFields | IndicatorFields | DepartmentFields | DocumentFields

KIND_FIELDS: dict[EntityKind, type[KindFields]] = {
    EntityKind.PLAN: PlanFields,
    EntityKind.SECTION: SectionFields,
    EntityKind.INDICATOR: IndicatorFields,
    EntityKind.DEPARTMENT: DepartmentFields,
    EntityKind.DOCUMENT: DocumentFields,
}


@functools.cache
def camel_case(name: str) -> str:
    """period_start → periodStart: the key an entity's `attrs` (and GraphQL) name a field by.

    >>> camel_case("doc_number")
    'docNumber'
    """
    return re.sub(r"_([a-z])", lambda m: m.group(1).upper(), name)


def attrs_of(values: KindFields) -> dict[str, Any]:
    """An entity's `attrs` from its kind's fields, keyed in camelCase."""
    return {camel_case(name): value for name, value in asdict(values).items()}


def field_names(kind: EntityKind) -> list[str]:
    """The fields of a kind, by their Python names (none for a kind with no fields of its own)."""
    table = KIND_FIELDS.get(kind)
    return [f.name for f in fields(table)] if table else []
