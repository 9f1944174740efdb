"""The embedded store: a networkx MultiDiGraph held in memory.

Nodes are entity ids with the `Entity` under the attribute ``entity``; each relation is an
edge from its source to its target, keyed by relation type and role, with the `Relation`
under ``relation``.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterator

import networkx as nx

from graph.errors import EntityNotFound
from graph.model import (
    Direction,
    Entity,
    EntityKind,
    GraphDocument,
    Relation,
    RelationType,
    Role,
)
from graph.semantics import IMPACT_FLOW, Flow
from graph.store import Page, Reach, Responsibility, Stats, Step

__all__ = ["MemoryStore"]

_PART_OF = RelationType.PART_OF
_RESPONSIBLE_FOR = RelationType.RESPONSIBLE_FOR


class MemoryStore:
    """A `GraphStore` on networkx.

    >>> from graph.model import GraphDocument, Entity, EntityKind
    >>> doc = GraphDocument()
    >>> _ = doc.add_entity(Entity("p", EntityKind.PLAN, "规划", plan="p"))
    >>> store = MemoryStore()
    >>> store.load(doc)
    >>> [e.name for e in store.plans()]
    ['规划']
    """

    def __init__(self) -> None:
        self._graph = nx.MultiDiGraph()
        #: entity id → ids of the entities whose `parent` it is, in document order.
        self._children: dict[str, list[str]] = {}

    # -- loading ---------------------------------------------------------------------------

    def load(self, document: GraphDocument) -> None:
        """Replace the document's plans as a whole: the new graph is built aside and swapped
        in at the end, so a failure leaves the previous graph untouched."""
        plan_ids = {e.plan for e in document.entities.values() if e.kind is EntityKind.PLAN}
        graph = self._graph.copy()
        stale = [n for n, e in graph.nodes(data="entity") if e.plan in plan_ids]
        graph.remove_nodes_from(stale)
        for entity in document.entities.values():
            if entity.id not in graph:
                graph.add_node(entity.id, entity=entity)
        for relation in document.relations.values():
            for end in (relation.source, relation.target):
                if end not in graph:
                    raise EntityNotFound(end)
            graph.add_edge(relation.source, relation.target, key=_edge_key(relation), relation=relation)
        children: dict[str, list[str]] = {}
        for node, entity in graph.nodes(data="entity"):
            if entity.parent is not None:
                children.setdefault(entity.parent, []).append(node)
        self._graph, self._children = graph, children

    # -- lookups ---------------------------------------------------------------------------

    def _entity(self, entity_id: str) -> Entity:
        try:
            return self._graph.nodes[entity_id]["entity"]
        except KeyError:
            raise EntityNotFound(entity_id) from None

    def _require(self, entity_id: str) -> None:
        if entity_id not in self._graph:
            raise EntityNotFound(entity_id)

    def plans(self) -> list[Entity]:
        return [e for _, e in self._graph.nodes(data="entity") if e.kind is EntityKind.PLAN]

    def get_many(self, ids: list[str]) -> list[Entity | None]:
        nodes = self._graph.nodes
        return [nodes[i]["entity"] if i in nodes else None for i in ids]

    def children_of(self, ids: list[str]) -> list[list[Entity]]:
        nodes = self._graph.nodes
        return [[nodes[c]["entity"] for c in self._children.get(i, [])] for i in ids]

    def relations_of(
        self, ids: list[str], rel_type: RelationType | None, direction: Direction
    ) -> list[list[Step]]:
        return [list(self._steps(i, direction, rel_type)) if i in self._graph else [] for i in ids]

    def _steps(
        self, entity_id: str, direction: Direction, rel_type: RelationType | None = None
    ) -> Iterator[Step]:
        nodes = self._graph.nodes
        if direction in (Direction.DOWNSTREAM, Direction.BOTH):
            for _, target, relation in self._graph.out_edges(entity_id, data="relation"):
                if rel_type is None or relation.type is rel_type:
                    yield Step(relation, Direction.DOWNSTREAM, nodes[target]["entity"])
        if direction in (Direction.UPSTREAM, Direction.BOTH):
            for source, _, relation in self._graph.in_edges(entity_id, data="relation"):
                if rel_type is None or relation.type is rel_type:
                    yield Step(relation, Direction.UPSTREAM, nodes[source]["entity"])

    def find(
        self,
        kind: EntityKind | None,
        plan_id: str | None,
        search: str | None,
        offset: int,
        limit: int,
    ) -> Page:
        needle = search.casefold() if search else None
        hits = [
            e
            for _, e in self._graph.nodes(data="entity")
            if (kind is None or e.kind is kind)
            and (plan_id is None or e.plan == plan_id)
            and (needle is None or needle in e.name.casefold() or needle in (e.text or "").casefold())
        ]
        return Page(total=len(hits), entities=hits[offset : offset + limit])

    # -- traversals ------------------------------------------------------------------------

    def _walk(self, root: str, max_depth: int, next_steps: Callable[[str], Iterator[Step]]) -> list[Reach]:
        """Breadth-first from root; each entity is reported once, at its smallest depth, with
        the path that first reached it."""
        self._require(root)
        seen = {root}
        reached: list[Reach] = []
        queue: deque[tuple[str, tuple[Step, ...]]] = deque([(root, ())])
        while queue:
            current, path = queue.popleft()
            if len(path) >= max_depth:
                continue
            for step in next_steps(current):
                if step.other.id in seen:
                    continue
                seen.add(step.other.id)
                step_path = (*path, step)
                reached.append(Reach(step.other, len(step_path), step_path))
                queue.append((step.other.id, step_path))
        return reached

    def dependencies(
        self,
        entity_id: str,
        direction: Direction,
        rel_types: list[RelationType] | None,
        max_depth: int,
    ) -> list[Reach]:
        allowed = set(rel_types) if rel_types else None

        def next_steps(node: str) -> Iterator[Step]:
            for step in self._steps(node, direction):
                if allowed is None or step.relation.type in allowed:
                    yield step

        return self._walk(entity_id, max_depth, next_steps)

    def impact(self, entity_id: str, max_depth: int) -> list[Reach]:
        def next_steps(node: str) -> Iterator[Step]:
            for step in self._steps(node, Direction.BOTH):
                flow = IMPACT_FLOW[step.relation.type]
                along = step.direction is Direction.DOWNSTREAM
                if (flow is Flow.FORWARD) == along:
                    yield step

        return self._walk(entity_id, max_depth, next_steps)

    def responsible_departments(self, ids: list[str]) -> list[Entity]:
        found: dict[str, Entity] = {}
        for entity_id in ids:
            if entity_id in self._graph:
                for step in self._steps(entity_id, Direction.UPSTREAM, _RESPONSIBLE_FOR):
                    found.setdefault(step.other.id, step.other)
        return list(found.values())

    def path(self, from_id: str, to_id: str, rel_types: list[RelationType] | None) -> list[Entity] | None:
        self._require(from_id)
        self._require(to_id)
        allowed = set(rel_types) if rel_types else None
        full = self._graph
        view = full
        if allowed is not None:
            view = nx.subgraph_view(
                full, filter_edge=lambda u, v, k: full[u][v][k]["relation"].type in allowed
            )
        try:
            ids = nx.shortest_path(view.to_undirected(as_view=True), from_id, to_id)
        except nx.NetworkXNoPath:
            return None
        return [self._entity(i) for i in ids]

    # -- responsibility --------------------------------------------------------------------

    def _direct_responsibilities(self, entity_id: str) -> list[Step]:
        return list(self._steps(entity_id, Direction.UPSTREAM, _RESPONSIBLE_FOR))

    def _has_own_lead(self, entity_id: str) -> bool:
        return any(s.relation.role is Role.LEAD for s in self._direct_responsibilities(entity_id))

    def responsibilities(self, department_id: str, include_inherited: bool) -> list[Responsibility]:
        department = self._entity(department_id)
        answers: list[Responsibility] = []
        direct = list(self._steps(department_id, Direction.DOWNSTREAM, _RESPONSIBLE_FOR))
        directly_held = {(s.other.id, s.relation.role) for s in direct}
        for step in direct:
            answers.append(
                Responsibility(department, step.other, step.relation.role or Role.LEAD, step.relation.origin)
            )
        if include_inherited:
            for step in direct:
                role = step.relation.role or Role.LEAD
                for part in self._inheriting_parts(step.other.id):
                    if (part.id, step.relation.role) not in directly_held:
                        answers.append(
                            Responsibility(department, part, role, step.relation.origin, step.other)
                        )
        return answers

    def _inheriting_parts(self, entity_id: str) -> Iterator[Entity]:
        """The parts (transitively, down PART_OF) that inherit responsibility for entity_id:
        a part that names its own lead stops the inheritance below it."""
        for step in self._steps(entity_id, Direction.UPSTREAM, _PART_OF):
            if self._has_own_lead(step.other.id):
                continue
            yield step.other
            yield from self._inheriting_parts(step.other.id)

    def responsible_for(self, entity_id: str, include_inherited: bool) -> list[Responsibility]:
        entity = self._entity(entity_id)
        answers = [
            Responsibility(s.other, entity, s.relation.role or Role.LEAD, s.relation.origin)
            for s in self._direct_responsibilities(entity_id)
        ]
        if not include_inherited or self._has_own_lead(entity_id):
            return answers
        held = {(a.department.id, a.role) for a in answers}
        current = entity_id
        while True:
            parents = list(self._steps(current, Direction.DOWNSTREAM, _PART_OF))
            if not parents:
                return answers
            ancestor = parents[0].other
            for step in self._direct_responsibilities(ancestor.id):
                role = step.relation.role or Role.LEAD
                if (step.other.id, role) not in held:
                    held.add((step.other.id, role))
                    answers.append(Responsibility(step.other, entity, role, step.relation.origin, ancestor))
            if self._has_own_lead(ancestor.id):
                return answers
            current = ancestor.id

    # -- statistics ------------------------------------------------------------------------

    def stats(self, plan_id: str | None) -> Stats:
        stats = Stats()
        nodes = self._graph.nodes
        for _, entity in nodes(data="entity"):
            if plan_id is None or entity.plan == plan_id:
                stats.entities += 1
                stats.by_kind[entity.kind] = stats.by_kind.get(entity.kind, 0) + 1
        for source, target, relation in self._graph.edges(data="relation"):
            if plan_id is None or plan_id in (nodes[source]["entity"].plan, nodes[target]["entity"].plan):
                stats.relations += 1
                stats.by_relation[relation.type] = stats.by_relation.get(relation.type, 0) + 1
        return stats


def _edge_key(relation: Relation) -> str:
    return f"{relation.type.value}:{relation.role.value if relation.role else ''}"
