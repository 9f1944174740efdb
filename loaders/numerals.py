"""Numbers written in Chinese numerals (十八, 两万, 百亿), read with cn2an, which raises on
characters that make no number (十八八八): here that is None, never an exception."""

from __future__ import annotations

import cn2an

__all__ = ["chinese_number"]


def chinese_number(text: str) -> float | None:
    """The value of a numeral, or None where its characters make no number.

    >>> chinese_number("十八"), chinese_number("百亿"), chinese_number("十八八八")
    (18.0, 10000000000.0, None)
    """
    if text[:1] in "十百千万亿":
        text = "一" + text  # 百亿 is 一百亿 (十八 reads either way)
    try:
        return float(cn2an.cn2an(text, "smart"))
    except (ValueError, KeyError, IndexError, TypeError):
        return None
