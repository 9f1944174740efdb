"""The plan's header: the notice that sends it out (recipients, approval, date) and the
title block (title, period), read from the paragraphs before the first chapter."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from loaders.documents import normalise_doc_number
from loaders.paragraphs import Paragraph
from loaders.profile import Profile

__all__ = ["PlanHeader", "read_header"]


@dataclass(slots=True)
class PlanHeader:
    title: str | None = None
    title_paragraphs: list[Paragraph] = field(default_factory=list)
    recipients: list[str] = field(default_factory=list)
    approved_by: str | None = None
    issuer: str | None = None
    issued_on: str | None = None
    doc_number: str | None = None
    period_start: int | None = None
    period_end: int | None = None
    region: str | None = None
    level: str | None = None
    #: The notice paragraphs (recipients, approval, date): placed, not plan text.
    notice: list[Paragraph] = field(default_factory=list)
    #: Paragraphs between the title and the first chapter: the plan's own preface.
    preface: list[Paragraph] = field(default_factory=list)


def read_header(preamble: list[Paragraph], profile: Profile) -> PlanHeader:
    header = PlanHeader()
    recipients = re.compile(profile.notice.recipients)
    approval = re.compile(profile.notice.approval)
    date = re.compile(profile.notice.date)
    quoted_titles: list[str] = []

    title_index = _title_line(preamble, profile)
    for position, paragraph in enumerate(preamble):
        if title_index is not None and position >= title_index:
            break
        text = paragraph.text
        if not header.recipients and (match := recipients.match(text)):
            header.recipients = [r for r in re.split(r"[，,]", match.group("recipients")) if r]
            header.notice.append(paragraph)
        elif re.fullmatch(profile.documents.number, text):
            header.doc_number = normalise_doc_number(text)
            header.notice.append(paragraph)
        elif match := date.match(text):
            header.issued_on = "{}-{:02d}-{:02d}".format(
                int(match.group("year")), int(match.group("month")), int(match.group("day"))
            )
            header.notice.append(paragraph)
        elif match := approval.search(text):
            header.approved_by = match.group("approver")
            quoted_titles += re.findall(r"《([^》]+)》", text)
            header.notice.append(paragraph)

    if title_index is not None:
        header.title_paragraphs = [preamble[title_index]]
        title = preamble[title_index].text
        following = preamble[title_index + 1] if title_index + 1 < len(preamble) else None
        if following is not None and re.fullmatch(profile.title.period, following.text):
            header.title_paragraphs.append(following)
            title += following.text
        header.title = title
        header.preface = preamble[title_index + len(header.title_paragraphs) :]
    elif quoted_titles:
        header.title = quoted_titles[0]

    if header.title:
        _read_title(header, profile)
    return header


def _title_line(preamble: list[Paragraph], profile: Profile) -> int | None:
    """The first short paragraph without sentence punctuation that ends like a plan title."""
    endings = tuple(profile.title.endings)
    for position, paragraph in enumerate(preamble):
        text = re.sub(profile.title.period + "$", "", paragraph.text)
        if len(text) <= 60 and not re.search("[，。；：]", text) and text.endswith(endings):
            return position
    return None


def _read_title(header: PlanHeader, profile: Profile) -> None:
    assert header.title is not None
    if period := re.search(profile.title.period, header.title):
        header.period_start = int(period.group("start"))
        header.period_end = int(period.group("end"))
    header.region = _region(header, profile)
    if header.region:
        for suffix, level in profile.regions.levels.items():
            if header.region.endswith(suffix):
                header.level = level
                break
    if header.approved_by:
        header.approved_by = qualify(header.approved_by, header.region, profile)
        header.issuer = profile.notice.issuer_from_approver.format(approver=header.approved_by)


def _region(header: PlanHeader, profile: Profile) -> str | None:
    """The region the title begins with; failing that (关于……的实施意见), the region of the
    first document the notice or preface cites (为贯彻落实《湖北省……规划》)."""
    assert header.title is not None
    titles = [header.title] + [
        t for p in header.notice + header.preface for t in re.findall(r"《([^》]+)》", p.text)
    ]
    for title in titles:
        if match := re.match(profile.regions.pattern, title):
            return match.group("region")
    return None


def qualify(body: str, region: str | None, profile: Profile) -> str:
    """省人民政府 in a plan of 湖北省 → 湖北省人民政府."""
    if region and body[0] in profile.regions.relative_prefixes and region.endswith(body[0]):
        return region + body[1:]
    return body
