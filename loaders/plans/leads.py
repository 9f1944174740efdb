"""Inferred responsibility: for entities that neither the text nor an overlay gives a lead
(directly or through a whole they are part of), propose the department whose mandate
keywords the entity's name and text match best. Origin INFERRED, with a confidence and the
matched keywords as evidence."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from graph.model import Entity, EntityKind, GraphDocument, Origin, Relation, RelationType, Role
from loaders.registry import DepartmentRegistry, RegisteredDepartment, department_id

__all__ = ["INFERRED_KINDS", "infer_leads"]

INFERRED_KINDS = (EntityKind.TASK, EntityKind.PROJECT, EntityKind.DOMAIN, EntityKind.MEASURE)
#: A keyword in the entity's name counts this many times one in its text.
NAME_WEIGHT = 3
#: Below this score no lead is proposed.
MIN_SCORE = 2


@dataclass(frozen=True, slots=True)
class _Match:
    department: RegisteredDepartment
    score: int
    evidence: str


def _score(entity: Entity, department: RegisteredDepartment) -> _Match:
    text = entity.text or ""
    hits = []
    score = 0
    for keyword in department.mandate:
        in_name, in_text = entity.name.count(keyword), text.count(keyword)
        if in_name or in_text:
            score += NAME_WEIGHT * in_name + in_text
            hits.append(f"{keyword}×{in_name + in_text}")
    return _Match(department, score, "、".join(hits))


def _has_lead(document: GraphDocument, leads: set[str], entity: Entity) -> bool:
    """Whether the entity or a whole it is part of has a lead."""
    current: Entity | None = entity
    while current is not None:
        if current.id in leads:
            return True
        current = document.entities.get(current.parent) if current.parent else None
    return False


def infer_leads(document: GraphDocument, registry: DepartmentRegistry) -> int:
    """Add an INFERRED lead to each entity of the inferred kinds that has none; return how many."""
    leads = {
        r.target
        for r in document.relations.values()
        if r.type is RelationType.RESPONSIBLE_FOR and r.role is Role.LEAD
    }
    by_plan: dict[str, list[Entity]] = defaultdict(list)
    for entity in document.entities.values():
        if entity.plan is not None and entity.kind in INFERRED_KINDS:
            by_plan[entity.plan].append(entity)
    added = 0
    for plan in document.entities_of(EntityKind.PLAN):
        issued = plan.attrs.get("issuedOn") or ""
        year = int(issued[:4]) if issued[:4].isdigit() else plan.attrs.get("periodStart")
        candidates = registry.candidates(plan.attrs.get("region"), year)
        orphans = [e for e in by_plan[plan.id] if not _has_lead(document, leads, e)]
        for entity in orphans:
            ranked = sorted((_score(entity, d) for d in candidates), key=lambda m: -m.score)
            if not ranked or ranked[0].score < MIN_SCORE:
                continue
            best, runner_up = ranked[0], ranked[1].score if len(ranked) > 1 else 0
            if department_id(best.department.name) not in document.entities:
                document.add_entity(best.department.entity())
            document.add_relation(
                Relation(
                    RelationType.RESPONSIBLE_FOR,
                    department_id(best.department.name),
                    entity.id,
                    origin=Origin.INFERRED,
                    role=Role.LEAD,
                    confidence=round(best.score / (best.score + runner_up + 1), 2),
                    evidence=f"职责关键词匹配：{best.evidence}",
                )
            )
            added += 1
    return added
