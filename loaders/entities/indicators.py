"""Quantitative targets in goal text: 国家标准300项以上 → (国家标准, AT_LEAST, 300, 项).

A target keeps its number as written (`written`: 10.5亿吨) and is also given in base units
(`value` 1050000000, `unit` 吨), so targets of different plans compare. Numbers are read with
cn2an in its smart mode, which understands “2万”, “1.5万” and “两万”. What the number measures
is named by loaders/entities/metrics.py; here are the numbers, their comparators, and which
metric and year each number of a list or a change goes with.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from graph.model import Comparator
from loaders.entities.metric_lists import respective_metrics, shared_metrics
from loaders.entities.metrics import (
    capacity_metric,
    counts_what_follows,
    is_a_verb_alone,
    kind_in_a_breakdown,
    level_of,
    metric_after,
    metric_before,
    per_basis,
    strip_change,
    strip_trail,
    without_examples,
    without_kinds,
)
from loaders.entities.quantities import (
    CLAUSE_END,
    compared_duration,
    compared_without_unit,
    counted_one,
    end_of,
    is_a_scale,
    names_no_count,
    qualifies_what_follows,
    start_of,
)
from loaders.entities.target_neighbours import (
    broken_down,
    levels_sharing_the_next,
    metric_of_clause_before,
    same_sentence,
    sentence_before,
)
from loaders.entities.target_wordings import (
    as_a_share,
    capacity_of,
    compared_with_a_base,
    in_scope,
    part_of,
    respective_again,
    respective_years,
    said_of_the_present,
    scope_alone,
    share_doing,
    without_year_after,
    year_alone,
)
from loaders.numerals import chinese_number, five_year_plan_end
from loaders.patterns import INCLUDING, alternation
from loaders.profile import Indicators, Profile

__all__ = ["MAGNITUDES", "Target", "deadline_before", "extract_targets", "target_like_clauses"]

_RANGE = re.compile(r"\d[—\-~～至]\d")
_CLAUSE = re.compile(f"[^{CLAUSE_END}]+")
MAGNITUDES = {
    "万亿": 10**12,
    "千亿": 10**11,
    "百亿": 10**10,
    "亿": 10**8,
    "千万": 10**7,
    "百万": 10**6,
    "万": 10**4,
}
#: Numerals of a round number (十, 百, 千, 万) that 数 or 几 before make indefinite (数十家, 几百个)
#: and 上 a lower bound (上百家).
_ROUND_NUMERALS = "十百千万"
_SOME = ("数", "几")
#: A percentage or a per-mille written in words (百分之九十, 千分之五), and its unit.
IN_WORDS = {"百分之": "%", "千分之": "‰"}
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
    #: The year the target's own words give it (2024年、2025年分别……), where a list gives one.
    year: int | None = None


#: What a rate's unit may be per (立方米/日, 吨标准煤/万元, 台/万人, 平方米/人), longest first.
_PER = (
    "秒|分钟|小时|时|日|天|月|年|万人|千人|百人|人|户|万元|亿元|元|吨|亩|辆|床|平方米|平方公里|平方千米|公里"
)


def _target_pattern(rules: Indicators) -> re.Pattern[str]:
    prefixes = alternation(rules.at_least_prefix + rules.at_most_prefix + rules.about_prefix)
    suffixes = alternation(rules.at_least_suffix + rules.at_most_suffix + rules.about_suffix)
    units = alternation(rules.units)
    return re.compile(
        rf"(?P<prefix>{prefixes})?{rules.number}\s*(?P<more>{alternation(rules.more_than)})?"
        rf"(?P<magnitude>{alternation(list(MAGNITUDES))})?(?P<more_after>{alternation(rules.more_than)})?"
        # 15条（段）, 2000台（套）: a unit with the other it may be counted in; 850立方米/秒, 60万吨/日,
        # 0.4吨标准煤/万元, 500台/万人: a rate, per what follows the slash.
        # 12/10万: a rate per a base of people (孕产妇死亡率), the base its unit.
        rf"(?P<unit>(?:{units})(?:（[\u4e00-\u9fff]）|/(?:{_PER}))?|/(?:\d{{1,3}})?[百千万](?![\d元]))?"
        rf"(?P<suffix>{suffixes})?"
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


def _number(token: str) -> tuple[float, bool] | None:
    """The number, and whether it was a range (2—3: its lower bound); None where the
    characters make no number (a numeral inside a word).

    >>> _number("百亿"), _number("2—3"), _number("两万")
    ((10000000000.0, False), (2.0, True), (20000.0, False))
    """
    token = token.replace(" ", "").replace(",", "")  # 1,200
    token = next((token.removeprefix(w) for w in IN_WORDS if token.startswith(w)), token)
    ranged = _RANGE.search(token)
    low = token[: ranged.start() + 1] if ranged else token
    try:
        return float(low), bool(ranged)
    except ValueError:
        value = chinese_number(low)
        return (value, bool(ranged)) if value is not None else None


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
    # A、B分别65%、55% and 2024年、2025年分别突破2.2万亿元、2.4万亿元: the metrics (with the year each
    # is due, where the list gives one) waiting for their own numbers.
    respective: list[tuple[str, int | None]] = []
    listed_comparator = Comparator.EQUAL  # 分别突破A、B: the list's first comparator is the others'
    previous: Target | None = None
    for match in _target_pattern(rules).finditer(text):
        unit = match.group("unit") or ""
        if words := next((w for w in IN_WORDS if match.group("number").startswith(w)), None):
            unit = IN_WORDS[words]  # 百分之九十, 千分之五
        number = _number(match.group("number"))
        doubled = unit == rules.doubling.unit
        if doubled and text[match.start() - 1 : match.start()] != rules.doubling.verb:
            continue  # 番 counts only doublings (翻一番)
        if number is None or (
            match.group("number") == "一" and not doubled and not counted_one(text, match, rules)
        ):
            continue  # a bare 一 is an article (一个平台, 不落一人), not a quantity
        before = text[max(match.start() - 2, 0) : match.start()]
        in_words = match.group("number")[:1] in _ROUND_NUMERALS
        if in_words and before[-1:] in _SOME:
            continue  # 数十家, 几百个: some tens, some hundreds — no number is set
        if names_no_count(text, match, unit):
            continue  # 二次供水, “三个翻番”: part of a name
        scale = is_a_scale(text, match, rules)
        if scale is False:
            continue  # 培育2个万亿级产业: a kind of industry, counted by the number before it
        if scale:
            unit = rules.scale_unit
        # 千亿, 两万: a numeral in words carries its magnitude.
        sum_in_words = re.search("[万亿]$", match.group("number")) is not None
        if not (
            unit or match.group("magnitude") or sum_in_words or compared_without_unit(text, match, rules)
        ):
            continue
        if qualifies_what_follows(text, match, rules):
            continue
        if unit in rules.duration_units and not compared_duration(text, match, rules):
            continue  # 2025年, 3年内: a date or a span, not a quantity
        # The metric runs from the clause start, or from the end of the target before it
        # in the same enumeration, up to the number.
        own_clause_start = start_of(text, match.start(), CLAUSE_END)
        clause_start = max(boundary, own_clause_start)
        clause_end = end_of(text, match.end(), CLAUSE_END)
        clause = text[own_clause_start:clause_end]
        raw = text[clause_start : match.start()].lstrip("、和及与")
        # 上百家, 上千人: a hundred or more (以上 before a number is the level's, 省级以上100家).
        upwards = in_words and before[-1:] == "上" and before != "以上"
        raw = raw.removesuffix("上") if upwards else raw
        boundary = match.end()
        # 由目前的20家达到35家 states where a change starts, not the present as a target.
        if any(word in said_of_the_present(clause, rules) for word in rules.not_target_words):
            continue
        capacity = capacity_of(text, match.end(), rules)
        base_word: str | None = None
        recent = (
            previous if previous is not None and same_sentence(text, previous.end, match.start()) else None
        )
        metrics: list[tuple[str, int | None]]
        from_list = bool(respective) and not raw.strip("、和及与 ")
        if changing is not None and raw.startswith(tuple(rules.to_words)):
            metrics, changing = [(changing, None)], None
        elif respective and not raw.strip("、和及与 "):
            metrics = [respective.pop(0)]
        elif recent is not None and (years := respective_years(raw, rules)):
            # 营收年均增长10%以上，2024年、2025年分别突破2.2万亿元、2.4万亿元: the metric just measured.
            metrics = [(recent.metric, years[0])]
            respective = [(recent.metric, year) for year in years[1:]]
        elif recent is not None and (year := year_alone(raw, rules)):
            # 抽取比例2023年不少于30%，2024年不少于60%: the metric just measured, due that year.
            metrics = [(recent.metric, year)]
        elif (counted := broken_down(text, targets, match.start())) and (kind := kind_in_a_breakdown(raw)):
            metrics = [(f"{counted.metric}（{kind}）", counted.year)]  # ……17座（改扩建6座，新建11座）
        elif (earlier := sentence_before(text, targets, match.start())) and respective_again(raw, rules):
            # 服务规模达到6000万亩次以上，占有率达到50%以上；2028年分别达到8000万亩次和60%以上: the
            # metrics of the sentence before, each in turn.
            metrics = [(earlier[0].metric, None)]
            respective = [(t.metric, None) for t in earlier[1:]]
        else:
            respective = []
            raw, year_after = without_year_after(raw, rules)
            if based := compared_with_a_base(raw, rules):
                raw, base_word = based  # 比例不低于各区养老机构数量的15%: 比例, at least
            # A share or a ratio (a number with no unit: 电能利用效率（PUE）应低于1.25).
            metric = metric_before(raw, rules, share=unit in rules.ratio_units or not unit)
            counts_after = raw.endswith(tuple(rules.counting_verbs)) or counts_what_follows(raw, rules)
            if metric in rules.no_metric:
                metric = ""  # 首批95个公共体育场馆
            # 省级以上100家企业: a level alone qualifies the thing counted after the number.
            level_alone = re.fullmatch(rules.level_prefix, metric) is not None
            # 抓好白青乡10个美丽乡村建设: a place alone before the number, the thing counted after it.
            place_alone = scope_alone(metric, rules)
            if (
                not metric
                or (counts_after and not capacity)
                or per_basis(metric)
                or level_alone
                or place_alone
            ):
                # 打造10个以上人工智能产业集聚区: the counted thing follows the number.
                after, item_end = metric_after(text, match.end(), clause_end, rules)
                if after:
                    qualified = per_basis(metric) or level_alone  # 每千人口 …… 托位, 省级以上 …… 企业
                    metric = metric + after if qualified else after
                    boundary = item_end
            if not metric and recent is not None and recent.end == match.start() and recent.unit != unit:
                metric = recent.metric  # 重大项目22项32个: the same things counted in a second unit
            if scale and re.match("[\u4e00-\u9fff]", text[match.end() + len(rules.scale_suffix) :]):
                # 5000亿级新能源产业集群: the thing of that scale follows.
                after, item_end = metric_after(text, match.end() + len(rules.scale_suffix), clause_end, rules)
                metric, boundary = (after, item_end) if after else (metric, boundary)
            metric = without_examples(metric)
            if unit in rules.ratio_units and (doing := share_doing(text, boundary, clause_end, rules)):
                # 新建建筑100%执行绿色建筑标准, 90%以上的村实现生活垃圾分类: the share of them that do it.
                metric += doing + rules.share_word
                boundary = clause_end
            if re.search(rules.change_start + "$", raw):
                changing = strip_trail(re.sub(rules.change_start + "$", "", metric), rules)
                continue
            if unit in rules.ratio_units:
                metric = as_a_share(metric, rules)
            if recent is not None and (part := part_of(raw, rules)):
                # 总规模达到1200亿元左右，其中定州市达到500亿元左右: 定州市's share of the same.
                metric = in_scope(part, recent.metric, rules)
            elif (
                recent is not None
                and recent.unit == unit
                and clause_start == own_clause_start  # not 二级路300公里、三级路250公里: kinds listed
                and scope_alone(metric, rules)
            ):
                # 城市生活污水集中收集率达到70%，县城达到60%: the same rate, in 县城.
                metric = in_scope(metric, recent.metric, rules)
            elif (
                recent is not None
                and metric in rules.attributes
                and raw.strip("，、 ") == metric
                and recent.unit != unit
            ):
                # 新建冷藏保鲜设施12座，库容0.16万立方米: the size of the thing just counted.
                metric = recent.metric + metric
            elif recent is not None and (share := re.match(rules.share_of_the_same, raw.strip())):
                # ……增长7%以上，占地区生产总值比重提高到35%: the share of the thing just measured.
                metric = recent.metric + share.group()
            listed = (
                respective_metrics(metric, rules)
                if not metric.endswith(tuple(rules.respective_words))
                else []
            )
            if listed:
                metrics, respective = [(listed[0], None)], [(m, None) for m in listed[1:]]
            elif metric.endswith(tuple(rules.shared_words + rules.respective_words)):
                shared = [(m, None) for m in shared_metrics(metric, rules)]
                metrics = shared
                if metric.endswith(tuple(rules.respective_words)):
                    metrics, respective = shared[:1], shared[1:]
            elif unit and unit not in rules.ratio_units:
                metrics = [(without_kinds(metric, rules), None)]  # 国际、国家、行业标准200项: 标准
            else:
                metrics = [(metric, None)]  # 大型、超大型数据中心电能利用效率: the list scopes a rate
            metrics = [(m, year or year_after) for m, year in metrics]
        magnitude = MAGNITUDES.get(match.group("magnitude") or "", 1)
        # As written: up to its unit, or its magnitude, or the number alone (低于1.25).
        written_end = max(match.end("number"), match.end("magnitude"), match.end("unit"))
        if scale:
            written_end = match.end() + len(rules.scale_suffix)  # 5000亿级
        low, ranged = number
        value = round(low * magnitude, 6)  # 18.6亿 is 1860000000, not 1860000000.0000002
        if doubled:
            value, unit = 2**low - 1, rules.doubling.as_unit  # 翻一番: grown by 1倍
        comparator = _comparator(match.group("prefix") or base_word, match.group("suffix"), rules)
        if (match.group("more") or match.group("more_after") or upwards) and comparator is Comparator.EQUAL:
            comparator = Comparator.AT_LEAST  # 30余座: more than 30
        if from_list and comparator is Comparator.EQUAL:
            comparator = listed_comparator
        elif respective:
            listed_comparator = comparator  # the first of a list
        if ranged and comparator is Comparator.EQUAL:
            comparator = Comparator.AT_LEAST  # 2—3个: at least the lower bound
        if comparator is Comparator.EQUAL and re.search(
            f"(?:{alternation(rules.at_least_adverbs)})[^{CLAUSE_END}\\d]{{1,6}}$",
            text[clause_start : match.start()],
        ):
            comparator = Comparator.AT_LEAST  # 每个乡镇至少办好一所: the adverb bounds the verb's count
        # 产业规模达到2000亿, 规模过千亿: a sum of money, though the text leaves out its 元.
        in_yuan = not unit and "亿" in (match.group("magnitude") or "") + match.group("number")
        for metric, year in metrics:
            if capacity:
                name, produced = capacity
                metric = produced + name if produced else capacity_metric(metric, name, rules)
            level, metric = level_of(metric.lstrip("、和及与"), rules)
            if strip_change(metric, rules) in rules.change_words and recent is not None:
                # 营收突破2.2万亿元，年均增长10%以上: the change is of the thing just measured.
                metric, level = recent.metric, recent.level
            elif (not metric or strip_change(metric, rules) in rules.change_words) and recent is None:
                # 制造业增加值占GDP比重稳定提升，达到28%左右: the thing the clause before names.
                metric = metric_of_clause_before(text, own_clause_start, rules) or metric
            elif not metric and recent is not None and recent.unit == unit:
                # 装机容量确保达到120MW，力争达到180MW: a second figure the same thing strives for.
                metric, level = recent.metric, recent.level
            metric = INCLUDING.sub("", strip_change(metric, rules)).lstrip("、，")
            metric = re.sub(alternation(rules.light_verbs), "", metric)  # ……进行升级改造
            if not metric or is_a_verb_alone(metric):
                continue  # 坚持两个毫不动摇: a verb and what it holds to, no thing counted
            if in_yuan and metric.endswith(tuple(rules.sums_of_money)):
                unit = rules.scale_unit
            previous = Target(
                metric=metric,
                comparator=comparator,
                value=value,
                unit="%" if unit == "％" else unit,
                written=text[match.start("number") : written_end].replace(" ", ""),
                level=level,
                clause=text[clause_start : match.end()],
                start=clause_start,
                end=match.end(),
                year=year,
            )
            targets.append(previous)
    return levels_sharing_the_next(text, targets, rules)


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
            found = (match.start(), five_year_plan_end(match.group("n")))  # 十三五 → 2020
    return found[1] if found else None
