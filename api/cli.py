"""The `plangraph` command line: serve, load, export, impact, links."""

from __future__ import annotations

import json
import sys
import time
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Optional

import typer
from pydantic import ValidationError
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from api.cli_keys import keys
from api.console import err, fail, out
from api.keys import KeyRing
from api.report_view import print_report
from api.settings import Settings
from api.stores import bolt_store, curation_log, open_store, profile_of
from graph.curation_keepers import dump_rows
from graph.errors import EntityNotFound, PlanGraphError, PlanLoadError
from graph.export import to_csv, to_cypher, to_graphml, to_json
from graph.files import write_whole
from graph.memory import MemoryStore
from graph.model import Direction, GraphDocument
from loaders import SHIPPED_PLANS, load_plan, load_plans, plan_files
from loaders.link_labels import (
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
from loaders.link_ranking import load_link_ranker
from schema.limits import QueryLimits

__all__ = ["app", "main"]

app = typer.Typer(
    help="Turn development plans into a knowledge graph and serve it over GraphQL.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)
PlanPaths = Annotated[
    Optional[list[Path]],  # noqa: UP045 - typer reads the annotation at run time
    typer.Argument(help="Plan files or folders of plan files; default: the plans shipped in data/plans/."),
]
Backend = Annotated[
    Optional[str],  # noqa: UP045
    typer.Option(help="memory (default) or neo4j; also PLANGRAPH_BACKEND."),
]


_AGAINST = {Direction.DOWNSTREAM: "", Direction.UPSTREAM: " (against)", Direction.BOTH: ""}


Neo4jUri = Annotated[Optional[str], typer.Option(help="Bolt URI; also PLANGRAPH_NEO4J_URI.")]  # noqa: UP045
Neo4jUser = Annotated[Optional[str], typer.Option(help="Also PLANGRAPH_NEO4J_USER.")]  # noqa: UP045
Neo4jPassword = Annotated[Optional[str], typer.Option(help="Also PLANGRAPH_NEO4J_PASSWORD.")]  # noqa: UP045
Neo4jDatabase = Annotated[Optional[str], typer.Option(help="Also PLANGRAPH_NEO4J_DATABASE.")]  # noqa: UP045


ReportPath = Annotated[
    Optional[Path],  # noqa: UP045
    typer.Option(help="Also write the load reports as JSON to this file."),
]


class ExportFormat(StrEnum):
    json = "json"
    graphml = "graphml"
    cypher = "cypher"
    csv = "csv"


#: Options given before the command (plangraph --profile FILE load …), for every command.
_common: dict[str, object] = {}


@app.callback()
def common(
    profile: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option(help="The genre profile to read plans with; also PLANGRAPH_PROFILE."),
    ] = None,
) -> None:
    """Turn development plans into a knowledge graph and serve it over GraphQL."""
    _common["profile"] = profile


def _settings(paths: list[Path] | None, backend: str | None, **overrides: object) -> Settings:
    """The one route from options and PLANGRAPH_* variables to what a command loads."""
    values: dict[str, object] = {k: v for k, v in {**_common, **overrides}.items() if v is not None}
    if paths:
        values["plans"] = paths
    if backend:
        values["backend"] = backend
    try:
        return Settings(**values)  # type: ignore[arg-type]
    except ValidationError as exc:
        problems = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors())
        fail(ValueError(f"invalid settings (options or PLANGRAPH_* variables): {problems}"))


#: The exit status of a command that loaded some plans and refused others (1 is a failure).
SOME_REFUSED = 3

Strict = Annotated[
    bool,
    typer.Option(help="Refuse all if any file is refused (and, for load, if any paragraph is not placed)."),
]


def _print_refused(refused: list[PlanLoadError]) -> None:
    for one in refused:
        err.print(f"[yellow]refused:[/] {one.path}: {one.reason}", highlight=False)
    if refused:
        err.print(f"{len(refused)} file(s) refused; the others were loaded", highlight=False)


@app.command()
def serve(
    paths: PlanPaths = None,
    backend: Backend = None,
    host: Annotated[Optional[str], typer.Option(help="Address to listen on.")] = None,  # noqa: UP045
    port: Annotated[Optional[int], typer.Option(help="Port to listen on.")] = None,  # noqa: UP045
    neo4j_uri: Neo4jUri = None,
    neo4j_user: Neo4jUser = None,
    neo4j_password: Neo4jPassword = None,
    neo4j_database: Neo4jDatabase = None,
    strict: Strict = False,
) -> None:
    """Serve the GraphQL API (GraphiQL at /graphql). The memory backend loads the plans; the
    neo4j backend serves what the database holds, after loading the plans given, if any.
    Files that cannot be read are refused and listed (and in /health); the rest are served."""
    import uvicorn

    from api.app import create_app
    from api.pages import DEFAULT_ASSETS_DIR

    settings = _settings(
        None, backend, host=host, port=port, neo4j_uri=neo4j_uri, neo4j_user=neo4j_user,
        neo4j_password=neo4j_password, neo4j_database=neo4j_database,
    )  # fmt: skip
    try:
        store, loaded, curation = open_store(settings, paths, strict=strict)
    except PlanGraphError as exc:
        fail(exc)
    _print_refused(loaded.refused)
    for report in loaded.reports:
        out.print(
            f"loaded {report.title} ({sum(report.entities.values())} entities) as [bold]{report.plan_id}[/]"
        )
    out.print(f"GraphiQL: http://{settings.host}:{settings.port}/graphql")
    out.print(f"Explorer: http://{settings.host}:{settings.port}/explore")
    app = create_app(
        store,
        QueryLimits(),
        max_body_bytes=settings.max_body_bytes,
        assets_dir=settings.assets_dir or DEFAULT_ASSETS_DIR,
        refused=loaded.refused,
        curation=curation,
        keyring=KeyRing(settings.keys_file),
        require_key=settings.require_key,
        cors_origins=settings.cors_origins,
        link_rules=profile_of(settings).links,
    )
    uvicorn.run(app, host=settings.host, port=settings.port, log_level="info")
    if loaded.refused:
        raise typer.Exit(code=SOME_REFUSED)


@app.command()
def load(
    paths: PlanPaths = None,
    backend: Backend = None,
    report: ReportPath = None,
    strict: Strict = False,
    neo4j_uri: Neo4jUri = None,
    neo4j_user: Neo4jUser = None,
    neo4j_password: Neo4jPassword = None,
    neo4j_database: Neo4jDatabase = None,
) -> None:
    """Parse the plans, write them to the backend, and print a load report: counts per kind
    and relation type, and every paragraph that could not be placed."""
    settings = _settings(
        None, backend, neo4j_uri=neo4j_uri, neo4j_user=neo4j_user,
        neo4j_password=neo4j_password, neo4j_database=neo4j_database,
    )  # fmt: skip
    files = paths or settings.plans or [SHIPPED_PLANS]
    started = time.perf_counter()
    try:
        with Progress(
            TextColumn("loading"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=err,
            transient=True,
        ) as progress:
            task = progress.add_task("plans", total=len(plan_files(files)))
            _, loaded, _ = open_store(
                settings, files, on_file=lambda _: progress.advance(task), strict=strict
            )
    except PlanGraphError as exc:
        fail(exc)
    _print_refused(loaded.refused)
    reports = loaded.reports
    if len(reports) <= 10:
        for one in reports:
            print_report(out, one)
    unplaced = sum(len(r.unplaced) for r in reports)
    out.print(
        f"loaded {len(reports)} plan(s): {len(loaded.document.entities)} entities, "
        f"{len(loaded.document.relations)} relations in {time.perf_counter() - started:.2f} s; "
        f"{unplaced} paragraph(s) not placed",
        highlight=False,
    )
    if settings.backend == "neo4j":
        out.print(f"written to the graph database at {settings.neo4j_uri}")
    if report is not None:
        report.write_text(
            json.dumps([r.as_dict() for r in reports], ensure_ascii=False, indent=2), encoding="utf-8"
        )
    if strict and unplaced:
        fail(PlanGraphError(f"--strict: {unplaced} paragraph(s) could not be placed"))
    if loaded.refused:
        raise typer.Exit(code=SOME_REFUSED)


ExportFormatOption = Annotated[
    ExportFormat, typer.Option("--format", help="json, graphml, cypher, or csv (a folder).")
]


@app.command()
def export(
    paths: PlanPaths = None,
    format: ExportFormatOption = ExportFormat.json,  # noqa: A002 - the option's name
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="File (csv: folder) to write; default stdout.")
    ] = None,
    strict: Strict = False,
) -> None:
    """Write the graph of the plans as JSON, GraphML, a Cypher script, or CSV files for
    neo4j-admin import. Files that cannot be read are refused and listed; the rest are written."""
    settings = _settings(None, None)
    try:
        loaded = load_plans(
            paths or settings.plans or None,
            profile_of(settings),
            overlays=settings.overlays or None,
            strict=strict,
        )
    except PlanGraphError as exc:
        fail(exc)
    _print_refused(loaded.refused)
    document = loaded.document
    if format is ExportFormat.csv:
        if output is None:
            fail(ValueError("--format csv writes two files: name a folder with -o"))
        written = to_csv(document, output)
        err.print(f"wrote {', '.join(str(p) for p in written)}")
    else:
        writers = {
            ExportFormat.json: to_json,
            ExportFormat.graphml: to_graphml,
            ExportFormat.cypher: to_cypher,
        }
        text = writers[format](document)
        text = text if text.endswith("\n") else text + "\n"
        if output is None:
            sys.stdout.write(text)
        else:
            write_whole(output, text)
            err.print(
                f"wrote {len(document.entities)} entities and {len(document.relations)} relations to {output}"
            )
    if loaded.refused:
        raise typer.Exit(code=SOME_REFUSED)


@app.command()
def impact(
    entity_id: Annotated[
        str, typer.Argument(metavar="ID", help="The entity whose slipping you want to assess.")
    ],
    paths: PlanPaths = None,
    max_depth: Annotated[int, typer.Option(help="How many links to follow.")] = 6,
) -> None:
    """A readable impact report: what an entity puts at risk, and who is responsible for it."""
    try:
        store, _, _ = open_store(_settings(paths, None))
        report = store.impact_report(entity_id, max_depth)
    except EntityNotFound:
        fail(EntityNotFound(entity_id))
    except PlanGraphError as exc:
        fail(exc)
    root = report.root
    out.print(f"[bold]Impact of {root.kind.value} {root.name}[/] ({root.id})", highlight=False)
    table = Table("depth", "kind", "entity", "reached through")
    for reach in report.reached:
        via = " → ".join(f"{s.relation.type.value}{_AGAINST[s.direction]} {s.other.name}" for s in reach.path)
        table.add_row(
            str(reach.depth), reach.entity.kind.value, f"{reach.entity.name}\n{reach.entity.id}", via
        )
    out.print(table)
    out.print(
        f"{len(report.reached)} entities affected; departments responsible: "
        + ("、".join(d.name for d in report.departments) or "none"),
        highlight=False,
    )


@app.command()
def report(
    paths: Annotated[list[Path], typer.Argument(help="Plan files or folders of plan files.")],
    json_file: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option("--json", help="Also write the reports as JSON to this file."),
    ] = None,
) -> None:
    """What the loader made of each document, so the next gap shows itself: entities by kind,
    targets read against the sentences that look like targets, paragraphs not placed, bodies
    no registry knows, and what was guessed. A refused file is listed with its reason."""
    try:
        files = plan_files(paths)
        profile = profile_of(_settings(None, None))
    except PlanGraphError as exc:
        fail(exc)
    reports = []
    refused: list[PlanLoadError] = []
    for path in files:
        try:
            reports += load_plan(path, profile).reports
        except PlanLoadError as exc:
            refused.append(exc)
    for one in reports:
        print_report(out, one, detailed=True)
    _print_refused(refused)
    if json_file is not None:
        write_whole(
            json_file, json.dumps([r.as_dict() for r in reports], ensure_ascii=False, indent=2) + "\n"
        )
    if refused:
        raise typer.Exit(code=SOME_REFUSED if reports else 1)


@app.command()
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
    settings = _settings(None, None)
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


curation_commands = typer.Typer(help="The log of what planners changed by hand.", no_args_is_help=True)


@curation_commands.command("export")
def export_curation(
    to: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option(help="The file to write; default: PLANGRAPH_CURATION_FILE (data/curation.yaml)."),
    ] = None,
    backend: Backend = None,
    neo4j_uri: Neo4jUri = None,
    neo4j_user: Neo4jUser = None,
    neo4j_password: Neo4jPassword = None,
    neo4j_database: Neo4jDatabase = None,
) -> None:
    """Write the curation log as the overlay file (YAML, reviewable in git): with the neo4j
    backend, the changes the database keeps. The file is written aside and renamed."""
    settings = _settings(
        None, backend, neo4j_uri=neo4j_uri, neo4j_user=neo4j_user,
        neo4j_password=neo4j_password, neo4j_database=neo4j_database,
    )  # fmt: skip
    target = to or settings.curation_file
    try:
        store = bolt_store(settings) if settings.backend != "memory" else MemoryStore()
        log = curation_log(settings, store)
        write_whole(target, dump_rows(log.rows()))
    except PlanGraphError as exc:
        fail(exc)
    except OSError as exc:
        fail(PlanLoadError(str(target), f"cannot be written: {exc.strerror or exc}"))
    out.print(f"{len(log.changes)} change(s) written to {target}", highlight=False)


app.add_typer(keys, name="keys")
app.add_typer(curation_commands, name="curation")


def main() -> None:
    app()


if __name__ == "__main__":
    main()
