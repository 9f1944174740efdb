"""The plan's header: the notice that sends it out (recipients, approval, 文号, date) and the
title block (title, period), read from the paragraphs before the first chapter.

Plans reach planners in many wrappings — a notice before the plan, a news lead that names it
only as 《…》, a web page whose title is only in `<title>` — so the title is looked for in a
fixed order, and where it comes from is kept (`title_from`), so a guess can be reported.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from loaders.numerals import chinese_number, five_year_plan_end
from loaders.patterns import alternation
from loaders.profile import Profile
from loaders.reading.paragraphs import Paragraph
from loaders.structure.documents import normalise_doc_number
from loaders.structure.regions import is_region, plan_level, plan_region, qualify, short_name
from loaders.structure.title_lines import (
    completes_named_title,
    fallback_title,
    title_continues,
    title_line,
)

__all__ = ["PlanHeader", "read_header", "read_period_in_text"]

_DIGITS = str.maketrans("〇○零一二三四五六七八九", "00012345678" + "9")
_NUMERAL_DATE = re.compile(
    "([〇○零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,2})月([一二三四五六七八九十]{1,3})日"
)


@dataclass(slots=True)
class PlanHeader:
    title: str | None = None
    #: Where the title was found: line, notice, lead, page (HTML or Word properties), file.
    title_from: str | None = None
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
    #: The one year a title names without a period (数字山东2021行动方案).
    title_year: int | None = None
    #: The notice paragraphs (recipients, approval, 文号, date): placed, not plan text.
    notice: list[Paragraph] = field(default_factory=list)
    #: Paragraphs between the title and the first chapter: the plan's own preface.
    preface: list[Paragraph] = field(default_factory=list)

    @property
    def target_year(self) -> int | None:
        """The year a target with no deadline of its own is due: the end of the plan's period,
        else the one year its title names."""
        return self.period_end or self.title_year

    @property
    def issue_year(self) -> int | None:
        """The year the plan was issued in, where its date is known: what 3年内 and 今年 count from."""
        return int(self.issued_on[:4]) if self.issued_on else None


def read_header(
    preamble: list[Paragraph],
    profile: Profile,
    *,
    closing: list[Paragraph] = (),  # type: ignore[assignment]
    title_hint: str | None = None,
    file_stem: str | None = None,
) -> PlanHeader:
    """Read the header from the preamble; `closing` are the document's last paragraphs (a
    signature date), `title_hint` a title the file format carries (HTML, Word properties),
    `file_stem` the last resort for a title."""
    header = PlanHeader()
    _read_metadata(header, preamble, profile)
    title_index = title_line(preamble, profile)
    notice_titles = _read_notice(header, preamble, title_index, profile)
    if title_index is not None:
        # A title set on two lines starts a line earlier; a period line (（2016-2020年）) may follow.
        continued = title_continues(preamble, title_index, header.notice) or completes_named_title(
            preamble, title_index, notice_titles
        )
        first = title_index - 1 if continued else title_index
        # 进一步清理消费领域限制性举措 / 持续扩大消费若干措施: a first line that ends like a title (举措)
        # goes on to the next where the two are the title the notice names.
        last = (
            title_index + 1
            if completes_named_title(preamble, title_index + 1, notice_titles)
            else title_index
        )
        lines = preamble[first : last + 1]
        following = preamble[last + 1] if last + 1 < len(preamble) else None
        if following is not None and (
            re.fullmatch(profile.title.period, following.text)
            or re.fullmatch(profile.title.note, following.text)
        ):
            lines.append(following)  # （2016-2020年） or （修订） on a line of its own
        header.title_paragraphs = lines
        header.title, header.title_from = "".join(p.text for p in lines), "line"
        header.preface = [p for p in preamble[first + len(lines) :] if p not in header.notice]
    else:
        header.preface = [p for p in preamble if p not in header.notice]
        header.title, header.title_from = fallback_title(
            preamble, notice_titles, title_hint, file_stem, profile
        )
    if header.title:
        # 江门市 2026 年度……: a PDF's text sets numbers apart from the words around them.
        header.title = re.sub(r"\s+(?=\d)|(?<=\d)\s+", "", header.title)
    if header.issued_on is None:
        header.issued_on = _signature_date(list(closing), profile)
    # The body that signs issues the plan, whatever its kind (a leading group's office): at the
    # plan's end, or under the notice that sends it out (北京市经济和信息化局 / 2022年11月21日).
    signer = _signer(list(closing), profile) or _signer(preamble, profile)
    # A portal's 发布机构：县政府 names the signer relative to its region: the signature says it in full.
    relative = header.issuer is not None and header.issuer.startswith(
        tuple(profile.regions.relative_prefixes)
    )
    if signer and (header.issuer is None or is_region(header.issuer, profile) or relative):
        header.issuer = signer
    if header.title:
        _read_title(header, profile)
    return header


def _signer(closing: list[Paragraph], profile: Profile) -> str | None:
    """The bodies whose names stand on the lines above the closing date: the plan's signature,
    one body or several issuing it together (河北省教育厅河北省发展和改革委员会 / 河北省民政厅……)."""
    for position, paragraph in enumerate(closing):
        if position == 0 or _date(paragraph.text, profile) is None:
            continue
        lines: list[str] = []
        for before in reversed(closing[:position]):
            name = _STAMP.sub("", before.text.strip())
            if len(name) > 50 or re.search("[，。；：！？]", name) or not _names_body(name, profile):
                break
            lines.insert(0, name)
        if lines:
            return "、".join(body for line in lines for body in _bodies_side_by_side(line, profile))
    return None


#: 省……联席会议（代章）: the mark of the seal a signature carries is no part of the body's name.
_STAMP = re.compile(r"\s*[（(](?:代章|盖章|印章|公章)[）)]$")


def _bodies_side_by_side(run: str, profile: Profile) -> list[str]:
    """河北省教育厅 河北省财政厅, written side by side: a body's name ends as a government body's does
    and the next begins with the place the first begins with (河北省…), or, for central bodies, with
    a central body's prefix (国家…)."""
    chunks = run.split()
    if len(chunks) > 1 and all(len(chunk) >= 2 for chunk in chunks):
        # 科技部 中央宣传部 中国科协: names set apart by spaces (not 重 庆 市 公 安 局, one name spaced out).
        return [body for chunk in chunks for body in _bodies_side_by_side(chunk, profile)]
    run = re.sub(r"\s+", "", run)
    endings = tuple(profile.departments.government_suffixes)
    place = re.match(profile.regions.pattern, run)
    # 上海市交通委员会上海海事局: a body may name the place by its short name.
    beginnings = (
        (place.group(), short_name(place.group())) if place else tuple(profile.regions.national_prefixes)
    )
    bodies, start = [], 0
    for cut in range(2, len(run) - 1):
        next_begins = run[cut:].startswith(beginnings)
        if cut - start >= 2 and run[:cut].endswith(endings) and next_begins:
            bodies.append(run[start:cut])
            start = cut
    return [*bodies, run[start:]]


def _names_body(name: str, profile: Profile) -> bool:
    """A signature line names a body: a government body, a group or organisation, or an academy or
    court (中科院, 最高人民法院) that signs with them."""
    rules = profile.departments
    endings = [*rules.government_suffixes, *(e for kind in rules.body_kinds.values() for e in kind), "院"]
    return name.endswith(tuple(endings))


_METADATA_DATE = re.compile(r"(?P<year>\d{4})\s*[-./年]\s*(?P<month>\d{1,2})\s*[-./月]\s*(?P<day>\d{1,2})")


def _read_metadata(header: PlanHeader, preamble: list[Paragraph], profile: Profile) -> None:
    """A portal page's metadata table (发文机关：国务院办公厅 / 文号： / 成文日期：), the label and
    its value on one line or two: the issuer, 文号 and date it gives are the document's own."""
    labels = {label: name for name, words in profile.notice.metadata.items() for label in words}
    # 文      号: some portals space a label's characters out to the width of the longest.
    spaced = "|".join(r"\s*".join(map(re.escape, label)) for label in sorted(labels, key=len, reverse=True))
    pattern = re.compile(f"^\\s*(?P<label>{spaced})\\s*[：:]\\s*(?P<value>.*)$")
    for position, paragraph in enumerate(preamble):
        match = pattern.match(paragraph.text)
        if match is None:
            continue
        value, used = match.group("value").strip(), [paragraph]
        if not value and position + 1 < len(preamble) and not pattern.match(preamble[position + 1].text):
            value, used = preamble[position + 1].text.strip(), [paragraph, preamble[position + 1]]
        field_name = labels[re.sub(r"\s", "", match.group("label"))]
        if field_name == "issuer" and value:
            # 发布机构：中国平潭: the portal's own name, where it gives no body, is no issuer (the
            # line is still the notice's).
            if value.endswith(profile.departments.body_endings):
                header.issuer = value
        elif field_name == "doc_number" and value:
            header.doc_number = normalise_doc_number(value)
        elif field_name == "issued_on" and (date := _METADATA_DATE.search(value)):
            header.issued_on = "{}-{:02d}-{:02d}".format(
                *(int(date.group(g)) for g in ("year", "month", "day"))
            )
        else:
            continue
        header.notice.extend(p for p in used if p not in header.notice)


def _read_notice(
    header: PlanHeader, preamble: list[Paragraph], title_index: int | None, profile: Profile
) -> list[str]:
    """Recipients, approval, 文号 and date, wherever they stand in the header block; returns the
    titles the notice names (印发《…》 or 关于印发…的通知)."""
    recipients = re.compile(profile.notice.recipients)
    approval = re.compile(profile.notice.approval)
    notice_title = re.compile(profile.documents.notice_title)
    titles: list[str] = []
    for position, paragraph in enumerate(preamble):
        text = paragraph.text
        before_title = title_index is None or position < title_index
        if opening := re.match(f"{profile.documents.number}(?=各)", text):
            # 国办发〔2017〕43号各省、自治区、直辖市人民政府，……: a copy that ran the 文号 into the recipients.
            header.doc_number = header.doc_number or normalise_doc_number(opening.group("number"))
            header.notice.append(paragraph)
            text = text[opening.end() :]
        if (number := _doc_number(text, profile)) is not None:
            header.doc_number = header.doc_number or number
            header.notice.append(paragraph)
        elif (date := _date(text, profile)) is not None and len(text) <= 24:
            header.issued_on = header.issued_on or date
            header.notice.append(paragraph)
        elif (
            not header.recipients
            and _addressed(text, position, title_index)
            and (match := recipients.match(text))
        ):
            # Before the title (a notice's) or right after it (an opinion sent out as itself).
            header.recipients = [r for r in re.split(r"[，,]", match.group("recipients")) if r]
            header.notice.append(paragraph)
        elif not before_title:
            continue
        elif match := notice_title.match(text) or _notice_title_over_two_lines(
            preamble, position, notice_title
        ):
            titles.append(match.group("title").strip("《》"))
            header.issuer = _fuller_name(header.issuer, _issuer_of(text, profile))
            header.notice.append(paragraph)
            if not notice_title.match(text):
                header.notice.append(preamble[position + 1])
        elif match := approval.search(text):
            header.approved_by = match.group("approver")
            titles += re.findall(r"《([^》]+)》", text)
            header.notice.append(paragraph)
    return titles


def _notice_title_over_two_lines(
    preamble: list[Paragraph], position: int, notice_title: re.Pattern[str]
) -> re.Match[str] | None:
    """关于印发《进一步清理消费领域限制性举措 / 持续扩大消费若干措施》的通知: a notice's title whose
    《 closes on the next line."""
    text = preamble[position].text
    if text.count("《") <= text.count("》") or position + 1 >= len(preamble):
        return None
    return notice_title.match(text + preamble[position + 1].text)


def _addressed(text: str, position: int, title_index: int | None) -> bool:
    """Whether a line can be the notice's recipients: anywhere before the title; after it, only
    the line or two right under it, and only a list (各省、自治区、直辖市人民政府，国务院各部委：), so that
    a heading ending in a colon (主要目标：) is never taken for one."""
    if title_index is None or position < title_index:
        return True
    return position <= title_index + 2 and bool(re.search("[，,、]", text))


def _doc_number(text: str, profile: Profile) -> str | None:
    """A 文号 standing alone on its line, bracketed or not: 鄂政发〔2022〕21号, （国发〔2016〕1号）."""
    bare = re.sub(r"^(?:文号|发文字号)[：:]\s*", "", text).strip("（）()")
    if re.fullmatch(profile.documents.number, bare):
        return normalise_doc_number(bare)
    return None


def _date(text: str, profile: Profile) -> str | None:
    """A date alone on its line, in digits (2016年3月10日, 2016-03-10, 2016.3.10) or in Chinese
    numerals (二〇一六年三月十日), possibly bracketed: 2016-03-10."""
    bare = text.strip("（）() ")
    if match := re.match(profile.notice.date, bare):
        year, month, day = (int(match.group(g)) for g in ("year", "month", "day"))
    elif numeral := _NUMERAL_DATE.fullmatch(bare):
        year = int(numeral.group(1).translate(_DIGITS))
        month, day = (int(chinese_number(numeral.group(i)) or 0) for i in (2, 3))
    else:
        return None
    return f"{year}-{month:02d}-{day:02d}" if 1 <= month <= 12 and 1 <= day <= 31 else None


def _signature_date(closing: list[Paragraph], profile: Profile) -> str | None:
    for paragraph in reversed(closing):
        if (date := _date(paragraph.text, profile)) is not None:
            return date
    return None


def _first_of_joint(issuer: str | None, profile: Profile) -> str | None:
    """人力资源社会保障部国家发展改革委等十五部门: a plan issued jointly is issued by the body named
    first, the one that leads."""
    if issuer is None or not re.search(profile.notice.joint_issuers, issuer):
        return issuer
    endings = alternation(profile.departments.government_suffixes)
    first = re.match(f".{{2,}}?(?:{endings})", issuer)
    return first.group() if first else issuer


def _fuller_name(issuer: str | None, titled: str | None) -> str | None:
    """The issuer as the title names it where the portal's table gives a short form of the same
    body (发文机关：省政府办公厅 under 江西省人民政府办公厅关于……): the short form's characters are
    the full name's, in order, with the same ending."""
    if issuer is None or titled is None:
        return issuer or titled
    remaining = iter(titled)
    abbreviates = all(char in remaining for char in issuer) and titled.endswith(issuer[-2:])
    return titled if abbreviates and len(titled) > len(issuer) else issuer


def _issuer_of(title: str, profile: Profile) -> str | None:
    """国务院办公厅关于印发……的通知 / 农业部关于促进……的指导意见 → the body before 关于."""
    match = re.match(profile.title.issuer, title)
    return match.group("issuer") if match else None


def _read_title(header: PlanHeader, profile: Profile) -> None:
    assert header.title is not None
    if period := re.search(profile.title.period, header.title) or re.search(profile.title.span, header.title):
        # （2016-2020年）, or a span written into the title: 河北省教育脱贫攻坚2018-2020年规划.
        header.period_start = int(period.group("start"))
        header.period_end = int(period.group("end"))
    elif five_year := re.search(profile.goals.five_year_plan, header.title):
        # 山东省“十四五”教育事业发展规划: the five years its plan runs.
        end = five_year_plan_end(five_year.group("n"))
        header.period_start, header.period_end = end - 4, end
    if header.period_end is None and (year := re.search(profile.title.single_year, header.title)):
        header.title_year = int(year.group("year"))  # 数字山东2021行动方案: that year's targets
    header.issuer = _first_of_joint(_fuller_name(header.issuer, _issuer_of(header.title, profile)), profile)
    if header.issuer and "、" not in header.issuer:
        header.issuer = "、".join(_bodies_side_by_side(header.issuer, profile))
    cited = [t for p in header.notice + header.preface for t in re.findall(r"《([^》]+)》", p.text)]
    header.region = plan_region(header.title, header.issuer, cited, header.doc_number, profile)
    if header.approved_by:
        header.approved_by = qualify(header.approved_by, header.region, profile)
        header.issuer = header.issuer or profile.notice.issuer_from_approver.format(
            approver=header.approved_by
        )
    header.level = plan_level(
        header.region, header.issuer, header.approved_by, header.title, header.recipients, profile
    )


def read_period_in_text(header: PlanHeader, text: str, profile: Profile) -> None:
    """The period the text gives a plan whose title gives none: 本规划期为2021—2025年."""
    if header.period_end is None and (span := re.search(profile.title.period_in_text, text)):
        header.period_start, header.period_end = int(span.group("start")), int(span.group("end"))
