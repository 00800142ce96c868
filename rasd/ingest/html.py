"""Saved web pages → documents of media type ``text/html``, decoded by what the page says and what it holds.

A page's charset may be given by the HTTP header, by a ``<meta>`` tag, or by neither; and what is declared is
sometimes wrong (a windows-1256 page served as UTF-8 or as ISO-8859-1). The declaration is believed only
when the bytes decode under it and read as text; otherwise the content decides (``rasd.ingest.decode``).
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from rasd.errors import InputError
from rasd.ingest.base import ReadOptions, make_document
from rasd.ingest.decode import decode
from rasd.ingest.text import read_limited
from rasd.model import Document

if TYPE_CHECKING:
    from rasd.ingest.fetch import FetchResult

HTML_MEDIA_TYPE = "text/html"
_HTML_SUFFIXES = (".html", ".htm", ".xhtml")
_HTML_HEAD = re.compile(
    rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head)\b", re.I | re.S
)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_.:-]+)""", re.I)
_HEADER_CHARSET = re.compile(r"""charset\s*=\s*["']?([a-zA-Z0-9_.:-]+)""", re.I)
# Charsets that decode any byte: a page declared in one of them may hold Arabic in windows-1256.
_ANY_BYTE_CHARSETS = {"latin-1", "iso8859-1", "cp1252", "ascii"}
_ARABIC_LETTER = re.compile(r"[\u0621-\u064a]")


def looks_like_html(head: bytes) -> bool:
    """Whether the first bytes of a file or body open an HTML document."""
    return bool(_HTML_HEAD.match(head[:2048]))


def declared_charset(raw: bytes, content_type: str | None = None) -> str | None:
    """The charset the HTTP header, else the page's ``<meta>``, declares (a Python codec name), if any."""
    names: list[str] = []
    if content_type:
        header = _HEADER_CHARSET.search(content_type)
        if header:
            names.append(header.group(1))
    meta = _META_CHARSET.search(raw[:4096])
    if meta:
        names.append(meta.group(1).decode("ascii", "ignore"))
    for name in names:
        try:
            return codecs.lookup(name).name
        except LookupError:
            continue
    return None


def decode_html(raw: bytes, content_type: str | None = None, origin: str = "page") -> tuple[str, str]:
    """Decode a page; return ``(text, encoding)``.

    The declared charset wins when the bytes decode under it without error and, for charsets that accept
    any byte, when the result is not better read as Arabic in windows-1256; otherwise the bytes are sniffed.
    Raises ``InputError`` for binary content.
    """
    declared = declared_charset(raw, content_type)
    if declared:
        try:
            text = raw.decode(declared)
        except UnicodeDecodeError:
            text = None
        if text is not None and declared.replace("_", "-") not in _ANY_BYTE_CHARSETS:
            return text, declared
        if text is not None and _ARABIC_LETTER.search(text):
            return text, declared
    return decode(raw, origin)


def html_document(
    raw: bytes,
    origin: str,
    *,
    url: str | None = None,
    content_type: str | None = None,
    fetched_at: str | None = None,
    options: ReadOptions | None = None,
    **hints: str | None,
) -> Document:
    """A ``text/html`` document of ``raw``, decoded, with the raw bytes kept for re-extraction."""
    text, encoding = decode_html(raw, content_type, origin)
    options = options or ReadOptions()
    return make_document(
        text,
        origin,
        encoding=encoding,
        media_type=HTML_MEDIA_TYPE,
        url=url,
        fetched_at=fetched_at,
        raw=raw,
        source_hint=hints.pop("source_hint", None) or options.source,
        published_hint=hints.pop("published_hint", None) or options.published,
        **hints,
    )


def fetched_document(page: FetchResult, options: ReadOptions, **hints: str | None) -> Document:
    """A fetched page as an HTML document: its final address, content type and fetch time kept."""
    return html_document(
        page.body,
        page.final_url,
        url=page.final_url,
        content_type=page.content_type,
        fetched_at=page.fetched_at,
        options=options,
        **hints,
    )


class HtmlFileReader:
    """Reads a saved page (``.html``/``.htm``, or any file whose first bytes open an HTML document)."""

    name = "html"

    def accepts(self, source: str, head: bytes) -> bool:
        if source.startswith(("http://", "https://")):
            return False
        return source.lower().endswith(_HTML_SUFFIXES) or looks_like_html(head)

    def read(self, source: str, options: ReadOptions) -> Iterator[Document | InputError]:
        raw = read_limited(source, options.max_bytes)
        path = Path(source)
        fetched = datetime.fromtimestamp(path.stat().st_mtime, UTC).isoformat(timespec="seconds")
        yield html_document(raw, source, fetched_at=fetched, options=options)
