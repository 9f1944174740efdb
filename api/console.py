"""Where the `plangraph` commands write: answers to standard output, messages and errors to
standard error, and the one way a command fails (a message, exit status 1, no traceback)."""

from __future__ import annotations

from typing import NoReturn

import typer
from rich.console import Console
from rich.markup import escape

__all__ = ["err", "fail", "out"]

out = Console()
err = Console(stderr=True)


def fail(error: Exception) -> NoReturn:
    """The message on one line (not folded at the terminal's width), its text taken as written."""
    err.print(f"[bold red]error:[/] {escape(str(error))}", highlight=False, soft_wrap=True)
    raise typer.Exit(code=1)
