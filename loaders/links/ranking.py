"""The order of the review queue: a logistic model over a candidate link's features, fitted to
links two readers labelled blind (`scripts/train_link_ranker.py`, weights in
`loaders/profiles/link-ranker.yaml`).

Similarity alone puts a pair sharing words every part uses next to a plain link. The features
add what a reader looks at: whether the pair is the best the source and the target have (their
ranks among their own candidates), whether the source names the target (an indicator's metric, a
domain's name), and the kind of link (measures are rarely linked to anything in particular). A
suggestion's likelihood is the model's estimate that a reader would call the link plain.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, field_validator

from graph.errors import PlanLoadError
from graph.model import EntityKind, RelationType
from loaders.links.candidates import LinkCandidate

__all__ = [
    "FEATURES",
    "LinkRanker",
    "RankedCandidate",
    "candidate_features",
    "fit_ranker",
    "load_link_ranker",
    "rank",
]

RANKER_FILE = Path(__file__).resolve().parent.parent / "profiles" / "link-ranker.yaml"

#: The features of a candidate link, in the order `candidate_features` gives them.
FEATURES = (
    "similarity",  # TF-IDF cosine of the two passages
    "source_rank",  # 1 / its place among the source's candidates of the type
    "target_rank",  # 1 / its place among the target's candidates of the type
    "share_of_target_best",  # similarity / the target's best similarity
    "share_of_source_best",  # similarity / the source's best similarity
    "names_target",  # the source's passage holds the target's name (an indicator's metric)
    "target_name_overlap",  # share of the target name's character pairs found in the source
    "implements",
    "supports_goal",
    "supports_indicator",
    "covers",
    "from_measure",
)


class LinkRanker(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    bias: float
    weights: dict[str, float]
    #: The plans whose labels it was fitted to: its figures on them are not held out.
    fitted_to: list[str] = []

    @field_validator("weights")
    @classmethod
    def _every_feature(cls, weights: dict[str, float]) -> dict[str, float]:
        if set(weights) != set(FEATURES):
            raise ValueError(f"weights are for exactly: {', '.join(FEATURES)}")
        return weights

    def likelihood(self, features: Sequence[float]) -> float:
        z = self.bias + sum(
            self.weights[name] * value for name, value in zip(FEATURES, features, strict=True)
        )
        return 1 / (1 + math.exp(-z))


@dataclass(frozen=True, slots=True)
class RankedCandidate:
    candidate: LinkCandidate
    likelihood: float


def _bigrams(text: str) -> set[str]:
    return {text[i : i + 2] for i in range(len(text) - 1)}


def _target_name(candidate: LinkCandidate) -> str:
    target = candidate.target
    return (target.attrs.get("metric") or target.name) if target.kind is EntityKind.INDICATOR else target.name


def candidate_features(candidates: Sequence[LinkCandidate]) -> list[list[float]]:
    """The features of each of one plan's candidates (all of them: ranks are among them)."""
    by_source: dict[tuple[RelationType, str], list[float]] = defaultdict(list)
    by_target: dict[tuple[RelationType, str], list[float]] = defaultdict(list)
    for c in candidates:
        by_source[c.type, c.source.id].append(c.score)
        by_target[c.type, c.target.id].append(c.score)
    for scores in (*by_source.values(), *by_target.values()):
        scores.sort(reverse=True)
    rows = []
    for c in candidates:
        of_source, of_target = by_source[c.type, c.source.id], by_target[c.type, c.target.id]
        name = _target_name(c)
        source_text = f"{c.source.name}{c.source.text or ''}"
        pairs = _bigrams(name)
        rows.append(
            [
                c.score,
                1 / (of_source.index(c.score) + 1),
                1 / (of_target.index(c.score) + 1),
                c.score / of_target[0],
                c.score / of_source[0],
                float(len(name) >= 3 and name in source_text),
                len(pairs & _bigrams(source_text)) / len(pairs) if pairs else 0.0,
                float(c.type is RelationType.IMPLEMENTS),
                float(c.type is RelationType.SUPPORTS and c.target.kind is EntityKind.GOAL),
                float(c.type is RelationType.SUPPORTS and c.target.kind is EntityKind.INDICATOR),
                float(c.type is RelationType.COVERS),
                float(c.source.kind is EntityKind.MEASURE),
            ]
        )
    return rows


def rank(candidates: Sequence[LinkCandidate], ranker: LinkRanker) -> list[RankedCandidate]:
    """One plan's candidates, most likely plain first (ties in similarity order)."""
    ranked = [
        RankedCandidate(c, ranker.likelihood(f))
        for c, f in zip(candidates, candidate_features(candidates), strict=True)
    ]
    ranked.sort(key=lambda r: -r.likelihood)  # stable: the similarity order breaks ties
    return ranked


@lru_cache(maxsize=4)
def load_link_ranker(path: Path = RANKER_FILE) -> LinkRanker:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        return LinkRanker.model_validate(data)
    except (OSError, yaml.YAMLError, ValueError) as exc:
        raise PlanLoadError(str(path), f"the link ranker cannot be read: {exc}") from None


def fit_ranker(
    rows: Sequence[Sequence[float]], labels: Sequence[int], l2: float = 100.0, fitted_to: Sequence[str] = ()
) -> LinkRanker:
    """A logistic model fitted by gradient descent on standardised features (L2 penalty `l2`),
    its weights given back for the raw features."""
    import numpy as np

    x = np.asarray(rows, dtype=float)
    y = np.asarray(labels, dtype=float)
    mean, scale = x.mean(0), x.std(0) + 1e-9
    z = (x - mean) / scale
    w, b = np.zeros(z.shape[1]), 0.0
    for _ in range(3000):
        p = 1 / (1 + np.exp(-(z @ w + b)))
        gap = p - y
        w -= 0.1 * (z.T @ gap / len(y) + l2 * w / len(y))
        b -= 0.1 * gap.mean()
    raw = w / scale
    return LinkRanker(
        bias=round(float(b - (raw * mean).sum()), 4),
        weights={name: round(float(v), 4) for name, v in zip(FEATURES, raw, strict=True)},
        fitted_to=list(fitted_to),
    )
