"""The Hubei standardization plan 2016–2020, read entity by entity as the text writes it."""

from __future__ import annotations

import pytest

from graph.model import Comparator, EntityKind, GraphDocument, Origin, RelationType, Role
from loaders import load_plans
from tests.helpers import PLAN, SEED, children_named, linked, named, sid

K = EntityKind
R = RelationType


def test_plan_header(seed: GraphDocument) -> None:
    plan = seed.entities[PLAN]
    assert plan.kind is K.PLAN
    assert plan.name == "湖北省标准化体系建设发展规划（2016-2020年）"
    assert plan.attrs["issuedOn"] == "2016-11-30"
    assert (plan.attrs["periodStart"], plan.attrs["periodEnd"]) == (2016, 2020)
    assert plan.attrs["approvedBy"] == "湖北省人民政府"
    assert plan.attrs["issuer"] == "湖北省人民政府办公厅"
    assert plan.attrs["recipients"] == ["各市、州、县人民政府", "省政府各部门"]
    assert plan.attrs["region"] == "湖北省"
    assert plan.text is not None and plan.text.startswith(
        "根据《国务院办公厅关于印发国家标准化体系建设发展规划"
    )


def test_plan_derives_from_the_national_plan(seed: GraphDocument) -> None:
    national = seed.entities["document/国办发〔2015〕89号"]
    assert national.kind is K.DOCUMENT
    assert national.attrs["title"] == "国务院办公厅关于印发国家标准化体系建设发展规划（2016-2020年）的通知"
    assert national.attrs["docNumber"] == "国办发〔2015〕89号"
    assert [(r.source, r.target) for r in linked(seed, R.DERIVES_FROM)] == [(PLAN, national.id)]


def test_the_plans_own_title_is_not_a_cited_document(seed: GraphDocument) -> None:
    titles = [e.name for e in seed.entities_of(K.DOCUMENT)]
    assert not any("湖北省标准化体系建设发展规划" in t for t in titles)


def test_sections(seed: GraphDocument) -> None:
    chapters = children_named(seed, seed.entities[PLAN], K.SECTION)
    assert chapters == ["总体要求", "主要任务", "重点领域", "重大工程", "保障措施"]
    requirements = named(seed, K.SECTION, "总体要求")
    assert requirements.label == "一、"
    assert children_named(seed, requirements, K.SECTION) == ["指导思想", "基本原则", "发展目标"]
    guiding = named(seed, K.SECTION, "指导思想")
    assert guiding.text is not None and guiding.text.startswith(
        "以党的十八大和十八届三中、四中、五中、六中全会精神"
    )


def test_principles(seed: GraphDocument) -> None:
    principles = children_named(seed, named(seed, K.SECTION, "基本原则"), K.PRINCIPLE)
    assert principles == ["坚持改革引路", "坚持融合创新", "坚持共同治理", "坚持开放合作"]
    assert named(seed, K.PRINCIPLE, "坚持改革引路").text.startswith("坚持“放、管、服”相结合的改革路径")


def test_goals(seed: GraphDocument) -> None:
    overall = named(seed, K.GOAL, "基本形成具有湖北特色、国内领先的标准化体系")
    assert overall.parent == named(seed, K.SECTION, "发展目标").id
    assert children_named(seed, overall, K.GOAL) == [
        "标准化体系更加完善",
        "标准化水平不断提高",
        "国际标准化合作更加深入",
        "标准化基础更加坚实",
    ]


# (sub-goal, metric, comparator, value, unit): every target the 发展目标 section states.
INDICATORS = [
    ("标准化体系更加完善", "国家标准", Comparator.AT_LEAST, 300, "项"),
    ("标准化体系更加完善", "行业标准", Comparator.AT_LEAST, 1000, "项"),
    ("标准化体系更加完善", "地方标准", Comparator.AT_LEAST, 300, "项"),
    ("标准化体系更加完善", "团体（联盟）标准", Comparator.AT_LEAST, 100, "项"),
    ("标准化水平不断提高", "重点领域与国际标准一致性程度", Comparator.AT_LEAST, 95, "%"),
    ("标准化水平不断提高", "企业标准自我声明数量", Comparator.EQUAL, 20000, "项"),
    ("标准化水平不断提高", "各类标准化示范试点项目", Comparator.AT_LEAST, 300, "个"),
    ("标准化水平不断提高", "政务服务、社区服务标准化率", Comparator.AT_LEAST, 90, "%"),
    ("国际标准化合作更加深入", "国际标准", Comparator.AT_LEAST, 50, "项"),
    ("国际标准化合作更加深入", "实质性参与国际标准化活动的专业技术机构", Comparator.AT_LEAST, 20, "个"),
    # The level (国家级, 省级) is kept apart from the metric, so 标准化专业技术委员会 compares across plans.
    ("标准化基础更加坚实", "标准化专业技术委员会和分技术委员会秘书处", Comparator.AT_LEAST, 30, "个"),
    ("标准化基础更加坚实", "标准化专业技术委员会", Comparator.AT_LEAST, 20, "个"),
]
LEVELS = {"标准化专业技术委员会和分技术委员会秘书处": "国家级", "标准化专业技术委员会": "省级"}


def test_indicators(seed: GraphDocument) -> None:
    found = []
    for indicator in seed.entities_of(K.INDICATOR):
        (measures,) = linked(seed, R.MEASURES, source=indicator.id)
        goal = seed.entities[measures.target]
        a = indicator.attrs
        found.append((goal.name, a["metric"], Comparator(a["comparator"]), a["value"], a["unit"]))
        # 到2020年 for most; “到‘十三五’期末” for the 国际标准化 targets: both are 2020.
        assert a["deadline"] == 2020
        assert a["level"] == LEVELS.get(a["metric"])
    assert found == INDICATORS
    written = {i.attrs["metric"]: i.attrs["written"] for i in seed.entities_of(K.INDICATOR)}
    assert written["企业标准自我声明数量"] == "2万项"


def test_indicator_sources_point_at_their_clause(seed: GraphDocument, seed_text: str) -> None:
    indicator = named(seed, K.INDICATOR, "企业标准自我声明数量")
    span = indicator.source
    assert seed_text[span.start : span.end] == "企业标准自我声明数量达到2万项"
    assert seed_text.splitlines()[span.line - 1].count("企业标准自我声明数量") == 1


TASKS = {
    "深化标准化工作改革": ["转变标准供给方式", "加大标准创新力度"],
    "加强标准实施监督": ["优化标准实施管理机制", "完善标准监督评价体系"],
    "做好标准化技术服务工作": ["建立健全标准化服务体系", "大力培育标准化服务市场"],
    "积极参与国际标准化工作": ["大力推动“湖北标准”走出去"],
    "夯实标准化工作基础": ["加强标准化人才培养", "加强标准化信息化建设", "加强标准化专业机构建设"],
}


def test_tasks_under_their_groups(seed: GraphDocument) -> None:
    section = named(seed, K.SECTION, "主要任务")
    assert children_named(seed, section, K.TASK) == list(TASKS)
    for group, tasks in TASKS.items():
        assert children_named(seed, named(seed, K.TASK, group), K.TASK) == tasks
    labels = [e.label for e in seed.entities_of(K.TASK) if e.label and e.label[0].isdigit()]
    assert labels == [f"{n}." for n in range(1, 11)]
    # Ids keep the written numbers: task 9 stands in group 五.
    assert seed.entities[sid("task/5.9")].name == "加强标准化信息化建设"


def test_projects(seed: GraphDocument) -> None:
    assert children_named(seed, named(seed, K.SECTION, "重大工程"), K.PROJECT) == [
        "湖北装备智能制造标准升级工程",
        "“中国光谷”技术标准创新工程",
        "“湖北标准”走出去工程",
        "农产品质量安全标准化工程",
        "节能减排标准化工程",
        "社会公共服务标准化工程",
        "智慧城市建设标准化工程",
        "现代物流标准化工程",
        "工程建设安全标准化工程",
        "标准化基础能力提升工程",
    ]


def test_measures(seed: GraphDocument) -> None:
    assert children_named(seed, named(seed, K.SECTION, "保障措施"), K.MEASURE) == [
        "加强组织领导",
        "推进标准化法治建设",
        "加大政策扶持力度",
        "提升标准化工作意识",
    ]
    measure = named(seed, K.MEASURE, "加强组织领导")
    assert measure.text.startswith("建立统筹协调工作机制")


COLUMNS = {
    "农业农村标准化重点": ["现代农业", "林业", "水利", "粮食", "农业社会化服务和新农村"],
    "工业与信息标准化重点": [
        "光电子信息", "智能制造及高端装备", "节能环保与新能源", "生物技术与医疗器械", "激光",
        "汽车", "地理信息及应用服务", "新材料", "自动化及仪器仪表", "大数据",
    ],
    "服务业标准化重点": ["旅游", "人力资源服务", "商贸物流", "健康服务", "家庭服务", "商务咨询服务"],
    "社会管理与公共服务领域标准化重点": [
        "精准扶贫", "劳动就业", "食品药品安全", "社会信用", "医疗卫生", "公共安全", "消费品安全",
        "基本公共服务", "基本社会服务", "城市基础设施", "物品编码",
    ],
    "环境保护与节能减排领域标准化重点": [
        "自然生态与农村环境保护", "土地资源与矿产资源保护", "水资源保护", "节能低碳",
    ],
    "政府管理领域标准化重点": ["权力监督", "市场执法监管", "政府绩效管理", "档案管理", "电子政务"],
    "文化体育领域标准化重点": ["文化艺术", "体育"],
}  # fmt: skip

AREAS = {
    "加强重点产业领域标准化，推动经济发展质量升级": ["农业农村标准化重点", "工业与信息标准化重点", "服务业标准化重点"],
    "加强社会治理标准化，提高人民群众生活质量": ["社会管理与公共服务领域标准化重点"],
    "加强生态文明建设标准化，保障绿色发展": ["环境保护与节能减排领域标准化重点"],
    "加强政务管理标准化，提高行政效能": ["政府管理领域标准化重点"],
    "加强文体领域标准化工作，增强文化软实力": ["文化体育领域标准化重点"],
}  # fmt: skip


def test_domains_areas_columns(seed: GraphDocument) -> None:
    assert children_named(seed, named(seed, K.SECTION, "重点领域"), K.DOMAIN) == list(AREAS)
    for area, columns in AREAS.items():
        assert children_named(seed, named(seed, K.DOMAIN, area), K.DOMAIN) == columns
    labels = [named(seed, K.DOMAIN, c).label for c in COLUMNS]
    assert labels == ["专栏一", "专栏二", "专栏三", "专栏四", "专栏五", "专栏六", "专栏七"]


def test_the_43_domains_under_their_columns(seed: GraphDocument) -> None:
    for column, domains in COLUMNS.items():
        assert children_named(seed, named(seed, K.DOMAIN, column), K.DOMAIN) == domains
    assert sum(len(d) for d in COLUMNS.values()) == 43
    logistics = named(seed, K.DOMAIN, "商贸物流")
    # 商贸物流 has two paragraphs; both are its text.
    assert logistics.text.startswith("加强批发零售") and "开展运输技术" in logistics.text


# Standards each domain calls to formulate, spot-checked from its enumeration.
STANDARDS = {
    "现代农业": ["农田保护", "耕地质量评价", "畜禽资源保护利用", "农业废弃物资源化利用"],
    "林业": ["林木种苗", "森林病虫害和有害生物防治", "林产品质量安全"],
    "水利": ["水文", "防洪排涝", "水利信息化"],
    "粮食": ["粮油收购", "种子质量安全生产过程控制"],
    "农业社会化服务和新农村": ["美丽乡村建设", "农村生态环境治理建设"],
    "光电子信息": ["集成电路", "传感器与智能控制", "ETC", "新一代移动通信", "智慧家庭"],
    "智能制造及高端装备": ["数控", "桥梁检测平台", "航空航天"],
    "节能环保与新能源": ["特高压及柔性直流输电", "电动汽车充电基础设施", "清洁绿色能源"],
    "生物技术与医疗器械": ["基因检测工程", "医疗器械"],
    "汽车": ["汽车空气流量传感器", "特殊作业车辆"],
    "地理信息及应用服务": ["北斗导航与位置服务", "移动摄影测量"],
    "新材料": ["新型功能材料", "材料检测"],
    "大数据": ["数据采集", "政府数据开放", "安全保密"],
    "旅游": ["旅游安全", "研学旅游", "健康旅游"],
    "人力资源服务": ["人力资源服务机构评价", "人才培训"],
    "商贸物流": ["批发零售", "会展服务", "运输技术", "物联网技术"],
    "健康服务": ["母婴保健服务", "医疗保健旅游"],
    "家庭服务": ["家政服务", "家庭医生"],
    "商务咨询服务": ["市场调查", "司法中介"],
    "精准扶贫": ["农村中小学寄宿制学校建设", "贫困地区教育信息化建设"],
    "食品药品安全": ["食品添加剂", "食品追溯技术"],
    "社会信用": ["信贷", "纳税", "合同履约", "产品质量"],
    "公共安全": ["危险化学品管理", "事故应急救援", "安全技术防范和电气防火"],
    "消费品安全": ["消费品中化学危害", "儿童用品基本安全"],
    "基本公共服务": ["政府购买公共服务", "社区服务"],
    "城市基础设施": ["污水处理", "地下综合管廊", "城镇市政信息技术应用及服务"],
    "自然生态与农村环境保护": ["自然保护区建设管理", "生物多样性保护"],
    "水资源保护": ["水环境质量评价", "水资源开发利用控制"],
    "节能低碳": ["生物质能", "太阳能", "氢能"],
    "权力监督": ["行政审批事项分类编码", "权力行使流程"],
    "电子政务": ["电子公文管理", "政务信息资源共享"],
    "文化艺术": ["公共文化服务", "文化内容管理"],
    "体育": ["公共体育服务", "全民健身"],
}


@pytest.mark.parametrize("domain", list(STANDARDS))
def test_standards_per_domain(seed: GraphDocument, domain: str) -> None:
    source = named(seed, K.DOMAIN, domain)
    formulated = {seed.entities[r.target].name for r in linked(seed, R.FORMULATES, source=source.id)}
    assert set(STANDARDS[domain]) <= formulated


def test_standards_of_tasks_and_projects(seed: GraphDocument) -> None:
    project = named(seed, K.PROJECT, "农产品质量安全标准化工程")
    formulated = {seed.entities[r.target].name for r in linked(seed, R.FORMULATES, source=project.id)}
    assert {"无公害农产品", "绿色食品", "有机农产品", "地理标志产品"} <= formulated


def test_a_standard_named_in_two_places_is_one_entity_with_two_links(seed: GraphDocument) -> None:
    standard = named(seed, K.STANDARD, "政府购买公共服务")
    sources = {seed.entities[r.source].name for r in linked(seed, R.FORMULATES, target=standard.id)}
    assert sources == {"基本公共服务", "社会公共服务标准化工程"}


# Each cited document and where the text cites it.
CITATIONS = {
    "国务院办公厅关于开展消费品工业“三品”专项行动营造良好市场环境的若干意见": "消费品安全",
    "水污染防治行动计划": "水资源保护",
    "湖北省水污染防治行动计划工作方案": "水资源保护",
    "湖北省加强节能标准化工作实施方案": "节能低碳",
    "中国制造2025湖北行动纲要": "湖北装备智能制造标准升级工程",
    "物流业发展中长期规划（2014-2020年）": "现代物流标准化工程",
    "湖北省标准化管理办法": "推进标准化法治建设",
    "国务院办公厅关于印发国家标准化体系建设发展规划（2016-2020年）的通知": "湖北省标准化体系建设发展规划（2016-2020年）",
}  # fmt: skip


def test_cited_documents(seed: GraphDocument) -> None:
    cited = {}
    for document in seed.entities_of(K.DOCUMENT):
        (reference,) = linked(seed, R.REFERENCES, target=document.id)
        cited[document.name] = seed.entities[reference.source].name
    assert cited == CITATIONS


def _responsible(seed: GraphDocument, entity_name: str, kind: EntityKind) -> set[tuple[str, Role]]:
    entity = named(seed, kind, entity_name)
    return {(seed.entities[r.source].name, r.role) for r in linked(seed, R.RESPONSIBLE_FOR, target=entity.id)}


def test_bodies_given_work(seed: GraphDocument) -> None:
    assert _responsible(seed, "加强组织领导", K.MEASURE) == {
        ("各级人民政府", Role.LEAD),
        ("各有关部门", Role.LEAD),
        ("科研院所", Role.SUPPORT),
        ("行业协会", Role.SUPPORT),
    }
    assert {"行业协会", "产业技术联盟", "科研院所"} <= {
        name for name, _ in _responsible(seed, "大力培育标准化服务市场", K.TASK)
    }
    assert ("高校", Role.SUPPORT) in _responsible(seed, "加强标准化人才培养", K.TASK)
    assert ("国家技术标准创新基地（中国光谷）", Role.SUPPORT) in _responsible(
        seed, "加强标准化专业机构建设", K.TASK
    )
    categories = {e.name: e.attrs["category"] for e in seed.entities_of(K.DEPARTMENT)}
    assert categories["各级人民政府"] == "GOVERNMENT"
    assert categories["高校"] == "UNIVERSITY"
    assert categories["行业协会"] == "ASSOCIATION"
    # 企业 names no body: “充分发挥企业……的作用” gives no one work.
    assert "企业" not in categories


def test_responsibility_evidence_is_the_sentence(seed: GraphDocument, seed_text: str) -> None:
    measure = named(seed, K.MEASURE, "加强组织领导")
    (relation,) = [
        r for r in linked(seed, R.RESPONSIBLE_FOR, target=measure.id) if r.source == "department/各级人民政府"
    ]
    assert relation.evidence == "各级人民政府要把标准化发展纳入经济社会发展规划和政策体系。"
    assert seed_text[relation.span.start : relation.span.end] == "各级人民政府"


def test_every_entity_and_relation_from_the_text_has_a_source_span(
    seed: GraphDocument, seed_text: str
) -> None:
    """What the text gives points back into it; what the registry and overlays add says why instead."""
    for entity in seed.entities.values():
        if entity.plan is not None:
            assert entity.source is not None, entity.id
            assert 0 <= entity.source.start < entity.source.end <= len(seed_text)
    for relation in seed.relations.values():
        if relation.origin is Origin.TEXT:
            assert relation.span is not None, relation.key
        else:
            assert relation.evidence, relation.key
    task = seed.entities[sid("task/5.9")]
    assert seed_text[task.source.start : task.source.end].startswith("9.加强标准化信息化建设。")


def test_every_paragraph_is_placed() -> None:
    (report,) = load_plans([SEED]).reports
    assert report.unplaced == []


def test_ids_are_stable_across_loads(seed: GraphDocument) -> None:
    again = load_plans([SEED]).document
    assert list(again.entities) == list(seed.entities)
    assert list(again.relations) == list(seed.relations)
