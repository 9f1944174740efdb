"""Input limits: how large a plan file may be, and how long it may take to read, before it is
refused. Every limit is a setting (PLANGRAPH_MAX_FILE_BYTES …), so a deployment that reads
larger plans raises it; a refusal names the file, the limit and the setting.

Plans of the genre are tens to hundreds of kilobytes; the defaults leave two orders of
magnitude of room and still refuse a zip bomb or a page built to be slow before it costs
seconds or gigabytes."""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from pydantic_settings import BaseSettings, SettingsConfigDict

from graph.errors import PlanLoadError

__all__ = ["Deadline", "InputLimits"]


class InputLimits(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="PLANGRAPH_", extra="ignore", frozen=True)

    #: The largest plan file read, in bytes.
    max_file_bytes: int = 50_000_000
    #: The most a Word file may inflate to (all parts of the zip together), in bytes.
    max_docx_inflated_bytes: int = 200_000_000
    #: The most pages of a PDF read.
    max_pdf_pages: int = 1_000
    #: The most characters of text a plan may have, whatever its format.
    max_text_chars: int = 5_000_000
    #: The deepest nesting of elements in an HTML page.
    max_html_depth: int = 400
    #: Seconds one document may take to load.
    load_timeout: float = 60.0

    def setting(self, name: str) -> str:
        """The environment variable that sets a limit, for error messages."""
        return f"PLANGRAPH_{name.upper()}"

    def refuse(self, path: str, what: str, name: str) -> PlanLoadError:
        limit = getattr(self, name)
        return PlanLoadError(
            path, f"{what}: over the limit of {limit:,} (set {self.setting(name)} to change it)"
        )


@dataclass(slots=True)
class Deadline:
    """The time budget of one document, checked between the stages of loading it."""

    path: str
    limits: InputLimits
    started: float = field(default_factory=time.monotonic)

    def check(self, stage: str) -> None:
        elapsed = time.monotonic() - self.started
        if elapsed > self.limits.load_timeout:
            raise PlanLoadError(
                self.path,
                f"took {elapsed:.1f} s, more than the {self.limits.load_timeout:g} s a document may take "
                f"(stopped while {stage}; set {self.limits.setting('load_timeout')} to change it)",
            )
