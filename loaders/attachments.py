"""Attachments after a plan's body (附件：重点任务分工 …): kept out of the outline, and a
division-of-labour list among them read for the bodies each task is given.

Plans often name who does what only in an attachment: a list of the tasks again, each closed
by its bracket (`3. 将某某服务纳入经济社会发展相关规划。（省发展改革委牵头）`). Each row is
joined to the task it names — by its title, else by its number when the list numbers the tasks
as the plan does — and its bracket read as any bracket is."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from graph.model import Entity, EntityKind, RelationType
from loaders.departments import DepartmentFinder, DepartmentResolver
from loaders.header import PlanHeader
from loaders.paragraphs import Paragraph
from loaders.plan_writer import PlanWriter, Segment
from loaders.profile import Profile

__all__ = ["Attachment", "link_attachment_lists", "split_attachments"]

_ROW = re.compile(r"^(?:（?(?P<number>\d{1,3})[)）.．、﹒]?)\s*(?P<text>.+)$")


@dataclass(slots=True)
class Attachment:
    heading: Paragraph
    title: str
    paragraphs: list[Paragraph] = field(default_factory=list)
    #: The line the title stands on, when it is not the 附件 line itself.
    title_line: Paragraph | None = None


def split_attachments(
    paragraphs: list[Paragraph], profile: Profile
) -> tuple[list[Paragraph], list[Paragraph], list[Attachment]]:
    """The body, its signature, and the attachments that follow: from the first 附件 line that
    comes after a numbered heading (a 附件 line in the notice, before the plan, names the
    attachment only)."""
    heading = re.compile(profile.attachments.heading)
    styles = [re.compile(style) for style in profile.numbering.styles]
    seen_heading = False
    for position, paragraph in enumerate(paragraphs):
        if seen_heading and (match := heading.match(paragraph.text)):
            body, signature = _signature(paragraphs[:position], profile)
            return body, signature, _attachments(paragraphs[position:], heading, match)
        seen_heading = seen_heading or any(style.match(paragraph.text) for style in styles)
    return (*_signature(paragraphs, profile), [])


def _signature(body: list[Paragraph], profile: Profile) -> tuple[list[Paragraph], list[Paragraph]]:
    """The body and its signature: the issuing body's line and the date line that close it
    (某某省人民政府办公厅 / 2023年5月6日), which belong to no chapter."""
    date = re.compile(profile.notice.date)
    end = len(body)
    if end >= 2 and date.match(body[end - 1].text.strip("（）() ")):
        end -= 1
        signer = body[end - 1].text
        if len(signer) <= 40 and signer.endswith(tuple(profile.departments.government_suffixes)):
            end -= 1
    return body[:end], body[end:]


def _attachments(rest: list[Paragraph], heading: re.Pattern[str], first: re.Match[str]) -> list[Attachment]:
    attachments: list[Attachment] = []
    for paragraph in rest:
        match = first if not attachments else heading.match(paragraph.text)
        if match is not None:
            attachments.append(Attachment(paragraph, match.group("title").strip()))
        elif not attachments[-1].title:
            # 附件 / 重点任务分工 on the next line
            attachments[-1].title, attachments[-1].title_line = paragraph.text, paragraph
        else:
            attachments[-1].paragraphs.append(paragraph)
    return attachments


def link_attachment_lists(writer: PlanWriter, attachments: list[Attachment], header: PlanHeader) -> None:
    """Each row of a division-of-labour attachment gives its bodies to the task it names."""
    rules = writer.profile.attachments
    finder = DepartmentFinder(writer.profile, writer.registry)
    resolver = DepartmentResolver(writer.profile, writer.registry, header.region)
    tasks = [e for e in writer.document.entities.values() if e.kind in (EntityKind.TASK, EntityKind.PROJECT)]
    for attachment in attachments:
        writer.placed.update(p.index for p in (attachment.heading, attachment.title_line) if p is not None)
        if not any(word in attachment.title for word in rules.division_words):
            continue
        for paragraph in attachment.paragraphs:
            row = _ROW.match(paragraph.text)
            task = _task_named(row.group("text"), tasks) if row else None
            if task is None and row is not None and row.group("number"):
                number = int(row.group("number"))
                task = tasks[number - 1] if 0 < number <= len(tasks) else None
            if task is None:
                continue
            writer.placed.add(paragraph.index)
            for mention in finder.mentions(paragraph.text):
                department = writer.document.add_entity(resolver.resolve(mention.name))
                span = writer.span_in(Segment(paragraph), mention.start, mention.end)
                writer.relate(
                    RelationType.RESPONSIBLE_FOR,
                    department,
                    task,
                    span,
                    role=mention.role,
                    evidence=f"附件 {attachment.title}：{paragraph.text}",
                )
    writer.report.unresolved_departments = sorted(
        set(writer.report.unresolved_departments) | resolver.unresolved
    )


def _task_named(text: str, tasks: list[Entity]) -> Entity | None:
    """The task whose name the row's first sentence is, or holds, or whose text holds it."""
    first = re.split("[。；（(]", text, maxsplit=1)[0].strip()
    if not first:
        return None
    for matches in (
        lambda e: e.name == first,
        lambda e: len(e.name) >= 4 and (e.name in first or first in e.name),
        lambda e: len(first) >= 6 and first in (e.text or ""),
    ):
        found = [e for e in tasks if matches(e)]
        if len(found) == 1:
            return found[0]
    return None
