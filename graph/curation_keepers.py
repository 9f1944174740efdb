"""Where the curation log is kept.

- `LogFile`: a YAML file (the memory store's, and what `plangraph curation export` writes),
  rewritten whole on every change by writing it aside and renaming it: a crash in the middle of
  a write leaves the old file, never half of one.
- `LogInDatabase`: the graph database the Bolt store writes to, one node per change. A change
  is written in one statement that merges on the change's id, so writing it again (a retry after
  a dropped connection) changes nothing, and a revert — the change marked reverted and the
  revert itself — is one statement too: there is never half of a revert.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

import yaml

from graph.errors import PlanLoadError
from graph.files import write_whole

__all__ = ["LogFile", "LogInDatabase", "LogKeeper", "dump_rows"]

#: libyaml's safe loader and dumper where PyYAML was built with it: a long log reads many times faster.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)

Row = dict[str, Any]


class LogKeeper(Protocol):
    #: Where the log is, for messages.
    where: str

    def read(self) -> list[Row]:
        """The log's rows, oldest first."""
        ...

    def write(self, rows: list[Row], changed: list[int]) -> None:
        """Keep the log `rows`, of which those at the positions `changed` are new or altered."""
        ...


def dump_rows(rows: list[Row]) -> str:
    return yaml.dump(rows, Dumper=_DUMPER, allow_unicode=True, sort_keys=False)


@dataclass
class LogFile:
    path: Path

    @property
    def where(self) -> str:
        return str(self.path)

    def read(self) -> list[Row]:
        if not self.path.exists():
            return []
        try:
            rows = yaml.load(self.path.read_text(encoding="utf-8"), Loader=_LOADER) or []
        except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
            raise PlanLoadError(self.where, f"the curation file cannot be read: {exc}") from None
        if not isinstance(rows, list) or not all(isinstance(row, dict) for row in rows):
            raise PlanLoadError(self.where, "the curation file is not a list of changes")
        return rows

    def write(self, rows: list[Row], changed: list[int]) -> None:
        write_whole(self.path, dump_rows(rows))


class CurationRows(Protocol):
    """What a database store offers the log: its rows, and writing some of them at once."""

    where: str

    def curation_rows(self) -> list[str]: ...

    def keep_curation_rows(self, rows: list[tuple[int, str, str]]) -> None: ...


@dataclass
class LogInDatabase:
    store: CurationRows

    @property
    def where(self) -> str:
        return self.store.where

    def read(self) -> list[Row]:
        rows = []
        for text in self.store.curation_rows():
            try:
                rows.append(json.loads(text))
            except json.JSONDecodeError as exc:
                raise PlanLoadError(
                    self.where, f"a curation change in the database is broken: {exc}"
                ) from None
        return rows

    def write(self, rows: list[Row], changed: list[int]) -> None:
        self.store.keep_curation_rows(
            [(i, rows[i]["id"], json.dumps(rows[i], ensure_ascii=False)) for i in changed]
        )
