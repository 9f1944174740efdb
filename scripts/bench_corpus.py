"""How well the loader reads the corpus: the share of the readers' expectations that hold, and
of their targets (metric, value, unit, comparator and deadline together), for the development
half and the held-out half side by side (the split: tests/corpus/README.md).

    python scripts/bench_corpus.py               # the table (also run by make bench)
    python scripts/bench_corpus.py --failures    # and every development expectation that fails

Failures are printed for the development half only: the held-out half is measured, never read
for what to change.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.corpus_check import DEVELOPMENT, HELD_OUT, PARTS, corpus_figures  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--failures", action="store_true", help="print the development half's failures")
    arguments = parser.parse_args()
    figures = corpus_figures()
    print("| half | documents | expectations held | targets held | lowest document |")
    print("|---|---:|---:|---:|---:|")
    for half in (DEVELOPMENT, HELD_OUT):
        row = figures[half]
        print(
            f"| {half} | {row.documents} | {row.share:.1%} ({row.held}/{row.total}) | "
            f"{row.target_share:.1%} ({row.targets_held}/{row.targets}) | {row.lowest:.1%} |"
        )
    print("\n| part | development | held-out |")
    print("|---|---:|---:|")
    for part in PARTS:
        cells = []
        for half in (DEVELOPMENT, HELD_OUT):
            held, total = figures[half].part_share(part)
            cells.append(f"{held / total:.1%} ({held}/{total})" if total else "—")
        print(f"| {part} | {' | '.join(cells)} |")
    if arguments.failures:
        for checked in figures[DEVELOPMENT].checked:
            print(f"\n## {checked.name}: {checked.share:.1%}")
            for failure in checked.failed:
                print(f"- {failure}")


if __name__ == "__main__":
    main()
