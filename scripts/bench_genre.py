"""plangraph's benchmark of reading the genre: load time per 10,000 characters across the
genre corpus (it should stay flat as documents grow), and how long each limit-breaking file
takes to be refused (each should be well under 5 s).

    python scripts/bench_genre.py        # also run by make bench; writes docs/genre-performance.md
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from graph.errors import PlanLoadError  # noqa: E402
from loaders import load_plan  # noqa: E402
from loaders.reading.formats import read_plan_text  # noqa: E402
from loaders.reading.limits import InputLimits  # noqa: E402
from tests.hostile_files import deep_page, long_pdf, zip_bomb  # noqa: E402

CORPUS = ROOT / "tests" / "corpus"
RUNS = 3


def corpus_rows() -> list[list[object]]:
    load_plan(ROOT / "data" / "plans" / "hubei-standardization-2016-2020.txt")  # warm: jieba, profile
    rows: list[list[object]] = []
    for path in sorted(p for p in CORPUS.iterdir() if p.suffix in (".txt", ".html", ".docx", ".pdf")):
        chars = len(read_plan_text(path.read_bytes(), str(path)).text)
        times = []
        refused = False
        for _ in range(RUNS):
            started = time.perf_counter()
            try:
                load_plan(path)
            except PlanLoadError:
                refused = True  # timed all the same: refusing is reading too
            times.append(time.perf_counter() - started)
        seconds = statistics.median(times)
        rows.append(
            [
                path.name + (" (refused)" if refused else ""),
                path.suffix[1:],
                chars,
                f"{seconds * 1000:.0f}",
                f"{seconds * 1000 / chars * 10_000:.0f}",
            ]
        )
    return rows


def hostile_rows(folder: Path) -> list[list[object]]:
    limits = InputLimits()
    makers = [
        ("Word file inflating to 300 MB (zip bomb)", "bomb.docx", lambda p: zip_bomb(p, 300 << 20)),
        ("HTML page nested 200,000 deep", "deep.html", lambda p: deep_page(p, 200_000)),
        (
            f"PDF of {limits.max_pdf_pages + 1:,} pages",
            "long.pdf",
            lambda p: long_pdf(p, limits.max_pdf_pages + 1),
        ),
        (
            "text of 6,000,000 characters",
            "long.txt",
            lambda p: p.write_text("一、总体要求\n" + "字" * 6_000_000),
        ),
    ]
    rows: list[list[object]] = []
    for what, name, make in makers:
        path = folder / name
        make(path)
        started = time.perf_counter()
        try:
            load_plan(path)
            outcome = "loaded (not refused!)"
        except PlanLoadError as exc:
            outcome = exc.reason.split(":")[0]
        seconds = time.perf_counter() - started
        rows.append([what, f"{path.stat().st_size:,}", f"{seconds:.2f}", outcome])
    return rows


def table(header: list[str], rows: list[list[object]]) -> list[str]:
    return ["| " + " | ".join(header) + " |", "|" + "|".join(["---"] * len(header)) + "|"] + [
        "| " + " | ".join(str(cell) for cell in row) + " |" for row in rows
    ]


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--output", type=Path, default=ROOT / "docs" / "genre-performance.md")
    args = parser.parse_args()
    rows = corpus_rows()
    per_10k = [float(r[4]) for r in rows]
    with tempfile.TemporaryDirectory() as scratch:
        hostile = hostile_rows(Path(scratch))
    lines = [
        "# Reading the genre: speed and refusals",
        "",
        f"Load time of each corpus document (median of {RUNS}, link inference included), per 10,000",
        "characters of its text.",
        "",
        *table(["document", "format", "characters", "load ms", "ms per 10,000 characters"], rows),
        "",
        f"Per 10,000 characters: median {statistics.median(per_10k):.0f} ms, "
        f"from {min(per_10k):.0f} to {max(per_10k):.0f} ms.",
        "",
        "## Limit-breaking files: time to refuse (target: each under 5 s)",
        "",
        *table(["file", "bytes on disk", "seconds to refuse", "refused because"], hostile),
        "",
    ]
    text = "\n".join(lines)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
