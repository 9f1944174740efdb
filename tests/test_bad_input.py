"""Files that cannot be used are refused with the file and the reason, and nothing loaded is lost."""

from __future__ import annotations

from pathlib import Path

import pytest

from api.cli import app
from graph.errors import EntityNotFound, PlanLoadError
from graph.memory import MemoryStore
from graph.model import Entity, EntityKind, GraphDocument, Relation, RelationType
from loaders import load_plan, load_plans
from tests.helpers import PLAN, SEED, plangraph

BAD_FILES = {
    "empty.txt": (b"", "the file is empty"),
    "blank.txt": ("\u3000\n\r\n  \n".encode(), "the file is empty"),
    "binary.txt": (bytes(range(256)) * 8, "binary"),
    "notice-only.txt": (
        "各市、州、县人民政府：\n\n　　《某某规划》已经省人民政府同意，现印发给你们。\n\n　　2016年1月1日\n".encode(),
        "no numbered outline",
    ),
    "prose.txt": (
        "这是一段普通的文字，没有任何章节结构。\n第二段。\n".encode("gb18030"),
        "no numbered outline",
    ),
}


@pytest.mark.parametrize("name", list(BAD_FILES))
def test_bad_files_are_refused_with_the_file_and_the_reason(tmp_path: Path, name: str) -> None:
    data, reason = BAD_FILES[name]
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(PlanLoadError) as caught:
        load_plan(path)
    assert caught.value.path == str(path)
    assert reason in str(caught.value)
    assert str(path) in str(caught.value)


def test_a_missing_path_is_refused(tmp_path: Path) -> None:
    with pytest.raises(PlanLoadError, match="no such file or folder"):
        load_plans([tmp_path / "missing.txt"])


def test_a_folder_with_one_bad_file_loads_the_others_and_says_which_was_refused(tmp_path: Path) -> None:
    (tmp_path / "a-good.txt").write_bytes(SEED.read_bytes())
    (tmp_path / "b-bad.txt").write_bytes(b"")
    result = load_plans([tmp_path])
    assert [r.title for r in result.reports] == ["湖北省标准化体系建设发展规划（2016-2020年）"]
    (refused,) = result.refused
    assert refused.path == str(tmp_path / "b-bad.txt") and "the file is empty" in refused.reason


def test_strict_refuses_the_whole_folder_for_one_bad_file(tmp_path: Path) -> None:
    (tmp_path / "a-good.txt").write_bytes(SEED.read_bytes())
    (tmp_path / "b-bad.txt").write_bytes(b"")
    with pytest.raises(PlanLoadError, match=r"b-bad\.txt"):
        load_plans([tmp_path], strict=True)


def test_a_folder_of_only_bad_files_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(b"")
    (tmp_path / "b.txt").write_bytes(b"\x00\x01" * 100)
    with pytest.raises(PlanLoadError, match="no plan could be loaded"):
        load_plans([tmp_path])


def test_a_failed_store_load_keeps_the_previous_graph(seed: GraphDocument) -> None:
    store = MemoryStore()
    store.load(seed)
    before = store.stats(None)
    broken = GraphDocument()
    broken.add_entity(Entity(PLAN, EntityKind.PLAN, "新版本", plan=PLAN))
    broken.add_relation(Relation(RelationType.PART_OF, PLAN, f"{PLAN}/nowhere"))
    with pytest.raises(EntityNotFound):
        store.load(broken)
    after = store.stats(None)
    assert (after.entities, after.relations) == (before.entities, before.relations)
    assert store.get_many([PLAN])[0].name == "湖北省标准化体系建设发展规划（2016-2020年）"


@pytest.mark.parametrize("name", ["empty.txt", "binary.txt", "prose.txt"])
def test_cli_refuses_bad_files_without_a_traceback(tmp_path: Path, name: str) -> None:
    data, reason = BAD_FILES[name]
    path = tmp_path / name
    path.write_bytes(data)
    done = plangraph("load", str(path))
    assert done.returncode == 1
    assert str(path) in done.stderr and reason in done.stderr
    assert "Traceback" not in done.stderr + done.stdout


def test_cli_app_is_a_typer_app() -> None:
    # The console script's entry point is the same app the tests drive.
    assert app.info.help and "GraphQL" in app.info.help
