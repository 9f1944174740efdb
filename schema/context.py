"""The per-request context: the store, and DataLoaders that batch the nested lookups of one
request (parents, children, relations) into one store call per kind of lookup."""

from __future__ import annotations

from collections import defaultdict

from strawberry.dataloader import DataLoader
from strawberry.fastapi import BaseContext

from graph.deadline import set_deadline
from graph.model import Direction, Entity, RelationType
from graph.store import GraphStore, Step
from schema.limits import QueryLimits

__all__ = ["PlanGraphContext"]

RelationsKey = tuple[str, RelationType | None, Direction]


class PlanGraphContext(BaseContext):
    def __init__(self, store: GraphStore, limits: QueryLimits) -> None:
        super().__init__()
        self.store = store
        self.limits = limits
        #: Fields whose answer was cut at `limits.max_results` (reported in the response's extensions).
        self.truncated: list[str] = []
        set_deadline(limits.request_timeout)
        self.entities = DataLoader[str, Entity | None](self._load_entities)
        self.children = DataLoader[str, list[Entity]](self._load_children)
        self.relations = DataLoader[RelationsKey, list[Step]](self._load_relations)

    async def _load_entities(self, ids: list[str]) -> list[Entity | None]:
        return self.store.get_many(list(ids))

    async def _load_children(self, ids: list[str]) -> list[list[Entity]]:
        return self.store.children_of(list(ids))

    async def _load_relations(self, keys: list[RelationsKey]) -> list[list[Step]]:
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
