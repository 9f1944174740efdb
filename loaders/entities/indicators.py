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

from graph.model import Comparator
from loaders.lexical import NOMINAL, analyse
from loaders.numerals import chinese_number
from loaders.patterns import alternation
from loaders.profile import Indicators, Profile

__all__ = ["MAGNITUDES", "Target", "deadline_before", "extract_targets", "target_like_clauses"]

_CLAUSE_END = "，。；：！？"
#: Words of a share, rate or size that name no metric on their own.
_BARE_MEASURES = frozenset(
    {"比例", "比重", "占比", "比率", "率", "增速", "增幅", "规模", "总量", "数量", "总额", "产值"}
)
#: The longest item of a shared list that is only a kind (国家、行业标准各1000项).
_SHORT_ITEM = 3
_RANGE = re.compile(r"\d[—\-~～至]\d")
_CLAUSE = re.compile(f"[^{_CLAUSE_END}]+")
MAGNITUDES = {
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
    #: The year the target's own words give it (2024年、2025年分别……), where a list gives one.
    year: int | None = None


def _target_pattern(rules: Indicators) -> re.Pattern[str]:
    prefixes = alternation(rules.at_least_prefix + rules.at_most_prefix + rules.about_prefix)
    suffixes = alternation(rules.at_least_suffix + rules.at_most_suffix + rules.about_suffix)
    return re.compile(
        rf"(?P<prefix>{prefixes})?{rules.number}\s*(?P<magnitude>{alternation(list(MAGNITUDES))})?"
        rf"(?P<unit>{alternation(rules.units)})?(?P<suffix>{suffixes})?"
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
    token = token.replace(" ", "")
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
        number = _number(match.group("number"))
        if number is None or match.group("number") == "一":
            continue  # a bare 一 is an article (一个平台, 不落一人), not a quantity
        if not (unit or match.group("magnitude") or _compared_without_unit(text, match, rules)):
            continue
        # The metric runs from the clause start, or from the end of the target before it
        # in the same enumeration, up to the number.
        own_clause_start = max(text.rfind(c, 0, match.start()) for c in _CLAUSE_END) + 1
        clause_start = max(boundary, own_clause_start)
        clause_end = min((i for c in _CLAUSE_END if (i := text.find(c, match.end())) >= 0), default=len(text))
        clause = text[own_clause_start:clause_end]
        raw = text[clause_start : match.start()].lstrip("、和及与")
        boundary = match.end()
        # 由目前的20家达到35家 states where a change starts, not the present as a target.
        if any(word in re.sub(rules.change_start, "", clause) for word in rules.not_target_words):
            continue
        recent = previous if previous is not None and _same_sentence(text, previous, match) else None
        metrics: list[tuple[str, int | None]]
        from_list = bool(respective) and not raw.strip("、和及与 ")
        if changing is not None and raw.startswith(tuple(rules.to_words)):
            metrics, changing = [(changing, None)], None
        elif respective and not raw.strip("、和及与 "):
            metrics = [respective.pop(0)]
        elif recent is not None and (years := _respective_years(raw, rules)):
            # 营收年均增长10%以上，2024年、2025年分别突破2.2万亿元、2.4万亿元: the metric just measured.
            metrics = [(recent.metric, years[0])]
            respective = [(recent.metric, year) for year in years[1:]]
        elif recent is not None and (year := _year_alone(raw, rules)):
            # 抽取比例2023年不少于30%，2024年不少于60%: the metric just measured, due that year.
            metrics = [(recent.metric, year)]
        else:
            respective = []
            raw, year_after = _without_year_after(raw, rules)
            metric = _metric(raw, rules)
            if not metric or raw.endswith(tuple(rules.counting_verbs)) or _counts_what_follows(raw, rules):
                # 打造10个以上人工智能产业集聚区: the counted thing follows the number.
                after, item_end = _metric_after(text, match.end(), clause_end, rules)
                if after:
                    metric, boundary = after, item_end
            metric = _without_examples(metric)
            if re.search(rules.change_start + "$", raw):
                changing = _strip_trail(re.sub(rules.change_start + "$", "", metric), rules)
                continue
            if recent is not None and (part := _part_of(raw, rules)):
                # 总规模达到1200亿元左右，其中定州市达到500亿元左右: 定州市's share of the same.
                metric = part + recent.metric
            listed = _respective(metric, rules) if not metric.endswith(tuple(rules.respective_words)) else []
            if listed:
                metrics, respective = [(listed[0], None)], [(m, None) for m in listed[1:]]
            elif metric.endswith(tuple(rules.shared_words + rules.respective_words)):
                shared = [(m, None) for m in _shared(metric, rules)]
                metrics = shared
                if metric.endswith(tuple(rules.respective_words)):
                    metrics, respective = shared[:1], shared[1:]
            elif unit and unit not in rules.ratio_units:
                metrics = [(_without_kinds(metric, rules), None)]  # 国际、国家、行业标准200项: 标准
            else:
                metrics = [(metric, None)]  # 大型、超大型数据中心电能利用效率: the list scopes a rate
            metrics = [(m, year or year_after) for m, year in metrics]
        magnitude = MAGNITUDES.get(match.group("magnitude") or "", 1)
        written_end = match.end("unit") if unit else match.end("magnitude")
        low, ranged = number
        value = low * magnitude
        comparator = _comparator(match.group("prefix"), match.group("suffix"), rules)
        if from_list and comparator is Comparator.EQUAL:
            comparator = listed_comparator
        elif respective:
            listed_comparator = comparator  # the first of a list
        if ranged and comparator is Comparator.EQUAL:
            comparator = Comparator.AT_LEAST  # 2—3个: at least the lower bound
        for metric, year in metrics:
            level, metric = _level(metric, rules)
            if metric in rules.change_words and recent is not None:
                # 营收突破2.2万亿元，年均增长10%以上: the change is of the thing just measured.
                metric, level = recent.metric, recent.level
            metric = _strip_change(metric, rules)
            if not metric:
                continue
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
    return targets


def _year_alone(raw: str, rules: Indicators) -> int | None:
    """2024年 standing alone before a number (……，2024年不少于60%): that year."""
    match = re.fullmatch(rules.year_after_metric, raw.strip("，,、 "))
    return int(match.group("year")) if match else None


def _without_year_after(raw: str, rules: Indicators) -> tuple[str, int | None]:
    """抽取比例2023年 → (抽取比例, 2023): a year written between a metric and its number."""
    match = re.search("(?<=[\u4e00-\u9fff])" + rules.year_after_metric + "$", raw)
    return (raw[: match.start()], int(match.group("year"))) if match else (raw, None)


def _respective_years(raw: str, rules: Indicators) -> list[int]:
    """2024年、2025年分别突破 → [2024, 2025]: a list of years whose numbers follow, one each."""
    match = re.search(rules.respective_years + "$", raw)
    return [int(year) for year in re.findall(r"\d{4}", match.group())] if match else []


def _part_of(raw: str, rules: Indicators) -> str | None:
    """其中定州市达到 → 定州市: a place after 其中, whose share of the metric just measured follows."""
    match = re.match(rules.part_of, raw)
    if match is None:
        return None
    tokens = analyse(match.group("part"))
    return match.group("part") if len(tokens) == 1 and tokens[0].tag in ("LOC", "ns") else None


def _same_sentence(text: str, earlier: Target, match: re.Match[str]) -> bool:
    return not any(mark in text[earlier.end : match.start()] for mark in "。；！？")


def _compared_without_unit(text: str, match: re.Match[str], rules: Indicators) -> bool:
    """A number with no unit is a target where a verb compares something with it and a
    comparator or the clause's end follows: 指数达到125左右, 电能利用效率降到1.3以下 (an index or
    a ratio, whose unit is none)."""
    if match.group("prefix") or not match.group("number")[:1].isdigit():
        return False
    before = text[max(0, match.start() - 4) : match.start()]
    after = text[match.end() : match.end() + 1]
    return before.endswith(tuple(rules.unitless_verbs)) and (
        bool(match.group("suffix")) or after in _CLAUSE_END
    )


def _counts_what_follows(raw: str, rules: Indicators) -> bool:
    """Whether the number counts a thing written after it, as the lexical analysis tags the
    words before it: they end in a verb (引进和培养5000名……人才), a preposition (在10个以上领域)
    or 等 (建设浪潮等9个……节点), or they are verbal words alone (支持发展10家……平台)."""
    tokens = [t for t in analyse(raw) if t.tag != "w"]
    if not tokens:
        return False
    last = tokens[-1]
    if last.word in rules.comparing_verbs:
        return False
    verbal = all(t.tag in ("v", "vn", "vd", "d", "p", "c") for t in tokens)  # 支持发展10家……平台
    return last.tag in ("v", "vd", "p") or last.word == "等" or (verbal and last.tag == "vn")


def _metric(raw: str, rules: Indicators) -> str:
    """The thing measured, from the words before the number: time phrase, leading verbs and
    scope words, and the words between the metric and its number, all dropped."""
    raw = re.sub(rules.metric_time, "", raw)
    raw = re.sub(rules.metric_span, "", raw)
    metric = _strip_trail(re.sub(rules.metric_lead, "", raw, count=1), rules)
    # The verb belonged to the metric (政府主导制定的标准) or came after it (国家标准制（修）订).
    if not metric or metric.startswith("的"):
        metric = _strip_trail(raw, rules)
    words = tuple(sorted(rules.metric_verbs + rules.scope_words, key=len, reverse=True))
    while True:
        while metric.startswith(words):
            metric = metric[len(next(w for w in words if metric.startswith(w))) :]
        shorter = _without_leading_verbs(re.sub(rules.metric_modifier, "", metric).strip("，、的 "))
        if shorter == metric:
            return metric
        metric = shorter


def _without_leading_verbs(metric: str) -> str:
    """揭榜国家人工智能创新任务 → 国家人工智能创新任务: verbs (and adverbs before them) at the head
    of a metric are what is done to the thing measured, not the thing, as the lexical analysis
    tags them; a metric that is all verbs is kept as it is."""
    if "的" in metric:
        return metric  # 符合治疗条件的感染者……比例: the verb opens a clause that qualifies the metric
    tokens = analyse(metric)
    head = 0
    # Verbs of two characters or more (揭/v 榜/n is a split the model makes of a noun, 揭榜 as a
    # word it tags v); conjunctions, adverbs and prepositions of any length (并开通5G基站).
    while head < len(tokens) and (
        (tokens[head].tag == "v" and len(tokens[head].word) > 1) or tokens[head].tag in ("d", "p", "c")
    ):
        head += 1
    rest = tokens[head:]
    if head == 0 or not rest or rest[0].tag not in (*NOMINAL, "r", "m") or rest[0].word in ("的",):
        return metric
    shorter = metric[rest[0].start :]
    # 抽取比例, 算力规模 stay whole: a share, rate or size alone says nothing of what it measures.
    return metric if shorter in _BARE_MEASURES else shorter


def _strip_trail(metric: str, rules: Indicators) -> str:
    """The words between a metric and its number, however many: 机械化率总体达到 → 机械化率."""
    while (shorter := re.sub(rules.metric_trail, "", metric)) != metric:
        metric = shorter
    return metric.strip()


def _metric_after(text: str, position: int, clause_end: int, rules: Indicators) -> tuple[str, int]:
    """The counted thing written after the number, and where its list item ends: the noun
    phrase up to the next number's item or the next predicate, without its modifiers (……的),
    the kinds listed before it (行业型、区域型物联网平台 → 物联网平台) or a verb's object that
    qualifies it after such a list (跨行业、跨领域综合型平台 → 综合型平台).

    >>> from loaders.profile import load_profile
    >>> rules = load_profile().indicators
    >>> text = "培育5家在全国具有较强带动力的跨行业、跨领域综合型物联网平台"
    >>> _metric_after(text, text.index("家") + 1, len(text), rules)[0]
    '综合型物联网平台'
    """
    suffixes = alternation(rules.at_least_suffix + rules.at_most_suffix + rules.about_suffix)
    start = position + len(re.match(f"(?:{suffixes})?", text[position:clause_end]).group())
    item = text[start:clause_end]
    # A number of its own, not one inside a name (5G工厂, 3D打印).
    digit = re.search(r"(?<![A-Za-z\d.])\d+(?:\.\d+)?(?![\d.A-Za-z])", item)
    if digit:  # the next target's item: up to the 、 or 和 before its number, else up to the number
        separator = max(item.rfind(c, 0, digit.start()) for c in "、和及与")
        item = item[: separator if separator >= 0 else digit.start()]
    tokens = [t for t in analyse(item) if t.word.strip()]
    verbs = set(rules.counting_verbs) | set(rules.comparing_verbs)
    cut = next((i for i, t in enumerate(tokens) if i > 0 and t.tag == "v" and t.word in verbs), len(tokens))
    tokens = tokens[:cut]
    while tokens and tokens[-1].tag not in NOMINAL:
        tokens.pop()
    end = start + (tokens[-1].end if tokens else 0)
    last_de = max((i for i, t in enumerate(tokens) if t.word == "的"), default=-1)
    tokens = tokens[last_de + 1 :]
    metric = _without_kinds("".join(t.word for t in tokens), rules)
    if metric.count("（") > metric.count("）") and text[end : end + 1] == "）":
        metric, end = metric + "）", end + 1  # 数据训练集（算法模型）: the bracket closes the name
    return re.sub(rules.metric_modifier, "", _balanced(metric))[:40], end


def _without_examples(metric: str) -> str:
    """新型智能终端、超高清视频等数字产业集群 → 数字产业集群; 多功能运动场、百姓健身房等 → 多功能运动场、
    百姓健身房: the examples a 等 closes name the thing after it, and a 等 closing a list adds nothing."""
    marks = [t for t in analyse(metric) if t.word == "等" and t.tag == "u"]
    if not marks:
        return metric
    after = metric[marks[-1].end :]
    if not after:
        return metric[: marks[-1].start]
    return after if len(after) >= 2 else metric


def _without_kinds(metric: str, rules: Indicators) -> str:
    """The thing a list before it qualifies: 行业型、区域型物联网平台 → 物联网平台 and 国际、国家、行业标准 →
    标准, where every item but the last is a kind (short: 行业型, 国家), the last kind being the
    last item's first word (two, a verb and its object: 跨领域). A list of longer items is of
    things counted together and stays whole: 示范企业、技术研发中心、服务企业."""
    items = metric.split("、")
    if len(items) < 2 or any(len(item) > rules.longest_kind for item in items[:-1]):
        return metric
    tokens = [t for t in analyse(items[-1]) if t.word.strip()]
    drop = 2 if tokens and tokens[0].tag in ("v", "vd") else 1
    if len(tokens) <= drop:
        return metric
    return items[-1][tokens[drop].start :]


def _balanced(metric: str) -> str:
    """A quotation mark left open or closed by the cut is dropped: 人工智能＋” → 人工智能＋."""
    if metric.count("“") != metric.count("”"):
        metric = metric.strip("“”")
    return metric


def _respective(metric: str, rules: Indicators) -> list[str]:
    """X、Y和Z分别占比达 → [X, Y, Z]: the metrics of a list with 分别 written inside it.

    >>> from loaders.profile import load_profile
    >>> _respective("单位GDP能耗和二氧化碳排放分别", load_profile().indicators)
    ['单位GDP能耗', '二氧化碳排放']
    """
    for word in rules.respective_words:
        head, found, _ = metric.partition(word)
        if found and head:
            items = [i for i in re.split("、|和|及|与", head) if i]
            return items if len(items) > 1 else []
    return []


def _strip_change(metric: str, rules: Indicators) -> str:
    """规模以上工业增加值年均增长 → 规模以上工业增加值: the thing that changes."""
    for word in sorted(rules.change_words, key=len, reverse=True):
        if metric.endswith(word) and len(metric) > len(word):
            return _strip_change(metric[: -len(word)], rules)
    return metric


def _shared(metric: str, rules: Indicators) -> list[str]:
    """A target written for several metrics at once — 国家、行业标准各1000项, 马铃薯种植、收获机械
    化率均45% — is one target per metric: the words the list shares on either side are given
    to each item (国家标准, 行业标准; 马铃薯种植机械化率, 马铃薯收获机械化率), unless the items
    end alike and are more than a kind's word, being whole metrics each."""
    words = tuple(rules.shared_words + rules.respective_words)
    if not metric.endswith(words):
        return [metric]
    listed = metric[: -len(next(w for w in words if metric.endswith(w)))]
    items = [i for i in re.split("[、]", listed) if i]
    if len(items) < 2:
        return [listed]
    first, last = items[0], items[-1]
    if len(first) > _SHORT_ITEM and first[-1] == last[-1]:
        # 关键工序数控化率、数字化研发设计工具普及率分别: each item is a whole metric already.
        return items
    first_words, last_words = _segment(first), _segment(last)
    head = "".join(first_words[:-1]) if len(first_words) > 1 else ""
    tail = "".join(last_words[1:]) if len(last_words) > 1 else ""
    if not tail and len(first) < len(last):
        tail = last[len(first) :]  # 国家、行业标准: 行业标准 is one word to jieba
    expanded = [first + tail] + [head + item + tail for item in items[1:-1]] + [head + last]
    return [e for e in expanded if e]


def _segment(phrase: str) -> list[str]:
    """Words of a short phrase (jieba), for telling the shared part of a list from each item."""
    import jieba

    return [w for w in jieba.lcut(phrase) if w.strip()]


def _level(metric: str, rules: Indicators) -> tuple[str | None, str]:
    """省级地方标准 → (省级, 地方标准); 国家、省级高层次人才 → (国家、省级, 高层次人才); 省地方标准 →
    (省, 地方标准)."""
    match = re.match(rules.level_prefix, metric)
    if match and match.end() < len(metric):
        return match.group(), metric[match.end() :]
    # 省地方标准: a bare 省 (市, 县) that the lexical analysis reads as a word of its own.
    tokens = analyse(metric) if metric.startswith(tuple(rules.bare_levels)) else ()
    if len(tokens) > 1 and tokens[0].word in rules.bare_levels and tokens[1].tag in NOMINAL:
        return tokens[0].word, metric[tokens[0].end :]
    return None, metric


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
            found = (match.start(), 1955 + 5 * int(chinese_number("十" + match.group("n")) or 0))
    return found[1] if found else None
