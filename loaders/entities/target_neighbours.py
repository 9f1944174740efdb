"""How a target reads the targets and clauses around it: the count whose bracket breaks it down
(17座（改扩建6座，新建11座）), the sentence before (its metrics, each in turn), the clause before
(the metric it names and says how it moves), and a level counted alone that shares the next
count's thing (1个国家级、3个省级制造业创新中心)."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from loaders.entities.metrics import metric_before
from loaders.entities.quantities import CLAUSE_END, SENTENCE_END, start_of
from loaders.lexical import analyse
from loaders.profile import Indicators

if TYPE_CHECKING:
    from loaders.entities.indicators import Target

__all__ = [
    "broken_down",
    "levels_sharing_the_next",
    "metric_of_clause_before",
    "same_sentence",
    "sentence_before",
]


def levels_sharing_the_next(text: str, targets: list[Target], rules: Indicators) -> list[Target]:
    """建成1个国家级、3个省级制造业创新中心: a count of a level alone counts the thing the next count
    of the same unit names, at that level."""
    shared = list(targets)
    for at in range(len(shared) - 2, -1, -1):
        target, following = shared[at], shared[at + 1]
        alone = re.fullmatch(rules.level_prefix, target.metric)
        if alone and following.unit == target.unit and same_sentence(text, target.end, following.start):
            shared[at] = replace(target, metric=following.metric, level=target.metric)
    return shared


#: Tags of the words that close a clause naming a metric and how it moves (稳定提升, 稳步提高).
_MOVING = ("v", "vd", "vn", "d", "a", "ad", "u", "w")


def metric_of_clause_before(text: str, clause_start: int, rules: Indicators) -> str:
    """The metric the clause before names, where it holds no number of its own and says how
    the metric moves (制造业增加值占GDP比重稳定提升 → 制造业增加值占GDP比重)."""
    if clause_start == 0 or text[clause_start - 1] not in "，,":
        return ""
    before = text[start_of(text, clause_start - 1, CLAUSE_END) : clause_start - 1]
    if not before or re.search(r"\d", before):
        return ""
    tokens = list(analyse(before))
    while tokens and tokens[-1].tag in _MOVING:
        tokens.pop()
    return metric_before(before[: tokens[-1].end], rules, share=True) if tokens else ""


def sentence_before(text: str, targets: list[Target], position: int) -> list[Target]:
    """The targets of the sentence before the one at position (sentences end at 。 or ；)."""
    sentence_end = start_of(text, position, SENTENCE_END) - 1  # the 。 or ； before position
    if sentence_end < 0:
        return []
    before_start = start_of(text, sentence_end, SENTENCE_END)
    return [t for t in targets if before_start <= t.start < sentence_end]


def broken_down(text: str, targets: list[Target], position: int) -> Target | None:
    """The count whose bracket `position` stands in: 17座 in ……17座（改扩建6座，新建11座）."""
    for counted in reversed(targets):
        if counted.end >= position:
            continue
        if position - counted.end > _BREAKDOWN_SPAN:
            return None
        if text[counted.end : counted.end + 1] in ("（", "("):
            return None if re.search("[）)。；]", text[counted.end : position]) else counted
    return None


#: How far a breakdown's item may stand from the count its bracket follows.
_BREAKDOWN_SPAN = 20


def same_sentence(text: str, end: int, start: int) -> bool:
    """Whether nothing between `end` (of one target) and `start` (of the next) ends a sentence."""
    return not any(mark in text[end:start] for mark in "。；！？")
