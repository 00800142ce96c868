"""The SQL store (SQLAlchemy Core): SQLite by default, PostgreSQL with the same tables and queries."""

from __future__ import annotations

import json
import time
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    Engine,
    Float,
    Select,
    and_,
    cast,
    column,
    create_engine,
    delete,
    event,
    exists,
    func,
    insert,
    literal,
    literal_column,
    or_,
    select,
    table,
    text,
)
from sqlalchemy.dialects.postgresql import TSQUERY, TSVECTOR
from sqlalchemy.exc import DBAPIError, SQLAlchemyError

from rasd.codec import annotated_from, event_from, story_from, to_json
from rasd.entities.kb import ActorKB
from rasd.entities.kb import match_key as kb_match_key
from rasd.errors import StoreError
from rasd.model import AnnotatedArticle, Document, Event, Story
from rasd.store import schema
from rasd.store.base import (
    ArticleQuery,
    EntitySummary,
    EventQuery,
    FetchState,
    PlaceSummary,
    SearchHit,
    SearchQuery,
    StoredDocument,
)
from rasd.store.search import (
    ANALYZER_VERSION,
    ARTICLE_FACETS,
    FACETS,
    QueryPlan,
    facet_term,
    fts5_match,
    id_term,
    name_key,
    pg_tsquery,
    pg_tsvector,
    plan_query,
    search_document,
    snippet,
)

# The full-text index: an FTS5 virtual table on SQLite, a tsvector table on PostgreSQL (migration v2).
_fts = table(
    "article_search",
    column("rowid"),
    column("article_id"),
    column("title"),
    column("body"),
    column("names"),
    column("facets"),
)
# SQLite: the article and publication date of each full-text row (schema v6).
_search_rows = table("search_rows", column("rowid"), column("article_id"), column("published"))
_pg_search = table("article_search", column("article_id"), column("terms", TSVECTOR))
# BM25 column weights: article_id (unindexed), title, body, names, facets (filters only, never ranked).
_BM25 = "bm25(article_search, 0.0, 4.0, 1.0, 2.0, 0.0)"
# Seconds the dashboard figures of ``stats`` are kept before they are counted again.
STATS_TTL_S = 30.0
# Rows written per statement when the search index is rebuilt.
_REINDEX_BATCH = 500


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


class SqlStore:
    """Documents, articles, events and fetch state in one SQL database; every write is one transaction."""

    def __init__(self, url: str) -> None:
        self.url = url
        try:
            # Enough connections for the API's thread pool (40) under load; in-memory SQLite has one.
            pool = {} if ":memory:" in url else {"pool_size": 10, "max_overflow": 30, "pool_timeout": 60}
            self.engine: Engine = create_engine(url, future=True, **pool)
            if self.engine.dialect.name == "sqlite":
                event.listen(self.engine, "connect", _sqlite_pragmas)
            with self.engine.begin() as connection:
                self._version = schema.migrate(connection)
            self._alias_cache: dict[str, list[str]] = {}
            self._rum = False
            if self.dialect == "postgresql":
                with self.engine.connect() as connection:
                    self._rum = schema.has_rum_index(connection)
            self._stats_cache: tuple[float, dict[str, Any]] | None = None
            if self._meta("search_analyzer") != ANALYZER_VERSION:
                self.rebuild_search_index()
        except (SQLAlchemyError, OSError) as exc:
            raise StoreError(f"cannot open the database {url}: {_reason(exc)}") from exc

    @property
    def dialect(self) -> str:
        """``sqlite`` or ``postgresql``."""
        return str(self.engine.dialect.name)

    # --- writing -------------------------------------------------------------------------------------

    def has_document(self, content_hash: str) -> bool:
        with self.engine.connect() as connection:
            row = connection.execute(
                select(schema.documents.c.id).where(schema.documents.c.content_hash == content_hash)
            ).first()
        return row is not None

    def add_document(self, document: Document, articles: list[AnnotatedArticle]) -> StoredDocument:
        return self.add_documents([(document, articles)])[0]

    def add_documents(self, batch: list[tuple[Document, list[AnnotatedArticle]]]) -> list[StoredDocument]:
        """Store several documents and their articles in one transaction, with one statement per table
        (bulk loads): documents whose content is already stored, and articles already stored, are skipped."""
        now = _now()
        try:
            with self.engine.begin() as connection:
                results = self._add_batch(connection, batch, now)
        except SQLAlchemyError as exc:
            raise StoreError(f"cannot write to {self.url}: {_reason(exc)}") from exc
        self._alias_cache.clear()
        self._stats_cache = None
        return results

    def _add_batch(
        self, connection: Connection, batch: list[tuple[Document, list[AnnotatedArticle]]], now: str
    ) -> list[StoredDocument]:
        documents = schema.documents
        hashes = [d.content_hash for d, _ in batch]
        known = {
            row.content_hash: row.id
            for row in connection.execute(
                select(documents.c.content_hash, documents.c.id).where(documents.c.content_hash.in_(hashes))
            )
        }
        ids = [a.article.id for _, articles in batch for a in articles]
        existing = (
            {
                r.id
                for r in connection.execute(select(schema.articles.c.id).where(schema.articles.c.id.in_(ids)))
            }
            if ids
            else set()
        )
        results: list[StoredDocument] = []
        document_rows: list[dict[str, Any]] = []
        new: list[AnnotatedArticle] = []
        positions: dict[str, int] = {}
        for document, articles in batch:
            if document.content_hash in known:
                results.append(StoredDocument(document_id=known[document.content_hash], added=False))
                continue
            known[document.content_hash] = document.id
            document_rows.append(_document_row(document, now))
            result = StoredDocument(document_id=document.id, added=True)
            for position, annotated in enumerate(articles):
                article_id = annotated.article.id
                if article_id in existing:
                    result.known_article_ids.append(article_id)
                    continue
                existing.add(article_id)
                positions[article_id] = position
                new.append(annotated)
                result.new_article_ids.append(article_id)
            results.append(result)
        if document_rows:
            connection.execute(insert(documents), document_rows)
        if new:
            rows = [_article_row(a, now, positions[a.article.id]) for a in new]
            connection.execute(insert(schema.articles), rows)
            event_rows = [{**_event_row(e), "source": a.article.source} for a in new for e in a.events]
            if event_rows:
                connection.execute(insert(schema.events), event_rows)
            self._index_articles(connection, new)
        return results

    def get_fetch_state(self, url: str) -> FetchState | None:
        with self.engine.connect() as connection:
            row = connection.execute(
                select(schema.fetch_state).where(schema.fetch_state.c.url == url)
            ).first()
        return FetchState(**row._asdict()) if row else None

    def record_fetch(self, state: FetchState) -> None:
        values = {k: getattr(state, k) for k in FetchState.__dataclass_fields__}
        with self.engine.begin() as connection:
            connection.execute(schema.fetch_state.delete().where(schema.fetch_state.c.url == state.url))
            connection.execute(insert(schema.fetch_state).values(**values))

    # --- reading -------------------------------------------------------------------------------------

    def get_article(self, article_id: str) -> AnnotatedArticle | None:
        with self.engine.connect() as connection:
            row = connection.execute(
                select(schema.articles).where(schema.articles.c.id == article_id)
            ).first()
            if row is None:
                return None
            return self._annotated(connection, [row])[0]

    def list_articles(self, query: ArticleQuery) -> list[AnnotatedArticle]:
        table = schema.articles
        statement = _where_article(
            select(table), query.source, query.kind, query.published_from, query.published_to
        )
        statement = (
            statement.order_by(
                table.c.published.desc().nulls_last(),
                table.c.ingested_at,
                table.c.document_id,
                table.c.position,
                table.c.id,
            )
            .limit(query.limit)
            .offset(query.offset)
        )
        with self.engine.connect() as connection:
            return self._annotated(connection, list(connection.execute(statement)))

    def count_articles(self, kind: str | None = None) -> int:
        statement = select(func.count()).select_from(schema.articles)
        if kind:
            statement = statement.where(schema.articles.c.kind == kind)
        with self.engine.connect() as connection:
            return int(connection.execute(statement).scalar_one())

    def list_events(self, query: EventQuery) -> list[Event]:
        """Events meeting ``query``'s filters, newest first."""
        return [event_from(json.loads(data)) for data in self.list_events_json(query)]

    def list_events_json(self, query: EventQuery) -> list[str]:
        """Like ``list_events``, but each event as its stored JSON text (the contract), for fast answers."""
        table = schema.events
        # Page through ids first: sorting narrow rows, then fetching the JSON of one page only.
        page = _filter_events(select(table.c.id), query)
        page = page.order_by(table.c.date.desc(), table.c.id).limit(query.limit).offset(query.offset)
        with self.engine.connect() as connection:
            ids = [row.id for row in connection.execute(page)]
            if not ids:
                return []
            found = {
                row.id: row.data
                for row in connection.execute(select(table.c.id, table.c.data).where(table.c.id.in_(ids)))
            }
        return [found[i] for i in ids]

    def count_events(self, query: EventQuery | None = None) -> int:
        """How many events meet ``query``'s filters (all events without one)."""
        statement = select(func.count()).select_from(schema.events)
        if query is not None:
            statement = _filter_events(statement, query)
        with self.engine.connect() as connection:
            return int(connection.execute(statement).scalar_one())

    def get_event(self, event_id: str) -> Event | None:
        with self.engine.connect() as connection:
            row = connection.execute(
                select(schema.events.c.data).where(schema.events.c.id == event_id)
            ).first()
        return event_from(json.loads(row.data)) if row else None

    def event_points(self, query: EventQuery) -> list[dict[str, Any]]:
        """The located events meeting ``query`` as light map points: id, lat, lon, plover, date."""
        table_ = schema.events
        located: Select[Any] = select(table_.c.id, table_.c.lat, table_.c.lon, table_.c.plover, table_.c.date)
        located = located.where(table_.c.lat.is_not(None), table_.c.lon.is_not(None))
        statement = _filter_events(located, query).order_by(table_.c.date.desc(), table_.c.id)
        statement = statement.limit(query.limit).offset(query.offset)
        with self.engine.connect() as connection:
            return [
                {"id": r.id, "lat": r.lat, "lon": r.lon, "plover": r.plover, "date": r.date}
                for r in connection.execute(statement)
            ]

    def event_timeline(self, query: EventQuery) -> list[dict[str, Any]]:
        """Events per day and PLOVER type under ``query``'s filters (its limit and offset are ignored)."""
        table_ = schema.events
        statement = select(table_.c.date, table_.c.plover, func.count().label("n")).where(
            table_.c.date.is_not(None)
        )
        statement = _filter_events(statement, query).group_by(table_.c.date, table_.c.plover)
        with self.engine.connect() as connection:
            rows = connection.execute(statement.order_by(table_.c.date, table_.c.plover))
            return [{"date": r.date, "plover": r.plover, "count": int(r.n)} for r in rows]

    # --- search --------------------------------------------------------------------------------------

    def search(self, query: SearchQuery) -> list[SearchHit]:
        """Articles matching ``query.text`` under its filters, best first, with highlighted snippets.

        SQLite ranks by FTS5's BM25 (title 4×, names 2×, body 1×); PostgreSQL by the RUM index's rank where
        the ``rum`` extension is installed, else by ``ts_rank_cd``, over the same terms with weights A/B/D.
        """
        plan = self.plan(query.text)
        if plan.empty:
            return []
        articles = schema.articles
        # Rank narrow keys alone first (articles joined only when a filter needs them), then read one page
        # of articles: joining every match to its article row costs more than ranking it.
        ranked = _fts5_ranked(plan, query) if self.dialect == "sqlite" else _pg_ranked(plan, query, self._rum)
        ranked = ranked.limit(query.limit).offset(query.offset)
        phrases = plan.phrases()
        with self.engine.connect() as connection:
            keyed = [(row.key, float(row.score)) for row in connection.execute(ranked)]
            if not keyed:
                return []
            if self.dialect == "sqlite":
                ids = {
                    row.rowid: row.article_id
                    for row in connection.execute(
                        select(_search_rows.c.rowid, _search_rows.c.article_id).where(
                            _search_rows.c.rowid.in_([k for k, _ in keyed])
                        )
                    )
                }
                page = [(ids[k], score_) for k, score_ in keyed if k in ids]
            else:
                page = keyed
            rows = {
                row.id: row
                for row in connection.execute(
                    select(articles.c.id, articles.c.title, articles.c.text, articles.c.source)
                    .add_columns(articles.c.published, articles.c.kind)
                    .where(articles.c.id.in_([i for i, _ in page]))
                )
            }
        return [
            SearchHit(
                article_id=article_id,
                title=rows[article_id].title,
                snippet=snippet(rows[article_id].text, phrases),
                score=round(score_, 4),
                source=rows[article_id].source,
                published=rows[article_id].published,
                kind=rows[article_id].kind,
            )
            for article_id, score_ in page
            if article_id in rows
        ]

    def plan(self, query: str) -> QueryPlan:
        """How ``query`` will be matched: its clauses and their alias alternatives."""
        return plan_query(query, self.aliases)

    def aliases(self, name: str) -> list[str]:
        """Other names of the thing ``name`` names: spellings seen in the store for the same KB id, names
        of the actor knowledge base, English names, and the id itself (as an index term)."""
        key = name_key(name)
        cached = self._alias_cache.get(key)
        if cached is not None:
            return cached
        found: list[str] = []
        ids: list[str] = []
        entities = schema.article_entities
        with self.engine.connect() as connection:
            for row in connection.execute(
                select(entities.c.kb_id)
                .where(entities.c.kb_id.is_not(None))
                .where(or_(entities.c.name == key, func.lower(entities.c.name_en) == key))
                .distinct()
                .limit(5)
            ):
                ids.append(row.kb_id)
            if ids:
                for row in connection.execute(
                    select(entities.c.name, entities.c.name_en)
                    .where(entities.c.kb_id.in_(ids))
                    .distinct()
                    .limit(50)
                ):
                    found += [n for n in (row.name, row.name_en) if n]
        for entry_id, names in _kb_names(name):
            ids.append(entry_id)
            found += names
        alternatives: list[str] = []
        for alternative in [*found, *(id_term(i) for i in ids)]:
            if name_key(alternative) != key and alternative not in alternatives:
                alternatives.append(alternative)
        if len(self._alias_cache) > 10_000:
            self._alias_cache.clear()
        self._alias_cache[key] = alternatives
        return alternatives

    def rebuild_search_index(self) -> int:
        """Re-analyze every article into the full-text index (after the analyzer changed); returns the count."""
        count = 0
        with self.engine.begin() as connection:
            connection.execute(delete(_fts if self.dialect == "sqlite" else _pg_search))
            if self.dialect == "sqlite":
                connection.execute(delete(_search_rows))
            connection.execute(delete(schema.article_entities))
            last = ""
            while True:
                rows = list(
                    connection.execute(
                        select(schema.articles)
                        .where(schema.articles.c.id > last)
                        .order_by(schema.articles.c.id)
                        .limit(_REINDEX_BATCH)
                    )
                )
                if not rows:
                    break
                self._index_articles(connection, self._annotated(connection, rows))
                count += len(rows)
                last = rows[-1].id
            self._set_meta(connection, "search_analyzer", ANALYZER_VERSION)
        return count

    def _index_articles(self, connection: Connection, annotated: list[AnnotatedArticle]) -> None:
        documents = [search_document(a) for a in annotated]
        if not documents:
            return
        if self.dialect == "sqlite":
            # Row numbers are given here (writers are serialized), so both tables agree without reading back.
            first = int(
                connection.execute(select(func.coalesce(func.max(_search_rows.c.rowid), 0))).scalar_one()
            )
            rowids = range(first + 1, first + 1 + len(documents))
            connection.execute(
                insert(_search_rows),
                [
                    {"rowid": r, "article_id": d.article_id, "published": d.published}
                    for r, d in zip(rowids, documents, strict=True)
                ],
            )
            connection.execute(
                insert(_fts),
                [
                    {
                        "rowid": rowid,
                        "article_id": d.article_id,
                        "title": " ".join(d.title),
                        "body": " ".join(d.body),
                        "names": " ".join(d.names),
                        "facets": " ".join(d.facets),
                    }
                    for rowid, d in zip(rowids, documents, strict=True)
                ],
            )
        else:
            connection.execute(
                text("insert into article_search (article_id, terms) values (:id, cast(:terms as tsvector))"),
                [{"id": d.article_id, "terms": pg_tsvector(d)} for d in documents],
            )
        entity_rows = [row for a in annotated for row in _entity_rows(a)]
        if entity_rows:
            connection.execute(insert(schema.article_entities), entity_rows)

    def _meta(self, key: str) -> str | None:
        with self.engine.connect() as connection:
            row = connection.execute(
                select(schema.store_meta.c.value).where(schema.store_meta.c.key == key)
            ).first()
        return row.value if row else None

    def _set_meta(self, connection: Connection, key: str, value: str) -> None:
        connection.execute(delete(schema.store_meta).where(schema.store_meta.c.key == key))
        connection.execute(insert(schema.store_meta).values(key=key, value=value))

    # --- stories, entities, places, figures ----------------------------------------------------------

    def save_stories(self, stories: list[Story]) -> None:
        """Insert or replace stories; their first and last dates come from their events."""
        if not stories:
            return
        self._stats_cache = None
        with self.engine.begin() as connection:
            ids = [s.id for s in stories]
            connection.execute(delete(schema.stories).where(schema.stories.c.id.in_(ids)))
            rows = []
            for story in stories:
                dates = connection.execute(
                    select(func.min(schema.events.c.date), func.max(schema.events.c.date)).where(
                        or_(schema.events.c.story_id == story.id, schema.events.c.id.in_(story.event_ids))
                    )
                ).one()
                rows.append(
                    {
                        "id": story.id,
                        "title": story.title,
                        "first_date": dates[0],
                        "last_date": dates[1],
                        "data": _dumps(to_json(story)),
                    }
                )
            connection.execute(insert(schema.stories), rows)

    def list_stories(self, limit: int = 100, offset: int = 0) -> list[Story]:
        """Stories, the most recent first (by the date of their last event)."""
        stories = schema.stories
        statement = (
            select(stories.c.data)
            .order_by(stories.c.last_date.desc(), stories.c.id)
            .limit(limit)
            .offset(offset)
        )
        with self.engine.connect() as connection:
            return [story_from(json.loads(r.data)) for r in connection.execute(statement)]

    def get_story(self, story_id: str) -> Story | None:
        with self.engine.connect() as connection:
            row = connection.execute(
                select(schema.stories.c.data).where(schema.stories.c.id == story_id)
            ).first()
        return story_from(json.loads(row.data)) if row else None

    def list_entities(
        self, type: str | None = None, name: str | None = None, limit: int = 100, offset: int = 0
    ) -> list[EntitySummary]:
        """Named things by the number of articles that mention them; ``name`` matches a KB id, a name or an
        English name."""
        entities = schema.article_entities
        statement = select(
            entities.c.key,
            func.max(entities.c.kb_id).label("kb_id"),
            func.max(entities.c.name).label("name"),
            func.max(entities.c.name_en).label("name_en"),
            func.max(entities.c.type).label("type"),
            func.count(func.distinct(entities.c.article_id)).label("articles"),
            func.sum(entities.c.mentions).label("mentions"),
        )
        if type:
            statement = statement.where(entities.c.type == type)
        if name:
            key = name_key(name)
            statement = statement.where(
                or_(entities.c.key == name, entities.c.name == key, func.lower(entities.c.name_en) == key)
            )
        statement = (
            statement.group_by(entities.c.key)
            .order_by(literal_column("articles").desc(), entities.c.key)
            .limit(limit)
            .offset(offset)
        )
        with self.engine.connect() as connection:
            return [
                EntitySummary(
                    key=r.key,
                    name=r.name,
                    type=r.type,
                    articles=int(r.articles),
                    mentions=int(r.mentions or 0),
                    kb_id=r.kb_id,
                    name_en=r.name_en,
                )
                for r in connection.execute(statement)
            ]

    def list_places(self, query: EventQuery) -> list[PlaceSummary]:
        """Places of the events meeting ``query`` (keyed by gazetteer id), the busiest first."""
        events = schema.events
        # Count by id alone first (an index holds type or country with the place id), then read one event
        # row of each place on the page for its names and coordinates: the same for every event there.
        counted = select(events.c.place_id, func.count().label("n")).where(events.c.place_id.is_not(None))
        counted = _filter_events(counted, query).group_by(events.c.place_id)
        counted = counted.order_by(literal_column("n").desc(), events.c.place_id)
        counted = counted.limit(query.limit).offset(query.offset)
        named = select(
            events.c.place_id,
            events.c.place_name_ar,
            events.c.place_name_en,
            events.c.country,
            events.c.admin1,
            events.c.lat,
            events.c.lon,
        )
        places: list[PlaceSummary] = []
        with self.engine.connect() as connection:
            for place_id, n in connection.execute(counted).all():
                row = connection.execute(named.where(events.c.place_id == place_id).limit(1)).one()
                places.append(
                    PlaceSummary(
                        key=place_id,
                        name_ar=row.place_name_ar,
                        name_en=row.place_name_en,
                        country=row.country,
                        admin1=row.admin1,
                        lat=row.lat,
                        lon=row.lon,
                        events=int(n),
                        place_id=place_id,
                    )
                )
        return places

    def stats(self) -> dict[str, Any]:
        """Counts for the dashboard: articles, events by type, source and country, and the date span.

        Figures may lag writes by up to ``STATS_TTL_S`` seconds (every page asks for them)."""
        cached = self._stats_cache
        if cached is not None and time.monotonic() - cached[0] < STATS_TTL_S:
            return dict(cached[1])
        figures = self._count_figures()
        self._stats_cache = (time.monotonic(), figures)
        return dict(figures)

    def _count_figures(self) -> dict[str, Any]:
        articles, events = schema.articles, schema.events
        with self.engine.connect() as connection:

            def grouped(column: Any, where: Any = None) -> dict[str, int]:
                statement = select(column, func.count()).group_by(column)
                if where is not None:
                    statement = statement.where(where)
                return {str(k): int(n) for k, n in connection.execute(statement) if k is not None}

            span = connection.execute(select(func.min(events.c.date), func.max(events.c.date))).one()
            return {
                "articles": grouped(articles.c.kind),
                "sources": grouped(articles.c.source),
                "events": int(connection.execute(select(func.count()).select_from(events)).scalar_one()),
                "plover": grouped(events.c.plover),
                "acled_event_type": grouped(events.c.acled_event_type),
                "countries": grouped(events.c.country),
                "modality": grouped(events.c.modality),
                "stories": int(
                    connection.execute(select(func.count()).select_from(schema.stories)).scalar_one()
                ),
                "first_event_date": span[0],
                "last_event_date": span[1],
                "schema_version": self._version,
                "backend": self.dialect,
            }

    def schema_version(self) -> int:
        return self._version

    def integrity_ok(self) -> bool:
        """SQLite's ``pragma integrity_check`` (always true on other backends)."""
        if self.engine.dialect.name != "sqlite":
            return True
        with self.engine.connect() as connection:
            return connection.exec_driver_sql("pragma integrity_check").scalar() == "ok"

    def optimize(self) -> None:
        """Refresh the planner's statistics (``analyze``): after bulk loads, so filters pick good indexes.
        On PostgreSQL, also vacuum, and build the RUM search index if the extension was installed since."""
        if self.dialect == "postgresql":
            with self.engine.begin() as connection:
                self._rum = schema.ensure_rum_index(connection)
            # VACUUM also marks pages all-visible, so counts under filters are answered from the indexes.
            with self.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
                connection.exec_driver_sql("vacuum (analyze)")
            return
        with self.engine.begin() as connection:
            connection.exec_driver_sql("analyze")

    def close(self) -> None:
        if self.dialect == "sqlite":
            # SQLite's advice: let it refresh the statistics it finds stale when a connection closes.
            try:
                with self.engine.connect() as connection:
                    connection.exec_driver_sql("pragma optimize")
            except SQLAlchemyError:
                pass
        self.engine.dispose()

    def _annotated(self, connection: Any, rows: list[Any]) -> list[AnnotatedArticle]:
        ids = [row.id for row in rows]
        by_article: dict[str, list[dict[str, Any]]] = {i: [] for i in ids}
        if ids:
            for row in connection.execute(
                select(schema.events.c.article_id, schema.events.c.data).where(
                    schema.events.c.article_id.in_(ids)
                )
            ):
                by_article[row.article_id].append(json.loads(row.data))
        return [_annotated_from_row(row, by_article[row.id]) for row in rows]


def _event_conditions(query: EventQuery) -> list[ColumnElement[bool]]:
    table = schema.events
    conditions: list[ColumnElement[bool]] = []
    for column_, value in (
        (table.c.country, query.country),
        (table.c.admin1, query.admin1),
        (table.c.plover, query.plover),
        (table.c.acled_event_type, query.acled_event_type),
        (table.c.modality, query.modality),
        (table.c.story_id, query.story_id),
        (table.c.article_id, query.article_id),
        (table.c.place_id, query.place),
    ):
        if value:
            conditions.append(column_ == value)
    if query.date_from:
        conditions.append(table.c.date >= query.date_from)
    if query.date_to:
        conditions.append(table.c.date <= query.date_to)
    if query.actor:
        conditions.append(or_(table.c.actor1_id == query.actor, table.c.actor2_id == query.actor))
    return conditions


def _filter_events(statement: Select[Any], query: EventQuery) -> Select[Any]:
    """``statement`` (over the events table) restricted to the events meeting ``query``'s filters."""
    conditions = _event_conditions(query)
    if query.source:
        conditions.append(schema.events.c.source == query.source)
    return statement.where(and_(*conditions)) if conditions else statement


def _fts5_ranked(plan: QueryPlan, query: SearchQuery) -> Select[Any]:
    """SQLite: (key, score) of the matches of ``plan`` under ``query``'s filters, best first, where key is the
    FTS5 row number (reading a column back from the index for every match is what made common words slow).

    Filters that are facets of the index (outlet, kind, one event filter) are terms of the ``MATCH``; the
    publication date is checked on ``search_rows``; several event filters must hold for one event, which
    the facets (any event each) only narrow down, so those, and a story, are checked on the events table.
    """
    pairs = [(name, value) for name in FACETS if (value := getattr(query, name))]
    event_conditions = _event_conditions(query.event_filters())
    facet_events = [name for name, _ in pairs if name not in ARTICLE_FACETS]
    exact_events = bool(query.story_id) or len(facet_events) > 1
    match = fts5_match(plan, [facet_term(name, value) for name, value in pairs])
    score: ColumnElement[Any] = (-literal_column(_BM25)).label("score")
    ranked: Select[Any] = select(_fts.c.rowid.label("key"), score).where(
        text("article_search MATCH :match").bindparams(match=match)
    )
    if query.date_from or query.date_to or exact_events:
        rows = _search_rows
        ranked = ranked.select_from(_fts.join(rows, rows.c.rowid == _fts.c.rowid))
        ranked = _published_between(ranked, rows.c.published, query.date_from, query.date_to)
        if exact_events:
            events = schema.events
            ranked = ranked.where(
                exists(select(events.c.id).where(events.c.article_id == rows.c.article_id, *event_conditions))
            )
    return ranked.order_by(literal_column("score").desc(), _fts.c.rowid)


def _pg_ranked(plan: QueryPlan, query: SearchQuery, rum: bool) -> Select[Any]:
    """PostgreSQL: (key, score) of the matches of ``plan`` under ``query``'s filters, best first, where key is
    the article id; ranked by the RUM index where the store has one, else by ``ts_rank_cd``."""
    tsquery = cast(literal(pg_tsquery(plan)), TSQUERY)
    key = _pg_search.c.article_id
    order: ColumnElement[Any]
    if rum:
        # RUM hands the hits out in rank order (its distance is 1 / rank): no match is read twice.
        distance = _pg_search.c.terms.op("<=>", return_type=Float)(tsquery)
        score: ColumnElement[Any] = (1.0 / distance).label("score")
        order = distance.asc()
    else:
        score = func.ts_rank_cd(_pg_search.c.terms, tsquery).label("score")
        order = literal_column("score").desc()
    ranked: Select[Any] = select(key.label("key"), score).where(_pg_search.c.terms.op("@@")(tsquery))
    if _has_article_filters(query):
        articles = schema.articles
        ranked = _filter_articles(ranked.select_from(_pg_search.join(articles, articles.c.id == key)), query)
    # RUM returns index order for its distance alone: a second sort key would make it rank every match.
    return ranked.order_by(order) if rum else ranked.order_by(order, key)


def _has_article_filters(query: SearchQuery) -> bool:
    return bool(
        query.source
        or query.kind
        or query.date_from
        or query.date_to
        or _event_conditions(query.event_filters())
    )


def _where_article(
    statement: Select[Any],
    source: str | None,
    kind: str | None,
    published_from: str | None,
    published_to: str | None,
) -> Select[Any]:
    """Article filters shared by listing and search: outlet, kind, and a publication date range (inclusive)."""
    articles = schema.articles
    if source:
        statement = statement.where(articles.c.source == source)
    if kind:
        statement = statement.where(articles.c.kind == kind)
    return _published_between(statement, articles.c.published, published_from, published_to)


def _published_between(
    statement: Select[Any], published: Any, published_from: str | None, published_to: str | None
) -> Select[Any]:
    """``statement`` restricted to publication dates in a range (inclusive; either bound may be open)."""
    if published_from:
        statement = statement.where(published >= published_from)
    if published_to:
        # A day bound covers the whole day: 2025-11-07T22:13 sorts before 2025-11-07 + U+FFFF.
        statement = statement.where(published <= published_to + "\uffff")
    return statement


def _filter_articles(statement: Select[Any], query: SearchQuery) -> Select[Any]:
    articles = schema.articles
    statement = _where_article(statement, query.source, query.kind, query.date_from, query.date_to)
    conditions = _event_conditions(query.event_filters())
    if conditions:
        # Correlated on article_id: with statistics (``SqlStore.optimize``) both backends probe per hit.
        statement = statement.where(
            exists(select(schema.events.c.id).where(schema.events.c.article_id == articles.c.id, *conditions))
        )
    return statement


def _entity_rows(annotated: AnnotatedArticle) -> list[dict[str, Any]]:
    """One row per distinct name of a named thing of an article (linked entities are keyed by their id)."""
    rows: dict[tuple[str, str], dict[str, Any]] = {}
    for entity in annotated.entities:
        name = name_key(entity.text)
        key = entity.id or name
        if not key:
            continue
        row = rows.get((key, name))
        if row is None:
            rows[key, name] = {
                "article_id": annotated.article.id,
                "key": key,
                "kb_id": entity.id,
                "name": name,
                "name_en": entity.name_en,
                "type": entity.type,
                "mentions": 1,
            }
        else:
            row["mentions"] += 1
    return list(rows.values())


def _kb_names(name: str) -> list[tuple[str, list[str]]]:
    """(id, names) of the actor knowledge base entries that ``name`` names (``ترامب`` → donald-trump)."""
    kb = ActorKB.load()
    found = []
    for actor_id in kb.ids_for_name(kb_match_key(name)):
        entry = kb.get(actor_id)
        if entry is not None:
            found.append((entry.id, [n for n in entry.names() if n]))
    return found


_ARTICLE_COLUMNS = [
    "id",
    "document_id",
    "kind",
    "source",
    "url",
    "title",
    "subtitle",
    "byline",
    "dateline",
    "published",
    "published_precision",
    "language",
    "category",
    "input_id",
    "text",
]


def _document_row(document: Document, now: str) -> dict[str, Any]:
    return {
        "id": document.id,
        "content_hash": document.content_hash,
        "origin": document.origin,
        "encoding": document.encoding,
        "media_type": document.media_type,
        "url": document.url,
        "fetched_at": document.fetched_at,
        "ingested_at": now,
        "text": document.text,
    }


def _article_row(annotated: AnnotatedArticle, now: str, position: int) -> dict[str, Any]:
    article = annotated.article
    row: dict[str, Any] = {name: getattr(article, name) for name in _ARTICLE_COLUMNS}
    row["position"] = position
    row["captions"] = _dumps(article.captions)
    row["subheadings"] = _dumps(to_json(article.subheadings))
    row["entities"] = _dumps(to_json(annotated.entities))
    row["timexes"] = _dumps(to_json(annotated.timexes))
    row["ingested_at"] = now
    return row


def _annotated_from_row(row: Any, events: list[dict[str, Any]]) -> AnnotatedArticle:
    data = row._asdict()
    article = {name: data[name] for name in _ARTICLE_COLUMNS}
    article["captions"] = json.loads(data["captions"])
    article["subheadings"] = json.loads(data["subheadings"])
    return annotated_from(
        {
            "article": article,
            "entities": json.loads(data["entities"]),
            "timexes": json.loads(data["timexes"]),
            "events": events,
        }
    )


def _event_row(ev: Event) -> dict[str, Any]:
    location = ev.location
    return {
        "id": ev.id,
        "article_id": ev.article_id,
        "plover": ev.plover,
        "acled_event_type": ev.acled_event_type,
        "acled_sub_event_type": ev.acled_sub_event_type,
        "modality": ev.modality,
        "date": ev.date,
        "country": location.country if location else None,
        "admin1": location.admin1 if location else None,
        "lat": location.lat if location else None,
        "lon": location.lon if location else None,
        "fatalities": ev.fatalities,
        "actor1_id": ev.actor1.id if ev.actor1 else None,
        "actor2_id": ev.actor2.id if ev.actor2 else None,
        "story_id": ev.story_id,
        "data": _dumps(ev.to_dict()),
        "place_id": location.id if location else None,
        "place_name_ar": location.name_ar if location else None,
        "place_name_en": location.name_en if location else None,
        "admin2": location.admin2 if location else None,
    }


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("pragma journal_mode=wal")
    cursor.execute("pragma synchronous=normal")
    cursor.execute("pragma foreign_keys=on")
    cursor.execute("pragma busy_timeout=10000")
    cursor.close()


def _reason(exc: BaseException) -> str:
    if isinstance(exc, DBAPIError) and exc.orig is not None:
        return str(exc.orig).splitlines()[0]
    return str(exc).splitlines()[0]
