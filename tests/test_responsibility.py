"""Who is responsible for what: the forms plans state it in, the department registry and its
reorganisations, the curated overlay of the seed, inferred leads, and the queries over them."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from graph.errors import PlanLoadError
from graph.memory import MemoryStore
from graph.model import EntityKind, GraphDocument, Origin, RelationType, Role
from loaders import load_plans
from loaders.registry import DepartmentRegistry, load_registry
from tests.helpers import PLAN, ROOT, SEED, GraphQL, linked, named, sid

FIXTURE = ROOT / "tests" / "data" / "hubei-agriculture-standardization-2017.txt"
OVERLAY = ROOT / "data" / "overlays" / "hubei-standardization-2016-2020.responsibilities.yaml"
K, R = EntityKind, RelationType


@pytest.fixture(scope="module")
def agriculture() -> GraphDocument:
    return load_plans([FIXTURE]).document


def _assigned(document: GraphDocument, task: str, origin: Origin = Origin.TEXT) -> set[tuple[str, Role]]:
    entity = named(document, K.TASK, task)
    return {
        (document.entities[r.source].name, r.role)
        for r in linked(document, R.RESPONSIBLE_FOR, target=entity.id)
        if r.origin is origin
    }


def test_a_bracket_with_lead_and_supporting_departments(agriculture: GraphDocument) -> None:
    # （省质监局牵头，省发展改革委、省经信委配合）
    assert _assigned(agriculture, "健全农业标准体系") == {
        ("湖北省质量技术监督局", Role.LEAD),
        ("湖北省发展和改革委员会", Role.SUPPORT),
        ("湖北省经济和信息化委员会", Role.SUPPORT),
    }


def test_a_bracket_in_the_national_style(agriculture: GraphDocument) -> None:
    # 〔省农业厅、省林业厅牵头，各有关部门和地方人民政府有关主管部门按职责分工负责〕
    assert _assigned(agriculture, "推进农业标准实施") == {
        ("湖北省农业厅", Role.LEAD),
        ("湖北省林业厅", Role.LEAD),
        ("各有关部门", Role.SUPPORT),
        ("地方人民政府有关主管部门", Role.SUPPORT),
    }


def test_a_sentence_naming_who_is_responsible(agriculture: GraphDocument) -> None:
    # 具体工作由省食品药品监管局负责，省农业厅配合。
    assert _assigned(agriculture, "加强农产品质量安全监管") == {
        ("湖北省食品药品监督管理局", Role.LEAD),
        ("湖北省农业厅", Role.SUPPORT),
    }


def test_a_subject_sentence_and_a_bracket_with_full_and_short_names(agriculture: GraphDocument) -> None:
    # 各级人民政府要……（湖北省质量技术监督局牵头，省发改委参与）
    assert _assigned(agriculture, "建设农业标准化示范区") == {
        ("各级人民政府", Role.LEAD),
        ("湖北省质量技术监督局", Role.LEAD),
        ("湖北省发展和改革委员会", Role.SUPPORT),
    }


def test_every_alias_resolves_to_one_entity(agriculture: GraphDocument) -> None:
    # 省质监局 and 湖北省质量技术监督局, 省发展改革委 and 省发改委: one department each.
    departments = [e.name for e in agriculture.entities_of(K.DEPARTMENT)]
    assert departments.count("湖北省质量技术监督局") == 1
    assert departments.count("湖北省发展和改革委员会") == 1
    quality = agriculture.entities["department/湖北省质量技术监督局"]
    leads = {
        agriculture.entities[r.target].name for r in linked(agriculture, R.RESPONSIBLE_FOR, source=quality.id)
    }
    assert leads == {"健全农业标准体系", "建设农业标准化示范区"}


def test_a_body_outside_the_registry_is_kept_and_reported() -> None:
    (report,) = load_plans([FIXTURE]).reports
    assert report.unresolved_departments == ["地方人民政府有关主管部门"]


def test_short_names_are_relative_to_the_region() -> None:
    registry = load_registry()
    assert registry.resolve("省质监局", "湖北省").name == "湖北省质量技术监督局"
    assert registry.resolve("省质监局", "湖南省") is None
    assert registry.resolve("国家标准委", "湖南省").name == "国家标准化管理委员会"


def test_the_registry_rejects_a_name_for_two_departments() -> None:
    data = yaml.safe_load((ROOT / "data" / "registries" / "hubei.yaml").read_text(encoding="utf-8"))
    data["departments"].append(
        {"name": "湖北省某局", "aliases": ["省质监局"], "category": "GOVERNMENT", "region": "湖北省"}
    )
    with pytest.raises(ValueError, match="省质监局"):
        DepartmentRegistry.model_validate(data)


# -- reorganisation --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def agriculture_store(agriculture: GraphDocument) -> MemoryStore:
    store = MemoryStore()
    store.load(agriculture)
    return store


def test_a_reorganised_department_answers_for_its_predecessor(agriculture_store: MemoryStore) -> None:
    answers = agriculture_store.responsibilities("department/湖北省市场监督管理局", include_inherited=True)
    taken_over = {(a.entity.name, a.role, a.predecessor.name) for a in answers}
    assert ("健全农业标准体系", Role.LEAD, "湖北省质量技术监督局") in taken_over
    assert ("加强农产品质量安全监管", Role.LEAD, "湖北省食品药品监督管理局") in taken_over
    assert all(a.department.name == "湖北省市场监督管理局" for a in answers)


def test_responsible_for_names_the_successor_too(agriculture_store: MemoryStore) -> None:
    task = next(e for e in agriculture_store.find(K.TASK, None, "健全农业标准体系", 0, 5).entities)
    answers = {(a.department.name, a.role, a.predecessor.name if a.predecessor else None)
               for a in agriculture_store.responsible_for(task.id, include_inherited=True)}  # fmt: skip
    assert ("湖北省质量技术监督局", Role.LEAD, None) in answers
    assert ("湖北省市场监督管理局", Role.LEAD, "湖北省质量技术监督局") in answers
    assert ("湖北省经济和信息化厅", Role.SUPPORT, "湖北省经济和信息化委员会") in answers


# -- the curated overlay of the seed ---------------------------------------------------------


def test_every_task_and_project_of_the_seed_has_a_lead(seed: GraphDocument) -> None:
    store = MemoryStore()
    store.load(seed)
    for kind in (K.TASK, K.PROJECT):
        for entity in seed.entities_of(kind):
            leads = [a for a in store.responsible_for(entity.id, True) if a.role is Role.LEAD]
            assert leads, entity.name
    assert store.unassigned(K.TASK, PLAN) == store.unassigned(K.PROJECT, PLAN) == []


def test_the_overlay_assigns_as_its_lines_say(seed: GraphDocument) -> None:
    assert _assigned(seed, "加强标准化人才培养", Origin.CURATED) == {
        ("湖北省教育厅", Role.LEAD),
        ("湖北省质量技术监督局", Role.SUPPORT),
        ("湖北省人力资源和社会保障厅", Role.SUPPORT),
    }
    project = named(seed, K.PROJECT, "“中国光谷”技术标准创新工程")
    (lead,) = [r for r in linked(seed, R.RESPONSIBLE_FOR, target=project.id) if r.role is Role.LEAD]
    assert lead.source == "department/武汉东湖新技术开发区管理委员会"
    assert (lead.origin, lead.evidence) == (Origin.CURATED, "“中国光谷”技术标准创新基地由东湖高新区承建")


def _broken_overlay(tmp_path: Path, old: str, new: str) -> Path:
    text = OVERLAY.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / OVERLAY.name
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def _line_of(path: Path, needle: str) -> int:
    return next(
        n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if needle in line
    )


@pytest.mark.parametrize(
    ("old", "new", "reason"),
    [
        ("entity: task/5.9,", "entity: task/5.99,", "unknown entity 'task/5.99'"),
        ("lead: [省档案局]", "lead: [省档案馆]", "unknown department '省档案馆'"),
        ("rationale: 档案管理标准属档案部门", "rationale: ''", "a rationale is required"),
        ("lead: [省体育局]", "leader: [省体育局]", "unknown keys ['leader']"),
    ],
)
def test_overlay_errors_name_the_file_and_line(tmp_path: Path, old: str, new: str, reason: str) -> None:
    path = _broken_overlay(tmp_path, old, new)
    with pytest.raises(PlanLoadError) as caught:
        load_plans([SEED], overlays=[path])
    assert caught.value.path == str(path)
    assert caught.value.line == _line_of(path, new)
    assert reason in caught.value.reason
    assert f"{path}:{caught.value.line}" in str(caught.value)


def test_an_overlay_for_a_plan_not_loaded_is_skipped(tmp_path: Path) -> None:
    result = load_plans([FIXTURE], overlays=[OVERLAY])
    assert result.skipped_overlays == [str(OVERLAY)]


# -- inferred leads --------------------------------------------------------------------------

# Domains whose text speaks of one department's remit unmistakably.
OBVIOUS = {
    "现代农业": "湖北省农业厅",
    "林业": "湖北省林业厅",
    "水利": "湖北省水利厅",
    "粮食": "湖北省粮食局",
    "旅游": "湖北省旅游发展委员会",
    "劳动就业": "湖北省人力资源和社会保障厅",
    "档案管理": "湖北省档案局",
    "体育": "湖北省体育局",
}


@pytest.fixture(scope="module")
def without_overlay() -> GraphDocument:
    return load_plans([SEED], overlays=[]).document


@pytest.mark.parametrize("domain", list(OBVIOUS))
def test_inferred_leads_follow_the_mandates(without_overlay: GraphDocument, domain: str) -> None:
    entity = named(without_overlay, K.DOMAIN, domain)
    (lead,) = [r for r in linked(without_overlay, R.RESPONSIBLE_FOR, target=entity.id) if r.role is Role.LEAD]
    assert lead.origin is Origin.INFERRED
    assert without_overlay.entities[lead.source].name == OBVIOUS[domain]
    assert 0 < lead.confidence <= 1
    assert lead.evidence.startswith("职责关键词匹配")


def test_nothing_is_inferred_where_the_text_names_a_lead(without_overlay: GraphDocument) -> None:
    measure = named(without_overlay, K.MEASURE, "加强组织领导")
    origins = {r.origin for r in linked(without_overlay, R.RESPONSIBLE_FOR, target=measure.id)}
    assert origins == {Origin.TEXT}


def test_inference_can_be_turned_off() -> None:
    document = load_plans([SEED], overlays=[], infer=False).document
    assert not any(r.origin is Origin.INFERRED for r in document.relations.values())


# -- queries over HTTP -----------------------------------------------------------------------


def test_responsibility_matrix(data: GraphQL) -> None:
    matrix = data(
        """{ responsibilityMatrix(kind: PROJECT, planId: "%s") {
            departments { name } entities { name } cells { department { name } entity { name } role origin } } }"""
        % PLAN
    )["responsibilityMatrix"]
    assert len(matrix["entities"]) == 10
    assert {"department": {"name": "湖北省住房和城乡建设厅"}, "entity": {"name": "智慧城市建设标准化工程"},
            "role": "LEAD", "origin": "CURATED"} in matrix["cells"]  # fmt: skip
    assert {"name": "武汉东湖新技术开发区管理委员会"} in matrix["departments"]


def test_unassigned(data: GraphQL) -> None:
    assert data('{ unassigned(kind: TASK, planId: "%s") { id } }' % PLAN)["unassigned"] == []
    # Sections are not assigned to anyone.
    sections = data('{ unassigned(kind: SECTION, planId: "%s") { name } }' % PLAN)["unassigned"]
    assert {"name": "主要任务"} in sections


def test_department_load(data: GraphQL) -> None:
    load = data('{ departmentLoad(planId: "%s") { department { name } leads supports } }' % PLAN)[
        "departmentLoad"
    ]
    education = next(row for row in load if row["department"]["name"] == "湖北省教育厅")
    # The overlay: it leads 任务 8 and 精准扶贫, and supports task group 五 and 工程 10.
    assert (education["leads"], education["supports"]) == (2, 2)
    assert load[0]["leads"] >= load[-1]["leads"]


def test_impact_lists_who_answers_with_roles(data: GraphQL) -> None:
    impact = data(
        """query($id: ID!) { impact(id: $id, maxDepth: 1) {
            responsibilities { department { name } entity { name } role origin } } }""",
        id=sid("task/5.9"),
    )["impact"]
    assert {"department": {"name": "湖北省质量技术监督局"}, "entity": {"name": "加强标准化信息化建设"},
            "role": "LEAD", "origin": "CURATED"} in impact["responsibilities"]  # fmt: skip
    assert {"department": {"name": "湖北省质量技术监督局"}, "entity": {"name": "夯实标准化工作基础"},
            "role": "LEAD", "origin": "CURATED"} in impact["responsibilities"]  # fmt: skip


def test_the_enterprises_of_a_trade_are_bodies_enterprises_at_large_are_not(tmp_path: Path) -> None:
    """电网企业要…… and 充电设施运营企业负责…… give work to the enterprises of a trade, which the
    plan makes act as it does a department; 企业, 龙头企业 and the enterprises a verb acts on
    (指导和督促企业) name no body."""
    text = (
        "某省充电基础设施建设行动方案\n一、重点任务\n"
        "（一）做好配套电网建设。电网企业要做好电网规划与充电设施规划的衔接，加大配套电网建设投入。\n"
        "（二）加强运营维护。充电设施运营企业负责设施的日常运维，龙头企业要发挥带动作用。\n"
        "（三）规范市场秩序。市场监管部门要指导和督促企业依法经营。\n"
    )
    path = tmp_path / "charging.txt"
    path.write_text(text, encoding="utf-8")
    document = load_plans([path]).document
    assert _assigned(document, "做好配套电网建设") == {("电网企业", Role.LEAD)}
    assert _assigned(document, "加强运营维护") == {("充电设施运营企业", Role.LEAD)}
    bodies = {e.name for e in document.entities_of(K.DEPARTMENT)}
    assert not bodies & {"龙头企业", "企业", "指导和督促企业", "督促企业"}
