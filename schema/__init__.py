"""The GraphQL contract: strawberry types and resolvers over the `GraphStore` protocol."""

from __future__ import annotations

import strawberry
from graphql import GraphQLError
from strawberry.extensions import MaskErrors, MaxAliasesLimiter, MaxTokensLimiter, QueryDepthLimiter

from schema.context import PlanGraphContext
from schema.limits import QueryLimits
from schema.query import Query
from schema.types import ALL_TYPES

__all__ = ["PlanGraphContext", "QueryLimits", "build_schema", "schema"]


def _is_internal(error: GraphQLError) -> bool:
    """Mask everything but the errors the API raises on purpose (they carry a code) and
    the ones graphql-core reports about the query itself (they carry no original error)."""
    original = error.original_error
    if original is None or isinstance(original, GraphQLError):
        return False
    return not (error.extensions or {}).get("code")


def build_schema(limits: QueryLimits | None = None) -> strawberry.Schema:
    limits = limits or QueryLimits()
    return strawberry.Schema(
        query=Query,
        types=ALL_TYPES,
        # Factories, so that each request gets fresh extension instances.
        extensions=[
            lambda: QueryDepthLimiter(max_depth=limits.max_query_depth),
            lambda: MaxAliasesLimiter(max_alias_count=limits.max_aliases),
            lambda: MaxTokensLimiter(max_token_count=limits.max_tokens),
            lambda: MaskErrors(should_mask_error=_is_internal, error_message="Internal error."),
        ],
    )


schema = build_schema()
