"""WARC archives (``.warc``, ``.warc.gz``; the CC-NEWS layout) → HTML documents of their Arabic pages.

The archive is streamed record by record (warcio); only ``response`` records with status 200 and an HTML
body are read, each up to the size cap; a page is kept when it is Arabic (``lang="ar"`` or mostly Arabic
letters). The document records the target URI and the capture date of the record.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from rasd.errors import InputError
from rasd.ingest.base import ReadOptions
from rasd.ingest.html import html_document, looks_like_html
from rasd.model import Document

log = logging.getLogger(__name__)

_WARC_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")
_HTML_TYPES = ("text/html", "application/xhtml+xml")
_LANG_AR = re.compile(rb"<html[^>]*\blang\s*=\s*[\"']?ar\b", re.I)
_ARABIC_LETTERS = re.compile(r"[\u0621-\u064a]+")
_LATIN_LETTERS = re.compile(r"[A-Za-z]+")
_TAGS = re.compile(r"<(script|style)\b.*?</\1>|<[^>]+>", re.S | re.I)


@dataclass(slots=True)
class WarcStats:
    """What a pass over an archive saw: records, HTML responses, Arabic pages kept, and why others were not."""

    records: int = 0
    responses: int = 0
    html: int = 0
    kept: int = 0
    not_arabic: int = 0
    too_large: int = 0
    undecodable: int = 0


def is_arabic_page(raw: bytes, text: str) -> bool:
    """Whether a page is Arabic: it says so (``<html lang="ar">``), or its words are mostly Arabic."""
    if _LANG_AR.search(raw[:4096]):
        return True
    visible = _TAGS.sub(" ", text[:200_000])
    arabic = len(_ARABIC_LETTERS.findall(visible))
    return arabic >= 50 and arabic > len(_LATIN_LETTERS.findall(visible))


def iter_warc_documents(
    stream: BinaryIO, origin: str, options: ReadOptions, stats: WarcStats | None = None
) -> Iterator[Document]:
    """The Arabic HTML pages of a WARC stream, in archive order."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    stats = stats if stats is not None else WarcStats()
    try:
        for record in ArchiveIterator(stream, arc2warc=True):
            stats.records += 1
            if record.rec_type is None:
                raise InputError(
                    f"{origin}: not a readable WARC archive (record {stats.records} has no type)"
                )
            if record.rec_type != "response":
                continue
            stats.responses += 1
            document = _page(record, origin, options, stats)
            if document is not None:
                stats.kept += 1
                yield document
    except ArchiveLoadFailed as exc:
        raise InputError(f"{origin}: not a readable WARC archive ({exc})") from exc


def _page(record: Any, origin: str, options: ReadOptions, stats: WarcStats) -> Document | None:
    http = record.http_headers
    if http is None or http.get_statuscode() != "200":
        return None
    content_type = http.get_header("Content-Type") or ""
    media_type = content_type.split(";", 1)[0].strip().lower()
    body = record.content_stream().read(options.max_bytes + 1)
    if media_type not in _HTML_TYPES and not (not media_type and looks_like_html(body[:2048])):
        return None
    stats.html += 1
    if len(body) > options.max_bytes:
        stats.too_large += 1
        return None
    url = record.rec_headers.get_header("WARC-Target-URI")
    try:
        document = html_document(
            body,
            f"{origin}#{url}",
            url=url,
            content_type=content_type,
            fetched_at=record.rec_headers.get_header("WARC-Date"),
            options=options,
        )
    except InputError:
        stats.undecodable += 1
        return None
    if not is_arabic_page(body, document.text):
        stats.not_arabic += 1
        return None
    return document


class WarcReader:
    """Reads ``.warc`` / ``.warc.gz`` archives, streaming."""

    name = "warc"

    def accepts(self, source: str, head: bytes) -> bool:
        if source.startswith(("http://", "https://")):
            return False
        return source.lower().endswith(_WARC_SUFFIXES) or head.startswith(b"WARC/")

    def read(self, source: str, options: ReadOptions) -> Iterator[Document | InputError]:
        # Per-record caps apply: a whole archive is larger than any one page may be.
        path = Path(source)
        if not path.is_file():
            raise InputError(f"{source}: no such archive")
        with path.open("rb") as handle:
            yield from iter_warc_documents(handle, source, options)
