"""Bytes → text: the first stage of loading a plan.

Strict UTF-8 (with or without BOM) first, then GB18030 (a superset of GBK and GB2312),
and charset-normalizer only as a fallback: on short samples its guesses are unreliable.
"""

from __future__ import annotations

import charset_normalizer

from graph.errors import PlanLoadError

__all__ = ["decode_plan"]

_MIN_SAMPLE_FOR_DETECTION = 200
# Control characters other than tab, newline, carriage return and form feed.
_CONTROL = set(range(0x00, 0x09)) | {0x0B} | set(range(0x0E, 0x20)) | {0x7F}


def decode_plan(raw: bytes, path: str) -> str:
    """Decode a plan file's bytes, or raise `PlanLoadError` saying why they are not text."""
    if not raw.strip():
        raise PlanLoadError(path, "the file is empty")
    if b"\x00" in raw[:8192] or _control_ratio(raw[:8192]) > 0.05:
        raise PlanLoadError(path, "the file is binary, not text")
    text = _decode(raw)
    if text is None:
        raise PlanLoadError(path, "the file is neither UTF-8 nor GB18030 text")
    if not text.strip():
        raise PlanLoadError(path, "the file is empty (white space only)")
    return text


def _decode(raw: bytes) -> str | None:
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    if len(raw) >= _MIN_SAMPLE_FOR_DETECTION:
        best = charset_normalizer.from_bytes(raw).best()
        if best is not None:
            return str(best)
    return None


def _control_ratio(sample: bytes) -> float:
    return sum(1 for b in sample if b in _CONTROL) / max(len(sample), 1)
