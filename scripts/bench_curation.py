"""plangraph's benchmark of curation: query latency over HTTP with 1,000 curated changes against
none, and the time to read the changes and apply them to the plans at a server's start.

    python scripts/bench_curation.py     # also run by make bench; writes docs/curation-performance.md
"""

from __future__ import annotations

import argparse
import copy
import statistics
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from api.app import create_app  # noqa: E402
from graph.curation import CurationLog, Status  # noqa: E402
from graph.memory import MemoryStore  # noqa: E402
from graph.model import EntityKind, Origin, Relation, RelationType  # noqa: E402
from loaders import load_plans  # noqa: E402
from loaders.links.candidates import rank_candidates  # noqa: E402
from loaders.profile import load_profile  # noqa: E402
from tests.conftest import serving  # noqa: E402

PLAN = "hubei-standardization-2016-2020"
ROUNDS = 200
CHANGES = 1000
TASK, STANDARD = f"{PLAN}/task/1.1", f"{PLAN}/standard/政府购买公共服务"
QUERIES = {
    "entity with status": '{ entity(id: "' + TASK + '") { name status statusHistory { status } } }',
    "impact": '{ impact(id: "' + STANDARD + '") { affected { entity { id } unreviewed } } }',
    "atRisk": '{ atRisk(planId: "' + PLAN + '") { late { entity { id } } atRisk { id } } }',
    "changes (first 50)": "{ changes(first: 50) { totalCount nodes { id } } }",
    "linkSuggestions (first 20)": '{ linkSuggestions(planId: "'
    + PLAN
    + '", first: 20) { totalCount nodes { id confidence } } }',
}


def curate(log: CurationLog, store: MemoryStore, count: int) -> None:
    """`count` changes: statuses on every task and project in turn, and one relation in ten."""
    ids = [e.id for e in store.find(EntityKind.TASK, PLAN, None, 0, 10_000).entities]
    ids += [e.id for e in store.find(EntityKind.PROJECT, PLAN, None, 0, 10_000).entities]
    statuses = list(Status)
    for n in range(count):
        if n % 10 == 9:
            relation = Relation(
                RelationType.DEPENDS_ON, ids[n % len(ids)], ids[(n + 1) % len(ids)], origin=Origin.CURATED
            )
            log.add_relation(store, "bench", relation, None)
        else:
            log.set_status("bench", ids[n % len(ids)], statuses[n % len(statuses)], None)


def latencies(url: str) -> dict[str, float]:
    answers = {}
    with httpx.Client(base_url=url, timeout=60) as client:
        for name, query in QUERIES.items():
            samples = []
            for _ in range(ROUNDS):
                started = time.perf_counter()
                response = client.post("/graphql", json={"query": query})
                samples.append((time.perf_counter() - started) * 1000)
                assert "errors" not in response.json(), response.text
            answers[name] = statistics.median(samples)
    return answers


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--output", type=Path, default=ROOT / "docs" / "curation-performance.md")
    args = parser.parse_args()
    document = load_plans().document
    figures = {}
    with tempfile.TemporaryDirectory() as scratch:
        for count in (0, CHANGES):
            store = MemoryStore()
            store.load(document)
            log = CurationLog.open(Path(scratch) / f"curation-{count}.yaml")
            started = time.perf_counter()
            curate(log, store, count)
            logging = time.perf_counter() - started
            with serving(store, create_app(store, curation=log)) as url:
                figures[count] = latencies(url)
        restarted_document = copy.deepcopy(document)
        started = time.perf_counter()
        reread = CurationLog.open(Path(scratch) / f"curation-{CHANGES}.yaml")
        reread.apply(restarted_document)
        start_up = time.perf_counter() - started
        restarted = MemoryStore()
        restarted.load(restarted_document)
        started = time.perf_counter()
        rank_candidates(restarted.find(None, PLAN, None, 0, 1_000_000).entities, load_profile().links)
        ranking = time.perf_counter() - started
    rows = [
        f"| {name} | {none:.2f} | {many:.2f} | {many / none:.2f} |"
        for name, none, many in ((n, figures[0][n], figures[CHANGES][n]) for n in QUERIES)
    ]
    text = "\n".join(
        [
            "# Curation: speed",
            "",
            f"Query latency over HTTP on the memory store (ms, median of {ROUNDS}), with no curated change and",
            f"with {CHANGES:,} (statuses on every task and project in turn, one relation in ten).",
            "",
            f"| query | no changes | {CHANGES:,} changes | ratio |",
            "|---|---:|---:|---:|",
            *rows,
            "",
            "atRisk answers more with the changes than without (each task set AT_RISK or DELAYED is listed with",
            "its impact), so its latency follows its answer, not the length of the log.",
            "",
            f"Making the {CHANGES:,} changes one after another, each kept in the log file before the next (the file",
            f"written whole every time, only the new row dumped): {logging:.2f} s.",
            "",
            f"Reading the log of {CHANGES:,} changes and applying it to the plans before they are loaded",
            f"(a start-up): {start_up * 1000:.0f} ms.",
            "",
            "The review queue ranks a plan's candidate links once and keeps the ranking while the plan's parts",
            f"are unchanged; ranking the shipped plan's {len(document.entities):,} entities takes {ranking * 1000:.0f} ms.",
            "",
        ]
    )
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
