"""The review queue of inferred links: suggestions best first, confirmed or rejected by a
curator. A confirmed link becomes a relation of origin CURATED; a rejected one leaves the graph
(every query) and is not suggested again. Both are changes in the log, and can be reverted."""

from __future__ import annotations

from enum import StrEnum

import strawberry
from strawberry.types import Info

from graph import model
from graph.errors import EntityNotFound, InvalidQuery
from graph.semantics import INFERRED_LINKS
from schema.auth import require_curator
from schema.paging import decode_cursor, page_info, page_size
from schema.types import EntityNode, PageInfo, RelationType, node_for

__all__ = ["ReviewMutation", "ReviewQuery"]

_CURSOR = "suggestion:"


@strawberry.enum(description="Whether a suggested link was reviewed, and how.")
class ReviewStatus(StrEnum):
    UNREVIEWED = "UNREVIEWED"
    CONFIRMED = "CONFIRMED"
    REJECTED = "REJECTED"


@strawberry.enum
class ReviewDecision(StrEnum):
    CONFIRM = "CONFIRM"
    REJECT = "REJECT"


@strawberry.type(description="A link the inference proposes between two parts of a plan.")
class LinkSuggestion:
    id: strawberry.ID
    type: RelationType
    from_: EntityNode = strawberry.field(name="from")
    to: EntityNode
    confidence: float
    evidence: str | None
    status: ReviewStatus


@strawberry.type
class LinkSuggestionConnection:
    total_count: int
    nodes: list[LinkSuggestion]
    page_info: PageInfo


def _suggestion_id(relation: model.Relation) -> str:
    return f"{relation.type.value}|{relation.source}|{relation.target}"


def _suggestions(info: Info, plan_id: str | None) -> dict[str, tuple[model.Relation, ReviewStatus]]:
    """Every inferred link of the plan (or of all plans): in the graph (unreviewed), or as the
    log remembers it (confirmed, rejected)."""
    store, log = info.context.store, info.context.curation
    found: dict[str, tuple[model.Relation, ReviewStatus]] = {}
    sources = {kind for kinds, _ in INFERRED_LINKS.values() for kind in kinds}
    ids = [e.id for kind in sources for e in store.find(kind, plan_id, None, 0, 1_000_000).entities]
    for steps in store.steps_of(ids, list(INFERRED_LINKS), ()):
        for step in steps:
            if step.relation.origin is model.Origin.INFERRED:
                found[_suggestion_id(step.relation)] = (step.relation, ReviewStatus.UNREVIEWED)
    for relation, confirmed in log.reviewed():
        (source,) = store.get_many([relation.source])
        if source is not None and (plan_id is None or source.plan == plan_id):
            status = ReviewStatus.CONFIRMED if confirmed else ReviewStatus.REJECTED
            found[_suggestion_id(relation)] = (relation, status)
    return found


def _suggestion(info: Info, relation: model.Relation, status: ReviewStatus) -> LinkSuggestion:
    source, target = info.context.store.get_many([relation.source, relation.target])
    return LinkSuggestion(
        id=strawberry.ID(_suggestion_id(relation)),
        type=relation.type,
        from_=node_for(source),
        to=node_for(target),
        confidence=relation.confidence or 0.0,
        evidence=relation.evidence,
        status=status,
    )


@strawberry.type
class ReviewQuery:
    @strawberry.field(description="Inferred links to review, best first (Relay paging).")
    def link_suggestions(
        self,
        info: Info,
        plan_id: strawberry.ID | None = None,
        status: ReviewStatus = ReviewStatus.UNREVIEWED,
        first: int = 20,
        after: str | None = None,
    ) -> LinkSuggestionConnection:
        first = page_size(info, first, default=20)
        start = decode_cursor(_CURSOR, after) + 1 if after else 0
        ranked = sorted(
            (
                (r, s)
                for r, s in _suggestions(info, str(plan_id) if plan_id else None).values()
                if s == status
            ),
            key=lambda item: (-(item[0].confidence or 0.0), _suggestion_id(item[0])),
        )
        page = ranked[start : start + first]
        return LinkSuggestionConnection(
            total_count=len(ranked),
            nodes=[_suggestion(info, r, s) for r, s in page],
            page_info=page_info(_CURSOR, start, len(page), len(ranked)),
        )


@strawberry.type
class ReviewMutation:
    @strawberry.mutation(description="Confirm or reject a suggested link; needs a curator's key.")
    def review_link(
        self,
        info: Info,
        id: strawberry.ID,  # noqa: A002 - the contract's argument name
        decision: ReviewDecision,
        note: str | None = None,
    ) -> LinkSuggestion:
        who = require_curator(info)
        found = _suggestions(info, None).get(str(id))
        if found is None:
            raise EntityNotFound(str(id))
        relation, status = found
        if status is not ReviewStatus.UNREVIEWED:
            raise InvalidQuery(
                f"{id} is already {status.value.lower()} (revert that change to review it again)"
            )
        store, log = info.context.store, info.context.curation
        if decision is ReviewDecision.CONFIRM:
            curated = model.Relation(
                relation.type, relation.source, relation.target, origin=model.Origin.CURATED,
                confidence=relation.confidence, evidence=note or relation.evidence,
            )  # fmt: skip
            log.add_relation(store, who.name, curated, note)
            return _suggestion(info, curated, ReviewStatus.CONFIRMED)
        log.remove_relation(store, who.name, relation, note)
        return _suggestion(info, relation, ReviewStatus.REJECTED)
