"""The impact answer, built once for `impact` and for what `atRisk` lists of each late item."""

from __future__ import annotations

from collections import Counter

from strawberry.types import Info

from graph import model
from graph.results import Reach, departments_in
from schema.types import ImpactResult, KindCount, node_for, reach_result, responsibility_result

__all__ = ["cut", "impact_result", "kind_counts"]


def cut(info: Info, reached: list[Reach]) -> list[Reach]:
    """At most max_results; a cut answer is named in the response's `extensions.truncated`."""
    ceiling = info.context.limits.max_results
    if len(reached) > ceiling:
        info.context.truncated.append(".".join(str(key) for key in info.path.as_list()))
    return reached[:ceiling]


def kind_counts(entities: list[model.Entity]) -> list[KindCount]:
    counts = Counter(e.kind for e in entities)
    return [KindCount(kind=kind, count=counts[kind]) for kind in model.EntityKind if counts[kind]]


def impact_result(
    info: Info, entity_id: str, max_depth: int, origins: list[model.Origin] | None = None
) -> ImpactResult:
    """What the entity puts at risk, cut at the server's result limit, with who answers for it."""
    limit = info.context.limits.max_results + 1
    report = info.context.store.impact_report(entity_id, max_depth, limit=limit, origins=origins)
    reached = cut(info, report.reached)
    kept = {report.root.id, *(r.entity.id for r in reached)}
    answers = [a for a in report.responsibilities if a.entity.id in kept]
    return ImpactResult(
        root=node_for(report.root),
        affected=[reach_result(r) for r in reached],
        counts_by_kind=kind_counts([r.entity for r in reached]),
        departments=[node_for(d) for d in departments_in(answers)],
        responsibilities=[responsibility_result(a) for a in answers],
        truncated=len(report.reached) > len(reached),
    )
