"""``rasd ingest https://…``: one URL fetched safely, then read as what it turns out to be.

A page becomes an HTML document; a feed or a news sitemap becomes the documents of its items. Anything else
(an image, a PDF, JSON) is refused with one clear line.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from rasd.errors import InputError
from rasd.ingest.base import ReadOptions
from rasd.ingest.feed import feed_documents, looks_like_feed, parse_feed
from rasd.ingest.html import fetched_document, looks_like_html
from rasd.ingest.sitemap import looks_like_sitemap, parse_sitemap, sitemap_documents
from rasd.model import Document

if TYPE_CHECKING:
    from rasd.ingest.fetch import Fetcher, FetchResult

_HTML_TYPES = ("text/html", "application/xhtml+xml")
_XML_TYPES = (
    "application/rss+xml",
    "application/atom+xml",
    "application/rdf+xml",
    "application/xml",
    "text/xml",
)


def resource_kind(result: FetchResult) -> str:
    """``html``, ``feed``, ``sitemap`` or ``other``: by the body's first bytes, the declared type as a tie-break."""
    head = result.body[:4096]
    if looks_like_feed(head):
        return "feed"
    if looks_like_sitemap(head):
        return "sitemap"
    if looks_like_html(head) or (result.media_type in _HTML_TYPES and b"<" in head):
        return "html"
    return "other"


def documents_of(
    result: FetchResult, options: ReadOptions, fetcher: Fetcher
) -> Iterator[Document | InputError]:
    """The documents of one fetched resource (following feed items and sitemap entries with ``fetcher``)."""
    kind = resource_kind(result)
    if kind == "html":
        yield fetched_document(result, options)
    elif kind == "feed":
        yield from feed_documents(
            parse_feed(result.body, result.final_url), result.final_url, options, fetcher
        )
    elif kind == "sitemap":
        yield from sitemap_documents(parse_sitemap(result.body, result.final_url), options, fetcher)
    else:
        declared = result.media_type or "no content type"
        raise InputError(f"{result.final_url}: not an HTML page, feed or sitemap ({declared})")


class UrlReader:
    """Reads an http(s) URL through the safe ``Fetcher``."""

    name = "url"

    def __init__(self, fetcher: Fetcher | None = None) -> None:
        self._fetcher = fetcher

    def accepts(self, source: str, head: bytes) -> bool:
        return source.startswith(("http://", "https://"))

    def read(self, source: str, options: ReadOptions) -> Iterator[Document | InputError]:
        fetcher = self.fetcher()
        yield from documents_of(fetcher.fetch(source), options, fetcher)

    def fetcher(self) -> Fetcher:
        if self._fetcher is None:
            from rasd.ingest.fetch import shared_fetcher

            self._fetcher = shared_fetcher()
        return self._fetcher
