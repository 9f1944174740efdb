"""Quantitative targets in goal text: 国家标准300项以上 → (国家标准, AT_LEAST, 300, 项).

A target keeps its number as written (`written`: 10.5亿吨) and is also given in base units
(`value` 1050000000, `unit` 吨), so targets of different plans compare. Numbers are read with
cn2an in its smart mode, which understands “2万”, “1.5万” and “两万”. The metric is reduced
to the thing measured: leading verbs go (制定发布省级地方标准 → 地方标准) and a level prefix
is kept apart (`level` 省级).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import cn2an

from graph.model import Comparator
from loaders.patterns import alternation
from loaders.profile import Indicators, Profile

__all__ = ["Target", "deadline_before", "extract_targets", "target_like_clauses"]

_CLAUSE_END = "，。；：！？"
_CLAUSE = re.compile(f"[^{_CLAUSE_END}]+")
_MAGNITUDE = {
    "万亿": 10**12,
    "千亿": 10**11,
    "百亿": 10**10,
    "亿": 10**8,
    "千万": 10**7,
    "百万": 10**6,
    "万": 10**4,
}
#: A number followed by a word: what a target looks like, before its unit is known.
_NUMBER_AND_WORD = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)\s*(?!\d)(?![年月日号])[\u4e00-\u9fff%％‰]")


@dataclass(frozen=True, slots=True)
class Target:
    metric: str
    comparator: Comparator
    value: float
    unit: str
    #: The number and unit as the text writes them: 10.5亿吨.
    written: str
    #: The level the metric was qualified with (省级, 国家级), kept apart from the metric.
    level: str | None
    #: The clause that states the target, and its offsets in the scanned text.
    clause: str
    start: int
    end: int


def _target_pattern(rules: Indicators) -> re.Pattern[str]:
    prefixes = alternation(rules.at_least_prefix + rules.at_most_prefix + rules.about_prefix)
    suffixes = alternation(rules.at_least_suffix + rules.at_most_suffix + rules.about_suffix)
    return re.compile(
        rf"(?P<prefix>{prefixes})?{rules.number}\s*(?P<magnitude>{alternation(list(_MAGNITUDE))})?"
        rf"(?P<unit>{alternation(rules.units)})(?P<suffix>{suffixes})?"
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
    >>> [(t.metric, t.value, t.unit, t.written)
    ...  for t in extract_targets("鲜草总产草量达到10.5亿吨", load_profile())]
    [('鲜草总产草量', 1050000000.0, '吨', '10.5亿吨')]
    >>> [(t.metric, t.level) for t in extract_targets("制定发布省级地方标准1200项以上", load_profile())]
    [('地方标准', '省级')]
    """
    rules = profile.indicators
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
            metrics, changing = [changing], None
        else:
            metric = _metric(raw, rules)
            if raw.endswith(tuple(rules.from_words)):
                changing = _strip_suffix(metric, rules.from_words)
                continue
            metrics = _shared(metric, rules)
        magnitude = _MAGNITUDE.get(match.group("magnitude") or "", 1)
        unit = match.group("unit")
        value = _number(match.group("number")) * magnitude
        for metric in metrics:
            level, metric = _level(metric, rules)
            if not metric:
                continue
            targets.append(
                Target(
                    metric=metric,
                    comparator=_comparator(match.group("prefix"), match.group("suffix"), rules),
                    value=value,
                    unit="%" if unit == "％" else unit,
                    written=text[match.start("number") : match.end("unit")].replace(" ", ""),
                    level=level,
                    clause=text[clause_start : match.end()],
                    start=clause_start,
                    end=match.end(),
                )
            )
    return targets


def _metric(raw: str, rules: Indicators) -> str:
    """The thing measured, from the words before the number: time phrase, leading verbs and
    scope words, and the words between the metric and its number, all dropped."""
    raw = re.sub(rules.metric_time, "", raw)
    metric = re.sub(rules.metric_trail, "", re.sub(rules.metric_lead, "", raw, count=1)).strip()
    # The verb belonged to the metric (政府主导制定的标准) or came after it (国家标准制（修）订).
    if not metric or metric.startswith("的"):
        metric = re.sub(rules.metric_trail, "", raw).strip()
    words = tuple(sorted(rules.metric_verbs + rules.scope_words, key=len, reverse=True))
    while metric.startswith(words) and len(metric) > 2:
        metric = metric[len(next(w for w in words if metric.startswith(w))) :]
    return metric.strip("，、的 ")


def _shared(metric: str, rules: Indicators) -> list[str]:
    """国家、行业标准各 → 国家标准, 行业标准: a target shared by several metrics, one each."""
    if not metric.endswith(tuple(rules.shared_words)):
        return [metric]
    items = [i for i in re.split("[、和及与]", metric[:-1]) if i]
    last = items[-1]
    return [i + last[len(i) :] if len(i) < len(last) and not i.endswith(last[-2:]) else i for i in items]


def _level(metric: str, rules: Indicators) -> tuple[str | None, str]:
    for prefix in sorted(rules.level_prefixes, key=len, reverse=True):
        if metric.startswith(prefix) and len(metric) > len(prefix):
            return prefix, metric[len(prefix) :]
    return None, metric


def _strip_suffix(metric: str, words: list[str]) -> str:
    """政府主导制定的标准由 → 政府主导制定的标准."""
    for word in words:
        if metric.endswith(word):
            return metric[: -len(word)]
    return metric


def target_like_clauses(text: str) -> list[tuple[int, int]]:
    """Clauses that look like they state a target (a number followed by a word, not a year or
    a date): where the loader could not read one, the load report says so."""
    return [clause.span() for clause in _CLAUSE.finditer(text) if _NUMBER_AND_WORD.search(clause.group())]


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
