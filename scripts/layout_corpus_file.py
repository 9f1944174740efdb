"""Lay out a corpus text as a Word file or a PDF, the way the corpus's .docx and .pdf were made.

    python scripts/layout_corpus_file.py tests/corpus/some-plan.txt --to docx
    python scripts/layout_corpus_file.py tests/corpus/some-plan.txt --to pdf --header 某某省人民政府办公厅文件

One paragraph per non-empty line of the text; a line that starts with a full-width space is indented
(as in the source), the others are set flush (notice lines, title, signature). The PDF carries a
running header and page numbers, as printed plans do, which the loader must ignore. The output is
written beside the text with the new suffix; the text itself is left for the caller to delete.
"""

from __future__ import annotations

import argparse
import io
from pathlib import Path


def docx_bytes(text: str) -> bytes:
    from docx import Document

    document = Document()
    for line in text.splitlines():
        if line.strip():
            document.add_paragraph(line.strip())
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def pdf_bytes(text: str, header: str) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    flush = ParagraphStyle("flush", fontName="STSong-Light", fontSize=11, leading=16, wordWrap="CJK")
    indented = ParagraphStyle("indented", parent=flush, firstLineIndent=22)

    def furniture(canvas, document) -> None:  # type: ignore[no-untyped-def]
        canvas.setFont("STSong-Light", 9)
        if header:
            canvas.drawString(72, A4[1] - 40, header)
        canvas.drawString(A4[0] / 2, 30, f"- {document.page} -")

    def escaped(line: str) -> str:
        return line.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, pagesize=A4).build(
        [
            Paragraph(escaped(line.strip("\u3000 ")), indented if line.startswith("\u3000") else flush)
            for line in text.splitlines()
            if line.strip()
        ],
        onFirstPage=furniture,
        onLaterPages=furniture,
    )
    return buffer.getvalue()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("text", type=Path)
    parser.add_argument("--to", choices=["docx", "pdf"], required=True)
    parser.add_argument("--header", default="", help="running header of the PDF's pages")
    arguments = parser.parse_args()
    text = arguments.text.read_text(encoding="utf-8")
    data = docx_bytes(text) if arguments.to == "docx" else pdf_bytes(text, arguments.header)
    target = arguments.text.with_suffix(f".{arguments.to}")
    target.write_bytes(data)
    print(target)


if __name__ == "__main__":
    main()
