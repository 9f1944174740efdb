"""Tables in a text file: cells separated by tabs, a row to a line (copied from a word processor),
or laid out one cell to a line, as a table copied from a portal page comes out as text:

    序号 / 任务名称 / 任务内容 / 牵头部门 / 配合部门 / 时间节点 / 1 / 加强组织领导 / 召开…… / 区政府办公室 / ……

The header is a run of short lines, closed by the line “1”, that has a 序号 column or names a
task column and a lead column (the words of `departments.task_table`); each row runs from its
number to the next. What the table is (tasks and their bodies, indicators and their targets) its
readers decide from the header, as they do for a table the file format holds.
A cell broken after 、 goes on on the next line; a row short of cells lost them to cells merged
down from the row above (a task spanning several rows), which lie on the left, and takes them
from that row. Rows that still do not fit are left out rather than guessed.

Where the cells stand a blank line apart (序号 / blank / 任务类型 / blank / …), a cell is the lines
between blank lines (海绵城市 / 建设管理 is the one cell 海绵城市建设管理: the page broke it), and the
header repeated where the page broke the table is passed over.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

from loaders.profile import Profile
from loaders.reading.paragraphs import Paragraph
from loaders.reading.tables import CATEGORY_HEADINGS, HEADER_CELL_LENGTH, SENTENCE_MARK, Table, caption_above
from loaders.structure.figure_tables import figure_tables

__all__ = ["LineTable", "cell_line_tables", "tab_runs", "tables_laid_out_as_lines"]

#: The header cell over the rows' numbers: a table of any kind (tasks, indicators) has it.
_ROW_NUMBER_HEADING = "序号"


def tables_laid_out_as_lines(paragraphs: list[Paragraph], profile: Profile) -> list[Table]:
    return _tab_separated(paragraphs) + _one_cell_to_a_line(paragraphs, profile) + _figures(paragraphs)


def _figures(paragraphs: list[Paragraph]) -> list[Table]:
    """Tables of figures one cell to a line with no row numbers (指标 / 单位 / 2025年 / …)."""
    return [
        Table(table, _caption(paragraphs, start))
        for start, table in figure_tables([p.text.strip() for p in paragraphs])
    ]


def _tab_separated(paragraphs: list[Paragraph]) -> list[Table]:
    """指标\t2020年\t2021年 / 机器人应用密度（台/万人）\t100\t110: a table copied with its cells
    separated by tabs, a row to a line — two lines or more, none with more cells than the header.
    A shorter row lost its empty cells at its end, or — under a header that opens with a column of
    categories (类别 | 指标 | 2020 | 2025) — the category a cell above spans down to it."""
    tables = []
    for run in tab_runs(paragraphs, shorter_rows=True):
        rows = [[c.strip() for c in p.text.split("\t")] for p in run]
        width, spanned = len(rows[0]), rows[0][0] in CATEGORY_HEADINGS
        rows = [([""] * (width - len(r)) + r) if spanned else r + [""] * (width - len(r)) for r in rows]
        tables.append(Table(rows, _caption(paragraphs, run[0].index)))
    return tables


def tab_runs(paragraphs: list[Paragraph], shorter_rows: bool = False) -> list[list[Paragraph]]:
    """Runs of two lines or more with their cells between tabs, as many in each as in the first
    (`shorter_rows`: or fewer, a row's empty cells at its end lost with the line's trailing space)."""
    runs: list[list[Paragraph]] = []
    run: list[Paragraph] = []
    for paragraph in [*paragraphs, None]:
        width = paragraph.text.count("\t") if paragraph else 0
        first = run[0].text.count("\t") if run else 0
        if width and (not run or width == first or (shorter_rows and width < first)):
            run.append(paragraph)
            continue
        if len(run) > 1:
            runs.append(run)
        run = [paragraph] if width and paragraph else []
    return runs


def _one_cell_to_a_line(paragraphs: list[Paragraph], profile: Profile) -> list[Table]:
    return [Table(t.rows, _caption(paragraphs, t.start)) for t in cell_line_tables(paragraphs, profile)]


#: How many lines above a table are looked at for its caption.
_LINES_ABOVE = 4


def _caption(paragraphs: list[Paragraph], start: int) -> str:
    """The caption above the table whose first line is `paragraphs[start]`."""
    return caption_above(p.text for p in reversed(paragraphs[max(start - _LINES_ABOVE, 0) : start]))


@dataclass(frozen=True, slots=True)
class LineTable:
    """A table laid out one cell to a line (or to the lines between blank lines)."""

    #: Where its lines start and end in the paragraphs read (its header's first, past its last row's).
    start: int
    end: int
    rows: Table
    #: The lines of each cell, header and rows, as they stand in the text.
    cells: list[tuple[Paragraph, ...]]


def cell_line_tables(paragraphs: list[Paragraph], profile: Profile) -> list[LineTable]:
    """The tables laid out one cell to a line."""
    rules = profile.departments.task_table
    lines = [p.text.strip() for p in paragraphs]
    tables: list[LineTable] = []
    position = 0
    while position < len(lines):
        header = _header(lines, position, rules.task, rules.lead)
        if header is None:
            position += 1
            continue
        start = position
        cells = _cells(
            paragraphs, start, blank_apart=_blank_apart(paragraphs[start : start + len(header) + 1])
        )
        texts = ["".join(p.text.strip() for p in cell) for cell in cells]
        header = _header(texts, 0, rules.task, rules.lead) or header
        if _opens_with_categories(header):
            table, used = _rows_under_categories(texts, header)
        else:
            table, used = _rows(texts, len(header), header, profile)
        end = paragraphs.index(cells[used - 1][-1]) + 1
        if len(table) > 1:
            tables.append(LineTable(start, end, table, cells[:used]))
        # A header that took a heading before it (二、重点任务 / 序号 / …) reads no row: try the next line.
        position = end if len(table) > 1 else start + 1
    return tables


def _blank_apart(header: list[Paragraph]) -> bool:
    """Whether a table's header cells (and its first row number) stand a blank line apart."""
    return all(b.line - a.line > 1 for a, b in pairwise(header))


def _cells(paragraphs: list[Paragraph], start: int, blank_apart: bool) -> list[tuple[Paragraph, ...]]:
    """The cells from `start` on: a line each, or, where cells stand a blank line apart, the lines
    between blank lines."""
    if not blank_apart:
        return [(p,) for p in paragraphs[start:]]
    cells: list[tuple[Paragraph, ...]] = []
    for paragraph in paragraphs[start:]:
        if cells and paragraph.line - cells[-1][-1].line == 1:
            cells[-1] = (*cells[-1], paragraph)
        else:
            cells.append((paragraph,))
    return cells


def _header(lines: list[str], start: int, task_words: list[str], lead_words: list[str]) -> list[str] | None:
    """The header cells that start at `start`, if a header starts there: short lines up to the
    line “1”, among them a task column and a lead column."""
    cells: list[str] = []
    for line in lines[start:]:
        if line == "1":
            break
        if len(line) > HEADER_CELL_LENGTH or SENTENCE_MARK.search(line):
            return None
        cells.append(line)
    else:
        return None
    names_task = any(w in c for c in cells for w in task_words)
    names_lead = any(w in c for c in cells for w in lead_words)
    numbered = _ROW_NUMBER_HEADING in cells
    return cells if len(cells) >= 3 and (numbered or (names_task and names_lead)) else None


def _opens_with_categories(header: list[str]) -> bool:
    """类别 / 序号 / 指标 / … / 文化 (then “1”): a column of categories before the rows' numbers,
    its cell merged down over the rows of its kind, so the line before “1” is the first row's."""
    return len(header) > 3 and header[0] in CATEGORY_HEADINGS and header[1] == _ROW_NUMBER_HEADING


def _rows_under_categories(lines: list[str], header: list[str]) -> tuple[Table, int]:
    """The rows of a table whose first column is the categories. Each category is written once,
    before the number of its first row (… / 预期性 / 旅游 / 3 / …); a row has the header's cells."""
    position, number = len(header), 1
    header, category = header[:-1], header[-1]
    table: Table = [header]
    width = len(header) - 1
    while position + width <= len(lines) and lines[position] == str(number):
        table.append([category, *lines[position : position + width]])
        position += width
        number += 1
        after = lines[position : position + 2]
        if len(after) == 2 and after[0] != str(number) and after[1] == str(number):
            category, position = after[0], position + 1
    return table, position


def _rows(lines: list[str], start: int, header: list[str], profile: Profile) -> tuple[Table, int]:
    """The rows from `start` (the line “1”), and the position after the last."""
    table: Table = [header]
    number, position = 1, start
    while position < len(lines):
        again = position + len(header)
        if lines[position:again] == header and again < len(lines) and lines[again] == str(number):
            position = again  # the header again, where a page broke the table
        if position >= len(lines) or lines[position] != str(number):
            break
        end = position + 1
        limit = position + 2 * len(header)
        if lines[position + len(header) : position + len(header) + 1] == [str(number + 1)]:
            # A row of as many cells as the header, whatever its cells hold (a cell of 3 in row 2).
            end = position + len(header)
        while (
            end < len(lines)
            and end <= limit
            and lines[end] != str(number + 1)
            and lines[end : end + len(header)] != header
        ):
            end += 1
        if end > limit or end == len(lines):
            # The last row: as many cells as the header has (a cell broken after 、 taking two
            # lines), up to the next heading.
            end = position + 1
            while (
                end < len(lines)
                and len(_joined(lines[position + 1 : end])) < len(header) - 1
                and not _is_heading(lines[end], profile)
            ):
                end += 1
            if end < len(lines) and lines[end - 1].endswith("、"):
                end += 1
        cells = _joined(lines[position + 1 : end])
        missing = len(header) - 1 - len(cells)
        row = [str(number), *(table[-1][1 : 1 + missing] if 0 < missing and len(table) > 1 else []), *cells]
        if len(row) == len(header):
            table.append(row)
        number, position = number + 1, end
    return table, position


def _is_heading(line: str, profile: Profile) -> bool:
    """三、主要任务 after a table's last row: the text goes on, the table has ended."""
    return any(re.match(style, line) for style in profile.numbering.styles) and not line.isdigit()


def _joined(cells: list[str]) -> list[str]:
    """区绿化市容局、 / 区农业农村委 → one cell: a line ending in 、 goes on on the next."""
    joined: list[str] = []
    for cell in cells:
        if joined and joined[-1].endswith("、"):
            joined[-1] += cell
        else:
            joined.append(cell)
    return joined
