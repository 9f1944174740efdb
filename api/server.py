"""Serving: the app as `plangraph serve` builds it from the settings, in one process or in
several workers.

With N workers, uvicorn starts N processes that share the listening socket; each builds its app
from the environment the parent set (`worker_environment`), through `worker_app`. With the Bolt
store they share the database. With the memory store each worker builds a graph of its own from
the plans the parent read, handed over as one file (`handed_over`: reading it is a fraction of
reading the plans again, even from the plan cache), and keeps it in step through the one curation
log (`graph.curation`): a change made through any worker is seen by a read through any other
that follows it."""

from __future__ import annotations

import json
import os
import pickle
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from fastapi import FastAPI

from api.app import create_app
from api.keys import KeyRing
from api.pages import DEFAULT_ASSETS_DIR
from api.settings import Settings
from api.stores import open_store, profile_of
from graph.curation import CurationLog
from graph.store import GraphStore
from loaders import LoadResult
from schema import QueryLimits

__all__ = ["app_for", "handed_over", "worker_app", "worker_count", "worker_environment"]

#: The variable that names the file of plans the parent read, for the workers (not a setting).
HANDED_OVER = "PLANGRAPH_WORKER_PLANS"


def worker_count(settings: Settings) -> int:
    """The workers asked for (--workers, PLANGRAPH_WORKERS), else one per core."""
    return settings.workers or os.cpu_count() or 1


def app_for(settings: Settings, store: GraphStore, loaded: LoadResult, curation: CurationLog) -> FastAPI:
    """The API on `store` as the settings configure it."""
    return create_app(
        store,
        QueryLimits(),
        max_body_bytes=settings.max_body_bytes,
        assets_dir=settings.assets_dir or DEFAULT_ASSETS_DIR,
        refused=loaded.refused,
        curation=curation,
        keyring=KeyRing(settings.keys_file),
        require_key=settings.require_key,
        cors_origins=settings.cors_origins,
        link_rules=profile_of(settings).links,
        result_cache_size=settings.result_cache_size,
    )


def worker_environment(settings: Settings) -> dict[str, str]:
    """The settings as PLANGRAPH_* variables, so that a worker process reads the very settings
    the parent resolved from its options and environment (lists as JSON lists)."""
    found: dict[str, str] = {}
    for name, value in settings.model_dump().items():
        if value is None:
            continue
        if isinstance(value, list):
            text = json.dumps([str(item) for item in value], ensure_ascii=False)
        elif isinstance(value, bool):
            text = "true" if value else "false"
        else:
            text = str(value)
        found[f"PLANGRAPH_{name.upper()}"] = text
    return found


@contextmanager
def handed_over(loaded: LoadResult) -> Iterator[dict[str, str]]:
    """The plans the parent read, in a file of a private folder for its workers while they run
    (the variable that names it, to add to their environment); removed afterwards."""
    with tempfile.TemporaryDirectory(prefix="plangraph-workers-") as folder:
        path = Path(folder) / "plans.pickle"
        path.write_bytes(pickle.dumps(loaded, protocol=pickle.HIGHEST_PROTOCOL))
        yield {HANDED_OVER: str(path)}


def worker_app() -> FastAPI:
    """A worker's app (uvicorn's factory): the store as the settings in the environment open it,
    from the plans the parent handed over. The parent has already written any plans to a
    database store, so a worker only serves it."""
    settings = Settings()
    given = os.environ.get(HANDED_OVER)
    loaded = pickle.loads(Path(given).read_bytes()) if given and settings.backend == "memory" else None
    store, loaded, curation = open_store(settings, loaded=loaded)
    return app_for(settings, store, loaded, curation)
