"""No text makes the loader raise anything but its own refusal, and none takes longer than
its time budget: seeded random mutations of real plans (tests/fuzz_cases.py).

`make test` runs a few hundred cases; `make fuzz` runs 10,000 (PLANGRAPH_FUZZ_CASES)."""

from __future__ import annotations

import os
import time
from pathlib import Path

from graph.errors import PlanLoadError
from loaders import load_plan
from tests.fuzz_cases import mutated_text

CASES = int(os.environ.get("PLANGRAPH_FUZZ_CASES", "300"))
#: Seeds that once found an uncaught exception (3563: a heading numbered 十八八八, which cn2an
#: refused), run every time.
REGRESSIONS = (3563,)
#: Seconds one case may take; a document's own limit (load_timeout) is far above this.
BUDGET = 10.0


def test_no_mutated_plan_raises_or_runs_over_its_budget(tmp_path: Path) -> None:
    failures = []
    slowest = (0.0, -1)
    for seed in [*REGRESSIONS, *range(CASES)]:
        path = tmp_path / f"case-{seed}.txt"
        path.write_text(mutated_text(seed), encoding="utf-8")
        started = time.monotonic()
        try:
            load_plan(path)
        except PlanLoadError as refused:
            if "could not be read (" in refused.reason:
                failures.append(f"seed {seed}: {refused.reason}")
        except Exception as exc:
            failures.append(f"seed {seed}: uncaught {type(exc).__name__}: {exc}")
        elapsed = time.monotonic() - started
        slowest = max(slowest, (elapsed, seed))
        if elapsed > BUDGET:
            failures.append(f"seed {seed}: took {elapsed:.1f} s")
    print(f"{CASES + len(REGRESSIONS)} cases; slowest: seed {slowest[1]} in {slowest[0]:.2f} s")
    assert not failures, "\n".join(failures[:20])
