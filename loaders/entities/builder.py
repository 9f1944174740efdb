"""Outline → entities and relations: the step that gives the plan's parts their meaning.

The header gives the PLAN; each chapter is read by the reader of its kind
(`loaders.entities.chapters`); goals stated before the first chapter are read too; then passes over
the text of what was built link the standards to formulate, the cited documents and the
bodies given work (`loaders.entities.text_passes`)."""

from __future__ import annotations

import re
from pathlib import PurePath

from graph.errors import PlanLoadError
from graph.model import Entity, EntityKind, GraphDocument, PlanFields, attrs_of, field_names
from loaders.entities.chapter_kinds import chapter_kinds
from loaders.entities.chapters import read_chapter
from loaders.entities.goals import read_preface_goals
from loaders.entities.indicator_tables import link_indicator_tables
from loaders.entities.plan_writer import PlanWriter, Segment
from loaders.entities.targets import link_targets
from loaders.entities.text_passes import (
    link_attachment_lists,
    link_bodies,
    link_citations,
    link_standards,
    link_task_tables,
)
from loaders.profile import Profile
from loaders.reading.paragraphs import Paragraph
from loaders.reading.tables import Table
from loaders.registry import DepartmentRegistry
from loaders.report import LoadReport, Unplaced
from loaders.structure.attachments import count_headings, split_attachments, work_attached
from loaders.structure.header import PlanHeader, read_header, read_period_in_text
from loaders.structure.line_tables import tables_laid_out_as_lines
from loaders.structure.outline import Outline, build_outline
from loaders.structure.regions import level_by_scope

__all__ = ["PlanBuilder"]

_TITLE_FROM = {
    "notice": "notice that sends the plan out",
    "lead": "《title》 of the news lead",
    "page": "page's own title (HTML <title>/<h1> or Word properties)",
    "file": "file name",
}


class PlanBuilder:
    """Builds one plan's `GraphDocument` from its paragraphs."""

    def __init__(self, plan_id: str, path: str, profile: Profile, registry: DepartmentRegistry) -> None:
        self.writer = PlanWriter(plan_id, path, profile, registry)
        #: What is being read, and the line it starts on: named when reading the plan fails.
        self.place = "starting"
        self.line: int | None = None

    @property
    def report(self) -> LoadReport:
        return self.writer.report

    def build(
        self,
        paragraphs: list[Paragraph],
        tables: list[Table] | None = None,
        title_hint: str | None = None,
    ) -> GraphDocument:
        writer, profile = self.writer, self.writer.profile
        self.place = "finding the outline"
        body, signature, attachments, closing = split_attachments(paragraphs, profile)
        writer.placed.update(p.index for p in signature)
        outline = build_outline(body, profile)
        kinds = chapter_kinds(outline.chapters, profile)
        work = [
            chapter
            for chapter, kind in zip(outline.chapters, kinds, strict=True)
            if kind in ("tasks", "projects")
        ]
        body_work = sum(count_headings(chapter) for chapter in work)
        if (attached := work_attached(body, attachments, body_work, profile)) is not None:
            body, outline, attachments = attached
            kinds = chapter_kinds(outline.chapters, profile)
        writer.placed.update(p.index for p in outline.parts)
        writer.placed.update(outline.table_lines)  # a division table's rows: its reader reports them
        if not outline.chapters:
            raise PlanLoadError(
                writer.path,
                "no numbered outline: no heading such as “一、”, “（一）”, “1.” or “第一章” was found",
            )
        self.place = "reading the header"
        header = read_header(
            outline.preamble,
            profile,
            closing=closing,
            title_hint=title_hint,
            file_stem=PurePath(writer.path).stem,
        )
        if header.title_from != "line":
            writer.report.warnings.append(
                f"no title line: the title was taken from the {_TITLE_FROM[header.title_from]}"
            )
        body_text = "\n".join(p.text for p in body)
        read_period_in_text(header, body_text, profile)
        if header.region is None and header.level is None:
            header.level = level_by_scope(body_text, profile)
        if header.region is None and header.level is None:
            writer.report.warnings.append(
                "no region could be read from the title, the issuer or the documents cited, and the plan "
                "is not recognisably national: its level and region are left empty, and bodies named "
                "relative to a region (省政府, 市发展改革委) are not qualified"
            )
        writer.report.title = header.title or ""
        plan = self._plan(header, outline)
        for number, (chapter, kind) in enumerate(zip(outline.chapters, kinds, strict=True), start=1):
            self.place, self.line = f"reading chapter {number} “{chapter.title}”", chapter.paragraph.line
            read_chapter(writer, chapter, kind, number, plan, header)
        self.place, self.line = "reading the goals before the first chapter", None
        read_preface_goals(writer, header, plan)
        self.place = "reading the targets of tasks, projects and measures"
        link_targets(writer, header)
        self.place = "finding the standards, cited documents and bodies given work"
        link_standards(writer)
        link_citations(writer, header)
        first_leads_said = re.compile(profile.departments.first_leads)
        first_leads = any(first_leads_said.search(p.text) for p in paragraphs)
        link_bodies(writer, header, first_leads)
        self.place = "reading the attachments"
        link_attachment_lists(writer, attachments, header, first_leads)
        writer.report.unplaced = [
            Unplaced(p.line, p.text[:80]) for p in paragraphs if p.index not in writer.placed
        ]
        # A file that holds its tables as tables (HTML, Word) has them read; a text copied from one
        # may hold them one cell to a line.
        tables = tables or tables_laid_out_as_lines(paragraphs, profile)
        link_task_tables(writer, tables, header, first_leads)
        link_indicator_tables(writer, tables, header)
        writer.report.count(writer.document)
        return writer.document

    def _plan(self, header: PlanHeader, outline: Outline) -> Entity:
        anchor = (header.title_paragraphs or outline.preamble or [outline.chapters[0].paragraph])[0]
        self.writer.placed.update(p.index for p in header.notice + header.title_paragraphs)
        assert header.title is not None
        return self.writer.add(
            EntityKind.PLAN,
            "",
            header.title,
            parent=None,
            anchor=anchor,
            segments=[Segment(p) for p in header.preface],
            # The header holds each of the plan's fields under the same name.
            attrs=attrs_of(
                PlanFields(**{name: getattr(header, name) for name in field_names(EntityKind.PLAN)})
            ),
        )
