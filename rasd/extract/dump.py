"""Page dumps → articles: split a pasted page into its articles and teasers and strip the layout debris.

An article starts where a page prints a header: a title that the page prints again a few lines later
(above and below the photo), a title beside a printed date, or the start of the dump. A "related articles"
heading opens a block of teasers, each ending with its byline. Inside an article, short unpunctuated lines
followed by prose are subheadings and stay in the text; captions move to their own field.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rasd.arabic.normalize import normalize_text
from rasd.extract.lines import Line, Role, read_lines
from rasd.time.published import PublishedTime

# How far (in non-blank lines) a page may print a title again: title, subtitle, two captions, TT, title.
_REPEAT_WINDOW = 8
_HEADER_ROLES = {Role.HEADING, Role.CAPTION, Role.DEBRIS, Role.DATE, Role.BYLINE, Role.SHARE}
_TITLE_MAX_CHARS = 220

# Section names that sites print before a teaser's caption (``المشرق العربي عناصر من ...``).
_SECTIONS = tuple(
    sorted(
        (
            normalize_text(s)
            for s in (
                "المشرق العربي", "الخليج", "الخليج العربي", "شمال أفريقيا", "أفريقيا", "العالم", "العالم العربي",
                "أوروبا", "آسيا", "أميركا", "الولايات المتحدة", "أميركا اللاتينية", "الاقتصاد", "اقتصاد", "رياضة",
                "الرياضة", "ثقافة وفنون", "ثقافة", "يوميات الشرق", "علوم", "صحتك", "صحة", "تكنولوجيا",
                "حصاد الأسبوع", "شؤون إقليمية", "تحليل إخباري", "خاص", "سياسة", "أخبار", "منوعات", "رأي",
                "عرب وعالم", "محليات", "دولي", "عربي", "فلسطين", "لبنان", "سوريا", "العراق", "اليمن", "مصر",
                "السعودية", "السودان", "ليبيا", "تونس", "الجزائر", "المغرب", "إيران", "تركيا", "إسرائيل",
            )
        ),
        key=len,
        reverse=True,
    )
)  # fmt: skip


@dataclass(slots=True)
class DumpPart:
    """An article or teaser cut from a dump, before ids and document metadata are attached."""

    kind: str
    title: str | None
    paragraphs: list[str]
    subheading_indexes: list[int] = field(default_factory=list)
    subtitle: str | None = None
    captions: list[str] = field(default_factory=list)
    byline: str | None = None
    dateline: str | None = None
    category: str | None = None
    published: PublishedTime | None = None


def split_dump(text: str) -> list[DumpPart]:
    """Every article and teaser of a page dump, in page order, with debris removed."""
    lines = read_lines(text)
    if not lines:
        return []
    parts: list[DumpPart] = []
    starts = _article_starts(lines)
    i = 0
    while i < len(lines):
        end = next((s for s in starts if s > i), len(lines))
        related = next((k for k in range(i, end) if lines[k].role is Role.RELATED), None)
        if related is None:
            parts.append(_read_article(lines[i:end]))
            i = end
            continue
        if related > i:
            parts.append(_read_article(lines[i:related]))
        teasers, after = _read_teasers(lines, related + 1)
        parts.extend(teasers)
        i = max(after, related + 1)
        if i < len(lines) and i not in starts:
            starts = sorted({*starts, i})
    return [p for p in parts if p.title or p.paragraphs]


def _is_title_candidate(line: Line) -> bool:
    return line.role in (Role.HEADING, Role.PARAGRAPH) and len(line.text) <= _TITLE_MAX_CHARS


def _looks_like_title(line: Line) -> bool:
    """A heading, or a short line ending in ? or ! (headlines ask and exclaim, they rarely end with a period)."""
    if line.role is Role.HEADING:
        return True
    return line.role is Role.PARAGRAPH and len(line.text) <= 150 and not line.text.rstrip().endswith(".")


def _repeat_of(lines: list[Line], i: int) -> int | None:
    """Where the page prints line ``i`` again within its header, if it does."""
    key = lines[i].key
    for j in range(i + 1, min(i + 1 + _REPEAT_WINDOW, len(lines))):
        if lines[j].key == key:
            return j
        if lines[j].role is Role.PARAGRAPH and j > i + 2:
            return None
    return None


def _article_starts(lines: list[Line]) -> list[int]:
    starts = {0}
    i = 0
    while i < len(lines):
        line = lines[i]
        if _is_title_candidate(line):
            repeat = _repeat_of(lines, i)
            if repeat is not None and all(lines[k].role in _HEADER_ROLES for k in range(i + 1, repeat)):
                # A date printed just above the title belongs to this header.
                starts.add(i - 1 if i and lines[i - 1].role is Role.DATE else i)
                i = repeat + 1
                continue
        if line.role is Role.DATE:
            before = lines[i - 1] if i else None
            if before is not None and _looks_like_title(before):
                starts.add(i - 1)
            elif before is None or before.role in (Role.PARAGRAPH, Role.SHARE, Role.DEBRIS, Role.BYLINE):
                starts.add(i)
        i += 1
    return sorted(starts)


def _read_article(lines: list[Line]) -> DumpPart:
    part = DumpPart(kind="article", title=None, paragraphs=[])
    body_start = _read_header(lines, part)
    closed = False
    for k in range(body_start, len(lines)):
        line = lines[k]
        if closed:
            break
        if line.role is Role.SHARE:
            closed = True
        elif line.role is Role.CAPTION:
            _add_caption(part, line.text)
        elif line.role is Role.DATE:
            part.published = part.published or line.published
        elif line.role is Role.BYLINE:
            _set_byline(part, line.text)
        elif line.role is Role.HEADING:
            follows = lines[k + 1] if k + 1 < len(lines) else None
            if follows is not None and follows.role is Role.PARAGRAPH:
                part.subheading_indexes.append(len(part.paragraphs))
                part.paragraphs.append(line.text)
            elif part.paragraphs or follows is not None:
                part.paragraphs.append(line.text)
        elif line.role is Role.PARAGRAPH:
            part.paragraphs.append(line.text)
    return part


def _read_header(lines: list[Line], part: DumpPart) -> int:
    """Fill title, subtitle, captions, date and byline from the header; return where the body starts."""
    k = 0
    while k < len(lines) and lines[k].role in (Role.DATE, Role.DEBRIS, Role.SHARE, Role.BYLINE, Role.CAPTION):
        _absorb_header_line(part, lines[k])
        k += 1
    if k >= len(lines):
        return k
    title_at = k
    part.title = lines[k].text
    repeat = _repeat_of(lines, k)
    subtitle: list[str] = []
    if repeat is not None:
        for line in lines[k + 1 : repeat]:
            if line.role is Role.HEADING or line.role is Role.PARAGRAPH:
                subtitle.append(line.text)
            else:
                _absorb_header_line(part, line)
        k = repeat + 1
    else:
        k = title_at + 1
    while k < len(lines) and lines[k].role in (Role.CAPTION, Role.DEBRIS, Role.DATE, Role.BYLINE, Role.SHARE):
        _absorb_header_line(part, lines[k])
        k += 1
    if subtitle:
        part.subtitle = " ".join(subtitle)
    return k


def _absorb_header_line(part: DumpPart, line: Line) -> None:
    if line.role is Role.DATE:
        part.published = part.published or line.published
    elif line.role is Role.CAPTION:
        _add_caption(part, line.text)
    elif line.role is Role.BYLINE:
        _set_byline(part, line.text)


def _add_caption(part: DumpPart, caption: str) -> None:
    if caption not in part.captions:
        part.captions.append(caption)


_BYLINE_PLACE = re.compile(r"\(([^()]+)\)\s*$")


def _set_byline(part: DumpPart, text: str) -> None:
    part.byline = part.byline or text
    place = _BYLINE_PLACE.search(text)
    if place and not part.dateline:
        part.dateline = place.group(1).strip()


def _read_teasers(lines: list[Line], start: int) -> tuple[list[DumpPart], int]:
    """Teasers after a "related articles" heading; return them and the index where the block ends."""
    teasers: list[DumpPart] = []
    k = start
    while k < len(lines):
        group_end = _teaser_end(lines, k)
        if group_end is None:
            break
        teaser = _read_teaser(lines[k:group_end])
        if teaser is None:
            break
        teasers.append(teaser)
        k = group_end
    return teasers, k


def _teaser_end(lines: list[Line], k: int) -> int | None:
    """End (exclusive) of the teaser starting at ``k``: its byline, or just before the next caption."""
    first = lines[k]
    opens_like_teaser = first.role is Role.CAPTION or (
        k + 2 < len(lines) and lines[k + 1].role is Role.CAPTION and lines[k + 2].key == first.key
    )
    if not opens_like_teaser:
        return None
    for j in range(k + 1, min(k + 8, len(lines))):
        if lines[j].role is Role.BYLINE:
            return j + 1
        if lines[j].role in (Role.RELATED, Role.SHARE):
            return j
        if lines[j].role is Role.CAPTION and j > k + 2:
            return j
    return min(k + 4, len(lines))


def _read_teaser(lines: list[Line]) -> DumpPart | None:
    part = DumpPart(kind="teaser", title=None, paragraphs=[])
    keys = [line.key for line in lines]
    for k, line in enumerate(lines):
        if line.role is Role.CAPTION:
            category, caption = split_section(line.text)
            part.category = part.category or category
            _add_caption(part, caption)
        elif line.role is Role.BYLINE:
            _set_byline(part, line.text)
        elif line.role is Role.DATE:
            part.published = part.published or line.published
        elif line.role in (Role.HEADING, Role.PARAGRAPH):
            if line.key in keys[k + 1 :]:
                continue  # the title printed above the teaser's photo as well
            if part.title is None:
                part.title = line.text
            else:
                part.paragraphs.append(line.text)
    return part if part.title else None


def split_section(caption_line: str) -> tuple[str | None, str]:
    """Split a leading section name off a teaser's caption line: ``المشرق العربي عناصر ...``."""
    folded = normalize_text(caption_line)
    for section in _SECTIONS:
        if folded.startswith(section + " "):
            return caption_line[: len(section)], caption_line[len(section) :].strip()
    return None, caption_line
