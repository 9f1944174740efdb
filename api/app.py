"""The FastAPI application: /graphql (API and GraphiQL), /explore, /health."""

from __future__ import annotations

import asyncio
import json
import os
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import orjson
from cross_web import HTTPException
from fastapi import FastAPI, Request, WebSocket
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.requests import HTTPConnection
from strawberry.exceptions import ConnectionRejectionError
from strawberry.fastapi import GraphQLRouter
from strawberry.http import GraphQLHTTPResponse
from strawberry.types import ExecutionResult

from api.keys import KeyRing
from api.middleware import BodySizeLimit, RequestId
from api.pages import DEFAULT_ASSETS_DIR, graphiql_page, pages_router
from api.result_cache import Key, ResultCache, body_digest, is_query
from graph.curation import CurationLog
from graph.errors import PlanGraphError, PlanLoadError
from graph.store import GraphStore
from loaders.profile import Links
from schema import PlanGraphContext, QueryLimits, build_schema
from schema.auth import NO_KEY, Principal
from schema.errors import query_error_code
from schema.live import ChangeFeed

__all__ = ["create_app", "who_asks"]


def who_asks(request: HTTPConnection, keyring: KeyRing | None) -> tuple[Principal | None, str | None]:
    """The principal of a request's `Authorization: Bearer <key>`, or why there is none."""
    return whose_key(request.headers.get("authorization"), keyring)


def whose_key(header: str | None, keyring: KeyRing | None) -> tuple[Principal | None, str | None]:
    """The principal of an `Authorization` value (`Bearer <key>`), or why there is none."""
    if not header:
        return None, NO_KEY
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
        self,
        *args: object,
        store: GraphStore,
        assets_dir: Path,
        keyring: KeyRing | None,
        require_key: bool,
        curation: CurationLog,
        results: ResultCache | None,
        store_threads: ThreadPoolExecutor | None,
        **kwargs: object,
    ) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self._store = store
        self._curation = curation
        #: Answers kept for repeated queries, under the store's version.
        self._results = results
        self._store_threads = store_threads
        self._assets_dir = assets_dir
        self._keyring = keyring
        #: Set when every request, reads included, needs a valid key.
        self._required_keys = keyring if require_key else None

    def encode_json(self, data: object) -> str:
        """orjson, several times faster than json, and the plans' Chinese left as UTF-8; text,
        since WebSocket messages of graphql-transport-ws are text frames."""
        return orjson.dumps(data).decode()

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
        if isinstance(request, WebSocket):  # keys are checked as the connection opens (on_ws_connect)
            return await super().run(request, context=context, root_value=root_value)  # type: ignore[arg-type]
        if self._required_keys is not None and request.method == "POST":
            principal, problem = who_asks(request, self._required_keys)
            request.state.who = (principal, problem)  # the context takes it from here
            if principal is None:
                error = {"message": problem, "extensions": {"code": "UNAUTHENTICATED"}}
                return self._media_typed(request, JSONResponse({"errors": [error]}, status_code=401))
        kept = await self._kept_answer(request)
        if isinstance(kept, Response):
            return kept
        try:
            response = await super().run(request, context=context, root_value=root_value)  # type: ignore[arg-type]
        except HTTPException as exc:
            error = {"message": exc.reason, "extensions": {"code": "BAD_REQUEST"}}
            return self._media_typed(request, JSONResponse({"errors": [error]}, status_code=exc.status_code))
        if getattr(request.state, "request_error", False) and wants_graphql_response(request):
            response.status_code = 400
        if kept is not None and response.status_code == 200:
            self._results.put(kept, bytes(response.body))  # type: ignore[union-attr]
        return self._media_typed(request, response)

    async def _kept_answer(self, request: Request) -> Response | Key | None:
        """The kept answer to this query, if the graph and the log are as when it was kept;
        else the key to keep this answer under (None: not to be kept)."""
        if self._results is None or request.method != "POST":
            return None
        body = await request.body()
        if not is_query(body):
            return None
        if self._store.blocking:
            # The database counts every write of plangraph's, the curation log's too: one short statement.
            try:
                loop = asyncio.get_running_loop()
                state: tuple[object, ...] = (
                    await loop.run_in_executor(self._store_threads, self._store.version),
                )
            except PlanGraphError:
                return None  # the request itself will say what is wrong
        else:
            self._curation.refresh()  # another worker's change makes a new generation
            state = (self._store.version(), self._curation.generation)
        principal, problem = getattr(request.state, "who", None) or who_asks(request, self._keyring)
        request.state.who = (principal, problem)  # the context takes it from here, not asking again
        key = (body_digest(body), request.headers.get("accept", ""), principal, problem, *state)
        answer = self._results.get(key)
        if answer is None:
            return key
        return self._media_typed(request, Response(answer, media_type="application/json"))

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

    async def on_ws_connect(self, context: PlanGraphContext) -> dict[str, object] | None:  # type: ignore[override]
        """A subscription's key, as a browser can send one: `Authorization: Bearer <key>` in the
        payload of connection_init (else the upgrade request's header). An unknown key, or none
        where reads need one, closes the connection (4403) before anything is sent."""
        params = context.connection_params if isinstance(context.connection_params, dict) else {}
        header = params.get("Authorization") or params.get("authorization")
        if isinstance(header, str):
            context.principal, context.key_problem = whose_key(header, self._keyring)
            if context.principal is None:
                raise ConnectionRejectionError({"message": context.key_problem, "code": "UNAUTHENTICATED"})
        if self._required_keys is not None and context.principal is None:
            raise ConnectionRejectionError({"message": context.key_problem, "code": "UNAUTHENTICATED"})
        return None

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
    result_cache_size: int = 1000,
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

    feed = ChangeFeed(curation, store)
    # As many threads as calls may wait on the store's server at once (asyncio's own pool has
    # a few per core: concurrent requests would queue behind them, not behind the server).
    store_threads = (
        ThreadPoolExecutor(store.max_concurrent_calls, thread_name_prefix="store") if store.blocking else None
    )

    async def context(request: HTTPConnection) -> PlanGraphContext:
        principal, problem = getattr(request.state, "who", None) or who_asks(request, keyring)
        return PlanGraphContext(
            store,
            limits,
            refused,
            curation,
            principal,
            problem,
            link_rules,
            feed=feed,
            store_threads=store_threads,
        )

    schema = build_schema(limits)
    sdl = schema.as_str() + "\n"

    @app.get("/graphql/schema.graphql", include_in_schema=False)
    def schema_sdl() -> Response:
        """The schema in SDL, for code generators (graphql-codegen, gql, Apollo) to fetch."""
        return Response(sdl, media_type="application/graphql; charset=utf-8")

    router = _Router(
        schema,
        store_threads=store_threads,
        context_getter=context,
        store=store,
        assets_dir=assets_dir,
        keyring=keyring,
        require_key=require_key,
        curation=curation,
        results=ResultCache(result_cache_size) if result_cache_size > 0 else None,
    )
    app.include_router(router, prefix="/graphql")
    app.include_router(pages_router(assets_dir))

    @app.get("/health")
    def health() -> JSONResponse:
        """200 with a summary while the store answers; 503 while its database is away."""
        try:
            if store.ping():
                skipped = [{"path": r.path, "reason": r.reason} for r in refused]
                stats = store.stats(None)
                counts = {
                    "plans": len(store.plans()),
                    # As `stats` counts them: every entity, of which some no one plan owns.
                    "entities": stats.entities,
                    "entitiesInPlans": stats.entities - stats.shared,
                    "sharedEntities": stats.shared,
                    "relations": stats.relations,
                    # Which process answered, where several serve at once (serve --workers).
                    "worker": os.getpid(),
                }
                return JSONResponse({"status": "ok", **counts, "refused": skipped})
        except PlanGraphError:
            pass
        return JSONResponse({"status": "unavailable"}, status_code=503)

    @app.get("/", include_in_schema=False)
    def root() -> RedirectResponse:
        return RedirectResponse("/graphql")

    return app
