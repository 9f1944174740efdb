"""The FastAPI application: /graphql (API and GraphiQL), /explore, /health."""

from __future__ import annotations

import json
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from cross_web import HTTPException
from fastapi import FastAPI, Request
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from strawberry.fastapi import GraphQLRouter
from strawberry.http import GraphQLHTTPResponse
from strawberry.types import ExecutionResult

from api.keys import KeyRing
from api.middleware import BodySizeLimit, RequestId
from api.pages import DEFAULT_ASSETS_DIR, graphiql_page, pages_router
from graph.curation import CurationLog
from graph.errors import PlanGraphError, PlanLoadError
from graph.store import GraphStore
from loaders.profile import Links
from schema import PlanGraphContext, QueryLimits, build_schema
from schema.auth import Principal
from schema.errors import query_error_code

__all__ = ["create_app", "who_asks"]


def who_asks(request: Request, keyring: KeyRing | None) -> tuple[Principal | None, str | None]:
    """The principal of a request's `Authorization: Bearer <key>`, or why there is none."""
    header = request.headers.get("authorization")
    if not header:
        return None, "no key: send Authorization: Bearer <key>"
    scheme, _, key = header.partition(" ")
    if scheme.lower() != "bearer" or not key.strip():
        return None, "the Authorization header is not “Bearer <key>”"
    principal = keyring.principal(key.strip()) if keyring is not None else None
    return principal, None if principal else "unknown or revoked key"


#: The GraphQL-over-HTTP media type; a client that accepts it gets 4xx on request errors.
GRAPHQL_RESPONSE_JSON = "application/graphql-response+json"


def _accepted_quality(accept: str, media_type: str) -> float:
    """The q value an Accept header gives a media type (0 when it does not name it)."""
    for part in accept.split(","):
        name, *params = (piece.strip() for piece in part.split(";"))
        if name.lower() == media_type:
            for param in params:
                key, _, value = param.partition("=")
                if key.strip().lower() == "q":
                    try:
                        return float(value)
                    except ValueError:
                        return 0.0
            return 1.0
    return 0.0


def wants_graphql_response(request: Request) -> bool:
    """Whether the client asks for application/graphql-response+json at least as much as for
    application/json; a client that names neither gets application/json, as before the
    specification."""
    accept = request.headers.get("accept", "")
    preferred = _accepted_quality(accept, GRAPHQL_RESPONSE_JSON)
    return preferred > 0 and preferred >= _accepted_quality(accept, "application/json")


def _is_request_error(result: ExecutionResult) -> bool:
    """A request error (the document does not parse or validate, a variable does not coerce)
    stops the request before execution: no data, and no error with a path."""
    return result.data is None and bool(result.errors) and all(not e.path for e in result.errors)


class _Router(GraphQLRouter):
    """strawberry's router with the project's own GraphiQL page, opening on example queries
    that run on the loaded plans."""

    def __init__(
        self, *args: object, store: GraphStore, assets_dir: Path, keyring: KeyRing | None, **kwargs: object
    ) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self._store = store
        self._assets_dir = assets_dir
        #: Set when every request, reads included, needs a valid key.
        self._required_keys = keyring

    def decode_json(self, data: str | bytes) -> object:
        """Bytes that are not UTF-8 (or UTF-16/32) JSON are a bad request, like broken JSON."""
        try:
            return json.loads(data)
        except UnicodeDecodeError as exc:
            raise json.JSONDecodeError(f"the body is not text: {exc.reason}", "", 0) from exc

    async def run(self, request: Request, context: object = None, root_value: object = None) -> Response:  # type: ignore[override]
        """A request strawberry refuses before executing (no query, an unknown operationName,
        a mutation over GET, …) is answered as GraphQL errors in JSON, as every other error is,
        not as plain text."""
        if self._required_keys is not None and request.method == "POST":
            principal, problem = who_asks(request, self._required_keys)
            request.state.who = (principal, problem)  # the context takes it from here
            if principal is None:
                error = {"message": problem, "extensions": {"code": "UNAUTHENTICATED"}}
                return self._media_typed(request, JSONResponse({"errors": [error]}, status_code=401))
        try:
            response = await super().run(request, context=context, root_value=root_value)  # type: ignore[arg-type]
        except HTTPException as exc:
            error = {"message": exc.reason, "extensions": {"code": "BAD_REQUEST"}}
            return self._media_typed(request, JSONResponse({"errors": [error]}, status_code=exc.status_code))
        if getattr(request.state, "request_error", False) and wants_graphql_response(request):
            response.status_code = 400
        return self._media_typed(request, response)

    @staticmethod
    def _media_typed(request: Request, response: Response) -> Response:
        """A JSON answer says application/graphql-response+json to a client that asks for it."""
        content_type = response.headers.get("content-type", "")
        if content_type.startswith("application/json") and wants_graphql_response(request):
            response.headers["content-type"] = f"{GRAPHQL_RESPONSE_JSON}; charset=utf-8"
        return response

    async def process_result(self, request: Request, result: ExecutionResult) -> GraphQLHTTPResponse:
        """Every error leaves with a code: some query errors (graphql-core aborting validation)
        come back without passing through the schema's extensions."""
        response = await super().process_result(request, result)
        if _is_request_error(result):
            request.state.request_error = True
            if wants_graphql_response(request):
                response.pop("data", None)
        for error in response.get("errors") or []:
            extensions = error.setdefault("extensions", {}) or {}
            extensions.setdefault("code", query_error_code(error.get("message", "")))
            error["extensions"] = extensions
        return response

    async def render_graphql_ide(self, request: Request) -> HTMLResponse:  # type: ignore[override]
        return graphiql_page(self._store, self._assets_dir)


def create_app(
    store: GraphStore,
    limits: QueryLimits | None = None,
    max_body_bytes: int = 1_000_000,
    assets_dir: Path = DEFAULT_ASSETS_DIR,
    refused: Sequence[PlanLoadError] = (),
    *,
    curation: CurationLog | None = None,
    keyring: KeyRing | None = None,
    require_key: bool = False,
    cors_origins: Sequence[str] = (),
    link_rules: Links | None = None,
) -> FastAPI:
    limits = limits or QueryLimits()
    curation = curation or CurationLog()
    app = FastAPI(title="plangraph", summary="Development plans as a queryable knowledge graph")
    # Added last, runs first: the id is set before the body is read.
    app.add_middleware(BodySizeLimit, max_bytes=max_body_bytes)
    app.add_middleware(RequestId)
    if cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=list(cors_origins),
            allow_methods=["GET", "POST", "OPTIONS"],
            allow_headers=["Authorization", "Content-Type", "Accept", "X-Request-Id"],
            expose_headers=["X-Request-Id"],
        )

    # As many threads as calls may wait on the store's server at once (asyncio's own pool has
    # a few per core: concurrent requests would queue behind them, not behind the server).
    workers = (
        ThreadPoolExecutor(store.max_concurrent_calls, thread_name_prefix="store") if store.blocking else None
    )

    async def context(request: Request) -> PlanGraphContext:
        principal, problem = getattr(request.state, "who", None) or who_asks(request, keyring)
        return PlanGraphContext(store, limits, refused, curation, principal, problem, link_rules, workers)

    router = _Router(
        build_schema(limits),
        context_getter=context,
        store=store,
        assets_dir=assets_dir,
        keyring=keyring if require_key else None,
    )
    app.include_router(router, prefix="/graphql")
    app.include_router(pages_router(assets_dir))

    @app.get("/health")
    def health() -> JSONResponse:
        """200 with a summary while the store answers; 503 while its database is away."""
        try:
            if store.ping():
                skipped = [{"path": r.path, "reason": r.reason} for r in refused]
                return JSONResponse({"status": "ok", "plans": len(store.plans()), "refused": skipped})
        except PlanGraphError:
            pass
        return JSONResponse({"status": "unavailable"}, status_code=503)

    @app.get("/", include_in_schema=False)
    def root() -> RedirectResponse:
        return RedirectResponse("/graphql")

    return app
