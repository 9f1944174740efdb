"""Where one request's time goes: each of the serving benchmark's mixed questions asked in
process (through the ASGI app, without the network), timed, then profiled together.

    python scripts/profile_request.py                       # answers kept, as served
    python scripts/profile_request.py --no-kept-answers     # every answer computed
    python scripts/profile_request.py --top 30

Figures, not pass/fail; docs/request-profile.md records a run before and after the changes it
describes."""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import pstats
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from api.server import app_for  # noqa: E402
from api.settings import Settings  # noqa: E402
from api.stores import open_store  # noqa: E402
from scripts.bench_serving import FLOOR, MIXED  # noqa: E402


async def profile(app: object, rounds: int, top: int) -> None:
    transport = httpx.ASGITransport(app=app)  # type: ignore[arg-type]
    async with httpx.AsyncClient(transport=transport, base_url="http://plangraph") as client:
        for body in MIXED:
            answer = (await client.post("/graphql", json=body)).json()
            assert "errors" not in answer, answer
        for body in [*MIXED, *FLOOR]:
            started = time.perf_counter()
            for _ in range(rounds):
                await client.post("/graphql", json=body)
            print(f"{(time.perf_counter() - started) / rounds * 1000:6.2f} ms  {body['query'][:80]}")
        profiler = cProfile.Profile()
        profiler.enable()
        for _ in range(rounds):
            for body in MIXED:
                await client.post("/graphql", json=body)
        profiler.disable()
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(top)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rounds", type=int, default=200)
    parser.add_argument("--top", type=int, default=40)
    parser.add_argument(
        "--no-kept-answers", action="store_true", help="keep no answers (PLANGRAPH_RESULT_CACHE_SIZE=0)"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        settings = Settings(
            curation_file=Path(scratch) / "curation.yaml",
            result_cache_size=0 if args.no_kept_answers else 1000,
        )
        store, loaded, curation = open_store(settings)
        asyncio.run(profile(app_for(settings, store, loaded, curation), args.rounds, args.top))


if __name__ == "__main__":
    main()
