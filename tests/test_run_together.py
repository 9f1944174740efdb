"""Headings that run on into their text with no stop between them, as a crawl that kept no line
breaks (the whole body one line) or a PDF's extraction leaves them, and the parts of an item
(（1）……（省发改委）) whose bodies do the item. Each on a short plan written like the real ones."""

from __future__ import annotations

from pathlib import Path

from graph.model import EntityKind, Role
from loaders import load_plan
from loaders.reading.paragraphs import split_paragraphs
from tests.test_layouts import responsible, write

K = EntityKind

#: An opinion as a portal's crawl keeps it: the crawler's lines about the page, then the page on
#: one line — breadcrumb, 文号, title, recipients, 一、总体要求我区……, 三、重点工作1.编制……要按照……,
#: （一）组织保障各牵头单位要……, the brackets of each item, the signature and its date.
ONE_LINE = (
    "标题: 关于进一步加强城乡供水安全保障工作的实施意见\n发布时间: 2015-04-30 09:58\n文号: \n发布机构: 某某之窗\n"
    "==================== 正文 ====================\n"
    "当前位置： 首页政务公开区管委会文件 关于进一步加强城乡供水安全保障工作的实施意见 时间：2015-04-30 09:58 微信 微博 "
    "某综管〔2015〕92号某某区管委会关于进一步加强城乡供水安全保障工作的实施意见"
    "各乡镇人民政府，区直各单位：为进一步保障全区供水安全，现提出如下实施意见："
    "一、总体要求我区供水行业要坚持“保障供应、提升品质、服务发展”的基本理念，优质高效地做好城乡供水安全保障工作，"
    "确保全面完成供水安全保障工作目标任务。"
    "二、主要目标坚持抓源头、抓水厂、抓管网，强化水资源保护和水污染治理，到2018年，完成全区饮用水水源地综合整治，"
    "水质合格率达95%以上。"
    "三、重点工作1.编制完成供水专项规划要按照全区宜居环境建设的工作部署和安排，推进编制全区给水专项规划、"
    "饮用水源地环境整治规划等相关规划。（牵头单位：区规划局；配合单位：区交通与建设局）"
    "2.加快推进水厂建设及管网改造工作在2018年年底前完成5万吨水厂的建设并实现投产，全面改造使用年限超过30年的"
    "老旧供水管网和混凝土管、灰口铸铁管等落后管材及漏损严重的管网，降低管网漏损率。"
    "（牵头单位：区交通与建设局；配合单位：区水务集团）"
    "3.加强饮用水源地安全保护工作加强对水源地的安全管理，加大巡查执法力度，对全区现有饮用水源地保护区进行全面清理整治，"
    "有效消除各类饮用水源地安全风险问题，完成水源地水体生态修复和岸线生态修复。"
    "（牵头单位：区经济发展局）"
    "4.提升应急处置能力（1）制定供水安全应急预案。各有关单位要制定从水源、水厂到输配水管线等各环节的供水安全应急预案。"
    "（2）储备应急物资。（牵头单位：区交通与建设局；配合单位：区水务集团）"
    "5.加快推进全区引调水及农村安全饮用水改造工程推进引调水一期工程（包括近期调水工程、库区清淤及岛内雨洪利用工程），"
    "实现近期调水工程11万吨/日，完成水库库区总清淤量约484万立方米；完成岛内雨洪利用工程，实现收集岛内45平方公里的雨水，"
    "年均利用水量约1444万立方米；建设农村安全饮用水设施，解决12个乡镇的农村饮水不安全问题。责任单位：区经济发展局"
    "四、保障措施（一）组织保障各牵头单位要对照目标任务，成立相应的城乡供水安全保障工作小组，加紧制定工作方案并推进落实。"
    "（二）资金保障区财政部门要加大对城乡供水安全保障的资金投入力度，对水源保护、老旧管网改造等给予财政资金保障。"
    "（三）宣传保障区传媒部门要坚持正确的舆论导向，采取电视公益广告、专题报道、报纸宣传、网络宣传等多种形式，"
    "加大宣传力度，提高全区群众对生活用水安全管理工作的认识，动员全社会积极主动监督威胁供水安全的各种行为，"
    "形成全民参与依法保障生活用水安全的合力。"
    "联系电话：24375668某某区管委会办公室2015年4月28日 来源：某某之窗 附件下载\n"
)


def test_a_body_crawled_as_one_line_with_its_headings_run_in(tmp_path: Path) -> None:
    """The page's parts are told apart where spaces, a 文号 or a date stand between them, the
    title from the recipients after it. A heading's title ends where the first sentence begins:
    at a subject (我区……, 各有关单位要), a modal (要按照), a time (在2018年年底前), a verb a body's
    work opens with (坚持), or the title's own verb said again (加强……工作加强对……); an item run on from its chapter's heading
    (重点工作1.编制……) or its own title (能力（1）制定……) is an item of its own, and so is a chapter
    run on from the last item's bodies (责任单位：区经济发展局四、保障措施（一）……)."""
    document = load_plan(write(tmp_path, "water.txt", ONE_LINE)).document
    (plan,) = document.entities_of(K.PLAN)
    # The title as the document writes it (its issuer before it), not the breadcrumb's; the
    # portal's name (发布机构：某某之窗) is no issuer.
    assert plan.name == "某某区管委会关于进一步加强城乡供水安全保障工作的实施意见"
    assert (plan.attrs["issuer"], plan.attrs["docNumber"], plan.attrs["issuedOn"]) == (
        "某某区管委会",
        "某综管〔2015〕92号",
        "2015-04-28",
    )
    chapters = {e.name for e in document.entities_of(K.SECTION)}
    assert {"总体要求", "主要目标", "重点工作", "保障措施"} <= chapters
    assert {e.name for e in document.entities_of(K.TASK)} == {
        "编制完成供水专项规划",
        "加快推进水厂建设及管网改造工作",
        "加强饮用水源地安全保护工作",
        "提升应急处置能力",
        "制定供水安全应急预案",  # （1） run on from its item's title
        "储备应急物资",
        "加快推进全区引调水及农村安全饮用水改造工程",  # its first sentence longer than any title
    }
    assert {e.name for e in document.entities_of(K.MEASURE)} == {"组织保障", "资金保障", "宣传保障"}
    assert responsible(document, "加快推进全区引调水及农村安全饮用水改造工程", K.TASK) == {
        ("某某区经济发展局", Role.LEAD)
    }
    assert ("某某区财政部门", Role.LEAD) in responsible(document, "资金保障", K.MEASURE)  # 区财政部门
    # 区规划局 of 某某区: the region the plan's issuer names.
    assert responsible(document, "编制完成供水专项规划", K.TASK) == {
        ("某某区规划局", Role.LEAD),
        ("某某区交通与建设局", Role.SUPPORT),
    }
    assert responsible(document, "加强饮用水源地安全保护工作", K.TASK) == {("某某区经济发展局", Role.LEAD)}


def test_a_long_heading_that_is_one_sentence_keeps_its_whole_title(tmp_path: Path) -> None:
    """A heading whose first sentence is long but all title (a subject and its modal, a list
    with a verb said twice, a preposition inside the work) is not cut."""
    text = (
        "某省关于进一步做好疫情常态化防控工作的实施意见\n一、落实防控措施\n"
        "（一）所有确诊病例、疑似病例应当在具备有效隔离条件和防护条件的定点医疗机构隔离治疗至符合出院标准。\n"
        "（二）重点推进两批90个国家级医养结合试点地区创新医养结合管理机制和服务模式，形成一批可复制的经验。\n"
        "（三）支持中央企业与本省煤炭、电力企业通过相互参股、持股以及签订长期协议等合作方式，形成市场互补。\n"
    )
    tasks = {e.name for e in load_plan(write(tmp_path, "opinion.txt", text)).document.entities_of(K.TASK)}
    assert tasks == {
        "所有确诊病例、疑似病例应当在具备有效隔离条件和防护条件的定点医疗机构隔离治疗至符合出院标准",
        "重点推进两批90个国家级医养结合试点地区创新医养结合管理机制和服务模式，形成一批可复制的经验",
        "支持中央企业与本省煤炭、电力企业通过相互参股、持股以及签订长期协议等合作方式，形成市场互补",
    }


def test_the_bodies_of_an_items_parts_do_the_item(tmp_path: Path) -> None:
    """（一） > 1. > （1）: the plan counts its work in two levels, and a body named for a part of
    an item (its 推进举措) does that item as well as the part."""
    text = (
        "某省贯彻落实资源型经济转型发展意见行动计划\n一、主要任务\n（一）健全产业转型升级促进机制\n"
        "1.全力推进能源革命，实现从“煤老大”到“全国能源革命排头兵”的历史性跨越。\n推进举措：\n"
        "（1）研究制定《某省打造全国能源革命排头兵行动方案》，2017年9月出台。（省发改委）\n"
        "（2）推动能源新型装备产业在综改示范区落地发展。（综改示范区管委会牵头，省经信委配合）\n"
        "2.引导退出过剩产能、发展优质产能。\n推进举措：\n（1）在煤炭全行业组织开展减量重组调研。（省煤炭厅）\n"
    )
    document = load_plan(write(tmp_path, "action.txt", text)).document
    assert responsible(
        document, "全力推进能源革命，实现从“煤老大”到“全国能源革命排头兵”的历史性跨越", K.TASK
    ) == {
        ("省发展和改革委员会", Role.LEAD),  # 省发改委
        ("综改示范区管委会", Role.LEAD),
        ("省经济和信息化委员会", Role.SUPPORT),  # 省经信委
    }
    assert responsible(document, "引导退出过剩产能、发展优质产能", K.TASK) == {("省煤炭厅", Role.LEAD)}
    # The part keeps its own, and the group above the item takes none from it.
    assert ("省发展和改革委员会", Role.LEAD) in responsible(
        document, "研究制定《某省打造全国能源革命排头兵行动方案》，2017年9月出台", K.TASK
    )
    assert responsible(document, "健全产业转型升级促进机制", K.TASK) == set()


def test_a_chapters_number_and_title_stay_together_where_the_page_left_spaces() -> None:
    """In a page crawled onto one line, the spaces it left between its parts start paragraphs,
    but not the one between a chapter's number and its title (第一章 总则)."""
    line = (
        "某市促进科技创新实施办法 第一章 总则 "
        + "为了促进科技创新，制定本办法。" * 60
        + " 第二章 主要任务 加快推进科技创新。"
    )
    texts = [p.text for p in split_paragraphs(line, [])]
    assert texts[:2] == ["某市促进科技创新实施办法", "第一章 总则"]
    assert "第二章 主要任务" in texts
