"""The store interface: what the pipeline, the CLI and the API may ask of any backend."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

from rasd.model import AnnotatedArticle, Document, Event, Story


@dataclass(slots=True)
class FetchState:
    """What the watcher knows of one URL: validators for conditional GET and when to poll it next."""

    url: str
    etag: str | None = None
    last_modified: str | None = None
    fetched_at: str | None = None
    status: int | None = None
    content_hash: str | None = None
    next_poll_at: str | None = None


@dataclass(slots=True)
class ArticleQuery:
    """Filters shared by listing commands and the API; ``None`` means no filter."""

    source: str | None = None
    kind: str | None = None
    published_from: str | None = None
    published_to: str | None = None
    limit: int = 100
    offset: int = 0


@dataclass(slots=True)
class EventQuery:
    """Filters of events (map, timeline, list, exports); ``actor`` is a KB id, ``place`` a place id."""

    date_from: str | None = None
    date_to: str | None = None
    country: str | None = None
    admin1: str | None = None
    plover: str | None = None
    acled_event_type: str | None = None
    actor: str | None = None
    source: str | None = None
    modality: str | None = None
    story_id: str | None = None
    article_id: str | None = None
    place: str | None = None
    limit: int = 100
    offset: int = 0


@dataclass(slots=True)
class SearchQuery:
    """A full-text query and its filters: articles by publication date and source, events by the rest."""

    text: str
    date_from: str | None = None
    date_to: str | None = None
    source: str | None = None
    kind: str | None = None
    country: str | None = None
    admin1: str | None = None
    plover: str | None = None
    acled_event_type: str | None = None
    actor: str | None = None
    modality: str | None = None
    story_id: str | None = None
    limit: int = 20
    offset: int = 0

    def event_filters(self) -> EventQuery:
        """The filters that an article's events must meet (one event meeting all of them)."""
        return EventQuery(
            country=self.country,
            admin1=self.admin1,
            plover=self.plover,
            acled_event_type=self.acled_event_type,
            actor=self.actor,
            modality=self.modality,
            story_id=self.story_id,
        )


@dataclass(slots=True)
class SearchHit:
    """One ranked article: ``snippet`` is HTML with the matching words in ``<mark>``."""

    article_id: str
    title: str | None
    snippet: str
    score: float
    source: str | None = None
    published: str | None = None
    kind: str = "article"


@dataclass(slots=True)
class EntitySummary:
    """A named thing across the store: a KB actor (``kb_id``) or an unlinked name."""

    key: str
    name: str
    type: str
    articles: int
    mentions: int
    kb_id: str | None = None
    name_en: str | None = None


@dataclass(slots=True)
class PlaceSummary:
    """A place where events happened, with how many."""

    key: str
    name_ar: str | None
    name_en: str | None
    country: str | None
    admin1: str | None
    lat: float | None
    lon: float | None
    events: int
    place_id: str | None = None


@dataclass(slots=True)
class StoredDocument:
    """The outcome of storing one document: was it new, and which of its articles were new."""

    document_id: str
    added: bool
    new_article_ids: list[str] = field(default_factory=list)
    known_article_ids: list[str] = field(default_factory=list)


class Store(Protocol):
    url: str

    def has_document(self, content_hash: str) -> bool: ...

    def add_document(self, document: Document, articles: list[AnnotatedArticle]) -> StoredDocument:
        """Store a document and its annotated articles in one transaction (all or nothing)."""
        ...

    def add_documents(self, batch: list[tuple[Document, list[AnnotatedArticle]]]) -> list[StoredDocument]:
        """Store several documents in one transaction."""
        ...

    def get_article(self, article_id: str) -> AnnotatedArticle | None: ...

    def list_articles(self, query: ArticleQuery) -> list[AnnotatedArticle]: ...

    def count_articles(self, kind: str | None = None) -> int: ...

    def list_events(self, query: EventQuery) -> list[Event]: ...

    def count_events(self, query: EventQuery | None = None) -> int: ...

    def get_event(self, event_id: str) -> Event | None: ...

    def search(self, query: SearchQuery) -> list[SearchHit]:
        """Articles matching ``query.text`` under its filters, best first (BM25 on SQLite)."""
        ...

    def save_stories(self, stories: list[Story]) -> None:
        """Insert or replace stories (the link stage's output)."""
        ...

    def list_stories(self, limit: int = 100, offset: int = 0) -> list[Story]: ...

    def get_story(self, story_id: str) -> Story | None: ...

    def list_entities(
        self, type: str | None = None, name: str | None = None, limit: int = 100, offset: int = 0
    ) -> list[EntitySummary]: ...

    def list_places(self, query: EventQuery) -> list[PlaceSummary]: ...

    def get_fetch_state(self, url: str) -> FetchState | None: ...

    def record_fetch(self, state: FetchState) -> None: ...

    def schema_version(self) -> int: ...

    def close(self) -> None: ...
