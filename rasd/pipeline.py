"""The pipeline strung together: a document is extracted, each article annotated by every stage, then stored.

Stages are pure functions; this module only calls them in order. A stage joins the pipeline here when it is
ready, never before.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal

from rasd.entities.link import forget_romanizer, link_entities
from rasd.entities.ner import NerModel
from rasd.errors import InputError
from rasd.events.extract import extract_events
from rasd.extract import extract
from rasd.geo.geocoder import GeoContext, find_places
from rasd.ingest.base import make_document
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
    covered = _coverage(taken)  # a character map instead of comparing every place with every entity
    empty = [(start, end) for start, end in taken if start >= end]  # not on the map: compared one by one
    for mention in annotated.places:
        if mention.start < mention.end:
            others = empty if covered.find(1, mention.start, mention.end) == -1 else None
        else:
            others = taken
        if others is None or any(start < mention.end and mention.start < end for start, end in others):
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


def _coverage(spans: list[tuple[int, int]]) -> bytearray:
    """A byte per character, 1 where one of the non-empty ``spans`` covers it."""
    covered = bytearray(max((end for _, end in spans), default=0) + 1)
    for start, end in spans:
        if start < end:
            covered[start:end] = b"\x01" * (end - start)
    return covered


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
class Processed:
    """One document through ``process``: its annotated articles, or why it was rejected, or skipped."""

    document: Document
    articles: list[AnnotatedArticle] = field(default_factory=list)
    error: str | None = None  # the InputError's message when extraction rejected the document
    skipped: bool = False  # the caller's ``skip`` said so: not processed at all
    seconds: dict[str, float] = field(default_factory=dict)  # extract and each stage (``timed`` only)


def process_timed(document: Document, seconds: dict[str, float] | None = None) -> list[AnnotatedArticle]:
    """``process``, adding the seconds spent in extraction and in each stage to ``seconds``."""
    if seconds is None:
        return process(document)
    t0 = time.perf_counter()
    articles = extract(document)
    seconds["extract"] = seconds.get("extract", 0.0) + time.perf_counter() - t0
    annotated = []
    for article in articles:
        item = AnnotatedArticle(article=article)
        for name, stage in STAGES:
            t1 = time.perf_counter()
            stage(item)
            seconds[name] = seconds.get(name, 0.0) + time.perf_counter() - t1
        annotated.append(item)
    return annotated


def _process_one(document: Document, timed: bool) -> Processed:
    seconds: dict[str, float] | None = {} if timed else None
    try:
        articles = process_timed(document, seconds)
    except InputError as exc:
        return Processed(document, error=str(exc), seconds=seconds or {})
    return Processed(document, articles, seconds=seconds or {})


def _process_chunk(documents: list[Document], timed: bool) -> list[Processed]:
    return [_process_one(document, timed) for document in documents]


# A short text that goes through every stage: the parent loads the models once before forking workers.
_WARM_UP_TEXT = (
    "دمشق - قال الرئيس السوري أحمد الشرع أمس الإثنين 10 تشرين الثاني 2025 إن الجيش السوري "
    "اعتقل ثلاثة مسلحين في ريف حلب، بعد غارة جوية إسرائيلية أسفرت عن مقتل شخصين."
)


def warm_up() -> None:
    """Load every stage's models and tables in this process (workers forked afterwards share them)."""
    process(make_document(f"تجربة\n\n{_WARM_UP_TEXT}", "warm-up", published_hint="2025-11-11T10:00:00"))


def _pool(workers: int) -> ProcessPoolExecutor:
    if sys.platform == "linux":
        # Forked workers share the models the parent loaded (``warm_up``) instead of loading their own.
        warm_up()
        context = multiprocessing.get_context("fork")
        return ProcessPoolExecutor(
            workers, mp_context=context, initializer=_die_with, initargs=(os.getpid(),)
        )
    return ProcessPoolExecutor(workers, initializer=warm_up)


def _die_with(parent: int) -> None:
    """Linux: end this worker when the parent dies (a killed ``rasd ingest`` leaves no orphans behind)."""
    import ctypes
    import signal

    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    if os.getppid() != parent:  # the parent died before prctl took effect
        os._exit(1)
    forget_romanizer()  # an SQLite connection must not be shared across fork


def default_workers() -> int:
    """One worker per CPU core."""
    return os.cpu_count() or 1


def process_documents(
    documents: Iterable[Document],
    *,
    workers: int = 1,
    chunk_size: int = 4,
    skip: Callable[[Document], bool] | None = None,
    timed: bool = False,
) -> Iterator[Processed]:
    """``process`` over many documents, results in input order; ``workers`` > 1 annotates in that many
    processes.

    ``documents`` is read lazily, a few chunks ahead of the results, so memory stays bounded. A document for
    which ``skip`` is true (evaluated when it is read) comes back ``skipped`` without being processed.
    ``timed`` fills each result's ``seconds`` with the time spent per stage.
    """
    if workers <= 1:
        for document in documents:
            if skip is not None and skip(document):
                yield Processed(document, skipped=True)
            else:
                yield _process_one(document, timed)
        return
    with _pool(workers) as pool:
        pending: deque[tuple[list[Document], Future[list[Processed]] | None]] = deque()
        chunk: list[Document] = []

        def submit() -> None:
            pending.append((chunk[:], pool.submit(_process_chunk, chunk[:], timed) if chunk else None))
            chunk.clear()

        def drain(limit: int) -> Iterator[Processed]:
            while len(pending) > limit:
                sent, future = pending.popleft()
                if future is None:  # a skipped document, kept in its place in the order
                    yield Processed(sent[0], skipped=True)
                    continue
                for original, result in zip(sent, future.result(), strict=True):
                    result.document = original
                    yield result

        for document in documents:
            if skip is not None and skip(document):
                if chunk:
                    submit()
                pending.append(([document], None))
            else:
                chunk.append(document)
                if len(chunk) >= chunk_size:
                    submit()
            yield from drain(2 * workers)
        if chunk:
            submit()
        yield from drain(0)


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
    return _store(store, document, articles)


def ingest_documents(
    store: Store, documents: Iterable[Document], *, workers: int = 1
) -> Iterator[IngestOutcome]:
    """``ingest_document`` over many documents, one outcome each in input order.

    With ``workers`` > 1 the documents are annotated in that many processes while this one writes the store,
    each document in its own transaction and in input order: a run that is killed leaves whole documents
    only, and running it again skips them.
    """
    if workers <= 1:
        for document in documents:
            yield ingest_document(store, document)
        return

    def stored_already(document: Document) -> bool:
        return store.has_document(document.content_hash)

    for result in process_documents(documents, workers=workers, skip=stored_already):
        document = result.document
        if result.skipped:
            yield IngestOutcome(document.origin, "duplicate", document.id)
        elif result.error is not None:
            yield IngestOutcome(document.origin, "rejected", document.id, message=result.error)
        else:
            yield _store(store, document, result.articles)


def _store(store: Store, document: Document, articles: list[AnnotatedArticle]) -> IngestOutcome:
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
