"""Every query of the contract, sent as real HTTP requests to the app serving the seed."""

from __future__ import annotations

import json
import re
from pathlib import Path

import httpx

from api.app import create_app
from graph.memory import MemoryStore
from tests.conftest import serving
from tests.helpers import PLAN, GraphQL, sid

TASK_9 = sid("task/5.9")
MEASURE_1 = sid("measure/1")


def test_health(http: httpx.Client) -> None:
    response = http.get("/health")
    assert response.status_code == 200
    assert response.json()["status"] == "ok"
    assert response.json()["plans"] == 1


def test_plans(data: GraphQL) -> None:
    (plan,) = data("{ plans { id title issuer issuedOn periodStart periodEnd docNumber kind } }")["plans"]
    assert plan == {
        "id": PLAN,
        "title": "湖北省标准化体系建设发展规划（2016-2020年）",
        "issuer": "湖北省人民政府办公厅",
        "issuedOn": "2016-11-30",
        "periodStart": 2016,
        "periodEnd": 2020,
        "docNumber": None,
        "kind": "PLAN",
    }


def test_entity_with_its_kind_specific_fields(data: GraphQL) -> None:
    query = """query($id: ID!) { entity(id: $id) {
        __typename id kind name label
        plan { id } parent { name }
        source { plan start end line }
        ... on Indicator { metric comparator value unit deadline }
    } }"""
    indicator = data(query, id=sid("indicator/6"))["entity"]
    assert indicator["__typename"] == "Indicator"
    assert (indicator["metric"], indicator["comparator"], indicator["value"], indicator["unit"]) == (
        "企业标准自我声明数量",
        "EQUAL",
        20000,
        "项",
    )
    assert indicator["deadline"] == 2020
    assert indicator["parent"]["name"] == "标准化水平不断提高"
    assert indicator["plan"]["id"] == PLAN
    assert indicator["source"]["plan"] == PLAN


def test_unknown_entity_is_null(data: GraphQL) -> None:
    assert data('{ entity(id: "no/such/id") { id } }')["entity"] is None


def test_children_parent_and_relations(data: GraphQL) -> None:
    query = """query($id: ID!) { entity(id: $id) {
        name children { __typename name label }
        relations(type: PART_OF, direction: DOWNSTREAM) { type direction other { name } origin fromId toId }
    } }"""
    group = data(query, id=sid("task/5"))["entity"]
    assert group["name"] == "夯实标准化工作基础"
    assert [c["name"] for c in group["children"]] == [
        "加强标准化人才培养",
        "加强标准化信息化建设",
        "加强标准化专业机构建设",
    ]
    assert {c["__typename"] for c in group["children"]} == {"Task"}
    (part_of,) = group["relations"]
    assert part_of["other"]["name"] == "主要任务"
    assert (part_of["direction"], part_of["origin"], part_of["fromId"]) == (
        "DOWNSTREAM",
        "TEXT",
        sid("task/5"),
    )


def test_relations_default_to_both_directions(data: GraphQL) -> None:
    query = """query($id: ID!) { entity(id: $id) { relations { type direction other { name } } } }"""
    relations = data(query, id=sid("domain/col1.1"))["entity"]["relations"]
    assert {
        "type": "PART_OF",
        "direction": "DOWNSTREAM",
        "other": {"name": "农业农村标准化重点"},
    } in relations
    assert {"type": "FORMULATES", "direction": "DOWNSTREAM", "other": {"name": "农田保护"}} in relations


def test_entities_by_kind_with_pagination(data: GraphQL) -> None:
    query = """query($after: String) { entities(kind: PROJECT, first: 4, after: $after) {
        totalCount nodes { name } edges { cursor node { id } }
        pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }"""
    first = data(query)["entities"]
    assert first["totalCount"] == 10
    assert [n["name"] for n in first["nodes"]] == [
        "湖北装备智能制造标准升级工程",
        "“中国光谷”技术标准创新工程",
        "“湖北标准”走出去工程",
        "农产品质量安全标准化工程",
    ]
    assert first["pageInfo"]["hasNextPage"] and not first["pageInfo"]["hasPreviousPage"]
    names = [n["name"] for n in first["nodes"]]
    after = first["pageInfo"]["endCursor"]
    while after:
        page = data(query, after=after)["entities"]
        assert page["pageInfo"]["hasPreviousPage"]
        names += [n["name"] for n in page["nodes"]]
        after = page["pageInfo"]["endCursor"] if page["pageInfo"]["hasNextPage"] else None
    assert len(names) == 10 and names[-1] == "标准化基础能力提升工程"


def test_entities_search_chinese_substrings(data: GraphQL) -> None:
    query = """query($q: String!) { entities(search: $q, planId: "%s", first: 100) { totalCount nodes { kind name } } }"""
    hits = data(query % PLAN, q="中国光谷")["entities"]["nodes"]
    assert {"kind": "PROJECT", "name": "“中国光谷”技术标准创新工程"} in hits
    assert {"kind": "TASK", "name": "加强标准化专业机构建设"} in hits  # found in its text
    assert data(query % PLAN, q="没有这样的词语")["entities"]["totalCount"] == 0


def test_page_size_is_bounded(gql: GraphQL) -> None:
    body = gql("{ entities(first: 101) { totalCount } }")
    assert body["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"
    body = gql('{ entities(after: "not-a-cursor") { totalCount } }')
    assert body["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"


def test_dependencies_follow_typed_directed_relations(data: GraphQL) -> None:
    query = """query($id: ID!, $dir: Direction, $rel: [RelationType!], $depth: Int) {
        dependencies(id: $id, direction: $dir, relations: $rel, maxDepth: $depth) {
            depth entity { id name } path { type direction other { id } } } }"""
    up = data(query, id=TASK_9, dir="DOWNSTREAM", rel=["PART_OF"], depth=3)["dependencies"]
    assert [(r["depth"], r["entity"]["name"]) for r in up] == [
        (1, "夯实标准化工作基础"),
        (2, "主要任务"),
        (3, "湖北省标准化体系建设发展规划（2016-2020年）"),
    ]
    assert [step["other"]["id"] for step in up[2]["path"]] == [sid("task/5"), sid("section/2"), PLAN]

    parts = data(query, id=sid("section/4"), dir="UPSTREAM", rel=["PART_OF"], depth=1)["dependencies"]
    assert len(parts) == 10 and all(r["path"][0]["direction"] == "UPSTREAM" for r in parts)

    standards = data(query, id=sid("domain/col1.1"), dir="DOWNSTREAM", rel=["FORMULATES"], depth=1)
    assert "耕地质量评价" in {r["entity"]["name"] for r in standards["dependencies"]}


def test_dependencies_depth_is_bounded(gql: GraphQL) -> None:
    body = gql("query($id: ID!) { dependencies(id: $id, maxDepth: 11) { depth } }", id=TASK_9)
    assert body["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"


def test_analysis_of_unknown_ids_is_not_found(gql: GraphQL) -> None:
    for query in [
        '{ dependencies(id: "nope") { depth } }',
        '{ impact(id: "nope") { root { id } } }',
        '{ path(fromId: "nope", toId: "%s") { id } }' % PLAN,
        '{ responsibilities(departmentId: "nope") { role } }',
        '{ responsibleFor(id: "nope") { role } }',
        '{ stats(planId: "nope") { entityCount } }',
    ]:
        body = gql(query)
        assert body["data"] is None or not any(body["data"].values()), query
        assert body["errors"][0]["extensions"]["code"] == "NOT_FOUND", query


def test_impact_of_a_standard_reaches_its_domain_and_up(data: GraphQL) -> None:
    query = """query($id: ID!) { impact(id: $id) {
        root { name } affected { depth entity { name } path { type direction } }
        countsByKind { kind count } departments { name } } }"""
    impact = data(query, id=sid("standard/农田保护"))["impact"]
    assert impact["root"]["name"] == "农田保护"
    reached = [(r["depth"], r["entity"]["name"]) for r in impact["affected"]]
    assert reached[:4] == [
        (1, "现代农业"),
        (2, "农业农村标准化重点"),
        (3, "加强重点产业领域标准化，推动经济发展质量升级"),
        (4, "重点领域"),
    ]
    # FORMULATES flows from the standard back to the domain that formulates it.
    assert impact["affected"][0]["path"] == [{"type": "FORMULATES", "direction": "UPSTREAM"}]
    assert {"kind": "DOMAIN", "count": 3} in impact["countsByKind"]


def test_impact_lists_the_departments_responsible(data: GraphQL) -> None:
    query = """query($id: ID!) { impact(id: $id, maxDepth: 2) { affected { entity { name } } departments { name } } }"""
    impact = data(query, id=MEASURE_1)["impact"]
    assert [r["entity"]["name"] for r in impact["affected"]] == [
        "保障措施",
        "湖北省标准化体系建设发展规划（2016-2020年）",
    ]
    assert {"各级人民政府", "各有关部门", "科研院所", "行业协会"} <= {
        d["name"] for d in impact["departments"]
    }


def test_path_between_two_entities(data: GraphQL) -> None:
    query = """query($a: ID!, $b: ID!, $rel: [RelationType!]) { path(fromId: $a, toId: $b, relations: $rel) { name } }"""
    path = data(query, a=sid("standard/农田保护"), b=sid("domain/col1"))["path"]
    assert [e["name"] for e in path] == ["农田保护", "现代农业", "农业农村标准化重点"]
    assert data(query, a=sid("standard/农田保护"), b=sid("domain/col1"), rel=["REFERENCES"])["path"] is None


def test_responsibilities_of_a_department(data: GraphQL) -> None:
    query = """query($id: ID!) { responsibilities(departmentId: $id) {
        department { name } entity { __typename name } role origin inheritedFrom { id } } }"""
    answers = data(query, id="department/各级人民政府")["responsibilities"]
    assert {
        "department": {"name": "各级人民政府"},
        "entity": {"__typename": "Measure", "name": "加强组织领导"},
        "role": "LEAD",
        "origin": "TEXT",
        "inheritedFrom": None,
    } in answers


def test_responsible_for_an_entity(data: GraphQL) -> None:
    query = """query($id: ID!) { responsibleFor(id: $id, includeInherited: false) { department { name } role } }"""
    answers = data(query, id=MEASURE_1)["responsibleFor"]
    assert {(a["department"]["name"], a["role"]) for a in answers} == {
        ("各级人民政府", "LEAD"),
        ("各有关部门", "LEAD"),
        ("科研院所", "SUPPORT"),
        ("行业协会", "SUPPORT"),
    }


def test_stats(data: GraphQL) -> None:
    stats = data(
        '{ stats(planId: "%s") { entityCount relationCount byKind { kind count } byRelation { type count } } }'
        % PLAN
    )["stats"]
    by_kind = {k["kind"]: k["count"] for k in stats["byKind"]}
    # 5 task groups + 10 tasks; 10 projects; 4 measures; 12 indicators; 5 areas + 7 columns + 43 domains.
    assert (by_kind["TASK"], by_kind["PROJECT"], by_kind["MEASURE"]) == (15, 10, 4)
    assert (by_kind["INDICATOR"], by_kind["DOMAIN"], by_kind["PRINCIPLE"]) == (12, 55, 4)
    assert stats["entityCount"] == sum(by_kind.values())
    assert {r["type"]: r["count"] for r in stats["byRelation"]}["MEASURES"] == 12


def test_graphiql_opens_on_example_queries_that_run(http: httpx.Client, data: GraphQL) -> None:
    page = http.get("/graphql", headers={"accept": "text/html"})
    assert page.status_code == 200
    assert "cdn" not in page.text and "unpkg" not in page.text
    tabs = json.loads(
        re.search(r'<script id="example-tabs" type="application/json">(.*?)</script>', page.text).group(1)
    )
    answers = [data(tab["query"]) for tab in tabs]
    impact, responsibilities, indicators, path = answers
    assert impact["impact"]["root"]["name"] == "转变标准供给方式"
    led = {r["entity"]["name"] for r in responsibilities["responsibilities"] if r["role"] == "LEAD"}
    assert {"深化标准化工作改革", "大力推动“湖北标准”走出去", "“湖北标准”走出去工程"} <= led
    assert {i["name"]: i["value"] for i in indicators["entities"]["nodes"]}["国家标准"] == 300
    assert (
        path["path"][0]["name"] == "湖北装备智能制造标准升级工程" and path["path"][-1]["name"] == "国家标准"
    )


def test_page_assets_are_served_by_the_app(http: httpx.Client) -> None:
    for name, media_type in [
        ("graphiql.js", "text/javascript"),
        ("graphiql.css", "text/css"),
        ("cytoscape.js", "text/javascript"),
    ]:
        response = http.get(f"/assets/vendor/{name}")
        assert response.status_code == 200 and response.headers["content-type"].startswith(media_type)
    assert http.get("/assets/explore.js").status_code == 200
    assert http.get("/assets/vendor/..%2F..%2Fpyproject.toml").status_code == 404
    assert http.get("/assets/nothing.js").status_code == 404
    explore = http.get("/explore")
    assert explore.status_code == 200 and "/assets/vendor/cytoscape.js" in explore.text


def test_the_seed_has_no_dependency_cycles(data: GraphQL) -> None:
    assert data('{ dependencyCycles(planId: "%s") { id } }' % PLAN) == {"dependencyCycles": []}


def test_key_entities_rank_by_their_place_in_the_impact_graph(data: GraphQL, gql: GraphQL) -> None:
    query = (
        'query($kind: EntityKind, $m: Centrality) { keyEntities(planId: "%s", kind: $kind, first: 5, measure: $m) { entity { kind name } score } }'
        % PLAN
    )
    departments = data(query, kind="DEPARTMENT", m="PAGERANK")["keyEntities"]
    # The department that leads most of the plan's tasks, projects and domains.
    assert departments[0]["entity"]["name"] == "湖北省质量技术监督局"
    scores = [d["score"] for d in departments]
    assert scores == sorted(scores, reverse=True) and scores[0] > scores[-1] > 0
    tasks = data(query, kind="TASK", m="BETWEENNESS")["keyEntities"]
    assert len(tasks) == 5 and {t["entity"]["kind"] for t in tasks} == {"TASK"}
    for planId, code in ((sid("task/1"), "NOT_FOUND"), ("no-such-plan", "NOT_FOUND")):
        body = gql('{ keyEntities(planId: "%s") { score } }' % planId)
        assert body["errors"][0]["extensions"]["code"] == code
    body = gql('{ keyEntities(planId: "%s", first: 1000) { score } }' % PLAN)
    assert body["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"


def test_pages_without_their_assets_say_how_to_install_them(
    memory_store: MemoryStore, tmp_path: Path
) -> None:
    with serving(memory_store, create_app(memory_store, assets_dir=tmp_path)) as url:
        for page in ("/graphql", "/explore"):
            response = httpx.get(url + page, headers={"accept": "text/html"})
            assert response.status_code == 503 and "make assets" in response.text
            assert (
                "graphiql/graphiql.min.js" in response.text
                or "cytoscape/dist/cytoscape.min.js" in response.text
            )
        # The API itself does not need them.
        answer = httpx.post(url + "/graphql", json={"query": "{ plans { id } }"}).json()
        assert answer == {"data": {"plans": [{"id": PLAN}]}}


def test_malformed_queries_get_graphql_errors_not_500(http: httpx.Client) -> None:
    for body in [
        {"query": "{ entity(id: "},
        {"query": "{ noSuchField }"},
        {"query": "{ entity(id: 1) { nope } }"},
        {"query": '{ impact(id: "x", maxDepth: "deep") { root { id } } }'},
    ]:
        response = http.post("/graphql", json=body)
        assert response.status_code < 500
        assert response.json()["errors"], body
    response = http.post("/graphql", content=b"{not json", headers={"content-type": "application/json"})
    assert 400 <= response.status_code < 500


def test_requests_refused_before_execution_get_graphql_errors_in_json(http: httpx.Client) -> None:
    for body in [
        {"query": "query A { plans { id } }", "operationName": "B"},
        {"query": "{ plans { id } }", "operationName": "Plans"},
        {"variables": {}},
    ]:
        response = http.post("/graphql", json=body)
        assert response.status_code == 400, body
        assert response.headers["content-type"].startswith("application/json")
        [error] = response.json()["errors"]
        assert error["message"] and error["extensions"]["code"] == "BAD_REQUEST"


def test_query_depth_is_limited(gql: GraphQL) -> None:
    nested = "parent { " * 14 + "id" + " }" * 14
    body = gql('{ entity(id: "%s") { %s } }' % (TASK_9, nested))
    assert body["errors"] and "depth" in json.dumps(body["errors"]).lower()
