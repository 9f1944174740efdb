"""A table that divides the work (序号 / 工作任务 / 具体措施 / 牵头单位 / 配合单位 / 完成时限) standing in
the text where the plan sets it, a row to a line and its cells between tabs — as a Word file's or a
portal page's table is read, and as one copied from a word processor comes out. A plan whose tasks
are only in such a table has them there: each row is an item of the outline, named by its task
cell, its text the cell that says what is done. The bodies of its lead and support columns are
the table's to give (`link_task_tables`), not words of the task's text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from loaders.profile import Profile, TaskTable
from loaders.reading.paragraphs import Paragraph
from loaders.structure.line_tables import cell_line_tables

__all__ = [
    "ITEM_NUMBER",
    "TableRow",
    "content_column",
    "division_columns",
    "division_header",
    "division_rows",
]

#: Words of a column saying what the task is done by (具体措施, 工作内容, 主要举措).
_CONTENT_WORDS = ("措施", "举措", "内容", "要求", "目标")
#: A task cell longer than this is a sentence of work: the item is named by its first clause.
_LONGEST_NAME = 40
#: The number a table's task cell may open with (1. / （三） / 9、), not part of the task's name.
ITEM_NUMBER = re.compile(r"^[（(]?[\d一二三四五六七八九十]+[)）.．、]?\s*")
_FIRST_CLAUSE = re.compile("[。；;]")


@dataclass(frozen=True, slots=True)
class TableRow:
    #: The index of the table's header line: which table the row is of.
    table: int
    label: str
    title: str
    #: The text the row gives the task (its content cell, or the rest of its task cell), and where
    #: it lies in the row's line.
    rest: str
    rest_offset: int
    rest_end: int
    #: A table laid out one cell to a line: its lines (all of them are the table's), and the
    #: content cell's line, the text the row gives its task.
    lines: tuple[int, ...] = ()
    text: tuple[Paragraph, ...] = ()


#: A heading's ending that makes its column the kinds of the rows (任务类别, 工作分类), not the rows.
_KINDS = ("类别", "分类", "类型")


def division_columns(header: list[str], rules: TaskTable) -> dict[str, int | None]:
    """Which column of a division table holds the task, the lead and the supporting bodies. A
    table without a 配合 column but with a 责任单位 one beside its 牵头 one (序号 / 任务 / 牵头单位 /
    责任单位) gives the work to the latter's bodies in support."""
    columns = {
        role: next((i for i, cell in enumerate(header) if any(w in cell for w in words)), None)
        for role, words in (("lead", rules.lead), ("support", rules.support))
    }
    # 任务类别 | 具体任务: a column of the tasks' kinds, spanning their rows, names none of them.
    tasks = [i for i, cell in enumerate(header) if any(w in cell for w in rules.task)]
    columns["task"] = next((i for i in tasks if not header[i].endswith(_KINDS)), tasks[0] if tasks else None)
    lead = columns["lead"]
    if columns["support"] is None and lead is not None and "牵头" in header[lead]:
        columns["support"] = next(
            (i for i, cell in enumerate(header) if i != lead and any(w in cell for w in rules.lead)), None
        )
    return columns


def division_header(table: list[list[str]], rules: TaskTable) -> tuple[list[str], list[list[str]]]:
    """A division table's header and its rows. A header of two rows — 责任单位 spanning 牵头单位 and
    配合单位 below it, the other cells spanning both — reads as one: each cell the one above it,
    with the one below where that differs (责任单位牵头单位, 责任单位配合单位)."""
    if len(table) < 3:
        return table[0], table[1:]
    above, below = table[0], table[1]
    roles = tuple(rules.lead + rules.support)
    differs = [b for a, b in zip(above, below, strict=False) if b != a]
    if len(below) != len(above) or not differs or not all(any(w in b for w in roles) for b in differs):
        return above, table[1:]
    return [a if b == a else a + b for a, b in zip(above, below, strict=True)], table[2:]


def content_column(header: list[str], task: int) -> int | None:
    """The column saying what the task is done by (具体措施, 任务内容), other than the task's own."""
    return next(
        (i for i, cell in enumerate(header) if i != task and any(w in cell for w in _CONTENT_WORDS)), None
    )


def division_rows(paragraphs: list[Paragraph], profile: Profile) -> dict[int, TableRow]:
    """The rows of every division table in the text, by the index of the paragraph that names
    their task: the lines of tab-separated cells after a header line naming a task column and a
    lead column, and the rows of such a table laid out one cell to a line."""
    return _tab_rows(paragraphs, profile.departments.task_table) | _cell_line_rows(paragraphs, profile)


def _cell_line_rows(paragraphs: list[Paragraph], profile: Profile) -> dict[int, TableRow]:
    """序号 / 任务名称 / 任务内容 / 牵头部门 / … / 1 / 加强组织领导 / 召开…… / 区政府办公室 / …: each row
    named by its task cell's line, its text the content cell's line."""
    rows: dict[int, TableRow] = {}
    for table in cell_line_tables(paragraphs, profile):
        header = table.rows[0]
        columns = division_columns(header, profile.departments.task_table)
        task = columns["task"]
        if task is None or columns["lead"] is None:
            continue
        content = content_column(header, task)
        lines = tuple(p.index for p in paragraphs[table.start : table.end])
        texts = ["".join(p.text.strip() for p in cell) for cell in table.cells]
        at = len(header)
        for row in table.rows[1:]:
            named = next((i for i in range(at, len(texts)) if texts[i] == row[task]), None)
            if named is None or not ITEM_NUMBER.sub("", row[task]).strip():
                continue
            at = named + 1
            text = next(
                (i for i in range(at, len(texts)) if content is not None and texts[i] == row[content]), None
            )
            first = table.cells[named][0]
            rows[first.index] = TableRow(
                table=paragraphs[table.start].index,
                label=row[0],
                title=ITEM_NUMBER.sub("", row[task]).strip().rstrip("。"),
                rest="",
                rest_offset=len(first.text),
                rest_end=len(first.text),
                lines=lines,
                text=table.cells[text] if text is not None else (),
            )
    return rows


def _tab_rows(paragraphs: list[Paragraph], rules: TaskTable) -> dict[int, TableRow]:
    rows: dict[int, TableRow] = {}
    header: list[str] | None = None
    header_at = 0
    for paragraph in paragraphs:
        cells = paragraph.text.split("\t")
        if len(cells) < 2:
            header = None
            continue
        columns = division_columns(header, rules) if header else None
        if (
            not columns
            or columns["task"] is None
            or columns["lead"] is None
            or len(cells) > len(header or [])
        ):
            header, header_at = cells, paragraph.index  # a header line, or another table's first
            continue
        cells += [""] * (len(header or []) - len(cells))  # empty cells at the end, lost with the line's
        row = _row(paragraph.text, cells, header or [], columns["task"], header_at, len(rows) + 1)
        if row is not None:
            rows[paragraph.index] = row
    return rows


def _row(
    line: str, cells: list[str], header: list[str], task: int, table: int, count: int
) -> TableRow | None:
    starts = [0]
    for cell in cells[:-1]:
        starts.append(starts[-1] + len(cell) + 1)
    name = cells[task].strip()
    if not ITEM_NUMBER.sub("", name):
        return None
    number = next((c.strip() for c in cells if c.strip().isdigit()), None)
    content = content_column(header, task)
    title, title_end = name, starts[task] + len(cells[task])
    if len(name) > _LONGEST_NAME and (clause := _FIRST_CLAUSE.search(name)):
        title, title_end = name[: clause.start()], starts[task] + cells[task].find(name) + clause.end()
    title = ITEM_NUMBER.sub("", title).strip().rstrip("。")
    if content is not None and cells[content].strip():
        rest_offset, rest_end = starts[content], starts[content] + len(cells[content])
    else:
        rest_offset, rest_end = title_end, starts[task] + len(cells[task])
    return TableRow(
        table=table,
        label=number or str(count),
        title=title,
        rest=line[rest_offset:rest_end].strip(),
        rest_offset=rest_offset,
        rest_end=rest_end,
    )
