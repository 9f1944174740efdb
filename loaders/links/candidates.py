"""Links between a plan's chapters, inferred from the key terms two parts share.

A plan states few of its cross-chapter links outright: a 重大工程 carries out a 主要任务, a task
works towards a 发展目标 or one of its indicators, a project works in a 重点领域, yet the text
rarely says so in as many words. Two parts that are linked share their key terms (“湖北标准”,
自我声明, 物流 …), so each part is segmented with jieba — with a dictionary of the plan's own
terms added, kept per plan so that one plan's terms never change how another is segmented — and
its terms are weighed by TF-IDF over the passages of the plan's parts. The words of the plan's
title are its subject, shared by every part, and are no evidence of a link (nor are the
profile's stop words).

Every candidate pair (the kinds of `INFERRED_LINKS`) is scored by the cosine similarity of its
two parts (`rank_candidates`); ordered by the ranker (`loaders.links.ranking`), the candidates are
the review queue. A link enters the graph when its score reaches the threshold of its relation
type (profile `links`) and is not far behind the best link to the same target (`infer_links`). Each link is INFERRED,
with the similarity as its confidence and the shared terms that weigh most as its evidence.
Both read only the parts themselves, so the queue of a plan in a store is the same as the
loader's.
"""

from __future__ import annotations

import logging
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

import jieba

from graph.model import Entity, EntityKind, GraphDocument, Origin, Relation, RelationType
from graph.semantics import INFERRED_LINKS
from loaders.entities.departments import ASSIGNING_BRACKET
from loaders.profile import Links

__all__ = ["LinkCandidate", "candidate_pairs", "infer_links", "rank_candidates"]

jieba.setLogLevel(logging.WARNING)

_QUOTED = re.compile(r"“([^”]{2,12})”")
_WORD = re.compile(r"[\u4e00-\u9fffA-Za-z]")
_USER_TERM_FREQUENCY = 20_000

Vector = dict[str, float]

#: The kinds that a candidate link runs from or to.
_LINKED_KINDS = frozenset(kind for ends in INFERRED_LINKS.values() for kinds in ends for kind in kinds)


@lru_cache(maxsize=1)
def _base_tokenizer() -> jieba.Tokenizer:
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    return tokenizer


def _plan_tokenizer(terms: Iterable[str]) -> jieba.Tokenizer:
    """jieba's dictionary with the plan's terms added: a copy of the base dictionary (a
    copy costs a few milliseconds; a layered lookup would slow every segmentation down)."""
    base = _base_tokenizer()
    tokenizer = jieba.Tokenizer()
    tokenizer.FREQ = dict(base.FREQ)
    tokenizer.total = base.total
    tokenizer.initialized = True
    for term in terms:
        tokenizer.add_word(term, _USER_TERM_FREQUENCY)
    return tokenizer


class _Terms:
    """Term counting and TF-IDF weighing for one plan."""

    def __init__(self, tokenizer: jieba.Tokenizer, stop_words: set[str], paragraphs: list[str]) -> None:
        self._tokenizer = tokenizer
        self._stop = stop_words
        self._counted: dict[str, Counter[str]] = {}
        counts = Counter(term for paragraph in paragraphs for term in set(self.count(paragraph)))
        self._documents = len(paragraphs)
        self._idf = {term: self._weight(n) for term, n in counts.items()}

    def _weight(self, document_frequency: int) -> float:
        return math.log((self._documents + 1) / (document_frequency + 1)) + 1

    def count(self, text: str) -> Counter[str]:
        """Terms of two characters or more, in jieba's search mode (a long term and its parts);
        a text is segmented once (a task's passage is also one of the paragraphs)."""
        if text not in self._counted:
            self._counted[text] = self._segment(text)
        return self._counted[text]

    def _segment(self, text: str) -> Counter[str]:
        return Counter(
            term
            for term in self._tokenizer.lcut_for_search(text)
            if len(term) >= 2 and term not in self._stop and _WORD.search(term)
        )

    def vector(self, text: str) -> Vector:
        return {
            term: (1 + math.log(n)) * self._idf.get(term, self._weight(0))
            for term, n in self.count(text).items()
        }


def _cosine(a: Vector, b: Vector) -> float:
    dot = sum(weight * b[term] for term, weight in a.items() if term in b)
    norm = math.sqrt(sum(w * w for w in a.values())) * math.sqrt(sum(w * w for w in b.values()))
    return dot / norm if norm else 0.0


def _shared_terms(a: Vector, b: Vector, count: int) -> list[str]:
    ranked = sorted((-(a[t] * b[t]), t) for t in a.keys() & b.keys())
    return [term for _, term in ranked[:count]]


def _plan_terms(entities: list[Entity], passages: list[str]) -> set[str]:
    """The plan's own vocabulary: domain and standard names, indicator metrics, quoted terms."""
    terms = {e.name for e in entities if e.kind in (EntityKind.DOMAIN, EntityKind.STANDARD)}
    terms |= {e.attrs.get("metric") or e.name for e in entities if e.kind is EntityKind.INDICATOR}
    terms |= {match for passage in passages for match in _QUOTED.findall(passage)}
    return {term for term in terms if 2 <= len(term) <= 20}


def _subject_words(entities: list[Entity], tokenizer: jieba.Tokenizer) -> set[str]:
    """The words of the plan's title (湖北省标准化体系建设发展规划 → 标准化, 体系 …): the plan's
    subject and place, which every part shares."""
    titles = [e.name for e in entities if e.kind is EntityKind.PLAN]
    return {term for title in titles for term in tokenizer.lcut_for_search(title) if len(term) >= 2}


def _leaves(entities: list[Entity], kinds: tuple[EntityKind, ...]) -> list[Entity]:
    """Entities of these kinds that have no part of their own kind (task 1.1, not task group 一)."""
    parents = {(e.parent, e.kind) for e in entities}
    return [e for e in entities if e.kind in kinds and (e.id, e.kind) not in parents]


def _passage(entity: Entity) -> str:
    """The words a part is compared by: its name and text, without the brackets that say who
    does the work (the 工业 of 市工业和信息化局 says nothing of what the task is about)."""
    text = ASSIGNING_BRACKET.sub("", entity.text or "")
    return text if entity.name in text else f"{entity.name}。{text}"


def candidate_pairs(entities: Iterable[Entity]) -> list[tuple[RelationType, str, str]]:
    """Every pair of one plan's parts that could be linked, scored or not."""
    entities = list(entities)
    return [
        (rel_type, source.id, target.id)
        for rel_type, (source_kinds, target_kinds) in INFERRED_LINKS.items()
        for source in _leaves(entities, source_kinds)
        for target in _leaves(entities, target_kinds)
    ]


@dataclass(frozen=True, slots=True)
class LinkCandidate:
    """A pair of a plan's parts that may be linked, with its score and the evidence for it."""

    type: RelationType
    source: Entity
    target: Entity
    score: float
    evidence: str

    @property
    def key(self) -> tuple[RelationType, str, str]:
        return self.type, self.source.id, self.target.id

    def relation(self) -> Relation:
        return Relation(
            self.type,
            self.source.id,
            self.target.id,
            origin=Origin.INFERRED,
            confidence=round(self.score, 3),
            evidence=self.evidence,
        )


def rank_candidates(entities: Iterable[Entity], rules: Links) -> list[LinkCandidate]:
    """Every candidate pair among one plan's parts that shares a term, best first (ties in
    type, source and target order)."""
    entities = list(entities)
    passages = [_passage(e) for e in entities if e.text]
    tokenizer = _plan_tokenizer(_plan_terms(entities, passages))
    stop = set(rules.stop_words) | _subject_words(entities, tokenizer)
    terms = _Terms(tokenizer, stop, passages)
    vectors = {e.id: terms.vector(_passage(e)) for e in entities if e.kind in _LINKED_KINDS}
    ranked = []
    for rel_type, (source_kinds, target_kinds) in INFERRED_LINKS.items():
        targets = _leaves(entities, target_kinds)
        for source in _leaves(entities, source_kinds):
            for target in targets:
                score = _cosine(vectors[source.id], vectors[target.id])
                if score > 0:
                    shared = _shared_terms(vectors[source.id], vectors[target.id], rules.evidence_terms)
                    ranked.append(
                        LinkCandidate(rel_type, source, target, score, "共同关键词：" + "、".join(shared))
                    )
    ranked.sort(key=lambda c: (-c.score, c.type.value, c.source.id, c.target.id))
    return ranked


def infer_links(document: GraphDocument, plan_id: str, rules: Links) -> int:
    """Add the inferred links among one plan's parts to the document; returns how many."""
    entities = [e for e in document.entities.values() if e.plan == plan_id]
    stated = {(r.type, r.source, r.target) for r in document.relations.values()}
    by_target: dict[tuple[RelationType, str], list[LinkCandidate]] = defaultdict(list)
    for candidate in rank_candidates(entities, rules):
        if candidate.score >= rules.thresholds[candidate.type]:
            by_target[candidate.type, candidate.target.id].append(candidate)
    added = 0
    for candidates in by_target.values():
        best = candidates[0].score  # ranked best first
        for candidate in candidates:
            if candidate.score >= rules.rival_ratio * best and candidate.key not in stated:
                document.add_relation(candidate.relation())
                added += 1
    return added
