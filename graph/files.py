"""Writing a file so that it is either the old one or the whole new one, never half of either."""

from __future__ import annotations

import os
from pathlib import Path

__all__ = ["write_whole"]


def write_whole(path: Path, text: str, *, mode: int | None = None) -> None:
    """Write `text` aside, beside `path`, then rename it over `path` (an atomic step): a crash in
    the middle of a write leaves the old file as it was. With `mode` (0o600 for secrets) the file
    has that mode from its first byte on, whatever the umask or a file left aside before."""
    path.parent.mkdir(parents=True, exist_ok=True)
    aside = path.with_name(f".{path.name}.writing")
    if mode is None:
        aside.write_text(text, encoding="utf-8")
    else:
        handle = os.open(aside, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, mode)
        os.fchmod(handle, mode)
        with open(handle, "w", encoding="utf-8") as file:
            file.write(text)
    aside.replace(path)
