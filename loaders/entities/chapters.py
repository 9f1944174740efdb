"""Chapters by kind: one reader per chapter kind, in one table (`CHAPTER_READERS`).

A plan's chapter is read as what the profile (or the genre's convention) says it is:
requirements (guiding thought, principles, goals), numbered work (tasks, projects, measures),
domains with their 专栏 columns, or context whose parts are only sections."""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable

from graph.model import Entity, EntityKind, SectionFields, attrs_of
from loaders.entities.goals import read_requirements
from loaders.entities.plan_writer import PlanWriter, Segment, block_number, local_number, rest_of
from loaders.numerals import chinese_number
from loaders.profile import ChapterKind
from loaders.reading.paragraphs import Paragraph
from loaders.report import Note
from loaders.structure.header import PlanHeader
from loaders.structure.outline import Block, with_subitems_as_text
from loaders.structure.unnumbered import unnumbered_items

__all__ = ["CHAPTER_ENTITY", "CHAPTER_READERS", "read_chapter"]

ChapterReader = Callable[[PlanWriter, Block, Entity, PlanHeader], None]


def read_chapter(
    writer: PlanWriter, chapter: Block, kind: ChapterKind, number: int, plan: Entity, header: PlanHeader
) -> None:
    """The chapter as a SECTION that says how it was read, and its parts by its kind's reader."""
    section = writer.add_block(
        EntityKind.SECTION, str(number), chapter, plan, attrs=attrs_of(SectionFields(kind))
    )
    if CHAPTER_ENTITY[kind] not in (EntityKind.TASK, EntityKind.PROJECT, EntityKind.MEASURE):
        chapter = with_subitems_as_text(chapter)
    CHAPTER_READERS[kind](writer, chapter, section, header)


def _numbered(kind: EntityKind) -> ChapterReader:
    def read(writer: PlanWriter, chapter: Block, section: Entity, header: PlanHeader) -> None:
        """Groups （一） with numbered items 1. under them, or items straight under the chapter.
        Ids keep the written numbers: task 9 of group 五 is task/5.9."""
        if not chapter.children:
            # 四、保障措施 of paragraphs opening with run-in headings: those are its items. Else
            # the chapter is one item of work (一、加快发展数字贸易。……（省商务厅牵头）; 三、时间要求
            # 各市政府要……): the task, or the measure.
            if not (_named_by_kind_word(writer, chapter) and _run_in_items(writer, kind, chapter, section)):
                writer.add_block(kind, local_number(section), chapter, section)
            return
        _note_gaps(writer, chapter.children)
        for child in chapter.children:
            group = writer.add_block(kind, str(block_number(child)), child, section)
            _note_gaps(writer, child.children)
            for item in child.children:
                task = writer.add_block(kind, f"{block_number(child)}.{block_number(item)}", item, group)
                _note_gaps(writer, item.children)
                for sub in item.children:
                    writer.add_block(
                        kind, f"{block_number(child)}.{block_number(item)}.{block_number(sub)}", sub, task
                    )

    return read


def _run_in_items(writer: PlanWriter, kind: EntityKind, chapter: Block, section: Entity) -> bool:
    """四、保障措施 with no numbered items, its paragraphs opening with a run-in heading (加强组织领导。
    省教育厅……): each such paragraph is an item, named by its heading; a paragraph without one
    goes on with the item before it — unless the chapter counts its items in words (一是……二是……).
    Fewer than two items make none (False)."""
    items = [
        (
            item.paragraph,
            item.title,
            [
                *([Segment(item.paragraph, item.rest_offset)] if item.rest_offset is not None else []),
                *(Segment(paragraph) for paragraph in item.paragraphs),
            ],
        )
        for item in unnumbered_items(chapter.paragraphs, writer.profile)
    ]
    counted = _ordinal_items(writer, chapter)
    items = counted if len(counted) >= 2 else items
    if len(items) < 2:
        return False
    for number, (paragraph, title, segments) in enumerate(items, start=1):
        writer.add(
            kind,
            f"{local_number(section)}.{number}",
            title,
            parent=section,
            anchor=paragraph,
            segments=segments,
        )
    return True


def _ordinal_items(writer: PlanWriter, chapter: Block) -> list[tuple[Paragraph, str, list[Segment]]]:
    """一是加强组织领导。……二是强化资金保障。……: the items a chapter counts in words, in order from
    一是, each named by its words up to the first stop, its text running to the next one."""
    ordinal = re.compile(writer.profile.ordinal_item)
    items: list[tuple[Paragraph, str, list[Segment]]] = []
    numbers: list[int | None] = []
    for paragraph in chapter.paragraphs:
        marks = list(ordinal.finditer(paragraph.text))
        if items and (not marks or marks[0].start() > 0):
            items[-1][2].append(Segment(paragraph, 0, marks[0].start() if marks else None))
        for position, mark in enumerate(marks):
            end = marks[position + 1].start() if position + 1 < len(marks) else None
            items.append((paragraph, mark.group("title"), [Segment(paragraph, mark.end("title") + 1, end)]))
            numbers.append(chinese_number(mark.group("number")))
    return items if numbers == list(range(1, len(numbers) + 1)) else []


def _named_by_kind_word(writer: PlanWriter, chapter: Block) -> bool:
    """A chapter titled only with a kind's word (保障措施, 主要任务) is a part, not an item."""
    return any(chapter.title.strip("。 ") in words for words in writer.profile.chapters.values())


def _context(writer: PlanWriter, chapter: Block, section: Entity, header: PlanHeader) -> None:
    """A context chapter's parts are sections, and nothing more."""
    for child in chapter.children:
        writer.add_block(EntityKind.SECTION, f"{local_number(section)}.{block_number(child)}", child, section)


def _domains(writer: PlanWriter, chapter: Block, section: Entity, header: PlanHeader) -> None:
    """Key areas （一）, their 专栏 columns, and the domains headed by short lines inside each
    column (现代农业, 林业, …); the paragraphs under a domain heading are its text."""
    for child in chapter.children:
        if child.level == "column":
            _column(writer, child, section)
            continue
        area = writer.add_block(EntityKind.DOMAIN, str(block_number(child)), child, section)
        for sub in child.children:
            if sub.level == "column":
                _column(writer, sub, area)
            else:
                writer.add_block(EntityKind.DOMAIN, f"{block_number(child)}.{block_number(sub)}", sub, area)


def _column(writer: PlanWriter, block: Block, parent: Entity) -> None:
    column_id = f"col{block_number(block)}"
    domains: list[tuple[Paragraph, list[Segment]]] = []
    column_text = rest_of(block)
    for paragraph in block.paragraphs:
        if _is_domain_heading(writer, paragraph):
            domains.append((paragraph, []))
        elif domains:
            domains[-1][1].append(Segment(paragraph))
        else:
            column_text.append(Segment(paragraph))
    column = writer.add_block(EntityKind.DOMAIN, column_id, block, parent, segments=column_text)
    for number, (heading, segments) in enumerate(domains, start=1):
        name = heading.text.rstrip("。")
        writer.add(
            EntityKind.DOMAIN, f"{column_id}.{number}", name, parent=column, anchor=heading, segments=segments
        )


def _is_domain_heading(writer: PlanWriter, paragraph: Paragraph) -> bool:
    text = paragraph.text.rstrip("。")
    return (
        not paragraph.bullet
        and len(text) <= writer.profile.domain_heading_max_length
        and not re.search("[，。；：、！？]", text)
    )


def _note_gaps(writer: PlanWriter, blocks: list[Block]) -> None:
    """Numbers that skip (1. 2. 4.) are kept as written, and noted in the report."""
    for before, after in itertools.pairwise(blocks):
        if before.level == after.level and block_number(after) > block_number(before) + 1:
            writer.report.notes.append(
                Note(after.paragraph.line, f"the numbering jumps from {before.label} to {after.label}")
            )


CHAPTER_READERS: dict[ChapterKind, ChapterReader] = {
    "context": _context,
    "requirements": read_requirements,
    "tasks": _numbered(EntityKind.TASK),
    "domains": _domains,
    "projects": _numbered(EntityKind.PROJECT),
    "measures": _numbered(EntityKind.MEASURE),
}
#: The kind of entity each chapter kind's parts are (for the passes that read their text).
CHAPTER_ENTITY: dict[ChapterKind, EntityKind] = {
    "context": EntityKind.SECTION,
    "requirements": EntityKind.GOAL,
    "tasks": EntityKind.TASK,
    "domains": EntityKind.DOMAIN,
    "projects": EntityKind.PROJECT,
    "measures": EntityKind.MEASURE,
}
