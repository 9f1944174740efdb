"""Choosing the store a process works with, and filling it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from api.settings import Settings
from graph.curation import CurationLog
from graph.curation_keepers import CurationRows, LogInDatabase
from graph.errors import PlanGraphError
from graph.memory import MemoryStore
from graph.store import GraphStore
from loaders import LoadResult, load_plans
from loaders.plan_cache import PlanCache
from loaders.profile import DEFAULT_PROFILE, Profile, load_profile

if TYPE_CHECKING:
    from graph.bolt import BoltStore

__all__ = ["bolt_store", "curation_log", "load_options", "open_store", "profile_of"]


def profile_of(settings: Settings) -> Profile:
    """The genre profile the settings name (PLANGRAPH_PROFILE, --profile), or the default."""
    return load_profile(settings.profile or DEFAULT_PROFILE)


def load_options(settings: Settings) -> dict[str, Any]:
    """How plans are parsed (`load_plans`' jobs and cache), from PLANGRAPH_JOBS (--jobs) and the
    PLANGRAPH_PLAN_CACHE* settings."""
    for name in ("jobs", "plan_cache_max_entries", "plan_cache_max_mb"):
        value = getattr(settings, name)
        if value is not None and value < 1:
            raise PlanGraphError(f"PLANGRAPH_{name.upper()} must be at least 1, not {value}")
    cache = None
    if settings.plan_cache:
        cache = PlanCache(
            settings.plan_cache_dir, settings.plan_cache_max_entries, settings.plan_cache_max_mb * 2**20
        )
    return {"jobs": settings.jobs, "cache": cache}


def bolt_store(settings: Settings) -> BoltStore:
    # Imported here: the neo4j driver is for the neo4j backend only.
    from graph.bolt import BoltStore

    return BoltStore(
        settings.neo4j_uri,
        settings.neo4j_user,
        settings.neo4j_password,
        settings.neo4j_database,
        max_message_bytes=settings.neo4j_max_message_bytes,
        connection_timeout=settings.neo4j_connection_timeout,
        max_connections=settings.neo4j_max_connections,
    )


def curation_log(settings: Settings, store: GraphStore) -> CurationLog:
    """The curation log that goes with the store: in the database a Bolt store writes to, else
    in the curation file (PLANGRAPH_CURATION_FILE)."""
    if isinstance(store, CurationRows):
        return CurationLog.kept_by(LogInDatabase(store))
    return CurationLog.open(settings.curation_file)


def open_store(
    settings: Settings,
    plans: list[Path] | None = None,
    on_file: Callable[[Path], None] | None = None,
    strict: bool = False,
    loaded: LoadResult | None = None,
) -> tuple[GraphStore, LoadResult, CurationLog]:
    """The configured store, with plans loaded into it, and its curation log. What planners
    changed is applied to each plan before it is written, so a plan loaded again keeps it.

    The memory store always loads: the given plans, else the configured ones, else the
    shipped ones. The Bolt store serves what the database holds and loads only plans asked
    for explicitly (`plangraph load --backend neo4j` writes them). `loaded`: plans already read
    (by the process that started this one), for the memory store to take as they are."""
    if settings.backend == "memory":
        store: GraphStore = MemoryStore()
        log = curation_log(settings, store)
        loaded = loaded or load_plans(
            plans or settings.plans or None,
            profile_of(settings),
            overlays=settings.overlays or None,
            on_file=on_file,
            strict=strict,
            **load_options(settings),
        )
        log.apply(loaded.document)
        store.load(loaded.document)
        # Other processes serving the same log (workers) change relations this graph must make too.
        log.graph = store
        return store, loaded, log
    bolt = bolt_store(settings)
    log = curation_log(settings, bolt)
    loaded = LoadResult()
    if plans:
        loaded = load_plans(
            plans,
            profile_of(settings),
            overlays=settings.overlays or None,
            on_file=on_file,
            stored_plans=bolt.plans(),
            strict=strict,
            **load_options(settings),
        )
        log.apply(loaded.document)
        bolt.load(loaded.document)
    return bolt, loaded, log
