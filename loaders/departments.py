"""Bodies a paragraph gives work to (各级人民政府要……, 支持科研院所和企业……), with a role:
LEAD when the body is the subject that 要/负责/牵头 follows, SUPPORT otherwise."""

from __future__ import annotations

import re
from dataclasses import dataclass

from graph.model import Role
from loaders.profile import Profile

__all__ = ["BodyMention", "extract_bodies"]

_SENTENCE = re.compile(r"[^。；！？]+[。；！？]?")


@dataclass(frozen=True, slots=True)
class BodyMention:
    name: str
    category: str
    role: Role
    start: int
    end: int
    sentence: str


def extract_bodies(text: str, profile: Profile) -> list[BodyMention]:
    """Each body named in text, once per sentence, with its canonical name.

    >>> from loaders.profile import load_profile
    >>> [(m.name, m.role.value) for m in extract_bodies("各级人民政府要加强领导。", load_profile())]
    [('各级人民政府', 'LEAD')]
    """
    lead_after = re.compile(profile.departments.lead_after)
    mentions: list[BodyMention] = []
    for sentence in _SENTENCE.finditer(text):
        seen: set[str] = set()
        for match in profile.body_pattern.finditer(sentence.group()):
            name = profile.body_by_name[match.group()]
            if name in seen:
                continue
            seen.add(name)
            after = sentence.group()[match.end() :]
            role = Role.LEAD if lead_after.match(after) else Role.SUPPORT
            mentions.append(
                BodyMention(
                    name=name,
                    category=profile.departments.bodies[name].category,
                    role=role,
                    start=sentence.start() + match.start(),
                    end=sentence.start() + match.end(),
                    sentence=sentence.group(),
                )
            )
    return mentions
