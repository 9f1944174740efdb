"""A chapter's kind from what it holds as well as from its title's words.

Titles vary more than contents: a goals chapter may be 行动目标, 发展目标 or a topic, and a
chapter of named 工程 may be titled 重点领域. So a chapter that its title does not file as tasks,
whose items are mostly named 工程, is read as projects, and a chapter without numbered items that states targets
as goals (requirements), whatever its title; otherwise the title's words decide, and failing
them the genre's convention (numbered items: tasks; none: context)."""

from __future__ import annotations

import re

from loaders.indicators import extract_targets
from loaders.outline import Block
from loaders.profile import ChapterKind, Profile

__all__ = ["chapter_kind"]

#: A heading that names a work to carry out: 实施集成电路“强芯”工程.
_NAMED_WORK = re.compile("工程”?$")


def chapter_kind(chapter: Block, profile: Profile) -> ChapterKind:
    by_title = profile.title_kind(chapter.title)
    if by_title in (None, "domains", "context") and _names_works(chapter):
        return "projects"
    if by_title in (None, "context") and not chapter.children and _states_targets(chapter, profile):
        return "requirements"
    return by_title or ("tasks" if chapter.children else "context")


def _names_works(chapter: Block) -> bool:
    """Most of the chapter's items, and at least two, name a 工程 to carry out."""
    items = [child for child in chapter.children if child.level != "column"]
    named = sum(1 for item in items if _NAMED_WORK.search(item.title.rstrip("。；")))
    return named >= 2 and named * 2 > len(items)


def _states_targets(chapter: Block, profile: Profile) -> bool:
    texts = [chapter.rest, *(p.text for p in chapter.paragraphs)]
    return any(extract_targets(text, profile) for text in texts if text)
