"""Load test, outside `make test`: concurrent clients on a mix of contract queries, against the
memory store and the Bolt store (FalkorDB), each served by the API over HTTP on the loopback.

    make load                       # 50 clients for 60 s on each store
    python scripts/load_test.py --clients 10 --seconds 5

Prints, per store: requests, errors, throughput and p50/p99 latency. Exits non-zero on any error.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from graph.bolt import BoltStore  # noqa: E402
from graph.memory import MemoryStore  # noqa: E402
from loaders import load_plans  # noqa: E402
from tests.bolt_server import CONNECTION_TIMEOUT, PASSWORD, USER, FalkorDBServer  # noqa: E402
from tests.conftest import serving  # noqa: E402

PLAN = "hubei-standardization-2016-2020"
MIX = [
    ("{ plans { id title } }", {}),
    ("query($id: ID!) { entity(id: $id) { id name children { name } } }", {"id": f"{PLAN}/task/5"}),
    ("{ entities(kind: DOMAIN, first: 20) { totalCount nodes { name parent { name } } } }", {}),
    (
        "query($id: ID!) { impact(id: $id) { affected { depth entity { id } } departments { name } } }",
        {"id": f"{PLAN}/task/5.9"},
    ),
    (
        "query($id: ID!) { dependencies(id: $id, direction: BOTH, maxDepth: 2) { depth } }",
        {"id": f"{PLAN}/project/8"},
    ),
    ("query($id: ID!) { responsibleFor(id: $id) { department { name } role } }", {"id": f"{PLAN}/task/1.2"}),
    ('{ responsibilities(departmentId: "department/湖北省质量技术监督局") { entity { name } role } }', {}),
    ('{ entities(search: "标准化", first: 10) { totalCount } }', {}),
]


async def client_loop(url: str, until: float, latencies: list[float], errors: list[str]) -> None:
    async with httpx.AsyncClient(base_url=url, timeout=30) as client:
        while time.monotonic() < until:
            query, variables = random.choice(MIX)
            started = time.perf_counter()
            try:
                response = await client.post("/graphql", json={"query": query, "variables": variables})
                body = response.json()
                if response.status_code != 200 or "errors" in body:
                    errors.append(f"{response.status_code}: {str(body)[:200]}")
            except (httpx.HTTPError, ValueError) as exc:
                errors.append(repr(exc))
            latencies.append((time.perf_counter() - started) * 1000)


async def run(url: str, clients: int, seconds: float) -> tuple[list[float], list[str]]:
    latencies: list[float] = []
    errors: list[str] = []
    until = time.monotonic() + seconds
    await asyncio.gather(*(client_loop(url, until, latencies, errors) for _ in range(clients)))
    return latencies, errors


def report(name: str, latencies: list[float], errors: list[str], seconds: float) -> None:
    latencies.sort()
    p99 = latencies[max(0, int(len(latencies) * 0.99) - 1)]
    print(
        f"{name}: {len(latencies)} requests, {len(errors)} errors, {len(latencies) / seconds:.0f} req/s, "
        f"p50 {statistics.median(latencies):.1f} ms, p99 {p99:.1f} ms"
    )
    for error in errors[:5]:
        print("  ", error)


def measure(name: str, store: object, clients: int, seconds: float) -> bool:
    """Run the load on the API serving `store`; report; whether any request failed."""
    with serving(store) as url:
        latencies, errors = asyncio.run(run(url, clients, seconds))
    report(name, latencies, errors, seconds)
    return bool(errors)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=60)
    args = parser.parse_args()
    document = load_plans().document

    memory = MemoryStore()
    memory.load(document)
    failed = measure("memory", memory, args.clients, args.seconds)

    with tempfile.TemporaryDirectory() as scratch:
        falkordb = FalkorDBServer(Path(scratch))
        falkordb.start()
        try:
            bolt = BoltStore(falkordb.uri, USER, PASSWORD, "plangraph", connection_timeout=CONNECTION_TIMEOUT)
            bolt.clear()
            bolt.load(document)
            failed |= measure("bolt (FalkorDB)", bolt, args.clients, args.seconds)
        finally:
            falkordb.stop()
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
