"""The GraphQL contract: strawberry types and resolvers over the `GraphStore` contract."""

from __future__ import annotations

import strawberry
from strawberry.extensions import MaxAliasesLimiter, MaxTokensLimiter, QueryDepthLimiter

from schema.context import PlanGraphContext
from schema.curation import CurationMutation
from schema.errors import ErrorCodes, FieldBudget, MaskInternalErrors
from schema.limits import QueryLimits
from schema.live import Subscription
from schema.query import Query
from schema.types import ALL_TYPES

__all__ = ["PlanGraphContext", "QueryLimits", "build_schema", "schema"]


def build_schema(limits: QueryLimits | None = None) -> strawberry.Schema:
    limits = limits or QueryLimits()
    return strawberry.Schema(
        query=Query,
        mutation=CurationMutation,
        subscription=Subscription,
        types=ALL_TYPES,
        # Factories, so that each request gets fresh extension instances.
        extensions=[
            lambda: QueryDepthLimiter(max_depth=limits.max_query_depth),
            lambda: MaxAliasesLimiter(max_alias_count=limits.max_aliases),
            lambda: MaxTokensLimiter(max_token_count=limits.max_tokens),
            lambda: FieldBudget(limits.max_resolved_fields),
            MaskInternalErrors,
            ErrorCodes,
        ],
    )


#: The schema with the default limits: importing the package reads no PLANGRAPH_* variable (the
#: command line checks them and names a bad one; the app reads them when it is made).
schema = build_schema(QueryLimits.model_construct())
