"""Plain-text reader: pasted or scraped page dumps, from files or standard input, in any Arabic encoding."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

from rasd.errors import InputError
from rasd.ingest.base import ReadOptions, make_document
from rasd.ingest.decode import decode
from rasd.model import Document


def read_limited(source: str, max_bytes: int) -> bytes:
    """The bytes of a file or of standard input ('-'), refused when larger than ``max_bytes``."""
    if source == "-":
        data = sys.stdin.buffer.read(max_bytes + 1)
        if len(data) > max_bytes:
            raise InputError(f"stdin: larger than the limit of {max_bytes:,} bytes (--max-bytes)")
        return data
    path = Path(source)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise InputError(
                f"{source}: {size:,} bytes is over the limit of {max_bytes:,} bytes (--max-bytes)"
            )
        return path.read_bytes()
    except FileNotFoundError as exc:
        raise InputError(f"{source}: no such file") from exc
    except IsADirectoryError as exc:
        raise InputError(f"{source}: is a folder") from exc
    except PermissionError as exc:
        raise InputError(f"{source}: permission denied") from exc


class TextReader:
    """Any file that is text: decoded (UTF-8/16, windows-1256, ISO-8859-6) into one document."""

    name = "text"

    def accepts(self, source: str, head: bytes) -> bool:
        return True

    def read(self, source: str, options: ReadOptions) -> Iterator[Document | InputError]:
        raw = read_limited(source, options.max_bytes)
        origin = "stdin" if source == "-" else source
        if not raw.strip():
            raise InputError(f"{origin}: empty file")
        text, encoding = decode(raw, origin)
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        if not text.strip():
            raise InputError(f"{origin}: only white space")
        yield make_document(
            text,
            origin,
            encoding=encoding,
            source_hint=options.source,
            published_hint=options.published,
        )
