"""Numbers written in Chinese numerals (十八, 两万, 百亿), read with cn2an, which raises on
characters that make no number (十八八八): here that is None, never an exception."""

from __future__ import annotations

import functools
from types import ModuleType

__all__ = ["chinese_number", "five_year_plan_end"]


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


def five_year_plan_end(units: str) -> int:
    """The year the n-th five-year plan ends, from the numeral after its 十 (十三五 → 三 → 2020):
    the n-th (n ≥ 3) runs 1951 + 5n … 1955 + 5n.

    >>> five_year_plan_end("三"), five_year_plan_end("五")
    (2020, 2030)
    """
    return 1955 + 5 * int(chinese_number("十" + units) or 0)
