"""RSS and Atom feeds → one document per item (feedparser does the parsing, in all its dialects).

An item that carries its article (``content:encoded``, a long description) becomes a feed-item document; an
item with only a title and a lede, the usual case, is followed: its page is fetched and becomes an HTML
document, with the item's title, date and feed name as hints. If the page cannot be fetched the item's own
title and lede still make a (short) article.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from lxml import html as lxml_html

from rasd.errors import InputError
from rasd.ingest.base import ReadOptions
from rasd.ingest.html import fetched_document, looks_like_html
from rasd.ingest.text import make_document, read_limited
from rasd.model import Document

if TYPE_CHECKING:
    from rasd.ingest.fetch import Fetcher, FetchResult

log = logging.getLogger(__name__)

FEED_MEDIA_TYPE = "application/rss+xml"
FEED_ACCEPT = "application/rss+xml,application/atom+xml,application/xml;q=0.9,text/xml;q=0.8,*/*;q=0.5"
_FEED_ROOT = re.compile(
    rb"^\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--.*?-->\s*|<\?[^>]*\?>\s*)*<(?:rss|feed|rdf:RDF)\b", re.S
)
_FEED_SUFFIXES = (".rss", ".atom", ".rdf")
# An item whose text is shorter than this is a lede: its page holds the article.
LEDE_MAX_CHARS = 600


@dataclass(frozen=True, slots=True)
class FeedItem:
    """One entry of a feed, its HTML reduced to text."""

    url: str | None
    title: str | None
    text: str
    published: str | None
    guid: str | None

    @property
    def is_lede(self) -> bool:
        return len(self.text) < LEDE_MAX_CHARS


@dataclass(frozen=True, slots=True)
class Feed:
    title: str | None
    link: str | None
    items: list[FeedItem]


def looks_like_feed(head: bytes) -> bool:
    """Whether the first bytes open an RSS, Atom or RDF document."""
    return bool(_FEED_ROOT.match(head[:4096]))


def parse_feed(raw: bytes, url: str | None = None) -> Feed:
    """The items of an RSS/Atom feed; relative links resolve against ``url``. Raises ``InputError``."""
    import feedparser  # imported on first use: reading a text file should not pay for it

    parsed: Any = feedparser.parse(raw, response_headers={"content-location": url} if url else None)
    if not parsed.entries and parsed.get("bozo") and not parsed.feed:
        raise InputError(f"{url or 'feed'}: not an RSS or Atom feed ({parsed.get('bozo_exception')})")
    items = [_item(entry) for entry in parsed.entries]
    return Feed(title=parsed.feed.get("title"), link=parsed.feed.get("link"), items=items)


def _item(entry: Any) -> FeedItem:
    contents = [c.get("value", "") for c in entry.get("content", [])]
    body = max((html_to_text(c) for c in contents), key=len, default="")
    summary = html_to_text(entry.get("summary", ""))
    return FeedItem(
        url=entry.get("link"),
        title=html_to_text(entry.get("title", "")) or None,
        text=body if len(body) > len(summary) else summary,
        published=_iso(entry.get("published_parsed") or entry.get("updated_parsed")),
        guid=entry.get("id"),
    )


def _iso(parsed: Any) -> str | None:
    if not parsed:
        return None
    year, month, day, hour, minute, second = parsed[:6]
    return datetime(year, month, day, hour, minute, second, tzinfo=UTC).isoformat(timespec="seconds")


def html_to_text(fragment: str) -> str:
    """The text of an HTML fragment, one line per block; plain text passes through."""
    if "<" not in fragment:
        return " ".join(fragment.split())
    try:
        root = lxml_html.fragment_fromstring(fragment, create_parent="div")
    except (ValueError, lxml_html.etree.ParserError):
        return " ".join(fragment.split())
    for node in root.iter("br", "p", "div", "li", "h1", "h2", "h3", "h4", "blockquote"):
        node.tail = "\n" + (node.tail or "")
    lines = (" ".join(line.split()) for line in root.text_content().splitlines())
    return "\n".join(line for line in lines if line)


def item_document(item: FeedItem, feed: Feed, origin: str, options: ReadOptions) -> Document:
    """A feed-item document: the item's text, with its title, date, link and feed name as hints."""
    from rasd.extract.outlets import outlet_name

    return make_document(
        item.text or item.title or "",
        origin,
        media_type=FEED_MEDIA_TYPE,
        url=item.url,
        fetched_at=datetime.now(UTC).isoformat(timespec="seconds"),
        title_hint=item.title,
        published_hint=item.published or options.published,
        source_hint=options.source or outlet_name(item.url, feed.title),
        input_id=item.guid,
    )


def page_document(item: FeedItem, feed: Feed, page: FetchResult, options: ReadOptions) -> Document:
    """The fetched page of an item, as an HTML document with the item's hints."""
    return fetched_document(
        page,
        options,
        title_hint=item.title,
        published_hint=item.published,
        # The page names its outlet better than a feed's title ("الجزيرة نت - أخبار"): only the user's wins.
        source_hint=options.source,
        input_id=item.guid,
    )


def feed_documents(
    feed: Feed, origin: str, options: ReadOptions, fetcher: Fetcher | None, skip: set[str] | None = None
) -> Iterator[Document]:
    """One document per item; ledes are followed to their page when a fetcher is given.

    Items whose link is in ``skip`` (already ingested) are passed over without a request.
    """
    for item in feed.items:
        if item.url and skip and item.url in skip:
            continue
        if item.is_lede and item.url and fetcher is not None:
            try:
                page = fetcher.fetch(item.url)
            except InputError as error:
                log.warning("feed item page not fetched, keeping its lede: %s", error)
            else:
                if looks_like_html(page.body[:2048]) or page.media_type in (
                    "text/html",
                    "application/xhtml+xml",
                ):
                    yield page_document(item, feed, page, options)
                    continue
                log.warning("%s: not an HTML page (%s), keeping the item's lede", item.url, page.media_type)
        if item.text or item.title:
            yield item_document(item, feed, origin, options)


class FeedReader:
    """Reads an RSS/Atom feed file (or feed URL, through ``rasd.ingest.url``) into its items' documents."""

    name = "feed"

    def __init__(self, fetcher: Fetcher | None = None, follow_links: bool = True) -> None:
        self._fetcher = fetcher
        self._follow = follow_links

    def accepts(self, source: str, head: bytes) -> bool:
        if source.startswith(("http://", "https://")):
            return False
        return source.lower().endswith(_FEED_SUFFIXES) or looks_like_feed(head)

    def read(self, source: str, options: ReadOptions) -> Iterator[Document | InputError]:
        raw = read_limited(source, options.max_bytes)
        feed = parse_feed(raw, feed_base_url(raw))
        yield from feed_documents(feed, source, options, self.fetcher() if self._follow else None)

    def fetcher(self) -> Fetcher:
        if self._fetcher is None:
            from rasd.ingest.fetch import shared_fetcher

            self._fetcher = shared_fetcher()
        return self._fetcher


def feed_base_url(raw: bytes) -> str | None:
    """The site link a saved feed declares (to resolve relative item links), if any."""
    match = re.search(rb"<link>\s*(https?://[^<\s]+)\s*</link>", raw[:8192])
    return match.group(1).decode("ascii", "ignore") if match else None
