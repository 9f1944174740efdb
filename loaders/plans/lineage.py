"""Several plans in one graph: a document one plan cites becomes the plan itself when that
plan is loaded too — in the same load, or already in the store the plans go to — matched by 文号
or by normalised title, so that plans citing 国办发〔2015〕89号 all point at one node and
DERIVES_FROM links plan to plan."""

from __future__ import annotations

import re
from collections.abc import Iterable

from graph.model import Entity, EntityKind, GraphDocument
from loaders.profile import Profile
from loaders.structure.documents import normalise_title

__all__ = ["resolve_cited_plans"]


def _titles(title: str, profile: Profile) -> set[str]:
    """A title's comparable forms: as written, without its period, without the notice around it."""
    forms = {title}
    if notice := re.match(profile.documents.notice_title, title):
        forms.add(notice.group("title"))
    forms |= {re.sub(profile.title.period + "$", "", form) for form in forms}
    return {normalise_title(form) for form in forms}


def resolve_cited_plans(document: GraphDocument, profile: Profile, stored: Iterable[Entity] = ()) -> int:
    """Fold each cited document that names a plan — of the document, or one of the `stored`
    plans already in the store — into that plan; return how many."""
    by_number: dict[str, str] = {}
    by_title: dict[str, str] = {}
    for plan in [*document.entities_of(EntityKind.PLAN), *stored]:
        if plan.attrs.get("docNumber"):
            by_number.setdefault(plan.attrs["docNumber"], plan.id)
        for form in _titles(plan.attrs.get("title") or plan.name, profile):
            by_title.setdefault(form, plan.id)
    resolved = 0
    for cited in document.entities_of(EntityKind.DOCUMENT):
        target = by_number.get(cited.attrs.get("docNumber") or "")
        if target is None:
            forms = _titles(cited.attrs.get("title") or "", profile) if cited.attrs.get("title") else set()
            target = next((by_title[f] for f in forms if f in by_title), None)
        if target is not None:
            document.redirect(cited.id, target)
            resolved += 1
    return resolved
