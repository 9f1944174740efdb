"""A small typed client for the plangraph API, for impact-analysis scripts.

Queries are checked against the committed schema (schema.graphql) before they are sent — a query
that does not fit the API fails here, not on the server — and answers come back as pydantic
models, so a script reads `impact.affected[0].entity.name`, not nested dictionaries.

    client = PlanGraphClient("http://127.0.0.1:8000/graphql")
    impact = client.impact("hubei-standardization-2016-2020/task/1.1", max_depth=3)
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from gql import Client, gql
from gql.transport.exceptions import TransportQueryError
from gql.transport.requests import RequestsHTTPTransport
from pydantic import BaseModel, ConfigDict
from pydantic.alias_generators import to_camel

__all__ = [
    "DEFAULT_URL", "Entity", "Impact", "KindCount", "PlanGraphClient", "PlanGraphError", "Reach", "Relation",
    "Responsibility",
]  # fmt: skip

SCHEMA = Path(__file__).resolve().parents[1] / "schema.graphql"
DEFAULT_URL = "http://127.0.0.1:8000/graphql"


class Model(BaseModel):
    """The API's camelCase field names, read into snake_case attributes."""

    model_config = ConfigDict(populate_by_name=True, alias_generator=to_camel)


class Entity(Model):
    id: str
    kind: str
    name: str


class Relation(Model):
    type: str
    direction: str
    origin: str
    other: Entity


class Reach(Model):
    depth: int
    entity: Entity
    path: list[Relation]


class KindCount(Model):
    kind: str
    count: int


class Responsibility(Model):
    department: Entity
    entity: Entity
    role: str
    origin: str
    inherited_from: Entity | None = None
    predecessor: Entity | None = None
    confidence: float | None = None
    evidence: str | None = None


class Impact(Model):
    root: Entity
    affected: list[Reach]
    counts_by_kind: list[KindCount]
    responsibilities: list[Responsibility]
    truncated: bool


ENTITY = "id kind name"
RESPONSIBILITY = f"""
    department {{ {ENTITY} }} entity {{ {ENTITY} }} role origin
    inheritedFrom {{ {ENTITY} }} predecessor {{ {ENTITY} }} confidence evidence
"""

IMPACT = gql(f"""
query Impact($id: ID!, $maxDepth: Int!) {{
  impact(id: $id, maxDepth: $maxDepth) {{
    root {{ {ENTITY} }}
    affected {{ depth entity {{ {ENTITY} }} path {{ type direction origin other {{ {ENTITY} }} }} }}
    countsByKind {{ kind count }}
    responsibilities {{ {RESPONSIBILITY} }}
    truncated
  }}
}}""")

RESPONSIBILITIES = gql(f"""
query Responsibilities($departmentId: ID!, $includeInherited: Boolean!) {{
  responsibilities(departmentId: $departmentId, includeInherited: $includeInherited) {{ {RESPONSIBILITY} }}
}}""")

FIND = gql(f"""
query Find($kind: EntityKind, $search: String) {{
  entities(kind: $kind, search: $search, first: 100) {{ nodes {{ {ENTITY} }} }}
}}""")


class PlanGraphError(Exception):
    """The API answered with errors (an unknown id, a limit, …); the message is the API's."""


class PlanGraphClient:
    def __init__(self, url: str = DEFAULT_URL, timeout: int = 30) -> None:
        transport = RequestsHTTPTransport(url=url, timeout=timeout, retries=1)
        self._client = Client(transport=transport, schema=SCHEMA.read_text(encoding="utf-8"))

    def _execute(self, document: Any, **variables: Any) -> dict[str, Any]:
        try:
            return self._client.execute(document, variable_values=variables)
        except TransportQueryError as exc:
            messages = "; ".join(error.get("message", "") for error in exc.errors or []) or str(exc)
            raise PlanGraphError(messages) from exc

    def impact(self, entity_id: str, max_depth: int = 6) -> Impact:
        return Impact.model_validate(self._execute(IMPACT, id=entity_id, maxDepth=max_depth)["impact"])

    def responsibilities(self, department_id: str, include_inherited: bool = True) -> list[Responsibility]:
        answer = self._execute(
            RESPONSIBILITIES, departmentId=department_id, includeInherited=include_inherited
        )
        return [Responsibility.model_validate(r) for r in answer["responsibilities"]]

    def find(self, search: str, kind: str | None = None) -> list[Entity]:
        answer = self._execute(FIND, kind=kind, search=search)
        return [Entity.model_validate(e) for e in answer["entities"]["nodes"]]

    def department(self, id_or_name: str) -> Entity:
        """A department by its id, or by its exact name (or a name only one department contains)."""
        found = self.find(id_or_name.removeprefix("department/"), kind="DEPARTMENT")
        exact = [d for d in found if id_or_name in (d.id, d.name)]
        if exact or len(found) == 1:
            return (exact or found)[0]
        names = ", ".join(d.name for d in found[:10]) or "none"
        raise PlanGraphError(f"no single department named {id_or_name!r} (candidates: {names})")
