"""Seeded random mutations of real plan texts, for the fuzz test: a window of a corpus text or
the shipped plan, then cut, doubled, characters swapped, numbers and units spliced in, brackets
and numbering marks thrown in. Each case is reproducible from its seed."""

from __future__ import annotations

import random
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [ROOT / "data" / "plans", ROOT / "tests" / "corpus"]
#: Pieces that stress the readers of numbers, brackets, headings and bodies.
SPLICES = [
    "超百亿元",
    "突破2亿",
    "达到22%",
    "200项以上",
    "稳定在98%以上",
    "5年内",
    "三年内",
    "年均增长6%以上",
    "分别降低13.5%、18%",
    "X、Y和Z分别占比达30%、20%和10%",
    "（省商务厅牵头，省发展改革委、省财政厅配合）",
    "〔工业和信息化部、市场监管总局(国家标准委)牵头,各有关部门按职责分工负责。以下均需地方负责,不再列出〕",
    "（牵头单位：市发展改革委；责任单位：市财政局）",
    "一、",
    "（一）",
    "1．",
    "1﹒",
    "⑴",
    "①",
    "第一章 ",
    "第一节 ",
    "附件：重点任务分工",
    "到2025年，",
    "“十四五”期末",
    "2—3个",
    "一百亿",
    "百",
    "亿",
    "万亿",
    "%",
    "。",
    "；",
    "（",
    "）",
    "〔",
    "《",
    "》",
    "\n",
    "\n\n",
    "——",
    "专栏一 ",
    "某某工作推进小组",
    "省总工会",
    "企业",
]


@cache
def corpus_texts() -> tuple[str, ...]:
    from loaders.reading.formats import read_plan_text

    texts = []
    for folder in SOURCES:
        for path in sorted(folder.iterdir()):
            if path.suffix in (".txt", ".html", ".docx", ".pdf"):
                texts.append(read_plan_text(path.read_bytes(), str(path)).text)
    return tuple(texts)


def mutated_text(seed: int) -> str:
    """One case: a window of a real plan, mutated a few times."""
    rng = random.Random(seed)
    text = rng.choice(corpus_texts())
    size = rng.choice([200, 1_000, 4_000, 12_000])
    start = rng.randrange(max(1, len(text) - size))
    # Keep the head now and then, so that notices and titles are mutated too.
    text = text[:size] if rng.random() < 0.3 else text[start : start + size]
    for _ in range(rng.randint(1, 8)):
        text = _mutate(text, rng)
    return text


def _mutate(text: str, rng: random.Random) -> str:
    if not text:
        return rng.choice(SPLICES)
    at = rng.randrange(len(text))
    other = rng.randrange(len(text))
    operation = rng.randrange(6)
    if operation == 0:  # cut a piece out
        return text[:at] + text[at + rng.randint(1, 200) :]
    if operation == 1:  # double a piece
        piece = text[at : at + rng.randint(1, 400)]
        return text[:at] + piece + piece + text[at:]
    if operation == 2:  # swap two characters
        chars = list(text)
        chars[at], chars[other] = chars[other], chars[at]
        return "".join(chars)
    if operation == 3:  # splice in a number, unit, bracket or heading
        return text[:at] + rng.choice(SPLICES) + text[at:]
    if operation == 4:  # a random character, any plane
        return text[:at] + chr(rng.choice([rng.randrange(0x20, 0x7F), rng.randrange(0x4E00, 0x9FFF),
                                             rng.randrange(0x3000, 0x3040), rng.randrange(0xFF00, 0xFF60)])) + text[at:]  # fmt: skip
    return text[at:] + text[:at]  # rotate: the middle first
