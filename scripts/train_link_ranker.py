"""Fit the review queue's ranker to the first round of blind labels (tests/links/) and write
its weights to loaders/profiles/link-ranker.yaml. Prints how a model fitted to the other plans
ranks each plan (leave one plan out). The second round's plans are never read here.

    python scripts/train_link_ranker.py
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from graph.files import write_whole  # noqa: E402
from loaders import load_plans  # noqa: E402
from loaders.links.labels import leave_one_plan_out, read_judged_links, training_data  # noqa: E402
from loaders.links.ranking import RANKER_FILE, fit_ranker  # noqa: E402
from loaders.profile import load_profile  # noqa: E402
from tests.link_sets import LABELLED_PLANS, TRAINING_PLANS, reader_files  # noqa: E402

HEADER = """\
# The review queue's ranker (loaders/links/ranking.py): a logistic model over a candidate link's
# features, fitted by scripts/train_link_ranker.py to the first round of blind labels in
# tests/links/ (L2 penalty 100, chosen by leaving one plan out). Written by the script; do not
# edit by hand.
"""


def main() -> None:
    document = load_plans([LABELLED_PLANS[p] for p in TRAINING_PLANS], overlays=[]).document
    rules = load_profile().links
    sets = [read_judged_links(path, document) for plan_id in TRAINING_PLANS for path in reader_files(plan_id)]
    for plan_id, scores in leave_one_plan_out(document, sets, rules).items():
        print(
            f"{plan_id}: fitted to the others, top-20 {scores.top_20:.2f}, top-50 {scores.top_50:.2f}, "
            f"recall at 100 {scores.recall_at_100:.2f}"
        )
    rows, labels = training_data(document, sets, rules)
    ranker = fit_ranker(rows, labels, fitted_to=TRAINING_PLANS)
    weights = "\n".join(f"  {name}: {value}" for name, value in ranker.weights.items())
    fitted = "\n".join(f"  - {plan_id}" for plan_id in ranker.fitted_to)
    text = HEADER + f"fitted_to:\n{fitted}\nbias: {ranker.bias}\nweights:\n{weights}\n"
    write_whole(RANKER_FILE, text)
    print(f"{len(labels)} judged pairs ({sum(labels)} plain); weights written to {RANKER_FILE}")


if __name__ == "__main__":
    main()
