"""Numbers written in Chinese numerals (十八, 两万, 百亿), read with cn2an, which raises on
characters that make no number (十八八八): here that is None, never an exception."""

from __future__ import annotations

import functools
from types import ModuleType

__all__ = ["chinese_number"]


def chinese_number(text: str) -> float | None:
    """The value of a numeral, or None where its characters make no number.

    >>> chinese_number("十八"), chinese_number("百亿"), chinese_number("十八八八")
    (18.0, 10000000000.0, None)
    """
    if text[:1] in "十百千万亿":
        text = "一" + text  # 百亿 is 一百亿 (十八 reads either way)
    try:
        return float(_cn2an().cn2an(text, "smart"))
    except (ValueError, KeyError, IndexError, TypeError):
        return None


@functools.cache
def _cn2an() -> ModuleType:
    """cn2an, imported when a numeral is first read: a command that reads no plan (the plans
    from the plan cache) does not pay for it."""
    import cn2an

    return cn2an
