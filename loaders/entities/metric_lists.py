"""A target written for several metrics at once, split into one per metric: a list with 分别
(X、Y和Z分别占比达30%、20%和10%) or with 各 or 均 (国家、行业标准各1000项), each item given the
words the list shares (城市和农村居民……知晓率 → 城市居民……知晓率, 农村居民……知晓率)."""

from __future__ import annotations

import re
from itertools import pairwise

from loaders.lexical import analyse
from loaders.profile import Indicators

__all__ = ["respective_metrics", "shared_metrics"]

#: The longest item of a shared list that is only a kind (国家、行业标准各1000项).
_SHORT_ITEM = 3


def respective_metrics(metric: str, rules: Indicators) -> list[str]:
    """X、Y和Z分别占比达 → [X, Y, Z]: the metrics of a list with 分别 written inside it.

    >>> from loaders.profile import load_profile
    >>> respective_metrics("单位GDP能耗和二氧化碳排放分别", load_profile().indicators)
    ['单位GDP能耗', '二氧化碳排放']
    """
    for word in rules.respective_words:
        head, found, _ = metric.partition(word)
        if found and head:
            items = _list_items(head)
            return _with_shared_qualifier(items) if len(items) > 1 else []
    return []


#: The words joining the items of a list (普及率's 及 is none: the lexical analysis tells).
_JOINING = frozenset({"、", "和", "及", "以及", "与"})


def _list_items(phrase: str) -> list[str]:
    """X、Y和Z → [X, Y, Z]: the items between the joining words the lexical analysis reads as such."""
    items, start = [], 0
    for token in analyse(phrase):
        if token.word in _JOINING and token.tag in ("c", "w"):
            items.append(phrase[start : token.start])
            start = token.end
    return [item for item in [*items, phrase[start:]] if item]


def _with_shared_qualifier(items: list[str]) -> list[str]:
    """公共机构单位建筑面积综合能耗和单位建筑面积碳排放分别 → the second is 公共机构单位建筑面积碳排放: a later
    item that opens with words the first has after a qualifier of its own shares that qualifier.
    A first item that is no whole metric shares what the last has after its own part (`_tail`)."""
    first, last = items[0], items[-1]
    shared = []
    for item in items[1:]:
        at = first.find(item[:_SHORT_ITEM]) if len(item) > _SHORT_ITEM else -1
        shared.append(first[:at] + item if at > 0 and not item.startswith(first[:at]) else item)
    return [first + _tail(first, last), *shared]


def _tail(first: str, last: str) -> str:
    """What the first item of a list shares of the last, as the lexical analysis reads them:
    after the word both end their own part with (重点人群以及易感染……人群防治知识知晓率 → 防治知识
    知晓率); from the verb of a clause qualifying the measure (国家融资担保基金和银行业金融机构承担的
    风险责任比例 → 承担的风险责任比例); after the last's first word, for a first of one word (城镇和
    农村居民人均可支配收入 → 居民人均可支配收入). Nothing where the first is whole (单位GDP能耗和二氧化碳排放)."""
    if len(last) <= len(first) + 1 or first[-1] == last[-1]:
        return ""
    own, tokens = analyse(first), analyse(last)
    if not own or not tokens:
        return ""
    if len(own[-1].word) > 1 and (at := last.find(own[-1].word, 1)) > 0:
        return last[at + len(own[-1].word) :]
    qualifying = next((t for t, after in pairwise(tokens[1:]) if t.tag == "v" and after.word == "的"), None)
    if qualifying is not None:
        return last[qualifying.start :]
    if len(own) == 1 and tokens[0].tag in ("n", "s", "LOC", "f", "nz") and tokens[0].end < len(last):
        return last[tokens[0].end :]
    return ""


def shared_metrics(metric: str, rules: Indicators) -> list[str]:
    """A target written for several metrics at once — 国家、行业标准各1000项, 马铃薯种植、收获机械
    化率均45% — is one target per metric: the words the list shares on either side are given
    to each item (国家标准, 行业标准; 马铃薯种植机械化率, 马铃薯收获机械化率), unless the items
    end alike and are more than a kind's word, being whole metrics each."""
    words = tuple(rules.shared_words + rules.respective_words)
    if not metric.endswith(words):
        return [metric]
    word = next(w for w in words if metric.endswith(w))
    listed = metric[: -len(word)]
    if "、" not in listed:
        # 城市和农村分别, 城市和农村居民防治知识知晓率均: 和 joins the items of a list of two.
        joined = _list_items(listed)
        return _with_shared_qualifier(joined) if len(joined) > 1 else [listed]
    items = [i for i in re.split("[、]", listed) if i]
    if len(items) < 2:
        return [listed]
    first, last = items[0], items[-1]
    if len(first) > _SHORT_ITEM and first[-1] == last[-1]:
        # 关键工序数控化率、数字化研发设计工具普及率分别: each item is a whole metric already.
        return items
    first_words, last_words = _segment(first), _segment(last)
    head = "".join(first_words[:-1]) if len(first_words) > 1 else ""
    tail = "".join(last_words[1:]) if len(last_words) > 1 else ""
    if not tail and len(first) < len(last):
        tail = last[len(first) :]  # 国家、行业标准: 行业标准 is one word to jieba
    expanded = [first + tail] + [head + item + tail for item in items[1:-1]] + [head + last]
    return [e for e in expanded if e]


def _segment(phrase: str) -> list[str]:
    """Words of a short phrase (jieba), for telling the shared part of a list from each item."""
    import jieba

    return [w for w in jieba.lcut(phrase) if w.strip()]
