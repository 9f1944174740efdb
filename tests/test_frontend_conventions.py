"""What frontends expect of the API, over real HTTP: Relay `edges` on every connection (as
Apollo and Relay clients query them), and `viewer` (who the caller's key is)."""

from __future__ import annotations

from pathlib import Path

import httpx

from api.app import create_app
from api.keys import KeyRing
from schema.auth import KeyRole
from tests.conftest import curated_app, serving
from tests.helpers import ROOT, sid
from tests.test_curation import ask, codes

PLAN = "hubei-standardization-2016-2020"

#: One query an Apollo client would write: every connection paged through `edges`.
EDGES = """query($plan: ID!, $after: String) {
  entities(planId: $plan, kind: TASK, first: 2, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id name } } nodes { id } }
  linkSuggestions(planId: $plan, first: 2) { totalCount edges { cursor node { id likelihood } } nodes { id } }
  changes(first: 2) { totalCount edges { cursor node { id action entityId } } nodes { id } }
}"""


def test_every_connection_has_relay_edges_beside_nodes(seed, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    ring = KeyRing(tmp_path / "keys.json")
    curator = ring.add("王规划", KeyRole.CURATOR)
    store, app = curated_app(seed, ring, tmp_path / "c.yaml")
    with serving(store, app) as url:
        set_status = "mutation($id: ID!) { setStatus(id: $id, status: DELAYED) { id } }"
        ask(url, set_status, curator, id=sid("task/2.4"))
        ask(url, set_status, curator, id=sid("task/1.1"))
        data = ask(url, EDGES, plan=PLAN)["data"]
        for name in ("entities", "linkSuggestions", "changes"):
            page = data[name]
            assert len(page["edges"]) == 2, name
            assert [e["node"]["id"] for e in page["edges"]] == [n["id"] for n in page["nodes"]], name
        assert [e["node"]["entityId"] for e in data["changes"]["edges"]] == [sid("task/2.4"), sid("task/1.1")]
        assert [e["node"]["action"] for e in data["changes"]["edges"]] == ["SET_STATUS", "SET_STATUS"]
        # The cursor of an edge pages after it, as the page's endCursor does.
        first_page = data["entities"]
        assert first_page["edges"][-1]["cursor"] == first_page["pageInfo"]["endCursor"]
        after = ask(url, EDGES, plan=PLAN, after=first_page["edges"][0]["cursor"])["data"]["entities"]
        assert after["edges"][0]["node"] == first_page["edges"][1]["node"]


VIEWER = "{ viewer { name role mayCurate } }"


def test_viewer_says_whose_key_the_request_carries(memory_store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    ring = KeyRing(tmp_path / "keys.json")
    curator, reader = ring.add("王规划", KeyRole.CURATOR), ring.add("李读者", KeyRole.READER)
    with serving(memory_store, create_app(memory_store, keyring=ring)) as url:
        assert ask(url, VIEWER, curator)["data"]["viewer"] == {
            "name": "王规划",
            "role": "CURATOR",
            "mayCurate": True,
        }
        assert ask(url, VIEWER, reader)["data"]["viewer"] == {
            "name": "李读者",
            "role": "READER",
            "mayCurate": False,
        }
        assert ask(url, VIEWER)["data"] == {"viewer": None}
        assert codes(ask(url, VIEWER, "pgk_no-such-key")) == ["UNAUTHENTICATED"]
        ring.revoke("李读者")
        assert codes(ask(url, VIEWER, reader)) == ["UNAUTHENTICATED"]


def test_the_schema_is_served_in_sdl_for_code_generators(memory_store) -> None:  # type: ignore[no-untyped-def]
    with serving(memory_store) as url:
        response = httpx.get(f"{url}/graphql/schema.graphql")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/graphql")
    assert response.text == (ROOT / "schema.graphql").read_text(encoding="utf-8")
