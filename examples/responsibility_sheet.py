"""A department's responsibility sheet, as CSV: every entity it leads or supports, directly or
inherited from a whole it answers for, with the evidence each rests on.

    python examples/responsibility_sheet.py 湖北省质量技术监督局 > sheet.csv
"""

from __future__ import annotations

import argparse
import csv
import sys

from plangraph_client import DEFAULT_URL, PlanGraphClient, PlanGraphError, Responsibility

COLUMNS = ["entity_id", "kind", "name", "role", "origin", "inherited_from", "as_successor_of", "evidence"]


def row(r: Responsibility) -> list[str]:
    return [
        r.entity.id, r.entity.kind, r.entity.name, r.role, r.origin,
        r.inherited_from.name if r.inherited_from else "",
        r.predecessor.name if r.predecessor else "",
        r.evidence or "",
    ]  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("department", help="the department's id or name, e.g. 湖北省质量技术监督局")
    parser.add_argument("--direct", action="store_true", help="leave out inherited responsibilities")
    parser.add_argument(
        "--url", default=DEFAULT_URL, help=f"the API's GraphQL endpoint (default {DEFAULT_URL})"
    )
    args = parser.parse_args(argv)
    try:
        client = PlanGraphClient(args.url)
        department = client.department(args.department)
        answers = client.responsibilities(department.id, include_inherited=not args.direct)
    except PlanGraphError as exc:
        print(f"responsibility_sheet: {exc}", file=sys.stderr)
        return 1
    writer = csv.writer(sys.stdout, lineterminator="\n")
    writer.writerow(COLUMNS)
    writer.writerows(row(r) for r in answers)
    return 0


if __name__ == "__main__":
    sys.exit(main())
