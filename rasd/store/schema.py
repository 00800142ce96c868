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
from sqlalchemy.exc import DBAPIError

metadata = MetaData()
# PostgreSQL: the search index that returns hits in rank order (migration v8), where ``rum`` is installed.
RUM_INDEX = "ix_article_search_rum"

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
    Column("position", Integer),  # the article's place in its document (page order of a dump)
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
    # Added by migration v2 (see _V2_EVENT_COLUMNS).
    Column("place_id", Text),
    Column("place_name_ar", Text),
    Column("place_name_en", Text),
    Column("admin2", Text),
    Column("source", Text),  # added by migration v4: the article's outlet
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


stories = Table(
    "stories",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("title", Text, nullable=False),
    Column("first_date", String(10)),
    Column("last_date", String(10)),
    Column("data", Text, nullable=False),  # the whole story as JSON
)

# One row per (article, named thing): what /api/entities counts and what search expands names against.
article_entities = Table(
    "article_entities",
    metadata,
    Column("article_id", String(32), ForeignKey("articles.id"), nullable=False),
    Column("key", Text, nullable=False),  # the KB id, else the normalized mention
    Column("kb_id", Text),
    Column("name", Text, nullable=False),
    Column("name_en", Text),
    Column("type", String(8), nullable=False),
    Column("mentions", Integer, nullable=False),
    Index("ix_article_entities_key", "key"),
    Index("ix_article_entities_article", "article_id"),
)

# Key/value facts about derived data, such as the version of the analyzer that built the search index.
store_meta = Table(
    "store_meta",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)


def _create_v1(connection: Connection) -> None:
    metadata.create_all(connection, tables=[documents, articles, events, fetch_state])


# Columns that v2 adds to the events table (a fresh v1 already has them from the table definition).
_V2_EVENT_COLUMNS = {"place_id": "TEXT", "place_name_ar": "TEXT", "place_name_en": "TEXT", "admin2": "TEXT"}


def _search_v2(connection: Connection) -> None:
    """Stories, entity rows, place columns, filter indexes and the full-text index of each dialect."""
    metadata.create_all(connection, tables=[stories, article_entities, store_meta])
    present = {c["name"] for c in inspect(connection).get_columns("events")}
    for name, sql_type in _V2_EVENT_COLUMNS.items():
        if name not in present:
            connection.exec_driver_sql(f"alter table events add column {name} {sql_type}")
    for name, table, columns in (
        ("ix_events_story", "events", "story_id"),
        ("ix_events_actor1", "events", "actor1_id"),
        ("ix_events_actor2", "events", "actor2_id"),
        ("ix_events_acled", "events", "acled_event_type"),
        ("ix_events_place", "events", "place_id"),
        ("ix_articles_kind", "articles", "kind"),
        ("ix_article_entities_name", "article_entities", "name"),
        ("ix_article_entities_kb_id", "article_entities", "kb_id"),
        ("ix_article_entities_name_en", "article_entities", "lower(name_en)"),
    ):
        connection.exec_driver_sql(f"create index if not exists {name} on {table} ({columns})")
    if connection.dialect.name == "sqlite":
        # Columns hold analyzed terms (normalized stems), not the text: snippets are cut from articles.text.
        connection.exec_driver_sql(
            "create virtual table if not exists article_search using fts5("
            "article_id unindexed, title, body, names, tokenize = 'unicode61 remove_diacritics 0')"
        )
    else:
        connection.exec_driver_sql(
            "create table if not exists article_search ("
            "article_id varchar(32) primary key references articles(id), terms tsvector not null)"
        )
        connection.exec_driver_sql(
            "create index if not exists ix_article_search_terms on article_search using gin (terms)"
        )


def _filter_indexes_v3(connection: Connection) -> None:
    """Indexes that answer filters without reading the wide rows (text, JSON): the dashboard's count by
    modality, and the article and event facets that search hits are filtered by."""
    for statement in (
        "create index if not exists ix_events_modality on events (modality)",
        "create index if not exists ix_articles_facets on articles (id, source, kind, published)",
        "create index if not exists ix_events_article_facets on events (article_id, country, admin1, plover, "
        "acled_event_type, modality, story_id, actor1_id, actor2_id, place_id)",
    ):
        connection.exec_driver_sql(statement)


def _event_order_v4(connection: Connection) -> None:
    """Listings sort events newest first under one filter: an index per filter that is already in date
    order, and the outlet copied onto each event (filtering events by outlet needed a join)."""
    if "source" not in {c["name"] for c in inspect(connection).get_columns("events")}:
        connection.exec_driver_sql("alter table events add column source TEXT")
    connection.exec_driver_sql(
        "update events set source = (select articles.source from articles where articles.id = events.article_id)"
    )
    for name, column in (
        ("date", None),
        ("plover", "plover"),
        ("country", "country"),
        ("acled", "acled_event_type"),
        ("modality", "modality"),
        ("story", "story_id"),
        ("source", "source"),
        ("actor1", "actor1_id"),
        ("actor2", "actor2_id"),
    ):
        columns = f"{column}, date, id" if column else "date, id"
        connection.exec_driver_sql(
            f"create index if not exists ix_events_{name}_by_date on events ({columns})"
        )


def _article_position_v5(connection: Connection) -> None:
    """Articles remember their place in their document, so a dump's articles list in page order."""
    if "position" not in {c["name"] for c in inspect(connection).get_columns("articles")}:
        connection.exec_driver_sql("alter table articles add column position INTEGER")


def _search_facets_v6(connection: Connection) -> None:
    """SQLite: the full-text index gains a ``facets`` column (terms for the filters an article meets: outlet,
    kind, its events' country, admin1, type, modality, actors), and a narrow ``search_rows`` table names the
    article and publication date of each index row. Ranking then reads integer row numbers and filters by
    index terms; only a page of hits is turned into article ids. The index is rebuilt on the next open."""
    if connection.dialect.name != "sqlite":
        return
    connection.exec_driver_sql("drop table if exists article_search")
    connection.exec_driver_sql(
        "create virtual table article_search using fts5("
        "article_id unindexed, title, body, names, facets, tokenize = 'unicode61 remove_diacritics 0')"
    )
    connection.exec_driver_sql(
        "create table if not exists search_rows (rowid integer primary key, "
        "article_id varchar(32) not null unique references articles(id), published varchar(40))"
    )
    connection.exec_driver_sql("delete from search_rows")
    connection.exec_driver_sql("delete from store_meta where key = 'search_analyzer'")


def _event_count_indexes_v7(connection: Connection) -> None:
    """Two wide indexes that hold every filter column of an event, led by type and by outlet, so that the
    total under a list's filters (``count_events``) is counted in the index without reading event rows; and
    two that count events by place under a type or a country (``list_places``)."""
    for name, columns in (
        ("ix_events_plover_facets", "plover, country, date, admin1, source, modality, acled_event_type"),
        ("ix_events_source_facets", "source, country, date, admin1, modality, acled_event_type"),
        # The places of a map under a type or a country filter, counted in the index.
        ("ix_events_plover_place", "plover, place_id"),
        ("ix_events_country_place", "country, place_id"),
    ):
        connection.exec_driver_sql(f"create index if not exists {name} on events ({columns})")


def _search_rum_v8(connection: Connection) -> None:
    """PostgreSQL: a RUM index over the search terms where the ``rum`` extension is installed (Debian
    ``postgresql-NN-rum``), so hits come out of the index already ranked instead of every match's terms
    being read and ranked. Without the extension the GIN index serves, ranked by ``ts_rank_cd``."""
    if connection.dialect.name == "postgresql":
        ensure_rum_index(connection)


def ensure_rum_index(connection: Connection) -> bool:
    """Create the RUM search index if the extension can be had; whether the store has one now."""
    if has_rum_index(connection):
        return True
    savepoint = connection.begin_nested()
    try:
        connection.exec_driver_sql("create extension if not exists rum")
        connection.exec_driver_sql(
            f"create index if not exists {RUM_INDEX} on article_search using rum (terms rum_tsvector_ops)"
        )
    except DBAPIError:
        savepoint.rollback()  # the extension is not installed on this server: GIN and ts_rank_cd serve
        return False
    savepoint.commit()
    return True


def has_rum_index(connection: Connection) -> bool:
    """Whether the PostgreSQL search table has its RUM index."""
    query = "select 1 from pg_indexes where tablename = 'article_search' and indexname = %(name)s"
    return connection.exec_driver_sql(query, {"name": RUM_INDEX}).first() is not None


# Each migration takes the schema from version N-1 to N; append, never edit a released one.
MIGRATIONS: list[Callable[[Connection], None]] = [
    _create_v1,
    _search_v2,
    _filter_indexes_v3,
    _event_order_v4,
    _article_position_v5,
    _search_facets_v6,
    _event_count_indexes_v7,
    _search_rum_v8,
]
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
