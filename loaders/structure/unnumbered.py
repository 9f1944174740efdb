"""Items that carry no number: paragraphs opened by a run-in heading (加强组织领导。省教育厅……)
or a heading on a line of its own with its text below (a page whose headings lost their numbers).

Both a chapter titled only with its kind's word (四、保障措施) and a whole plan whose page dropped
its numbers set their items so; each is named by its heading and runs to the next one."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from loaders.profile import Profile
from loaders.reading.paragraphs import Paragraph

__all__ = ["UnnumberedItem", "unnumbered_items"]


@dataclass(slots=True)
class UnnumberedItem:
    paragraph: Paragraph
    title: str
    #: Where the text after a run-in heading starts in its paragraph; None for a heading line.
    rest_offset: int | None
    #: The plain paragraphs after the heading, up to the next item.
    paragraphs: list[Paragraph] = field(default_factory=list)


#: A short line of words alone, with no punctuation: a heading without its number.
_HEADING_LINE = re.compile(r"[\u4e00-\u9fff“”]{4,16}")


def _heading_line(paragraph: Paragraph) -> bool:
    return paragraph.bullet is None and _HEADING_LINE.fullmatch(paragraph.text) is not None


def unnumbered_items(paragraphs: list[Paragraph], profile: Profile) -> list[UnnumberedItem]:
    """The items among paragraphs, in order; paragraphs before the first item are none's. The
    paragraph below a heading line is its text, whatever it opens with."""
    run_in = re.compile(profile.run_in_heading)
    items: list[UnnumberedItem] = []
    for position, paragraph in enumerate(paragraphs):
        match = run_in.match(paragraph.text) if not paragraph.bullet else None
        following = paragraphs[position + 1] if position + 1 < len(paragraphs) else None
        text_below_a_heading = bool(items) and items[-1].rest_offset is None and not items[-1].paragraphs
        if match and not text_below_a_heading:
            items.append(UnnumberedItem(paragraph, match.group("title"), match.start("rest")))
        elif _heading_line(paragraph) and following is not None and not _heading_line(following):
            items.append(UnnumberedItem(paragraph, paragraph.text, None))
        elif items:
            items[-1].paragraphs.append(paragraph)
    return items
