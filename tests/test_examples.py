"""The impact-analysis scripts in examples/, run as a user runs them, against the API served
over real HTTP."""

from __future__ import annotations

import csv
import io
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from graph.memory import MemoryStore
from tests.conftest import serving
from tests.helpers import sid

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


@pytest.fixture(scope="module")
def endpoint(memory_store: MemoryStore) -> Iterator[str]:
    with serving(memory_store) as url:
        yield url + "/graphql"


def run(script: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(EXAMPLES / script), *args],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_impact_report_is_markdown_naming_what_is_at_risk_and_who_answers(endpoint: str) -> None:
    result = run("impact_report.py", sid("standard/政府购买公共服务"), "--max-depth", "2", "--url", endpoint)
    assert result.returncode == 0, result.stderr
    report = result.stdout
    assert report.startswith("# Impact of 政府购买公共服务\n")
    table = [line.split(" | ") for line in report.splitlines() if line.startswith("| ") and "---" not in line]
    rows = {(cells[0].strip("| "), cells[1], cells[2]) for cells in table[1:]}
    assert rows == {
        ("1", "DOMAIN", "基本公共服务"),
        ("1", "PROJECT", "社会公共服务标准化工程"),
        ("2", "DOMAIN", "社会管理与公共服务领域标准化重点"),
        ("2", "SECTION", "重大工程"),
        # Domains the project covers (inferred links).
        ("2", "DOMAIN", "健康服务"),
        ("2", "DOMAIN", "劳动就业"),
        ("2", "DOMAIN", "医疗卫生"),
    }
    assert "| FORMULATES ← · PART_OF → |" in report and "| FORMULATES ← · COVERS → |" in report
    assert "## Departments to inform" in report and "- 湖北省质量技术监督局" in report


def test_responsibility_sheet_is_csv_of_a_departments_responsibilities(endpoint: str) -> None:
    result = run("responsibility_sheet.py", "湖北省质量技术监督局", "--url", endpoint)
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    by_name = {(r["name"], r["role"]) for r in rows}
    assert {
        ("深化标准化工作改革", "LEAD"),
        ("大力推动“湖北标准”走出去", "LEAD"),
        ("“湖北标准”走出去工程", "LEAD"),
    } <= by_name
    reform = next(r for r in rows if r["name"] == "深化标准化工作改革")
    assert reform["entity_id"] == sid("task/1") and reform["origin"] == "CURATED" and reform["evidence"]
    # Inherited rows name the whole they come from; --direct leaves them out.
    inherited = [r for r in rows if r["inherited_from"]]
    assert inherited
    direct = run("responsibility_sheet.py", "湖北省质量技术监督局", "--direct", "--url", endpoint)
    assert len(list(csv.DictReader(io.StringIO(direct.stdout)))) == len(rows) - len(inherited)


def test_scripts_fail_with_the_apis_reason(endpoint: str) -> None:
    report = run("impact_report.py", "no/such/entity", "--url", endpoint)
    assert report.returncode == 1 and "no/such/entity" in report.stderr and not report.stdout
    sheet = run("responsibility_sheet.py", "没有这个部门", "--url", endpoint)
    assert sheet.returncode == 1 and "没有这个部门" in sheet.stderr


def test_the_client_checks_queries_against_the_committed_schema() -> None:
    sys.path.insert(0, str(EXAMPLES))
    try:
        from plangraph_client import PlanGraphClient
    finally:
        sys.path.remove(str(EXAMPLES))
    from gql import gql
    from graphql import GraphQLError

    client = PlanGraphClient("http://127.0.0.1:9/graphql")  # never reached: validation comes first
    with pytest.raises(GraphQLError, match="noSuchField"):
        client._execute(gql("{ noSuchField }"))
