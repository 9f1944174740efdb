"""Planners keep the plan's state over real HTTP: statuses behind keys, the change log, reverts,
what is late and what it puts at risk, a restart that loses nothing; keys made by the command
line; reads behind keys when required; CORS for frontends on other origins."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import httpx
import pytest
import yaml

from api.app import create_app
from api.keys import KeyRing
from graph.curation import CurationLog
from graph.memory import MemoryStore
from schema.auth import KeyRole
from tests.conftest import serving
from tests.helpers import PLAN, plangraph, sid

TASK = sid("task/1.1")  # 转变标准供给方式
SET = "mutation($id: ID!, $s: Status!, $n: String) { setStatus(id: $id, status: $s, note: $n) { id name status } }"


@pytest.fixture()
def keys(tmp_path: Path) -> dict[str, str]:
    ring = KeyRing(tmp_path / "keys.json")
    return {"curator": ring.add("王规划", KeyRole.CURATOR), "reader": ring.add("李读者", KeyRole.READER)}


def ask(url: str, query: str, key: str | None = None, **variables: Any) -> dict[str, Any]:
    headers = {"Authorization": f"Bearer {key}"} if key else {}
    response = httpx.post(f"{url}/graphql", json={"query": query, "variables": variables}, headers=headers)
    assert response.status_code == 200, response.text
    return response.json()


def codes(answer: dict[str, Any]) -> list[str]:
    return [e["extensions"]["code"] for e in answer.get("errors") or []]


def test_changes_need_a_curators_key_and_are_logged_and_reverted(
    memory_store: MemoryStore, keys: dict[str, str], tmp_path: Path
) -> None:
    log_file = tmp_path / "curation.yaml"
    app = create_app(
        memory_store, curation=CurationLog.open(log_file), keyring=KeyRing(tmp_path / "keys.json")
    )
    with serving(memory_store, app) as url:
        assert codes(ask(url, SET, id=TASK, s="DELAYED")) == ["UNAUTHENTICATED"]
        assert codes(ask(url, SET, "pgk_not-a-key", id=TASK, s="DELAYED")) == ["UNAUTHENTICATED"]
        assert codes(ask(url, SET, keys["reader"], id=TASK, s="DELAYED")) == ["FORBIDDEN"]
        assert not log_file.exists()  # nothing changed on a refused request

        done = ask(url, SET, keys["curator"], id=TASK, s="DELAYED", n="经费未到位")
        assert done["data"]["setStatus"] == {"id": TASK, "name": "转变标准供给方式", "status": "DELAYED"}
        log = ask(url, "{ changes { totalCount nodes { id who action entityId status note reverted } } }")
        (change,) = log["data"]["changes"]["nodes"]
        assert change | {"id": None} == {
            "id": None, "who": "王规划", "action": "SET_STATUS", "entityId": TASK,
            "status": "DELAYED", "note": "经费未到位", "reverted": False,
        }  # fmt: skip

        revert = "mutation($id: ID!) { revertChange(id: $id) { action reverts who } }"
        assert codes(ask(url, revert, keys["reader"], id=change["id"])) == ["FORBIDDEN"]
        reverted = ask(url, revert, keys["curator"], id=change["id"])["data"]["revertChange"]
        assert reverted == {"action": "REVERT", "reverts": change["id"], "who": "王规划"}
        entity = ask(
            url, "query($id: ID!) { entity(id: $id) { status statusHistory { status reverted } } }", id=TASK
        )
        assert entity["data"]["entity"] == {
            "status": None,
            "statusHistory": [{"status": "DELAYED", "reverted": True}],
        }
        assert codes(ask(url, revert, keys["curator"], id=change["id"])) == ["BAD_USER_INPUT"]

    # The log was written whole, aside and renamed; a restart reads it back.
    assert not list(tmp_path.glob(".*.writing"))
    assert [row["action"] for row in yaml.safe_load(log_file.read_text(encoding="utf-8"))] == [
        "SET_STATUS",
        "REVERT",
    ]
    assert CurationLog.open(log_file).status_history(TASK)[0].reverted


def test_at_risk_lists_what_is_late_and_what_it_endangers(
    memory_store: MemoryStore, keys: dict[str, str], tmp_path: Path
) -> None:
    app = create_app(memory_store, curation=CurationLog.open(None), keyring=KeyRing(tmp_path / "keys.json"))
    query = """query($plan: ID!) { atRisk(planId: $plan) {
        late { entity { id } status impact { departments { name } affected { entity { name } } } }
        atRisk { name } } }"""
    with serving(memory_store, app) as url:
        assert ask(url, query, plan=PLAN)["data"]["atRisk"] == {"late": [], "atRisk": []}
        ask(url, SET, keys["curator"], id=TASK, s="AT_RISK")
        ask(url, SET, keys["curator"], id=sid("task/1.2"), s="DONE")
        answer = ask(url, query, plan=PLAN)["data"]["atRisk"]
    (late,) = answer["late"]
    assert late["entity"]["id"] == TASK and late["status"] == "AT_RISK"
    affected = {a["entity"]["name"] for a in late["impact"]["affected"]}
    assert "主要任务" in affected  # the task's chapter is put at risk by it
    assert {a["name"] for a in answer["atRisk"]} == affected
    assert late["impact"]["departments"]  # who to inform


def test_reads_need_a_key_when_the_server_requires_one(
    memory_store: MemoryStore, keys: dict[str, str], tmp_path: Path
) -> None:
    app = create_app(memory_store, keyring=KeyRing(tmp_path / "keys.json"), require_key=True)
    with serving(memory_store, app) as url:
        refused = httpx.post(f"{url}/graphql", json={"query": "{ plans { id } }"})
        assert refused.status_code == 401
        assert refused.json()["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
        assert ask(url, "{ plans { id } }", keys["reader"])["data"]["plans"] == [{"id": PLAN}]


def test_frontends_on_other_origins_may_call_when_configured(memory_store: MemoryStore) -> None:
    preflight = {
        "Origin": "https://planner.example",
        "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "authorization, content-type",
    }
    with serving(memory_store, create_app(memory_store, cors_origins=["https://planner.example"])) as url:
        allowed = httpx.options(f"{url}/graphql", headers=preflight)
    assert allowed.status_code == 200
    assert allowed.headers["access-control-allow-origin"] == "https://planner.example"
    assert "authorization" in allowed.headers["access-control-allow-headers"].lower()
    with serving(memory_store, create_app(memory_store)) as url:
        closed = httpx.options(f"{url}/graphql", headers=preflight)
    assert "access-control-allow-origin" not in closed.headers


def test_keys_are_made_listed_and_revoked_by_the_command_line(tmp_path: Path) -> None:
    env = {"PLANGRAPH_KEYS_FILE": str(tmp_path / "keys.json")}
    made = plangraph("keys", "add", "王规划", "--role", "curator", env=env)
    assert made.returncode == 0, made.stderr
    key = made.stdout.strip().splitlines()[-1]
    assert key.startswith("pgk_") and key not in (tmp_path / "keys.json").read_text(encoding="utf-8")
    listed = plangraph("keys", "list", env=env)
    assert "王规划" in listed.stdout and "curator" in listed.stdout and key not in listed.stdout
    assert plangraph("keys", "revoke", "王规划", env=env).returncode == 0
    assert KeyRing(tmp_path / "keys.json").principal(key) is None
    assert plangraph("keys", "revoke", "nobody", env=env).returncode == 1
