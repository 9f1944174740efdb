"""Whole-plan analyses on networkx: dependency cycles and the entities that matter most.

Both work on a plan's relations as a directed graph — for cycles the arrows as written, for
ranking the impact graph, where an edge X → Y means “if X slips, Y is at risk” (`IMPACT_FLOW`).
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum

import networkx as nx

from graph.model import Relation
from graph.semantics import IMPACT_FLOW, Flow

__all__ = ["MAX_CYCLES", "MAX_CYCLE_LENGTH", "Centrality", "cycles", "impact_graph", "rank"]

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
        if IMPACT_FLOW[r.type] is Flow.FORWARD:
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
