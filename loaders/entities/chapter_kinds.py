"""A chapter's kind from what it holds as well as from its title's words.

Titles vary more than contents: a goals chapter may be 行动目标, 发展目标 or a topic, and a
chapter of named 工程 may be titled 重点领域. So a chapter its title does not file as tasks, whose
items are mostly named 工程, is read as projects; a topical chapter without numbered items is a
task when it assigns work (or the document is all such items) and goals when it states targets;
otherwise the title's words decide, and failing them the genre's convention (numbered items:
tasks; none: context)."""

from __future__ import annotations

import re

from loaders.entities.indicators import extract_targets
from loaders.lexical import opens_with_verb
from loaders.profile import ChapterKind, Profile
from loaders.structure.outline import Block

__all__ = ["chapter_kind", "chapter_kinds", "is_items_only"]

#: A heading that names a work to carry out: 实施集成电路“强芯”工程.
_NAMED_WORK = re.compile("工程”?$")


def chapter_kinds(chapters: list[Block], profile: Profile) -> list[ChapterKind]:
    """The kind of each chapter of a document. The chapters that close it and end by naming a
    safeguard (强化支撑保障, 加强组织实施), that see the plan's measures carried out (保障各项措施落地见效),
    whose items are mostly safeguards, or — in an opinion made of items — that are named as a
    safeguard item is (加强宣传引导), are its measures, though their titles hold none of the measures' words:
    plans put what safeguards the work after the work, in a chapter or, in an opinion made of
    items, in its last items. 优先保障贫困劳动力稳岗就业 is no safeguard: there 保障 is work done."""
    items_only = is_items_only(chapters)
    kinds = [chapter_kind(chapter, profile, items_only) for chapter in chapters]
    for index, chapter in enumerate(chapters):
        # 一、加强要素保障 before 二、降低经营成本: work on what secures, not the plan's safeguards,
        # which follow the work — where more work follows than went before (七、强化冰雪经济要素保障
        # after five chapters of work and before one is a safeguard), or where its items are work
        # before the chapter named for the safeguards (`_work_before_the_safeguards`).
        work_before, work_after = kinds[:index].count("tasks"), kinds[index + 1 :].count("tasks")
        if (
            kinds[index] == "measures"
            and chapter.title.rstrip("。 ") not in profile.chapters["measures"]
            and (
                work_after > work_before
                or _work_before_the_safeguards(chapter, chapters[index + 1 :], profile)
            )
        ):
            kinds[index] = "tasks"
    safeguards = tuple(profile.safeguard_words)
    for index in range(len(chapters) - 1, -1, -1):
        title = _TRAILING_NOTE.sub("", chapters[index].title)  # 加强统筹管理和工作保障（5分）
        if kinds[index] == "measures":
            continue
        if (
            kinds[index] != "tasks"
            or profile.title_kind(title) not in (None, "context")  # 营造良好发展环境: work, not a context
            or not (
                _ends_with_safeguard(title, safeguards)
                or re.search(profile.safeguards_the_plan, title)
                or _holds_safeguards(chapters[index], profile)
                or (items_only and _named_as_a_safeguard(title.rstrip("。 "), profile))
            )
            or _work_before_the_safeguards(chapters[index], chapters[index + 1 :], profile)
        ):
            break
        kinds[index] = "measures"
    return kinds


#: A bracket closing a title that notes something of it (its score, its span): （5分）, （2024年）.
_TRAILING_NOTE = re.compile(r"[（(][^（）()]{1,12}[）)]$")


def _work_before_the_safeguards(chapter: Block, later: list[Block], profile: Profile) -> bool:
    """六、构建高水平支撑保障体系 (强化科技创新智慧引领 / 推动行业绿色低碳发展 …) before 七、保障措施, or
    六、加大经费投入，强化办学条件保障 (加强教师队伍建设 / 改善学校办学条件 …) before 七、加强组织领导: the
    plan's safeguards are the chapter named for them; one before it whose title only holds or ends
    with a safeguard's word (not a safeguard's name: ……，强化政策保障), whose items are neither phases
    nor safeguards, is work."""
    return (
        any(profile.title_kind(other.title) == "measures" for other in later)
        and not _named_as_a_safeguard(chapter.title.rstrip("。 "), profile)  # ……，强化政策保障
        and len(chapter.children) >= 2
        and not _in_phases(chapter)
        and not any(_named_as_a_safeguard(child.title.rstrip("。；"), profile) for child in chapter.children)
    )


#: What may follow a safeguard's word at a title's end: 加大支持保障力度, 健全保障体系.
_SAFEGUARD_TAIL = ("", "力度", "体系", "机制", "能力", "措施", "工作")


def _ends_with_safeguard(title: str, safeguards: tuple[str, ...]) -> bool:
    title = title.rstrip("。 ")
    return any(title.endswith(word + tail) for word in safeguards for tail in _SAFEGUARD_TAIL)


def _holds_safeguards(chapter: Block, profile: Profile) -> bool:
    """Most of the chapter's items, and at least two, are safeguards by their titles' endings
    (规范市场秩序 / 推动政策落实 / 加强宣传引导)."""
    titles = [child.title.rstrip("。；") for child in chapter.children]
    safeguards = sum(1 for title in titles if _named_as_a_safeguard(title, profile))
    return safeguards >= 2 and safeguards * 2 >= len(titles)


def _named_as_a_safeguard(title: str, profile: Profile) -> bool:
    """加强组织领导, 加强宣传引导, 营造良好氛围: a title ending as a safeguard item does."""
    return title.endswith(tuple(profile.safeguard_items))


#: A section naming a phase of the work: 全面动员部署阶段（2019年3月10日前）.
_PHASE = re.compile(r"阶段(?:[（(][^（）()]*[）)])?$")


def _in_phases(chapter: Block) -> bool:
    """Whether the chapter's parts are the phases the plan is carried out in."""
    return len(chapter.children) >= 2 and all(_PHASE.search(child.title) for child in chapter.children)


def chapter_kind(chapter: Block, profile: Profile, items_only: bool = False) -> ChapterKind:
    """`items_only`: the document is made of numbered items without parts (一、…… to 二十、……),
    each a piece of work; a topical one is then a task, whatever it holds."""
    by_title = profile.title_kind(chapter.title)
    if by_title is None and _in_phases(chapter):
        return "measures"  # 启动阶段（2024年4月1日至……）/ 实施阶段 / 提升阶段: the steps that carry it out
    if by_title == "context" and chapter.children and opens_with_verb(chapter.title):
        by_title = None  # 夯实行业发展基础 is work on the base, not the 发展基础 a context chapter names
    if by_title in (None, "domains", "context") and _names_works(chapter):
        return "projects"
    if by_title is None and not chapter.children:
        # 鼓励在县城购房，提供就学、落户保障: a title opening with a verb names work to do; a
        # context's title names a thing (发展基础, 面临形势).
        if items_only or _assigns_bodies(chapter, profile) or opens_with_verb(chapter.title):
            return "tasks"
        if _states_targets(chapter, profile):
            return "requirements"
    return by_title or ("tasks" if chapter.children else "context")


def is_items_only(chapters: list[Block]) -> bool:
    """Whether a document is items without parts: at least three top-level items, most of them
    with no numbered parts of their own."""
    leaves = sum(1 for chapter in chapters if not chapter.children)
    return len(chapters) >= 3 and leaves * 5 >= len(chapters) * 4


def _names_works(chapter: Block) -> bool:
    """Most of the chapter's items, and at least two, name a 工程 to carry out."""
    items = [child for child in chapter.children if child.level != "column"]
    named = sum(1 for item in items if _NAMED_WORK.search(item.title.rstrip("。；")))
    return named >= 2 and named * 2 > len(items)


def _assigns_bodies(chapter: Block, profile: Profile) -> bool:
    """The chapter's text ends a piece of work with a bracket of who does it (（省商务厅牵头）)."""
    bracket = re.compile(profile.departments.bracket_pattern)
    return any(bracket.search(text) for text in _own_texts(chapter))


def _states_targets(chapter: Block, profile: Profile) -> bool:
    return any(extract_targets(text, profile) for text in _own_texts(chapter))


def _own_texts(chapter: Block) -> list[str]:
    """The chapter's own text: what follows its heading, and its paragraphs before any item."""
    return [text for text in [chapter.rest, *(p.text for p in chapter.paragraphs)] if text]
