"""Fast restarts and parallel parsing: unchanged plans come from the plan cache, anything the parse
depends on changed parses again, a damaged cache costs a warning and never a load; `--jobs 2` gives
the very graph, reports and refusals that one process gives."""

from __future__ import annotations

import logging
import os
import shutil
from pathlib import Path

import pytest

import loaders.pipeline
from graph.errors import PlanLoadError
from graph.export import to_json
from loaders import LoadResult, load_plans, plan_files
from loaders.plan_cache import PlanCache
from loaders.profile import load_profile
from tests.helpers import ROOT, SEED, plangraph

SOME_REFUSED = 3
NATIONAL = ROOT / "tests" / "data" / "national-standardization-2016-2020.txt"
LATER = ROOT / "tests" / "data" / "hubei-standardization-implementation-2018.txt"
CORPUS = ROOT / "tests" / "corpus"
#: A few plans of every format, with plans that cite each other and share bodies.
SUBSET = [
    SEED, NATIONAL, LATER,
    CORPUS / "national-employment-promotion-2018.txt",
    CORPUS / "hebei-steel-innovation-measures-2023.txt",
    CORPUS / "shanghai-scientific-greening-2022.html",
    CORPUS / "qingdao-ai-education-2020.pdf",
    CORPUS / "national-caomuye-guidance-2016.docx",
]  # fmt: skip
NOT_A_PLAN = "各市、州人民政府：\n\n《某某规划》已经省人民政府同意。\n"


def folder_of(tmp_path: Path, sources: list[Path], bad: bool = False) -> Path:
    folder = tmp_path / "plans"
    folder.mkdir()
    for source in sources:
        shutil.copy(source, folder / source.name)
    if bad:
        (folder / "d-notice.txt").write_text(NOT_A_PLAN, encoding="utf-8")
    return folder


def same(one: LoadResult, other: LoadResult) -> None:
    """The same graph in the same order, the same reports and the same refusals."""
    assert to_json(one.document) == to_json(other.document)
    assert one.document == other.document
    assert [r.as_dict() for r in one.reports] == [r.as_dict() for r in other.reports]
    assert [(r.path, r.reason, r.line) for r in one.refused] == [
        (r.path, r.reason, r.line) for r in other.refused
    ]


@pytest.fixture()
def parsed(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the files the loader parses in this process from now on."""
    names: list[str] = []
    parse = loaders.pipeline.parse_plan

    def counting(raw: bytes, path: Path, *args: object, **kwargs: object) -> LoadResult:
        names.append(path.name)
        return parse(raw, path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(loaders.pipeline, "parse_plan", counting)
    return names


# -- the cache --------------------------------------------------------------------------------


def test_unchanged_plans_are_taken_from_the_cache(tmp_path: Path, parsed: list[str]) -> None:
    folder = folder_of(tmp_path, [SEED, NATIONAL, LATER])
    cache = PlanCache(tmp_path / "cache")
    first = load_plans([folder], cache=cache)
    assert sorted(parsed) == sorted(p.name for p in [SEED, NATIONAL, LATER]) and first.from_cache == 0
    parsed.clear()
    again = load_plans([folder], cache=cache)
    assert parsed == [] and again.from_cache == 3
    same(again, first)
    same(again, load_plans([folder]))


def test_a_changed_file_is_parsed_again(tmp_path: Path, parsed: list[str]) -> None:
    folder = folder_of(tmp_path, [SEED, NATIONAL])
    cache = PlanCache(tmp_path / "cache")
    load_plans([folder], cache=cache)
    seed = folder / SEED.name
    seed.write_text(
        seed.read_text(encoding="utf-8").replace("湖北省标准化体系", "湖北省标准体系", 1), encoding="utf-8"
    )
    parsed.clear()
    again = load_plans([folder], cache=cache)
    assert parsed == [SEED.name] and again.from_cache == 1
    same(again, load_plans([folder]))


def test_another_profile_or_loader_parses_again(
    tmp_path: Path, parsed: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = PlanCache(tmp_path / "cache")
    load_plans([SEED], cache=cache)
    parsed.clear()
    other = load_profile().model_copy(update={"links": load_profile().links.scaled(0.5)})
    assert load_plans([SEED], other, cache=cache).from_cache == 0
    assert load_plans([SEED], other, cache=cache).from_cache == 1
    monkeypatch.setattr("loaders.plan_cache.loader_version", lambda: "a loader changed since")
    assert load_plans([SEED], cache=cache).from_cache == 0
    assert parsed == [SEED.name, SEED.name]


def test_the_cache_holds_no_refusal(tmp_path: Path, parsed: list[str]) -> None:
    folder = folder_of(tmp_path, [SEED], bad=True)
    cache = PlanCache(tmp_path / "cache")
    load_plans([folder], cache=cache)
    parsed.clear()
    again = load_plans([folder], cache=cache)
    assert parsed == ["d-notice.txt"] and "no numbered outline" in again.refused[0].reason
    assert len(list(cache.folder.iterdir())) == 1


def test_a_damaged_entry_is_parsed_again_with_a_warning(
    tmp_path: Path, parsed: list[str], caplog: pytest.LogCaptureFixture
) -> None:
    folder = folder_of(tmp_path, [SEED, NATIONAL, LATER])
    cache = PlanCache(tmp_path / "cache")
    first = load_plans([folder], cache=cache)
    truncated, garbage, _ = sorted(cache.folder.iterdir())
    truncated.write_bytes(truncated.read_bytes()[:-100])
    garbage.write_bytes(b"\x80\x04 not a pickle at all")
    parsed.clear()
    with caplog.at_level(logging.WARNING, logger="loaders.plan_cache"):
        again = load_plans([folder], cache=cache)
    assert again.from_cache == 1 and len(parsed) == 2
    same(again, first)
    warnings = [r.getMessage() for r in caplog.records]
    assert any(str(truncated) in w and "checksum does not match" in w for w in warnings), warnings
    assert any(str(garbage) in w and "not a plan cache entry" in w for w in warnings), warnings
    assert load_plans([folder], cache=cache).from_cache == 3, "the damaged entries were written again"


def test_a_cache_that_cannot_be_written_costs_a_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    (tmp_path / "cache").write_text("a file where the folder should be", encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="loaders.plan_cache"):
        loaded = load_plans([SEED, NATIONAL], cache=PlanCache(tmp_path / "cache"))
    assert len(loaded.reports) == 2 and loaded.from_cache == 0
    (warning,) = [r.getMessage() for r in caplog.records]
    assert f"cannot write to {tmp_path / 'cache'}" in warning


def test_the_cache_keeps_the_most_recently_used_entries(tmp_path: Path) -> None:
    folder = folder_of(tmp_path, [SEED, NATIONAL, LATER])
    big = PlanCache(tmp_path / "cache")
    load_plans([folder], cache=big)
    entries = sorted(big.folder.iterdir())
    for age, entry in enumerate(entries):
        os.utime(entry, (1_000_000 + age, 1_000_000 + age))
    assert PlanCache(big.folder, max_entries=2).prune() == 1
    assert sorted(big.folder.iterdir()) == entries[1:]
    newest = entries[-1].stat().st_size
    assert PlanCache(big.folder, max_bytes=newest).prune() == 1
    assert list(big.folder.iterdir()) == [entries[-1]]


def test_plangraph_load_takes_unchanged_plans_from_the_cache(tmp_path: Path) -> None:
    folder = folder_of(tmp_path, [SEED, NATIONAL])
    env = {"PLANGRAPH_PLAN_CACHE_DIR": str(tmp_path / "cache")}
    first = plangraph("load", str(folder), env=env)
    assert first.returncode == 0, first.stderr
    assert "(0 plan(s) from the plan cache)" in first.stdout
    again = plangraph("load", str(folder), env=env)
    assert again.returncode == 0, again.stderr
    assert "(2 plan(s) from the plan cache)" in again.stdout
    off = plangraph("load", str(folder), env={**env, "PLANGRAPH_PLAN_CACHE": "false"})
    assert "(0 plan(s) from the plan cache)" in off.stdout


# -- parallel parsing --------------------------------------------------------------------------


def test_two_jobs_give_what_one_gives(tmp_path: Path, parsed: list[str]) -> None:
    """On a few plans of every format, citing each other and sharing bodies, with a bad file."""
    folder = folder_of(tmp_path, SUBSET, bad=True)
    files = plan_files([folder])
    calls: dict[int, list[Path]] = {1: [], 2: []}
    here = load_plans([folder], jobs=1, on_file=calls[1].append)
    assert parsed == [f.name for f in files]
    parsed.clear()
    cache = PlanCache(tmp_path / "cache")
    workers = load_plans([folder], jobs=2, on_file=calls[2].append, cache=cache)
    assert parsed == [], "the workers parsed them all"
    same(workers, here)
    assert calls[1] == calls[2] == files
    assert len(workers.refused) == 1 and workers.refused[0].path == str(folder / "d-notice.txt")
    assert len(list(cache.folder.iterdir())) == len(SUBSET), "the workers wrote the cache"
    same(load_plans([folder], jobs=2, cache=cache), here)


def test_strict_with_two_jobs_raises_what_one_job_raises(tmp_path: Path) -> None:
    folder = folder_of(tmp_path, SUBSET[:3], bad=True)
    errors = []
    for jobs in (1, 2):
        calls: list[Path] = []
        with pytest.raises(PlanLoadError) as raised:
            load_plans([folder], jobs=jobs, strict=True, on_file=calls.append)
        errors.append((raised.value.path, raised.value.reason, calls))
    assert errors[0] == errors[1]
    assert errors[0][0] == str(folder / "d-notice.txt")


def test_plangraph_export_with_two_jobs_writes_the_same_graph(tmp_path: Path) -> None:
    folder = folder_of(tmp_path, SUBSET)
    env = {"PLANGRAPH_PLAN_CACHE": "false"}
    written = {}
    for jobs in ("1", "2"):
        output = tmp_path / f"graph-{jobs}.json"
        done = plangraph("export", "--jobs", jobs, str(folder), "-o", str(output), env=env)
        assert done.returncode == 0, done.stderr
        written[jobs] = output.read_text(encoding="utf-8")
    assert written["1"] == written["2"]


def test_plangraph_load_with_two_jobs_refuses_a_bad_file_and_loads_the_others(tmp_path: Path) -> None:
    folder = folder_of(tmp_path, SUBSET[:4], bad=True)
    done = plangraph("load", "--jobs", "2", str(folder), env={"PLANGRAPH_PLAN_CACHE": "false"})
    assert done.returncode == SOME_REFUSED, done.stderr
    assert f"refused: {folder / 'd-notice.txt'}: no numbered outline" in done.stderr.replace("\n", "")
    assert "loaded 4 plan(s)" in done.stdout
    strict = plangraph("load", "--jobs", "2", "--strict", str(folder), env={"PLANGRAPH_PLAN_CACHE": "false"})
    assert strict.returncode == 1 and "d-notice.txt" in strict.stderr and "Traceback" not in strict.stderr


def test_jobs_below_one_are_refused_by_name() -> None:
    done = plangraph("load", env={"PLANGRAPH_JOBS": "0"})
    assert done.returncode == 1 and "PLANGRAPH_JOBS must be at least 1" in done.stderr
    assert "Traceback" not in done.stderr
