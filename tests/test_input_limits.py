"""Files built to cost time or memory are refused by the input limits, quickly, with an error
that names the file, the limit and the setting; plans already loaded are not disturbed."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from docx import Document

from graph.errors import PlanLoadError
from loaders import load_plan, load_plans
from loaders.limits import InputLimits
from tests.helpers import SEED


def zip_bomb(path: Path, inflated_bytes: int) -> None:
    """A Word file whose document part inflates to `inflated_bytes` of one repeated byte."""
    buffer = io.BytesIO()
    Document().save(buffer)
    with (
        zipfile.ZipFile(io.BytesIO(buffer.getvalue())) as source,
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as bomb,
    ):
        for item in source.infolist():
            bomb.writestr(item, source.read(item.filename))
        with bomb.open("word/padding.bin", "w", force_zip64=True) as padding:
            chunk = b"0" * (1 << 20)
            for _ in range(inflated_bytes // len(chunk)):
                padding.write(chunk)


def deep_page(path: Path, depth: int) -> None:
    path.write_text(
        "<html><body>" + "<div>" * depth + "一、总体要求" + "</div>" * depth + "</body></html>",
        encoding="utf-8",
    )


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
    from reportlab.pdfgen import canvas

    path = tmp_path / "long.pdf"
    pdf = canvas.Canvas(str(path))
    for page in range(30):
        pdf.drawString(72, 720, f"page {page}")
        pdf.showPage()
    pdf.save()
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
