"""Throughput under load: wrk (a real HTTP load generator, from Debian's packages) with 50
connections against `plangraph serve`, on the memory store and the Bolt store (FalkorDB), with
one worker and with one per core, for three kinds of request:

- floor: `{ __typename }`, what the framework costs with no work behind it;
- mixed: the questions planners ask, in turn — an entity with its relations, dependencies to
  depth 3, impact, a department's responsibilities, a 20-row search;
- impact: impact analysis alone.

Prints the table and writes it, with the machine it ran on, into docs/performance.md (the
section "Serving under load"). Figures, not pass/fail.

    python scripts/bench_serving.py                # 15 s per cell
    python scripts/bench_serving.py --seconds 5
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from scripts.bench import machine  # noqa: E402
from tests.bolt_server import PASSWORD, USER, FalkorDBServer  # noqa: E402
from tests.helpers import free_port  # noqa: E402

PLAN = "hubei-standardization-2016-2020"
FLOOR = [{"query": "{ __typename }"}]
IMPACT = [
    {
        "query": "query($id: ID!) { impact(id: $id, maxDepth: 3) { affected { depth entity { id name } } "
        "departments { name } } }",
        "variables": {"id": f"{PLAN}/task/{task}"},
    }
    for task in ("1.1", "2.4", "5.9", "3.5")
]
MIXED = [
    {
        "query": "query($id: ID!) { entity(id: $id) { id name text relations { type direction other { id name } } } }",
        "variables": {"id": f"{PLAN}/task/5.9"},
    },
    {
        "query": "query($id: ID!) { dependencies(id: $id, direction: DOWNSTREAM, maxDepth: 3) "
        "{ depth entity { id name } } }",
        "variables": {"id": f"{PLAN}/project/8"},
    },
    IMPACT[0],
    {
        "query": '{ responsibilities(departmentId: "department/湖北省质量技术监督局") { entity { id name } role } }',
    },
    {"query": '{ entities(search: "标准", first: 20) { totalCount edges { node { id name kind } } } }'},
]
CONNECTIONS = 50

#: wrk's script: the bodies in turn, and every answer that carries GraphQL errors counted.
LUA = """
local bodies = %s
local i = 0
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) errors = 0 end
function request()
  i = i %% #bodies + 1
  return wrk.format("POST", "/graphql", {["Content-Type"] = "application/json"}, bodies[i])
end
function response(status, headers, body)
  if status ~= 200 or string.find(body, '"errors"', 1, true) then errors = errors + 1 end
end
function done(summary, latency, requests)
  local total = 0
  for _, thread in ipairs(threads) do total = total + thread:get("errors") end
  io.write(string.format("graphql-errors %%d\\n", total))
end
"""


@dataclass
class Cell:
    rate: float
    p50_ms: float
    p99_ms: float
    errors: int


def wrk_binary() -> str:
    found = shutil.which("wrk")
    if found is None:
        sys.exit(
            "wrk is not installed: `make bench` installs it from Debian's packages (scripts/install_wrk.sh)"
        )
    return found


def run_wrk(url: str, bodies: list[dict[str, object]], seconds: int, scratch: Path) -> Cell:
    script = scratch / "bodies.lua"
    lua_bodies = (
        "{"
        + ",".join(json.dumps(json.dumps(b, ensure_ascii=False), ensure_ascii=False) for b in bodies)
        + "}"
    )
    script.write_text(LUA % lua_bodies, encoding="utf-8")
    done = subprocess.run(
        [
            wrk_binary(),
            "-t2",
            f"-c{CONNECTIONS}",
            f"-d{seconds}s",
            "--timeout",
            "5s",
            "--latency",
            "-s",
            str(script),
            url,
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    out = done.stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    p50 = _ms(re.search(r"50%\s+([\d.]+\w+)", out).group(1))
    p99 = _ms(re.search(r"99%\s+([\d.]+\w+)", out).group(1))
    errors = int(re.search(r"graphql-errors (\d+)", out).group(1))
    socket = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    if socket:
        errors += sum(int(n) for n in socket.groups())
    return Cell(rate, p50, p99, errors)


def _ms(text: str) -> float:
    value, unit = re.match(r"([\d.]+)(\w+)", text).groups()
    return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}[unit]


class Served:
    """`plangraph serve` with these options, until stopped."""

    def __init__(self, *options: str, env: dict[str, str]) -> None:
        self.port = free_port()
        executable = shutil.which("plangraph", path=str(Path(sys.executable).parent))
        self.process = subprocess.Popen(
            [executable, "serve", "--port", str(self.port), *options],
            env={**os.environ, **env},
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        self.url = f"http://127.0.0.1:{self.port}"
        deadline = time.monotonic() + 120
        while True:
            try:
                if httpx.get(f"{self.url}/health", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if self.process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"plangraph serve {' '.join(options)} did not start")
            time.sleep(0.3)

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=30)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--seconds", type=int, default=15)
    parser.add_argument("--output", type=Path, default=ROOT / "docs" / "performance.md")
    parser.add_argument("--stores", nargs="+", choices=["memory", "bolt"], default=["memory", "bolt"])
    parser.add_argument("--workers", type=int, nargs="+", help="worker counts (default: 1 and one per core)")
    args = parser.parse_args()
    cores = os.cpu_count() or 1
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        scratch = Path(folder)
        falkordb = FalkorDBServer(scratch / "falkordb")
        falkordb.start()
        bolt = [
            "--backend",
            "neo4j",
            "--neo4j-uri",
            falkordb.uri,
            "--neo4j-user",
            USER,
            "--neo4j-password",
            PASSWORD,
        ]
        subprocess.run(
            [shutil.which("plangraph", path=str(Path(sys.executable).parent)), "load", *bolt],
            check=True, capture_output=True,
        )  # fmt: skip
        env = {"PLANGRAPH_CURATION_FILE": str(scratch / "curation.yaml"), "PLANGRAPH_NEO4J_DATABASE": "neo4j"}
        try:
            stores = {"memory": ("memory", []), "bolt": ("Bolt (FalkorDB)", bolt)}
            runs = [
                (store, workers, options, env)
                for store, options in (stores[name] for name in args.stores)
                for workers in args.workers or sorted({1, cores})
            ]
            # The same questions with no answer kept, on one worker: what answering them costs.
            runs += [
                (f"{store}, no answers kept", 1, options, {**env, "PLANGRAPH_RESULT_CACHE_SIZE": "0"})
                for store, options in (stores[name] for name in args.stores)
            ]
            for store, workers, options, run_env in runs:
                cells = measure([*options, "--workers", str(workers)], run_env, args.seconds, scratch)
                rows.append((store, workers, cells))
                print(_row(store, workers, cells), flush=True)
        finally:
            falkordb.stop()
    section = _section(rows, args.seconds)
    print("\n".join(section))
    write_section(args.output, SECTION, section)


def measure(options: list[str], env: dict[str, str], seconds: int, scratch: Path) -> dict[str, Cell]:
    """`plangraph serve OPTIONS` under wrk: warmed up, then the floor, the mixed questions and impact."""
    served = Served(*options, env=env)
    try:
        run_wrk(served.url + "/graphql", MIXED, 2, scratch)
        return {
            name: run_wrk(served.url + "/graphql", bodies, seconds, scratch)
            for name, bodies in (("floor", FLOOR), ("mixed", MIXED), ("impact", IMPACT))
        }
    finally:
        served.stop()


def _row(store: str, workers: int, cells: dict[str, Cell]) -> str:
    floor = cells["floor"].rate
    parts = [store, str(workers)]
    for name in ("floor", "mixed", "impact"):
        cell = cells[name]
        share = "" if name == "floor" else f" ({cell.rate / floor:.0%} of floor)"
        parts.append(
            f"{cell.rate:,.0f} req/s{share}, p50 {cell.p50_ms:.0f} / p99 {cell.p99_ms:.0f} ms, {cell.errors} errors"
        )
    return "| " + " | ".join(parts) + " |"


SECTION = "## Serving under load"


def _section(rows: list[tuple[str, int, dict[str, Cell]]], seconds: int) -> list[str]:
    one = {store: cells["mixed"].rate for store, workers, cells in rows if workers == 1}
    scaling = [
        f"- {store}: {workers} workers give {cells['mixed'].rate / one[store]:.2f}× one worker's mixed throughput."
        for store, workers, cells in rows
        if workers > 1
    ]
    return [
        SECTION,
        "",
        f"`scripts/bench_serving.py`: wrk, {CONNECTIONS} connections for {seconds} s per cell, on the shipped plan, "
        f"`plangraph serve` and wrk on the same machine ({machine()}). Errors count non-200 answers, answers "
        "with GraphQL errors and socket errors.",
        "",
        "| store | workers | floor `{ __typename }` | mixed planner questions | impact only |",
        "|---|---:|---|---|---|",
        *(_row(store, workers, cells) for store, workers, cells in rows),
        "",
        *scaling,
        "",
    ]


def write_section(path: Path, heading: str, section: list[str]) -> None:
    """Replace the section under `heading` in the file (or add it at the end), leaving the rest
    as it is: scripts/bench.py writes the file, the serving and restart benchmarks their parts."""
    text = path.read_text(encoding="utf-8") if path.exists() else "# Performance\n"
    before, _, after = text.partition(heading)
    rest = after[after.find("\n## ") + 1 :] if "\n## " in after else ""
    path.write_text(
        before.rstrip("\n") + "\n\n" + "\n".join(section) + ("\n" + rest if rest else ""), encoding="utf-8"
    )


if __name__ == "__main__":
    main()
