"""Tables of the store and their migrations. The schema version lives in the database itself."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import (
    Column,
    Connection,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    inspect,
)

metadata = MetaData()

schema_info = Table("schema_info", metadata, Column("version", Integer, nullable=False))

documents = Table(
    "documents",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("content_hash", String(64), nullable=False, unique=True),
    Column("origin", Text, nullable=False),
    Column("encoding", String(32)),
    Column("media_type", String(64)),
    Column("url", Text),
    Column("fetched_at", String(40)),
    Column("ingested_at", String(40), nullable=False),
    Column("text", Text, nullable=False),
)

articles = Table(
    "articles",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("document_id", String(32), ForeignKey("documents.id"), nullable=False),
    Column("kind", String(16), nullable=False),
    Column("source", Text),
    Column("url", Text),
    Column("title", Text),
    Column("subtitle", Text),
    Column("byline", Text),
    Column("dateline", Text),
    Column("published", String(40)),
    Column("published_precision", String(16)),
    Column("language", String(8)),
    Column("category", Text),
    Column("input_id", Text),
    Column("text", Text, nullable=False),
    Column("captions", Text, nullable=False),  # JSON list
    Column("subheadings", Text, nullable=False),  # JSON list of spans
    Column("entities", Text, nullable=False),  # JSON list (DESIGN.md contract)
    Column("timexes", Text, nullable=False),  # JSON list
    Column("ingested_at", String(40), nullable=False),
    Index("ix_articles_published", "published"),
    Index("ix_articles_source", "source"),
)

events = Table(
    "events",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("article_id", String(32), ForeignKey("articles.id"), nullable=False),
    Column("plover", String(16), nullable=False),
    Column("acled_event_type", Text),
    Column("acled_sub_event_type", Text),
    Column("modality", String(16)),
    Column("date", String(10)),
    Column("country", String(2)),
    Column("admin1", Text),
    Column("lat", Float),
    Column("lon", Float),
    Column("fatalities", Integer),
    Column("actor1_id", Text),
    Column("actor2_id", Text),
    Column("story_id", String(32)),
    Column("data", Text, nullable=False),  # the whole event as JSON (DESIGN.md contract)
    Index("ix_events_date", "date"),
    Index("ix_events_article", "article_id"),
    Index("ix_events_country_admin1", "country", "admin1"),
    Index("ix_events_plover", "plover"),
)

fetch_state = Table(
    "fetch_state",
    metadata,
    Column("url", Text, primary_key=True),
    Column("etag", Text),
    Column("last_modified", Text),
    Column("fetched_at", String(40)),
    Column("status", Integer),
    Column("content_hash", String(64)),
    Column("next_poll_at", String(40)),
)


def _create_v1(connection: Connection) -> None:
    metadata.create_all(connection, tables=[documents, articles, events, fetch_state])


# Each migration takes the schema from version N-1 to N; append, never edit a released one.
MIGRATIONS: list[Callable[[Connection], None]] = [_create_v1]
SCHEMA_VERSION = len(MIGRATIONS)


def current_version(connection: Connection) -> int:
    if not inspect(connection).has_table("schema_info"):
        return 0
    row = connection.execute(schema_info.select()).first()
    return int(row.version) if row else 0


def migrate(connection: Connection) -> int:
    """Bring the schema to ``SCHEMA_VERSION`` inside the caller's transaction; return the version."""
    version = current_version(connection)
    if version == 0:
        schema_info.create(connection, checkfirst=True)
        connection.execute(schema_info.insert().values(version=0))
    for step in MIGRATIONS[version:]:
        step(connection)
    if version < SCHEMA_VERSION:
        connection.execute(schema_info.update().values(version=SCHEMA_VERSION))
    return max(version, SCHEMA_VERSION)
