"""Constants and small helpers shared by the tests."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

import httpx

from graph.model import Entity, EntityKind, GraphDocument, RelationType

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "data" / "plans" / "hubei-standardization-2016-2020.txt"
PLAN = "hubei-standardization-2016-2020"

GraphQL = Callable[..., dict[str, Any]]


def sid(local: str) -> str:
    """An id in the seed plan: sid('task/5.9') is task 9, in task group 五."""
    return f"{PLAN}/{local}"


def named(document: GraphDocument, kind: EntityKind, name: str) -> Entity:
    """The one entity of a kind with this name; fails if there is none or more than one."""
    found = [e for e in document.entities.values() if e.kind is kind and e.name == name]
    assert len(found) == 1, f"{len(found)} {kind.value} entities named {name!r}"
    return found[0]


def children_named(document: GraphDocument, parent: Entity, kind: EntityKind) -> list[str]:
    return [e.name for e in document.entities.values() if e.parent == parent.id and e.kind is kind]


def linked(
    document: GraphDocument, rel_type: RelationType, source: str | None = None, target: str | None = None
):
    """Relations of a type, optionally from or to an entity id."""
    return [
        r
        for r in document.relations.values()
        if r.type is rel_type
        and (source is None or r.source == source)
        and (target is None or r.target == target)
    ]


def free_port() -> int:
    """A TCP port on the loopback that nothing listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def plangraph(
    *args: str, env: dict[str, str] | None = None, timeout: float = 300
) -> subprocess.CompletedProcess[str]:
    """Run the `plangraph` command as a user would (the installed console script)."""
    return subprocess.run(
        [*_plangraph_command(), *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=_plangraph_env(env),
        timeout=timeout,
    )


@dataclass(frozen=True, slots=True)
class Served:
    """A `plangraph serve` running: where it answers, and what it has printed so far."""

    url: str
    log: IO[bytes]

    def output(self) -> str:
        self.log.seek(0)
        return self.log.read().decode()


@contextmanager
def plangraph_serving(*args: str, env: dict[str, str] | None = None) -> Iterator[Served]:
    """`plangraph serve ARGS` as a user starts it, on a free port, for the duration of the block;
    it is stopped at the end."""
    port = free_port()
    with tempfile.TemporaryFile() as log:
        server = subprocess.Popen(
            [*_plangraph_command(), "serve", "--port", str(port), *args],
            cwd=ROOT,
            env=_plangraph_env(env),
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        served = Served(f"http://127.0.0.1:{port}", log)
        try:
            deadline = time.monotonic() + 60
            while True:
                try:
                    httpx.get(f"{served.url}/health", timeout=2)
                    break
                except httpx.TransportError:
                    assert server.poll() is None, served.output()
                    assert time.monotonic() < deadline, "plangraph serve did not answer in time"
                    time.sleep(0.2)
            yield served
        finally:
            server.terminate()
            server.wait(timeout=10)


def _plangraph_command() -> list[str]:
    executable = shutil.which("plangraph", path=str(Path(sys.executable).parent))
    return [executable] if executable else [sys.executable, "-m", "api.cli"]


def _plangraph_env(env: dict[str, str] | None) -> dict[str, str]:
    return {**os.environ, "COLUMNS": "200", "PYTHONUNBUFFERED": "1", **(env or {})}
