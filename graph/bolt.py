"""The Bolt store: the graph in Neo4j (or any server that speaks Bolt and Cypher), through
the official neo4j driver.

Every entity is a node labelled ``Entity`` and its kind (``Task``, ``Goal`` …) with its
fields as properties (kind-specific ones as JSON in ``attrs``); every relation a
relationship of its type. Queries are parameterized; the only names written into Cypher
are labels and relationship types taken from the enums.

Loading a plan is atomic without relying on multi-statement transactions (FalkorDB's Bolt
endpoint does not honour them): the new version is written as ``Staged`` nodes that no
query reads, then one single query deletes the old version and turns the staged nodes
into ``Entity`` nodes. A load that fails before that leaves the old version untouched.
Every write is a MERGE, so a retried statement changes nothing.

FalkorDB's Bolt endpoint writes parameters into the statement as text without escaping them
(a quote in a search string breaks the statement, or worse); the store notices this with a
harmless probe and escapes every string it sends to such a server.
"""

from __future__ import annotations

import json
import logging
import time
import uuid
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from neo4j import GraphDatabase
from neo4j.exceptions import AuthError, Neo4jError, ServiceUnavailable, SessionExpired

from graph.errors import BackendUnavailable, EntityNotFound, PlanGraphError
from graph.model import (
    Direction,
    Entity,
    EntityKind,
    GraphDocument,
    Origin,
    Relation,
    RelationType,
    Role,
    SourceSpan,
    document_order,
)
from graph.results import Page, Stats, Step
from graph.store import GraphStore
from graph.traversal import StepSource, Types, WalkLevel

__all__ = ["ENTITY", "KIND_LABELS", "BoltStore", "entity_rows", "relation_row"]

log = logging.getLogger(__name__)

ENTITY = "Entity"
STAGED = "Staged"
KIND_LABELS = {kind: kind.value.capitalize() for kind in EntityKind}
_ORDER = "coalesce(n.plan, ''), coalesce(n.start, -1), n.id"
_INDEXES = [
    f"CREATE INDEX FOR (n:{ENTITY}) ON (n.id)",
    f"CREATE INDEX FOR (n:{ENTITY}) ON (n.plan)",
    f"CREATE INDEX FOR (n:{ENTITY}) ON (n.parent)",
    f"CREATE INDEX FOR (n:{STAGED}) ON (n.stage)",
]
#: Promote a plan's staged version and delete the old one, in one statement. The node it
#: creates and deletes at once changes nothing, but FalkorDB changes labels far faster in a
#: statement that has deleted a node: a plan's first load deletes nothing else, and its label
#: changes cost ~20× more, growing with the graph (520 nodes at 40 plans: 112 ms, 6 ms with it).
_SWAP = f"""
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


class BoltStore(GraphStore):
    """A `GraphStore` on a Bolt server.

    `round_trips` counts the statements sent, so tests and benchmarks can see what a
    request costs. `max_message_bytes` bounds the size of one statement with its
    parameters: batches of rows or ids are cut to fit. FalkorDB 4.16's Bolt endpoint
    crashes on a message over 4 KiB, hence the small default; Neo4j takes far more.
    """

    #: Every call waits on the server: the API makes them from worker threads.
    blocking = True

    def __init__(
        self,
        uri: str,
        user: str,
        password: str,
        database: str,
        *,
        max_message_bytes: int = 4000,
        connection_timeout: float = 5.0,
    ) -> None:
        self.uri = uri
        self.database = database
        self.max_message_bytes = max_message_bytes
        self.round_trips = 0
        self._driver = GraphDatabase.driver(
            uri,
            auth=(user, password),
            connection_timeout=connection_timeout,
            connection_acquisition_timeout=connection_timeout,
        )
        self._indexed = False
        #: Whether the server writes parameters into the statement as text (FalkorDB's Bolt
        #: endpoint does, without escaping them): then strings are escaped before sending.
        self._inlines_parameters: bool | None = None

    def close(self) -> None:
        self._driver.close()

    # -- talking to the server -------------------------------------------------------------

    def _run(self, cypher: str, **params: Any) -> list[dict[str, Any]]:
        """One auto-commit statement. A connection that drops is tried again twice (every
        statement here is idempotent); a server that stays away is `BackendUnavailable`."""
        if self._probe_inlining():
            params = _escaped(params)
        self.round_trips += 1
        return self._send(cypher, params)

    def _probe_inlining(self) -> bool:
        if self._inlines_parameters is None:
            self._inlines_parameters = self._send("RETURN $probe AS v", {"probe": _PROBE}) != [{"v": _PROBE}]
        return self._inlines_parameters

    def _send(self, cypher: str, params: dict[str, Any]) -> list[dict[str, Any]]:
        failure: Exception | None = None
        for attempt in range(3):
            try:
                with self._driver.session(database=self.database) as session:
                    return session.run(cypher, params).data()
            except AuthError as exc:
                raise BackendUnavailable(f"the graph database at {self.uri} refused the credentials") from exc
            except (ServiceUnavailable, SessionExpired, OSError) as exc:
                failure = exc
                time.sleep(0.05 * attempt)
        raise BackendUnavailable(
            f"the graph database at {self.uri} cannot be reached ({failure})"
        ) from failure

    def ping(self) -> bool:
        try:
            return self._run("RETURN 1 AS ok") == [{"ok": 1}]
        except (PlanGraphError, Neo4jError):
            return False

    def check(self) -> None:
        """Raise `BackendUnavailable` with a reason a person can act on, unless the server answers."""
        try:
            self._run("RETURN 1 AS ok")
        except Neo4jError as exc:
            raise BackendUnavailable(
                f"the graph database at {self.uri} refused a trivial query ({exc.code}); "
                "check PLANGRAPH_NEO4J_USER, PLANGRAPH_NEO4J_PASSWORD and PLANGRAPH_NEO4J_DATABASE"
            ) from exc

    def ensure_indexes(self) -> None:
        """Create the indexes the queries rely on, where the server supports them; an index
        that exists already is not an error."""
        if self._indexed:
            return
        for statement in _INDEXES:
            try:
                self._run(statement)
            except Neo4jError as exc:
                log.debug("index not created (%s): %s", exc.code, statement)
        self._indexed = True

    def clear(self) -> None:
        """Remove everything: for tests and for a fresh start."""
        self._run("MATCH (n) DETACH DELETE n")

    # -- loading ---------------------------------------------------------------------------

    def load(self, document: GraphDocument) -> None:
        self.check()
        self.ensure_indexes()
        plan_ids = sorted(
            {e.plan for e in document.entities.values() if e.kind is EntityKind.PLAN and e.plan}
        )
        shared = [e for e in document.entities.values() if e.plan is None]
        for kind, rows in entity_rows(shared).items():
            self._run_chunked(
                f"UNWIND $rows AS row MERGE (n:{ENTITY}:{KIND_LABELS[kind]} {{id: row.id}}) "
                "ON CREATE SET n += row.props",
                "rows",
                rows,
            )
        by_plan = {e.id: e.plan for e in document.entities.values()}
        # Shared relations first: then each plan's swap is the last statement of its load.
        among_shared = [
            r
            for r in document.relations.values()
            if by_plan.get(r.source) is None and by_plan.get(r.target) is None
        ]
        self._write_relations(among_shared, staged=set(), token="")
        for plan_id in plan_ids:
            self._load_plan(plan_id, document, by_plan)

    def _load_plan(self, plan_id: str, document: GraphDocument, by_plan: dict[str, str | None]) -> None:
        token = uuid.uuid4().hex
        entities = [e for e in document.entities.values() if e.plan == plan_id]
        staged = {e.id for e in entities}
        try:
            for kind, rows in entity_rows(entities).items():
                self._run_chunked(
                    f"UNWIND $rows AS row MERGE (n:{STAGED}:{KIND_LABELS[kind]} "
                    "{stage: $token, id: row.id}) SET n += row.props",
                    "rows",
                    rows,
                    token=token,
                )
            relations = [r for r in document.relations.values() if r.source in staged or r.target in staged]
            self._write_relations(relations, staged, token)
            self._keep_held_relations(plan_id, token)
            self._run(_SWAP, token=token, plan=plan_id)
        except BaseException:
            self._discard(token)
            raise

    def _write_relations(self, relations: list[Relation], staged: set[str], token: str) -> None:
        groups: dict[tuple[RelationType, bool, bool], list[dict[str, Any]]] = defaultdict(list)
        for relation in relations:
            groups[(relation.type, relation.source in staged, relation.target in staged)].append(
                relation_row(relation)
            )
        for (rel_type, source_staged, target_staged), rows in groups.items():
            source = _node_pattern("a", "row.source", source_staged)
            target = _node_pattern("b", "row.target", target_staged)
            relation = f"[r:{rel_type.value} {{key: row.key}}]"
            # MERGE looks for the relationship from the node it is written from; a shared node (a
            # department every plan names) has thousands, a staged one a handful.
            merge = f"(b)<-{relation}-(a)" if target_staged and not source_staged else f"(a)-{relation}->(b)"
            self._run_chunked(
                f"UNWIND $rows AS row MATCH {source}, {target} MERGE {merge} SET r += row.props",
                "rows",
                rows,
                token=token,
            )

    def _keep_held_relations(self, plan_id: str, token: str) -> None:
        """Relations that other plans hold to the plan being replaced (a later plan DERIVES_FROM
        it) are copied onto its staged version, where the entity at their end is still there.
        Cypher creates a relationship only of a written type: one statement per type and
        direction found."""
        # The plan's nodes first, then their relations: FalkorDB uses the index on plan only so.
        old = f"MATCH (o:{ENTITY} {{plan: $plan}}) WITH o MATCH (o)"
        held = f"(x:{ENTITY}) WHERE x.plan IS NOT NULL AND x.plan <> $plan"
        found = self._run(
            f"{old}-[r]-{held} RETURN DISTINCT type(r) AS type, startNode(r) = x AS inbound",
            plan=plan_id,
        )
        for row in found:
            rel_type = RelationType(row["type"]).value  # a known type, never text from the server
            relation = f"[c:{rel_type} {{key: r.key}}]"
            arrow = (
                f"(n)<-{relation}-(x)" if row["inbound"] else f"(n)-{relation}->(x)"
            )  # from the staged end
            pattern = f"<-[r:{rel_type}]-" if row["inbound"] else f"-[r:{rel_type}]->"
            self._run(
                f"{old}{pattern}{held} "
                f"MATCH (n:{STAGED} {{stage: $token, id: o.id}}) MERGE {arrow} SET c += properties(r)",
                plan=plan_id,
                token=token,
            )

    def _discard(self, token: str) -> None:
        """Best effort: remove what a failed load staged. What stays is never read."""
        try:
            self._run(f"MATCH (n:{STAGED} {{stage: $token}}) DETACH DELETE n", token=token)
        except (PlanGraphError, Neo4jError) as exc:
            log.warning("staged nodes of a failed load were left behind: %s", exc)

    def _run_chunked(self, cypher: str, key: str, items: list[Any], **params: Any) -> list[dict[str, Any]]:
        """Run an UNWIND statement over items, in as many statements as the message size
        allows, and concatenate the answers."""
        budget = self.max_message_bytes - self._message_bytes(cypher, params)
        measure = _escaped if self._probe_inlining() else None
        rows: list[dict[str, Any]] = []
        for chunk in _chunks(items, budget, measure):
            rows.extend(self._run(cypher, **{key: chunk}, **params))
        return rows

    def _message_bytes(self, cypher: str, params: dict[str, Any]) -> int:
        """An upper estimate of a statement's message, its parameters measured as sent."""
        sent = _escaped(params) if self._probe_inlining() else params
        return len(cypher.encode()) + _size(sent) + _MESSAGE_OVERHEAD

    # -- primitives ------------------------------------------------------------------------

    def get_many(self, ids: list[str]) -> list[Entity | None]:
        if not ids:
            return []
        rows = self._run_chunked(
            f"UNWIND $ids AS id MATCH (n:{ENTITY} {{id: id}}) RETURN properties(n) AS n", "ids", _unique(ids)
        )
        found = {row["n"]["id"]: _entity(row["n"]) for row in rows}
        return [found.get(i) for i in ids]

    def _fetch_steps(self, ids: list[str], out_types: Types, in_types: Types) -> list[list[Step]]:
        parts = []
        for direction, types, arrow in (
            (Direction.DOWNSTREAM, out_types, "-[r{types}]->"),
            (Direction.UPSTREAM, in_types, "<-[r{types}]-"),
        ):
            if types is not None and not types:
                continue
            type_filter = ":" + "|".join(t.value for t in types) if types else ""
            parts.append(
                f"UNWIND $ids AS id "
                f"MATCH (a:{ENTITY} {{id: id}}){arrow.format(types=type_filter)}(b:{ENTITY}) "
                f"RETURN id, '{direction.value}' AS direction, type(r) AS type, "
                "properties(r) AS rel, properties(b) AS other"
            )
        grouped: dict[str, list[Step]] = defaultdict(list)
        if parts:
            for row in self._run_chunked(" UNION ALL ".join(parts), "ids", _unique(ids)):
                grouped[row["id"]].append(_step(row))
        return [grouped.get(i, []) for i in ids]

    def _walk_source(
        self, root_id: str, levels: list[WalkLevel], new_only: bool, limit: int | None
    ) -> tuple[Entity, StepSource]:
        """The whole walk in one statement (`_walk_statement`), unless that statement would
        not fit in a message: then level by level."""
        statement, type_params = _walk_statement(levels, new_only)
        params: dict[str, Any] = {
            "id": root_id,
            "limit": _NO_LIMIT if limit is None else limit,
            **type_params,
        }
        if self._message_bytes(statement, params) > self.max_message_bytes:
            return super()._walk_source(root_id, levels, new_only, limit)
        root: Entity | None = None
        by_level: list[dict[str, list[Step]]] = [defaultdict(list) for _ in levels]
        for row in self._run(statement, **params):
            if row["depth"] < 0:
                root = _entity(row["other"])
            else:
                by_level[row["depth"]][row["id"]].append(_step(row))
        if root is None:
            raise EntityNotFound(root_id)
        return root, lambda depth, _frontier: by_level[depth]

    # -- lookups ---------------------------------------------------------------------------

    def plans(self) -> list[Entity]:
        rows = self._run(
            f"MATCH (n:{ENTITY} {{kind: $kind}}) RETURN properties(n) AS n", kind=EntityKind.PLAN.value
        )
        return sorted((_entity(row["n"]) for row in rows), key=document_order)

    def children_of(self, ids: list[str]) -> list[list[Entity]]:
        if not ids:
            return []
        rows = self._run(
            f"UNWIND $ids AS id MATCH (c:{ENTITY} {{parent: id}}) RETURN id, properties(c) AS c",
            ids=list(set(ids)),
        )
        grouped: dict[str, list[Entity]] = defaultdict(list)
        for row in rows:
            grouped[row["id"]].append(_entity(row["c"]))
        return [sorted(grouped.get(i, []), key=document_order) for i in ids]

    def find(
        self,
        kind: EntityKind | None,
        plan_id: str | None,
        search: str | None,
        offset: int,
        limit: int,
    ) -> Page:
        conditions = []
        if kind is not None:
            conditions.append("n.kind = $kind")
        if plan_id is not None:
            conditions.append("n.plan = $plan")
        if search:
            conditions.append(
                "(toLower(n.name) CONTAINS $search OR toLower(coalesce(n.text, '')) CONTAINS $search"
                " OR toLower(coalesce(n.aliases, '')) CONTAINS $search)"
            )
        where = f"WHERE {' AND '.join(conditions)} " if conditions else ""
        params = {
            "kind": kind.value if kind else None,
            "plan": plan_id,
            "search": search.lower() if search else None,
        }
        (count,) = self._run(f"MATCH (n:{ENTITY}) {where}RETURN count(n) AS total", **params)
        if limit == 0 or offset >= count["total"]:
            return Page(total=count["total"], entities=[])
        # One row per entity: FalkorDB cannot send a record over 64 KiB, so no collect().
        rows = self._run(
            f"MATCH (n:{ENTITY}) {where}WITH n ORDER BY {_ORDER} SKIP $offset LIMIT $limit RETURN properties(n) AS n",
            offset=offset,
            limit=limit,
            **params,
        )
        return Page(total=count["total"], entities=[_entity(row["n"]) for row in rows])

    def stats(self, plan_id: str | None) -> Stats:
        node_filter = "WHERE n.plan = $plan " if plan_id else ""
        edge_filter = "WHERE a.plan = $plan OR b.plan = $plan " if plan_id else ""
        stats = Stats()
        for row in self._run(
            f"MATCH (n:{ENTITY}) {node_filter}RETURN n.kind AS kind, count(*) AS count", plan=plan_id
        ):
            stats.by_kind[EntityKind(row["kind"])] = row["count"]
        for row in self._run(
            f"MATCH (a:{ENTITY})-[r]->(b:{ENTITY}) {edge_filter}RETURN type(r) AS type, count(*) AS count",
            plan=plan_id,
        ):
            stats.by_relation[RelationType(row["type"])] = row["count"]
        stats.entities = sum(stats.by_kind.values())
        stats.relations = sum(stats.by_relation.values())
        return stats


# -- messages ----------------------------------------------------------------------------------

#: Room for what a RUN message carries besides the statement and its parameters.
_MESSAGE_OVERHEAD = 256
#: A walk's `limit` when there is none (Cypher has no infinity for integers).
_NO_LIMIT = 2**62


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


def _walk_statement(levels: list[WalkLevel], new_only: bool) -> tuple[str, dict[str, list[str]]]:
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


def _size(value: Any) -> int:
    """An upper estimate of a value's size on the wire (PackStream is no larger than JSON)."""
    return len(json.dumps(value, ensure_ascii=False).encode())


def _chunks(items: list[Any], budget: int, measure: Any = None) -> Iterator[list[Any]]:
    """Items in runs that fit the budget, each measured as it will be sent (`measure`)."""
    chunk: list[Any] = []
    used = 2
    for item in items:
        size = _size(measure(item) if measure else item) + 1
        if size + 2 > budget:
            raise PlanGraphError(
                f"one item of {size} bytes does not fit in a Bolt message of at most the configured "
                "size (PLANGRAPH_NEO4J_MAX_MESSAGE_BYTES)"
            )
        if chunk and used + size > budget:
            yield chunk
            chunk, used = [], 2
        chunk.append(item)
        used += size
    if chunk:
        yield chunk


#: A string that a server which inlines parameters as Cypher text would change (\t is read as a tab).
_PROBE = "plangraph\\tprobe"


def _escaped(value: Any) -> Any:
    """Strings as a Cypher string literal needs them, for a server that inlines parameters."""
    if isinstance(value, str):
        return value.replace("\\", "\\\\").replace("'", "\\'")
    if isinstance(value, list):
        return [_escaped(v) for v in value]
    if isinstance(value, dict):
        return {k: _escaped(v) for k, v in value.items()}
    return value


def _unique(ids: list[str]) -> list[str]:
    return list(dict.fromkeys(ids))


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


def _node_pattern(variable: str, id_expression: str, staged: bool) -> str:
    if staged:
        return f"({variable}:{STAGED} {{stage: $token, id: {id_expression}}})"
    return f"({variable}:{ENTITY} {{id: {id_expression}}})"


def _span(props: dict[str, Any]) -> SourceSpan | None:
    if props.get("start") is None:
        return None
    return SourceSpan(props["span_plan"], props["start"], props["end"], props["line"])


def _entity(props: dict[str, Any]) -> Entity:
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


def _step(row: dict[str, Any]) -> Step:
    rel, other = row["rel"], _entity(row["other"])
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
