"""Malformed and abusive requests get GraphQL errors with codes — never a 5xx, a stack trace
or a hang — and the server answers normally afterwards."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis_graphql import strategies as graphql_strategies

from api.app import create_app
from graph.memory import MemoryStore
from schema import QueryLimits, schema
from tests.conftest import serving
from tests.helpers import PLAN, GraphQL, sid

TASK_9 = sid("task/5.9")


def _codes(body: dict[str, Any]) -> list[str]:
    return [e.get("extensions", {}).get("code") for e in body.get("errors", [])]


def _still_answers(gql: GraphQL) -> None:
    assert gql("{ plans { id } }")["data"]["plans"][0]["id"] == PLAN


def test_deep_nesting(gql: GraphQL) -> None:
    nested = "children { " * 30 + "id" + " }" * 30
    assert _codes(gql('{ entity(id: "%s") { %s } }' % (PLAN, nested))) == ["QUERY_TOO_DEEP"]
    _still_answers(gql)


def test_alias_bomb(gql: GraphQL) -> None:
    aliases = " ".join(f'a{i}: impact(id: "{TASK_9}") {{ truncated }}' for i in range(200))
    assert "LIMIT_EXCEEDED" in _codes(gql("{ %s }" % aliases))
    _still_answers(gql)


def test_fragment_bomb(gql: GraphQL) -> None:
    """Each level doubles the work through two aliases; within the depth and alias limits,
    only the field budget stops it."""
    fragments = ["fragment F0 on Entity { id name }"]
    for level in range(1, 10):
        fragments.append(
            f"fragment F{level} on Entity {{ a: children {{ ...F{level - 1} }} b: children {{ ...F{level - 1} }} }}"
        )
    body = gql('{ entity(id: "%s") { ...F9 } } %s' % (PLAN, " ".join(fragments)))
    assert "LIMIT_EXCEEDED" in _codes(body)
    _still_answers(gql)


def test_so_many_mistakes_that_validation_gives_up(gql: GraphQL) -> None:
    nested = "parent { " * 40 + "id" + " }" * 40
    body = gql("{ %s }" % " ".join(f'e{i}: entity(id: "x") {{ {nested} }}' for i in range(25)))
    assert body["errors"] and all(code for code in _codes(body))
    _still_answers(gql)


def test_cyclic_fragments(gql: GraphQL) -> None:
    body = gql(
        '{ entity(id: "%s") { ...A } } fragment A on Entity { ...B } fragment B on Entity { ...A }' % PLAN
    )
    assert _codes(body) and set(_codes(body)) == {"GRAPHQL_VALIDATION_FAILED"}
    _still_answers(gql)


def test_huge_pages_and_depths(gql: GraphQL) -> None:
    assert _codes(gql("{ entities(first: 1000000) { totalCount } }")) == ["BAD_USER_INPUT"]
    assert _codes(gql("{ entities(first: -1) { totalCount } }")) == ["BAD_USER_INPUT"]
    assert _codes(gql('{ impact(id: "%s", maxDepth: 1000000) { truncated } }' % TASK_9)) == ["BAD_USER_INPUT"]
    _still_answers(gql)


def test_a_megabyte_query(http: httpx.Client, gql: GraphQL) -> None:
    response = http.post("/graphql", json={"query": "{ plans { id } }" + " " * 1_100_000})
    assert response.status_code == 413
    assert _codes(response.json()) == ["LIMIT_EXCEEDED"]
    long_query = "{ " + " ".join(f"p{i}: plans {{ id }}" for i in range(20000)) + " }"
    response = http.post("/graphql", json={"query": long_query})
    assert response.status_code < 500 and "LIMIT_EXCEEDED" in _codes(response.json())
    _still_answers(gql)


@pytest.mark.parametrize(
    "search",
    [
        "' OR 1=1 --",
        '") RETURN n //',
        "MATCH (n) DETACH DELETE n",
        "$search",
        "\\u0000",
        "%",
        "*",
        "标准' }) MATCH (m",
    ],
)
def test_injection_looking_search_strings_are_just_text(gql: GraphQL, search: str) -> None:
    body = gql(
        "query($q: String) { entities(search: $q, first: 100) { totalCount nodes { name text } } }", q=search
    )
    assert "errors" not in body
    hits = body["data"]["entities"]["nodes"]
    # A search is a literal substring, never a pattern: % and * match only themselves.
    assert all(search.lower() in (h["name"] + (h["text"] or "")).lower() for h in hits)
    if search not in ("%",):
        assert hits == []
    assert gql("{ stats { entityCount } }")["data"]["stats"]["entityCount"] > 500


@pytest.mark.parametrize(
    ("content", "content_type"),
    [
        (b"{not json", "application/json"),
        (b"\xff\xfe\x00{\x80", "application/json"),
        (json.dumps({"query": "{ plans { id } }"}).encode("utf-16"), "application/json"),
        (b'{"query": 42}', "application/json"),
        (b'{"query": "{ plans { id } }", "variables": "nope"}', "application/json"),
        (b"query=%7B%20plans%20%7B%20id%20%7D%20%7D", "application/x-www-form-urlencoded"),
        (b"", "application/json"),
    ],
)
def test_broken_bodies(http: httpx.Client, gql: GraphQL, content: bytes, content_type: str) -> None:
    response = http.post("/graphql", content=content, headers={"content-type": content_type})
    assert response.status_code < 500, response.text
    assert "Traceback" not in response.text
    _still_answers(gql)


def test_every_response_carries_a_request_id(http: httpx.Client) -> None:
    response = http.post("/graphql", json={"query": "{ plans { id } }"}, headers={"x-request-id": "abc-123"})
    assert response.headers["x-request-id"] == "abc-123"
    assert len(http.get("/health").headers["x-request-id"]) == 32


# -- limits of a server of the test's own ----------------------------------------------------


@pytest.fixture(scope="module")
def small_server(seed) -> Iterator[httpx.Client]:  # type: ignore[no-untyped-def]
    """A server with tiny limits, and a store that fails inside for one entity."""

    class BrokenStore(MemoryStore):
        def responsible_for(self, entity_id: str, include_inherited: bool):  # type: ignore[no-untyped-def]
            if entity_id == TASK_9:
                raise RuntimeError("secret internal detail /srv/plangraph")
            return super().responsible_for(entity_id, include_inherited)

    store = BrokenStore()
    store.load(seed)
    limits = QueryLimits(max_results=5, request_timeout=10)
    with (
        serving(store, create_app(store, limits, max_body_bytes=2000)) as url,
        httpx.Client(base_url=url) as client,
    ):
        yield client


def test_answers_over_the_result_limit_are_cut_and_flagged(small_server: httpx.Client) -> None:
    body = small_server.post(
        "/graphql",
        json={"query": '{ impact(id: "%s") { truncated affected { depth } } '
              'dependencies(id: "%s", direction: BOTH, maxDepth: 5) { depth } }' % ("department/湖北省质量技术监督局", PLAN)},
    ).json()  # fmt: skip
    assert body["data"]["impact"]["truncated"] is True
    assert len(body["data"]["impact"]["affected"]) == 5
    assert len(body["data"]["dependencies"]) == 5
    assert body["extensions"]["truncated"] == ["impact", "dependencies"]


def test_the_body_limit_is_configurable(small_server: httpx.Client) -> None:
    response = small_server.post("/graphql", json={"query": "{ plans { id } }" + " " * 3000})
    assert response.status_code == 413


def test_internal_errors_are_masked_logged_and_quotable(small_server: httpx.Client, caplog) -> None:  # type: ignore[no-untyped-def]
    with caplog.at_level(logging.ERROR, logger="plangraph.api"):
        response = small_server.post(
            "/graphql", json={"query": '{ responsibleFor(id: "%s") { role } }' % TASK_9}
        )
    assert response.status_code == 200
    (error,) = response.json()["errors"]
    assert error["message"] == "Internal error."
    assert error["extensions"] == {
        "code": "INTERNAL_SERVER_ERROR",
        "requestId": response.headers["x-request-id"],
    }
    assert "secret" not in response.text and "Traceback" not in response.text
    assert any(response.headers["x-request-id"] in record.getMessage() for record in caplog.records)


def test_a_request_over_its_time_limit_stops_with_timeout(seed) -> None:  # type: ignore[no-untyped-def]
    store = MemoryStore()
    store.load(seed)
    with serving(store, create_app(store, QueryLimits(request_timeout=1e-9))) as url:
        body = httpx.post(
            f"{url}/graphql", json={"query": '{ impact(id: "%s") { truncated } }' % PLAN}
        ).json()
    assert _codes(body) == ["TIMEOUT"]


# -- fuzzing ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def memory_client(memory_store: MemoryStore) -> Iterator[httpx.Client]:
    with serving(memory_store) as url, httpx.Client(base_url=url, timeout=30) as client:
        yield client


@settings(
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(query=graphql_strategies.queries(str(schema)))
def test_generated_queries_never_make_a_server_error(memory_client: httpx.Client, query: str) -> None:
    response = memory_client.post("/graphql", json={"query": query})
    assert response.status_code < 500, response.text
    assert "INTERNAL_SERVER_ERROR" not in _codes(response.json()), (query, response.text)
