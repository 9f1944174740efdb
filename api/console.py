"""Where the `plangraph` commands write: answers to standard output, messages and errors to
standard error, and the one way a command fails (a message, exit status 1, no traceback)."""

from __future__ import annotations

from typing import NoReturn

import typer
from rich.console import Console

__all__ = ["err", "fail", "out"]

out = Console()
err = Console(stderr=True)


def fail(error: Exception) -> NoReturn:
    err.print(f"[bold red]error:[/] {error}", highlight=False)
    raise typer.Exit(code=1)
