"""Shared fixtures: the seed plan loaded once, and the API served over real HTTP."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
import uvicorn

from api.app import create_app
from graph.memory import MemoryStore
from graph.model import GraphDocument
from loaders import load_plans
from tests.helpers import SEED, GraphQL, free_port


@pytest.fixture(scope="session")
def seed() -> GraphDocument:
    return load_plans([SEED]).document


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def base_url(seed: GraphDocument) -> Iterator[str]:
    """The app on a real uvicorn server in a background thread, serving the seed."""
    store = MemoryStore()
    store.load(seed)
    port = free_port()
    server = uvicorn.Server(
        uvicorn.Config(create_app(store), host="127.0.0.1", port=port, log_level="warning")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline:
            raise RuntimeError("the test server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


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
