"""Live changes over a real WebSocket (graphql-transport-ws): a change made through one client
reaches another client's subscription within a second; keys are checked as for queries; and
two servers sharing one curation log (as workers do) see and push each other's changes."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import httpx
import pytest
import websockets

from api.app import create_app
from api.keys import KeyRing
from graph.memory import MemoryStore
from graph.model import GraphDocument
from schema.auth import KeyRole
from tests.conftest import curated_app, serving
from tests.helpers import plangraph_serving, sid
from tests.test_curation import ask

PLAN = "hubei-standardization-2016-2020"
TASK = sid("task/2.4")
FEED = """subscription($plan: ID) { changeLogged(planId: $plan) {
  action who entityId status reverts added { type fromId toId origin } } }"""
SET = "mutation($id: ID!, $s: Status!) { setStatus(id: $id, status: $s) { id } }"
#: A push must arrive within this many seconds of the change.
WITHIN = 1.0


@asynccontextmanager
async def subscribed(
    url: str, query: str = FEED, key: str | None = None, **variables: Any
) -> AsyncIterator[websockets.ClientConnection]:
    """A graphql-transport-ws connection, initialised (with the key in its payload) and
    subscribed to `query`."""
    async with websockets.connect(
        url.replace("http://", "ws://") + "/graphql", subprotocols=["graphql-transport-ws"]
    ) as socket:
        payload = {"Authorization": f"Bearer {key}"} if key else {}
        await socket.send(json.dumps({"type": "connection_init", "payload": payload}))
        assert json.loads(await socket.recv())["type"] == "connection_ack"
        message = {"id": "1", "type": "subscribe", "payload": {"query": query, "variables": variables}}
        await socket.send(json.dumps(message))
        # The first look at the log starts as the subscription does; a change made before it is not pushed.
        await asyncio.sleep(0.3)
        yield socket


async def pushed(socket: websockets.ClientConnection) -> dict[str, Any]:
    message = json.loads(await asyncio.wait_for(socket.recv(), WITHIN))
    assert message["type"] == "next", message
    return message["payload"]["data"]["changeLogged"]


async def in_thread(function: Any, *args: Any, **kwargs: Any) -> Any:
    """A blocking HTTP call, made beside the event loop that listens on the socket."""
    return await asyncio.to_thread(function, *args, **kwargs)


@pytest.fixture
def keys(tmp_path: Path) -> KeyRing:
    return KeyRing(tmp_path / "keys.json")


def test_a_change_through_one_client_is_pushed_to_another(
    seed: GraphDocument, tmp_path: Path, keys: KeyRing
) -> None:
    curator = keys.add("王规划", KeyRole.CURATOR)
    store, app = curated_app(seed, keys, tmp_path / "c.yaml")

    async def scenario(url: str) -> None:
        async with subscribed(url, plan=PLAN) as watcher, subscribed(url, plan="another-plan") as elsewhere:
            await in_thread(ask, url, SET, curator, id=TASK, s="DELAYED")
            change = await pushed(watcher)
            assert change | {"added": None} == {
                "action": "SET_STATUS", "who": "王规划", "entityId": TASK, "status": "DELAYED",
                "reverts": None, "added": None,
            }  # fmt: skip

            log = await in_thread(ask, url, "{ changes { nodes { id } } }")
            (logged,) = log["data"]["changes"]["nodes"]
            await in_thread(
                ask, url, "mutation($id: ID!) { revertChange(id: $id) { id } }", curator, id=logged["id"]
            )
            assert (await pushed(watcher))["reverts"] == logged["id"]

            suggestion = (
                await in_thread(
                    ask, url, "{ linkSuggestions(first: 1) { nodes { id type from { id } to { id } } } }"
                )
            )["data"]["linkSuggestions"]["nodes"][0]
            review = "mutation($id: ID!) { reviewLink(id: $id, decision: CONFIRM) { status } }"
            await in_thread(ask, url, review, curator, id=suggestion["id"])
            confirmed = await pushed(watcher)
            assert confirmed["action"] == "CONFIRM_LINK"
            assert confirmed["added"] == {
                "type": suggestion["type"], "fromId": suggestion["from"]["id"], "toId": suggestion["to"]["id"],
                "origin": "CURATED",
            }  # fmt: skip
            # A subscription to another plan heard none of it.
            with pytest.raises(TimeoutError):
                await asyncio.wait_for(elsewhere.recv(), 0.5)

    with serving(store, app) as url:
        asyncio.run(scenario(url))


def test_subscriptions_take_the_keys_queries_take(
    seed: GraphDocument, memory_store: MemoryStore, keys: KeyRing
) -> None:
    reader = keys.add("李读者", KeyRole.READER)
    keys.add("旧钥匙", KeyRole.READER)
    revoked = keys.add("作废", KeyRole.READER)
    keys.revoke("作废")
    app = create_app(memory_store, keyring=keys, require_key=True)

    async def closed_with(url: str, key: str | None) -> int | None:
        async with websockets.connect(
            url.replace("http://", "ws://") + "/graphql", subprotocols=["graphql-transport-ws"]
        ) as socket:
            payload = {"Authorization": f"Bearer {key}"} if key else {}
            await socket.send(json.dumps({"type": "connection_init", "payload": payload}))
            try:
                await asyncio.wait_for(socket.recv(), 2)
            except websockets.ConnectionClosed as closed:
                return closed.rcvd.code if closed.rcvd else None
            return None

    async def scenario(url: str) -> None:
        assert await closed_with(url, None) == 4403  # reads need a key on this server
        assert await closed_with(url, "pgk_not-a-key") == 4403
        assert await closed_with(url, revoked) == 4403
        assert await closed_with(url, reader) is None  # acknowledged, left open

    with serving(memory_store, app) as url:
        asyncio.run(scenario(url))


def test_servers_sharing_one_log_see_and_push_each_others_changes(
    seed: GraphDocument, tmp_path: Path, keys: KeyRing
) -> None:
    """Two servers, each with its own graph, over one curation file (as two workers are): a
    change made through one is read through the other at the next request and pushed to the
    other's subscribers."""
    log_file = tmp_path / "curation.yaml"
    curator = keys.add("王规划", KeyRole.CURATOR)
    (first_store, first_app), (second_store, second_app) = (
        curated_app(seed, keys, log_file) for _ in range(2)
    )
    depends = "query($id: ID!) { dependencies(id: $id, maxDepth: 1) { entity { id } } }"
    add = "mutation($f: ID!, $t: ID!) { addRelation(type: DEPENDS_ON, fromId: $f, toId: $t) { origin } }"
    project = sid("project/1")

    async def scenario(first: str, second: str) -> None:
        async with subscribed(second) as watcher:
            await in_thread(ask, first, SET, curator, id=TASK, s="AT_RISK")
            assert (await pushed(watcher))["status"] == "AT_RISK"
            await in_thread(ask, first, add, curator, f=TASK, t=project)
            assert (await pushed(watcher))["action"] == "ADD_RELATION"
        status = await in_thread(ask, second, "query($id: ID!) { entity(id: $id) { status } }", id=TASK)
        assert status["data"]["entity"]["status"] == "AT_RISK"
        reached = await in_thread(ask, second, depends, id=TASK)
        assert {"entity": {"id": project}} in reached["data"]["dependencies"]
        # And back: a change through the second is read through the first.
        await in_thread(ask, second, SET, curator, id=TASK, s="DONE")
        status = await in_thread(
            ask, first, "query($id: ID!) { entity(id: $id) { status statusHistory { status } } }", id=TASK
        )
        assert status["data"]["entity"] == {
            "status": "DONE",
            "statusHistory": [{"status": "AT_RISK"}, {"status": "DONE"}],
        }

    with serving(first_store, first_app) as first, serving(second_store, second_app) as second:
        asyncio.run(scenario(first, second))


def test_two_workers_read_what_either_changed(tmp_path: Path, keys: KeyRing) -> None:
    """`plangraph serve --workers 2` on the memory store: every read follows the change made
    before it, whichever worker made it and whichever answers; and a subscriber, connected to
    one of them, hears every change, made through either."""
    curator = keys.add("王规划", KeyRole.CURATOR)
    env = {"PLANGRAPH_KEYS_FILE": str(keys.path), "PLANGRAPH_CURATION_FILE": str(tmp_path / "curation.yaml")}
    statuses = ["ON_TRACK", "AT_RISK", "DELAYED", "DONE"]
    read = "query($id: ID!) { entity(id: $id) { status } }"
    add = "mutation($f: ID!, $t: ID!) { addRelation(type: DEPENDS_ON, fromId: $f, toId: $t) { origin } }"
    remove = (
        "mutation($f: ID!, $t: ID!) { removeRelation(type: DEPENDS_ON, fromId: $f, toId: $t) { origin } }"
    )
    depends = "query($id: ID!) { dependencies(id: $id, maxDepth: 1) { entity { id } } }"
    project = sid("project/1")

    def changes_and_reads(url: str) -> None:
        for step in range(16):
            status = statuses[step % 4]
            assert ask(url, SET, curator, id=TASK, s=status)["data"]
            assert ask(url, read, id=TASK)["data"]["entity"]["status"] == status
            ask(url, add if step % 2 == 0 else remove, curator, f=TASK, t=project)
            reached = {r["entity"]["id"] for r in ask(url, depends, id=TASK)["data"]["dependencies"]}
            assert (project in reached) == (step % 2 == 0), step

    async def scenario(url: str) -> list[str]:
        async with subscribed(url) as watcher:
            await in_thread(changes_and_reads, url)
            return [(await pushed(watcher))["action"] for _ in range(32)]

    with plangraph_serving("--workers", "2", env=env) as served:
        url = served.url
        workers = {httpx.get(f"{url}/health").json()["worker"] for _ in range(40)}
        assert len(workers) == 2, served.output()
        heard = asyncio.run(scenario(url))
        assert heard == ["SET_STATUS", "ADD_RELATION", "SET_STATUS", "REMOVE_RELATION"] * 8
        history = ask(url, "query($id: ID!) { entity(id: $id) { statusHistory { status } } }", id=TASK)
        assert [h["status"] for h in history["data"]["entity"]["statusHistory"]] == [
            statuses[s % 4] for s in range(16)
        ]


def test_workers_serve_what_the_parent_read_and_refused(tmp_path: Path, seed_text: str) -> None:
    """The workers take the plans the parent read, the refused files with their reasons too."""
    folder = tmp_path / "plans"
    folder.mkdir()
    (folder / "plan.txt").write_text(seed_text, encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    env = {"PLANGRAPH_CURATION_FILE": str(tmp_path / "curation.yaml")}
    with plangraph_serving("--workers", "2", str(folder), env=env) as served:
        answers = [httpx.get(f"{served.url}/health").json() for _ in range(20)]
    assert len({a["worker"] for a in answers}) == 2
    for answer in answers:
        assert answer["plans"] == 1
        assert [r["path"] for r in answer["refused"]] == [str(folder / "empty.txt")]
