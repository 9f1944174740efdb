"""What planners change by hand, kept as a log: who changed what, when, why, and whether it was
reverted. The state it implies — each entity's status and its history — is read from the log,
so reverting a change is appending the revert, and the log and the state can never disagree.

The log is kept in a YAML file (`CurationFile`), rewritten whole on every change by writing it
aside and renaming it: a crash in the middle of a write leaves the old file, never half of one.
"""

from __future__ import annotations

import threading
import uuid
from dataclasses import asdict, dataclass, field, replace
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path

import yaml

from graph.errors import EntityNotFound, InvalidQuery, PlanLoadError

__all__ = ["Change", "CurationLog", "Status"]


class Status(StrEnum):
    NOT_STARTED = "NOT_STARTED"
    ON_TRACK = "ON_TRACK"
    AT_RISK = "AT_RISK"
    DELAYED = "DELAYED"
    DONE = "DONE"


#: Statuses that put what depends on an entity at risk.
LATE = (Status.AT_RISK, Status.DELAYED)


@dataclass(frozen=True, slots=True)
class Change:
    id: str
    #: The name of the key that made it.
    who: str
    #: ISO 8601, UTC.
    at: str
    #: What was done: SET_STATUS.
    action: str
    entity_id: str
    status: Status | None = None
    note: str | None = None
    reverted: bool = False
    #: For a change that reverted another: that change's id.
    reverts: str | None = None


@dataclass
class CurationLog:
    """The log of one graph's curated changes, optionally kept in a file."""

    path: Path | None = None
    changes: list[Change] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    @classmethod
    def open(cls, path: Path | None) -> CurationLog:
        """The log kept in `path` (created on the first change), or one kept in memory only."""
        log = cls(path)
        if path is not None and path.exists():
            try:
                rows = yaml.safe_load(path.read_text(encoding="utf-8")) or []
                log.changes = [
                    Change(**{**row, "status": Status(row["status"]) if row.get("status") else None})
                    for row in rows
                ]
            except (OSError, yaml.YAMLError, TypeError, KeyError, ValueError) as exc:
                raise PlanLoadError(str(path), f"the curation file cannot be read: {exc}") from None
        return log

    def set_status(self, who: str, entity_id: str, status: Status, note: str | None) -> Change:
        change = Change(_new_id(), who, _now(), "SET_STATUS", entity_id, status=status, note=note)
        return self._append(change)

    def revert(self, who: str, change_id: str, note: str | None = None) -> Change:
        """Revert a change: it is marked reverted, and the revert is itself in the log."""
        with self._lock:
            index = next((i for i, c in enumerate(self.changes) if c.id == change_id), None)
            if index is None:
                raise EntityNotFound(change_id)
            if self.changes[index].reverted:
                raise InvalidQuery(f"change {change_id} is already reverted")
            original = self.changes[index]
            revert = Change(
                _new_id(), who, _now(), "REVERT", original.entity_id, note=note, reverts=change_id
            )
            changes = [
                *self.changes[:index],
                replace(original, reverted=True),
                *self.changes[index + 1 :],
                revert,
            ]
            self._save(changes)
            self.changes = changes
            return revert

    def status_history(self, entity_id: str) -> list[Change]:
        """The entity's status changes, oldest first, reverted ones included (and marked)."""
        return [c for c in self.changes if c.entity_id == entity_id and c.action == "SET_STATUS"]

    def status(self, entity_id: str) -> Status | None:
        """The entity's status: the last status change not reverted."""
        live = [c for c in self.status_history(entity_id) if not c.reverted]
        return live[-1].status if live else None

    def late(self) -> dict[str, Status]:
        """Every entity whose status is AT_RISK or DELAYED."""
        found = {c.entity_id: self.status(c.entity_id) for c in self.changes if c.action == "SET_STATUS"}
        return {entity_id: status for entity_id, status in found.items() if status in LATE}

    def _append(self, change: Change) -> Change:
        with self._lock:
            changes = [*self.changes, change]
            self._save(changes)
            self.changes = changes
            return change

    def _save(self, changes: list[Change]) -> None:
        """Write the whole log aside, then rename it over the old one."""
        if self.path is None:
            return
        rows = [
            {
                k: str(v) if isinstance(v, StrEnum) else v
                for k, v in asdict(c).items()
                if v is not None and v is not False
            }
            for c in changes
        ]
        aside = self.path.with_name(f".{self.path.name}.writing")
        self.path.parent.mkdir(parents=True, exist_ok=True)
        aside.write_text(yaml.safe_dump(rows, allow_unicode=True, sort_keys=False), encoding="utf-8")
        aside.replace(self.path)


def _new_id() -> str:
    return f"change-{uuid.uuid4().hex[:12]}"


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")
