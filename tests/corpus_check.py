"""Checks a loaded corpus document against its hand-written expectations
(tests/corpus/<slug>.expected.yaml, written by tests/corpus/GUIDELINE.md).

Each expectation is one check: a header field, a chapter with its kind, a task, a target
(metric, value, unit, comparator and deadline together), a responsibility (body, role and the
entity it is for together). `check_document` answers which held and which did not."""

from __future__ import annotations

import hashlib
import math
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from graph.errors import PlanLoadError
from graph.model import EntityKind, GraphDocument, Origin, RelationType
from loaders import load_plan
from loaders.reading.paragraphs import normalise_line

CORPUS = Path(__file__).parent / "corpus"
HEADER_FIELDS = {
    "title": "title",
    "issuer": "issuer",
    "issued_on": "issuedOn",
    "doc_number": "docNumber",
    "region": "region",
    "level": "level",
}


@dataclass
class Checked:
    name: str
    held: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    #: Per part of the expectations (header, chapters, tasks, measures, targets,
    #: responsibilities): how many held and how many were checked.
    parts: dict[str, list[int]] = field(default_factory=dict)

    @property
    def total_checks(self) -> int:
        return len(self.held) + len(self.failed)

    @property
    def share(self) -> float:
        return len(self.held) / self.total_checks if self.total_checks else 1.0

    def check(self, ok: bool, what: str, part: str) -> None:
        (self.held if ok else self.failed).append(what)
        tally = self.parts.setdefault(part, [0, 0])
        tally[0] += ok
        tally[1] += 1


# The documents the loader was developed with, before the corpus was split (tests/corpus/README.md).
FOUNDING_DOCUMENTS = frozenset(
    {
        "jinan-new-generation-ai-2024-2026.docx",
        "national-agri-mechanization-2018.html",
        "national-caomuye-guidance-2016.docx",
        "national-consumption-poverty-alleviation-2018.docx",
        "national-employment-promotion-2018.txt",
        "national-sports-competition-industry-2018.pdf",
        "qingdao-ai-industry-2024-2026.txt",
        "shandong-education-2021-2025.txt",
        "shandong-sci-tech-industrial-chains-2024-2027.pdf",
        "shanghai-leasing-business-services-2026-2028.pdf",
        "shanghai-scientific-greening-2022.html",
        "shanghai-sponge-city-2024.docx",
        "shanghai-standardization-safety-production-2025.txt",
    }
)
DEVELOPMENT, HELD_OUT = "development", "held-out"
#: The parts of an expectations file, in the order GUIDELINE.md gives them.
PARTS = ("header", "chapters", "tasks", "measures", "targets", "responsibilities")
#: How a target's check is named, so that targets can be counted apart.
TARGET = "target "


def half_of(file_name: str) -> str:
    """The corpus half a document belongs to, by the rule written in tests/corpus/README.md.

    >>> half_of("national-agri-mechanization-2018.html")
    'development'
    >>> half_of("zhejiang-digital-economy-2021-2025.txt")
    'held-out'
    """
    if file_name in FOUNDING_DOCUMENTS:
        return DEVELOPMENT
    digest = int(hashlib.sha256(file_name.encode("utf-8")).hexdigest(), 16)
    return DEVELOPMENT if digest % 3 == 0 else HELD_OUT


def expectation_files() -> list[Path]:
    return sorted(CORPUS.glob("*.expected.yaml"))


@dataclass
class HalfFigures:
    """What held of one half's expectations, and of its targets alone."""

    checked: list[Checked] = field(default_factory=list)

    @property
    def documents(self) -> int:
        return len(self.checked)

    @property
    def held(self) -> int:
        return sum(len(c.held) for c in self.checked)

    @property
    def total(self) -> int:
        return sum(len(c.held) + len(c.failed) for c in self.checked)

    @property
    def share(self) -> float:
        return self.held / self.total if self.total else 1.0

    @property
    def targets_held(self) -> int:
        return sum(1 for c in self.checked for what in c.held if what.startswith(TARGET))

    @property
    def targets(self) -> int:
        return self.targets_held + sum(
            1 for c in self.checked for what in c.failed if what.startswith(TARGET)
        )

    @property
    def target_share(self) -> float:
        return self.targets_held / self.targets if self.targets else 1.0

    def part_share(self, part: str) -> tuple[int, int]:
        """How many of one part's expectations held, and how many there are, over the half."""
        held = sum(c.parts.get(part, [0, 0])[0] for c in self.checked)
        return held, sum(c.parts.get(part, [0, 0])[1] for c in self.checked)

    @property
    def lowest(self) -> float:
        return min((c.share for c in self.checked), default=1.0)


def corpus_figures() -> dict[str, HalfFigures]:
    """Every document checked, by half."""
    figures = {DEVELOPMENT: HalfFigures(), HELD_OUT: HalfFigures()}
    for path in expectation_files():
        checked = check_document(path)
        figures[half_of(checked.name)].checked.append(checked)
    return figures


def check_document(expected_path: Path) -> Checked:
    # The loader folds character widths one for one (+ → ＋ beside Chinese, ０ → 0); so do the
    # expectations, which are written as the text has them.
    expected = normalised_expectations(yaml.safe_load(expected_path.read_text(encoding="utf-8")))
    checked = Checked(expected["file"])
    try:
        document = load_plan(CORPUS / expected["file"]).document
    except PlanLoadError as refused:
        # A refused document holds none of its expectations.
        for part in ("header", "chapters", "tasks", "measures", "targets", "responsibilities"):
            for item in expected.get(part) or []:
                checked.check(
                    False, f"{TARGET if part == 'targets' else part + ' '}{item} (refused: {refused})", part
                )
        return checked
    _header(document, expected.get("header") or {}, checked)
    _chapters(document, expected.get("chapters") or [], checked)
    _tasks(document, expected.get("tasks") or [], checked)
    _measures(document, expected.get("measures") or [], checked)
    _targets(document, expected.get("targets") or [], checked)
    _responsibilities(document, expected.get("responsibilities") or [], checked)
    return checked


def normalised_expectations(value):  # type: ignore[no-untyped-def]
    if isinstance(value, str):
        return normalise_line(value)
    if isinstance(value, list):
        return [normalised_expectations(v) for v in value]
    if isinstance(value, dict):
        return {k: v if k in ("file", "source") else normalised_expectations(v) for k, v in value.items()}
    return value


def _plan(document: GraphDocument):  # type: ignore[no-untyped-def]
    (plan,) = document.entities_of(EntityKind.PLAN)
    return plan


def _header(document: GraphDocument, header: dict, checked: Checked) -> None:
    plan = _plan(document)
    for key, attr in HEADER_FIELDS.items():
        if key not in header:
            continue
        want, got = header[key], plan.attrs.get(attr)
        if key == "title":
            got = plan.name
        same = str(got) == str(want)
        if key == "issuer" and want is not None and got is not None:
            # Bodies issuing jointly are the same bodies however they are separated (、 or spaces,
            # as a signature sets them side by side).
            same = _bodies(str(got)) == _bodies(str(want))
        checked.check(
            same if want is not None else got is None,
            f"{key}: {want!r} (read {got!r})",
            "header",
        )
    if "period" in header:
        want = header["period"]
        got = [plan.attrs.get("periodStart"), plan.attrs.get("periodEnd")]
        checked.check(got == (want or [None, None]), f"period: {want} (read {got})", "header")


def _bodies(issuer: str) -> set[str]:
    return {name for name in re.split(r"[、，,\s]+", issuer) if name}


def _chapters(document: GraphDocument, chapters: list[dict], checked: Checked) -> None:
    plan = _plan(document)
    found = [e for e in document.entities_of(EntityKind.SECTION) if e.parent == plan.id]
    for chapter in chapters:
        same = [e for e in found if e.name == chapter["title"]]
        kinds = [e.attrs.get("chapterKind") for e in same]
        checked.check(
            chapter["kind"] in kinds,
            f"chapter {chapter['title']} as {chapter['kind']} (read {kinds})",
            "chapters",
        )


def _tasks(document: GraphDocument, tasks: list[str], checked: Checked) -> None:
    names = {e.name for e in document.entities_of(EntityKind.TASK)}
    for task in tasks:
        checked.check(task in names, f"task {task}", "tasks")


def _measures(document: GraphDocument, measures: list[str], checked: Checked) -> None:
    names = {e.name for e in document.entities_of(EntityKind.MEASURE)}
    for measure in measures:
        checked.check(measure in names, f"measure {measure}", "measures")


def _targets(document: GraphDocument, targets: list[dict], checked: Checked) -> None:
    indicators = [e.attrs for e in document.entities_of(EntityKind.INDICATOR)]
    for target in targets:

        def same(a: dict, t: dict = target) -> bool:
            return (
                a.get("metric") == t["metric"]
                and a.get("value") is not None
                and math.isclose(float(a["value"]), float(t["value"]), rel_tol=1e-9)
                and a.get("unit") == t["unit"]
                and a.get("comparator") == t["comparator"]
                and a.get("deadline") == t.get("deadline")
            )

        near = [
            (a.get("metric"), a.get("value"), a.get("unit"), a.get("comparator"), a.get("deadline"))
            for a in indicators
            if a.get("written") == target.get("written") or a.get("metric") == target["metric"]
        ]
        checked.check(
            any(same(a) for a in indicators),
            f"{TARGET}{target['metric']} {target['comparator']} {target['value']} {target['unit']} "
            f"by {target.get('deadline')} (read {near})",
            "targets",
        )


def _responsibilities(document: GraphDocument, responsibilities: list[dict], checked: Checked) -> None:
    found: list[tuple[set[str], str, str]] = []
    for relation in document.relations_of(RelationType.RESPONSIBLE_FOR):
        if relation.origin is not Origin.TEXT:
            continue
        body = document.entities[relation.source]
        names = {body.name, *(body.attrs.get("aliases") or [])}
        target = document.entities[relation.target]
        found.append((names, relation.role.value if relation.role else "", target.name))
    for row in responsibilities:
        bodies = {row["body"], row.get("resolved") or row["body"]}
        ok = any(names & bodies and role == row["role"] and name == row["of"] for names, role, name in found)
        read = sorted({f"{role} {name}" for names, role, name in found if names & bodies})[:4]
        checked.check(ok, f"{row['body']} {row['role']} of {row['of']} (read {read})", "responsibilities")
