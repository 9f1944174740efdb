"""Writing a file so that it is either the old one or the whole new one, never half of either."""

from __future__ import annotations

from pathlib import Path

__all__ = ["write_whole"]


def write_whole(path: Path, text: str) -> None:
    """Write `text` aside, beside `path`, then rename it over `path` (an atomic step): a crash in
    the middle of a write leaves the old file as it was."""
    path.parent.mkdir(parents=True, exist_ok=True)
    aside = path.with_name(f".{path.name}.writing")
    aside.write_text(text, encoding="utf-8")
    aside.replace(path)
