"""From plangraph's own exceptions to GraphQL errors with an `extensions.code`.

Resolvers raise `EntityNotFound`, `InvalidQuery` or `BackendUnavailable` as they happen;
this extension gives each its code. Everything else is masked by `MaskErrors`.
"""

from __future__ import annotations

from collections.abc import Iterator

from graphql import GraphQLError
from strawberry.extensions import SchemaExtension

from graph.errors import BackendUnavailable, EntityNotFound, InvalidQuery, PlanGraphError

__all__ = ["ERROR_CODES", "ErrorCodes", "is_internal"]

ERROR_CODES: dict[type[PlanGraphError], str] = {
    EntityNotFound: "NOT_FOUND",
    InvalidQuery: "BAD_USER_INPUT",
    BackendUnavailable: "BACKEND_UNAVAILABLE",
}


def _coded(error: GraphQLError) -> GraphQLError:
    original = error.original_error
    for error_type, code in ERROR_CODES.items():
        if isinstance(original, error_type):
            return GraphQLError(
                str(original),
                nodes=error.nodes,
                source=error.source,
                positions=error.positions,
                path=error.path,
                original_error=original,
                extensions={**(error.extensions or {}), "code": code},
            )
    return error


def is_internal(error: GraphQLError) -> bool:
    """What `MaskErrors` hides: exceptions that are neither the query's fault (graphql-core
    reports those without an original error) nor one of plangraph's coded errors."""
    original = error.original_error
    if original is None or isinstance(original, GraphQLError):
        return False
    return "code" not in (error.extensions or {})


class ErrorCodes(SchemaExtension):
    """List it after `MaskErrors`: extensions leave an operation in reverse order, so codes
    are set before masking decides what to hide."""

    def on_operation(self) -> Iterator[None]:
        yield
        result = self.execution_context.result
        if result is not None and getattr(result, "errors", None):
            result.errors = [_coded(e) for e in result.errors]
