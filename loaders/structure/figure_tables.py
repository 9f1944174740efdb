"""Indicator tables laid out one cell to a line with no column of row numbers, as a portal page's
table of figures comes out when copied as text:

    指标 / 单位 / 2020年 / 2025年 / 属性 / 粮食综合生产能力 / 万吨 / 35 / 36 / 约束性 / …

With no row number to start each row, the rows are found by their figures: the header is a run of
short lines naming an indicator column (指标, 名称) and a column of figures (a year, 目标值), and a
row is as many lines as the header, its figure columns holding figures. Where the first column is
the categories (类别 / 指标 / …), a category is written once over the rows of its kind, so a row
without it is a line shorter and takes the category from the row above."""

from __future__ import annotations

import re

from loaders.reading.tables import CATEGORY_HEADINGS, HEADER_CELL_LENGTH, SENTENCE_MARK, Table

__all__ = ["figure_tables"]

#: A header's name column and figure columns (the ones a row must hold figures in).
_NAME_HEADINGS = ("指标", "名称")
#: A heading naming a year (2025年, 2025年目标): no figure, though it opens with digits.
_YEAR_HEADING = r"^(?:19|20)\d{2}\s*年"
_FIGURE_HEADING = re.compile(_YEAR_HEADING + "|目标|现状|基期|规划值|预期值|计划值")
#: A figure as a table writes it: ≥85, 90以上, 〔150〕, 0.3-0.4, 1,200; or a cell left empty.
_FIGURE = re.compile(r"^(?:[≥>≤<＞＜≧≦]|约|不低于|不少于|不超过)?\s*[〔\[（(]?\s*\d")
_PLACEHOLDERS = frozenset({"—", "——", "-", "--", "/", "／", "－", "无", "空", "…"})
#: The most columns a header is looked for in.
_WIDEST = 10


def figure_tables(lines: list[str]) -> list[tuple[int, Table]]:
    """The tables of figures laid out one cell to a line, each with the index of its first line."""
    tables: list[tuple[int, Table]] = []
    position = 0
    while position < len(lines):
        found = _table_at(lines, position)
        if found is None:
            position += 1
            continue
        table, end = found
        tables.append((position, table))
        position = end
    return tables


def _table_at(lines: list[str], start: int) -> tuple[Table, int] | None:
    """The table whose header starts at `start`, and the line after its last row, if two rows
    or more follow a header there: a row to a line, or a cell to a line."""
    return _row_to_a_line(lines, start) or _cell_to_a_line(lines, start)


def _row_to_a_line(lines: list[str], start: int) -> tuple[Table, int] | None:
    """指标 单位 2020年 2025年 / 粮食综合生产能力 万吨 35 36: a row to a line, its cells set apart by
    spaces (a PDF's table drawn without rules, a page's table copied as text)."""
    header = lines[start].split()
    if not 3 <= len(header) <= _WIDEST or not _names_columns(header):
        return None
    categories = header[0] in CATEGORY_HEADINGS
    rows: list[list[str]] = []
    position = start + 1
    for line in lines[start + 1 :]:
        cells = line.split()
        if categories and rows and len(cells) == len(header) - 1:
            cells = [rows[-1][0], *cells]  # under a category written once, over its first row
        if len(cells) != len(header) or not _fits(cells, header):
            break
        rows.append(cells)
        position += 1
    return (Table([header, *rows]), position) if len(rows) >= 2 else None


def _cell_to_a_line(lines: list[str], start: int) -> tuple[Table, int] | None:
    for width in range(3, _WIDEST + 1):
        header = lines[start : start + width]
        if len(header) < width or not _is_header_cell(header[-1]):
            return None
        if not _names_columns(header):
            continue
        rows, end = _rows(lines, start + width, header)
        if len(rows) >= 2:
            return Table([header, *rows]), end
    return None


def _is_header_cell(cell: str) -> bool:
    return 0 < len(cell) <= HEADER_CELL_LENGTH and not SENTENCE_MARK.search(cell) and not _is_figure(cell)


def _names_columns(header: list[str]) -> bool:
    """A header of an indicator column and a figure column, none of it a row's number (序号: the
    tables numbered by row are read by their numbers)."""
    return (
        all(_is_header_cell(cell) for cell in header)
        and "序号" not in header
        and any(word in cell for cell in header for word in _NAME_HEADINGS)
        and any(_FIGURE_HEADING.search(cell) for cell in header)
    )


def _is_figure(cell: str) -> bool:
    return bool(_FIGURE.match(cell)) and not re.match(_YEAR_HEADING, cell)


def _rows(lines: list[str], start: int, header: list[str]) -> tuple[list[list[str]], int]:
    """The rows from `start` on, as long as they fit the header's columns."""
    width, categories = len(header), header[0] in CATEGORY_HEADINGS
    rows: list[list[str]] = []
    position = start
    while position < len(lines):
        row = lines[position : position + width]
        if len(row) == width and _fits(row, header):
            rows.append(row)
            position += width
            continue
        # Under a category written once: the row's other cells, the category from the row above.
        carried = [rows[-1][0], *lines[position : position + width - 1]] if categories and rows else []
        if len(carried) == width and _fits(carried, header):
            rows.append(carried)
            position += width - 1
            continue
        break
    return rows, position


def _fits(row: list[str], header: list[str]) -> bool:
    """Whether a run of lines is a row: its name a name, its figure columns figures (or left
    empty, one at least a figure), no cell a sentence."""
    if any(SENTENCE_MARK.search(cell) or not cell for cell in row):
        return False
    figures = [cell for cell, heading in zip(row, header, strict=True) if _FIGURE_HEADING.search(heading)]
    names = [
        cell
        for cell, heading in zip(row, header, strict=True)
        if any(word in heading for word in _NAME_HEADINGS)
    ]
    return (
        all(not _is_figure(name) for name in names)
        and all(_is_figure(cell) or cell in _PLACEHOLDERS for cell in figures)
        and any(_is_figure(cell) for cell in figures)
    )
