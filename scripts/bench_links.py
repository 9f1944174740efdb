"""plangraph's measure of link ranking: the review queue against the links two readers
labelled blind in tests/links/, and the graph's links against the same sets. The queue's ranker
is fitted to the first round's plans, so their figures are those of a model fitted to the other
plans (leave one plan out); the second round's plans are held out.

    python scripts/bench_links.py     # also run by make bench; writes the table in docs/link-ranking.md
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from graph.files import write_whole  # noqa: E402
from loaders import load_plans  # noqa: E402
from loaders.links.labels import Judgement, leave_one_plan_out, measure_links  # noqa: E402
from loaders.profile import load_profile  # noqa: E402
from tests.link_sets import LABELLED_PLANS, TRAINING_PLANS, read_sets  # noqa: E402

DOC = ROOT / "docs" / "link-ranking.md"
MARK = "<!-- figures -->"


def main() -> None:
    document = load_plans(list(LABELLED_PLANS.values()), overlays=[]).document
    rules = load_profile().links
    sets = read_sets(document)
    measures = measure_links(document, sets, rules)
    apart = leave_one_plan_out(document, [s for s in sets if s.plan_id in TRAINING_PLANS], rules)
    rows = [
        "| plan | round | candidate pairs | kappa | yes | ambiguous | top-20 precision | top-50 precision "
        "| recall at 100 | graph links: precision | recall |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for m in sorted(measures, key=lambda m: (m.plan_id not in TRAINING_PLANS, m.plan_id)):
        queue = apart.get(m.plan_id, m.queue)
        held = "1 (left out of the fit)" if m.plan_id in TRAINING_PLANS else "2 (held out)"
        ambiguous = sum(j is Judgement.AMBIGUOUS for j in m.labelled.judgements.values())
        rows.append(
            f"| {m.plan_id} | {held} | {m.candidate_pairs} | {m.kappa:.2f} | {queue.defensible} | {ambiguous} "
            f"| {queue.top_20:.2f} | {queue.top_50:.2f} | {queue.recall_at_100:.2f} "
            f"| {m.graph.precision:.2f} | {m.graph.recall:.2f} |"
        )
    table = "\n".join(rows)
    print(table)
    parts = DOC.read_text(encoding="utf-8").split(MARK) if DOC.exists() else []
    head, tail = (parts[0], parts[2]) if len(parts) == 3 else ("# Link ranking\n\n", "")
    write_whole(DOC, f"{head}{MARK}\n{table}\n{MARK}{tail}")


if __name__ == "__main__":
    main()
