"""Writing a `GraphDocument` out: the JSON object scripts rely on, and GraphML."""

from __future__ import annotations

import csv
import json
from io import BytesIO
from pathlib import Path
from typing import Any

import networkx as nx

from graph.model import Entity, GraphDocument, Relation, SourceSpan

__all__ = ["entity_record", "relation_record", "to_csv", "to_cypher", "to_graphml", "to_json"]


def _span(span: SourceSpan | None) -> dict[str, Any] | None:
    return {"plan": span.plan, "start": span.start, "end": span.end, "line": span.line} if span else None


def entity_record(entity: Entity) -> dict[str, Any]:
    """An entity as plain JSON data; kind-specific fields are merged in, camelCase."""
    return {
        "id": entity.id,
        "kind": entity.kind.value,
        "name": entity.name,
        "label": entity.label,
        "text": entity.text,
        "plan": entity.plan,
        "parent": entity.parent,
        "source": _span(entity.source),
        **entity.attrs,
    }


def relation_record(relation: Relation) -> dict[str, Any]:
    return {
        "type": relation.type.value,
        "from": relation.source,
        "to": relation.target,
        "origin": relation.origin.value,
        "role": relation.role.value if relation.role else None,
        "confidence": relation.confidence,
        "evidence": relation.evidence,
        "source": _span(relation.span),
    }


def to_json(document: GraphDocument) -> str:
    return json.dumps(
        {
            "entities": [entity_record(e) for e in document.entities.values()],
            "relations": [relation_record(r) for r in document.relations.values()],
        },
        ensure_ascii=False,
        indent=2,
    )


def _graphml_value(value: Any) -> str | int | float | bool:
    """GraphML holds scalars only: lists and spans become JSON text."""
    if isinstance(value, str | int | float | bool):
        return value
    return json.dumps(value, ensure_ascii=False)


def to_graphml(document: GraphDocument) -> str:
    graph = nx.MultiDiGraph()
    for entity in document.entities.values():
        record = entity_record(entity)
        record.pop("id")
        graph.add_node(entity.id, **{k: _graphml_value(v) for k, v in record.items() if v is not None})
    for relation in document.relations.values():
        record = relation_record(relation)
        source, target = record.pop("from"), record.pop("to")
        graph.add_edge(source, target, **{k: _graphml_value(v) for k, v in record.items() if v is not None})
    buffer = BytesIO()
    nx.write_graphml(graph, buffer, encoding="utf-8")
    return buffer.getvalue().decode("utf-8")


def _cypher_literal(value: Any) -> str:
    """A value as Cypher source text."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, str):
        return "'" + value.replace("\\", "\\\\").replace("'", "\\'").replace("\n", "\\n") + "'"
    if isinstance(value, list):
        return "[" + ", ".join(_cypher_literal(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"`{k}`: {_cypher_literal(v)}" for k, v in value.items()) + "}"
    raise TypeError(f"no Cypher literal for {type(value).__name__}")


def to_cypher(document: GraphDocument) -> str:
    """A Cypher script that builds the graph as the Bolt store writes it (MERGE on id, so it
    can be run again): nodes `Entity` plus their kind, relationships of their type."""
    from graph.cypher import ENTITY, KIND_LABELS, entity_rows, relation_row

    lines = [f"CREATE INDEX FOR (n:{ENTITY}) ON (n.id);"]
    for kind, rows in entity_rows(document.entities.values()).items():
        for row in rows:
            lines.append(
                f"MERGE (n:{ENTITY}:{KIND_LABELS[kind]} {{id: {_cypher_literal(row['id'])}}}) "
                f"SET n += {_cypher_literal(row['props'])};"
            )
    for relation in document.relations.values():
        row = relation_row(relation)
        source, target = _cypher_literal(row["source"]), _cypher_literal(row["target"])
        lines.append(
            f"MATCH (a:{ENTITY} {{id: {source}}}), (b:{ENTITY} {{id: {target}}}) "
            f"MERGE (a)-[r:{relation.type.value} {{key: {_cypher_literal(row['key'])}}}]->(b) "
            f"SET r += {_cypher_literal(row['props'])};"
        )
    return "\n".join(lines) + "\n"


def to_csv(document: GraphDocument, folder: Path) -> list[Path]:
    """entities.csv and relations.csv in the header format of `neo4j-admin database import`."""
    from graph.cypher import ENTITY, KIND_LABELS

    folder.mkdir(parents=True, exist_ok=True)
    entities, relations = folder / "entities.csv", folder / "relations.csv"
    with entities.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id:ID", ":LABEL", "kind", "name", "plan", "label", "text", "parent", "attrs",
                         "span_plan", "start:int", "end:int", "line:int"])  # fmt: skip
        for e in document.entities.values():
            span = e.source
            writer.writerow([
                e.id, f"{ENTITY};{KIND_LABELS[e.kind]}", e.kind.value, e.name, e.plan or "", e.label or "",
                e.text or "", e.parent or "", json.dumps(e.attrs, ensure_ascii=False),
                span.plan if span else "", span.start if span else "", span.end if span else "", span.line if span else "",
            ])  # fmt: skip
    with relations.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(
            [":START_ID", ":END_ID", ":TYPE", "key", "origin", "role", "confidence:float", "evidence"]
        )
        for r in document.relations.values():
            writer.writerow([
                r.source, r.target, r.type.value, r.role.value if r.role else "", r.origin.value,
                r.role.value if r.role else "", "" if r.confidence is None else r.confidence, r.evidence or "",
            ])  # fmt: skip
    return [entities, relations]
