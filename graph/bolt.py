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

import logging
import uuid
from collections import defaultdict
from typing import Any

from neo4j.exceptions import (
    Neo4jError,
)

from graph.bolt_session import BoltSession
from graph.cypher import (
    CURATION_CHANGE,
    ENTITY,
    KIND_LABELS,
    ORDER,
    STAGED,
    STATE,
    SWAP,
    entity_from,
    entity_rows,
    node_pattern,
    relation_row,
    step_from,
    walk_source_from,
    walk_statement,
)
from graph.errors import EntityNotFound, PlanGraphError
from graph.model import Direction, Entity, EntityKind, GraphDocument, Relation, RelationType, document_order
from graph.results import Page, Stats, Step
from graph.store import GraphStore
from graph.traversal import Types, WalkPlan, WalkSource

__all__ = ["BoltStore"]

log = logging.getLogger(__name__)


class BoltStore(BoltSession, GraphStore):
    """A `GraphStore` on a Bolt server, through its session (`graph.bolt_session`)."""

    #: Every call waits on the server: the API makes them from worker threads.
    blocking = True

    # -- the curation log (graph/curation_keepers.py) ----------------------------------------

    @property
    def where(self) -> str:
        return f"{self.uri} (database {self.database or 'default'})"

    def curation_rows(self) -> list[str]:
        """The curation log's changes as JSON, oldest first."""
        self.check()
        found = self._run(f"MATCH (c:{CURATION_CHANGE}) RETURN c.row AS row ORDER BY c.seq")
        return [row["row"] for row in found]

    def curation_count(self) -> int:
        """How many changes the curation log in the database holds (the log's version, asked
        before anything else of a new store: `check` first, for a reason a person can act on)."""
        if not self._checked:
            self.check()
        return self._run(f"MATCH (c:{CURATION_CHANGE}) RETURN count(c) AS c")[0]["c"]

    def keep_curation_rows(self, rows: list[tuple[int, str, str]]) -> None:
        """Write changes (position, id, JSON) in one statement, merged on their ids."""
        self.ensure_indexes()
        self._run(
            f"UNWIND $rows AS row MERGE (c:{CURATION_CHANGE} {{id: row.id}}) SET c.seq = row.seq, c.row = row.row",
            rows=[{"seq": seq, "id": change_id, "row": text} for seq, change_id, text in rows],
        )
        self._changed()

    def clear(self) -> None:
        """Remove everything: for tests and for a fresh start."""
        # The count of writes stays, and goes on: an answer kept before must not match after.
        self._run(f"MATCH (n) WHERE NOT n:{STATE} DETACH DELETE n")
        self._changed()

    # -- the database's version ------------------------------------------------------------

    def version(self) -> object:
        """The generation every write of plangraph's counts in the database (a `PlanGraphState`
        node), whichever process wrote: one short statement. A write made by other means than
        plangraph's is not counted."""
        found = self._run(f"MATCH (s:{STATE}) RETURN s.generation AS g")
        return found[0]["g"] if found else 0

    def _changed(self) -> None:
        self._run(f"MERGE (s:{STATE} {{id: 1}}) SET s.generation = coalesce(s.generation, 0) + 1")

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
        self._changed()

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
            self._run(SWAP, token=token, plan=plan_id)
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
            source = node_pattern("a", "row.source", source_staged)
            target = node_pattern("b", "row.target", target_staged)
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

    def change_relations(self, add: list[Relation], remove: list[Relation]) -> None:
        missing = {end for r in add for end in (r.source, r.target)} - {
            e.id for e in self.get_many(_unique([end for r in add for end in (r.source, r.target)])) if e
        }
        if missing:
            raise EntityNotFound(sorted(missing)[0])
        for relation in remove:
            row = relation_row(relation)
            self._run(
                f"MATCH (a:{ENTITY} {{id: $source}})-[r:{relation.type.value} {{key: $key}}]->(b:{ENTITY} {{id: $target}}) "
                "DELETE r",
                source=row["source"],
                target=row["target"],
                key=row["key"],
            )
        self._write_relations(add, set(), token="")
        self._changed()

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

    # -- primitives ------------------------------------------------------------------------

    def get_many(self, ids: list[str]) -> list[Entity | None]:
        if not ids:
            return []
        rows = self._run_chunked(
            f"UNWIND $ids AS id MATCH (n:{ENTITY} {{id: id}}) RETURN properties(n) AS n", "ids", _unique(ids)
        )
        found = {row["n"]["id"]: entity_from(row["n"]) for row in rows}
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
                grouped[row["id"]].append(step_from(row))
        return [grouped.get(i, []) for i in ids]

    def _walk_source(self, plan: WalkPlan) -> WalkSource:
        """The whole walk in one statement (`walk_statement`; with the relation types as a
        parameter if they make it too long), unless that statement would not fit in a message:
        then level by level."""
        for types_in_pattern in (True, False):
            statement, params = walk_statement(plan, types_in_pattern)
            if self._message_bytes(statement, params) <= self.max_message_bytes:
                return walk_source_from(self._run(statement, **params), plan)
        return super()._walk_source(plan)

    # -- lookups ---------------------------------------------------------------------------

    def plans(self) -> list[Entity]:
        rows = self._run(
            f"MATCH (n:{ENTITY} {{kind: $kind}}) RETURN properties(n) AS n", kind=EntityKind.PLAN.value
        )
        return sorted((entity_from(row["n"]) for row in rows), key=document_order)

    def children_of(self, ids: list[str]) -> list[list[Entity]]:
        if not ids:
            return []
        rows = self._run(
            f"UNWIND $ids AS id MATCH (c:{ENTITY} {{parent: id}}) RETURN id, properties(c) AS c",
            ids=list(set(ids)),
        )
        grouped: dict[str, list[Entity]] = defaultdict(list)
        for row in rows:
            grouped[row["id"]].append(entity_from(row["c"]))
        return [sorted(grouped.get(i, []), key=document_order) for i in ids]

    def find(
        self, kind: EntityKind | None, plan_id: str | None, search: str | None, offset: int, limit: int
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
            f"MATCH (n:{ENTITY}) {where}WITH n ORDER BY {ORDER} SKIP $offset LIMIT $limit RETURN properties(n) AS n",
            offset=offset,
            limit=limit,
            **params,
        )
        return Page(total=count["total"], entities=[entity_from(row["n"]) for row in rows])

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
        shared = (
            f"MATCH (n:{ENTITY} {{plan: $plan}})--(s:{ENTITY}) WHERE s.plan IS NULL RETURN count(DISTINCT s) AS c"
            if plan_id
            else f"MATCH (s:{ENTITY}) WHERE s.plan IS NULL RETURN count(s) AS c"
        )
        stats.shared = self._run(shared, plan=plan_id)[0]["c"]
        return stats


def _unique(ids: list[str]) -> list[str]:
    return list(dict.fromkeys(ids))
