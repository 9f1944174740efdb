"""Settings as people write them: a list as one value, values split at commas or a JSON list; an
origin with a trailing slash; a bad value named on one line, for every command. The key file kept
from other users; the files the app writes kept out of git."""

from __future__ import annotations

import logging
import shutil
import stat
import subprocess
from pathlib import Path
from typing import get_origin

import httpx
import pytest

from api.keys import KeyRing
from api.settings import DATA_DIR, Settings
from schema.auth import KeyRole
from tests.helpers import ROOT, plangraph, plangraph_serving

LOCAL = "http://localhost:3000"
PLANNER = "https://planner.example"
PREFLIGHT = {"Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "authorization"}


@pytest.mark.parametrize(
    ("written", "allowed"),
    [
        (LOCAL, [LOCAL]),
        (f"{LOCAL}, {PLANNER}", [LOCAL, PLANNER]),
        (f'["{LOCAL}", "{PLANNER}"]', [LOCAL, PLANNER]),
        (f"{LOCAL}/", [LOCAL]),
    ],
    ids=["one-value", "comma-separated", "json-list", "trailing-slash"],
)
def test_serve_lets_the_origins_named_in_any_form_call_it(written: str, allowed: list[str]) -> None:
    with plangraph_serving(env={"PLANGRAPH_CORS_ORIGINS": written}) as served:
        for origin in allowed:
            answer = httpx.options(f"{served.url}/graphql", headers={**PREFLIGHT, "Origin": origin})
            assert answer.status_code == 200, answer.text
            assert answer.headers["access-control-allow-origin"] == origin
        stranger = httpx.options(
            f"{served.url}/graphql", headers={**PREFLIGHT, "Origin": "https://elsewhere.example"}
        )
        assert stranger.status_code == 400
        said = served.output()
    assert ("ends with a slash" in said) == written.endswith("/"), said


LIST_FIELDS = [name for name, field in Settings.model_fields.items() if get_origin(field.annotation) is list]


@pytest.mark.parametrize("field", LIST_FIELDS)
@pytest.mark.parametrize(
    "written", [LOCAL, f" {LOCAL} ,{PLANNER},", f'["{LOCAL}","{PLANNER}"]'], ids=["one", "commas", "json"]
)
def test_every_list_setting_takes_every_form(
    field: str, written: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(f"PLANGRAPH_{field.upper()}", written)
    expected = [LOCAL] if written == LOCAL else [LOCAL, PLANNER]
    read = getattr(Settings(), field)
    assert len(read) == len(expected) and read == getattr(Settings(**{field: expected}), field)


@pytest.mark.parametrize(
    ("command", "variable", "value", "said"),
    [
        (["keys", "list"], "PLANGRAPH_CORS_ORIGINS", '["http://localhost:3000"', "is not a JSON list"),
        (["serve"], "PLANGRAPH_CORS_ORIGINS", "localhost:3000", "has no scheme"),
        (["serve"], "PLANGRAPH_CORS_ORIGINS", "http://localhost:port", "port that is not a number"),
        (["serve"], "PLANGRAPH_PORT", "eighty", "a whole number"),
        (["load"], "PLANGRAPH_PLANS", '["data/plans"', "is not a JSON list"),
        (["export"], "PLANGRAPH_MAX_PAGE_SIZE", "many", "a whole number"),
        (["curation", "export"], "PLANGRAPH_REQUIRE_KEY", "maybe", "true or false"),
    ],
    ids=[
        "keys-list-json",
        "serve-scheme",
        "serve-origin-port",
        "serve-port",
        "load-plans",
        "export-limit",
        "curation",
    ],
)
def test_a_bad_setting_is_named_on_one_line(command: list[str], variable: str, value: str, said: str) -> None:
    done = plangraph(*command, env={variable: value})
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert lines[0].startswith(f"error: invalid setting {variable}: ") and said in lines[0]
    assert "accepted: " in lines[0]
    if variable in ("PLANGRAPH_CORS_ORIGINS", "PLANGRAPH_PLANS"):
        assert "a comma-separated list" in lines[0] and "a JSON list" in lines[0]


def test_keys_add_makes_a_file_only_its_owner_reads(tmp_path: Path) -> None:
    keys_file = tmp_path / "keys.json"
    done = plangraph("keys", "add", "王规划", env={"PLANGRAPH_KEYS_FILE": str(keys_file)})
    assert done.returncode == 0, done.stderr
    assert stat.S_IMODE(keys_file.stat().st_mode) == 0o600
    KeyRing(keys_file).add("李审核", KeyRole.CURATOR)
    assert stat.S_IMODE(keys_file.stat().st_mode) == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["keys.json"]


def test_a_key_file_others_can_read_is_tightened(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    keys_file = tmp_path / "keys.json"
    KeyRing(keys_file).add("王规划", KeyRole.CURATOR)
    keys_file.chmod(0o644)
    with caplog.at_level(logging.WARNING, logger="api.keys"):
        ring = KeyRing(keys_file)
    assert stat.S_IMODE(keys_file.stat().st_mode) == 0o600
    assert [r.levelno for r in caplog.records] == [logging.WARNING]
    assert str(keys_file) in caplog.text and "644" in caplog.text
    assert [name for name, *_ in ring.list()] == ["王规划"]


def test_the_files_the_app_writes_are_ignored_by_git() -> None:
    git = shutil.which("git")
    if git is None or not (ROOT / ".git").exists():
        pytest.skip("needs git and a git checkout")
    written = [f.default for f in Settings.model_fields.values() if isinstance(f.default, Path)]
    assert written, "the settings name no file the app writes"
    runtime = [p for path in written for p in (path, path.with_name(f".{path.name}.writing"))]
    runtime.append(DATA_DIR / ".cache" / "anything")
    for path in runtime:
        relative = path.relative_to(DATA_DIR.parent)
        checked = subprocess.run([git, "check-ignore", "-q", str(relative)], cwd=ROOT, check=False)
        assert checked.returncode == 0, f"{relative} is not ignored by git"
