"""Tables in a PDF's text layer. Laid out, a table's cells stand in columns, each wrapped over
lines of its own, a row running from the line its number opens to the next number:

    序  重点任务       具体措施                  牵头单位    配合单位
    号
    1  完善养老服务网    建设社区养老服务中心，每个街道至      市民政局    市发展改革委、市
       络          少建成1个综合性养老服务中心。               财政局、市自然资

The columns are where the header's cells start (cells two spaces or more apart); each row's
lines are cut at them and a cell's pieces joined, so that the table stands in the text as a Word
file's does — a row to a line, its cells between tabs — for the readers of tables to read.
Lines that do not keep to the columns end the table; a table without numbered rows is left as
it is, since its rows cannot be told from a cell's wrapped lines."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

__all__ = ["tables_as_tab_rows"]

#: A run of text in a laid-out line: characters with single spaces between them at most.
_CHUNK = re.compile(r"\S(?:\S| (?! ))*")
#: A header cell: short, no sentence in it.
_HEADER_CELL = re.compile(r"^[^。；，,;]{1,12}$")
#: How far left of its column a piece may start, set a character off.
_SLACK = 1
#: A row's number opening a piece, one space from the cell after it.
_ROW_NUMBER = re.compile(r"\d{1,3} ")


@dataclass
class _Table:
    columns: list[int]
    header: list[str]
    rows: list[list[str]] = field(default_factory=list)

    def cells(self, line: str) -> list[tuple[int, str]] | None:
        """Each piece of the line with the column it stands in, or None if a piece keeps to none."""
        placed: list[tuple[int, str]] = []
        for start, text in _pieces(line):
            # The column the piece starts in (a cell's text may be centred in it).
            column = max((i for i, at in enumerate(self.columns) if at <= start + _SLACK), default=0)
            if placed and column <= placed[-1][0]:
                return None
            placed.append((column, text))
        return placed

    def recolumned(self, line: str) -> list[tuple[int, str]] | None:
        """A row on a page set at another margin: its own pieces, one to a column, give the
        columns from there on."""
        pieces = _pieces(line)
        if len(pieces) != len(self.columns):
            return None
        self.columns = [at for at, _ in pieces]
        return [(column, text) for column, (_, text) in enumerate(pieces)]

    def lines(self) -> list[str]:
        return ["\t".join(self.header)] + ["\t".join(row) for row in self.rows]


def tables_as_tab_rows(lines: list[str]) -> list[str]:
    """The lines, with each numbered table laid out in columns written a row to a line."""
    out: list[str] = []
    index = 0
    while index < len(lines):
        table, end = _table_at(lines, index)
        if table is None:
            out.append(lines[index])
            index += 1
            continue
        out += table.lines()
        index = end
    return out


def _table_at(lines: list[str], start: int) -> tuple[_Table | None, int]:
    """The table whose header is the line at start, and the index past its last row."""
    chunks = list(_CHUNK.finditer(lines[start]))
    if len(chunks) < 3 or not all(_HEADER_CELL.match(c.group()) for c in chunks):
        return None, start
    table = _Table([c.start() for c in chunks], [c.group() for c in chunks])
    index = start + 1
    # The header's cells wrapped (序 / 号): lines of short pieces before the first row.
    while index < len(lines) and not _opens_row(lines[index], 1):
        placed = table.cells(lines[index])
        if placed is None or not all(_HEADER_CELL.match(text) for _, text in placed):
            return None, start
        for column, text in placed:
            table.header[column] += text
        index += 1
    number = 1
    while index < len(lines):
        line = lines[index]
        if _opens_row(line, number):
            placed = table.cells(line) or table.recolumned(line)
            if placed is None:
                break
            table.rows.append([""] * len(table.columns))
            number += 1
        else:
            # A row's cells wrapped onto the line: nothing in the number's column.
            placed = table.cells(line) if table.rows else None
            if not placed or placed[0][0] == 0:
                break
        for column, text in placed:
            table.rows[-1][column] += text
        index += 1
    if not table.rows:
        return None, start
    return table, index


def _pieces(line: str) -> list[tuple[int, str]]:
    """The runs of text in the line and where they start; a row's number set one space from its
    first cell (10 推进……, as a wider number leaves it) is a piece of its own."""
    pieces = []
    for chunk in _CHUNK.finditer(line):
        number = _ROW_NUMBER.match(chunk.group())
        if number and number.end() < len(chunk.group()) and not pieces:
            pieces.append((chunk.start(), number.group().strip()))
            pieces.append((chunk.start() + number.end(), chunk.group()[number.end() :]))
        else:
            pieces.append((chunk.start(), chunk.group()))
    return pieces


def _opens_row(line: str, number: int) -> bool:
    pieces = _pieces(line)
    return bool(pieces) and pieces[0][1] == str(number)
