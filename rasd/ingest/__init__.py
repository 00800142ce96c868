"""Ingest: sources (files, folders, globs, '-', URLs) → ``Document`` objects, through one reader interface."""

from __future__ import annotations

import glob
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from rasd.errors import InputError
from rasd.ingest.base import Reader, ReadOptions
from rasd.ingest.feed import FeedReader
from rasd.ingest.html import HtmlFileReader
from rasd.ingest.jsonl import JsonlReader
from rasd.ingest.sitemap import SitemapReader
from rasd.ingest.text import TextReader
from rasd.ingest.url import UrlReader
from rasd.ingest.warc import WarcReader
from rasd.model import Document

# Tried in order; the first that accepts a source reads it. The text reader accepts anything and comes last.
READERS: list[Reader] = [
    JsonlReader(),
    UrlReader(),
    WarcReader(),
    FeedReader(),
    SitemapReader(),
    HtmlFileReader(),
    TextReader(),
]


@dataclass(slots=True)
class ReadResult:
    """One document read, or the one-line reason a source (or a part of it) could not be read."""

    origin: str
    document: Document | None = None
    error: str | None = None


def expand_sources(sources: Sequence[str]) -> list[str]:
    """Folders become their files (recursively, sorted, hidden ones skipped); globs are expanded."""
    expanded: list[str] = []
    for source in sources:
        if source == "-" or "://" in source:
            expanded.append(source)
            continue
        path = Path(source)
        if path.is_dir():
            expanded.extend(
                str(p)
                for p in sorted(path.rglob("*"))
                if p.is_file() and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
        elif not path.exists() and any(ch in source for ch in "*?["):
            matches = sorted(glob.glob(source, recursive=True))
            if not matches:
                expanded.append(source)  # reported as missing by the reader
            expanded.extend(m for m in matches if Path(m).is_file())
        else:
            expanded.append(source)
    return expanded


def _head(source: str) -> bytes:
    if source == "-" or "://" in source:
        return b""
    try:
        with open(source, "rb") as handle:
            return handle.read(512)
    except OSError:
        return b""


def choose_reader(source: str, jsonl: bool = False) -> Reader:
    if jsonl:
        return READERS[0] if isinstance(READERS[0], JsonlReader) else JsonlReader()
    head = _head(source)
    for reader in READERS:
        if reader.accepts(source, head):
            return reader
    raise InputError(f"{source}: no reader for this input")


def read_sources(
    sources: Sequence[str], options: ReadOptions | None = None, jsonl: bool = False
) -> Iterator[ReadResult]:
    """Every document of every source; a source that fails yields its error and reading goes on."""
    options = options or ReadOptions()
    for source in expand_sources(sources):
        try:
            reader = choose_reader(source, jsonl)
            for item in reader.read(source, options):
                if isinstance(item, InputError):
                    yield ReadResult(source, error=str(item))
                else:
                    yield ReadResult(item.origin, document=item)
        except InputError as exc:
            yield ReadResult(source, error=str(exc))
