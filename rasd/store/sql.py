"""The SQL store (SQLAlchemy Core): SQLite by default, PostgreSQL with the same tables and queries."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Engine, create_engine, event, func, insert, or_, select
from sqlalchemy.exc import DBAPIError, SQLAlchemyError

from rasd.codec import annotated_from, event_from, to_json
from rasd.errors import StoreError
from rasd.model import AnnotatedArticle, Document, Event
from rasd.store import schema
from rasd.store.base import ArticleQuery, EventQuery, FetchState, StoredDocument


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


class SqlStore:
    """Documents, articles, events and fetch state in one SQL database; every write is one transaction."""

    def __init__(self, url: str) -> None:
        self.url = url
        try:
            self.engine: Engine = create_engine(url, future=True)
            if self.engine.dialect.name == "sqlite":
                event.listen(self.engine, "connect", _sqlite_pragmas)
            with self.engine.begin() as connection:
                self._version = schema.migrate(connection)
        except (SQLAlchemyError, OSError) as exc:
            raise StoreError(f"cannot open the database {url}: {_reason(exc)}") from exc

    # --- writing -------------------------------------------------------------------------------------

    def has_document(self, content_hash: str) -> bool:
        with self.engine.connect() as connection:
            row = connection.execute(
                select(schema.documents.c.id).where(schema.documents.c.content_hash == content_hash)
            ).first()
        return row is not None

    def add_document(self, document: Document, articles: list[AnnotatedArticle]) -> StoredDocument:
        now = _now()
        try:
            with self.engine.begin() as connection:
                known = connection.execute(
                    select(schema.documents.c.id).where(
                        schema.documents.c.content_hash == document.content_hash
                    )
                ).first()
                if known is not None:
                    return StoredDocument(document_id=known.id, added=False)
                connection.execute(
                    insert(schema.documents).values(
                        id=document.id,
                        content_hash=document.content_hash,
                        origin=document.origin,
                        encoding=document.encoding,
                        media_type=document.media_type,
                        url=document.url,
                        fetched_at=document.fetched_at,
                        ingested_at=now,
                        text=document.text,
                    )
                )
                ids = [a.article.id for a in articles]
                existing = (
                    {
                        row.id
                        for row in connection.execute(
                            select(schema.articles.c.id).where(schema.articles.c.id.in_(ids))
                        )
                    }
                    if ids
                    else set()
                )
                result = StoredDocument(document_id=document.id, added=True)
                for annotated in articles:
                    article_id = annotated.article.id
                    if article_id in existing:
                        result.known_article_ids.append(article_id)
                        continue
                    existing.add(article_id)
                    connection.execute(insert(schema.articles).values(**_article_row(annotated, now)))
                    if annotated.events:
                        connection.execute(insert(schema.events), [_event_row(e) for e in annotated.events])
                    result.new_article_ids.append(article_id)
                return result
        except SQLAlchemyError as exc:
            raise StoreError(f"cannot write to {self.url}: {_reason(exc)}") from exc

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
        statement = select(table)
        if query.source:
            statement = statement.where(table.c.source == query.source)
        if query.kind:
            statement = statement.where(table.c.kind == query.kind)
        if query.published_from:
            statement = statement.where(table.c.published >= query.published_from)
        if query.published_to:
            statement = statement.where(table.c.published <= query.published_to + "\uffff")
        statement = (
            statement.order_by(table.c.published.desc(), table.c.ingested_at, table.c.id)
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
        table = schema.events
        statement = select(table.c.data)
        for column, value in (
            (table.c.country, query.country),
            (table.c.admin1, query.admin1),
            (table.c.plover, query.plover),
            (table.c.acled_event_type, query.acled_event_type),
            (table.c.modality, query.modality),
            (table.c.story_id, query.story_id),
            (table.c.article_id, query.article_id),
        ):
            if value:
                statement = statement.where(column == value)
        if query.date_from:
            statement = statement.where(table.c.date >= query.date_from)
        if query.date_to:
            statement = statement.where(table.c.date <= query.date_to)
        if query.actor:
            statement = statement.where(
                or_(table.c.actor1_id == query.actor, table.c.actor2_id == query.actor)
            )
        if query.source:
            statement = statement.join(schema.articles, schema.articles.c.id == table.c.article_id).where(
                schema.articles.c.source == query.source
            )
        statement = (
            statement.order_by(table.c.date.desc(), table.c.id).limit(query.limit).offset(query.offset)
        )
        with self.engine.connect() as connection:
            return [event_from(json.loads(row.data)) for row in connection.execute(statement)]

    def count_events(self) -> int:
        with self.engine.connect() as connection:
            return int(connection.execute(select(func.count()).select_from(schema.events)).scalar_one())

    def schema_version(self) -> int:
        return self._version

    def integrity_ok(self) -> bool:
        """SQLite's ``pragma integrity_check`` (always true on other backends)."""
        if self.engine.dialect.name != "sqlite":
            return True
        with self.engine.connect() as connection:
            return connection.exec_driver_sql("pragma integrity_check").scalar() == "ok"

    def close(self) -> None:
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


def _article_row(annotated: AnnotatedArticle, now: str) -> dict[str, Any]:
    article = annotated.article
    row: dict[str, Any] = {name: getattr(article, name) for name in _ARTICLE_COLUMNS}
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
