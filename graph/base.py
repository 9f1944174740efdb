"""`StoreBase`: the analyses every store answers, written once over two primitives.

A store provides `get_many` and `_fetch_steps` (the relations of a batch of entities, in
the directions and of the types asked for); everything else — dependencies, impact,
shortest path, responsibility with inheritance — is computed here, level by level, and what
a traversal reads is bounded by the answer, not the graph. A walk whose shape is known in
advance (the same types at each level, up to a depth) can be fetched whole: a database store
overrides `_walk_source` to fetch it in one statement instead of one per level, and the walk is
then put together here in the same way. Steps are put in one canonical order, so every store
gives the same answer to the same question.
"""

from __future__ import annotations

import re
from abc import ABC, abstractmethod
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, replace

from graph.analysis import Centrality, cycles, impact_graph, rank
from graph.deadline import check_deadline
from graph.errors import EntityNotFound
from graph.model import Direction, Entity, EntityKind, Relation, RelationType, Role, document_order
from graph.semantics import IMPACT_FLOW, Flow
from graph.store import Page, Reach, Responsibility, Step

__all__ = ["MAX_PATH_LENGTH", "StoreBase", "Walk", "WalkLevel"]

#: How many relations `path` follows at the most before it answers that there is no path.
MAX_PATH_LENGTH = 12

_PART_OF = [RelationType.PART_OF]
_RESPONSIBLE_FOR = [RelationType.RESPONSIBLE_FOR]
_SUCCEEDED_BY = [RelationType.SUCCEEDED_BY]
_CYCLE_TYPES = [RelationType.DEPENDS_ON, RelationType.IMPLEMENTS]
_FORWARD = [t for t, flow in IMPACT_FLOW.items() if flow is Flow.FORWARD]
_BACKWARD = [t for t, flow in IMPACT_FLOW.items() if flow is Flow.BACKWARD]
_TYPE_RANK = {t: i for i, t in enumerate(RelationType)}

Types = Collection[RelationType] | None
#: The relation types a walk follows at one level: along their arrow, and against it.
WalkLevel = tuple[Types, Types]
#: Where a walk's steps come from: for a level and its frontier, each node's steps (a node
#: with none may be left out).
StepSource = Callable[[int, list[str]], Mapping[str, list[Step]]]

#: How many reorganisations in a row `responsible_for` fetches with the assignments.
_SUCCESSIONS_FETCHED = 2


@dataclass(frozen=True, slots=True)
class Walk:
    root: Entity
    #: Per level, each node of that level's frontier with its steps, in canonical order.
    levels: list[dict[str, list[Step]]]

    def steps(self) -> dict[str, list[Step]]:
        """Every node the walk expanded, with its steps (a node expanded at two levels
        has the same steps at both)."""
        return {node: steps for level in self.levels for node, steps in level.items()}


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


def _step_order(step: Step) -> tuple[object, ...]:
    return (
        step.direction is not Direction.DOWNSTREAM,
        _TYPE_RANK[step.relation.type],
        document_order(step.other),
        step.relation.role or "",
    )


class StoreBase(ABC):
    # -- primitives ------------------------------------------------------------------------

    @abstractmethod
    def get_many(self, ids: list[str]) -> list[Entity | None]: ...

    @abstractmethod
    def _fetch_steps(self, ids: list[str], out_types: Types, in_types: Types) -> list[list[Step]]:
        """For each id: its relations of out_types followed along the arrow and of in_types
        against it. None means every type; an empty collection, none."""

    @abstractmethod
    def find(
        self, kind: EntityKind | None, plan_id: str | None, search: str | None, offset: int, limit: int
    ) -> Page: ...

    def steps_of(self, ids: list[str], out_types: Types, in_types: Types) -> list[list[Step]]:
        check_deadline()
        if not ids:
            return []
        return [sorted(steps, key=_step_order) for steps in self._fetch_steps(ids, out_types, in_types)]

    def relations_of(self, ids: list[str], rel_types: Types, direction: Direction) -> list[list[Step]]:
        return self.steps_of(ids, *_directed(rel_types, direction))

    def walk(
        self, root_id: str, levels: list[WalkLevel], *, new_only: bool, limit: int | None = None
    ) -> Walk:
        """From one entity, level by level, the steps of each level's types out of its
        frontier (the nodes the level before reached). With `new_only`, a step to a node
        reached at an earlier level is left out and the walk stops once it has reached more
        than `limit` nodes — a breadth-first search; without, the walk follows every step."""
        check_deadline()
        root, source = self._walk_source(root_id, levels, new_only, limit)
        frontier, seen, found = [root_id], {root_id}, []
        for depth in range(len(levels)):
            if not frontier or (limit is not None and len(seen) > limit):
                break
            fetched = source(depth, frontier)
            level = {
                node: sorted(
                    (s for s in fetched.get(node, []) if not (new_only and s.other.id in seen)),
                    key=_step_order,
                )
                for node in frontier
            }
            found.append(level)
            frontier = list(dict.fromkeys(s.other.id for steps in level.values() for s in steps))
            if new_only:
                seen.update(frontier)
        return Walk(root, found)

    def _walk_source(
        self, root_id: str, levels: list[WalkLevel], new_only: bool, limit: int | None
    ) -> tuple[Entity, StepSource]:
        """The walk's root (`EntityNotFound` if there is none) and its steps: here fetched
        level by level, as the walk asks for them."""
        root = self._entity(root_id)

        def fetch(depth: int, frontier: list[str]) -> Mapping[str, list[Step]]:
            return dict(zip(frontier, self._fetch_steps(frontier, *levels[depth]), strict=True))

        return root, fetch

    def _entity(self, entity_id: str) -> Entity:
        entity = self.get_many([entity_id])[0]
        if entity is None:
            raise EntityNotFound(entity_id)
        return entity

    # -- traversals ------------------------------------------------------------------------

    def _breadth_first(
        self,
        root: str,
        max_depth: int,
        follow: Callable[[list[str]], list[list[Step]]],
        limit: int | None = None,
    ) -> list[Reach]:
        """Each entity reached once, at its smallest depth, with the first path to it; at
        most `limit` of them (the answer is then cut, in breadth-first order)."""
        seen = {root}
        reached: list[Reach] = []
        frontier: list[tuple[str, tuple[Step, ...]]] = [(root, ())]
        for depth in range(1, max_depth + 1):
            if not frontier:
                break
            next_frontier = []
            for (_, path), steps in zip(frontier, follow([node for node, _ in frontier]), strict=True):
                for step in steps:
                    if step.other.id in seen:
                        continue
                    if limit is not None and len(reached) >= limit:
                        return reached
                    seen.add(step.other.id)
                    step_path = (*path, step)
                    reached.append(Reach(step.other, depth, step_path))
                    next_frontier.append((step.other.id, step_path))
            frontier = next_frontier
        return reached

    def dependencies(
        self,
        entity_id: str,
        direction: Direction,
        rel_types: list[RelationType] | None,
        max_depth: int,
        limit: int | None = None,
    ) -> list[Reach]:
        return self._reach(entity_id, max_depth, _directed(rel_types or None, direction), limit)

    def impact(self, entity_id: str, max_depth: int, limit: int | None = None) -> list[Reach]:
        """Everything reachable following each relation in its impact direction (`IMPACT_FLOW`)."""
        return self._reach(entity_id, max_depth, (_FORWARD, _BACKWARD), limit)

    def _reach(self, entity_id: str, max_depth: int, level: WalkLevel, limit: int | None) -> list[Reach]:
        """Breadth-first over a walk fetched whole."""
        steps = self.walk(entity_id, [level] * max_depth, new_only=True, limit=limit).steps()
        return self._breadth_first(entity_id, max_depth, lambda ids: [steps.get(i, []) for i in ids], limit)

    def path(self, from_id: str, to_id: str, rel_types: list[RelationType] | None) -> list[Entity] | None:
        """A shortest chain of entities from one to the other, relations taken either way."""
        start = self._entity(from_id)
        self._entity(to_id)
        if from_id == to_id:
            return [start]
        types = rel_types or None
        for reach in self._breadth_first(
            from_id, MAX_PATH_LENGTH, lambda ids: self.steps_of(ids, types, types)
        ):
            if reach.entity.id == to_id:
                return [start, *(step.other for step in reach.path)]
        return None

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

    def _all(self, kind: EntityKind | None, plan_id: str | None) -> list[Entity]:
        return self.find(kind, plan_id, None, 0, 1_000_000).entities

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

    # -- whole-plan analyses ---------------------------------------------------------------

    def _plan_relations(self, plan_id: str, rel_types: Types) -> tuple[dict[str, Entity], list[Relation]]:
        """A plan's entities with those one relation away (departments, cited documents), and
        the relations of these types that touch the plan."""
        plan = self._entity(plan_id)
        if plan.kind is not EntityKind.PLAN:
            raise EntityNotFound(plan_id)
        entities = {e.id: e for e in self._all(None, plan_id)}
        relations: dict[tuple[object, ...], Relation] = {}
        for steps in self.steps_of(list(entities), rel_types, rel_types):
            for step in steps:
                entities.setdefault(step.other.id, step.other)
                relations.setdefault(step.relation.key, step.relation)
        return entities, list(relations.values())

    def dependency_cycles(self, plan_id: str) -> list[list[Entity]]:
        """Each cycle among a plan's DEPENDS_ON and IMPLEMENTS relations: a planning error."""
        entities, relations = self._plan_relations(plan_id, _CYCLE_TYPES)
        return [[entities[i] for i in cycle] for cycle in cycles(relations)]

    def key_entities(
        self, kind: EntityKind | None, plan_id: str, first: int, measure: Centrality
    ) -> list[tuple[Entity, float]]:
        """A plan's entities (of a kind) ranked by their centrality in its impact graph."""
        entities, relations = self._plan_relations(plan_id, None)
        scores = rank(impact_graph(relations), measure)
        ranked = sorted(
            (e for e in entities.values() if kind is None or e.kind is kind),
            key=lambda e: (-scores.get(e.id, 0.0), document_order(e)),
        )
        return [(e, scores.get(e.id, 0.0)) for e in ranked[:first]]

    # -- across plans ----------------------------------------------------------------------

    def indicators_by_metric(self, metric: str) -> list[Entity]:
        """The indicators of a metric in every plan, matched on the metric's comparable form
        (white space, brackets and case ignored); earliest plan period first, then earliest issued."""
        wanted = _comparable(metric)
        hits = [
            e
            for e in self._all(EntityKind.INDICATOR, None)
            if _comparable(e.attrs.get("metric") or e.name) == wanted
        ]
        plans = {p.id: p for p in self.get_many(list({e.plan for e in hits if e.plan})) if p is not None}

        def generation(indicator: Entity) -> tuple[int, str]:
            plan = plans.get(indicator.plan or "")
            attrs = plan.attrs if plan else {}
            return (attrs.get("periodStart") or 0, attrs.get("issuedOn") or "")

        return sorted(hits, key=lambda e: (*generation(e), document_order(e)))


def _directed(rel_types: Types, direction: Direction) -> WalkLevel:
    """The types to follow along their arrow and against it, for a direction."""
    along = rel_types if direction in (Direction.DOWNSTREAM, Direction.BOTH) else ()
    against = rel_types if direction in (Direction.UPSTREAM, Direction.BOTH) else ()
    return along, against


def _comparable(metric: str) -> str:
    return re.sub(r"[\s（）()【】\[\]]", "", metric).lower()
