"""Web pages → articles: trafilatura finds the text, htmldate the date; Arabic outlets' habits are cleaned on top.

trafilatura removes the page furniture (menus, sidebars, comments); what it leaves of an Arabic news page
still carries the outlet's own header and footer lines: a category-and-date line (``سياسة 2017/03/02 13:43``),
the title repeated, a byline (``«الشرق الأوسط» (لندن)``, ``حوار: آسيا العتروس``), comment-policy notices
and share buttons. This module moves those into the article's fields and out of its text.
"""

from __future__ import annotations

import html
import json
import re
import unicodedata
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urljoin

import htmldate
import trafilatura
from lxml.html import HtmlElement
from trafilatura import metadata as trafilatura_metadata
from trafilatura.settings import Document as TrafilaturaResult
from trafilatura.utils import load_html

from rasd.extract import PARAGRAPH_BREAK, article_id
from rasd.extract.language import detect_language
from rasd.extract.outlets import outlet_name
from rasd.model import Article, Document, PublishedPrecision

# Bidirectional controls some CMSs wrap titles in (U+202B in Jawhara FM's <title>); they carry no text.
_BIDI_CONTROLS = dict.fromkeys(map(ord, "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"))
_WORD = re.compile(r"\w+")
# Between a headline and the site's name in <title>/og:title: "… - اليوم السابع", "… | الجزيرة نت".
_TITLE_SEPARATOR = re.compile(r"\s+[-|–—]\s+")
_SPACES = re.compile(r"[ \t\u00a0]+")

# Lines of site furniture that trafilatura keeps because they sit inside the article's container.
_FURNITURE = re.compile(
    r"^(?:"
    r"ترحب شبكة .{0,40}بالنقاش|الآراء الواردة (?:أدناه|في التعليقات)|جميع الحقوق محفوظة|"
    r"(?:اقرأ|إقرأ|اقرا) (?:أيضا|أيضاً|ايضا)\s*:?$|مشاركة المقال\s*:?$|شارك (?:هذا )?(?:الخبر|المقال)|"
    r"تابعونا على|تابعوا آخر الأخبار|للمزيد من الأخبار|اشترك في النشرة|"
    r"(?:المصدر|مصدر الصورة|حقوق الصورة)\s*:?\s*$"
    r")"
)
# A line of at most one word and no digits is debris (table leftovers such as ``|  | تحميل |  |``).
_DEBRIS_MAX_WORDS = 1

# ``كتب: فلان``, ``حوار: آسيا العتروس``, ``بقلم فلان``: a line that only names the writer.
_BYLINE_LINE = re.compile(
    r"^(?:كتب|كتبت|بقلم|حوار|إعداد|اعداد|تقرير|ترجمة|متابعة)\s*[:：\-–]?\s*(?P<name>[^\d:]{2,50})$"
)
# ``«الشرق الأوسط» (لندن)``: an outlet's credit, with the place filed from.
_OUTLET_CREDIT_LINE = re.compile(r"^[«\"](?P<outlet>[^»\"]{2,40})[»\"]\s*(?:\((?P<place>[^)]{2,30})\))?$")
# A dateline opening the first paragraph: ``دمشق - ``, ``دمشق، سوريا (CNN) -- ``, ``بيروت ـ ``.
_DATELINE = re.compile(
    r"^(?P<place>[\u0600-\u06FF]+(?:[ ،,]+[\u0600-\u06FF]+){0,2})\s*(?:\((?P<agency>[^)\n]{1,30})\))?\s*(?:--|[-–—ـ:])\s+"
)
# ``تم نشره الجمعة 24 نيسان / أبريل 2020 09:22 مساءً``: the page's own publication line (htmldate reads the date).
_PUBLISHED_LABEL_LINE = re.compile(
    r"^(?:تم نشره|نشر في|نشر بتاريخ|تاريخ النشر|آخر تحديث|تاريخ التحديث)\b.{0,60}\d{4}.{0,20}$"
)
# A header line giving category and time: ``سياسة 2017/03/02 13:43``, ``متفرقات2017/03/02 10:22``.
_CATEGORY_DATE_LINE = re.compile(
    r"^(?P<category>[^\d\n]{0,30}?)\s*(?P<year>\d{4})[/.-](?P<month>\d{1,2})[/.-](?P<day>\d{1,2})"
    r"(?:\s+(?P<hour>\d{1,2}):(?P<minute>\d{2}))?$"
)


@dataclass(frozen=True, slots=True)
class PageMetadata:
    """What the page's markup says about the article, before the text is read."""

    title: str | None
    headings: tuple[str, ...]
    site_name: str | None
    published_stamps: tuple[str, ...]
    section: str | None = None
    author: str | None = None


def extract_html(document: Document) -> list[Article]:
    """The article of a web page, or nothing for a page without article text (an index, an error page).

    The text is trafilatura's main-content extraction with the outlet's header, byline and footer lines
    removed; the title is the page's headline as printed (punctuation kept); ``published`` comes from
    htmldate (minute precision when the page's metadata or header line gives the time of that day);
    ``source`` from the caller's hint, the domain, or the site name.
    """
    markup = document.text
    if not markup.strip():
        return []
    tree = load_html(markup)
    if tree is None:
        return []
    # Metadata is read before extraction, which prunes the tree; trafilatura's own metadata pass is skipped
    # (it costs more than the extraction, mostly guessing authors Rasd does not use).
    page = read_page_metadata(tree)
    cards = find_teaser_cards(tree, document.url)
    day = find_publication_date(markup, document.url)
    if day is None or day.endswith("-01-01"):
        # htmldate falls back to 1 January when it finds only a year; a date printed on the page is better.
        printed = printed_date(tree)
        if printed and (day is None or printed[:4] == day[:4]):
            day = printed
    metadata_title = None if page.title else trafilatura_metadata.extract_title(tree)
    site_name = page.site_name or trafilatura_metadata.extract_sitename(tree)
    extracted = trafilatura.bare_extraction(
        tree,
        url=document.url,
        with_metadata=False,
        # Comments are extracted apart (and dropped here): turning them off prunes lists and "comment"
        # containers from the whole page first, which on some templates takes the lede with them.
        include_comments=True,
        include_tables=True,
        deduplicate=False,
    )
    if not isinstance(extracted, TrafilaturaResult) or not extracted.text:
        return []
    lines = [_clean_line(line) for line in extracted.text.splitlines()]
    lines = [line for line in lines if line]
    title = choose_title(metadata_title, page, lines, site_name)
    header = _read_header(lines, title)
    body, teasers = _split_teasers(header.body, cards)
    source = document.source_hint or outlet_name(document.url, site_name)
    articles = [_teaser_article(document, teaser, source) for teaser in teasers]
    if sum(len(line) for line in body) < _MIN_ARTICLE_CHARS and teasers:
        return articles  # an index page: its teasers are all there is
    if not body:
        return []
    text = PARAGRAPH_BREAK.join(body)
    published, precision = _publication_time(document, day, page, header)
    dateline = leading_dateline(body[0])
    title = title or document.title_hint
    article = Article(
        id=article_id("article", title, text),
        document_id=document.id,
        kind="article",
        text=text,
        title=title,
        source=source,
        url=document.url,
        byline=header.byline or _author_byline(page.author, site_name),
        dateline=dateline,
        published=published,
        published_precision=precision,
        language=detect_language(text),
        category=header.category or page.section,
        input_id=document.input_id,
    )
    return [article, *articles]


@dataclass(frozen=True, slots=True)
class TeaserCard:
    """A headline link with its excerpt, as index pages and "related articles" boxes show other articles."""

    title: str
    text: str
    url: str | None


# Under this many characters of its own, what is left of a page once its teasers are out is not an article.
_MIN_ARTICLE_CHARS = 200


def find_teaser_cards(tree: HtmlElement, base_url: str | None) -> dict[str, TeaserCard]:
    """Teaser cards of a page, keyed by the letters of their excerpt (and of headline + excerpt): a link of four words or more, outside any
    paragraph, and the one paragraph of its nearest container (three levels up at most) that links to no
    other page."""
    cards: dict[str, TeaserCard] = {}
    for link in tree.iter("a"):
        title = _clean_line(link.text_content())
        if len(title.split()) < 4 or len(title) > 300 or any(a.tag == "p" for a in link.iterancestors()):
            continue
        node = link
        for _ in range(3):
            node = node.getparent()
            if node is None or node.tag in ("body", "html", "main", "article"):
                break
            paragraphs = [p for p in node.iter("p") if not _inside(p, link)]
            targets = {a.get("href") for a in node.iter("a") if len(a.text_content().split()) >= 4}
            if len(paragraphs) > 1 or len(targets) > 1:
                break  # several paragraphs make a text, links to several pages a list: neither is one card
            if paragraphs:
                excerpt = _clean_line(paragraphs[0].text_content())
                if 40 <= len(excerpt) <= 600 and _letters(excerpt) != _letters(title):
                    href = link.get("href")
                    url = urljoin(base_url or "", href) if href and not href.startswith("#") else None
                    card = TeaserCard(title, excerpt, url)
                    # The text may hold the excerpt alone, or headline and excerpt run together in a list item.
                    cards.setdefault(_letters(excerpt)[:80], card)
                    cards.setdefault(_letters(title + excerpt)[:80], card)
                break
    return cards


def _inside(node: HtmlElement, ancestor: HtmlElement) -> bool:
    return any(parent is ancestor for parent in node.iterancestors())


def _split_teasers(body: list[str], cards: dict[str, TeaserCard]) -> tuple[list[str], list[TeaserCard]]:
    """The article's own paragraphs, and the teaser cards trafilatura took into the text."""
    own: list[str] = []
    teasers: list[TeaserCard] = []
    for line in body:
        card = cards.get(_letters(line)[:80]) if cards else None
        if card is None:
            own.append(line)
        elif card not in teasers:
            teasers.append(card)
    return own, teasers


def _teaser_article(document: Document, card: TeaserCard, source: str | None) -> Article:
    return Article(
        id=article_id("teaser", card.title, card.text),
        document_id=document.id,
        kind="teaser",
        text=card.text,
        title=card.title,
        source=source,
        url=card.url,
        language=detect_language(card.text),
        input_id=document.input_id,
    )


def read_page_metadata(tree: HtmlElement) -> PageMetadata:
    """Headline candidates, site name, section, author and the machine-readable publication time of a page.

    ``<meta>`` tags (Open Graph, article:*) come first; the page's JSON-LD article fills what they lack.
    """
    headings = tuple(
        text for text in (_clean_line(h.text_content()) for h in tree.iter("h1", "h2")) if 0 < len(text) < 400
    )
    metas: dict[str, str] = {}
    for node in tree.iter("meta"):
        key = node.get("property") or node.get("name") or node.get("itemprop")
        content = (node.get("content") or "").strip()
        if key and content:
            metas.setdefault(key.strip().lower(), content)

    def meta(*names: str) -> str | None:
        return next((metas[name.lower()] for name in names if name.lower() in metas), None)

    linked = json_ld_article(tree)
    publisher = linked.get("publisher")
    return PageMetadata(
        title=meta("og:title", "twitter:title") or _ld_text(linked.get("headline")),
        headings=headings,
        site_name=meta("og:site_name", "application-name")
        or (_ld_text(publisher.get("name")) if isinstance(publisher, dict) else None),
        published_stamps=tuple(
            stamp
            for stamp in (
                meta("article:published_time", "datePublished", "pubdate", "publish-date"),
                _ld_text(linked.get("datePublished")),
            )
            if stamp
        ),
        section=meta("article:section") or _ld_text(linked.get("articleSection")),
        author=_ld_names(linked.get("author")),
    )


_ARTICLE_TYPES = {
    "Article",
    "NewsArticle",
    "ReportageNewsArticle",
    "AnalysisNewsArticle",
    "BlogPosting",
    "Report",
}


def json_ld_article(tree: HtmlElement) -> dict[str, object]:
    """The first schema.org article object of the page's JSON-LD (``@graph`` and lists searched), or ``{}``."""
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        try:
            data = json.loads(script.text or "")
        except ValueError:
            continue
        pending = [data]
        while pending:
            item = pending.pop(0)
            if isinstance(item, list):
                pending.extend(item)
            elif isinstance(item, dict):
                kinds = item.get("@type")
                kinds = set(kinds) if isinstance(kinds, list) else {kinds}
                if kinds & _ARTICLE_TYPES:
                    return item
                pending.extend(v for k, v in item.items() if k == "@graph")
    return {}


def _ld_text(value: object) -> str | None:
    if isinstance(value, list):
        value = next((v for v in value if isinstance(v, str) and v.strip()), None)
    if not isinstance(value, str) or not value.strip():
        return None
    return _clean_line(html.unescape(value))


def _ld_names(value: object) -> str | None:
    """The names of JSON-LD persons or organisations (``author``), joined with an Arabic comma."""
    people = value if isinstance(value, list) else [value]
    names = [_ld_text(p.get("name") if isinstance(p, dict) else p) for p in people]
    kept = [n for n in names if n]
    return "، ".join(kept) if kept else None


def _author_byline(author: str | None, site_name: str | None) -> str | None:
    """The metadata's author as a byline, unless it is only the outlet's own name."""
    if not author or (site_name and _letters(author) == _letters(site_name)):
        return None
    return author


def _letters(text: str) -> str:
    """The letters and digits of ``text``: two spellings of one headline (quotes dropped) compare equal."""
    return "".join(c for c in text.casefold() if c.isalnum())


def choose_title(
    metadata_title: str | None, page: PageMetadata, lines: list[str], site_name: str | None = None
) -> str | None:
    """The headline as the outlet gives it.

    A headline line printed inside the article's text wins when it has the words of the metadata title, or
    of its main part around a `` - `` or `` | `` (some CMSs strip quotation marks from ``og:title``:
    ``"مخرج من ورطة"``); then the metadata title (``og:title``, else trafilatura's reading of the page)
    without a part that is the site's name (``… - اليوم السابع``); then the first heading.
    """
    candidates = [_clean_line(t) for t in (page.title, metadata_title) if t]
    if not candidates:
        return page.headings[0] if page.headings else None
    keys = {_letters(c) for c in candidates}
    for candidate in candidates:
        parts = _TITLE_SEPARATOR.split(candidate)
        keys.update(_letters(p) for p in parts if len(p) * 2 >= len(candidate))
    for printed in lines[:3]:
        if _letters(printed) in keys:
            return printed
    return _without_site_name(candidates[0], site_name)


def _without_site_name(title: str, site_name: str | None) -> str:
    parts = _TITLE_SEPARATOR.split(title)
    if site_name and len(parts) > 1:
        site = _letters(site_name)
        kept = [p for p in parts if _letters(p) != site]
        if kept and len(kept) < len(parts):
            return " - ".join(kept)
    return title


@dataclass(slots=True)
class _Header:
    body: list[str]
    byline: str | None = None
    category: str | None = None
    printed_time: datetime | None = None
    printed_has_time: bool = False


def _read_header(lines: list[str], title: str | None) -> _Header:
    """Peel the outlet's header lines (category and time, repeated title, byline) and footer furniture."""
    header = _Header(body=[])
    title_key = _letters(title) if title else None
    position = 0
    while position < min(len(lines), 4):
        line = lines[position]
        category_date = _CATEGORY_DATE_LINE.match(line)
        if category_date:
            header.category = category_date["category"].strip() or header.category
            header.printed_time, header.printed_has_time = _printed_time(category_date)
        elif (title_key and _letters(line) == title_key) or _PUBLISHED_LABEL_LINE.match(line):
            pass
        elif (byline := _byline(line)) is not None:
            header.byline = byline
        else:
            break
        position += 1
    body = [line for line in lines[position:] if not _is_furniture(line)]
    while body and _is_debris(body[-1]):
        body.pop()
    header.body = body
    return header


def _printed_time(match: re.Match[str]) -> tuple[datetime | None, bool]:
    try:
        if match["hour"] is not None:
            stamp = datetime(
                int(match["year"]),
                int(match["month"]),
                int(match["day"]),
                int(match["hour"]),
                int(match["minute"]),
            )
            return stamp, True
        return datetime(int(match["year"]), int(match["month"]), int(match["day"])), False
    except ValueError:
        return None, False


def _byline(line: str) -> str | None:
    if len(line) > 60:
        return None
    named = _BYLINE_LINE.match(line)
    if named:
        return named["name"].strip()
    return line if _OUTLET_CREDIT_LINE.match(line) else None


def _is_furniture(line: str) -> bool:
    return bool(_FURNITURE.match(line)) or _is_debris(line)


def _is_debris(line: str) -> bool:
    return len(_WORD.findall(line)) <= _DEBRIS_MAX_WORDS and not any(c.isdigit() for c in line)


def leading_dateline(first_paragraph: str) -> str | None:
    """The place the first paragraph is filed from (``دمشق، سوريا (CNN) --`` → ``دمشق، سوريا``)."""
    match = _DATELINE.match(first_paragraph)
    if not match or len(match["place"].split()) > 3:
        return None
    return match["place"].strip(" ،,")


def _publication_time(
    document: Document, day: str | None, page: PageMetadata, header: _Header
) -> tuple[str | None, PublishedPrecision | None]:
    """The publication day, refined to the minute by the page's metadata or the feed when they agree.

    A category-and-time line printed above the headline is the outlet's own statement and wins over
    htmldate, which on some templates picks a sidebar's date.
    """
    if header.printed_time is not None:
        if header.printed_has_time:
            return header.printed_time.strftime("%Y-%m-%dT%H:%M"), "minute"
        return header.printed_time.strftime("%Y-%m-%d"), "day"
    if day is None:
        if document.published_hint:
            return document.published_hint, "minute" if "T" in document.published_hint else "day"
        return None, None
    for stamp in (*page.published_stamps, document.published_hint):
        # The page's metadata or the feed item that led to it may give the time of that same day.
        if stamp and stamp.startswith(day) and len(stamp) >= 16:
            return stamp[:16].replace(" ", "T"), "minute"
    return day, "day"


_DATE_HOLDER = re.compile(r"date|time|tmstmp|publish|posted", re.I)


def printed_date(tree: HtmlElement) -> str | None:
    """A day printed in the page's date element (``<time>``, or a class/id naming a date), read as Arabic
    text by the time stage: ``الأربعاء، 28 آب/اغسطس 2013`` → ``2013-08-28``."""
    from rasd.time import find_timexes

    for node in tree.iter():
        if not isinstance(node.tag, str) or node.tag in ("script", "style", "meta"):
            continue
        if node.tag != "time" and not _DATE_HOLDER.search(f"{node.get('class', '')} {node.get('id', '')}"):
            continue
        text = " ".join(node.text_content().split())
        if not 6 <= len(text) <= 120 or not any(c.isdigit() for c in text):
            continue
        for timex in find_timexes(text, None):
            if timex.precision == "day" and timex.value and _ISO_DAY.fullmatch(timex.value):
                return timex.value
    return None


_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def find_publication_date(markup: str, url: str | None) -> str | None:
    """htmldate's original publication date (``YYYY-MM-DD``), or None when the page gives none."""
    try:
        return htmldate.find_date(markup, url=url, original_date=True, extensive_search=True)
    except (ValueError, TypeError):
        return None


def _clean_line(line: str) -> str:
    line = unicodedata.normalize("NFC", line).translate(_BIDI_CONTROLS)
    return _SPACES.sub(" ", line).strip()
