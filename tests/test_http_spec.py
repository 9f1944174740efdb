"""The API against the GraphQL-over-HTTP specification: graphql-http's audit suite (web/, run
with Node.js) over real HTTP, and the media type a client that accepts
application/graphql-response+json is answered in."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import httpx
import pytest

from graph.store import GraphStore
from tests.conftest import serving

ROOT = Path(__file__).resolve().parent.parent
AUDIT = ROOT / "web" / "scripts" / "audit-graphql-http.mjs"
SPEC_ACCEPT = "application/graphql-response+json, application/json;q=0.9"


@pytest.fixture(scope="module")
def url(memory_store: GraphStore):
    with serving(memory_store) as base:
        yield f"{base}/graphql"


def test_the_audit_suite_passes_with_no_warnings(url: str) -> None:
    node = shutil.which("node")
    if node is None or not (ROOT / "web" / "node_modules" / "graphql-http").is_dir():
        pytest.skip("Node.js and web/node_modules (make assets) are needed for the audit")
    run = subprocess.run([node, str(AUDIT), url], capture_output=True, text=True, timeout=120, check=True)
    results = json.loads(run.stdout)
    assert len(results) > 50, "the suite ran"
    assert [r for r in results if r["status"] != "ok"] == []


def test_a_document_that_does_not_parse_is_a_400_without_data(url: str) -> None:
    response = httpx.post(url, json={"query": "{ plans {"}, headers={"Accept": SPEC_ACCEPT})
    assert response.status_code == 400
    assert response.headers["content-type"].startswith("application/graphql-response+json")
    body = response.json()
    assert "data" not in body and body["errors"][0]["extensions"]["code"]


def test_a_variable_that_does_not_coerce_is_a_400(url: str) -> None:
    query = "query ($id: ID!) { entity(id: $id) { name } }"
    response = httpx.post(
        url, json={"query": query, "variables": {"id": None}}, headers={"Accept": SPEC_ACCEPT}
    )
    assert response.status_code == 400
    assert "data" not in response.json()


def test_a_field_error_is_still_a_200_with_data(url: str) -> None:
    query = '{ entity(id: "no-such-plan/task/1") { name } }'
    response = httpx.post(url, json={"query": query}, headers={"Accept": SPEC_ACCEPT})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/graphql-response+json")
    assert "data" in response.json()


def test_a_client_that_accepts_only_json_is_answered_as_before(url: str) -> None:
    response = httpx.post(url, json={"query": "{ plans {"}, headers={"Accept": "application/json"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/json")
    assert response.json()["errors"]
