"""The load report: what a plan file gave, and every paragraph the loader could not place."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from graph.model import GraphDocument
from graph.results import Stats, stats_of

__all__ = ["LoadReport", "Note", "Unplaced"]


@dataclass(frozen=True, slots=True)
class Unplaced:
    line: int
    text: str


@dataclass(frozen=True, slots=True)
class Note:
    """Something recognised only partly: a repeated or skipped number, a damaged date …"""

    line: int
    message: str


@dataclass(slots=True)
class LoadReport:
    path: str
    plan_id: str
    title: str = ""
    #: What the file was read as: txt, html, docx, doc or pdf.
    format: str = "txt"
    #: Entities of the plan's graph by kind, the departments and documents it names included.
    entities: Counter[str] = field(default_factory=Counter)
    #: The plan's counts as a store gives them: its own entities, and the shared ones it names.
    totals: Stats = field(default_factory=Stats)
    relations: Counter[str] = field(default_factory=Counter)
    unplaced: list[Unplaced] = field(default_factory=list)
    #: Names given work that are neither in the department registry nor generic bodies.
    unresolved_departments: list[str] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    #: Links between chapters inferred from shared key terms (loaders/links/candidates.py).
    inferred_links: int = 0
    #: Clauses that look like targets but gave none.
    unread_targets: list[Unplaced] = field(default_factory=list)
    #: Brackets that assign work whose bodies could not all be read or resolved.
    unresolved_brackets: list[Unplaced] = field(default_factory=list)
    #: What was guessed: a title taken from the file name, …
    warnings: list[str] = field(default_factory=list)

    def count(self, document: GraphDocument) -> None:
        self.entities = Counter(e.kind.value for e in document.entities.values())
        self.relations = Counter(r.type.value for r in document.relations.values())
        self.totals = stats_of(document, self.plan_id)

    def as_dict(self) -> dict[str, object]:
        return {
            "path": self.path,
            "planId": self.plan_id,
            "title": self.title,
            "format": self.format,
            "entities": dict(self.entities),
            "ownEntities": self.totals.entities,
            "sharedEntities": self.totals.shared,
            "relations": dict(self.relations),
            "unplaced": [{"line": u.line, "text": u.text} for u in self.unplaced],
            "unresolvedDepartments": self.unresolved_departments,
            "notes": [{"line": n.line, "message": n.message} for n in self.notes],
            "inferredLinks": self.inferred_links,
            "unreadTargets": [{"line": u.line, "text": u.text} for u in self.unread_targets],
            "unresolvedBrackets": [{"line": u.line, "text": u.text} for u in self.unresolved_brackets],
            "warnings": self.warnings,
        }
