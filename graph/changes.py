"""One curated change as the log keeps it: what a planner did (a status set, a relation added,
removed, confirmed or rejected, a revert), the rows it is kept as, and the relation change it
makes in a graph. `graph.curation` keeps these changes as a log."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from graph.errors import PlanLoadError
from graph.export import relation_record
from graph.model import Origin, Relation, RelationType, Role

if TYPE_CHECKING:
    from graph.store import GraphStore

__all__ = [
    "ADDING", "LATE", "Change", "Status", "change_from_row", "logged_relation", "make_in",
    "relation_of", "row_of", "undo_in",
]  # fmt: skip


class Status(StrEnum):
    NOT_STARTED = "NOT_STARTED"
    ON_TRACK = "ON_TRACK"
    AT_RISK = "AT_RISK"
    DELAYED = "DELAYED"
    DONE = "DONE"


#: Statuses that put what depends on an entity at risk.
LATE = (Status.AT_RISK, Status.DELAYED)

#: Actions that put their `relation` into the graph (the others that carry one take it out):
#: a relation added by hand, or a suggested link confirmed.
ADDING = ("ADD_RELATION", "CONFIRM_LINK")


@dataclass(frozen=True, slots=True)
class Change:
    id: str
    #: The name of the key that made it.
    who: str
    #: ISO 8601, UTC.
    at: str
    #: What was done: SET_STATUS, ADD_RELATION, REMOVE_RELATION, CONFIRM_LINK, REJECT_LINK or
    #: REVERT.
    action: str
    entity_id: str
    status: Status | None = None
    note: str | None = None
    reverted: bool = False
    #: For a change that reverted another: that change's id.
    reverts: str | None = None
    #: The relation the change put into the graph (ADD_RELATION, CONFIRM_LINK) or took out of
    #: it (REMOVE_RELATION; REJECT_LINK of a link the graph held).
    relation: dict[str, Any] | None = None
    #: For ADD_RELATION and CONFIRM_LINK: the relation of the same key it replaced, if any
    #: (restored on revert).
    replaced: dict[str, Any] | None = None
    #: For a review decision (CONFIRM_LINK, REJECT_LINK): the suggested link decided on.
    reviewed: dict[str, Any] | None = None
    #: For a review decision: how likely the review queue's ranker found that a reader calls the
    #: link plain, when it was decided (0–1). Not the link's similarity, which its relation keeps.
    likelihood: float | None = None


def make_in(store: GraphStore, change: Change) -> None:
    """Make in `store` the relation change a logged change made where it was made."""
    if change.relation is None:
        return
    relation = relation_of_row(change.relation)
    if change.action in ADDING:
        store.change_relations([relation], [])
    else:
        store.change_relations([], [relation])


def undo_in(store: GraphStore, change: Change) -> None:
    """Undo in `store` the relation change a logged change made (what a revert does)."""
    if change.relation is None:
        return
    relation = relation_of_row(change.relation)
    if change.action in ADDING:
        restored = [relation_of_row(change.replaced)] if change.replaced else []
        store.change_relations(restored, [relation])
    else:
        store.change_relations([relation], [])


def row_of(change: Change) -> dict[str, Any]:
    """The change as the log keeps it, without the fields it has not. Shallow: its relation
    rows are the change's own (a change is never altered, only replaced), so that a long log
    gives its rows cheaply on every change."""
    row = {}
    for name in Change.__slots__:
        value = getattr(change, name)
        if value is not None and value is not False:
            row[name] = str(value) if isinstance(value, StrEnum) else value
    return row


def change_from_row(row: dict[str, Any], where: str) -> Change:
    try:
        return Change(**{**row, "status": Status(row["status"]) if row.get("status") else None})
    except (TypeError, KeyError, ValueError) as exc:
        raise PlanLoadError(where, f"the curation log cannot be read: {exc}") from None


def logged_relation(relation: Relation) -> dict[str, Any]:
    """A relation as the log keeps it: its export record without the fields it has not, its
    `confidence` (the inference's similarity) named `similarity`, so that it is not read as the
    review queue's likelihood."""
    record = {k: v for k, v in relation_record(relation).items() if v not in (None, "")}
    if "confidence" in record:
        record["similarity"] = record.pop("confidence")
    return record


def relation_of(row: dict[str, Any] | None) -> Relation | None:
    """A relation as a logged change keeps it (its `relation`, `replaced` or `reviewed`)."""
    return relation_of_row(row) if row else None


def relation_of_row(row: dict[str, Any]) -> Relation:
    return Relation(
        RelationType(row["type"]),
        row["from"],
        row["to"],
        origin=Origin(row.get("origin", "CURATED")),
        role=Role(row["role"]) if row.get("role") else None,
        # Logs written before `similarity` named it `confidence`.
        confidence=row.get("similarity", row.get("confidence")),
        evidence=row.get("evidence"),
    )
