"""Page dumps assembled at test time from real articles of ``../shared/data/news`` (never stored in the repo).

Each layout reproduces the debris of a kind of page dump: titles printed twice, doubled captions with a photo
credit, ``TT`` and ``play-circle`` markers, dated headers, share bars, breadcrumbs, related-article blocks with
bylines. The articles are real; only the page furniture around them is laid out here.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from rasd.corpora import CorpusArticle, iter_corpus

MONTHS = [
    "يناير",
    "فبراير",
    "مارس",
    "أبريل",
    "مايو",
    "يونيو",
    "يوليو",
    "أغسطس",
    "سبتمبر",
    "أكتوبر",
    "نوفمبر",
    "ديسمبر",
]
WEEKDAYS = ["الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد"]


@dataclass
class Expected:
    kind: str
    title: str
    paragraphs: list[str]
    caption: str | None = None
    published: str | None = None
    byline: str | None = None


@dataclass
class Dump:
    name: str
    text: str
    expected: list[Expected] = field(default_factory=list)


def paragraphs(item: CorpusArticle) -> list[str]:
    return [p.strip() for p in item.text.split("\n") if p.strip()]


def caption_for(item: CorpusArticle, credit: str) -> str:
    words = paragraphs(item)[0].rstrip(".").split()[:12]
    return " ".join(words) + f" ({credit})"


def header_date(published: str) -> tuple[str, str]:
    """``الجمعة, 7 نوفمبر 2025 10:13 PM`` and the minute it stands for."""
    when = datetime.fromisoformat(published)
    hour = when.hour % 12 or 12
    half = "PM" if when.hour >= 12 else "AM"
    text = f"{WEEKDAYS[when.weekday()]}, {when.day} {MONTHS[when.month - 1]} {when.year} {hour}:{when.minute:02d} {half}"
    return text, when.strftime("%Y-%m-%dT%H:%M")


def pick(news_dir: Path, count: int) -> list[CorpusArticle]:
    """Real articles of a readable size, from Al Mayadeen and ANT 2018."""
    sources = [
        news_dir / "almayadeen_2023_2024" / "articles_2023_11.json.gz",
        news_dir / "ant_2018" / "middleEast_internationalNews.jsonl.gz",
    ]
    chosen: list[CorpusArticle] = []
    for path in sources:
        good = (
            a
            for a in iter_corpus(path)
            if a.published
            and 400 < len(a.text) < 3000
            and len(paragraphs(a)) >= 3
            and 20 < len(a.title) < 150
        )
        chosen.extend(itertools.islice(good, count // 2 + 1))
    return chosen[:count]


def asharq_style(items: list[CorpusArticle], name: str) -> Dump:
    """Title, doubled caption, TT, the title again, the caption again, then the body: several articles."""
    chunks, expected = [], []
    for n, item in enumerate(items):
        caption = caption_for(item, "رويترز" if n % 2 else "أ.ف.ب")
        body = paragraphs(item)
        chunks.append(
            f"{item.title}\n\n{caption}\n{caption}\nTT\n\n{item.title}\n\n{caption}\n{caption}\n\n"
            + "\n\n".join(body)
        )
        expected.append(Expected("article", item.title, body, caption))
    return Dump(name, "\n\n\n".join(chunks) + "\n", expected)


def dated_header_style(items: list[CorpusArticle], name: str) -> Dump:
    """A printed date-time, the title twice, the body with single line breaks, a share bar."""
    chunks, expected = [], []
    for item in items:
        assert item.published
        printed, minute = header_date(item.published)
        body = paragraphs(item)
        chunks.append(
            f"{printed}\n\n{item.title}\n\n{item.title}\n\n" + "\n".join(body) + "\n\nمشاركة المقال:"
        )
        expected.append(Expected("article", item.title, body, published=minute))
    return Dump(name, "\n\n".join(chunks) + "\n", expected)


def related_block_style(main: CorpusArticle, teasers: list[CorpusArticle], name: str) -> Dump:
    """One article with breadcrumbs, a share bar on top, a play-circle caption, then a related block."""
    assert main.published
    printed, minute = header_date(main.published)
    body = paragraphs(main)
    caption = caption_for(main, "الأناضول")
    text = (
        f"الرئيسية\n\n{main.title}\n\n{printed}\n\nشارك\n\n{caption} play-circle\n\n"
        + "\n\n".join(body)
        + "\n\n\nاقرأ أيضاً\n\n"
    )
    expected = [Expected("article", main.title, body, caption, published=minute)]
    for n, teaser in enumerate(teasers):
        summary = paragraphs(teaser)[0]
        teaser_caption = caption_for(teaser, "رويترز")
        city = ["دمشق", "بيروت", "القاهرة"][n % 3]
        text += f"العالم العربي {teaser_caption}\n\n{teaser.title}\n\n{summary}\n\n«الشرق الأوسط» ({city})\n"
        expected.append(
            Expected("teaser", teaser.title, [summary], teaser_caption, byline=f"«الشرق الأوسط» ({city})")
        )
    return Dump(name, text, expected)


def build_dumps(news_dir: Path) -> Iterator[Dump]:
    """Twelve dumps over 40 real articles."""
    items = pick(news_dir, 40)
    k = 0
    for n in range(4):
        yield asharq_style(items[k : k + 3], f"asharq-{n}")
        k += 3
    for n in range(4):
        yield dated_header_style(items[k : k + 2], f"dated-{n}")
        k += 2
    for n in range(4):
        yield related_block_style(items[k], items[k + 1 : k + 4], f"related-{n}")
        k += 4
