"""What a target measures: the thing its number counts or the quantity it bounds, named as a
reader names it — without the verbs done to it (制定发布省级地方标准 → 地方标准), its level kept apart
(`level` 省级), the kinds listed before a count dropped (行业型、区域型物联网平台 → 物联网平台). A
list written for several metrics is split by `metric_lists`."""

from __future__ import annotations

import re

from loaders.lexical import NOMINAL, analyse
from loaders.patterns import alternation
from loaders.profile import Indicators

__all__ = [
    "capacity_metric",
    "counts_what_follows",
    "is_a_verb_alone",
    "kind_in_a_breakdown",
    "level_of",
    "metric_after",
    "metric_before",
    "per_basis",
    "strip_change",
    "strip_trail",
    "without_examples",
    "without_kinds",
]

#: Words of a share, rate or size that name no metric on their own.
_BARE_MEASURES = frozenset(
    {"比例", "比重", "占比", "比率", "率", "增速", "增幅", "规模", "总量", "数量", "总额", "产值"}
    | {"里程", "面积", "长度", "容量"}
)
#: A verb's result written after it as a word of its own (建设/vn 好/a).
_RESULTS = frozenset({"好", "成", "完"})
#: Words that make the verb before them a time (改造后, 建成前): part of the metric they qualify.
_TIME_AFTER_VERB = frozenset({"后", "前", "时"})
#: Modal verbs of one character that open a metric as other verbs do (要建设区域中心15家).
_MODALS = frozenset({"要", "应", "须", "将"})
#: Words opening a phrase that gives each place or unit its share (每村, 每户, 各区).
_DISTRIBUTIVES = ("每", "各")


def counts_what_follows(raw: str, rules: Indicators) -> bool:
    """Whether the number counts a thing written after it, as the lexical analysis tags the
    words before it: they end in a verb (引进和培养5000名……人才), a preposition (在10个以上领域)
    or 等 (建设浪潮等9个……节点), or they are verbal words alone (支持发展10家……平台)."""
    # 要求每村配置1辆专用收集车: each village does it, and the thing follows.
    tokens = [t for t in analyse(raw) if t.tag != "w" and not _distributive(t)]
    if not tokens:
        return False
    last = tokens[-1]
    if last.word in rules.comparing_verbs:
        return False
    if len(tokens) > 1 and last.word in _RESULTS and tokens[-2].tag in ("v", "vn"):
        return True  # 建设好一所……学校: a verb and its result
    verbal = all(t.tag in ("v", "vn", "vd", "d", "p", "c") for t in tokens)  # 支持发展10家……平台
    return last.tag in ("v", "vd", "p") or last.word == "等" or (verbal and last.tag == "vn")


def _distributive(token) -> bool:  # type: ignore[no-untyped-def]
    return token.tag == "r" and token.word.startswith(_DISTRIBUTIVES)


def is_a_verb_alone(metric: str) -> bool:
    """坚持 (from 坚持两个毫不动摇): a verb with nothing it counts."""
    tokens = analyse(metric) if len(metric) <= 3 else []
    return len(tokens) == 1 and tokens[0].tag == "v"


def kind_in_a_breakdown(raw: str) -> str | None:
    """改扩建 in 四功能综合能源站17座（改扩建6座，新建11座）: a kind the bracket after a count breaks it
    into, named by a verb (a noun, 其中小学6所, names a thing of its own)."""
    kind = raw.strip("（(，,、；其中 ")
    tokens = analyse(kind) if 0 < len(kind) <= 6 else []
    return kind if tokens and all(t.tag in ("v", "vn") for t in tokens) else None


def per_basis(metric: str) -> bool:
    """每千人口, 每万人: the base a number is given per, which names no metric on its own (每千人口
    不少于10个托位 counts 托位 per thousand people)."""
    tokens = analyse(metric) if metric.startswith("每") and len(metric) <= 5 else ()
    return (
        bool(tokens) and all(t.tag in ("r", "m", "q", "n", "LOC") for t in tokens) and tokens[-1].tag != "r"
    )


def metric_before(raw: str, rules: Indicators, share: bool = False) -> str:
    """The thing measured, from the words before the number: time phrase, leading verbs and
    scope words, and the words between the metric and its number, all dropped. `share`: the
    number is a share, whose metric keeps the verb that says which things it is of (新建项目……
    比例: of new projects)."""
    raw = re.sub(rules.metric_time, "", re.sub(rules.metric_label, "", raw))
    raw = _object_of_disposal(re.sub(rules.metric_span, "", raw))
    # A parenthesis the item before ended at (6个街镇（……彭浦镇）天然水源消防取水设施24处) is no metric.
    raw = re.sub(r"^（[^（）]*）", "", raw)
    # Nor the bracket a breakdown opens (学校10所（其中小学6所）): 小学.
    raw = re.sub(r"^[（(](?:其中|含|包括)?(?=[^）)]*$)", "", raw)
    metric = strip_trail(_without_lead(raw, rules), rules)
    # The verb belonged to the metric (政府主导制定的标准) or came after it (国家标准制（修）订).
    if not metric or metric.startswith("的"):
        metric = strip_trail(raw, rules)
    words = tuple(sorted(rules.metric_verbs + rules.scope_words, key=len, reverse=True))
    while True:
        if share and metric.startswith(tuple(rules.qualifying_verbs)):
            return metric
        while (word := _leading_word(metric, words, rules.scope_words)) is not None:
            if metric[len(word) :] in _BARE_MEASURES or len(metric) - len(word) == 1:
                break  # 建设里程, 建设规模: the verb says which length or size; 建成区: no word is left
            metric = metric[len(word) :]
        keep = tuple(rules.qualifying_verbs) if share else ()
        shorter = _without_leading_verbs(re.sub(rules.metric_modifier, "", metric).strip("，、的 "), keep)
        # 新建（改扩建）幼儿园: a parenthesis the verb before it opened qualifies the verb, not the thing.
        shorter = re.sub(r"^（[^（）]*）(?=[\u4e00-\u9fff])", "", shorter)
        if shorter == metric:
            return metric if share else _object_of_its_verb(metric, rules)
        metric = shorter


#: The prepositions that put a verb's object before it (将/把……提高到80%).
_DISPOSAL = ("将", "把")


def _object_of_disposal(raw: str) -> str:
    """合作机构逐步将平均担保费率(降至1%) → 平均担保费率: where a clause puts the thing changed
    before its verb with 将 or 把, that thing is the metric, not the body that does it. The lexical
    analysis tells the preposition (将/p) from the adverb (企业将达到: will), and after a modal
    (要将) it is the preposition whatever its tag."""
    if not any(word in raw for word in _DISPOSAL):
        return raw
    tokens = analyse(raw)
    for at in range(len(tokens) - 2, 0, -1):
        token = tokens[at]
        disposal = token.tag == "p" or (token.tag == "d" and tokens[at - 1].word in _MODALS)
        if token.word in _DISPOSAL and disposal and any(t.tag in NOMINAL for t in tokens[at + 1 :]):
            return raw[tokens[at + 1].start :]
    return raw


def _without_lead(raw: str, rules: Indicators) -> str:
    """制定发布省级地方标准 → 省级地方标准: the words up to a verb that introduces the counted thing,
    where that verb is a word of its own (建成区绿地率 has none)."""
    lead = re.match(rules.metric_lead, raw)
    if lead is None or len(raw) - lead.end() < 2 or not any(t.end == lead.end() for t in analyse(raw)):
        return raw  # 建成区: one character left is no thing counted
    return raw[lead.end() :]


def _leading_word(metric: str, words: tuple[str, ...], scopes: list[str]) -> str | None:
    """The one of words that opens metric: a scope (全省) unless it opens a body's name (全国供销合作社
    is one), a verb only as a word of its own (建成 opens 建成5G基站, not 建成区绿地率: 建成区 is one
    word to the lexical analysis)."""
    word = next((w for w in words if metric.startswith(w)), None)
    if word is None or len(word) == len(metric):
        return word
    tokens = analyse(metric)
    if word in scopes:
        return None if tokens and tokens[0].tag == "ORG" else word
    return word if any(t.end == len(word) for t in tokens) else None


def _without_leading_verbs(metric: str, keep: tuple[str, ...] = ()) -> str:
    """揭榜国家人工智能创新任务 → 国家人工智能创新任务: verbs (and adverbs before them) at the head
    of a metric are what is done to the thing measured, not the thing, as the lexical analysis
    tags them; a metric that is all verbs is kept as it is. Stripping stops at a verb of `keep`
    (在新建耦合供热系统中……占比 → 新建耦合供热系统中……占比)."""
    if "的" in metric:
        return metric  # 符合治疗条件的感染者……比例: the verb opens a clause that qualifies the metric
    tokens = analyse(metric)

    def kept(at: int) -> bool:
        """The metric goes on from token `at`: a verb of `keep`, or a verb that 后 or 前 after it
        makes a time qualifying the metric (改造后制冷机房系统运行能效)."""
        return bool(keep and metric.startswith(keep, tokens[at].start)) or (
            at + 1 < len(tokens) and tokens[at + 1].word in _TIME_AFTER_VERB
        )

    def verb_chained(at: int) -> bool:
        """A word that leads into the verb after it: 新/ad 购置, 报废/vn 更新, and the 、 between two
        verbs (新建、改造市政管网); not an adverb of two characters (实际使用外资 is one statistic)."""
        if at + 1 >= len(tokens) or tokens[at + 1].tag != "v":
            return False
        word, tag = tokens[at].word, tokens[at].tag
        return (
            (tag == "ad" and len(word) == 1)
            or tag == "vn"
            or (word == "、" and at > 0 and tokens[at - 1].tag == "v")
        )

    head = 0
    # Verbs of two characters or more (揭/v 榜/n is a split the model makes of a noun, 揭榜 as a
    # word it tags v); conjunctions, adverbs and prepositions of any length (并开通5G基站).
    while (
        head < len(tokens)
        and not kept(head)
        and (
            (tokens[head].tag == "v" and (len(tokens[head].word) > 1 or tokens[head].word in _MODALS))
            or tokens[head].tag in ("d", "p", "c")
            or verb_chained(head)
        )
    ):
        head += 1
    rest = tokens[head:]
    if head and rest and kept(head):
        return metric[rest[0].start :]  # 鼓励改造后……能效 → 改造后……能效
    if head == 0 or not rest or rest[0].tag not in (*NOMINAL, "r", "m") or rest[0].word in ("的",):
        return metric
    shorter = metric[rest[0].start :]
    # 抽取比例, 算力规模 stay whole: a share, rate or size alone says nothing of what it measures;
    # 换电站: one character left (站) is no thing counted.
    return metric if shorter in _BARE_MEASURES or len(shorter) == 1 else shorter


def _object_of_its_verb(metric: str, rules: Indicators) -> str:
    """党政机关更新公务用车 → 公务用车, 县财政每年安排专项资金 → 专项资金: a count whose words before it
    read as a clause (who, a verb that counts, what) counts the verb's object — after the last
    counting verb (建设, 完成, 更新 …) that the lexical analysis tags a verb of its own with a noun
    after it. Other verbs name kinds with the noun after them (光伏发电装机容量, 源头替代生产线), and
    those that say which things are counted keep them (交通领域新增光伏装机容量); a
    verb inside a modifier (……的) keeps the whole; a word of two characters alone after the verb
    (粮食播种面积) is a measure, not an object."""
    if "的" in metric or not any(verb in metric[1:] for verb in rules.counting_verbs):
        return metric  # no counting verb after its first word: none to read (and no analysis run)
    tokens = analyse(metric)
    for at in range(len(tokens) - 2, 0, -1):
        rest = tokens[at + 1 :]
        if (
            tokens[at].tag != "v"
            or tokens[at].word not in rules.counting_verbs
            or tokens[at].word in rules.qualifying_verbs
            or not any(t.tag in ("n", "nz", "nw") for t in rest)
        ):
            continue
        thing = metric[rest[0].start :]
        return metric if len(rest) == 1 and len(thing) <= 2 else thing
    return metric


def strip_trail(metric: str, rules: Indicators) -> str:
    """The words between a metric and its number, however many: 机械化率总体达到 → 机械化率 (and the
    space a crawled page leaves before the number: 更新率达到 60%)."""
    while (shorter := re.sub(rules.metric_trail, "", metric.rstrip())) != metric:
        metric = shorter
    return metric.strip()


#: A copula between a number and what it counts (5个为示范项目).
_COPULAS = frozenset({"为", "是", "作为", "属于"})
#: Words that count a thing without a number (一批示范区), opening a list item of their own.
_NEXT_UNCOUNTED = re.compile("[、和及与](?:一批|一大批|一些|若干|多个|一系列)")


def metric_after(text: str, position: int, clause_end: int, rules: Indicators) -> tuple[str, int]:
    """The counted thing written after the number, and where its list item ends: the noun
    phrase up to the next number's item or the next predicate, without its modifiers (……的),
    the kinds listed before it (行业型、区域型物联网平台 → 物联网平台) or a verb's object that
    qualifies it after such a list (跨行业、跨领域综合型平台 → 综合型平台).

    >>> from loaders.profile import load_profile
    >>> rules = load_profile().indicators
    >>> text = "培育5家在全国具有较强带动力的跨行业、跨领域综合型物联网平台"
    >>> metric_after(text, text.index("家") + 1, len(text), rules)[0]
    '综合型物联网平台'
    """
    suffixes = alternation(rules.at_least_suffix + rules.at_most_suffix + rules.about_suffix)
    start = position + len(re.match(f"(?:{suffixes})?", text[position:clause_end]).group())
    # 4万个60千瓦以上“超快结合”充电枪: a bound on the things counted, before them, says which.
    bound = re.match(
        f"\\d+(?:\\.\\d+)?[万亿]?(?:{alternation(rules.units)})(?:{suffixes})(?=[\\u4e00-\\u9fff“])",
        text[start:clause_end],
    )
    start += bound.end() if bound else 0
    item = text[start:clause_end]
    # A number of its own, not one inside a name (5G工厂, 3D打印).
    digit = re.search(r"(?<![A-Za-z\d.])\d+(?:\.\d+)?(?![\d.A-Za-z])", item)
    if digit:  # the next target's item: up to the 、 or 和 before its number, else up to the number
        separator = max(item.rfind(c, 0, digit.start()) for c in "、和及与")
        if separator >= 0 and item.rfind("（", 0, separator) > item.rfind("）", 0, separator):
            # 6个街镇（石门二路街道、……彭浦镇）天然水源消防取水设施24处: the 、 lists inside a
            # parenthesis, which the item ends before.
            separator = item.rfind("（", 0, separator)
        item = item[: separator if separator >= 0 else digit.start()]
    # 培育两个万亿级产业集群和一批五千亿级产业集群: a next item counted in words (一批) ends this one.
    if uncounted := _NEXT_UNCOUNTED.search(item):
        item = item[: uncounted.start()]
    tokens = [t for t in analyse(item) if t.word.strip()]
    verbs = set(rules.counting_verbs) | set(rules.comparing_verbs)
    # The predicate after the counted thing, not a verb of a clause qualifying it (30个以上
    # 可复制、可推广的典型应用场景: 推广 is inside the clause 的 closes).
    cut = next(
        (
            i
            for i, t in enumerate(tokens)
            if i > 0 and t.tag == "v" and t.word in verbs and not any(u.word == "的" for u in tokens[i:])
        ),
        len(tokens),
    )
    tokens = tokens[:cut]
    while tokens and tokens[0].word in _COPULAS:
        tokens.pop(0)  # 其中5个为示范项目: what the 5 are
    while tokens and tokens[-1].tag not in NOMINAL:
        tokens.pop()
    end = start + (tokens[-1].end if tokens else 0)
    last_de = max((i for i, t in enumerate(tokens) if t.word == "的"), default=-1)
    tokens = tokens[last_de + 1 :]
    metric = without_kinds("".join(t.word for t in tokens), rules)
    if metric.count("（") > metric.count("）") and text[end : end + 1] == "）":
        metric, end = metric + "）", end + 1  # 数据训练集（算法模型）: the bracket closes the name
    return re.sub(rules.metric_modifier, "", _balanced(metric))[:40], end


def without_examples(metric: str) -> str:
    """新型智能终端、超高清视频等数字产业集群 → 数字产业集群; 多功能运动场、百姓健身房等 → 多功能运动场、
    百姓健身房: the examples a 等 closes name the thing after it, and a 等 closing a list adds nothing."""
    marks = [t for t in analyse(metric) if t.word == "等" and t.tag == "u"]
    if not marks:
        return metric
    after = metric[marks[-1].end :]
    if not after:
        return metric[: marks[-1].start]
    return after if len(after) >= 2 else metric


def without_kinds(metric: str, rules: Indicators) -> str:
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


def capacity_metric(metric: str, capacity: str, rules: Indicators) -> str:
    """年产6英寸外延片 with the capacity 年产能力 → 6英寸外延片年产能力: the thing produced, then the
    capacity; where no thing is written (形成年产250万片生产能力) the metric is left as it was."""
    thing = metric.removeprefix(rules.annual_output)
    return thing + capacity if thing else metric


def strip_change(metric: str, rules: Indicators) -> str:
    """规模以上工业增加值年均增长 → 规模以上工业增加值, 单位GDP能耗比2020年下降 → 单位GDP能耗: the thing
    that changes, without the change or the base it is counted from; the change may be named as
    its rate (集装箱多式联运年均增长率, ……较2020年下降率)."""
    for word in sorted(rules.change_words, key=len, reverse=True):
        for ending in (word, word + "率"):
            if metric.endswith(ending) and len(metric) > len(ending):
                return strip_change(metric[: -len(ending)], rules)
    based = re.sub(rules.change_base, "", metric)
    return based if based and based != metric else metric


def level_of(metric: str, rules: Indicators) -> tuple[str | None, str]:
    """省级地方标准 → (省级, 地方标准); 国家、省级高层次人才 → (国家、省级, 高层次人才); 省地方标准 →
    (省, 地方标准)."""
    match = re.match(rules.level_prefix, metric)
    if match and match.end() < len(metric):
        return match.group(), metric[match.end() :]
    # 省地方标准: a bare 省 (市, 县) that the lexical analysis reads as a word of its own.
    tokens = analyse(metric) if metric.startswith(tuple(rules.bare_levels)) else ()
    # 省间电力互济能力: 间 makes 省 part of a word (between provinces), not a level.
    if (
        len(tokens) > 1
        and tokens[0].word in rules.bare_levels
        and tokens[1].tag in NOMINAL
        and tokens[1].tag != "f"
    ):
        return tokens[0].word, metric[tokens[0].end :]
    return None, metric
