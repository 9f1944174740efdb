"""Files built to cost a reader time or memory, for the input-limit tests and the benchmark."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

__all__ = ["deep_page", "long_pdf", "zip_bomb"]


def zip_bomb(path: Path, inflated_bytes: int) -> None:
    """A Word file whose parts inflate to `inflated_bytes` of one repeated byte (a few hundred
    kilobytes on disk)."""
    from docx import Document

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
    """An HTML page whose elements nest `depth` deep."""
    path.write_text(
        "<html><body>" + "<div>" * depth + "一、总体要求" + "</div>" * depth + "</body></html>",
        encoding="utf-8",
    )


def long_pdf(path: Path, pages: int) -> None:
    """A PDF of `pages` pages with a line of text on each."""
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path))
    for page in range(pages):
        pdf.drawString(72, 720, f"page {page}")
        pdf.showPage()
    pdf.save()
