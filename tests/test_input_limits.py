"""Files built to cost time or memory are refused by the input limits, quickly, with an error
that names the file, the limit and the setting; plans already loaded are not disturbed."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.errors import PlanLoadError
from loaders import load_plan, load_plans
from loaders.reading.limits import InputLimits
from tests.helpers import SEED
from tests.hostile_files import deep_page, long_pdf, zip_bomb


def test_a_zip_bomb_is_refused_before_it_is_inflated(tmp_path: Path) -> None:
    path = tmp_path / "bomb.docx"
    zip_bomb(path, 300 << 20)
    assert path.stat().st_size < 2_000_000
    with pytest.raises(PlanLoadError) as caught:
        load_plan(path)
    message = str(caught.value)
    assert (
        str(path) in message and "inflates to" in message and "PLANGRAPH_MAX_DOCX_INFLATED_BYTES" in message
    )


def test_a_deeply_nested_page_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "deep.html"
    deep_page(path, 200_000)
    with pytest.raises(PlanLoadError, match=r"nests elements 200,002 deep.*PLANGRAPH_MAX_HTML_DEPTH"):
        load_plan(path)


def test_a_file_over_the_size_limit_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "plan.txt"
    path.write_bytes(SEED.read_bytes())
    with pytest.raises(PlanLoadError, match="PLANGRAPH_MAX_FILE_BYTES"):
        load_plan(path, limits=InputLimits(max_file_bytes=1000))


def test_a_pdf_over_the_page_limit_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "long.pdf"
    long_pdf(path, 30)
    with pytest.raises(PlanLoadError, match=r"the PDF has 30 pages.*PLANGRAPH_MAX_PDF_PAGES"):
        load_plan(path, limits=InputLimits(max_pdf_pages=20))


def test_the_time_budget_names_the_stage_and_the_setting(tmp_path: Path) -> None:
    path = tmp_path / "plan.txt"
    path.write_bytes(SEED.read_bytes())
    with pytest.raises(PlanLoadError, match=r"more than the 0 s a document may take.*PLANGRAPH_LOAD_TIMEOUT"):
        load_plan(path, limits=InputLimits(load_timeout=0))


def test_limits_are_read_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PLANGRAPH_MAX_HTML_DEPTH", "12")
    assert InputLimits().max_html_depth == 12


def test_a_refused_file_leaves_the_others_of_its_folder_loaded(tmp_path: Path) -> None:
    (tmp_path / "a-plan.txt").write_bytes(SEED.read_bytes())
    deep_page(tmp_path / "b-deep.html", 5_000)
    result = load_plans([tmp_path])
    assert len(result.reports) == 1
    assert [Path(r.path).name for r in result.refused] == ["b-deep.html"]
