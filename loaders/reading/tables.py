"""Tables as a page or a Word file holds them: a portal page's tables cell by cell, merged cells
repeated under each header they span; which of a page's tables hold data (not layout, not the
page's fields); and a table's row as a line of text, its cells between tabs."""

from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = [
    "CATEGORY_HEADINGS",
    "HEADER_CELL_LENGTH",
    "SENTENCE_MARK",
    "Table",
    "as_line",
    "caption_above",
    "grid",
    "html_tables",
    "is_grid",
    "items_of_a_numbered_list",
]


class Table(list[list[str]]):
    """A table's cells' text by row, and its caption: the short line standing just above it
    (各区“十四五”交通光伏任务分配表), which may say what its figures are and when they are due."""

    def __init__(self, rows: Iterable[list[str]] = (), caption: str = "") -> None:
        super().__init__(rows)
        self.caption = caption


#: Headings of a first column whose cells span the rows of their kind (基础设施 over its
#: indicators): the category is written once, in the first of its rows.
CATEGORY_HEADINGS = frozenset(
    {"类别", "分类", "领域", "类型", "方面", "维度", "板块", "项目类别", "指标类别"}
)

#: The longest line that can be a table's caption (附表3 各区“十四五”交通光伏任务分配表).
_CAPTION_LENGTH = 40
#: What makes a line a sentence of the text, not a caption or a table's cell heading.
SENTENCE_MARK = re.compile("[。；！？]")
#: The longest line that can be a table's header cell (任务名称, 牵头单位, 重点任务（2024-2026）).
HEADER_CELL_LENGTH = 12


def caption_above(lines: Iterable[str]) -> str:
    """The caption of a table from the lines above it, nearest first: the first that is not
    blank, if it is short and no sentence (a paragraph of the text is not a caption)."""
    for line in lines:
        line = line.strip()
        if line:
            return line if len(line) <= _CAPTION_LENGTH and not SENTENCE_MARK.search(line) else ""
    return ""


def as_line(row: list[str]) -> str:
    """A row as one line, as a table copied from a word processor comes out: cells between tabs,
    each cell's own line breaks and runs of spaces as one space."""
    return "\t".join(" ".join(cell.split()) for cell in row)


#: An outline number standing alone in a cell (一、, （一）, 1., 第一条).
_ITEM_MARK = re.compile(
    r"(?:[一二三四五六七八九十]+[、．.]|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}[.．、]|第[一二三四五六七八九十百]+条)"
)
#: The share of a table's rows that must be numbered items for it to be a list laid out as a table.
_NUMBERED_SHARE = 0.8


def items_of_a_numbered_list(rows: Table) -> list[str] | None:
    """A page that lays out a numbered list as a table (一、 | 加大住房公积金支持力度。……): each
    item's number and text as one line, as the text would set it; None for a table of data."""
    filled = [[cell.strip() for cell in row if cell.strip()] for row in rows]
    filled = [row for row in filled if row]
    items = [row for row in filled if len(row) == 2 and _ITEM_MARK.fullmatch(row[0])]
    if len(items) < 2 or len(items) < _NUMBERED_SHARE * len(filled):
        return None
    return [" ".join(row) if row not in items else "".join(row) for row in filled]


def html_tables(soup) -> list[Table]:  # type: ignore[no-untyped-def]
    """The page's tables of more than one row and column (a task division, an indicator table),
    their cells' text by row; their cells are in the text too, one a line."""
    tables: list[Table] = []
    for table in soup.find_all("table"):
        if table.find("table") is not None:
            continue  # a layout table holding others: its inner tables are taken instead
        rows = [row for row in grid(table) if any(row)]
        if len(rows) > 1 and max(len(row) for row in rows) > 1 and items_of_a_numbered_list(rows) is None:
            tables.append(Table(rows, _caption_of(table)))
    return tables


#: How many of the page's strings above a table are looked at for its caption.
_STRINGS_ABOVE = 5
#: Elements that set a line of their own: a caption's text is the whole of the one it stands in.
_BLOCKS = ("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "center")


def _caption_of(table) -> str:  # type: ignore[no-untyped-def]
    """A page's table's caption: its own <caption>, else the line just above it, whole though
    inline tags split it (<p><strong>2024年各区</strong>光伏任务分解表</p>)."""
    from bs4 import Comment

    if (own := table.find("caption")) is not None:
        return caption_above([own.get_text("", strip=True)])
    for string in table.find_all_previous(string=True, limit=_STRINGS_ABOVE):
        if isinstance(string, Comment) or not string.strip():
            continue
        block = string.find_parent(_BLOCKS)
        whole = block is not None and block.find("table") is None
        return caption_above([block.get_text("", strip=True) if whole else str(string)])
    return ""


#: The most rows or columns one cell may span: more is a page's mistake, not a table.
_MOST_SPANNED = 50


def grid(table) -> list[list[str]]:  # type: ignore[no-untyped-def]
    """A table's cells' text by row, a cell spanning rows or columns (rowspan, colspan) repeated
    in each, so that every row has its cells under their headers (环境质量 spanning the rows of
    its indicators)."""
    rows: list[list[str]] = []
    below: dict[int, tuple[str, int]] = {}  # column → text spanned down, and how many rows more

    for tr in table.find_all("tr"):
        row: list[str] = []
        for cell in tr.find_all(["td", "th"]):
            _fill_spanned_down(row, below)
            text = _cell_text(cell)
            down = _span(cell.get("rowspan"))
            for _ in range(_span(cell.get("colspan"))):
                if down > 1:
                    below[len(row)] = (text, down - 1)
                row.append(text)
        _fill_spanned_down(row, below)
        rows.append(row)
    return rows


#: Elements that break a cell's text into lines (市财政局<br>市发展改革委, <p>…</p><p>…</p>).
_LINE_BREAKING = ("br", "p", "div", "li")


def _cell_text(cell) -> str:  # type: ignore[no-untyped-def]
    """A cell's text, its lines apart by a space (市财政局 市发展改革委: two bodies, not one name)
    and the pieces of a line that inline tags split kept together."""
    from bs4 import NavigableString

    lines: list[list[str]] = [[]]
    for piece in cell.descendants:
        if getattr(piece, "name", None) in _LINE_BREAKING:
            lines.append([])
        elif type(piece) is NavigableString:  # text, not a comment or a declaration
            lines[-1].append(piece.strip())
    return " ".join(text for line in lines if (text := "".join(line)))


#: A cell opening with a field's label: 发文机关：, 索 引 号：, 成文日期:.
_FIELD_LABEL = re.compile(r"\s*[^：:，。]{1,10}[：:]")


def is_grid(table) -> bool:  # type: ignore[no-untyped-def]
    """A table of data under a row of headers, rather than of layout or of a page's fields: no
    table inside it, two rows and two columns or more, no cell holding more than one paragraph
    (a page laid out in a table holds its article's paragraphs in one cell) and no field's label
    (发文机关：) among its cells."""
    rows = table.find_all("tr")
    cells = table.find_all(["td", "th"])
    return (
        table.find("table") is None
        and len(rows) >= 2
        and max((len(row.find_all(["td", "th"])) for row in rows), default=0) >= 2
        and all(len(cell.find_all(["p", "div", "br"])) <= 1 for cell in cells)
        and not any(_FIELD_LABEL.match(cell.get_text()) for cell in cells)
    )


def _fill_spanned_down(row: list[str], below: dict[int, tuple[str, int]]) -> None:
    """Append to row the cells that rows above span down into its next columns."""
    while len(row) in below:
        text, more = below.pop(len(row))
        if more > 1:
            below[len(row)] = (text, more - 1)
        row.append(text)


def _span(value) -> int:  # type: ignore[no-untyped-def]
    """A rowspan or colspan as a count of one to `_MOST_SPANNED` (missing or unreadable: one)."""
    digits = re.match(r"\s*(\d{1,4})", str(value or ""))
    return min(max(int(digits.group(1)), 1), _MOST_SPANNED) if digits else 1
