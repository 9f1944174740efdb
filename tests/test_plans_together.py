"""Several plans in one graph — the national plan, the seed (a provincial plan that derives from
it) and a later provincial implementation opinion that continues the seed: a cited plan that is
loaded too is that plan, lineage runs plan to plan, and targets of one metric compare across
plans and plan generations."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from graph.bolt import BoltStore
from graph.memory import MemoryStore
from graph.model import Direction, EntityKind, GraphDocument, RelationType
from graph.store import GraphStore
from loaders import load_plans
from tests.bolt_server import CONNECTION_TIMEOUT, PASSWORD, USER, FalkorDBServer
from tests.conftest import serving
from tests.helpers import PLAN, ROOT, SEED, linked

NATIONAL = ROOT / "tests" / "data" / "national-standardization-2016-2020.txt"
NATIONAL_ID = "national-standardization-2016-2020"
LATER = ROOT / "tests" / "data" / "hubei-standardization-implementation-2018.txt"
LATER_ID = "hubei-standardization-implementation-2018"


@pytest.fixture(scope="module")
def together() -> GraphDocument:
    return load_plans([NATIONAL, SEED, LATER]).document


def test_the_national_plan_reads_its_own_number(together: GraphDocument) -> None:
    national = together.entities[NATIONAL_ID]
    assert national.attrs["docNumber"] == "国办发〔2015〕89号"
    assert national.attrs["issuer"] == "国务院办公厅"


def test_a_cited_plan_that_is_loaded_is_that_plan(together: GraphDocument) -> None:
    assert "document/国办发〔2015〕89号" not in together.entities
    assert [(r.source, r.target) for r in linked(together, RelationType.DERIVES_FROM, source=PLAN)] == [
        (PLAN, NATIONAL_ID)
    ]
    references = linked(together, RelationType.REFERENCES, source=PLAN)
    assert [r.target for r in references] == [NATIONAL_ID]


def test_a_later_opinion_continues_the_plan_it_implements(together: GraphDocument) -> None:
    later = together.entities[LATER_ID]
    assert later.name == "湖北省深化标准化工作改革加快标准化体系建设实施意见（2018-2020年）"
    assert (later.attrs["docNumber"], later.attrs["issuedOn"], later.attrs["periodStart"]) == (
        "鄂政办发〔2018〕27号", "2018-09-12", 2018,
    )  # fmt: skip
    assert [r.target for r in linked(together, RelationType.DERIVES_FROM, source=LATER_ID)] == [PLAN]
    # Written after the 2018 reorganisation, it names the new departments.
    leads = {
        r.source for r in linked(together, RelationType.RESPONSIBLE_FOR) if r.target == f"{LATER_ID}/task/2.3"
    }
    assert "department/湖北省市场监督管理局" in leads
    # （省市场监管局、省民政厅按职责分工负责）: no one 牵头, so both answer as leads.
    joint = {
        (r.source, r.role.value)
        for r in linked(together, RelationType.RESPONSIBLE_FOR)
        if r.target == f"{LATER_ID}/task/1.2" and r.origin.value == "TEXT"
    }
    assert {("department/湖北省市场监督管理局", "LEAD"), ("department/湖北省民政厅", "LEAD")} <= joint


def test_alone_the_seed_still_cites_a_document() -> None:
    alone = load_plans([SEED]).document
    assert alone.entities["document/国办发〔2015〕89号"].kind is EntityKind.DOCUMENT


@pytest.fixture(scope="module", params=["memory", "bolt"])
def client(
    request: pytest.FixtureRequest, together: GraphDocument, tmp_path_factory
) -> Iterator[httpx.Client]:  # type: ignore[no-untyped-def]
    store: GraphStore
    if request.param == "memory":
        store = MemoryStore()
    else:
        server = FalkorDBServer(tmp_path_factory.mktemp("together"))
        server.start()
        request.addfinalizer(server.stop)
        store = BoltStore(server.uri, USER, PASSWORD, "plangraph", connection_timeout=CONNECTION_TIMEOUT)
    store.load(together)
    with serving(store) as url, httpx.Client(base_url=url, timeout=30) as http:
        yield http


def test_reloading_one_plan_keeps_what_other_plans_hold_to_it(
    request: pytest.FixtureRequest, together: GraphDocument, tmp_path_factory
) -> None:  # type: ignore[no-untyped-def]
    """The seed DERIVES_FROM the national plan; reloading either plan alone keeps that."""
    server = FalkorDBServer(tmp_path_factory.mktemp("reload"))
    server.start()
    request.addfinalizer(server.stop)
    bolt = BoltStore(server.uri, USER, PASSWORD, "plangraph", connection_timeout=CONNECTION_TIMEOUT)
    for store in (MemoryStore(), bolt):
        store.load(together)
        store.load(load_plans([NATIONAL]).document)
        derived = store.dependencies(PLAN, Direction.DOWNSTREAM, [RelationType.DERIVES_FROM], 1)
        assert [r.entity.id for r in derived] == [NATIONAL_ID], type(store).__name__
        assert store.get_many([f"{NATIONAL_ID}/task/1.1"])[0] is not None
        # The seed reloaded alone still derives from the national plan the store holds.
        store.load(load_plans([SEED], stored_plans=store.plans()).document)
        derived = store.dependencies(PLAN, Direction.DOWNSTREAM, [RelationType.DERIVES_FROM], 1)
        assert [r.entity.id for r in derived] == [NATIONAL_ID], type(store).__name__
        assert store.get_many(["document/国办发〔2015〕89号"]) == [None]


def _data(client: httpx.Client, query: str) -> dict:
    body = client.post("/graphql", json={"query": query}).json()
    assert "errors" not in body, body
    return body["data"]


def test_lineage_runs_plan_to_plan(client: httpx.Client) -> None:
    derived = _data(
        client,
        '{ dependencies(id: "%s", direction: UPSTREAM, relations: [DERIVES_FROM]) { depth entity { id } } }'
        % NATIONAL_ID,
    )["dependencies"]
    assert derived == [{"depth": 1, "entity": {"id": PLAN}}, {"depth": 2, "entity": {"id": LATER_ID}}]


def test_targets_of_one_metric_compare_across_plans(client: httpx.Client) -> None:
    compared = _data(
        client,
        '{ indicatorComparison(metric: "国家标准") { metric comparator value unit deadline plan { id } } }',
    )["indicatorComparison"]
    assert compared == [
        {"metric": "国家标准", "comparator": "AT_LEAST", "value": 6500.0, "unit": "项", "deadline": 2020,
         "plan": {"id": NATIONAL_ID}},
        {"metric": "国家标准", "comparator": "AT_LEAST", "value": 300.0, "unit": "项", "deadline": 2020,
         "plan": {"id": PLAN}},
        {"metric": "国家标准", "comparator": "AT_LEAST", "value": 400.0, "unit": "项", "deadline": 2020,
         "plan": {"id": LATER_ID}},
    ]  # fmt: skip
    # The later opinion raises the seed's target for 企业标准自我声明 from 2万项 to 3万项.
    declared = _data(client, '{ indicatorComparison(metric: "企业标准自我声明数量") { value plan { id } } }')
    assert declared["indicatorComparison"] == [
        {"value": 20000.0, "plan": {"id": PLAN}}, {"value": 30000.0, "plan": {"id": LATER_ID}},
    ]  # fmt: skip
    changed = _data(client, '{ indicatorComparison(metric: "政府主导制定的标准") { comparator value } }')
    assert changed["indicatorComparison"] == [{"comparator": "EQUAL", "value": 4200.0}]
