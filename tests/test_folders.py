"""A folder of plans with one that cannot be read: the others load, the refused one is named
with its reason — by the command line (a distinct exit status), by /health and by the API."""

from __future__ import annotations

import json
from pathlib import Path

import httpx
import pytest

from api.app import create_app
from graph.memory import MemoryStore
from loaders import load_plans
from tests.conftest import serving
from tests.helpers import SEED, plangraph

SOME_REFUSED = 3


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    (tmp_path / "a-plan.txt").write_bytes(SEED.read_bytes())
    (tmp_path / "b-notice.txt").write_text(
        "各市、州人民政府：\n\n《某某规划》已经省人民政府同意。\n", encoding="utf-8"
    )
    return tmp_path


def test_load_loads_the_others_and_exits_with_its_own_status(folder: Path) -> None:
    done = plangraph("load", str(folder))
    assert done.returncode == SOME_REFUSED
    assert f"refused: {folder / 'b-notice.txt'}: no numbered outline" in done.stderr.replace("\n", "")
    assert "loaded 1 plan(s)" in done.stdout


def test_strict_refuses_all(folder: Path) -> None:
    done = plangraph("load", "--strict", str(folder))
    assert done.returncode == 1
    assert "b-notice.txt" in done.stderr and "Traceback" not in done.stderr


def test_export_writes_the_others(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "graph.json"
    done = plangraph("export", str(folder), "-o", str(out))
    assert done.returncode == SOME_REFUSED
    plans = [e for e in json.loads(out.read_text(encoding="utf-8"))["entities"] if e["kind"] == "PLAN"]
    assert [p["name"] for p in plans] == ["湖北省标准化体系建设发展规划（2016-2020年）"]


def test_health_and_the_api_say_what_was_refused_and_why(folder: Path) -> None:
    loaded = load_plans([folder])
    store = MemoryStore()
    store.load(loaded.document)
    with serving(store, create_app(store, refused=loaded.refused)) as url:
        health = httpx.get(f"{url}/health").json()
        answer = httpx.post(
            f"{url}/graphql", json={"query": "{ plans { name } refusedFiles { path reason } }"}
        )
    assert health["plans"] == 1
    assert health["refused"] == [{"path": str(folder / "b-notice.txt"), "reason": loaded.refused[0].reason}]
    data = answer.json()["data"]
    assert data["plans"] == [{"name": "湖北省标准化体系建设发展规划（2016-2020年）"}]
    (refused,) = data["refusedFiles"]
    assert refused["path"].endswith("b-notice.txt") and "no numbered outline" in refused["reason"]
