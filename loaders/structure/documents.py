"""Documents a plan cites: 《titles》, 文号 (国办发〔2015〕89号), and plan titles recognisable
by their period even without 《》."""

from __future__ import annotations

import re
from dataclasses import dataclass

from loaders.profile import Profile

__all__ = ["Citation", "document_key", "extract_citations", "normalise_doc_number", "normalise_title"]

_DASHES = re.compile(r"\s*[-—–－~～]+\s*")
_OPEN = re.compile(r"[\[［【(（]")
_CLOSE = re.compile(r"[\]］】)）]")


@dataclass(frozen=True, slots=True)
class Citation:
    title: str | None
    number: str | None
    start: int
    end: int


def normalise_doc_number(number: str) -> str:
    """国办发[2015]89号, 国办发（2015）89 号, 皖政办〔201638号 → 国办发〔2015〕89号 … 皖政办〔2016〕38号.

    >>> normalise_doc_number("皖政办〔201638号")
    '皖政办〔2016〕38号'
    """
    number = re.sub(r"\s+", "", number)
    return re.sub(r"[\[［【(（〔](\d{4})[\]］】)）〕]?", r"〔\1〕", number)


def normalise_title(title: str) -> str:
    """A title's comparable form: no spaces, （） brackets, one kind of dash."""
    title = re.sub(r"[\s《》]+", "", title)
    title = _OPEN.sub("（", _CLOSE.sub("）", title))
    return _DASHES.sub("-", title)


def document_key(citation: Citation) -> str:
    return citation.number or normalise_title(citation.title or "")


def extract_citations(text: str, profile: Profile) -> list[Citation]:
    """Cited documents in text, in order; a 文号 right after a title belongs to that title.

    >>> from loaders.profile import load_profile
    >>> extract_citations("根据《某规划》（国办发〔2015〕89号）精神", load_profile())[0].number
    '国办发〔2015〕89号'
    """
    rules = profile.documents
    citations: list[Citation] = []
    covered: list[tuple[int, int]] = []
    for match in re.finditer(rules.quoted, text):
        number = match.group("number")
        citations.append(
            Citation(
                match.group("title"),
                normalise_doc_number(number) if number else None,
                match.start(),
                match.end(),
            )
        )
        covered.append(match.span())
    for pattern, group in ((rules.number, "number"), (rules.unquoted, "title")):
        for match in re.finditer(pattern, text):
            start, end = match.span(group)
            if any(c_start <= start < c_end for c_start, c_end in covered):
                continue
            value = match.group(group)
            if group == "number":
                citations.append(Citation(None, normalise_doc_number(value), start, end))
            else:
                citations.append(Citation(value, None, start, end))
            covered.append((start, end))
    citations.sort(key=lambda c: c.start)
    return citations
