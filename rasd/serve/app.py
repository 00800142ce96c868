"""The web app and REST API served by ``rasd serve``: one FastAPI application over one store.

Everything it sends is local: the API, the pages, the vendored Leaflet and Swagger UI, and the bundled map
boundaries. No page loads anything from another host.
"""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

from rasd.serve.api import api_router, load_token
from rasd.serve.web import web_router
from rasd.store import open_store
from rasd.store.sql import SqlStore

STATIC = Path(__file__).parent / "static"


def create_app(db: str | None = None, token: str | None = None) -> FastAPI:
    """The FastAPI application over the store at ``db``. ``token`` (default: the configured one, see
    ``rasd.serve.api.load_token``) enables ``POST /api/ingest``; without one the API is read-only."""
    store: SqlStore = open_store(db)
    api_token = token or load_token()

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        store.close()

    app = FastAPI(
        lifespan=lifespan,
        title="Rasd",
        description="Arabic news events: articles, events, stories, search and exports.",
        docs_url=None,
        redoc_url=None,
    )
    app.mount("/static", StaticFiles(directory=str(STATIC)), name="static")
    app.include_router(api_router(store, api_token))
    app.include_router(web_router(store))

    @app.get("/docs", include_in_schema=False, response_class=HTMLResponse)
    def docs() -> HTMLResponse:
        return get_swagger_ui_html(
            openapi_url="/openapi.json",
            title="Rasd API",
            swagger_js_url="/static/vendor/swagger-ui/swagger-ui-bundle.js",
            swagger_css_url="/static/vendor/swagger-ui/swagger-ui.css",
            swagger_favicon_url="/static/favicon.svg",
        )

    app.state.store = store
    return app


# Seconds an idle keep-alive connection stays open: a busy client may take a moment between two requests,
# and closing its connection just as it sends the next one makes it fail (uvicorn's default is 5).
KEEP_ALIVE_S = 60
# Connections waiting to be accepted (the kernel's queue): room for a few hundred clients at once.
BACKLOG = 4096
_DB_VARIABLE = "RASD_SERVE_DB"


def app_from_environment() -> FastAPI:
    """The application over the store named by ``RASD_SERVE_DB`` (how each worker process gets its store)."""
    return create_app(os.environ.get(_DB_VARIABLE) or None)


def run(db: str | None, host: str, port: int, workers: int = 1) -> None:
    """Serve on ``host:port`` with ``workers`` processes (each with its own connections to the store)."""
    import uvicorn

    options: dict[str, object] = {
        "host": host,
        "port": port,
        "log_level": "warning",
        "timeout_keep_alive": KEEP_ALIVE_S,
        "backlog": BACKLOG,
    }
    if workers <= 1:
        uvicorn.run(create_app(db), **options)  # type: ignore[arg-type]
        return
    # Migrations run once, here, before the workers open the store side by side.
    open_store(db).close()
    os.environ[_DB_VARIABLE] = db or ""
    uvicorn.run("rasd.serve.app:app_from_environment", factory=True, workers=workers, **options)  # type: ignore[arg-type]
