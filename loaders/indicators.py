"""Quantitative targets in goal text: 国家标准300项以上 → (国家标准, AT_LEAST, 300, 项).

Numbers are read with cn2an in its smart mode, which understands “2万”, “1.5万” and “两万”.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import cn2an

from graph.model import Comparator
from loaders.profile import Indicators, Profile

__all__ = ["Target", "deadline_before", "extract_targets"]

_CLAUSE_END = "，。；：！？"


@dataclass(frozen=True, slots=True)
class Target:
    metric: str
    comparator: Comparator
    value: float
    unit: str
    #: The clause that states the target, and its offsets in the scanned text.
    clause: str
    start: int
    end: int


def _target_pattern(rules: Indicators) -> re.Pattern[str]:
    def alternation(words: list[str]) -> str:
        return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))

    prefixes = alternation(rules.at_least_prefix + rules.at_most_prefix + rules.about_prefix)
    suffixes = alternation(rules.at_least_suffix + rules.at_most_suffix + rules.about_suffix)
    # re caches compiled patterns, so building the string on each call costs little.
    return re.compile(
        rf"(?P<prefix>{prefixes})?{rules.number}\s*(?P<unit>{alternation(rules.units)})(?P<suffix>{suffixes})?"
    )


def _comparator(prefix: str | None, suffix: str | None, rules: Indicators) -> Comparator:
    """The suffix (300项以上) decides before the prefix (不少于300项)."""
    for word in (suffix, prefix):
        if word in rules.at_least_suffix or word in rules.at_least_prefix:
            return Comparator.AT_LEAST
        if word in rules.at_most_suffix or word in rules.at_most_prefix:
            return Comparator.AT_MOST
        if word in rules.about_suffix or word in rules.about_prefix:
            return Comparator.ABOUT
    return Comparator.EQUAL


def _number(token: str) -> float:
    token = token.replace(" ", "")
    try:
        return float(token)
    except ValueError:
        return float(cn2an.cn2an(token, "smart"))


def extract_targets(text: str, profile: Profile) -> list[Target]:
    """Every target in text, each with the metric written before it.

    >>> from loaders.profile import load_profile
    >>> [(t.metric, t.comparator.value, t.value, t.unit)
    ...  for t in extract_targets("制（修）订国家标准300项以上、行业标准1000项以上", load_profile())]
    [('国家标准', 'AT_LEAST', 300.0, '项'), ('行业标准', 'AT_LEAST', 1000.0, '项')]
    """
    rules = profile.indicators
    lead = re.compile(rules.metric_lead)
    trail = re.compile(rules.metric_trail)
    targets: list[Target] = []
    boundary = 0
    changing: str | None = None  # the metric of a 由……到…… change, waiting for its second number
    for match in _target_pattern(rules).finditer(text):
        # The metric runs from the clause start, or from the end of the target before it
        # in the same enumeration, up to the number.
        clause_start = max(boundary, max(text.rfind(c, 0, match.start()) for c in _CLAUSE_END) + 1)
        raw = text[clause_start : match.start()].lstrip("、和及")
        boundary = match.end()
        if changing is not None and raw.startswith(tuple(rules.to_words)):
            metric, changing = changing, None
        else:
            metric = trail.sub("", lead.sub("", raw, count=1)).strip()
            # The verb belonged to the metric (政府主导制定的标准) or came after it (国家标准制（修）订).
            if not metric or metric.startswith("的"):
                metric = trail.sub("", raw).strip()
            if raw.endswith(tuple(rules.from_words)):
                changing = _strip_from(metric, rules.from_words)
                continue
        if not metric:
            continue
        unit = match.group("unit")
        value = _number(match.group("number"))
        if unit == "万项":
            value, unit = value * 10000, "项"
        targets.append(
            Target(
                metric=metric,
                comparator=_comparator(match.group("prefix"), match.group("suffix"), rules),
                value=value,
                unit="%" if unit == "％" else unit,
                clause=text[clause_start : match.end()],
                start=clause_start,
                end=match.end(),
            )
        )
    return targets


def _strip_from(metric: str, words: list[str]) -> str:
    """政府主导制定的标准由 → 政府主导制定的标准."""
    for word in words:
        if metric.endswith(word):
            return metric[: -len(word)]
    return metric


def deadline_before(text: str, position: int, profile: Profile) -> int | None:
    """The last deadline written in text before position: 到2020年 → 2020, “十三五”期末 → 2020."""
    found: tuple[int, int] | None = None
    for match in re.finditer(profile.goals.deadline_year, text[:position]):
        found = (match.start(), int(match.group("year")))
    for match in re.finditer(profile.goals.deadline_five_year, text[:position]):
        if found is None or match.start() > found[0]:
            # The n-th five-year plan (n ≥ 3) ends in 1955 + 5n: 十三五 → 2020.
            found = (match.start(), 1955 + 5 * int(cn2an.cn2an("十" + match.group("n"), "smart")))
    return found[1] if found else None
