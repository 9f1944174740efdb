"""The README's example queries give exactly the answers it shows."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import time

import httpx
import pytest

from api.keys import KeyRing
from schema.auth import KeyRole
from tests.conftest import curated_app, serving
from tests.helpers import ROOT, GraphQL, sid

README = (ROOT / "README.md").read_text(encoding="utf-8")
EXAMPLES = re.findall(r"```graphql\n(.*?)```\s*```json\n(.*?)```", README, re.DOTALL)


def test_the_readme_has_three_examples() -> None:
    assert len(EXAMPLES) == 3


@pytest.mark.parametrize(("query", "answer"), EXAMPLES, ids=["impact", "responsibilities", "indicators"])
def test_readme_example_gives_the_answer_shown(data: GraphQL, query: str, answer: str) -> None:
    assert data(query) == json.loads(answer)


SCRIPT = re.search(r"```js\n(.*?)```", README, re.DOTALL)


def test_the_frontend_example_runs_as_written(seed, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """The README's JavaScript example, run by Node.js with the graphql-ws package the project
    installs: it reads viewer and a Relay page, then receives a change made meanwhile."""
    node = shutil.which("node")
    modules = ROOT / "web" / "node_modules" / "graphql-ws"
    if node is None or not modules.is_dir():
        pytest.skip("Node.js or web/node_modules (make assets) is missing: the JavaScript example is not run")
    assert SCRIPT, "the README has no JavaScript example"
    (tmp_path / "example.mjs").write_text(SCRIPT.group(1), encoding="utf-8")
    (tmp_path / "node_modules").symlink_to(modules.parent)
    major = int(
        subprocess.run([node, "--version"], capture_output=True, text=True).stdout.strip("v\n").split(".")[0]
    )
    flags = ["--experimental-websocket"] if major < 22 else []

    ring = KeyRing(tmp_path / "keys.json")
    curator = ring.add("王规划", KeyRole.CURATOR)
    store, app = curated_app(seed, ring, tmp_path / "c.yaml")
    with serving(store, app) as url:
        env = {**os.environ, "PLANGRAPH_URL": f"{url}/graphql", "PLANGRAPH_KEY": curator}
        script = subprocess.Popen(
            [node, *flags, "example.mjs"],
            cwd=tmp_path,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        try:
            set_status = {
                "query": "mutation($id: ID!) { setStatus(id: $id, status: AT_RISK) { id } }",
                "variables": {"id": sid("task/1.1")},
            }
            deadline = time.monotonic() + 20
            # Changes are made until the script has heard one: it listens from some moment after it says so.
            while script.poll() is None and time.monotonic() < deadline:
                httpx.post(f"{url}/graphql", json=set_status, headers={"Authorization": f"Bearer {curator}"})
                time.sleep(0.5)
            output, errors = script.communicate(timeout=10)
        finally:
            script.kill()
    assert script.returncode == 0, errors
    lines = output.splitlines()
    assert lines[0] == 'viewer: {"name":"王规划","role":"CURATOR","mayCurate":true}'
    assert lines[1].startswith("projects: ") and lines[1].endswith("of 10")
    assert lines[2] == "listening"
    assert json.loads(lines[3].removeprefix("changed: ")) == {
        "action": "SET_STATUS", "who": "王规划", "entityId": sid("task/1.1"), "status": "AT_RISK",
    }  # fmt: skip
