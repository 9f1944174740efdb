"""Writing a `GraphDocument` out: the JSON object scripts rely on, and GraphML."""

from __future__ import annotations

import json
from io import BytesIO
from typing import Any

import networkx as nx

from graph.model import Entity, GraphDocument, Relation, SourceSpan

__all__ = ["entity_record", "relation_record", "to_graphml", "to_json"]


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
