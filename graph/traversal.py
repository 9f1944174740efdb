"""Traversals every store answers, written once over two primitives.

A store provides `get_many` and `_fetch_steps` (the relations of a batch of entities, in the
directions and of the types asked for); dependencies, impact and shortest path are computed
here, level by level, and what a traversal reads is bounded by the answer, not the graph. Each
of them is one walk whose shape is known in advance (`WalkPlan`: the types at each level, up to
a depth, the origins followed, where to stop): a database store overrides `_walk_source` to
fetch the whole walk — its root, the entity it looks for, and the relations around what it
reaches — in one statement instead of one per level, and the walk is then put together here in
the same way. Steps are put in one canonical order, so every store gives the same answer to the
same question.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, field

from graph.deadline import check_deadline
from graph.errors import EntityNotFound
from graph.model import Direction, Entity, EntityKind, Origin, RelationType, document_order
from graph.results import Page, Reach, Step
from graph.semantics import IMPACT_FLOW

__all__ = [
    "IMPACT_LEVEL",
    "MAX_PATH_LENGTH",
    "Origins",
    "StepSource",
    "Traversals",
    "Types",
    "Walk",
    "WalkLevel",
    "WalkPlan",
    "WalkSource",
]

#: How many relations `path` follows at the most before it answers that there is no path.
MAX_PATH_LENGTH = 12

_TYPE_RANK = {t: i for i, t in enumerate(RelationType)}

Types = Collection[RelationType] | None
#: The origins of the relations a traversal follows; None: all.
Origins = Collection[Origin] | None
#: The relation types a walk follows at one level: along their arrow, and against it.
WalkLevel = tuple[Types, Types]
#: Where a walk's steps come from: for a level and its frontier, each node's steps (a node
#: with none may be left out).
StepSource = Callable[[int, list[str]], Mapping[str, list[Step]]]
#: The relations of every type, each followed in its impact direction (`IMPACT_FLOW`).
IMPACT_LEVEL: WalkLevel = (
    [t for t, direction in IMPACT_FLOW.items() if direction is Direction.DOWNSTREAM],
    [t for t, direction in IMPACT_FLOW.items() if direction is Direction.UPSTREAM],
)


@dataclass(frozen=True, slots=True)
class WalkPlan:
    """What a walk is asked, whole, so that a store can fetch it at once (`Traversals.walk`)."""

    root: str
    levels: list[WalkLevel]
    new_only: bool
    limit: int | None = None
    origins: Origins = None
    #: An entity the walk looks for: it is fetched with the root, and the walk stops after
    #: the level that reaches it.
    goal: str | None = None
    #: The steps of these types (of any origin) around every entity the walk reaches.
    around: WalkLevel | None = None


@dataclass(frozen=True, slots=True)
class WalkSource:
    """What a walk reads, however a store fetches it: the root and the goal (where they
    exist), each level's steps for its frontier (a node with none may be left out), and the
    steps around the entities reached."""

    entities: Mapping[str, Entity]
    level: StepSource
    around: Callable[[list[str]], Mapping[str, list[Step]]]


@dataclass(frozen=True, slots=True)
class Walk:
    root: Entity
    #: Per level, each node of that level's frontier with its steps, in canonical order.
    levels: list[dict[str, list[Step]]]
    #: For every entity reached (the root too), its steps of the plan's `around` types.
    around: dict[str, list[Step]] = field(default_factory=dict)

    def steps(self) -> dict[str, list[Step]]:
        """Every node the walk expanded, with its steps (a node expanded at two levels
        has the same steps at both)."""
        return {node: steps for level in self.levels for node, steps in level.items()}


def _step_order(step: Step) -> tuple[object, ...]:
    return (
        step.direction is not Direction.DOWNSTREAM,
        _TYPE_RANK[step.relation.type],
        document_order(step.other),
        step.relation.role or "",
    )


class Traversals(ABC):
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
        self,
        root_id: str,
        levels: list[WalkLevel],
        *,
        new_only: bool,
        limit: int | None = None,
        origins: Origins = None,
        goal: str | None = None,
        around: WalkLevel | None = None,
    ) -> Walk:
        """From one entity, level by level, the steps of each level's types (and origins) out
        of its frontier (the nodes the level before reached). With `new_only`, a step to a node
        reached at an earlier level is left out — a breadth-first search; without, the walk
        follows every step. It stops once it has reached more than `limit` nodes, or after the
        level that reaches `goal`. `EntityNotFound` if there is no root, or no goal."""
        check_deadline()
        plan = WalkPlan(root_id, levels, new_only, limit, origins, goal, around)
        source = self._walk_source(plan)
        root = _found(source.entities, root_id)
        if goal is not None:
            _found(source.entities, goal)
        frontier, seen, found = [root_id], {root_id}, []
        for depth in range(len(levels)):
            if not frontier or (limit is not None and len(seen) > limit) or goal in seen:
                break
            fetched = source.level(depth, frontier)
            level = {
                node: sorted(
                    (
                        s
                        for s in fetched.get(node, [])
                        if _kept(s, origins) and not (new_only and s.other.id in seen)
                    ),
                    key=_step_order,
                )
                for node in frontier
            }
            found.append(level)
            frontier = list(dict.fromkeys(s.other.id for steps in level.values() for s in steps))
            seen.update(frontier)
        nearby: dict[str, list[Step]] = {}
        if around is not None:
            reached = sorted(seen)
            fetched = source.around(reached)
            nearby = {node: sorted(fetched.get(node, []), key=_step_order) for node in reached}
        return Walk(root, found, nearby)

    def _walk_source(self, plan: WalkPlan) -> WalkSource:
        """The walk's root and goal, and its steps: here fetched level by level, as the walk
        asks for them."""
        ids = list(dict.fromkeys(i for i in (plan.root, plan.goal) if i is not None))
        entities = {e.id: e for e in self.get_many(ids) if e is not None}

        def level(depth: int, frontier: list[str]) -> Mapping[str, list[Step]]:
            return dict(zip(frontier, self._fetch_steps(frontier, *plan.levels[depth]), strict=True))

        def around(nodes: list[str]) -> Mapping[str, list[Step]]:
            assert plan.around is not None
            return dict(zip(nodes, self._fetch_steps(nodes, *plan.around), strict=True))

        return WalkSource(entities, level, around)

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
        origins: Origins = None,
    ) -> list[Reach]:
        level = _directed(rel_types or None, direction)
        return self._reach(entity_id, max_depth, level, limit, origins)[1]

    def impact(
        self, entity_id: str, max_depth: int, limit: int | None = None, origins: Origins = None
    ) -> list[Reach]:
        """Everything reachable following each relation in its impact direction (`IMPACT_FLOW`)."""
        return self._reach(entity_id, max_depth, IMPACT_LEVEL, limit, origins)[1]

    def _reach(
        self,
        entity_id: str,
        max_depth: int,
        level: WalkLevel,
        limit: int | None,
        origins: Origins = None,
        around: WalkLevel | None = None,
    ) -> tuple[Walk, list[Reach]]:
        """Breadth-first over a walk fetched whole; the walk too, for what it fetched around."""
        walk = self.walk(
            entity_id, [level] * max_depth, new_only=True, limit=limit, origins=origins, around=around
        )
        steps = walk.steps()
        return walk, self._breadth_first(
            entity_id, max_depth, lambda ids: [steps.get(i, []) for i in ids], limit
        )

    def path(
        self, from_id: str, to_id: str, rel_types: list[RelationType] | None, origins: Origins = None
    ) -> list[Entity] | None:
        """A shortest chain of entities from one to the other, relations taken either way: the
        first a breadth-first walk finds, which stops at the level that reaches the other."""
        types = rel_types or None
        levels: list[WalkLevel] = [(types, types)] * MAX_PATH_LENGTH
        walk = self.walk(from_id, levels, new_only=True, origins=origins, goal=to_id)
        if from_id == to_id:
            return [walk.root]
        steps = walk.steps()
        for reach in self._breadth_first(from_id, len(levels), lambda ids: [steps.get(i, []) for i in ids]):
            if reach.entity.id == to_id:
                return [walk.root, *(step.other for step in reach.path)]
        return None

    def _all(self, kind: EntityKind | None, plan_id: str | None) -> list[Entity]:
        return self.find(kind, plan_id, None, 0, 1_000_000).entities


def _directed(rel_types: Types, direction: Direction) -> WalkLevel:
    """The types to follow along their arrow and against it, for a direction."""
    along = rel_types if direction in (Direction.DOWNSTREAM, Direction.BOTH) else ()
    against = rel_types if direction in (Direction.UPSTREAM, Direction.BOTH) else ()
    return along, against


def _found(entities: Mapping[str, Entity], entity_id: str) -> Entity:
    if entity_id not in entities:
        raise EntityNotFound(entity_id)
    return entities[entity_id]


def _kept(step: Step, origins: Origins) -> bool:
    return origins is None or step.relation.origin in origins
