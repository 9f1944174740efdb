"""From errors to GraphQL errors with an `extensions.code`, and the masking of the rest.

Resolvers raise `EntityNotFound`, `InvalidQuery`, `QueryTimeout` or `BackendUnavailable` as
they happen; `ErrorCodes` gives each its code, and codes the errors about the query itself
(too deep, too many aliases or tokens, syntax, validation). Any other exception is logged
with the request id and answered as “Internal error.” with that id, never with its details.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from contextvars import ContextVar
from typing import Any

from graphql import GraphQLError
from strawberry.extensions import MaskErrors, SchemaExtension

from graph.errors import BackendUnavailable, EntityNotFound, InvalidQuery, PlanGraphError, QueryTimeout
from schema.auth import Forbidden, Unauthenticated

__all__ = ["ERROR_CODES", "REQUEST_ID", "ErrorCodes", "FieldBudget", "MaskInternalErrors", "query_error_code"]

log = logging.getLogger("plangraph.api")

#: The id of the request being answered; set by the API's middleware.
REQUEST_ID: ContextVar[str] = ContextVar("plangraph_request_id", default="-")

ERROR_CODES: dict[type[PlanGraphError], str] = {
    EntityNotFound: "NOT_FOUND",
    InvalidQuery: "BAD_USER_INPUT",
    QueryTimeout: "TIMEOUT",
    BackendUnavailable: "BACKEND_UNAVAILABLE",
    Unauthenticated: "UNAUTHENTICATED",
    Forbidden: "FORBIDDEN",
}

#: Errors about the query document itself, recognised by graphql-core's and strawberry's words.
QUERY_ERROR_CODES: list[tuple[re.Pattern[str], str]] = [
    (re.compile("exceeds maximum operation depth"), "QUERY_TOO_DEEP"),
    (re.compile("aliases", re.IGNORECASE), "LIMIT_EXCEEDED"),
    (re.compile("tokens", re.IGNORECASE), "LIMIT_EXCEEDED"),
    (re.compile("^Syntax Error"), "GRAPHQL_PARSE_FAILED"),
    (re.compile("^Too many validation errors"), "GRAPHQL_VALIDATION_FAILED"),
]


def query_error_code(message: str) -> str:
    """The code of an error about the query document, from its message."""
    for pattern, code in QUERY_ERROR_CODES:
        if pattern.search(message):
            return code
    return "GRAPHQL_VALIDATION_FAILED"


def _code(error: GraphQLError) -> str | None:
    original = error.original_error
    if original is None:
        return query_error_code(error.message)
    for error_type, code in ERROR_CODES.items():
        if isinstance(original, error_type):
            return code
    return None


def _with_code(error: GraphQLError) -> GraphQLError:
    if "code" in (error.extensions or {}):
        return error
    code = _code(error)
    if code is None:
        return error
    original = error.original_error
    return GraphQLError(
        str(original) if original else error.message,
        nodes=error.nodes,
        source=error.source,
        positions=error.positions,
        path=error.path,
        original_error=original,
        extensions={**(error.extensions or {}), "code": code},
    )


def is_internal(error: GraphQLError) -> bool:
    """Errors that carry no code: neither the query's fault nor one of plangraph's own."""
    return "code" not in (error.extensions or {})


class ErrorCodes(SchemaExtension):
    """List it after `MaskInternalErrors`: extensions leave an operation in reverse order, so
    codes are set before masking decides what to hide."""

    def on_operation(self) -> Iterator[None]:
        yield
        result = self.execution_context.result
        if result is not None and getattr(result, "errors", None):
            result.errors = [_with_code(e) for e in result.errors]
            for error in result.errors:
                if is_internal(error):
                    log.error(
                        "request %s: internal error at %s",
                        REQUEST_ID.get(),
                        error.path,
                        exc_info=error.original_error,
                    )

    def get_results(self) -> dict[str, Any]:
        context = self.execution_context.context
        truncated = getattr(context, "truncated", None)
        return {"truncated": truncated} if truncated else {}


class MaskInternalErrors(MaskErrors):
    """strawberry's MaskErrors, answering with a code and the request id to quote."""

    def __init__(self) -> None:
        super().__init__(should_mask_error=is_internal, error_message="Internal error.")

    def anonymise_error(self, error: GraphQLError) -> GraphQLError:
        masked = super().anonymise_error(error)
        masked.extensions = {"code": "INTERNAL_SERVER_ERROR", "requestId": REQUEST_ID.get()}
        return masked


class FieldBudget(SchemaExtension):
    """Stops a request that resolves more fields than `limit`: depth and alias limits alone
    let fragments with aliases multiply the work exponentially."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.resolved = 0

    def resolve(self, _next: Any, root: Any, info: Any, *args: Any, **kwargs: Any) -> Any:
        self.resolved += 1
        if self.resolved > self.limit:
            raise GraphQLError(
                f"The query resolves more than {self.limit} fields.", extensions={"code": "LIMIT_EXCEEDED"}
            )
        return _next(root, info, *args, **kwargs)
