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
from loaders.structure.header import PlanHeader

__all__ = ["link_indicator_tables"]

Table = list[list[str]]

_YEAR = re.compile(r"(20\d{2})")
_VALUE = re.compile(
    r"^\s*(?P<before>[≥>≤<＞＜≧≦约]?|不低于|不少于|不超过|超过)\s*[〔\[（(]?\s*(?P<number>\d+(?:\.\d+)?)\s*[〕\]）)]?\s*(?P<unit>[^\d\s以左]{0,6}?)\s*(?P<after>以上|以下|左右|以内)?\s*$"
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
        columns = _columns(head, header, writer.profile)
        if columns is None:
            continue
        name_column, unit_column, year_columns = columns
        for row in body:
            if name_column >= len(row):
                continue
            name = re.sub(r"^\d+[.．、]\s*", "", row[name_column]).strip()
            for column, year in year_columns:
                value = _VALUE.match(row[column]) if column < len(row) else None
                if not name or value is None:
                    continue
                unit = value.group("unit") or (
                    row[unit_column] if unit_column is not None and unit_column < len(row) else ""
                )
                metric = name
                if in_name := _UNIT_IN_NAME.search(name):
                    # （5A级比率%）: a percentage whose bracket also says of what.
                    named = "%" if in_name.group("unit").endswith(("%", "％")) else in_name.group("unit")
                    metric, unit = name[: in_name.start()], unit or named
                # 建成零碳转型建筑, 新增标志性绿色企业数量: named as a target in the text is.
                metric = metric_before(metric, writer.profile.indicators) or metric
                # 集装箱多式联运年均增长率, ……较2020年下降率: the thing that changes, as in the text.
                metric = strip_change(metric, writer.profile.indicators)
                number = float(value.group("number"))
                if magnitude := next(
                    (m for m in MAGNITUDES if unit.startswith(m) and len(unit) > len(m)), None
                ):
                    number, unit = number * MAGNITUDES[magnitude], unit[len(magnitude) :]  # 3 万个 → 30000 个
                if (metric, number) in stated:
                    continue
                stated.add((metric, number))
                comparator = _COMPARATORS.get(
                    value.group("before") or value.group("after") or "", Comparator.EQUAL
                )
                fields = IndicatorFields(
                    metric=metric,
                    comparator=comparator.value,
                    value=number,
                    unit="%" if unit == "％" else unit,
                    deadline=year,
                    written=row[column].strip(),
                )
                add_indicator(writer, holder, fields, " | ".join(row), None)


#: A header's cell naming a year: 2025年, 2025年目标.
_YEAR_CELL = re.compile(r"^\s*(?:19|20)\d{2}\s*年")


def _head(table: Table) -> tuple[list[str], Table]:
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


def _columns(
    head: list[str], header: PlanHeader, profile: Profile
) -> tuple[int, int | None, list[tuple[int, int]]] | None:
    """The indicator's column, the unit's, and the target columns with their years: the columns
    naming a year the plan looks to (its period's end, or any after the year of issue)."""
    name = next((i for i, cell in enumerate(head) if "指标" in cell or "名称" in cell), None)
    if name is None:
        return None
    unit = next((i for i, cell in enumerate(head) if "单位" in cell), None)
    years = [(i, int(m.group(1))) for i, cell in enumerate(head) if (m := _YEAR.search(cell)) and i != name]
    if not years:
        # 目标值, “十五五”目标: the target column, due when its five-year plan or the plan ends.
        due = [
            (i, _five_year_end(cell, profile) or header.target_year)
            for i, cell in enumerate(head)
            if "目标" in cell
        ]
        targets = [(i, year) for i, year in due if year is not None and i != name]
        return (name, unit, targets) if targets else None
    base = min(year for _, year in years)
    # The first year is the baseline (现状), unless the plan's period holds it (2020年 of a
    # 2020-2022 plan is a year's target like the others).
    first_due = (
        header.period_start if header.period_start is not None and header.period_start <= base else base + 1
    )
    targets = [
        (i, year)
        for i, year in years
        if (year >= first_due or "目标" in head[i]) and not any(w in head[i] for w in _BASELINE)
    ]
    return (name, unit, targets) if targets else None


def _five_year_end(cell: str, profile: Profile) -> int | None:
    """“十五五”目标 → 2030: the year the five-year plan a column names ends."""
    match = re.search(profile.goals.five_year_plan, cell)
    return five_year_plan_end(match.group("n")) if match else None


def _holder(writer: PlanWriter) -> Entity:
    """The plan's overall goal, where it has one, else the plan."""
    goals = [e for e in writer.document.entities.values() if e.kind is EntityKind.GOAL]
    return goals[0] if goals else writer.document.entities[writer.plan_id]
