"""The embedded store: a networkx MultiDiGraph held in memory.

Nodes are entity ids with the `Entity` under the attribute ``entity``; each relation is an
edge from its source to its target, keyed by relation type and role, with the `Relation`
under ``relation``.
"""

from __future__ import annotations

import networkx as nx

from graph.errors import EntityNotFound
from graph.model import Direction, Entity, EntityKind, GraphDocument, Relation, RelationType, document_order
from graph.results import Page, Stats, Step
from graph.store import GraphStore
from graph.traversal import Types

__all__ = ["MemoryStore"]


class MemoryStore(GraphStore):
    """A `GraphStore` on networkx.

    >>> from graph.model import GraphDocument, Entity, EntityKind
    >>> doc = GraphDocument()
    >>> _ = doc.add_entity(Entity("p", EntityKind.PLAN, "规划", plan="p"))
    >>> store = MemoryStore()
    >>> store.load(doc)
    >>> [e.name for e in store.plans()]
    ['规划']
    """

    #: Answers come from memory: the API calls it on the event loop, with no thread to hop to.
    blocking = False

    def __init__(self) -> None:
        self._graph = nx.MultiDiGraph()
        #: Every entity id, in `document_order`.
        self._order: list[str] = []
        #: entity id → ids of the entities whose `parent` it is, in document order.
        self._children: dict[str, list[str]] = {}
        #: plan id ("" for shared entities) → its entities' ids, in document order.
        self._by_plan: dict[str, list[str]] = {}

    def ping(self) -> bool:
        return True

    # -- loading ---------------------------------------------------------------------------

    def load(self, document: GraphDocument) -> None:
        """Replace the document's plans as a whole: the new graph is built aside and swapped
        in at the end, so a failure leaves the previous graph untouched. Relations that other
        plans hold to a replaced plan (a later plan DERIVES_FROM it) stay, where their ends do."""
        plan_ids = {e.plan for e in document.entities.values() if e.kind is EntityKind.PLAN}
        graph = self._graph.copy()
        stale = {n for n, e in graph.nodes(data="entity") if e.plan in plan_ids}
        held = [
            relation
            for source, target, relation in graph.edges(data="relation")
            if (source in stale) != (target in stale)
            and graph.nodes[target if source in stale else source]["entity"].plan is not None
        ]
        graph.remove_nodes_from(stale)
        for entity in document.entities.values():
            if entity.id not in graph:
                graph.add_node(entity.id, entity=entity)
        for relation in document.relations.values():
            for end in (relation.source, relation.target):
                if end not in graph:
                    raise EntityNotFound(end)
            graph.add_edge(relation.source, relation.target, key=_edge_key(relation), relation=relation)
        for relation in held:
            if relation.source in graph and relation.target in graph:
                graph.add_edge(relation.source, relation.target, key=_edge_key(relation), relation=relation)
        self._install(graph)

    def version(self) -> object:
        """The graph installed: only this process changes it."""
        return self.generation

    def change_relations(self, add: list[Relation], remove: list[Relation]) -> None:
        """Built aside and swapped in, as a load is."""
        graph = self._graph.copy()
        for relation in add:
            for end in (relation.source, relation.target):
                if end not in graph:
                    raise EntityNotFound(end)
        for relation in remove:
            if graph.has_edge(relation.source, relation.target, key=_edge_key(relation)):
                graph.remove_edge(relation.source, relation.target, key=_edge_key(relation))
        for relation in add:
            graph.add_edge(relation.source, relation.target, key=_edge_key(relation), relation=relation)
        self._install(graph)

    def _install(self, graph: nx.MultiDiGraph) -> None:
        """Make `graph` the store's graph, with its indexes."""
        entities = sorted((e for _, e in graph.nodes(data="entity")), key=document_order)
        children: dict[str, list[str]] = {}
        by_plan: dict[str, list[str]] = {}
        for entity in entities:
            if entity.parent is not None:
                children.setdefault(entity.parent, []).append(entity.id)
            by_plan.setdefault(entity.plan or "", []).append(entity.id)
        out_index: dict[str, dict[RelationType, list[tuple[str, Relation]]]] = {}
        in_index: dict[str, dict[RelationType, list[tuple[str, Relation]]]] = {}
        for source, target, relation in graph.edges(data="relation"):
            out_index.setdefault(source, {}).setdefault(relation.type, []).append((target, relation))
            in_index.setdefault(target, {}).setdefault(relation.type, []).append((source, relation))
        self._graph, self._order, self._children = graph, [e.id for e in entities], children
        #: Counts the graphs installed: what an answer read from the store was read at.
        self.generation = getattr(self, "generation", 0) + 1
        self._by_plan, self._out, self._in = by_plan, out_index, in_index

    # -- primitives ------------------------------------------------------------------------

    def get_many(self, ids: list[str]) -> list[Entity | None]:
        nodes = self._graph.nodes
        return [nodes[i]["entity"] if i in nodes else None for i in ids]

    def _fetch_steps(self, ids: list[str], out_types: Types, in_types: Types) -> list[list[Step]]:
        nodes = self._graph.nodes
        answers: list[list[Step]] = []
        for entity_id in ids:
            steps: list[Step] = []
            for index, types, direction in (
                (self._out, out_types, Direction.DOWNSTREAM),
                (self._in, in_types, Direction.UPSTREAM),
            ):
                by_type = index.get(entity_id, {})
                for rel_type in by_type if types is None else types:
                    for other, relation in by_type.get(rel_type, ()):
                        steps.append(Step(relation, direction, nodes[other]["entity"]))
            answers.append(steps)
        return answers

    # -- lookups ---------------------------------------------------------------------------

    def plans(self) -> list[Entity]:
        return [e for e in self.get_many(sorted(k for k in self._by_plan if k)) if e is not None]

    def children_of(self, ids: list[str]) -> list[list[Entity]]:
        nodes = self._graph.nodes
        return [[nodes[c]["entity"] for c in self._children.get(i, [])] for i in ids]

    def find(
        self, kind: EntityKind | None, plan_id: str | None, search: str | None, offset: int, limit: int
    ) -> Page:
        needle = search.lower() if search else None
        nodes = self._graph.nodes
        ids = self._order if plan_id is None else self._by_plan.get(plan_id, [])
        hits = [
            e
            for e in (nodes[i]["entity"] for i in ids)
            if (kind is None or e.kind is kind)
            and (plan_id is None or e.plan == plan_id)
            and (needle is None or needle in _searchable(e))
        ]
        return Page(total=len(hits), entities=hits[offset : offset + limit])

    def stats(self, plan_id: str | None) -> Stats:
        """Counts for one plan read only that plan's entities and their relations."""
        stats = Stats()
        nodes = self._graph.nodes
        ids = self._order if plan_id is None else self._by_plan.get(plan_id, [])
        for entity_id in ids:
            entity = nodes[entity_id]["entity"]
            stats.entities += 1
            stats.by_kind[entity.kind] = stats.by_kind.get(entity.kind, 0) + 1
        if plan_id is None:
            edges = self._graph.edges(data="relation")
        else:
            members = set(ids)
            edges = [e for e in self._graph.in_edges(ids, data="relation") if e[0] not in members]
            edges += list(self._graph.out_edges(ids, data="relation"))
        # The whole graph's shared entities are among its entities; a plan's are those it names.
        named = ids if plan_id is None else {end for edge in edges for end in edge[:2]}
        stats.shared = sum(1 for end in named if nodes[end]["entity"].plan is None)
        for _, _, relation in edges:
            stats.relations += 1
            stats.by_relation[relation.type] = stats.by_relation.get(relation.type, 0) + 1
        return stats


def _edge_key(relation: Relation) -> str:
    return f"{relation.type.value}:{relation.role.value if relation.role else ''}"


def _searchable(entity: Entity) -> str:
    """What a search matches: the name, the text, and the other names a body goes by."""
    return "\n".join([entity.name, entity.text or "", *(entity.attrs.get("aliases") or [])]).lower()
