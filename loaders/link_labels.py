"""Measuring inferred links against links labelled by hand.

A labelled set is a YAML file for one plan (`plan:`) whose `links:` are the cross-chapter links
a reader draws from the text, each with the words on both sides that justify it (`why`):

    plan: hubei-standardization-2016-2020
    links:
      - {type: IMPLEMENTS, from: project/3, to: task/4.7, why: "“湖北标准”走出去"}

Precision is the share of inferred links that are labelled; recall, the share of labelled
links that are inferred. Both are given per relation type and over all, with the links behind
them, so a profile's thresholds can be set for a new kind of plan and a planner sees what to
confirm or reject in the link overlay.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from graph.errors import PlanLoadError
from graph.model import GraphDocument, Origin, Relation, RelationType
from graph.semantics import INFERRED_LINKS
from loaders.overlays import LINE, plan_entity_id, read_lined_yaml

__all__ = ["LinkKey", "LinkScores", "curation", "inferred_links", "read_labelled_links", "score_links"]

#: A link as it is compared: relation type, source id, target id.
LinkKey = tuple[RelationType, str, str]

_KEYS = {"type", "from", "to", "why", LINE}


def inferred_links(document: GraphDocument, plan_id: str | None = None) -> dict[LinkKey, Relation]:
    """The links the inference made (of the types it makes), in one plan or in all."""
    return {
        (r.type, r.source, r.target): r
        for r in document.relations.values()
        if r.origin is Origin.INFERRED
        and r.type in INFERRED_LINKS
        and (plan_id is None or document.entities[r.source].plan == plan_id)
    }


def curation(found: Iterable[LinkKey], curated: GraphDocument) -> dict[LinkKey, str]:
    """What the link overlays made of inferred links: “confirmed” (the link is CURATED in the
    document the overlays were applied to) or “rejected” (it is gone). Links no overlay
    mentions are left out: they are still to be reviewed."""
    held = {(r.type, r.source, r.target): r.origin for r in curated.relations.values()}
    origins = {key: held.get(key) for key in found}
    return {
        key: "confirmed" if origin is Origin.CURATED else "rejected"
        for key, origin in origins.items()
        if origin is not Origin.INFERRED
    }


def read_labelled_links(path: Path, document: GraphDocument) -> tuple[str, set[LinkKey]]:
    """The plan id and the links of a labelled set; every entry is checked against the loaded
    plan, and an error names the file and the line."""
    data = read_lined_yaml(path, "a labelled link set is a mapping with `plan:` and `links:`")
    plan_id = data.get("plan")
    if not isinstance(plan_id, str) or plan_id not in document.entities:
        raise PlanLoadError(str(path), f"`plan: {plan_id}` is not a loaded plan", data[LINE])
    entries = data.get("links")
    if not isinstance(entries, list) or not entries:
        raise PlanLoadError(str(path), "`links:` must be a non-empty list", data[LINE])
    types = [t.value for t in INFERRED_LINKS]
    links: set[LinkKey] = set()
    for entry in entries:
        if not isinstance(entry, dict):
            raise PlanLoadError(str(path), "each link is a mapping with type, from, to, why", data[LINE])
        line = entry[LINE]
        if unknown := set(entry) - _KEYS:
            raise PlanLoadError(str(path), f"unknown keys {sorted(unknown)}", line)
        if entry.get("type") not in types:
            raise PlanLoadError(
                str(path), f"type must be one of {', '.join(types)}, not {entry.get('type')!r}", line
            )
        if not isinstance(entry.get("why"), str) or not entry["why"].strip():
            raise PlanLoadError(str(path), f"{entry.get('from')} → {entry.get('to')}: say `why`", line)
        source = plan_entity_id(path, entry.get("from"), plan_id, document, line)
        target = plan_entity_id(path, entry.get("to"), plan_id, document, line)
        key = (RelationType(entry["type"]), source, target)
        if key in links:
            raise PlanLoadError(str(path), f"{entry['from']} → {entry['to']} is labelled twice", line)
        links.add(key)
    return plan_id, links


@dataclass(frozen=True)
class LinkScores:
    """Inferred links compared with labelled ones, over all types or one."""

    found: frozenset[LinkKey]
    labelled: frozenset[LinkKey]
    by_type: dict[RelationType, LinkScores] = field(default_factory=dict, compare=False)

    @property
    def correct(self) -> frozenset[LinkKey]:
        return self.found & self.labelled

    @property
    def wrong(self) -> frozenset[LinkKey]:
        return self.found - self.labelled

    @property
    def missed(self) -> frozenset[LinkKey]:
        return self.labelled - self.found

    @property
    def precision(self) -> float:
        """1.0 when nothing was inferred: no inferred link is wrong."""
        return len(self.correct) / len(self.found) if self.found else 1.0

    @property
    def recall(self) -> float:
        return len(self.correct) / len(self.labelled) if self.labelled else 1.0


def score_links(found: Iterable[LinkKey], labelled: Iterable[LinkKey]) -> LinkScores:
    found, labelled = frozenset(found), frozenset(labelled)
    by_type = {
        rel_type: LinkScores(
            frozenset(k for k in found if k[0] is rel_type),
            frozenset(k for k in labelled if k[0] is rel_type),
        )
        for rel_type in INFERRED_LINKS
    }
    return LinkScores(found, labelled, by_type)
