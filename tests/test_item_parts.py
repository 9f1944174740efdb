"""How a plan's work is laid out beyond chapters and items, each on a short plan written like the
real ones: an item whose numbered parts only label what it holds (1．行动目标 / 2．主要任务), a
chapter title of the genre run on into its text, and a body with little work of its own whose
attachment lists the work by chapter and item, its brackets labelled 牵头考核单位."""

from __future__ import annotations

from pathlib import Path

from graph.model import EntityKind, Role
from loaders import load_plan
from tests.test_layouts import chapter_kinds_of, responsible, targets, write


def test_an_items_parts_labelled_target_and_work_are_the_items_text(tmp_path: Path) -> None:
    """（一）“互联网＋”现代农业 / 1．行动目标。…… / 2．主要任务依托……: one task, whose target and whose
    bodies are the parts'; 二、发展目标通过3-5年努力，…… is the chapter 发展目标."""
    text = (
        "某区积极推进“互联网＋”行动实施方案\n"
        "一、总体要求充分发挥政策叠加优势，加快推进智慧城市建设，大力拓展互联网与经济社会各领域融合的广度和深度。\n"
        "二、发展目标通过3-5年努力，互联网与各领域进一步融合发展，产业体系基本形成，应用领域更加广泛，基础作用更加凸显。\n"
        "三、重点领域“互联网＋”行动\n（一）“互联网＋”现代农业\n"
        "1．行动目标。全面推进互联网与农业生产融合发展。到2018年，建成农业物联网示范基地3个以上。\n"
        "2．主要任务依托农业网络体系，推进物联网技术在生产中的应用。牵头单位：区农村发展局，配合单位：区经发局商务处\n"
        "（二）“互联网＋”创业创新\n1．行动目标。推动创业创新资源聚集。\n"
        "2．主要任务强化创业创新支撑。牵头单位：区经发局发改处，配合单位：区社会事业局\n"
        "四、保障措施\n（一）加强组织领导。区经济发展局要加强综合协调。\n"
    )
    document = load_plan(write(tmp_path, "parts.txt", text)).document
    tasks = {task.name for task in document.entities_of(EntityKind.TASK)}
    assert tasks == {"“互联网＋”现代农业", "“互联网＋”创业创新"}
    assert responsible(document, "“互联网＋”现代农业", EntityKind.TASK) >= {
        ("区农村发展局", Role.LEAD),
        ("区经发局商务处", Role.SUPPORT),
    }
    found = targets(document)
    assert found["农业物联网示范基地"] == (3, "个", "AT_LEAST", 2018, "TASK")
    kinds = chapter_kinds_of(document)
    assert kinds["总体要求"] == kinds["发展目标"] == "requirements"


def test_the_work_an_attachment_lists_by_chapter_and_item(tmp_path: Path) -> None:
    """A 考评办法 whose body only says how the work is scored, and whose 附件 lists the year's work
    (一、……（25分） / （一）……（3分） / 1．……（5月底完成，牵头考核单位：市审批服务局）): the attachment's
    items are the plan's tasks, given to the bodies its brackets label; its closing chapter of
    safeguards, noted with its score, is the plan's measures."""
    text = (
        "某市2022年数字政府建设考评办法\n一、考评对象\n各区人民政府，参与数字政府建设工作的各部门、单位。\n"
        "二、考评内容\n《某市数字政府建设行动方案》确定的重点任务、重点项目。\n"
        "三、考评方式\n考评以日常监测、实地调研等方式进行，每半年考评一次。\n"
        "四、考评结果应用\n考评结果全市通报。\n"
        "附件：\n某市数字政府建设考评指标\n"
        "一、政务服务“一网通办”（25分）\n（一）一体化政务服务平台建设（3分）\n"
        "1．各级政务服务事项全部开通全程网办。（5月底完成，牵头考核单位：市审批服务局）\n"
        "2．整合电子证照、电子身份等数据，强化审批智能化。（持续推进，牵头考核单位：市审批服务局、市大数据中心）\n"
        "（二）政务服务便民热线升级（2分）\n3．全面提升政务热线服务水平。（6月底完成，牵头考核单位：市政府办公室）\n"
        "二、数据资源“一网共享”（20分）\n（一）数据共享交换平台建设（5分）\n"
        "4．联通市本级部门50个以上。（9月底完成，牵头考核单位：市大数据中心）\n"
        "三、加强统筹管理和工作保障（5分）\n（一）建立组织协调评价机制（1分）\n"
        "5．成立数字政府建设领导机构。（4月底完成，牵头考核单位：市政府办公室）\n"
        "（二）强化宣传推广（1分）\n6．加强对数字政府建设的宣传推广。（持续推进，牵头考核单位：市委宣传部）\n"
    )
    document = load_plan(write(tmp_path, "assessment.txt", text)).document
    tasks = {task.name for task in document.entities_of(EntityKind.TASK)}
    assert {
        "一体化政务服务平台建设（3分）",
        "各级政务服务事项全部开通全程网办",
        "全面提升政务热线服务水平",
    } <= tasks
    assert responsible(document, "整合电子证照、电子身份等数据，强化审批智能化", EntityKind.TASK) == {
        ("市审批服务局", Role.LEAD),
        ("市大数据中心", Role.LEAD),
    }
    assert chapter_kinds_of(document)["加强统筹管理和工作保障（5分）"] == "measures"
    assert "强化宣传推广（1分）" in {m.name for m in document.entities_of(EntityKind.MEASURE)}
