"""The Bolt store against a real FalkorDB server: the same answers as the memory store,
bounded round trips, atomic and idempotent loads, and recovery when the server comes back."""

from __future__ import annotations

import json
import subprocess
import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from functools import partial
from pathlib import Path
from typing import Any

import httpx
import pytest
from neo4j.exceptions import Neo4jError

from api.app import create_app
from graph.bolt import BoltStore
from graph.curation import CurationLog, Status
from graph.curation_keepers import LogInDatabase
from graph.cypher import STATE
from graph.errors import BackendUnavailable, EntityNotFound
from graph.memory import MemoryStore
from graph.model import Direction, Entity, EntityKind, GraphDocument, Origin, Relation, RelationType, Role
from graph.results import ImpactReport, Reach, Responsibility
from loaders import load_plans
from schema.limits import QueryLimits
from tests.bolt_server import CONNECTION_TIMEOUT, PASSWORD, USER, FalkorDBServer
from tests.conftest import bolt_store_on, serving
from tests.helpers import PLAN, SEED, free_port, plangraph, sid

# -- the same answers ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def both(memory_store: MemoryStore, bolt_store: BoltStore) -> Iterator[tuple[httpx.Client, httpx.Client]]:
    """The app served twice at once: on the memory store and on the Bolt store."""
    with (
        serving(memory_store) as memory_url,
        serving(bolt_store) as bolt_url,
        httpx.Client(base_url=memory_url, timeout=30) as memory,
        httpx.Client(base_url=bolt_url, timeout=30) as bolt,
    ):
        yield memory, bolt


def _ask(client: httpx.Client, query: str, **variables: Any) -> dict[str, Any]:
    response = client.post("/graphql", json={"query": query, "variables": variables})
    assert response.status_code == 200, response.text
    return response.json()


ENTITY_FIELDS = "id kind name label text parent { id } plan { id } source { plan start end line }"
REACH = f"depth entity {{ {ENTITY_FIELDS} }} path {{ type direction role origin evidence other {{ id }} }}"
PARITY_QUERIES = {
    "impact": f"query($id: ID!) {{ impact(id: $id) {{ root {{ id }} affected {{ {REACH} }} "
    "countsByKind { kind count } departments { id name } } }",
    "dependencies both ways": f"query($id: ID!) {{ dependencies(id: $id, direction: BOTH, maxDepth: 2) {{ {REACH} }} }}",
    "responsible for": "query($id: ID!) { responsibleFor(id: $id) { department { id } entity { id } role origin "
    "inheritedFrom { id } } }",
    "relations and children": f"query($id: ID!) {{ entity(id: $id) {{ {ENTITY_FIELDS} children {{ id }} "
    "relations { type direction role origin confidence evidence fromId toId source { start end } other { id } } "
    "... on Indicator { metric comparator value unit deadline } } }",
    "path to the plan": 'query($id: ID!) { path(fromId: $id, toId: "%s") { id } }' % PLAN,
}


def _ids_of(client: httpx.Client, kind: str) -> list[str]:
    query = "query($kind: EntityKind) { entities(kind: $kind, first: 100) { nodes { id } } }"
    return [n["id"] for n in _ask(client, query, kind=kind)["data"]["entities"]["nodes"]]


def _sample(ids: list[str], size: int = 12) -> list[str]:
    """Evenly spread ids, first and last included."""
    if len(ids) <= size:
        return ids
    return [ids[round(i * (len(ids) - 1) / (size - 1))] for i in range(size)]


@pytest.mark.parametrize("kind", ["TASK", "PROJECT", "MEASURE", "INDICATOR", "GOAL", "DOMAIN", "STANDARD"])
def test_both_stores_answer_the_same(both: tuple[httpx.Client, httpx.Client], kind: str) -> None:
    memory, bolt = both
    ids = _ids_of(memory, kind)
    assert ids == _ids_of(bolt, kind)
    questions = [(name, entity_id) for entity_id in _sample(ids) for name in PARITY_QUERIES]

    def answer(client: httpx.Client, question: tuple[str, str]) -> dict[str, Any]:
        name, entity_id = question
        return _ask(client, PARITY_QUERIES[name], id=entity_id)

    # Asked several at once, as an office's clients would: a Bolt answer mostly waits on the server.
    with ThreadPoolExecutor(8) as pool:
        from_memory = pool.map(partial(answer, memory), questions)
        from_bolt = pool.map(partial(answer, bolt), questions)
        for question, expected, answered in zip(questions, from_memory, from_bolt, strict=True):
            assert expected == answered, question


def test_both_stores_list_and_count_the_same(both: tuple[httpx.Client, httpx.Client]) -> None:
    memory, bolt = both
    queries = [
        "{ plans { id title issuer issuedOn periodStart periodEnd docNumber recipients } }",
        "{ stats { entityCount sharedEntityCount relationCount byKind { kind count } byRelation { type count } } }",
        '{ stats(planId: "%s") { entityCount sharedEntityCount relationCount } }' % PLAN,
        '{ entities(search: "标准化", first: 100) { totalCount nodes { id } pageInfo { endCursor } } }',
        "{ entities(kind: STANDARD, first: 100) { totalCount nodes { id name } } }",
        '{ responsibilities(departmentId: "department/企业") { entity { id } role inheritedFrom { id } } }',
        '{ dependencies(id: "%s", direction: UPSTREAM, maxDepth: 4) { depth entity { id } } }' % PLAN,
    ]
    for query in queries:
        assert _ask(memory, query) == _ask(bolt, query), query


def test_nested_selections_cost_a_bounded_number_of_round_trips(
    bolt_store: BoltStore, base_url_of_bolt
) -> None:
    query = """query($n: Int) { entities(kind: DOMAIN, first: $n) { nodes {
        name parent { name plan { title } } children { name } plan { title }
        relations { type other { name } } } } }"""
    costs = {}
    with httpx.Client(base_url=base_url_of_bolt, timeout=30) as client:
        for n in (5, 50):
            before = bolt_store.round_trips
            body = _ask(client, query, n=n)
            assert len(body["data"]["entities"]["nodes"]) == n
            costs[n] = bolt_store.round_trips - before
    # one statement for the page, one per batched level of nested fields
    assert costs[5] == costs[50] <= 6, costs


def _reaches(answers: list[Reach]) -> list[tuple[object, ...]]:
    return [
        (r.entity.id, r.depth, [(s.relation.type, s.direction, s.other.id) for s in r.path]) for r in answers
    ]


def _responsibles(answers: list[Responsibility]) -> list[tuple[object, ...]]:
    return [(a.department.id, a.entity.id, a.role, a.inherited_from and a.inherited_from.id,
             a.predecessor and a.predecessor.id) for a in answers]  # fmt: skip


def _impacts(report: ImpactReport) -> tuple[object, ...]:
    return report.root.id, _reaches(report.reached), _responsibles(report.responsibilities)


@pytest.fixture
def statements(bolt_store: BoltStore, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The statements the shared Bolt store sends to the server from now on."""
    bolt_store.ping()  # the server's one-off probe is not a cost of the question
    sent: list[str] = []
    send = bolt_store._send

    def counted(cypher: str, params: dict[str, Any]) -> list[dict[str, Any]]:
        sent.append(cypher)
        return send(cypher, params)

    monkeypatch.setattr(bolt_store, "_send", counted)
    return sent


def test_a_traversal_is_one_statement_with_the_same_answer(
    memory_store: MemoryStore, bolt_store: BoltStore, statements: list[str]
) -> None:
    """Impact (with who answers for what it reaches), dependencies and path fetch their whole
    walk, its ends included, in one statement — with or without an origins filter, as deep as
    the API allows; responsibility fetches its walk in one too."""
    task, department = sid("task/5.9"), "department/湖北省质量技术监督局"
    deepest, most = QueryLimits().max_analysis_depth, QueryLimits().max_results + 1
    reviewed, parts = [Origin.TEXT, Origin.CURATED], [RelationType.PART_OF, RelationType.SUPPORTS]
    questions = {
        "dependencies": (
            lambda s: _reaches(s.dependencies(task, Direction.DOWNSTREAM, [RelationType.PART_OF], 3))
        ),
        "dependencies both ways": (lambda s: _reaches(s.dependencies(task, Direction.BOTH, None, 2))),
        "dependencies, deepest, reviewed": (
            lambda s: _reaches(s.dependencies(department, Direction.BOTH, None, deepest, most, reviewed))
        ),
        "dependencies of some types, from the text": (
            lambda s: _reaches(s.dependencies(PLAN, Direction.UPSTREAM, parts, deepest, most, [Origin.TEXT]))
        ),
        "impact": (lambda s: _reaches(s.impact(task, 6))),
        "impact of a department, cut": (lambda s: _reaches(s.impact(department, 3, limit=7))),
        "impact report": (lambda s: _impacts(s.impact_report(task, 6, most))),
        "impact report, deepest, reviewed": (
            lambda s: _impacts(s.impact_report(department, deepest, most, reviewed))
        ),
        "path": (lambda s: s.path(task, department, None)),
        "path, reviewed": (lambda s: s.path(task, PLAN, None, reviewed)),
        "path over many types": (lambda s: s.path(PLAN, department, list(RelationType)[:-1], reviewed)),
        "path to itself": (lambda s: s.path(task, task, None)),
        "no path": (lambda s: s.path(task, department, [RelationType.PART_OF])),
        "responsible for": (lambda s: _responsibles(s.responsible_for(task, include_inherited=False))),
    }
    for name, ask in questions.items():
        statements.clear()
        answer = ask(bolt_store)
        assert len(statements) == 1, name
        assert answer == ask(memory_store), name
    assert len(questions["impact of a department, cut"](bolt_store)) == 7
    assert len(questions["path over many types"](bolt_store) or []) > 2  # not one relation away
    assert questions["no path"](bolt_store) is None
    # The successors of reorganised departments come with the assignments.
    assert (
        "department/湖北省市场监督管理局",
        task,
        Role.LEAD,
        None,
        "department/湖北省质量技术监督局",
    ) in questions["responsible for"](bolt_store)
    for unknown in (
        lambda s: s.impact_report("no/such/entity", 3),
        lambda s: s.path("no/such/entity", task, None),
        lambda s: s.path(task, "no/such/entity", None),
    ):
        statements.clear()
        with pytest.raises(EntityNotFound):
            unknown(bolt_store)
        assert len(statements) == 1


def test_the_api_answers_a_traversal_with_one_statement(
    memory_store: MemoryStore, base_url_of_bolt: str, statements: list[str]
) -> None:
    entity = "id name ... on Task { label }"
    queries = [
        f"query($id: ID!) {{ impact(id: $id, maxDepth: 10, origins: [TEXT, CURATED]) {{ root {{ {entity} }} "
        f"affected {{ depth entity {{ {entity} }} path {{ type direction role origin other {{ id }} }} }} "
        "countsByKind { kind count } departments { id name } } }",
        f"query($id: ID!) {{ dependencies(id: $id, direction: BOTH, maxDepth: 10) {{ depth entity {{ {entity} }} }} }}",
        f'query($id: ID!) {{ path(fromId: $id, toId: "{PLAN}", origins: [TEXT]) {{ {entity} }} }}',
    ]
    with serving(memory_store) as memory_url, httpx.Client(base_url=memory_url, timeout=30) as memory:
        with httpx.Client(base_url=base_url_of_bolt, timeout=30) as bolt:
            for query in queries:
                statements.clear()
                answer = _ask(bolt, query, id=sid("task/5.9"))
                # Besides the traversal, one short statement reads the database's version
                # (what an answer kept for a repeated question is keyed by).
                assert [STATE in s for s in statements] == [True, False], query
                assert answer == _ask(memory, query, id=sid("task/5.9")), query
                statements.clear()
                assert _ask(bolt, query, id=sid("task/5.9")) == answer
                assert len(statements) == 1 and STATE in statements[0], (
                    "a repeated question is answered as kept"
                )


def test_as_many_requests_as_connections_are_served_at_once(own_server: FalkorDBServer) -> None:
    """Each request's statement waits until all of them have reached the store: they are
    answered only if they all run at once (more than the few worker threads asyncio has)."""
    clients = 40
    # Forty handshakes at once take longer than one on a busy machine (the suite runs on every core).
    store = bolt_store_on(own_server, max_connections=clients, connection_timeout=10.0)
    store.ping()
    together = threading.Barrier(clients, timeout=30)
    send = store._send

    def send_together(cypher: str, params: dict[str, Any]) -> list[dict[str, Any]]:
        together.wait()
        return send(cypher, params)

    store._send = send_together  # type: ignore[method-assign]
    query = {"query": '{ entity(id: "%s") { name } }' % sid("task/5.9")}
    # No answers kept: each request's one statement is the entity's, not also the database's version.
    with (
        serving(store, create_app(store, result_cache_size=0)) as url,
        httpx.Client(base_url=url, timeout=60) as client,
    ):
        with ThreadPoolExecutor(clients) as pool:
            answers = list(pool.map(lambda _: client.post("/graphql", json=query).json(), range(clients)))
    assert answers == [{"data": {"entity": None}}] * clients


def test_a_walk_too_long_for_one_message_goes_level_by_level(
    memory_store: MemoryStore, bolt_store: BoltStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The shared store made to allow less, rather than a store of its own: a driver that closes
    # says goodbye to FalkorDB, which then stalls the next new connection (tests/bolt_server.py).
    monkeypatch.setattr(bolt_store, "max_message_bytes", 1500)
    task = sid("task/5.9")
    before = bolt_store.round_trips
    answer = _reaches(bolt_store.impact(task, 6))
    assert bolt_store.round_trips - before > 2
    assert answer == _reaches(memory_store.impact(task, 6))


@pytest.fixture(scope="module")
def base_url_of_bolt(bolt_store: BoltStore) -> Iterator[str]:
    with serving(bolt_store) as url:
        yield url


# -- loading ---------------------------------------------------------------------------------


# Each test here changes the graph: on a server of its own (`own_server`, tests/conftest.py).


def _raw_counts(store: BoltStore) -> tuple[int, int, int]:
    # Every node but the one that counts plangraph's writes (`BoltStore.version`).
    (nodes,) = store._run(f"MATCH (n) WHERE NOT n:{STATE} RETURN count(n) AS c")
    (edges,) = store._run("MATCH ()-[r]->() RETURN count(r) AS c")
    (staged,) = store._run("MATCH (n:Staged) RETURN count(n) AS c")
    return nodes["c"], edges["c"], staged["c"]


def _project_names(store: BoltStore) -> list[str]:
    return [e.name for e in store.find(EntityKind.PROJECT, PLAN, None, 0, 100).entities]


def test_reloading_the_same_plan_changes_nothing(own_server: FalkorDBServer, seed: GraphDocument) -> None:
    store = bolt_store_on(own_server)
    store.load(seed)
    first = _raw_counts(store)
    assert first == (len(seed.entities), len(seed.relations), 0)
    store.load(seed)
    assert _raw_counts(store) == first


def test_a_newer_version_replaces_the_old_one(
    own_server: FalkorDBServer, seed: GraphDocument, tmp_path: Path
) -> None:
    store = bolt_store_on(own_server)
    store.load(seed)
    text = SEED.read_text(encoding="utf-8")
    start = text.index("　　（十）标准化基础能力提升工程。")
    end = text.index("　　五、保障措施")
    newer = tmp_path / SEED.name
    newer.write_text(text[:start] + text[end:], encoding="utf-8")
    store.load(load_plans([newer], overlays=[]).document)
    assert "标准化基础能力提升工程" not in _project_names(store)
    assert len(_project_names(store)) == 9
    assert store.get_many([sid("project/10")]) == [None]
    assert _raw_counts(store)[2] == 0


def _first_measure(store: BoltStore) -> str:
    return store.find(EntityKind.MEASURE, PLAN, None, 0, 1).entities[0].name


class FailingStore(BoltStore):
    """Fails like a dropped connection after a number of statements."""

    def __init__(self, *args: Any, fail_at: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fail_at = fail_at

    def _run(self, cypher: str, **params: Any) -> list[dict[str, Any]]:
        if self.round_trips + 1 == self.fail_at:
            self.round_trips += 1
            raise BackendUnavailable("injected fault")
        return super()._run(cypher, **params)


def test_a_load_that_fails_midway_leaves_the_previous_version(
    own_server: FalkorDBServer, tmp_path: Path
) -> None:
    store = bolt_store_on(own_server)
    text = SEED.read_text(encoding="utf-8")
    old = tmp_path / "old" / SEED.name
    old.parent.mkdir()
    old.write_text(text.replace("加强组织领导", "加强组织协调"), encoding="utf-8")
    store.load(load_plans([old]).document)
    before = _raw_counts(store)
    new_version = load_plans([SEED]).document

    # Count the statements a full load takes, then fail at each stage of a real one.
    counting = FailingStore(
        own_server.uri, USER, PASSWORD, "plangraph", fail_at=-1, connection_timeout=CONNECTION_TIMEOUT
    )
    counting.load(load_plans([old]).document)
    statements = counting.round_trips
    for fail_at in (4, statements // 2, statements - 1):
        failing = FailingStore(
            own_server.uri,
            USER,
            PASSWORD,
            "plangraph",
            fail_at=fail_at,
            connection_timeout=CONNECTION_TIMEOUT,
        )
        with pytest.raises(BackendUnavailable, match="injected"):
            failing.load(new_version)
        assert _raw_counts(store) == before, fail_at
        assert _first_measure(store) == "加强组织协调"

    store.load(new_version)
    assert _first_measure(store) == "加强组织领导"


# -- availability ----------------------------------------------------------------------------


def test_queries_fail_clearly_while_the_server_is_away_and_work_when_it_is_back(
    own_server: FalkorDBServer, seed: GraphDocument
) -> None:
    store = bolt_store_on(own_server)
    store.load(seed)
    query = {"query": '{ entity(id: "%s") { name } }' % sid("task/5.9")}
    with serving(store) as url, httpx.Client(base_url=url, timeout=30) as client:
        assert client.post("/graphql", json=query).json()["data"]["entity"]["name"] == "加强标准化信息化建设"
        assert client.get("/health").status_code == 200

        own_server.stop()
        response = client.post("/graphql", json=query)
        assert response.status_code == 200
        (error,) = response.json()["errors"]
        assert error["extensions"]["code"] == "BACKEND_UNAVAILABLE"
        assert "Traceback" not in response.text
        health = client.get("/health")
        assert (health.status_code, health.json()["status"]) == (503, "unavailable")

        own_server.start()
        assert client.get("/health").status_code == 200
        assert client.post("/graphql", json=query).json()["data"]["entity"]["name"] == "加强标准化信息化建设"


def _plangraph(*args: str) -> subprocess.CompletedProcess[str]:
    return plangraph(*args, env={"PLANGRAPH_NEO4J_CONNECTION_TIMEOUT": str(CONNECTION_TIMEOUT)})


def test_cli_loads_into_the_database(own_server: FalkorDBServer) -> None:
    done = _plangraph("load", "--backend", "neo4j", "--neo4j-uri", own_server.uri, "--neo4j-user", USER)
    assert done.returncode == 0, done.stderr
    assert f"written to the graph database at {own_server.uri}" in done.stdout
    assert len(_project_names(bolt_store_on(own_server))) == 10


def test_cli_says_when_the_server_cannot_be_reached() -> None:
    uri = f"bolt://127.0.0.1:{free_port()}"
    done = _plangraph("load", "--backend", "neo4j", "--neo4j-uri", uri)
    assert done.returncode == 1
    assert f"the graph database at {uri} cannot be reached" in done.stderr
    assert "Traceback" not in done.stderr


def test_cli_says_when_the_server_refuses_the_credentials(own_server: FalkorDBServer) -> None:
    done = _plangraph(
        "load", "--backend", "neo4j", "--neo4j-uri", own_server.uri, "--neo4j-password", "wrong"
    )
    assert done.returncode == 1
    assert "check PLANGRAPH_NEO4J_USER, PLANGRAPH_NEO4J_PASSWORD" in done.stderr
    assert "Traceback" not in done.stderr


def test_quotes_and_backslashes_are_data_not_cypher(own_server: FalkorDBServer) -> None:
    """FalkorDB inlines parameters as text; the store escapes them, so nothing a plan or a
    user writes is ever executed."""
    store = bolt_store_on(own_server)
    document = GraphDocument()
    tricky = ["it's", "a\\b", "x' RETURN 1 //", "标准' }) MATCH (n) DETACH DELETE n //", "\\'"]
    document.add_entity(Entity("p", EntityKind.PLAN, "规划", plan="p", text="\n".join(tricky)))
    for n, name in enumerate(tricky):
        document.add_entity(Entity(f"p/task/{n}", EntityKind.TASK, name, plan="p", parent="p"))
    store.load(document)
    assert [e.name for e in store.find(EntityKind.TASK, "p", None, 0, 10).entities] == tricky
    assert store.get_many(["p"])[0].text == "\n".join(tricky)
    for name in tricky:
        assert [e.name for e in store.find(EntityKind.TASK, "p", name, 0, 10).entities] == [name]
    assert len(store.find(None, None, None, 0, 100).entities) == 1 + len(tricky)


def test_the_cypher_export_builds_the_same_graph(
    own_server: FalkorDBServer, seed: GraphDocument, tmp_path: Path
) -> None:
    """`plangraph export --format cypher` run statement by statement on a Bolt server gives
    the graph the store would have written."""
    script = tmp_path / "graph.cypher"
    done = plangraph("export", "--format", "cypher", "-o", str(script))
    assert done.returncode == 0, done.stderr
    store = bolt_store_on(own_server)
    for statement in script.read_text(encoding="utf-8").splitlines():
        try:
            store._run(statement)
        except Neo4jError:
            assert statement.startswith("CREATE INDEX")  # an index that exists already
    exported = store.find(None, None, None, 0, 10_000).entities
    assert len(exported) == len(seed.entities)
    stats = store.stats(PLAN)
    assert stats.by_relation[RelationType.MEASURES] == 12
    assert store.get_many([sid("indicator/6")])[0].attrs["value"] == 20000


def test_the_curation_log_is_kept_in_the_database_and_a_reloaded_plan_keeps_it(
    own_server: FalkorDBServer, seed: GraphDocument, tmp_path: Path
) -> None:
    neo4j = ["--backend", "neo4j", "--neo4j-uri", own_server.uri, "--neo4j-user", USER]
    store = bolt_store_on(own_server)
    store.load(seed)  # as `plangraph load` does (test_cli_loads_into_the_database), without its start-up
    log = CurationLog.kept_by(LogInDatabase(store))
    assert log.changes == []
    needs = Relation(RelationType.DEPENDS_ON, sid("task/4.7"), sid("task/5.8"), origin=Origin.CURATED)
    log.add_relation(store, "王规划", needs, "走出去要靠国际标准化人才")
    inferred = next(r for r in seed.relations.values() if r.origin is Origin.INFERRED)
    log.reject_link(store, "王规划", inferred, "只在列举中提到", likelihood=0.4)
    log.set_status("王规划", sid("task/2.4"), Status.DELAYED, "评价体系建设滞后")
    mistaken = log.set_status("王规划", sid("task/1.1"), Status.DONE, None)
    log.revert("王规划", mistaken.id)

    # Another process reads the same log from the database.
    kept = CurationLog.kept_by(LogInDatabase(bolt_store_on(own_server)))
    assert kept.rows() == log.rows()
    assert [c.action for c in kept.changes] == [
        "ADD_RELATION", "REJECT_LINK", "SET_STATUS", "SET_STATUS", "REVERT",
    ]  # fmt: skip
    assert kept.status(sid("task/2.4")) is Status.DELAYED and kept.status(sid("task/1.1")) is None
    # Writing a change again (a retry) leaves one node for it.
    store.keep_curation_rows([(0, log.changes[0].id, json.dumps(log.rows()[0], ensure_ascii=False))])
    (count,) = store._run("MATCH (c:CurationChange) RETURN count(c) AS c")
    assert count["c"] == 5

    # The plan loaded again from its file keeps what planners changed.
    assert _plangraph("load", *neo4j).returncode == 0
    (steps,) = store.steps_of([sid("task/4.7")], [RelationType.DEPENDS_ON], ())
    assert [(s.relation.target, s.relation.origin) for s in steps] == [(sid("task/5.8"), Origin.CURATED)]
    (steps,) = store.steps_of([inferred.source], [inferred.type], ())
    assert inferred.target not in [s.relation.target for s in steps]

    # plangraph curation export writes the log as the overlay file.
    target = tmp_path / "curation.yaml"
    done = _plangraph("curation", "export", *neo4j, "--to", str(target))
    assert done.returncode == 0, done.stderr
    assert "5 change(s) written" in done.stdout
    assert CurationLog.open(target).rows() == log.rows()
