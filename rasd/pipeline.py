"""The pipeline strung together: a document is extracted, each article annotated by every stage, then stored.

Stages are pure functions; this module only calls them in order. A stage joins the pipeline here when it is
ready, never before.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from rasd.entities.link import link_entities
from rasd.entities.ner import NerModel
from rasd.errors import InputError
from rasd.events.extract import extract_events
from rasd.extract import extract
from rasd.geo.geocoder import GeoContext, find_places
from rasd.model import AnnotatedArticle, Article, Document, Entity
from rasd.store.base import Store
from rasd.time import find_timexes

# An annotation stage adds its layer (timexes, entities, events) to an annotated article.
Stage = Callable[[AnnotatedArticle], None]


def reference_time(article: Article) -> datetime | None:
    """The publication time as the outlet's local wall-clock time (what "yesterday" is counted from)."""
    if not article.published:
        return None
    try:
        return datetime.fromisoformat(article.published).replace(tzinfo=None)
    except ValueError:
        return None


def resolve_time(annotated: AnnotatedArticle) -> None:
    """Time stage: temporal expressions of the text, resolved against the publication time."""
    annotated.timexes = find_timexes(annotated.article.text, reference_time(annotated.article))


def link_actors(annotated: AnnotatedArticle) -> None:
    """Entities stage: the NER model's names merged with the actor knowledge base's, linked where known."""
    text = annotated.article.text
    published = reference_time(annotated.article)
    found = NerModel.load().find_entities(text)
    annotated.entities = link_entities(text, published.date() if published else None, found)


def geocode(annotated: AnnotatedArticle) -> None:
    """Geo stage: places resolved with admin levels; each becomes an LOC/GPE entity unless one covers it."""
    article = annotated.article
    annotated.places = list(find_places(article.text, GeoContext(dateline=article.dateline)))
    taken = [(e.start, e.end) for e in annotated.entities]
    for mention in annotated.places:
        if any(start < mention.end and mention.start < end for start, end in taken):
            continue
        annotated.entities.append(
            Entity(
                text=mention.text,
                start=mention.start,
                end=mention.end,
                type="LOC" if getattr(mention, "kind", "place") == "feature" else "GPE",
                id=mention.place.id,
                name_en=mention.place.name_en,
            )
        )
    annotated.entities.sort(key=lambda e: (e.start, e.end))


def detect_events(annotated: AnnotatedArticle) -> None:
    """Events stage: one record per happening, with actors, place, date, fatalities, modality, evidence."""
    annotated.events = extract_events(annotated, places=annotated.places)


# The annotation stages in order, by name (``rasd bench`` times each).
STAGES: list[tuple[str, Stage]] = [
    ("time", resolve_time),
    ("entities", link_actors),
    ("geo", geocode),
    ("events", detect_events),
]


def annotate(article: Article) -> AnnotatedArticle:
    """Run the annotation stages (time, entities, geo, events) over one article."""
    annotated = AnnotatedArticle(article=article)
    for _name, stage in STAGES:
        stage(annotated)
    return annotated


def process(document: Document) -> list[AnnotatedArticle]:
    """Extract and annotate every article of ``document`` (no database)."""
    return [annotate(article) for article in extract(document)]


@dataclass(slots=True)
class IngestOutcome:
    origin: str
    status: Literal["added", "duplicate", "rejected"]
    document_id: str | None = None
    new_articles: int = 0
    known_articles: int = 0
    message: str | None = None


def ingest_document(store: Store, document: Document) -> IngestOutcome:
    """Store ``document`` and its annotated articles unless the same content is already stored."""
    if store.has_document(document.content_hash):
        return IngestOutcome(document.origin, "duplicate", document.id)
    try:
        articles = process(document)
    except InputError as exc:
        return IngestOutcome(document.origin, "rejected", document.id, message=str(exc))
    stored = store.add_document(document, articles)
    if not stored.added:
        return IngestOutcome(document.origin, "duplicate", stored.document_id)
    return IngestOutcome(
        document.origin,
        "added",
        stored.document_id,
        new_articles=len(stored.new_article_ids),
        known_articles=len(stored.known_article_ids),
    )
