"""The one interface every reader implements: a source in, ``Document`` objects out."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Protocol

from rasd.errors import InputError
from rasd.model import Document

DEFAULT_MAX_BYTES = 50 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class ReadOptions:
    """Options every reader honours; one object so readers and the CLI share defaults."""

    max_bytes: int = DEFAULT_MAX_BYTES
    source: str | None = None
    published: str | None = None


class Reader(Protocol):
    """A reader turns one source (a path, '-', a URL) into documents.

    ``accepts`` looks only at the source name and, for files, at their first bytes. ``read`` yields documents;
    it raises ``rasd.errors.InputError`` (one clear line) when the whole source cannot be read, and yields an
    ``InputError`` instead of a document when one record of a multi-record source (a JSONL line, a feed item,
    a WARC record) is bad, so the others are still read.
    """

    name: str

    def accepts(self, source: str, head: bytes) -> bool: ...

    def read(self, source: str, options: ReadOptions) -> Iterator[Document | InputError]: ...


_SPACE_RUN = re.compile(r"\s+")


def content_hash(text: str) -> str:
    """Hash of the normalized text: the same content read from any file gets the same id."""
    folded = _SPACE_RUN.sub(" ", unicodedata.normalize("NFC", text)).strip()
    return hashlib.sha256(folded.encode("utf-8")).hexdigest()


def make_document(text: str, origin: str, **fields: object) -> Document:
    """A ``Document`` whose id is derived from its content hash."""
    digest = content_hash(text)
    return Document(id=digest[:16], origin=origin, text=text, content_hash=digest, **fields)  # type: ignore[arg-type]
