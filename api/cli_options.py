"""What the `plangraph` commands share: their common options and the one route from options and
PLANGRAPH_* variables to the settings a command works with."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer
from pydantic import ValidationError

from api.console import fail
from api.setting_forms import describe
from api.settings import Settings
from loaders.reading.limits import InputLimits
from schema.limits import QueryLimits

__all__ = [
    "COMMON", "SOME_REFUSED", "Backend", "Jobs", "Neo4jDatabase", "Neo4jPassword", "Neo4jUri", "Neo4jUser",
    "PlanPaths", "Strict", "settings_for",
]  # fmt: skip

PlanPaths = Annotated[
    Optional[list[Path]],  # noqa: UP045 - typer reads the annotation at run time
    typer.Argument(help="Plan files or folders of plan files; default: the plans shipped in data/plans/."),
]
Backend = Annotated[
    Optional[str],  # noqa: UP045
    typer.Option(help="memory (default) or neo4j; also PLANGRAPH_BACKEND."),
]

Neo4jUri = Annotated[Optional[str], typer.Option(help="Bolt URI; also PLANGRAPH_NEO4J_URI.")]  # noqa: UP045
Neo4jUser = Annotated[Optional[str], typer.Option(help="Also PLANGRAPH_NEO4J_USER.")]  # noqa: UP045
Neo4jPassword = Annotated[Optional[str], typer.Option(help="Also PLANGRAPH_NEO4J_PASSWORD.")]  # noqa: UP045
Neo4jDatabase = Annotated[Optional[str], typer.Option(help="Also PLANGRAPH_NEO4J_DATABASE.")]  # noqa: UP045

#: The exit status of a command that loaded some plans and refused others (1 is a failure).
SOME_REFUSED = 3

Strict = Annotated[
    bool,
    typer.Option(help="Refuse all if any file is refused (and, for load, if any paragraph is not placed)."),
]

Jobs = Annotated[
    Optional[int],  # noqa: UP045
    typer.Option(
        min=1,
        help="Processes that parse the plan files (1: in this process); default one a core when there "
        "are enough files to parse; also PLANGRAPH_JOBS.",
    ),
]

#: Options given before the command (plangraph --profile FILE load …), for every command.
COMMON: dict[str, object] = {}


def settings_for(paths: list[Path] | None, backend: str | None, **overrides: object) -> Settings:
    """The one route from options and PLANGRAPH_* variables to what a command loads. Every
    PLANGRAPH_* setting is checked here, the limits too, so a bad one stops any command with one
    line naming it, before anything is done."""
    values: dict[str, object] = {k: v for k, v in {**COMMON, **overrides}.items() if v is not None}
    if paths:
        values["plans"] = paths
    if backend:
        values["backend"] = backend
    model: type[Settings | QueryLimits | InputLimits] = Settings
    try:
        settings = Settings(**values)  # type: ignore[arg-type]
        for model in (QueryLimits, InputLimits):
            model()
    except ValidationError as exc:
        fail(ValueError(describe(exc, model, options=values)))
    return settings
