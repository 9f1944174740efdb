"""The Cypher the Bolt store sends, and the mapping between rows and the domain model.

Both the Bolt store (`graph.bolt`) and the exporters (`graph.export`) use it: how an entity
becomes a node (labels, properties, `attrs` as JSON) and a relation a relationship, and the
statements whose shape is fixed — indexes, the staged swap, a walk of known shape in one
statement. Only labels and relationship types taken from the enums are written into Cypher;
everything else is a parameter.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Iterable
from typing import Any

from graph.model import Direction, Entity, EntityKind, Origin, Relation, RelationType, Role, SourceSpan
from graph.results import Step
from graph.traversal import Types, WalkLevel

__all__ = [
    "ENTITY",
    "INDEXES",
    "KIND_LABELS",
    "NO_LIMIT",
    "ORDER",
    "STAGED",
    "SWAP",
    "entity_from",
    "entity_rows",
    "node_pattern",
    "relation_row",
    "step_from",
    "walk_statement",
]

ENTITY = "Entity"
STAGED = "Staged"
#: One node per change of the curation log (graph/curation_keepers.py); no entity, no edge.
CURATION_CHANGE = "CurationChange"
KIND_LABELS = {kind: kind.value.capitalize() for kind in EntityKind}
ORDER = "coalesce(n.plan, ''), coalesce(n.start, -1), n.id"
INDEXES = [
    f"CREATE INDEX FOR (n:{ENTITY}) ON (n.id)",
    f"CREATE INDEX FOR (n:{ENTITY}) ON (n.plan)",
    f"CREATE INDEX FOR (n:{ENTITY}) ON (n.parent)",
    f"CREATE INDEX FOR (n:{STAGED}) ON (n.stage)",
    f"CREATE INDEX FOR (n:{CURATION_CHANGE}) ON (n.id)",
]
#: Promote a plan's staged version and delete the old one, in one statement. The node it
#: creates and deletes at once changes nothing, but FalkorDB changes labels far faster in a
#: statement that has deleted a node: a plan's first load deletes nothing else, and its label
#: changes cost ~20× more, growing with the graph (520 nodes at 40 plans: 112 ms, 6 ms with it).
SWAP = f"""
MATCH (s:{STAGED} {{stage: $token}})
WITH count(s) AS staged WHERE staged > 0
CREATE (mark)
DELETE mark
WITH staged
OPTIONAL MATCH (old:{ENTITY} {{plan: $plan}})
DETACH DELETE old
WITH DISTINCT staged
MATCH (n:{STAGED} {{stage: $token}})
SET n:{ENTITY}
REMOVE n:{STAGED}
REMOVE n.stage
RETURN count(n) AS swapped
"""
#: A walk's `limit` when there is none (Cypher has no infinity for integers).
NO_LIMIT = 2**62


def _type_names(types: Types) -> list[str]:
    return [t.value for t in (RelationType if types is None else types)]


def _walk_level(out_types: Types, in_types: Types, new_only: bool, type_param: Callable[[Types], str]) -> str:
    """One level of `_walk_statement`: from each node x of the frontier f, the steps r to m,
    collected in v; the nodes reached become the next frontier (unless more than $limit
    nodes have been reached). Types are written into the pattern (so a node's relations of
    other types are never read); where both directions are asked for, the direction of each
    type is checked against the lists of types to follow out and in."""
    follows_out = out_types is None or bool(out_types)
    follows_in = in_types is None or bool(in_types)
    union = None if out_types is None or in_types is None else {*out_types, *in_types}
    label = ":" + "|".join(sorted(t.value for t in union)) if union and len(union) < len(RelationType) else ""
    condition = "true"
    if not follows_in:
        pattern = f"(x)-[r{label}]->(m:{ENTITY})"
        condition = "true" if follows_out else "false"
    elif not follows_out:
        pattern = f"(x)<-[r{label}]-(m:{ENTITY})"
    else:
        pattern = f"(x)-[r{label}]-(m:{ENTITY})"
        if out_types is not None or in_types is not None:
            condition = (
                f"(startNode(r) = x AND type(r) IN ${type_param(out_types)} "
                f"OR endNode(r) = x AND type(r) IN ${type_param(in_types)})"
            )
    unseen = "NOT m.id IN s AND " if new_only else ""
    return (
        "UNWIND CASE WHEN f = [] THEN [null] ELSE f END AS x "
        f"OPTIONAL MATCH {pattern} WHERE {unseen}{condition} "
        "WITH root, s, l, collect(CASE WHEN r IS NULL THEN null ELSE {a: x.id, r: r, m: m} END) AS v, "
        "collect(DISTINCT m) AS n "
        "WITH root, l + [v] AS l, s + [y IN n | y.id] AS s, "
        "CASE WHEN size(s) + size(n) > $limit THEN [] ELSE n END AS f "
    )


def walk_statement(levels: list[WalkLevel], new_only: bool) -> tuple[str, dict[str, list[str]]]:
    """A walk of several levels as one statement, and the lists of type names it takes as
    parameters (one per distinct list). The frontier f, the ids reached s and the steps of
    each level l are carried from level to level; then one row per step, with its level as
    `depth`, and a row of depth -1 for the root (none if there is no such entity)."""
    type_params: dict[str, list[str]] = {}

    def type_param(types: Types) -> str:
        names = _type_names(types)
        for name, listed in type_params.items():
            if listed == names:
                return name
        name = f"t{len(type_params)}"
        type_params[name] = names
        return name

    statement = (
        f"MATCH (root:{ENTITY} {{id: $id}}) WITH root, [root] AS f, [root.id] AS s, [] AS l "
        + "".join(_walk_level(*level, new_only, type_param) for level in levels)
        + "UNWIND range(-1, size(l) - 1) AS d "
        "UNWIND CASE WHEN d < 0 THEN [{a: null, r: null, m: root}] ELSE l[d] END AS e "
        "RETURN d AS depth, e.a AS id, type(e.r) AS type, "
        "CASE WHEN startNode(e.r) = e.m THEN 'UPSTREAM' ELSE 'DOWNSTREAM' END AS direction, "
        "properties(e.r) AS rel, properties(e.m) AS other"
    )
    return statement, type_params


# -- rows in, entities out -------------------------------------------------------------------


def _span_props(span: SourceSpan | None) -> dict[str, Any]:
    if span is None:
        return {}
    return {"span_plan": span.plan, "start": span.start, "end": span.end, "line": span.line}


def entity_rows(entities: Iterable[Entity]) -> dict[EntityKind, list[dict[str, Any]]]:
    rows: dict[EntityKind, list[dict[str, Any]]] = defaultdict(list)
    for entity in entities:
        props = {
            "id": entity.id,
            "kind": entity.kind.value,
            "name": entity.name,
            "plan": entity.plan,
            "label": entity.label,
            "text": entity.text,
            "parent": entity.parent,
            "attrs": json.dumps(entity.attrs, ensure_ascii=False),
            # The other names a body goes by, searchable like its name (省质监局, 市场监管总局).
            "aliases": "、".join(entity.attrs.get("aliases") or []) or None,
            **_span_props(entity.source),
        }
        rows[entity.kind].append(
            {"id": entity.id, "props": {k: v for k, v in props.items() if v is not None}}
        )
    return rows


def relation_row(relation: Relation) -> dict[str, Any]:
    props = {
        "origin": relation.origin.value,
        "role": relation.role.value if relation.role else None,
        "confidence": relation.confidence,
        "evidence": relation.evidence,
        **_span_props(relation.span),
    }
    return {
        "source": relation.source,
        "target": relation.target,
        "key": relation.role.value if relation.role else "",
        "props": {k: v for k, v in props.items() if v is not None},
    }


def node_pattern(variable: str, id_expression: str, staged: bool) -> str:
    if staged:
        return f"({variable}:{STAGED} {{stage: $token, id: {id_expression}}})"
    return f"({variable}:{ENTITY} {{id: {id_expression}}})"


def _span(props: dict[str, Any]) -> SourceSpan | None:
    if props.get("start") is None:
        return None
    return SourceSpan(props["span_plan"], props["start"], props["end"], props["line"])


def entity_from(props: dict[str, Any]) -> Entity:
    return Entity(
        id=props["id"],
        kind=EntityKind(props["kind"]),
        name=props["name"],
        plan=props.get("plan"),
        label=props.get("label"),
        text=props.get("text"),
        parent=props.get("parent"),
        source=_span(props),
        attrs=json.loads(props.get("attrs") or "{}"),
    )


def step_from(row: dict[str, Any]) -> Step:
    rel, other = row["rel"], entity_from(row["other"])
    direction = Direction(row["direction"])
    source, target = (row["id"], other.id) if direction is Direction.DOWNSTREAM else (other.id, row["id"])
    relation = Relation(
        type=RelationType(row["type"]),
        source=source,
        target=target,
        origin=Origin(rel.get("origin", Origin.TEXT.value)),
        role=Role(rel["role"]) if rel.get("role") else None,
        confidence=rel.get("confidence"),
        evidence=rel.get("evidence"),
        span=_span(rel),
    )
    return Step(relation, direction, other)
