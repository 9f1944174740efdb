"""Traversals every store answers, written once over two primitives.

A store provides `get_many` and `_fetch_steps` (the relations of a batch of entities, in the
directions and of the types asked for); dependencies, impact and shortest path are computed
here, level by level, and what a traversal reads is bounded by the answer, not the graph. A walk
whose shape is known in advance (the same types at each level, up to a depth) can be fetched
whole: a database store overrides `_walk_source` to fetch it in one statement instead of one per
level, and the walk is then put together here in the same way. Steps are put in one canonical
order, so every store gives the same answer to the same question.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass
from functools import partial

from graph.deadline import check_deadline
from graph.errors import EntityNotFound
from graph.model import Direction, Entity, EntityKind, Origin, RelationType, document_order
from graph.results import Page, Reach, Step
from graph.semantics import IMPACT_FLOW

__all__ = ["MAX_PATH_LENGTH", "Origins", "StepSource", "Traversals", "Types", "Walk", "WalkLevel"]

#: How many relations `path` follows at the most before it answers that there is no path.
MAX_PATH_LENGTH = 12

_ALONG = [t for t, direction in IMPACT_FLOW.items() if direction is Direction.DOWNSTREAM]
_AGAINST = [t for t, direction in IMPACT_FLOW.items() if direction is Direction.UPSTREAM]
_TYPE_RANK = {t: i for i, t in enumerate(RelationType)}

Types = Collection[RelationType] | None
#: The origins of the relations a traversal follows; None: all.
Origins = Collection[Origin] | None
#: The relation types a walk follows at one level: along their arrow, and against it.
WalkLevel = tuple[Types, Types]
#: Where a walk's steps come from: for a level and its frontier, each node's steps (a node
#: with none may be left out).
StepSource = Callable[[int, list[str]], Mapping[str, list[Step]]]


@dataclass(frozen=True, slots=True)
class Walk:
    root: Entity
    #: Per level, each node of that level's frontier with its steps, in canonical order.
    levels: list[dict[str, list[Step]]]

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
    ) -> Walk:
        """From one entity, level by level, the steps of each level's types out of its
        frontier (the nodes the level before reached). With `new_only`, a step to a node
        reached at an earlier level is left out and the walk stops once it has reached more
        than `limit` nodes — a breadth-first search; without, the walk follows every step."""
        check_deadline()
        # A walk over some origins only is fetched level by level: a walk fetched whole would
        # count as reached the nodes that only a left-out relation leads to.
        fetch_source = self._walk_source if origins is None else partial(Traversals._walk_source, self)
        root, source = fetch_source(root_id, levels, new_only, limit)
        frontier, seen, found = [root_id], {root_id}, []
        for depth in range(len(levels)):
            if not frontier or (limit is not None and len(seen) > limit):
                break
            fetched = source(depth, frontier)
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
        origins: Origins = None,
    ) -> list[Reach]:
        return self._reach(entity_id, max_depth, _directed(rel_types or None, direction), limit, origins)

    def impact(
        self, entity_id: str, max_depth: int, limit: int | None = None, origins: Origins = None
    ) -> list[Reach]:
        """Everything reachable following each relation in its impact direction (`IMPACT_FLOW`)."""
        return self._reach(entity_id, max_depth, (_ALONG, _AGAINST), limit, origins)

    def _reach(
        self, entity_id: str, max_depth: int, level: WalkLevel, limit: int | None, origins: Origins = None
    ) -> list[Reach]:
        """Breadth-first over a walk fetched whole."""
        steps = self.walk(entity_id, [level] * max_depth, new_only=True, limit=limit, origins=origins).steps()
        return self._breadth_first(entity_id, max_depth, lambda ids: [steps.get(i, []) for i in ids], limit)

    def path(
        self, from_id: str, to_id: str, rel_types: list[RelationType] | None, origins: Origins = None
    ) -> list[Entity] | None:
        """A shortest chain of entities from one to the other, relations taken either way."""
        start = self._entity(from_id)
        self._entity(to_id)
        if from_id == to_id:
            return [start]
        types = rel_types or None
        for reach in self._breadth_first(
            from_id,
            MAX_PATH_LENGTH,
            lambda ids: [
                [s for s in steps if _kept(s, origins)] for steps in self.steps_of(ids, types, types)
            ],
        ):
            if reach.entity.id == to_id:
                return [start, *(step.other for step in reach.path)]
        return None

    def _all(self, kind: EntityKind | None, plan_id: str | None) -> list[Entity]:
        return self.find(kind, plan_id, None, 0, 1_000_000).entities


def _directed(rel_types: Types, direction: Direction) -> WalkLevel:
    """The types to follow along their arrow and against it, for a direction."""
    along = rel_types if direction in (Direction.DOWNSTREAM, Direction.BOTH) else ()
    against = rel_types if direction in (Direction.UPSTREAM, Direction.BOTH) else ()
    return along, against


def _kept(step: Step, origins: Origins) -> bool:
    return origins is None or step.relation.origin in origins
