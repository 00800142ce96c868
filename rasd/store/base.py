"""The store interface: what the pipeline, the CLI and the API may ask of any backend."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

from rasd.model import AnnotatedArticle, Document, Event


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
    limit: int = 100
    offset: int = 0


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

    def get_article(self, article_id: str) -> AnnotatedArticle | None: ...

    def list_articles(self, query: ArticleQuery) -> list[AnnotatedArticle]: ...

    def count_articles(self, kind: str | None = None) -> int: ...

    def list_events(self, query: EventQuery) -> list[Event]: ...

    def count_events(self) -> int: ...

    def get_fetch_state(self, url: str) -> FetchState | None: ...

    def record_fetch(self, state: FetchState) -> None: ...

    def schema_version(self) -> int: ...

    def close(self) -> None: ...
