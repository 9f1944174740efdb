"""Whether a number the text writes is a quantity a target sets: not an age or a sum that says
which things are meant (3岁以下婴幼儿, 超10亿元企业), not a year, not the article 一, not part of a
name (二次供水, “三个翻番”); a sum given as a scale (千亿级); a number without a unit that a verb
compares (指数达到125左右)."""

from __future__ import annotations

import re

from loaders.profile import Indicators

__all__ = [
    "CLAUSE_END",
    "SENTENCE_END",
    "compared_duration",
    "compared_without_unit",
    "counted_one",
    "end_of",
    "is_a_scale",
    "names_no_count",
    "qualifies_what_follows",
    "start_of",
]

#: What ends a clause.
CLAUSE_END = "，。；：！？"
#: The marks that end the sentence a target and its metric belong to.
SENTENCE_END = "。；"


def start_of(text: str, position: int, ends: str) -> int:
    """Where the clause (or sentence) holding position starts: after the last of `ends` before it."""
    return max(text.rfind(c, 0, position) for c in ends) + 1


def end_of(text: str, position: int, ends: str) -> int:
    """Where the clause (or sentence) holding position ends: at the first of `ends` from it."""
    return min((i for c in ends if (i := text.find(c, position)) >= 0), default=len(text))


def qualifies_what_follows(text: str, match: re.Match[str], rules: Indicators) -> bool:
    """A number that says which things are meant, not how many: an age before a noun (3岁以下婴幼儿
    托位数), or a bounded sum or a time before the thing counted, with that thing's own number after
    it in the clause (超10亿元企业达到6个, 主营业务收入10亿元以上企业达到40家, 15分钟商业服务圈60个)."""
    if not re.match(r"[\u4e00-\u9fff“]", text[match.end() : match.end() + 1]):
        return False
    unit = match.group("unit") or ""
    if unit in rules.qualifying_units:
        return True
    if (
        _COUNTED_JUST_BEFORE.search(text[: match.start()])
        and unit
        and unit not in _COUNTERS + tuple(rules.ratio_units)
    ):
        # 新建4万个60千瓦以上“超快结合”充电枪: the count is before, the kind after (not 13项15个项目,
        # the same things counted again).
        return True
    bounded = match.group("prefix") or match.group("suffix")
    spans_a_kind = unit in rules.qualifying_spans  # 15分钟商业服务圈60个
    if not (spans_a_kind or (bounded and (match.group("magnitude") or unit == "元"))):
        return False
    clause_end = end_of(text, match.end(), CLAUSE_END)
    return re.search(r"\d", text[match.end() : clause_end]) is not None


#: A count standing just before another number (4万个|60千瓦): that number says which things.
_COUNTERS = ("个", "家", "项", "座", "台", "套", "辆", "处", "所", "条")
_COUNTED_JUST_BEFORE = re.compile(f"(?:\\d|[一二两三四五六七八九十])[万亿]?[{''.join(_COUNTERS)}]$")


def is_a_scale(text: str, match: re.Match[str], rules: Indicators) -> bool | None:
    """Whether a number is a sum given as a scale (5000亿级, 千亿级): True where it is the target,
    False where it names a kind that a count before it or after it in the clause counts (培育2个
    万亿级产业, 千亿级产业集群3个), None where it is no scale."""
    if match.group("unit") or not (match.group("magnitude") or match.group("number")[-1] in "万亿"):
        return None
    if not text.startswith(rules.scale_suffix, match.end()):
        return None
    clause_end = end_of(text, match.end(), CLAUSE_END)
    counted_before = re.search(
        r"(?:\d|[一二两三四五六七八九十])[个家项]$", text[: match.start()].rstrip("、和及与")
    )
    return not (counted_before or re.search(r"\d", text[match.end() : clause_end]))


def compared_duration(text: str, match: re.Match[str], rules: Indicators) -> bool:
    """平均受教育年限提高到11.3年, 轮训周期为3年: a span of years that a verb compares the metric with."""
    digits = match.group("number").split(".")[0]
    if not digits.isdigit() or len(digits) > 2:
        return False
    before = text[max(0, match.start() - 4) : match.start()]
    verbs = tuple(rules.unitless_verbs + rules.comparing_verbs)
    return bool(match.group("prefix")) or before.endswith(verbs)


#: A short quoted name opening with a count in words: “三个翻番”, “两个一百”, “四个全面”.
_SLOGAN = re.compile("“[一二两三四五六七八九十百千]+个[^“”]{1,8}”")


#: A magnitude's word alone, with no count before it.
_MAGNITUDES_ALONE = frozenset({"万", "千", "百", "十"})


def names_no_count(text: str, match: re.Match[str], unit: str) -> bool:
    """A count in words that is part of a name: 二次供水, 二次开发 (secondary, not twice — a count of
    two is written 两次), a rate's base (万人, 千人口), or a slogan in quotes (“三个翻番”, “两个一百”)."""
    if match.group("number") == "二" and unit == "次" and re.match("[\u4e00-\u9fff]", text[match.end() :]):
        return True
    if (
        match.group("number") in _MAGNITUDES_ALONE
        and unit == "人"
        and re.match("[\u4e00-\u9fff]", text[match.end() :])
    ):
        return True  # 万人公交车辆拥有量, 千人口床位数: the people a rate is counted per (超万人, a count)
    opening = match.start() - 1
    return opening >= 0 and bool(_SLOGAN.match(text, opening))


def counted_one(text: str, match: re.Match[str], rules: Indicators) -> bool:
    """至少办好一所, 每县建设好一所, 增加一倍: 一 bounded by a comparator, one for each, or a growth
    counted in times, is a quantity."""
    clause_start = start_of(text, match.start(), CLAUSE_END)
    if match.group("unit") == rules.doubling.as_unit:
        return True
    return bool(match.group("prefix") or match.group("suffix")) or "每" in text[clause_start : match.start()]


def compared_without_unit(text: str, match: re.Match[str], rules: Indicators) -> bool:
    """A number with no unit is a target where a verb compares something with it and a
    comparator or the clause's end follows: 指数达到125左右, 电能利用效率降到1.3以下 (an index or
    a ratio, whose unit is none)."""
    if not match.group("number")[:1].isdigit():
        return False
    after = text[match.end() : match.end() + 1]
    if match.group("prefix"):
        # 电能利用效率（PUE）应低于1.25。: compared by its own word, the clause ending there.
        return after in CLAUSE_END or after == ""
    before = text[max(0, match.start() - 4) : match.start()]
    return before.endswith(tuple(rules.unitless_verbs)) and (
        bool(match.group("suffix")) or after in CLAUSE_END
    )
