"""Where a plan belongs: the region it is of, read from its title, issuer, the documents it cites
or its 文号; the level of that region; and bodies named relative to it (省人民政府 in a plan of
湖北省 is 湖北省人民政府)."""

from __future__ import annotations

import re

from loaders.lexical import analyse
from loaders.profile import Profile

__all__ = ["is_region", "level_by_scope", "plan_level", "plan_region", "qualify", "short_name"]


def is_region(name: str, profile: Profile) -> bool:
    """安徽省 alone (read before 关于 in a title) is a place, not a body that can issue."""
    match = re.match(profile.regions.pattern, name)
    return match is not None and match.end() == len(name)


def plan_level(
    region: str | None,
    issuer: str | None,
    approved_by: str | None,
    title: str | None,
    recipients: list[str],
    profile: Profile,
) -> str | None:
    """The region's level (直辖市 are provincial); a plan with no region issued by a central
    body, titled 全国/国家…, or sent to every province, is national."""
    rules = profile.regions
    if region:
        if region in rules.provincial_cities:
            return "PROVINCIAL"
        return next((level for suffix, level in rules.levels.items() if region.endswith(suffix)), None)
    central = (issuer or "", approved_by or "", title or "")
    if any(text.startswith(tuple(rules.national_prefixes)) for text in central):
        return "NATIONAL"
    if any(r.startswith(tuple(rules.national_recipients)) for r in recipients):
        return "NATIONAL"  # sent to every province
    # A body named with no region before it (农业部办公厅, 市场监管总局) is a central one; one
    # named relative to an unnamed region (省……联席会议, 市人民政府) is of that region's level.
    # Of bodies issuing it together (科技部、中央宣传部、中国科协), the first tells.
    first = (issuer or "").split("、")[0]
    if first.startswith(tuple(rules.relative_prefixes)):
        return rules.levels.get(first[0])
    if first.endswith(tuple(profile.departments.government_suffixes)):
        return "NATIONAL"
    return None


#: How many times a plan must speak of its whole area in one level's words, and never in another's,
#: for that to give its level.
_SCOPE_MENTIONS = 2


def level_by_scope(text: str, profile: Profile) -> str | None:
    """The level of a plan that nothing else places, by how it speaks of its own whole area: a
    ministry's plan of 全国 and 我国, never of 全省; a county's of 全县 (在全县范围内推广)."""
    counts = {
        level: sum(text.count(word) for word in words) for level, words in profile.regions.scope_words.items()
    }
    used = [level for level, count in counts.items() if count]
    return used[0] if len(used) == 1 and counts[used[0]] >= _SCOPE_MENTIONS else None


def plan_region(
    title: str, issuer: str | None, cited: list[str], doc_number: str | None, profile: Profile
) -> str | None:
    """The region the title (or its issuer) begins with; failing that (关于……的实施意见), the
    region of the first document the notice or preface cites (`cited`: 为贯彻落实《湖北省……规划》),
    else the province its 文号 opens with (冀人社字……)."""
    for position, named in enumerate([title, issuer or "", *cited]):
        if named.startswith(tuple(profile.regions.national_prefixes)):
            # 国家碳达峰试点（深圳）实施方案 issued by 深圳市人民政府: a national scheme, the city's plan.
            local = _region_in(issuer, profile) if position == 0 and issuer else None
            return _finer_region(local, [issuer or "", title], profile) if local else None
        if region := _region_in(named, profile):
            return _finer_region(region, [issuer or "", title], profile)
    # 冀人社字〔2024〕40号: a provincial body's 文号 opens with its province's short name.
    number = doc_number or ""
    return next(
        (p for short, p in profile.regions.doc_number_provinces.items() if number.startswith(short)), None
    )


def _finer_region(region: str, names: list[str], profile: Profile) -> str:
    """上海市 where the issuer is 上海市宝山区人民政府办公室: the district inside the city, the
    place whose plan it is, where the lexical analysis reads the inner name as one place."""
    for name in names:
        if not name.startswith(region):
            continue
        inner = re.match(profile.regions.pattern, name[len(region) :])
        if inner is None or not _may_be_region(inner.group("region"), profile):
            continue
        tokens = analyse(inner.group("region"))
        if len(tokens) == 1 and tokens[0].tag == "LOC":
            return inner.group("region")
    return region


def _may_be_region(place: str, profile: Profile) -> bool:
    rules = profile.regions
    return place not in rules.not_regions and not place.endswith(tuple(rules.not_region_endings))


def _region_in(title: str, profile: Profile) -> str | None:
    """The region a title names: the one it begins with, where the lexical analysis agrees that
    it is a place (湖北省…, 山东省人民政府关于…), else the first place it names that is a region
    (关于推进北京市……的指导意见 → 北京市)."""
    # 中共北京市委关于制定……的建议: the party committee of the place names the place after 中共.
    title = re.sub("^中共(?!中央)", "", title)
    tokens = analyse(title)
    suffixes = tuple(profile.regions.levels)
    places = [
        t.word
        for t in tokens
        if t.tag == "LOC" and t.word.endswith(suffixes) and _may_be_region(t.word, profile)
    ]
    bodies = [t.word for t in tokens if t.tag == "ORG"]
    match = re.match(profile.regions.pattern, title)
    if match and (
        match.group("region") in places or any(b.startswith(match.group("region")) for b in bodies)
    ):
        return match.group("region")
    if places:
        return places[0]
    # 数字山东2021行动方案: a province named by its short name.
    for token in tokens:
        if token.tag == "LOC":
            full = next((p for p in profile.regions.provinces if short_name(p) == token.word), None)
            if full:
                return full
    # A name the lexical analysis does not know as a place (某某省), unless its last character
    # begins a word of another kind: 技术市场 names no 技术市.
    if match and not re.match(profile.regions.not_region_start, title):
        end = match.end("region")
        word = next((t for t in tokens if t.start < end <= t.end), None)
        if word is None or word.end == end or word.tag == "ORG":
            return match.group("region")
    return None


def short_name(province: str) -> str:
    """山东省 → 山东, 广西壮族自治区 → 广西, 北京市 → 北京."""
    return re.sub("(?:维吾尔|壮族|回族)?(?:自治区|特别行政区|省|市)$", "", province)


def qualify(body: str, region: str | None, profile: Profile) -> str:
    """省人民政府 in a plan of 湖北省 → 湖北省人民政府."""
    if (
        region
        and body[0] in profile.regions.relative_prefixes
        and region.endswith(body[0])
        and not body.startswith(tuple(profile.regions.not_relative))
    ):
        return region + body[1:]
    return body
