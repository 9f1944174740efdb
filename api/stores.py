"""Choosing and filling the store a process serves from."""

from __future__ import annotations

from api.settings import Settings
from graph.errors import BackendUnavailable
from graph.memory import MemoryStore
from graph.store import GraphStore
from loaders import LoadResult, load_plans

__all__ = ["open_store"]


def open_store(settings: Settings) -> tuple[GraphStore, LoadResult]:
    """Load the configured plans and put them in the configured store."""
    if settings.backend != "memory":
        raise BackendUnavailable(
            f"the {settings.backend} backend is not available in this version of plangraph"
        )
    loaded = load_plans(settings.plans or None)
    store = MemoryStore()
    store.load(loaded.document)
    return store, loaded
