"""Live changes: every change of the curation log, pushed to subscribers as it is logged
(GraphQL subscriptions over the graphql-transport-ws protocol).

The log is the source, not the mutation that made a change: one poller per process asks the log
to catch up (`CurationLog.refresh`, a look at the log's version while nothing changed) a few
times a second while anyone listens, and hands each new change to every subscriber. So a change
made through another worker, or by the command line, is pushed as well as one made here."""

from __future__ import annotations

import asyncio
import contextvars
import logging
from collections.abc import AsyncGenerator, AsyncIterator

import strawberry
from strawberry.types import Info

from graph.curation import Change, CurationLog
from graph.deadline import set_deadline
from graph.store import GraphStore
from schema.changes import StatusChange, change_of

__all__ = ["ChangeFeed", "Subscription"]

logger = logging.getLogger(__name__)

#: A subscriber this far behind is dropped (its stream ends) rather than let memory grow.
QUEUE_LIMIT = 10_000


class ChangeFeed:
    """The changes of one curation log as they are logged, to any number of subscribers."""

    def __init__(self, log: CurationLog, store: GraphStore, interval: float = 0.2) -> None:
        self.log = log
        self.store = store
        #: Seconds between looks at the log while anyone listens.
        self.interval = interval
        self._queues: set[asyncio.Queue[Change | None]] = set()
        self._poller: asyncio.Task[None] | None = None

    async def subscribe(self) -> AsyncIterator[Change]:
        """Each change logged from now on, oldest first, until the subscriber leaves."""
        queue: asyncio.Queue[Change | None] = asyncio.Queue(QUEUE_LIMIT)
        self._queues.add(queue)
        if self._poller is None or self._poller.done():
            seen = len(await self._refreshed())
            # A context of its own: the poller outlives the request that started it, and its deadline.
            self._poller = asyncio.get_running_loop().create_task(
                self._poll(seen), context=contextvars.Context()
            )
        try:
            while (change := await queue.get()) is not None:
                yield change
        finally:
            self._queues.discard(queue)

    async def _refreshed(self) -> list[Change]:
        if self.store.blocking:
            await asyncio.to_thread(self.log.refresh)
        else:
            self.log.refresh()
        return self.log.changes

    async def _poll(self, seen: int) -> None:
        while self._queues:
            await asyncio.sleep(self.interval)
            try:
                changes = await self._refreshed()
            except Exception:  # a database away for a moment: look again at the next turn
                logger.warning("the change feed could not read %s", self.log.keeper, exc_info=True)
                continue
            new, seen = changes[min(seen, len(changes)) :], len(changes)
            for queue in list(self._queues):
                for change in new:
                    try:
                        queue.put_nowait(change)
                    except asyncio.QueueFull:
                        self._queues.discard(queue)
                        queue.get_nowait()
                        queue.put_nowait(None)
                        break


@strawberry.type
class Subscription:
    @strawberry.subscription(
        description="Each curated change as it is logged (status set, link reviewed, relation added or "
        "removed, revert), of one plan if planId is given; over graphql-transport-ws, with the same "
        "keys as queries (send `Authorization: Bearer <key>` in connection_init's payload)."
    )
    async def change_logged(
        self, info: Info, plan_id: strawberry.ID | None = None
    ) -> AsyncGenerator[StatusChange, None]:
        context = info.context
        async for change in context.feed.subscribe():
            # Each change is answered as a request of its own is, within the time limit.
            set_deadline(context.limits.request_timeout)
            if plan_id is not None and str(plan_id) not in await context.call(
                _plans_of, context.store, change
            ):
                continue
            yield change_of(change, context.feed.log)


def _plans_of(store: GraphStore, change: Change) -> set[str | None]:
    """The plans a change touches: its entity's, and those of the ends of the relation it
    changed (a department's responsibility is a change to a plan's task)."""
    ids = [change.entity_id]
    for row in (change.relation, change.reviewed):
        if row:
            ids += [row["from"], row["to"]]
    return {entity.plan for entity in store.get_many(ids) if entity is not None}
