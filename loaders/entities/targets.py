"""Targets wherever a plan commits to a number: each becomes an INDICATOR that MEASURES the
entity whose text states it — a goal, and equally a task, project, measure or domain.

A target's deadline is the first of: the year its sentence gives (到2025年), a span its
sentence counts from the year of issue (3年内), the deadline of the goal or heading it sits
under, and the end of the plan's period."""

from __future__ import annotations

import re

from graph.model import Entity, EntityKind, IndicatorFields, RelationType, SourceSpan, attrs_of
from loaders.entities.indicators import Target, deadline_before, extract_targets, target_like_clauses
from loaders.entities.plan_writer import PlanWriter, Segment
from loaders.numerals import chinese_number
from loaders.report import Unplaced
from loaders.structure.header import PlanHeader

__all__ = ["WORK_KINDS", "add_indicator", "link_targets", "read_row_targets", "read_targets"]

#: The entities besides goals whose text can commit to a number.
WORK_KINDS = frozenset({EntityKind.TASK, EntityKind.PROJECT, EntityKind.MEASURE, EntityKind.DOMAIN})
_SENTENCE_END = re.compile("[。；！？]")


def read_targets(
    writer: PlanWriter,
    holder: Entity,
    segments: list[Segment],
    header: PlanHeader,
    default_deadline: int | None,
) -> None:
    """The targets in the holder's text, each an INDICATOR that MEASURES the holder. A paragraph
    with no year of its own goes on under the year a paragraph before it opened with (2023年，……。
    then 制造业产品质量合格率稳定在92%以上。 on the next line); a year met inside a paragraph
    (……，2024年底前完成) is that sentence's, not the next paragraph's."""
    carried = default_deadline
    for segment in segments:
        targets = extract_targets(segment.text, writer.profile)
        for target in targets:
            deadline = target.year or _sentence_deadline(segment.text, target, writer, header) or carried
            add_indicator(
                writer,
                holder,
                _fields(target, deadline),
                target.clause,
                writer.span_in(segment, target.start, target.end),
            )
        _report_unread(writer, segment, targets)
        if _opens_with_a_year(segment.text, writer) or not segment.text.rstrip().endswith(_PARAGRAPH_ENDS):
            # A paragraph a page broke off mid-sentence (……2027年 / 一体机115套) goes on in the next.
            carried = deadline_before(segment.text, len(segment.text), writer.profile) or carried


def _opens_with_a_year(text: str, writer: PlanWriter) -> bool:
    """到2027年，…… / 2023年，……: a paragraph that opens with the year its goals are due."""
    opening = text[:_YEAR_OPENING]
    return deadline_before(opening, len(opening), writer.profile) is not None


#: The marks a whole paragraph ends with.
_PARAGRAPH_ENDS = ("。", "；", "！", "？", "：", "）", "”")
#: How far into a paragraph its opening year may stand (力争到2025年，, （一）到2027年，).
_YEAR_OPENING = 12


def read_row_targets(writer: PlanWriter, holder: Entity, text: str, header: PlanHeader) -> None:
    """The targets a table's row states for the task it names (公园绿地建设项目面积达50公顷 in the
    重点内容 cell of the row 海绵型公园), those its text does not state already; the row holds
    no place in the text of its own, so they point at the task's."""
    stated = {
        (attrs.get("value"), attrs.get("unit"))
        for indicator in writer.document.entities_of(EntityKind.INDICATOR)
        if indicator.parent == holder.id and (attrs := indicator.attrs)
    }
    for target in extract_targets(text, writer.profile):
        if (target.value, target.unit or None) in stated:
            continue
        deadline = (
            target.year
            or _sentence_deadline(text, target, writer, header)
            or _heading_deadline(writer, holder, header)
        )
        add_indicator(writer, holder, _fields(target, deadline), target.clause, holder.source)


def _fields(target: Target, deadline: int | None) -> IndicatorFields:
    return IndicatorFields(
        metric=target.metric,
        comparator=target.comparator.value,
        value=target.value,
        unit=target.unit or None,
        deadline=deadline,
        written=target.written,
        level=target.level,
    )


def add_indicator(
    writer: PlanWriter, holder: Entity, fields: IndicatorFields, text: str, source: SourceSpan | None
) -> Entity:
    """An INDICATOR with these fields that MEASURES the holder (a goal, a task … or the plan)."""
    indicator = Entity(
        id=writer.next_indicator_id(),
        kind=EntityKind.INDICATOR,
        name=fields.metric,
        plan=writer.plan_id,
        text=text,
        parent=holder.id,
        source=source,
        attrs=attrs_of(fields),
    )
    writer.document.add_entity(indicator)
    writer.relate(RelationType.MEASURES, indicator, holder, source or holder.source)  # type: ignore[arg-type]
    return indicator


def link_targets(writer: PlanWriter, header: PlanHeader) -> None:
    """Targets stated in tasks, projects, measures and domains, in their text and in their
    heading; a holder's default deadline is the one its own heading or its parent's gives, else
    the end of the plan's period."""
    by_holder: dict[str, list[Segment]] = {}
    for entity_id, heading in writer.headings.items():
        if writer.document.entities[entity_id].kind in WORK_KINDS and re.search(r"\d", heading.text):
            by_holder[entity_id] = [heading]  # （一）新建绿地35万平方米: a target in the heading
    for entity, segment in writer.texts(set(WORK_KINDS)):
        by_holder.setdefault(entity.id, []).append(segment)
    for entity_id, segments in by_holder.items():
        holder = writer.document.entities[entity_id]
        read_targets(writer, holder, segments, header, _heading_deadline(writer, holder, header))


def _sentence_deadline(text: str, target: Target, writer: PlanWriter, header: PlanHeader) -> int | None:
    """The deadline the target's own sentence gives: a year (到2025年), else a span counted
    from the year of issue (3年内)."""
    sentence_start = max((m.end() for m in _SENTENCE_END.finditer(text, 0, target.start)), default=0)
    # Up to the number: 2025年要建设区域中心15家 opens the target's own clause with its year.
    number_at = max(target.start, target.end - len(target.written))
    issued = header.issue_year
    span = re.search(writer.profile.goals.relative_span, text[sentence_start : target.end])
    # ……，2025年……达4.5个，三年内……达到60%: a span nearer the number than any year governs it.
    span_nearer = (
        span is not None
        and deadline_before(
            text[sentence_start + span.end() : number_at],
            number_at - sentence_start - span.end(),
            writer.profile,
        )
        is None
    )
    written = deadline_before(text, number_at, writer.profile)
    if written is not None and not (span_nearer and issued is not None):
        return written
    if span and issued is not None:
        if span.group("this") or span.group("next"):
            return issued + (1 if span.group("next") else 0)  # 年内, 今年; 明年
        years = span.group("n")
        span_years = int(years) if years.isdigit() else chinese_number(years)
        return issued + int(span_years) if span_years else None
    return None


def _heading_deadline(writer: PlanWriter, holder: Entity, header: PlanHeader) -> int | None:
    entity: Entity | None = holder
    while entity is not None and entity.kind is not EntityKind.PLAN:
        written = deadline_before(entity.name, len(entity.name), writer.profile)
        if written is not None:
            return written
        entity = writer.document.entities.get(entity.parent) if entity.parent else None
    return header.target_year


def _report_unread(writer: PlanWriter, segment: Segment, targets: list[Target]) -> None:
    """A clause that looks like a target but gave none is reported, never dropped silently."""
    read = [(t.start, t.end) for t in targets]
    for start, end in target_like_clauses(segment.text):
        if not any(t_start < end and start < t_end for t_start, t_end in read):
            writer.report.unread_targets.append(Unplaced(segment.paragraph.line, segment.text[start:end]))
