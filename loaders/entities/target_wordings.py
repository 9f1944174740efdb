"""Wordings around a target's number that say what it measures or when: the capacity it is part
of (形成年产……能力), the base a share is of (不低于……的15%), a part of a whole left without its share
word (占全省70%以上), what a share of things does (100%执行……), a year written after the metric, a
list's years, and a place's part of the metric just measured (其中定州市达到……, 县城达到……)."""

from __future__ import annotations

import re
from functools import cache

from loaders.entities.quantities import SENTENCE_END, end_of, start_of
from loaders.lexical import analyse
from loaders.patterns import alternation
from loaders.profile import Indicators

__all__ = [
    "as_a_share",
    "capacity_of",
    "compared_with_a_base",
    "in_scope",
    "part_of",
    "respective_again",
    "respective_years",
    "said_of_the_present",
    "scope_alone",
    "share_doing",
    "without_year_after",
    "year_alone",
]


def share_doing(text: str, position: int, clause_end: int, rules: Indicators) -> str | None:
    """What a share of things does, written after its number (新建建筑100%执行绿色建筑标准 → 执行
    绿色建筑标准): the rest of the clause, where the lexical analysis reads a verb of its own and
    what it is done to, also after the things counted (90%以上的村实现生活垃圾分类 → 实现生活垃圾
    分类). A verb alone (100%达标), a comparison (90%以上) or a change to another number
    (由1.25%提高到1.5%) gives none."""
    rest = text[position:clause_end]
    if not re.match("[\u4e00-\u9fff]{2}", rest):
        return None  # 90%， / 90%以上: nothing done after the number (and no analysis run)
    tokens = [t for t in analyse(rest) if t.word.strip()]
    if (
        len(tokens) < 2
        or tokens[0].tag != "v"
        or len(tokens[0].word) < 2
        or re.match(f"(?:{alternation(rules.comparing_verbs + rules.change_words)}).{{0,4}}\\d", rest)
    ):
        return None
    return rest.strip()


def capacity_of(text: str, end: int, rules: Indicators) -> tuple[str, str | None] | None:
    """The capacity a quantity is part of, named as a reader names it: 形成年产……1万片，……24万片能力
    gives both numbers the capacity 年产能力; 形成……800吨、……300吨生产能力 the capacity 生产能力.
    Only the list's other quantities, or the thing produced (形成年产18.6亿只表贴型电子陶瓷封装材料
    能力: 表贴型电子陶瓷封装材料年产能力), stand between the number and the capacity word."""
    sentence_end = end_of(text, end, SENTENCE_END)
    rest = text[end:sentence_end]
    for word in rules.capacity_words:
        at = rest.find(word)
        if at < 0:
            continue
        between = rest[:at].removesuffix("的")
        listed = between[:1] in ("、", "，") and re.search(r"\d[^\d]{0,4}$", between)
        produced = re.fullmatch(r"[^\d，、。；（）]{2,20}", between) if between else None
        if between and not (listed or produced):
            return None
        annual = rules.annual_output in text[start_of(text, end, SENTENCE_END) : end]
        capacity = rules.annual_output + "能力" if annual else (word if word != "能力" else None)
        if capacity and produced:
            return capacity, between
        return (capacity, None) if capacity else None
    return None


def compared_with_a_base(raw: str, rules: Indicators) -> tuple[str, str] | None:
    """标杆示范单位比例不低于各区养老机构数量的 (15%): the metric, and the comparing word that stands
    before the base the share is of rather than before the number."""
    # 销售额要达到总销售额的 (30%以上): a verb that compares, then the base.
    words = alternation(rules.at_least_prefix + rules.at_most_prefix + rules.about_prefix + ["达到"])
    found = re.fullmatch(f"(?P<metric>.+?)(?P<word>{words})(?P<base>[^，。；的]{{2,20}})的", raw)
    return (found.group("metric"), found.group("word")) if found else None


def as_a_share(metric: str, rules: Indicators) -> str:
    """A percentage of a part of a whole that names no share, named as one: 产能占全省 (70%以上) →
    产能占全省比重."""
    if metric.endswith(tuple(rules.share_nouns)) or not re.search(r"占[^占，、]{1,15}$", metric):
        return metric
    return metric + rules.part_word


def respective_again(raw: str, rules: Indicators) -> bool:
    """2028年分别达到: a list of numbers, each for a metric already named, with nothing named here."""
    bare = re.sub(rules.metric_time, "", raw.strip())
    words = alternation(rules.respective_words)
    verbs = alternation(rules.comparing_verbs + rules.unitless_verbs)
    return re.fullmatch(f"(?:{words})(?:{verbs})?", bare) is not None


def year_alone(raw: str, rules: Indicators) -> int | None:
    """2024年 standing alone before a number (……，2024年不少于60%): that year."""
    match = re.fullmatch(rules.year_after_metric, raw.strip("，,、 "))
    return int(match.group("year")) if match else None


def without_year_after(raw: str, rules: Indicators) -> tuple[str, int | None]:
    """抽取比例2023年 → (抽取比例, 2023): a year written between a metric and its number."""
    match = re.search("(?<=[\u4e00-\u9fff])" + rules.year_after_metric + "$", raw)
    return (raw[: match.start()], int(match.group("year"))) if match else (raw, None)


def respective_years(raw: str, rules: Indicators) -> list[int]:
    """2024年、2025年分别突破 → [2024, 2025]: a list of years whose numbers follow, one each."""
    match = re.search(rules.respective_years + "$", raw)
    return [int(year) for year in re.findall(r"\d{4}", match.group())] if match else []


def part_of(raw: str, rules: Indicators) -> str | None:
    """其中定州市达到 → 定州市, 其中山区达到 → 山区: a place after 其中, whose share of the metric
    just measured follows."""
    match = re.match(rules.part_of, raw)
    if match is None:
        return None
    part = match.group("part")
    return part if not _without_scope(part, rules) else None


def scope_alone(metric: str, rules: Indicators) -> bool:
    """县城, 渝西地区和渝东新城: a metric that only names where (a place, or an area such as 县城,
    农村, 中心城区), standing for the metric just measured there (城市生活污水集中收集率达到70%，县城
    达到60%)."""
    return bool(metric) and not _without_scope(metric, rules)


def in_scope(scope: str, metric: str, rules: Indicators) -> str:
    """城市生活污水集中收集率 in 县城: 县城生活污水集中收集率 — the metric's own place, if it opens
    with one, given way to the scope's."""
    return scope + (_without_scope(metric, rules) or metric)


def _without_scope(words: str, rules: Indicators) -> str:
    """The words after the places and areas they open with (中心城区参与错峰加油的加油站 →
    参与错峰加油的加油站); all of them where they open with none, nothing where they are all places."""
    areas = _longest_first(tuple(rules.scope_nouns))
    rest = words
    while rest:
        area = next((a for a in areas if rest.startswith(a)), None)
        if area is None:
            tokens = analyse(rest)
            if not tokens or tokens[0].tag not in ("LOC", "ns"):
                break
            area = tokens[0].word
        rest = rest[len(area) :].lstrip("和及与、")
    return rest


@cache
def _longest_first(words: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(sorted(words, key=len, reverse=True))


def said_of_the_present(clause: str, rules: Indicators) -> str:
    """The words of a clause that may say its number is the present's: not where a change starts
    (由目前的20家达到35家), nor 现有 qualifying what a verb then sets a target for (全省现有宜林荒山
    绿化率达到95%以上: the hills there are now)."""
    clause = re.sub(rules.change_start, "", clause)
    reaching = alternation(["达到", *rules.to_words, *rules.at_least_prefix])
    return re.sub(f"现有(?=.*(?:{reaching}))", "", clause)
