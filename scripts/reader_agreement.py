"""How far two readers of the same plans agree: the expectations of tests/corpus/ (the first
reading) against a second reading written independently by GUIDELINE.md
(tests/corpus/second-readings/), part by part, with the corpus check's own notion of sameness
(a target's metric, value, unit, comparator and deadline together; a body, role and entity
together). It bounds what the loader can be expected to reach: where two careful readers
write a target's metric differently, no reading of the text matches both.

    python scripts/reader_agreement.py
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.corpus_check import CORPUS, PARTS, half_of, normalised_expectations  # noqa: E402

SECOND = CORPUS / "second-readings"


def items(expected: dict, part: str) -> list[tuple]:
    """One reading's items of one part, each as what the corpus check compares."""
    if part == "header":
        header = expected.get("header") or {}
        return [(key, str(value)) for key, value in header.items()]
    rows = expected.get(part) or []
    if part == "chapters":
        return [(row["title"], row["kind"]) for row in rows]
    if part in ("tasks", "measures"):
        return [(row,) for row in rows]
    if part == "targets":
        return [
            (
                row["metric"],
                round(float(row["value"]), 6),
                row.get("unit"),
                row["comparator"],
                row.get("deadline"),
            )
            for row in rows
        ]
    return [
        (frozenset({row["body"], row.get("resolved") or row["body"]}), row["role"], row["of"]) for row in rows
    ]


def matched(first: Iterable[tuple], second: list[tuple]) -> int:
    """How many of first the second reading also wrote (each of second used once)."""
    left = list(second)
    count = 0
    for item in first:
        same = next((other for other in left if _same(item, other)), None)
        if same is not None:
            left.remove(same)
            count += 1
    return count


def _same(a: tuple, b: tuple) -> bool:
    if a and isinstance(a[0], frozenset):  # responsibilities: the bodies as written or resolved
        return bool(a[0] & b[0]) and a[1:] == b[1:]
    return a == b


def main() -> None:
    totals = {part: [0, 0, 0] for part in PARTS}  # agreed, first reading's, second reading's
    print("| document | half | " + " | ".join(PARTS) + " |")
    print("|---|---|" + "---:|" * len(PARTS))
    for second_path in sorted(SECOND.glob("*.expected.yaml")):
        second = normalised_expectations(yaml.safe_load(second_path.read_text(encoding="utf-8")))
        first = normalised_expectations(
            yaml.safe_load((CORPUS / second_path.name).read_text(encoding="utf-8"))
        )
        cells = []
        for part in PARTS:
            a, b = items(first, part), items(second, part)
            agreed = matched(a, b)
            totals[part][0] += agreed
            totals[part][1] += len(a)
            totals[part][2] += len(b)
            cells.append(f"{agreed}/{len(a)}/{len(b)}")
        print(f"| `{first['file']}` | {half_of(first['file'])} | " + " | ".join(cells) + " |")
    print("\nAgreement (items both wrote, over the mean of the two readings' counts):\n")
    print("| part | agreed | first reading | second reading | agreement |")
    print("|---|---:|---:|---:|---:|")
    for part, (agreed, first_count, second_count) in totals.items():
        share = 2 * agreed / (first_count + second_count) if first_count + second_count else 1.0
        print(f"| {part} | {agreed} | {first_count} | {second_count} | {share:.1%} |")


if __name__ == "__main__":
    main()
