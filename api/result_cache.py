"""Answers to repeated questions, kept while nothing they were read from has changed.

A planning office asks the same few questions again and again (a dashboard's impact of a task, a
department's responsibilities). An answer is kept under the request's exact body, its Accept
header, whose key asked, and the version of what it was read from: on the memory store the
generations of the graph and of the curation log (changed only through this process, another
worker's changes caught up from the log first); on a database store the count of plangraph's
writes the database keeps (`GraphStore.version`, one short statement), whichever process wrote.
Any change leaves every kept answer behind. Only queries are kept — never a mutation — and only
answers without errors.
"""

from __future__ import annotations

import functools
import hashlib
from collections import OrderedDict
from threading import Lock

import orjson
from graphql import GraphQLError, OperationType, get_operation_ast, parse
from graphql.language import DocumentNode

__all__ = ["Key", "ResultCache", "body_digest", "is_query"]

Key = tuple[object, ...]


@functools.lru_cache(maxsize=1000)
def _document(query: str) -> DocumentNode | None:
    try:
        return parse(query)
    except GraphQLError:
        return None


def is_query(body: bytes) -> bool:
    """Whether a request body (GraphQL over HTTP, JSON) asks one query: not a mutation, not a
    subscription, not a batch, and a document that parses."""
    try:
        request = orjson.loads(body)
    except orjson.JSONDecodeError:
        return False
    if not isinstance(request, dict) or not isinstance(request.get("query"), str):
        return False
    document = _document(request["query"])
    name = request.get("operationName")
    operation = get_operation_ast(document, name if isinstance(name, str) else None) if document else None
    return operation is not None and operation.operation is OperationType.QUERY


def body_digest(body: bytes) -> bytes:
    """What a key holds of a request's body: a digest, so that kept keys stay small whatever
    the bodies (up to the body limit) they stand for."""
    return hashlib.blake2b(body, digest_size=32).digest()


class ResultCache:
    """At most `size` answers of at most `max_bytes` each and `max_total_bytes` in all, the
    least recently asked dropped first: memory bounded whatever clients ask."""

    def __init__(self, size: int = 1000, max_bytes: int = 256_000, max_total_bytes: int = 64_000_000) -> None:
        self.size = size
        self.max_bytes = max_bytes
        self.max_total_bytes = max_total_bytes
        self._answers: OrderedDict[Key, bytes] = OrderedDict()
        self._total = 0
        self._lock = Lock()

    def get(self, key: Key) -> bytes | None:
        with self._lock:
            answer = self._answers.get(key)
            if answer is not None:
                self._answers.move_to_end(key)
            return answer

    def put(self, key: Key, answer: bytes) -> None:
        if len(answer) > self.max_bytes or b'"errors"' in answer:
            return
        with self._lock:
            self._total += len(answer) - len(self._answers.get(key, b""))
            self._answers[key] = answer
            self._answers.move_to_end(key)
            while len(self._answers) > self.size or self._total > self.max_total_bytes:
                _, dropped = self._answers.popitem(last=False)
                self._total -= len(dropped)
