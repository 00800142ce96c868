"""The REST API under ``/api``: read-only listings, search, figures and exports; writing only with a token.

Lists answer ``{"items": [...], "next": OFFSET|null}``: pass ``next`` back as ``offset`` for the next page.
Events, articles and stories are the DESIGN.md JSON contracts. ``POST /api/ingest`` accepts text, HTML or a
JSONL batch when the request carries the token of the configuration (``RASD_API_TOKEN``, or ``api.token`` in
the TOML file named by ``RASD_CONFIG``, else ``config.toml`` in the user's config folder); with no token
configured the API is read-only.
"""

from __future__ import annotations

import hmac
import io
import json
import os
import tomllib
from collections.abc import Iterator
from dataclasses import asdict
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Header, HTTPException, Query, Request
from fastapi.responses import Response

from rasd.errors import InputError, RasdError
from rasd.ingest.base import make_document
from rasd.model import Document, Event
from rasd.serve import export
from rasd.store.base import ArticleQuery, EventQuery, SearchQuery
from rasd.store.sql import SqlStore

# The most items one page of a listing may hold.
MAX_PAGE = 1000
# The most map points or exported events one request may return.
MAX_POINTS = 200_000
# Events read from the store per query while an export is written.
_EXPORT_BATCH = 2000


def load_token() -> str | None:
    """The API token: ``RASD_API_TOKEN``, else ``[api] token`` of the config file; None means read-only."""
    token = os.environ.get("RASD_API_TOKEN")
    if token:
        return token
    path = os.environ.get("RASD_CONFIG")
    if path:
        config_path = Path(path)
    else:
        from platformdirs import user_config_dir

        config_path = Path(user_config_dir("rasd")) / "config.toml"
    if not config_path.is_file():
        return None
    try:
        config = tomllib.loads(config_path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise InputError(f"cannot read the config file {config_path}: {exc}") from exc
    token = (config.get("api") or {}).get("token")
    return str(token) if token else None


def event_filters(
    date_from: Annotated[str | None, Query(description="first event date, YYYY-MM-DD")] = None,
    date_to: Annotated[str | None, Query(description="last event date, YYYY-MM-DD")] = None,
    country: Annotated[str | None, Query(description="ISO 3166-1 alpha-2 code")] = None,
    admin1: Annotated[str | None, Query(description="first-level division (English name)")] = None,
    plover: Annotated[str | None, Query(description="PLOVER event type, e.g. ASSAULT")] = None,
    acled_event_type: Annotated[str | None, Query(description="ACLED event type")] = None,
    actor: Annotated[str | None, Query(description="actor id (actor1 or actor2)")] = None,
    source: Annotated[str | None, Query(description="outlet of the article")] = None,
    modality: Annotated[str | None, Query(description="asserted, reported, claimed, denied, …")] = None,
    story: Annotated[str | None, Query(description="story id")] = None,
    place: Annotated[str | None, Query(description="place id")] = None,
) -> EventQuery:
    """The filters shared by events, map points, the timeline, places and exports."""
    return EventQuery(
        date_from=date_from or None,
        date_to=date_to or None,
        country=country or None,
        admin1=admin1 or None,
        plover=plover or None,
        acled_event_type=acled_event_type or None,
        actor=actor or None,
        source=source or None,
        modality=modality or None,
        story_id=story or None,
        place=place or None,
    )


Filters = Annotated[EventQuery, Depends(event_filters)]
Limit = Annotated[int, Query(ge=1, le=MAX_PAGE)]
Offset = Annotated[int, Query(ge=0)]


def _page(items: list[Any], limit: int, offset: int) -> dict[str, Any]:
    return {"items": items[:limit], "next": offset + limit if len(items) > limit else None}


def api_router(store: SqlStore, token: str | None) -> APIRouter:
    """The ``/api`` routes over ``store``; ``token`` enables ``POST /api/ingest``."""
    router = APIRouter(prefix="/api")

    @router.get("/articles", tags=["articles"])
    def list_articles(
        limit: Limit = 50,
        offset: Offset = 0,
        source: str | None = None,
        kind: str | None = None,
        date_from: str | None = None,
        date_to: str | None = None,
    ) -> dict[str, Any]:
        """Stored articles, newest first (``rasd extract`` records: article, entities, timexes, events)."""
        query = ArticleQuery(source, kind, date_from, date_to, limit=limit + 1, offset=offset)
        return _page([a.to_dict() for a in store.list_articles(query)], limit, offset)

    @router.get("/articles/{article_id}", tags=["articles"])
    def get_article(article_id: str) -> dict[str, Any]:
        found = store.get_article(article_id)
        if found is None:
            raise HTTPException(404, f"no article {article_id}")
        return found.to_dict()

    @router.get("/events", tags=["events"])
    def list_events(filters: Filters, limit: Limit = 100, offset: Offset = 0) -> Response:
        """Events meeting the filters, newest first, with the total count: ``{items, next, total}``."""
        filters.limit, filters.offset = limit + 1, offset
        stored = store.list_events_json(filters)
        following = offset + limit if len(stored) > limit else None
        # The stored JSON is the contract already: join it rather than parse and re-encode every event.
        items, total = ",".join(stored[:limit]), store.count_events(filters)
        body = f'{{"items":[{items}],"next":{json.dumps(following)},"total":{total}}}'
        return Response(body.encode("utf-8"), media_type="application/json")

    @router.get("/events/points", tags=["events"])
    def event_points(
        filters: Filters, limit: Annotated[int, Query(ge=1, le=MAX_POINTS)] = 50_000, offset: Offset = 0
    ) -> dict[str, Any]:
        """Located events as light map points (id, lat, lon, plover, date)."""
        filters.limit, filters.offset = limit + 1, offset
        return _page(store.event_points(filters), limit, offset)

    @router.get("/events/timeline", tags=["events"])
    def event_timeline(filters: Filters) -> dict[str, Any]:
        """Events per day and PLOVER type."""
        return {"items": store.event_timeline(filters)}

    @router.get("/events/{event_id}", tags=["events"])
    def get_event(event_id: str) -> dict[str, Any]:
        found = store.get_event(event_id)
        if found is None:
            raise HTTPException(404, f"no event {event_id}")
        return found.to_dict()

    @router.get("/stories", tags=["stories"])
    def list_stories(limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
        """Stories (one happening across outlets), the most recent first."""
        stories = store.list_stories(limit + 1, offset)
        return _page([asdict(s) for s in stories], limit, offset)

    @router.get("/stories/{story_id}", tags=["stories"])
    def get_story(story_id: str) -> dict[str, Any]:
        """A story with its events in date order."""
        story = store.get_story(story_id)
        if story is None:
            raise HTTPException(404, f"no story {story_id}")
        events = store.list_events(EventQuery(story_id=story_id, limit=MAX_PAGE))
        events.sort(key=lambda e: (e.date or "", e.id))
        return {**asdict(story), "events": [e.to_dict() for e in events]}

    @router.get("/entities", tags=["entities"])
    def list_entities(
        type: str | None = None, name: str | None = None, limit: Limit = 100, offset: Offset = 0
    ) -> dict[str, Any]:
        """Named things (actors, places, people) by how many articles mention them."""
        found = store.list_entities(type=type, name=name, limit=limit + 1, offset=offset)
        return _page([asdict(e) for e in found], limit, offset)

    @router.get("/places", tags=["places"])
    def list_places(filters: Filters, limit: Limit = 100, offset: Offset = 0) -> dict[str, Any]:
        """Places of the events meeting the filters, the busiest first."""
        filters.limit, filters.offset = limit + 1, offset
        return _page([asdict(p) for p in store.list_places(filters)], limit, offset)

    @router.get("/search", tags=["search"])
    def search(
        q: Annotated[str, Query(min_length=1, description="words and quoted phrases, all required")],
        filters: Filters,
        kind: str | None = None,
        limit: Annotated[int, Query(ge=1, le=100)] = 20,
        offset: Offset = 0,
    ) -> dict[str, Any]:
        """Ranked articles with highlighted snippets (``<mark>``); ``query`` lists each clause with the
        names it was widened to and the index terms searched."""
        query = SearchQuery(
            q,
            date_from=filters.date_from,
            date_to=filters.date_to,
            source=filters.source,
            kind=kind,
            country=filters.country,
            admin1=filters.admin1,
            plover=filters.plover,
            acled_event_type=filters.acled_event_type,
            actor=filters.actor,
            modality=filters.modality,
            story_id=filters.story_id,
            limit=limit + 1,
            offset=offset,
        )
        page = _page([asdict(h) for h in store.search(query)], limit, offset)
        page["query"] = [
            {"text": c.text, "terms": [" ".join(p) for p in c.phrases], "names": c.names}
            for c in store.plan(q).clauses
        ]
        return page

    @router.get("/stats", tags=["stats"])
    def stats() -> dict[str, Any]:
        """Counts of articles, events by type, source and country, and the span of event dates."""
        return store.stats()

    @router.get("/export/{format}", tags=["export"])
    def export_events(
        format: str, filters: Filters, limit: Annotated[int, Query(ge=1, le=MAX_POINTS)] = MAX_POINTS
    ) -> Response:
        """The events meeting the filters as acled-csv, plover, geojson, parquet or jsonl."""
        if format not in export.WRITERS:
            raise HTTPException(404, f"unknown format {format!r}: {', '.join(export.WRITERS)}")
        out = io.BytesIO()
        export.write_events(_all_events(store, filters, limit), format, out)
        name = f"rasd-events.{export.EXTENSIONS[format]}"
        return Response(
            out.getvalue(),
            media_type=export.MEDIA_TYPES[format],
            headers={"Content-Disposition": f'attachment; filename="{name}"'},
        )

    @router.post("/ingest", tags=["ingest"])
    async def ingest(
        request: Request, authorization: Annotated[str | None, Header()] = None
    ) -> dict[str, Any]:
        """Store text, HTML or a JSONL batch (``Authorization: Bearer TOKEN``).

        Bodies: ``application/json`` ``{"text"|"html", "title"?, "source"?, "published"?, "url"?}``;
        ``application/x-ndjson`` one such object per line; ``text/html``; ``text/plain``.
        """
        if token is None:
            raise HTTPException(403, "this server is read-only: set RASD_API_TOKEN to allow ingest")
        given = (authorization or "").removeprefix("Bearer ").strip()
        if not hmac.compare_digest(given.encode(), token.encode()):
            raise HTTPException(401, "a valid 'Authorization: Bearer TOKEN' header is required")
        body = await request.body()
        try:
            documents = _documents(body, request.headers.get("content-type", ""))
        except InputError as exc:
            raise HTTPException(400, str(exc)) from exc
        from starlette.concurrency import run_in_threadpool

        return await run_in_threadpool(_ingest_all, store, documents)

    return router


def _all_events(store: SqlStore, filters: EventQuery, limit: int) -> Iterator[Event]:
    offset = 0
    while offset < limit:
        filters.limit, filters.offset = min(_EXPORT_BATCH, limit - offset), offset
        batch = store.list_events(filters)
        yield from batch
        if len(batch) < filters.limit:
            return
        offset += len(batch)


def _record(data: Any, where: str) -> Document:
    if not isinstance(data, dict):
        raise InputError(f"{where}: expected a JSON object")
    hints: dict[str, str | None] = {
        "source_hint": _text(data.get("source")),
        "published_hint": _text(data.get("published")),
        "title_hint": _text(data.get("title")),
        "input_id": _text(data.get("id")),
    }
    url = _text(data.get("url"))
    if isinstance(data.get("html"), str):
        from rasd.ingest.html import html_document

        raw = data["html"].encode("utf-8")
        return html_document(
            raw,
            where,
            url=url,
            content_type="text/html; charset=utf-8",
            source_hint=hints["source_hint"],
            published_hint=hints["published_hint"],
            title_hint=hints["title_hint"],
            input_id=hints["input_id"],
        )
    if not isinstance(data.get("text"), str) or not data["text"].strip():
        raise InputError(f'{where}: the record has no "text" or "html"')
    return make_document(data["text"], where, url=url, **hints)


def _text(value: Any) -> str | None:
    return str(value) if value is not None and str(value) else None


def _documents(body: bytes, content_type: str) -> list[Document]:
    media = content_type.split(";")[0].strip().lower()
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError("the request body is not UTF-8") from exc
    if not text.strip():
        raise InputError("the request body is empty")
    if media == "application/json":
        try:
            return [_record(json.loads(text), "api")]
        except json.JSONDecodeError as exc:
            raise InputError(f"the body is not JSON: {exc.msg}") from exc
    if media in ("application/x-ndjson", "application/jsonl", "application/x-jsonlines"):
        documents = []
        for number, line in enumerate(text.splitlines(), start=1):
            if line.strip():
                try:
                    documents.append(_record(json.loads(line), f"api:{number}"))
                except json.JSONDecodeError as exc:
                    raise InputError(f"line {number}: not JSON ({exc.msg})") from exc
        return documents
    if media == "text/html":
        return [_record({"html": text}, "api")]
    return [make_document(text, "api")]


def _ingest_all(store: SqlStore, documents: list[Document]) -> dict[str, Any]:
    from rasd.pipeline import ingest_document

    results = []
    for document in documents:
        try:
            outcome = ingest_document(store, document)
        except RasdError as exc:
            results.append({"origin": document.origin, "status": "rejected", "message": str(exc)})
            continue
        results.append(asdict(outcome))
    added = sum(1 for r in results if r["status"] == "added")
    return {"documents": results, "added": added}
