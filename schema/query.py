"""The Query type: the GraphQL contract (schema.graphql), resolved through the `GraphStore` contract."""

from __future__ import annotations

import functools
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

import strawberry
from strawberry.types import Info

from graph import analysis, model
from graph.errors import EntityNotFound, InvalidQuery
from graph.results import departments_in
from schema.connections import Connection, connection
from schema.curation import CurationQuery
from schema.impact import cut, impact_result
from schema.limits import QueryLimits
from schema.paging import bounded, decode_cursor, page_size
from schema.review import ReviewQuery
from schema.types import (
    Centrality,
    DepartmentLoad,
    Direction,
    EntityKind,
    EntityNode,
    ImpactResult,
    Indicator,
    KindCount,
    OriginsArgument,
    Plan,
    RankedEntity,
    ReachResult,
    RefusedFile,
    RelationCount,
    RelationType,
    ResponsibilityMatrix,
    ResponsibilityResult,
    Stats,
    node_for,
    reach_result,
    responsibility_result,
)
from schema.viewer import ViewerQuery

__all__ = ["Query"]

_CURSOR_PREFIX = "entity:"


R = TypeVar("R")


def in_worker(resolver: Callable[..., R]) -> Callable[..., Awaitable[R]]:
    """A resolver that calls the store, made async: it runs where the request context says
    store calls run (`PlanGraphContext.call`). strawberry reads the arguments off the
    original signature (functools.wraps)."""

    @functools.wraps(resolver)
    async def resolve(root: Any, info: Info, **arguments: Any) -> R:
        return await info.context.call(resolver, root, info, **arguments)

    return resolve


def _limits(info: Info) -> QueryLimits:
    return info.context.limits


def _check_depth(info: Info, max_depth: int | None, default: int) -> int:
    return bounded("maxDepth", max_depth, default, 1, _limits(info).max_analysis_depth)


@strawberry.type
class Query(CurationQuery, ReviewQuery, ViewerQuery):
    @strawberry.field(
        description="Every plan in the graph. Files that could not be read are in refusedFiles."
    )
    @in_worker
    def plans(self, info: Info) -> list[Plan]:
        return [node_for(p) for p in info.context.store.plans()]  # type: ignore[misc]

    @strawberry.field(description="Plan files this server was given but could not read, and why.")
    def refused_files(self, info: Info) -> list[RefusedFile]:
        return [RefusedFile(path=r.path, reason=r.reason) for r in info.context.refused]

    @strawberry.field(description="One entity by id; null if there is none.")
    async def entity(self, info: Info, id: strawberry.ID) -> EntityNode | None:  # noqa: A002
        found = await info.context.entities.load(str(id))
        return node_for(found) if found else None

    @strawberry.field(description="Entities by kind, plan and a substring of name or text; paginated.")
    @in_worker
    def entities(
        self,
        info: Info,
        kind: EntityKind | None = None,
        plan_id: strawberry.ID | None = None,
        search: str | None = None,
        first: int | None = 50,
        after: str | None = None,
    ) -> Connection[EntityNode]:
        first = page_size(info, first, default=50)
        if search is not None and len(search) > _limits(info).max_search_length:
            raise InvalidQuery(f"search is longer than {_limits(info).max_search_length} characters.")
        offset = decode_cursor(_CURSOR_PREFIX, after) + 1 if after else 0
        page = info.context.store.find(kind, str(plan_id) if plan_id else None, search or None, offset, first)
        return connection(_CURSOR_PREFIX, page.entities, offset, page.total, node_for)

    @strawberry.field(
        description="What an entity reaches by following relations as typed and directed, up to maxDepth."
    )
    @in_worker
    def dependencies(
        self,
        info: Info,
        id: strawberry.ID,  # noqa: A002
        direction: Direction | None = model.Direction.DOWNSTREAM,
        relations: list[RelationType] | None = None,
        max_depth: int | None = 3,
        origins: OriginsArgument = None,
    ) -> list[ReachResult]:
        max_depth = _check_depth(info, max_depth, default=3)
        direction = direction or model.Direction.DOWNSTREAM
        reached = info.context.store.dependencies(
            str(id), direction, relations, max_depth, limit=_limits(info).max_results + 1, origins=origins
        )
        return [reach_result(r) for r in cut(info, reached)]

    @strawberry.field(
        description="Everything put at risk if this entity slips,"
        " each relation followed in its impact direction."
    )
    @in_worker
    def impact(
        self,
        info: Info,
        id: strawberry.ID,  # noqa: A002
        max_depth: int | None = 6,
        origins: OriginsArgument = None,
    ) -> ImpactResult:
        max_depth = _check_depth(info, max_depth, default=6)
        return impact_result(info, str(id), max_depth, origins)

    @strawberry.field(
        description="The shortest chain of entities linking two entities, relations taken either way."
    )
    @in_worker
    def path(
        self,
        info: Info,
        from_id: strawberry.ID,
        to_id: strawberry.ID,
        relations: list[RelationType] | None = None,
        origins: OriginsArgument = None,
    ) -> list[EntityNode] | None:
        found = info.context.store.path(str(from_id), str(to_id), relations, origins)
        return [node_for(e) for e in found] if found is not None else None

    @strawberry.field(
        description="What a department is responsible for, directly and (optionally) inherited."
    )
    @in_worker
    def responsibilities(
        self, info: Info, department_id: strawberry.ID, include_inherited: bool | None = True
    ) -> list[ResponsibilityResult]:
        answers = info.context.store.responsibilities(str(department_id), include_inherited is not False)
        return [responsibility_result(a) for a in answers]

    @strawberry.field(description="Who is responsible for an entity, directly and (optionally) inherited.")
    @in_worker
    def responsible_for(
        self,
        info: Info,
        id: strawberry.ID,  # noqa: A002
        include_inherited: bool | None = True,
    ) -> list[ResponsibilityResult]:
        answers = info.context.store.responsible_for(str(id), include_inherited is not False)
        return [responsibility_result(a) for a in answers]

    @strawberry.field(description="Counts of entities and relations, for one plan or the whole graph.")
    @in_worker
    def stats(self, info: Info, plan_id: strawberry.ID | None = None) -> Stats:
        store = info.context.store
        if plan_id is not None and store.get_many([str(plan_id)])[0] is None:
            raise EntityNotFound(str(plan_id))
        stats = store.stats(str(plan_id) if plan_id else None)
        return Stats(
            entity_count=stats.entities,
            shared_entity_count=stats.shared,
            relation_count=stats.relations,
            by_kind=[
                KindCount(kind=k, count=stats.by_kind[k]) for k in model.EntityKind if k in stats.by_kind
            ],
            by_relation=[
                RelationCount(type=t, count=stats.by_relation[t])
                for t in model.RelationType
                if t in stats.by_relation
            ],
        )

    @strawberry.field(
        description="Departments × entities of a kind, with each department's role on each entity."
    )
    @in_worker
    def responsibility_matrix(
        self, info: Info, kind: EntityKind, plan_id: strawberry.ID | None = None
    ) -> ResponsibilityMatrix:
        answers = info.context.store.responsibility_matrix(kind, str(plan_id) if plan_id else None)
        entities = {a.entity.id: a.entity for a in answers}
        return ResponsibilityMatrix(
            departments=[node_for(d) for d in departments_in(answers)],
            entities=[node_for(e) for e in sorted(entities.values(), key=model.document_order)],
            cells=[responsibility_result(a) for a in answers],
        )

    @strawberry.field(
        description="Entities of a kind that have no lead department, neither their own nor inherited."
    )
    @in_worker
    def unassigned(
        self, info: Info, kind: EntityKind, plan_id: strawberry.ID | None = None
    ) -> list[EntityNode]:
        return [node_for(e) for e in info.context.store.unassigned(kind, str(plan_id) if plan_id else None)]

    @strawberry.field(
        description="How many entities each department leads and supports directly, busiest first."
    )
    @in_worker
    def department_load(self, info: Info, plan_id: strawberry.ID | None = None) -> list[DepartmentLoad]:
        return [
            DepartmentLoad(department=node_for(d), leads=leads, supports=supports)
            for d, leads, supports in info.context.store.department_load(str(plan_id) if plan_id else None)
        ]

    @strawberry.field(
        description="Each cycle among a plan's DEPENDS_ON and IMPLEMENTS relations, as the entities on it "
        "(arrows as written, starting at the smallest id): a planning error to fix. At most 100 cycles of at "
        "most 12 entities are listed."
    )
    @in_worker
    def dependency_cycles(self, info: Info, plan_id: strawberry.ID) -> list[list[EntityNode]]:
        return [[node_for(e) for e in cycle] for cycle in info.context.store.dependency_cycles(str(plan_id))]

    @strawberry.field(
        description="A plan's entities (optionally of one kind) ranked by their centrality in its impact "
        "graph: the relations of the plan, each pointing the way impact flows. Departments and cited "
        "documents linked to the plan take part."
    )
    @in_worker
    def key_entities(
        self,
        info: Info,
        plan_id: strawberry.ID,
        kind: EntityKind | None = None,
        first: int | None = 10,
        measure: Centrality = analysis.Centrality.PAGERANK,
    ) -> list[RankedEntity]:
        first = page_size(info, first, default=10)
        ranked = info.context.store.key_entities(kind, str(plan_id), first, measure)
        return [RankedEntity(entity=node_for(e), score=score) for e, score in ranked]

    @strawberry.field(
        description="The indicators of one metric across plans (e.g. 地方标准), to compare targets between "
        "plans and plan generations; earliest plan period first."
    )
    @in_worker
    def indicator_comparison(self, info: Info, metric: str) -> list[Indicator]:
        if len(metric) > _limits(info).max_search_length:
            raise InvalidQuery(f"metric is longer than {_limits(info).max_search_length} characters.")
        return [node_for(e) for e in info.context.store.indicators_by_metric(metric)]  # type: ignore[misc]
