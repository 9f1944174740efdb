"""A heading that runs on into its text with no stop between them, as a crawl that lost its line
breaks or a PDF's extraction leaves it: 1.编制完成专项规划要按照全区……, 二、主要目标坚持抓源头……,
（八）储能之都--打造……储能基地加快突破…….

The title ends where the text's first sentence begins, and that is told by the words that open
a sentence but stand in no title after a noun: a subject (各有关单位要, 区财政部门要, 我区), a
modal (要按照), a time (到2025年, 在2015年年底前), a verb a body's work opens with (坚持, 依托,
立足), or the verb a title of one clause opens with, said again (加强……工作加强对水源地的安全
管理). Only a heading whose first sentence is longer than any title is looked at, and the title
found must be one: a few words, ending in a noun (or a two-word heading such as 总体要求, 组织保障)."""

from __future__ import annotations

import re

from loaders.lexical import NOMINAL, Token, analyse

__all__ = ["run_in_title_end"]

#: A first sentence at least this long may hold a title and its text run together.
_LONGER_THAN_A_TITLE = 30
#: The shortest and the longest title a run-in heading may have.
_SHORTEST, _LONGEST = 4, 30
#: Verbs and prepositions that open a body's work, seldom standing after a noun inside a title.
_OPENING_VERBS = frozenset({"坚持", "依托", "立足", "围绕", "聚焦", "按照", "根据", "依据", "将", "把"})
#: Words that open a sentence as its subject: 我区, 本市 (各 opens one when a modal follows it).
_OPENING_PRONOUNS = frozenset({"我", "本"})
_MODALS = frozenset({"要", "应", "应当", "须", "必须"})
#: A year's digits (2015年年底, 到2025年).
_YEAR = re.compile(r"(?:19|20)\d{2}")
_FUNCTION_TAGS = frozenset({"p", "u", "c", "w", "r", "d", "m", "q", "f", "xc"})


def run_in_title_end(sentence: str, subjects: tuple[str, ...] = ()) -> int | None:
    """Where the title of a heading whose first sentence is `sentence` ends, if its text runs on
    from it with no stop between; None if the sentence is the title, as headings are. `subjects`
    end the names of bodies (部门, 局), one of which may open the text as its subject."""
    head = sentence[: _LONGEST + 8]
    if len(sentence) <= _LONGER_THAN_A_TITLE or not _may_run_on(head):
        return None
    tokens = analyse(head)
    subject = _subject_before_a_modal(tokens, subjects)
    for position, token in enumerate(tokens):
        if position and position == subject and _is_a_title(tokens[:position]):
            return token.start
        if token.start < _SHORTEST:
            continue
        if token.start > _LONGEST:
            break
        before = tokens[position - 1]
        if before.end != token.start or before.tag == "w" or sentence[token.start - 1] in "，、；：,":
            continue
        if _opens_a_sentence(token, tokens[position + 1 :], tokens[:position], subjects) and _is_a_title(
            tokens[:position]
        ):
            return token.start
    return None


#: The words one of which a title run on into its text is followed by (the cheap test before the
#: lexical analysis): a modal, a subject's first word, an opening verb, a year's digits.
_CUES = (*_MODALS, "各", *_OPENING_PRONOUNS, *_OPENING_VERBS)


def _may_run_on(head: str) -> bool:
    """Whether the words a run-in title is told by may stand in `head` at all: a cue, a year, or
    the title's first words said again (加强……工作加强……, 加快推进……工程推进……)."""
    return (
        any(cue in head for cue in _CUES)
        or _YEAR.search(head) is not None
        or any(head[i : i + 2] in head[4:] for i in (0, 2))
    )


def _subject_before_a_modal(tokens: tuple[Token, ...], subjects: tuple[str, ...]) -> int | None:
    """Where a body named as the subject of a modal starts (资金保障|区财政部门要……, 加强组织领导|
    各级人民政府要……): the nouns before the first 要 or 应, ending as a body's name does."""
    modal = next((i for i, t in enumerate(tokens) if t.word in _MODALS), 0)
    if not subjects or modal == 0 or not tokens[modal - 1].word.endswith(subjects):
        return None
    start = modal
    while start > 0 and tokens[start - 1].tag in ("n", "nz", "ORG", "LOC"):
        start -= 1
    if start > 0 and tokens[start - 1].tag == "r" and tokens[start - 1].word.startswith("各"):
        start -= 1  # 各级人民政府要
    return start if start < modal else None


def _opens_a_sentence(
    token: Token, following: tuple[Token, ...], title: tuple[Token, ...], subjects: tuple[str, ...]
) -> bool:
    """Whether the words from `token` on open a sentence after the title: a subject (各有关单位要,
    我区), a modal (要按照), a time (到2025年, 在2015年年底前), a verb a body's work opens with, or
    the title's own verb said again after a title of one clause."""
    after = following[0] if following else None
    return (
        (token.word == "各" and any(t.word in _MODALS for t in following[:4]))
        or (token.word in _OPENING_PRONOUNS and after is not None and after.word[0] in "区市省县")
        or (token.word in _MODALS and _states_work(title) and not title[-1].word.endswith(subjects))
        or _is_a_year(token)
        or (token.tag == "p" and after is not None and _is_a_year(after))
        or token.word in _OPENING_VERBS
        or (token.tag == "v" and token.word in _opening_verbs(title) and not any(t.tag == "w" for t in title))
    )


def _opening_verbs(title: tuple[Token, ...]) -> set[str]:
    """The verbs a title opens with: 加快推进……工程 → 加快, 推进."""
    verbs: set[str] = set()
    for token in title:
        if token.tag != "v":
            break
        verbs.add(token.word)
    return verbs


def _states_work(title: tuple[Token, ...]) -> bool:
    """A title before a modal is a piece of work (编制完成专项规划|要按照……), not the subject the
    modal's sentence opens with (各地|要, 所有确诊病例|应当, 治愈出院的确诊病例|应当): its last
    clause has a verb, and neither a determiner before nor a 的 inside."""
    clause = title[max((i + 1 for i, t in enumerate(title) if t.word in "，；：,;"), default=0) :]
    return (
        bool(clause)
        and clause[0].tag != "r"
        and any(t.tag == "v" for t in clause)
        and not any(t.word == "的" for t in clause)
    )


def _is_a_year(token: Token) -> bool:
    """到2025年, 2015年年底: a year, not a length of time (14天, 满1年)."""
    return token.tag == "TIME" and _YEAR.search(token.word) is not None


def _is_a_title(title: tuple[Token, ...]) -> bool:
    """A few words ending in a noun (编制完成专项规划), a noun and a verb (总体要求, 组织保障), or a
    verb and its object (加强组织领导)."""
    last = title[-1]
    if last.tag in _FUNCTION_TAGS or title[0].tag == "r":
        return False  # 各级法院和……: a subject, not a title
    two_words = len(title) == 2 and len(title[0].word) + len(last.word) == 4
    # 加强组织领导: a verb and an object the tagger reads as verbs too.
    verb_and_object = len(title) >= 3 and title[0].tag == "v" and last.tag == "v"
    return last.tag in NOMINAL or two_words or verb_and_object
