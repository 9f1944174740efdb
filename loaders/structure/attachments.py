"""Attachments after a plan's body (附件：重点任务分工 …) and the signature that closes the body:
kept out of the outline. A division-of-labour attachment is read for the bodies each task is
given by `loaders.entities.text_passes.link_attachment_lists`; an attachment that holds all the
plan's work, by chapter and item, is read as the outline's (`work_attached`)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import NamedTuple

from loaders.profile import Profile
from loaders.reading.paragraphs import Paragraph
from loaders.structure.outline import Block, Outline, build_outline

__all__ = ["Attachment", "DocumentParts", "count_headings", "split_attachments", "work_attached"]


@dataclass(slots=True)
class Attachment:
    heading: Paragraph
    title: str
    paragraphs: list[Paragraph] = field(default_factory=list)
    #: The line the title stands on, when it is not the 附件 line itself.
    title_line: Paragraph | None = None


class DocumentParts(NamedTuple):
    body: list[Paragraph]
    signature: list[Paragraph]
    attachments: list[Attachment]
    #: The last lines of the text before a page's footer: where a signature's date stands.
    closing: list[Paragraph]


def split_attachments(paragraphs: list[Paragraph], profile: Profile) -> DocumentParts:
    """The body, its signature, and the attachments that follow: from the first 附件 line that
    comes after a numbered heading (a 附件 line in the notice, before the plan, names the
    attachment only)."""
    heading = re.compile(profile.attachments.heading)
    styles = [re.compile(style) for style in profile.numbering.styles]
    seen_heading = False
    last_heading = -1
    listing = False  # inside the notice's list of its attachments (附件：1、…… / 2、……)
    for position, paragraph in enumerate(paragraphs):
        match = heading.match(paragraph.text)
        if seen_heading and match:
            body, signature, closing = _signature(paragraphs[:position], last_heading, profile)
            return DocumentParts(
                body, signature, _attachments(paragraphs[position:], heading, match), closing
            )
        numbered = any(style.match(paragraph.text) for style in styles)
        last_heading = position if numbered else last_heading
        listing = bool(match) or (listing and numbered and _lists_a_title(paragraph.text))
        seen_heading = seen_heading or (numbered and not listing)
    body, signature, closing = _signature(paragraphs, last_heading, profile)
    return DocumentParts(body, signature, [], closing)


def _lists_a_title(text: str) -> bool:
    """2、工作专班名单 under 附件：1、幼儿园建设工程实施方案: an entry of the notice's list of attachments."""
    return len(text) <= 40 and not re.search("[，。；]", text)


#: How many of the text's last lines are searched for the signature's date.
_CLOSING_LINES = 5


def _signature(
    body: list[Paragraph], last_heading: int, profile: Profile
) -> tuple[list[Paragraph], list[Paragraph], list[Paragraph]]:
    """The body, its signature — the issuing body's line and the date line that close it
    (某某省人民政府办公厅 / 2023年5月6日), which belong to no chapter — and the text's last lines
    before a page's footer. `last_heading`: where the last numbered heading stands."""
    date = re.compile(profile.notice.date)
    footer = end = _without_page_footer(body, last_heading, profile)
    if end >= 2 and date.match(body[end - 1].text.strip("（）() ")):
        end -= 1
        signer = body[end - 1].text
        if len(signer) <= 40 and signer.endswith(tuple(profile.departments.government_suffixes)):
            end -= 1
    return body[:end], body[end:], body[:footer][-_CLOSING_LINES:]


#: How many closing paragraphs are looked through for a page's trailer (相关解读 and its links).
_TRAILER_REACH = 12


def _without_page_footer(body: list[Paragraph], last_heading: int, profile: Profile) -> int:
    """Where the text ends before a portal page's footer: the closing run of short label lines
    (公开程序：本单位审核后公开 / 责任部门：省政府办公厅秘书一处) with a footer's own label among them,
    or the lines a page sets after the signature, from the first of them (（此件主动公开） / 相关解读：
    / the titles it links to)."""
    trailers = tuple(profile.attachments.page_trailers)
    # After the last numbered heading: the notice before the plan may close with one (此件公开发布).
    reach = max(len(body) - _TRAILER_REACH, last_heading + 1)
    trailer = next((i for i in range(reach, len(body)) if body[i].text.strip().startswith(trailers)), None)
    if trailer is not None:
        body = body[:trailer]
    label_line = re.compile(r"^[\u4e00-\u9fff]{2,6}[：:].{1,40}$")
    start = len(body)
    while start > 0 and label_line.match(body[start - 1].text.strip()):
        start -= 1
    footer = [p.text.strip() for p in body[start:]]
    if any(line.startswith(tuple(profile.attachments.page_footer_labels)) for line in footer):
        return start
    return len(body)


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


def work_attached(
    body: list[Paragraph], attachments: list[Attachment], body_work: int, profile: Profile
) -> tuple[list[Paragraph], Outline, list[Attachment]] | None:
    """A body with little work of its own whose attachment sets out the work by chapter and item
    (a 考评办法 whose 附件：考评指标 lists the year's tasks, 一、…… / （一）…… / 1.……): the body with the
    attachment after it, its outline, and the other attachments. `body_work` counts the headings
    of the body's chapters of work; the attachment must hold at least twice as many. Not an
    attachment that divides the body's work among bodies (分工, 清单): `link_attachment_lists`."""
    division = tuple(profile.attachments.division_words)
    for attachment in attachments:
        if any(word in attachment.title for word in division):
            continue
        own = build_outline(attachment.paragraphs, profile)
        headings = sum(count_headings(chapter) for chapter in own.chapters)
        if len(own.chapters) >= 2 and headings >= max(2 * body_work, _ATTACHED_WORK):
            extended = body + attachment.paragraphs
            others = [other for other in attachments if other is not attachment]
            return extended, build_outline(extended, profile), others
    return None


#: The fewest headings an attachment's outline must have to be read as the plan's work.
_ATTACHED_WORK = 10


def count_headings(block: Block) -> int:
    """The block's heading and those under it."""
    return 1 + sum(count_headings(child) for child in block.children)
