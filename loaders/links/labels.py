"""Measuring inferred links against links labelled by hand.

A labelled set is a YAML file for one plan (`plan:`) whose `links:` are the cross-chapter links
a reader draws from the text, each with the words on both sides that justify it (`why`):

    plan: hubei-standardization-2016-2020
    links:
      - {type: IMPLEMENTS, from: project/3, to: task/4.7, why: "“湖北标准”走出去"}

An entry may carry a `judgement` — yes (the default), or ambiguous where a careful reader could
defend both (tests/links/GUIDELINE.md); a candidate pair not listed is judged no. Two readers'
sets of the same plan combine into one (`combine_readers`): yes where both say yes, ambiguous
where they differ or either says ambiguous.

Two measures. The graph's links: precision is the share of inferred links that are labelled,
recall the share of labelled links that are inferred, per relation type and over all. The
review queue (`QueueScores`): precision among the first 20 and 50 suggestions and recall at
depth 100, an ambiguous pair counting neither as right nor as wrong.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from graph.errors import PlanLoadError
from graph.model import GraphDocument, Origin, Relation, RelationType
from graph.semantics import INFERRED_LINKS
from loaders.links.candidates import LinkCandidate, candidate_pairs, rank_candidates
from loaders.links.ranking import LinkRanker, candidate_features, fit_ranker, load_link_ranker, rank
from loaders.plans.overlays import LINE, plan_entity_id, read_lined_yaml
from loaders.profile import Links

__all__ = [
    "Judgement",
    "LabelledSet",
    "LinkKey",
    "LinkScores",
    "PlanLinkMeasure",
    "QueueScores",
    "agreement",
    "combine_readers",
    "curation",
    "inferred_links",
    "leave_one_plan_out",
    "measure_links",
    "plan_candidates",
    "queue_order",
    "read_judged_links",
    "read_labelled_links",
    "score_links",
    "score_queue",
    "training_data",
    "training_rows",
]

#: A link as it is compared: relation type, source id, target id.
LinkKey = tuple[RelationType, str, str]

_KEYS = {"type", "from", "to", "why", "judgement", LINE}


class Judgement(StrEnum):
    YES = "yes"
    AMBIGUOUS = "ambiguous"
    NO = "no"


@dataclass(frozen=True)
class LabelledSet:
    """One reader's judgements of one plan's candidate links (pairs not listed are no)."""

    plan_id: str
    reader: str | None
    judgements: dict[LinkKey, Judgement]

    @property
    def links(self) -> set[LinkKey]:
        return {key for key, judgement in self.judgements.items() if judgement is Judgement.YES}


def _judgement(path: Path, value: object, line: int) -> Judgement:
    if value is None or value is True:  # YAML reads a bare yes as true
        return Judgement.YES
    try:
        return Judgement(str(value).lower())
    except ValueError:
        raise PlanLoadError(str(path), f"judgement must be yes or ambiguous, not {value!r}", line) from None


def inferred_links(document: GraphDocument, plan_id: str | None = None) -> dict[LinkKey, Relation]:
    """The links the inference made (of the types it makes), in one plan or in all."""
    return {
        (r.type, r.source, r.target): r
        for r in document.relations.values()
        if r.origin is Origin.INFERRED
        and r.type in INFERRED_LINKS
        and (plan_id is None or document.entities[r.source].plan == plan_id)
    }


def curation(found: Iterable[LinkKey], curated: GraphDocument) -> dict[LinkKey, str]:
    """What the link overlays made of inferred links: “confirmed” (the link is CURATED in the
    document the overlays were applied to) or “rejected” (it is gone). Links no overlay
    mentions are left out: they are still to be reviewed."""
    held = {(r.type, r.source, r.target): r.origin for r in curated.relations.values()}
    origins = {key: held.get(key) for key in found}
    return {
        key: "confirmed" if origin is Origin.CURATED else "rejected"
        for key, origin in origins.items()
        if origin is not Origin.INFERRED
    }


def read_labelled_links(path: Path, document: GraphDocument) -> tuple[str, set[LinkKey]]:
    """The plan id and the links a labelled set judges yes."""
    labelled = read_judged_links(path, document)
    return labelled.plan_id, labelled.links


def read_judged_links(path: Path, document: GraphDocument) -> LabelledSet:
    """A labelled set; every entry is checked against the loaded plan, and an error names the
    file and the line."""
    data = read_lined_yaml(path, "a labelled link set is a mapping with `plan:` and `links:`")
    plan_id = data.get("plan")
    if not isinstance(plan_id, str) or plan_id not in document.entities:
        raise PlanLoadError(str(path), f"`plan: {plan_id}` is not a loaded plan", data[LINE])
    entries = data.get("links")
    if not isinstance(entries, list) or not entries:
        raise PlanLoadError(str(path), "`links:` must be a non-empty list", data[LINE])
    types = [t.value for t in INFERRED_LINKS]
    links: dict[LinkKey, Judgement] = {}
    for entry in entries:
        if not isinstance(entry, dict):
            raise PlanLoadError(str(path), "each link is a mapping with type, from, to, why", data[LINE])
        line = entry[LINE]
        if unknown := set(entry) - _KEYS:
            raise PlanLoadError(str(path), f"unknown keys {sorted(unknown)}", line)
        if entry.get("type") not in types:
            raise PlanLoadError(
                str(path), f"type must be one of {', '.join(types)}, not {entry.get('type')!r}", line
            )
        if not isinstance(entry.get("why"), str) or not entry["why"].strip():
            raise PlanLoadError(str(path), f"{entry.get('from')} → {entry.get('to')}: say `why`", line)
        source = plan_entity_id(path, entry.get("from"), plan_id, document, line)
        target = plan_entity_id(path, entry.get("to"), plan_id, document, line)
        key = (RelationType(entry["type"]), source, target)
        if key in links:
            raise PlanLoadError(str(path), f"{entry['from']} → {entry['to']} is labelled twice", line)
        links[key] = _judgement(path, entry.get("judgement"), line)
    reader = data.get("reader")
    return LabelledSet(plan_id, str(reader) if reader is not None else None, links)


def combine_readers(sets: Sequence[LabelledSet]) -> LabelledSet:
    """Readers' sets of one plan as one: yes where all say yes, ambiguous where they differ or
    any says ambiguous (pairs all judge no are left out)."""
    keys = {key for labelled in sets for key in labelled.judgements}
    combined = {}
    for key in keys:
        said = {labelled.judgements.get(key, Judgement.NO) for labelled in sets}
        combined[key] = Judgement.YES if said == {Judgement.YES} else Judgement.AMBIGUOUS
    readers = "+".join(labelled.reader or "?" for labelled in sets)
    return LabelledSet(sets[0].plan_id, readers, combined)


def agreement(first: LabelledSet, second: LabelledSet, pairs: int) -> float:
    """Cohen's kappa of two readers over `pairs` candidate pairs, yes against not yes."""
    a, b = first.links, second.links
    both = len(a & b)
    neither = pairs - len(a | b)
    observed = (both + neither) / pairs
    expected = (len(a) * len(b) + (pairs - len(a)) * (pairs - len(b))) / pairs**2
    return (observed - expected) / (1 - expected) if expected < 1 else 1.0


@dataclass(frozen=True)
class QueueScores:
    """A review queue (suggestions best first) against one plan's judgements."""

    #: The candidate links judged yes, and those the queue holds in its first 100 places.
    defensible: int
    found_by_100: int
    #: Precision among the first 20 and the first 50 (ambiguous places left out of both counts).
    top_20: float
    top_50: float

    @property
    def recall_at_100(self) -> float:
        return self.found_by_100 / self.defensible if self.defensible else 1.0


def _precision_at(ranked: Sequence[LinkKey], judgements: dict[LinkKey, Judgement], depth: int) -> float:
    said = [judgements.get(key, Judgement.NO) for key in ranked[:depth]]
    judged = [j for j in said if j is not Judgement.AMBIGUOUS]
    return sum(j is Judgement.YES for j in judged) / len(judged) if judged else 1.0


def score_queue(
    ranked: Sequence[LinkKey], labelled: LabelledSet, stated: Iterable[LinkKey] = ()
) -> QueueScores:
    """How good the queue is for a reviewer; links the text states (not suggested, already in
    the graph) are left out of the judgements."""
    stated = set(stated)
    judgements = {k: j for k, j in labelled.judgements.items() if k not in stated}
    defensible = {k for k, j in judgements.items() if j is Judgement.YES}
    return QueueScores(
        defensible=len(defensible),
        found_by_100=len(defensible & set(ranked[:100])),
        top_20=_precision_at(ranked, judgements, 20),
        top_50=_precision_at(ranked, judgements, 50),
    )


@dataclass(frozen=True)
class LinkScores:
    """Inferred links compared with labelled ones, over all types or one."""

    found: frozenset[LinkKey]
    labelled: frozenset[LinkKey]
    by_type: dict[RelationType, LinkScores] = field(default_factory=dict, compare=False)

    @property
    def correct(self) -> frozenset[LinkKey]:
        return self.found & self.labelled

    @property
    def wrong(self) -> frozenset[LinkKey]:
        return self.found - self.labelled

    @property
    def missed(self) -> frozenset[LinkKey]:
        return self.labelled - self.found

    @property
    def precision(self) -> float:
        """1.0 when nothing was inferred: no inferred link is wrong."""
        return len(self.correct) / len(self.found) if self.found else 1.0

    @property
    def recall(self) -> float:
        return len(self.correct) / len(self.labelled) if self.labelled else 1.0


def score_links(found: Iterable[LinkKey], labelled: Iterable[LinkKey]) -> LinkScores:
    found, labelled = frozenset(found), frozenset(labelled)
    by_type = {
        rel_type: LinkScores(
            frozenset(k for k in found if k[0] is rel_type),
            frozenset(k for k in labelled if k[0] is rel_type),
        )
        for rel_type in INFERRED_LINKS
    }
    return LinkScores(found, labelled, by_type)


@dataclass(frozen=True)
class PlanLinkMeasure:
    """One plan's inferred links and review queue against its readers' judgements."""

    plan_id: str
    readers: tuple[str, ...]
    #: Cohen's kappa of the first two readers (None with one reader).
    kappa: float | None
    candidate_pairs: int
    labelled: LabelledSet
    graph: LinkScores
    queue: QueueScores


def _stated(document: GraphDocument) -> set[LinkKey]:
    return {(r.type, r.source, r.target) for r in document.relations.values() if r.origin is Origin.TEXT}


def _by_plan(sets: Sequence[LabelledSet]) -> dict[str, list[LabelledSet]]:
    by_plan: dict[str, list[LabelledSet]] = {}
    for labelled in sets:
        by_plan.setdefault(labelled.plan_id, []).append(labelled)
    return by_plan


def _combined(readers: list[LabelledSet]) -> LabelledSet:
    return combine_readers(readers) if len(readers) > 1 else readers[0]


def plan_candidates(document: GraphDocument, plan_id: str, rules: Links) -> list[LinkCandidate]:
    """The plan's candidate links, scored as the loader scores them."""
    return rank_candidates([e for e in document.entities.values() if e.plan == plan_id], rules)


def queue_order(candidates: list[LinkCandidate], stated: set[LinkKey], ranker: LinkRanker) -> list[LinkKey]:
    """The plan's review queue as `linkSuggestions` gives it, without the links the text states."""
    return [r.candidate.key for r in rank(candidates, ranker) if r.candidate.key not in stated]


def training_rows(
    candidates: list[LinkCandidate], labelled: LabelledSet
) -> tuple[list[list[float]], list[int]]:
    """The features of a labelled plan's candidates and whether each is plain (1) or not (0);
    ambiguous pairs are left out."""
    rows, labels = [], []
    for candidate, features in zip(candidates, candidate_features(candidates), strict=True):
        judgement = labelled.judgements.get(candidate.key, Judgement.NO)
        if judgement is not Judgement.AMBIGUOUS:
            rows.append(features)
            labels.append(int(judgement is Judgement.YES))
    return rows, labels


def training_data(
    document: GraphDocument, sets: Sequence[LabelledSet], rules: Links
) -> tuple[list[list[float]], list[int]]:
    """The rows and labels of every plan the sets label, each plan's readers combined."""
    rows: list[list[float]] = []
    labels: list[int] = []
    for plan_id, readers in _by_plan(sets).items():
        plan_rows, plan_labels = training_rows(plan_candidates(document, plan_id, rules), _combined(readers))
        rows += plan_rows
        labels += plan_labels
    return rows, labels


def leave_one_plan_out(
    document: GraphDocument, sets: Sequence[LabelledSet], rules: Links
) -> dict[str, QueueScores]:
    """Each plan's queue ranked by a model fitted to the other plans' labels: how the ranker
    does on a plan it was not fitted to."""
    stated = _stated(document)
    combined = {plan_id: _combined(readers) for plan_id, readers in _by_plan(sets).items()}
    candidates = {plan_id: plan_candidates(document, plan_id, rules) for plan_id in combined}
    data = {plan_id: training_rows(candidates[plan_id], labelled) for plan_id, labelled in combined.items()}
    scores = {}
    for held, labelled in combined.items():
        rows = [row for plan_id, (r, _) in data.items() if plan_id != held for row in r]
        labels = [label for plan_id, (_, ls) in data.items() if plan_id != held for label in ls]
        ranked = queue_order(candidates[held], stated, fit_ranker(rows, labels))
        scores[held] = score_queue(ranked, labelled, stated)
    return scores


def measure_links(
    document: GraphDocument, sets: Sequence[LabelledSet], rules: Links, ranker: LinkRanker | None = None
) -> list[PlanLinkMeasure]:
    """Each labelled plan's graph links and review queue (ranked as `linkSuggestions` ranks it)
    against its readers' sets combined."""
    ranker = ranker or load_link_ranker()
    stated = _stated(document)
    measures = []
    for plan_id, readers in _by_plan(sets).items():
        pairs = len(candidate_pairs(e for e in document.entities.values() if e.plan == plan_id))
        combined = _combined(readers)
        measures.append(
            PlanLinkMeasure(
                plan_id=plan_id,
                readers=tuple(r.reader or "?" for r in readers),
                kappa=agreement(readers[0], readers[1], pairs) if len(readers) > 1 else None,
                candidate_pairs=pairs,
                labelled=combined,
                graph=score_links(inferred_links(document, plan_id), combined.links),
                queue=score_queue(
                    queue_order(plan_candidates(document, plan_id, rules), stated, ranker), combined, stated
                ),
            )
        )
    return measures
