"""Traditional characters → simplified, for matching; the loader keeps the original text.

Only text that is mostly traditional is converted: OpenCC's t2s also touches a few
characters that simplified text uses too, and a simplified plan must come through unchanged.
"""

from __future__ import annotations

from functools import lru_cache

from opencc import OpenCC

__all__ = ["to_simplified"]

#: Share of the CJK characters that t2s must change for a text to count as traditional.
TRADITIONAL_SHARE = 0.02


@lru_cache(maxsize=1)
def _t2s() -> OpenCC:
    return OpenCC("t2s")


def to_simplified(text: str) -> tuple[str, bool]:
    """(the text in simplified characters, whether it was traditional).

    >>> to_simplified("湖北省標準化體系建設發展規劃")
    ('湖北省标准化体系建设发展规划', True)
    """
    converted = _t2s().convert(text)
    cjk = sum(1 for c in text if "\u4e00" <= c <= "\u9fff") or 1
    changed = sum(1 for a, b in zip(text, converted, strict=False) if a != b)
    if changed / cjk < TRADITIONAL_SHARE:
        return text, False
    return converted, True
