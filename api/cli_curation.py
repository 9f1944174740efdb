"""`plangraph curation`: the log of what planners changed by hand."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from api.cli_options import Backend, Neo4jDatabase, Neo4jPassword, Neo4jUri, Neo4jUser, settings_for
from api.console import fail, out
from api.stores import bolt_store, curation_log
from graph.curation_keepers import dump_rows
from graph.errors import PlanGraphError, PlanLoadError
from graph.files import write_whole
from graph.memory import MemoryStore

__all__ = ["curation_commands"]


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
    settings = settings_for(
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
