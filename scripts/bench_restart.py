"""plangraph's benchmark of starting on many plans: a hundred plan files (the corpus's and the
shipped plan, copied under distinct names, each copy's bytes varied so that each is a plan of its
own), loaded by `plangraph load` with an empty plan cache (cold) and a full one (warm), with one job
and with one a core; then the time `plangraph serve` takes to answer /health on them, cold and warm.
Each figure is one fresh process, as a restart is. It prints figures and asserts nothing; the aim
is a warm restart that answers /health in under 5 s.

    python scripts/bench_restart.py [--plans 100] [--jobs N]

It also writes the figures into docs/performance.md (the section "Restarting on many plans").
"""

from __future__ import annotations

import argparse
import io
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from loaders import plan_files  # noqa: E402
from loaders.workers import cores  # noqa: E402
from scripts.bench import machine  # noqa: E402
from scripts.bench_serving import write_section  # noqa: E402

SOURCES = [ROOT / "tests" / "corpus", ROOT / "data" / "plans"]
HEALTH_TIMEOUT_S = 300


def varied(path: Path, copy: int) -> bytes:
    """The file's bytes made distinct by a remark its format allows (the plan read is the same)."""
    raw = path.read_bytes()
    suffix = path.suffix.lower()
    if suffix == ".txt":
        return raw + f"\n（本件为第{copy}份）\n".encode()
    if suffix == ".html":
        return raw + f"\n<!-- copy {copy} -->\n".encode()
    if suffix == ".pdf":
        return raw + f"\n%copy {copy}\n".encode()
    if suffix == ".docx":
        buffer = io.BytesIO(raw)
        with zipfile.ZipFile(buffer, "a") as archive:
            archive.comment = f"copy {copy}".encode()
        return buffer.getvalue()
    raise ValueError(f"no way to vary {path}")


def make_plans(folder: Path, count: int) -> None:
    sources = plan_files(SOURCES)
    for n in range(count):
        source = sources[n % len(sources)]
        copy = n // len(sources) + 1
        (folder / f"{source.stem}-copy{copy}{source.suffix}").write_bytes(varied(source, copy))


def plangraph(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    executable = shutil.which("plangraph", path=str(Path(sys.executable).parent))
    command = [executable] if executable else [sys.executable, "-m", "api.cli"]
    return subprocess.run([*command, *args], capture_output=True, text=True, cwd=ROOT, env=env, check=False)


def timed_load(folder: Path, jobs: int, env: dict[str, str]) -> tuple[float, float, str]:
    """`plangraph load`: the process's wall time, the load's own time, and its summary line."""
    started = time.perf_counter()
    done = plangraph("load", "--jobs", str(jobs), str(folder), env=env)
    wall = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"plangraph load failed ({done.returncode}):\n{done.stderr[-2000:]}")
    summary = " ".join(done.stdout.split())
    loading = re.search(r"in ([\d.]+) s \((\d+) plan\(s\) from the plan cache\)", summary)
    if loading is None:
        raise SystemExit(f"no summary line in:\n{done.stdout[-2000:]}")
    return wall, float(loading.group(1)), f"{loading.group(2)} from the cache"


def time_to_health(folder: Path, env: dict[str, str]) -> float:
    """Seconds from starting `plangraph serve` to its first answer on /health."""
    from tests.helpers import free_port

    port = free_port()
    executable = shutil.which("plangraph", path=str(Path(sys.executable).parent))
    command = [executable] if executable else [sys.executable, "-m", "api.cli"]
    started = time.perf_counter()
    server = subprocess.Popen(
        [*command, "serve", str(folder), "--port", str(port)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        while time.perf_counter() - started < HEALTH_TIMEOUT_S:
            if server.poll() is not None:
                raise SystemExit(f"plangraph serve stopped with status {server.returncode}")
            try:
                if httpx.get(f"http://127.0.0.1:{port}/health", timeout=1).status_code == 200:
                    return time.perf_counter() - started
            except httpx.TransportError:
                pass
            time.sleep(0.05)
        raise SystemExit(f"/health did not answer within {HEALTH_TIMEOUT_S} s")
    finally:
        server.terminate()
        server.wait(timeout=30)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--plans", type=int, default=100)
    parser.add_argument(
        "--jobs", type=int, default=cores(), help="the parallel figure's jobs (default: cores)"
    )
    parser.add_argument("--output", type=Path, default=ROOT / "docs" / "performance.md")
    options = parser.parse_args()
    rows: list[str] = []

    def show(line: str) -> None:
        print(line, flush=True)
        rows.append(line)

    with tempfile.TemporaryDirectory() as scratch:
        folder, cache = Path(scratch) / "plans", Path(scratch) / "cache"
        folder.mkdir()
        make_plans(folder, options.plans)
        env = {
            **os.environ,
            "PYTHONPATH": str(ROOT),
            "COLUMNS": "200",
            "PLANGRAPH_PLAN_CACHE_DIR": str(cache),
            "PLANGRAPH_CURATION_FILE": str(Path(scratch) / "curation.yaml"),
            "PLANGRAPH_KEYS_FILE": str(Path(scratch) / "keys.json"),
        }
        print(f"{options.plans} plan files, {cores()} core(s); each figure is one fresh process")
        print(f"{'':30} {'process (s)':>12} {'load (s)':>9}")
        for jobs in sorted({1, options.jobs}):
            shutil.rmtree(cache, ignore_errors=True)
            wall, loading, note = timed_load(folder, jobs, env)
            show(f"| load, cold, --jobs {jobs} | {wall:.2f} | {loading:.2f} | {note} |")
            wall, loading, note = timed_load(folder, jobs, env)
            show(f"| load, warm, --jobs {jobs} | {wall:.2f} | {loading:.2f} | {note} |")
        for workers in sorted({1, cores()}):
            for state in ("cold", "warm"):
                if state == "cold":
                    shutil.rmtree(cache, ignore_errors=True)
                seconds = time_to_health(folder, {**env, "PLANGRAPH_WORKERS": str(workers)})
                show(
                    f"| serve --workers {workers}, {state}: /health after | {seconds:.2f} | | aim, warm: under 5 s |"
                )
    heading = "## Restarting on many plans"
    write_section(
        options.output,
        heading,
        [
            heading,
            "",
            f"`scripts/bench_restart.py`: {options.plans} plan files (the corpus and the shipped plan, copied), "
            f"on {machine()}. Each figure is one fresh process; cold is an empty plan cache, warm a full one.",
            "",
            "| | process (s) | load (s) | |",
            "|---|---:|---:|---|",
            *rows,
            "",
        ],
    )


if __name__ == "__main__":
    main()
