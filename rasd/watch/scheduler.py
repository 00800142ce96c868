"""The watcher: polls each source when it is due, follows its new items, ingests them, remembers what it did.

One poll of a source: a conditional GET (ETag / Last-Modified); on 304 nothing else happens. Otherwise the
feed or sitemap is read, items already handled are passed over without a request, the others' pages are
fetched (a few at once; the fetcher keeps each host's rate and concurrency limits) and ingested in feed
order, each item recorded as handled right after its ingest commits. The source's new validators are
recorded last, and only when no item failed for a reason that may pass (timeout, 5xx): otherwise the next
poll reads the whole feed again and retries those items.
"""

from __future__ import annotations

import hashlib
import logging
import signal
import threading
from collections import deque
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from rasd.errors import InputError
from rasd.ingest.base import ReadOptions
from rasd.ingest.feed import FEED_ACCEPT, Feed, FeedItem, item_document, page_document, parse_feed
from rasd.ingest.fetch import Fetcher, FetchError, FetchResult
from rasd.ingest.html import fetched_document
from rasd.ingest.sitemap import (
    MAX_CHILD_SITEMAPS,
    SITEMAP_ACCEPT,
    SitemapEntry,
    entry_document,
    parse_sitemap,
)
from rasd.ingest.url import resource_kind
from rasd.model import Document
from rasd.pipeline import ingest_document
from rasd.store.base import Store
from rasd.watch.config import SourceConfig, WatchConfig
from rasd.watch.state import is_handled, iso, next_due, record_item, record_poll, utc_now

log = logging.getLogger("rasd.watch")


@dataclass(slots=True)
class PollReport:
    """What one poll of one source did."""

    source: str
    status: str = "polled"  # polled | not_modified | failed
    items: int = 0
    added: int = 0
    duplicate: int = 0
    rejected: int = 0
    skipped: int = 0
    failed: int = 0
    message: str | None = None

    def summary(self) -> str:
        if self.status != "polled":
            return f"{self.source}: {self.status}" + (f" ({self.message})" if self.message else "")
        return (
            f"{self.source}: {self.items} items, {self.added} added, {self.duplicate} already stored, "
            f"{self.skipped} seen before, {self.rejected} rejected, {self.failed} failed"
        )


@dataclass(frozen=True, slots=True)
class _Item:
    """A new item of a source: its page's URL and what the listing says about it."""

    url: str | None
    feed_item: FeedItem | None = None
    entry: SitemapEntry | None = None


class Watcher:
    """Polls the configured sources into a store. ``now`` is injectable for tests of scheduling."""

    def __init__(
        self,
        config: WatchConfig,
        store: Store,
        fetcher: Fetcher | None = None,
        *,
        now: Callable[[], datetime] = utc_now,
    ) -> None:
        self.config = config
        self.store = store
        self.fetcher = fetcher or Fetcher(config.fetch)
        self._now = now

    def due_sources(self) -> list[SourceConfig]:
        """Sources never polled or whose next poll time has come."""
        now = self._now()
        return [s for s in self.config.sources if (due := next_due(self.store, s.url)) is None or due <= now]

    def run_once(self, *, all_sources: bool = False) -> list[PollReport]:
        """Poll every due source (every source with ``all_sources``) once; what ``rasd watch --once`` does."""
        sources = self.config.sources if all_sources else self.due_sources()
        reports = []
        for source in sources:
            report = self.poll(source)
            log.info("%s", report.summary())
            reports.append(report)
        return reports

    def run(self, stop: threading.Event) -> None:
        """Poll sources as they fall due until ``stop`` is set."""
        while not stop.is_set():
            self.run_once()
            stop.wait(self.seconds_until_next_due())

    def seconds_until_next_due(self) -> float:
        """Seconds until the next source is due (at least 1, at most 300, so config edits are noticed)."""
        now = self._now()
        dues = [next_due(self.store, s.url) for s in self.config.sources]
        waits = [0.0 if d is None else (d - now).total_seconds() for d in dues]
        return min(300.0, max(1.0, min(waits, default=300.0)))

    def poll(self, source: SourceConfig) -> PollReport:
        """Poll one source now: fetch it conditionally, ingest its new items, record the poll."""
        report = PollReport(source.name)
        previous = self.store.get_fetch_state(source.url)
        now = self._now()
        accept = SITEMAP_ACCEPT if source.kind == "sitemap" else FEED_ACCEPT
        try:
            listing = self.fetcher.fetch(
                source.url,
                etag=previous.etag if previous else None,
                last_modified=previous.last_modified if previous else None,
                accept=accept,
            )
        except FetchError as error:
            record_poll(
                self.store, source.url, status=error.status or 0, interval_s=source.interval_s, now=now
            )
            report.status, report.message = "failed", str(error)
            return report
        if listing.not_modified:
            record_poll(
                self.store,
                source.url,
                status=304,
                interval_s=source.interval_s,
                now=now,
                etag=previous.etag if previous else None,
                last_modified=previous.last_modified if previous else None,
                content_hash=previous.content_hash if previous else None,
            )
            report.status = "not_modified"
            return report
        options = ReadOptions(source=source.source)
        try:
            complete = self._ingest_listing(source, listing, options, report)
        except InputError as error:
            complete = False
            report.status, report.message = "failed", str(error)
        body_hash = hashlib.sha256(listing.body).hexdigest()
        record_poll(
            self.store,
            source.url,
            status=listing.status,
            interval_s=source.interval_s,
            now=now,
            etag=listing.etag if complete else None,
            last_modified=listing.last_modified if complete else None,
            content_hash=body_hash,
        )
        return report

    def _ingest_listing(
        self, source: SourceConfig, listing: FetchResult, options: ReadOptions, report: PollReport
    ) -> bool:
        kind = source.kind or resource_kind(listing)
        if kind == "page" or kind == "html":
            document = fetched_document(listing, options)
            report.items = 1
            self._ingest(document, report)
            return True
        if kind == "feed":
            feed = parse_feed(listing.body, listing.final_url)
            items = [_Item(i.url, feed_item=i) for i in feed.items]
            return self._ingest_items(
                items, report, options, lambda item, page: _feed_document(item, page, feed, listing, options)
            )
        if kind == "sitemap":
            entries = self._sitemap_entries(listing)
            items = [_Item(e.url, entry=e) for e in entries]
            return self._ingest_items(
                items, report, options, lambda item, page: _sitemap_document(item, page, options)
            )
        raise InputError(f"{listing.final_url}: not a feed, sitemap or HTML page ({listing.media_type})")

    def _sitemap_entries(self, listing: FetchResult) -> list[SitemapEntry]:
        sitemap = parse_sitemap(listing.body, listing.final_url)
        entries = list(sitemap.entries)
        for child in sitemap.children[:MAX_CHILD_SITEMAPS]:
            try:
                nested = self.fetcher.fetch(child, accept=SITEMAP_ACCEPT)
                entries.extend(parse_sitemap(nested.body, child).entries)
            except InputError as error:
                log.warning("child sitemap skipped: %s", error)
        return entries

    def _ingest_items(
        self,
        items: list[_Item],
        report: PollReport,
        options: ReadOptions,
        build: Callable[[_Item, FetchResult | None], Document | None],
    ) -> bool:
        """Fetch the new items' pages a few at once, ingest them in listing order; False if any may be retried."""
        report.items = len(items)
        fresh: list[_Item] = []
        seen: set[str] = set()
        for item in items:
            if item.url and (item.url in seen or is_handled(self.store, item.url)):
                report.skipped += 1
                continue
            if item.url:
                seen.add(item.url)
            fresh.append(item)
        complete = True
        # Pages are fetched a few items ahead of the one being ingested, never the whole listing at once.
        window = 2 * self.config.workers
        with ThreadPoolExecutor(max_workers=self.config.workers, thread_name_prefix="rasd-fetch") as pool:
            pending: deque[tuple[_Item, Future[FetchResult] | None]] = deque()
            upcoming = iter(fresh)
            while True:
                while len(pending) < window and (ahead := next(upcoming, None)) is not None:
                    url = ahead.url if self._needs_page(ahead) else None
                    pending.append((ahead, pool.submit(self.fetcher.fetch, url) if url else None))
                if not pending:
                    break
                current, future = pending.popleft()
                complete &= self._handle_item(current, future, report, build)
        return complete

    def _handle_item(
        self,
        item: _Item,
        future: Future[FetchResult] | None,
        report: PollReport,
        build: Callable[[_Item, FetchResult | None], Document | None],
    ) -> bool:
        """Ingest one item and record it as handled; False when it failed for a reason that may pass."""
        page: FetchResult | None = None
        status = 200
        if future is not None:
            try:
                page = future.result()
            except FetchError as error:
                if _may_pass(error):
                    # Left unrecorded: the next poll asks again.
                    log.warning("will retry: %s", error)
                    report.failed += 1
                    return False
                log.warning("giving up: %s", error)
                status = error.status or 400
        try:
            document = build(item, page)
        except InputError as error:
            log.warning("%s", error)
            document = None
            report.rejected += 1
        if document is not None:
            self._ingest(document, report)
        if item.url:
            fetched_at = page.fetched_at if page else iso(self._now())
            status = page.status if page else status
            record_item(self.store, item.url, status, document.content_hash if document else None, fetched_at)
        return True

    @staticmethod
    def _needs_page(item: _Item) -> bool:
        return item.entry is not None or (item.feed_item is not None and item.feed_item.is_lede)

    def _ingest(self, document: Document, report: PollReport) -> None:
        outcome = ingest_document(self.store, document)
        if outcome.status == "added":
            report.added += 1
        elif outcome.status == "duplicate":
            report.duplicate += 1
        else:
            report.rejected += 1
            log.info("rejected: %s", outcome.message)


def _may_pass(error: FetchError) -> bool:
    """Whether asking again later may succeed (timeouts, network trouble, 5xx, 429)."""
    return error.kind in ("network", "timeout") or (
        error.status is not None and (error.status >= 500 or error.status == 429)
    )


def _feed_document(
    item: _Item, page: FetchResult | None, feed: Feed, listing: FetchResult, options: ReadOptions
) -> Document | None:
    if item.feed_item is None:
        return None
    if page is not None and resource_kind(page) == "html":
        return page_document(item.feed_item, feed, page, options)
    if item.feed_item.text or item.feed_item.title:
        return item_document(item.feed_item, feed, listing.final_url, options)
    return None


def _sitemap_document(item: _Item, page: FetchResult | None, options: ReadOptions) -> Document | None:
    if page is None or item.entry is None or resource_kind(page) != "html":
        return None
    return entry_document(item.entry, page, options)


def watch(config_path: Path, db: str | None = None, *, once: bool = False) -> list[PollReport]:
    """``rasd watch``: load the configuration, open the store, poll until SIGINT/SIGTERM (or once).

    The database is ``db``, else the configuration's ``[watch] db``, else the default store. Progress is
    logged to stderr, one line per poll.
    """
    from rasd.store import open_store
    from rasd.watch.config import load_config

    config = load_config(config_path)
    if not logging.getLogger().handlers:
        logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    store = open_store(db or config.db)
    watcher = Watcher(config, store)
    try:
        if once:
            return watcher.run_once()
        stop = threading.Event()
        previous = signal.signal(signal.SIGTERM, lambda *_: stop.set())
        try:
            log.info("watching %d sources; stop with Ctrl-C", len(config.sources))
            watcher.run(stop)
        except KeyboardInterrupt:
            log.info("stopped")
        finally:
            signal.signal(signal.SIGTERM, previous)
        return []
    finally:
        watcher.fetcher.close()
        store.close()
