"""What planners change by hand, kept as a log: who changed what, when, why, and whether it was
reverted (each change, its rows and the relation change it makes: `graph.changes`). The state
it implies — each entity's status and its history — is read from the log, so reverting a change
is appending the revert, and the log and the state can never disagree.

Where the log is kept is its keeper's business (`graph.curation_keepers`): a YAML file for the
memory store, the database itself for the Bolt store. The relation changes it holds are applied
to a plan's graph before the graph is written to a store (`apply`), so a plan loaded again keeps
what planners changed.

Several processes (the server's workers) may keep one log. Each catches up with the others
before it reads (`refresh`, cheap while nothing changed) and before it changes anything (under
the keeper's lock), and makes the relation changes they logged in its own `graph` when the
keeper does not hold the graph itself: a change made through one worker is seen by the next
read through any other.
"""

from __future__ import annotations

import logging
import threading
import uuid
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from graph.changes import (
    ADDING,
    LATE,
    Change,
    Status,
    change_from_row,
    logged_relation,
    make_in,
    relation_of,
    relation_of_row,
    row_of,
    undo_in,
)
from graph.curation_keepers import LogFile, LogKeeper
from graph.errors import EntityNotFound, InvalidQuery
from graph.model import GraphDocument, Origin, Relation

if TYPE_CHECKING:
    from graph.store import GraphStore

__all__ = ["ADDING", "Change", "CurationLog", "Status", "relation_of"]

logger = logging.getLogger(__name__)


@dataclass
class CurationLog:
    """The log of one graph's curated changes, kept by its keeper (or in memory only)."""

    keeper: LogKeeper | None = None
    changes: list[Change] = field(default_factory=list)
    #: The graph this process serves, kept in step with the relation changes other processes log
    #: (`refresh`); None where the keeper holds the graph itself, or no other process writes.
    graph: GraphStore | None = None
    _lock: threading.RLock = field(default_factory=threading.RLock, repr=False)
    #: The keeper's version when the log was last read or written by this process.
    _version: object = field(default=None, repr=False)
    #: Counts the changes to `changes` in this process: what an answer read from the log was read at.
    generation: int = field(default=0, repr=False)
    _index: dict[str, list[Change]] = field(default_factory=dict, repr=False)
    _by_id: dict[str, Change] = field(default_factory=dict, repr=False)
    _index_of: list[Change] | None = field(default=None, repr=False)

    def __setattr__(self, name: str, value: Any) -> None:
        """Every new list of changes counts a generation."""
        if name == "changes":
            object.__setattr__(self, "generation", getattr(self, "generation", 0) + 1)
        object.__setattr__(self, name, value)

    @classmethod
    def open(cls, path: Path | None) -> CurationLog:
        """The log kept in a YAML file at `path` (created on the first change), or one kept in
        memory only."""
        return cls.kept_by(LogFile(path) if path is not None else None)

    @classmethod
    def kept_by(cls, keeper: LogKeeper | None) -> CurationLog:
        log = cls(keeper)
        if keeper is not None:
            log._version = keeper.version()
            log.changes = [change_from_row(row, keeper.where) for row in keeper.read()]
        return log

    def refresh(self) -> list[Change]:
        """Catch up with the changes other processes logged since this one last read or wrote
        the log, making their relation changes in `graph`; those changes, oldest first. Asks
        the keeper only for its version while nothing changed."""
        with self._lock:
            return self._catch_up()

    def _catch_up(self) -> list[Change]:
        if self.keeper is None:
            return []
        version = self.keeper.version()
        if version == self._version:
            return []
        changes = [change_from_row(row, self.keeper.where) for row in self.keeper.read()]
        self._version = version
        known = len(self.changes)
        if [c.id for c in changes[:known]] != [c.id for c in self.changes]:
            logger.warning(
                "%s was rewritten, not added to: statuses follow it now, its relation changes from the "
                "next start",
                self.keeper.where,
            )
            self.changes = changes
            return []
        new = changes[known:]
        if self.graph is not None and not self.keeper.holds_graph:
            by_id = {c.id: c for c in changes}
            for change in new:
                reverted = by_id.get(change.reverts or "")
                try:
                    if reverted is not None:
                        undo_in(self.graph, reverted)
                    else:
                        make_in(self.graph, change)
                except EntityNotFound as exc:
                    logger.warning(
                        "%s: change %s names %s, which this graph does not hold",
                        self.keeper.where,
                        change.id,
                        exc,
                    )
        self.changes = changes
        return new

    @contextmanager
    def _changing(self) -> Iterator[None]:
        """Hold the log, in this process and against others, caught up with what they logged,
        while one change is made."""
        with self._lock, self.keeper.locked() if self.keeper is not None else nullcontext():
            self._catch_up()
            yield

    @property
    def path(self) -> Path | None:
        return self.keeper.path if isinstance(self.keeper, LogFile) else None

    def rows(self) -> list[dict[str, Any]]:
        """The log as plain rows, oldest first: what a keeper stores and an export writes."""
        return [row_of(change) for change in self.changes]

    def set_status(self, who: str, entity_id: str, status: Status, note: str | None) -> Change:
        change = Change(_new_id(), who, _now(), "SET_STATUS", entity_id, status=status, note=note)
        return self._append(change)

    def revert(
        self, who: str, change_id: str, note: str | None = None, store: GraphStore | None = None
    ) -> Change:
        """Revert a change: it is marked reverted (a relation change is undone in `store`), and
        the revert is itself in the log."""
        with self._changing():
            index = next((i for i, c in enumerate(self.changes) if c.id == change_id), None)
            if index is None:
                raise EntityNotFound(change_id)
            if self.changes[index].reverted:
                raise InvalidQuery(f"change {change_id} is already reverted")
            original = self.changes[index]
            if store is not None:
                undo_in(store, original)
            revert = Change(
                _new_id(), who, _now(), "REVERT", original.entity_id, note=note, reverts=change_id
            )
            changes = [
                *self.changes[:index],
                replace(original, reverted=True),
                *self.changes[index + 1 :],
                revert,
            ]
            self._commit(changes, [index, len(changes) - 1])
            self.changes = changes
            return revert

    def add_relation(
        self,
        store: GraphStore,
        who: str,
        relation: Relation,
        note: str | None,
        reviewed: Relation | None = None,
        likelihood: float | None = None,
    ) -> Change:
        """Add (or replace) a relation in the store, as a curated one, and log it; `reviewed` is
        the suggestion a confirmation decided on (logged as CONFIRM_LINK)."""
        with self._changing():
            current = _held(store, relation)
            store.change_relations([relation], [])
            change = Change(
                _new_id(), who, _now(), "CONFIRM_LINK" if reviewed else "ADD_RELATION", relation.source,
                note=note, relation=logged_relation(relation), replaced=logged_relation(current) if current else None,
                reviewed=logged_relation(reviewed) if reviewed else None, likelihood=likelihood,
            )  # fmt: skip
            return self._append_locked(change)

    def remove_relation(self, store: GraphStore, who: str, relation: Relation, note: str | None) -> Change:
        """Remove a relation (by its key) from the store, and log what was removed."""
        with self._changing():
            current = _held(store, relation)
            if current is None:
                raise EntityNotFound(f"{relation.type.value} {relation.source} → {relation.target}")
            store.change_relations([], [current])
            change = Change(
                _new_id(),
                who,
                _now(),
                "REMOVE_RELATION",
                relation.source,
                note=note,
                relation=logged_relation(current),
            )
            return self._append_locked(change)

    def reject_link(
        self, store: GraphStore, who: str, suggestion: Relation, note: str | None, likelihood: float | None
    ) -> Change:
        """Reject a suggested link: logged as REJECT_LINK, and taken out of the store if the graph
        holds it (the change then carries the relation removed)."""
        with self._changing():
            current = _held(store, suggestion)
            if current is not None:
                store.change_relations([], [current])
            change = Change(
                _new_id(), who, _now(), "REJECT_LINK", suggestion.source, note=note,
                relation=logged_relation(current) if current else None, reviewed=logged_relation(suggestion),
                likelihood=likelihood,
            )  # fmt: skip
            return self._append_locked(change)

    def _final_relations(self) -> tuple[list[Relation], list[Relation]]:
        """The relations the changes not reverted add, and those they remove (the later
        change to the same relation wins)."""
        final: dict[tuple[object, ...], tuple[Relation, bool]] = {}
        for change in self.changes:
            if change.relation is None or change.reverted:
                continue
            relation = relation_of_row(change.relation)
            final[relation.key] = (relation, change.action in ADDING)
        return [r for r, added in final.values() if added], [r for r, added in final.values() if not added]

    def apply(self, document: GraphDocument) -> None:
        """Make the relation changes on a graph about to be written to a store (a plan loaded
        or loaded again): relations between entities of the document are added or removed.
        (The Bolt store keeps a curated relation to another plan's entity across a reload.)"""
        add, remove = self._final_relations()
        for relation in remove:
            document.relations.pop(relation.key, None)
        for relation in add:
            if relation.source in document.entities and relation.target in document.entities:
                document.relations[relation.key] = relation

    def reviewed(self) -> list[tuple[Relation, bool, float | None]]:
        """Suggested links reviewed and not reverted: each with True if confirmed (made curated),
        False if rejected, and the ranker's likelihood when it was decided (None where the log did
        not record it). An inferred link replaced or removed by hand counts as reviewed too."""
        found: list[tuple[Relation, bool, float | None]] = []
        for change in self.changes:
            if change.reverted:
                continue
            if change.reviewed is not None:
                # Logs written before CONFIRM_LINK logged a confirmation as ADD_RELATION.
                found.append((relation_of_row(change.reviewed), change.action in ADDING, change.likelihood))
            elif change.relation is None:
                continue
            elif (
                change.action == "ADD_RELATION"
                and (change.replaced or {}).get("origin") == Origin.INFERRED.value
            ):
                found.append((relation_of_row(change.replaced), True, None))  # type: ignore[arg-type]
            elif (
                change.action == "REMOVE_RELATION" and change.relation.get("origin") == Origin.INFERRED.value
            ):
                found.append((relation_of_row(change.relation), False, None))
        return found

    def effect(self, change: Change) -> tuple[Relation | None, Relation | None]:
        """The relation a change put into the graph and the one it took out (either may be
        None): for a revert, the opposite of what the reverted change did."""
        if change.action == "REVERT":
            original = self._indexed()[1].get(change.reverts or "")
            added, removed = self.effect(original) if original is not None else (None, None)
            return removed, added
        if change.relation is None:
            return None, None
        relation = relation_of_row(change.relation)
        if change.action in ADDING:
            return relation, relation_of_row(change.replaced) if change.replaced else None
        return None, relation

    def status_history(self, entity_id: str) -> list[Change]:
        """The entity's status changes, oldest first, reverted ones included (and marked), each
        revert of one among them where it happened."""
        return self._statuses().get(entity_id, [])

    def status(self, entity_id: str) -> Status | None:
        """The entity's status: the last status change not reverted."""
        live = [c for c in self.status_history(entity_id) if c.action == "SET_STATUS" and not c.reverted]
        return live[-1].status if live else None

    def late(self) -> dict[str, Status]:
        """Every entity whose status is AT_RISK or DELAYED."""
        found = {entity_id: self.status(entity_id) for entity_id in self._statuses()}
        return {entity_id: status for entity_id, status in found.items() if status in LATE}

    def _statuses(self) -> dict[str, list[Change]]:
        """Each entity's status changes (and their reverts)."""
        return self._indexed()[0]

    def _indexed(self) -> tuple[dict[str, list[Change]], dict[str, Change]]:
        """The status changes by entity and every change by id, indexed once per version of the log."""
        changes = self.changes
        if self._index_of is not changes:
            by_id = {c.id: c for c in changes}
            index: dict[str, list[Change]] = {}
            for change in changes:
                reverted = by_id.get(change.reverts) if change.reverts else None
                if change.action == "SET_STATUS" or (reverted and reverted.action == "SET_STATUS"):
                    index.setdefault(change.entity_id, []).append(change)
            self._index, self._by_id, self._index_of = index, by_id, changes
        return self._index, self._by_id

    def _append(self, change: Change) -> Change:
        with self._changing():
            return self._append_locked(change)

    def _append_locked(self, change: Change) -> Change:
        changes = [*self.changes, change]
        self._commit(changes, [len(changes) - 1])
        self.changes = changes
        return change

    def _commit(self, changes: list[Change], changed: list[int]) -> None:
        """Keep the log with the changes at these positions new or altered; the keeper writes
        it whole or not at all."""
        if self.keeper is not None:
            self.keeper.write([row_of(c) for c in changes], changed)
            # Held against other processes: this version is the one just written.
            self._version = self.keeper.version()


def _held(store: GraphStore, relation: Relation) -> Relation | None:
    """The relation the store holds with the same key (type, ends, role), if any."""
    (steps,) = store.steps_of([relation.source], [relation.type], ())
    return next((s.relation for s in steps if s.relation.key == relation.key), None)


def _new_id() -> str:
    return f"change-{uuid.uuid4().hex[:12]}"


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")
