"""Bodies a paragraph gives work to, and in which role.

Three forms, as plans of the genre write them:

- a bracket after a task or project: （省质监局牵头，省发展改革委、省经信委配合） — each
  clause's names take the role its last word gives (牵头/负责: LEAD; 配合/参与/按职责分工负责:
  SUPPORT);
- a sentence: 由省农业厅负责 — LEAD (配合: SUPPORT);
- any other mention of a known body: LEAD when it is the subject that 要/负责/牵头 follows
  (各级人民政府要……), SUPPORT otherwise (支持科研院所……).

Names are found with the genre's generic bodies (profile) and the department registry;
`loaders.entities.department_resolver` then turns a name as written into one department entity.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from graph.model import Role
from loaders.entities.body_names import BodyNames
from loaders.entities.subjects import SubjectGrammar, clause_subjects
from loaders.lexical import opens_with_verb
from loaders.patterns import alternation
from loaders.profile import Profile
from loaders.registry import DepartmentRegistry

__all__ = ["ASSIGNING_BRACKET", "BodyMention", "DepartmentFinder"]

_NOT_LOCAL = "(?<![省市县区州委])"  # 省委网信办 is not 网信办
_SENTENCE = re.compile(r"[^。；！？]+[。；！？]?")
#: A bracket that closes a text: （各市政府、雄安新区管委会）.
_CLOSING_BRACKET = re.compile(r"[（(](?P<inner>[^（）()]{2,200})[）)]\s*$")
#: 省委组织部（牵头）: a mark after a listed name that it leads.
_MARKED_LEAD = re.compile(r"[（(]牵头[）)]")
#: A bracket that reads like an assignment of work (（省商务厅牵头，……配合）), whether or not its
#: bodies can be read: reported when they cannot, and no words of the task it closes.
ASSIGNING_BRACKET = re.compile(
    r"[〔（(【](?:[^〔〕（）()【】]|[（(][^（）()]{1,20}[）)]){0,300}?(?:牵头|负责|配合|参与|责任单位|责任部门)"
    r"[^〔〕（）()【】]{0,100}[〕）)】]"
)


@dataclass(frozen=True, slots=True)
class BodyMention:
    #: The name as the text writes it (a short name, a full name, or an unknown body).
    name: str
    role: Role
    start: int
    end: int
    #: The words that give the work: the sentence, or the bracket.
    evidence: str


class DepartmentFinder:
    """Finds the bodies a text gives work to. `first_leads`: the plan says that the body
    listed first in a bracket leads (列第一位者为牵头单位), so the others support."""

    def __init__(self, profile: Profile, registry: DepartmentRegistry, first_leads: bool = False) -> None:
        rules = profile.departments
        self.rules = rules
        self.first_leads = first_leads
        generic = [
            (name, "".join(f"(?!{re.escape(w)})" for w in body.not_before))
            for canonical, body in rules.bodies.items()
            for name in [canonical, *body.aliases]
        ]
        # A national short name (统计局) inside a local one (市统计局) is not the national body.
        named = [(name, "") for name in registry.names]
        alternatives = sorted(generic + named, key=lambda pair: -len(pair[0]))
        self.known = re.compile(
            "|".join(
                [
                    *rules.generic_patterns,
                    *(_NOT_LOCAL + re.escape(name) + guard for name, guard in alternatives),
                ]
            )
        )
        self.noise = re.compile(alternation(rules.name_noise))
        self.body_names = BodyNames(rules, self.known, self.noise)
        self.names = self.body_names.names
        self.is_body = self.body_names.is_body
        self.labels = re.compile(f"(?P<label>{rules.label_pattern}){_LABEL_MARK}")
        # （牵头领导：张三；责任单位：A）: a label opening any clause of a bracket makes it labelled.
        self.clause_label = re.compile(f"(?:^|(?<=[；;，,\\s]))(?:{rules.label_pattern}){_LABEL_MARK}")
        self.schedule_label = re.compile(f"\\s*(?:{alternation(rules.schedule_labels)})[：:]")
        # 责任单位：A、B (a line of its own, or closing a sentence without a bracket), also written
        # 【责任单位】A、B: labelled as a bracket is, up to the end of the sentence.
        label_words = rules.label_pattern
        # A short parenthesis may stand inside (各县（市、区）, 市发展改革委（牵头）).
        text_char = "(?:[^。\\n〔〕（）()【】]|（[^（）\\n]{1,10}）)"
        self.label_run = re.compile(
            f"(?:^|(?<=[。；！？\\s]))(?P<inner>【?(?:{label_words})(?:】|{_LABEL_MARK}){text_char}{{2,300}}"
            f"(?:【(?:{label_words})】{text_char}{{2,300}})*)"
        )
        self.bracket = re.compile(rules.bracket_pattern)
        self.sentence = re.compile(rules.sentence)
        self.lead_after = re.compile(rules.lead_after)
        # 定级部门要…… / 建设单位和运营单位要……: bodies opening a sentence, each name ending as a body's does.
        # (法院 and 检察院 are whole names, with no words before their ending.)
        name = (
            f"(?:(?:[\u4e00-\u9fff]|（[^（）]{{1,10}}）){{1,20}}?(?:{alternation(rules.subject_endings)})"
            "|(?:人民)?法院|(?:人民)?检察院)"
        )
        known = "|".join([*rules.generic_patterns, *(re.escape(n) + guard for n, guard in alternatives)])
        # 定级部门要…… / 北京市经济和信息化局统筹制定……: bodies as a clause's subject.
        self.subject_grammar = SubjectGrammar(
            # 国家融资担保基金和省级再担保基金（机构）要……: a parenthesis may close a name.
            run_of_names=re.compile(
                f"(?:{known}|{name})(?:[、和及与](?:{known}|{name}))*(?:（[^（）]{{1,10}}）)?"
            ),
            split_names=self.names,
            subject_verbs=tuple(rules.subject_verbs),
            support_verbs=tuple(rules.support_words),
            partner_verbs=tuple(rules.partner_words),
            run_closers=tuple(sorted(rules.run_closers, key=len, reverse=True)),
            answers_for=re.compile(rules.answers_for),
            final_chars=frozenset(
                [name[-1] for name, _ in alternatives if name]
                + [ending[-1] for ending in rules.subject_endings]
                + [c for pattern in rules.generic_patterns for c in _last_literal(pattern)]
                + ["）"]
            ),
        )
        # 区商务委：负责……: a paragraph of duties opened by the body that has them (职责分工).
        self.duty_holder = re.compile("^(?P<names>[^：:，。；（）]{2,80})[：:](?=[\u4e00-\u9fff])")
        # 市司法局：负责配合有关部门……: duties of assisting are support.
        self.assisting = re.compile(f"(?:负责)?(?:{alternation(rules.support_words)})")
        # 由区规划资源局在……征询: the bodies 由 introduces do what follows, whatever the verb.
        # 由区文化局会同区规土局共同编制: those 会同 adds work with them, in support.
        partners = alternation(rules.partner_words)
        self.agent = re.compile(
            f"由(?P<name>{name}(?:[、和及与]{name})*)"
            f"(?:(?:{partners})(?P<partners>{name}(?:[、和及与]{name})*))?(?=[\u4e00-\u9fff])"
        )
        self.role_word = re.compile(f"(?:{alternation(rules.support_words + rules.lead_words)})$")
        # （A为牵头单位，B为配合单位）: a clause naming its bodies' role by a label's words.
        self.role_label = re.compile(f"(?:为|是)(?P<label>{rules.label_pattern})$")
        self.shared_body_word = re.compile(rules.shared_body_word)

    def mentions(self, text: str) -> list[BodyMention]:
        """Every body given work in text, once per role and sentence (or bracket)."""
        found: list[BodyMention] = []
        covered: list[tuple[int, int]] = []
        if (duty := self.duty_holder.match(text)) and not self.labels.match(text):
            # ……分公司、……分公司及有关成品油经营企业：the bodies among those named (企业 names none).
            listed = [(m.group(), m.start()) for m in re.finditer("[^、和及与]+", duty.group("names"))]
            names = [(n, at) for n, at in listed if self.is_body(n)] if self.is_body(listed[0][0]) else []
            role = Role.SUPPORT if self.assisting.match(text, duty.end()) else Role.LEAD
            found += [BodyMention(n, role, at, at + len(n), duty.group()) for n, at in names]
            if names:
                covered.append(duty.span())
        for match in self.bracket.finditer(text):
            inner_start = match.start("inner")
            if self.clause_label.search(match.group("inner")):
                found += self._labelled(match.group("inner"), inner_start, match.group())
                covered.append(match.span())
                continue
            found += self._role_clauses(match.group("inner"), inner_start, match.group())
            covered.append(match.span())
        for match in self.label_run.finditer(text):
            if _within(covered, match.start()):
                continue
            # 【责任单位】A → “ 责任单位：A”, as a bracket writes it, the same length (offsets hold).
            inner = re.sub("【(.+?)】", lambda m: " " + m.group(1) + "：", match.group("inner"))
            found += self._labelled(inner, match.start("inner"), match.group())
            covered.append(match.span())
        if (closing := _CLOSING_BRACKET.search(text)) and not _within(covered, closing.start()):
            # ……给予奖励。（各市政府、雄安新区管委会）: a bracket of bodies alone closing the text
            # names who does it.
            names = self.names(closing.group("inner"))
            if self.clause_label.search(closing.group("inner")):
                # （牵头领导：张三；责任单位：A）: the labels say who the bodies are.
                found += self._labelled(closing.group("inner"), closing.start("inner"), closing.group())
                covered.append(closing.span())
            elif names and all(self.is_body(name) for name, _ in names):
                found += self._partnered(
                    closing.group("inner"), closing.start("inner"), Role.LEAD, closing.group()
                )
                covered.append(closing.span())
        for match in self.sentence.finditer(text):
            if _within(covered, match.start()):
                continue
            role = self._role(match.group("role"))
            # 由相应道路、绿化、建筑小区的管养单位负责: the body is what the 的 qualifies.
            names_at = match.start("names") + match.group("names").rfind("的") + 1
            # 由省发展改革委会同省财政厅负责: those after 会同 work with the one before it.
            partnered_at = min(
                (
                    at
                    for w in self.rules.partner_words
                    if (at := text.find(w, names_at, match.end("names"))) >= 0
                ),
                default=match.end("names"),
            )
            found += [
                BodyMention(
                    name,
                    role if names_at + offset < partnered_at else Role.SUPPORT,
                    names_at + offset,
                    names_at + offset + len(name),
                    match.group(),
                )
                for name, offset in self.names(text[names_at : match.end("names")])
            ]
            covered.append(match.span())
        for match in self.agent.finditer(text):
            if _within(covered, match.start()):
                continue
            for group, role in (("name", Role.LEAD), ("partners", Role.SUPPORT)):
                names = match.group(group) or ""
                if (
                    group == "name"
                    and names.endswith("委")
                    and (office := _PARTY_OFFICE.match(text, match.end(group)))
                ):
                    names += office.group()  # 由省委宣传部统筹: the committee's department, not the committee
                for name, at in self.names(names):
                    start = match.start(group) + at
                    found.append(BodyMention(name, role, start, start + len(name), match.group()))
            covered.append(match.span())
        for match in self.shared_body_word.finditer(text):
            # 民政、政法……、农业农村等部门要加强……: as a clause's subject, each field's body acts;
            # ……要会同财政、发展改革等部门: each works with the subject, as support.
            partnered = text[: match.start()].endswith(tuple(self.rules.partner_words))
            if _within(covered, match.start()) or not (partnered or self._opens_clause(text, match)):
                continue
            if any(self.body_names.named_in_full(item) for item in match.group("items").split("、")):
                continue  # 省发展改革委、省科技厅等部门: bodies named in full, found as such
            role = Role.SUPPORT if partnered else Role.LEAD
            level, word, at = match.group("level") or "", match.group("word"), match.start("items")
            for item in match.group("items").split("、"):
                found.append(BodyMention(level + item + word, role, at, at + len(item), match.group()))
                at += len(item) + 1
            covered.append(match.span())
        for sentence in _SENTENCE.finditer(text):
            subjects = [
                subject
                for subject in clause_subjects(sentence.group(), self.subject_grammar)
                if not _within(covered, sentence.start() + subject.names[0][1])
            ]
            subject_roles = {
                sentence.start() + at: subject.role for subject in subjects for _, at in subject.names
            }
            named_subjects: list[tuple[int, int]] = []
            for subject in subjects:
                # 定级部门要…… / 评审单位主要负责……: a body the plan names as the one to act.
                for name, at in subject.names:
                    if not self.known.fullmatch(name):  # a known body is found below
                        start = sentence.start() + at
                        found.append(
                            BodyMention(name, subject.role, start, start + len(name), sentence.group())
                        )
                        named_subjects.append((start, start + len(name)))
            for match in self.known.finditer(sentence.group()):
                start = sentence.start() + match.start()
                # 市直各部门要……: 各部门 inside the subject's name is no body of its own.
                if _within(covered, start) or _within(named_subjects, start):
                    continue
                after = sentence.group()[match.end() :]
                role = subject_roles.get(start) or (
                    Role.LEAD if self.lead_after.match(after) else Role.SUPPORT
                )
                found.append(
                    BodyMention(match.group(), role, start, start + len(match.group()), sentence.group())
                )
        return _once_per_evidence([m for m in found if self.body_names.names_a_body(m.name)])

    def _opens_clause(self, text: str, match: re.Match[str]) -> bool:
        """Whether the match is a clause's subject: at its start, a subject's verb after it (要,
        负责), or any verb the lexical analysis reads there, after a comma too (教育、人社、农林等部门，
        加强……); not where a verb opens it."""
        before = text[: match.start()].rstrip()
        if (before and before[-1] not in "，。；：") or opens_with_verb(match.group()):
            return False  # 支持教育、医疗等单位开展……: the bodies are the verb's object
        after = text[match.end() : match.end() + 12].removeprefix("，")
        return after.startswith(tuple(self.rules.subject_verbs)) or opens_with_verb(after)

    def _role_clauses(self, inner: str, inner_start: int, evidence: str) -> list[BodyMention]:
        """（A牵头，B、C配合）: each clause's names take the role its last words give."""
        # What follows a full stop inside the bracket is a remark (以下均需地方负责，不再列出).
        clauses = self._clauses(inner.split("。")[0])
        # （A、B按职责分工负责，各市县政府负责）: where no one is named to lead (牵头), those
        # sharing the work by their duties answer jointly, each a lead.
        joint_lead = not any(word in inner for word in self.rules.lead_naming_words)
        in_bracket: list[BodyMention] = []
        waiting: list[BodyMention] = []  # （A、B，C按职责分工负责）: A and B take C's role word
        for clause in clauses:
            mentions, role = self._clause(clause.group(), inner_start + clause.start(), evidence, joint_lead)
            if role is None:
                waiting += [m for m in mentions if self.is_body(m.name)]
                continue
            in_bracket += [replace(m, role=role) for m in waiting] + mentions
            waiting = []
        if self.first_leads and in_bracket:
            # 列第一位者为牵头单位: the first body leads, whatever the role words say.
            return [replace(m, role=Role.LEAD if i == 0 else Role.SUPPORT) for i, m in enumerate(in_bracket)]
        return in_bracket

    def _labelled(self, inner: str, offset: int, evidence: str) -> list[BodyMention]:
        """（责任单位：A、B，C） / （牵头单位：A；配合单位：B、C）: each label gives its role to
        the names up to the next label."""
        inner = self.schedule_label.split(inner, maxsplit=1)[0]
        labels = list(self.labels.finditer(inner))
        mentions: list[BodyMention] = []
        # （牵头单位：A；责任单位：B、C）: where a label names the lead, the others support.
        named_lead = any("牵头" in label.group("label") for label in labels)
        for label, following in zip(labels, [*labels[1:], None], strict=True):
            role = self.rules.label_role(label.group("label"))
            if named_lead and "牵头" not in label.group("label"):
                role = Role.SUPPORT
            end = following.start() if following else len(inner)
            # What follows a full stop is a remark (以下均需各市政府落实，不再列出).
            part = inner[label.end() : end].split("。")[0].rstrip("；;，, ")
            if self._has_role_words(part):
                # （责任部门：A、B牵头，C、D按职责分工负责）: the role words inside decide.
                mentions += self._role_clauses(part, offset + label.end(), evidence)
                continue
            mentions += self._partnered(part, offset + label.end(), role, evidence)
        return self._first_leading(mentions)

    def listed(self, text: str, role: Role, evidence: str) -> list[BodyMention]:
        """The bodies a list gives one role (a division table's 牵头单位 cell): role words inside
        it decide where it has them (A牵头，B、C配合)."""
        if self._has_role_words(text):
            return self._role_clauses(text, 0, evidence)
        return self._first_leading(self._partnered(text, 0, role, evidence))

    def _has_role_words(self, names: str) -> bool:
        """Whether a clause of a list ends with words of its role (牵头, 配合, 按职责分工负责)."""
        return any(self.role_word.search(c.group().rstrip()) for c in self._clauses(names))

    def _first_leading(self, mentions: list[BodyMention]) -> list[BodyMention]:
        """Where the plan says the body listed first leads, a list of leads keeps only its first."""
        if self.first_leads and mentions and all(m.role is Role.LEAD for m in mentions):
            return [replace(m, role=Role.LEAD if i == 0 else Role.SUPPORT) for i, m in enumerate(mentions)]
        return mentions

    def _clauses(self, inner: str) -> list[re.Match[str]]:
        """The clauses of a bracket, a parenthesis inside one read whole (各市（含定州、辛集市，下同）政府)."""
        separators = self.rules.clause_separator[1:-1]
        return list(re.finditer(f"(?:[（(][^（）()]{{1,20}}[）)]|[^{separators}（(])+|[（(]", inner))

    def _joint(self, clause: str) -> bool:
        return any(clause.rstrip().endswith(word) for word in self.rules.joint_words)

    def _role(self, word: str) -> Role:
        return Role.SUPPORT if word in self.rules.support_words else Role.LEAD

    def _clause(
        self, clause: str, offset: int, evidence: str, joint_lead: bool = False
    ) -> tuple[list[BodyMention], Role | None]:
        """The names of one clause of a bracket and the role its last words give (None: it has
        no role word of its own); `joint_lead`: sharing the work by duties (按职责分工负责) leads."""
        stripped = clause.rstrip()
        role_match: re.Match[str] | None
        role: Role | None = None
        if role_match := self.role_word.search(stripped):
            role = self._role(role_match.group())
        elif role_match := self.role_label.search(stripped):
            role = self.rules.label_role(role_match.group("label"))
        if role is not None and joint_lead and self._joint(stripped):
            role = Role.LEAD
        names = stripped[: role_match.start()] if role_match else stripped
        # （由A、B负责落实）: 由 introduces the bodies.
        opening = len(names) - len(names.lstrip().removeprefix("由"))
        return self._partnered(names[opening:], offset + opening, role or Role.LEAD, evidence), role

    def _partnered(self, names: str, offset: int, role: Role, evidence: str) -> list[BodyMention]:
        """The names of a list, in role; those after 会同 work with the ones before it, and support
        (省工业和信息化厅、省科技厅会同省体育局、省教育厅)."""
        mentions = []
        # 省委组织部（牵头）、省人力资源社会保障厅: the body marked 牵头 leads, the others support.
        marked = [m.start() for m in _MARKED_LEAD.finditer(names)]
        for clause in self._clauses(names):
            text, start = clause.group(), clause.start()
            partner = next((w for w in self.rules.partner_words if w in text), None)
            cut = text.index(partner) if partner else len(text)
            for name, at in self.names(text):
                in_role = Role.SUPPORT if at >= cut else role
                if marked:
                    in_role = Role.LEAD if start + at + len(name) in marked else Role.SUPPORT
                at += offset + start
                mentions.append(BodyMention(name, in_role, at, at + len(name), evidence))
        return mentions


#: A party committee's department, written after the committee's name (省委 + 宣传部).
_PARTY_OFFICE = re.compile("宣传部|组织部|统战部|政法委|网信办|编办|办公室|外办|台办|政研室|财经委|农办")

#: What follows a label before the names it gives a role: 责任单位：A, or in a sentence 责任单位为A
#: (not 以……为主, 是否).
_LABEL_MARK = "(?:[：:]|为(?![主准])|是(?!否))"


def _last_literal(pattern: str) -> str:
    """The last Chinese character a pattern spells out before any lookahead (各地(?=要) → 地)."""
    literal = re.findall("[\u4e00-\u9fff]", pattern.split("(?=")[0])
    return literal[-1] if literal else ""


def _within(spans: list[tuple[int, int]], position: int) -> bool:
    """Whether a position falls in a span already read (a bracket, a 由……负责 sentence)."""
    return any(start <= position < end for start, end in spans)


def _once_per_evidence(mentions: list[BodyMention]) -> list[BodyMention]:
    seen: set[tuple[str, Role, str]] = set()
    unique = []
    for mention in sorted(mentions, key=lambda m: m.start):
        key = (mention.name, mention.role, mention.evidence)
        if key not in seen:
            seen.add(key)
            unique.append(mention)
    return unique
