"""Genre profiles: the extraction rules of a kind of plan, read from YAML and validated.

Patterns are compiled once here, so a broken profile fails at load time with the field
that is wrong, not halfway through a plan.
"""

from __future__ import annotations

import re
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from graph.errors import PlanLoadError
from graph.model import RelationType, Role
from graph.semantics import INFERRED_LINKS
from loaders.patterns import alternation

__all__ = ["DEFAULT_PROFILE", "ChapterKind", "Profile", "load_profile"]

PROFILES_DIR = Path(__file__).parent / "profiles"
DEFAULT_PROFILE = PROFILES_DIR / "development-plan.yaml"

ChapterKind = Literal["context", "requirements", "tasks", "domains", "projects", "measures"]
RequirementPart = Literal["guiding", "principles", "goals"]


class _Rules(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    @field_validator("*", mode="before")
    @classmethod
    def _check_patterns(cls, value: object, info):  # type: ignore[no-untyped-def]
        field = cls.model_fields[info.field_name]
        if field.description == "regex":
            for pattern in value if isinstance(value, list) else [value]:
                try:
                    re.compile(pattern)
                except re.error as exc:
                    raise ValueError(f"not a valid regular expression: {exc}") from exc
        return value


def _regex() -> object:
    return Field(description="regex")


class Numbering(_Rules):
    styles: list[str] = _regex()
    column: str = _regex()
    #: A heading that only groups chapters (第一篇 …, in a 纲要 of 篇 > 章 > 节): not a chapter.
    part: str = _regex()
    #: Titles that only label a part of the item above (1．行动目标 / 2．主要任务): its text, no item.
    part_labels: list[str] = []


class Attachments(_Rules):
    #: A line that opens an attachment after the plan's body: 附件, 附件2：重点任务分工.
    heading: str = _regex()
    #: Words in an attachment's title that make it a division of labour (分工).
    division_words: list[str]
    #: Labels only a portal page's footer uses (公开方式：主动公开): a run of label lines closing the
    #: text with one of them among it is the page's, not the plan's (责任部门：…… there is the
    #: portal's editor, not a body given work).
    page_footer_labels: list[str]
    #: Lines a portal page sets after the text (（此件主动公开）, 相关解读): the text ends before them.
    page_trailers: list[str] = []


class Notice(_Rules):
    recipients: str = _regex()
    approval: str = _regex()
    date: str = _regex()
    issuer_from_approver: str
    #: An issuer ending so names bodies issuing jointly (……等十五部门); the first issues.
    joint_issuers: str = _regex()
    #: The labels of a portal page's metadata table (发文机关：…), by the header field they fill.
    metadata: dict[Literal["issuer", "doc_number", "issued_on"], list[str]]


class Title(_Rules):
    endings: list[str]
    period: str = _regex()
    #: A span written into a title without brackets (……2018-2020年规划).
    span: str = _regex()
    #: A note a title carries in brackets, on its line or the next: （修订）, （试行）.
    note: str = _regex()
    #: A title that sends a plan out (关于印发……): the notice's, never the plan's.
    sends_out: str = _regex()
    #: The body a title or notice title names before 关于: its issuer.
    issuer: str = _regex()
    #: A news lead that names the plan: 近日印发了《……》.
    lead: str = _regex()
    #: One year a title names as its own, without a period: 数字山东2021行动方案.
    single_year: str = _regex()
    #: The period the text gives its plan (本规划期为2021—2025年), where the title gives none.
    period_in_text: str = _regex()


class Regions(_Rules):
    pattern: str = _regex()
    levels: dict[str, str]
    relative_prefixes: list[str]
    #: Municipalities directly under the central government: provincial level.
    provincial_cities: list[str]
    #: A title or issuer beginning so is central (national level).
    national_prefixes: list[str]
    #: Recipients a central body's notice is addressed to (各省、自治区、直辖市).
    national_recipients: list[str]
    #: The provincial-level divisions by their full names (山东省, 广西壮族自治区).
    provinces: list[str] = []
    #: The province a 文号 opens with (冀 → 河北省), for a plan nothing else places.
    doc_number_provinces: dict[str, str] = {}
    #: Places the lexical analysis finds that are no region (海绵城市).
    not_regions: list[str]
    #: Endings of places that are parts of a region, not regions (智慧社区, 产业园区).
    not_region_endings: list[str]
    #: Words that begin with a relative prefix's character without being relative: 市场监管局
    #: is the market regulator, not 市 + 场监管局.
    not_relative: list[str]
    #: A title beginning so does not begin with its region (关于推进……).
    not_region_start: str = _regex()
    #: Words by which a plan speaks of its own whole area (全国, 全省, 全县), by the level they
    #: give a plan nothing else places.
    scope_words: dict[str, list[str]] = {}


class Derivation(_Rules):
    pattern: str = _regex()


class Goals(_Rules):
    time_prefix: str = _regex()
    deadline_year: str = _regex()
    deadline_five_year: str = _regex()
    #: A span counted from the year of issue: 3年内, 五年内.
    relative_span: str = _regex()
    #: The n-th five-year plan named in a title: 十四五, 第十四个五年规划.
    five_year_plan: str = _regex()


class Doubling(_Rules):
    verb: str
    unit: str
    as_unit: str


class Indicators(_Rules):
    number: str = _regex()
    units: list[str]
    #: Words a metric can begin with that are not the thing measured (制定, 发布, 新增 …).
    metric_verbs: list[str]
    #: Verbs after which the counted thing follows the number (打造10个……集聚区).
    counting_verbs: list[str]
    #: Verbs that compare the metric before them with the number after (达到, 突破): they end no
    #: counting phrase, and end the counted thing written after a number.
    comparing_verbs: list[str]
    #: Scope words at a metric's head (全国, 全省): dropped.
    scope_words: list[str]
    #: Level words at a metric's head (省级, 国家级): kept apart as the target's level.
    level_prefix: str = _regex()
    #: The same written without 级, when they are words of their own (省地方标准).
    bare_levels: list[str]
    #: Verbs after which a number with no unit is a target (指数达到125左右, 降到1.3以下).
    unitless_verbs: list[str]
    #: The longest item of a list before a counted thing that is one of its kinds (行业型、区域型物联网平台
    #: → 物联网平台); longer items are things counted together (示范企业、技术研发中心).
    longest_kind: int
    #: 翻一番 (doubled): the verb, the unit it counts in and the unit the growth is given in (倍).
    doubling: Doubling
    #: Units of a span of time that are a quantity only after a comparing verb (提高到11.3年).
    duration_units: list[str]
    #: Units of a number that qualifies the noun right after it (3岁以下婴幼儿): no quantity there.
    qualifying_units: list[str]
    #: Units of a time that, before a noun whose own number follows, names a kind of thing.
    qualifying_spans: list[str]
    #: Verbs that say which things a share is of (新建项目……比例, 新增建筑……占比): kept at its head.
    qualifying_verbs: list[str]
    #: Units of a share or a rate, whose metric keeps a list before it whole.
    ratio_units: list[str]
    #: A sum given as a scale (5000亿级新能源产业集群, 产业规模达到千亿级): the word after the magnitude,
    #: and the unit the sum is in.
    scale_suffix: str
    scale_unit: str
    #: What a sum in 亿 without its unit measures in 元 (产业规模达到2000亿, 营业收入突破千亿).
    sums_of_money: list[str]
    #: Adverbs that bound the count of the verb after them (至少办好一所, 至少开展1次).
    at_least_adverbs: list[str]
    #: The word that names a share of things doing what follows its number (新建建筑100%执行绿色建筑
    #: 标准 → 新建建筑执行绿色建筑标准比例).
    share_word: str
    #: Words a metric that is already a share or a rate ends in (占GDP比重, 利用率, 占比).
    share_nouns: list[str]
    #: The word that closes a share its text leaves open (产能占全省70%以上 → 产能占全省比重).
    part_word: str
    #: A target shared by several metrics: 国家、行业标准各1000项, 种植、收获机械化率均45%.
    shared_words: list[str]
    #: Several metrics with a number each: 种植、收获机械化率分别65%、55%.
    respective_words: list[str]
    metric_modifier: str = _regex()
    #: Verbs that only carry the verb after them (对垃圾箱房进行升级改造): dropped from a metric.
    light_verbs: list[str]
    #: An item's number before the metric (1、新建绿地35万平方米 read as text).
    metric_label: str = _regex()
    #: A time phrase before the metric: 到2025年.
    metric_time: str = _regex()
    #: A span before the metric: 五年内, 3年内.
    metric_span: str = _regex()
    at_least_suffix: list[str]
    #: Words between a number and its unit that say "and more": 30余座, 1万余个, 20多家.
    more_than: list[str]
    at_most_suffix: list[str]
    about_suffix: list[str]
    at_least_prefix: list[str]
    at_most_prefix: list[str]
    about_prefix: list[str]
    metric_lead: str = _regex()
    metric_trail: str = _regex()
    #: Where a change starts (由, 从, with or without the present figure named: 由当前3%).
    change_start: str = _regex()
    #: A list of years with a number each: 2024年、2025年分别突破…….
    respective_years: str = _regex()
    #: A year between a metric and its number (抽取比例2023年不少于30%).
    year_after_metric: str = _regex()
    #: 其中定州市达到: a place's share of the metric just measured.
    part_of: str = _regex()
    #: Areas a metric is measured in, as in a place (县城, 农村, 中心城区).
    scope_nouns: list[str]
    share_of_the_same: str = _regex()
    #: Words before a number that name nothing counted (首批95个公共体育场馆): the thing follows.
    no_metric: list[str]
    #: A size or sum that names no thing (新建冷藏保鲜设施12座，库容0.16万立方米): of the thing just counted.
    attributes: list[str]
    to_words: list[str]
    #: The base a change is counted from (比2020年, 同比): dropped from the metric before it.
    change_base: str = _regex()
    #: Words of change after a metric (年均增长6%): the metric is the thing that changes.
    change_words: list[str]
    #: Capacities (生产能力, 加工能力) that close a list of quantities: the metric is the thing
    #: produced and the capacity.
    capacity_words: list[str]
    #: 年产 opening a capacity statement: the capacity is a yearly output (年产能力).
    annual_output: str
    #: A clause with one of these states no target: a past or present state (已建成), a subsidy
    #: or reward rate (给予30%补助), a threshold of who qualifies.
    not_target_words: list[str]


class Standards(_Rules):
    enumerations: list[str] = _regex()
    lead_words: list[str]
    trailing_words: list[str]
    require_lead_word: bool
    separators: list[str]
    min_length: int
    max_length: int


class Documents(_Rules):
    notice_title: str = _regex()
    quoted: str = _regex()
    number: str = _regex()
    unquoted: str = _regex()


class Body(_Rules):
    category: str
    aliases: list[str] = []
    not_before: list[str] = []


class TaskTable(_Rules):
    task: list[str]
    lead: list[str]
    support: list[str]


class Departments(_Rules):
    chapters: list[ChapterKind]
    lead_after: str = _regex()
    #: Bodies as a clause's subject (loaders/entities/subjects.py): the words that end a body's
    #: name (单位, 局, 小组 …), verbs taken as such after one whatever the tagger reads, and the
    #: verbs (会同) after which the bodies named support the subject.
    subject_endings: list[str]
    #: Words that end as a body's name does but name none (布局, 举办).
    not_body_endings: list[str]
    subject_verbs: list[str]
    answers_for: str = _regex()
    partner_words: list[str]
    #: What may close a run of bodies before its verb (等部门, 等).
    run_closers: list[str]
    #: Fields sharing the body word after them (民政、公安等部门): each field a body.
    shared_body_word: str = _regex()
    #: A bracket of who does the work; {labels} stands for the labels of `bracket_labels`, {roles}
    #: for the lead and support words.
    bracket: str = _regex()
    clause_separator: str = _regex()
    lead_words: list[str]
    #: Words that name one body to lead the others (牵头): without them in a bracket, the bodies
    #: that share the work by their duties (按职责分工负责) each lead.
    lead_naming_words: list[str]
    support_words: list[str]
    #: Support words that, when every clause of a bracket ends with one, make all its bodies leads.
    joint_words: list[str]
    sentence: str = _regex()
    #: Labels inside a bracket and the role they give: （责任单位：A、B） / （牵头单位：A；配合单位：B）.
    bracket_labels: dict[str, Role]
    #: A role's word, a word or two and a body word (牵头考核单位): labelled as its word's label.
    compound_label: str = _regex()
    #: Labels of the fields that follow a labelled list of bodies (完成时限：2025年底): a list ends
    #: where one begins, on the same line or joined to it.
    schedule_labels: list[str]

    @property
    def body_endings(self) -> tuple[str, ...]:
        """How a body's name ends: as a government's (人民政府) or another body's (局, 小组)."""
        return (*self.government_suffixes, *self.subject_endings)

    @property
    def label_pattern(self) -> str:
        """The labels of `bracket_labels`, and labels compounded as `compound_label` says."""
        return f"{alternation(list(self.bracket_labels))}|{self.compound_label}"

    def label_role(self, label: str) -> Role:
        """The role a label gives: its own, or that of the label opening with the same word."""
        same_word = (role for known, role in self.bracket_labels.items() if known[:2] == label[:2])
        return self.bracket_labels.get(label) or next(same_word, Role.LEAD)

    @property
    def bracket_pattern(self) -> str:
        """`bracket` with its labels and role words written in."""
        roles = alternation(self.lead_words + self.support_words)
        return self.bracket.replace("{labels}", self.label_pattern).replace("{roles}", roles)

    #: A plan saying so (列第一位者为牵头单位) makes the first body of each bracket its lead.
    first_leads: str = _regex()
    #: Generic bodies recognised by pattern: 各级农牧部门, 各区政府, 各有关部门.
    generic_patterns: list[str] = _regex()
    name_separators: list[str]
    name_joiners: list[str]
    name_noise: list[str]
    government_suffixes: list[str]
    #: The kind of a body no registry knows, by how its name ends: LEADING_GROUP, MASS_ORGANISATION, ROLE.
    body_kinds: dict[str, list[str]] = {}
    #: The usual short forms of government bodies and their full forms (质监局 → 质量技术监督局).
    abbreviations: dict[str, str]
    task_table: TaskTable
    bodies: dict[str, Body]


class Links(_Rules):
    """Cross-section links inferred from shared key terms (loaders/links/candidates.py)."""

    #: Per relation type: the lowest TF-IDF cosine similarity a link is kept at.
    thresholds: dict[RelationType, float]
    #: A link is kept only if it scores at least this share of the best link to the same target.
    rival_ratio: float = Field(ge=0, le=1)
    #: Words every part of a plan uses; they are not evidence of a link.
    stop_words: list[str]
    #: How many shared terms a link's evidence names.
    evidence_terms: int = 3

    @field_validator("thresholds")
    @classmethod
    def _inferred_types(cls, thresholds: dict[RelationType, float]) -> dict[RelationType, float]:
        if set(thresholds) != set(INFERRED_LINKS):
            raise ValueError(f"thresholds are for exactly {', '.join(t.value for t in INFERRED_LINKS)}")
        return thresholds

    def scaled(self, factor: float) -> Links:
        """The same rules with every threshold multiplied by `factor` (to see the trade-off
        between precision and recall)."""
        return self.model_copy(update={"thresholds": {k: v * factor for k, v in self.thresholds.items()}})


class Profile(BaseModel):
    """One genre's rules. Compiled patterns are cached on the instance."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str
    numbering: Numbering
    bullets: list[str]
    #: A paragraph opening with a run-in heading (加强组织领导。……): an item of a kind's chapter
    #: that has no numbered ones.
    run_in_heading: str = _regex()
    #: An item counted in words within a paragraph (一是加强组织领导。……二是……).
    ordinal_item: str = _regex()
    domain_heading_max_length: int
    chapters: dict[ChapterKind, list[str]]
    #: Words of a safeguard in a chapter's title: the chapters that close a plan and hold one are
    #: its measures (loaders/entities/chapter_kinds.py).
    safeguard_words: list[str]
    #: The titles' endings of a safeguards chapter's items (加强组织领导, 加强宣传引导).
    safeguard_items: list[str]
    #: A closing chapter whose title sees the plan's measures carried out (保障各项措施落地见效).
    safeguards_the_plan: str = _regex()
    requirement_parts: dict[RequirementPart, list[str]]
    notice: Notice
    attachments: Attachments
    title: Title
    regions: Regions
    derivation: Derivation
    goals: Goals
    indicators: Indicators
    standards: Standards
    documents: Documents
    departments: Departments
    links: Links

    def title_kind(self, title: str) -> ChapterKind | None:
        """The kind the chapter's title words give, if any (`loaders.entities.chapter_kinds` weighs the
        chapter's content too)."""
        return _first_kind(self.chapters, title)

    def requirement_part(self, title: str) -> RequirementPart | None:
        return _first_kind(self.requirement_parts, title)

    @cached_property
    def body_by_name(self) -> dict[str, str]:
        """Each name or alias → the canonical name of its body."""
        names = {}
        for canonical, body in self.departments.bodies.items():
            for name in [canonical, *body.aliases]:
                names[name] = canonical
        return names


#: Kinds whose words count only at the end of a title: a layout chapter is named by its last words.
_AT_END = ("domains",)


def _first_kind(table: dict[str, list[str]], title: str):  # type: ignore[no-untyped-def]
    for kind, words in table.items():
        if kind in _AT_END and title.endswith(tuple(words)):
            return kind
        if kind not in _AT_END and any(word in title for word in words):
            return kind
    return None


@lru_cache(maxsize=8)
def load_profile(path: Path = DEFAULT_PROFILE) -> Profile:
    """A genre profile, validated; a file that cannot be used raises `PlanLoadError` naming it."""
    try:
        with open(path, encoding="utf-8") as handle:
            return Profile.model_validate(yaml.safe_load(handle))
    except ValidationError as exc:
        problems = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors())
        raise PlanLoadError(str(path), f"the profile cannot be used: {problems}") from None
    except (OSError, yaml.YAMLError) as exc:
        raise PlanLoadError(str(path), f"the profile cannot be used: {exc}") from None
