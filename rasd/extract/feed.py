"""Feed items (``application/rss+xml`` documents) → articles: the item's title, date and text as given.

Only items that were not followed to their page arrive here: their text is the feed's lede or full content.
"""

from __future__ import annotations

import hashlib

from rasd.extract.html import detect_language, leading_dateline
from rasd.extract.sites import outlet_name
from rasd.model import Article, Document, PublishedPrecision


def extract_feed_item(document: Document) -> list[Article]:
    """One article from a feed item: title and date from the item, source from the feed or the link's site."""
    text = document.text.strip()
    if document.title_hint and text == document.title_hint.strip():
        text = ""
    if not text and not document.title_hint:
        return []
    published = document.published_hint
    precision: PublishedPrecision | None = None
    if published:
        precision = "minute" if "T" in published else "day"
    digest = hashlib.sha256(f"{document.id}\n{text}".encode()).hexdigest()
    return [
        Article(
            id=digest[:16],
            document_id=document.id,
            kind="article",
            text=text,
            title=document.title_hint,
            source=document.source_hint or outlet_name(document.url, None),
            url=document.url,
            dateline=leading_dateline(text) if text else None,
            published=published,
            published_precision=precision,
            language=detect_language(text or document.title_hint or ""),
            input_id=document.input_id,
        )
    ]
