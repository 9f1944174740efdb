"""Answers kept for repeated queries (api/result_cache.py) are never stale and never stand in for
a change: over real HTTP, a query asked again after a status set, a relation added or a change
made through another server sharing the log gives the new answer; each key gets its own; the
same mutation sent twice changes twice."""

from __future__ import annotations

from pathlib import Path

from api.app import create_app
from api.keys import KeyRing
from graph.model import GraphDocument, Origin, Relation, RelationType
from schema.auth import KeyRole
from tests.conftest import bolt_store_on, curated_app, serving
from tests.helpers import sid
from tests.test_curation import ask

TASK, PROJECT = sid("task/2.4"), sid("project/1")
STATUS = "query($id: ID!) { entity(id: $id) { status } }"
DEPENDS = "query($id: ID!) { dependencies(id: $id, maxDepth: 1) { entity { id } } }"
SET = "mutation($id: ID!, $s: Status!) { setStatus(id: $id, status: $s) { id } }"
ADD = "mutation($f: ID!, $t: ID!) { addRelation(type: DEPENDS_ON, fromId: $f, toId: $t) { origin } }"


def test_a_kept_answer_gives_way_to_every_change(seed: GraphDocument, tmp_path: Path) -> None:
    ring = KeyRing(tmp_path / "keys.json")
    curator, reader = ring.add("王规划", KeyRole.CURATOR), ring.add("李读者", KeyRole.READER)
    log_file = tmp_path / "curation.yaml"
    (first_store, first_app), (second_store, second_app) = (
        curated_app(seed, ring, log_file) for _ in range(2)
    )
    with serving(first_store, first_app) as url, serving(second_store, second_app) as other:
        for _ in range(2):  # asked twice: the second answer is the kept one
            assert ask(url, STATUS, id=TASK)["data"]["entity"]["status"] is None
            reached = ask(url, DEPENDS, id=TASK)["data"]["dependencies"]
        assert {"entity": {"id": PROJECT}} not in reached

        ask(url, SET, curator, id=TASK, s="DELAYED")
        assert ask(url, STATUS, id=TASK)["data"]["entity"]["status"] == "DELAYED"
        ask(url, ADD, curator, f=TASK, t=PROJECT)
        assert {"entity": {"id": PROJECT}} in ask(url, DEPENDS, id=TASK)["data"]["dependencies"]

        # A change through the other server sharing the log.
        ask(other, SET, curator, id=TASK, s="DONE")
        assert ask(url, STATUS, id=TASK)["data"]["entity"]["status"] == "DONE"

        # Each key its own answer.
        viewer = "{ viewer { name } }"
        assert ask(url, viewer, curator)["data"]["viewer"] == {"name": "王规划"}
        assert ask(url, viewer, reader)["data"]["viewer"] == {"name": "李读者"}
        assert ask(url, viewer)["data"]["viewer"] is None

        # The same mutation twice is two changes.
        for _ in range(2):
            ask(url, SET, curator, id=TASK, s="AT_RISK")
        history = ask(url, "query($id: ID!) { entity(id: $id) { statusHistory { status } } }", id=TASK)
        assert [h["status"] for h in history["data"]["entity"]["statusHistory"]][-2:] == [
            "AT_RISK",
            "AT_RISK",
        ]


def test_a_kept_answer_on_the_database_gives_way_to_another_process_s_write(
    own_server, seed: GraphDocument
) -> None:  # type: ignore[no-untyped-def]
    """On the Bolt store the database counts plangraph's writes: a relation changed by another
    process (another store on the same database, as `plangraph load` or another worker is)
    shows in the next answer to a question whose answer was kept."""
    served, other = bolt_store_on(own_server), bolt_store_on(own_server)
    served.load(seed)
    try:
        with serving(served, create_app(served)) as url:
            for _ in range(2):
                assert {"entity": {"id": PROJECT}} not in ask(url, DEPENDS, id=TASK)["data"]["dependencies"]
            other.change_relations(
                [Relation(RelationType.DEPENDS_ON, TASK, PROJECT, origin=Origin.CURATED)], []
            )
            assert {"entity": {"id": PROJECT}} in ask(url, DEPENDS, id=TASK)["data"]["dependencies"]
    finally:
        served.close()
        other.close()


def test_the_kept_answers_stay_within_their_bounds() -> None:
    from api.result_cache import ResultCache

    kept = ResultCache(size=3, max_bytes=100, max_total_bytes=250)
    kept.put(("too big",), b"x" * 101)
    assert kept.get(("too big",)) is None
    kept.put(("errors",), b'{"data":null,"errors":[]}')
    assert kept.get(("errors",)) is None
    for n in range(4):
        kept.put((n,), b"a" * 90)
    # 250 bytes in all hold two answers of 90; the least recently asked went first.
    assert [kept.get((n,)) is not None for n in range(4)] == [False, False, True, True]
