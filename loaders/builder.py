"""Outline → entities and relations: the step that gives the plan's parts their meaning.

Each chapter is read by the handler for its kind (requirements, tasks, domains, projects,
measures, as the profile recognises them); then three passes run over the text of what
was built: standards to formulate, cited documents, and bodies given work.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, replace
from pathlib import PurePath

import cn2an

from graph.errors import PlanLoadError
from graph.model import (
    Entity,
    EntityKind,
    GraphDocument,
    Relation,
    RelationType,
    Role,
    SourceSpan,
)
from loaders.departments import DepartmentFinder, DepartmentResolver
from loaders.documents import Citation, document_key, extract_citations, normalise_title
from loaders.header import PlanHeader, read_header
from loaders.indicators import Target, deadline_before, extract_targets, target_like_clauses
from loaders.outline import Block, Outline, build_outline
from loaders.paragraphs import Paragraph
from loaders.profile import ChapterKind, Profile
from loaders.registry import DepartmentRegistry
from loaders.report import LoadReport, Note, Unplaced
from loaders.standards import extract_standards

__all__ = ["PlanBuilder"]

_SENTENCE_END = re.compile("[。；：]")
_TITLE_FROM = {
    "notice": "notice that sends the plan out",
    "lead": "《title》 of the news lead",
    "page": "page's own title (HTML <title>/<h1> or Word properties)",
    "file": "file name",
}


@dataclass(frozen=True, slots=True)
class Segment:
    """Part of a paragraph that belongs to an entity's text: paragraph.text[offset:]."""

    paragraph: Paragraph
    offset: int = 0

    @property
    def text(self) -> str:
        return self.paragraph.text[self.offset :]


class PlanBuilder:
    """Builds one plan's `GraphDocument` from its paragraphs."""

    def __init__(self, plan_id: str, path: str, profile: Profile, registry: DepartmentRegistry) -> None:
        self.plan_id = plan_id
        self.path = path
        self.profile = profile
        self.registry = registry
        self.document = GraphDocument()
        self.report = LoadReport(path=path, plan_id=plan_id)
        self._segments: dict[str, list[Segment]] = {}
        self._placed: set[int] = set()
        self._indicator_count = 0
        self._first_leads = False

    # -- entry point -----------------------------------------------------------------------

    def build(
        self,
        paragraphs: list[Paragraph],
        tables: list[list[list[str]]] | None = None,
        title_hint: str | None = None,
    ) -> GraphDocument:
        outline = build_outline(paragraphs, self.profile)
        if not outline.chapters:
            raise PlanLoadError(
                self.path,
                "no numbered outline: no heading such as “一、”, “（一）”, “1.” or “第一章” was found",
            )
        kinds = [self.profile.chapter_kind(c.title, bool(c.children)) for c in outline.chapters]
        first_leads = re.compile(self.profile.departments.first_leads)
        self._first_leads = any(first_leads.search(p.text) for p in paragraphs)
        header = read_header(
            outline.preamble,
            self.profile,
            closing=paragraphs[-5:],
            title_hint=title_hint,
            file_stem=PurePath(self.path).stem,
        )
        if header.title_from != "line":
            self.report.warnings.append(
                f"no title line: the title was taken from the {_TITLE_FROM[header.title_from]}"
            )
        self.report.title = header.title or ""
        plan = self._plan(header, outline)
        for number, (chapter, kind) in enumerate(zip(outline.chapters, kinds, strict=True), start=1):
            self._chapter(chapter, kind, number, plan, header)
        self._preface_goals(header, plan)
        self._link_standards()
        self._link_citations(header)
        self._link_bodies(header)
        self.report.unplaced = [
            Unplaced(p.line, p.text[:80]) for p in paragraphs if p.index not in self._placed
        ]
        self._link_task_tables(tables or [], header)
        self.report.count(self.document)
        return self.document

    # -- entities --------------------------------------------------------------------------

    def _add(
        self,
        kind: EntityKind,
        local_id: str,
        name: str,
        *,
        parent: Entity | None,
        anchor: Paragraph,
        segments: list[Segment] | None = None,
        label: str | None = None,
        attrs: dict[str, object] | None = None,
    ) -> Entity:
        """Add an entity (and its PART_OF link to parent) spanning anchor … its last segment.
        A duplicate number in the text (two “3.” items) gets a suffix, never a clash."""
        segments = [s for s in segments or [] if s.text]
        base = self.plan_id if kind is EntityKind.PLAN else f"{self.plan_id}/{kind.value.lower()}/{local_id}"
        entity_id, suffix = base, 1
        while entity_id in self.document.entities:
            suffix += 1
            entity_id = f"{base}-{suffix}"
        if suffix > 1:
            self.report.notes.append(
                Note(anchor.line, f"the number {label or local_id} repeats: this one is {entity_id}")
            )
        last = segments[-1].paragraph if segments else anchor
        span = SourceSpan(self.plan_id, anchor.start, last.end, anchor.line)
        entity = Entity(
            id=entity_id,
            kind=kind,
            name=name,
            plan=self.plan_id,
            label=label,
            text="\n".join(s.text for s in segments) or None,
            parent=parent.id if parent else None,
            source=span,
            attrs=attrs or {},
        )
        self.document.add_entity(entity)
        self._segments[entity_id] = segments
        self._placed.add(anchor.index)
        self._placed.update(s.paragraph.index for s in segments)
        if parent is not None and kind is not EntityKind.INDICATOR:
            self._relate(RelationType.PART_OF, entity, parent, span)
        return entity

    def _relate(
        self, rel_type: RelationType, source: Entity, target: Entity, span: SourceSpan, **fields: object
    ) -> None:
        self.document.add_relation(Relation(rel_type, source.id, target.id, span=span, **fields))

    def _span_in(self, segment: Segment, start: int, end: int) -> SourceSpan:
        base = segment.paragraph.start + segment.offset
        return SourceSpan(self.plan_id, base + start, base + end, segment.paragraph.line)

    def _plan(self, header: PlanHeader, outline: Outline) -> Entity:
        preamble = outline.preamble
        anchor = (header.title_paragraphs or preamble or [outline.chapters[0].paragraph])[0]
        self._placed.update(p.index for p in header.notice + header.title_paragraphs)
        assert header.title is not None
        plan = self._add(
            EntityKind.PLAN,
            "",
            header.title,
            parent=None,
            anchor=anchor,
            segments=[Segment(p) for p in header.preface],
            attrs={
                "title": header.title,
                "issuer": header.issuer,
                "approvedBy": header.approved_by,
                "issuedOn": header.issued_on,
                "periodStart": header.period_start,
                "periodEnd": header.period_end,
                "region": header.region,
                "level": header.level,
                "docNumber": header.doc_number,
                "recipients": header.recipients,
            },
        )
        return plan

    # -- chapters --------------------------------------------------------------------------

    def _chapter(
        self, chapter: Block, kind: ChapterKind, number: int, plan: Entity, header: PlanHeader
    ) -> None:
        section = self._add(
            EntityKind.SECTION,
            str(number),
            chapter.title,
            parent=plan,
            anchor=chapter.paragraph,
            segments=_text_of(chapter),
            label=chapter.label,
            attrs={"chapterKind": kind},
        )
        if kind == "requirements":
            self._requirements(chapter, section, header)
        elif kind == "domains":
            self._domains(chapter, section)
        elif kind in _NUMBERED_KINDS:
            self._numbered(chapter, section, _NUMBERED_KINDS[kind])
        else:
            self._subsections(chapter, section)

    def _subsections(self, chapter: Block, section: Entity) -> None:
        """A context chapter's parts are sections, and nothing more."""
        for child in chapter.children:
            self._add(
                EntityKind.SECTION,
                f"{number_of(section)}.{_number(child)}",
                child.title,
                parent=section,
                anchor=child.paragraph,
                segments=_text_of(child),
                label=child.label,
            )

    def _note_gaps(self, blocks: list[Block]) -> None:
        """Numbers that skip (1. 2. 4.) are kept as written, and noted in the report."""
        for before, after in itertools.pairwise(blocks):
            if before.level == after.level and _number(after) > _number(before) + 1:
                self.report.notes.append(
                    Note(after.paragraph.line, f"the numbering jumps from {before.label} to {after.label}")
                )

    def _numbered(self, chapter: Block, section: Entity, kind: EntityKind) -> None:
        """Tasks, projects, measures: groups （一） with numbered items 1. under them, or items
        straight under the chapter. Ids keep the written numbers: task 9 of group 五 is task/5.9."""
        self._note_gaps(chapter.children)
        for child in chapter.children:
            group = self._add(
                kind,
                str(_number(child)),
                child.title,
                parent=section,
                anchor=child.paragraph,
                segments=_text_of(child),
                label=child.label,
            )
            self._note_gaps(child.children)
            for item in child.children:
                self._add(
                    kind,
                    f"{_number(child)}.{_number(item)}",
                    item.title,
                    parent=group,
                    anchor=item.paragraph,
                    segments=_text_of(item),
                    label=item.label,
                )

    def _requirements(self, chapter: Block, section: Entity, header: PlanHeader) -> None:
        """Guiding thought, principles and goals, each in its part; a chapter that is all goals
        (一、工作目标), or whose goals stand in its own text, is read as one goals part."""
        parts = [self.profile.requirement_part(child.title) for child in chapter.children]
        if "goals" not in parts and (
            self.profile.requirement_part(chapter.title) == "goals" or self._states_targets(chapter.body)
        ):
            self._goals(replace(chapter, children=[]), section, header)
        for child, part in zip(chapter.children, parts, strict=True):
            own_text = _text_of(child) if part not in ("principles", "goals") else _rest_of(child)
            subsection = self._add(
                EntityKind.SECTION,
                f"{number_of(section)}.{_number(child)}",
                child.title,
                parent=section,
                anchor=child.paragraph,
                segments=own_text,
                label=child.label,
            )
            if part == "principles":
                self._principles(child, subsection)
            elif part == "goals":
                self._goals(child, subsection, header)

    def _states_targets(self, paragraphs: list[Paragraph]) -> bool:
        return any(extract_targets(p.text, self.profile) for p in paragraphs)

    def _preface_goals(self, header: PlanHeader, plan: Entity) -> None:
        """A goal stated before the first chapter (到2025年，……达到……, or 到2020年，具体目标是：
        and a list of targets) is a goal of the plan, with its targets."""
        preface = header.preface
        for position, paragraph in enumerate(preface):
            if paragraph.bullet or deadline_before(paragraph.text, len(paragraph.text), self.profile) is None:
                continue
            bullets = list(itertools.takewhile(lambda p: p.bullet is not None, preface[position + 1 :]))
            if not bullets and not extract_targets(paragraph.text, self.profile):
                continue
            sentence = max(
                0,
                *(
                    m.end()
                    for m in re.finditer("。", paragraph.text[: _deadline_at(paragraph.text, self.profile)])
                ),
            )
            block = Block("section", paragraph, "", "", body=bullets)
            self._goals(
                block, plan, header, id_prefix=f"0.{paragraph.index}.", lead=Segment(paragraph, sentence)
            )

    def _principles(self, block: Block, subsection: Entity) -> None:
        count = 0
        for paragraph in block.body:
            count += 1
            name, offset = _lead_sentence(paragraph.text)
            self._add(
                EntityKind.PRINCIPLE,
                str(count),
                name,
                parent=subsection,
                anchor=paragraph,
                segments=[Segment(paragraph, offset)],
                label=paragraph.bullet,
            )
        for item in block.children:
            count += 1
            self._add(
                EntityKind.PRINCIPLE,
                str(count),
                item.title,
                parent=subsection,
                anchor=item.paragraph,
                segments=_text_of(item),
                label=item.label,
            )

    def _goals(
        self,
        block: Block,
        subsection: Entity,
        header: PlanHeader,
        id_prefix: str = "",
        lead: Segment | None = None,
    ) -> None:
        """The first plain paragraph is the overall goal; bullets (or numbered items) are its
        sub-goals; a plain paragraph after a sub-goal continues it."""
        overall: tuple[Paragraph, list[Segment]] | None = None
        if block.rest and block.level != "chapter":
            overall = (block.paragraph, _rest_of(block))
        elif lead is not None:  # a goal sentence inside a paragraph of the preface
            overall = (lead.paragraph, [lead])
        subgoals: list[tuple[Paragraph, str, str | None, list[Segment]]] = []
        for paragraph in block.body:
            if paragraph.bullet:
                name, offset = _lead_sentence(paragraph.text)
                # A bullet of one sentence (——新增国家标准400项；) is its own text.
                offset = offset if offset < len(paragraph.text) else 0
                subgoals.append((paragraph, name, paragraph.bullet, [Segment(paragraph, offset)]))
            elif subgoals:
                subgoals[-1][3].append(Segment(paragraph))
            elif overall is None:
                overall = (paragraph, [Segment(paragraph)])
            else:
                overall[1].append(Segment(paragraph))
        for item in block.children:
            subgoals.append((item.paragraph, item.title, item.label, _text_of(item)))

        parent, prefix = subsection, id_prefix
        default_deadline = header.period_end
        if overall is not None:
            anchor, segments = overall
            parent = self._add(
                EntityKind.GOAL,
                f"{id_prefix}1",
                _goal_name(segments[0].text, self.profile),
                parent=subsection,
                anchor=anchor,
                segments=segments,
            )
            prefix = f"{id_prefix}1."
            default_deadline = next(
                (
                    d
                    for seg in reversed(segments)
                    if (d := deadline_before(seg.text, len(seg.text), self.profile))
                ),
                default_deadline,
            )
            self._indicators(parent, segments, default_deadline)
        for number, (anchor, name, label, segments) in enumerate(subgoals, start=1):
            goal = self._add(
                EntityKind.GOAL,
                f"{prefix}{number}",
                name,
                parent=parent,
                anchor=anchor,
                segments=segments,
                label=label,
            )
            self._indicators(goal, segments, default_deadline)

    def _indicators(self, goal: Entity, segments: list[Segment], default_deadline: int | None) -> None:
        for segment in segments:
            targets = extract_targets(segment.text, self.profile)
            for target in targets:
                self._indicator_count += 1
                deadline = deadline_before(segment.text, target.start, self.profile) or default_deadline
                indicator = Entity(
                    id=f"{self.plan_id}/indicator/{self._indicator_count}",
                    kind=EntityKind.INDICATOR,
                    name=target.metric,
                    plan=self.plan_id,
                    text=target.clause,
                    parent=goal.id,
                    source=self._span_in(segment, target.start, target.end),
                    attrs={
                        "metric": target.metric,
                        "comparator": target.comparator.value,
                        "value": target.value,
                        "unit": target.unit,
                        "deadline": deadline,
                        "written": target.written,
                        "level": target.level,
                    },
                )
                self.document.add_entity(indicator)
                self._relate(RelationType.MEASURES, indicator, goal, indicator.source)  # type: ignore[arg-type]
            self._report_unread(segment, targets)

    def _report_unread(self, segment: Segment, targets: list[Target]) -> None:
        """A clause that looks like a target but gave none is reported, never dropped silently."""
        read = [(t.start, t.end) for t in targets]
        for start, end in target_like_clauses(segment.text):
            if not any(t_start < end and start < t_end for t_start, t_end in read):
                self.report.unread_targets.append(Unplaced(segment.paragraph.line, segment.text[start:end]))

    def _domains(self, chapter: Block, section: Entity) -> None:
        """Key areas （一）, their 专栏 columns, and the domains headed by short lines inside
        each column (现代农业, 林业, …); the paragraphs under a domain heading are its text."""
        for child in chapter.children:
            if child.level == "column":
                self._column(child, section)
                continue
            area = self._add(
                EntityKind.DOMAIN,
                str(_number(child)),
                child.title,
                parent=section,
                anchor=child.paragraph,
                segments=_text_of(child),
                label=child.label,
            )
            for sub in child.children:
                if sub.level == "column":
                    self._column(sub, area)
                else:
                    self._add(
                        EntityKind.DOMAIN,
                        f"{_number(child)}.{_number(sub)}",
                        sub.title,
                        parent=area,
                        anchor=sub.paragraph,
                        segments=_text_of(sub),
                        label=sub.label,
                    )

    def _column(self, block: Block, parent: Entity) -> None:
        column_id = f"col{_number(block)}"
        domains: list[tuple[Paragraph, list[Segment]]] = []
        column_text = _rest_of(block)
        for paragraph in block.body:
            if self._is_domain_heading(paragraph):
                domains.append((paragraph, []))
            elif domains:
                domains[-1][1].append(Segment(paragraph))
            else:
                column_text.append(Segment(paragraph))
        column = self._add(
            EntityKind.DOMAIN,
            column_id,
            block.title,
            parent=parent,
            anchor=block.paragraph,
            segments=column_text,
            label=block.label,
        )
        for number, (heading, segments) in enumerate(domains, start=1):
            self._add(
                EntityKind.DOMAIN,
                f"{column_id}.{number}",
                heading.text.rstrip("。"),
                parent=column,
                anchor=heading,
                segments=segments,
            )

    def _is_domain_heading(self, paragraph: Paragraph) -> bool:
        text = paragraph.text.rstrip("。")
        return (
            not paragraph.bullet
            and len(text) <= self.profile.domain_heading_max_length
            and not re.search("[，。；：、！？]", text)
        )

    # -- passes over the built text --------------------------------------------------------

    def _texts(self, kinds: set[EntityKind]) -> list[tuple[Entity, Segment]]:
        return [
            (self.document.entities[entity_id], segment)
            for entity_id, segments in self._segments.items()
            if self.document.entities[entity_id].kind in kinds
            for segment in segments
        ]

    def _link_standards(self) -> None:
        for entity, segment in self._texts({EntityKind.DOMAIN, EntityKind.TASK, EntityKind.PROJECT}):
            for mention in extract_standards(segment.text, self.profile):
                span = self._span_in(segment, mention.start, mention.end)
                standard = self.document.add_entity(
                    Entity(
                        id=f"{self.plan_id}/standard/{mention.name}",
                        kind=EntityKind.STANDARD,
                        name=mention.name,
                        plan=self.plan_id,
                        source=span,
                    )
                )
                self._relate(RelationType.FORMULATES, entity, standard, span)

    def _link_citations(self, header: PlanHeader) -> None:
        own_title = normalise_title(header.title or "")
        derivation = re.compile(self.profile.derivation.pattern)
        plan = self.document.entities[self.plan_id]
        for entity, segment in self._texts(set(EntityKind)):
            derived = {m.start("citation") for m in derivation.finditer(segment.text)}
            for citation in extract_citations(segment.text, self.profile):
                if citation.title and normalise_title(citation.title) == own_title:
                    continue
                span = self._span_in(segment, citation.start, citation.end)
                document = self.document.add_entity(_document(citation, span))
                self._relate(RelationType.REFERENCES, entity, document, span)
                if entity is plan and citation.start in derived:
                    self._relate(RelationType.DERIVES_FROM, plan, document, span)

    def _link_bodies(self, header: PlanHeader) -> None:
        finder = DepartmentFinder(self.profile, self.registry, self._first_leads)
        resolver = DepartmentResolver(self.profile, self.registry, header.region)
        kinds = {_CHAPTER_ENTITY[c] for c in self.profile.departments.chapters}
        for entity, segment in self._texts(kinds):
            for mention in finder.mentions(segment.text):
                span = self._span_in(segment, mention.start, mention.end)
                department = self.document.add_entity(resolver.resolve(mention.name))
                if department.source is None:
                    department.source = span
                self._relate(
                    RelationType.RESPONSIBLE_FOR,
                    department,
                    entity,
                    span,
                    role=mention.role,
                    evidence=mention.evidence,
                )
        self.report.unresolved_departments = sorted(resolver.unresolved)

    def _link_task_tables(self, tables: list[list[list[str]]], header: PlanHeader) -> None:
        """A 任务分工 table (序号 / 重点任务 / 牵头单位 / 配合单位): each row's task gets its
        lead and supporting departments."""
        finder = DepartmentFinder(self.profile, self.registry)
        resolver = DepartmentResolver(self.profile, self.registry, header.region)
        rules = self.profile.departments.task_table
        assignable = [
            e for e in self.document.entities.values() if e.kind in (EntityKind.TASK, EntityKind.PROJECT)
        ]
        for table in tables:
            if not table:
                continue
            columns = {
                role: next((i for i, cell in enumerate(table[0]) if any(w in cell for w in words)), None)
                for role, words in (("task", rules.task), ("lead", rules.lead), ("support", rules.support))
            }
            if columns["task"] is None or columns["lead"] is None:
                continue
            for row in table[1:]:
                entity = _matching_entity(row[columns["task"]], assignable)
                if entity is None:
                    self.report.unplaced.append(Unplaced(0, "任务分工表：" + " | ".join(row)[:80]))
                    continue
                for role, column in ((Role.LEAD, columns["lead"]), (Role.SUPPORT, columns["support"])):
                    if column is None or column >= len(row):
                        continue
                    for name, _ in finder.names(row[column]):
                        department = self.document.add_entity(resolver.resolve(name))
                        self._relate(
                            RelationType.RESPONSIBLE_FOR,
                            department,
                            entity,
                            entity.source,  # type: ignore[arg-type]
                            role=role,
                            evidence="任务分工表：" + " | ".join(row),
                        )
        self.report.unresolved_departments = sorted(
            set(self.report.unresolved_departments) | resolver.unresolved
        )


def _matching_entity(cell: str, entities: list[Entity]) -> Entity | None:
    """The task a table row names: “1.转变标准供给方式” or “转变标准供给方式” → that task."""
    name = re.sub(r"^[（(]?[\d一二三四五六七八九十]+[)）.．、]?\s*", "", cell.strip()).rstrip("。")
    exact = [e for e in entities if e.name == name]
    if exact:
        return exact[0]
    partial = [e for e in entities if name and (e.name in name or name in e.name)]
    return partial[0] if len(partial) == 1 else None


_NUMBERED_KINDS: dict[str, EntityKind] = {
    "tasks": EntityKind.TASK,
    "projects": EntityKind.PROJECT,
    "measures": EntityKind.MEASURE,
}
_CHAPTER_ENTITY: dict[str, EntityKind] = {
    "requirements": EntityKind.GOAL,
    "tasks": EntityKind.TASK,
    "domains": EntityKind.DOMAIN,
    "projects": EntityKind.PROJECT,
    "measures": EntityKind.MEASURE,
}


def _document(citation: Citation, span: SourceSpan) -> Entity:
    key = document_key(citation)
    return Entity(
        id=f"document/{key}",
        kind=EntityKind.DOCUMENT,
        name=citation.title or key,
        source=span,
        attrs={"title": citation.title, "docNumber": citation.number},
    )


def _rest_of(block: Block) -> list[Segment]:
    return [Segment(block.paragraph, block.rest_offset)] if block.rest else []


def _text_of(block: Block) -> list[Segment]:
    """A heading's own text: what follows the heading sentence, then its body paragraphs."""
    return _rest_of(block) + [Segment(p) for p in block.body]


def _number(block: Block) -> int:
    """The number written in a label: （三） → 3, 10. → 10, 专栏七 → 7."""
    digits = re.search(r"\d+", block.label)
    if digits:
        return int(digits.group())
    numeral = re.search("[零一二两三四五六七八九十百]+", block.label)
    return int(cn2an.cn2an(numeral.group(), "smart")) if numeral else 0


def number_of(entity: Entity) -> str:
    return entity.id.rsplit("/", 1)[1]


def _lead_sentence(text: str) -> tuple[str, int]:
    """“坚持改革引路。坚持……” → (“坚持改革引路”, offset of the rest)."""
    match = _SENTENCE_END.search(text)
    if match is None or match.start() == 0:
        return text, len(text)
    return text[: match.start()], match.end()


def _deadline_at(text: str, profile: Profile) -> int:
    match = re.search(profile.goals.deadline_year, text)
    return match.start() if match else len(text)


def _goal_name(text: str, profile: Profile) -> str:
    """The overall goal's name: its first clause after the time phrase."""
    sentence = _lead_sentence(text)[0]
    sentence = re.sub(profile.goals.time_prefix, "", sentence)
    return re.split("[，,]", sentence, maxsplit=1)[0]
