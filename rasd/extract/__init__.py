"""Extract: ``Document`` → ``Article`` list. Page dumps are split here; HTML goes through trafilatura."""

from __future__ import annotations

import hashlib

from rasd.errors import InputError
from rasd.extract.dump import DumpPart, split_dump
from rasd.extract.language import detect_language
from rasd.extract.outlets import detect_outlet, outlet_from_byline
from rasd.ingest.base import content_hash
from rasd.model import Article, Document, Span

PARAGRAPH_BREAK = "\n\n"


def extract(document: Document) -> list[Article]:
    """The articles and teasers of ``document``, with cleaned text and metadata.

    Raises ``InputError`` when the document holds no text or no Arabic text.
    """
    if not document.text.strip():
        raise InputError(f"{document.origin}: empty (no text)")
    if document.media_type == "text/html":
        from rasd.extract.html import extract_html

        articles = extract_html(document)
    elif document.input_id is not None or document.title_hint is not None:
        articles = [_record_article(document)]
    else:
        articles = _dump_articles(document)
    articles = [a for a in articles if a.text.strip() or a.title]
    if not articles:
        raise InputError(f"{document.origin}: no article text found")
    language = detect_language(" ".join(f"{a.title or ''} {a.text}" for a in articles))
    if language != "ar":
        raise InputError(f"{document.origin}: no Arabic text (detected language: {language})")
    return articles


def article_id(kind: str, title: str | None, text: str) -> str:
    """Stable id from the article's content: the same article read from any dump gets the same id."""
    return hashlib.sha256(f"{kind}\x00{title or ''}\x00{content_hash(text)}".encode()).hexdigest()[:16]


def _dump_articles(document: Document) -> list[Article]:
    parts = split_dump(document.text)
    outlet = document.source_hint or detect_outlet(document.text)
    articles = []
    for part in parts:
        text, subheadings = _assemble(part)
        published, precision = _published(document, part)
        source = document.source_hint or (outlet_from_byline(part.byline) if part.byline else None) or outlet
        articles.append(
            Article(
                id=article_id(part.kind, part.title, text),
                document_id=document.id,
                kind="teaser" if part.kind == "teaser" else "article",
                text=text,
                title=part.title,
                subtitle=part.subtitle,
                source=source,
                url=document.url,
                byline=part.byline,
                dateline=part.dateline,
                published=published,
                published_precision=precision,  # type: ignore[arg-type]
                language="ar",
                category=part.category,
                captions=part.captions,
                subheadings=subheadings,
            )
        )
    return articles


def _assemble(part: DumpPart) -> tuple[str, list[Span]]:
    """The article text (paragraphs joined by blank lines) and the offsets of its subheadings."""
    chunks: list[str] = []
    spans: list[Span] = []
    offset = 0
    for index, paragraph in enumerate(part.paragraphs):
        if index:
            chunks.append(PARAGRAPH_BREAK)
            offset += len(PARAGRAPH_BREAK)
        if index in part.subheading_indexes:
            spans.append(Span(offset, offset + len(paragraph), paragraph))
        chunks.append(paragraph)
        offset += len(paragraph)
    return "".join(chunks), spans


def _published(document: Document, part: DumpPart) -> tuple[str | None, str | None]:
    if part.published is not None:
        return part.published.value, part.published.precision
    if document.published_hint:
        hint = document.published_hint
        return hint, "minute" if "T" in hint else "day"
    return None, None


def _record_article(document: Document) -> Article:
    """One article from a JSONL record (headline feeds, sentence sets): its text is taken as given."""
    text = document.text.strip()
    title = document.title_hint
    published, precision = _published(document, DumpPart(kind="article", title=title, paragraphs=[]))
    return Article(
        id=article_id("article", title, text),
        document_id=document.id,
        kind="article",
        text=text,
        title=title,
        source=document.source_hint,
        url=document.url,
        published=published,
        published_precision=precision,  # type: ignore[arg-type]
        input_id=document.input_id,
    )
