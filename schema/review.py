"""The review queue of inferred links: suggestions best first, confirmed or rejected by a
curator. The queue is every candidate link of a plan as the loader ranks them: the inferred
links in the graph first among equals, and below the graph's thresholds the ones that wait for a
reader. A confirmed link becomes a relation of origin CURATED; a rejected one leaves the graph
(every query) and is not suggested again. Both are changes in the log, and can be reverted."""

from __future__ import annotations

from enum import StrEnum

import strawberry
from strawberry.types import Info

from graph import model
from graph.errors import EntityNotFound, InvalidQuery
from graph.semantics import INFERRED_LINKS
from graph.store import GraphStore
from loaders.links.review_queue import ranked_candidates
from schema.auth import require_curator
from schema.connections import Connection, connection
from schema.paging import decode_cursor, page_size
from schema.types import EntityNode, RelationType, node_for

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
    likelihood: float = strawberry.field(
        description="How likely a reader calls the link plain: the review queue's ranker's estimate, 0–1."
    )
    similarity: float | None = strawberry.field(
        description="How much the two ends' text have in common, as the inference measured it "
        "(the `confidence` of the inferred relation in the graph)."
    )
    evidence: str | None
    status: ReviewStatus

    @strawberry.field(deprecation_reason="Named `likelihood`; not the relation's `confidence`.")
    def confidence(self) -> float:
        return self.likelihood


def _suggestion_id(relation: model.Relation) -> str:
    return f"{relation.type.value}|{relation.source}|{relation.target}"


def _source_of(suggestion_id: str) -> str:
    """The id of the entity a suggestion runs from (the middle of TYPE|from|to)."""
    parts = suggestion_id.split("|")
    return parts[1] if len(parts) == 3 else ""


#: A suggestion as found: the link, its review status, and how likely a reader calls it plain.
Found = tuple[model.Relation, ReviewStatus, float]


def _suggestions(info: Info, plan_id: str | None) -> dict[str, Found]:
    """Every candidate link of the plan (or of all plans): the inferred ones in the graph and
    the ranked ones below its thresholds (unreviewed), and those the log remembers (confirmed,
    rejected). Links the text states or a curator added are no suggestions."""
    store, log = info.context.store, info.context.curation
    plan_ids = [plan_id] if plan_id is not None else [p.id for p in store.plans()]
    found: dict[str, Found] = {}
    likelihood: dict[str, float] = {}
    for plan in plan_ids:
        ranking = ranked_candidates(store, plan, info.context.link_rules)
        held = _held_links(store, sorted({r.candidate.source.id for r in ranking}))
        for ranked in ranking:
            relation = held.get(ranked.candidate.key) or ranked.candidate.relation()
            likelihood[_suggestion_id(relation)] = ranked.likelihood
            if relation.origin is model.Origin.INFERRED:
                found[_suggestion_id(relation)] = (relation, ReviewStatus.UNREVIEWED, ranked.likelihood)
    reviewed = log.reviewed()
    sources = store.get_many([relation.source for relation, _, _ in reviewed])
    for (relation, confirmed, logged), source in zip(reviewed, sources, strict=True):
        if source is not None and (plan_id is None or source.plan == plan_id):
            status = ReviewStatus.CONFIRMED if confirmed else ReviewStatus.REJECTED
            key = _suggestion_id(relation)
            found[key] = (relation, status, likelihood.get(key, logged or 0.0))
    return found


def _held_links(
    store: GraphStore, source_ids: list[str]
) -> dict[tuple[model.RelationType, str, str], model.Relation]:
    """The links of the suggested types the graph holds from these entities."""
    return {
        (step.relation.type, step.relation.source, step.relation.target): step.relation
        for steps in store.steps_of(source_ids, list(INFERRED_LINKS), ())
        for step in steps
    }


def _suggestion_nodes(info: Info, found: list[Found]) -> list[LinkSuggestion]:
    """Suggestions as GraphQL answers them, both ends of all of them fetched at once."""
    ends = iter(info.context.store.get_many([end for r, _, _ in found for end in (r.source, r.target)]))
    return [
        LinkSuggestion(
            id=strawberry.ID(_suggestion_id(relation)),
            type=relation.type,
            from_=node_for(next(ends)),
            to=node_for(next(ends)),
            likelihood=round(likelihood, 3),
            similarity=relation.confidence,
            evidence=relation.evidence,
            status=status,
        )
        for relation, status, likelihood in found
    ]


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
    ) -> Connection[LinkSuggestion]:
        first = page_size(info, first, default=20)
        start = decode_cursor(_CURSOR, after) + 1 if after else 0
        ranked = sorted(
            (
                found
                for found in _suggestions(info, str(plan_id) if plan_id else None).values()
                if found[1] == status
            ),
            key=lambda found: (-found[2], _suggestion_id(found[0])),
        )
        page = ranked[start : start + first]
        return connection(_CURSOR, _suggestion_nodes(info, page), start, len(ranked), lambda node: node)


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
        (source,) = info.context.store.get_many([_source_of(str(id))])
        found = _suggestions(info, source.plan).get(str(id)) if source is not None and source.plan else None
        if found is None:
            raise EntityNotFound(str(id))
        relation, status, likelihood = found
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
            log.add_relation(
                store, who.name, curated, note, reviewed=relation, likelihood=round(likelihood, 3)
            )
            return _suggestion_nodes(info, [(curated, ReviewStatus.CONFIRMED, likelihood)])[0]
        log.reject_link(store, who.name, relation, note, round(likelihood, 3))
        return _suggestion_nodes(info, [(relation, ReviewStatus.REJECTED, likelihood)])[0]
