"""Indicator tables (主要指标: 指标 | 2020年 | 2025年 | 属性): each row a target the plan sets,
an INDICATOR that MEASURES the plan's goal (or the plan), due in the year its column names.

A row is read as its text would be: the value and the comparator from the cell (≥85, 90以上,
〔150〕 for a cumulative figure), the unit from the row's unit column or the bracket that ends
the indicator's name (城镇化率（%）). A row whose target cell holds no number (持续提高) gives no
target, and a target the text already states is not stated twice."""

from __future__ import annotations

import re

from graph.model import Comparator, Entity, EntityKind, IndicatorFields
from loaders.entities.indicators import MAGNITUDES
from loaders.entities.metrics import metric_before, strip_change
from loaders.entities.plan_writer import PlanWriter
from loaders.entities.targets import add_indicator
from loaders.numerals import five_year_plan_end
from loaders.profile import Profile
from loaders.reading.tables import Table
from loaders.structure.header import PlanHeader

__all__ = ["link_indicator_tables"]

_YEAR = re.compile(r"(20\d{2})")
_VALUE = re.compile(
    r"^\s*(?P<before>[≥>≤<＞＜≧≦约]?|不低于|不少于|不超过|超过)\s*[〔\[（(]?\s*(?P<number>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"(?:\s*[-—–~～至]\s*(?P<upper>\d+(?:\.\d+)?))?\s*[〕\]）)]?\s*(?P<unit>[^\d\s以左]{0,6}?)\s*(?P<after>以上|以下|左右|以内)?\s*$"
)
#: A column of the present figures, whatever year it names: 2020年（基期）, 现状值.
_BASELINE = ("现状", "基期", "基准")
_UNIT_IN_NAME = re.compile(r"[（(](?P<unit>[^（）()]{1,8})[）)]$")
_COMPARATORS = {
    "≥": Comparator.AT_LEAST, ">": Comparator.AT_LEAST, "不低于": Comparator.AT_LEAST, "不少于": Comparator.AT_LEAST,
    "超过": Comparator.AT_LEAST, "以上": Comparator.AT_LEAST, "≤": Comparator.AT_MOST, "<": Comparator.AT_MOST,
    "＞": Comparator.AT_LEAST, "≧": Comparator.AT_LEAST, "＜": Comparator.AT_MOST, "≦": Comparator.AT_MOST,
    "不超过": Comparator.AT_MOST, "以下": Comparator.AT_MOST, "以内": Comparator.AT_MOST,
    "约": Comparator.ABOUT, "左右": Comparator.ABOUT,
}  # fmt: skip


def link_indicator_tables(writer: PlanWriter, tables: list[Table], header: PlanHeader) -> None:
    holder = _holder(writer)
    stated = {
        (e.attrs.get("metric"), e.attrs.get("value"))
        for e in writer.document.entities.values()
        if e.kind is EntityKind.INDICATOR
    }
    for table in tables:
        head, body = _head(table)
        due = _caption_year(table.caption, header, writer.profile) or header.target_year
        columns = _columns(head, due, header, writer.profile)
        if columns is None:
            _read_allocation(writer, holder, stated, (head, body), due)
            continue
        name_column, unit_column, year_columns = columns
        for row in body:
            if name_column >= len(row):
                continue
            name = re.sub(r"^\d+[.．、]\s*", "", row[name_column]).strip()
            metric, named_unit = _named(name, writer.profile)
            for column, year in year_columns:
                unit = row[unit_column] if unit_column is not None and unit_column < len(row) else ""
                if name and column < len(row):
                    _add_cell(writer, holder, stated, (metric, row[column], unit or named_unit, year), row)


def _unit_in_name(name: str) -> tuple[str, str]:
    """A name without the unit its closing bracket gives, and that unit: 城镇化率（%） → 城镇化率, %;
    新增装机容量（MW） → 新增装机容量, MW."""
    in_name = _UNIT_IN_NAME.search(name)
    if in_name is None:
        return name, ""
    # （5A级比率%）: a percentage whose bracket also says of what.
    unit = "%" if in_name.group("unit").endswith(("%", "％")) else in_name.group("unit")
    return name[: in_name.start()].rstrip(), unit


def _named(name: str, profile: Profile) -> tuple[str, str]:
    """An indicator's name as a metric, and the unit its bracket gives: 城镇化率（%） → 城镇化率, %."""
    metric, unit = _unit_in_name(name)
    # 建成零碳转型建筑, 新增标志性绿色企业数量: named as a target in the text is.
    metric = metric_before(metric, profile.indicators) or metric
    # 集装箱多式联运年均增长率, ……较2020年下降率: the thing that changes, as in the text.
    return strip_change(metric, profile.indicators), unit


def _add_cell(
    writer: PlanWriter,
    holder: Entity,
    stated: set[tuple[str | None, float | None]],
    target: tuple[str, str, str, int | None],
    row: list[str],
) -> None:
    """The target a cell states (≥85, 90以上, 0.3-0.4), for its metric, unit and year, if it holds
    a number and the text has not stated it already."""
    metric, cell, unit, year = target
    value = _VALUE.match(cell)
    if value is None or not metric:
        return
    unit = value.group("unit") or unit
    number = float(value.group("number").replace(",", ""))  # 1,200
    if magnitude := next((m for m in MAGNITUDES if unit.startswith(m) and len(unit) > len(m)), None):
        number, unit = number * MAGNITUDES[magnitude], unit[len(magnitude) :]  # 3 万个 → 30000 个
    if (metric, number) in stated:
        return
    stated.add((metric, number))
    comparator = _COMPARATORS.get(value.group("before") or value.group("after") or "", Comparator.EQUAL)
    if value.group("upper") and comparator is Comparator.EQUAL:
        comparator = Comparator.AT_LEAST  # 0.3-0.4: at least the lower end
    fields = IndicatorFields(
        metric=metric,
        comparator=comparator.value,
        value=number,
        unit="%" if unit == "％" else unit or None,
        deadline=year,
        written=cell.strip(),
    )
    add_indicator(writer, holder, fields, " | ".join(row), None)


#: Headings of a column of targets that need name no year.
_TARGET_HEADINGS = ("目标", "规划值", "预期值", "计划值")
#: The heading of an indicator table's column of names.
_NAME_HEADINGS = ("指标", "名称")
#: A header's cell naming a year: 2025年, 2025年目标.
_YEAR_CELL = re.compile(r"^\s*(?:19|20)\d{2}\s*年")


def _head(table: Table) -> tuple[list[str], list[list[str]]]:
    """The table's header and its rows below. A second row under cells spanning its columns
    (目标值 over 2023年 / 2024年 / 2025年; 序号 and 指标 spanning both rows) belongs to the
    header: it repeats the cells above (or leaves them empty, as text tables do) or names years,
    and holds no figure."""
    if len(table) < 3:
        return table[0], table[1:]
    width = max(len(table[0]), len(table[1]))
    above, below = (row + [""] * (width - len(row)) for row in table[:2])
    continues = below != above and all(
        cell in ("", over) or _YEAR_CELL.match(cell) or not _VALUE.match(cell)
        for cell, over in zip(below, above, strict=True)
    )
    if not continues:
        return table[0], table[1:]
    return [
        over if cell in ("", over) else over + cell for cell, over in zip(below, above, strict=True)
    ], table[2:]


def _caption_year(caption: str, header: PlanHeader, profile: Profile) -> int | None:
    """The year a table's caption says its figures are due: 2019年各市……任务分解表 → 2019,
    各区“十四五”……任务分配表 → 2025, ……（2024-2026年） → 2026; none for a year before the plan
    was issued (2020年主要指标完成情况 reviews the past)."""
    years = [int(y) for y in _YEAR.findall(caption)]
    year = max(years) if years else _five_year_end(caption, profile)
    issued = header.issue_year
    return year if year is not None and (issued is None or year >= issued) else None


def _columns(
    head: list[str], due: int | None, header: PlanHeader, profile: Profile
) -> tuple[int, int | None, list[tuple[int, int]]] | None:
    """The indicator's column, the unit's, and the target columns with their years: the columns
    naming a year the plan looks to (its period's end, or any after the year of issue); a target
    column naming none is `due` when its caption or the plan says."""
    name = next((i for i, cell in enumerate(head) if any(w in cell for w in _NAME_HEADINGS)), None)
    if name is None:
        return None
    unit = next((i for i, cell in enumerate(head) if "单位" in cell), None)
    years = [(i, int(m.group(1))) for i, cell in enumerate(head) if (m := _YEAR.search(cell)) and i != name]
    # 目标值, 规划值, 预期值, “十五五”目标: a target column naming no year, due when its five-year
    # plan, its caption or the plan says.
    unnamed = [
        (i, year)
        for i, cell in enumerate(head)
        if i != name
        and i not in dict(years)
        and any(word in cell for word in _TARGET_HEADINGS)
        and (year := _five_year_end(cell, profile) or due) is not None
    ]
    if not years:
        return (name, unit, unnamed) if unnamed else None
    base = min(year for _, year in years)
    # The first year is the baseline (现状), unless the plan's period holds it (2020年 of a
    # 2020-2022 plan is a year's target like the others).
    first_due = (
        header.period_start if header.period_start is not None and header.period_start <= base else base + 1
    )
    targets = [
        (i, year)
        for i, year in years
        if (year >= first_due or any(w in head[i] for w in _TARGET_HEADINGS))
        and not any(w in head[i] for w in _BASELINE)
    ] + unnamed
    return (name, unit, targets) if targets else None


def _five_year_end(cell: str, profile: Profile) -> int | None:
    """“十五五”目标 → 2030: the year the five-year plan a column names ends."""
    match = re.search(profile.goals.five_year_plan, cell)
    return five_year_plan_end(match.group("n")) if match else None


#: Columns of a table that hold numbers but no target: the row's number, dates, codes, notes.
_NOT_TARGETS = (
    "序号",
    "编号",
    "代码",
    "编码",
    "时限",
    "时间",
    "年份",
    "年度",
    "电话",
    "备注",
    "说明",
    "现状",
    "基期",
)
#: A row summing the others (合计, 总计).
_TOTALS = ("合计", "总计", "小计", "汇总")
#: The share of a column's cells that must hold a number (or of the name column's that must not).
_MOST = 0.8


def _read_allocation(
    writer: PlanWriter,
    holder: Entity,
    stated: set[tuple[str | None, float | None]],
    table: tuple[list[str], list[list[str]]],
    due: int | None,
) -> None:
    """A table that shares the plan's targets out (任务分配表: 区域 | 新增装机容量（MW） | 新增示范工程;
    黄浦区 | 0.3-0.4 | 1): each row a place, sector or unit, each column of numbers a target of the
    row's, named by the row and the column (黄浦区新增装机容量), due in the year the column names,
    else when the caption or the plan says (`due`). The row's name is its first column of words; 合计 names the column's
    total (交通子行业十四五装机计划（合计）)."""
    head, body = table
    if len(body) < 2 or any(w in cell for cell in head for w in _NAME_HEADINGS):
        return  # an indicator table whose years are past (a review of the last plan's)
    columns = list(range(len(head)))
    name = next(
        (i for i in columns if _share(body, i, _words) >= _MOST and head[i] not in _NOT_TARGETS), None
    )
    if name is None:
        return
    numbers = [
        i for i in columns[name + 1 :]
        if _share(body, i, _VALUE.match) >= _MOST and not any(w in head[i] for w in _NOT_TARGETS)
    ]  # fmt: skip
    for i in numbers:
        column, unit = _unit_in_name(head[i])
        # 2025年目标, 十四五装机计划: the year the column names, else the caption's or the plan's end.
        found = _YEAR.search(column)
        year = int(found.group(1)) if found else _five_year_end(column, writer.profile) or due
        for row in body:
            if i < len(row) and (place := row[name].strip()):
                metric = f"{head[name]}{column}（{place}）" if place in _TOTALS else place + column
                _add_cell(writer, holder, stated, (metric, row[i], unit, year), row)


def _words(cell: str) -> bool:
    """A cell naming a thing: words, not a number."""
    return bool(cell.strip()) and _VALUE.match(cell) is None and len(cell) <= 20


def _share(body: list[list[str]], column: int, test) -> float:  # type: ignore[no-untyped-def]
    """The share of the rows whose cell in `column` passes `test` (a row without one fails)."""
    return sum(1 for row in body if column < len(row) and test(row[column])) / len(body)


def _holder(writer: PlanWriter) -> Entity:
    """The plan's overall goal, where it has one, else the plan."""
    goals = [e for e in writer.document.entities.values() if e.kind is EntityKind.GOAL]
    return goals[0] if goals else writer.document.entities[writer.plan_id]
