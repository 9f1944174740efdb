"""Names of bodies in a list as plans write them: “国家发展改革委、工业和信息化部……” split into
names with their offsets (known names whole, unknown ones up to the next separator), and whether
a name names a body at all (省科技厅, 行业主管部门; not 布局 or a bare 单位)."""

from __future__ import annotations

import re

from loaders.lexical import analyse
from loaders.patterns import INCLUDING
from loaders.profile import Departments

__all__ = ["BodyNames"]

_ANNOTATION = re.compile(r"[（(][^（）()]{1,20}[）)]$")


#: The words a body's name opens with that name its level.
_LEVEL_WORDS = frozenset("省市区县")


#: Enterprises are a body where the plan names them by their trade (电网企业, 充电设施运营企业).
_ENTERPRISE = "企业"
_TRADE_WORDS = frozenset({"n", "nz", "vn", "nw", "ORG", "LOC", "s"})


def _named_by_trade(name: str) -> bool:
    """电网企业, 房地产开发企业: the words before 企业 name a trade, as nouns; not a verb's object
    (指导和督促企业, 畅通企业) nor a quality (困难企业)."""
    words = analyse(name.removeprefix("各"))  # 各成品油经营企业: each of them
    return (
        len(words) >= 2
        and words[-1].word.endswith(_ENTERPRISE)
        and all(w.tag in _TRADE_WORDS for w in words[:-1])
    )


class BodyNames:
    """`known`: the names of the registry and the genre's generic bodies; `noise`: words around
    names that are not part of them (等, 会同, 按职责分工)."""

    def __init__(self, rules: Departments, known: re.Pattern[str], noise: re.Pattern[str]) -> None:
        self.rules = rules
        self.known = known
        self.noise = noise

    def _ends_name(self, text: str, end: int) -> bool:
        """Whether a known name ends where the listed name ends: 人民银行 is the whole of
        “人民银行、财政部”, but only the start of 人民银行山东省分行."""
        rest = text[end:]
        return (
            not rest
            or rest[0].isspace()
            or rest.startswith(
                tuple(self.rules.name_separators + self.rules.name_joiners + self.rules.name_noise)
            )
        )

    def names_a_body(self, name: str) -> bool:
        """Not a word that only ends as a body's name does (布局, 举办, 公办) nor a bare ending (单位),
        unless the genre knows it as a body (高校) or it names a mass organisation, which is one
        body wherever it stands (工会, 工商联)."""
        if name.endswith(tuple(self.rules.not_body_endings)):
            return False
        if name.endswith(_ENTERPRISE) and not _named_by_trade(name):
            return False
        mass = self.rules.body_kinds.get("MASS_ORGANISATION", [])
        return name not in self.rules.subject_endings or name in mass or bool(self.known.fullmatch(name))

    def named_in_full(self, name: str) -> bool:
        """省科技厅, 市场监管总局: a body's own name, not a field that 部门 after a list would name."""
        return bool(self.known.fullmatch(name)) or name.endswith(tuple(self.rules.government_suffixes))

    def is_body(self, name: str) -> bool:
        """A name that is known, or ends like a body's name (局, 委员会, 单位, 小组 …)."""
        return bool(self.known.fullmatch(name)) or name.endswith(self.rules.body_endings)

    def _run_together(self, text: str, start: int, end: int) -> bool:
        """Whether a name (盐都公安分局) ends at `end` where another starts with its level's word
        (区市场监管局……), the two written with nothing between them."""
        if end - start < 3 or text[end] not in _LEVEL_WORDS:
            return False
        following = re.match(f"[^{re.escape(''.join(self.rules.name_separators))}]+", text[end:])
        endings = self.rules.body_endings
        return text[start:end].endswith(endings) and bool(following and following.group().endswith(endings))

    def names(self, text: str) -> list[tuple[str, int]]:
        """Split “国家发展改革委、工业和信息化部……” into names with their offsets. Known names
        are taken whole (工业和信息化部 keeps its 和); an unknown name runs to the next
        separator, or to a joining word that a known name follows."""
        rules = self.rules
        names: list[tuple[str, int]] = []
        position = 0
        while position < len(text):
            noise = self.noise.match(text, position)
            if noise:
                position = noise.end()
                continue
            if (
                any(text.startswith(sep, position) for sep in rules.name_separators)
                or text[position].isspace()
                or text[position] in "/／"
            ):
                position += 1
                continue
            joiner = next((j for j in rules.name_joiners if text.startswith(j, position)), None)
            if joiner and (not names or names[-1][1] + len(names[-1][0]) == position):
                position += len(joiner)
                continue
            known = self.known.match(text, position)
            if known and self._ends_name(text, known.end()):
                names.append((known.group(), position))
                position = known.end()
                continue
            end = position
            while end < len(text) and not any(text.startswith(s, end) for s in rules.name_separators):
                joiner = next((j for j in rules.name_joiners if text.startswith(j, end)), None)
                # 市科技局及相关行业主管部门, 建设单位和运营单位: a joining word before a known name
                # or after a body's ending (局, 单位 …) starts the next name.
                if joiner and (
                    self.known.match(text, end + len(joiner))
                    or text[position:end].endswith(tuple(rules.subject_endings))
                ):
                    break
                # 市发展改革委会同市财政局: a word between names (会同, 等) after a body's ending ends it;
                # so do a space and a slash (市文化广电旅游局 市商务局, 市农业农村局/市科技局).
                if (self.noise.match(text, end) or text[end].isspace() or text[end] in "/／") and text[
                    position:end
                ].endswith(tuple(rules.subject_endings)):
                    break
                # 区市场监管局区商务局: names run together where a cell's lines were joined; a
                # level's word after a body's ending starts the next name.
                if self._run_together(text, position, end):
                    break
                # 各省（区、市）人民政府: a parenthesis inside a name is read whole.
                closing = text.find("）", end) if text[end] == "（" else -1
                end = closing + 1 if 0 < closing - end <= 20 else end + 1
            if end == position:
                # A joining word after noise (……等和各省级人民政府): pass over it.
                position += len(joiner or text[position])
                continue
            # 市场监管总局（国家标准委）: the parenthesis annotates the name.
            name = _ANNOTATION.sub("", self.noise.sub("", text[position:end])).strip()
            name = INCLUDING.sub("", name)
            if len(name) >= 2:
                names.append((name, position))
            position = end
        return names
