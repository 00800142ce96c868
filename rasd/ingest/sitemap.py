"""News sitemaps (and sitemap indexes) → the pages they list, fetched as HTML documents.

A Google News sitemap gives, per URL, the title, publication date, outlet name and language; those become
the page document's hints. A sitemap index is followed to its child sitemaps (a bounded number of them).
The XML is parsed without entity expansion or network access.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from lxml import etree

from rasd.errors import InputError
from rasd.ingest.base import ReadOptions
from rasd.ingest.html import fetched_document
from rasd.ingest.text import read_limited
from rasd.model import Document

if TYPE_CHECKING:
    from rasd.ingest.fetch import Fetcher, FetchResult

log = logging.getLogger(__name__)

SITEMAP_ACCEPT = "application/xml,text/xml;q=0.9,*/*;q=0.5"
MAX_CHILD_SITEMAPS = 50
_SITEMAP_ROOT = re.compile(
    rb"^\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--.*?-->\s*|<\?[^>]*\?>\s*)*<(?:\w+:)?(?:urlset|sitemapindex)\b", re.S
)
_NEWS = "{http://www.google.com/schemas/sitemap-news/0.9}"
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, recover=True)


@dataclass(frozen=True, slots=True)
class SitemapEntry:
    """A page a sitemap lists, with the news extension's fields when present."""

    url: str
    lastmod: str | None = None
    title: str | None = None
    published: str | None = None
    publication: str | None = None
    language: str | None = None


@dataclass(frozen=True, slots=True)
class Sitemap:
    entries: list[SitemapEntry]
    children: list[str]


def looks_like_sitemap(head: bytes) -> bool:
    """Whether the first bytes open a ``<urlset>`` or ``<sitemapindex>``."""
    return bool(_SITEMAP_ROOT.match(head[:4096]))


def parse_sitemap(raw: bytes, origin: str = "sitemap") -> Sitemap:
    """The pages (``<urlset>``) or child sitemaps (``<sitemapindex>``) of a sitemap. Raises ``InputError``."""
    try:
        root = etree.fromstring(raw, _PARSER)
    except etree.XMLSyntaxError as exc:
        raise InputError(f"{origin}: not a sitemap ({exc})") from exc
    if root is None:
        raise InputError(f"{origin}: not a sitemap (empty document)")
    kind = etree.QName(root).localname
    if kind == "sitemapindex":
        return Sitemap([], [loc for loc in (_text(s, "loc") for s in _children(root, "sitemap")) if loc])
    if kind != "urlset":
        raise InputError(f"{origin}: not a sitemap (root element <{kind}>)")
    entries = []
    for node in _children(root, "url"):
        loc = _text(node, "loc")
        if not loc:
            continue
        news = node.find(f"{_NEWS}news")
        entries.append(
            SitemapEntry(
                url=loc,
                lastmod=_text(node, "lastmod"),
                title=_news_text(news, f"{_NEWS}title"),
                published=_news_text(news, f"{_NEWS}publication_date"),
                publication=_news_text(news, f"{_NEWS}publication/{_NEWS}name"),
                language=_news_text(news, f"{_NEWS}publication/{_NEWS}language"),
            )
        )
    return Sitemap(entries, [])


def _children(root: etree._Element, name: str) -> list[etree._Element]:
    return [child for child in root if isinstance(child.tag, str) and etree.QName(child).localname == name]


def _text(node: etree._Element, name: str) -> str | None:
    for child in node:
        if isinstance(child.tag, str) and etree.QName(child).localname == name and child.text:
            return child.text.strip()
    return None


def _news_text(news: etree._Element | None, path: str) -> str | None:
    if news is None:
        return None
    found = news.find(path)
    return found.text.strip() if found is not None and found.text else None


def entry_document(entry: SitemapEntry, page: FetchResult, options: ReadOptions) -> Document:
    """The fetched page of a sitemap entry, as an HTML document with the entry's title and date as hints."""
    return fetched_document(
        page,
        options,
        title_hint=entry.title,
        published_hint=entry.published or entry.lastmod,
    )


def sitemap_documents(
    sitemap: Sitemap, options: ReadOptions, fetcher: Fetcher, skip: set[str] | None = None, depth: int = 0
) -> Iterator[Document | InputError]:
    """The HTML documents of the pages a sitemap lists (child sitemaps followed once, up to a bound).

    Pages in ``skip`` are not requested; a page that cannot be fetched yields its ``InputError``.
    """
    for child in sitemap.children[:MAX_CHILD_SITEMAPS] if depth == 0 else []:
        try:
            result = fetcher.fetch(child, accept=SITEMAP_ACCEPT)
            nested = parse_sitemap(result.body, child)
        except InputError as error:
            log.warning("child sitemap skipped: %s", error)
            continue
        yield from sitemap_documents(nested, options, fetcher, skip, depth + 1)
    for entry in sitemap.entries:
        if skip and entry.url in skip:
            continue
        try:
            yield entry_document(entry, fetcher.fetch(entry.url), options)
        except InputError as error:
            yield error


class SitemapReader:
    """Reads a saved sitemap file and fetches the pages it lists."""

    name = "sitemap"

    def __init__(self, fetcher: Fetcher | None = None) -> None:
        self._fetcher = fetcher

    def accepts(self, source: str, head: bytes) -> bool:
        return not source.startswith(("http://", "https://")) and looks_like_sitemap(head)

    def read(self, source: str, options: ReadOptions) -> Iterator[Document | InputError]:
        raw = read_limited(source, options.max_bytes)
        if self._fetcher is None:
            from rasd.ingest.fetch import shared_fetcher

            self._fetcher = shared_fetcher()
        yield from sitemap_documents(parse_sitemap(raw, source), options, self._fetcher)
