"""The web app and REST API served by ``rasd serve``."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import FastAPI, HTTPException, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from rasd.store import ArticleQuery, open_store
from rasd.store.sql import SqlStore

_TEMPLATES = Jinja2Templates(directory=str(Path(__file__).parent / "templates"))


def create_app(db: str | None = None) -> FastAPI:
    """The FastAPI application over the store at ``db``."""
    store: SqlStore = open_store(db)
    app = FastAPI(title="Rasd", description="Arabic news events: articles, events, stories.")

    @app.get("/api/articles")
    def list_articles(limit: int = 50, offset: int = 0, source: str | None = None) -> dict[str, Any]:
        limit = max(1, min(limit, 500))
        items = store.list_articles(ArticleQuery(source=source, limit=limit + 1, offset=offset))
        page = [a.to_dict() for a in items[:limit]]
        return {"items": page, "next": offset + limit if len(items) > limit else None}

    @app.get("/api/articles/{article_id}")
    def get_article(article_id: str) -> dict[str, Any]:
        found = store.get_article(article_id)
        if found is None:
            raise HTTPException(404, f"no article {article_id}")
        return found.to_dict()

    @app.get("/", response_class=HTMLResponse)
    def index(request: Request) -> HTMLResponse:
        items = store.list_articles(ArticleQuery(limit=200))
        return _TEMPLATES.TemplateResponse(request, "index.html", {"articles": [a.article for a in items]})

    @app.get("/articles/{article_id}", response_class=HTMLResponse)
    def article_page(request: Request, article_id: str) -> HTMLResponse:
        found = store.get_article(article_id)
        if found is None:
            raise HTTPException(404, f"no article {article_id}")
        return _TEMPLATES.TemplateResponse(request, "article.html", {"article": found.article})

    app.state.store = store
    return app


def run(db: str | None, host: str, port: int) -> None:
    import uvicorn

    uvicorn.run(create_app(db), host=host, port=port, log_level="warning")
