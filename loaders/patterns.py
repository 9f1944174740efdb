"""Small helpers for the regular expressions the loaders build from profile word lists."""

from __future__ import annotations

import re

__all__ = ["INCLUDING", "alternation"]

#: A parenthesis that only says what a name takes in — 各市（含定州、辛集市，下同）政府,
#: 公益性（含经营性和自设性）户外广告设施: no part of the name.
INCLUDING = re.compile(r"[（(](?:含|包括|包含)[^（）()]{1,20}[）)]")


def alternation(words: list[str] | tuple[str, ...]) -> str:
    """An alternation that tries the longest word first, so 按职责分工负责 wins over 负责.

    >>> alternation(["负责", "按职责分工负责"])
    '按职责分工负责|负责'
    """
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
