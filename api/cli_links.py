"""`plangraph links`: the links the inference proposes, and how good their ranking is against
hand-labelled sets."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.table import Table

from api.cli_options import PlanPaths, settings_for
from api.console import fail, out
from api.stores import profile_of
from graph.errors import PlanGraphError
from graph.model import GraphDocument
from loaders import load_plans
from loaders.links.labels import (
    Judgement,
    LinkKey,
    LinkScores,
    PlanLinkMeasure,
    curation,
    inferred_links,
    measure_links,
    read_judged_links,
    score_links,
)
from loaders.links.ranking import load_link_ranker

__all__ = ["links"]


def links(
    paths: PlanPaths = None,
    labels: Annotated[
        Optional[list[Path]],  # noqa: UP045
        typer.Option(
            help="A hand-labelled link set (YAML) to measure against; repeat it for a second reader "
            "or another plan."
        ),
    ] = None,
    scale: Annotated[
        float, typer.Option(min=0.1, max=10.0, help="Multiply the profile's link thresholds by this.")
    ] = 1.0,
    unreviewed: Annotated[
        bool, typer.Option(help="Only the links no overlay in data/overlays/ confirms or rejects yet.")
    ] = False,
) -> None:
    """The links the inference proposes between the plans' chapters, with their confidence and
    evidence, and what the link overlays made of them (confirmed, rejected): the list planners
    review. With --labels, each is marked against the labelled sets, and for each labelled plan
    the graph's precision and recall and the review queue's precision among the first 20 and 50
    suggestions and recall at depth 100 are printed."""
    settings = settings_for(None, None)
    try:
        profile = profile_of(settings)
        profile = profile.model_copy(update={"links": profile.links.scaled(scale)})
        plans = paths or settings.plans or None
        document = load_plans(plans, profile, overlays=[]).document
        curated = load_plans(plans, profile, overlays=settings.overlays or None).document
        sets = [read_judged_links(path, document) for path in labels or []]
    except PlanGraphError as exc:
        fail(exc)
    measures = measure_links(document, sets, profile.links)
    labelled = {key for measure in measures for key in measure.labelled.links}
    found = {
        key: relation
        for key, relation in inferred_links(document).items()
        if not measures or any(key[1].startswith(f"{m.plan_id}/") for m in measures)
    }
    reviewed = curation(found, curated)
    listed = {key: relation for key, relation in found.items() if not (unreviewed and key in reviewed)}
    for key, relation in sorted(
        listed.items(), key=lambda item: (item[0][0].value, -(item[1].confidence or 0))
    ):
        line = f"{key[0].value:<10} {relation.confidence:.3f}  {_link(document, key)}  {relation.evidence}"
        if key in reviewed:
            line += f"  [bold]{reviewed[key]}[/]"
        if measures:
            line += "  [green]labelled[/]" if key in labelled else "  [red]not labelled[/]"
        out.print(line, soft_wrap=True, highlight=False)
    out.print(
        f"{len(found)} inferred link(s), {len(reviewed)} reviewed in the link overlays", highlight=False
    )
    if measures:
        _print_scores(document, score_links(found, labelled))
        _print_queue(measures)


def _link(document: GraphDocument, key: LinkKey) -> str:
    """Both ends, each by id and name; ids relative to the plan, as the link overlay takes them."""
    ends = (document.entities[i] for i in key[1:])
    return " → ".join(f"{e.id.removeprefix(f'{e.plan}/')} {e.name}" for e in ends)


def _print_scores(document: GraphDocument, scores: LinkScores) -> None:
    if scores.missed:
        out.print("\n[bold]labelled, not inferred[/]")
        for key in sorted(scores.missed):
            out.print(f"{key[0].value:<10}        {_link(document, key)}", soft_wrap=True, highlight=False)
    table = Table(
        "type", "labelled", "inferred", "correct", "precision", "recall", title="links in the graph"
    )
    for name, part in [*((t.value, s) for t, s in scores.by_type.items()), ("all", scores)]:
        table.add_row(
            name, str(len(part.labelled)), str(len(part.found)), str(len(part.correct)),
            f"{part.precision:.2f}", f"{part.recall:.2f}",
        )  # fmt: skip
    out.print(table)


def _print_queue(measures: list[PlanLinkMeasure]) -> None:
    table = Table(
        "plan", "readers", "kappa", "pairs", "yes", "ambiguous", "top-20 precision", "top-50 precision",
        "recall at 100", "ranker fitted to it", title="the review queue",
    )  # fmt: skip
    fitted = set(load_link_ranker().fitted_to)
    for m in measures:
        ambiguous = sum(j is Judgement.AMBIGUOUS for j in m.labelled.judgements.values())
        table.add_row(
            m.plan_id, "+".join(m.readers), "-" if m.kappa is None else f"{m.kappa:.2f}",
            str(m.candidate_pairs), str(m.queue.defensible), str(ambiguous),
            f"{m.queue.top_20:.2f}", f"{m.queue.top_50:.2f}", f"{m.queue.recall_at_100:.2f}",
            "yes (not held out)" if m.plan_id in fitted else "no",
        )  # fmt: skip
    out.print(table)
