"""The `plangraph` command as a user runs it: load, export, impact, serve."""

from __future__ import annotations

import json
import re
from pathlib import Path

import httpx
import networkx as nx
import yaml

from loaders.profile import DEFAULT_PROFILE
from tests.helpers import PLAN, ROOT, SEED, plangraph, plangraph_serving, sid


def test_load_prints_a_report() -> None:
    done = plangraph("load")
    assert done.returncode == 0, done.stderr
    assert "湖北省标准化体系建设发展规划（2016-2020年）" in done.stdout
    assert PLAN in done.stdout
    for line in ["INDICATOR   │ 12", "PROJECT     │ 10", "MEASURES        │ 12"]:
        assert line in done.stdout
    assert "every paragraph was placed" in done.stdout


def test_load_lists_paragraphs_it_could_not_place(tmp_path: Path) -> None:
    text = SEED.read_text(encoding="utf-8")
    stray = "（此件公开发布）"
    # A stray line between the notice and the title belongs nowhere.
    text = text.replace("湖北省标准化体系建设发展规划\n", f"{stray}\n\n湖北省标准化体系建设发展规划\n", 1)
    path = tmp_path / "plan.txt"
    path.write_text(text, encoding="utf-8")
    done = plangraph("load", str(path))
    assert done.returncode == 0, done.stderr
    assert "1 paragraph(s) could not be placed" in done.stdout
    assert f"line 7: {stray}" in done.stdout


def test_export_json_has_the_documented_shape(tmp_path: Path) -> None:
    output = tmp_path / "graph.json"
    done = plangraph("export", "--format", "json", "-o", str(output))
    assert done.returncode == 0, done.stderr
    exported = json.loads(output.read_text(encoding="utf-8"))
    entities = {e["id"]: e for e in exported["entities"]}
    indicator = entities[sid("indicator/1")]
    assert {
        k: indicator[k] for k in ("kind", "name", "plan", "parent", "metric", "comparator", "value", "unit")
    } == {
        "kind": "INDICATOR",
        "name": "国家标准",
        "plan": PLAN,
        "parent": sid("goal/1.1"),
        "metric": "国家标准",
        "comparator": "AT_LEAST",
        "value": 300,
        "unit": "项",
    }
    assert set(indicator["source"]) == {"plan", "start", "end", "line"}
    assert entities[PLAN]["issuedOn"] == "2016-11-30"
    relation = next(r for r in exported["relations"] if r["type"] == "MEASURES")
    assert set(relation) >= {"type", "from", "to", "origin", "role", "confidence", "evidence"}
    assert relation["from"] == sid("indicator/1") and relation["origin"] == "TEXT"


def test_export_graphml_reads_back_with_networkx(tmp_path: Path) -> None:
    output = tmp_path / "graph.graphml"
    assert plangraph("export", "--format", "graphml", "-o", str(output)).returncode == 0
    graph = nx.read_graphml(output)
    assert graph.nodes[sid("project/8")]["name"] == "现代物流标准化工程"
    assert graph.nodes[sid("indicator/6")]["value"] == 20000.0


def test_impact_report() -> None:
    done = plangraph("impact", sid("standard/农田保护"), "--max-depth", "2")
    assert done.returncode == 0, done.stderr
    assert "Impact of STANDARD 农田保护" in done.stdout
    assert "现代农业" in done.stdout and "FORMULATES (against)" in done.stdout


def test_impact_of_an_unknown_id_fails_clearly() -> None:
    done = plangraph("impact", "no/such/id")
    assert done.returncode == 1
    assert "no entity with id 'no/such/id'" in done.stderr
    assert "Traceback" not in done.stderr


def test_serve_answers_over_http() -> None:
    with plangraph_serving() as served:
        assert httpx.get(f"{served.url}/health").json()["plans"] == 1
        body = httpx.post(f"{served.url}/graphql", json={"query": "{ plans { title } }"}).json()
        assert body["data"]["plans"][0]["title"] == "湖北省标准化体系建设发展规划（2016-2020年）"


def test_the_counts_agree_and_say_what_they_count() -> None:
    """`load`, the serve log, /health and `stats` (what the explorer shows) give the same
    numbers for a small plan: its own entities, and apart from them the departments and
    documents it names, which belong to no one plan."""
    small = ROOT / "tests" / "data" / "hubei-agriculture-standardization-2017.txt"
    loaded = plangraph("load", str(small))
    assert loaded.returncode == 0, loaded.stderr
    assert "nothing was kept" in loaded.stdout and "--backend neo4j" in loaded.stdout
    own, shared = (
        int(n) for n in re.search(r"(\d+) entities of its own, and (\d+) departments", loaded.stdout).groups()
    )
    every, in_plans, named = (
        int(n)
        for n in re.search(
            r"loaded 1 plan\(s\): (\d+) entities \((\d+) in plans, and (\d+) departments", loaded.stdout
        ).groups()
    )
    # The plan's own entities are all the entities in plans; shared ones are counted apart.
    assert in_plans == own and every == in_plans + named and named >= shared

    with plangraph_serving(str(small)) as served:
        health = httpx.get(f"{served.url}/health").json()
        assert (health["entities"], health["entitiesInPlans"], health["sharedEntities"]) == (
            every,
            own,
            named,
        )
        (plan,) = httpx.post(f"{served.url}/graphql", json={"query": "{ plans { id } }"}).json()["data"][
            "plans"
        ]
        query = "query($p: ID) { stats(planId: $p) { entityCount sharedEntityCount } }"
        for plan_id, counts in ((plan["id"], (own, shared)), (None, (every, named))):
            stats = httpx.post(
                f"{served.url}/graphql", json={"query": query, "variables": {"p": plan_id}}
            ).json()["data"]["stats"]
            assert (stats["entityCount"], stats["sharedEntityCount"]) == counts
        log = served.output()
    assert f"({own} entities of its own, and {shared} departments and documents it names;" in log
    assert f"serving 1 plan(s): {every} entities ({own} in plans, and {named} departments" in log


def test_settings_come_from_the_environment(tmp_path: Path) -> None:
    done = plangraph("load", env={"PLANGRAPH_BACKEND": "cassandra"})
    assert done.returncode == 1
    assert "invalid setting PLANGRAPH_BACKEND" in done.stderr
    assert "Traceback" not in done.stderr


def test_export_csv_for_neo4j_admin_import(tmp_path: Path) -> None:
    done = plangraph("export", "--format", "csv", "-o", str(tmp_path / "import"))
    assert done.returncode == 0, done.stderr
    import csv

    with (tmp_path / "import" / "entities.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    task = next(r for r in rows if r["id:ID"] == sid("task/5.9"))
    assert (task[":LABEL"], task["name"], task["parent"]) == (
        "Entity;Task",
        "加强标准化信息化建设",
        sid("task/5"),
    )
    with (tmp_path / "import" / "relations.csv").open(encoding="utf-8") as handle:
        relations = list(csv.DictReader(handle))
    assert {(r[":START_ID"], r[":TYPE"]) for r in relations} >= {(sid("indicator/1"), "MEASURES")}
    assert plangraph("export", "--format", "csv").returncode == 1


def test_a_profile_is_chosen_by_option_or_setting(tmp_path: Path) -> None:
    """Every command reads plans with the profile --profile (or PLANGRAPH_PROFILE) names."""
    profile = yaml.safe_load(DEFAULT_PROFILE.read_text(encoding="utf-8"))
    profile["indicators"]["at_least_suffix"] = []  # 300项以上 no longer reads as “at least”
    chosen = tmp_path / "no-at-least.yaml"
    chosen.write_text(yaml.safe_dump(profile, allow_unicode=True), encoding="utf-8")
    out = tmp_path / "graph.json"
    done = plangraph("--profile", str(chosen), "export", str(SEED), "-o", str(out))
    assert done.returncode == 0, done.stderr
    indicators = [
        e for e in json.loads(out.read_text(encoding="utf-8"))["entities"] if e["kind"] == "INDICATOR"
    ]
    national = next(i for i in indicators if i["metric"] == "国家标准")
    assert national["comparator"] == "EQUAL"

    broken = tmp_path / "broken.yaml"
    broken.write_text("name: broken\n", encoding="utf-8")
    done = plangraph("load", env={"PLANGRAPH_PROFILE": str(broken)})
    assert done.returncode == 1
    assert f"{broken}: the profile cannot be used: numbering: Field required" in done.stderr.replace("\n", "")
