"""Bytes of any format planners have → plain text with one paragraph per line, plus tables.

The format is read from the content, not the file name: a PDF starts with ``%PDF-``, a
Word file is a zip holding ``word/document.xml``, an HTML page has HTML tags; anything else
is text. Plans copied from PDFs and fixed-width text come hard-wrapped; `unwrap` joins
their lines back into paragraphs.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from graph.errors import PlanLoadError
from loaders.reading.decoding import decode_plan
from loaders.reading.limits import InputLimits
from loaders.reading.pdf_tables import tables_as_tab_rows
from loaders.reading.tables import (
    Table,
    as_line,
    caption_above,
    grid,
    html_tables,
    is_grid,
    items_of_a_numbered_list,
)
from loaders.reading.unwrapping import in_columns, unwrap
from loaders.reading.word97 import OLE_SIGNATURE, read_word97

__all__ = ["PLAN_SUFFIXES", "READERS", "PlanText", "Reader", "read_plan_text", "unwrap"]


_HTML = re.compile(r"<(?:!doctype\s+html|html|body|div|p|article)[\s>]", re.IGNORECASE)
_PAGE_NUMBER = re.compile(r"^[-—–\s]*(?:第\s*)?\d{1,4}(?:\s*页)?(?:\s*/\s*\d{1,4})?[-—–\s]*$")
_TAG = re.compile(r"<(/?)([a-zA-Z][\w:-]*)[^<>]*?(/?)>")
_VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())
_NOISE_BLOCKS = ("script", "style", "nav", "header", "footer", "aside", "form", "noscript", "iframe")
_NOISE_MARKERS = re.compile(
    r"nav|menu|breadcrumb|crumb|footer|header|share|sidebar|banner|toolbar|position|location"
)


@dataclass(slots=True)
class PlanText:
    text: str
    format: str
    tables: list[Table] = field(default_factory=list)
    #: A title the file carries apart from its text: HTML <h1>/<title>, Word core properties.
    title_hint: str | None = None


def read_plan_text(raw: bytes, path: str, limits: InputLimits | None = None) -> PlanText:
    """Raise `PlanLoadError` naming the file when its content cannot be read as a plan, or
    when it breaks one of the input limits."""
    limits = limits or InputLimits()
    reader = next((r for r in READERS if r.recognises(raw)), _TEXT)
    plan_text = reader.read(raw, path, limits)
    if len(plan_text.text) > limits.max_text_chars:
        raise limits.refuse(path, f"the text has {len(plan_text.text):,} characters", "max_text_chars")
    return plan_text


@dataclass(frozen=True, slots=True)
class Reader:
    """One input format: the file name endings it is found by in a folder, how its content is
    recognised, and how it is read."""

    suffixes: tuple[str, ...]
    recognises: Callable[[bytes], bool]
    read: Callable[[bytes, str, InputLimits], PlanText]


def _text_or_page(raw: bytes, path: str, limits: InputLimits) -> PlanText:
    text = decode_plan(raw, path)
    if len(text) > limits.max_text_chars:
        raise limits.refuse(path, f"the text has {len(text):,} characters", "max_text_chars")
    if _HTML.search(text[:4000]):
        return _html(text, path, limits)
    return PlanText(unwrap(text), "txt")


# -- PDF ---------------------------------------------------------------------------------------


def _pdf(raw: bytes, path: str, limits: InputLimits) -> PlanText:
    lines = _pdf_text(raw, path, limits).splitlines()
    # A table's row keeps its single spaces: they may be all that stands between two cells.
    text = "\n".join(line if in_columns(line) else _NUMBER_SET_APART.sub("", line) for line in lines)
    return PlanText(unwrap(text, force=True), "pdf")


#: 到2027 年, 2 个月: the single space a PDF's text layer sets between a number and the words around
#: it (wider gaps, a table's columns, stay).
_NUMBER_SET_APART = re.compile(r"(?<=[\d%])[ ](?=[\u4e00-\u9fff])|(?<=[\u4e00-\u9fff])[ ](?=\d)")


def _pdf_text(raw: bytes, path: str, limits: InputLimits) -> str:
    """The text layer, laid out: lines keep their indentation, which tells where a paragraph
    starts (relative to the page's left margin)."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(raw))
        if len(reader.pages) > limits.max_pdf_pages:
            raise limits.refuse(path, f"the PDF has {len(reader.pages):,} pages", "max_pdf_pages")
        pages: list[str] = []
        chars = 0
        for page in reader.pages:
            pages.append(page.extract_text(extraction_mode="layout") or "")
            chars += len(pages[-1])
            if chars > limits.max_text_chars:
                raise limits.refuse(path, f"the PDF has over {chars:,} characters", "max_text_chars")
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, OSError, ZeroDivisionError) as exc:
        raise PlanLoadError(path, f"the PDF cannot be read: {exc}") from None
    if not any(p.strip() for p in pages):
        raise PlanLoadError(path, "the PDF has no text layer (a scan?)")
    return "\n".join(tables_as_tab_rows(_strip_page_furniture([_dedent(page) for page in pages])))


def _dedent(page: str) -> list[str]:
    lines = [line.rstrip() for line in page.splitlines() if line.strip()]
    margin = min((len(line) - len(line.lstrip()) for line in lines), default=0)
    return [line[margin:] for line in lines]


def _strip_page_furniture(pages: list[list[str]]) -> list[str]:
    """Drop page numbers, and running headers or footers: lines that open or close most pages,
    alike but for their numbers and spacing (a browser's print of a page: 2026/7/26 13:02 ……
    at the top, its address and 1/8 at the foot). Text a PDF sets twice over to make it bold is
    read once."""
    edges = Counter(_furniture_key(line) for page in pages if page for line in {page[0], page[-1]})
    running = {line for line, count in edges.items() if len(pages) > 2 and count >= len(pages) * 0.6}
    return [
        _set_once(line)
        for page in pages
        for line in page
        if _furniture_key(line) not in running and not _PAGE_NUMBER.match(line)
    ]


def _furniture_key(line: str) -> str:
    return re.sub(r"[\s\d]", "", line)


def _set_once(line: str) -> str:
    """一 、 总 体 要 求一 、 总 体 要 求 → 一、总体要求: a heading set bold by drawing it twice, and
    spaced out a character at a time to the width of the page."""
    indent, text = line[: len(line) - len(line.lstrip())], line.strip()
    half = len(text) // 2
    if len(text) >= 4 and len(text) % 2 == 0 and text[:half] == text[half:] and not text.isdigit():
        text = text[:half]
    if _SPACED_OUT.fullmatch(text):
        text = re.sub(r"\s+", "", text)
    return indent + text


#: A line of single characters set apart by spaces (国 务 院 办 公 厅), no figures among them.
_SPACED_OUT = re.compile(r"[^\s\d](?:\s+[^\s\d]){3,}")


# -- Word --------------------------------------------------------------------------------------


def _docx(raw: bytes, path: str, limits: InputLimits) -> PlanText:
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            if "word/document.xml" not in archive.namelist():
                raise PlanLoadError(path, "a zip archive, but not a Word (.docx) document")
            # Checked before anything is inflated: a zip bomb is refused at the cost of its index.
            inflated = sum(info.file_size for info in archive.infolist())
            if inflated > limits.max_docx_inflated_bytes:
                raise limits.refuse(
                    path, f"the Word file inflates to {inflated:,} bytes", "max_docx_inflated_bytes"
                )
    except zipfile.BadZipFile:
        raise PlanLoadError(path, "a damaged zip or Word file") from None
    from docx import Document
    from docx.table import Table as DocxTable
    from docx.text.paragraph import Paragraph as DocxParagraph

    try:
        document = Document(io.BytesIO(raw))
    except (KeyError, ValueError, zipfile.BadZipFile) as exc:
        raise PlanLoadError(path, f"the Word document cannot be read: {exc}") from None
    lines: list[str] = []
    tables: list[Table] = []
    for block in document.element.body.iterchildren():
        if block.tag.endswith("}p"):
            lines.append(DocxParagraph(block, document).text)
        elif block.tag.endswith("}tbl"):
            table = DocxTable(block, document)
            _place_table([[cell.text.strip() for cell in row.cells] for row in table.rows], lines, tables)
    title = (document.core_properties.title or "").strip() or None
    return PlanText("\n".join(lines), "docx", tables, title_hint=title)


def _place_table(rows: list[list[str]], lines: list[str], tables: list[Table]) -> None:
    """A Word table where it stands: a numbered list laid out as a table (一、 | 加大……) is its
    items' lines; any other is a table, and in the text too, a row to a line and its cells between
    tabs (as a table copied from a word processor comes out): what it holds is the plan's text."""
    if items := items_of_a_numbered_list(rows):
        lines += items
        return
    tables.append(Table(rows, caption_above(reversed(lines))))
    lines += [as_line(row) for row in rows]


def _doc(raw: bytes, path: str, limits: InputLimits) -> PlanText:
    """A Word 97–2003 file: its paragraphs, and its tables as the .docx reader gives them (a
    table's rows come one block each, up to the paragraph after them)."""
    word = read_word97(raw, path)
    lines: list[str] = []
    tables: list[Table] = []
    rows: list[list[str]] = []
    for block in word.blocks:
        if isinstance(block, list):
            rows.append(block)
            continue
        if rows:
            _place_table(rows, lines, tables)
            rows = []
        lines.append(block)
    if rows:
        _place_table(rows, lines, tables)
    return PlanText("\n".join(lines), "doc", tables, title_hint=word.title)


# -- HTML --------------------------------------------------------------------------------------


def _html(html: str, path: str, limits: InputLimits) -> PlanText:
    depth = _html_depth(html)
    if depth > limits.max_html_depth:
        raise limits.refuse(path, f"the page nests elements {depth:,} deep", "max_html_depth")
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "html.parser")
    title = _page_title(soup)  # before the page's header, where an <h1> may stand, is dropped
    text = _html_text(soup)
    return PlanText(text, "html", html_tables(soup), title_hint=title)


def _html_depth(html: str) -> int:
    """How deep the page's elements nest, from its tags alone (void and self-closed elements
    do not nest): measured before parsing, which is slow on a page built to be deep."""
    depth = deepest = 0
    for match in _TAG.finditer(html):
        closing, name, self_closed = match.group(1), match.group(2).lower(), match.group(3)
        if closing:
            depth = max(depth - 1, 0)
        elif not self_closed and name not in _VOID:
            depth += 1
            deepest = max(deepest, depth)
    return deepest


def _page_title(soup) -> str | None:  # type: ignore[no-untyped-def]
    """The page's own title: the portal's <meta name="ArticleTitle">, else its first <h1>, else
    its <title>."""
    meta = soup.find("meta", attrs={"name": re.compile("^articletitle$", re.IGNORECASE)})
    if meta is not None and str(meta.get("content") or "").strip():
        return str(meta["content"]).strip()
    for tag in (soup.find("h1"), soup.find("title")):
        if tag is not None and tag.get_text(strip=True):
            return tag.get_text(" ", strip=True)
    return None


def _html_text(soup) -> str:  # type: ignore[no-untyped-def]
    """The article body of a government web page, one paragraph per line: navigation,
    breadcrumbs, headers and footers dropped."""
    from bs4 import NavigableString

    for tag in soup(_NOISE_BLOCKS):
        tag.decompose()
    for tag in soup.find_all(True):
        if tag.decomposed or tag.attrs is None:
            continue
        marker = " ".join([*(tag.get("class") or []), tag.get("id") or ""])
        if marker and _NOISE_MARKERS.search(marker.lower()):
            tag.decompose()
    root = soup.body or soup
    # A line break in the page's source is only white space: a bracket or heading split over
    # source lines or inline tags (（…<strong>按职责</strong>\n<strong>分工负责</strong>）) is one line.
    for string in root.find_all(string=re.compile("\n")):
        if string.parent is not None and string.parent.name != "pre" and type(string) is NavigableString:
            string.replace_with(re.sub(r"\s*\n\s*", "", str(string)))
    for br in root.find_all("br"):
        br.replace_with("\n")
    return "\n".join(line for chunk in _block_texts(root) for line in chunk.split("\n"))


#: Elements that stand on lines of their own: text before and after one is another paragraph.
_BLOCK_TAGS = frozenset(
    "p h1 h2 h3 h4 h5 h6 li td th tr div dd dt dl ul ol table section article blockquote pre center".split()
)
_BLOCK_END = object()


def _block_texts(root) -> list[str]:  # type: ignore[no-untyped-def]
    """The page's text, block by block in the order it reads: a paragraph, a cell, and also text
    set straight in a <div> (a signature and its date, right-aligned), which portals often use.
    Walked with a stack, not recursion, however deep the page nests."""
    from bs4 import NavigableString

    texts: list[str] = []
    current: list[str] = []
    numbered_lists: dict[int, dict[int, int]] = {}

    def close_block() -> None:
        if current:
            texts.append("".join(current))
            current.clear()

    stack = [iter([root])]
    while stack:
        node = next(stack[-1], None)
        if node is None:
            stack.pop()
        elif node is _BLOCK_END:
            close_block()
        elif isinstance(node, NavigableString):
            if type(node) is NavigableString:  # not a comment or a doctype
                current.append(str(node))
        elif node.name == "table" and is_grid(node):
            # A table of data (a division of tasks, indicators): a row to a line, its cells
            # between tabs, as a table copied from a word processor comes out.
            close_block()
            rows = grid(node)
            # A numbered list laid out as a table (一、 | 加大……) reads as the list it is.
            texts += items_of_a_numbered_list(rows) or [as_line(row) for row in rows if any(row)]
        elif node.name in _BLOCK_TAGS:
            close_block()
            if node.name == "li" and (number := _list_number(node, numbered_lists)):
                current.append(number)
            stack.append(iter([*node.children, _BLOCK_END]))
        else:
            stack.append(iter(list(node.children)))
    close_block()
    return texts


def _list_number(item, numbered_lists: dict[int, dict[int, int]]) -> str | None:  # type: ignore[no-untyped-def]
    """The number a browser sets before an item of an ordered list (<ol><li>加大……), which the
    page's text does not hold: "3." for the third, counted from the list's start. None where the
    item writes its own (一、……), the list is not numbered in figures, or it is a list of links
    or titles, not of sentences (most items hold no 。 or ；). `numbered_lists` keeps, by each
    list's id, its items' positions by theirs (none for a list not numbered)."""
    from bs4 import Tag

    parent = item.parent
    if parent is None or parent.name != "ol":
        return None
    if id(parent) not in numbered_lists:
        items = [child for child in parent.children if isinstance(child, Tag) and child.name == "li"]
        sentences = sum(1 for child in items if re.search("[。；]", child.get_text()))
        numbered = str(parent.get("type") or "1") == "1" and sentences * 2 > len(items)
        numbered_lists[id(parent)] = {id(child): at for at, child in enumerate(items)} if numbered else {}
    position = numbered_lists[id(parent)].get(id(item))
    if position is None or re.match(r"\s*(?:[一二三四五六七八九十\d（(①-⑳]|第)", item.get_text()):
        return None
    start = str(parent.get("start") or "1")
    return f"{(int(start) if start.isdigit() else 1) + position}."


# -- the formats -------------------------------------------------------------------------------

_TEXT = Reader((".txt", ".html", ".htm"), lambda raw: True, _text_or_page)
#: Content is recognised in this order; text (and HTML, told by its tags) is the last resort.
READERS: tuple[Reader, ...] = (
    Reader((".pdf",), lambda raw: raw.startswith(b"%PDF-"), _pdf),
    Reader(
        (".docx",),
        lambda raw: raw.startswith(b"PK\x03\x04"),
        _docx,
    ),
    Reader((".doc",), lambda raw: raw.startswith(OLE_SIGNATURE), _doc),
    _TEXT,
)
#: The file name endings a folder of plans is searched for.
PLAN_SUFFIXES = tuple(suffix for reader in READERS for suffix in reader.suffixes)
