"""Text → normalised paragraphs, each keeping its place in the original text.

Plans of the genre come with full- or half-width punctuation, CRLF or LF line ends,
indentation or none, blank lines between paragraphs or not, and “—”, “——” or “--”
bullets. All of these normalise to the same paragraphs: one per non-empty line, CJK
punctuation full-width, digits and Latin letters half-width, the bullet set aside.

Normalisation maps characters one to one, so an offset in a paragraph's text plus the
paragraph's `start` is an offset in the original text.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

__all__ = ["Paragraph", "normalise_line", "split_paragraphs"]

_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n|$)")
#: Every space a page may indent or pad a line with: ideographic, no-break, zero-width, and the
#: typographic ones (en, em, thin …) some portals set their paragraphs in by.
_SPACE = " \t\u3000\u00a0\ufeff\u200b\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f"
_TO_FULL_WIDTH = {",": "，", ":": "：", ";": "；", "?": "？", "!": "！", "+": "＋"}
_BRACKETS = {"(": "（", ")": "）"}


@dataclass(frozen=True, slots=True)
class Paragraph:
    index: int
    text: str
    #: The bullet mark the line started with, as a canonical "——", or None.
    bullet: str | None
    start: int
    end: int
    line: int


def _is_wide(char: str) -> bool:
    """CJK ideographs, CJK punctuation and full-width forms: the characters half-width
    punctuation next to which should have been full-width."""
    code = ord(char)
    return (
        0x4E00 <= code <= 0x9FFF
        or 0x3400 <= code <= 0x4DBF
        or 0x3000 <= code <= 0x303F
        or 0xFF00 <= code <= 0xFFEF
        or char in "“”‘’《》…—"
    )


def _half_width_alnum(char: str) -> str:
    code = ord(char)
    if 0xFF10 <= code <= 0xFF19 or 0xFF21 <= code <= 0xFF3A or 0xFF41 <= code <= 0xFF5A or code == 0xFF05:
        return chr(code - 0xFEE0)
    return char


#: A comma separating thousands in a number (1,200 · 12,000,000): three digits and no more after it.
_THOUSANDS = re.compile(r",[0-9０-９]{3}(?![0-9０-９])")
#: A line a Markdown crawl marks whole: bold (**…**) or a heading (## …).
_MARKDOWN_LINE = re.compile(r"(?:\*\*(?P<bold>.+)\*\*|#{1,6}[ \t]+(?P<heading>.+))")
#: 〔区〕: a few characters and no digit in the marks that otherwise hold a document number's year.
_SHORT_PARENTHESIS = re.compile(r"〔[^〔〕\d]{1,4}〕")


def normalise_line(line: str) -> str:
    """Normalise one line's characters, one for one (the length never changes)."""
    chars = [_half_width_alnum(c) for c in line]
    quote_open = True
    for i, char in enumerate(chars):
        before = chars[i - 1] if i > 0 else ""
        after = chars[i + 1] if i + 1 < len(chars) else ""
        near_wide = (before and _is_wide(before)) or (after and _is_wide(after))
        if char == "," and before.isdigit() and _THOUSANDS.match(line, i):
            pass  # 1,200亿元: a thousands separator, part of the number
        elif char in _TO_FULL_WIDTH and near_wide:
            chars[i] = _TO_FULL_WIDTH[char]
        elif char == "．" and before.isdigit() and after.isdigit():
            chars[i] = "."  # １．５万: a decimal point written full-width, as its digits were
        elif char == "." and before and _is_wide(before) and before not in "（）":
            chars[i] = "。"
        elif char == '"':
            chars[i] = "“" if quote_open else "”"
            quote_open = not quote_open
        elif char == "(":
            close = line.find(")", i)
            inner = line[i + 1 : close] if close > 0 else ""
            # (1)加大……: a number in brackets before a heading is one in full-width brackets.
            heads = 0 < close < len(line) - 1 and _is_wide(line[close + 1]) and inner.isdigit()
            if near_wide or heads or any(_is_wide(c) for c in inner):
                chars[i] = "（"
                if close > 0:
                    chars[close] = "）"
        elif char == ")" and near_wide:
            chars[i] = "）"
        elif char == "〔" and (short := _SHORT_PARENTHESIS.match(line, i)):
            # 各市、县〔区〕政府: a parenthesis written in the marks of a document number (〔2020〕).
            chars[i], chars[short.end() - 1] = "（", "）"
    return "".join(chars)


def split_paragraphs(text: str, bullets: list[str]) -> list[Paragraph]:
    """Split decoded text into normalised paragraphs (one per non-empty line)."""
    marks = sorted(bullets, key=len, reverse=True)
    paragraphs: list[Paragraph] = []
    offset = 0
    for line_no, match in enumerate(_LINE.finditer(text), start=1):
        raw = match.group().rstrip("\r\n")
        offset = match.start()
        if match.start() == match.end() == len(text) and not raw:
            break
        stripped = raw.lstrip(_SPACE)
        start = offset + len(raw) - len(stripped)
        stripped = stripped.rstrip(_SPACE)
        if marked := _MARKDOWN_LINE.fullmatch(stripped):
            # **1  概  述** or ## 一、总体要求: a page crawled as Markdown marks its headings.
            group = "bold" if marked.group("bold") is not None else "heading"
            start += marked.start(group)
            stripped = marked.group(group).strip(_SPACE)
        if stripped.count("|") >= 2:
            # | 1 | 推动…… | 区商务局 |: a Markdown table's row, its cells between tabs as a table
            # copied from a word processor sets them; its rule (| --- | --- |) is no row.
            if _PIPE_RULE.fullmatch(stripped):
                continue
            cells = stripped.replace("|", "\t")
            inner = cells.strip(_SPACE)
            start += len(cells) - len(cells.lstrip(_SPACE))
            stripped = inner
        if not stripped:
            continue
        bullet = None
        for mark in marks:
            if stripped.startswith(mark) and len(stripped) > len(mark):
                rest = stripped[len(mark) :].lstrip(_SPACE)
                # "-1" is a number and "--" alone is a rule, not a bullet.
                if rest and not rest[0].isdigit():
                    bullet = "——"
                    start += len(stripped) - len(rest)
                    stripped = rest
                break
        normalised = normalise_line(stripped)
        cuts = sorted(
            {
                0,
                *(m.end() - len(m.group("heading")) for m in _RUN_IN_HEADING.finditer(normalised)),
                *(
                    m.end()
                    for m in (_RUN_IN_RECIPIENTS.match(normalised), _RUN_IN_TITLE.match(normalised))
                    if m
                ),
                *(_run_together_cuts(normalised) if len(normalised) > _RUN_TOGETHER else []),
                len(normalised),
            }
        )
        for begin, end in itertools.pairwise(cuts):
            # ……QQ空间 岚综管综〔2015〕92号: a piece cut where a space stood keeps none at its ends.
            begin += len(normalised[begin:end]) - len(normalised[begin:end].lstrip(_SPACE))
            end -= len(normalised[begin:end]) - len(normalised[begin:end].rstrip(_SPACE))
            if begin >= end:
                continue
            paragraphs.append(
                Paragraph(
                    index=len(paragraphs),
                    text=normalised[begin:end],
                    bullet=bullet if begin == 0 else None,
                    start=start + begin,
                    end=start + end,
                    line=line_no,
                )
            )
    return paragraphs


#: The rule under a Markdown table's header row: | --- | :---: |.
_PIPE_RULE = re.compile(r"\|?(?:\s*:?-{3,}:?\s*\|)+\s*:?-*:?\s*")

#: A copy that ran a notice's lines together: its title and its recipients (……的通知各市人民政府，
#: ……：), or its date and the plan's title (2022年1月15日河北省制造业高质量发展“十四五”规划).
_RUN_IN_RECIPIENTS = re.compile("^.{4,100}?的通知(?=各[^。]{2,200}[：:]$)")
_RUN_IN_TITLE = re.compile("^\\d{4}年\\d{1,2}月\\d{1,2}日(?=[\u4e00-\u9fff“][^，。；：,;:]{3,60}$)")

#: A line this long is a text that lost its line breaks (a crawl that kept none), not a paragraph.
_RUN_TOGETHER = 800
#: Where such a text starts a paragraph: a heading after a colon or a semicolon (……如下意见：一、……),
#: a section or an item right after a title or a stop (一、总体要求（一）指导思想。, 能力（1）制定……。
#: （2）储备……), a chapter whose short title its first section follows (……区交建局三、保障措施（一）),
#: the publication note that ends a notice and what follows it (（此件主动公开）……), the date under a
#: signature (……管委会2016年6月20日) and a title after it, a preface after the plan's title
#: (……行动计划（2023-2025年）为深入……), an item straight after its heading (重点工作1.编制……),
#: the words after spaces the page left between its parts (……微博 QQ空间 岚综管综〔2015〕92号), and
#: the recipients after a title (……实施意见区直各单位，各乡镇人民政府：).
_RUN_TOGETHER_STARTS = (
    re.compile(
        "(?<=[：:；])(?:（[一二三四五六七八九十]{1,3}）|[一二三四五六七八九十]{1,3}、)(?=[\u4e00-\u9fff“])"
    ),
    re.compile(
        "(?<=[\u4e00-\u9fff。])(?<!第)（(?:[一二三四五六七八九十]{1,3}|\\d{1,2})）(?=[\u4e00-\u9fff“])"
    ),
    re.compile(
        "(?<=[\u4e00-\u9fff])(?<!第)[一二三四五六七八九十]{1,3}、(?=[\u4e00-\u9fff]{2,15}（[一二三四五六七八九十]{1,3}）)"
    ),
    re.compile("(?<=[厅局委办府会部室])\\d{4}年\\d{1,2}月\\d{1,2}日(?=（此件| |$|[\u4e00-\u9fff]{4})"),
    re.compile("(?<=。)(?=[\u4e00-\u9fff]{4,40}?[厅局委办府会部室]\\d{4}年\\d{1,2}月\\d{1,2}日（此件)"),
    re.compile("(?<=(?:规划|纲要|意见|方案|计划|措施|年）))(?=(?:为|根据|按照|近年来)[\u4e00-\u9fff])"),
    re.compile("(?<=[\u4e00-\u9fff])(?<!第)\\d{1,2}[.．](?=[\u4e00-\u9fff])"),
    re.compile("(?<=[\u4e00-\u9fff。）号日])(?<![章节条篇]) +(?=[\u4e00-\u9fff])"),
    re.compile("(?<=意见|方案|计划|规划|通知|措施|要点)(?=[\u4e00-\u9fff]{2,20}[，、][^。：；]{2,150}：)"),
    re.compile(
        "(?<=\\d日)(?=[\u4e00-\u9fff][\u4e00-\u9fff“”（）\\d—-]{3,60}?(?:规划|纲要|意见|方案|计划|措施|要点)(?: |$))"
    ),
)
#: Where such a text ends a paragraph: after a 文号 (……〔2015〕92号平潭综合实验区管委会关于……).
_RUN_TOGETHER_ENDS = re.compile("〔\\d{4}〕\\d{1,4}号(?=[\u4e00-\u9fff])")
_PUBLICATION_NOTE = re.compile("（此件[^（）]{2,8}）")


def _run_together_cuts(line: str) -> list[int]:
    starts = [m.start() for pattern in _RUN_TOGETHER_STARTS for m in pattern.finditer(line)]
    notes = [at for m in _PUBLICATION_NOTE.finditer(line) for at in m.span()]
    return starts + notes + [m.end() for m in _RUN_TOGETHER_ENDS.finditer(line)]


#: A numbered heading run into the paragraph before it, as crawled pages and extracted PDFs
#: join them: “……（责任单位：省科技厅）2.加强科技创新。” or “……质量。（二）推动……”. It starts a
#: paragraph of its own.
_RUN_IN_HEADING = re.compile(
    "(?<=[）。])(?P<heading>（[一二三四五六七八九十]{1,3}）|\\d{1,2}[.．](?!\\d)|[一二三四五六七八九十]{1,3}、)(?=[\u4e00-\u9fff“])"
)
