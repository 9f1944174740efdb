"""Word 97–2003 documents (.doc), as portals still publish plans and their attachments: the text of
the main document, read off the file's piece table ([MS-DOC] 2.4.1), its paragraphs and its
tables' rows.

A .doc is an OLE compound file (read with `olefile`) whose WordDocument stream holds the text in
pieces, each either 8-bit (Latin) or UTF-16 (Chinese); the piece table that orders them stands in
the 0Table or 1Table stream, where the File Information Block at the stream's start says. Marks
stand in the text for its structure: \\r ends a paragraph, \\x07 a table's cell (twice: a row),
\\x13 … \\x14 … \\x15 a field (a hyperlink's code, then what the page shows). Everything is
bounded by the streams' own lengths: a damaged or hostile file is refused, never read past."""

from __future__ import annotations

import io
import struct
from dataclasses import dataclass, field

from graph.errors import PlanLoadError

__all__ = ["OLE_SIGNATURE", "WordText", "read_word97"]

#: The first bytes of an OLE compound file (.doc, and .xls, .ppt, .wps alike).
OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
#: The sector and mini-sector sizes an OLE header may give, as powers of two (512 or 4096; 64).
_SECTOR_SHIFTS = ((9, 6), (12, 6))
_WORD_IDENT = 0xA5EC
#: The first File Information Block version of Word 97; Word 6 and 95 keep their text otherwise.
_WORD97 = 0x00C1
_ENCRYPTED, _TABLE_ONE = 0x0100, 0x0200
#: Where, in the list of (offset, length) pairs after the FIB's fixed part, the piece table's are.
_CLX_PAIR = 33
_COMPRESSED = 0x40000000
_CELL, _PARAGRAPH = "\x07", "\r"
_FIELD_BEGIN, _FIELD_SEPARATOR, _FIELD_END = "\x13", "\x14", "\x15"
#: Marks that stand for a line break, and for nothing the text says (a picture, a note's
#: reference, an optional hyphen).
_BREAKS = {"\x0b": "\n", "\x0c": "\n", "\x0e": "\n"}
_DROPPED = dict.fromkeys(map(ord, "\x01\x02\x03\x04\x05\x08\x1f"), None) | {0x1E: "-", 0xA0: " "}


@dataclass(slots=True)
class WordText:
    """What a .doc holds: its blocks in order — a paragraph's text, or a table row's cells — and
    the title its document properties give, if any."""

    blocks: list[str | list[str]] = field(default_factory=list)
    title: str | None = None


def read_word97(raw: bytes, path: str) -> WordText:
    """The main document of a Word 97–2003 file; `PlanLoadError` naming the file where it is not
    one, is encrypted, or is damaged."""
    import olefile

    # The sector sizes the header gives, checked first: olefile computes 2 to their power.
    if len(raw) < 0x22 or struct.unpack_from("<HH", raw, 0x1E) not in _SECTOR_SHIFTS:
        raise PlanLoadError(path, "a damaged OLE (Word 97–2003) file: its header gives no valid sector size")
    try:
        ole = olefile.OleFileIO(io.BytesIO(raw))
    except (OSError, ValueError) as exc:
        raise PlanLoadError(path, f"a damaged OLE (Word 97–2003) file: {exc}") from None
    with ole:
        if not ole.exists("WordDocument"):
            raise PlanLoadError(path, "an OLE compound file, but not a Word 97–2003 (.doc) document")
        try:
            document = ole.openstream("WordDocument").read()
            text = _main_text(document, ole, path)
            title = _title(ole)
        except (OSError, ValueError, struct.error, IndexError) as exc:
            raise PlanLoadError(path, f"a damaged Word 97–2003 document: {exc}") from None
    return WordText(_blocks(_without_field_codes(text)), title)


def _main_text(document: bytes, ole, path: str) -> str:  # type: ignore[no-untyped-def]
    ident, version = struct.unpack_from("<HH", document, 0)
    (flags,) = struct.unpack_from("<H", document, 0x0A)
    if ident != _WORD_IDENT:
        raise PlanLoadError(path, "a Word 97–2003 file whose document stream is not Word's")
    if version < _WORD97:
        raise PlanLoadError(path, "a Word 6.0/95 document: save it as .docx (or Word 97–2003) to load it")
    if flags & _ENCRYPTED:
        raise PlanLoadError(path, "an encrypted Word document: save it without a password to load it")
    # The FIB's fixed part, then three arrays, each after its count: 16-bit words, 32-bit
    # words (the main document's length among them) and (offset, length) pairs.
    position = 0x20
    (words,) = struct.unpack_from("<H", document, position)
    position += 2 + 2 * words
    (longs,) = struct.unpack_from("<H", document, position)
    (main_length,) = struct.unpack_from("<i", document, position + 2 + 12)
    position += 2 + 4 * longs + 2
    clx_at, clx_length = struct.unpack_from("<II", document, position + 8 * _CLX_PAIR)
    table = ole.openstream("1Table" if flags & _TABLE_ONE else "0Table").read()
    clx = table[clx_at : clx_at + clx_length]
    pieces = "".join(_pieces(clx, document, path))
    return pieces[: max(main_length, 0)]


def _pieces(clx: bytes, document: bytes, path: str) -> list[str]:
    """The text of each piece the piece table lists, in order."""
    at = 0
    while at < len(clx) and clx[at] == 0x01:  # formatting the pieces share: passed over
        (size,) = struct.unpack_from("<h", clx, at + 1)
        at += 3 + max(size, 0)
    if at >= len(clx) or clx[at] != 0x02:
        raise PlanLoadError(path, "a Word 97–2003 document without a readable piece table")
    (length,) = struct.unpack_from("<I", clx, at + 1)
    table = clx[at + 5 : at + 5 + length]
    count = (len(table) - 4) // 12
    positions = struct.unpack_from(f"<{count + 1}I", table, 0)
    texts = []
    for index in range(count):
        (offset,) = struct.unpack_from("<I", table, 4 * (count + 1) + 8 * index + 2)
        characters = max(positions[index + 1] - positions[index], 0)
        if offset & _COMPRESSED:
            start = (offset & ~_COMPRESSED) // 2
            texts.append(document[start : start + characters].decode("cp1252", errors="replace"))
        else:
            texts.append(document[offset : offset + 2 * characters].decode("utf-16-le", errors="replace"))
    return texts


def _without_field_codes(text: str) -> str:
    """A field's result kept, its code dropped (HYPERLINK "http://…" 某某文件 → 某某文件)."""
    if _FIELD_BEGIN not in text:
        return text
    kept: list[str] = []
    showing: list[bool] = []  # for each field open here: whether its result is being read
    hidden = 0  # how many of them are still in their code
    for character in text:
        if character == _FIELD_BEGIN:
            showing.append(False)
            hidden += 1
        elif character == _FIELD_SEPARATOR and showing and not showing[-1]:
            showing[-1] = True
            hidden -= 1
        elif character == _FIELD_END and showing:
            hidden -= not showing.pop()
        elif not hidden:
            kept.append(character)
    return "".join(kept)


def _blocks(text: str) -> list[str | list[str]]:
    """Paragraphs, and table rows as lists of cells. A cell's mark ends it, and a second mark
    straight after ends the row (a row's own mark follows its last cell's) — unless the row has
    fewer cells than the one before it, where the mark ends an empty cell."""
    blocks: list[str | list[str]] = []
    row: list[str] = []
    current: list[str] = []
    after_cell = False
    width = 0  # the cells of the table's last row
    for character in text:
        if character == _CELL:
            if after_cell and not current and len(row) >= width:
                blocks.append(row)
                row, after_cell, width = [], False, len(row)
                continue
            row.append(_clean("".join(current)).strip())
            current, after_cell = [], True
        elif character == _PARAGRAPH and not row:
            blocks.append(_clean("".join(current)))
            current, after_cell, width = [], False, 0
        elif character == _PARAGRAPH:
            current.append("\n")  # a cell of several paragraphs
            after_cell = False
        else:
            current.append(character)
            after_cell = False
    if row:
        blocks.append(row)
    if current:
        blocks.append(_clean("".join(current)))
    return blocks


def _clean(text: str) -> str:
    for mark, replacement in _BREAKS.items():
        text = text.replace(mark, replacement)
    return text.translate(_DROPPED)


def _title(ole) -> str | None:  # type: ignore[no-untyped-def]
    """The title the document's summary properties give, in the code page they are written in."""
    metadata = ole.get_metadata()
    title = metadata.title
    if not title:
        return None
    if isinstance(title, str):
        return title.strip() or None
    # Stored as a signed 16-bit number: UTF-8's 65001 reads as -535.
    codepage = metadata.codepage & 0xFFFF if isinstance(metadata.codepage, int) and metadata.codepage else 936
    encoding = "utf-16-le" if codepage == 1200 else f"cp{codepage}"
    try:
        return title.decode(encoding, errors="replace").strip("\x00 ") or None
    except LookupError:
        return None
