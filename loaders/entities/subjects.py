"""The bodies a clause names as the one that acts: its subject.

Plans give work by making a body the subject of a clause, at a sentence's start or after a
comma, as often as by brackets:

- 北京市大数据工作推进小组负责总体指导，北京市大数据工作推进小组办公室负责组织推进相关决策落实
- 北京市经济和信息化局统筹制定……指标体系
- 省科技厅会同省财政厅设立专项资金
- 运营单位应结合数据专区特色……

A clause's subject is the shortest run of body names (known to the registry or the profile,
or ending as a body's name does: 局, 单位, 小组 …) joined by 、/和, right at the clause's start,
that a verb follows. The grammar decides, by LAC's parts of speech, so that 支持行业协会开展……
(a verb before the name: the association is the object) and 对……的运营单位， (no verb after the
name) give no subject. A subject that 配合/参与/协助 leads supports; any other acts as a lead.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from graph.model import Role
from loaders.lexical import analyse

__all__ = ["ClauseSubject", "SubjectGrammar", "clause_subjects"]

#: The most characters a run of names can take (a city's departments listed two dozen at once, as
#: 沈阳市城镇房屋安全管理三项制度工作方案 lists them).
_LONGEST_RUN = 160
#: How many characters after a run of names are read to find the verb that follows it.
_WORDS_AFTER = 8
#: Where a clause starts inside a sentence, past a request's 请 (请市发展改革委牵头，……).
_CLAUSE_START = re.compile(r"(?:^|(?<=[，,：:；;]))\s*(?:请(?=[\u4e00-\u9fff]{2}))?")
#: LAC's tags of the word after a subject that make it one: a verb (要, 负责, 统筹, 会同, 可), or
#: an adverb before one (积极推进, 要).
_VERB_TAGS = frozenset({"v", "vd"})
_ADVERB_TAGS = frozenset({"d", "ad"})
#: Tags that may open a body's name (nouns, places, organisations, 各/相关 and the like): a
#: verb there makes the body an object (支持行业协会……, 鼓励企业……).
_NAME_OPENING_TAGS = frozenset(
    {"n", "nz", "ORG", "LOC", "ns", "nt", "r", "a", "an", "vn", "s", "f", "m", "j"}
)

#: Modal verbs that may stand between a subject and the verb after it (longest first).
_MODALS = ("应当", "要", "应", "将", "须")

#: Punctuation a run of names holds: 、 between them, a parenthesis inside one.
_IN_A_NAME = frozenset({"、", "（", "）"})
#: Tags that no body's name holds: prepositions and particles.
_NOT_IN_A_NAME = frozenset({"p", "u"})


@dataclass(frozen=True, slots=True)
class ClauseSubject:
    #: The names of the subject, with their offsets in the sentence.
    names: tuple[tuple[str, int], ...]
    role: Role


@dataclass(frozen=True, slots=True)
class SubjectGrammar:
    """What a clause's subject is made of, from the genre's profile."""

    #: Matches the whole of a run of body names.
    run_of_names: re.Pattern[str]
    #: Splits a run into names with their offsets.
    split_names: Callable[[str], list[tuple[str, int]]]
    #: Verbs that follow a subject whatever LAC reads (会同, which it may take for the county of
    #: that name).
    subject_verbs: tuple[str, ...]
    #: Verbs that make a subject support (配合, 参与).
    support_verbs: tuple[str, ...]
    #: Verbs that bring in the bodies that work with the subject: 省科技厅会同省财政厅、省教育厅制定……
    #: — those after 会同 support.
    partner_verbs: tuple[str, ...]
    #: What may close a run of names before its verb: 等部门, 等单位, 等 (longest first).
    run_closers: tuple[str, ...]
    #: What a subject answers for, standing between it and its verb (对资金使用绩效负责).
    answers_for: re.Pattern[str]
    #: The characters a run of names can end with (局, 厅, 府, ）…): only there is a run tried.
    final_chars: frozenset[str]


def clause_subjects(sentence: str, grammar: SubjectGrammar) -> list[ClauseSubject]:
    """Every clause of sentence whose subject is a run of bodies, and the partners a subject
    brings in with 会同 (省科技厅会同省财政厅设立……: 省科技厅 leads, 省财政厅 supports)."""
    found: list[ClauseSubject] = []
    led = False  # a subject before leads (牵头)
    for clause in _CLAUSE_START.finditer(sentence):
        opening = _partner_verb_at(sentence, clause.end(), grammar)
        if opening and found:
            # 市发展改革委牵头，会同市财政局制定……: the clause's subject is the one before; those
            # 会同 brings in work with it.
            partners = _run_before_a_verb(sentence, clause.end() + len(opening), grammar, opening=False)
            if partners:
                found.append(ClauseSubject(partners[0], Role.SUPPORT))
            continue
        subject = _run_before_a_verb(sentence, clause.end(), grammar, opening=True)
        if subject is None:
            continue
        names, end = subject
        role = Role.SUPPORT if sentence.startswith(grammar.support_verbs, end) else Role.LEAD
        # 省发展改革委牵头，省财政厅、省教育厅按职责分工负责: after a lead, those doing their part support.
        names_end = max(at + len(name) for name, at in names)
        if led and _BY_DUTIES.search(sentence, names_end, end):
            role = Role.SUPPORT
        led = led or sentence.startswith(_LEADS, end)
        found.append(ClauseSubject(names, role))
        # 市教育局要会同市人社局制定……: a modal may stand before 会同.
        at = end + next((len(m) for m in _MODALS if sentence.startswith(m, end)), 0)
        partner = _partner_verb_at(sentence, at, grammar)
        partners = partner and _run_before_a_verb(sentence, at + len(partner), grammar, opening=False)
        if partners:
            found.append(ClauseSubject(partners[0], Role.SUPPORT))
    return found


def _partner_verb_at(sentence: str, at: int, grammar: SubjectGrammar) -> str | None:
    """The verb at `at` that brings in partners (会同), if one stands there."""
    return next((verb for verb in grammar.partner_verbs if sentence.startswith(verb, at)), None)


def _run_before_a_verb(
    sentence: str, start: int, grammar: SubjectGrammar, opening: bool
) -> tuple[tuple[tuple[str, int], ...], int] | None:
    """The names of the shortest run of bodies at start that a verb follows, and where its verb
    starts (市科技局会同市财政局设立: 市科技局; 某某小组办公室负责: the whole, since 办公室 is no verb).
    `opening`: the run opens a clause, so a verb there makes it no subject (支持行业协会……)."""
    ends = [
        end
        for end in range(start + 2, min(len(sentence), start + _LONGEST_RUN) + 1)
        if sentence[end - 1] in grammar.final_chars and grammar.run_of_names.fullmatch(sentence, start, end)
    ]
    if not ends:
        return None
    # The words of the run and a few after it are all that decide: only they are analysed, the
    # offsets counted from start.
    tokens = analyse(sentence[start : ends[-1] + _WORDS_AFTER])
    if opening and not (tokens and tokens[0].tag in _NAME_OPENING_TAGS):
        return None
    for end in ends:
        # 省教育厅、……、省农业厅等部门建立……: the run closed by 等 and a collective word.
        closer = next((len(c) for c in grammar.run_closers if sentence.startswith(c, end)), 0)
        # 省委宣传部、省广电局按照职责分工做好……: a phrase of their duties before the verb.
        duties = _BY_DUTIES.match(sentence, end + closer)
        closer += duties.end() - duties.start() if duties else 0
        verb = (
            sentence.startswith(grammar.subject_verbs, end + closer)
            or _verb_follows(tokens, end + closer - start)
            or (closer and _acts_after_a_phrase(sentence, end + closer, grammar))
            or grammar.answers_for.match(sentence, end + closer)
        )
        if verb and _only_names(tokens, end - start):
            names = tuple((name, start + at) for name, at in grammar.split_names(sentence[start:end]))
            # The verb's place, after 等 or 等部门 (省科技厅、省商务厅等配合: they support).
            return (names, end + closer) if names else None
    return None


#: The verb of a subject that leads the work others do their part in.
_LEADS = "牵头"
#: A phrase of the bodies' duties between a subject and its verb: 按照职责分工, 根据各自职责.
_BY_DUTIES = re.compile("(?:按照|按|根据|依据|依照)(?:各自|相关)?(?:职责分工|职能分工|职责|职能)，?")
#: Words opening the phrase a closed run may take before its verb (……等其他行业部门根据……要求，负责……).
_PHRASE_OPENERS = ("根据", "按照", "依据", "依照", "结合")


def _acts_after_a_phrase(sentence: str, position: int, grammar: SubjectGrammar) -> bool:
    """A run closed by 等……部门 that a phrase of 根据/按照 follows, and then, after a comma, a subject's
    verb (负责, 要): the run is the clause's subject."""
    if not sentence.startswith(_PHRASE_OPENERS, position):
        return False
    rest = sentence[position:]
    after = [m.end() for m in re.finditer("[，,]", rest)]
    return any(rest.startswith(grammar.subject_verbs, at) for at in after)


def _only_names(tokens, end: int) -> bool:  # type: ignore[no-untyped-def]
    """Whether the words up to end hold names only: no preposition or particle (具体工作由省农业厅, 对……的
    单位) and no punctuation but the 、 between names and a parenthesis inside one (各省（区、市）人民政府)."""
    return not any(
        t.start < end and (t.tag in _NOT_IN_A_NAME or (t.tag == "w" and t.word not in _IN_A_NAME))
        for t in tokens
    )


def _verb_follows(tokens, position: int) -> bool:  # type: ignore[no-untyped-def]
    """Whether a verb (or an adverb and a verb) is the word that starts at position. A name whose
    end falls inside one of LAC's words (所有普通高中实现办|学) is no name; where LAC reads a name
    and the verb after it as one word (市科技局会同市财政局/ORG), the profile's subject verbs decide."""
    following = [t for t in tokens if t.start >= position]
    if not following or following[0].start != position:
        return False
    first = following[0]
    if first.tag in _VERB_TAGS:
        return True
    return first.tag in _ADVERB_TAGS and len(following) > 1 and following[1].tag in _VERB_TAGS
