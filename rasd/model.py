"""The typed data model of Rasd: documents, articles, annotations, events and stories.

Every annotation carries character offsets into ``Article.text`` (the cleaned text), so evidence can be
highlighted in the original characters. Field names follow the JSON contracts of DESIGN.md.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

ArticleKind = Literal["article", "teaser"]
PublishedPrecision = Literal["minute", "day", "month", "inferred"]
EntityType = Literal["PER", "ORG", "LOC", "GPE", "NORP", "MISC"]
TimexPrecision = Literal["day", "week", "month", "year", "decade", "duration"]
Modality = Literal["asserted", "reported", "claimed", "denied", "planned", "hypothetical", "negated"]


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of ``Article.text``: ``text == article.text[start:end]``."""

    start: int
    end: int
    text: str


@dataclass(slots=True)
class Document:
    """Raw input as read: decoded text, where it came from, and the hash that makes ingest idempotent."""

    id: str
    origin: str
    text: str
    content_hash: str
    encoding: str = "utf-8"
    media_type: str = "text/plain"
    fetched_at: str | None = None
    url: str | None = None
    # Hints given by the caller or the reader (``--source``, ``--published``, a JSONL record's fields).
    source_hint: str | None = None
    published_hint: str | None = None
    title_hint: str | None = None
    input_id: str | None = None
    raw: bytes | None = field(default=None, repr=False)


@dataclass(slots=True)
class Article:
    """One article (or teaser) cut out of a document, with its metadata and cleaned text."""

    id: str
    document_id: str
    kind: ArticleKind
    text: str
    title: str | None = None
    subtitle: str | None = None
    source: str | None = None
    url: str | None = None
    byline: str | None = None
    dateline: str | None = None
    published: str | None = None
    published_precision: PublishedPrecision | None = None
    language: str = "ar"
    category: str | None = None
    input_id: str | None = None
    captions: list[str] = field(default_factory=list)
    subheadings: list[Span] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class Token:
    """A word or clitic of ``Article.text`` with its normalized form and stem."""

    text: str
    start: int
    end: int
    norm: str
    stem: str = ""
    kind: Literal["word", "proclitic", "article", "enclitic", "number", "punct"] = "word"


@dataclass(slots=True)
class Sentence:
    start: int
    end: int
    text: str


@dataclass(slots=True)
class Entity:
    """A named mention, optionally linked to the actor knowledge base or the gazetteer."""

    text: str
    start: int
    end: int
    type: EntityType
    id: str | None = None
    name_en: str | None = None


@dataclass(slots=True)
class Timex:
    """A temporal expression resolved against the publication time (``value`` is ISO, or ISO 8601 duration)."""

    text: str
    start: int
    end: int
    value: str | None
    precision: TimexPrecision | None


@dataclass(slots=True)
class Actor:
    id: str | None
    name_ar: str
    name_en: str | None = None
    type: str | None = None
    country: str | None = None
    inter: int | None = None


@dataclass(slots=True)
class Place:
    id: str | None
    name_ar: str
    name_en: str | None = None
    country: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    lat: float | None = None
    lon: float | None = None
    geo_precision: int | None = None


@dataclass(frozen=True, slots=True)
class PlaceMention:
    """A place named in ``Article.text`` (``text == article.text[start:end]``), resolved to ``place``."""

    start: int
    end: int
    text: str
    place: Place


@dataclass(slots=True)
class Event:
    id: str
    article_id: str
    plover: str
    plover_mode: str | None = None
    acled_event_type: str | None = None
    acled_sub_event_type: str | None = None
    modality: Modality = "asserted"
    date: str | None = None
    date_precision: Literal["day", "week", "month", "year"] | None = None
    actor1: Actor | None = None
    actor2: Actor | None = None
    assoc_actors: list[Actor] = field(default_factory=list)
    location: Place | None = None
    fatalities: int | None = None
    fatalities_text: str | None = None
    evidence: list[Span] = field(default_factory=list)
    # Mentions in the headline: spans of ``Article.title`` (``evidence`` holds those of ``Article.text``).
    title_evidence: list[Span] = field(default_factory=list)
    confidence: float = 0.0
    summary_en: str | None = None
    summary_ar: str | None = None
    sources: list[str] = field(default_factory=list)
    story_id: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class Story:
    """Articles and events of several outlets about one real-world happening."""

    id: str
    title: str
    article_ids: list[str] = field(default_factory=list)
    event_ids: list[str] = field(default_factory=list)


@dataclass(slots=True)
class AnnotatedArticle:
    """An article with the annotations of every stage: the ``rasd extract`` record of DESIGN.md."""

    article: Article
    entities: list[Entity] = field(default_factory=list)
    timexes: list[Timex] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    # The geo stage's resolved places; each is also an LOC/GPE entity, which is what is stored and exported.
    places: list[PlaceMention] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "article": self.article.to_dict(),
            "entities": [asdict(e) for e in self.entities],
            "timexes": [asdict(t) for t in self.timexes],
            "events": [e.to_dict() for e in self.events],
        }
