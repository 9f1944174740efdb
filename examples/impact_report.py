"""An impact report for one entity, as Markdown: what is put at risk if it slips, through which
relations, and who answers for each part.

    python examples/impact_report.py hubei-standardization-2016-2020/task/1.1 --max-depth 3 > report.md
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict

from plangraph_client import DEFAULT_URL, Impact, PlanGraphClient, PlanGraphError, Reach


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _via(reach: Reach) -> str:
    """The chain of relations from the root, e.g. FORMULATES ← · PART_OF →."""
    arrows = {"DOWNSTREAM": "→", "UPSTREAM": "←"}
    return " · ".join(f"{step.type} {arrows.get(step.direction, '↔')}" for step in reach.path)


def render(impact: Impact) -> str:
    root = impact.root
    lines = [f"# Impact of {root.name}", "", f"`{root.id}` ({root.kind})", ""]
    if not impact.affected:
        lines += ["Nothing else is put at risk within the depth asked for.", ""]
        return "\n".join(lines)
    counts = ", ".join(f"{c.count} {c.kind}" for c in impact.counts_by_kind)
    lines += [f"Put at risk: {len(impact.affected)} entities ({counts}).", ""]
    if impact.truncated:
        lines += ["**The answer was cut at the server's result limit.**", ""]
    answering: dict[str, list[str]] = defaultdict(list)
    for r in impact.responsibilities:
        answering[r.entity.id].append(f"{r.department.name} ({r.role})")
    lines += ["| depth | kind | entity | via | responsible |", "|---|---|---|---|---|"]
    for reach in impact.affected:
        who = "; ".join(answering.get(reach.entity.id, [])) or "—"
        lines.append(
            f"| {reach.depth} | {reach.entity.kind} | {_cell(reach.entity.name)} | {_via(reach)} | {_cell(who)} |"
        )
    departments = sorted({r.department.name for r in impact.responsibilities})
    if departments:
        lines += ["", "## Departments to inform", "", *(f"- {name}" for name in departments)]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("entity_id", help="the id of the entity that slips")
    parser.add_argument("--max-depth", type=int, default=3, help="how many relations to follow (default 3)")
    parser.add_argument(
        "--url", default=DEFAULT_URL, help=f"the API's GraphQL endpoint (default {DEFAULT_URL})"
    )
    args = parser.parse_args(argv)
    try:
        impact = PlanGraphClient(args.url).impact(args.entity_id, args.max_depth)
    except PlanGraphError as exc:
        print(f"impact_report: {exc}", file=sys.stderr)
        return 1
    sys.stdout.write(render(impact))
    return 0


if __name__ == "__main__":
    sys.exit(main())
