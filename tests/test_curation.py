"""Planners keep the plan's state over real HTTP: statuses behind keys, the change log, reverts,
what is late and what it puts at risk, a restart that loses nothing; keys made by the command
line; reads behind keys when required; CORS for frontends on other origins."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import httpx
import pytest
import yaml

from api.app import create_app
from api.keys import KeyRing
from graph.curation import CurationLog
from graph.curation_keepers import LogFile, dump_rows
from graph.memory import MemoryStore
from graph.model import Direction, GraphDocument, Origin, Relation, RelationType, Role
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


def restart(seed: GraphDocument, log_file: Path) -> MemoryStore:
    """A store as a restart makes it: the plans loaded again, the log's changes applied first."""
    document = copy.deepcopy(seed)
    CurationLog.open(log_file).apply(document)
    store = MemoryStore()
    store.load(document)
    return store


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
            url,
            "query($id: ID!) { entity(id: $id) { status statusHistory { action status reverted reverts } } }",
            id=TASK,
        )
        # The revert is in the history of what it reverted, after it.
        assert entity["data"]["entity"] == {
            "status": None,
            "statusHistory": [
                {"action": "SET_STATUS", "status": "DELAYED", "reverted": True, "reverts": None},
                {"action": "REVERT", "status": None, "reverted": False, "reverts": change["id"]},
            ],
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


ADD = """mutation($t: RelationType!, $f: ID!, $to: ID!, $n: String) {
  addRelation(type: $t, fromId: $f, toId: $to, note: $n) { type origin fromId toId evidence } }"""
REMOVE = """mutation($t: RelationType!, $f: ID!, $to: ID!) {
  removeRelation(type: $t, fromId: $f, toId: $to) { type origin fromId toId } }"""
ASSIGN = """mutation($e: ID!, $d: ID!, $r: Role!) {
  assignResponsibility(entityId: $e, departmentId: $d, role: $r) { type role origin fromId toId } }"""
DEPENDS = "query($id: ID!) { dependencies(id: $id, direction: DOWNSTREAM, relations: [DEPENDS_ON], maxDepth: 1) { entity { id } } }"
WHO = (
    "query($id: ID!) { responsibleFor(id: $id, includeInherited: false) { department { name } role origin } }"
)
PROJECT = sid("project/1")


def test_relations_and_responsibilities_are_curated_reverted_and_replayed(
    seed, keys: dict[str, str], tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    store = MemoryStore()
    store.load(seed)
    log_file = tmp_path / "curation.yaml"
    app = create_app(store, curation=CurationLog.open(log_file), keyring=KeyRing(tmp_path / "keys.json"))
    with serving(store, app) as url:
        assert codes(ask(url, ADD, keys["reader"], t="DEPENDS_ON", f=TASK, to=PROJECT)) == ["FORBIDDEN"]
        added = ask(url, ADD, keys["curator"], t="DEPENDS_ON", f=TASK, to=PROJECT, n="先立项后实施")
        assert added["data"]["addRelation"] == {
            "type": "DEPENDS_ON", "origin": "CURATED", "fromId": TASK, "toId": PROJECT, "evidence": "先立项后实施",
        }  # fmt: skip
        assert ask(url, DEPENDS, id=TASK)["data"]["dependencies"] == [{"entity": {"id": PROJECT}}]
        assert codes(ask(url, ADD, keys["curator"], t="DEPENDS_ON", f=TASK, to="no/such")) == ["NOT_FOUND"]

        assigned = ask(url, ASSIGN, keys["curator"], e=TASK, d="department/湖北省财政厅", r="SUPPORT")
        assert assigned["data"]["assignResponsibility"]["origin"] == "CURATED"
        who = {
            (a["department"]["name"], a["role"], a["origin"])
            for a in ask(url, WHO, id=TASK)["data"]["responsibleFor"]
        }
        assert ("湖北省财政厅", "SUPPORT", "CURATED") in who

        removed = ask(url, REMOVE, keys["curator"], t="DEPENDS_ON", f=TASK, to=PROJECT)["data"][
            "removeRelation"
        ]
        assert removed["origin"] == "CURATED"
        assert ask(url, DEPENDS, id=TASK)["data"]["dependencies"] == []
        last = ask(url, "{ changes { nodes { id action } } }")["data"]["changes"]["nodes"][-1]
        assert last["action"] == "REMOVE_RELATION"
        undone = ask(
            url, "mutation($id: ID!) { revertChange(id: $id) { action } }", keys["curator"], id=last["id"]
        )
        assert undone["data"]["revertChange"] == {"action": "REVERT"}, undone
        assert ask(url, DEPENDS, id=TASK)["data"]["dependencies"] == [{"entity": {"id": PROJECT}}]

    # A restart: the plans are loaded again, and what planners changed is applied to them.
    restarted = restart(seed, log_file)
    assert [
        r.entity.id for r in restarted.dependencies(TASK, Direction.DOWNSTREAM, [RelationType.DEPENDS_ON], 1)
    ] == [PROJECT]
    assert ("湖北省财政厅", Role.SUPPORT) in {
        (a.department.name, a.role) for a in restarted.responsible_for(TASK, False)
    }


def test_the_bolt_store_changes_relations_too(changeable_bolt_store) -> None:  # type: ignore[no-untyped-def]
    store = changeable_bolt_store
    log = CurationLog.open(None)
    relation = Relation(RelationType.DEPENDS_ON, TASK, PROJECT, origin=Origin.CURATED)
    change = log.add_relation(store, "王规划", relation, None)
    found = store.dependencies(TASK, Direction.DOWNSTREAM, [RelationType.DEPENDS_ON], 1)
    assert [r.entity.id for r in found] == [PROJECT]
    log.revert("王规划", change.id, store=store)
    assert store.dependencies(TASK, Direction.DOWNSTREAM, [RelationType.DEPENDS_ON], 1) == []


SUGGEST = """query($plan: ID, $status: ReviewStatus, $first: Int, $after: String) {
  linkSuggestions(planId: $plan, status: $status, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    nodes { id type from { id } to { id } likelihood similarity evidence status } } }"""
REVIEW = "mutation($id: ID!, $d: ReviewDecision!) { reviewLink(id: $id, decision: $d) { id status } }"
RELATIONS = "query($id: ID!) { entity(id: $id) { relations(direction: DOWNSTREAM) { type origin toId } } }"


def test_inferred_links_are_reviewed_from_a_ranked_queue(seed, keys: dict[str, str], tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    store = MemoryStore()
    store.load(seed)
    log_file = tmp_path / "curation.yaml"
    app = create_app(store, curation=CurationLog.open(log_file), keyring=KeyRing(tmp_path / "keys.json"))
    with serving(store, app) as url:
        queue = ask(url, SUGGEST, plan=PLAN, first=5)["data"]["linkSuggestions"]
        total = queue["totalCount"]
        first, second = queue["nodes"][:2]
        likelihoods = [n["likelihood"] for n in queue["nodes"]]
        assert likelihoods == sorted(likelihoods, reverse=True) and queue["pageInfo"]["hasNextPage"]
        assert {n["status"] for n in queue["nodes"]} == {"UNREVIEWED"}
        following = ask(url, SUGGEST, plan=PLAN, first=5, after=queue["pageInfo"]["endCursor"])["data"]
        assert not {n["id"] for n in following["linkSuggestions"]["nodes"]} & {
            n["id"] for n in queue["nodes"]
        }

        assert codes(ask(url, REVIEW, keys["reader"], id=first["id"], d="CONFIRM")) == ["FORBIDDEN"]
        confirmed = ask(url, REVIEW, keys["curator"], id=first["id"], d="CONFIRM")["data"]["reviewLink"]
        assert confirmed == {"id": first["id"], "status": "CONFIRMED"}
        relations = ask(url, RELATIONS, id=first["from"]["id"])["data"]["entity"]["relations"]
        assert {"type": first["type"], "origin": "CURATED", "toId": first["to"]["id"]} in relations

        rejected = ask(url, REVIEW, keys["curator"], id=second["id"], d="REJECT")["data"]["reviewLink"]
        assert rejected["status"] == "REJECTED"
        relations = ask(url, RELATIONS, id=second["from"]["id"])["data"]["entity"]["relations"]
        assert not [r for r in relations if r["type"] == second["type"] and r["toId"] == second["to"]["id"]]
        assert codes(ask(url, REVIEW, keys["curator"], id=second["id"], d="CONFIRM")) == ["BAD_USER_INPUT"]

        left = ask(url, SUGGEST, plan=PLAN, first=100)["data"]["linkSuggestions"]
        assert left["totalCount"] == total - 2
        assert [
            n["id"] for n in ask(url, SUGGEST, status="REJECTED")["data"]["linkSuggestions"]["nodes"]
        ] == [second["id"]]

    # A restart: the rejected link is not suggested again, the confirmed one stays curated.
    restarted = restart(seed, log_file)
    with serving(restarted, create_app(restarted, curation=CurationLog.open(log_file))) as url:
        unreviewed = {
            n["id"] for n in ask(url, SUGGEST, plan=PLAN, first=100)["data"]["linkSuggestions"]["nodes"]
        }
    assert first["id"] not in unreviewed and second["id"] not in unreviewed


def test_the_queue_goes_on_below_the_graphs_thresholds(seed, keys: dict[str, str], tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Links the inference ranks too low for the graph wait in the queue: confirming one adds
    it, rejecting one keeps it out of the queue, and neither was in the graph before."""
    store = MemoryStore()
    store.load(seed)
    in_graph = {
        f"{r.type.value}|{r.source}|{r.target}"
        for r in seed.relations.values()
        if r.origin is Origin.INFERRED
    }
    app = create_app(
        store, curation=CurationLog.open(tmp_path / "c.yaml"), keyring=KeyRing(tmp_path / "keys.json")
    )
    with serving(store, app) as url:
        queue = ask(url, SUGGEST, plan=PLAN, first=100)["data"]["linkSuggestions"]
        assert queue["totalCount"] > len(in_graph) and len(queue["nodes"]) == 100
        below = [n for n in queue["nodes"] if n["id"] not in in_graph]
        assert below and all(n["evidence"].startswith("共同关键词") for n in below)
        confirm, reject = below[0], below[1]
        assert (
            ask(url, REVIEW, keys["curator"], id=confirm["id"], d="CONFIRM")["data"]["reviewLink"]["status"]
            == "CONFIRMED"
        )
        relations = ask(url, RELATIONS, id=confirm["from"]["id"])["data"]["entity"]["relations"]
        assert {"type": confirm["type"], "origin": "CURATED", "toId": confirm["to"]["id"]} in relations
        assert (
            ask(url, REVIEW, keys["curator"], id=reject["id"], d="REJECT")["data"]["reviewLink"]["status"]
            == "REJECTED"
        )
        left = {n["id"] for n in ask(url, SUGGEST, plan=PLAN, first=100)["data"]["linkSuggestions"]["nodes"]}
        assert not {confirm["id"], reject["id"]} & left
        log = ask(url, "{ changes(first: 5) { nodes { action reverted } } }")["data"]["changes"]["nodes"]
        assert [c["action"] for c in log] == ["CONFIRM_LINK", "REJECT_LINK"]


LOGGED = """{ changes { nodes { id action reverts likelihood
  added { type fromId toId origin similarity } removed { type fromId toId origin similarity } } } }"""


def test_the_log_reads_as_what_happened(seed, keys: dict[str, str], tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """A confirmation is CONFIRM_LINK and a rejection REJECT_LINK, each with the relation it put
    in or took out; the ranker's likelihood and the inference's similarity keep their own names
    in the API and in the log file; a revert says what it undid."""
    store = MemoryStore()
    store.load(seed)
    log_file = tmp_path / "curation.yaml"
    app = create_app(store, curation=CurationLog.open(log_file), keyring=KeyRing(tmp_path / "keys.json"))
    with serving(store, app) as url:
        first, second = ask(url, SUGGEST, plan=PLAN, first=2)["data"]["linkSuggestions"]["nodes"]
        assert 0 < first["likelihood"] <= 1 and first["similarity"] != first["likelihood"]
        ask(url, REVIEW, keys["curator"], id=first["id"], d="CONFIRM")
        ask(url, REVIEW, keys["curator"], id=second["id"], d="REJECT")
        confirm, reject = ask(url, LOGGED)["data"]["changes"]["nodes"]
        inferred = {"type": first["type"], "fromId": first["from"]["id"], "toId": first["to"]["id"]}
        assert confirm["action"] == "CONFIRM_LINK" and confirm["likelihood"] == first["likelihood"]
        assert confirm["added"] == {**inferred, "origin": "CURATED", "similarity": first["similarity"]}
        assert confirm["removed"] == {**inferred, "origin": "INFERRED", "similarity": first["similarity"]}
        assert reject["action"] == "REJECT_LINK" and reject["added"] is None
        assert reject["removed"] == {
            "type": second["type"], "fromId": second["from"]["id"], "toId": second["to"]["id"],
            "origin": "INFERRED", "similarity": second["similarity"],
        }  # fmt: skip

        revert = "mutation($id: ID!) { revertChange(id: $id) { id } }"
        ask(url, revert, keys["curator"], id=reject["id"])
        undone = ask(url, LOGGED)["data"]["changes"]["nodes"][-1]
        assert undone["action"] == "REVERT" and undone["reverts"] == reject["id"]
        assert undone["added"] == reject["removed"] and undone["removed"] is None

    rows = yaml.safe_load(log_file.read_text(encoding="utf-8"))
    assert rows[0]["likelihood"] == first["likelihood"]
    assert rows[0]["relation"]["similarity"] == first["similarity"]
    assert "confidence" not in rows[0]["relation"] and "confidence" not in rows[0]["reviewed"]


IMPACT = """query($id: ID!, $origins: [Origin!]) { impact(id: $id, maxDepth: 2, origins: $origins) {
  affected { entity { name } unreviewed path { type origin } } } }"""
STANDARD = sid("standard/政府购买公共服务")


@pytest.mark.parametrize("store_name", ["memory", "bolt"])
def test_an_analysis_can_leave_unreviewed_inferences_out(
    store_name: str, request: pytest.FixtureRequest
) -> None:
    store = request.getfixturevalue(f"{store_name}_store")
    with serving(store) as url:
        every = ask(url, IMPACT, id=STANDARD)["data"]["impact"]["affected"]
        stated = ask(url, IMPACT, id=STANDARD, origins=["TEXT", "CURATED"])["data"]["impact"]["affected"]
    inferred = {a["entity"]["name"] for a in every if a["unreviewed"]}
    # The README's example: the domains reached through COVERS are inferred links.
    assert {"健康服务", "劳动就业", "医疗卫生"} <= inferred
    assert all(any(step["origin"] == "INFERRED" for step in a["path"]) == a["unreviewed"] for a in every)
    assert {a["entity"]["name"] for a in stated} == {a["entity"]["name"] for a in every} - inferred
    assert not any(a["unreviewed"] for a in stated)


def test_concurrent_curators_leave_a_log_and_a_graph_that_agree(
    seed, keys: dict[str, str], tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """20 clients change the same statuses and the same relation at once: every change is in the
    log, the last one of each wins, and the graph and the file say the same."""
    from concurrent.futures import ThreadPoolExecutor

    store = MemoryStore()
    store.load(seed)
    log_file = tmp_path / "curation.yaml"
    curation = CurationLog.open(log_file)
    app = create_app(store, curation=curation, keyring=KeyRing(tmp_path / "keys.json"))
    statuses = ["ON_TRACK", "AT_RISK", "DELAYED", "DONE"]

    def client(number: int) -> None:
        # Twenty clients take turns at one log: a request may wait for the others' writes.
        with httpx.Client(headers={"Authorization": f"Bearer {keys['curator']}"}, timeout=60) as http:
            for step in range(5):
                query = {"query": SET, "variables": {"id": TASK, "s": statuses[(number + step) % 4]}}
                assert http.post(f"{url}/graphql", json=query).json().get("data")
                mutation = ADD if (number + step) % 2 else REMOVE
                variables = {"t": "DEPENDS_ON", "f": TASK, "to": PROJECT}
                http.post(f"{url}/graphql", json={"query": mutation, "variables": variables})

    with serving(store, app) as url, ThreadPoolExecutor(20) as pool:
        list(pool.map(client, range(20)))
    assert len([c for c in curation.changes if c.action == "SET_STATUS"]) == 100
    assert curation.status(TASK) is curation.status_history(TASK)[-1].status
    reread = CurationLog.open(log_file)
    assert [c.id for c in reread.changes] == [c.id for c in curation.changes]
    relation_changes = [c for c in curation.changes if c.relation is not None]
    depends = store.dependencies(TASK, Direction.DOWNSTREAM, [RelationType.DEPENDS_ON], 1)
    assert bool(depends) == (relation_changes[-1].action == "ADD_RELATION")


def test_a_log_file_written_row_by_row_is_the_log_dumped_whole(tmp_path: Path) -> None:
    """The file keeps each row's text and dumps only the rows that changed: what it writes is
    still the whole log as YAML, an altered row included."""
    rows: list[dict[str, Any]] = [
        {"id": "change-1", "who": "规划处", "action": "SET_STATUS", "entity_id": TASK, "status": "AT_RISK"},
        {"id": "change-2", "who": "规划处", "action": "ADD_RELATION", "entity_id": TASK, "note": "两行\n说明: 见 #3",
         "relation": {"type": "DEPENDS_ON", "from": TASK, "to": PROJECT, "origin": "CURATED"}},
    ]  # fmt: skip
    log = LogFile(tmp_path / "curation.yaml")
    log.write(rows[:1], [0])
    log.write(rows, [1])
    rows[0] = {**rows[0], "reverted": True}
    log.write(rows, [0])
    assert log.path.read_text(encoding="utf-8") == dump_rows(rows)
    assert log.read() == rows
