"""The hand-labelled link sets of tests/links/: which plan files they judge, and the sets read."""

from __future__ import annotations

from pathlib import Path

from graph.model import GraphDocument
from loaders.links.labels import LabelledSet, read_judged_links

ROOT = Path(__file__).resolve().parent.parent
LINKS = ROOT / "tests" / "links"
#: Each labelled plan's file; both readers' sets of it are tests/links/<plan id>.reader-*.yaml.
LABELLED_PLANS = {
    "hubei-standardization-2016-2020": ROOT / "data" / "plans" / "hubei-standardization-2016-2020.txt",
    "qingdao-ai-industry-2024-2026": ROOT / "tests" / "corpus" / "qingdao-ai-industry-2024-2026.txt",
    "national-agri-mechanization-2018": ROOT / "tests" / "corpus" / "national-agri-mechanization-2018.html",
    "jinan-new-generation-ai-2024-2026": ROOT / "tests" / "corpus" / "jinan-new-generation-ai-2024-2026.docx",
    "national-sports-competition-industry-2018": ROOT
    / "tests"
    / "corpus"
    / "national-sports-competition-industry-2018.pdf",
}


#: The plans labelled in each round: the ranker is fitted to the first round's
#: (scripts/train_link_ranker.py); the second round was labelled after it and is held out.
TRAINING_PLANS = (
    "hubei-standardization-2016-2020",
    "qingdao-ai-industry-2024-2026",
    "national-agri-mechanization-2018",
)
HELD_OUT_PLANS = ("jinan-new-generation-ai-2024-2026", "national-sports-competition-industry-2018")


def reader_files(plan_id: str | None = None) -> list[Path]:
    return sorted(LINKS.glob(f"{plan_id or '*'}.reader-*.yaml"))


def read_sets(document: GraphDocument) -> list[LabelledSet]:
    return [read_judged_links(path, document) for path in reader_files()]
