"""Which lines of a plan's header hold its title: a short line ending as the genre's titles do,
set on one line or two; failing one, the title the notice names, a news lead's 《title》, the
page's or Word file's own title, or the file name."""

from __future__ import annotations

import re

from loaders.profile import Profile
from loaders.reading.paragraphs import Paragraph

__all__ = ["completes_named_title", "fallback_title", "title_continues", "title_line"]

_SITE_SEPARATOR = re.compile(r"\s*(?:[_|｜]|——|--|\s-\s)\s*")


def without_note(title: str, profile: Profile) -> str:
    """……实施方案（2016-2020年）, ……实施方案（2023年）, ……（修订）: the title without the period or note
    that closes it, which ends as the genre's titles do."""
    return re.sub(f"(?:{profile.title.period}|{profile.title.note})$", "", title)


def title_line(preamble: list[Paragraph], profile: Profile) -> int | None:
    """The first short paragraph without sentence punctuation that ends like a plan title — or,
    where the same title stands again below with its issuer before it (a page's breadcrumb, then
    平潭综合实验区管委会关于……实施意见 as the document writes it), that one."""
    first = _first_title_line(preamble, profile)
    if first is None:
        return None
    title = preamble[first].text
    issued = (
        position
        for position in range(first + 1, len(preamble))
        if preamble[position].text.endswith(title)
        and len(preamble[position].text) > len(title)
        and re.match(profile.title.issuer, preamble[position].text) is not None
    )
    return next(issued, first)


def _first_title_line(preamble: list[Paragraph], profile: Profile) -> int | None:
    endings = tuple(profile.title.endings)
    for position, paragraph in enumerate(preamble):
        text = without_note(paragraph.text, profile)
        # 关于印发河北省……行动计划 / （2016-2020年）的通知: a notice's title broken across lines.
        sends_out = re.search(profile.title.sends_out, text)
        # A line that is only the word (规划, as a portal's 体裁分类 gives the genre) names no plan.
        # …… unless the line before ends its first half (关于进一步加强……工作的 / 实施意见).
        named = text.endswith(endings) and (
            text not in endings or (position > 0 and preamble[position - 1].text.endswith("的"))
        )
        if len(text) <= 60 and not re.search("[，。；：]", text) and named and not sends_out:
            return position
    return None


def title_continues(preamble: list[Paragraph], index: int, notice: list[Paragraph]) -> bool:
    """A title set on two lines (国务院办公厅关于加快发展 / 体育竞赛表演产业的指导意见): the
    line before is short, has no punctuation, and is no part of the notice."""
    if index == 0:
        return False
    before = preamble[index - 1]
    return (
        before not in notice
        and before.bullet is None
        and len(before.text) + len(preamble[index].text) <= 80
        and not re.search("[，。；：、《》（）]", before.text)
        and re.match("[\u4e00-\u9fff]{4}", before.text) is not None
        and not before.text.endswith(("通知", "函"))
        # 平潭综合实验区管委会2016年6月20日: a signature and its date, above the plan it sent out.
        and re.search(r"\d{4}年\d{1,2}月\d{1,2}日$", before.text) is None
    )


def completes_named_title(preamble: list[Paragraph], index: int, named: list[str]) -> bool:
    """A title set on two lines whose first holds what title_continues will not take (、, quotation
    marks): the two lines together are the title the notice names (印发《上海市促进……“产业聚集、空间
    聚集、要素聚集”三年行动计划（2026—2028年）》)."""
    if index == 0 or index >= len(preamble):
        return False
    joined = preamble[index - 1].text + preamble[index].text
    return any(_comparable(title) == _comparable(joined) for title in named)


def _comparable(title: str) -> str:
    """A title as its notice names it compares with the title line: 〈〉 are the 《》 of a title
    quoted within a quotation (印发《关于贯彻〈……条例〉……的实施方案》), and spaces count for nothing."""
    return re.sub(r"\s", "", title).translate(str.maketrans("〈〉", "《》"))


#: A notice's title that sends out no other document: 关于加强首诊和转诊服务提升医疗服务连续性的通知.
_NOTICE_ITSELF = re.compile("[^，。；：《》]{0,30}关于[^，。；：《》]{4,80}的通知")


def fallback_title(
    preamble: list[Paragraph],
    notice_titles: list[str],
    title_hint: str | None,
    file_stem: str | None,
    profile: Profile,
) -> tuple[str | None, str | None]:
    """No title line: the title the notice names, the 《title》 a news lead names, the page's
    or Word file's own title, or the file name — in that order."""
    endings = tuple(profile.title.endings)

    def plan_like(title: str) -> bool:
        return without_note(title, profile).endswith(endings)

    for title in notice_titles:
        if plan_like(title):
            return title, "notice"
    for paragraph in preamble[:5]:
        for title in re.findall(profile.title.lead, paragraph.text):
            if plan_like(title):
                return title, "lead"
    for paragraph in preamble[:3]:
        # 关于开展……试点工作的通知 heading a notice that is itself the plan: its own title.
        if _NOTICE_ITSELF.fullmatch(paragraph.text):
            return paragraph.text, "notice"
    if title_hint:
        # 某某市数字经济行动计划_政策文件_某某市人民政府: the part that is the plan's title.
        parts = [p for p in _SITE_SEPARATOR.split(title_hint.strip()) if p]
        hint = next((p for p in parts if plan_like(p)), parts[0] if parts else "")
        if hint and len(hint) <= 80:
            return hint, "page"
    if file_stem:
        return file_stem, "file"
    return None, None
