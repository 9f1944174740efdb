"""The genre corpus: real plans other than the shipped one, each checked against the
expectations a person wrote from reading it (tests/corpus/GUIDELINE.md, sources in
tests/corpus/README.md).

The corpus is the acceptance set of the genre loader: at least 95% of all its expectations hold,
and no document falls below 90%. What does not hold is printed, so the next gap shows itself."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from tests.corpus_check import Checked, check_document, expectation_files

FILES = expectation_files()


@cache
def _checked(path: Path) -> Checked:
    return check_document(path)


def test_the_corpus_spans_the_genre() -> None:
    suffixes = {path.name.split(".expected")[0] for path in FILES}
    formats = {p.suffix for p in (Path(__file__).parent / "corpus").iterdir() if p.stem in suffixes}
    assert len(FILES) >= 8
    assert {".txt", ".html", ".docx", ".pdf"} <= formats


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name.split(".expected")[0])
def test_each_document_loads_and_reads_as_written(path: Path) -> None:
    checked = _checked(path)
    for failure in checked.failed:
        print(f"{checked.name}: not as expected: {failure}")
    assert checked.share >= 0.90, f"{checked.name}: {checked.share:.2%}"


def test_the_corpus_reads_at_least_95_percent_as_written() -> None:
    checked = [_checked(path) for path in FILES]
    held = sum(len(c.held) for c in checked)
    total = sum(len(c.held) + len(c.failed) for c in checked)
    assert held / total >= 0.95, f"{held} of {total}"
