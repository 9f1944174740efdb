"""Small helpers for the regular expressions the loaders build from profile word lists."""

from __future__ import annotations

import re

__all__ = ["alternation"]


def alternation(words: list[str] | tuple[str, ...]) -> str:
    """An alternation that tries the longest word first, so 按职责分工负责 wins over 负责.

    >>> alternation(["负责", "按职责分工负责"])
    '按职责分工负责|负责'
    """
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
