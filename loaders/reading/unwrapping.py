"""Hard-wrapped text joined back into paragraphs: a plan copied from a PDF or set in fixed-width
lines breaks its sentences at the line's end, and a line that continues the one before is joined
to it (see `unwrap`)."""

from __future__ import annotations

import re
from collections import Counter

__all__ = ["in_columns", "unwrap"]

_SENTENCE_END = tuple("。；：！？")
_CLOSING = tuple("”’）」》")


def _width(line: str) -> int:
    return sum(2 if ord(c) > 0x2E80 else 1 for c in line)


def _ends_sentence(line: str) -> bool:
    """。 or 。” — a closing quote or bracket alone often stands mid-sentence — or a bracket
    opened after the sentence's end (……提高到80万元。（责任单位：市住建局）)."""
    if line.endswith(_SENTENCE_END) or (line.endswith(_CLOSING) and line[:-1].endswith(_SENTENCE_END)):
        return True
    opened = line.rfind("（")
    return (
        line.endswith("）")
        and opened > 0
        and "）" not in line[opened:-1]
        and line[:opened].endswith(_SENTENCE_END)
    )


def _full_thresholds(lines: list[str], commonest: bool = False) -> tuple[float, float]:
    """How many characters, and how much width, make a line as full as the widest lines; with
    `commonest`, as full as the commonest width of the wider half, where that is less: a PDF's body
    lines share one width, and a few wider ones (a list set smaller) must not make them look short."""
    chars = sorted(len(line.strip()) for line in lines)
    widths = sorted(_width(line.strip()) for line in lines)
    at = int(len(lines) * 0.9) if len(lines) > 9 else len(lines) - 1
    full_chars, full_width = chars[at] * 0.9, widths[at] * 0.9
    if commonest:
        upper = widths[len(widths) // 2 :]
        common = Counter(upper).most_common(1)[0][0] * 0.9
        if common < full_width:
            full_chars, full_width = full_chars * common / full_width, common
    return full_chars, full_width


def _indented(line: str) -> bool:
    return line[:1].isspace()


def unwrap(text: str, force: bool = False) -> str:
    """Join lines broken mid-sentence back into paragraphs.

    A line continues the one before when that one is about as full as the fullest lines,
    and — where paragraphs start indented, as they do in plans — when it is not indented
    itself; where nothing is indented, when the line before ends no sentence. Text is only
    unwrapped when it looks hard-wrapped (many lines nearly equally full) or when `force` is
    set (PDF). A 《title》 left open at a line end is joined with the next line in any case, and
    so is a bracket the next line closes (（责任单位： / 省市场监管局、省国资委）) or a quotation it
    closes within its first words (“小巨 / 人”企业).
    """
    lines = text.splitlines()
    nonblank = [line for line in lines if line.strip()]
    if not nonblank:
        return text
    full_chars, full_width = _full_thresholds(nonblank, commonest=force)

    def full(line: str) -> bool:
        return len(line.strip()) >= full_chars or _width(line.strip()) >= full_width

    fixed = force or (
        max(_width(line.strip()) for line in nonblank) <= 200
        and sum(map(full, nonblank)) >= 0.3 * len(nonblank)
    )
    share = sum(map(_indented, nonblank)) / len(nonblank)
    uses_indent = 0.1 <= share <= 0.9
    joined: list[str] = []
    previous = ""  # the last physical line
    joins = 0
    for line in lines:
        if joined and line.strip() and previous.strip():
            paragraph = joined[-1].strip()
            open_title = paragraph.count("《") > paragraph.count("》")
            starts_paragraph = _indented(line) if uses_indent else _ends_sentence(previous.strip())
            if (
                open_title
                or _closes_open_bracket(paragraph, line.strip())
                or _closes_open_quote(paragraph, line.strip())
                or (
                    fixed
                    and full(previous)
                    and not starts_paragraph
                    and not _HEADING.match(line.strip())
                    and not (in_columns(line) or in_columns(previous))  # a table's rows
                )
            ):
                joined[-1] = joined[-1].rstrip() + line.strip()
                previous = line
                joins += 1
                continue
        joined.append(line)
        previous = line
    # Untouched text stays byte for byte what it was, so spans point into the file as written.
    return "\n".join(joined) if joins else text


#: A line that opens with an outline number (一、 一． （一） (1) 1. 1） ① 第一章 第一条) starts a
#: paragraph of its own: a list of short items is no hard-wrapped paragraph.
_HEADING = re.compile(
    r"(?:第[一二三四五六七八九十百]+(?:[章节篇条]|部分)|[一二三四五六七八九十]+[、．]|[（(][一二三四五六七八九十\d]{1,3}[）)]"
    r"|\d{1,2}[.．、﹒)）](?!\d)|[①-⑳⑴-⒇])"
)


#: Cells set apart in a row: a tab, or two gaps of two spaces or more (a PDF's table without rules).
_COLUMNS = re.compile(r"\t|\S {2,}\S.*\S {2,}\S")


def in_columns(line: str) -> bool:
    """Whether a line is a table's row, its cells set apart in columns."""
    return _COLUMNS.search(line.strip()) is not None


def _closes_open_bracket(paragraph: str, line: str) -> bool:
    """Whether paragraph ends inside a bracket that line, short, closes before opening another."""
    if paragraph.count("（") <= paragraph.count("）") or len(line) > 200:
        return False
    closing, opening = line.find("）"), line.find("（")
    return closing >= 0 and (opening < 0 or closing < opening)


#: How near the start of the next line a quote left open at a line's end must close (“小巨 / 人”企业).
_QUOTE_CLOSED_WITHIN = 10


def _closes_open_quote(paragraph: str, line: str) -> bool:
    """Whether paragraph ends inside a quotation mark that line closes within its first words."""
    if paragraph.count("“") <= paragraph.count("”"):
        return False
    closing, opening = line.find("”"), line.find("“")
    return 0 <= closing < _QUOTE_CLOSED_WITHIN and (opening < 0 or closing < opening)
