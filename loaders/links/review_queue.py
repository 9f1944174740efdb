"""A plan's review queue as its store holds its parts: every candidate link scored as the loader
scores them (`loaders.links.candidates.rank_candidates`) and ordered by the ranker
(`loaders.links.ranking`), so the links below the graph's thresholds can wait for review too. A
queue is kept while the plan's parts are unchanged (a reload changes them)."""

from __future__ import annotations

import threading
from collections import OrderedDict

from graph.model import Entity
from graph.traversal import Traversals
from loaders.links.candidates import rank_candidates
from loaders.links.ranking import RankedCandidate, load_link_ranker, rank
from loaders.profile import Links

__all__ = ["ranked_candidates"]

#: How many plans' rankings are kept.
_KEPT = 64
_rankings: OrderedDict[str, tuple[int, list[RankedCandidate]]] = OrderedDict()
_lock = threading.Lock()


def _fingerprint(entities: list[Entity], rules: Links) -> int:
    parts = ((e.id, e.kind, e.name, e.text, e.parent, e.attrs.get("metric")) for e in entities)
    return hash((rules.model_dump_json(), *parts))


def ranked_candidates(store: Traversals, plan_id: str, rules: Links) -> list[RankedCandidate]:
    """The plan's candidate links, most likely plain first."""
    entities = store.find(None, plan_id, None, 0, 1_000_000).entities
    fingerprint = _fingerprint(entities, rules)
    with _lock:
        kept = _rankings.get(plan_id)
        if kept is not None and kept[0] == fingerprint:
            _rankings.move_to_end(plan_id)
            return kept[1]
    ranked = rank(rank_candidates(entities, rules), load_link_ranker())
    with _lock:
        _rankings[plan_id] = (fingerprint, ranked)
        while len(_rankings) > _KEPT:
            _rankings.popitem(last=False)
    return ranked
