"""Readers for the development corpora of ``../shared/data/news``: benchmarks, gold-set tools and tests.

Each yields ``CorpusArticle`` records with a stable ``key`` (``corpus:id``) so gold files can point at an
article without copying its text (the news text never enters the repository).
"""

from __future__ import annotations

import gzip
import json
import os
from collections.abc import Iterator
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from pathlib import Path


@dataclass(frozen=True, slots=True)
class CorpusArticle:
    key: str
    title: str
    text: str
    published: str | None
    source: str
    url: str | None = None


def shared_dir() -> Path | None:
    """The ``shared`` folder beside the checkout (or ``RASD_SHARED``), if present."""
    env = os.environ.get("RASD_SHARED")
    candidates = [Path(env)] if env else []
    here = Path(__file__).resolve().parent.parent
    candidates += [here.parent / "shared", Path.cwd().parent / "shared"]
    for path in candidates:
        if (path / "data").is_dir() or (path / "seeds").is_dir():
            return path
    return None


def news_dir() -> Path | None:
    base = shared_dir()
    return base / "data" / "news" if base else None


_ANT_SOURCES = {
    "alarabia": "Al Arabiya",
    "skynews": "Sky News Arabia",
    "france24": "France 24",
    "cnn": "CNN Arabic",
    "bbc": "BBC Arabic",
}


def read_almayadeen(path: Path) -> Iterator[CorpusArticle]:
    """Al Mayadeen monthly JSON (gzipped): skips the video items that have no text."""
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        items = json.load(handle)
    for item in items:
        text = (item.get("full_text") or "").strip()
        if not text:
            continue
        yield CorpusArticle(
            key=f"almayadeen:{item['postId']}",
            title=(item.get("title") or "").strip(),
            text=text,
            published=item.get("published_time"),
            source="Al Mayadeen",
            url=item.get("url"),
        )


def read_ant(path: Path) -> Iterator[CorpusArticle]:
    """ANT 2018 JSONL (gzipped); RFC 822 times become ISO 8601."""
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            item = json.loads(line)
            published = None
            if item.get("time"):
                try:
                    published = parsedate_to_datetime(item["time"]).isoformat()
                except (TypeError, ValueError):
                    published = None
            yield CorpusArticle(
                key=f"ant:{item['docno']}",
                title=(item.get("title") or "").strip(),
                text=(item.get("text") or "").strip(),
                published=published,
                source=_ANT_SOURCES.get(item.get("src", ""), item.get("src", "")),
                url=item.get("url"),
            )


def read_aljazeera(path: Path) -> Iterator[CorpusArticle]:
    """Al Jazeera headline + lede items (no full text)."""
    with open(path, encoding="utf-8") as handle:
        items = json.load(handle)
    for item in items:
        yield CorpusArticle(
            key=f"aljazeera:{path.stem}:{item['id']}",
            title=(item.get("title") or "").strip(),
            text=(item.get("excerpt") or "").strip(),
            published=item.get("date"),
            source=item.get("source") or "Al Jazeera",
            url=item.get("link"),
        )


def iter_corpus(path: Path) -> Iterator[CorpusArticle]:
    """Articles of a corpus file or folder, whatever its layout (Al Mayadeen, ANT, Al Jazeera, text files)."""
    if path.is_dir():
        for child in sorted(path.iterdir()):
            if child.is_file() and not child.name.startswith(("dataset_summary", "video_", "live_blog")):
                yield from iter_corpus(child)
        return
    name = path.name
    if name.startswith("articles_") and name.endswith(".json.gz"):
        yield from read_almayadeen(path)
    elif name.endswith(".jsonl.gz"):
        yield from read_ant(path)
    elif name.startswith("articles_data_") and name.endswith(".json"):
        yield from read_aljazeera(path)
    elif name.endswith(".txt"):
        text = path.read_text(encoding="utf-8", errors="replace")
        yield CorpusArticle(key=f"file:{name}", title="", text=text, published=None, source="")


def find_article(key: str) -> CorpusArticle | None:
    """The corpus article a gold record points at (``almayadeen:<postId>``, ``ant:<docno>``, ...)."""
    base = news_dir()
    if base is None:
        return None
    corpus = key.split(":", 1)[0]
    folder = {
        "almayadeen": "almayadeen_2023_2024",
        "ant": "ant_2018",
        "aljazeera": "aljazeera_palestine_2023_2025",
    }
    if corpus not in folder:
        return None
    return _index(str(base / folder[corpus])).get(key)


_INDEXES: dict[str, dict[str, CorpusArticle]] = {}


def _index(folder: str) -> dict[str, CorpusArticle]:
    if folder not in _INDEXES:
        _INDEXES[folder] = {a.key: a for a in iter_corpus(Path(folder))}
    return _INDEXES[folder]
