"""Passes over the text of what was built: the standards a part calls for (FORMULATES), the
documents it cites (REFERENCES, DERIVES_FROM), and the bodies it gives work to
(RESPONSIBLE_FOR) — in its sentences and brackets, in a Word file's 任务分工 table, and in a
division-of-labour attachment (a list of the tasks again, each closed by its bracket:
`3. 将某某服务纳入经济社会发展相关规划。（省发展改革委牵头）`, joined to the task it names by its
title, else by its number)."""

from __future__ import annotations

import re

from graph.model import DocumentFields, Entity, EntityKind, RelationType, Role, SourceSpan, attrs_of
from loaders.entities.chapters import CHAPTER_ENTITY
from loaders.entities.department_resolver import DepartmentResolver
from loaders.entities.departments import ASSIGNING_BRACKET, BodyMention, DepartmentFinder
from loaders.entities.plan_writer import PlanWriter, Segment, number_in_label
from loaders.entities.standards import extract_standards
from loaders.entities.targets import read_row_targets
from loaders.lexical import opens_with_verb
from loaders.reading.tables import Table
from loaders.report import Unplaced
from loaders.structure.attachments import Attachment
from loaders.structure.division_rows import ITEM_NUMBER, content_column, division_columns, division_header
from loaders.structure.documents import Citation, document_key, extract_citations, normalise_title
from loaders.structure.header import PlanHeader

__all__ = ["link_attachment_lists", "link_bodies", "link_citations", "link_standards", "link_task_tables"]


def link_standards(writer: PlanWriter) -> None:
    for entity, segment in writer.texts({EntityKind.DOMAIN, EntityKind.TASK, EntityKind.PROJECT}):
        for mention in extract_standards(segment.text, writer.profile):
            span = writer.span_in(segment, mention.start, mention.end)
            standard = Entity(
                id=f"{writer.plan_id}/standard/{mention.name}",
                kind=EntityKind.STANDARD,
                name=mention.name,
                plan=writer.plan_id,
                source=span,
            )
            writer.relate(RelationType.FORMULATES, entity, writer.document.add_entity(standard), span)


def link_citations(writer: PlanWriter, header: PlanHeader) -> None:
    own_title = normalise_title(header.title or "")
    derivation = re.compile(writer.profile.derivation.pattern)
    plan = writer.document.entities[writer.plan_id]
    for entity, segment in writer.texts(set(EntityKind)):
        derived = {m.start("citation") for m in derivation.finditer(segment.text)}
        for citation in extract_citations(segment.text, writer.profile):
            if citation.title and normalise_title(citation.title) == own_title:
                continue
            span = writer.span_in(segment, citation.start, citation.end)
            document = writer.document.add_entity(_document(citation, span))
            writer.relate(RelationType.REFERENCES, entity, document, span)
            if entity is plan and citation.start in derived:
                writer.relate(RelationType.DERIVES_FROM, plan, document, span)


def link_bodies(writer: PlanWriter, header: PlanHeader, first_leads: bool) -> None:
    """The bodies each task, project and measure gives work to, with the words that say so."""
    finder = DepartmentFinder(writer.profile, writer.registry, first_leads)
    resolver = DepartmentResolver(writer.profile, writer.registry, header.region)
    kinds = {CHAPTER_ENTITY[c] for c in writer.profile.departments.chapters}
    last_items = _last_items(writer, kinds)
    _link_bodies_named_by_headings(writer, finder, resolver, kinds)
    for entity, segment in writer.texts(kinds):
        if (
            _BRACKET_LINE.fullmatch(segment.text.strip())
            and entity.id in last_items
            and not _siblings_bracketed(writer, entity)
        ):
            # A bracket on a line of its own after a group's last item closes the whole group:
            # （一）…… 1.…… 2.…… （责任部门：……）, unless each item has a bracket of its own.
            entity = writer.document.entities[entity.parent]  # type: ignore[index]
        mentions = finder.mentions(segment.text)
        for mention in mentions:
            span = writer.span_in(segment, mention.start, mention.end)
            department = _assign(writer, resolver, mention.name, entity, span, mention.role, mention.evidence)
            if department.source is None:
                department.source = span
            if (part_of := _item_above(writer, entity)) is not None:
                _assign(writer, resolver, mention.name, part_of, span, mention.role, mention.evidence)
        _report_unresolved_brackets(writer, segment, mentions, resolver)
    _note_unresolved(writer, resolver)


def _report_unresolved_brackets(
    writer: PlanWriter, segment: Segment, mentions: list[BodyMention], resolver: DepartmentResolver
) -> None:
    """A bracket that assigns work but gave no body, or a name that no registry knows and that
    does not end like a body, is reported with its line, so that a reader can check who was
    meant."""
    for bracket in ASSIGNING_BRACKET.finditer(segment.text):
        inside = [m for m in mentions if bracket.start() <= m.start < bracket.end()]
        unknown = [
            m.name
            for m in inside
            if m.name in resolver.unresolved and resolver.category_of(m.name) == "OTHER"
        ]
        if not inside or unknown:
            reason = "no body read" if not inside else "not known as a body: " + "、".join(unknown)
            writer.report.unresolved_brackets.append(
                Unplaced(segment.paragraph.line, f"{bracket.group()} ({reason})")
            )


def _link_bodies_named_by_headings(
    writer: PlanWriter, finder: DepartmentFinder, resolver: DepartmentResolver, kinds: set[EntityKind]
) -> None:
    """An item headed by a body's name (四、职责分工 （一）区建管委。负责……) is that body's work: it
    leads it."""
    for entity in [e for e in writer.document.entities.values() if e.kind in kinds]:
        names = finder.names(entity.name)
        if len(names) == 1 and names[0][0] == entity.name and finder.is_body(entity.name):
            if opens_with_verb(entity.name):
                continue  # 建设数据中心: work on a thing named like a body, not the body
            _assign(writer, resolver, entity.name, entity, entity.source, Role.LEAD, entity.name)
        elif heading := writer.headings.get(entity.id):
            # （七）各行业主管部门要履行科普行政管理责任: the body the heading opens with acts.
            for mention in finder.mentions(heading.text):
                if mention.start == 0 and mention.role is Role.LEAD:
                    span = writer.span_in(heading, mention.start, mention.end)
                    _assign(writer, resolver, mention.name, entity, span, mention.role, heading.text)


def _assign(
    writer: PlanWriter,
    resolver: DepartmentResolver,
    name: str,
    entity: Entity,
    span: SourceSpan | None,
    role: Role,
    evidence: str,
) -> Entity:
    """The body a name stands for, made RESPONSIBLE_FOR the entity in the role the text gives."""
    department = writer.document.add_entity(resolver.resolve(name))
    writer.relate(RelationType.RESPONSIBLE_FOR, department, entity, span, role=role, evidence=evidence)  # type: ignore[arg-type]
    return department


def _item_above(writer: PlanWriter, entity: Entity) -> Entity | None:
    """The item a third-level part of work belongs to: （一） > 1. > （1）研究制定……（省发改委）. The
    plan counts its work in two levels; the body that does a part of an item does that item."""
    parents = []
    while entity.parent is not None and len(parents) < 2:
        parent = writer.document.entities[entity.parent]
        if parent.kind is not entity.kind:
            break
        parents.append(parent)
        entity = parent
    return parents[0] if len(parents) == 2 else None


def _note_unresolved(writer: PlanWriter, resolver: DepartmentResolver) -> None:
    writer.report.unresolved_departments = sorted(
        set(writer.report.unresolved_departments) | resolver.unresolved
    )


def _assignable(writer: PlanWriter) -> list[Entity]:
    """The entities a division-of-labour table or list can name: tasks and projects."""
    return [e for e in writer.document.entities.values() if e.kind in (EntityKind.TASK, EntityKind.PROJECT)]


_BRACKET_LINE = re.compile(r"[〔（(【][^〔〕（）()【】]*(?:[（(][^（）()]*[）)][^〔〕（）()【】]*)*[〕）)】]")


def _siblings_bracketed(writer: PlanWriter, entity: Entity) -> bool:
    """Whether the other items of the entity's group each close with a bracket of their own
    (1．……（责任单位：……） 2．……（责任单位：……）), so that one on a line of its own is the last item's."""
    siblings = [
        e for e in writer.document.entities.values() if e.parent == entity.parent and e.id != entity.id
    ]
    return bool(siblings) and all(ASSIGNING_BRACKET.search(e.text or "") for e in siblings)


def _last_items(writer: PlanWriter, kinds: set[EntityKind]) -> set[str]:
    """The last item of each group whose parent is an entity of the same kind."""
    last: dict[str, str] = {}
    for entity_id in writer.segments:
        entity = writer.document.entities[entity_id]
        parent = writer.document.entities.get(entity.parent) if entity.parent else None
        if entity.kind in kinds and parent is not None and parent.kind is entity.kind:
            last[parent.id] = entity.id
    return set(last.values())


def link_task_tables(
    writer: PlanWriter, tables: list[Table], header: PlanHeader, first_leads: bool = False
) -> None:
    """A 任务分工 table (序号 / 重点任务 / 牵头单位 / 配合单位): each row's task gets its lead and
    supporting departments (`first_leads`: see `DepartmentFinder`), and the targets its content
    cell (具体措施, 重点内容) states."""
    finder = DepartmentFinder(writer.profile, writer.registry, first_leads)
    resolver = DepartmentResolver(writer.profile, writer.registry, header.region)
    rules = writer.profile.departments.task_table
    # A table may go on to the plan's measures (加强政策保障) after its tasks.
    assignable = _assignable(writer) + writer.document.entities_of(EntityKind.MEASURE)
    wordings = [(_pairs(e.name + (e.text or "")), e) for e in assignable]
    for table in tables:
        if not table:
            continue
        headings, rows = division_header(table, rules)
        columns = division_columns(headings, rules)
        if columns["task"] is None or columns["lead"] is None:
            continue
        content = content_column(headings, columns["task"])
        for row in rows:
            cell = row[columns["task"]]
            entity = _matching_entity(cell, assignable) or _closest_entity(cell, wordings)
            if entity is None:
                writer.report.unplaced.append(Unplaced(0, "任务分工表：" + " | ".join(row)[:80]))
                continue
            evidence = "任务分工表：" + " | ".join(row)
            for role, column in ((Role.LEAD, columns["lead"]), (Role.SUPPORT, columns["support"])):
                if column is None or column >= len(row):
                    continue
                for mention in finder.listed(row[column], role, evidence):
                    _assign(writer, resolver, mention.name, entity, entity.source, mention.role, evidence)
            if content is not None and content < len(row):
                read_row_targets(writer, entity, row[content], header)
    _note_unresolved(writer, resolver)


def _matching_entity(cell: str, entities: list[Entity]) -> Entity | None:
    """The task a table row names: “1.转变标准供给方式” or “转变标准供给方式” → that task."""
    name = ITEM_NUMBER.sub("", cell.strip()).rstrip("。")
    exact = [e for e in entities if e.name == name]
    if exact:
        return exact[0]
    partial = [e for e in entities if name and (e.name in name or name in e.name)]
    return partial[0] if len(partial) == 1 else None


#: How much of a table row's wording a task must share to be the one it names in other words,
#: and by how much it must share more than any other task.
_CLOSEST_SHARE = 0.5
_CLOSEST_MARGIN = 0.15


def _closest_entity(cell: str, wordings: list[tuple[set[str], Entity]]) -> Entity | None:
    """The task a row names in words of its own (发布一批产业转型升级发展急需的科技成果包 for the item
    发布转化先进适用的科技成果包, whose text 发布一批符合产业转型升级方向……的科技成果包): the one whose
    heading and text (`wordings`: their pairs of characters, with the entity) share most of the
    row's pairs of characters, clearly more than any other."""
    wanted = _pairs(cell)
    if len(wanted) < 4:
        return None
    scored = sorted(
        ((len(wanted & pairs) / len(wanted), e) for pairs, e in wordings),
        key=lambda pair: pair[0],
        reverse=True,
    )
    if not scored or scored[0][0] < _CLOSEST_SHARE:
        return None
    runner_up = scored[1][0] if len(scored) > 1 else 0.0
    return scored[0][1] if scored[0][0] - runner_up >= _CLOSEST_MARGIN else None


def _pairs(text: str) -> set[str]:
    """The pairs of adjacent Chinese characters in text."""
    han = re.sub(r"[^\u4e00-\u9fff]", "", text)
    return {han[i : i + 2] for i in range(len(han) - 1)}


def _document(citation: Citation, span: SourceSpan) -> Entity:
    key = document_key(citation)
    return Entity(
        id=f"document/{key}",
        kind=EntityKind.DOCUMENT,
        name=citation.title or key,
        source=span,
        attrs=attrs_of(DocumentFields(title=citation.title, doc_number=citation.number)),
    )


#: A row of a division list: 3. / （3） / 3、 or （三） / 三、 (a numeral in words only so marked).
_ROW = re.compile(
    r"^(?:（?(?P<number>\d{1,3})[)）.．、﹒]?|（(?P<words>[一二三四五六七八九十]{1,3})）|(?P<listed>[一二三四五六七八九十]{1,3})、)"
    r"\s*(?P<text>.+)$"
)


def link_attachment_lists(
    writer: PlanWriter, attachments: list[Attachment], header: PlanHeader, first_leads: bool = False
) -> None:
    """Each row of a division-of-labour attachment gives its bodies to the task it names."""
    rules = writer.profile.attachments
    finder = DepartmentFinder(writer.profile, writer.registry, first_leads)
    resolver = DepartmentResolver(writer.profile, writer.registry, header.region)
    tasks = _in_reading_order(_assignable(writer) + writer.document.entities_of(EntityKind.MEASURE))
    for attachment in attachments:
        writer.placed.update(p.index for p in (attachment.heading, attachment.title_line) if p is not None)
        if not any(word in attachment.title for word in rules.division_words):
            continue
        named: Entity | None = None
        for paragraph in attachment.paragraphs:
            if "\t" in paragraph.text:
                continue  # a table's row, its cells between tabs: the table's reader knows its columns
            row = _ROW.match(paragraph.text)
            task = _task_named(row.group("text"), tasks) if row else None
            if task is None and row is not None and (number := _row_number(row)):
                task = tasks[number - 1] if 0 < number <= len(tasks) else None
            if row is not None:
                named = task
            elif named is not None and finder.labels.match(paragraph.text):
                # 1.发展社区养老服务 / 牵头单位：市民政局 / 配合单位：……: the labels' lines under a row.
                task = named
            if task is None:
                continue
            writer.placed.add(paragraph.index)
            evidence = f"附件 {attachment.title}：{paragraph.text}"
            for mention in finder.mentions(paragraph.text):
                span = writer.span_in(Segment(paragraph), mention.start, mention.end)
                _assign(writer, resolver, mention.name, task, span, mention.role, evidence)
    _note_unresolved(writer, resolver)


def _row_number(row: re.Match[str]) -> int | None:
    return number_in_label(row.group("number") or row.group("words") or row.group("listed") or "") or None


def _in_reading_order(entities: list[Entity]) -> list[Entity]:
    """Entities as the text has them, so that a row's number can name the item of that number."""
    return sorted(entities, key=lambda e: e.source.start if e.source else 0)


def _task_named(text: str, tasks: list[Entity]) -> Entity | None:
    """The task a row's first sentence names (as a table row names one), or else the one task
    whose text holds that sentence."""
    first = re.split("[。；（(]", text, maxsplit=1)[0].strip()
    if not first:
        return None
    named = _matching_entity(first, tasks)
    if named is not None:
        return named
    holding = [e for e in tasks if len(first) >= 6 and first in (e.text or "")]
    return holding[0] if len(holding) == 1 else None
