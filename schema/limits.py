"""Bounds on what one GraphQL request may ask, with safe defaults; each is also a setting
(PLANGRAPH_MAX_PAGE_SIZE …), read from the environment."""

from __future__ import annotations

from pydantic_settings import BaseSettings, SettingsConfigDict

__all__ = ["QueryLimits"]


class QueryLimits(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="PLANGRAPH_", extra="ignore", frozen=True)

    #: Largest `first` of a connection, as the GitHub API allows.
    max_page_size: int = 100
    #: Largest `maxDepth` of dependencies and impact.
    max_analysis_depth: int = 10
    #: Deepest selection nesting of a query document.
    max_query_depth: int = 12
    max_aliases: int = 30
    max_tokens: int = 4000
    max_search_length: int = 200
    #: Most entities `dependencies` and `impact` return; a longer answer is cut and flagged.
    max_results: int = 1000
    #: Most fields one request may resolve: bounds what aliased fragments can multiply.
    max_resolved_fields: int = 20000
    #: Seconds a request may take; longer traversals stop with a TIMEOUT error.
    request_timeout: float = 10.0
