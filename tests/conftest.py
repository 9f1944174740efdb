"""Shared fixtures: the seed plan loaded once, and the API served over real HTTP.

Tests that only read share one FalkorDB server with the seed plan loaded once (`bolt_store`).
A test that changes the graph gets a server of its own (`own_server`, `changeable_bolt_store`):
FalkorDB's Bolt endpoint takes no database name (every session works on one graph), so a
separate graph means a separate server — one starts in a tenth of a second."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
import pytest
import uvicorn
from fastapi import FastAPI

from api.app import create_app
from api.keys import KeyRing
from graph.bolt import BoltStore
from graph.curation import CurationLog
from graph.memory import MemoryStore
from graph.model import GraphDocument
from graph.store import GraphStore
from loaders import load_plans
from tests.bolt_server import CONNECTION_TIMEOUT, PASSWORD, USER, FalkorDBServer
from tests.helpers import SEED, GraphQL, free_port


@pytest.fixture(scope="session", autouse=True)
def plan_cache_aside(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """The `plangraph` commands the tests run keep parsed plans in the session's temporary folder,
    not in data/.cache/plans."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("PLANGRAPH_PLAN_CACHE_DIR", str(tmp_path_factory.mktemp("plan-cache")))
        yield


@pytest.fixture(scope="session")
def seed() -> GraphDocument:
    return load_plans([SEED]).document


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def falkordb(tmp_path_factory: pytest.TempPathFactory) -> Iterator[FalkorDBServer]:
    """A real FalkorDB server, started for the test session."""
    server = FalkorDBServer(tmp_path_factory.mktemp("falkordb"))
    server.start()
    yield server
    server.stop()


def bolt_store_on(server: FalkorDBServer, **options: Any) -> BoltStore:
    return BoltStore(
        server.uri, USER, PASSWORD, "plangraph", **{"connection_timeout": CONNECTION_TIMEOUT, **options}
    )


@pytest.fixture(scope="session")
def bolt_store(falkordb: FalkorDBServer, seed: GraphDocument) -> Iterator[BoltStore]:
    """The seed plan in FalkorDB, for the tests that only read it."""
    store = bolt_store_on(falkordb)
    store.clear()
    store.load(seed)
    yield store
    store.close()


@pytest.fixture
def own_server(tmp_path: Path) -> Iterator[FalkorDBServer]:
    """A FalkorDB server of the test's own, for a test that changes the graph."""
    server = FalkorDBServer(tmp_path / "falkordb")
    server.start()
    yield server
    server.stop()


@pytest.fixture
def changeable_bolt_store(own_server: FalkorDBServer, seed: GraphDocument) -> Iterator[BoltStore]:
    """The seed plan in a FalkorDB server of the test's own, for a test that changes it."""
    store = bolt_store_on(own_server)
    store.load(seed)
    yield store
    store.close()


@pytest.fixture(scope="session")
def memory_store(seed: GraphDocument) -> MemoryStore:
    store = MemoryStore()
    store.load(seed)
    return store


def curated_app(seed: GraphDocument, keyring: KeyRing, log_file: Path) -> tuple[MemoryStore, FastAPI]:
    """A memory store of the test's own holding the seed plan, and the API on it with this key
    ring and a curation log kept in `log_file`, the graph kept in step with it as a worker's is
    (two of them on one log file are two workers)."""
    store = MemoryStore()
    store.load(seed)
    log = CurationLog.open(log_file)
    log.graph = store
    return store, create_app(store, curation=log, keyring=keyring)


@contextmanager
def serving(store: GraphStore, app: Any = None) -> Iterator[str]:
    """The app (by default the API on `store`) on a real uvicorn server in a background
    thread, for the duration of the block; yields its base URL."""
    port = free_port()
    server = uvicorn.Server(
        uvicorn.Config(app or create_app(store), host="127.0.0.1", port=port, log_level="warning")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline:
            raise RuntimeError("the test server did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@pytest.fixture(scope="session", params=["memory", "bolt"])
def store(request: pytest.FixtureRequest) -> GraphStore:
    """Each API test runs once on the memory store and once on the Bolt store (FalkorDB)."""
    return request.getfixturevalue(f"{request.param}_store")


@pytest.fixture(scope="session")
def base_url(store: GraphStore) -> Iterator[str]:
    with serving(store) as url:
        yield url


@pytest.fixture(scope="session")
def http(base_url: str) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=base_url, timeout=30) as client:
        yield client


@pytest.fixture(scope="session")
def gql(http: httpx.Client) -> GraphQL:
    """POST a query; returns the response's JSON (data and errors) after checking it is not a 5xx."""

    def run(query: str, **variables: Any) -> dict[str, Any]:
        response = http.post("/graphql", json={"query": query, "variables": variables})
        assert response.status_code < 500, response.text
        return response.json()

    return run


@pytest.fixture(scope="session")
def data(gql: GraphQL) -> GraphQL:
    """Like gql, but asserts there were no errors and returns the data."""

    def run(query: str, **variables: Any) -> dict[str, Any]:
        body = gql(query, **variables)
        assert "errors" not in body, body["errors"]
        return body["data"]

    return run
