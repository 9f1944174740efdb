"""The `plangraph` command line: serve, load, export, impact, report; `links` (api/cli_links.py),
`curation` (api/cli_curation.py) and `keys` (api/cli_keys.py) are their own modules."""

from __future__ import annotations

import json
import os
import sys
import time
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from api.cli_curation import curation_commands
from api.cli_keys import keys
from api.cli_links import links
from api.cli_options import (
    COMMON,
    SOME_REFUSED,
    Backend,
    Jobs,
    Neo4jDatabase,
    Neo4jPassword,
    Neo4jUri,
    Neo4jUser,
    PlanPaths,
    Strict,
    settings_for,
)
from api.console import err, fail, out
from api.report_view import print_report
from api.stores import load_options, open_store, profile_of
from graph.errors import EntityNotFound, PlanGraphError, PlanLoadError
from graph.export import to_csv, to_cypher, to_graphml, to_json
from graph.files import write_whole
from graph.model import Direction
from graph.results import stats_of
from loaders import SHIPPED_PLANS, load_plan, load_plans, plan_files

__all__ = ["app", "main"]

app = typer.Typer(
    help="Turn development plans into a knowledge graph and serve it over GraphQL.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)


_AGAINST = {Direction.DOWNSTREAM: "", Direction.UPSTREAM: " (against)", Direction.BOTH: ""}


ReportPath = Annotated[
    Optional[Path],  # noqa: UP045
    typer.Option(help="Also write the load reports as JSON to this file."),
]


class ExportFormat(StrEnum):
    json = "json"
    graphml = "graphml"
    cypher = "cypher"
    csv = "csv"


@app.callback()
def common(
    profile: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option(help="The genre profile to read plans with; also PLANGRAPH_PROFILE."),
    ] = None,
) -> None:
    """Turn development plans into a knowledge graph and serve it over GraphQL."""
    COMMON["profile"] = profile


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
    workers: Annotated[
        Optional[int],  # noqa: UP045
        typer.Option(min=1, help="Processes serving at once; default one per core. Also PLANGRAPH_WORKERS."),
    ] = None,
    jobs: Jobs = None,
) -> None:
    """Serve the GraphQL API (GraphiQL at /graphql). The memory backend loads the plans; the
    neo4j backend serves what the database holds, after loading the plans given, if any.
    Files that cannot be read are refused and listed (and in /health); the rest are served."""
    import uvicorn

    from api.server import app_for, handed_over, worker_count, worker_environment

    settings = settings_for(
        paths, backend, host=host, port=port, workers=workers, neo4j_uri=neo4j_uri, neo4j_user=neo4j_user,
        neo4j_password=neo4j_password, neo4j_database=neo4j_database, jobs=jobs,
    )  # fmt: skip
    try:
        store, loaded, curation = open_store(settings, paths, strict=strict)
    except PlanGraphError as exc:
        fail(exc)
    _print_refused(loaded.refused)
    for report in loaded.reports:
        counted = store.stats(report.plan_id).describe()
        out.print(f"loaded {report.title} ({counted}) as [bold]{report.plan_id}[/]")
    out.print(
        f"serving {len(store.plans())} plan(s): {store.stats(None).describe(whole=True)}", highlight=False
    )
    out.print(f"{loaded.from_cache} of {len(loaded.reports)} plan(s) from the plan cache", highlight=False)
    out.print(f"GraphiQL: http://{settings.host}:{settings.port}/graphql")
    out.print(f"Explorer: http://{settings.host}:{settings.port}/explore")
    count = worker_count(settings)
    if count == 1:
        app = app_for(settings, store, loaded, curation)
        uvicorn.run(app, host=settings.host, port=settings.port, log_level="info")
    else:
        # Each worker opens the store itself, as these settings say (the plans from the cache).
        shared = curation.keeper.where if curation.keeper is not None else "none"
        out.print(f"{count} workers; the curation log they share: {shared}", highlight=False)
        del store, curation
        os.environ.update(worker_environment(settings))
        with handed_over(loaded) as plans:
            os.environ.update(plans)
            uvicorn.run(
                "api.server:worker_app",
                factory=True,
                workers=count,
                host=settings.host,
                port=settings.port,
                log_level="info",
            )
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
    jobs: Jobs = None,
) -> None:
    """Parse the plans, write them to the backend, and print a load report: counts per kind
    and relation type, and every paragraph that could not be placed."""
    settings = settings_for(
        None, backend, neo4j_uri=neo4j_uri, neo4j_user=neo4j_user,
        neo4j_password=neo4j_password, neo4j_database=neo4j_database, jobs=jobs,
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
        f"loaded {len(reports)} plan(s): {stats_of(loaded.document).describe(whole=True)} "
        f"in {time.perf_counter() - started:.2f} s ({loaded.from_cache} plan(s) from the plan cache); "
        f"{unplaced} paragraph(s) not placed",
        highlight=False,
    )
    if settings.backend == "neo4j":
        out.print(f"written to the graph database at {settings.neo4j_uri}")
    else:
        out.print(
            "nothing was kept: the memory backend holds plans only while a process runs, so a running "
            "server still shows the plans it read. `plangraph serve` reads plans itself; "
            "`plangraph load --backend neo4j` writes them to a graph database.",
            highlight=False,
        )
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
    jobs: Jobs = None,
) -> None:
    """Write the graph of the plans as JSON, GraphML, a Cypher script, or CSV files for
    neo4j-admin import. Files that cannot be read are refused and listed; the rest are written."""
    settings = settings_for(None, None, jobs=jobs)
    try:
        loaded = load_plans(
            paths or settings.plans or None,
            profile_of(settings),
            overlays=settings.overlays or None,
            strict=strict,
            **load_options(settings),
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
        store, _, _ = open_store(settings_for(paths, None))
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
        profile = profile_of(settings_for(None, None))
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


app.command()(links)
app.add_typer(keys, name="keys")
app.add_typer(curation_commands, name="curation")


def main() -> None:
    app()


if __name__ == "__main__":
    main()
