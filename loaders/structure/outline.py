"""Paragraphs → the plan's outline: chapters, their sections, columns and numbered items.

The outline only knows numbering; what a chapter means is decided later by its heading words.
Plans number their outline in different styles (第一章 / 第一节 / 一、 / （一） / 1. / （1）):
the profile lists them outermost first, and the styles a document actually uses become its
levels in that order — a plan numbered 一、 / （一） / 1. and an opinion numbered only
（一） / 1. both get chapters, sections and items, and one numbered 第一部分 / 一、 / （一） / 1、
a fourth level, subitems.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Literal

from loaders.patterns import alternation
from loaders.profile import Profile
from loaders.reading.paragraphs import Paragraph
from loaders.structure.division_rows import TableRow, division_rows
from loaders.structure.line_tables import tab_runs
from loaders.structure.run_in_titles import run_in_title_end
from loaders.structure.unnumbered import unnumbered_items

__all__ = ["Block", "Outline", "build_outline", "with_subitems_as_text"]

Level = Literal["chapter", "section", "column", "item", "subitem"]
_LEVELS: tuple[Level, ...] = ("chapter", "section", "item", "subitem")
_RANK: dict[Level, int] = {"chapter": 1, "section": 2, "column": 3, "item": 3, "subitem": 4}


@dataclass(slots=True)
class Block:
    """A heading and everything under it. `rest` is the heading line's text after the
    heading sentence (1.转变标准供给方式。以需求…); `paragraphs` the plain paragraphs below it."""

    level: Level
    paragraph: Paragraph
    label: str
    title: str
    rest: str = ""
    rest_offset: int = 0
    #: Where the rest ends in the heading line, if before the line's end (a table row's cell).
    rest_end: int | None = None
    paragraphs: list[Paragraph] = field(default_factory=list)
    children: list[Block] = field(default_factory=list)


@dataclass(slots=True)
class Outline:
    preamble: list[Paragraph]
    chapters: list[Block]
    #: Headings that only group chapters (第一篇 …): placed, but no part of the outline.
    parts: list[Paragraph] = field(default_factory=list)
    #: The lines of division tables standing in the text (their header and rows, by index).
    table_lines: set[int] = field(default_factory=set)


_SPACED = re.compile(r"(?<=[\u4e00-\u9fff])[ \t\u3000]+(?=[\u4e00-\u9fff])")


def build_outline(paragraphs: list[Paragraph], profile: Profile) -> Outline:
    part = re.compile(profile.numbering.part)
    parts = [p for p in paragraphs if part.match(p.text)]
    paragraphs = [p for p in paragraphs if p not in parts]
    patterns = _levels(paragraphs, profile)
    subjects = tuple(profile.departments.subject_endings)
    known = _known_titles(profile)
    rows = division_rows(paragraphs, profile)
    preamble: list[Paragraph] = []
    chapters: list[Block] = []
    open_blocks: list[Block] = []
    titles: set[str] = set()
    restating: dict[int, bool] = {}
    table_lines = (
        set(rows)
        | {row.table for row in rows.values()}
        | {line for row in rows.values() for line in row.lines}
        # The lines of other tables between tabs: what they hold is for the tables' readers.
        | {p.index for run in tab_runs(paragraphs, shorter_rows=True) for p in run}
    )
    for paragraph in paragraphs:
        block = None if paragraph.index in table_lines else _heading(paragraph, patterns, subjects, known)
        if block is not None and chapters and _clause_of_a_measure(block, chapters[-1], profile):
            block = None
        if row := rows.get(paragraph.index):
            if row.table not in restating:
                # A table restating tasks the text has numbered (任务分工 after the tasks) adds
                # none: its rows give those tasks their bodies.
                restating[row.table] = any(r.title in titles for r in rows.values() if r.table == row.table)
            if not restating[row.table]:
                block = _row_block(paragraph, rows, open_blocks)
        if block is None and paragraph.index in table_lines:
            continue  # the table's bodies are its own to give, not words of the text around it
        if block is None or (block.level != "chapter" and not chapters):
            if open_blocks:
                open_blocks[-1].paragraphs.append(paragraph)
            else:
                preamble.append(paragraph)
            continue
        titles.add(block.title)
        while open_blocks and _RANK[open_blocks[-1].level] >= _RANK[block.level]:
            open_blocks.pop()
        if open_blocks and _labels_a_part(block, open_blocks[-1], profile):
            open_blocks[-1].paragraphs.append(paragraph)
            continue
        if open_blocks:
            open_blocks[-1].children.append(block)
        else:
            chapters.append(block)
        open_blocks.append(block)
    if not chapters:
        preamble, chapters = _unnumbered_chapters(preamble, profile)
    return Outline(preamble, chapters, parts, table_lines)


def _labels_a_part(block: Block, above: Block, profile: Profile) -> bool:
    """1．行动目标。…… / 2．主要任务…… under （一）“互联网＋”现代农业: a numbered part of an item (not of
    a chapter, whose 主要任务 is a section of its own) that only labels what the item's text holds."""
    return above.level != "chapter" and block.title.startswith(tuple(profile.numbering.part_labels))


#: How many unnumbered items a plan must hold for them to be its outline.
_UNNUMBERED_ITEMS = 3


def _unnumbered_chapters(
    paragraphs: list[Paragraph], profile: Profile
) -> tuple[list[Paragraph], list[Block]]:
    """A plan whose items carry no numbers — a page that dropped them, or measures set as
    paragraphs each opened by its heading (加大住房公积金支持力度。住房公积金贷款……) — has those
    items as its chapters; without three of them the plan has no outline at all. A heading on a
    line of its own counts only after the first sentence: before it stand the title's lines."""
    first_sentence = next((p.index for p in paragraphs if "。" in p.text), None)
    items = [
        item
        for item in unnumbered_items(paragraphs, profile)
        if item.rest_offset is not None
        or (first_sentence is not None and item.paragraph.index > first_sentence)
    ]
    if len(items) < _UNNUMBERED_ITEMS:
        return paragraphs, []
    chapters = [
        Block(
            level="chapter",
            paragraph=item.paragraph,
            label="",
            title=item.title,
            rest=item.paragraph.text[item.rest_offset :].strip() if item.rest_offset is not None else "",
            rest_offset=item.rest_offset if item.rest_offset is not None else len(item.paragraph.text),
            paragraphs=item.paragraphs,
        )
        for item in items
    ]
    return paragraphs[: paragraphs.index(items[0].paragraph)], chapters


#: A heading sentence longer than this is an item's whole first sentence, not a heading's title.
_TITLE_LENGTH = 60
#: A chapter title this long may be a title of the genre's run on into its text.
_RUN_ON = 30


def _clause_of_a_measure(block: Block, chapter: Block, profile: Profile) -> bool:
    """A numbered paragraph whose first sentence runs long is an item of work in a chapter of tasks
    (1.指导各地依法办理旅居挂车登记，允许……，研究改进旅居车准驾管理制度。), but in a chapter its title
    files as measures (三、支持政策) a clause of the measure it stands under (1.对企业规模在产业集群内前三……
    给予20%的补助。): text, not a heading."""
    return (
        block.level != "chapter"
        and len(block.title) > _TITLE_LENGTH
        and profile.title_kind(chapter.title) == "measures"
    )


def _row_block(paragraph: Paragraph, rows: dict[int, TableRow], open_blocks: list[Block]) -> Block | None:
    """A division table's row as a heading one level below the heading the table stands under
    (the table's rows all at that level); none where no heading is open or none is deeper."""
    heading = next((b for b in reversed(open_blocks) if b.paragraph.index not in rows), None)
    if heading is None or heading.level not in _LEVELS[:-1]:
        return None
    row = rows[paragraph.index]
    return Block(
        level=_LEVELS[_LEVELS.index(heading.level) + 1],
        paragraph=paragraph,
        label=row.label,
        title=row.title,
        rest=row.rest,
        rest_offset=row.rest_offset,
        rest_end=row.rest_end,
        paragraphs=list(row.text),
    )


def with_subitems_as_text(block: Block) -> Block:
    """The block with its fourth-level headings folded back into the text of the item they
    stand in, for the readers that take a chapter's parts two levels deep (goals, domains,
    context): only numbered work (tasks, projects, measures) is read four levels deep."""
    if block.level == "subitem":
        raise ValueError("a subitem has no subitems")
    paragraphs = list(block.paragraphs)
    children = []
    for child in block.children:
        if child.level == "subitem":
            paragraphs += [child.paragraph, *child.paragraphs]
        else:
            children.append(with_subitems_as_text(child))
    return replace(block, paragraphs=paragraphs, children=children)


def _levels(paragraphs: list[Paragraph], profile: Profile) -> list[tuple[Level, re.Pattern[str]]]:
    """The numbering styles this document uses, outermost first, as chapter, section and item;
    a fifth style or deeper is left as text of the item it stands in. Columns (专栏) keep
    their own level wherever they stand."""
    styles = [re.compile(p) for p in profile.numbering.styles]
    used = [s for s in styles if any(not p.bullet and s.match(p.text) for p in paragraphs)]
    levels: list[tuple[Level, re.Pattern[str]]] = list(zip(_LEVELS, used, strict=False))
    return [("column", re.compile(profile.numbering.column)), *levels]


def _known_titles(profile: Profile) -> re.Pattern[str]:
    """The genre's own chapter titles (总体要求, 发展目标, 保障措施), one of which a heading may open
    with and run on into its text: 二、发展目标通过3-5年努力，…… (not 主要任务和重点工程)."""
    titles = [title for kind in profile.chapters.values() for title in kind if len(title) >= 4]
    return re.compile(f"(?:{alternation(titles)})(?=[\u4e00-\u9fff\\d])(?![和与及])")


def _heading(
    paragraph: Paragraph,
    patterns: list[tuple[Level, re.Pattern[str]]],
    subjects: tuple[str, ...] = (),
    known: re.Pattern[str] | None = None,
) -> Block | None:
    """The heading a paragraph opens with, if any; `subjects` end the names of bodies (部门, 局),
    which may open the text a heading runs on into (资金保障区财政部门要……), and `known` matches the
    genre's chapter titles, which may run on into it too (发展目标通过3-5年努力……)."""
    if paragraph.bullet:
        return None
    for level, pattern in patterns:
        match = pattern.match(paragraph.text)
        if match is None:
            continue
        groups = match.groupdict()
        rest = groups.get("rest") or ""
        title, rest_offset = match.group("title"), match.start("rest") if rest else len(paragraph.text)
        opening = known.match(title) if known is not None and len(title) > _RUN_ON else None
        if opening is not None:
            title, rest_offset = title[: opening.end()], match.start("title") + opening.end()
            rest = paragraph.text[rest_offset:]
        elif (run_in := run_in_title_end(title, subjects)) is not None:
            # 1.编制完成专项规划要按照……: the text ran on from the title with no stop between.
            title, rest_offset = title[:run_in], match.start("title") + run_in
            rest = paragraph.text[rest_offset:]
        return Block(
            level=level,
            paragraph=paragraph,
            label=match.group("label"),
            # 保  障  措  施, 概  述: a heading spaced out for the page is one title.
            title=_SPACED.sub("", title.strip().rstrip("。")),
            rest=rest.strip(),
            rest_offset=rest_offset,
        )
    return None
