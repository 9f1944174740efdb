"""plangraph's measure of link ranking: the review queue against the links two readers
labelled blind in tests/links/ (held out: nothing is tuned on them), and the graph's links
against the same sets.

    python scripts/bench_links.py     # also run by make bench; writes docs/link-ranking.md
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from graph.files import write_whole  # noqa: E402
from loaders import load_plans  # noqa: E402
from loaders.link_labels import Judgement, measure_links  # noqa: E402
from loaders.profile import load_profile  # noqa: E402
from tests.link_sets import LABELLED_PLANS, read_sets  # noqa: E402

DOC = ROOT / "docs" / "link-ranking.md"


def main() -> None:
    document = load_plans(list(LABELLED_PLANS.values()), overlays=[]).document
    measures = measure_links(document, read_sets(document), load_profile().links)
    rows = [
        "| plan | candidate pairs | kappa | yes | ambiguous | top-20 precision | top-50 precision "
        "| recall at 100 | graph links: precision | recall |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for m in measures:
        ambiguous = sum(j is Judgement.AMBIGUOUS for j in m.labelled.judgements.values())
        rows.append(
            f"| {m.plan_id} | {m.candidate_pairs} | {m.kappa:.2f} | {m.queue.defensible} | {ambiguous} "
            f"| {m.queue.top_20:.2f} | {m.queue.top_50:.2f} | {m.queue.recall_at_100:.2f} "
            f"| {m.graph.precision:.2f} | {m.graph.recall:.2f} |"
        )
    table = "\n".join(rows)
    print(table)
    text = (DOC.read_text(encoding="utf-8") if DOC.exists() else "").split("<!-- figures -->")
    head = text[0] if len(text) == 3 else "# Link ranking\n\n"
    tail = text[2] if len(text) == 3 else ""
    write_whole(DOC, f"{head}<!-- figures -->\n{table}\n<!-- figures -->{tail}")


if __name__ == "__main__":
    main()
