"""Word 97–2003 files (.doc), as portals still publish plans: read as the Word file they were
saved from, found by their content and by their name, and refused clearly when damaged, foreign
or encrypted.

`tests/data/hubei-standardization-2016-2020-word97.doc` is the seed plan with a division table
after it (the table of `test_formats.test_a_task_division_table_in_a_word_file`), laid out as
.docx with python-docx and saved as “MS Word 97” by LibreOffice 7 (`soffice --headless
--convert-to doc`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.errors import PlanLoadError
from graph.model import EntityKind, RelationType, Role
from loaders import load_plan, load_plans
from loaders.reading.formats import read_plan_text
from tests.helpers import PLAN, ROOT, linked, named
from tests.test_formats import _docx
from tests.test_variants import signature

WORD97 = ROOT / "tests" / "data" / "hubei-standardization-2016-2020-word97.doc"
TABLE = [
    ["序号", "重点任务", "牵头单位", "配合单位"],
    ["1", "转变标准供给方式", "省质监局", "省发展改革委、省经信委"],
    ["9", "9.加强标准化信息化建设。", "省质监局", "省经信委"],
    ["11", "组建标准化联盟", "省质监局", ""],
]


def _copy(tmp_path: Path, name: str, data: bytes | None = None) -> Path:
    path = tmp_path / name
    path.write_bytes(WORD97.read_bytes() if data is None else data)
    return path


def test_a_word97_file_reads_as_the_word_file_it_was_saved_from(tmp_path: Path, seed_text: str) -> None:
    """The same paragraphs, the same table (its last row's empty cell kept), the same graph; the
    title its document properties give is the plan's."""
    doc = read_plan_text(WORD97.read_bytes(), "plan.doc")
    docx = read_plan_text(_docx(seed_text, TABLE), "plan.docx")
    assert doc.format == "doc" and doc.text == docx.text
    assert [list(table) for table in doc.tables] == [TABLE]
    from_doc = load_plans([_copy(tmp_path, f"{PLAN}.doc")], overlays=[], infer=False).document
    (tmp_path / "x").mkdir()
    (tmp_path / "x" / f"{PLAN}.docx").write_bytes(_docx(seed_text, TABLE))
    from_docx = load_plans([tmp_path / "x" / f"{PLAN}.docx"], overlays=[], infer=False).document
    assert signature(from_doc) == signature(from_docx)
    task = named(from_doc, EntityKind.TASK, "转变标准供给方式")
    assert {
        (from_doc.entities[r.source].name, r.role)
        for r in linked(from_doc, RelationType.RESPONSIBLE_FOR, target=task.id)
    } == {
        ("湖北省质量技术监督局", Role.LEAD),
        ("湖北省发展和改革委员会", Role.SUPPORT),
        ("湖北省经济和信息化委员会", Role.SUPPORT),
    }


def test_a_word97_file_is_found_by_its_content_and_by_its_name(tmp_path: Path) -> None:
    """Named .txt it is still read as Word; in a folder of plans it is found by its .doc."""
    (report,) = load_plan(_copy(tmp_path, "plan.txt")).reports
    assert report.format == "doc"
    assert report.title == "湖北省标准化体系建设发展规划（2016-2020年）"
    folder = tmp_path / "plans"
    folder.mkdir()
    _copy(folder, f"{PLAN}.doc")
    (plan,) = load_plans([folder], overlays=[], infer=False).document.entities_of(EntityKind.PLAN)
    assert plan.name == "湖北省标准化体系建设发展规划（2016-2020年）"


def _word_stream_at(raw: bytes) -> int:
    """Where the WordDocument stream starts: the sector that opens with Word's signature."""
    return next(at for at in range(0, len(raw), 512) if raw[at : at + 2] == b"\xec\xa5")


def _encrypted(raw: bytes) -> bytes:
    damaged = bytearray(raw)
    damaged[_word_stream_at(raw) + 0x0B] |= 0x01  # the FIB's fEncrypted
    return bytes(damaged)


def _without_piece_table(raw: bytes) -> bytes:
    damaged = bytearray(raw)
    at = _word_stream_at(raw) + 0x1A2  # the piece table's offset, pointed past the table stream
    damaged[at : at + 4] = b"\xff\xff\xff\x7f"
    return bytes(damaged)


@pytest.mark.parametrize(
    ("damage", "reason"),
    [
        (lambda raw: raw[:600], "a damaged OLE (Word 97–2003) file"),
        (lambda raw: raw[: len(raw) // 2], "a damaged OLE (Word 97–2003) file"),
        (lambda raw: raw[:30] + b"\xff\xff" + raw[32:], "its header gives no valid sector size"),
        (
            lambda raw: raw.replace("WordDocument".encode("utf-16-le"), "WordDocumenX".encode("utf-16-le")),
            "an OLE compound file, but not a Word 97–2003 (.doc) document",
        ),
        (_encrypted, "an encrypted Word document"),
        (_without_piece_table, "without a readable piece table"),
    ],
)
def test_a_damaged_foreign_or_encrypted_word97_file_is_refused_clearly(
    tmp_path: Path, damage, reason: str
) -> None:  # type: ignore[no-untyped-def]
    path = _copy(tmp_path, "plan.doc", damage(WORD97.read_bytes()))
    with pytest.raises(PlanLoadError) as refused:
        load_plan(path)
    assert str(path) in str(refused.value) and reason in str(refused.value)


def test_seeded_byte_damage_gives_a_plan_or_a_clear_refusal() -> None:
    """Bytes of the header, the document stream and anywhere changed at random (seeded, so each
    case can be run again): the file reads, or is refused with `PlanLoadError` — nothing else."""
    import random

    raw = WORD97.read_bytes()
    stream = _word_stream_at(raw)
    for seed in range(300):
        rng = random.Random(seed)
        damaged = bytearray(raw)
        low, high = rng.choice([(0, 512), (0, 2048), (stream, stream + 1024), (0, len(raw))])
        for _ in range(rng.randint(1, 8)):
            damaged[rng.randrange(low, high)] = rng.randrange(256)
        try:
            read_plan_text(bytes(damaged), f"seed-{seed}.doc")
        except PlanLoadError as refused:
            assert f"seed-{seed}.doc" in str(refused)
