"""Standards a plan calls to formulate: one per item of an enumeration such as
“重点制（修）订农田保护、耕地质量评价……等标准” or “加强集成电路、传感器与智能控制……等标准化工作”."""

from __future__ import annotations

import re
from dataclasses import dataclass

from loaders.profile import Profile

__all__ = ["StandardMention", "extract_standards"]


@dataclass(frozen=True, slots=True)
class StandardMention:
    name: str
    start: int
    end: int


def extract_standards(text: str, profile: Profile) -> list[StandardMention]:
    """Standard topics enumerated in text, in order, with their offsets.

    >>> from loaders.profile import load_profile
    >>> [m.name for m in extract_standards("重点制（修）订水文、防洪排涝等地方标准。", load_profile())]
    ['水文', '防洪排涝']
    """
    rules = profile.standards
    lead = re.compile("|".join(re.escape(w) for w in sorted(rules.lead_words, key=len, reverse=True)))
    separator = re.compile("|".join(re.escape(s) for s in rules.separators))
    taken: list[tuple[int, int]] = []
    mentions: list[StandardMention] = []
    for pattern in rules.enumerations:
        for match in re.finditer(pattern, text):
            start, end = match.span("items")
            if any(start < t_end and t_start < end for t_start, t_end in taken):
                continue
            items_text = match.group("items")
            stripped = _strip_leads(items_text, lead)
            if rules.require_lead_word and stripped == items_text:
                continue
            taken.append((start, end))
            position = start + len(items_text) - len(stripped)
            for piece in separator.split(stripped):
                name = _strip_trailing(piece.strip(), rules.trailing_words)
                if rules.min_length <= len(name) <= rules.max_length:
                    offset = text.index(name, position)
                    mentions.append(StandardMention(name, offset, offset + len(name)))
                position += len(piece)
    mentions.sort(key=lambda m: m.start)
    return mentions


def _strip_trailing(name: str, words: list[str]) -> str:
    for word in words:
        name = name.removesuffix(word)
    return name


def _strip_leads(text: str, lead: re.Pattern[str]) -> str:
    """Remove opening words (重点, 开展, 制（修）订 …) from the front, as often as they recur."""
    while match := lead.match(text):
        text = text[match.end() :]
    return text
