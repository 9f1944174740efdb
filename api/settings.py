"""Settings, read from the environment (PLANGRAPH_*) so the same values work in docker-compose;
command-line options override them. The query limits (`schema.limits.QueryLimits`) and the input
limits (`loaders.reading.limits.InputLimits`) read their own PLANGRAPH_* settings.

A list setting takes one value, a comma-separated list or a JSON list (`api.setting_forms`)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from api.setting_forms import one_or_many, origin, variable

__all__ = ["DATA_DIR", "Settings"]

DATA_DIR = Path(__file__).resolve().parent.parent / "data"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="PLANGRAPH_", extra="ignore")

    backend: Literal["memory", "neo4j"] = "memory"
    #: Plan files or folders; empty means the plans shipped in data/plans/.
    plans: Annotated[list[Path], NoDecode] = []
    #: Overlay files or folders; empty means data/overlays/.
    overlays: Annotated[list[Path], NoDecode] = []
    #: The genre profile plans are read with; none means loaders/profiles/development-plan.yaml.
    profile: Path | None = None
    host: str = "127.0.0.1"
    port: int = 8000
    #: Processes serving at once (`serve --workers`); none means one per core.
    workers: int | None = Field(default=None, ge=1)
    #: Answers to repeated queries kept on the memory store until the graph or its log changes
    #: (api/result_cache.py); 0 keeps none.
    result_cache_size: int = Field(default=1000, ge=0)

    neo4j_uri: str = "bolt://localhost:7687"
    neo4j_user: str = "neo4j"
    neo4j_password: str = ""
    neo4j_database: str = "neo4j"
    #: Largest statement sent over Bolt; FalkorDB's endpoint needs ≤ 4096, Neo4j takes far more.
    neo4j_max_message_bytes: int = 4000
    #: Seconds to wait for a connection (and its handshake) before trying again.
    neo4j_connection_timeout: float = 5.0
    #: Connections to the database, and so statements in flight at once (the API's threads for it).
    neo4j_max_connections: int = Field(default=100, ge=1)

    max_body_bytes: int = 1_000_000

    #: Where API keys are kept (hashes only).
    keys_file: Path = DATA_DIR / "keys.json"
    #: Where curated changes (statuses, their log) are kept, as YAML.
    curation_file: Path = DATA_DIR / "curation.yaml"
    #: Whether reads need a key too (changes always do).
    require_key: bool = False
    #: Origins whose pages may call the API (CORS), e.g. https://planner.example; none by default.
    cors_origins: Annotated[list[str], NoDecode] = []
    #: The installed npm packages the browser pages load (web/package.json); empty means web/node_modules.
    assets_dir: Path | None = None

    #: Processes that parse plan files when plans are loaded (--jobs): none means one a core when
    #: there are enough files to pay for starting them; 1 parses them in the loading process.
    jobs: int | None = None
    #: Whether parsed plans are kept between runs, keyed by each file's content (loaders/plan_cache.py).
    plan_cache: bool = True
    #: Where they are kept: a folder of plangraph's own (entries are pickles), git-ignored.
    plan_cache_dir: Path = DATA_DIR / ".cache" / "plans"
    #: The cache's bound: the least recently used entries beyond either are removed after a load.
    plan_cache_max_entries: int = 2000
    plan_cache_max_mb: int = 512

    @field_validator("plans", "overlays", "cors_origins", mode="before")
    @classmethod
    def _one_or_many(cls, value: object) -> object:
        return one_or_many(value)

    @field_validator("cors_origins")
    @classmethod
    def _origins(cls, values: list[str]) -> list[str]:
        return [origin(v, variable(cls, "cors_origins")) for v in values]
