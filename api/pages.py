"""The browser pages — GraphiQL at /graphql and the graph explorer at /explore — and the assets
they load. Every script and style comes from this app: the front-end packages are installed from
the npm registry at set-up time (`make assets`, into web/node_modules) and served from there, so
the pages work on a network that cannot reach a CDN."""

from __future__ import annotations

import json
from pathlib import Path

from fastapi import APIRouter, HTTPException
from fastapi.responses import FileResponse, HTMLResponse, Response

from api.examples import example_queries
from graph.store import GraphStore

__all__ = ["DEFAULT_ASSETS_DIR", "VENDOR_FILES", "graphiql_page", "missing_assets", "pages_router"]

STATIC = Path(__file__).parent / "static"
DEFAULT_ASSETS_DIR = Path(__file__).resolve().parents[1] / "web" / "node_modules"

#: What the pages load from the npm packages (web/package.json), by the name they are served under.
VENDOR_FILES = {
    "react.js": "react/umd/react.production.min.js",
    "react-dom.js": "react-dom/umd/react-dom.production.min.js",
    "graphiql.js": "graphiql/graphiql.min.js",
    "graphiql.css": "graphiql/graphiql.min.css",
    "cytoscape.js": "cytoscape/dist/cytoscape.min.js",
    "graphql-ws.js": "graphql-ws/umd/graphql-ws.min.js",
}
_MEDIA_TYPES = {".js": "text/javascript", ".css": "text/css"}


def missing_assets(assets_dir: Path) -> list[str]:
    return [path for path in VENDOR_FILES.values() if not (assets_dir / path).is_file()]


def _not_installed(assets_dir: Path) -> HTMLResponse:
    missing = "".join(f"<li><code>{path}</code></li>" for path in missing_assets(assets_dir))
    return HTMLResponse(
        f"""<!doctype html><meta charset="utf-8"><title>plangraph</title>
<h1>The page's assets are not installed</h1>
<p>Missing in <code>{assets_dir}</code>:</p><ul>{missing}</ul>
<p>Run <code>make assets</code> (npm ci in web/), or point PLANGRAPH_ASSETS_DIR at a node_modules
folder that has them. The GraphQL endpoint itself works without them.</p>""",
        status_code=503,
    )


def _script_json(value: object) -> str:
    """JSON to embed in a <script type="application/json"> element: '</' cannot close it."""
    return json.dumps(value, ensure_ascii=False).replace("</", "<\\/")


def graphiql_page(store: GraphStore, assets_dir: Path) -> HTMLResponse:
    if missing_assets(assets_dir):
        return _not_installed(assets_dir)
    tabs = [{"query": query} for query in example_queries(store)]
    html = (STATIC / "graphiql.html").read_text(encoding="utf-8")
    return HTMLResponse(html.replace("<!--EXAMPLES-->", _script_json(tabs)))


def pages_router(assets_dir: Path) -> APIRouter:
    router = APIRouter(include_in_schema=False)
    own = {path.name: path for path in STATIC.iterdir() if path.suffix in _MEDIA_TYPES}

    @router.get("/explore")
    def explore() -> HTMLResponse:
        if missing_assets(assets_dir):
            return _not_installed(assets_dir)
        return HTMLResponse((STATIC / "explore.html").read_text(encoding="utf-8"))

    @router.get("/favicon.ico")
    def favicon() -> Response:
        return Response(status_code=204)

    @router.get("/assets/vendor/{name}")
    def vendor(name: str) -> FileResponse:
        path = assets_dir / VENDOR_FILES[name] if name in VENDOR_FILES else None
        if path is None or not path.is_file():
            raise HTTPException(404, f"no asset {name!r}; run `make assets` if it should be there")
        return FileResponse(
            path, media_type=_MEDIA_TYPES[path.suffix], headers={"cache-control": "max-age=3600"}
        )

    @router.get("/assets/{name}")
    def asset(name: str) -> FileResponse:
        if name not in own:
            raise HTTPException(404, f"no asset {name!r}")
        return FileResponse(own[name], media_type=_MEDIA_TYPES[own[name].suffix])

    return router
