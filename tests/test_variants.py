"""The same plan written differently gives the same graph; other plans of the genre load too."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from graph.model import Comparator, EntityKind, GraphDocument, RelationType
from loaders import load_plan, load_plans
from loaders.profile import DEFAULT_PROFILE, Profile
from tests.helpers import SEED, children_named, linked, named

K = EntityKind

_HALF_WIDTH = str.maketrans(
    {
        "（": "(",
        "）": ")",
        "，": ",",
        "：": ":",
        "；": ";",
        "。": ".",
        "！": "!",
        "？": "?",
        "＋": "+",
        "“": '"',
        "”": '"',
    }
)


def _half_width(text: str) -> str:
    return text.translate(_HALF_WIDTH)


def _bullets(mark: str) -> Callable[[str], str]:
    return lambda text: "\n".join(
        line.replace("--", mark, 1) if line.lstrip("\u3000").startswith("--") else line
        for line in text.split("\n")
    )


def _no_indent(text: str) -> str:
    return "\n".join(line.lstrip("\u3000 ") for line in text.split("\n"))


def _no_blank_lines(text: str) -> str:
    return "\n".join(line for line in text.split("\n") if line.strip())


def _crlf(text: str) -> str:
    return text.replace("\n", "\r\n")


TEXT_VARIANTS: dict[str, Callable[[str], str]] = {
    "half-width punctuation": _half_width,
    "CRLF line ends": _crlf,
    "no 　 indentation": _no_indent,
    "— bullets": _bullets("—"),
    "—— bullets": _bullets("——"),
    "no blank lines": _no_blank_lines,
    "all of these at once": lambda t: _crlf(_no_blank_lines(_no_indent(_bullets("—")(_half_width(t))))),
}

ENCODINGS = {"UTF-8 with BOM": "utf-8-sig", "GB18030": "gb18030"}


def signature(document: GraphDocument) -> tuple[set[tuple], set[tuple]]:
    """What a reader sees of a graph: everything but the character offsets."""
    entities = {
        (e.id, e.kind, e.name, e.label, e.text, e.parent, repr(sorted(e.attrs.items())))
        for e in document.entities.values()
    }
    relations = {(r.key, r.origin, r.evidence) for r in document.relations.values()}
    return entities, relations


@pytest.fixture(scope="module")
def seed_signature(seed: GraphDocument) -> tuple[set[tuple], set[tuple]]:
    return signature(seed)


def _load_as_seed(tmp_path: Path, data: bytes) -> GraphDocument:
    path = tmp_path / SEED.name
    path.write_bytes(data)
    return load_plans([path]).document


@pytest.mark.parametrize("variant", list(TEXT_VARIANTS))
def test_text_variants_give_the_same_graph(
    tmp_path: Path, seed_text: str, seed_signature, variant: str
) -> None:
    changed = TEXT_VARIANTS[variant](seed_text)
    assert changed != seed_text
    document = _load_as_seed(tmp_path, changed.encode("utf-8"))
    entities, relations = signature(document)
    expected_entities, expected_relations = seed_signature
    assert entities ^ expected_entities == set()
    assert relations ^ expected_relations == set()


@pytest.mark.parametrize("encoding", list(ENCODINGS))
def test_encodings_give_the_same_graph(tmp_path: Path, seed_text: str, seed_signature, encoding: str) -> None:
    document = _load_as_seed(tmp_path, seed_text.encode(ENCODINGS[encoding]))
    assert signature(document) == seed_signature


def test_spans_point_into_the_file_as_written(tmp_path: Path, seed_text: str) -> None:
    changed = _crlf(_half_width(seed_text))
    document = _load_as_seed(tmp_path, changed.encode("utf-8"))
    task = named(document, K.TASK, "加强标准化信息化建设")
    assert changed[task.source.start : task.source.end].startswith("9.加强标准化信息化建设.")


# A municipal plan of the same genre, written with other headings (总体思路, 主要原则,
# 具体目标, 重点任务, 重点工程), numbered principles, “—” bullets and a 文号 in [].
MUNICIPAL_PLAN = """各区人民政府，市政府各部门：
《武汉市标准化发展行动计划（2021-2025年）》已经市人民政府同意，现印发给你们，请认真贯彻执行。
2021年6月1日
武汉市标准化发展行动计划
（2021-2025年）
为贯彻落实《湖北省标准化体系建设发展规划（2016-2020年）》和《国家标准化发展纲要》（中发[2021]29号），制定本行动计划。
一、总体思路
（一）主要原则。
1.坚持需求引领。以产业需求为导向，推动标准供给。
2.坚持创新驱动。推动标准与科技创新互动发展。
（二）具体目标。
到2025年，标准化工作全面提升，标准体系更加健全。
—标准供给更加有效。主导制定国家标准不少于50项，地方标准80项左右。
—标准实施更加有力。标准化试点示范项目达到40个以上。
二、重点任务
1.推进先进制造业标准化。重点开展智能网联汽车、光纤通信、激光加工等标准研制。各级人民政府要加强统筹。
2.推进现代服务业标准化。支持行业协会开展团体标准研制。
三、重点工程
（一）标准创新工程。鼓励企业主导制定国际标准。
四、保障措施
（一）强化组织保障。各有关部门要加强协作。
"""


def test_a_plan_with_other_headings_and_numbering(tmp_path: Path) -> None:
    path = tmp_path / "wuhan-standardization-2021-2025.txt"
    path.write_text(MUNICIPAL_PLAN, encoding="utf-8")
    result = load_plan(path)
    doc = result.document
    plan = doc.entities["wuhan-standardization-2021-2025"]
    assert plan.name == "武汉市标准化发展行动计划（2021-2025年）"
    assert plan.attrs["approvedBy"] == "武汉市人民政府"
    assert plan.attrs["level"] == "MUNICIPAL"
    assert plan.attrs["issuedOn"] == "2021-06-01"
    assert [e.name for e in doc.entities_of(K.PRINCIPLE)] == ["坚持需求引领", "坚持创新驱动"]
    overall = named(doc, K.GOAL, "标准化工作全面提升")
    assert children_named(doc, overall, K.GOAL) == ["标准供给更加有效", "标准实施更加有力"]
    indicators = [
        (
            i.attrs["metric"],
            Comparator(i.attrs["comparator"]),
            i.attrs["value"],
            i.attrs["unit"],
            i.attrs["deadline"],
        )
        for i in doc.entities_of(K.INDICATOR)
    ]
    assert indicators == [
        ("国家标准", Comparator.AT_LEAST, 50, "项", 2025),
        ("地方标准", Comparator.ABOUT, 80, "项", 2025),
        ("标准化试点示范项目", Comparator.AT_LEAST, 40, "个", 2025),
    ]
    assert [e.name for e in doc.entities_of(K.TASK)] == ["推进先进制造业标准化", "推进现代服务业标准化"]
    assert [e.name for e in doc.entities_of(K.PROJECT)] == ["标准创新工程"]
    assert [e.name for e in doc.entities_of(K.MEASURE)] == ["强化组织保障"]
    task = named(doc, K.TASK, "推进先进制造业标准化")
    standards = {doc.entities[r.target].name for r in linked(doc, RelationType.FORMULATES, source=task.id)}
    assert standards == {"智能网联汽车", "光纤通信", "激光加工"}
    national = doc.entities["document/中发〔2021〕29号"]
    assert national.attrs["title"] == "国家标准化发展纲要"
    (derived,) = linked(doc, RelationType.DERIVES_FROM, source=plan.id)
    assert doc.entities[derived.target].name == "湖北省标准化体系建设发展规划（2016-2020年）"
    assert result.reports[0].unplaced == []


def test_a_topical_chapter_is_tasks_and_a_profile_can_file_it_otherwise(tmp_path: Path) -> None:
    """A chapter whose title no profile word names (二、推进产业标准化) is read by the genre's
    convention: its numbered items are tasks. A profile can file the same words as another kind."""
    text = MUNICIPAL_PLAN.replace("二、重点任务", "二、推进产业标准化")
    path = tmp_path / "wuhan.txt"
    path.write_text(text, encoding="utf-8")
    tasks = load_plan(path).document.entities_of(K.TASK)
    assert [t.name for t in tasks] == ["推进先进制造业标准化", "推进现代服务业标准化"]

    rules = yaml.safe_load(DEFAULT_PROFILE.read_text(encoding="utf-8"))
    rules["chapters"]["projects"].append("推进产业标准化")
    profile = Profile.model_validate(rules)
    document = load_plan(path, profile).document
    assert document.entities_of(K.TASK) == []
    projects = [p.name for p in document.entities_of(K.PROJECT)]
    assert projects[:2] == ["推进先进制造业标准化", "推进现代服务业标准化"]


def test_a_broken_profile_pattern_is_rejected_with_its_field() -> None:
    rules = yaml.safe_load(DEFAULT_PROFILE.read_text(encoding="utf-8"))
    rules["numbering"]["chapter"] = "^(?P<label>[一二三"
    with pytest.raises(ValueError, match="chapter"):
        Profile.model_validate(rules)
