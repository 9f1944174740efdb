"""Whole-plan analyses on networkx: dependency cycles and the entities that matter most.

Both work on a plan's relations as a directed graph — for cycles the arrows as written, for
ranking the impact graph, where an edge X → Y means “if X slips, Y is at risk” (`IMPACT_FLOW`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from enum import StrEnum

import networkx as nx

from graph.errors import EntityNotFound
from graph.model import Direction, Entity, EntityKind, Relation, RelationType, document_order
from graph.semantics import IMPACT_FLOW
from graph.traversal import Traversals, Types

__all__ = ["MAX_CYCLES", "MAX_CYCLE_LENGTH", "Centrality", "PlanAnalyses", "cycles", "impact_graph", "rank"]

_CYCLE_TYPES = [RelationType.DEPENDS_ON, RelationType.IMPLEMENTS]

#: Longest cycle looked for, and how many are listed at the most: enough to show a planning
#: error, bounded so that a dense graph cannot make the search run away.
MAX_CYCLE_LENGTH = 12
MAX_CYCLES = 100


class Centrality(StrEnum):
    #: An entity ranks high when what it endangers, directly or further on, is much and itself
    #: endangers much: PageRank over the impact graph with its edges reversed.
    PAGERANK = "PAGERANK"
    #: An entity ranks high when many shortest chains of impact pass through it.
    BETWEENNESS = "BETWEENNESS"


def cycles(relations: Iterable[Relation]) -> list[list[str]]:
    """Each elementary cycle among the relations, arrows as written, as the ids on it — each
    starting at its smallest id, the list sorted — at most `MAX_CYCLES` of them."""
    graph = nx.DiGraph((r.source, r.target) for r in relations)
    found = []
    for cycle in nx.simple_cycles(graph, length_bound=MAX_CYCLE_LENGTH):
        start = cycle.index(min(cycle))
        found.append(cycle[start:] + cycle[:start])
        if len(found) == MAX_CYCLES:
            break
    return sorted(found)


def impact_graph(relations: Iterable[Relation]) -> nx.DiGraph:
    graph = nx.DiGraph()
    for r in relations:
        if IMPACT_FLOW[r.type] is Direction.DOWNSTREAM:
            graph.add_edge(r.source, r.target)
        else:
            graph.add_edge(r.target, r.source)
    return graph


def rank(graph: nx.DiGraph, measure: Centrality) -> dict[str, float]:
    if graph.number_of_nodes() == 0:
        return {}
    if measure is Centrality.PAGERANK:
        return nx.pagerank(graph.reverse(copy=False))
    return nx.betweenness_centrality(graph)


class PlanAnalyses(Traversals):
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


def _comparable(metric: str) -> str:
    return re.sub(r"[\s（）()【】\[\]]", "", metric).lower()
