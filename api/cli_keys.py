"""`plangraph keys`: make, list and revoke the API keys that allow changes."""

from __future__ import annotations

import sys
from typing import Annotated

import typer
from rich.table import Table

from api.cli_options import settings_for
from api.console import err, fail, out
from api.keys import KeyRing
from schema.auth import KeyRole

__all__ = ["keys"]


def _keyring() -> KeyRing:
    return KeyRing(settings_for(None, None).keys_file)


keys = typer.Typer(help="API keys: who may change the graph (PLANGRAPH_KEYS_FILE).", no_args_is_help=True)


@keys.command("add")
def keys_add(
    name: Annotated[str, typer.Argument(help="Who the key is for; the change log names it.")],
    role: Annotated[KeyRole, typer.Option(help="reader, curator or admin.")] = KeyRole.READER,
) -> None:
    """Make a key and print it (alone, on the last line); only its hash is kept."""
    ring = _keyring()
    try:
        key = ring.add(name, role)
    except ValueError as exc:
        fail(exc)
    err.print(f"key for {name} ({role.value}) added to {ring.path}; it is shown once:", highlight=False)
    sys.stdout.write(key + "\n")


@keys.command("list")
def keys_list() -> None:
    """The keys by name and role (never the keys themselves)."""
    table = Table("name", "role", "created", "revoked")
    for name, role, created, revoked in _keyring().list():
        table.add_row(name, role.value, created, revoked or "")
    out.print(table)


@keys.command("revoke")
def keys_revoke(name: Annotated[str, typer.Argument(help="The name of the key to revoke.")]) -> None:
    """Revoke a key: requests carrying it are refused from now on."""
    try:
        _keyring().revoke(name)
    except ValueError as exc:
        fail(exc)
    out.print(f"revoked the key of {name}", highlight=False)
