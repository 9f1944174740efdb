"""The embedded store: a networkx MultiDiGraph held in memory.

Nodes are entity ids with the `Entity` under the attribute ``entity``; each relation is an
edge from its source to its target, keyed by relation type and role, with the `Relation`
under ``relation``.
"""

from __future__ import annotations

import networkx as nx

from graph.base import StoreBase, Types
from graph.errors import EntityNotFound
from graph.model import (
    Direction,
    Entity,
    EntityKind,
    GraphDocument,
    Relation,
    RelationType,
    document_order,
)
from graph.store import Page, Stats, Step

__all__ = ["MemoryStore"]


class MemoryStore(StoreBase):
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
        #: Every entity id, in `document_order`.
        self._order: list[str] = []
        #: entity id → ids of the entities whose `parent` it is, in document order.
        self._children: dict[str, list[str]] = {}

    def ping(self) -> bool:
        return True

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
        entities = sorted((e for _, e in graph.nodes(data="entity")), key=document_order)
        children: dict[str, list[str]] = {}
        for entity in entities:
            if entity.parent is not None:
                children.setdefault(entity.parent, []).append(entity.id)
        self._graph, self._order, self._children = graph, [e.id for e in entities], children

    # -- primitives ------------------------------------------------------------------------

    def get_many(self, ids: list[str]) -> list[Entity | None]:
        nodes = self._graph.nodes
        return [nodes[i]["entity"] if i in nodes else None for i in ids]

    def _fetch_steps(self, ids: list[str], out_types: Types, in_types: Types) -> list[list[Step]]:
        nodes = self._graph.nodes
        answers: list[list[Step]] = []
        for entity_id in ids:
            steps: list[Step] = []
            if entity_id in nodes:
                if out_types is None or out_types:
                    for _, target, relation in self._graph.out_edges(entity_id, data="relation"):
                        if out_types is None or relation.type in out_types:
                            steps.append(Step(relation, Direction.DOWNSTREAM, nodes[target]["entity"]))
                if in_types is None or in_types:
                    for source, _, relation in self._graph.in_edges(entity_id, data="relation"):
                        if in_types is None or relation.type in in_types:
                            steps.append(Step(relation, Direction.UPSTREAM, nodes[source]["entity"]))
            answers.append(steps)
        return answers

    # -- lookups ---------------------------------------------------------------------------

    def plans(self) -> list[Entity]:
        return [e for e in self.get_many(self._order) if e is not None and e.kind is EntityKind.PLAN]

    def children_of(self, ids: list[str]) -> list[list[Entity]]:
        nodes = self._graph.nodes
        return [[nodes[c]["entity"] for c in self._children.get(i, [])] for i in ids]

    def find(
        self,
        kind: EntityKind | None,
        plan_id: str | None,
        search: str | None,
        offset: int,
        limit: int,
    ) -> Page:
        needle = search.lower() if search else None
        nodes = self._graph.nodes
        hits = [
            e
            for e in (nodes[i]["entity"] for i in self._order)
            if (kind is None or e.kind is kind)
            and (plan_id is None or e.plan == plan_id)
            and (needle is None or needle in e.name.lower() or needle in (e.text or "").lower())
        ]
        return Page(total=len(hits), entities=hits[offset : offset + limit])

    def responsible_departments(self, ids: list[str]) -> list[Entity]:
        found = {
            step.other.id: step.other
            for steps in self.steps_of(ids, (), [RelationType.RESPONSIBLE_FOR])
            for step in steps
        }
        return sorted(found.values(), key=document_order)

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
