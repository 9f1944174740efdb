"""The GraphQL contract: strawberry types and resolvers over the `GraphStore` contract.

`build_schema`, the default `schema` and `PlanGraphContext` are imported when first asked for,
so that a command that only reads plans (`plangraph load`, `export`) does not pay for importing
the GraphQL layer."""

from __future__ import annotations

import importlib
from typing import Any

from schema.limits import QueryLimits

__all__ = ["PlanGraphContext", "QueryLimits", "build_schema", "schema"]

_LAZY = {"build_schema": "schema.build", "schema": "schema.build", "PlanGraphContext": "schema.context"}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'schema' has no attribute {name!r}")
