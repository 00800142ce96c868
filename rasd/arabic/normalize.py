"""Normalization of Arabic text for matching, keeping the way back to the original characters.

``normalize`` maps each character of the input to zero, one or (for presentation-form ligatures such as
ﻷ and ﷲ) several characters of the output: diacritics, tatweel and invisible controls are dropped; alef/hamza forms, alef maqsura, ta
marbuta, Persian letters, Arabic-Indic and Persian digits, quotes, Arabic punctuation and odd spaces are
folded. For every output character it knows the offset of the input character it came from, so a span found
on the normalized text maps back with ``NormalizedText.to_original``.

The map is stored as anchors (one per place where the shift between the two texts changes), not one integer
per character: news text has few dropped characters, and this keeps ``normalize`` at C speed.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass

# Letter folding for matching: alef and hamza carriers, alef maqsura, ta marbuta, Persian/Urdu letters.
_LETTER_FOLD = {
    "أ": "ا",
    "إ": "ا",
    "آ": "ا",
    "ٱ": "ا",
    "ى": "ي",
    "ة": "ه",
    "ؤ": "و",
    "ئ": "ي",
    "ک": "ك",
    "ی": "ي",
    "ے": "ي",
    "ۀ": "ه",
    "ە": "ه",
    "ھ": "ه",
    # Letters for sounds Arabic lacks, in transliterated names: ڤيتنام is فيتنام.
    "ڤ": "ف",
    "پ": "ب",
    "چ": "ج",
    "گ": "ك",
    "ژ": "ز",
}
_DIGITS = {**{chr(0x0660 + i): str(i) for i in range(10)}, **{chr(0x06F0 + i): str(i) for i in range(10)}}
_PUNCT = {
    "،": ",",
    "؛": ";",
    "؟": "?",
    "۔": ".",
    "«": '"',
    "»": '"',
    "“": '"',
    "”": '"',
    "„": '"',
    "‟": '"',
    "″": '"',
    "‹": "'",
    "›": "'",
    "‘": "'",
    "’": "'",
    "‚": "'",
    "‛": "'",
    "′": "'",
    "٪": "%",
    "٫": ".",
    "٬": ",",
    "–": "-",
    "—": "-",
    "‐": "-",
    "‑": "-",
    "−": "-",
}
# No-break, thin and other fixed-width spaces read as a plain space.
_SPACES = {
    c: " "
    for c in "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
}
# Harakat, shadda, sukun, superscript alef, Quranic marks, and tatweel.
MARKS = frozenset(
    {chr(c) for c in range(0x064B, 0x0660)} | {"\u0670"} | {chr(c) for c in range(0x06D6, 0x06EE)}
)
TATWEEL = "\u0640"
# Bidi and zero-width controls.
INVISIBLE = frozenset(
    {"\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\u061c", "\ufeff", "\u00ad"}
    | {chr(c) for c in range(0x202A, 0x202F)}
    | {chr(c) for c in range(0x2066, 0x206A)}
)
_DROPPED = MARKS | INVISIBLE | {TATWEEL}
_TRAILING = MARKS | {TATWEEL}

_BASE_TABLE: dict[str, str] = {
    **_LETTER_FOLD,
    **_DIGITS,
    **_PUNCT,
    **_SPACES,
    **{c: "" for c in _DROPPED},
}


def _presentation_forms() -> dict[str, str]:
    """Arabic presentation forms (PDF and old-web text) as their letters, folded: ﻷ → لا, ﷲ → الله."""
    forms = {}
    for code in (*range(0xFB50, 0xFE00), *range(0xFE70, 0xFEFD)):
        char = chr(code)
        letters = unicodedata.normalize("NFKC", char)
        if letters != char:
            forms[char] = "".join(_BASE_TABLE.get(c, c) for c in letters)
    return forms


_PRESENTATION = _presentation_forms()
_TABLE: dict[str, str] = {**_PRESENTATION, **_BASE_TABLE}
_REPLACEMENTS = tuple(_BASE_TABLE.items())
# Every character ``normalize_text`` changes (presentation forms as ranges).
_MAPPED_RE = re.compile("[" + "".join(re.escape(c) for c in _BASE_TABLE) + "\ufb50-\ufdff\ufe70-\ufefc]")
_PRESENTATION_RE = re.compile("[\ufb50-\ufdff\ufe70-\ufefc]")
_PRESENTATION_CHARS = frozenset(_PRESENTATION)
_PRESENTATION_TRANSLATION = str.maketrans(_PRESENTATION)
_TRANSLATION = str.maketrans(_TABLE)
# Below this length normalize_text finds the characters to fold with one regex pass; above it, it tests each
# mapped character in turn (measured: the crossover lies near 300 characters of news text).
_SHORT = 300
# Only drops marks, tatweel and controls: the "light" form in which the clitic lexicon is kept.
_STRIP_TRANSLATION = str.maketrans({c: "" for c in _DROPPED})
# Characters whose normalized form is not exactly one character: where the offset map changes.
_RESIZED = "".join(sorted(c for c, v in _TABLE.items() if len(v) != 1))
_RESIZED_RE = re.compile("[" + re.escape(_RESIZED) + "]+")
_EXPANDING_RE = re.compile("[" + re.escape("".join(sorted(c for c, v in _TABLE.items() if len(v) > 1))) + "]")


@dataclass(frozen=True, slots=True)
class NormalizedText:
    """A normalized form of ``original`` that knows, for each of its characters, the original offset.

    ``norm_starts``/``orig_starts`` are anchors: from normalized offset ``norm_starts[k]`` on (up to the next
    anchor) a normalized offset ``n`` comes from original offset ``orig_starts[k] + n - norm_starts[k]``.
    """

    original: str
    text: str
    norm_starts: tuple[int, ...] = (0,)
    orig_starts: tuple[int, ...] = (0,)

    def original_offset(self, index: int) -> int:
        """Offset in ``original`` of the character ``text[index]`` (``len(original)`` past the end)."""
        if index >= len(self.text):
            return len(self.original)
        k = bisect_right(self.norm_starts, index) - 1
        return self.orig_starts[k] + index - self.norm_starts[k]

    @property
    def offsets(self) -> tuple[int, ...]:
        """For every character of ``text``, the offset of the ``original`` character it came from."""
        return tuple(self.offset_list())

    def offset_list(self) -> list[int]:
        """``offsets`` as a new list, built run by run from the anchors (no call per character)."""
        starts, origins, size = self.norm_starts, self.orig_starts, len(self.text)
        if len(starts) == 1:
            return list(range(origins[0], origins[0] + size))
        table: list[int] = []
        for k in range(len(starts)):
            n0 = starts[k]
            n1 = starts[k + 1] if k + 1 < len(starts) else size
            table.extend(range(origins[k], origins[k] + n1 - n0))
        return table

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map the half-open span ``[start, end)`` of ``text`` to the span of ``original`` it covers."""
        if start >= end:
            pos = self.original_offset(start)
            return pos, pos
        last = self.original_offset(end - 1) + 1
        # Diacritics and tatweel written after the span's last letter belong to it (السوريّ, not السوري).
        while last < len(self.original) and self.original[last] in _TRAILING:
            last += 1
        return self.original_offset(start), last

    def to_normalized(self, start: int, end: int) -> tuple[int, int]:
        """Map the span ``[start, end)`` of ``original`` to the span of ``text`` made from its characters."""
        return self._first_at_or_after(start), self._first_at_or_after(end)

    def _first_at_or_after(self, orig: int) -> int:
        # original_offset is non-decreasing in the normalized index, so a binary search finds the boundary.
        low, high = 0, len(self.text)
        while low < high:
            mid = (low + high) // 2
            if self.original_offset(mid) < orig:
                low = mid + 1
            else:
                high = mid
        return low


def normalize_char(char: str) -> str:
    """The normalized form of one character ('' when it is dropped)."""
    return _TABLE.get(char, char)


@functools.lru_cache(maxsize=16)
def normalize(text: str) -> NormalizedText:
    """Normalize ``text`` for matching and keep the offset map back to it.

    The result is immutable and cached for the last few texts: the stages of one article share one.
    """
    folded = normalize_text(text)
    if len(folded) == len(text) and _RESIZED_RE.search(text) is None:
        return NormalizedText(text, folded)
    norm_starts = [0]
    orig_starts = [0]
    shift = 0  # normalized offset minus original offset, before the current run
    for match in _RESIZED_RE.finditer(text):
        run_start, run_end = match.span()
        if _EXPANDING_RE.search(text, run_start, run_end) is None:
            # A run of dropped characters (the common case): one anchor after it.
            shift -= run_end - run_start
            _anchor(norm_starts, orig_starts, run_end + shift, run_end)
            continue
        for i in range(run_start, run_end):
            size = len(_TABLE[text[i]])
            for extra in range(1, size):
                # Every character of a ligature's expansion comes from the same original character.
                _anchor(norm_starts, orig_starts, i + shift + extra, i)
            shift += size - 1
            _anchor(norm_starts, orig_starts, i + 1 + shift, i + 1)
    return NormalizedText(text, folded, tuple(norm_starts), tuple(orig_starts))


def _anchor(norm_starts: list[int], orig_starts: list[int], norm: int, orig: int) -> None:
    if norm_starts[-1] == norm:
        orig_starts[-1] = orig
    else:
        norm_starts.append(norm)
        orig_starts.append(orig)


def normalize_text(text: str) -> str:
    """Only the normalized string, for keys and look-ups (same folding as ``normalize``)."""
    # str.translate with a dict looks every character up, one at a time; str.replace per mapped character runs
    # at C speed, several times faster, and gives the same text: no replacement produces another key.
    if len(text) < _SHORT:
        found = set(_MAPPED_RE.findall(text))  # a word or a line: the few characters to fold, in one pass
        if not _PRESENTATION_CHARS.isdisjoint(found):
            text = text.translate(_PRESENTATION_TRANSLATION)  # rare (PDF text); its values are folded already
            found = set(_MAPPED_RE.findall(text))
        for char in found:
            folded = _BASE_TABLE.get(char)
            if folded is not None:  # not a presentation form that NFKC keeps as it is
                text = text.replace(char, folded)
        return text
    if _PRESENTATION_RE.search(text) is not None:
        text = text.translate(_PRESENTATION_TRANSLATION)
    for char, folded in _REPLACEMENTS:
        if char in text:
            text = text.replace(char, folded)
    return text


def strip_marks(text: str) -> str:
    """``text`` without diacritics, tatweel and invisible controls; letters (hamza, ة, ى) are kept as written."""
    return text.translate(_STRIP_TRANSLATION)
