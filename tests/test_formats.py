"""The documents planners actually have: the seed as a web page, a Word file and a PDF, and
text damaged by copying. Each gives the same graph as the clean text, or says what it could
not place."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from graph.errors import PlanLoadError
from graph.model import EntityKind, GraphDocument, Origin, RelationType, Role
from loaders import load_plan, load_plans
from tests.helpers import PLAN, SEED, linked, named, plangraph, sid
from tests.test_variants import signature

K, R = EntityKind, RelationType


def _paragraphs(text: str) -> list[str]:
    return [line.strip("\u3000 ") for line in text.splitlines() if line.strip()]


def _entity_signature(document: GraphDocument) -> set[tuple]:
    return signature(document)[0]


def _load_as_seed(tmp_path: Path, data: bytes, suffix: str = ".txt") -> GraphDocument:
    path = tmp_path / f"{PLAN}{suffix}"
    path.write_bytes(data)
    return load_plans([path], overlays=[], infer=False).document


@pytest.fixture(scope="module")
def clean() -> GraphDocument:
    return load_plans([SEED], overlays=[], infer=False).document


# -- formats -----------------------------------------------------------------------------------


def _html(text: str) -> bytes:
    body = "\n".join(f"<p>{p}</p>" for p in _paragraphs(text))
    page = f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>湖北省人民政府门户网站</title><script>var x = 1;</script></head>
<body>
<div class="header"><a href="/">首页</a> <a href="/zwgk">政务公开</a></div>
<ul class="nav"><li><a href="/">首页</a></li><li><a href="/zc">政策文件</a></li></ul>
<div class="breadcrumb">当前位置：首页 &gt; 政务公开 &gt; 政府文件</div>
<div class="article-content">{body}</div>
<div class="footer">主办：湖北省人民政府办公厅 版权所有 鄂ICP备05003342号</div>
</body></html>"""
    return page.encode("utf-8")


def _docx(text: str, table: list[list[str]] | None = None) -> bytes:
    import io

    from docx import Document

    document = Document()
    for paragraph in _paragraphs(text):
        document.add_paragraph(paragraph)
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for row, values in zip(grid.rows, table, strict=True):
            for cell, value in zip(row.cells, values, strict=True):
                cell.text = value
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _pdf(text: str) -> bytes:
    import io

    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    # As in the text: paragraphs indented by two characters, the notice lines and title not.
    flush = ParagraphStyle("flush", fontName="STSong-Light", fontSize=11, leading=16, wordWrap="CJK")
    indented = ParagraphStyle("indented", parent=flush, firstLineIndent=22)

    def furniture(canvas, document) -> None:  # type: ignore[no-untyped-def]
        canvas.setFont("STSong-Light", 9)
        canvas.drawString(72, A4[1] - 40, "湖北省人民政府办公厅文件")
        canvas.drawString(A4[0] / 2, 30, f"- {document.page} -")

    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, pagesize=A4).build(
        [
            Paragraph(line.strip("\u3000 "), indented if line.startswith("\u3000") else flush)
            for line in text.splitlines()
            if line.strip()
        ],
        onFirstPage=furniture,
        onLaterPages=furniture,
    )
    return buffer.getvalue()


@pytest.mark.parametrize(("fmt", "suffix"), [("html", ".html"), ("docx", ".docx"), ("pdf", ".pdf")])
def test_the_seed_in_each_format_gives_the_same_entities(
    tmp_path: Path, seed_text: str, clean: GraphDocument, fmt: str, suffix: str
) -> None:
    data = {"html": _html, "docx": _docx, "pdf": _pdf}[fmt](seed_text)
    document = _load_as_seed(tmp_path, data, suffix)
    assert _entity_signature(document) ^ _entity_signature(clean) == set()


@pytest.mark.parametrize("fmt", ["html", "pdf"])
def test_the_format_is_read_from_the_content_not_the_name(tmp_path: Path, seed_text: str, fmt: str) -> None:
    data = {"html": _html, "pdf": _pdf}[fmt](seed_text)
    path = tmp_path / f"{PLAN}.txt"
    path.write_bytes(data)
    (report,) = load_plan(path).reports
    assert report.format == fmt
    assert report.title == "湖北省标准化体系建设发展规划（2016-2020年）"


def test_a_task_division_table_in_a_word_file(tmp_path: Path, seed_text: str) -> None:
    table = [
        ["序号", "重点任务", "牵头单位", "配合单位"],
        ["1", "转变标准供给方式", "省质监局", "省发展改革委、省经信委"],
        ["9", "9.加强标准化信息化建设。", "省质监局", "省经信委"],
        ["11", "组建标准化联盟", "省质监局", ""],
    ]
    path = tmp_path / f"{PLAN}.docx"
    path.write_bytes(_docx(seed_text, table))
    result = load_plans([path], overlays=[], infer=False)
    document = result.document
    task = named(document, K.TASK, "转变标准供给方式")
    assigned = {
        (document.entities[r.source].name, r.role)
        for r in linked(document, R.RESPONSIBLE_FOR, target=task.id)
    }
    assert assigned == {
        ("湖北省质量技术监督局", Role.LEAD),
        ("湖北省发展和改革委员会", Role.SUPPORT),
        ("湖北省经济和信息化委员会", Role.SUPPORT),
    }
    (lead,) = [r for r in linked(document, R.RESPONSIBLE_FOR, target=sid("task/5.9")) if r.role is Role.LEAD]
    assert lead.origin is Origin.TEXT and lead.evidence.startswith("任务分工表：")
    # A row naming no task of the plan is reported, not dropped silently.
    (report,) = result.reports
    assert any("组建标准化联盟" in u.text for u in report.unplaced)


# -- damage ------------------------------------------------------------------------------------


def _hard_wrap(text: str, width: int = 36) -> str:
    lines = []
    for paragraph in text.splitlines():
        lines += [paragraph[i : i + width] for i in range(0, len(paragraph), width)] or [""]
    return "\n".join(lines)


def test_lines_wrapped_mid_sentence(tmp_path: Path, seed_text: str, clean: GraphDocument) -> None:
    document = _load_as_seed(tmp_path, _hard_wrap(seed_text).encode("utf-8"))
    assert _entity_signature(document) ^ _entity_signature(clean) == set()


def test_characters_lost_in_copying(tmp_path: Path, seed_text: str) -> None:
    damaged = (
        seed_text.replace("（2016-2020年）\n", "(20162020年)\n", 1)
        .replace("（国办发〔2015〕89号）", "（皖政办〔201638号）", 1)
        .replace("2016年11月30日", "2016127", 1)
    )
    path = tmp_path / SEED.name
    path.write_text(damaged, encoding="utf-8")
    result = load_plans([path], overlays=[])
    plan = result.document.entities[PLAN]
    assert (plan.attrs["periodStart"], plan.attrs["periodEnd"]) == (2016, 2020)
    assert plan.name == "湖北省标准化体系建设发展规划（20162020年）"
    assert result.document.entities["document/皖政办〔2016〕38号"].kind is K.DOCUMENT
    # The damaged date cannot be read; the report says where it stands.
    assert plan.attrs["issuedOn"] is None
    (report,) = result.reports
    assert [(u.line, u.text) for u in report.unplaced] == [(5, "2016127")]


def test_a_title_broken_across_lines(tmp_path: Path, seed_text: str) -> None:
    damaged = seed_text.replace("加快修订《湖北省标准化管理办法》", "加快修订《湖北省标准化\n管理办法》", 1)
    document = _load_as_seed(tmp_path, damaged.encode("utf-8"))
    measure = named(document, K.MEASURE, "推进标准化法治建设")
    (reference,) = linked(document, R.REFERENCES, source=measure.id)
    assert reference.target == "document/湖北省标准化管理办法"


def test_a_quotation_broken_across_lines(tmp_path: Path, seed_text: str, clean: GraphDocument) -> None:
    """A line that ends inside a quotation the next line closes at once (大力推动“湖北 / 标准”走出去)
    is one paragraph with it, as a broken 《title》 is."""
    damaged = seed_text.replace("7.大力推动“湖北标准”走出去", "7.大力推动“湖北\n标准”走出去", 1)
    assert damaged != seed_text
    document = _load_as_seed(tmp_path, damaged.encode("utf-8"))
    assert _entity_signature(document) ^ _entity_signature(clean) == set()


def test_traditional_characters(tmp_path: Path, seed_text: str, clean: GraphDocument) -> None:
    from opencc import OpenCC

    traditional = OpenCC("s2t").convert(seed_text)
    assert traditional != seed_text
    document = _load_as_seed(tmp_path, traditional.encode("utf-8"))
    assert {e.name for e in document.entities_of(K.TASK)} == {e.name for e in clean.entities_of(K.TASK)}
    task = document.entities[sid("task/5.9")]
    assert task.name == "加强标准化信息化建设"
    assert task.attrs["original"].startswith("9.加強標準化信息化建設")


def test_headings_with_or_without_a_full_stop(tmp_path: Path, seed_text: str, clean: GraphDocument) -> None:
    without = seed_text.replace("（一）深化标准化工作改革。", "（一）深化标准化工作改革")
    with_stop = without.replace("　　一、总体要求", "　　一、总体要求。")
    document = _load_as_seed(tmp_path, with_stop.encode("utf-8"))
    assert _entity_signature(document) ^ _entity_signature(clean) == set()


def test_numbering_gaps_and_repeats_are_kept_and_noted(tmp_path: Path, seed_text: str) -> None:
    damaged = seed_text.replace("　　4.完善标准监督评价体系", "　　3.完善标准监督评价体系").replace(
        "　　9.加强标准化信息化建设", "　　11.加强标准化信息化建设"
    )
    path = tmp_path / SEED.name
    path.write_text(damaged, encoding="utf-8")
    result = load_plans([path], overlays=[])
    tasks = {e.id.rsplit("/", 1)[1]: e.name for e in result.document.entities_of(K.TASK)}
    assert tasks["2.3"] == "优化标准实施管理机制" and tasks["2.3-2"] == "完善标准监督评价体系"
    assert tasks["5.11"] == "加强标准化信息化建设"
    (report,) = result.reports
    messages = [n.message for n in report.notes]
    assert any("repeats" in m and "task/2.3-2" in m for m in messages)
    assert any("jumps from 8. to 11." in m for m in messages)


def test_a_notice_without_the_plan_body_is_refused(tmp_path: Path, seed_text: str) -> None:
    notice = seed_text[: seed_text.index("湖北省标准化体系建设发展规划\n")]
    path = tmp_path / "notice.txt"
    path.write_text(notice, encoding="utf-8")
    with pytest.raises(PlanLoadError, match="no numbered outline"):
        load_plan(path)


# -- properties --------------------------------------------------------------------------------

PLANISH = st.text(
    alphabet=st.sampled_from(
        list(
            "一二三四五、（）()。，：；1.2-—《》“”标准化任务工程措施专栏规划省质监局牵头配合\n\u3000 %项以上"
        )
    ),
    max_size=400,
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=2000))
def test_no_bytes_make_the_loader_raise_anything_but_its_own_error(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "fuzz.txt"
    path.write_bytes(data)
    try:
        load_plan(path)
    except PlanLoadError:
        pass


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=PLANISH)
def test_no_plan_like_text_makes_the_loader_raise_anything_but_its_own_error(
    tmp_path: Path, text: str
) -> None:
    path = tmp_path / "fuzz.txt"
    path.write_text("湖北省某某规划\n一、总体要求\n" + text, encoding="utf-8")
    try:
        load_plan(path)
    except PlanLoadError:
        pass


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(head=st.binary(max_size=64))
def test_damaged_documents_raise_only_the_loaders_error(tmp_path: Path, seed_text: str, head: bytes) -> None:
    for data in (b"%PDF-1.4\n" + head, b"PK\x03\x04" + head, _docx(seed_text)[:300] + head):
        path = tmp_path / "damaged.bin"
        path.write_bytes(data)
        try:
            load_plan(path)
        except PlanLoadError:
            pass


# -- the command line --------------------------------------------------------------------------


def test_load_report_as_json_and_strict(tmp_path: Path, seed_text: str) -> None:
    path = tmp_path / SEED.name
    path.write_text(seed_text.replace("2016年11月30日", "2016127", 1), encoding="utf-8")
    report = tmp_path / "report.json"
    done = plangraph("load", str(path), "--report", str(report))
    assert done.returncode == 0, done.stderr
    (data,) = json.loads(report.read_text(encoding="utf-8"))
    assert data["planId"] == PLAN and data["entities"]["TASK"] == 15
    assert data["unplaced"] == [{"line": 5, "text": "2016127"}]
    strict = plangraph("load", str(path), "--strict")
    assert strict.returncode == 1
    assert "--strict: 1 paragraph(s) could not be placed" in strict.stderr


def test_a_folder_of_a_hundred_plans(tmp_path: Path, seed_text: str) -> None:
    folder = tmp_path / "plans"
    folder.mkdir()
    for n in range(105):
        (folder / f"plan-{n:03d}.txt").write_text(
            seed_text.replace("湖北省", f"第{n}省", 2), encoding="utf-8"
        )
    done = plangraph("load", str(folder))
    assert done.returncode == 0, done.stderr
    assert "loaded 105 plan(s):" in done.stdout
    assert "0 paragraph(s) not placed" in done.stdout


def _pdf_unindented(body: list[str], small: list[str]) -> bytes:
    """A PDF as a plain text is often laid out: paragraphs flush left, and a list set smaller."""
    import io

    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    flush = ParagraphStyle("flush", fontName="STSong-Light", fontSize=12, leading=18, wordWrap="CJK")
    smaller = ParagraphStyle("smaller", parent=flush, fontSize=9, leading=13)
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, pagesize=A4).build(
        [Paragraph(line, flush) for line in body] + [Paragraph(line, smaller) for line in small]
    )
    return buffer.getvalue()


def test_a_pdf_of_flush_paragraphs_with_numbers_set_apart(tmp_path: Path) -> None:
    """Written from 轻工业数字化转型实施方案（征求意见稿） as laid out in a PDF: no paragraph is indented, a list
    set smaller runs wider than the body, and the text layer sets numbers apart (到2027 年): the
    paragraphs are joined again and the targets read with their year."""
    body = [
        "轻工业数字化转型实施方案",
        "一、总体要求",
        "到2027年，轻工骨干企业基本实现数字化改造全覆盖，成熟易用的数字化解决方案应用更加普及，先进适用的数字化转型标准贯标范围更加广泛。",
        "数字化普及率显著提升。轻工重点企业数字化研发设计工具普及率达到90%，关键工序数控化率达到75%。重点行业打造150个以上数字化转型典型场景，培育15家以上智能制造标杆企业，建设20个左右高标准数字园区。",
        "二、重点任务",
        "（一）培育数字化转型场景。围绕研发设计、生产制造、营销服务等关键环节，培育一批数字化转型典型场景，推动数字技术在轻工业各行业深度应用。",
    ]
    small = [
        "1.家用电器行业：个性化定制平台、家电垂域大模型技术、自动化焊接机器人、智能仓储物流系统、数字孪生工厂。",
        "2.家具行业：家具数字化设计平台、3D建模技术、金属部件数控焊接、一体化柔性生产线、智能涂装设备。",
    ]
    path = tmp_path / "light.pdf"
    path.write_bytes(_pdf_unindented(body, small))
    document = load_plan(path).document
    found = {
        (e.attrs["metric"], e.attrs["value"], e.attrs["deadline"])
        for e in document.entities_of(EntityKind.INDICATOR)
    }
    assert {
        ("轻工重点企业数字化研发设计工具普及率", 90, 2027),
        ("智能制造标杆企业", 15, 2027),
        ("高标准数字园区", 20, 2027),
    } <= found


def test_a_portal_pages_indicator_table_with_merged_cells(tmp_path: Path) -> None:
    """A form of the genre, written from knowledge of it: an indicator table on a portal page
    whose category cell spans its rows (rowspan), with a target written ＞42 (full-width)."""
    page = (
        '<html><head><meta charset="utf-8"></head><body><p>某某市生态环境保护规划（2021—2025年）</p>'
        "<p>一、主要目标</p><p>到2025年，生态环境质量持续改善。</p><table>"
        "<tr><td>类别</td><td>序号</td><td>指标名称</td><td>2020年</td><td>2025年</td><td>属性</td></tr>"
        '<tr><td rowspan="2">环境质量</td><td>1</td><td>细颗粒物（PM2.5）浓度（微克/立方米）</td><td>38</td><td>33</td><td>约束性</td></tr>'
        "<tr><td>2</td><td>空气质量优良天数比率（%）</td><td>80.1</td><td>85</td><td>约束性</td></tr>"
        "<tr><td>生态保护</td><td>3</td><td>森林覆盖率（%）</td><td>40.5</td><td>＞42</td><td>约束性</td></tr>"
        "</table><p>二、主要任务</p><p>（一）深入打好蓝天保卫战。加强细颗粒物和臭氧协同控制。</p></body></html>"
    )
    path = tmp_path / "plan.html"
    path.write_text(page, encoding="utf-8")
    found = {
        e.attrs["metric"]: (e.attrs["value"], e.attrs["unit"], e.attrs["comparator"], e.attrs["deadline"])
        for e in load_plan(path).document.entities_of(EntityKind.INDICATOR)
    }
    assert found["空气质量优良天数比率"] == (85, "%", "EQUAL", 2025)
    assert found["森林覆盖率"] == (42, "%", "AT_LEAST", 2025)


DIVISION_TABLE = [
    ["序号", "工作任务", "具体措施", "牵头单位", "配合单位", "完成时限"],
    [
        "1",
        "优化企业开办服务",
        "推行企业开办“一网通办”。",
        "市市场监管局",
        "市税务局、市公安局",
        "2024年6月底",
    ],
    ["2", "提升纳税便利度", "推广电子发票，新增电子发票用户1000户。", "市税务局", "市财政局", "2024年底"],
]


def _tasks_and_bodies(document: GraphDocument) -> dict[str, set[tuple[str, Role]]]:
    return {
        task.name: {
            (document.entities[r.source].attrs.get("aliases", [""])[0], r.role)
            for r in linked(document, R.RESPONSIBLE_FOR, target=task.id)
        }
        for task in document.entities_of(K.TASK)
    }


def _pdf_with_table(before: list[str], table: list[list[str]], after: list[str]) -> bytes:
    """A PDF of paragraphs and a ruled table between them, its cells wrapped in narrow columns and
    those of the bodies centred, as a plan's division table is printed."""
    import io

    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    style = ParagraphStyle("cell", fontName="STSong-Light", fontSize=10.5, leading=15, wordWrap="CJK")
    centred = ParagraphStyle("centred", parent=style, alignment=1)
    widths = [30, 80, 150, 70, 90, 60][: len(table[0])]
    cells = [[Paragraph(c, centred if j in (0, 3, 4) else style) for j, c in enumerate(row)] for row in table]
    grid = Table(cells, colWidths=widths)
    grid.setStyle(
        TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("VALIGN", (0, 0), (-1, -1), "TOP")])
    )
    buffer = io.BytesIO()
    flow = [Paragraph(line, style) for line in before] + [grid] + [Paragraph(line, style) for line in after]
    SimpleDocTemplate(buffer, pagesize=A4).build(flow)
    return buffer.getvalue()


def test_tasks_given_only_in_a_division_table_of_a_word_file_or_a_portal_page(tmp_path: Path) -> None:
    """A form of the genre, written from knowledge of it: a plan whose 重点任务 are only rows of a
    division table (序号 / 工作任务 / 具体措施 / 牵头单位 / 配合单位 / 完成时限), in a Word file, on a
    portal page and in a PDF (whose text layer sets the cells in columns, each wrapped over lines
    of its own). Each row is a task named by its 工作任务 cell, its text the 具体措施 cell, and its
    bodies those of its columns (however they are headed); no cell is a task of its own."""
    before = [
        "某某市优化营商环境行动方案",
        "一、工作目标",
        "到2025年，企业开办时间压缩至1个工作日以内。",
        "二、重点任务",
    ]
    after = ["三、保障措施", "（一）加强组织领导。成立工作专班。"]
    from docx import Document

    word = Document()
    for line in before:
        word.add_paragraph(line)
    grid = word.add_table(rows=len(DIVISION_TABLE), cols=len(DIVISION_TABLE[0]))
    for row, values in zip(grid.rows, DIVISION_TABLE, strict=True):
        for cell, value in zip(row.cells, values, strict=True):
            cell.text = value
    for line in after:
        word.add_paragraph(line)
    word.save(tmp_path / "plan.docx")
    rows = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in DIVISION_TABLE)
    page = (
        '<html><head><meta charset="utf-8"></head><body>'
        + "".join(f"<p>{line}</p>" for line in before)
        + f"<table>{rows}</table>"
        + "".join(f"<p>{line}</p>" for line in after)
        + "</body></html>"
    )
    (tmp_path / "page.html").write_text(page, encoding="utf-8")
    # The same table as other plans head its columns (重点工作 / 负责单位 / 协同单位; 工作举措 / 承担单位 / 协同部门).
    for name, words in (
        ("headed.html", ["序号", "重点工作", "具体措施", "负责单位", "协同单位", "完成时限"]),
        ("举措.html", ["序号", "工作举措", "具体内容", "承担单位", "协同部门", "时间安排"]),
    ):
        headed = "".join(
            "<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in [words, *DIVISION_TABLE[1:]]
        )
        (tmp_path / name).write_text(page.replace(rows, headed), encoding="utf-8")
    (tmp_path / "plan.pdf").write_bytes(_pdf_with_table(before, DIVISION_TABLE, after))
    for name in ("plan.docx", "page.html", "headed.html", "举措.html", "plan.pdf"):
        document = load_plan(tmp_path / name).document
        assert _tasks_and_bodies(document) == {
            "优化企业开办服务": {
                ("市市场监管局", Role.LEAD),
                ("市税务局", Role.SUPPORT),
                ("市公安局", Role.SUPPORT),
            },
            "提升纳税便利度": {("市税务局", Role.LEAD), ("市财政局", Role.SUPPORT)},
        }, name
        task = named(document, K.TASK, "优化企业开办服务")
        assert task.text == "推行企业开办“一网通办”。"


#: An indicator table whose header takes two rows: 目标值 spans the years below it, and 序号,
#: 指标 and 单位 span both rows.
TWO_ROW_HEADER = [
    ["序号", "指标", "单位", "目标值", "目标值", "目标值"],
    ["序号", "指标", "单位", "2023年", "2024年", "2025年"],
    ["1", "数字经济核心产业增加值", "亿元", "500", "600", "700"],
    ["2", "规模以上工业企业数字化改造覆盖率", "%", "60", "70", "≥80"],
]
THREE_YEAR_PLAN = (
    "某市推进数字经济发展三年行动计划（2023—2025年）\n一、工作目标\n到2025年，数字经济发展水平显著提升。\n"
    "二、重点任务\n（一）加快数字产业化。（市工信局牵头）\n三、保障措施\n（一）加强组织领导。\n"
)


def _two_row_header_page() -> bytes:
    head = (
        '<tr><td rowspan="2">序号</td><td rowspan="2">指标</td><td rowspan="2">单位</td>'
        '<td colspan="3">目标值</td></tr><tr><td>2023年</td><td>2024年</td><td>2025年</td></tr>'
    )
    rows = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in TWO_ROW_HEADER[2:])
    body = "".join(f"<p>{p}</p>" for p in _paragraphs(THREE_YEAR_PLAN))
    return f'<html><body>{body}<table border="1">{head}{rows}</table></body></html>'.encode()


def _two_row_header_word() -> bytes:
    import io

    from docx import Document

    word = Document()
    for paragraph in _paragraphs(THREE_YEAR_PLAN):
        word.add_paragraph(paragraph)
    grid = word.add_table(rows=len(TWO_ROW_HEADER), cols=len(TWO_ROW_HEADER[0]))
    for row, values in zip(grid.rows, TWO_ROW_HEADER, strict=True):
        for cell, value in zip(row.cells, values, strict=True):
            cell.text = value
    for column in range(3):
        grid.cell(0, column).merge(grid.cell(1, column)).text = TWO_ROW_HEADER[0][column]
    grid.cell(0, 3).merge(grid.cell(0, 5)).text = "目标值"
    buffer = io.BytesIO()
    word.save(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize("suffix", [".html", ".docx"])
def test_an_indicator_table_whose_header_takes_two_rows(tmp_path: Path, suffix: str) -> None:
    """目标值 over 2023年 / 2024年 / 2025年: each year's column gives the targets due that year."""
    data = _two_row_header_page() if suffix == ".html" else _two_row_header_word()
    (tmp_path / f"plan{suffix}").write_bytes(data)
    document = load_plan(tmp_path / f"plan{suffix}").document
    read = {
        (a["metric"], a["value"], a["unit"], a["comparator"], a["deadline"])
        for a in (e.attrs for e in document.entities_of(EntityKind.INDICATOR))
    }
    assert read == {
        ("数字经济核心产业增加值", 50_000_000_000, "元", "EQUAL", 2023),
        ("数字经济核心产业增加值", 60_000_000_000, "元", "EQUAL", 2024),
        ("数字经济核心产业增加值", 70_000_000_000, "元", "EQUAL", 2025),
        ("规模以上工业企业数字化改造覆盖率", 60, "%", "EQUAL", 2023),
        ("规模以上工业企业数字化改造覆盖率", 70, "%", "EQUAL", 2024),
        ("规模以上工业企业数字化改造覆盖率", 80, "%", "AT_LEAST", 2025),
    }


def test_a_markdown_table_and_one_whose_category_cells_span_rows(tmp_path: Path) -> None:
    """A page crawled as Markdown keeps its tables as pipe rows under a rule (| --- |); where a
    category cell spanned its rows, the rows below it lost that cell (as 平顶山市“十四五”现代综合交通
    运输体系发展规划's crawl has them): each row's figures still stand under their years."""
    text = (
        "某市“十四五”综合交通运输发展规划\n一、发展目标\n到2025年，交通运输发展水平显著提升。\n"
        "| 指标 | 2020年 | 2025年 |\n| --- | :---: | --- |\n| 森林覆盖率（%） | 30 | 35 |\n"
        "| 城乡道路客运一体化发展水平（5A级比率%） | / | 100 |\n| 单位运输周转量二氧化碳排放较2020年下降率（%） | / | 6 |\n"
        "类别 | 指标 | 2020 | 2025 |\n基础设施 | 高速铁路里程（公里） | 67 | 200 |\n高速公路里程（公里） | 379 | 537 | |\n"
        "二、重点任务\n（一）完善运输通道。建设通道。\n"
    )
    (tmp_path / "plan.txt").write_text(text, encoding="utf-8")
    document = load_plan(tmp_path / "plan.txt").document
    read = {
        (a["metric"], a["value"], a["unit"], a["deadline"])
        for a in (e.attrs for e in document.entities_of(EntityKind.INDICATOR))
    }
    assert read == {
        ("森林覆盖率", 35, "%", 2025),
        # A percentage whose bracket says of what; a change named by its rate is of the thing that changes.
        ("城乡道路客运一体化发展水平", 100, "%", 2025),
        ("单位运输周转量二氧化碳排放", 6, "%", 2025),
        ("高速铁路里程", 200, "公里", 2025),
        ("高速公路里程", 537, "公里", 2025),
    }


#: A 若干措施 laid out as a table: each row the item's number in one cell, its text in the next.
NUMBERED_ROWS = [
    ["一、", "加大住房公积金支持力度。住房公积金贷款最高额度提高到80万元。（责任单位：市住房公积金中心）"],
    ["二、", "支持刚性和改善性住房需求。对购买新建商品住房的给予契税补贴。（责任单位：市住建局、市财政局）"],
    ["三、", "优化商品房预售资金监管。（责任单位：市住建局）"],
]


@pytest.mark.parametrize("suffix", [".html", ".docx"])
def test_a_numbered_list_laid_out_as_a_table_reads_as_the_list(tmp_path: Path, suffix: str) -> None:
    """A page or a Word file that sets its items in a table (一、 | 加大……) has them as its items,
    not as a table of data the outline passes over."""
    opening = "某市关于促进房地产市场平稳健康发展的若干措施\n为促进房地产市场平稳健康发展，制定以下措施。\n"
    if suffix == ".html":
        rows = "".join(f"<tr><td>{mark}</td><td>{text}</td></tr>" for mark, text in NUMBERED_ROWS)
        body = "".join(f"<p>{p}</p>" for p in _paragraphs(opening))
        data = f"<html><body>{body}<table>{rows}</table></body></html>".encode()
    else:
        data = _docx(opening, NUMBERED_ROWS)
    (tmp_path / f"measures{suffix}").write_bytes(data)
    document = load_plan(tmp_path / f"measures{suffix}").document
    assert {
        task.name: {
            (document.entities[r.source].name, r.role)
            for r in linked(document, R.RESPONSIBLE_FOR, target=task.id)
        }
        for task in document.entities_of(EntityKind.TASK)
    } == {
        "加大住房公积金支持力度": {("市住房公积金中心", Role.LEAD)},
        "支持刚性和改善性住房需求": {("市住房和城乡建设局", Role.LEAD), ("市财政局", Role.LEAD)},
        "优化商品房预售资金监管": {("市住房和城乡建设局", Role.LEAD)},
    }


def _printed_from_a_browser(pages: list[list[tuple[str, str]]]) -> bytes:
    """A page printed to PDF from a browser: the date and the page's title at the top of each
    sheet, its address and the sheet's number at the foot, and each bold heading spaced out a
    character at a time and drawn twice over, as the text layer then gives it."""
    import io

    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    buffer = io.BytesIO()
    sheet = canvas.Canvas(buffer, pagesize=A4)
    _, height = A4
    for number, lines in enumerate(pages, start=1):
        sheet.setFont("STSong-Light", 8)
        sheet.drawString(30, height - 20, "2026/7/26 13:02   某部关于推进养老服务的实施意见_中国政府网")
        sheet.drawString(
            30, 20, f"https://www.gov.cn/zhengce/content/202602/content_7057744.htm   {number}/{len(pages)}"
        )
        y = height - 60
        for kind, text in lines:
            for shift in (0, 0.4) if kind == "bold" else (0,):
                line = sheet.beginText(80 + shift, y)
                line.setFont("STSong-Light", 12 if kind == "bold" else 11)
                line.textLine("      ".join(text) if kind == "bold" else text)
                sheet.drawText(line)
            y -= 18
        sheet.showPage()
    sheet.save()
    return buffer.getvalue()


def test_a_page_printed_to_pdf_from_a_browser(tmp_path: Path) -> None:
    """The running lines, alike on every sheet but for the sheet's number, are dropped; a heading
    drawn twice and spaced out is read once, its characters together."""
    pages = [
        [
            ("bold", "某部关于推进养老服务的实施意见"),
            ("text", "各省、自治区、直辖市人民政府："),
            ("text", "为推进养老服务高质量发展，现提出以下意见。"),
            ("bold", "一、总体要求"),
            ("text", "到2030年，社区养老服务覆盖率达到70%左右。"),
        ],
        [
            ("bold", "二、重点任务"),
            ("text", "（一）完善养老服务制度。加快完善养老服务制度，推动养老服务规范发展。"),
            ("text", "（二）健全养老服务机制。健全养老服务机制，提升养老服务水平。"),
        ],
        [
            ("bold", "三、加强组织领导"),
            ("text", "国家发展改革委要会同有关方面加强统筹协调，推动各项措施落地见效。"),
        ],
    ]
    path = tmp_path / "printed.pdf"
    path.write_bytes(_printed_from_a_browser(pages))
    document = load_plan(path).document
    (plan,) = document.entities_of(EntityKind.PLAN)
    assert plan.name == "某部关于推进养老服务的实施意见"
    sections = {e.name: e.attrs.get("chapterKind") for e in document.entities_of(EntityKind.SECTION)}
    assert sections == {"总体要求": "requirements", "重点任务": "tasks", "加强组织领导": "measures"}
    assert {e.name for e in document.entities_of(EntityKind.TASK)} == {"完善养老服务制度", "健全养老服务机制"}
    (coverage,) = document.entities_of(EntityKind.INDICATOR)
    assert (coverage.attrs["metric"], coverage.attrs["value"], coverage.attrs["comparator"]) == (
        "社区养老服务覆盖率",
        70,
        "ABOUT",
    )
    assert not any(
        "gov.cn" in (e.text or "") or "13:02" in (e.text or "") for e in document.entities.values()
    )
