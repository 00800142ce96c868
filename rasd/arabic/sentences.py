"""Sentences of Arabic news text, with offsets: on . ! ؟ ? and on line ends.

A line end always ends a sentence (titles, captions and datelines carry no final punctuation). Inside a
line a terminator ends a sentence when it is followed by a space or the line end (or, for a full stop between
two Arabic words whose space was lost, by the next word: ``الموقع.وتمثل``), and it is not the dot of
an abbreviation (``د.``, ``م.``, ``ق.م.``), not inside a number (``3.5``), and not inside quotes or
parentheses that are still open (``«إلى متى؟» تساءل``); a terminator right before the closing quote ends the
sentence after the quote. A line whose quotes never close is split as if it had none.
"""

from __future__ import annotations

import re
from pathlib import Path

from rasd.arabic.normalize import INVISIBLE
from rasd.corpora import find_article
from rasd.evaluation import PRF, EvalReport
from rasd.model import Sentence

_TERMINATORS = ".!?؟۔"
_EVENT_RE = re.compile(r"[.!?؟۔]+|[«“(\[»”)\]\"]")
_OPENERS = "«“(["
_CLOSERS = "»”)]"
# A dot after these (or after any single letter) is an abbreviation's, not a sentence end.
ABBREVIATIONS = frozenset(
    """
    Mr Mrs Ms Dr Prof St Jr Sr Inc Ltd Co Corp No vs etc Gen Col Lt Sgt Capt Gov Sen Rep Jan Feb Mar Apr
    Jun Jul Aug Sep Sept Oct Nov Dec
    """.split()  # noqa: SIM905
)
_WORD_BEFORE_RE = re.compile(r"[^\W\d_]+$")
_WORD_CHAR_RE = re.compile(r"[^\W_]")
_ARABIC_LETTER_RE = re.compile("[\u0621-\u064a]")
_ARABIC_WORD_BEFORE_RE = re.compile("[\u0621-\u064a\u064b-\u0652]{2,}$")


def split_sentences(text: str) -> list[Sentence]:
    """The sentences of ``text`` in order, each with ``text == text[start:end]``, stripped of spaces and
    invisible controls; stretches without a letter or digit are left out."""
    sentences: list[Sentence] = []
    line_start = 0
    size = len(text)
    while line_start <= size:
        line_end = text.find("\n", line_start)
        if line_end < 0:
            line_end = size
        if line_end > line_start:
            _split_line(text, line_start, line_end, sentences)
        line_start = line_end + 1
    return sentences


def _split_line(text: str, start: int, end: int, out: list[Sentence]) -> None:
    boundaries = _boundaries(text, start, end, quotes=True)
    if boundaries is None:
        boundaries = _boundaries(text, start, end, quotes=False) or []
    begin = start
    for boundary in [*boundaries, end]:
        _emit(text, begin, boundary, out)
        begin = boundary


def _emit(text: str, start: int, end: int, out: list[Sentence]) -> None:
    while start < end and (text[start].isspace() or text[start] in INVISIBLE):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in INVISIBLE):
        end -= 1
    # A stretch with no letter or digit (a stray quote, a lone mark) is not a sentence.
    if end > start and _WORD_CHAR_RE.search(text, start, end):
        out.append(Sentence(start, end, text[start:end]))


def _boundaries(text: str, start: int, end: int, quotes: bool) -> list[int] | None:
    """Offsets where sentences end within one line; None when quotes are left open (so: retry without)."""
    found: list[int] = []
    depth = 0
    straight_open = False
    for match in _EVENT_RE.finditer(text, start, end):
        char = match.group()[0]
        if char in _OPENERS:
            depth += 1
        elif char in _CLOSERS:
            depth = max(0, depth - 1)
        elif char == '"':
            straight_open = not straight_open
        elif _ends_sentence(text, match.start(), match.end(), end):
            after, depth_after, straight_after = _skip_closers(text, match.end(), end, depth, straight_open)
            closed = not quotes or (depth_after == 0 and not straight_after)
            if closed and (after >= end or text[after].isspace() or _glued(text, match.start(), after)):
                found.append(after)
    if quotes and (depth > 0 or straight_open):
        return None
    return found


def _glued(text: str, run_start: int, after: int) -> bool:
    """الموقع.وتمثل: a full stop between two Arabic words with the space lost (common in scraped text)."""
    return (
        text[run_start:after] == "."
        and _ARABIC_LETTER_RE.match(text, after) is not None
        and _ARABIC_WORD_BEFORE_RE.search(text, max(0, run_start - 12), run_start) is not None
    )


def _skip_closers(text: str, pos: int, end: int, depth: int, straight_open: bool) -> tuple[int, int, bool]:
    while pos < end and (text[pos] in _CLOSERS or (text[pos] == '"' and straight_open)):
        if text[pos] == '"':
            straight_open = False
        else:
            depth = max(0, depth - 1)
        pos += 1
    return pos, depth, straight_open


def _ends_sentence(text: str, run_start: int, run_end: int, line_end: int) -> bool:
    if text[run_start:run_end] != ".":
        return True  # ! ? ؟ or a run of them
    before = text[run_start - 1] if run_start > 0 else " "
    after = text[run_end] if run_end < line_end else " "
    if before.isdigit() and after.isdigit():
        return False  # 3.5
    word = _WORD_BEFORE_RE.search(text, max(0, run_start - 12), run_start)
    # د. م. ق.م. U.S. are abbreviations
    return word is None or (len(word.group()) > 1 and word.group() not in ABBREVIATIONS)


def evaluate(gold: Path) -> EvalReport:
    """Sentence ends inside gold paragraphs (read from ``../shared`` by key and offsets) against hand-read ones.

    Gold lines: ``key<TAB>start<TAB>end<TAB>e1,e2,…`` where ``e`` are the offsets, from the paragraph start,
    where its sentences end (the paragraph's own end excluded).
    """
    tp = fp = fn = 0
    n = missing = 0
    notes: list[str] = []
    for line in gold.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        key, start, end, ends = [*line.split("\t"), ""][:4]
        article = find_article(key)
        if article is None:
            missing += 1
            continue
        paragraph = article.text[int(start) : int(end)]
        expected = {int(e) for e in ends.split(",") if e.strip()}
        found = {s.end for s in split_sentences(paragraph)[:-1]}
        tp += len(expected & found)
        fp += len(found - expected)
        fn += len(expected - found)
        n += 1
        if found != expected:
            notes.append(f"{key}@{start}: found {sorted(found)}, gold {sorted(expected)}")
    return EvalReport(
        task="sentences",
        gold=str(gold),
        n=n,
        metrics=PRF(tp, fp, fn).as_dict(),
        notes=[f"{missing} paragraphs not found in ../shared"] * bool(missing) + notes,
    )
