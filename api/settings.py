"""Settings, read from the environment (PLANGRAPH_*) so the same values work in docker-compose;
command-line options override them."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic_settings import BaseSettings, SettingsConfigDict

from schema.limits import QueryLimits

__all__ = ["Settings"]


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="PLANGRAPH_", extra="ignore")

    backend: Literal["memory", "neo4j"] = "memory"
    #: Plan files or folders; empty means the plans shipped in data/plans/.
    plans: list[Path] = []
    #: Overlay files or folders; empty means data/overlays/.
    overlays: list[Path] = []
    host: str = "127.0.0.1"
    port: int = 8000

    neo4j_uri: str = "bolt://localhost:7687"
    neo4j_user: str = "neo4j"
    neo4j_password: str = ""
    neo4j_database: str = "neo4j"
    #: Largest statement sent over Bolt; FalkorDB's endpoint needs ≤ 4096, Neo4j takes far more.
    neo4j_max_message_bytes: int = 4000
    #: Seconds to wait for a connection (and its handshake) before trying again.
    neo4j_connection_timeout: float = 5.0

    max_page_size: int = 100
    max_analysis_depth: int = 10
    max_query_depth: int = 12
    max_aliases: int = 30
    max_tokens: int = 4000
    max_results: int = 1000
    request_timeout: float = 10.0
    max_body_bytes: int = 1_000_000
    #: The installed npm packages the browser pages load (web/package.json); empty means web/node_modules.
    assets_dir: Path | None = None

    def limits(self) -> QueryLimits:
        return QueryLimits(
            max_page_size=self.max_page_size,
            max_analysis_depth=self.max_analysis_depth,
            max_query_depth=self.max_query_depth,
            max_aliases=self.max_aliases,
            max_tokens=self.max_tokens,
            max_results=self.max_results,
            request_timeout=self.request_timeout,
        )
