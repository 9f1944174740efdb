"""The schema built from its parts: the query, mutation and subscription types, and the
extensions every request passes through (limits, caches, error codes)."""

from __future__ import annotations

import strawberry
from strawberry.extensions import (
    AddValidationRules,
    MaxAliasesLimiter,
    MaxTokensLimiter,
    ParserCache,
    QueryDepthLimiter,
    ValidationCache,
)

from schema.curation import CurationMutation
from schema.errors import ErrorCodes, FieldBudget, MaskInternalErrors
from schema.limits import QueryLimits
from schema.live import Subscription
from schema.query import Query
from schema.types import ALL_TYPES

__all__ = ["QUERY_CACHE_SIZE", "build_schema", "schema"]

#: Distinct query texts whose parsed document and validation are kept (least recently used
#: dropped first): a client asks the same few queries again and again, with new variables.
QUERY_CACHE_SIZE = 1000


def build_schema(limits: QueryLimits | None = None) -> strawberry.Schema:
    limits = limits or QueryLimits()
    # The limiters' validation rules are made once, not per request: validation is cached on
    # (schema, document, rules), so rules made afresh for each request would never hit.
    limiting_rules = [
        *QueryDepthLimiter(max_depth=limits.max_query_depth).validation_rules,
        *MaxAliasesLimiter(max_alias_count=limits.max_aliases).validation_rules,
    ]
    return strawberry.Schema(
        query=Query,
        mutation=CurationMutation,
        subscription=Subscription,
        types=ALL_TYPES,
        # Factories, so that each request gets fresh extension instances.
        extensions=[
            lambda: MaxTokensLimiter(max_token_count=limits.max_tokens),
            lambda: AddValidationRules(limiting_rules),
            lambda: ParserCache(maxsize=QUERY_CACHE_SIZE),
            lambda: ValidationCache(maxsize=QUERY_CACHE_SIZE),
            lambda: FieldBudget(limits.max_resolved_fields),
            MaskInternalErrors,
            ErrorCodes,
        ],
    )


#: The schema with the default limits: importing the package reads no PLANGRAPH_* variable (the
#: command line checks them and names a bad one; the app reads them when it is made).
schema = build_schema(QueryLimits.model_construct())
