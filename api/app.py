"""The FastAPI application: /graphql (API and GraphiQL), /health."""

from __future__ import annotations

import json
import re

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse
from strawberry.fastapi import GraphQLRouter
from strawberry.http import GraphQLHTTPResponse
from strawberry.types import ExecutionResult

from api.middleware import BodySizeLimit, RequestId
from graph.errors import PlanGraphError
from graph.model import EntityKind
from graph.store import GraphStore
from schema import PlanGraphContext, QueryLimits, build_schema
from schema.errors import query_error_code

__all__ = ["create_app", "example_query"]

_EXAMPLE_QUERY = re.compile(r"const EXAMPLE_QUERY = `.*?`;", re.DOTALL)


def example_query(store: GraphStore) -> str:
    """GraphiQL's opening query: the impact of the first numbered task (a task with no parts)."""
    tasks = store.find(EntityKind.TASK, None, None, 0, 100).entities
    parts = store.children_of([t.id for t in tasks])
    leaves = [t.id for t, p in zip(tasks, parts, strict=True) if not p]
    task_id = leaves[0] if leaves else "…"
    return f"""# Impact analysis: what is put at risk if this task slips, and through which links?
{{
  impact(id: {json.dumps(task_id, ensure_ascii=False)}, maxDepth: 3) {{
    root {{ id name }}
    countsByKind {{ kind count }}
    affected {{
      depth
      entity {{ id kind name }}
      path {{ type direction other {{ name }} }}
    }}
    departments {{ id name }}
  }}
}}
"""


class _Router(GraphQLRouter):
    """strawberry's router with GraphiQL opening on a query that runs on the loaded plans."""

    def __init__(self, *args: object, store: GraphStore, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self._store = store

    def decode_json(self, data: str | bytes) -> object:
        """Bytes that are not UTF-8 (or UTF-16/32) JSON are a bad request, like broken JSON."""
        try:
            return json.loads(data)
        except UnicodeDecodeError as exc:
            raise json.JSONDecodeError(f"the body is not text: {exc.reason}", "", 0) from exc

    async def process_result(self, request: Request, result: ExecutionResult) -> GraphQLHTTPResponse:
        """Every error leaves with a code: some query errors (graphql-core aborting validation)
        come back without passing through the schema's extensions."""
        response = await super().process_result(request, result)
        for error in response.get("errors") or []:
            extensions = error.setdefault("extensions", {}) or {}
            extensions.setdefault("code", query_error_code(error.get("message", "")))
            error["extensions"] = extensions
        return response

    async def render_graphql_ide(self, request: Request) -> HTMLResponse:  # type: ignore[override]
        try:
            query = example_query(self._store)
        except PlanGraphError:
            query = "# The graph database cannot be reached right now.\n{ plans { id title } }\n"
        literal = query.replace("\\", "\\\\").replace("`", "\\`").replace("${", "\\${")
        return HTMLResponse(
            _EXAMPLE_QUERY.sub(lambda _: f"const EXAMPLE_QUERY = `{literal}`;", self.graphql_ide_html)
        )


def create_app(
    store: GraphStore, limits: QueryLimits | None = None, max_body_bytes: int = 1_000_000
) -> FastAPI:
    limits = limits or QueryLimits()
    app = FastAPI(title="plangraph", summary="Development plans as a queryable knowledge graph")
    # Added last, runs first: the id is set before the body is read.
    app.add_middleware(BodySizeLimit, max_bytes=max_body_bytes)
    app.add_middleware(RequestId)

    async def context() -> PlanGraphContext:
        return PlanGraphContext(store, limits)

    router = _Router(build_schema(limits), context_getter=context, store=store)
    app.include_router(router, prefix="/graphql")

    @app.get("/health")
    def health() -> JSONResponse:
        """200 with a summary while the store answers; 503 while its database is away."""
        try:
            if store.ping():
                return JSONResponse({"status": "ok", "plans": len(store.plans())})
        except PlanGraphError:
            pass
        return JSONResponse({"status": "unavailable"}, status_code=503)

    @app.get("/", include_in_schema=False)
    def root() -> RedirectResponse:
        return RedirectResponse("/graphql")

    return app
