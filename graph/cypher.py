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
from collections.abc import Iterable
from typing import Any

from graph.model import Direction, Entity, EntityKind, Origin, Relation, RelationType, Role, SourceSpan
from graph.results import Step
from graph.traversal import Types, WalkLevel, WalkPlan, WalkSource

__all__ = [
    "ENTITY",
    "INDEXES",
    "KIND_LABELS",
    "ORDER",
    "STAGED",
    "STATE",
    "SWAP",
    "entity_from",
    "entity_rows",
    "node_pattern",
    "relation_row",
    "step_from",
    "walk_source_from",
    "walk_statement",
]

ENTITY = "Entity"
STAGED = "Staged"
#: One node per change of the curation log (graph/curation_keepers.py); no entity, no edge.
CURATION_CHANGE = "CurationChange"
#: One node counting plangraph's writes to the database (`BoltStore.version`); no entity, no edge.
STATE = "PlanGraphState"
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


class _Parameters(dict[str, Any]):
    """A statement's parameters, each distinct value under one short name."""

    def name(self, value: Any) -> str:
        for key, known in self.items():
            if known == value:
                return f"${key}"
        key = f"p{len(self)}"
        self[key] = value
        return f"${key}"


def _type_names(types: Types) -> list[str]:
    return [t.value for t in (RelationType if types is None else types)]


def _steps_match(
    out_types: Types, in_types: Types, params: _Parameters, types_in_pattern: bool
) -> tuple[str, list[str]]:
    """The pattern of the steps r from a node x to a node m, of out_types along the arrow and
    in_types against it, and the conditions it needs. Types are written into the pattern (so a
    node's relations of other types are never read) unless `types_in_pattern` is false (a
    shorter statement for many types: they are then a parameter); where both directions are
    followed, the direction of each type is checked against the lists of types to follow out
    and in."""
    along, against = _type_names(out_types), _type_names(in_types)
    if not (along or against):
        return f"(x)-[r]->(m:{ENTITY})", ["false"]
    union = {*along, *against}
    label, conditions = "", []
    if len(union) < len(RelationType):
        if types_in_pattern:
            label = ":" + "|".join(sorted(union))
        else:
            conditions.append(f"type(r) IN {params.name(sorted(union))}")
    if not against:
        return f"(x)-[r{label}]->(m:{ENTITY})", conditions
    if not along:
        return f"(x)<-[r{label}]-(m:{ENTITY})", conditions
    if set(along) != set(against):
        # The direction check names the types too: no need for another condition on them.
        conditions = [
            f"type(r) IN CASE startNode(r) WHEN x THEN {params.name(along)} ELSE {params.name(against)} END"
        ]
    return f"(x)-[r{label}]-(m:{ENTITY})", conditions


def _walk_level(level: WalkLevel, plan: WalkPlan, params: _Parameters, types_in_pattern: bool) -> str:
    """One level of `walk_statement`: from each node x of the frontier f (none once the walk
    has reached more than `limit` nodes, or its goal g), the steps r to m, collected as
    pairs in v; the nodes reached become the next frontier. A null is added to the frontier
    so that the statement goes on when a level finds nothing."""
    pattern, conditions = _steps_match(*level, params, types_in_pattern)
    if plan.new_only:
        conditions.insert(0, "NOT m IN s")
    if plan.origins is not None:
        conditions.append(f"r.origin IN {params.name(sorted(o.value for o in plan.origins))}")
    stops = []
    if plan.limit is not None:
        stops.append(f"size(s)>{params.name(plan.limit)}")
    if plan.goal is not None:
        stops.append("g IN s")
    frontier = f"CASE WHEN {' OR '.join(stops)} THEN [] ELSE f END" if stops else "f"
    where = f"WHERE {' AND '.join(conditions)} " if conditions else ""
    carried = "g," if plan.goal is not None else ""
    reached = "s+f" if plan.new_only else "s+[y IN f WHERE NOT y IN s]"
    return (
        f"UNWIND {frontier}+[null] AS x OPTIONAL MATCH {pattern} {where}"
        f"WITH {carried}l,s,collect([r,m]) AS v,collect(DISTINCT m) AS f "
        f"WITH {carried}l+[v] AS l,{reached} AS s,f "
    )


def walk_statement(plan: WalkPlan, types_in_pattern: bool = True) -> tuple[str, dict[str, Any]]:
    """A walk (`graph.traversal.WalkPlan`) as one statement, and its parameters. The frontier
    f, the nodes reached s and the steps of each level l are carried from level to level; l
    starts with the root (and the goal), and ends with the steps around the nodes reached.
    Then one row per step, with its level in l as `depth` (`walk_source_from` reads them):
    none at all if there is no root."""
    params = _Parameters(id=plan.root)
    if plan.goal is None:
        head = f"MATCH (a:{ENTITY} {{id: $id}}) WITH [[[null,a]]] AS l,[a] AS f,[a] AS s "
    else:
        params["goal"] = plan.goal
        head = (
            f"MATCH (a:{ENTITY} {{id: $id}}) OPTIONAL MATCH (g:{ENTITY} {{id: $goal}}) "
            "WITH g,[[[null,a],[null,g]]] AS l,CASE WHEN g IS NULL THEN [] ELSE [a] END AS f,[a] AS s "
        )
    levels = "".join(_walk_level(level, plan, params, types_in_pattern) for level in plan.levels)
    around = ""
    if plan.around is not None:
        pattern, conditions = _steps_match(*plan.around, params, types_in_pattern)
        where = f"WHERE {' AND '.join(conditions)} " if conditions else ""
        around = f"UNWIND s AS x OPTIONAL MATCH {pattern} {where}WITH l,collect([r,m]) AS v WITH l+[v] AS l "
    tail = (
        "UNWIND range(0,size(l)-1) AS d UNWIND l[d] AS e WITH d-1 AS depth,e[0] AS r,e[1] AS m "
        "WHERE m IS NOT NULL RETURN depth,startNode(r).id AS a,endNode(r).id AS b,type(r) AS type,"
        "properties(r) AS rel,properties(m) AS other"
    )
    return head + levels + around + tail, dict(params)


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


def walk_source_from(rows: list[dict[str, Any]], plan: WalkPlan) -> WalkSource:
    """The walk that `walk_statement` fetched, from its rows."""
    entities: dict[str, Entity] = {}
    levels: list[dict[str, list[Step]]] = [defaultdict(list) for _ in range(len(plan.levels) + 1)]
    for row in rows:
        if row["depth"] < 0:
            entity = entity_from(row["other"])
            entities[entity.id] = entity
            continue
        # The step's direction is the way its relationship runs from the node it is taken from.
        upstream = row["a"] == row["other"]["id"]
        node = row["b"] if upstream else row["a"]
        direction = Direction.UPSTREAM if upstream else Direction.DOWNSTREAM
        levels[row["depth"]][node].append(step_from({**row, "id": node, "direction": direction.value}))
    around = levels.pop()
    return WalkSource(entities, lambda depth, _frontier: levels[depth], lambda _nodes: around)


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
