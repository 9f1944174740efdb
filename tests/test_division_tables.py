"""Division-of-labour tables (重点任务分工表) as plans attach them: each row's bodies get the task it
names, in the role its column gives, whatever else the table holds around them."""

from __future__ import annotations

from pathlib import Path

from graph.model import EntityKind, RelationType, Role
from loaders import load_plan
from tests.test_layouts import write

TASKS = (
    "一、主要任务\n（一）发展社区养老服务。建设社区嵌入式养老服务机构。\n"
    "（二）提升机构养老服务。推进公办养老机构改革。\n（三）推进医养结合。支持医疗机构开展养老服务。\n"
)


def _roles(document, task: str) -> dict[str, set[Role]]:  # type: ignore[no-untyped-def]
    """The roles each body has in the task named `task`, by the body's name in the graph."""
    (entity,) = [e for e in document.entities_of(EntityKind.TASK) if e.name == task]
    roles: dict[str, set[Role]] = {}
    for relation in document.relations_of(RelationType.RESPONSIBLE_FOR):
        if relation.target == entity.id and relation.role is not None:
            roles.setdefault(document.entities[relation.source].name, set()).add(relation.role)
    return roles


def test_a_pages_table_with_a_column_of_kinds_and_bodies_on_lines_of_their_own(tmp_path: Path) -> None:
    """任务类别 | 具体任务 | 牵头单位 | 配合单位: the kinds' column, spanning its rows, names no task (the
    具体任务 column does); a cell whose bodies stand on lines of their own (市财政局<br>市发展改革委)
    names each of them."""
    paragraphs = "".join(f"<p>{line}</p>" for line in TASKS.splitlines())
    page = (
        f"<html><body><h1>某市养老服务实施方案</h1>{paragraphs}<p>附件</p><p>重点任务分工表</p><table>"
        "<tr><td>序号</td><td>任务类别</td><td>具体任务</td><td>牵头单位</td><td>配合单位</td></tr>"
        "<tr><td>1</td><td rowspan='2'>养老服务供给</td><td>发展社区养老服务</td><td>市民政局</td>"
        "<td>市财政局<br/>市发展改革委</td></tr>"
        "<tr><td>2</td><td>提升机构养老服务</td><td>市民政局</td><td><p>市国资委</p></td></tr>"
        "<tr><td>3</td><td>医养结合</td><td>推进医养结合</td><td>市卫生健康委</td><td>市民政局<br>市医保局</td></tr>"
        "</table></body></html>"
    )
    document = load_plan(write(tmp_path, "care.html", page)).document
    assert _roles(document, "发展社区养老服务") == {
        "市民政局": {Role.LEAD},
        "市财政局": {Role.SUPPORT},
        "市发展和改革委员会": {Role.SUPPORT},
    }
    assert _roles(document, "提升机构养老服务") == {
        "市民政局": {Role.LEAD},
        "市国有资产监督管理委员会": {Role.SUPPORT},
    }
    assert _roles(document, "推进医养结合")["市医保局"] == {Role.SUPPORT}


def test_an_attachments_table_with_its_cells_between_tabs_gives_each_body_one_role(tmp_path: Path) -> None:
    """An attachment 重点任务分工表 copied with its cells between tabs: its table's reader gives the
    牵头 column's bodies the lead and the 配合 column's the support; the attachment's lines are not
    read again as a list (which knows no columns, and made the lead a supporter too)."""
    text = (
        "某省人民政府办公厅关于推进养老服务发展的实施意见\n一、扩大养老服务供给\n"
        "（一）发展社区养老服务。建设社区嵌入式养老服务机构。\n（二）提升机构养老服务。推进公办养老机构改革。\n"
        "二、提升养老服务质量\n（三）推进医养结合。支持医疗机构开展养老服务。\n"
        "三、加强组织保障\n（四）强化部门协同。建立联席会议制度。\n附件：重点任务分工表\n重点任务分工表\n"
        "序号\t工作任务\t牵头单位\t配合单位\t完成时限\n"
        "1\t发展社区养老服务\t省民政厅\t省发展改革委、省财政厅\t2025年底\n"
        "2\t提升机构养老服务\t省民政厅\t省国资委\t持续推进\n"
        "3\t推进医养结合\t省卫生健康委\t省民政厅、省医保局\t持续推进\n"
    )
    document = load_plan(write(tmp_path, "care.txt", text)).document
    assert _roles(document, "发展社区养老服务") == {
        "省民政厅": {Role.LEAD},
        "省发展和改革委员会": {Role.SUPPORT},
        "省财政厅": {Role.SUPPORT},
    }
    assert _roles(document, "推进医养结合") == {
        "省卫生健康委员会": {Role.LEAD},
        "省民政厅": {Role.SUPPORT},
        "省医保局": {Role.SUPPORT},
    }


def test_a_header_of_two_rows_names_the_lead_and_the_support_below_the_bodies(tmp_path: Path) -> None:
    """责任单位 spanning 牵头单位 and 配合单位 in the header's second row, the other headings spanning
    both rows: the two rows read as one header, the second no row of the table."""
    paragraphs = "".join(f"<p>{line}</p>" for line in TASKS.splitlines())
    page = (
        f"<html><body><h1>某市养老服务实施方案</h1>{paragraphs}<p>附件</p><p>重点任务分工表</p><table>"
        "<tr><td rowspan='2'>序号</td><td rowspan='2'>重点任务</td><td colspan='2'>责任单位</td>"
        "<td rowspan='2'>完成时限</td></tr><tr><td>牵头单位</td><td>配合单位</td></tr>"
        "<tr><td>1</td><td>发展社区养老服务</td><td>市民政局</td><td>市财政局</td><td>2025年</td></tr>"
        "<tr><td>2</td><td>推进医养结合</td><td>市卫生健康委</td><td>市医保局</td><td>2025年</td></tr>"
        "</table></body></html>"
    )
    document = load_plan(write(tmp_path, "care.html", page)).document
    assert _roles(document, "发展社区养老服务") == {"市民政局": {Role.LEAD}, "市财政局": {Role.SUPPORT}}
    assert _roles(document, "推进医养结合") == {"市卫生健康委员会": {Role.LEAD}, "市医保局": {Role.SUPPORT}}
