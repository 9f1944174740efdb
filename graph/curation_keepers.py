"""Where the curation log is kept.

- `LogFile`: a YAML file (the memory store's, and what `plangraph curation export` writes),
  rewritten whole on every change by writing it aside and renaming it: a crash in the middle of
  a write leaves the old file, never half of one. Processes serving the same file (workers)
  take turns through a lock file beside it, and each sees the others' changes by the file's
  version (`version`: a rename gives the file a new inode).
- `LogInDatabase`: the graph database the Bolt store writes to, one node per change. A change
  is written in one statement that merges on the change's id, so writing it again (a retry after
  a dropped connection) changes nothing, and a revert — the change marked reverted and the
  revert itself — is one statement too: there is never half of a revert.
"""

from __future__ import annotations

import fcntl
import json
import os
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

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
    #: Whether the log is kept beside the graph every process reads (a database), so that a
    #: relation change another process logged is already in the graph; else each process's own
    #: graph must make it (`CurationLog.refresh`).
    holds_graph: bool

    def version(self) -> object:
        """Something that changes whenever the log does, cheap to ask for."""
        ...

    def locked(self) -> AbstractContextManager[None]:
        """Hold the log against other processes' changes while one change is made."""
        ...

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
    holds_graph = False
    #: Each row last written, with its YAML text: a change rewrites the file whole, but only
    #: the rows that are new or altered are dumped again (a long log stays cheap to add to).
    _written: list[tuple[Row, str]] = field(default_factory=list, repr=False)

    @property
    def where(self) -> str:
        return str(self.path)

    def version(self) -> object:
        try:
            found = self.path.stat()
        except FileNotFoundError:
            return None
        return found.st_ino, found.st_mtime_ns, found.st_size

    @contextmanager
    def locked(self) -> Iterator[None]:
        """An exclusive lock on a file beside the log (`.curation.yaml.lock`), held by one
        process at a time and let go if the process dies."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        handle = os.open(self.path.with_name(f".{self.path.name}.lock"), os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(handle, fcntl.LOCK_EX)
            yield
        finally:
            os.close(handle)

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
        written = [
            self._written[i]
            if i < len(self._written) and self._written[i][0] == row
            else (row, dump_rows([row]))
            for i, row in enumerate(rows)
        ]
        write_whole(self.path, "".join(text for _, text in written) if rows else dump_rows(rows))
        self._written = written


@runtime_checkable
class CurationRows(Protocol):
    """What a database store offers the log: its rows, and writing some of them at once."""

    where: str

    def curation_rows(self) -> list[str]: ...

    def curation_count(self) -> int: ...

    def keep_curation_rows(self, rows: list[tuple[int, str, str]]) -> None: ...


@dataclass
class LogInDatabase:
    store: CurationRows
    holds_graph = True

    @property
    def where(self) -> str:
        return self.store.where

    def version(self) -> object:
        """How many changes the database holds: every change, a revert too, adds one."""
        return self.store.curation_count()

    def locked(self) -> AbstractContextManager[None]:
        # Each change is merged on its id in one statement; the database orders them.
        return nullcontext()

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
