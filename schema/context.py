"""The per-request context: the store, and DataLoaders that batch the nested lookups of one
request (parents, children, relations) into one store call per kind of lookup."""

from __future__ import annotations

import asyncio
import contextvars
import functools
from collections import defaultdict
from collections.abc import Callable, Sequence
from concurrent.futures import Executor
from typing import Any, TypeVar

from strawberry.dataloader import DataLoader
from strawberry.fastapi import BaseContext

from graph.curation import CurationLog
from graph.deadline import set_deadline
from graph.errors import PlanLoadError
from graph.model import Direction, Entity, RelationType
from graph.results import Step
from graph.store import GraphStore
from loaders.profile import Links, load_profile
from schema.auth import Principal
from schema.limits import QueryLimits
from schema.live import ChangeFeed

__all__ = ["PlanGraphContext"]

RelationsKey = tuple[str, RelationType | None, Direction]
T = TypeVar("T")


class PlanGraphContext(BaseContext):
    def __init__(
        self,
        store: GraphStore,
        limits: QueryLimits,
        refused: Sequence[PlanLoadError] = (),
        curation: CurationLog | None = None,
        principal: Principal | None = None,
        key_problem: str | None = None,
        link_rules: Links | None = None,
        feed: ChangeFeed | None = None,
        store_threads: Executor | None = None,
    ) -> None:
        super().__init__()
        #: The threads that make the calls of a store that waits on a server (None: asyncio's).
        self.store_threads = store_threads
        #: How the review queue ranks candidate links (the profile's `links`).
        self.link_rules = link_rules or load_profile().links
        self.store = store
        self.limits = limits
        self._curation = curation or CurationLog()
        self._caught_up = False
        #: The changes of the log as they are logged, for subscriptions.
        self.feed = feed or ChangeFeed(self._curation, store)
        #: Whose key the request carries, if a valid one; else why not (`key_problem`).
        self.principal = principal
        self.key_problem = key_problem
        #: Plan files the server was given but could not read.
        self.refused = refused
        #: Fields whose answer was cut at `limits.max_results` (reported in the response's extensions).
        self.truncated: list[str] = []
        set_deadline(limits.request_timeout)
        self.entities = DataLoader[str, Entity | None](self._load_entities)
        self.children = DataLoader[str, list[Entity]](self._load_children)
        self.relations = DataLoader[RelationsKey, list[Step]](self._load_relations)
        if not store.blocking:
            # A graph of this process's own: other workers' relation changes are made in it
            # before anything is read (a look at the log file's version while nothing changed).
            self._curation.refresh()
            self._caught_up = True

    @property
    def curation(self) -> CurationLog:
        """The log of curated changes, kept beside the graph, caught up with what other
        processes logged by the first use in a request (for a database, one statement)."""
        if not self._caught_up:
            self._curation.refresh()
            self._caught_up = True
        return self._curation

    async def call(self, function: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """Run a function that calls the store: in a worker thread when the store waits on a
        server (`GraphStore.blocking`), so other requests go on meanwhile; else right here.
        The worker sees this request's context variables (its deadline and request id), as
        with `asyncio.to_thread`, but runs among the app's `store_threads`."""
        if self.store.blocking:
            call = functools.partial(contextvars.copy_context().run, function, *args, **kwargs)
            return await asyncio.get_running_loop().run_in_executor(self.store_threads, call)
        return function(*args, **kwargs)

    async def _load_entities(self, ids: list[str]) -> list[Entity | None]:
        return await self.call(self.store.get_many, list(ids))

    async def _load_children(self, ids: list[str]) -> list[list[Entity]]:
        return await self.call(self.store.children_of, list(ids))

    async def _load_relations(self, keys: list[RelationsKey]) -> list[list[Step]]:
        return await self.call(self._relations, keys)

    def _relations(self, keys: list[RelationsKey]) -> list[list[Step]]:
        """One store call per (type, direction) pair asked for in the batch."""
        grouped: dict[tuple[RelationType | None, Direction], list[str]] = defaultdict(list)
        for entity_id, rel_type, direction in keys:
            grouped[(rel_type, direction)].append(entity_id)
        answers: dict[RelationsKey, list[Step]] = {}
        for (rel_type, direction), ids in grouped.items():
            found = self.store.relations_of(ids, [rel_type] if rel_type else None, direction)
            for entity_id, steps in zip(ids, found, strict=True):
                answers[(entity_id, rel_type, direction)] = steps
        return [answers[key] for key in keys]
