"""What each line of a pasted page dump is: title, paragraph, caption, byline, date, debris, a section marker.

Page dumps (a page selected and copied, or scraped as text) carry the same debris whatever the outlet: the
title printed twice, photo captions doubled and ending with a photo credit, share buttons, "related
articles" blocks. The rules here are written for those kinds, not for one site.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from enum import Enum

from rasd.arabic.normalize import normalize_text
from rasd.time.published import PublishedTime, parse_published_line


class Role(Enum):
    DEBRIS = "debris"  # layout residue: TT, play-circle, print/share buttons
    SHARE = "share"  # a share bar that closes an article: what follows is page furniture
    RELATED = "related"  # "related articles" heading: teasers follow
    DATE = "date"  # a printed publication date-time
    BYLINE = "byline"  # «الشرق الأوسط» (دمشق), الشيخ محمد (نواكشوط), بقلم ...
    CAPTION = "caption"  # a photo caption: ends with its credit, or printed twice
    PARAGRAPH = "paragraph"  # prose that ends a sentence
    HEADING = "heading"  # a short line with no closing punctuation: title, subtitle, subheading


_DEBRIS_WORDS = {
    "tt", "play-circle", "play", "شارك", "مشاركه", "طباعه", "اطبع", "نسخ الرابط", "انسخ الرابط", "تابعنا",
    "تابعونا", "a a", "a+ a-", "حجم الخط", "استمع", "استمع للمقال", "اضف تعليق", "التعليقات", "تعليقات",
    "الرئيسيه", "facebook", "twitter", "x", "whatsapp", "telegram", "linkedin", "email", "فيسبوك", "تويتر",
    "واتساب", "تلغرام", "تيليجرام", "لينكد ان", "البريد الالكتروني", "|",
}  # fmt: skip
_DEBRIS = {normalize_text(word) for word in _DEBRIS_WORDS}
# Breadcrumbs: الرئيسية / أخبار / سياسة, الرئيسية > العالم.
_BREADCRUMB = re.compile(r"^(?:الرييسيه|home)\s*(?:[/>»›|]\s*[^/>»›|]{1,30}\s*)*$", re.IGNORECASE)
_SHARE = re.compile(
    r"^(?:مشاركه (?:المقال|الخبر)|شارك (?:هذا )?(?:المقال|الخبر)|شارك على|شاركها|share(?: this)?(?: article)?)\s*:?$",
    re.IGNORECASE,
)
_RELATED = re.compile(
    r"^(?:مقالات ذات صله|اخبار ذات صله|مواضيع ذات صله|ذات صله|اقرا ايضا|اقرا المزيد|قد يعجبك ايضا|"
    r"الاكثر قراءه|اخترنا لك|مواضيع متعلقه|اخبار متعلقه|المزيد من الاخبار|related articles|read more)\s*:?$",
    re.IGNORECASE,
)
# Photo credits: agencies and the usual "archive" and "social media" notes; anything short in parentheses
# at the end of a line that is not prose also counts (see classify_line).
_CREDIT_WORDS = re.compile(
    r"رويترز|ا\.?ف\.?ب|ا\.ب|ا\.ب\.ا|د\.ب\.ا|ارشيفيه|الاناضول|سانا|ايه بي|getty|afp|reuters|ap|epa|"
    r"مواقع التواصل|وسائل التواصل|متداول|خاص|سنتكوم|قياده|الجيش|وكالات|الشرق الاوسط|انترنت|فيسبوك|اكس",
    re.IGNORECASE,
)
_CLOSING_CREDIT = re.compile(r"\(([^()\n]{2,40})\)\s*$")
_BYLINE_QUOTED = re.compile(r"^[«\"][^«»\"\n]{2,40}[»\"]\s*(?:\(([^()\n]{2,30})\))?\s*$")
_BYLINE_NAMED = re.compile(r"^([^\d().،,:«»\n]{3,40}?)\s*\(([^()\d\n]{2,25})\)\s*$")
_BYLINE_AUTHOR = re.compile(r"^(?:بقلم|كتب|كتبت|اعداد|تحرير)\s*:?\s*\S.{0,50}$")
_SENTENCE_END = re.compile(r"[.!؟?…:»\"”)]\s*$")
_INLINE_DEBRIS = re.compile(r"\s*\bplay-circle\b\s*")
_MONTHS_IN_PARENS = re.compile(r"^(?:كانون|تشرين|شباط|اذار|نيسان|ايار|حزيران|تموز|اب|ايلول)")


@dataclass(slots=True)
class Line:
    """One non-blank line of a dump: its cleaned text, where it starts, and what it is."""

    index: int
    text: str
    role: Role
    blanks_before: int
    published: PublishedTime | None = None
    _key: str | None = field(default=None, repr=False, compare=False)

    @property
    def key(self) -> str:
        """A comparison key: repeated titles and doubled captions compare equal on it."""
        if self._key is None:  # compared many times over a page's header: folded once
            self._key = normalize_text(self.text).replace(" ", "")
        return self._key


def clean_line(raw: str) -> str:
    """A line without inline layout residue (``play-circle``) and without surrounding white space."""
    if "play-circle" not in raw:  # a substring test first: the pattern opens with \s* and scans slowly
        return raw.strip()
    return _INLINE_DEBRIS.sub(" ", raw).strip()


def is_caption_credit(text: str) -> bool:
    """Does ``text`` end with a photo credit in parentheses, such as ``(رويترز - أرشيفية)``?"""
    match = _CLOSING_CREDIT.search(text)
    if not match:
        return False
    credit = normalize_text(match.group(1)).strip()
    if _MONTHS_IN_PARENS.match(credit):
        return False
    return bool(_CREDIT_WORDS.search(credit)) or len(credit.split()) <= 3


def classify_line(text: str) -> tuple[Role, PublishedTime | None]:
    """The role of one cleaned, non-blank line, judged on the line alone."""
    folded = normalize_text(text).strip().lower()
    if folded in _DEBRIS or _BREADCRUMB.match(folded):
        return Role.DEBRIS, None
    if _SHARE.match(folded):
        return Role.SHARE, None
    if _RELATED.match(folded):
        return Role.RELATED, None
    published = parse_published_line(text)
    if published is not None:
        return Role.DATE, published
    if len(text) <= 60 and (
        _BYLINE_QUOTED.match(text) or _BYLINE_AUTHOR.match(folded) or _is_named_byline(text)
    ):
        return Role.BYLINE, None
    if is_caption_credit(text) and not text.rstrip().endswith((".)", "؟)")):
        return Role.CAPTION, None
    if _SENTENCE_END.search(text) or len(text) > 250:
        return Role.PARAGRAPH, None
    return Role.HEADING, None


def _is_named_byline(text: str) -> bool:
    match = _BYLINE_NAMED.match(text)
    if not match or len(match.group(1).split()) > 4:
        return False
    return not _CREDIT_WORDS.search(normalize_text(match.group(2)))


def read_lines(text: str) -> list[Line]:
    """The non-blank lines of ``text`` with their roles; doubled lines are marked as captions."""
    lines: list[Line] = []
    blanks = 0
    for index, raw in enumerate(text.splitlines()):
        cleaned = clean_line(raw)
        if not cleaned:
            blanks += 1
            continue
        role, published = classify_line(cleaned)
        lines.append(Line(index, cleaned, role, blanks, published))
        blanks = 0
    # A line printed twice in a row is a photo caption (sites print the caption under and beside the photo).
    for prev, line in itertools.pairwise(lines):
        if line.blanks_before == 0 and line.key == prev.key and line.role in (Role.HEADING, Role.PARAGRAPH):
            prev.role = line.role = Role.CAPTION
    return lines
