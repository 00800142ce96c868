"""JSONL reader: one ``{"id", "text", "title"?, "published"?, "source"?, "url"?}`` per line.

For headline feeds and sentence sets. Each record becomes one document (and one article); the record's
``id`` comes back as ``article.input_id``.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

from rasd.errors import InputError
from rasd.ingest.base import ReadOptions, make_document
from rasd.ingest.decode import decode
from rasd.ingest.text import read_limited
from rasd.model import Document


class JsonlReader:
    name = "jsonl"

    def accepts(self, source: str, head: bytes) -> bool:
        return source.endswith(".jsonl")

    def read(self, source: str, options: ReadOptions) -> Iterator[Document | InputError]:
        origin = "stdin" if source == "-" else source
        text, _ = decode(read_limited(source, options.max_bytes), origin)
        for number, line in enumerate(text.splitlines(), start=1):
            if not line.strip():
                continue
            try:
                yield _record_document(line, f"{origin}:{number}", options)
            except InputError as exc:
                yield exc


def _record_document(line: str, where: str, options: ReadOptions) -> Document:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(f"{where}: not a JSON object ({exc.msg})") from exc
    if not isinstance(record, dict):
        raise InputError(f"{where}: not a JSON object")
    body = record.get("text")
    if not isinstance(body, str) or not body.strip():
        raise InputError(f'{where}: the record has no "text"')
    record_id = record.get("id")
    title = record.get("title")
    return make_document(
        body,
        where,
        input_id=str(record_id) if record_id is not None else where,
        title_hint=str(title) if title else None,
        published_hint=str(record.get("published") or options.published or "") or None,
        source_hint=str(record.get("source") or options.source or "") or None,
        url=str(record["url"]) if record.get("url") else None,
    )
