"""Ways plans write a target, each on a short plan written like the real ones: a count that is
more than its number (30余座), a part of a whole left without its share word (占全省70%以上), a
count broken down in a bracket after it, the size of the thing just counted, a space before the
number, and a table that shares the plan's targets out among places or sectors."""

from __future__ import annotations

from pathlib import Path

from graph.model import EntityKind
from loaders import load_plan
from tests.test_layouts import targets, write


def test_counts_more_than_their_number_and_shares_left_open(tmp_path: Path) -> None:
    """30余座, 1万余个 and 100多万人次 are at least their number; 产能占全省70%以上 is the share of the whole
    (产能占全省比重); 第2批 is an ordinal, no count; a space a page leaves before the number
    (更新率达到 60%) stands between the metric and its number like the verb; 百分之九十 is 90%,
    一万五千 one number, and a sum in 亿 of a 规模 or 收入 is in 元 though the text leaves it out."""
    text = (
        "某省水务发展“十四五”规划\n一、发展目标\n（一）主要目标\n"
        "完成城镇污水处理厂30余座提标改造。新增就业岗位1万余个。年接待游客100多万人次。临海靠港产能占全省70%以上。\n"
        "二、主要任务\n（一）推进装备更新。主要农业生产作业装备更新率达到 60%以上。公布第2批示范项目名单。\n"
        "（二）提升供水保障。城乡供水覆盖率达到百分之九十以上。新增一万五千个托位。新能源装机容量达到三百万千瓦。\n"
        "（三）壮大涉水产业。节水产业规模达到2000亿，营业收入突破千亿。\n"
    )
    found = targets(load_plan(write(tmp_path, "water.txt", text)).document)
    assert found["城镇污水处理厂"][:4] == (30, "座", "AT_LEAST", 2025)
    assert found["就业岗位"][:3] == (10000, "个", "AT_LEAST")
    assert found["年接待游客"][:3] == (1000000, "人次", "AT_LEAST")
    assert found["临海靠港产能占全省比重"][:3] == (70, "%", "AT_LEAST")
    assert found["主要农业生产作业装备更新率"][:3] == (60, "%", "AT_LEAST")
    assert found["城乡供水覆盖率"][:3] == (90, "%", "AT_LEAST")
    assert found["托位"][:3] == (15000, "个", "EQUAL")
    assert found["新能源装机容量"][:3] == (3_000_000, "千瓦", "EQUAL")  # 三百万 and its unit 千瓦
    assert found["节水产业规模"][:3] == (200_000_000_000, "元", "EQUAL")
    assert found["营业收入"][:3] == (100_000_000_000, "元", "AT_LEAST")
    assert not any(metric.startswith("第") or "示范项目名单" in metric for metric in found)


def test_the_thing_measured_named_by_the_clauses_grammar(tmp_path: Path) -> None:
    """The object 将 puts before its verb is the metric, not the body that acts (合作机构逐步将平均
    担保费率降至1%以下); a second figure the same thing strives for (确保达到120MW，力争达到180MW)
    is that thing's; the share of things that do something (90%以上的村实现生活垃圾分类) is the share
    doing it; 美元 is a unit, its magnitude apart; a leading verb never leaves one character (换电站),
    the words that strive for it (努力使森林覆盖率) are no part of the thing measured, and 现有
    qualifying what a verb sets a target for (现有宜林荒山绿化率达到95%) is no present figure."""
    text = (
        "某市促进绿色发展的若干措施\n一、降低融资成本。合作机构逐步将平均担保费率降至1%以下。\n"
        "二、推广光伏应用。全市新增光伏装机容量确保达到120MW，力争达到180MW。\n"
        "三、改善农村环境。全市90%以上的村实现生活垃圾分类。\n"
        "四、扩大开放。实际使用外资达到10亿美元。累计建成充电桩5万台，换电站200座。\n"
        "五、增加绿量。到2025年，努力使森林覆盖率达到26%以上，全省现有宜林荒山绿化率达到95%以上。全省现有林场20个。\n"
    )
    found = targets(load_plan(write(tmp_path, "green.txt", text)).document)
    assert found["平均担保费率"][:3] == (1, "%", "AT_MOST")
    assert found["光伏装机容量"][:3] == (180, "MW", "EQUAL")  # the last of the metric's two
    assert found["村实现生活垃圾分类比例"][:3] == (90, "%", "AT_LEAST")
    assert found["实际使用外资"][:3] == (1_000_000_000, "美元", "EQUAL")
    assert found["换电站"][:3] == (200, "座", "EQUAL")
    assert found["森林覆盖率"][:3] == (26, "%", "AT_LEAST")  # 努力使 is what is done, not what is measured
    assert found["宜林荒山绿化率"][:3] == (95, "%", "AT_LEAST")  # the hills there are now (现有) set a target
    assert "林场" not in found  # 全省现有林场20个: the present


def test_a_list_of_metrics_sharing_one_figure_or_one_each(tmp_path: Path) -> None:
    """X和Y……均 and X以及Y……分别 are a list as X、Y is: each item gets what the last has after its
    own part (重点人群以及易感染……人群防治知识知晓率 → 重点人群防治知识知晓率), the clause that qualifies
    the measure (……和银行业金融机构承担的风险责任比例), or what follows the last's first word (城市和农村
    居民……); an item already whole stays as it is, and 普及率's 及 joins nothing."""
    text = (
        "某省艾滋病防治行动计划\n一、工作目标\n（一）主要目标\n"
        "重点人群以及易感染艾滋病危险行为人群防治知识知晓率均达90%以上。城市和农村居民防治知识知晓率均达到85%以上。"
        "国家融资担保基金和银行业金融机构承担的风险责任比例均不低于20%。"
        "关键工序数控化率和数字化研发设计工具普及率分别达到60%和85%。\n"
        "二、主要任务\n（一）加强宣传教育。开展防治知识宣传。\n"
    )
    found = targets(load_plan(write(tmp_path, "aids.txt", text)).document)
    for metric, value in (
        ("重点人群防治知识知晓率", 90),
        ("易感染艾滋病危险行为人群防治知识知晓率", 90),
        ("城市居民防治知识知晓率", 85),
        ("农村居民防治知识知晓率", 85),
        ("国家融资担保基金承担的风险责任比例", 20),
        ("银行业金融机构承担的风险责任比例", 20),
        ("关键工序数控化率", 60),
        ("数字化研发设计工具普及率", 85),
    ):
        assert found[metric][:2] == (value, "%"), metric


def test_a_count_broken_down_in_a_bracket_and_the_size_of_the_thing_just_counted(tmp_path: Path) -> None:
    """四功能综合能源站17座（改扩建6座，新建11座）: the kinds a bracket breaks the count into, named
    by a verb, are that count's (四功能综合能源站（改扩建）); a noun in the bracket (其中小学6所) is a thing
    of its own. 新建冷藏保鲜设施12座，库容0.16万立方米: the size is the facilities'. 共 stands between a metric and
    its number; 其中 2024年26台（套） is the year's part of the count before it; 首批 names nothing counted."""
    text = (
        "某区综合能源站布局规划（2023—2030年）\n一、规划目标\n（一）总体目标\n"
        "到2030年，规划建设四功能综合能源站17座（改扩建6座，新建11座）。全区车用综合能源站点共30座。\n"
        "二、主要任务\n（一）补齐设施短板。新建学校10所（其中小学6所、初中4所）。"
        "新建农产品冷藏保鲜设施12座，库容0.16万立方米。更新医疗装备80台（套），其中 2024年26台（套）。"
        "首批95个公共体育场馆免费开放。建设项目20个，其中5个为示范项目。\n"
    )
    found = targets(load_plan(write(tmp_path, "stations.txt", text)).document)
    assert found["四功能综合能源站"][:4] == (17, "座", "EQUAL", 2030)
    assert found["四功能综合能源站（改扩建）"][:4] == (6, "座", "EQUAL", 2030)
    assert found["四功能综合能源站（新建）"][:4] == (11, "座", "EQUAL", 2030)
    assert found["小学"][:2] == (6, "所")
    assert found["初中"][:2] == (4, "所")
    assert found["农产品冷藏保鲜设施库容"][:2] == (1600, "立方米")
    assert found["车用综合能源站点"][:2] == (30, "座")
    assert "2024年" not in found
    assert found["医疗装备"][:4] == (26, "台（套）", "EQUAL", 2024)  # the last of the metric's targets
    assert any(metric.startswith("公共体育场馆") and v[0] == 95 for metric, v in found.items())
    assert found["示范项目"][:2] == (5, "个")


def test_a_table_sharing_the_targets_out_among_places(tmp_path: Path) -> None:
    """各区“十四五”交通光伏任务分配表, copied one cell to a line: each district's row gives it a target
    for each column of numbers, named by the row and the column (黄浦区新增装机容量), in the unit its
    header's bracket gives, a range at least its lower end, due at the plan's end; the column of
    the row's numbers is none."""
    text = (
        "某市交通领域光伏推广应用实施方案（2021—2025年）\n一、主要目标\n（一）总体目标\n"
        "全市交通领域新增光伏装机容量达到120兆瓦。\n二、重点任务\n（一）推进场站光伏建设。推广光伏应用。\n"
        "附表\n各区“十四五”交通光伏任务分配表\n序号\n区域\n新增装机容量（MW）\n新增示范工程\n"
        "1\n黄浦区\n0.3-0.4\n1\n2\n徐汇区\n2-2.6\n3\n3\n长宁区\n1.8\n2\n"
    )
    found = targets(load_plan(write(tmp_path, "pv.txt", text)).document)
    assert found["黄浦区新增装机容量"][:4] == (0.3, "MW", "AT_LEAST", 2025)
    assert found["徐汇区新增装机容量"][:4] == (2, "MW", "AT_LEAST", 2025)
    assert found["长宁区新增装机容量"][:4] == (1.8, "MW", "EQUAL", 2025)
    assert found["徐汇区新增示范工程"][:4] == (3, None, "EQUAL", 2025)
    assert not any(metric.startswith("序号") for metric in found)


def test_a_tables_caption_says_when_its_figures_are_due(tmp_path: Path) -> None:
    """A plan with no period whose table's caption names its years (各区“十四五”……分配表,
    2024年各区……任务分解表): the caption's year is the figures' deadline, on a portal page's
    table as on one copied one cell to a line; a caption of a year before the plan's issue is a
    review and gives none."""
    notice = "某市人民政府办公室关于印发某市光伏推广应用实施方案的通知\n某市人民政府办公室\n2023年6月15日\n"
    body = "某市光伏推广应用实施方案\n一、主要任务\n（一）推进场站光伏建设。推广光伏应用。\n附表\n"
    cells = "序号\n区域\n新增装机容量（MW）\n新增示范工程\n1\n黄浦区\n0.3-0.4\n1\n2\n徐汇区\n2-2.6\n3\n3\n长宁区\n1.8\n2\n"
    text = notice + body + "各区“十四五”交通光伏任务分配表\n" + cells
    found = targets(load_plan(write(tmp_path, "pv.txt", text)).document)
    assert found["黄浦区新增装机容量"][:4] == (0.3, "MW", "AT_LEAST", 2025)
    assert found["徐汇区新增示范工程"][:4] == (3, None, "EQUAL", 2025)
    page = (
        "<html><body><h1>某市光伏推广应用实施方案</h1><p>某市人民政府办公室</p><p>2023年6月15日</p>"
        "<p>一、主要任务</p><p>（一）推进场站光伏建设。推广光伏应用。</p>"
        "<p>附表</p><p><strong>2024年各区</strong>光伏任务分解表</p><table>"
        "<tr><td>序号</td><td>区域</td><td>新增装机容量（MW）</td></tr>"
        "<tr><td>1</td><td>黄浦区</td><td>0.5</td></tr><tr><td>2</td><td>徐汇区</td><td>2</td></tr></table>"
        "<p>2020年各区光伏建设完成情况</p><table>"
        "<tr><td>序号</td><td>区域</td><td>已建装机容量（MW）</td></tr>"
        "<tr><td>1</td><td>黄浦区</td><td>0.2</td></tr><tr><td>2</td><td>徐汇区</td><td>1.5</td></tr></table>"
        "</body></html>"
    )
    found = targets(load_plan(write(tmp_path, "pv.html", page)).document)
    assert found["黄浦区新增装机容量"][:4] == (0.5, "MW", "EQUAL", 2024)
    assert found["徐汇区已建装机容量"][3] is None


def test_this_year_and_next_counted_from_the_year_of_issue(tmp_path: Path) -> None:
    """年内 and 今年 are the year the plan is issued in, 明年 the year after (as 3年内 counts from it)."""
    text = (
        "某市人民政府办公室关于促进消费的若干措施\n各区人民政府，市政府各部门：\n现将有关措施印发给你们，请认真贯彻执行。\n"
        "某市人民政府办公室\n2024年3月1日\n关于促进消费的若干措施\n"
        "一、扩大汽车消费。年内新建公共充电桩1000个。\n二、提升商圈品质。明年建成特色商业街区5个。\n"
    )
    found = targets(load_plan(write(tmp_path, "consumption.txt", text)).document)
    assert found["公共充电桩"][:4] == (1000, "个", "EQUAL", 2024)
    assert found["特色商业街区"][:4] == (5, "个", "EQUAL", 2025)


def test_a_span_of_years_and_years_of_effort_give_the_deadline(tmp_path: Path) -> None:
    """A heading's span （2023—2025年） governs the targets under it as its last year; 经过3年努力 counts
    from the year of issue as 3年内 does; a count of a level alone counts the thing the next count
    names (建成1个国家级、3个省级制造业创新中心); 实现 before a doubling is no part of the metric."""
    text = (
        "某市人民政府办公室关于印发某市数字经济发展行动方案的通知\n某市人民政府办公室\n2023年5月10日\n"
        "某市数字经济发展行动方案\n一、发展目标\n（一）近期目标（2023—2025年）。建成5G基站1万个。\n"
        "（二）远期目标（2026—2030年）。数字经济核心产业增加值占比达到15%。\n二、重点任务\n"
        "（一）建设数字基础设施。经过3年努力，新增数据中心机架2万个。\n"
        "（二）培育创新平台。建成1个国家级、3个省级制造业创新中心。数字经济规模实现翻一番。\n"
    )
    document = load_plan(write(tmp_path, "digital.txt", text)).document
    found = targets(document)
    assert found["5G基站"][:4] == (10000, "个", "EQUAL", 2025)
    assert found["数字经济核心产业增加值占比"][:4] == (15, "%", "EQUAL", 2030)
    assert found["数据中心机架"][:4] == (20000, "个", "EQUAL", 2026)
    assert found["数字经济规模"][:2] == (1, "倍")
    centres = [e.attrs for e in document.entities_of(EntityKind.INDICATOR) if e.name == "制造业创新中心"]
    assert sorted((a["value"], a["level"]) for a in centres) == [(1, "国家级"), (3, "省级")]


def test_rates_per_a_base_and_a_table_column_of_expected_values(tmp_path: Path) -> None:
    """12/10万 is a rate per 100,000 (its unit /10万), 千分之五 a per-mille; an indicator table's column
    of 预期值 beside a 现状值（2020年） one is due at the plan's end."""
    text = (
        "某市卫生健康“十四五”规划\n一、发展目标\n（一）主要目标\n"
        "孕产妇死亡率下降到12/10万，婴儿死亡率控制在千分之五以下。\n（二）主要指标\n"
        "序号\t指标名称\t单位\t现状值（2020年）\t预期值\t指标属性\n"
        "1\t人均预期寿命\t岁\t78.5\t79.5\t预期性\n2\t每千人口执业（助理）医师数\t人\t2.9\t≥3.2\t预期性\n"
        "二、主要任务\n（一）完善公共卫生体系。推进疾病预防控制体系改革。\n"
    )
    found = targets(load_plan(write(tmp_path, "health.txt", text)).document)
    assert found["孕产妇死亡率"][:4] == (12, "/10万", "EQUAL", 2025)
    assert found["婴儿死亡率"][:4] == (5, "‰", "AT_MOST", 2025)
    assert found["人均预期寿命"][:4] == (79.5, "岁", "EQUAL", 2025)
    assert found["每千人口执业（助理）医师数"][:4] == (3.2, "人", "AT_LEAST", 2025)


def test_a_year_inside_a_paragraph_is_not_the_next_paragraphs(tmp_path: Path) -> None:
    """A year met inside a task's paragraph (……，2024年底前完成首批改造) governs its own sentence; the
    next paragraph's target is due at the plan's end. A paragraph that opens with its year (2025年，
    ……) goes on governing the paragraphs after it."""
    text = (
        "某市设备更新行动方案（2024—2027年）\n一、工作目标\n2025年，设备更新取得积极进展。\n"
        "工业设备投资规模增长10%以上。\n二、重点任务\n（一）推进工业设备更新。实施技术改造，2024年底前完成首批改造。\n"
        "更新数控机床500台。\n"
    )
    found = targets(load_plan(write(tmp_path, "renewal.txt", text)).document)
    assert found["工业设备投资规模"][:4] == (10, "%", "AT_LEAST", 2025)
    assert found["数控机床"][:4] == (500, "台", "EQUAL", 2027)


def test_numbers_written_in_full_width_digits_or_with_their_thousands_apart(tmp_path: Path) -> None:
    """２０２５年, １０％ and １．５万 (a full-width decimal point between full-width digits) read as
    their half-width forms do, 1,200亿元 and 12,000个 as 1200亿元 and 12000个; １．加快…… stays an item's
    number."""
    text = (
        "某市数字经济发展行动方案\n一、发展目标\n到２０２５年，全市数字经济核心产业增加值占比达到１０％，"
        "建成５Ｇ基站１．５万个。固定资产投资达到1,200亿元，新增就业岗位12,000个。\n"
        "二、重点任务\n１．建设数字基础设施。新增数据中心机架２０００个。\n"
    )
    document = load_plan(write(tmp_path, "digital.txt", text)).document
    found = targets(document)
    assert found["数字经济核心产业增加值占比"][:4] == (10, "%", "EQUAL", 2025)
    assert found["5G基站"][:4] == (15000, "个", "EQUAL", 2025)
    assert found["固定资产投资"][:3] == (120_000_000_000, "元", "EQUAL")
    assert found["就业岗位"][:3] == (12000, "个", "EQUAL")
    assert [e.name for e in document.entities_of(EntityKind.TASK)] == ["建设数字基础设施"]


def test_round_numbers_of_some_and_of_more(tmp_path: Path) -> None:
    """数十家 and 几百个 set no number; 上百家 is a hundred or more; a level alone before the number
    (省级以上100家企业) qualifies the thing counted after it."""
    text = (
        "某市促进民营经济发展的若干措施\n一、培育市场主体。培育数十家龙头企业，吸引几百个项目落地。新增上百家规上企业。\n"
        "二、壮大优质企业。培育省级以上100家专精特新企业。\n"
    )
    document = load_plan(write(tmp_path, "private.txt", text)).document
    found = targets(document)
    assert found["规上企业"][:3] == (100, "家", "AT_LEAST")
    assert found["专精特新企业"][:3] == (100, "家", "EQUAL")
    assert not any(v[0] in (10, 100) and m in ("龙头企业", "项目") for m, v in found.items())
    (special,) = [e.attrs for e in document.entities_of(EntityKind.INDICATOR) if e.name == "专精特新企业"]
    assert special["level"] == "省级以上"


#: An indicator table's rows: each row's category (written over its first row only) and cells.
_FIGURE_ROWS = (
    ("粮食安全", "粮食综合生产能力\n万吨\n35\n36\n约束性"),
    ("", "高标准农田面积\n万亩\n20\n32\n约束性"),
    ("农民增收", "农村居民人均可支配收入\n元\n16800\n≥24000\n预期性"),
    ("", "农作物耕种收综合机械化率\n%\n70\n78\n预期性"),
)


def _figures_as_lines(kinds: bool, numbered: bool, apart: str = "\n") -> str:
    """The table a cell to a line, or (`apart` spaces) a row to a line with its cells spaced apart."""
    header = ["类别"] * kinds + ["序号"] * numbered + ["指标", "单位", "2020年", "2025年", "属性"]
    rows = [
        apart.join([category] * (kinds and bool(category)) + [str(number)] * numbered + cells.split("\n"))
        for number, (category, cells) in enumerate(_FIGURE_ROWS, start=1)
    ]
    return (
        "某县“十四五”农业农村现代化规划\n一、发展目标\n到2025年，农业农村现代化取得重要进展。\n"
        "表1 “十四五”农业农村现代化主要指标\n" + "\n".join([apart.join(header), *rows]) + "\n"
        "二、主要任务\n（一）稳定粮食生产。落实粮食安全党政同责。（责任单位：县农业农村局）\n"
    )


def test_a_table_of_figures_copied_one_cell_to_a_line(tmp_path: Path) -> None:
    """A portal page's indicator table copied as text comes out one cell to a line, often with no
    row numbers to start each row: its rows are found by their figures under the header's year
    columns. Where a first column of categories (类别) names each kind once, over its first row,
    the rows under it are a line shorter — with row numbers or without. A table a PDF draws
    without rules, or a page's copied a row to a line, sets its cells apart by spaces."""
    layouts = [(kinds, numbered, "\n") for kinds, numbered in ((False, False), (True, False), (True, True))]
    layouts += [(False, False, " "), (True, False, "   ")]
    for kinds, numbered, apart in layouts:
        name = f"kinds{kinds:d}-numbered{numbered:d}-apart{len(apart)}.txt"
        found = targets(load_plan(write(tmp_path, name, _figures_as_lines(kinds, numbered, apart))).document)
        assert found["粮食综合生产能力"][:4] == (360_000, "吨", "EQUAL", 2025), name
        assert found["高标准农田面积"][:4] == (320_000, "亩", "EQUAL", 2025), name
        assert found["农村居民人均可支配收入"][:4] == (24_000, "元", "AT_LEAST", 2025), name
        assert found["农作物耕种收综合机械化率"][:4] == (78, "%", "EQUAL", 2025), name
        assert not any(metric in {"粮食安全", "农民增收", "万吨"} for metric in found), name


def _figures_as_a_pdf(path: Path) -> Path:
    """The plan of `_figures_as_lines` set as a PDF, its table drawn without rules: the text layer
    sets the cells apart by spaces, a category over the first row of its kind only."""
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate
    from reportlab.platypus import Table as PdfTable

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    style = ParagraphStyle("body", fontName="STSong-Light", fontSize=11, leading=16, wordWrap="CJK")
    header = ["类别", "指标", "单位", "2020年", "2025年", "属性"]
    table = PdfTable(
        [header, *([category, *cells.split("\n")] for category, cells in _FIGURE_ROWS)],
        colWidths=[60, 140, 50, 60, 60, 50],
    )
    table.setStyle([("FONT", (0, 0), (-1, -1), "STSong-Light", 10)])
    paragraph = (
        "到2025年，农业农村现代化取得重要进展，粮食安全保障能力持续增强，农业质量效益和竞争力明显提升。"
    )
    SimpleDocTemplate(str(path)).build(
        [
            Paragraph("某县“十四五”农业农村现代化规划", style),
            Paragraph("一、发展目标", style),
            Paragraph(paragraph, style),
            Paragraph("表1 “十四五”农业农村现代化主要指标", style),
            table,
            Paragraph("二、主要任务", style),
            Paragraph("（一）稳定粮食生产。落实粮食安全党政同责。（责任单位：县农业农村局）", style),
        ]
    )
    return path


def test_a_pdfs_table_of_figures_drawn_without_rules(tmp_path: Path) -> None:
    """Its rows are lines with their cells in columns: they stay lines (no paragraph is joined
    from them) and keep the single space between two cells (16800 ≥24000 预期性)."""
    found = targets(load_plan(_figures_as_a_pdf(tmp_path / "figures.pdf")).document)
    assert found["粮食综合生产能力"][:4] == (360_000, "吨", "EQUAL", 2025)
    assert found["高标准农田面积"][:4] == (320_000, "亩", "EQUAL", 2025)
    assert found["农村居民人均可支配收入"][:4] == (24_000, "元", "AT_LEAST", 2025)
    assert found["农作物耕种收综合机械化率"][:4] == (78, "%", "EQUAL", 2025)


def test_a_place_alone_measures_there_the_metric_just_measured(tmp_path: Path) -> None:
    """县城达到60% after 城市生活污水集中收集率达到70% is that rate in 县城 (the place it opened with
    giving way), 其中山区达到60% the rate in 山区; kinds listed with their own figures
    (二级路300公里、三级路250公里) stay their own; units written in SI symbols (484万m3, 45km2) are kept."""
    text = (
        "某县生态环境保护实施方案\n一、工作目标\n"
        "到2025年，城市生活污水集中收集率达到70%，县城达到60%。全县森林覆盖率达到45%，其中山区达到60%。\n"
        "二、重点任务\n（一）完善路网。县乡道改造约600公里，其中二级路300公里、三级路250公里、等外路50公里。\n"
        "（二）保障供水。完成水库库区清淤约484万m3，收集雨水面积45km2。\n"
    )
    found = targets(load_plan(write(tmp_path, "scopes.txt", text)).document)
    assert found["城市生活污水集中收集率"][:4] == (70, "%", "EQUAL", 2025)
    assert found["县城生活污水集中收集率"][:4] == (60, "%", "EQUAL", 2025)
    assert found["山区森林覆盖率"][:3] == (60, "%", "EQUAL")
    assert found["三级路"][:2] == (250, "公里") and found["等外路"][:2] == (50, "公里")
    assert found["水库库区清淤"][:3] == (4_840_000, "m3", "ABOUT")
    assert found["雨水面积"][:2] == (45, "km2")


def test_an_enumerated_clause_and_a_voltage_class_name_no_metric(tmp_path: Path) -> None:
    """一是……，二是……: the enumerator opens the clause, it is no part of the metric; 110千伏 before
    a noun whose own number follows names a kind of substation; a place alone before the number
    (抓好白青乡10个美丽乡村建设) leaves the thing counted after it."""
    text = (
        "某区重大项目建设实施意见\n一、工作目标\n"
        "2015年，一是改造绿地10公顷，二是建成110千伏输变电站3座，三是抓好白青乡10个美丽乡村建设。\n"
        "二、重点任务\n（一）加快项目建设。区发展改革局牵头负责。\n"
    )
    found = targets(load_plan(write(tmp_path, "enumerated.txt", text)).document)
    assert found["绿地"][:4] == (10, "公顷", "EQUAL", 2015)
    assert found["110千伏输变电站"][:3] == (3, "座", "EQUAL")
    assert found["美丽乡村建设"][:3] == (10, "个", "EQUAL")
    assert not any(metric.startswith(("一是", "二是", "三是")) for metric in found)


def test_things_counted_twice_and_a_bound_on_the_things_counted(tmp_path: Path) -> None:
    """在建一批重大项目22项32个: the same projects in 项 and in 个 (一批 no part of them); 4万个60千瓦
    以上“超快结合”充电枪: the bound after the count says which chargers, it is no target of its own."""
    text = (
        "某市重大项目和充电设施建设实施方案\n一、工作目标\n"
        "2027年，在建一批重大项目22项32个，总投资1310亿元。"
        "在高速公路服务区新建改建4万个60千瓦以上“超快结合”充电枪。\n"
        "二、重点任务\n（一）加快项目建设。市发展改革委牵头负责。\n"
    )
    document = load_plan(write(tmp_path, "counted.txt", text)).document
    found = targets(document)
    assert found["“超快结合”充电枪"][:4] == (40_000, "个", "EQUAL", 2027)
    counts = {
        (e.attrs["value"], e.attrs["unit"])
        for e in document.entities_of(EntityKind.INDICATOR)
        if e.attrs["metric"] == "重大项目"
    }
    assert counts == {(22, "项"), (32, "个")}
    assert not any(unit == "千瓦" for _, unit, *_ in found.values())
