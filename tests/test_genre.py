"""The genre's conventions, each shown on a short plan written like the real ones: structure
from the numbering, targets as plans write them, header fallbacks, and bodies of the plan's
own jurisdiction. The real documents are in the corpus (tests/test_corpus.py)."""

from __future__ import annotations

from pathlib import Path

from graph.memory import MemoryStore
from graph.model import Comparator, EntityKind, RelationType, Role
from loaders import load_plan, load_plans
from loaders.entities.indicators import extract_targets
from loaders.profile import load_profile
from tests.helpers import linked, named

ACTION_PLAN = """\
辽宁省质量技术监督局关于印发辽宁省标准化行动计划的通知
辽质监发〔2017〕12号

辽宁省标准化行动计划

为贯彻落实《深化标准化工作改革方案》，制定本行动计划。到2020年，具体目标是：
——新增国家标准400项；
——制定发布省级地方标准1200项以上；
——国家、行业标准各1000项以上。

一、加强标准化与科技创新互动
（一）强化关键技术领域标准攻关。围绕重点产业开展标准研制。（省质监局牵头，省发展改革委、省科技厅配合）
（二）推动科技成果转化为标准。（工业和信息化部、市场监管总局按职责分工负责）
二、保障措施
（一）加强组织领导。各级农牧部门要加强统筹，各地、各有关部门要抓好落实。

辽宁省质量技术监督局
2017年5月2日
"""


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_topical_action_plan_loads_with_its_tasks_targets_and_bodies(tmp_path: Path) -> None:
    document = load_plan(write(tmp_path, "liaoning-action.txt", ACTION_PLAN)).document
    (plan,) = document.entities_of(EntityKind.PLAN)
    assert plan.name == "辽宁省标准化行动计划"
    assert plan.attrs["docNumber"] == "辽质监发〔2017〕12号"
    assert plan.attrs["issuer"] == "辽宁省质量技术监督局"
    assert plan.attrs["issuedOn"] == "2017-05-02"
    assert (plan.attrs["region"], plan.attrs["level"]) == ("辽宁省", "PROVINCIAL")
    chapters = {s.name: s.attrs["chapterKind"] for s in document.entities_of(EntityKind.SECTION)}
    assert chapters == {"加强标准化与科技创新互动": "tasks", "保障措施": "measures"}
    assert [t.name for t in document.entities_of(EntityKind.TASK)] == [
        "强化关键技术领域标准攻关",
        "推动科技成果转化为标准",
    ]

    targets = {
        (
            i.attrs["metric"],
            i.attrs["value"],
            i.attrs["unit"],
            i.attrs["comparator"],
            i.attrs["deadline"],
            i.attrs["level"],
        )
        for i in document.entities_of(EntityKind.INDICATOR)
    }
    assert targets == {
        ("国家标准", 400, "项", "EQUAL", 2020, None),
        ("地方标准", 1200, "项", "AT_LEAST", 2020, "省级"),
        ("国家标准", 1000, "项", "AT_LEAST", 2020, None),
        ("行业标准", 1000, "项", "AT_LEAST", 2020, None),
    }

    task = named(document, EntityKind.TASK, "强化关键技术领域标准攻关")
    roles = {
        (document.entities[r.source].name, r.role)
        for r in linked(document, RelationType.RESPONSIBLE_FOR, target=task.id)
    }
    # 省质监局 in a Liaoning plan is Liaoning's bureau, written out in full.
    assert roles == {
        ("辽宁省质量技术监督局", Role.LEAD),
        ("辽宁省发展和改革委员会", Role.SUPPORT),
        ("辽宁省科学技术厅", Role.SUPPORT),
    }
    joint = named(document, EntityKind.TASK, "推动科技成果转化为标准")
    leads = {
        document.entities[r.source].name
        for r in linked(document, RelationType.RESPONSIBLE_FOR, target=joint.id)
    }
    assert leads == {"工业和信息化部", "国家市场监督管理总局"}
    measure = named(document, EntityKind.MEASURE, "加强组织领导")
    bodies = {
        document.entities[r.source].name
        for r in linked(document, RelationType.RESPONSIBLE_FOR, target=measure.id)
        if r.role is Role.LEAD
    }
    assert {"各级农牧部门", "各地人民政府", "各有关部门"} <= bodies


def test_a_plan_of_another_region_brings_no_bodies_of_hubei(tmp_path: Path) -> None:
    result = load_plans([write(tmp_path, "liaoning-action.txt", ACTION_PLAN)], overlays=[])
    departments = [e.name for e in result.document.entities_of(EntityKind.DEPARTMENT)]
    assert departments and not [name for name in departments if name.startswith("湖北")]


def test_a_body_is_found_by_the_names_plans_call_it(memory_store: MemoryStore) -> None:
    for short, full in [("省市场监管局", "湖北省市场监督管理局"), ("质监局", "湖北省质量技术监督局")]:
        page = memory_store.find(EntityKind.DEPARTMENT, None, short, 0, 10)
        assert full in [e.name for e in page.entities], short


def test_targets_as_plans_write_them() -> None:
    profile = load_profile()

    def read(text: str) -> list[tuple[str, float, str, Comparator]]:
        return [(t.metric, t.value, t.unit, t.comparator) for t in extract_targets(text, profile)]

    assert read("鲜草总产草量达到10.5亿吨") == [("鲜草总产草量", 1_050_000_000, "吨", Comparator.EQUAL)]
    assert read("人工种草保留面积达到3.5亿亩") == [("人工种草保留面积", 350_000_000, "亩", Comparator.EQUAL)]
    assert read("牛羊肉总产量达到1300万吨以上") == [("牛羊肉总产量", 13_000_000, "吨", Comparator.AT_LEAST)]
    assert read("重点天然草原超载率小于10%") == [("重点天然草原超载率", 10, "%", Comparator.AT_MOST)]
    assert read("打造10个以上人工智能产业集聚区") == [("人工智能产业集聚区", 10, "个", Comparator.AT_LEAST)]
    assert read("建设国家级开放创新平台2—3个") == [("开放创新平台", 2, "个", Comparator.AT_LEAST)]
    assert read("带宽可用性5000M以上") == [("带宽可用性", 5000, "M", Comparator.AT_LEAST)]
    assert read("举办场景对接活动不少于3场") == [("场景对接活动", 3, "场", Comparator.AT_LEAST)]
    assert read("全省算力规模达到14EFlops，带动相关产业规模超万亿元") == [
        ("算力规模", 14, "EFlops", Comparator.EQUAL),
        ("相关产业规模", 1_000_000_000_000, "元", Comparator.AT_LEAST),
    ]
    assert read("改扩建义务教育学校100所") == [("义务教育学校", 100, "所", Comparator.EQUAL)]
    assert read("到2025年，省级最高计量标准达到135项") == [("最高计量标准", 135, "项", Comparator.EQUAL)]
    assert read("突破50种以上智能检测装备") == [("智能检测装备", 50, "种", Comparator.AT_LEAST)]
    assert read("对认定的企业最高奖励100万元") == []
    assert read("培育新型智能终端、超高清视频等数字产业集群10个左右") == [
        ("数字产业集群", 10, "个", Comparator.ABOUT)
    ]
    assert read("建设乡镇多功能运动场、百姓健身房等300个") == [
        ("乡镇多功能运动场、百姓健身房", 300, "个", Comparator.EQUAL)
    ]


def test_what_a_target_measures_as_the_grammar_gives_it() -> None:
    """Kinds listed before a count are not the thing counted, but a list of things counted
    together, or scoping a rate, stays; a bare 省 is a level; a change after a target is of the
    same thing; an index or ratio has no unit; 48小时内 is at most; a parenthesis after a leading
    verb is the verb's."""
    profile = load_profile()

    def read(text: str) -> list[tuple[str, float, str | None, Comparator, str | None]]:
        return [(t.metric, t.value, t.unit, t.comparator, t.level) for t in extract_targets(text, profile)]

    assert read("新增主导或参与国际、国家、行业标准200项以上，省地方标准120项以上") == [
        ("标准", 200, "项", Comparator.AT_LEAST, None),
        ("地方标准", 120, "项", Comparator.AT_LEAST, "省"),
    ]
    assert read("推动建立100家高端智能再制造示范企业、技术研发中心、服务企业等") == [
        ("高端智能再制造示范企业、技术研发中心、服务企业", 100, "家", Comparator.EQUAL, None)
    ]
    assert read("全省信息技术产业营收突破2.2万亿元，年均增长10%以上") == [
        ("信息技术产业营收", 2_200_000_000_000, "元", Comparator.AT_LEAST, None),
        ("信息技术产业营收", 10, "%", Comparator.AT_LEAST, None),
    ]
    assert read("全省两化融合发展指数达到125左右") == [("两化融合发展指数", 125, "", Comparator.ABOUT, None)]
    assert read("大型、超大型数据中心运行电能利用效率降到1.3以下") == [
        ("大型、超大型数据中心运行电能利用效率", 1.3, "", Comparator.AT_MOST, None)
    ]
    assert [t.comparator for t in extract_targets("符合条件的货物48小时内放行", profile)] == [
        Comparator.AT_MOST
    ]
    # Each item of a 分别 list that ends as the others do is a whole metric; 5G is part of a name.
    assert read("重点企业关键工序数控化率、数字化研发设计工具普及率分别超过75%、90%") == [
        ("重点企业关键工序数控化率", 75, "%", Comparator.AT_LEAST, None),
        ("数字化研发设计工具普及率", 90, "%", Comparator.AT_LEAST, None),
    ]
    assert read("建成15个左右国家级智能工厂、10个左右5G工厂") == [
        ("智能工厂", 15, "个", Comparator.ABOUT, "国家级"),
        ("5G工厂", 10, "个", Comparator.ABOUT, None),
    ]
    # A parenthesis after the verb qualifies the verb (新建, or 改扩建), not the thing built.
    assert read("新建（改扩建）幼儿园20所") == [("幼儿园", 20, "所", Comparator.EQUAL, None)]
    # 万人 and 千人口 are the people a rate is counted per, no count of people; 标台 counts buses;
    # 设置 and 畅通 count what follows them.
    assert read("万人公交车辆拥有量达到15标台以上") == [
        ("万人公交车辆拥有量", 15, "标台", Comparator.AT_LEAST, None)
    ]
    assert read("千人口床位数达到6张") == [("千人口床位数", 6, "张", Comparator.EQUAL, None)]
    # A verb before a bare length or size says which one (建设里程); before a thing it is dropped.
    assert read("建设里程约276公里，完成投资50亿元") == [
        ("建设里程", 276, "公里", Comparator.ABOUT, None),
        ("投资", 5_000_000_000, "元", Comparator.EQUAL, None),
    ]
    assert read("每个乡镇设置1—2个乡镇运输服务站，畅通10条市域物流大通道") == [
        ("乡镇运输服务站", 1, "个", Comparator.AT_LEAST, None),
        ("市域物流大通道", 10, "条", Comparator.EQUAL, None),
    ]


def test_targets_of_changes_years_and_parts() -> None:
    """A list of years with 分别 gives each number its year and the metric just measured; a
    change from the present (由当前的20家达到35家) is its second number; 其中 and a place is that
    place's share of the metric just measured."""
    profile = load_profile()

    def read(text: str) -> list[tuple[str, float, str, Comparator, int | None]]:
        return [(t.metric, t.value, t.unit, t.comparator, t.year) for t in extract_targets(text, profile)]

    assert read("全省信息技术产业营收年均增长10%以上，2024年、2025年分别突破2.2万亿元、2.4万亿元。") == [
        ("信息技术产业营收", 10, "%", Comparator.AT_LEAST, None),
        ("信息技术产业营收", 2_200_000_000_000, "元", Comparator.AT_LEAST, 2024),
        ("信息技术产业营收", 2_400_000_000_000, "元", Comparator.AT_LEAST, 2025),
    ]
    assert read(
        "全省体育用品产业高新技术企业由当前的20家达到35家，国内市场占有率力争由当前3%提升到10%。"
    ) == [
        ("体育用品产业高新技术企业", 35, "家", Comparator.EQUAL, None),
        ("国内市场占有率", 10, "%", Comparator.EQUAL, None),
    ]
    assert read("每年抽取执法人员进行考试，抽取比例2023年不少于30%，2024年不少于60%。") == [
        ("抽取比例", 30, "%", Comparator.AT_LEAST, 2023),
        ("抽取比例", 60, "%", Comparator.AT_LEAST, 2024),
    ]
    assert read("建成省级以上工程技术研究中心250家，开展不少于30个学时的培训") == [
        ("工程技术研究中心", 250, "家", Comparator.EQUAL, None),
        ("培训", 30, "个学时", Comparator.AT_LEAST, None),
    ]
    assert read("全省体育用品产业总规模达到1200亿元左右，其中定州市达到500亿元左右。") == [
        ("体育用品产业总规模", 120_000_000_000, "元", Comparator.ABOUT, None),
        ("定州市体育用品产业总规模", 50_000_000_000, "元", Comparator.ABOUT, None),
    ]


def test_the_title_of_a_news_page_comes_from_its_lead_and_of_a_web_page_from_its_title(
    tmp_path: Path,
) -> None:
    news = "新华社北京电 近日印发了《某某产业发展纲要》，主要内容如下。\n一、总体要求\n（一）指导思想。坚持发展。\n"
    result = load_plan(write(tmp_path, "news.txt", news))
    assert result.document.entities_of(EntityKind.PLAN)[0].name == "某某产业发展纲要"
    assert result.reports[0].warnings == [
        "no title line: the title was taken from the 《title》 of the news lead",
        # 新华社北京电 names no region and no central issuer: the plan's level is not guessed.
        "no region could be read from the title, the issuer or the documents cited, and the plan is not "
        "recognisably national: its level and region are left empty, and bodies named relative to a "
        "region (省政府, 市发展改革委) are not qualified",
    ]

    page = (
        "<html><head><title>某某市数字经济行动计划_政策文件_某某市人民政府</title></head>"
        "<body><div class='article'><p>一、总体要求</p><p>（一）发展目标。到2025年，数字经济核心产业增加值达到1000亿元。</p>"
        "</div></body></html>"
    )
    plan = load_plan(write(tmp_path, "page.html", page)).document.entities_of(EntityKind.PLAN)[0]
    assert plan.name == "某某市数字经济行动计划"

    bare = load_plan(write(tmp_path, "某某工作方案.txt", "一、工作目标\n到2025年，建成示范区5个。\n"))
    assert bare.document.entities_of(EntityKind.PLAN)[0].name == "某某工作方案"
    assert "file name" in bare.reports[0].warnings[0]


def test_an_unread_target_sentence_is_reported(tmp_path: Path) -> None:
    text = "某某规划\n一、发展目标\n到2025年，人均预期寿命达到79.5周岁，建成示范区5个。\n"
    report = load_plan(write(tmp_path, "plan.txt", text)).reports[0]
    assert [u.text for u in report.unread_targets] == ["人均预期寿命达到79.5周岁"]
