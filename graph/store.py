"""`GraphStore`: the one contract every backend implements.

The GraphQL layer talks to a store only through it, so the memory store and the Bolt store are
interchangeable behind the same schema. A backend provides the primitives declared here
(`load`, `ping`, `plans`, `get_many`, `children_of`, `find`, `stats`, `_fetch_steps`); the
questions are answered once, for every backend, by the algorithms it inherits, grouped by
topic: traversals (`graph.traversal`), responsibility (`graph.responsibility`) and whole-plan
analyses (`graph.analysis`).
"""

from __future__ import annotations

from abc import ABC, abstractmethod

from graph.analysis import PlanAnalyses
from graph.model import Entity, GraphDocument, Relation
from graph.responsibility import ResponsibilityQueries
from graph.results import Stats

__all__ = ["GraphStore"]


class GraphStore(ResponsibilityQueries, PlanAnalyses, ABC):
    #: Whether a call waits on a server (the API then makes it from a worker thread).
    blocking: bool = False
    #: How many calls may wait on the server at once: the API's worker threads for the store.
    max_concurrent_calls: int = 1

    @abstractmethod
    def load(self, document: GraphDocument) -> None:
        """Add the document's plans, replacing earlier versions of the same plans atomically."""

    @abstractmethod
    def version(self) -> object:
        """Something that changes whenever what the store answers may change (a load, a
        relation change, a curated change kept in it), by this process or another: what an
        answer kept for a repeated question (`api/result_cache.py`) is keyed by."""

    @abstractmethod
    def ping(self) -> bool:
        """Whether the store can answer now (a database may be away)."""

    @abstractmethod
    def plans(self) -> list[Entity]: ...

    @abstractmethod
    def children_of(self, ids: list[str]) -> list[list[Entity]]:
        """For each id, the entities whose parent it is, in document order."""

    @abstractmethod
    def stats(self, plan_id: str | None) -> Stats: ...

    @abstractmethod
    def change_relations(self, add: list[Relation], remove: list[Relation]) -> None:
        """Remove relations (by their key: type, ends, role) and add others, as planners curate
        the graph. Raises `EntityNotFound` for an end that is not in the graph."""
