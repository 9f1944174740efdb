"""Choosing the store a process works with, and filling it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from api.settings import Settings
from graph.bolt import BoltStore
from graph.memory import MemoryStore
from graph.store import GraphStore
from loaders import LoadResult, load_plans
from loaders.profile import DEFAULT_PROFILE, Profile, load_profile

__all__ = ["bolt_store", "open_store", "profile_of"]


def profile_of(settings: Settings) -> Profile:
    """The genre profile the settings name (PLANGRAPH_PROFILE, --profile), or the default."""
    return load_profile(settings.profile or DEFAULT_PROFILE)


def bolt_store(settings: Settings) -> BoltStore:
    return BoltStore(
        settings.neo4j_uri,
        settings.neo4j_user,
        settings.neo4j_password,
        settings.neo4j_database,
        max_message_bytes=settings.neo4j_max_message_bytes,
        connection_timeout=settings.neo4j_connection_timeout,
    )


def open_store(
    settings: Settings,
    plans: list[Path] | None = None,
    on_file: Callable[[Path], None] | None = None,
    strict: bool = False,
) -> tuple[GraphStore, LoadResult]:
    """The configured store, with plans loaded into it.

    The memory store always loads: the given plans, else the configured ones, else the
    shipped ones. The Bolt store serves what the database holds and loads only plans asked
    for explicitly (`plangraph load --backend neo4j` writes them)."""
    if settings.backend == "memory":
        loaded = load_plans(
            plans or settings.plans or None,
            profile_of(settings),
            overlays=settings.overlays or None,
            on_file=on_file,
            strict=strict,
        )
        store = MemoryStore()
        store.load(loaded.document)
        return store, loaded
    store = bolt_store(settings)
    loaded = LoadResult()
    if plans:
        store.check()
        loaded = load_plans(
            plans,
            profile_of(settings),
            overlays=settings.overlays or None,
            on_file=on_file,
            stored_plans=store.plans(),
            strict=strict,
        )
        store.load(loaded.document)
    return store, loaded
