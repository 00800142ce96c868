"""Benchmarks of search and the API (not timed tests): a large store made of real articles, latencies, load.

``build_replicated_store`` fills a store with ``n`` articles by copying real corpus articles, annotated by
the pipeline, under new ids with their dates shifted by whole days (so date filters stay selective);
``search_latencies`` times queries in process; ``api_latencies`` times HTTP requests one at a time;
``load_test`` runs many concurrent clients against a server on the loopback interface, bounded in time and
in requests. ``tools/bench_search_api.py`` strings them together for docs/benchmarks.md.
"""

from __future__ import annotations

import asyncio
import hashlib
import statistics
import time
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from rasd.model import AnnotatedArticle, Document, Event
from rasd.store.base import SearchQuery
from rasd.store.sql import SqlStore

# Real queries an analyst types: words, names in both spellings, phrases, English names, with filters.
SEARCH_QUERIES: tuple[SearchQuery, ...] = (
    SearchQuery("غارة"),
    SearchQuery("قصف مدفعي"),
    SearchQuery("اعتقال"),
    SearchQuery("غزة"),
    SearchQuery("حزب الله"),
    SearchQuery("نتنياهو"),
    SearchQuery("ترامب"),
    SearchQuery('"مجلس الأمن"'),
    SearchQuery("الضفة الغربية"),
    SearchQuery("البحر الأحمر"),
    SearchQuery("Hezbollah"),
    SearchQuery("Gaza"),
    SearchQuery("قوات سوريا الديمقراطية"),
    SearchQuery("استشهاد", date_from="2023-11-01", date_to="2023-12-31"),
    SearchQuery("صواريخ", plover="ASSAULT"),
    SearchQuery("لبنان", country="LB"),
    SearchQuery("مقاومة", source="Al Mayadeen"),
    SearchQuery("الأمم المتحدة"),
    SearchQuery("مستوطنين"),
    SearchQuery("طائرة مسيرة"),
)
# /api/events with the filters the map and list send.
EVENT_PATHS: tuple[str, ...] = (
    "/api/events?limit=100",
    "/api/events?plover=ASSAULT&limit=100",
    "/api/events?country=LB&limit=100",
    "/api/events?country=PS&plover=ASSAULT&date_from=2023-10-07&date_to=2023-12-31&limit=100",
    "/api/events?acled_event_type=Explosions/Remote%20violence&limit=100",
    "/api/events?modality=claimed&limit=50",
    "/api/events?date_from=2024-01-01&date_to=2024-01-31&limit=100",
    "/api/events?source=Al%20Mayadeen&plover=COERCE&limit=100",
    "/api/events?country=SY&offset=500&limit=100",
    "/api/events?plover=PROTEST&country=YE&limit=100",
)
# What the load test's clients ask for, in turn.
LOAD_PATHS: tuple[str, ...] = (
    *EVENT_PATHS,
    "/api/search?q=%D8%BA%D8%A7%D8%B1%D8%A9",
    "/api/search?q=%D8%AD%D8%B2%D8%A8%20%D8%A7%D9%84%D9%84%D9%87&country=LB",
    "/api/events/timeline?country=LB",
    "/api/events/points?plover=ASSAULT&country=SY",
    "/api/places?plover=ASSAULT&limit=50",
    "/",
    "/events?plover=ASSAULT",
)


def _shift(value: str | None, days: int) -> str | None:
    if not value or days == 0:
        return value
    try:
        if len(value) == 10:
            return (date.fromisoformat(value) + timedelta(days=days)).isoformat()
        return (datetime.fromisoformat(value) + timedelta(days=days)).isoformat()
    except ValueError:
        return value


def replica(annotated: AnnotatedArticle, copy: int, days: int) -> tuple[Document, AnnotatedArticle]:
    """Copy ``copy`` of an article: new ids (article, document, events), dates moved by ``days``."""
    key = hashlib.sha1(f"{annotated.article.id}:{copy}".encode()).hexdigest()
    article = replace(
        annotated.article,
        id=key[:16],
        document_id=key[16:32],
        published=_shift(annotated.article.published, days),
    )
    events: list[Event] = [
        replace(
            e,
            id=hashlib.sha1(f"{e.id}:{copy}".encode()).hexdigest()[:16],
            article_id=article.id,
            date=_shift(e.date, days),
        )
        for e in annotated.events
    ]
    document = Document(
        id=article.document_id, origin=f"bench:{article.id}", text=article.text, content_hash=key + key[:24]
    )
    copied = AnnotatedArticle(article, list(annotated.entities), list(annotated.timexes), events)
    return document, copied


def build_replicated_store(
    store: SqlStore, base: Sequence[AnnotatedArticle], n: int, batch: int = 500, spread_days: int = 730
) -> dict[str, Any]:
    """Fill ``store`` with ``n`` articles: copies of ``base`` in turn, copy ``k`` moved by ``k`` days modulo
    ``spread_days``. Returns the seconds taken and the counts stored."""
    if not base:
        raise ValueError("no base articles to replicate")
    started = time.perf_counter()
    pending: list[tuple[Document, list[AnnotatedArticle]]] = []
    made = events = 0
    for index in range(n):
        copy, position = divmod(index, len(base))
        document, annotated = replica(base[position], copy, (copy * 7) % spread_days)
        pending.append((document, [annotated]))
        events += len(annotated.events)
        made += 1
        if len(pending) >= batch:
            store.add_documents(pending)
            pending = []
    if pending:
        store.add_documents(pending)
    store.optimize()
    return {"articles": made, "events": events, "seconds": round(time.perf_counter() - started, 1)}


@dataclass(slots=True)
class Latency:
    """Milliseconds: median, 95th percentile and maximum of ``n`` timings."""

    n: int
    p50_ms: float
    p95_ms: float
    max_ms: float

    @classmethod
    def of(cls, seconds: Sequence[float]) -> Latency:
        ordered = sorted(s * 1000 for s in seconds)
        p95 = ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))]
        return cls(len(ordered), round(statistics.median(ordered), 1), round(p95, 1), round(ordered[-1], 1))


def search_latencies(
    store: SqlStore, queries: Sequence[SearchQuery] = SEARCH_QUERIES, rounds: int = 5
) -> dict[str, Any]:
    """Time each query ``rounds`` times in process (the first round warms caches and is not counted)."""
    timings: list[float] = []
    slowest: Counter[str] = Counter()
    hits: dict[str, int] = {}
    for round_ in range(rounds + 1):
        for query in queries:
            started = time.perf_counter()
            found = store.search(query)
            elapsed = time.perf_counter() - started
            if round_:
                timings.append(elapsed)
                slowest[query.text] = max(slowest[query.text], round(elapsed * 1000))
            hits[query.text] = len(found)
    return {
        "latency": Latency.of(timings),
        "slowest_ms": dict(slowest.most_common(3)),
        "queries_without_hits": [q for q, n in hits.items() if n == 0],
    }


def api_latencies(base_url: str, paths: Sequence[str] = EVENT_PATHS, rounds: int = 5) -> Latency:
    """Time GET requests one at a time (the first round is a warm-up); any non-200 answer raises."""
    import httpx

    _check_loopback(base_url)
    timings: list[float] = []
    with httpx.Client(base_url=base_url, timeout=60) as client:
        for round_ in range(rounds + 1):
            for path in paths:
                started = time.perf_counter()
                response = client.get(path)
                elapsed = time.perf_counter() - started
                response.raise_for_status()
                if round_:
                    timings.append(elapsed)
    return Latency.of(timings)


def load_test(
    base_url: str,
    clients: int = 200,
    seconds: float = 120.0,
    paths: Sequence[str] = LOAD_PATHS,
    max_requests: int = 1_000_000,
) -> dict[str, Any]:
    """``clients`` concurrent clients, each requesting ``paths`` in turn until ``seconds`` pass or
    ``max_requests`` are made; only loopback addresses are accepted. Counts answers by status and errors."""
    _check_loopback(base_url)
    return asyncio.run(_load(base_url, clients, seconds, list(paths), max_requests))


async def _load(
    base_url: str, clients: int, seconds: float, paths: list[str], max_requests: int
) -> dict[str, Any]:
    import httpx

    deadline = time.monotonic() + seconds
    statuses: Counter[str] = Counter()
    timings: list[float] = []
    budget = iter(range(max_requests))
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)

    async def client_loop(client: httpx.AsyncClient, start: int) -> None:
        for step in _cycle(start, len(paths)):
            if time.monotonic() >= deadline or next(budget, None) is None:
                return
            began = time.perf_counter()
            try:
                response = await client.get(paths[step])
                statuses[str(response.status_code)] += 1
            except httpx.HTTPError as exc:
                statuses[type(exc).__name__] += 1
            timings.append(time.perf_counter() - began)

    started = time.perf_counter()
    async with httpx.AsyncClient(base_url=base_url, timeout=120, limits=limits) as client:
        await asyncio.gather(*(client_loop(client, i) for i in range(clients)))
    elapsed = time.perf_counter() - started
    errors = sum(n for status, n in statuses.items() if status != "200")
    return {
        "clients": clients,
        "seconds": round(elapsed, 1),
        "requests": len(timings),
        "requests_per_s": round(len(timings) / elapsed, 1),
        "errors": errors,
        "statuses": dict(statuses),
        "latency": Latency.of(timings) if timings else None,
    }


def _cycle(start: int, size: int) -> Iterator[int]:
    step = start
    while True:
        yield step % size
        step += 1


def _check_loopback(base_url: str) -> None:
    host = urlsplit(base_url).hostname or ""
    if not (host == "localhost" or host.startswith("127.") or host == "::1"):
        raise ValueError(f"benchmarks send traffic to loopback addresses only, not {host!r}")


def corpus_base(corpus: Path, n: int) -> list[AnnotatedArticle]:
    """Up to ``n`` corpus articles through extraction and the pipeline's stages (and the events stage when
    the pipeline does not run it yet)."""
    from rasd.bench import corpus_documents
    from rasd.errors import InputError
    from rasd.pipeline import STAGES, process

    extra = []
    if "events" not in {name for name, _ in STAGES}:
        from rasd.events.extract import events_stage

        extra.append(events_stage)
    base: list[AnnotatedArticle] = []
    for document in corpus_documents(corpus, n):
        try:
            annotated = process(document)
        except InputError:
            continue
        for item in annotated:
            for stage in extra:
                stage(item)
            base.append(item)
    return base
