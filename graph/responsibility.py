"""Who answers for what: responsibilities with inheritance down PART_OF and succession through
reorganisations (SUCCEEDED_BY), written once over the traversal primitives."""

from __future__ import annotations

from dataclasses import replace

from graph.model import Entity, EntityKind, Relation, RelationType, Role, document_order
from graph.results import ImpactReport, Responsibility, Step
from graph.traversal import IMPACT_LEVEL, MAX_PATH_LENGTH, Origins, Traversals

__all__ = ["ResponsibilityQueries"]

_PART_OF = [RelationType.PART_OF]
_RESPONSIBLE_FOR = [RelationType.RESPONSIBLE_FOR]
_SUCCEEDED_BY = [RelationType.SUCCEEDED_BY]
#: How many reorganisations in a row `responsible_for` fetches with the assignments.
_SUCCESSIONS_FETCHED = 2


def _answer(
    department: Entity, entity: Entity, relation: Relation, inherited_from: Entity | None = None
) -> Responsibility:
    """A Responsibility from the RESPONSIBLE_FOR relation it rests on."""
    return Responsibility(
        department,
        entity,
        relation.role or Role.LEAD,
        relation.origin,
        inherited_from,
        confidence=relation.confidence,
        evidence=relation.evidence,
    )


class ResponsibilityQueries(Traversals):
    # -- responsibility --------------------------------------------------------------------

    def _leads(self, ids: list[str]) -> set[str]:
        """The ids among these that name their own lead department."""
        return {
            entity_id
            for entity_id, steps in zip(ids, self.steps_of(ids, (), _RESPONSIBLE_FOR), strict=True)
            if any(step.relation.role is Role.LEAD for step in steps)
        }

    def responsibilities(self, department_id: str, include_inherited: bool) -> list[Responsibility]:
        """What a department is responsible for: its own (inherited down PART_OF to the parts
        that do not name their own lead), and those of the departments it succeeded."""
        department = self._entity(department_id)
        answers = self._own_responsibilities(department, include_inherited)
        seen = {department_id}
        frontier = [department]
        while frontier:
            predecessors = [
                s.other
                for steps in self.steps_of([d.id for d in frontier], (), _SUCCEEDED_BY)
                for s in steps
                if s.other.id not in seen
            ]
            seen.update(p.id for p in predecessors)
            for predecessor in predecessors:
                answers += [
                    replace(a, department=department, predecessor=predecessor)
                    for a in self._own_responsibilities(predecessor, include_inherited)
                ]
            frontier = predecessors
        return answers

    def _own_responsibilities(self, department: Entity, include_inherited: bool) -> list[Responsibility]:
        department_id = department.id
        direct = self.steps_of([department_id], _RESPONSIBLE_FOR, ())[0]
        answers = [_answer(department, s.other, s.relation) for s in direct]
        if not include_inherited:
            return answers
        held = {(a.entity.id, a.role) for a in answers}
        visited = {s.other.id for s in direct}
        # (part id, the directly held responsibility it inherits from)
        frontier = [(s.other.id, s) for s in direct]
        while frontier:
            parts_per_node = self.steps_of([node for node, _ in frontier], (), _PART_OF)
            candidates = [
                (part.other, source)
                for parts, (_, source) in zip(parts_per_node, frontier, strict=True)
                for part in parts
            ]
            leads = self._leads([part.id for part, _ in candidates])
            frontier = []
            for part, source in candidates:
                if part.id in leads or part.id in visited:
                    continue
                visited.add(part.id)
                role = source.relation.role or Role.LEAD
                if (part.id, role) not in held:
                    held.add((part.id, role))
                    answers.append(_answer(department, part, source.relation, source.other))
                frontier.append((part.id, source))
        return answers

    def responsible_for(self, entity_id: str, include_inherited: bool) -> list[Responsibility]:
        """Who is responsible for an entity; inherited from the wholes it is part of, up to
        and including the nearest one that names a lead, unless it names its own. A
        department that was reorganised is followed by its successors, which answer for it.
        The entity, its assignments and the first reorganisations come in one walk."""
        walk = self.walk(
            entity_id,
            [((), _RESPONSIBLE_FOR), *[(_SUCCEEDED_BY, ())] * _SUCCESSIONS_FETCHED],
            new_only=False,
        )
        successions = {node: steps for level in walk.levels[1:] for node, steps in level.items()}
        answers = self._assigned(walk.root, walk.levels[0][entity_id], include_inherited)
        seen = {(a.department.id, a.role) for a in answers}
        pending = answers
        while pending:
            found = []
            unknown = list(
                dict.fromkeys(a.department.id for a in pending if a.department.id not in successions)
            )
            successions.update(zip(unknown, self.steps_of(unknown, _SUCCEEDED_BY, ()), strict=True))
            for answer in pending:
                for step in successions[answer.department.id]:
                    if (step.other.id, answer.role) not in seen:
                        seen.add((step.other.id, answer.role))
                        found.append(replace(answer, department=step.other, predecessor=answer.department))
            answers += found
            pending = found
        return answers

    def _assigned(self, entity: Entity, direct: list[Step], include_inherited: bool) -> list[Responsibility]:
        """The entity's own assignments (`direct`), and unless one of them is a lead, those
        it inherits from the wholes above it."""
        answers = [_answer(s.other, entity, s.relation) for s in direct]
        if not include_inherited or any(s.relation.role is Role.LEAD for s in direct):
            return answers
        held = {(a.department.id, a.role) for a in answers}
        current = entity.id
        for _ in range(MAX_PATH_LENGTH):
            parents = self.steps_of([current], _PART_OF, ())[0]
            if not parents:
                break
            ancestor = parents[0].other
            assigned = self.steps_of([ancestor.id], (), _RESPONSIBLE_FOR)[0]
            for step in assigned:
                role = step.relation.role or Role.LEAD
                if (step.other.id, role) not in held:
                    held.add((step.other.id, role))
                    answers.append(_answer(step.other, entity, step.relation, ancestor))
            if any(step.relation.role is Role.LEAD for step in assigned):
                break
            current = ancestor.id
        return answers

    def direct_responsibilities(self, entities: list[Entity]) -> list[Responsibility]:
        """Who the text, an overlay or inference assigns to each of these entities, in one batch."""
        return [
            _answer(step.other, entity, step.relation)
            for entity, steps in zip(
                entities, self.steps_of([e.id for e in entities], (), _RESPONSIBLE_FOR), strict=True
            )
            for step in steps
        ]

    # -- responsibility overviews ----------------------------------------------------------

    def responsibility_matrix(self, kind: EntityKind, plan_id: str | None) -> list[Responsibility]:
        """Every department × entity of a kind with its role, inherited ones included."""
        return [
            a for e in self._all(kind, plan_id) for a in self.responsible_for(e.id, include_inherited=True)
        ]

    def unassigned(self, kind: EntityKind, plan_id: str | None) -> list[Entity]:
        """Entities of a kind with no lead, neither their own nor inherited."""
        return [
            e
            for e in self._all(kind, plan_id)
            if not any(a.role is Role.LEAD for a in self.responsible_for(e.id, include_inherited=True))
        ]

    def department_load(self, plan_id: str | None) -> list[tuple[Entity, int, int]]:
        """For each department: how many entities (of the plan) it leads and supports directly."""
        entities = [e for e in self._all(None, plan_id) if e.kind is not EntityKind.DEPARTMENT]
        counts: dict[str, list[int]] = {}
        departments: dict[str, Entity] = {}
        for steps in self.steps_of([e.id for e in entities], (), _RESPONSIBLE_FOR):
            for step in steps:
                departments[step.other.id] = step.other
                tally = counts.setdefault(step.other.id, [0, 0])
                tally[0 if step.relation.role is Role.LEAD else 1] += 1
        ranked = sorted(
            departments.values(), key=lambda d: (-counts[d.id][0], -counts[d.id][1], document_order(d))
        )
        return [(d, counts[d.id][0], counts[d.id][1]) for d in ranked]

    def impact_report(
        self, entity_id: str, max_depth: int, limit: int | None = None, origins: Origins = None
    ) -> ImpactReport:
        """The impact of an entity (at most `limit` entities reached, over relations of these
        origins), with the departments to inform: those assigned to it and to all it reaches
        (by relations of any origin, as `direct_responsibilities`), fetched with the walk."""
        walk, reached = self._reach(
            entity_id, max_depth, IMPACT_LEVEL, limit, origins, around=((), _RESPONSIBLE_FOR)
        )
        answers = [
            _answer(step.other, entity, step.relation)
            for entity in [walk.root, *(r.entity for r in reached)]
            for step in walk.around[entity.id]
        ]
        return ImpactReport(walk.root, reached, answers)
