"""Layouts and wordings met in plans the loader was not built on, each on a short plan written
like the real ones: opinions made only of items, responsibilities given in an attachment, other
numbering marks, brackets with remarks and parentheses inside, targets inside tasks, portal
metadata, bodies of every kind — and a document that makes the loader fail refused alone."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.errors import PlanLoadError
from graph.model import EntityKind, RelationType, Role
from loaders import load_plan, load_plans
from tests.helpers import named

ITEMS_ONLY = """\
某某省人民政府办公厅关于加快发展服务贸易的实施意见
某政办发〔2023〕7号
各市人民政府，省政府各部门：
为加快发展服务贸易，现提出如下意见。
一、加快发展数字贸易。推动数字贸易发展，到2025年，数字贸易额达到500亿元。（省商务厅牵头，省发展改革委、省财政厅配合）
二、培育市场主体。三年内培育服务贸易重点企业100家以上。（省商务厅牵头）
三、扩大服务进口。支持先进技术进口。（省商务厅、省财政厅按职责分工负责）
四、加强组织领导。建立工作协调机制，由省商务厅负责统筹。
某某省人民政府办公厅
2023年5月6日
"""

ATTACHMENT = """\
某某省人民政府办公厅关于加快发展养老服务的实施意见
各市人民政府，省政府各部门：
一、加强规划引领。将养老服务纳入经济社会发展相关规划。
二、扩大服务供给。发展社区养老服务。
三、加强人才培养。培养养老护理员5000名。
某某省人民政府办公厅
2023年5月6日
附件
重点任务分工
1．将养老服务纳入经济社会发展相关规划。（省发展改革委牵头，省民政厅配合）
2．发展社区养老服务。（省民政厅牵头）
3．培养养老护理员。（省人力资源社会保障厅、省民政厅按职责分工负责）
"""

ACTION_PLAN = """\
某某市物联网产业发展行动计划（2024—2026年）
一、行动目标
到2026年，物联网产业规模突破百亿元，培育5家在全国具有较强带动力的跨行业、跨领域综合型物联网平台，30家行业型、区域型物联网平台。
二、重点任务
1﹒建设物联网平台。实现设备连接总量突破2亿。〔市工业和信息化局、市场监管局(市标准化院)、市大数据局牵头,各有关部门按职责分工负责。以下均需各区负责,不再列出〕
2﹒培育龙头企业。引进培育一批龙头企业，规模以上工业增加值年均增长6%以上。（牵头单位：市工业和信息化局；责任单位：市发展改革委、市科技局）
3﹒加强人才支撑。3年内引进和培养5000名左右紧缺人才，单位GDP能耗和二氧化碳排放分别降低13.5%、18%。
三、保障措施
⑴加强组织领导。市物联网产业发展工作推进小组负责统筹协调。市总工会要组织职工技能竞赛。运营单位要落实安全主体责任。
⑵加大资金支持。对年营业收入超过1亿元的企业给予100万元奖励。
"""

PORTAL_PAGE = """\
<html><head><meta charset="utf-8"><meta name="ArticleTitle" content="关于推进北京市数据专区建设的指导意见">
<title>首都之窗</title></head><body>
<table><tr><td>发文机关：</td><td>北京市经济和信息化局</td></tr>
<tr><td>发文字号：</td><td>京经信发〔2022〕87号</td></tr><tr><td>成文日期：</td><td>2022年12月30日</td></tr></table>
<div class="article">
<p>一、重点任务</p>
<p>（一）建立专区监督管理体系。建立数据专区管理制度。（市经济和信息化局、市大数据中心<strong>按职责</strong>
<strong>分工负责</strong>）</p>
</div></body></html>
"""


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def plan_read_from(tmp_path: Path, text: str):  # type: ignore[no-untyped-def]
    """The PLAN entity of a plan written as text."""
    (plan,) = load_plan(write(tmp_path, "plan.txt", text)).document.entities_of(EntityKind.PLAN)
    return plan


def responsible(document, entity_name: str, kind: EntityKind) -> set[tuple[str, Role]]:  # type: ignore[no-untyped-def]
    entity = named(document, kind, entity_name)
    return {
        (document.entities[r.source].name, r.role)
        for r in document.relations_of(RelationType.RESPONSIBLE_FOR)
        if r.target == entity.id
    }


def responsible_as_written(document, entity_name: str, kind: EntityKind) -> set[tuple[str, Role]]:  # type: ignore[no-untyped-def]
    """The bodies responsible for an entity by the names the text gives them (its aliases, before
    they were qualified with the plan's region), with their roles."""
    entity = named(document, kind, entity_name)
    return {
        (written, r.role)
        for r in document.relations_of(RelationType.RESPONSIBLE_FOR)
        if r.target == entity.id
        for written in (
            document.entities[r.source].attrs.get("aliases") or [document.entities[r.source].name]
        )
    }


def chapter_kinds_of(document) -> dict[str, str]:  # type: ignore[no-untyped-def]
    """Each top-level chapter by title: the kind it was read as."""
    (plan,) = document.entities_of(EntityKind.PLAN)
    return {
        e.name: e.attrs.get("chapterKind")
        for e in document.entities_of(EntityKind.SECTION)
        if e.parent == plan.id
    }


def targets(document) -> dict[str, tuple[float, str, str, int | None, str]]:  # type: ignore[no-untyped-def]
    """Each indicator by metric: value, unit, comparator, deadline and the kind it measures."""
    found = {}
    for indicator in document.entities_of(EntityKind.INDICATOR):
        (measures,) = [r for r in document.relations_of(RelationType.MEASURES) if r.source == indicator.id]
        a = indicator.attrs
        found[a["metric"]] = (
            a["value"],
            a["unit"],
            a["comparator"],
            a["deadline"],
            document.entities[measures.target].kind.value,
        )
    return found


def test_an_opinion_made_of_items_reads_each_as_a_task_or_measure(tmp_path: Path) -> None:
    document = load_plan(write(tmp_path, "opinion.txt", ITEMS_ONLY)).document
    assert [e.name for e in document.entities_of(EntityKind.TASK)] == [
        "加快发展数字贸易",
        "培育市场主体",
        "扩大服务进口",
    ]
    assert [e.name for e in document.entities_of(EntityKind.MEASURE)] == ["加强组织领导"]
    assert responsible(document, "加快发展数字贸易", EntityKind.TASK) == {
        ("某某省商务厅", Role.LEAD),
        ("某某省发展和改革委员会", Role.SUPPORT),
        ("某某省财政厅", Role.SUPPORT),
    }
    assert responsible(document, "扩大服务进口", EntityKind.TASK) == {
        ("某某省商务厅", Role.LEAD),
        ("某某省财政厅", Role.LEAD),
    }
    # The signature is no body of the last item, and 企业 names no body.
    assert responsible(document, "加强组织领导", EntityKind.MEASURE) == {("某某省商务厅", Role.LEAD)}
    assert "企业" not in {e.name for e in document.entities_of(EntityKind.DEPARTMENT)}
    # 三年内 counts from the year of issue (2023); a target with a year of its own keeps it.
    assert targets(document) == {
        "数字贸易额": (50_000_000_000, "元", "EQUAL", 2025, "TASK"),
        "服务贸易重点企业": (100, "家", "AT_LEAST", 2026, "TASK"),
    }


def test_responsibilities_given_in_an_attachment_reach_the_tasks_they_name(tmp_path: Path) -> None:
    result = load_plan(write(tmp_path, "elderly.txt", ATTACHMENT))
    document = result.document
    assert responsible(document, "加强规划引领", EntityKind.TASK) == {
        ("某某省发展和改革委员会", Role.LEAD),
        ("某某省民政厅", Role.SUPPORT),
    }
    assert responsible(document, "加强人才培养", EntityKind.TASK) == {
        ("某某省人力资源和社会保障厅", Role.LEAD),
        ("某某省民政厅", Role.LEAD),
    }
    (plan,) = document.entities_of(EntityKind.PLAN)
    assert plan.attrs["issuedOn"] == "2023-05-06"
    assert result.reports[0].unplaced == []


def test_targets_wherever_the_plan_commits_to_a_number(tmp_path: Path) -> None:
    document = load_plan(write(tmp_path, "iot.txt", ACTION_PLAN)).document
    assert [e.name for e in document.entities_of(EntityKind.TASK)] == [
        "建设物联网平台",
        "培育龙头企业",
        "加强人才支撑",
    ]
    assert [e.name for e in document.entities_of(EntityKind.MEASURE)] == ["加强组织领导", "加大资金支持"]
    assert targets(document) == {
        # The goals chapter is 行动目标; a number after its counting verb counts the noun phrase
        # that follows, without its modifiers and the kinds listed before it.
        "物联网产业规模": (10_000_000_000, "元", "AT_LEAST", 2026, "GOAL"),
        "综合型物联网平台": (5, "家", "EQUAL", 2026, "GOAL"),
        "物联网平台": (30, "家", "EQUAL", 2026, "GOAL"),
        # In tasks: no year of their own, so the end of the plan's period.
        "设备连接总量": (200_000_000, None, "AT_LEAST", 2026, "TASK"),
        "规模以上工业增加值": (6, "%", "AT_LEAST", 2026, "TASK"),
        "紧缺人才": (5000, "名", "ABOUT", 2026, "TASK"),
        "单位GDP能耗": (13.5, "%", "EQUAL", 2026, "TASK"),
        "二氧化碳排放": (18, "%", "EQUAL", 2026, "TASK"),
        # A reward (给予100万元奖励) and a threshold (超过1亿元的企业) are no targets.
    }


def test_brackets_as_real_plans_write_them(tmp_path: Path) -> None:
    document = load_plan(write(tmp_path, "iot.txt", ACTION_PLAN)).document
    # Half-width punctuation, a parenthesis inside, generic bodies after the leads and a remark
    # after a full stop.
    assert responsible(document, "建设物联网平台", EntityKind.TASK) == {
        ("某某市工业和信息化局", Role.LEAD),
        # 市场监管局 is the market regulator, not 市 + 场监管局: its name is written out, unqualified.
        ("市场监督管理局", Role.LEAD),
        ("某某市大数据局", Role.LEAD),
        ("各有关部门", Role.SUPPORT),
    }
    bodies = {name for name, _ in responsible(document, "建设物联网平台", EntityKind.TASK)}
    assert not any("不再列出" in name or "以下" in name for name in bodies)
    # A label that names the lead makes the other label's bodies support.
    assert responsible(document, "培育龙头企业", EntityKind.TASK) == {
        ("某某市工业和信息化局", Role.LEAD),
        ("某某市发展和改革委员会", Role.SUPPORT),
        ("某某市科学技术局", Role.SUPPORT),
    }


def test_bodies_of_every_kind(tmp_path: Path) -> None:
    document = load_plan(write(tmp_path, "iot.txt", ACTION_PLAN)).document
    assert responsible(document, "加强组织领导", EntityKind.MEASURE) == {
        ("某某市物联网产业发展工作推进小组", Role.LEAD),
        ("某某市总工会", Role.LEAD),
        ("运营单位", Role.LEAD),
    }
    kinds = {e.name: e.attrs["category"] for e in document.entities_of(EntityKind.DEPARTMENT)}
    assert kinds["某某市物联网产业发展工作推进小组"] == "LEADING_GROUP"
    assert kinds["某某市总工会"] == "MASS_ORGANISATION"
    assert kinds["运营单位"] == "ROLE"


def test_a_portal_page_gives_its_metadata_and_its_region(tmp_path: Path) -> None:
    document = load_plan(write(tmp_path, "zones.html", PORTAL_PAGE)).document
    (plan,) = document.entities_of(EntityKind.PLAN)
    assert plan.name == "关于推进北京市数据专区建设的指导意见"
    assert (plan.attrs["issuer"], plan.attrs["docNumber"], plan.attrs["issuedOn"]) == (
        "北京市经济和信息化局",
        "京经信发〔2022〕87号",
        "2022-12-30",
    )
    assert (plan.attrs["region"], plan.attrs["level"]) == ("北京市", "PROVINCIAL")
    # The bracket split over source lines by inline tags is read whole.
    assert {role for _, role in responsible(document, "建立专区监督管理体系", EntityKind.TASK)} == {Role.LEAD}


@pytest.mark.parametrize(
    "title", ["某市2021年工业经济工作要点", "某市2021年重点工作安排", "某市2021年数字经济提质增效行动"]
)
def test_a_years_work_points_and_plans_of_other_names_are_titled(tmp_path: Path, title: str) -> None:
    """Plans go by other names too — a year's 工作要点 or 工作安排, a 行动 — and a year in the
    title is when the year's targets are due."""
    text = f"{title}\n一、重点工作\n（一）培育市场主体。新增规上工业企业不少于100家。（市工信局牵头）\n"
    document = load_plan(write(tmp_path, "points.txt", text)).document
    (plan,) = document.entities_of(EntityKind.PLAN)
    assert plan.attrs["title"] == title
    assert targets(document) == {"规上工业企业": (100.0, "家", "AT_LEAST", 2021, "TASK")}


def test_the_period_the_text_gives_its_plan(tmp_path: Path) -> None:
    """A title without its years, the text saying 本规划期为2021—2025年: the plan's period, and the
    deadline of a target no year governs."""
    text = (
        "某市生态环境保护规划\n本规划期为2021—2025年，展望到2035年。\n一、重点任务\n"
        "（一）深入打好蓝天保卫战。全市PM2.5浓度控制在30微克/立方米以下。\n"
    )
    document = load_plan(write(tmp_path, "period.txt", text)).document
    (plan,) = document.entities_of(EntityKind.PLAN)
    assert (plan.attrs["periodStart"], plan.attrs["periodEnd"]) == (2021, 2025)
    assert targets(document) == {"PM2.5浓度": (30, "微克/立方米", "AT_MOST", 2025, "TASK")}


def test_a_plan_whose_region_cannot_be_read_is_reported_not_called_national(tmp_path: Path) -> None:
    text = "某市推进某某工作实施方案\n一、重点任务\n（一）加快建设平台。到2025年建成平台10个。（市发展改革委牵头）\n"
    result = load_plan(write(tmp_path, "city.txt", text))
    (plan,) = result.document.entities_of(EntityKind.PLAN)
    assert plan.attrs.get("level") is None
    assert any(w.startswith("no region could be read") for w in result.reports[0].warnings)


@pytest.mark.parametrize(
    ("scope", "level"),
    [("全国", "NATIONAL"), ("我国", "NATIONAL"), ("全省", "PROVINCIAL"), ("全县", "COUNTY")],
)
def test_a_plan_placed_nowhere_has_the_level_of_the_area_it_speaks_of(
    tmp_path: Path, scope: str, level: str
) -> None:
    """A ministry's plan with no notice names no region, but speaks of 全国 and 我国, never of 全省:
    it is national; a plan that speaks only of 全省 is a province's, of 全县 a county's. Once is
    not enough (全国 may be a comparison), nor are two areas (全国 and 全省)."""
    text = (
        f"电力装备制造业数字化转型实施方案\n一、总体要求\n推动{scope}电力装备制造业数字化转型。\n"
        f"二、重点任务\n（一）建设数字化车间。{scope}建成数字化车间100个。\n"
    )
    (plan,) = load_plan(write(tmp_path, "scope.txt", text)).document.entities_of(EntityKind.PLAN)
    assert plan.attrs.get("level") == level
    once = text.replace(f"推动{scope}", "推动")
    (plan,) = load_plan(write(tmp_path, "once.txt", once)).document.entities_of(EntityKind.PLAN)
    assert plan.attrs.get("level") is None
    both = text.replace(f"推动{scope}", "推动全省" if scope != "全省" else "推动全国")
    (plan,) = load_plan(write(tmp_path, "both.txt", both)).document.entities_of(EntityKind.PLAN)
    assert plan.attrs.get("level") is None


@pytest.mark.parametrize("mark", ["1．", "1﹒", "⑴", "①"])
def test_items_numbered_with_other_marks_are_tasks(tmp_path: Path, mark: str) -> None:
    second = {"1．": "2．", "1﹒": "2﹒", "⑴": "⑵", "①": "②"}[mark]
    text = f"某某行动方案\n一、重点任务\n{mark}加快建设平台。推进建设。\n{second}加强服务。推进服务。\n二、保障措施\n（一）加强组织领导。\n"
    document = load_plan(write(tmp_path, "plan.txt", text)).document
    assert [e.name for e in document.entities_of(EntityKind.TASK)] == ["加快建设平台", "加强服务"]


#: A 若干措施's items, each a heading and its text closed by the bracket of its bodies.
MEASURE_ITEMS = [
    ("加大住房公积金支持力度", "住房公积金贷款最高额度提高到80万元。（责任单位：市住房公积金中心）"),
    ("支持刚性和改善性住房需求", "对购买新建商品住房的给予契税补贴。（责任单位：市住建局、市财政局）"),
    ("优化商品房预售资金监管", "（责任单位：市住建局）"),
]
MEASURES_TITLE = "某市关于促进房地产市场平稳健康发展的若干措施"
MEASURES_OPENING = "为促进房地产市场平稳健康发展，结合本市实际，制定以下措施。"


@pytest.mark.parametrize(
    "marks",
    [
        ("第一条", "第二条", "第三条"),
        ("①", "②", "③"),
        ("一．", "二．", "三．"),
        ("(1)", "(2)", "(3)"),
        ("1）", "2）", "3）"),
        ("", "", ""),
    ],
    ids=["articles", "circled", "fullwidth-stop", "brackets", "closing-bracket", "no-numbers"],
)
def test_short_measures_in_every_numbering_and_none_are_items(tmp_path: Path, marks: tuple[str, ...]) -> None:
    """若干措施 set as short lines of about one width, each closed by its bracket of bodies: no
    line is a hard-wrapped part of the one before, whatever marks number them; where a page
    dropped the numbers, the paragraphs opened by a run-in heading are the items."""
    items = "".join(
        f"{mark}{title}。{text}\n" for mark, (title, text) in zip(marks, MEASURE_ITEMS, strict=True)
    )
    text = f"{MEASURES_TITLE}\n{MEASURES_OPENING}\n{items}本措施自印发之日起施行。\n"
    document = load_plan(write(tmp_path, "measures.txt", text)).document
    assert [e.name for e in document.entities_of(EntityKind.TASK)] == [title for title, _ in MEASURE_ITEMS]
    assert responsible(document, "支持刚性和改善性住房需求", EntityKind.TASK) == {
        ("市住房和城乡建设局", Role.LEAD),
        ("市财政局", Role.LEAD),
    }
    assert targets(document) == {"住房公积金贷款最高额度": (800000.0, "元", "EQUAL", None, "TASK")}


ORDERED_LIST = "<h1>{title}</h1><p>{opening}</p><ol>{items}</ol><p>相关文件</p><ol>{links}</ol>".format(
    links="<li><a>住房公积金管理条例</a></li><li><a>商品房销售管理办法</a></li>",
    title=MEASURES_TITLE,
    opening=MEASURES_OPENING,
    items="".join(f"<li><strong>{title}。</strong>{text}</li>" for title, text in MEASURE_ITEMS),
)
HEADING_LINES = "<p>关于促进房地产市场</p><p>平稳健康发展的若干措施</p><p>{opening}</p>{items}".format(
    opening=MEASURES_OPENING,
    items="".join(f"<p><strong>{title}</strong></p><p>{text}</p>" for title, text in MEASURE_ITEMS),
)


@pytest.mark.parametrize("body", [ORDERED_LIST, HEADING_LINES], ids=["ordered-list", "heading-lines"])
def test_a_page_whose_text_holds_no_numbers_has_its_items(tmp_path: Path, body: str) -> None:
    """A page that sets its measures as an ordered list (<ol><li>) shows numbers its text does not
    hold (a list of links is no list of items); one whose headings stand on lines of their own, each with its text below, holds none
    (the headings after the opening sentence are the items, the title's lines before it are not)."""
    document = load_plan(write(tmp_path, "measures.html", f"<html><body>{body}</body></html>")).document
    assert [e.name for e in document.entities_of(EntityKind.TASK)] == [title for title, _ in MEASURE_ITEMS]
    assert responsible(document, "优化商品房预售资金监管", EntityKind.TASK) == {
        ("市住房和城乡建设局", Role.LEAD)
    }


def test_a_document_that_makes_the_loader_fail_is_refused_alone(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """An unexpected error inside one document refuses that document, naming it, the line and
    what was being read; the rest of the folder loads."""
    import loaders.entities.builder

    real = loaders.entities.builder.read_chapter

    def failing(writer, chapter, *args):  # type: ignore[no-untyped-def]
        if "坏" in chapter.title:
            raise ValueError("不符合格式的数据：百亿")
        return real(writer, chapter, *args)

    monkeypatch.setattr(loaders.entities.builder, "read_chapter", failing)
    write(tmp_path, "good.txt", ITEMS_ONLY)
    write(tmp_path, "bad.txt", "某某行动方案\n一、重点任务\n二、坏的章节\n（一）加快建设。\n")
    result = load_plans([tmp_path])
    assert [r.title for r in result.reports] == ["某某省人民政府办公厅关于加快发展服务贸易的实施意见"]
    (refused,) = result.refused
    assert refused.path.endswith("bad.txt") and refused.line == 3
    assert "ValueError: 不符合格式的数据：百亿" in refused.reason
    assert "while reading chapter 2 “坏的章节”" in refused.reason
    with pytest.raises(PlanLoadError):
        load_plan(tmp_path / "bad.txt")


OUTLINE_OF_PARTS = """\
某某县国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要
第一篇 开启全面建设社会主义现代化新征程
第一章 发展基础
“十三五”时期，全县地区生产总值年均增长7%。
第二章 发展目标
到2025年，地区生产总值达到300亿元，城镇化率达到60%以上。
第二篇 坚持创新驱动发展
第三章 提升企业技术创新能力
第一节 强化企业创新主体地位
支持企业建设研发机构，新增高新技术企业50家。（县科技局牵头）
第二节 推动产学研深度融合
建设产学研合作平台。
第三篇 保障措施
第四章 加强规划实施保障
第一节 加强组织领导
由县发展改革局负责规划实施。
"""


def test_a_gangyao_of_parts_chapters_and_sections(tmp_path: Path) -> None:
    """篇 only group; 章 are the chapters; a tasks chapter's 节 are its tasks; the period of a
    第十四个五年规划 is 2021–2025, and a background chapter's past figures are no targets."""
    result = load_plan(write(tmp_path, "county.txt", OUTLINE_OF_PARTS))
    document = result.document
    (plan,) = document.entities_of(EntityKind.PLAN)
    assert (plan.attrs["periodStart"], plan.attrs["periodEnd"]) == (2021, 2025)
    chapters = [(e.name, e.attrs["chapterKind"]) for e in document.entities_of(EntityKind.SECTION)]
    assert chapters == [
        ("发展基础", "context"),
        ("发展目标", "requirements"),
        ("提升企业技术创新能力", "tasks"),
        ("加强规划实施保障", "measures"),
    ]
    assert [e.name for e in document.entities_of(EntityKind.TASK)] == [
        "强化企业创新主体地位",
        "推动产学研深度融合",
    ]
    assert set(targets(document)) == {"地区生产总值", "城镇化率", "高新技术企业"}
    assert targets(document)["高新技术企业"] == (50, "家", "EQUAL", 2025, "TASK")
    assert result.reports[0].unplaced == []


def test_the_report_lists_unread_target_sentences_and_unresolved_brackets(tmp_path: Path) -> None:
    text = (
        "某某省推进某某工作实施方案\n一、重点任务\n"
        "（一）加快建设平台。每年开展5轮专项检查。（专项协调推进机制牵头，省财政厅配合）\n"
        "（二）加强服务。推进服务。（省发展改革委牵头）\n"
    )
    (report,) = load_plan(write(tmp_path, "plan.txt", text)).reports
    assert [u.text for u in report.unread_targets] == ["每年开展5轮专项检查"]
    assert [(u.line, u.text) for u in report.unresolved_brackets] == [
        (3, "（专项协调推进机制牵头，省财政厅配合） (not known as a body: 专项协调推进机制)")
    ]


def test_the_body_that_signs_is_the_issuer_whatever_its_kind(tmp_path: Path) -> None:
    text = (
        "某某省关于加快对接经贸新规则的实施意见\n一、加快发展数字贸易。推动发展。（省商务厅牵头）\n"
        "二、培育市场主体。培育企业。（省商务厅牵头）\n三、加强组织领导。建立机制。\n"
        "某某省推进“三地一区”建设领导小组办公室\n2022年9月1日\n"
    )
    document = load_plan(write(tmp_path, "rules.txt", text)).document
    (plan,) = document.entities_of(EntityKind.PLAN)
    assert plan.attrs["issuer"] == "某某省推进“三地一区”建设领导小组办公室"
    assert plan.attrs["issuedOn"] == "2022-09-01"


INDICATOR_TABLE_PAGE = """\
<html><head><meta charset="utf-8"><title>某某市“十四五”数字经济发展规划</title></head><body><div class="article">
<p>某某市“十四五”数字经济发展规划</p>
<p>一、发展目标</p>
<p>到2025年，数字经济核心产业增加值占地区生产总值比重达到12%。</p>
<table><tr><td>序号</td><td>指标</td><td>单位</td><td>2020年</td><td>2025年</td><td>属性</td></tr>
<tr><td>1</td><td>数字经济核心产业增加值占地区生产总值比重</td><td>%</td><td>8</td><td>12</td><td>预期性</td></tr>
<tr><td>2</td><td>5G基站数</td><td>万个</td><td>1.2</td><td>≥3</td><td>预期性</td></tr>
<tr><td>3</td><td>城镇化率（%）</td><td></td><td>60</td><td>65以上</td><td>约束性</td></tr>
<tr><td>4</td><td>数字化转型水平</td><td></td><td>—</td><td>持续提高</td><td>预期性</td></tr></table>
<p>二、重点任务</p><p>（一）建设数字基础设施。推进建设。</p>
</div></body></html>
"""


def test_an_indicator_table_gives_the_targets_the_text_does_not(tmp_path: Path) -> None:
    document = load_plan(write(tmp_path, "digital.html", INDICATOR_TABLE_PAGE)).document
    assert targets(document) == {
        # Stated in the text and in the table: once.
        "数字经济核心产业增加值占地区生产总值比重": (12, "%", "EQUAL", 2025, "GOAL"),
        "5G基站数": (30_000, "个", "AT_LEAST", 2025, "GOAL"),
        "城镇化率": (65, "%", "AT_LEAST", 2025, "GOAL"),
        # 持续提高 is no number: no target.
    }


def test_a_province_named_by_its_short_name_is_the_plans_region(tmp_path: Path) -> None:
    text = (
        "数字山东2021行动方案\n一、重点任务\n（一）建设数字基础设施。新建5G基站4万个。（省通信管理局牵头）\n"
    )
    document = load_plan(write(tmp_path, "digital.txt", text)).document
    (plan,) = document.entities_of(EntityKind.PLAN)
    assert (plan.attrs["region"], plan.attrs["level"]) == ("山东省", "PROVINCIAL")
    # A title's single year is when its targets fall due.
    assert targets(document)["5G基站"] == (40_000, "个", "EQUAL", 2021, "TASK")


def test_several_bodies_opening_a_sentence_each_lead(tmp_path: Path) -> None:
    text = "某某省推进某某工作实施方案\n一、重点任务\n（一）落实主体责任。建设单位和运营单位要落实安全主体责任。\n"
    document = load_plan(write(tmp_path, "duty.txt", text)).document
    assert responsible(document, "落实主体责任", EntityKind.TASK) == {
        ("建设单位", Role.LEAD),
        ("运营单位", Role.LEAD),
    }


def test_duties_by_body_and_work_introduced_by_you(tmp_path: Path) -> None:
    """四、职责分工 with items headed by a body's name: each is that body's measure, and it leads
    it; 由X在……征询: X does what follows, whatever the verb."""
    text = (
        "某某区海绵城市建设实施方案\n一、主要任务\n（一）土地出让阶段。出让项目，由区规划资源局在招拍挂阶段征询意见。\n"
        "二、职责分工\n（一）区建管委。负责统筹推进海绵城市建设。\n（二）区财政局。负责落实资金保障。\n"
    )
    document = load_plan(write(tmp_path, "sponge.txt", text)).document
    assert [e.name for e in document.entities_of(EntityKind.MEASURE)] == ["区建管委", "区财政局"]
    assert responsible(document, "区建管委", EntityKind.MEASURE) == {("某某区建管委", Role.LEAD)}
    assert {
        name for name, role in responsible(document, "土地出让阶段", EntityKind.TASK) if role is Role.LEAD
    } == {"某某区规划资源局"}


def test_a_body_that_is_a_clauses_subject_acts(tmp_path: Path) -> None:
    """A body opening a clause, after a comma too, that a verb follows leads (统筹, 会同, 负责);
    one after a verb (支持某某协会开展……) or before no verb does not."""
    text = (
        "某某市推进数据专区建设的指导意见\n一、重点任务\n"
        "（一）建立专区监督管理体系。某某市大数据工作推进小组负责总体指导，"
        "某某市大数据工作推进小组办公室负责组织推进相关决策落实。\n"
        "各级行政执法机关要把政治建设放在首位。各省（区、市）人民政府要统筹建设监管平台。\n"
        "（二）组织绩效考核评估。市经济和信息化局统筹制定考核评估指标体系，市科技局会同市财政局设立专项资金。"
        "支持市软件行业协会开展培训。对评估结果较差的运营单位，进行通报。所有普通高中实现办学条件达标。\n"
    )
    document = load_plan(write(tmp_path, "zones.txt", text)).document
    leads = {
        name
        for name, role in responsible(document, "建立专区监督管理体系", EntityKind.TASK)
        if role is Role.LEAD
    }
    assert leads == {
        "某某市大数据工作推进小组",
        "某某市大数据工作推进小组办公室",
        "各级行政执法机关",
        "各省（区、市）人民政府",
    }
    assessed = responsible(document, "组织绩效考核评估", EntityKind.TASK)
    assert {name for name, role in assessed if role is Role.LEAD} == {
        "某某市经济和信息化局",
        "某某市科学技术局",
    }
    assert ("某某市财政局", Role.SUPPORT) in assessed
    assert not [name for name, _ in assessed if "实现办" in name]  # 办 of 办学 ends no name
    assert not {name for name, _ in assessed if "协会" in name or "运营单位" in name} - {
        name for name, role in assessed if role is Role.SUPPORT
    }


@pytest.mark.parametrize("closing", ["压实工作责任", "强化考核问责", "狠抓工作落实", "加强政策解读"])
def test_the_closing_items_of_an_opinion_that_hold_it_to_account_are_measures(
    tmp_path: Path, closing: str
) -> None:
    """In an opinion made of items, the items that close it by holding the work to account
    (压实工作责任, 强化考核问责, 狠抓工作落实) or explaining it (加强政策解读) are its measures."""
    text = (
        "某某市关于促进消费的若干措施\n一、发放消费券。安排资金发放消费券。\n二、举办促消费活动。开展购物节。\n"
        f"三、培育消费新场景。建设特色街区。\n四、加强组织领导。建立工作专班。\n五、{closing}。各部门要抓好落实。\n"
    )
    document = load_plan(write(tmp_path, "closing.txt", text)).document
    assert [e.name for e in document.entities_of(EntityKind.MEASURE)] == ["加强组织领导", closing]


@pytest.mark.parametrize("title", ["强化支撑保障", "保障举措", "督查考核", "实施安排", "加强领导"])
def test_a_closing_chapter_that_names_a_safeguard_holds_measures(tmp_path: Path, title: str) -> None:
    """The closing chapter's title names a safeguard, or is one of the genre's titles for the
    measures (保障举措, 督查考核, 实施安排, 加强领导)."""
    text = (
        "某某市推进某某产业发展实施方案\n一、重点任务\n（一）培育龙头企业。支持企业做大做强。\n"
        f"二、{title}\n（一）加大资金投入。统筹用好专项资金。\n（二）加强人才保障。引进高层次人才。\n"
    )
    document = load_plan(write(tmp_path, "closing.txt", text)).document
    assert [e.name for e in document.entities_of(EntityKind.TASK)] == ["培育龙头企业"]
    assert [e.name for e in document.entities_of(EntityKind.MEASURE)] == ["加大资金投入", "加强人才保障"]


@pytest.mark.parametrize(
    ("support", "closing"),
    [
        ("构建高水平支撑保障体系", "保障措施"),
        ("加大经费投入，强化办学条件保障", "加强组织领导，凝聚改革合力"),
    ],
)
def test_a_chapter_of_work_named_for_support_before_the_safeguards_is_work(
    tmp_path: Path, support: str, closing: str
) -> None:
    """Written from 平顶山市“十四五”现代综合交通运输体系发展规划 (六、构建高水平支撑保障体系 before 七、保障措施)
    and 江西省……普通高中育人方式改革的实施意见 (六、加大经费投入，强化办学条件保障 before 七、加强组织领导，……):
    a chapter whose items are work stands before the chapter named for the plan's safeguards; that
    one is the measures, the other is work."""
    text = (
        "某市“十四五”综合交通运输发展规划\n一、建设综合交通网络\n（一）完善运输通道。建设通道。\n"
        f"二、{support}\n（一）强化科技创新智慧引领。推进智慧交通。\n"
        f"（二）推动行业绿色低碳发展。推广新能源车辆。\n三、{closing}\n（一）加强组织领导。\n（二）强化要素保障。\n"
    )
    document = load_plan(write(tmp_path, "support.txt", text)).document
    assert chapter_kinds_of(document)[support] == "tasks"
    assert [e.name for e in document.entities_of(EntityKind.MEASURE)] == ["加强组织领导", "强化要素保障"]


@pytest.mark.parametrize("date", ["2024年5月6日", "二〇二四年五月六日", "2024-05-06", "2024.5.6", "2024/5/6"])
def test_the_signatures_date_in_any_of_its_forms(tmp_path: Path, date: str) -> None:
    text = (
        "某市人民政府关于印发某市推进某某工作实施方案的通知\n某政发〔2024〕3号\n各区人民政府：\n"
        "现将《某市推进某某工作实施方案》印发给你们，请认真贯彻执行。\n某市人民政府\n"
        f"{date}\n某市推进某某工作实施方案\n一、重点任务\n（一）加快建设平台。（市发展改革委牵头）\n"
    )
    (plan,) = load_plan(write(tmp_path, "dated.txt", text)).document.entities_of(EntityKind.PLAN)
    assert (plan.attrs["issuedOn"], plan.attrs["issuer"]) == ("2024-05-06", "某市人民政府")


def test_the_date_that_closes_the_text_before_a_pages_trailer_is_the_date_of_issue(tmp_path: Path) -> None:
    """Written from 江西省人民政府关于以“两好”推进日常性新冠肺炎疫情防控工作的实施意见, as its page ends:
    the date, then （此件主动公开） and the page's 相关解读 with the titles it links to."""
    text = (
        "某某省人民政府关于做好某某工作的实施意见\n各市、县（区）人民政府，省政府各部门：\n"
        "一、重点任务\n（一）加强监测。各地要做好监测。\n二、加强组织领导\n（一）强化责任落实。各地要抓好落实。\n"
        "2020年3月3日\n（此件主动公开）\n相关解读：\n以“两好”推进日常性工作\n打好复工复产“主动仗”\n图解：\n"
    )
    (plan,) = load_plan(write(tmp_path, "page.txt", text)).document.entities_of(EntityKind.PLAN)
    assert plan.attrs["issuedOn"] == "2020-03-03"


def test_the_notice_and_its_signature_give_the_issuer_and_a_title_on_two_lines(tmp_path: Path) -> None:
    text = (
        "某某市经济和信息化局印发《某某市促进“产业聚集、空间聚集”三年行动计划（2024—2026年）》的通知\n"
        "各区政府，各相关单位：\n现印发给你们，请认真贯彻落实。\n某某市经济和信息化局\n2024年3月5日\n"
        "某某市促进“产业聚集、空间聚集”\n三年行动计划（2024—2026年）\n一、重点任务\n（一）培育龙头企业。支持企业做大做强。\n"
    )
    plan = plan_read_from(tmp_path, text)
    assert plan.name == "某某市促进“产业聚集、空间聚集”三年行动计划（2024—2026年）"
    assert (plan.attrs["issuer"], plan.attrs["issuedOn"]) == ("某某市经济和信息化局", "2024-03-05")


def test_an_opinion_sent_to_every_province_is_national(tmp_path: Path) -> None:
    text = (
        "关于加快构建某某协同创新体系的指导意见\n"
        "各省、自治区、直辖市及计划单列市人民政府，国务院各部委、各直属机构：\n为加快构建某某体系，现提出以下意见。\n"
        "一、重点任务\n（一）优化布局。推动集约发展。（发展改革委牵头，各地区负责）\n"
    )
    plan = plan_read_from(tmp_path, text)
    assert (plan.attrs["level"], plan.attrs["region"]) == ("NATIONAL", None)


def test_goals_in_stages_are_due_when_their_stage_says(tmp_path: Path) -> None:
    text = (
        "某某产业发展规划\n一、总体要求\n（一）战略目标。\n分两步走：\n第一步，到2020年产业总体水平同步提升。\n"
        "——产业竞争力进入第一方阵。核心产业规模超过1500亿元。\n第二步，到2025年产业实现重大突破。\n"
        "——产业进入价值链高端。核心产业规模超过4000亿元。\n二、重点任务\n（一）培育龙头企业。支持企业做大做强。\n"
    )
    due = {
        a["value"]: a["deadline"]
        for a in (
            e.attrs
            for e in load_plan(write(tmp_path, "stages.txt", text)).document.entities_of(EntityKind.INDICATOR)
        )
    }
    assert due == {150_000_000_000: 2020, 400_000_000_000: 2025}


def test_brackets_that_share_work_name_partners_or_only_bodies(tmp_path: Path) -> None:
    """按职责分工负责 with no one named to lead makes each a lead, even beside another clause; the
    bodies after 会同 support; a closing bracket of bodies alone names who does the work."""
    text = (
        "某某省支持某某产业发展若干措施\n一、重点任务\n"
        "（一）创新金融服务。加大资金支持力度。（省发展改革委、省财政厅按职责分工负责，各市县政府负责。以下任务均需各市县政府负责，不再列出）\n"
        "（二）组建产业联盟。打造协同创新平台。（责任单位：省工业和信息化厅、省科技厅会同省体育局、省教育厅，各市政府）\n"
        "（三）鼓励引进重大项目。对引进重大项目的机构给予奖励。（各市政府、雄安新区管委会）\n"
        "（五）发展行业大模型。打造行业大模型体系。（责任单位：省科技厅及相关行业主管部门）\n"
        "（四）培育创新主体。培育科技领军企业。（责任单位：各市（含定州、辛集市，下同）政府，省科技厅。以下均需各市政府落实，不再列出）\n"
    )
    document = load_plan(write(tmp_path, "measures.txt", text)).document
    assert responsible(document, "创新金融服务", EntityKind.TASK) == {
        ("某某省发展和改革委员会", Role.LEAD),
        ("某某省财政厅", Role.LEAD),
        ("各市县政府", Role.LEAD),
    }
    assert responsible(document, "组建产业联盟", EntityKind.TASK) == {
        ("某某省工业和信息化厅", Role.LEAD),
        ("某某省科学技术厅", Role.LEAD),
        ("某某省体育局", Role.SUPPORT),
        ("某某省教育厅", Role.SUPPORT),
        ("各市政府", Role.LEAD),
    }
    assert responsible(document, "鼓励引进重大项目", EntityKind.TASK) == {
        ("各市政府", Role.LEAD),
        ("雄安新区管委会", Role.LEAD),
    }
    # A parenthesis saying what a name takes in is no part of it, and splits no clause; a joining
    # word after a body's ending starts the next name.
    assert responsible(document, "发展行业大模型", EntityKind.TASK) == {
        ("某某省科学技术厅", Role.LEAD),
        ("相关行业主管部门", Role.LEAD),
    }
    assert responsible(document, "培育创新主体", EntityKind.TASK) == {
        ("各市政府", Role.LEAD),
        ("某某省科学技术厅", Role.LEAD),
    }


def test_a_goals_chapter_of_numbered_targets(tmp_path: Path) -> None:
    """一、行动目标（到2020年） whose items are the targets: each is a goal, due when the heading says;
    a verb opening a clause that qualifies the metric stays in it."""
    text = (
        "某某省遏制与防治某某病行动计划\n一、行动目标（到2020年）\n（一）居民防治知识知晓率达85%以上。\n"
        "（二）符合治疗条件的病人接受治疗比例达90%以上。母婴传播率下降到4%以下。\n"
        "二、工作任务\n（一）开展针对性教育。卫生健康部门要加强宣传。\n"
    )
    document = load_plan(write(tmp_path, "goals.txt", text)).document
    assert [e.name for e in document.entities_of(EntityKind.GOAL)] == [
        "居民防治知识知晓率达85%以上",
        "符合治疗条件的病人接受治疗比例达90%以上",
    ]
    assert targets(document) == {
        "居民防治知识知晓率": (85, "%", "AT_LEAST", 2020, "GOAL"),
        "符合治疗条件的病人接受治疗比例": (90, "%", "AT_LEAST", 2020, "GOAL"),
        "母婴传播率": (4, "%", "AT_MOST", 2020, "GOAL"),
    }


@pytest.mark.parametrize("bullet", ["●", "▲", "△", "▶", "◇", "□", "○", "·"])
def test_targets_listed_after_any_bullet(tmp_path: Path, bullet: str) -> None:
    """A list of targets set off by a bullet mark, whichever the page uses: the mark is no part of
    the metric."""
    text = (
        "某市文化旅游发展三年行动计划（2024—2026年）\n一、发展目标\n到2026年，具体目标如下：\n"
        f"{bullet}培育文旅龙头企业10家；\n{bullet}旅游总收入达到600亿元。\n二、重点任务\n（一）打造精品景区。\n"
    )
    document = load_plan(write(tmp_path, "bullets.txt", text)).document
    assert {metric: read[:4] for metric, read in targets(document).items()} == {
        "文旅龙头企业": (10, "家", "EQUAL", 2026),
        "旅游总收入": (60_000_000_000, "元", "EQUAL", 2026),
    }


def test_words_that_only_end_like_a_body_name_none(tmp_path: Path) -> None:
    """优化产业布局 and 鼓励举办 end as 局 and 办 do, but name no body; 按职责分工配合 is no part of a name."""
    text = (
        "某某省推进开放合作实施意见\n一、重点任务\n"
        "（一）用好原产地规则。由省商务厅优化产业布局，鼓励社会力量举办。（省商务厅牵头，合肥海关、省贸促会按职责分工配合）\n"
    )
    document = load_plan(write(tmp_path, "opening.txt", text)).document
    assert responsible(document, "用好原产地规则", EntityKind.TASK) == {
        ("某某省商务厅", Role.LEAD),
        ("合肥海关", Role.SUPPORT),
        ("某某省贸促会", Role.SUPPORT),
    }


def test_a_bracket_broken_across_lines_is_read_whole(tmp_path: Path) -> None:
    text = (
        "某某省质量强省建设行动方案\n一、重点任务\n（一）推动质量提升。\n"
        "1.发挥企业质量主体作用。落实企业质量责任。（责任单位：\n省市场监管局、省工商联）\n"
        "2.推广先进质量管理方法。推行首席质量官制度。（责任单位：省市场监管局）\n"
    )
    document = load_plan(write(tmp_path, "quality.txt", text)).document
    assert responsible(document, "发挥企业质量主体作用", EntityKind.TASK) == {
        ("某某省市场监督管理局", Role.LEAD),
        ("某某省工商联", Role.LEAD),
    }


def test_bodies_a_sentence_makes_act_of_every_kind(tmp_path: Path) -> None:
    """由……的管养单位负责: the body is what the 的 qualifies; finances, hospitals and bank branches
    are bodies when a clause makes them act, and so are a red cross society, an archive, a customs
    house and a group company; a parenthesis may close a subject's name."""
    text = (
        "某某区海绵城市建设实施方案\n一、重点任务\n"
        "（一）海绵设施移交维护。海绵设施建成后由相应道路、绿化、建筑小区的管养单位负责维护。\n"
        "（二）加大奖补支持力度。中央财政要对成效明显的地方予以奖补。定点医院要加强治疗能力建设。\n"
        "（三）加强业务引导。国家融资担保基金（机构）要合理设置准入条件。\n"
        "（四）普及应急救护知识。区红十字会要加强救护员培训。区档案馆负责整理应急档案。\n"
        "（五）保障物资通关。某某海关负责开辟绿色通道，某某集团要做好物资储备。\n"
    )
    document = load_plan(write(tmp_path, "duties.txt", text)).document
    assert responsible(document, "海绵设施移交维护", EntityKind.TASK) == {("管养单位", Role.LEAD)}
    assert responsible(document, "加大奖补支持力度", EntityKind.TASK) == {
        ("中央财政", Role.LEAD),
        ("定点医院", Role.LEAD),
    }
    assert ("国家融资担保基金", Role.LEAD) in responsible(document, "加强业务引导", EntityKind.TASK)
    assert responsible_as_written(document, "普及应急救护知识", EntityKind.TASK) == {
        ("区红十字会", Role.LEAD),
        ("区档案馆", Role.LEAD),
    }
    assert responsible_as_written(document, "保障物资通关", EntityKind.TASK) == {
        ("某某海关", Role.LEAD),
        ("某某集团", Role.LEAD),
    }


def test_a_chapter_of_campaigns_holds_tasks(tmp_path: Path) -> None:
    """三、专项行动 of named 行动, each with its items: work to do, not projects (工程 are)."""
    text = (
        "某某省人民政府关于大力推进产业集群发展的指导意见\n一、重点工程\n（一）实施核心技术攻关工程。攻克关键技术。\n"
        "（二）实施融合载体建设工程。建设创新载体。\n三、专项行动\n（一）融合创新能力提升行动。\n1.实施核心技术攻关计划。"
        "聚焦关键领域。\n2.打造融合发展创新载体。建设一批平台。\n"
    )
    document = load_plan(write(tmp_path, "campaigns.txt", text)).document
    assert [e.name for e in document.entities_of(EntityKind.TASK)] == [
        "融合创新能力提升行动",
        "实施核心技术攻关计划",
        "打造融合发展创新载体",
    ]
    assert [e.name for e in document.entities_of(EntityKind.PROJECT)] == [
        "实施核心技术攻关工程",
        "实施融合载体建设工程",
    ]


def test_a_notice_about_a_plan_placed_by_its_number_with_work_to_carry_out(tmp_path: Path) -> None:
    """关于印发《……》的通知 names no issuer 关于; a 文号 opening with a province's short name places a
    plan nothing else places; （X负责落实） leads; 原则和目标 and 成效与需求 are named by their titles."""
    text = (
        "关于印发《关于开展调解组织建设行动的实施方案》的通知\n冀人社字〔2024〕40号\n"
        "关于开展调解组织建设行动的实施方案\n一、成效与需求\n调解组织建设取得积极成效。\n"
        "二、原则和目标\n坚持依法调解。到2024年，调解中心覆盖率达到70%。\n三、主要任务\n"
        "（一）简化预算编制。精简预算科目。（项目管理部门负责落实）\n"
    )
    document = load_plan(write(tmp_path, "mediation.txt", text)).document
    (plan,) = document.entities_of(EntityKind.PLAN)
    assert (plan.attrs["issuer"], plan.attrs["region"], plan.attrs["level"]) == (None, "河北省", "PROVINCIAL")
    kinds = {
        e.name: e.attrs.get("chapterKind")
        for e in document.entities_of(EntityKind.SECTION)
        if e.parent == plan.id
    }
    assert kinds == {"成效与需求": "context", "原则和目标": "requirements", "主要任务": "tasks"}
    assert responsible(document, "简化预算编制", EntityKind.TASK) == {("项目管理部门", Role.LEAD)}


def test_a_capacity_names_the_thing_produced_and_a_column_in_one_paragraph(tmp_path: Path) -> None:
    """形成年产……1万片，……24万片能力 (河北省电子信息产业重点攻坚行动计划): each number is a yearly capacity of
    the thing before it; 形成……800吨、……300吨生产能力 a production capacity; a 专栏 laid out as one
    paragraph is read past its title; 2020年底， opening a sentence is its deadline."""
    text = (
        "某某省电子信息产业重点攻坚行动计划（2020-2022年）\n一、重点任务\n（一）现代通信产业链集群化发展行动\n"
        "巩固提升基础材料。\n"
        "专栏4现代通信产业链“固基提芯引端”工程硅基材料。2022年，形成年产6英寸SiC基GaN外延片1万片，"
        "12英寸硅外延片24万片能力。关键器件。2020年底，形成年产5G射频前端芯片3000万只能力；"
        "2022年，形成高纯铜金属靶材800吨、高纯铝金属靶材300吨生产能力。\n"
    )
    found = targets(load_plan(write(tmp_path, "capacity.txt", text)).document)
    assert found["6英寸SiC基GaN外延片年产能力"][:4] == (10000, "片", "EQUAL", 2022)
    assert found["12英寸硅外延片年产能力"][:4] == (240000, "片", "EQUAL", 2022)
    assert found["5G射频前端芯片年产能力"][:4] == (30000000, "只", "EQUAL", 2020)
    assert found["高纯铜金属靶材生产能力"][:4] == (800, "吨", "EQUAL", 2022)
    assert found["高纯铝金属靶材生产能力"][:4] == (300, "吨", "EQUAL", 2022)


def test_a_portal_page_of_spaced_labels_and_a_parenthesis_in_document_number_marks(tmp_path: Path) -> None:
    """江西省 portal pages: 文      号: with its label spaced out; 发文机关: 省政府办公厅 is the short form of
    the body the title names; （责任单位：……，各市、县〔区〕政府，赣江新区管委会） holds a parenthesis in
    the marks of a 文号; 省融资担保公司要…… makes a company act."""
    text = (
        "索  引  号: 014500815/2020-02346\n 发文机关:  省政府办公厅\n文      号: 赣府厅发〔2020〕6号\n"
        "江西省人民政府办公厅关于促进3岁以下婴幼儿照护服务发展的实施意见\n"
        "各市、县(区)人民政府，省政府各部门：\n"
        "一、主要任务\n（一）营造良好改革环境。宣传改革意义。（责任单位：省委宣传部、省教育厅，各市、县〔区〕政府，"
        "赣江新区管委会）\n（二）加强业务引导。省融资担保公司要合理设置合作担保机构准入条件。\n"
    )
    document = load_plan(write(tmp_path, "portal.txt", text)).document
    (plan,) = document.entities_of(EntityKind.PLAN)
    assert (plan.attrs["issuer"], plan.attrs["docNumber"]) == ("江西省人民政府办公厅", "赣府厅发〔2020〕6号")
    assert responsible(document, "营造良好改革环境", EntityKind.TASK) == {
        ("江西省委宣传部", Role.LEAD),
        ("江西省教育厅", Role.LEAD),
        ("各市、县（区）政府", Role.LEAD),
        ("赣江新区管委会", Role.LEAD),
    }
    assert responsible(document, "加强业务引导", EntityKind.TASK) == {("江西省融资担保公司", Role.LEAD)}


def test_a_notice_that_sends_out_a_plan_names_its_issuer_before_yinfa(tmp_path: Path) -> None:
    """江西省人民政府办公厅印发关于……若干措施的通知: the issuer is the body before 印发."""
    text = (
        "江西省人民政府办公厅印发关于完善政府性融资担保体系切实支持小微企业和“三农”发展若干措施的通知\n"
        "各市、县（区）人民政府，省政府各部门：\n"
        "《关于完善政府性融资担保体系切实支持小微企业和“三农”发展的若干措施》已经省政府同意，现印发给你们，请认真贯彻执行。\n"
        "2020年3月16日\n关于完善政府性融资担保体系切实支持小微企业和“三农”发展的若干措施\n"
        "一、加快推进政府性融资担保体系建设\n（一）加快发展市、县两级政府性融资担保机构。完善机构布局。\n"
    )
    (plan,) = load_plan(write(tmp_path, "notice.txt", text)).document.entities_of(EntityKind.PLAN)
    assert plan.attrs["issuer"] == "江西省人民政府办公厅"


def test_a_plan_in_parts_reads_its_work_four_levels_deep(tmp_path: Path) -> None:
    """普陀区绿化建设和市容景观提升“十五五”规划: 第一部分：发展基础 … 第五部分：主要任务 are its chapters; under
    主要任务, 一、 （一） and 1、 are each a task, the last within the one before."""
    text = (
        "普陀区绿化建设和市容景观提升“十五五”规划\n第一部分：发展基础\n一、“十四五”规划执行情况\n绿化建设成效明显。\n"
        "第五部分：主要任务\n一、绿化建设增存并举\n推动绿化建设增量提质。\n（一）优化空间布局，织密全域公园绿网\n"
        "1、推进结构性绿地建设\n保障真如之心绿地建设。\n2、激活城市边角空间\n梳理桥下空间。\n"
        "第六部分：保障措施\n一、加强组织领导\n建立工作机制。\n"
    )
    document = load_plan(write(tmp_path, "parts.txt", text)).document
    kinds = chapter_kinds_of(document)
    assert kinds == {"发展基础": "context", "主要任务": "tasks", "保障措施": "measures"}
    group = named(document, EntityKind.TASK, "优化空间布局，织密全域公园绿网")
    assert named(document, EntityKind.TASK, "推进结构性绿地建设").parent == group.id
    assert named(document, EntityKind.TASK, "激活城市边角空间").parent == group.id
    assert group.parent == named(document, EntityKind.TASK, "绿化建设增存并举").id


def test_a_district_plan_copied_from_its_portal_page_with_its_table_one_cell_to_a_line(
    tmp_path: Path,
) -> None:
    """上海市宝山区人民政府办公室: the plan is 宝山区's (a county-level district); its title, set on two lines,
    is the one the notice names with 〈〉 inside 《》; the attachment's table, copied one cell to a
    line, gives each task named in its rows its lead and supporting departments — a cell broken
    after 、 goes on on the next line, and a row short of its task takes the task from above."""
    text = (
        "上海市宝山区人民政府办公室关于印发贯彻《上海市生活垃圾管理条例》推进全程分类体系建设实施方案的通知\n"
        "各镇人民政府，各街道办事处，区政府各委、办、局：\n"
        "《关于贯彻〈上海市生活垃圾管理条例〉推进全程分类体系建设的实施方案》已经区政府同意，现印发给你们，请认真按照执行。\n"
        "上海市宝山区人民政府办公室\n2019年5月5日\n"
        "关于贯彻《上海市生活垃圾管理条例》\n推进全程分类体系建设的实施方案\n"
        "一、全面推进生活垃圾分类全程体系建设\n（一）推进全面覆盖\n深入开展生活垃圾分类达标创建活动。\n"
        "附件1\n2019年宝山区生活垃圾分类减量推进工作联席会议成员单位工作任务清单\n"
        "序号\n任务名称\n任务内容\n牵头部门\n配合部门\n时间节点\n"
        "1\n推进全面覆盖\n深入开展生活垃圾分类达标、示范街镇（园区）创建活动。\n各街镇（园区）\n区绿化市容局、\n区农业农村委\n2019年\n"
        "2\n居住区、单位、公共场所垃圾分类完成全覆盖。\n区绿化市容局\n区商务委、区国资委\n2019年6月\n"
    )
    document = load_plan(write(tmp_path, "baoshan.txt", text)).document
    (plan,) = document.entities_of(EntityKind.PLAN)
    assert plan.name == "关于贯彻《上海市生活垃圾管理条例》推进全程分类体系建设的实施方案"
    assert (plan.attrs["region"], plan.attrs["level"]) == ("宝山区", "COUNTY")
    assert responsible_as_written(document, "推进全面覆盖", EntityKind.TASK) >= {
        ("各街镇（园区）", Role.LEAD),
        ("区绿化市容局", Role.SUPPORT),
        ("区农业农村委", Role.SUPPORT),
        ("区绿化市容局", Role.LEAD),
        ("区商务委", Role.SUPPORT),
        ("区国资委", Role.SUPPORT),
    }


def test_a_part_of_main_indicators_holds_targets_numbered_as_text(tmp_path: Path) -> None:
    """普陀区……“十五五”规划, 二、主要指标: 1、新建绿地35万平方米 … are targets due at the end of the
    period, named without the item's number; 15条（段） keeps the unit it may be counted in; a
    parenthesis saying what is included is no part of the metric."""
    text = (
        "普陀区绿化建设和市容景观提升“十五五”规划\n第一部分：发展目标和主要指标\n一、发展目标\n（一）总体目标\n"
        "到2030年，将普陀区基本建设成为中心城区。\n二、主要指标\n"
        "1、新建绿地35万平方米，其中公园绿地17.5万平方米;绿化覆盖率达到31.5%。\n"
        "2、建设“美丽街区”15条（段）;景观照明3块（条）;公益性（含经营性和自设性）户外广告设施安全检测年抽检率达到10%以上。\n"
        "第二部分：主要任务\n一、绿化建设增存并举\n推动绿化建设增量提质。\n"
    )
    found = targets(load_plan(write(tmp_path, "indicators.txt", text)).document)
    assert found["绿地"][:4] == (350000, "平方米", "EQUAL", 2030)
    assert found["公园绿地"][:4] == (175000, "平方米", "EQUAL", 2030)
    assert found["绿化覆盖率"][:4] == (31.5, "%", "EQUAL", 2030)
    assert found["“美丽街区”"][:4] == (15, "条（段）", "EQUAL", 2030)
    assert found["景观照明"][:4] == (3, "块（条）", "EQUAL", 2030)
    assert found["公益性户外广告设施安全检测年抽检率"][:4] == (10, "%", "AT_LEAST", 2030)


def test_a_plan_issued_jointly_is_issued_by_the_first_body_and_a_rate_per_thousand_is_no_number(
    tmp_path: Path,
) -> None:
    """人力资源社会保障部国家发展改革委等十五部门关于……的意见: the first body issues, and the plan is
    national; 每千人口 is the base of a measure, not a quantity of people."""
    text = (
        "人力资源社会保障部国家发展改革委等十五部门关于做好当前农民工就业创业工作的意见\n"
        "为做好农民工就业创业工作，现提出如下意见。\n一、促进农民工就业\n（一）扩大就业岗位。到2025年，每千人口托位数达到8个以上。\n"
    )
    document = load_plan(write(tmp_path, "joint.txt", text)).document
    (plan,) = document.entities_of(EntityKind.PLAN)
    assert (plan.attrs["issuer"], plan.attrs["level"]) == ("人力资源社会保障部", "NATIONAL")
    assert targets(document)["每千人口托位数"][:4] == (8, "个", "AT_LEAST", 2025)


def test_fields_sharing_the_body_word_after_them_are_each_a_body(tmp_path: Path) -> None:
    """关于深入推进智慧社区建设的意见: 民政、政法、……、农业农村等部门要…… gives each field's 部门 the work, and
    省级民政、……等部门要…… each province-level one; 智慧社区 is no region."""
    text = (
        "关于深入推进智慧社区建设的意见\n为深入推进智慧社区建设，现提出如下意见。\n一、组织实施\n"
        "（一）加强组织领导。民政、政法、住房城乡建设（城市管理）、农业农村等部门要加强对智慧社区建设的组织领导。\n"
        "（二）加强规划引领。统一编制智慧社区建设规划。省级民政、公安等部门要加强对市、县的指导。\n"
    )
    document = load_plan(write(tmp_path, "communities.txt", text)).document
    (plan,) = document.entities_of(EntityKind.PLAN)
    assert plan.attrs["region"] is None
    assert responsible(document, "加强组织领导", EntityKind.MEASURE) == {
        ("民政部门", Role.LEAD),
        ("政法部门", Role.LEAD),
        ("住房城乡建设（城市管理）部门", Role.LEAD),
        ("农业农村部门", Role.LEAD),
    }
    assert responsible(document, "加强规划引领", EntityKind.MEASURE) == {
        ("省级民政部门", Role.LEAD),
        ("省级公安部门", Role.LEAD),
    }


def test_an_indicator_table_copied_one_cell_to_a_line(tmp_path: Path) -> None:
    """长宁区节能降碳和循环经济发展“十五五”规划: its table of main indicators, copied one cell to a line
    with the 类别 of a group only on its first row, gives each row with a number a target due
    when the plan ends, named as the text would name it (建成零碳转型建筑 → 零碳转型建筑)."""
    text = (
        "长宁区节能降碳和循环经济发展“十五五”规划\n一、总体要求\n（一）发展目标\n确保2030年前碳达峰目标如期实现。\n"
        "长宁区“十五五”期间节能降碳和循环经济主要指标\n序号\n类别\n指标名称\n单位\n属性\n目标值\n"
        "1\n总量和强度\n单位生产总值碳排放下降率\n%\n约束性\n完成市下达指标\n"
        "2\n建筑节能\n既有建筑节能改造面积\n万平方米\n预期性\n100\n"
        "3\n建成零碳转型建筑\n栋\n预期性\n≥3\n"
        "4\n绿色发展\n绿色出行占全方式出行比例\n%\n预期性\n≥75\n"
        "二、主要任务\n（一）构筑绿色低碳产业生态\n培育绿色产业。\n"
    )
    found = targets(load_plan(write(tmp_path, "changning.txt", text)).document)
    assert found["既有建筑节能改造面积"][:4] == (1000000, "平方米", "EQUAL", 2030)
    assert found["零碳转型建筑"][:4] == (3, "栋", "AT_LEAST", 2030)
    assert found["绿色出行占全方式出行比例"][:4] == (75, "%", "AT_LEAST", 2030)
    assert "单位生产总值碳排放下降率" not in found


def test_words_between_a_metric_and_its_number_and_a_year_opening_a_clause(tmp_path: Path) -> None:
    """累计, 日均, 完成, 建设 and 至 stand between a metric and its number (分类及绿色账户累计达到67.4万户,
    湿垃圾分类量日均不低于407吨, 提升轨道交通600米覆盖半径至85%以上); a year opening a clause after a comma
    is the deadline of what the clause commits to (……项目建设，2020年底，形成……能力)."""
    text = (
        "某区生活垃圾全程分类实施方案\n一、工作目标\n（一）全面覆盖。分类及绿色账户累计达到67.4万户。"
        "湿垃圾分类量日均不低于407吨。\n二、主要任务\n（一）优化出行。提升全区轨道交通600米覆盖半径至85%以上。\n"
        "（二）推进器件产业化。推动射频前端项目建设，2020年底，形成年产5G射频前端芯片3000万只能力。\n"
    )
    found = targets(load_plan(write(tmp_path, "trail.txt", text)).document)
    assert found["分类及绿色账户"][:3] == (674000, "户", "EQUAL")
    assert found["湿垃圾分类量"][:3] == (407, "吨", "AT_LEAST")
    assert found["轨道交通600米覆盖半径"][:3] == (85, "%", "AT_LEAST")
    assert found["5G射频前端芯片年产能力"][:4] == (30000000, "只", "EQUAL", 2020)


def test_bodies_signing_together_and_a_notice_title_broken_across_lines(tmp_path: Path) -> None:
    """河北省教育脱贫攻坚2018-2020年规划: six bodies sign it, two to a line, each one an issuer; the span
    written into the title is its period. 河北省促进科技成果转移转化行动计划: the notice's title broken over
    three lines (关于印发……行动计划 / （2016-2020年）的通知) is not the plan's."""
    signed = (
        "冀教财〔2018〕21号\n各市（含定州、辛集市）教育局：\n现将《河北省教育脱贫攻坚2018-2020年规划》印发给你们，请遵照执行。\n"
        "河北省教育厅河北省发展和改革委员会\n河北省民政厅河北省财政厅\n2018年5月11日\n"
        "河北省教育脱贫攻坚2018-2020年规划\n一、主要任务\n（一）发展学前教育。新建农村幼儿园。\n"
        "（二）发展职业教育。办好中等职业学校。\n二、保障措施\n（一）加强组织领导。建立工作机制。\n"
        "（二）加强督查考核。开展督导评估。\n"
    )
    (plan,) = load_plan(write(tmp_path, "signed.txt", signed)).document.entities_of(EntityKind.PLAN)
    assert plan.attrs["issuer"] == "河北省教育厅、河北省发展和改革委员会、河北省民政厅、河北省财政厅"
    assert (plan.attrs["periodStart"], plan.attrs["periodEnd"]) == (2018, 2020)
    broken = (
        "河北省人民政府办公厅\n关于印发河北省促进科技成果转移转化行动计划\n（2016-2020年）的通知\n冀政办发〔2016〕28号\n"
        "各市（含定州、辛集市）人民政府，省政府各部门：\n"
        "《河北省促进科技成果转移转化行动计划（2016-2020年）》已经省政府同意，现印发给你们，请认真贯彻执行。\n"
        "河北省人民政府办公厅\n2016年9月22日\n河北省促进科技成果转移转化行动计划\n（2016-2020年）\n"
        "一、主要任务\n（一）建设示范平台。建设转移转化示范平台。\n"
    )
    (plan,) = load_plan(write(tmp_path, "broken.txt", broken)).document.entities_of(EntityKind.PLAN)
    assert plan.name == "河北省促进科技成果转移转化行动计划（2016-2020年）"
    assert (plan.attrs["periodStart"], plan.attrs["periodEnd"]) == (2016, 2020)


def test_a_safeguard_chapter_of_run_in_headings_and_bodies_closed_by_deng_bumen(tmp_path: Path) -> None:
    """河北省教育脱贫攻坚2018-2020年规划, 四、保障措施: no numbered items, but paragraphs opening with a
    run-in heading (加强组织领导。……): each is a measure; 省教育厅、……、省农业厅等部门建立…… makes each body
    named before 等部门 act."""
    text = (
        "河北省教育脱贫攻坚2018-2020年规划\n一、任务举措\n（一）提升贫困地区基础教育水平\n保障义务教育。统筹推进县域内城乡义务教育一体化改革发展。\n"
        "二、保障措施\n加强组织领导。省教育厅、省财政厅、省扶贫办等部门建立教育扶贫工作协调机制，研究解决工作中的重大问题。\n"
        "严格考核督查评估。把教育脱贫攻坚纳入考核内容。\n各地要定期开展督查。\n"
    )
    document = load_plan(write(tmp_path, "runin.txt", text)).document
    assert {e.name for e in document.entities_of(EntityKind.MEASURE)} == {"加强组织领导", "严格考核督查评估"}
    assert {name for name, role in responsible(document, "加强组织领导", EntityKind.MEASURE)} == {
        "河北省教育厅",
        "河北省财政厅",
        "河北省扶贫办",
    }


def test_a_notice_listing_its_attachments_before_the_plan_it_sends(tmp_path: Path) -> None:
    """河北省教育厅 河北省财政厅关于印发《幼儿园建设工程实施方案》的通知: 附件：1、…… / 2、工作专班名单 lists the
    notice's attachments and numbers no heading, so the plan after 附件1 is the plan, not an
    attachment; 进度安排 is a chapter of measures, and a kind's chapter of plain text is its item."""
    text = (
        "河北省教育厅 河北省财政厅关于印发《幼儿园建设工程实施方案》的通知\n各市（含定州、辛集市）教育局、财政局：\n"
        "现将《幼儿园建设工程实施方案》印发你们，请认真组织实施。\n附件：1、幼儿园建设工程实施方案\n2、工作专班名单\n"
        "河北省教育厅河北省财政厅\n2019年1月30日\n附件1\n幼儿园建设工程实施方案\n"
        "一、年度目标\n2019年，全省新建、改扩建幼儿园200所。\n二、重点任务\n（一）合理布局科学规划。统筹规划布局。\n"
        "（二）加快乡村幼儿园建设。推进一乡一公办。\n三、进度安排\n（一）前期准备阶段（2019年3月底前）。完成项目规划。\n"
        "（二）验收总结阶段（2019年12月）。开展验收。\n四、时间要求\n各市政府要在9月底之前完成。\n"
    )
    document = load_plan(write(tmp_path, "kindergarten.txt", text)).document
    kinds = chapter_kinds_of(document)
    assert kinds == {
        "年度目标": "requirements",
        "重点任务": "tasks",
        "进度安排": "measures",
        "时间要求": "measures",
    }
    assert {e.name for e in document.entities_of(EntityKind.MEASURE)} == {
        "前期准备阶段（2019年3月底前）",
        "验收总结阶段（2019年12月）",
        "时间要求",
    }
    assert targets(document)["幼儿园"][:4] == (200, "所", "EQUAL", 2019)


def test_a_year_opening_a_sentence_and_numbers_for_the_metrics_before(tmp_path: Path) -> None:
    """河北省人民政府办公厅关于开展供销合作社系统“补网强网用网”行动的通知: 2025年要建设区域中心15家 is due in
    2025 (要 opens the metric as a verb does); ……；2028年分别达到8000万亩次和60%以上 gives the metrics of
    the sentence before their numbers for 2028."""
    text = (
        "某省供销合作社系统“补网强网用网”行动方案\n一、主要任务\n（一）疏通区域物流网络。2025年要建设区域中心15家，2028年达到50家。\n"
        "（二）发挥为农服务作用。2025年全省供销合作社系统农业社会化服务规模达到6000万亩次以上，农资市场占有率达到50%以上；"
        "2028年分别达到8000万亩次和60%以上。\n"
    )
    document = load_plan(write(tmp_path, "supply.txt", text)).document
    found = {
        (e.attrs["metric"], e.attrs["value"], e.attrs["deadline"])
        for e in document.entities_of(EntityKind.INDICATOR)
    }
    assert ("区域中心", 15, 2025) in found
    assert ("区域中心", 50, 2028) in found
    assert ("农资市场占有率", 60, 2028) in found
    assert ("供销合作社系统农业社会化服务规模", 80000000, 2028) in found


def test_a_forwarded_plan_a_fire_brigade_and_a_share_compared_with_its_base(tmp_path: Path) -> None:
    """上海市静安区人民政府办公室关于转发区消防支队《……》的通知 sends the plan out as 印发 does; 消防救援支队
    is a body; 标杆示范单位比例不低于各区养老机构数量的15% is at least 15%."""
    text = (
        "上海市静安区人民政府办公室关于转发区消防支队《静安区消防救援发展三年行动计划（2019—2021）》的通知\n"
        "区政府各委、办、局，各街道办事处：\n区消防支队《静安区消防救援发展三年行动计划（2019—2021）》已经区政府同意，现转发给你们。\n"
        "静安区消防救援发展三年行动计划\n一、主要任务\n（一）加强组织领导。各区民政局、消防救援支队要高度重视养老机构消防安全。\n"
        "（二）开展示范创建。到2024年，标杆示范单位比例不低于各区养老机构数量的15%。\n"
    )
    document = load_plan(write(tmp_path, "forwarded.txt", text)).document
    (plan,) = document.entities_of(EntityKind.PLAN)
    assert (plan.attrs["issuer"], plan.attrs["region"]) == ("上海市静安区人民政府办公室", "静安区")
    assert "消防救援支队" in {name for name, _ in responsible(document, "加强组织领导", EntityKind.TASK)}
    assert targets(document)["标杆示范单位比例"][:4] == (15, "%", "AT_LEAST", 2024)


def test_a_quality_or_certification_before_a_metric_describes_it(tmp_path: Path) -> None:
    """河北省体育用品产业发展工作方案: 拥有较强创新能力和市场竞争力的知名品牌达到50个左右 counts 知名品牌 (as 具有……的
    does); 经认定的省级品牌科技中介机构 counts 品牌科技中介机构; a clause that restricts the metric stays
    (夫妻一方感染艾滋病家庭的配偶传播率, 政府主导制定的标准)."""
    text = (
        "某省体育用品产业发展工作方案\n一、发展目标\n到2025年，拥有较强创新能力和市场竞争力的知名品牌达到50个左右，"
        "经认定的省级品牌科技中介机构达到100家，夫妻一方感染艾滋病家庭的配偶传播率控制在1%以下，政府主导制定的标准达到100项。\n"
        "二、主要任务\n（一）培育品牌。建设品牌。\n"
    )
    found = targets(load_plan(write(tmp_path, "de.txt", text)).document)
    assert found["知名品牌"][:3] == (50, "个", "ABOUT")
    assert found["品牌科技中介机构"][:3] == (100, "家", "EQUAL")
    assert found["夫妻一方感染艾滋病家庭的配偶传播率"][:3] == (1, "%", "AT_MOST")
    assert found["政府主导制定的标准"][:3] == (100, "项", "EQUAL")


def test_a_table_with_its_cells_separated_by_tabs(tmp_path: Path) -> None:
    """河北省汽车制造业数字化转型行动计划（2020-2022）, 年度指标分解表: a table copied with tabs between its cells;
    each year of the plan's period is a target's deadline, 2020 included."""
    text = (
        "某省汽车制造业数字化转型行动计划（2020-2022）\n一、发展目标\n到2022年，全省汽车制造业数字化转型成效明显。\n"
        "年度指标分解表\n指标\t2020年\t2021年\t2022年\n机器人应用密度（台/万人）\t100\t110\t150\n关键工序数控化率（%）\t48\t52.5\t53\n"
        "二、主要任务\n（一）推进数字化改造。建设数字化车间。\n"
    )
    document = load_plan(write(tmp_path, "tabs.txt", text)).document
    found = {
        (e.attrs["metric"], e.attrs["value"], e.attrs["unit"], e.attrs["deadline"])
        for e in document.entities_of(EntityKind.INDICATOR)
    }
    assert {("机器人应用密度", 100, "台/万人", 2020), ("机器人应用密度", 150, "台/万人", 2022)} <= found
    assert ("关键工序数控化率", 52.5, "%", 2021) in found


def test_bodies_that_carry_out_what_another_leads(tmp_path: Path) -> None:
    """上海港提高靠港船舶岸电使用率实施方案（2023年）: （牵头部门：……；实施部门：市港航中心、各区交通主管部门） — those
    who carry it out support the leads; 上海市交通委员会 and 上海海事局 sign it together."""
    text = (
        "上海市交通委员会上海海事局关于印发《上海港提高靠港船舶岸电使用率实施方案（2023年）》的通知\n"
        "各相关港航企业：\n现将《上海港提高靠港船舶岸电使用率实施方案（2023年）》印发给你们，请认真贯彻执行。\n"
        "上海港提高靠港船舶岸电使用率实施方案（2023年）\n一、主要任务\n"
        "（一）完善码头岸电设施建设。持续推进上海港码头岸电设施建设。（牵头部门：市交通委科技信息处、港务监管处；"
        "实施部门：市港航中心、各区交通主管部门）\n"
    )
    document = load_plan(write(tmp_path, "shore.txt", text)).document
    (plan,) = document.entities_of(EntityKind.PLAN)
    assert plan.attrs["issuer"] == "上海市交通委员会、上海海事局"
    roles = responsible_as_written(document, "完善码头岸电设施建设", EntityKind.TASK)
    assert {
        ("市交通委科技信息处", Role.LEAD),
        ("市港航中心", Role.SUPPORT),
        ("各区交通主管部门", Role.SUPPORT),
    } <= roles


def test_mass_organisations_named_bare_are_bodies(tmp_path: Path) -> None:
    """关于开展基层劳动人事争议调解组织建设行动的实施方案: 工会、工商联、企联组织牵头负责…… gives the work to each of
    the three mass organisations, and so does ……部门和工会、工商联、企联组织要……."""
    text = (
        "关于开展基层劳动人事争议调解组织建设行动的实施方案\n一、重点任务\n"
        "1.推动企业调解委员会建设。工会、工商联、企联组织牵头负责在规模以上企业依法设立调解委员会。\n"
        "2.加强调解员队伍建设。各地人力资源社会保障部门和工会、工商联、企联组织要加大指导力度。\n"
    )
    document = load_plan(write(tmp_path, "mediation.txt", text)).document
    for task in ("推动企业调解委员会建设", "加强调解员队伍建设"):
        assert {("工会", Role.LEAD), ("工商联", Role.LEAD), ("企联组织", Role.LEAD)} <= responsible(
            document, task, EntityKind.TASK
        )


def test_a_part_of_the_requirements_named_as_work_holds_tasks(tmp_path: Path) -> None:
    """黄浦区旧区改造和重大项目“十四五”规划, 三、总体发展目标 （三）重点工作: its numbered items are tasks."""
    text = (
        "黄浦区旧区改造和重大项目“十四五”规划\n一、总体发展目标\n（一）指导思想\n坚持以人民为中心。\n"
        "（二）规划目标\n到2025年，完成架空线入地和合杆整治道路长度60公里。\n（三）重点工作\n"
        "1.强化协调，努力推动重大工程项目建设\n继续保障14号线建设进度。\n2.打造标杆，创建无架空线示范区\n推进架空线入地。\n"
        "二、主要保障措施\n（一）优化体制机制，有效增强推进合力\n完善推进机制。\n"
    )
    document = load_plan(write(tmp_path, "huangpu.txt", text)).document
    assert {e.name for e in document.entities_of(EntityKind.TASK)} == {
        "强化协调，努力推动重大工程项目建设",
        "打造标杆，创建无架空线示范区",
    }


def test_closing_chapters_that_safeguard_the_plan_and_one_that_guarantees_work(tmp_path: Path) -> None:
    """人力资源社会保障部……关于做好当前农民工就业创业工作的意见: its last chapters 强化平等就业服务和权益保障 and
    优先保障贫困劳动力稳岗就业 are work (保障 done for workers); 强化统筹协同推进，保障各项措施落地见效 closing
    another plan is its safeguard."""
    work = (
        "关于做好当前农民工就业创业工作的意见\n为做好农民工就业创业工作，现提出如下意见。\n一、促进农民工就业\n（一）扩大就业岗位。稳定就业。\n"
        "二、强化平等就业服务和权益保障\n（一）加强就业服务。提供就业服务。\n"
        "三、优先保障贫困劳动力稳岗就业\n（一）稳定贫困劳动力外出务工规模。组织劳务输出。\n"
    )
    assert chapter_kinds_of(load_plan(write(tmp_path, "work.txt", work)).document) == {
        "促进农民工就业": "tasks",
        "强化平等就业服务和权益保障": "tasks",
        "优先保障贫困劳动力稳岗就业": "tasks",
    }
    safeguard = (
        "关于加快推进数字经济创新发展的若干措施\n为加快推进数字经济创新发展，制定以下措施。\n一、强化数字技术突破\n1.加强前沿基础理论研究。实施重大基础研究项目。\n"
        "二、强化统筹协同推进，保障各项措施落地见效\n2.健全推进机制。建立工作专班。\n"
    )
    kinds = chapter_kinds_of(load_plan(write(tmp_path, "safeguard.txt", safeguard)).document)
    assert kinds["强化统筹协同推进，保障各项措施落地见效"] == "measures"


def test_one_for_each_is_a_quantity(tmp_path: Path) -> None:
    """河北省教育脱贫攻坚2018-2020年规划: 每县建设好一所中等职业学校 sets one school for each county; 打造一个平台
    counts nothing (一 is an article)."""
    text = (
        "河北省教育脱贫攻坚2018-2020年规划\n一、任务举措\n（一）大力发展中等职业教育。支持深度贫困县每县建设好一所中等职业学校。\n"
        "（二）建设资源平台。打造一个平台。\n"
    )
    found = targets(load_plan(write(tmp_path, "one.txt", text)).document)
    assert found["中等职业学校"][:3] == (1, "所", "EQUAL")
    assert "平台" not in found


def test_fields_after_huitong_support_and_bodies_named_in_full_stay_themselves(tmp_path: Path) -> None:
    """17个省级贫困县农村义务教育学生营养改善计划提标扩面实施方案: 各级教育行政部门要会同财政、发展改革、市场监管等部门……
    — each field's 部门 supports; 省工业和信息化厅会同省发展改革委、省科技厅等部门做好…… names its bodies in full."""
    text = (
        "某省学生营养改善计划实施方案\n一、保障措施\n"
        "（一）严格规范管理。各级教育行政部门要会同财政、发展改革、市场监管等部门，认真总结经验做法。\n"
        "（二）完善工作机制。省工业和信息化厅会同省发展改革委、省科技厅等部门做好行动计划的组织实施。\n"
    )
    document = load_plan(write(tmp_path, "nutrition.txt", text)).document
    assert {
        ("财政部门", Role.SUPPORT),
        ("发展改革部门", Role.SUPPORT),
        ("市场监管部门", Role.SUPPORT),
    } <= responsible(document, "严格规范管理", EntityKind.MEASURE)
    assert {("省发展改革委", Role.SUPPORT), ("省科技厅", Role.SUPPORT)} <= responsible_as_written(
        document, "完善工作机制", EntityKind.MEASURE
    )


def test_what_a_number_counts_when_words_around_it_are_not_the_metric(tmp_path: Path) -> None:
    """Written from 上海市宝山区……推进全程分类体系建设的实施方案, 河北省电子信息产业重点攻坚行动计划, 江西省……
    婴幼儿照护服务发展的实施意见 and 江西省市场监管局……若干措施: the item before ends at a parenthesis, not
    inside it; 进行 carries the verb after it; 每村 and 各区 say who does it; 每千人口 is the base the
    number is given per; an age or a bounded sum before a noun says which things are counted; a
    change ends 下降至; a bare 年均增速 is the change of the metric just measured; the thing produced
    may stand between a capacity's number and 能力; a verb inside a clause closed by 的 qualifies."""
    text = (
        "某区生活垃圾分类实施方案\n一、工作目标\n到2021年，增建6个街镇（石门二路街道、彭浦镇）天然水源消防取水设施24处，"
        "对全区1918个垃圾箱房（收集点）进行升级改造，每村配置1辆专用收集车，各区推选标杆示范单位不少于3个。"
        "2025年前，按照每千人口不少于8个托位建设婴幼儿照护服务设施，每千人口拥有3岁以下婴幼儿托位数达到4.5个。"
        "2022年，电子信息产业主营业务收入达到3000亿元，年均增速15%以上。主营业务收入10亿元以上企业达到40家，超10亿元企业达到6个。"
        "药品再注册费由2.44万元下降至1.708万元。2021年，形成年产18.6亿只表贴型电子陶瓷封装材料能力。"
        "在工业、农业等领域形成30个以上可复制、可推广的典型应用场景。\n"
        "二、主要任务\n（一）推进分类。建设分类体系。\n"
    )
    found = targets(load_plan(write(tmp_path, "which.txt", text)).document)
    assert found["街镇"][:2] == (6, "个")
    assert found["天然水源消防取水设施"][:3] == (24, "处", "EQUAL")
    assert found["垃圾箱房（收集点）升级改造"][:2] == (1918, "个")
    assert found["专用收集车"][:2] == (1, "辆")
    assert found["标杆示范单位"][:3] == (3, "个", "AT_LEAST")
    assert found["每千人口托位"][:4] == (8, "个", "AT_LEAST", 2025)
    assert found["每千人口拥有3岁以下婴幼儿托位数"][:2] == (4.5, "个")
    assert found["主营业务收入10亿元以上企业"][:2] == (40, "家")
    assert found["超10亿元企业"][:2] == (6, "个")
    assert found["药品再注册费"][:2] == (17080, "元")
    assert found["表贴型电子陶瓷封装材料年产能力"][:4] == (1860000000, "只", "EQUAL", 2021)
    assert found["典型应用场景"][:3] == (30, "个", "AT_LEAST")
    growth = [
        e.attrs
        for e in load_plan(write(tmp_path, "growth.txt", text)).document.entities_of(EntityKind.INDICATOR)
        if e.attrs["metric"] == "电子信息产业主营业务收入"
    ]
    assert {(a["value"], a["unit"], a["comparator"]) for a in growth} == {
        (300000000000, "元", "EQUAL"),
        (15, "%", "AT_LEAST"),
    }


def test_the_base_a_change_is_counted_from_and_a_five_year_plans_end(tmp_path: Path) -> None:
    """Written from 上海港提高靠港船舶岸电使用率实施方案（2023年）, 普陀区……“十五五”规划 and 国务院办公厅关于有效发挥政府性
    融资担保基金作用……的指导意见: 同比2022年 is the base of the change, not part of the metric; 至“十五五”末
    is a time phrase; 500万元及以下 before 的占比 says which guarantees are meant."""
    text = (
        "某港口岸电使用实施方案（2023年）\n一、工作目标\n2023年，国际集装箱靠港船舶岸电使用量同比2022年增长30%。"
        "至“十五五”末全区景观照明设施节能灯具使用率达到98%以上。单户担保金额500万元及以下的占比不低于50%。"
        "单位GDP能耗比2020年下降13.5%。\n二、主要任务\n（一）完善岸电设施。建设岸电设施。\n"
    )
    found = targets(load_plan(write(tmp_path, "base.txt", text)).document)
    assert found["国际集装箱靠港船舶岸电使用量"][:4] == (30, "%", "EQUAL", 2023)
    assert found["景观照明设施节能灯具使用率"][:3] == (98, "%", "AT_LEAST")
    assert found["单户担保金额500万元及以下的占比"][:3] == (50, "%", "AT_LEAST")
    assert found["单位GDP能耗"][:2] == (13.5, "%")


def test_chapter_titles_that_name_their_kind_in_other_words(tmp_path: Path) -> None:
    """Written from 河北省推动能源电子产业发展的实施方案 (一、思路目标, 二、发展重点), 普陀区……“十五五”规划
    (发展趋势, 指导方针) and 黄浦区……重大项目规划 (“十三五”规划总体完成情况)."""
    text = (
        "某区绿化市容发展规划\n一、“十三五”规划总体完成情况\n五年来，全区新建绿地35万平方米。\n二、发展趋势\n绿化需求持续增长。\n"
        "三、思路目标\n到2025年，产业规模突破1000亿元。\n四、发展重点\n（一）光伏产业。发展光伏组件。\n（二）储能产业。发展储能电池。\n"
        "五、主要任务\n（一）建设公园。新建公园10座。\n"
    )
    kinds = chapter_kinds_of(load_plan(write(tmp_path, "kinds.txt", text)).document)
    assert kinds["“十三五”规划总体完成情况"] == "context"
    assert kinds["发展趋势"] == "context"
    assert kinds["思路目标"] == "requirements"
    assert kinds["发展重点"] == "domains"


def test_a_division_table_that_names_tasks_in_its_own_words(tmp_path: Path) -> None:
    """Written from 国务院办公厅关于印发促进科技成果转移转化行动方案的通知: its attachment 重点任务分工及进度安排表
    (序号 / 重点任务 / 责任部门 / 时间进度, cells between tabs) names each task in words of its own and
    goes on to the measures; 各地方要…… acts; 组织与实施 holds the measures; the targets under
    “十三五”期间 are due in 2020. From 广东省支持人工智能OPC创新发展行动方案: （X牵头负责，Y配合）."""
    text = (
        "促进科技成果转移转化行动方案\n一、总体思路\n（一）主要目标。\n“十三五”期间，推动一批重大科技成果转化应用。\n"
        "主要指标：建设100个示范性国家技术转移机构。\n二、重点任务\n（一）开展科技成果信息汇交与发布。\n"
        "1.发布转化先进适用的科技成果包。以需求为导向发布一批符合产业转型升级方向、投资规模与产业带动作用大的科技成果包。\n"
        "2.建立国家科技成果信息系统。制定科技成果信息采集、加工与服务规范。"
        "（省发展改革委牵头负责，省工业和信息化厅、财政厅配合）\n"
        "三、组织与实施\n（一）加强政策保障。各地方要完善促进科技成果转移转化的政策法规。\n"
        "附件：重点任务分工及进度安排表\n附件\n重点任务分工及进度安排表\n序号\t重点任务\t责任部门\t时间进度\n"
        "1\t发布一批产业转型升级发展急需的科技成果包\t科技部会同有关部门\t2016年6月底前完成\n"
        "2\t完善政策法规，加强政策保障\t教育部、科技部\t持续推进\n"
    )
    document = load_plan(write(tmp_path, "table.txt", text)).document
    assert ("科技部", Role.LEAD) in responsible_as_written(
        document, "发布转化先进适用的科技成果包", EntityKind.TASK
    )
    assert ("省发展改革委", Role.LEAD) in responsible_as_written(
        document, "建立国家科技成果信息系统", EntityKind.TASK
    )
    assert ("财政厅", Role.SUPPORT) in responsible_as_written(
        document, "建立国家科技成果信息系统", EntityKind.TASK
    )
    measure = responsible_as_written(document, "加强政策保障", EntityKind.MEASURE)
    assert {("教育部", Role.LEAD), ("各地方", Role.LEAD)} <= measure
    assert chapter_kinds_of(document)["组织与实施"] == "measures"
    assert targets(document)["示范性国家技术转移机构"][:4] == (100, "个", "EQUAL", 2020)


def test_a_national_plan_whose_title_opens_with_a_word_ending_like_a_city(tmp_path: Path) -> None:
    """Written from 科技部关于印发技术市场“十二五”发展规划的通知: 技术市场 names no 技术市; 年递增21% is the change
    of 技术合同成交额, and 到2015年达到10000亿元 its figure."""
    text = (
        "技术市场“十二五”发展规划\n一、发展目标\n力争实现技术合同成交额年递增21%,到2015年达到10000亿元。\n"
        "二、重点任务\n（一）完善技术交易。建设技术交易平台。\n"
    )
    result = load_plan(write(tmp_path, "market.txt", text))
    assert result.document.entities_of(EntityKind.PLAN)[0].attrs.get("region") is None
    found = {
        (e.attrs["metric"], e.attrs["value"], e.attrs["unit"], e.attrs["deadline"])
        for e in result.document.entities_of(EntityKind.INDICATOR)
    }
    assert {("技术合同成交额", 21, "%", 2015), ("技术合同成交额", 1000000000000, "元", 2015)} <= found


def test_work_on_what_secures_comes_before_the_work_it_secures(tmp_path: Path) -> None:
    """Written from 广东省支持个体工商户发展若干措施: 一、加强要素保障 opens the plan and is followed by more work
    (二、降低经营成本), so its items are tasks; 五、组织保障 at the end is the measure."""
    text = (
        "某省支持个体工商户发展若干措施\n一、加强要素保障\n（一）提供更多信贷支持。支持银行机构建立信贷服务机制。\n"
        "（二）优化招工用工服务。依托就业驿站提供招工服务。\n二、降低经营成本\n（三）减轻税费负担。持续落实税费优惠政策。\n"
        "三、组织保障\n强化省发展改革委牵头抓总作用，各有关部门按照职责分工细化举措。\n"
    )
    document = load_plan(write(tmp_path, "secures.txt", text)).document
    kinds = chapter_kinds_of(document)
    assert kinds["加强要素保障"] == "tasks"
    assert kinds["组织保障"] == "measures"
    assert {"提供更多信贷支持", "优化招工用工服务", "减轻税费负担"} <= {
        e.name for e in document.entities_of(EntityKind.TASK)
    }


def test_a_label_of_who_does_it_without_a_bracket_and_a_portal_footer(tmp_path: Path) -> None:
    """河北省人工智能……实施方案 writes （牵头单位：省科技厅，责任单位：省教育厅）; the same labels stand without a
    bracket, closing the item's text or on a line of their own, in plans laid out otherwise — read
    alike. A heading that names work on a thing named like a body (建设数据中心) names no body. From
    河北省人民政府办公厅关于开展土地市场治理整顿的通知: the portal's footer (公开程序：…… / 责任部门：省政府办公厅秘书一处)
    gives no work to anyone."""
    text = (
        "某省人工智能产业科技创新实施方案\n一、重点任务\n"
        "（一）加强基础理论研究。围绕下一代人工智能方法开展有组织科研。牵头单位：省科技厅；责任单位：省教育厅\n"
        "（二）开展基础软件关键技术攻关。实施人工智能基础软件扶持计划。\n责任单位：省发展改革委、省工业和信息化厅\n"
        "（三）建设数据中心。推进算力基础设施建设。（省发展改革委牵头，省通信管理局配合）\n"
        "二、工作要求\n各级各有关部门要加强领导，周密部署。\n公开程序：本单位审核后公开\n责任部门：省政府办公厅秘书一处\n"
    )
    document = load_plan(write(tmp_path, "labels.txt", text)).document
    assert responsible_as_written(document, "加强基础理论研究", EntityKind.TASK) == {
        ("省科技厅", Role.LEAD),
        ("省教育厅", Role.SUPPORT),
    }
    assert responsible_as_written(document, "开展基础软件关键技术攻关", EntityKind.TASK) == {
        ("省发展改革委", Role.LEAD),
        ("省工业和信息化厅", Role.LEAD),
    }
    assert responsible_as_written(document, "建设数据中心", EntityKind.TASK) == {
        ("省发展改革委", Role.LEAD),
        ("省通信管理局", Role.SUPPORT),
    }
    bodies = {e.name for e in document.entities_of(EntityKind.DEPARTMENT)}
    assert not any("秘书一处" in name for name in bodies)


def test_metrics_that_open_with_a_verbs_characters_and_spans_of_years(tmp_path: Path) -> None:
    """Written from 河北省供销合作社系统“补网强网用网”行动方案 (……销售额要达到总销售额的30%以上;
    培育全国供销合作社系统示范基层社50家), 上海市……保障性租赁住房的实施意见 (租赁运营期限应当达到5年以上) and the
    indicators national plans share (建成区绿地率, 劳动年龄人口平均受教育年限提高到11.3年): 建成 opens 建成区 as part
    of a word, not as a verb; a span of years compared with is a quantity, a calendar year is not."""
    text = (
        "某省补网强网用网行动方案\n一、行动目标\n到2025年，培育全国供销合作社系统示范基层社50家，"
        "龙头企业带动系统销售额要达到总销售额的30%以上，建成区绿地率达到38%以上，"
        "劳动年龄人口平均受教育年限提高到11.3年，租赁运营期限应当达到5年以上。\n二、重点任务\n（一）完善网络。建设网点。\n"
    )
    found = targets(load_plan(write(tmp_path, "verbs.txt", text)).document)
    assert found["全国供销合作社系统示范基层社"][:4] == (50, "家", "EQUAL", 2025)
    assert found["龙头企业带动系统销售额"][:3] == (30, "%", "AT_LEAST")
    assert found["建成区绿地率"][:3] == (38, "%", "AT_LEAST")
    assert found["劳动年龄人口平均受教育年限"][:2] == (11.3, "年")
    assert found["租赁运营期限"][:3] == (5, "年", "AT_LEAST")
    assert not any(value == 2025 for value, *_ in found.values())


def test_a_level_word_that_is_part_of_a_word(tmp_path: Path) -> None:
    """Written from 国家发展改革委 国家能源局关于促进电网高质量发展的指导意见: 省间电力互济能力 (between provinces) keeps
    its 省, which is no level there."""
    text = (
        "关于促进电网高质量发展的指导意见\n一、主要目标\n到2030年，新增省间电力互济能力4000万千瓦左右。\n"
        "二、重点任务\n（一）加强主干电网建设。建设特高压通道。\n"
    )
    found = targets(load_plan(write(tmp_path, "grid.txt", text)).document)
    assert found["省间电力互济能力"][:4] == (40000000, "千瓦", "ABOUT", 2030)


def test_who_leads_and_who_works_with_them_in_sentences_and_marks(tmp_path: Path) -> None:
    """关于促进文化和科技深度融合的指导意见: 以科技部、中央宣传部牵头，中央网信办、财政部……等部门参与 — those closed by
    等部门 and 参与 support. Forms of the genre read alike: 由A会同B负责 (B supports), a list marking its
    lead (A（牵头）、B), 各市、县〔市、区〕人民政府 as one body, and 省委网信办, which is no 网信办."""
    text = (
        "关于促进文化和科技深度融合的指导意见\n一、重点任务\n"
        "（一）加强组织领导。完善以科技部、中央宣传部牵头，中央网信办、财政部、文化和旅游部等部门参与的工作机制。\n"
        "（二）建设数据中心。推进算力基础设施建设。由省发展改革委会同省财政厅负责。\n"
        "（三）加强人才支撑。引进高层次人才。（责任单位：省委组织部（牵头）、省人力资源社会保障厅）\n"
        "（四）推进数字乡村。发展智慧农业。（省农业农村厅牵头，各市、县〔市、区〕人民政府负责）\n"
        "（五）强化数据安全。省委网信办、省公安厅负责数据安全监管。\n"
    )
    document = load_plan(write(tmp_path, "marks.txt", text)).document
    leadership = responsible_as_written(document, "加强组织领导", EntityKind.TASK)
    assert ("科技部", Role.LEAD) in leadership
    assert {
        ("中央网信办", Role.SUPPORT),
        ("财政部", Role.SUPPORT),
        ("文化和旅游部", Role.SUPPORT),
    } <= leadership
    assert ("中央网信办", Role.LEAD) not in leadership
    assert responsible_as_written(document, "建设数据中心", EntityKind.TASK) == {
        ("省发展改革委", Role.LEAD),
        ("省财政厅", Role.SUPPORT),
    }
    assert responsible_as_written(document, "加强人才支撑", EntityKind.TASK) == {
        ("省委组织部", Role.LEAD),
        ("省人力资源社会保障厅", Role.SUPPORT),
    }
    assert ("各市、县（市、区）人民政府", Role.LEAD) in responsible_as_written(
        document, "推进数字乡村", EntityKind.TASK
    )
    assert responsible_as_written(document, "强化数据安全", EntityKind.TASK) == {
        ("省委网信办", Role.LEAD),
        ("省公安厅", Role.LEAD),
    }


def test_a_closing_chapter_of_requirements_holds_measures(tmp_path: Path) -> None:
    """Written from 河北省农村义务教育学生营养改善计划（17个县）实施方案: 五、有关要求 (（一）提高政治站位 ……
    （六）做好教育宣传) holds the plan's measures."""
    text = (
        "某省农村义务教育学生营养改善计划实施方案\n一、实施范围\n17个县的农村义务教育阶段学校。\n"
        "二、主要任务\n（一）改善就餐条件。建设学校食堂。\n三、有关要求\n（一）提高政治站位。各地要高度重视。\n"
        "（二）健全工作机制。建立部门协调机制。\n"
    )
    document = load_plan(write(tmp_path, "requirements.txt", text)).document
    assert chapter_kinds_of(document)["有关要求"] == "measures"
    assert {"提高政治站位", "健全工作机制"} <= {e.name for e in document.entities_of(EntityKind.MEASURE)}


def test_a_plan_numbered_as_a_technical_report_and_crawled_as_markdown(tmp_path: Path) -> None:
    """Written from 涪陵区综合能源站发展规划（2023—2030年） as a portal page crawled to Markdown: the metadata
    list (- 体裁分类 / - 规划), headings in bold (**1  概  述**), and the outline numbered 1 / 1.1 / 1.1.1
    (5.1.2加快站点布局促进市场应用, with no space after the number). 规划 on a line of its own is the
    genre, not the plan's title."""
    text = (
        "- 体裁分类\n- 规划\n- 发布机构\n- 涪陵区人民政府\n\n"
        "**涪陵区综合能源站发展规划**\n\n**（2023—2030年）**\n\n**1  概  述**\n\n1.1 规划背景\n\n党的二十大报告明确指出要推动绿色发展。\n\n"
        "**2  现状分析**\n\n2.1 加油站现状\n\n全区已建成加油站98座。\n\n"
        "**3  综合能源站规划布局**\n\n3.1 总体布局\n\n按照片区布局综合能源站。\n\n"
        "**4  重点任务**\n\n4.1 构建综合能源站网络体系\n\n4.1.1 强化规划设计融入区域网络\n\n将综合能源站纳入国土空间规划。\n\n"
        "4.1.2加快站点布局促进市场应用\n\n优先在高速公路服务区布局站点。\n\n"
        "**5  保障措施**\n\n5.1强化组织领导，进一步加强各部门配合\n\n成立领导小组。\n\n5.2 严格实行项目核准制，设定合理的市场准入门槛\n\n"
        "实行项目核准制。\n"
    )
    document = load_plan(write(tmp_path, "report.txt", text)).document
    (plan,) = document.entities_of(EntityKind.PLAN)
    assert plan.name == "涪陵区综合能源站发展规划（2023—2030年）"
    kinds = chapter_kinds_of(document)
    assert kinds["现状分析"] == "context"
    assert kinds["综合能源站规划布局"] == "domains"
    assert kinds["保障措施"] == "measures"
    tasks = {e.name for e in document.entities_of(EntityKind.TASK)}
    assert {"强化规划设计融入区域网络", "加快站点布局促进市场应用"} <= tasks
    assert "强化组织领导，进一步加强各部门配合" in {e.name for e in document.entities_of(EntityKind.MEASURE)}


def test_an_implementation_plan_of_a_district_with_its_main_bodies_and_shares(tmp_path: Path) -> None:
    """Written from 北京市海淀区碳达峰实施方案: every item closes with （主要责任单位：X、Y，相关街镇）, each a lead;
    “十四五”时期 is due in 2025 and 翻一番 is a growth of 1倍; a share of what is newly built keeps 新建;
    a list with 分别 gives its later items the qualifier the first opens with."""
    text = (
        "北京市海淀区碳达峰实施方案\n一、实施产业体系绿色低碳升级行动\n（一）推动数字化绿色化融合发展\n"
        "“十四五”时期，区域数字经济增加值年均增速6%。到2030年，区域数字经济增加值较2020年翻一番。"
        "（主要责任单位：中关村科学城管委会）\n（二）推动低碳智慧供热体系建设\n"
        "原则上不再新建独立燃气供热系统，在新建耦合供热系统中新能源和可再生能源装机占比不低于60%。"
        "（主要责任单位：区城市管理委、区发展改革委，相关街镇）\n（三）强化公共机构低碳引领作用\n"
        "到2025年，公共机构单位建筑面积综合能耗和单位建筑面积碳排放分别下降8%、9%。"
        "（主要责任单位：区机关事务管理服务中心、区发展改革委）\n"
    )
    document = load_plan(write(tmp_path, "haidian.txt", text)).document
    assert responsible_as_written(document, "推动低碳智慧供热体系建设", EntityKind.TASK) >= {
        ("区城市管理委", Role.LEAD),
        ("区发展改革委", Role.LEAD),
        ("相关街镇", Role.LEAD),
    }
    found = {
        (e.attrs["metric"], e.attrs["value"], e.attrs["unit"], e.attrs["deadline"])
        for e in document.entities_of(EntityKind.INDICATOR)
    }
    assert {("区域数字经济增加值", 6, "%", 2025), ("区域数字经济增加值", 1, "倍", 2030)} <= found
    # 推动消费品以旧换新行动方案: 报废汽车回收量较2023年增加一倍 — a growth of 1倍 too.
    again = load_plan(
        write(
            tmp_path,
            "once.txt",
            "某市以旧换新行动方案\n一、工作目标\n到2027年，报废汽车回收量较2023年增加一倍。\n",
        )
    ).document
    assert ("报废汽车回收量", 1, "倍", 2027) in {
        (e.attrs["metric"], e.attrs["value"], e.attrs["unit"], e.attrs["deadline"])
        for e in again.entities_of(EntityKind.INDICATOR)
    }
    assert ("新建耦合供热系统中新能源和可再生能源装机占比", 60, "%", None) in found
    assert ("公共机构单位建筑面积碳排放", 9, "%", 2025) in found


def test_a_city_carrying_out_a_national_pilot_and_its_units_of_air_and_energy(tmp_path: Path) -> None:
    """Written from 国家碳达峰试点（深圳）实施方案 (深圳市人民政府): a plan titled for a national pilot is the
    city's that issues it; 一、建设目标 holds requirements; a bracket on a line of its own after an item is
    that item's where each item has its own; 电能利用效率（PUE）应低于1.25 and 改造后……能效达到5.0 are
    ratios. From 重庆市空气质量持续改善行动实施方案: 微克/立方米 and 辆次 are units, and PM2.5 is a name."""
    text = (
        "深圳市人民政府关于印发国家碳达峰试点（深圳）实施方案的通知\n各区人民政府，市政府直属各单位：\n"
        "现将《国家碳达峰试点（深圳）实施方案》印发给你们，请认真组织实施。\n深圳市人民政府\n2024年12月1日\n"
        "国家碳达峰试点（深圳）实施方案\n一、建设目标\n到2025年，全市PM2.5浓度下降到31微克/立方米，每年路检不少于2万辆次。\n"
        "二、主要任务\n（一）节能降碳增效行动。\n1．推进数据中心节能。新建数据中心电能利用效率（PUE）应低于1.25。"
        "（责任单位：市发展改革委、工业和信息化局）\n2．推进建筑节能。鼓励改造后制冷机房系统运行能效达到5.0。\n"
        "（责任单位：市住房建设局、教育局）\n"
    )
    document = load_plan(write(tmp_path, "pilot.txt", text)).document
    (plan,) = document.entities_of(EntityKind.PLAN)
    assert plan.attrs.get("region") == "深圳市"
    assert chapter_kinds_of(document)["建设目标"] == "requirements"
    assert ("市住房建设局", Role.LEAD) in responsible_as_written(document, "推进建筑节能", EntityKind.TASK)
    assert ("市住房建设局", Role.LEAD) not in responsible_as_written(
        document, "节能降碳增效行动", EntityKind.TASK
    )
    found = targets(document)
    assert found["新建数据中心电能利用效率（PUE）"][:3] == (1.25, None, "AT_MOST")
    assert found["改造后制冷机房系统运行能效"][:3] == (5.0, None, "EQUAL")
    assert found["PM2.5浓度"][:4] == (31, "微克/立方米", "EQUAL", 2025)
    assert found["路检"][:3] == (20000, "辆次", "AT_LEAST")


def test_a_measures_chapter_whose_headings_lost_their_numbers(tmp_path: Path) -> None:
    """A page that sets its headings in bold drops their numbers when copied as text: 保障措施 then
    holds 加强组织领导 / 成立……领导小组。 / 强化资金保障 / …… — each short line a measure, the text below it
    its own (laid out from 河北省推动能源电子产业发展的实施方案's 保障措施)."""
    text = (
        "某省推动能源电子产业发展的实施方案\n一、重点任务\n（一）建设平台。建设数据平台。\n二、保障措施\n加强组织领导\n"
        "成立省能源电子产业发展工作专班，统筹推进各项工作。\n强化资金保障\n省财政厅要加大资金投入。\n"
    )
    document = load_plan(write(tmp_path, "bold.txt", text)).document
    measures = {e.name: e.text for e in document.entities_of(EntityKind.MEASURE)}
    assert list(measures) == ["加强组织领导", "强化资金保障"]
    assert ("省财政厅", Role.LEAD) in responsible_as_written(document, "强化资金保障", EntityKind.MEASURE)


@pytest.mark.parametrize(
    ("bracket", "lead", "support"),
    [
        ("（主责单位：省发展改革委；协办单位：省财政厅）", "省发展改革委", "省财政厅"),
        ("（责任主体：省发展改革委；参与部门：省财政厅）", "省发展改革委", "省财政厅"),
        ("（牵头处室：规划处；配合处室：财务处）", "规划处", "财务处"),
    ],
)
def test_labels_that_name_who_leads_and_who_assists(
    tmp_path: Path, bracket: str, lead: str, support: str
) -> None:
    """Labels plans use beside 牵头单位/配合单位 (as 北京市海淀区碳达峰实施方案 uses 主要责任单位): the lead's and
    the assisting bodies'."""
    text = f"某省数字经济实施方案\n一、重点任务\n（一）建设平台。建设数据平台。{bracket}\n（二）培育企业。培育龙头企业。\n"
    document = load_plan(write(tmp_path, "labels.txt", text)).document
    assert {(lead, Role.LEAD), (support, Role.SUPPORT)} <= responsible_as_written(
        document, "建设平台", EntityKind.TASK
    )


def test_round_numbers_written_as_words_and_days(tmp_path: Path) -> None:
    """Written from 广东省支持人工智能OPC创新发展行动方案（2026-2028年）: 建成百个……生态社区，培育千家……企业，集聚万名……
    人才 are 100, 1000 and 10000; 企业开办办理时间压缩至1天以内 is at most a day; 增长到 ends no metric."""
    text = (
        "某省支持人工智能OPC创新发展行动方案（2026-2028年）\n一、总体目标\n到2028年，建成百个人工智能OPC生态社区，"
        "培育千家标杆人工智能OPC企业，集聚万名人工智能OPC创新创业人才，企业开办办理时间压缩至1天以内，"
        "全省数字经济规模增长到1.2万亿元。\n二、重点任务\n（一）强化智能算力供给。建设算力平台。\n"
    )
    found = targets(load_plan(write(tmp_path, "words.txt", text)).document)
    assert found["人工智能OPC生态社区"][:4] == (100, "个", "EQUAL", 2028)
    assert found["标杆人工智能OPC企业"][:2] == (1000, "家")
    assert found["人工智能OPC创新创业人才"][:2] == (10000, "名")
    assert found["企业开办办理时间"][:3] == (1, "天", "AT_MOST")
    assert found["数字经济规模"][:2] == (1200000000000, "元")


@pytest.mark.parametrize(
    "labels", [("第一条", "第二条", "第三条"), ("一．", "二．", "三．"), ("一.", "二.", "三.")]
)
def test_items_numbered_as_articles_or_with_a_point(tmp_path: Path, labels: tuple[str, str, str]) -> None:
    """若干措施 are also written as articles (第一条 ……) or numbered 一． as some pages set 一、: the
    measures of 广东省支持个体工商户发展若干措施, laid out so."""
    first, second, third = labels
    text = (
        f"某省支持个体工商户发展若干措施\n{first}提供更多信贷支持。支持银行机构建立信贷服务机制。\n"
        f"{second}优化招工用工服务。依托就业驿站提供招工服务。（省人力资源社会保障厅牵头）\n"
        f"{third}保障经营场所供给。探索在居民密集居住区设置经营场所。\n"
    )
    document = load_plan(write(tmp_path, "articles.txt", text)).document
    assert [e.name for e in document.entities_of(EntityKind.TASK)] == [
        "提供更多信贷支持",
        "优化招工用工服务",
        "保障经营场所供给",
    ]


def test_a_decimal_outline_numbers_each_entity_apart(tmp_path: Path) -> None:
    """涪陵区综合能源站发展规划: 5.1, 5.2 and 5.3 are three groups (ids 5.1, 5.2, 5.3 under the chapter, not three
    fives), and 1 概述 — background, principles and goals — holds requirements."""
    text = (
        "某区综合能源站发展规划（2023—2030年）\n1 概述\n1.1 规划背景\n推动绿色发展。\n1.2 规划目标\n到2030年，建成综合能源站28座。\n"
        "2 重点任务\n2.1 构建综合能源站网络体系\n2.1.1 鼓励发展合建站\n推动合建。\n2.2 完善技术创新服务体系\n"
        "2.2.1 创新服务模式\n创新服务。\n2.3 开展应用示范推广\n2.3.1 加快推进氢燃料电池公共汽车运营示范\n开展示范。\n"
    )
    document = load_plan(write(tmp_path, "decimal.txt", text)).document
    assert chapter_kinds_of(document)["概述"] == "requirements"
    tasks = document.entities_of(EntityKind.TASK)
    assert len({t.id for t in tasks}) == len(tasks) == 6
    assert {"构建综合能源站网络体系", "完善技术创新服务体系", "开展应用示范推广", "创新服务模式"} <= {
        t.name for t in tasks
    }


def test_duties_listed_body_by_body_and_brackets_in_square_marks(tmp_path: Path) -> None:
    """Written from 2024年全区打击整治成品油非法经营专项行动方案 (綦江区): 四、责任分工 lists duties a paragraph a body
    (区商务委：负责……; ……分公司及有关成品油经营企业：……, where only the companies are bodies); 时间步骤 is a
    schedule. From 深圳市氢能产业创新发展行动计划（2024-2025年）: [责任单位:……，各区政府……依职责办理]."""
    text = (
        "2024年全区打击整治成品油非法经营专项行动方案\n一、工作任务\n（一）严格油品源头管控。加强成品油流通企业监督管理。"
        "[责任单位:市交通运输局、城管和综合执法局，各区政府（含新区、合作区管委会，下同）依职责办理]\n"
        "（二）打击非法制售油窝点。依法查处非法经营行为。\n二、时间步骤\n2024年3月底前完成摸排。\n三、责任分工\n"
        "区商务委：负责全区成品油市场秩序整治组日常工作。\n各街镇、高新区管委会：负责辖区内加油站（点）的摸排。\n"
        "中石油重庆綦江销售分公司及有关成品油经营企业：负责承担被查没非法油品的运输。\n"
        # 沈阳市城镇房屋安全管理三项制度工作方案: duties of assisting are support.
        "区司法局：负责配合有关部门制定完善城镇房屋安全管理制度。\n"
    )
    document = load_plan(write(tmp_path, "duties.txt", text)).document
    assert chapter_kinds_of(document)["时间步骤"] == "measures"
    duties = responsible_as_written(document, "责任分工", EntityKind.MEASURE)
    assert {
        ("区商务委", Role.LEAD),
        ("高新区管委会", Role.LEAD),
        ("中石油重庆綦江销售分公司", Role.LEAD),
    } <= duties
    assert not any("企业" in name for name, _ in duties)
    assert ("区司法局", Role.SUPPORT) in duties
    assert {("市交通运输局", Role.LEAD), ("各区政府", Role.LEAD)} <= responsible_as_written(
        document, "严格油品源头管控", EntityKind.TASK
    )


def test_a_safeguard_chapter_late_in_the_plan_and_one_that_ends_in_its_strength(tmp_path: Path) -> None:
    """北京市人民政府办公厅关于以冰雪运动高质量发展激发冰雪经济活力的实施意见: 七、强化冰雪经济要素保障 comes after five
    chapters of work and before one, so it holds measures; 国务院办公厅关于进一步构建高质量充电基础设施体系的指导
    意见 closes with 六、加大支持保障力度, measures too."""
    work = "".join(f"{n}、推进工作{n}\n（{n}）开展工作{n}。推进工作。\n" for n in "二三四五六")
    text = (
        "某市冰雪经济实施意见\n一、总体要求\n推动冰雪经济发展。\n"
        + work
        + "七、强化冰雪经济要素保障\n（七）加强冰雪人才队伍建设。培养人才。\n"
        "八、深化冰雪经济对外合作\n（八）拓展国际交流。开展交流。\n九、加大支持保障力度\n（九）完善支持政策。加大资金支持。\n"
    )
    kinds = chapter_kinds_of(load_plan(write(tmp_path, "late.txt", text)).document)
    assert kinds["强化冰雪经济要素保障"] == "measures"
    assert kinds["深化冰雪经济对外合作"] == "tasks"
    assert kinds["加大支持保障力度"] == "measures"


def test_an_item_in_the_middle_of_an_opinion_named_like_a_policy_is_work(tmp_path: Path) -> None:
    """德宏州优化调整房地产市场调控措施: 三、强化金融支持政策落地 (支持政策 among its words) stands between items of work,
    and is one."""
    text = (
        "某州优化调整房地产市场调控措施\n一、科学编制住房发展规划。编制规划。\n二、合理配置停车位指标。配置车位。\n"
        "三、强化金融支持政策落地。首套住房商业性个人住房贷款最低首付款比例调整为不低于15%。\n"
        "四、优化首套住房认定标准。优化认定。\n五、推行商品住房以旧换新。推行以旧换新。\n六、支持团购商品住房。支持团购。\n"
    )
    document = load_plan(write(tmp_path, "middle.txt", text)).document
    assert "强化金融支持政策落地" in {e.name for e in document.entities_of(EntityKind.TASK)}


def test_paragraphs_indented_with_typographic_spaces(tmp_path: Path) -> None:
    """Written from 吉林市进一步促进房地产消费若干措施 as the portal sets it: each item indented with two em spaces
    (\\u2003\\u2003一、最大程度降低购房信贷门槛), which indent as the ideographic space does."""
    indent = "\u2003\u2003"
    text = (
        "吉林市进一步促进房地产消费若干措施\n"
        f"{indent}一、最大程度降低购房信贷门槛\n{indent}银行业金融机构均按首套住房执行住房信贷政策。"
        "（责任部门：市住房和城乡建设局、中国人民银行吉林市分行）\n"
        f"{indent}二、放宽公积金贷款条件\n{indent}即可申请住房公积金贷款。（责任部门：市住房公积金管理中心）\n"
        f"{indent}三、支持自有住房换购\n{indent}予以退税优惠。（责任部门：市税务局）\n"
    )
    document = load_plan(write(tmp_path, "em.html.txt", text)).document
    assert [e.name for e in document.entities_of(EntityKind.TASK)] == [
        "最大程度降低购房信贷门槛",
        "放宽公积金贷款条件",
        "支持自有住房换购",
    ]
    assert ("市税务局", Role.LEAD) in responsible_as_written(document, "支持自有住房换购", EntityKind.TASK)


def test_a_county_portal_page_with_its_notes_and_untitled_work(tmp_path: Path) -> None:
    """Written from 明溪县促进房地产市场平稳健康发展若干措施（修订） and 沙县区进一步稳定房地产市场的若干措施 as the 三明
    portal gives them: 备注/文号：明政规〔2022〕6号 and 公文生成日期 are metadata; 发布机构：县政府 names the signer
    relative to its county, which the signature names in full; （修订） on the line after the title is the
    title's; a chapter titled with a verb (鼓励在县城购房，提供就学、落户保障) is work though it has no items;
    其他相关规定 closes the plan with measures."""
    text = (
        "索 引 号：SM04100-0200-2022-00023\n备注/文号：明政规〔2022〕6号\n发布机构：县政府\n公文生成日期：2022-11-26\n"
        "各乡（镇）人民政府，县各有关单位：\n《明溪县促进房地产市场平稳健康发展若干措施（修订）》已经县政府第十六次常务会议研究通过，"
        "现印发给你们，请认真贯彻执行。\n明溪县人民政府\n2022年11月26日\n明溪县促进房地产市场平稳健康发展若干措施\n（修订）\n"
        "一、居民住房消费补贴措施及标准\n（一）适用范围及时间\n在我县城市规划区内购买新建商品住房。\n（二）补贴标准\n按面积予以补贴。\n"
        "二、鼓励在县城购房，提供就学、落户保障\n在县城购房的，可在县城就近入学。\n"
        "三、引导房地产企业开展促销活动\n鼓励房地产企业开展促销活动。\n四、其他相关规定\n1.自发文之日起，已通过验收的房地产开发项目不享受本文件补贴政策。\n2.各乡（镇）要加强宣传。\n"
    )
    document = load_plan(write(tmp_path, "county.txt", text)).document
    (plan,) = document.entities_of(EntityKind.PLAN)
    assert plan.name == "明溪县促进房地产市场平稳健康发展若干措施（修订）"
    assert plan.attrs.get("issuer") == "明溪县人民政府"
    assert plan.attrs.get("docNumber") == "明政规〔2022〕6号"
    kinds = chapter_kinds_of(document)
    assert kinds["鼓励在县城购房，提供就学、落户保障"] == "tasks"
    assert kinds["其他相关规定"] == "measures"


@pytest.mark.parametrize(
    "body", ["各城区政府", "各县（市、区）人民政府", "各乡（镇）人民政府", "各县（市）区人民政府"]
)
def test_the_governments_below_a_city_or_county_named_together(tmp_path: Path, body: str) -> None:
    """吉林市进一步促进房地产消费若干措施 gives work to 各城区政府; plans of cities and counties address
    各县（市、区）人民政府, 各县（市）区人民政府 and 各乡（镇）人民政府 alike: one body each, as written."""
    text = f"某市若干措施\n一、完善城市配套设施建设\n加快推进配套设施建设。（责任部门：市住房和城乡建设局、{body}）\n"
    document = load_plan(write(tmp_path, "below.txt", text)).document
    assert (body, Role.LEAD) in responsible_as_written(document, "完善城市配套设施建设", EntityKind.TASK)


def test_two_dozen_departments_closed_by_a_collective_word_and_a_phrase(tmp_path: Path) -> None:
    """Written from 沈阳市城镇房屋安全管理三项制度工作方案: 市发展改革委、国资委、……、法院、检察院等其他行业部门根据“三管三
    必须”要求，按照有关责任分工，负责督促落实…… — a run of names longer than three or four, closed by
    等其他行业部门, a phrase of 根据/按照 before its verb: each body leads."""
    names = "市发展改革委、国资委、卫生健康委、机关事务局、教育局、科技局、工业和信息化局、民族和宗教局、民政局、人力资源社会保障局、法院、检察院"
    text = (
        "某市城镇房屋安全管理工作方案\n一、职责分工\n（一）部门职责。"
        f"{names}等其他行业部门根据“三管三必须”要求，按照有关责任分工，负责督促落实公共建筑的房屋定期体检。\n"
    )
    document = load_plan(write(tmp_path, "dozen.txt", text)).document
    duties = responsible_as_written(document, "部门职责", EntityKind.MEASURE)
    assert {
        ("市发展改革委", Role.LEAD),
        ("民族和宗教局", Role.LEAD),
        ("人力资源社会保障局", Role.LEAD),
    } <= duties


def test_a_division_table_whose_first_listed_body_leads(tmp_path: Path) -> None:
    """Forms of the genre, not from one document: a division table with one 责任单位 column, under a
    note saying the body listed first leads (排在第一位的部门为牵头部门 — the note is also written 列在第一位的
    为牵头单位, 排名第一的为牵头单位); a cell naming its lead in words (A牵头，B配合); and a table whose
    责任单位 column stands beside a 牵头单位 one, so its bodies support."""
    text = (
        "某某市关于促进民营经济发展的实施方案\n一、重点任务\n（一）优化营商环境。深化审批制度改革。\n"
        "（二）加大金融支持。扩大民营企业贷款。\n（三）强化人才支撑。引进高层次人才。\n"
        "附件\n重点任务分工表\n（排在第一位的部门为牵头部门）\n序号\t重点任务\t责任单位\n"
        "1\t优化营商环境\t市政务服务局、市发展改革委、市司法局\n"
        "2\t加大金融支持\t市金融局牵头，人民银行某某市分行配合\n"
    )
    document = load_plan(write(tmp_path, "first.txt", text)).document
    assert responsible_as_written(document, "优化营商环境", EntityKind.TASK) == {
        ("市政务服务局", Role.LEAD),
        ("市发展改革委", Role.SUPPORT),
        ("市司法局", Role.SUPPORT),
    }
    assert responsible_as_written(document, "加大金融支持", EntityKind.TASK) >= {
        ("市金融局", Role.LEAD),
        ("人民银行某某市分行", Role.SUPPORT),
    }
    beside = text.replace("（排在第一位的部门为牵头部门）\n", "").replace(
        "序号\t重点任务\t责任单位\n", "序号\t重点任务\t牵头单位\t责任单位\n"
    )
    beside = beside.replace("市政务服务局、市发展改革委", "市政务服务局\t市发展改革委")
    document = load_plan(write(tmp_path, "beside.txt", beside)).document
    assert responsible_as_written(document, "优化营商环境", EntityKind.TASK) == {
        ("市政务服务局", Role.LEAD),
        ("市发展改革委", Role.SUPPORT),
        ("市司法局", Role.SUPPORT),
    }


def test_a_department_division_ending_in_chu_is_a_body(tmp_path: Path) -> None:
    """Written from 江西省市场监督管理局关于印发支持疫情防控和经济社会平稳发展若干措施的通知: a division of the
    provincial bureau (省局新闻宣传处要及时做好对外宣传) acts as a clause's subject, and a bracket lists
    divisions whose names end in words that also stand alone (知识产权运用处, 食品协调处); words that only end
    in 处 (依法查处, 好处) name none."""
    text = (
        "某某省市场监督管理局关于支持企业发展的若干措施\n一、优化服务\n"
        "1.加强政策宣传。省局新闻宣传处要及时做好对外宣传，进一步提升社会知晓度。对违法行为依法查处。\n"
        "2.帮助企业降低融资成本。推广商标和专利质押融资。（责任单位：省局知识产权运用处、食品协调处，省个创中心）\n"
    )
    document = load_plan(write(tmp_path, "chu.txt", text)).document
    assert ("省局新闻宣传处", Role.LEAD) in responsible_as_written(document, "加强政策宣传", EntityKind.TASK)
    assert responsible_as_written(document, "帮助企业降低融资成本", EntityKind.TASK) == {
        ("省局知识产权运用处", Role.LEAD),
        ("食品协调处", Role.LEAD),
        ("省个创中心", Role.LEAD),
    }
    bodies = {e.name for e in document.entities_of(EntityKind.DEPARTMENT)}
    assert not {name for name in bodies if name.endswith(("查处", "好处"))}


def test_a_portal_page_with_its_signature_in_divs_and_its_titles_over_two_lines(tmp_path: Path) -> None:
    """Written from 重庆市发展和改革委员会等八部门关于印发《进一步清理消费领域限制性举措持续扩大消费若干措施》的通知
    (its portal page): the notice's title and the plan's are each set on two lines, the first of the
    plan's ending like a title (……举措); the signatures and the date stand in <div>s, not in
    paragraphs. From 安徽省 进一步做好近期促进消费工作若干措施: a signature carries its seal's mark (（代章）),
    and a body named relative to its province (省……联席会议) makes the plan provincial."""
    page = (
        '<html><body><div class="article">'
        "<p>关于印发《进一步清理消费领域限制性举措</p><p>持续扩大消费若干措施》的通知</p>"
        "<p>渝发改规范〔2025〕7号</p><p>市政府各部门，有关单位：</p>"
        "<p>《进一步清理消费领域限制性举措持续扩大消费若干措施》已经市政府同意，现印发给你们。</p>"
        '<div style="text-align:right">重庆市发展和改革委员会 重庆市公安局</div>'
        '<div style="text-align:right"> 2025年11月6日 </div>'
        "<p>进一步清理消费领域限制性举措</p><p>持续扩大消费若干措施</p>"
        "<p>一、释放汽车消费潜力</p><p>1．支持二手车市场发展壮大。推行二手车交易发票联网核查。"
        "（责任单位：市商务委、市公安局等）</p>"
        "</div></body></html>"
    )
    (plan,) = load_plan(write(tmp_path, "page.html", page)).document.entities_of(EntityKind.PLAN)
    assert plan.name == "进一步清理消费领域限制性举措持续扩大消费若干措施"
    assert plan.attrs["issuedOn"] == "2025-11-06"
    assert plan.attrs["issuer"] == "重庆市发展和改革委员会、重庆市公安局"
    sealed = (
        "关于印发进一步做好近期促进消费工作若干措施的通知\n各市人民政府，省有关单位：\n"
        "经省政府领导同意，现将《进一步做好近期促进消费工作若干措施》印发给你们。\n"
        "省完善促进消费体制机制厅际联席会议（代章）\n2022年1月26日\n进一步做好近期促进消费工作若干措施\n"
        "一、加强民生商品保供稳价。加强节日应急价格监测。（省发展改革委、省商务厅按职责分工负责）\n"
    )
    plan = plan_read_from(tmp_path, sealed)
    assert plan.attrs["issuer"] == "省完善促进消费体制机制厅际联席会议"
    assert plan.attrs["level"] == "PROVINCIAL"


def test_a_notice_copied_with_its_number_run_into_its_recipients_and_a_news_lead(tmp_path: Path) -> None:
    """Written from 国务院办公厅关于县域创新驱动发展的若干意见 as a crawl copied it (国办发〔2017〕43号各省、自治区、
    直辖市人民政府，……: the 文号 run into the recipients), from 关于新时代进一步加强科学技术普及工作的意见 as a news
    agency published it (中共中央办公厅 国务院办公厅印发《……》), and from 科技部 中央宣传部 中国科协关于印发《“十四五”
    国家科学技术普及发展规划》的通知 (joint issuers set apart by spaces; the first, a ministry, makes it national)."""
    plan = plan_read_from(
        tmp_path,
        "国务院办公厅关于县域创新驱动发展的若干意见\n"
        "国办发〔2017〕43号各省、自治区、直辖市人民政府，国务院各部委、各直属机构：\n"
        "现提出以下意见。\n一、总体要求\n（一）指导思想。坚持创新驱动。\n二、重点任务\n（一）加快科技成果向县域转移转化。推动成果转化。\n",
    )
    assert plan.attrs["docNumber"] == "国办发〔2017〕43号"
    assert plan.attrs["recipients"][0] == "各省、自治区、直辖市人民政府"
    plan = plan_read_from(
        tmp_path,
        "中共中央办公厅 国务院办公厅印发《关于新时代进一步加强科学技术普及工作的意见》\n"
        "近日，中共中央办公厅、国务院办公厅印发了《关于新时代进一步加强科学技术普及工作的意见》。\n"
        "一、总体要求\n（一）指导思想。坚持把科学普及放在与科技创新同等重要的位置。\n"
        "二、强化全社会科普责任\n（一）各级党委和政府要履行科普工作领导责任。\n",
    )
    assert set(plan.attrs["issuer"].split("、")) == {"中共中央办公厅", "国务院办公厅"}
    assert plan.attrs["level"] == "NATIONAL"
    plan = plan_read_from(
        tmp_path,
        "科技部 中央宣传部 中国科协关于印发《“十四五”国家科学技术普及发展规划》的通知\n国科发才〔2022〕212号\n"
        "各省、自治区、直辖市科技厅（委、局）：\n现将《“十四五”国家科学技术普及发展规划》印发给你们。\n"
        "“十四五”国家科学技术普及发展规划\n一、总体要求\n（一）指导思想。坚持创新驱动。\n",
    )
    assert plan.attrs["issuer"] == "科技部、中央宣传部、中国科协"
    assert plan.attrs["level"] == "NATIONAL"


def test_a_total_broken_down_by_year_and_verbs_chained_before_the_thing_counted(tmp_path: Path) -> None:
    """Written from 推动大规模设备更新和消费品以旧换新盐都行动方案: a total to 2027 followed by its yearly parts
    (其中2024年23辆、2025年9辆……), each due its own year; the verbs before the thing counted, however
    chained (新购置, 报废更新, 新建、改造), are what is done to it, not its name; 实际使用外资 (from 广东省
    开发区 guidance) stays one statistic."""
    text = (
        "某某区设备更新行动方案\n一、重点任务\n"
        "1. 推动环卫设施设备更新。到2027年新购置环卫作业车41辆，其中2024年23辆、2025年9辆、2026年5辆、2027年4辆。\n"
        "2. 推动农业装备设备更新。到2027年报废更新农机装备190台。新建、改造市政管网70公里。\n"
        "3. 扩大开放。实际使用外资年均增长5%。\n"
    )
    document = load_plan(write(tmp_path, "years.txt", text)).document
    found = {
        (e.attrs["metric"], e.attrs["value"], e.attrs["deadline"])
        for e in document.entities_of(EntityKind.INDICATOR)
    }
    assert {
        ("环卫作业车", 41, 2027),
        ("环卫作业车", 23, 2024),
        ("环卫作业车", 9, 2025),
        ("环卫作业车", 4, 2027),
        ("农机装备", 190, 2027),
        ("市政管网", 70, 2027),
    } <= found
    assert ("实际使用外资", 5, None) in found


def test_a_plan_approved_and_forwarded_with_responsibilities_its_own_chapter(tmp_path: Path) -> None:
    """Written from 上海市静安区人民政府关于批转区文化局《关于进一步加强静安区文物保护工作的实施意见》的通知: a
    notice that approves and forwards (批转) a bureau's plan, the plan's title set on two lines, the
    second only its genre word (……工作的 / 实施意见); a 落实责任 chapter in the middle holding the measures;
    由区文化局会同区规土局共同编制 (the partner supports); 由市发展改革委会同市财政局负责 splits at 会同 though neither
    name is known. From 关于“双一流”建设高校……的若干意见: a closing 加大支持与组织力度 is the measures."""
    text = (
        "上海市静安区人民政府关于批转区文化局《关于进一步加强静安区文物保护工作的实施意见》的通知\n"
        "区政府各委、办、局，各街道办事处：\n区文化局《关于进一步加强静安区文物保护工作的实施意见》已经区政府常务会议通过，现批转给你们。\n"
        "关于进一步加强静安区文物保护工作的\n实施意见\n"
        "一、基本原则\n坚持保护为主、抢救第一。\n二、落实责任\n（一）落实政府责任。区政府对本区文物保护负总责。\n"
        "（二）加强部门协调。由市发展改革委会同市财政局负责。\n"
        "三、加大保护力度\n（一）加强文物保护规划编制实施。区级文物保护单位由区文化局会同区规土局共同编制，报区政府批准。\n"
        "四、加大支持与组织力度\n（一）加强组织实施。建立工作机制。\n"
    )
    document = load_plan(write(tmp_path, "forwarded.txt", text)).document
    (plan,) = document.entities_of(EntityKind.PLAN)
    assert plan.name == "关于进一步加强静安区文物保护工作的实施意见"
    assert plan.attrs["issuer"] == "上海市静安区人民政府"
    kinds = chapter_kinds_of(document)
    assert kinds["落实责任"] == "measures"
    assert kinds["加大保护力度"] == "tasks"
    assert kinds["加大支持与组织力度"] == "measures"
    assert responsible_as_written(document, "加强文物保护规划编制实施", EntityKind.TASK) >= {
        ("区文化局", Role.LEAD),
        ("区规土局", Role.SUPPORT),
    }
    assert responsible_as_written(document, "加强部门协调", EntityKind.MEASURE) == {
        ("市发展改革委", Role.LEAD),
        ("市财政局", Role.SUPPORT),
    }


def test_a_time_that_names_a_kind_of_thing_counted(tmp_path: Path) -> None:
    """Written from 重庆市提振消费若干措施: 建成15分钟商业服务圈60个 counts 60 service circles of fifteen minutes'
    reach; the minutes name the kind, they are no quantity."""
    text = "某某市提振消费若干措施\n一、扩大服务消费\n1．完善消费设施。建成15分钟商业服务圈60个。\n"
    document = load_plan(write(tmp_path, "circles.txt", text)).document
    assert targets(document)["15分钟商业服务圈"][:3] == (60, "个", "EQUAL")
    assert not [e for e in document.entities_of(EntityKind.INDICATOR) if e.attrs["unit"] == "分钟"]


def test_more_wordings_of_who_leads_and_who_supports(tmp_path: Path) -> None:
    """Forms of the genre, not from one document: 负总责 leads and 协同 supports in a bracket; labels of
    offices and sections (牵头科室 / 配合科室, 主办单位 / 协助单位) as county and department plans write them.
    From 上海市交通领域光伏应用实施方案: a modal verb or adverb between a metric and its number (确保, 逐步)
    is no part of the metric."""
    text = (
        "某某县关于推进县域商业体系建设的实施方案\n一、重点任务\n"
        "（一）加强统筹。建立工作专班。（县发改局负总责，县财政局、县住建局协同）\n"
        "（二）完善网点。建设乡镇商贸中心。（牵头科室：规划科；配合科室：财务科、办公室）\n"
        "（三）发展电商。到2025年，全县交通领域新增光伏装机容量确保达到120MW。（主办单位：县商务局；协助单位：县邮政分公司）\n"
    )
    document = load_plan(write(tmp_path, "words.txt", text)).document
    assert responsible_as_written(document, "加强统筹", EntityKind.TASK) == {
        ("县发改局", Role.LEAD),
        ("县财政局", Role.SUPPORT),
        ("县住建局", Role.SUPPORT),
    }
    assert ("规划科", Role.LEAD) in responsible_as_written(document, "完善网点", EntityKind.TASK)
    assert ("县邮政分公司", Role.SUPPORT) in responsible_as_written(document, "发展电商", EntityKind.TASK)
    assert "交通领域新增光伏装机容量" in targets(document)


def test_items_whose_first_sentence_runs_long_or_opens_with_a_year(tmp_path: Path) -> None:
    """Written from 国务院办公厅关于进一步扩大旅游文化体育健康养老教育培训等领域消费的意见: items numbered 1. 2. whose
    first sentence opens with a year (1.2016年底前再新增100家全域旅游示范区创建单位。) or runs long (2.指导各地依法
    办理旅居挂车登记，允许……，研究改进旅居车准驾管理制度。) are tasks named by that sentence, and the target in
    the first is read from it; from 河北省县域特色产业振兴工作方案, a long numbered clause in a chapter of
    policies (三、支持政策) is text of the measure it stands under."""
    text = (
        "国务院办公厅关于进一步扩大旅游文化体育健康养老教育培训等领域消费的意见\n"
        "一、着力推进幸福产业服务消费提质扩容\n（一）加速升级旅游消费。\n"
        "1.2016年底前再新增100家全域旅游示范区创建单位。实施乡村旅游后备箱行动。（国家旅游局、农业部按职责分工负责）\n"
        "2.指导各地依法办理旅居挂车登记，允许具备牵引功能并安装有符合国家标准牵引装置的小型客车按规定拖挂旅居车上路行驶，"
        "研究改进旅居车准驾管理制度。加快研究出台旅居车营地用地政策。（公安部、交通运输部按职责分工负责）\n"
        "二、支持政策\n（一）支持集群企业提升技术研发水平。\n"
        "1.对企业规模在产业集群内前三，辐射带动作用强的集群龙头企业，当年购置研发、检测、试验等设备投入50万元以上，"
        "按照实际投资额，采取后补助的方式给予20%的补助。（责任部门：省工业和信息化厅、省财政厅）\n"
    )
    document = load_plan(write(tmp_path, "long.txt", text)).document
    tasks = {e.name for e in document.entities_of(EntityKind.TASK)}
    assert "2016年底前再新增100家全域旅游示范区创建单位" in tasks
    assert (
        "指导各地依法办理旅居挂车登记，允许具备牵引功能并安装有符合国家标准牵引装置的小型客车按规定拖挂旅居车上路行驶，"
        "研究改进旅居车准驾管理制度"
    ) in tasks
    assert ("公安部", Role.LEAD) in responsible_as_written(
        document,
        "指导各地依法办理旅居挂车登记，允许具备牵引功能并安装有符合国家标准牵引装置的小型客车按规定拖挂旅居车上路行驶，"
        "研究改进旅居车准驾管理制度",
        EntityKind.TASK,
    )
    assert targets(document)["全域旅游示范区创建单位"][:4] == (100, "家", "EQUAL", 2016)
    assert ("省财政厅", Role.LEAD) in responsible_as_written(
        document, "支持集群企业提升技术研发水平", EntityKind.MEASURE
    )


def test_a_copy_that_ran_its_notice_lines_together_and_targets_named_a_clause_before(tmp_path: Path) -> None:
    """Written from 河北省人民政府办公厅关于印发河北省制造业高质量发展“十四五”规划的通知 as a crawl copied it: the
    notice's title ran into its recipients (……的通知各市（含定州、辛集市）人民政府，……：) and its date into the
    plan's title (2022年1月15日河北省制造业……规划); 制造业增加值占GDP比重稳定提升，达到28%左右 measures the
    metric of the clause before; 培育两个万亿级产业集群和一批五千亿级产业集群 counts the first thing only."""
    text = (
        "河北省人民政府办公厅关于印发河北省制造业高质量发展“十四五”规划的通知各市（含定州、辛集市）人民政府，雄安新区管委会，省政府各部门：\n"
        "《河北省制造业高质量发展“十四五”规划》已经省政府同意，现印发给你们，请认真组织实施。\n"
        "河北省人民政府办公厅\n2022年1月15日河北省制造业高质量发展“十四五”规划\n"
        "一、发展目标\n质量效益迈上新台阶。制造业增加值占GDP比重稳定提升，达到28%左右。\n"
        "二、重点任务\n（一）培育先进制造业集群。到2025年，培育两个万亿级产业集群和一批五千亿级产业集群。\n"
    )
    document = load_plan(write(tmp_path, "glued.txt", text)).document
    (plan,) = document.entities_of(EntityKind.PLAN)
    assert plan.name == "河北省制造业高质量发展“十四五”规划"
    assert plan.attrs["issuer"] == "河北省人民政府办公厅"
    assert plan.attrs["issuedOn"] == "2022-01-15"
    assert plan.attrs["recipients"][0] == "各市（含定州、辛集市）人民政府"
    found = {
        (e.attrs["metric"], e.attrs["value"], e.attrs["comparator"])
        for e in document.entities_of(EntityKind.INDICATOR)
    }
    assert ("制造业增加值占GDP比重", 28, "ABOUT") in found
    assert ("万亿级产业集群", 2, "EQUAL") in found


def test_chapters_of_principles_and_remarks_and_a_pdf_title_with_spaced_numbers(tmp_path: Path) -> None:
    """Written from 北京市西城区教育委员会关于西城区2020年义务教育阶段入学工作的实施意见 (一、工作原则 states the
    principles; 五、有关说明 special provisions, no work) and 江门市2026年度“人才房票”试行工作方案 (六、管理要求
    holds the measures; its PDF text sets the year apart: 江门市    2026年度……)."""
    text = (
        "江门市    2026年度“人才房票”试行工作方案\n一、工作原则\n坚持公平公正。\n二、重点工作\n（一）做好入学登记。按时完成登记。\n"
        "三、管理要求\n（一）加强审核。严格审核申请材料。\n四、有关说明\n（一）本方案由市住房城乡建设局负责解释。\n"
    )
    document = load_plan(write(tmp_path, "kinds.txt", text)).document
    kinds = chapter_kinds_of(document)
    assert kinds["工作原则"] == "requirements"
    assert kinds["管理要求"] == "measures"
    assert kinds["有关说明"] == "context"
    assert document.entities_of(EntityKind.PLAN)[0].name == "江门市2026年度“人才房票”试行工作方案"


def test_schools_given_work_as_a_clause_subject(tmp_path: Path) -> None:
    """Written from 北京市西城区教育委员会关于西城区2020年义务教育阶段入学工作的实施意见: 各中小学要…… and
    民办中小学要…… give work to schools, named as their kind."""
    text = (
        "某某区义务教育阶段入学工作的实施意见\n一、工作要求\n（一）严格执行招生进度。各中小学要严格执行招生进度和工作程序。\n"
        "（二）严格民办学校招生管理。民办中小学要与公办学校同步报名、同步开展录取。\n"
    )
    document = load_plan(write(tmp_path, "schools.txt", text)).document
    assert ("各中小学", Role.LEAD) in responsible_as_written(document, "严格执行招生进度", EntityKind.MEASURE)
    assert ("民办中小学", Role.LEAD) in responsible_as_written(
        document, "严格民办学校招生管理", EntityKind.MEASURE
    )


def test_a_title_closed_by_its_year_in_brackets(tmp_path: Path) -> None:
    """Written from 上海市交通委员会、上海海事局关于印发《上海港提高靠港船舶岸电使用率实施方案（2023年）》的通知: the
    title line ends in （2023年）, the year the plan is for, and is a title all the same."""
    text = (
        "市交通委、上海海事局\n关于印发《上海港提高靠港船舶岸电\n使用率实施方案（2023年）》的通知\n"
        "市交通委执法总队、各区交通主管部门：\n现将方案印发给你们。\n上海市交通委员会 上海海事局\n2023年4月17日\n"
        "上海港提高靠港船舶岸电使用率实施方案（2023年）\n一、工作目标\n提高岸电使用率。\n二、主要任务\n（一）完善岸电设施。推进建设。\n"
    )
    assert plan_read_from(tmp_path, text).name == "上海港提高靠港船舶岸电使用率实施方案（2023年）"


def test_a_heading_that_opens_with_the_body_that_acts(tmp_path: Path) -> None:
    """Written from 关于新时代进一步加强科学技术普及工作的意见: headings such as （一）各级党委和政府要履行科普工作领导
    责任。 and （三）各行业主管部门要履行科普行政管理责任。 give their work to the body they open with."""
    text = (
        "关于新时代进一步加强科学技术普及工作的意见\n一、总体要求\n坚持创新驱动。\n二、强化全社会科普责任\n"
        "（一）各级党委和政府要履行科普工作领导责任。把科普工作纳入经济社会发展规划。\n"
        "（二）各行业主管部门要履行科普行政管理责任。推动科普与行业发展相结合。\n"
    )
    document = load_plan(write(tmp_path, "headed.txt", text)).document
    assert ("各级党委和政府", Role.LEAD) in responsible_as_written(
        document, "各级党委和政府要履行科普工作领导责任", EntityKind.TASK
    )
    assert ("各行业主管部门", Role.LEAD) in responsible_as_written(
        document, "各行业主管部门要履行科普行政管理责任", EntityKind.TASK
    )


def test_a_crawl_that_kept_no_line_breaks(tmp_path: Path) -> None:
    """Written from 河北省人力资源服务业创新发展行动计划（2023-2025年） as a crawl holds it: the notice, its signature,
    date and publication note, the plan's title, its preface and every chapter on one line (……现印发给你们。
    河北省人力资源和社会保障厅2023年7月21日（此件主动公开）河北省……行动计划（2023-2025年）为深入贯彻……。一、总体要求
    （一）指导思想。……); a chapter titled as work on a base (六、夯实行业发展基础) is tasks. From 关于维护新就业形态劳动者
    劳动保障权益的指导意见: a section's first sentence may run long and still name the task."""
    filler = "坚持以产业引导、政策扶持和环境营造为重点，持续推进人力资源服务业高质量发展。" * 20
    text = (
        "关于印发《河北省人力资源服务业创新发展行动计划（2023－2025年）》的通知\n"
        "为深入贯彻落实党的二十大精神，我们研究制定了行动计划，现印发给你们，请结合实际认真落实。"
        "河北省人力资源和社会保障厅2023年7月21日（此件主动公开）河北省人力资源服务业创新发展行动计划（2023-2025年）"
        "为深入贯彻党的二十大精神，结合河北实际，决定实施本行动计划。一、总体要求（一）指导思想。"
        + filler
        + ""
        "二、培育壮大市场主体（一）做大行业机构规模。到2025年，全省人力资源服务机构达到3000家。"
        "（二）平台企业采取劳务派遣等合作用工方式组织劳动者完成平台工作的，应选择具备合法经营资质的企业，并对其保障劳动者权益情况进行监督。"
        "平台企业依法履行用工单位责任。六、夯实行业发展基础（一）打造行业人才队伍。实施人才培养计划。\n"
    )
    document = load_plan(write(tmp_path, "crawl.txt", text)).document
    (plan,) = document.entities_of(EntityKind.PLAN)
    assert plan.name == "河北省人力资源服务业创新发展行动计划（2023-2025年）"
    assert plan.attrs["issuedOn"] == "2023-07-21"
    kinds = chapter_kinds_of(document)
    assert kinds == {"总体要求": "requirements", "培育壮大市场主体": "tasks", "夯实行业发展基础": "tasks"}
    tasks = {e.name for e in document.entities_of(EntityKind.TASK)}
    assert {"做大行业机构规模", "打造行业人才队伍"} <= tasks
    assert (
        "平台企业采取劳务派遣等合作用工方式组织劳动者完成平台工作的，应选择具备合法经营资质的企业，并对其保障劳动者权益情况进行监督"
        in tasks
    )


def test_signatures_that_end_with_an_academy_and_places_named_as_related(tmp_path: Path) -> None:
    """Written from 赋予科研人员职务科技成果所有权或长期使用权试点实施方案 (科技部等9部门): the signature lines run down
    to 中科院, an academy, and the plan is national; 相关地方要建立协调机制 gives work to the places concerned."""
    text = (
        "关于印发《赋予科研人员职务科技成果所有权或长期使用权试点实施方案》的通知\n各省、自治区、直辖市科技厅（委、局）：\n"
        "现将《实施方案》印发给你们，请结合实际认真贯彻执行。\n科技部\n发展改革委\n教育部\n中科院\n2020年5月9日\n"
        "赋予科研人员职务科技成果所有权或长期使用权试点实施方案\n一、主要任务\n（一）赋予科研人员职务科技成果所有权。开展试点。\n"
        "二、组织实施\n（一）加强组织领导。相关地方要建立协调机制，推动试点任务落实。\n"
    )
    document = load_plan(write(tmp_path, "academy.txt", text)).document
    (plan,) = document.entities_of(EntityKind.PLAN)
    assert plan.attrs["issuer"] == "科技部、发展改革委、教育部、中科院"
    assert plan.attrs["level"] == "NATIONAL"
    assert ("相关地方", Role.LEAD) in responsible_as_written(document, "加强组织领导", EntityKind.MEASURE)


def test_a_chapter_of_the_phases_the_work_is_carried_out_in(tmp_path: Path) -> None:
    """Written from 沈阳市城镇房屋安全三项制度实施方案 (五、推进计划: 启动阶段（2024年4月1日至……）/ 实施阶段 / 提升阶段;
    四、组织机构) and 河北省县域特色产业振兴工作方案 (四、工作安排, phases with their dates): the phases and the
    bodies set up are how the plan is carried out, its measures."""
    text = (
        "某某市城镇房屋安全三项制度实施方案\n一、工作目标\n建立房屋安全管理长效机制。\n二、主要任务\n（一）开展房屋体检。按期体检。\n"
        "三、组织机构\n成立工作专班。\n四、推进计划\n（一）启动阶段（2024年4月1日至2024年12月31日）。制定方案。\n"
        "（二）实施阶段（2025年1月1日至2025年12月31日）。全面推开。\n（三）提升阶段（2026年1月1日以后持续开展此项工作）。总结提升。\n"
    )
    document = load_plan(write(tmp_path, "phases.txt", text)).document
    kinds = chapter_kinds_of(document)
    assert kinds["推进计划"] == "measures"
    assert kinds["组织机构"] == "measures"
    measures = {e.name for e in document.entities_of(EntityKind.MEASURE)}
    assert "实施阶段（2025年1月1日至2025年12月31日）" in measures


def test_a_notice_that_is_the_plan_rates_per_time_and_a_party_committees_place(tmp_path: Path) -> None:
    """Written from 关于开展医保经办全流程智能审核试点工作的通知 (the notice is the plan: its own title names it),
    上海市水资源保护利用和防汛“十三五”规划 (市政雨水泵排能力达到850立方米/秒, 城镇供水能力…立方米/日: rates)
    and 中共北京市委关于制定北京市国民经济和社会发展第十五个五年规划的建议 (the committee's place is the region)."""
    plan = plan_read_from(
        tmp_path,
        "关于开展医保经办全流程智能审核试点工作的通知\n（医保办函〔2025〕86 号）\n各省、自治区、直辖市医疗保障局：\n"
        "为加强医保经办全流程智能审核应用，现就有关工作通知如下。\n一、工作目标\n推动智能审核。\n二、试点任务\n（一）完善规则库。建立规则。\n",
    )
    assert plan.name == "关于开展医保经办全流程智能审核试点工作的通知"
    text = (
        "某某市水资源保护利用和防汛规划\n一、主要任务\n（一）提升排水能力。到2020年，市政雨水泵排能力达到850立方米/秒。"
        "城镇供水能力达到1000万立方米/日左右。\n"
    )
    found = targets(load_plan(write(tmp_path, "rates.txt", text)).document)
    assert found["市政雨水泵排能力"][:2] == (850, "立方米/秒")
    assert found["城镇供水能力"][:3] == (10_000_000, "立方米/日", "ABOUT")
    plan = plan_read_from(
        tmp_path,
        "中共北京市委关于制定北京市国民经济和社会发展第十五个五年规划的建议\n一、主要目标\n经济实力持续增强。\n"
        "二、建设现代化产业体系\n（一）发展新质生产力。加快创新。\n",
    )
    assert (plan.attrs["region"], plan.attrs["level"]) == ("北京市", "PROVINCIAL")


def test_items_numbered_with_a_full_stop_as_a_pdf_exports_them(tmp_path: Path) -> None:
    """Written from 关于加强首诊和转诊服务提升医疗服务连续性的通知, whose text (from a PDF) numbers its items 1。 2。."""
    text = (
        "关于加强首诊和转诊服务提升医疗服务连续性的通知\n一、重点任务\n（一）落实双向转诊机制。\n"
        "1。加强上下联动。医联体内牵头医院负责制定本医联体内双向转诊标准及流程。\n2。引导规范合理上转。医疗机构要按照转诊规则转诊。\n"
    )
    document = load_plan(write(tmp_path, "stops.txt", text)).document
    assert {"加强上下联动", "引导规范合理上转"} <= {e.name for e in document.entities_of(EntityKind.TASK)}
    assert ("医联体内牵头医院", Role.LEAD) in responsible_as_written(
        document, "加强上下联动", EntityKind.TASK
    )


def test_units_of_rooms_wells_pairs_and_subjects(tmp_path: Path) -> None:
    """Written from 上海市静安区消防救援事业发展三年行动计划 (补建市政消火栓169具), 上海市交通精细化管理
    三年行动方案 (金山铁路全天开行列车38对; 轨道交通站点50米范围内……占比达到90%: a distance naming a kind),
    江西省普通高中教育改革实施意见 (不超过4科) and 盐城市盐都区设备更新行动方案 (病房276间)."""
    text = (
        "某某区公共服务提升行动计划\n一、重点任务\n（一）完善消防设施。补建市政消火栓169具。\n"
        "（二）提升交通服务。至2026年金山铁路全天开行列车38对。2026年底实现轨道交通站点50米范围内地面公交配套服务占比达到90%。\n"
        "（三）改革考试。高一学生参加考试的科目原则上不超过4科。\n"
        "（四）改造病房。到2027年改造提升病房276间。\n"
    )
    found = targets(load_plan(write(tmp_path, "units.txt", text)).document)
    assert found["市政消火栓"][:2] == (169, "具")
    assert found["金山铁路全天开行列车"][:2] == (38, "对")
    assert found["轨道交通站点50米范围内地面公交配套服务占比"][:2] == (90, "%")
    assert found["高一学生参加考试的科目"][:3] == (4, "科", "AT_MOST")
    assert found["病房"][:2] == (276, "间")


def test_a_list_of_bodies_closed_by_its_schedule_and_marked_lead(tmp_path: Path) -> None:
    """Forms of the genre, written from knowledge of it (not from one document): a task followed
    by lines 责任单位：A、B / 完成时限：2025年底, which a text joins into one paragraph; a lead marked
    in the list (市发展改革委（牵头）、市财政局); the local governments by their levels alone
    (各县（市、区）); a subject that 要会同 others, who support; 市直各部门 as one body; a bracket
    naming the leading official before the bodies (牵头领导：张三；责任单位：A)."""
    text = (
        "某某市推进数字经济发展实施方案\n一、重点任务\n"
        "（一）加快数字基础设施建设。新建5G基站3000个。\n责任单位：市工业和信息化局、市通信发展管理办公室\n完成时限：2025年底\n"
        "（二）推进产业数字化转型。推动企业上云。\n责任单位：市发展改革委（牵头）、市财政局、市商务局\n"
        "（三）发展数字政务。\n责任单位：各县（市、区）、市直有关部门\n"
        "（四）培育数字人才。市教育局要会同市人力资源社会保障局制定实施细则。市直各部门要加强协作。\n"
        "（五）建设智慧社区。推进社区数字化改造。（牵头领导：张三；责任单位：市住建局，完成时限：2024年12月底前）\n"
    )
    document = load_plan(write(tmp_path, "fields.txt", text)).document
    assert responsible_as_written(document, "建设智慧社区", EntityKind.TASK) == {("市住建局", Role.LEAD)}
    assert responsible_as_written(document, "加快数字基础设施建设", EntityKind.TASK) == {
        ("市工业和信息化局", Role.LEAD),
        ("市通信发展管理办公室", Role.LEAD),
    }
    assert responsible_as_written(document, "推进产业数字化转型", EntityKind.TASK) == {
        ("市发展改革委", Role.LEAD),
        ("市财政局", Role.SUPPORT),
        ("市商务局", Role.SUPPORT),
    }
    assert responsible_as_written(document, "发展数字政务", EntityKind.TASK) == {
        ("各县（市、区）", Role.LEAD),
        ("市直有关部门", Role.LEAD),
    }
    assert responsible_as_written(document, "培育数字人才", EntityKind.TASK) == {
        ("市教育局", Role.LEAD),
        ("市人力资源社会保障局", Role.SUPPORT),
        ("市直各部门", Role.LEAD),
    }


def test_a_count_whose_words_read_as_a_clause_counts_the_verbs_object(tmp_path: Path) -> None:
    """Written from 盐城市盐都区推动大规模设备更新和消费品以旧换新行动方案 (全区党政机关更新公务用车74辆),
    山东省场景创新十大行业行动方案 (为企业提供场景对接服务不低于2000次), 山东省新一代信息技术产业行动计划
    (依托省级科技计划每年实施信息技术创新重大项目20项以上) and 上海市交通精细化管理三年行动方案
    (三年累计完成人行道断头贯通25400㎡); a verb naming a kind stays (光伏发电装机容量)."""
    text = (
        "某某区设备更新行动方案（2024—2027年）\n一、重点任务\n"
        "（一）更新公务用车。到2027年全区党政机关更新公务用车74辆。\n"
        "（二）推动场景创新。为企业提供场景对接服务不低于2000次。依托省级科技计划每年实施信息技术创新重大项目20项以上。\n"
        "（三）完善慢行系统。三年累计完成人行道断头贯通25400㎡。\n"
        "（四）发展光伏。到2025年，光伏发电装机容量达到150万千瓦。\n"
    )
    found = targets(load_plan(write(tmp_path, "objects.txt", text)).document)
    assert found["公务用车"][:4] == (74, "辆", "EQUAL", 2027)
    assert found["场景对接服务"][:3] == (2000, "次", "AT_LEAST")
    assert found["信息技术创新重大项目"][:3] == (20, "项", "AT_LEAST")
    assert found["人行道断头贯通"][:2] == (25400, "㎡")
    assert found["光伏发电装机容量"][:2] == (1_500_000, "千瓦")


def test_fields_sharing_their_body_word_as_a_subject_a_comma_after_it(tmp_path: Path) -> None:
    """Written from 河北省教育脱贫攻坚三年行动计划（2018—2020年）: 教育、人社、农林等部门，加强对贫困地区开展……
    gives the work to each field's departments; after a verb they are its object (支持教育、医疗等单位开展合作)."""
    text = (
        "某某省教育脱贫行动计划（2018—2020年）\n一、主要任务\n（一）增强贫困地区教育发展实力\n"
        "广泛开展公益性职业技能培训。教育、人社、农林等部门，加强对贫困地区开展林果、畜牧等现代农林的职业教育。"
        "支持教育、医疗等单位开展合作。\n"
    )
    document = load_plan(write(tmp_path, "fields.txt", text)).document
    assert responsible_as_written(document, "增强贫困地区教育发展实力", EntityKind.TASK) == {
        ("教育部门", Role.LEAD),
        ("人社部门", Role.LEAD),
        ("农林部门", Role.LEAD),
    }


def test_an_attachment_giving_each_rows_bodies_on_labelled_lines_under_it(tmp_path: Path) -> None:
    """A form of the genre, written from knowledge of it: an attachment dividing the work (here titled
    重点任务推进台账) whose rows name the items (tasks and safeguards alike) and give their bodies on
    lines of their own (牵头单位：A / 配合单位：B)."""
    text = (
        "某某市人民政府关于加快发展养老服务的实施意见\n各区人民政府，市政府各部门：\n为加快发展养老服务，现提出如下意见。\n"
        "一、扩大服务供给\n（一）发展社区养老服务。建设社区养老服务中心。\n（二）发展居家养老服务。推进家庭养老床位建设。\n"
        "二、强化要素保障\n（三）加强人才培养。培养养老护理员5000名。\n（四）加大资金投入。\n"
        "某某市人民政府\n2023年5月6日\n附件\n重点任务推进台账\n"
        "1.发展社区养老服务\n牵头单位：市民政局\n配合单位：市发展改革委、市财政局\n"
        "2.发展居家养老服务\n责任单位：市民政局、各区人民政府\n"
        "3.加强人才培养\n牵头单位：市人力资源社会保障局\n配合单位：市民政局、市教育局\n"
    )
    document = load_plan(write(tmp_path, "rows.txt", text)).document
    assert responsible_as_written(document, "发展社区养老服务", EntityKind.TASK) == {
        ("市民政局", Role.LEAD),
        ("市发展改革委", Role.SUPPORT),
        ("市财政局", Role.SUPPORT),
    }
    assert responsible_as_written(document, "发展居家养老服务", EntityKind.TASK) == {
        ("市民政局", Role.LEAD),
        ("各区人民政府", Role.LEAD),
    }
    assert responsible_as_written(document, "加强人才培养", EntityKind.MEASURE) == {
        ("市人力资源社会保障局", Role.LEAD),
        ("市民政局", Role.SUPPORT),
        ("市教育局", Role.SUPPORT),
    }


def test_an_attachment_whose_rows_are_numbered_in_words(tmp_path: Path) -> None:
    """A form of the genre, written from knowledge of it: a 重点任务分工方案 whose rows keep the
    items' own numbers, （一） or 三、, each closed by its bracket, headed 附表 rather than 附件."""
    text = (
        "某某市人民政府关于加快发展养老服务的实施意见\n各区人民政府，市政府各部门：\n为加快发展养老服务，现提出如下意见。\n"
        "一、扩大服务供给\n（一）发展社区养老服务。建设社区养老服务中心。\n（二）发展居家养老服务。推进家庭养老床位建设。\n"
        "二、强化要素保障\n（三）加强人才培养。培养养老护理员5000名。\n"
        "某某市人民政府\n2023年5月6日\n附表\n重点任务分工方案\n"
        "（一）发展社区养老服务。（市民政局牵头，市财政局配合）\n"
        "三、加强人才培养。（市人力资源社会保障局牵头）\n"
    )
    document = load_plan(write(tmp_path, "words.txt", text)).document
    assert responsible_as_written(document, "发展社区养老服务", EntityKind.TASK) == {
        ("市民政局", Role.LEAD),
        ("市财政局", Role.SUPPORT),
    }
    assert responsible_as_written(document, "加强人才培养", EntityKind.MEASURE) == {
        ("市人力资源社会保障局", Role.LEAD)
    }


def test_local_governments_and_departments_named_generically(tmp_path: Path) -> None:
    """Forms of the genre, written from knowledge of it: 各区县 alone, 各设区市、县（市、区）人民政府
    as one body, and 各级人民政府和有关部门 as two."""
    text = (
        "某某市农村人居环境整治实施方案\n一、重点任务\n（一）建立长效机制。各区县要建立农村人居环境管护机制。\n"
        "（二）落实属地责任。各设区市、县（市、区）人民政府要落实属地责任。\n"
        "（三）加强组织领导。各级人民政府和有关部门要加强组织领导。\n"
    )
    document = load_plan(write(tmp_path, "generic.txt", text)).document
    assert responsible_as_written(document, "建立长效机制", EntityKind.TASK) == {("各区县", Role.LEAD)}
    assert responsible_as_written(document, "落实属地责任", EntityKind.TASK) == {
        ("各设区市、县（市、区）人民政府", Role.LEAD)
    }
    assert responsible(document, "加强组织领导", EntityKind.TASK) == {
        ("各级人民政府", Role.LEAD),
        ("各有关部门", Role.LEAD),
    }


def test_a_share_of_things_doing_what_follows_its_number(tmp_path: Path) -> None:
    """Written from 长宁区节能降碳和循环经济“十五五”规划 (新建建筑100%执行绿色建筑标准) and 福建省充电基础设施
    实施方案 (新建居住区固定车位100%安装充电基础设施或预留安装条件): the share of them doing it; a change
    from one share to another (由1.25%提高到1.5%) stays a change."""
    text = (
        "某某区节能降碳规划（2026—2030年）\n一、主要任务\n（一）发展绿色建筑。新建建筑100%执行绿色建筑标准，引导新建建筑运行能效达到先进水平。"
        "新建居住区固定车位100%安装充电基础设施或预留安装条件。\n（二）加强研发。规模以上制造业企业研发投入强度由1.25%提高到1.5%。\n"
    )
    found = targets(load_plan(write(tmp_path, "share.txt", text)).document)
    assert found["新建建筑执行绿色建筑标准比例"][:4] == (100, "%", "EQUAL", 2030)
    assert found["新建居住区固定车位安装充电基础设施或预留安装条件比例"][:2] == (100, "%")
    assert found["规模以上制造业企业研发投入强度"][:2] == (1.5, "%")


def test_a_sum_given_as_a_scale(tmp_path: Path) -> None:
    """Written from 河北省制造业高质量发展“十四五”规划: 5000亿级新能源产业集群 and 康复辅助器具产业规模达到
    千亿级 are sums in 元; 培育2个万亿级产业 counts industries of that scale. A number with no unit is
    written as the text writes it (电能利用效率（PUE）应低于1.25，…: 1.25)."""
    text = (
        "某某省制造业发展规划（2021—2025年）\n一、主要任务\n（一）发展新能源产业。到2025年，形成集装备制造、能源生产、"
        "应用示范于一体的5000亿级新能源产业集群。力争全省康复辅助器具产业规模达到千亿级。培育2个万亿级产业。\n"
        "（二）建设数据中心。数据中心电能利用效率（PUE）应低于1.25，推动绿色发展。\n"
    )
    document = load_plan(write(tmp_path, "scale.txt", text)).document
    found = targets(document)
    assert found["新能源产业集群"][:4] == (500_000_000_000, "元", "EQUAL", 2025)
    assert found["康复辅助器具产业规模"][:2] == (100_000_000_000, "元")
    assert found["万亿级产业"][:2] == (2, "个")
    written = {e.attrs["metric"]: e.attrs["written"] for e in document.entities_of(EntityKind.INDICATOR)}
    assert written["数据中心电能利用效率（PUE）"] == "1.25"
    assert written["新能源产业集群"] == "5000亿级"


def test_a_respective_list_of_two_joined_by_he(tmp_path: Path) -> None:
    """Written from 普陀区绿化市容“十五五”规划 (户外广告设施和户外招牌设置审批（备案）率分别达到95%和90%以上);
    a first item of one word shares the rest of the second (城镇和农村居民人均可支配收入分别增长6%和8%,
    a form of the genre)."""
    text = (
        "某某区绿化市容规划（2026—2030年）\n一、主要任务\n（一）规范户外广告。户外广告设施和户外招牌设置审批（备案）率分别达到95%和90%以上。"
        "城镇和农村居民人均可支配收入分别增长6%和8%。\n"
    )
    found = targets(load_plan(write(tmp_path, "two.txt", text)).document)
    assert found["户外招牌设置审批（备案）率"][:3] == (90, "%", "AT_LEAST")
    assert found["城镇居民人均可支配收入"][:2] == (6, "%")
    assert found["农村居民人均可支配收入"][:2] == (8, "%")


def test_a_year_opening_a_clause_after_a_comma_and_a_span_nearer_the_number(tmp_path: Path) -> None:
    """Written from 重庆市清理消费领域限制措施的若干措施 (……，2025年创建6个国家级汽摩运动营地和2个星级营地) and
    重庆市提振消费专项行动方案 (……，2025年每千人口拥有3岁以下婴幼儿托位数达4.5个，三年内城市社区普惠性托育服务点
    覆盖率达到60%: the span, nearer the number, counts from the year of issue)."""
    text = (
        "某某市提振消费若干措施\n某府办发〔2025〕9号\n一、重点任务\n（一）发展户外运动。推动在建公园科学设置运动项目，2025年创建6个国家级汽摩运动营地和2个星级营地。\n"
        "（二）发展托育服务。大力发展社区嵌入式托育，2025年每千人口拥有3岁以下婴幼儿托位数达4.5个，三年内城市社区普惠性托育服务点覆盖率达到60%。\n"
        "某某市人民政府办公厅\n2025年4月1日\n"
    )
    found = targets(load_plan(write(tmp_path, "years.txt", text)).document)
    assert found["汽摩运动营地"][:4] == (6, "个", "EQUAL", 2025)
    assert found["星级营地"][:4] == (2, "个", "EQUAL", 2025)
    assert found["每千人口拥有3岁以下婴幼儿托位数"][3] == 2025
    assert found["城市社区普惠性托育服务点覆盖率"][:4] == (60, "%", "EQUAL", 2028)


def test_at_least_though_a_verb_stands_between(tmp_path: Path) -> None:
    """Written from 河北省遏制艾滋病传播实施方案 (每月至少开展1次艾滋病防治公益宣传) and 河北省教育脱贫攻坚
    三年行动计划 (每个乡镇至少办好一所公办中心幼儿园)."""
    text = (
        "某某省艾滋病防治行动计划（2016—2020年）\n一、主要任务\n（一）加强宣传教育。每月至少开展1次艾滋病防治公益宣传。\n"
        "（二）发展学前教育。贫困地区每个乡镇至少办好一所公办中心幼儿园。\n"
    )
    found = targets(load_plan(write(tmp_path, "least.txt", text)).document)
    assert found["艾滋病防治公益宣传"][:4] == (1, "次", "AT_LEAST", 2020)
    assert found["公办中心幼儿园"][:3] == (1, "所", "AT_LEAST")


def test_a_division_table_copied_one_cell_to_a_line_in_a_chapter_of_tasks(tmp_path: Path) -> None:
    """A form of the genre, written from knowledge of it: a division table copied from a portal page
    into text, one cell to a line (序号 / 任务名称 / 任务内容 / 牵头部门 / 配合部门 / 时间节点 / 1 / …),
    standing under 二、重点任务 with a supporting cell broken after 、: each row is a task with its
    bodies, and no cell is a task of its own."""
    text = (
        "某某区生活垃圾分类工作实施方案\n一、工作目标\n到2025年，生活垃圾回收利用率达到35%以上。\n二、重点任务\n"
        "序号\n任务名称\n任务内容\n牵头部门\n配合部门\n时间节点\n"
        "1\n加强组织领导\n召开全区生活垃圾分类工作动员大会。\n区政府办公室\n区绿化市容局\n2024年3月\n"
        "2\n推进源头减量\n推行净菜上市，减少一次性用品使用。\n区商务委\n区市场监管局、\n区农业农村委\n2024年底\n"
        "三、保障措施\n（一）加强宣传引导。广泛开展宣传。\n"
    )
    document = load_plan(write(tmp_path, "cells.txt", text)).document
    assert {e.name for e in document.entities_of(EntityKind.TASK)} == {"加强组织领导", "推进源头减量"}
    assert named(document, EntityKind.TASK, "加强组织领导").text == "召开全区生活垃圾分类工作动员大会。"
    assert responsible_as_written(document, "推进源头减量", EntityKind.TASK) == {
        ("区商务委", Role.LEAD),
        ("区市场监管局", Role.SUPPORT),
        ("区农业农村委", Role.SUPPORT),
    }


def test_an_attachment_table_with_its_cells_a_blank_line_apart_restating_the_tasks(tmp_path: Path) -> None:
    """Written from 嘉定区系统化全域推进海绵城市建设的实施方案 as its portal page comes out as text: the
    attachment (重点任务分解表) stands one cell to a paragraph, a blank line between cells, and a cell
    the page broke over two lines (海绵型 / 公园); the header stands again where the page broke the
    table. Each row names a task of the plan in few words: the task gets the row's bodies, and the
    targets of its 重点内容 cell that the chapter does not state."""
    text = "\n\n".join(
        [
            "某某区海绵城市建设实施方案",
            "一、重点任务",
            "（一）推进海绵型地块建设。新改扩建项目全面落实海绵城市建设要求。",
            "（二）推进海绵型公园建设。打造一批海绵型公园。",
            "附件：重点任务分解表",
            *("序号", "任务类型", "重点内容", "责任单位"),
            *(
                "1",
                "海绵型\n地块",
                "住宅小区等新改扩建项目全面落实海绵城市建设要求。",
                "区建设管理委、\n区规划资源局",
            ),
            *("序号", "任务类型", "重点内容", "责任单位"),
            "2",
            "海绵型\n公园",
            "公园绿化项目建设目标包括：（1）公园绿地建设项目面积达50公顷；（2）街心花园建设改造项目10个。",
            "区绿化市容局、区水务局，\n各街镇",
        ]
    )
    document = load_plan(write(tmp_path, "sponge.txt", text)).document
    assert {e.name for e in document.entities_of(EntityKind.TASK)} == {
        "推进海绵型地块建设",
        "推进海绵型公园建设",
    }
    assert responsible_as_written(document, "推进海绵型地块建设", EntityKind.TASK) == {
        ("区建设管理委", Role.LEAD),
        ("区规划资源局", Role.LEAD),
    }
    assert ("区水务局", Role.LEAD) in responsible_as_written(document, "推进海绵型公园建设", EntityKind.TASK)
    found = targets(document)
    assert found["公园绿地建设项目面积"][:3] == (50, "公顷", "EQUAL")
    assert found["街心花园建设改造项目"][:3] == (10, "个", "EQUAL")
    assert found["街心花园建设改造项目"][4] == EntityKind.TASK


def test_a_closing_chapter_made_of_safeguards_is_the_measures_whatever_its_title(tmp_path: Path) -> None:
    """Written from 山东省人工智能产业科技创新行动方案 (its last chapter 重点举措: 加强组织实施 / 强化政策支持 /
    营造最好氛围 / 强化安全监管) and 河北省人力资源服务业创新发展行动方案 (营造良好发展环境: 规范市场秩序 /
    推动政策落实 / 加强宣传引导): a chapter that closes the plan, titled in words of no kind (or of a
    context, but opening with a verb), whose items are mostly safeguards, is the plan's measures.
    A chapter of work before it stays tasks."""
    text = (
        "某某省人力资源服务业发展行动方案\n一、主要任务\n（一）培育市场主体。做大行业机构规模。\n"
        "二、夯实行业发展基础\n（一）打造行业人才队伍。开展培训。\n（二）完善统计监测制度。建立统计制度。\n"
        "三、营造良好发展环境\n（一）规范市场秩序。开展清理整顿。\n（二）推动政策落实。落实各项政策。\n"
        "（三）加强宣传引导。宣传典型经验。\n"
    )
    document = load_plan(write(tmp_path, "closing.txt", text)).document
    kinds = chapter_kinds_of(document)
    assert kinds["夯实行业发展基础"] == "tasks"
    assert kinds["营造良好发展环境"] == "measures"
    assert {e.name for e in document.entities_of(EntityKind.MEASURE)} == {
        "规范市场秩序",
        "推动政策落实",
        "加强宣传引导",
    }


def test_brackets_naming_bodies_by_a_label_by_and_set_apart_by_a_space_or_a_slash(tmp_path: Path) -> None:
    """Forms of the genre, written from knowledge of it: a bracket naming each body's role by a
    label (A为牵头单位，B为配合单位), one whose bodies 由 introduces (由A、B负责落实), lists whose names
    stand a space or a slash apart (A B, A/B), and a request's subject (请A牵头，B配合，……); in
    sentences, a label joined by 为 (责任单位为A: A leads, 责任单位 is no subject) and a phrase of
    duties before the verb (A、B按照职责分工做好……); names run together where a cell's lines were
    joined (市公安分局市市场监管局)."""
    text = (
        "某某市数字经济发展行动方案\n一、重点任务\n"
        "（一）加强人才培养。引进数字人才。（市人力资源社会保障局为牵头单位，市教育局为配合单位）\n"
        "（二）优化营商环境。深化改革。（由市场监管局、市司法局负责落实）\n"
        "（三）推进数字文旅。建设智慧景区。（市文化广电旅游局 市商务局）\n"
        "（四）发展数字农业。推进智慧农场。（责任单位：市农业农村局/市科技局）\n"
        "（五）建设算力设施。请市发展改革委牵头，市工业和信息化局配合，建设一批数据中心。\n"
        "（六）完善政策体系。研究制定配套政策。责任单位为市财政局。\n"
        "（七）加强宣传。市委宣传部、市广电局按照职责分工做好宣传报道工作。\n"
        "（八）推动以旧换新。开展以旧换新活动。（责任单位：市公安分局市市场监管局市供销总社）\n"
        "（九）加强统筹协调。市发展改革委牵头，市财政局、市教育局按职责分工负责。\n"
        "（十）做好宣传报道。由市委宣传部统筹，市广电局具体实施。\n"
    )
    document = load_plan(write(tmp_path, "brackets.txt", text)).document
    assert responsible_as_written(document, "加强人才培养", EntityKind.TASK) == {
        ("市人力资源社会保障局", Role.LEAD),
        ("市教育局", Role.SUPPORT),
    }
    assert responsible_as_written(document, "优化营商环境", EntityKind.TASK) == {
        ("市场监管局", Role.LEAD),
        ("市司法局", Role.LEAD),
    }
    assert responsible_as_written(document, "推进数字文旅", EntityKind.TASK) == {
        ("市文化广电旅游局", Role.LEAD),
        ("市商务局", Role.LEAD),
    }
    assert responsible_as_written(document, "发展数字农业", EntityKind.TASK) == {
        ("市农业农村局", Role.LEAD),
        ("市科技局", Role.LEAD),
    }
    assert responsible_as_written(document, "建设算力设施", EntityKind.TASK) == {
        ("市发展改革委", Role.LEAD),
        ("市工业和信息化局", Role.SUPPORT),
    }
    assert responsible_as_written(document, "完善政策体系", EntityKind.TASK) == {("市财政局", Role.LEAD)}
    assert responsible_as_written(document, "加强宣传", EntityKind.TASK) == {
        ("市委宣传部", Role.LEAD),
        ("市广电局", Role.LEAD),
    }
    # After a lead (牵头), bodies doing their part by their duties support, as in a bracket.
    assert responsible_as_written(document, "加强统筹协调", EntityKind.TASK) == {
        ("市发展改革委", Role.LEAD),
        ("市财政局", Role.SUPPORT),
        ("市教育局", Role.SUPPORT),
    }
    # 由 introduces a party committee's department by the committee's name and its own.
    assert responsible_as_written(document, "做好宣传报道", EntityKind.TASK) == {
        ("市委宣传部", Role.LEAD),
        ("市广电局", Role.LEAD),
    }
    assert responsible_as_written(document, "推动以旧换新", EntityKind.TASK) == {
        ("市公安分局", Role.LEAD),
        ("市市场监管局", Role.LEAD),
        ("市供销总社", Role.LEAD),
    }


def test_chapter_headings_with_a_space_before_the_mark(tmp_path: Path) -> None:
    """A form of the genre as pages and PDFs set it, written from knowledge of it: 一 、总体要求, a
    space between the numeral and its 、, heads a chapter as 一、总体要求 does."""
    text = (
        "某某市养老服务体系建设实施方案\n一 、总体要求\n到2025年，养老机构护理型床位占比达到60%。\n"
        "二 、重点任务\n（一）完善养老服务网络。建设社区养老服务中心。（市民政局牵头）\n"
    )
    document = load_plan(write(tmp_path, "spaced.txt", text)).document
    assert chapter_kinds_of(document) == {"总体要求": "requirements", "重点任务": "tasks"}
    assert targets(document)["养老机构护理型床位占比"][:4] == (60, "%", "EQUAL", 2025)


def test_targets_in_units_of_ports_water_energy_and_rates(tmp_path: Path) -> None:
    """Forms of the genre, written from knowledge of it and from 河北省汽车制造业数字化转型行动计划
    (机器人应用密度达到150台/万人): units of ports (万标箱), water (升), length (km), things counted by
    the 根, and rates per what follows the slash (吨标准煤/万元, 台/万人, 平方米/人, 公里/平方公里)."""
    text = (
        "某某市综合发展行动方案（2023—2025年）\n一、主要目标\n到2025年，港口集装箱吞吐量达到500万标箱，"
        "人均生活用水量控制在150升以内，城市污水管网长度达到3000km，单位GDP能耗降至0.4吨标准煤/万元，"
        "工业机器人密度达到500台/万人，人均公园绿地面积达到15平方米/人，平均路网密度提高到8公里/平方公里。\n"
        "二、重点任务\n（一）完善充电设施。建成充电桩5万根。\n"
    )
    found = targets(load_plan(write(tmp_path, "units.txt", text)).document)
    assert found["港口集装箱吞吐量"][:4] == (5000000, "标箱", "EQUAL", 2025)
    assert found["人均生活用水量"][:3] == (150, "升", "AT_MOST")
    assert found["城市污水管网长度"][:2] == (3000, "km")
    assert found["单位GDP能耗"][:2] == (0.4, "吨标准煤/万元")
    assert found["工业机器人密度"][:2] == (500, "台/万人")
    assert found["人均公园绿地面积"][:2] == (15, "平方米/人")
    assert found["平均路网密度"][:2] == (8, "公里/平方公里")
    assert found["充电桩"][:2] == (50000, "根")


def test_a_share_opening_its_clause_and_a_bare_verb_of_keeping(tmp_path: Path) -> None:
    """Forms of the genre, written from knowledge of it: a share opening its clause is the share of
    the thing the clause before measured (工业增加值年均增长7%以上，占地区生产总值比重提高到35%), and a
    bare 保持 / 稳定 / 控制 before the number is no part of the metric (无害化处理率保持100%)."""
    text = (
        "某某市制造业高质量发展行动方案（2023—2025年）\n一、主要目标\n到2025年，全市规模以上工业增加值年均增长7%以上，"
        "占地区生产总值比重提高到35%；城市生活垃圾无害化处理率保持100%，森林覆盖率稳定45%以上。\n"
        "二、重点任务\n（一）壮大先进制造业。培育产业集群。\n"
    )
    found = targets(load_plan(write(tmp_path, "share.txt", text)).document)
    assert found["规模以上工业增加值"][:3] == (7, "%", "AT_LEAST")
    assert found["规模以上工业增加值占地区生产总值比重"][:4] == (35, "%", "EQUAL", 2025)
    assert found["城市生活垃圾无害化处理率"][:3] == (100, "%", "EQUAL")
    assert found["森林覆盖率"][:3] == (45, "%", "AT_LEAST")


def test_party_departments_and_the_cities_or_districts_as_subjects(tmp_path: Path) -> None:
    """Forms of the genre, written from knowledge of it and from 河北省县域特色产业振兴工作方案 (各市要统筹把握
    本市……): a party department the registry does not know (市委宣传部, 县委组织部) as a clause's subject,
    and the cities or districts named together (各市要……, 各区负责……)."""
    text = (
        "某某省城市更新行动方案\n一、重点任务\n（一）加强宣传引导。市委宣传部牵头做好宣传工作。\n"
        "（二）加强人才队伍建设。县委组织部负责干部培训。\n（三）完善基础设施。各市要加强统筹，抓好落实。\n"
        "（四）推进老旧小区改造。各区负责组织实施。\n"
    )
    document = load_plan(write(tmp_path, "subjects.txt", text)).document
    assert responsible_as_written(document, "加强宣传引导", EntityKind.TASK) == {("市委宣传部", Role.LEAD)}
    assert responsible_as_written(document, "加强人才队伍建设", EntityKind.TASK) == {
        ("县委组织部", Role.LEAD)
    }
    assert responsible_as_written(document, "完善基础设施", EntityKind.TASK) == {("各市", Role.LEAD)}
    assert responsible_as_written(document, "推进老旧小区改造", EntityKind.TASK) == {("各区", Role.LEAD)}


def test_a_partner_clause_after_the_lead_and_a_subject_answering_for_the_work(tmp_path: Path) -> None:
    """Forms of the genre, written from knowledge of it: a clause opened by 会同 after the one that
    names the lead (A牵头，会同B制定……: B supports), and a subject answering for the work before its
    verb (A对资金使用绩效负责)."""
    text = (
        "某某市城市更新行动方案\n一、重点任务\n（一）推进城中村改造。市发展改革委作为牵头单位，会同市财政局制定支持政策。\n"
        "（二）完善配套政策。市财政局对资金使用绩效负责。\n"
    )
    document = load_plan(write(tmp_path, "partner.txt", text)).document
    assert responsible_as_written(document, "推进城中村改造", EntityKind.TASK) == {
        ("市发展改革委", Role.LEAD),
        ("市财政局", Role.SUPPORT),
    }
    assert responsible_as_written(document, "完善配套政策", EntityKind.TASK) == {("市财政局", Role.LEAD)}


def test_a_chapter_counting_its_items_in_words(tmp_path: Path) -> None:
    """A form of the genre, written from knowledge of it: a 保障措施 chapter with no numbered items
    that counts them in its text (一是加强组织领导。……二是强化资金保障，……), over one paragraph or more:
    each is a measure named by its words up to the first stop, with its text to the next one."""
    text = (
        "某某市养老服务体系建设实施方案\n一、重点任务\n（一）完善养老服务网络。建设社区养老服务中心。（市民政局牵头）\n"
        "二、保障措施\n一是加强组织领导。建立联席会议制度，统筹推进养老服务工作。二是强化资金保障，市财政局加大资金投入。\n"
        "三是加强人才队伍建设。开展养老护理员培训。\n"
    )
    document = load_plan(write(tmp_path, "ordinal.txt", text)).document
    measures = {e.name: e for e in document.entities_of(EntityKind.MEASURE)}
    assert set(measures) == {"加强组织领导", "强化资金保障", "加强人才队伍建设"}
    assert measures["加强组织领导"].text == "建立联席会议制度，统筹推进养老服务工作。"
    assert responsible_as_written(document, "强化资金保障", EntityKind.MEASURE) == {("市财政局", Role.LEAD)}


def test_a_review_of_the_last_period_is_context(tmp_path: Path) -> None:
    """Written from 上海市供水和防汛“十三五”规划 (一、“十二五”发展回顾): a chapter reviewing the last period
    is context, and the figures it reports are no targets of the plan; 二次供水 is secondary supply,
    no count of two."""
    text = (
        "某某市水务发展“十三五”规划\n一、“十二五”发展回顾\n（一）供水能力不断提升。完成1亿平方米二次供水设施改造。\n"
        "（二）防汛体系不断完善。新建泵站20座。\n二、主要任务\n（一）推进供水设施改造。实施二次供水设施改造5000万平方米。\n"
    )
    document = load_plan(write(tmp_path, "review.txt", text)).document
    assert chapter_kinds_of(document)["“十二五”发展回顾"] == "context"
    assert {a["value"] for a in (e.attrs for e in document.entities_of(EntityKind.INDICATOR))} == {50000000}


def test_an_opinion_of_items_closing_with_safeguards_named_as_items(tmp_path: Path) -> None:
    """A form of the genre, written from knowledge of it: an opinion made of numbered items alone,
    whose last items are safeguards by their titles' endings (加强宣传引导, 营造良好社会氛围): those are
    its measures; the work before them stays tasks."""
    text = (
        "某某市关于促进消费的若干措施\n一、发展夜间经济。打造夜间消费街区。\n二、促进汽车消费。开展汽车促销活动。\n"
        "三、扩大文旅消费。发放文旅消费券。\n四、提升商圈品质。改造提升重点商圈。\n"
        "五、加强宣传引导。利用各类媒体宣传政策。\n六、营造良好社会氛围。营造放心消费环境。\n"
    )
    document = load_plan(write(tmp_path, "items.txt", text)).document
    assert {e.name for e in document.entities_of(EntityKind.MEASURE)} == {"加强宣传引导", "营造良好社会氛围"}
    assert "提升商圈品质" in {e.name for e in document.entities_of(EntityKind.TASK)}


def test_a_chapter_saying_whom_the_policy_is_for_is_context(tmp_path: Path) -> None:
    """Written from 江门市人才房票工作方案 (二、适用对象及类别) and 赋予科研人员职务科技成果所有权或长期使用权
    试点实施方案 (二、试点对象和期限): a chapter saying whom the plan applies to is context, not work."""
    text = (
        "某某市人才房票工作方案\n一、工作目标\n到2026年，发放人才房票1000张。\n二、适用对象及类别\n"
        "（一）适用对象。在本市工作的各类人才。\n（二）人才类别。分为A、B、C三类。\n"
        "三、工作措施\n（一）优化审核流程。推行网上申请。（市住房城乡建设局负责）\n"
    )
    kinds = chapter_kinds_of(load_plan(write(tmp_path, "whom.txt", text)).document)
    assert kinds["适用对象及类别"] == "context"


def test_slogans_counted_in_words_are_no_targets(tmp_path: Path) -> None:
    """A form of the genre, written from knowledge of it: a quoted name opening with a count in
    words (“三个翻番”, “两个一百”) and a verb with what it holds to (坚持两个毫不动摇) count nothing; the
    target beside them is read."""
    text = (
        "某某市经济社会发展行动方案（2023—2025年）\n一、主要目标\n坚持两个毫不动摇，力争实现“三个翻番”。\n"
        "二、重点任务\n（一）壮大市场主体。实施“两个一百”工程，培育10家龙头企业。\n"
    )
    found = targets(load_plan(write(tmp_path, "slogans.txt", text)).document)
    assert set(found) == {"龙头企业"}
    assert found["龙头企业"][:3] == (10, "家", "EQUAL")
