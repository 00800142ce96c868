"""Normalization of Arabic text for matching, keeping the way back to the original characters.

``normalize`` maps each character of the input to zero or one characters of the output (diacritics, tatweel
and invisible controls are dropped; letters are folded), and records, for every output character, the offset
of the input character it came from. An offset computed on the normalized text maps back with
``NormalizedText.to_original``.
"""

from __future__ import annotations

from dataclasses import dataclass

# Letter folding for matching: alef and hamza carriers, alef maqsura, ta marbuta.
_LETTER_FOLD = {
    "أ": "ا",
    "إ": "ا",
    "آ": "ا",
    "ٱ": "ا",
    "ى": "ي",
    "ة": "ه",
    "ؤ": "و",
    "ئ": "ي",
}
_DIGITS = {**{chr(0x0660 + i): str(i) for i in range(10)}, **{chr(0x06F0 + i): str(i) for i in range(10)}}
_PUNCT = {
    "،": ",",
    "؛": ";",
    "؟": "?",
    "«": '"',
    "»": '"',
    "“": '"',
    "”": '"',
    "„": '"',
    "‘": "'",
    "’": "'",
    "٪": "%",
    "٫": ".",
    "٬": ",",
}
# Harakat, shadda, sukun, superscript alef, Quranic marks, and tatweel.
_DROPPED = {chr(c) for c in range(0x064B, 0x0660)} | {"\u0670", "\u0640"} | {chr(c) for c in range(0x06D6, 0x06ED)}
# Bidi and zero-width controls.
_INVISIBLE = {"\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\u061c", "\ufeff"} | {
    chr(c) for c in range(0x202A, 0x202F)
} | {chr(c) for c in range(0x2066, 0x206A)}

_TABLE: dict[str, str] = {**_LETTER_FOLD, **_DIGITS, **_PUNCT, **{c: "" for c in _DROPPED | _INVISIBLE}}


@dataclass(frozen=True, slots=True)
class NormalizedText:
    """A normalized form of ``original`` with, for each of its characters, the original offset."""

    original: str
    text: str
    offsets: tuple[int, ...]

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map the half-open span ``[start, end)`` of ``text`` to the span of ``original`` it covers."""
        if start >= end:
            pos = self.offsets[start] if start < len(self.offsets) else len(self.original)
            return pos, pos
        return self.offsets[start], self.offsets[end - 1] + 1


def normalize_char(char: str) -> str:
    """The normalized form of one character ('' when it is dropped)."""
    return _TABLE.get(char, char)


def normalize(text: str) -> NormalizedText:
    """Normalize ``text`` for matching and keep the offset map back to it."""
    out: list[str] = []
    offsets: list[int] = []
    for i, char in enumerate(text):
        folded = _TABLE.get(char, char)
        if folded:
            out.append(folded)
            offsets.append(i)
    return NormalizedText(text, "".join(out), tuple(offsets))


def normalize_text(text: str) -> str:
    """Only the normalized string, for keys and look-ups (same folding as ``normalize``)."""
    return text.translate(_TRANSLATION)


_TRANSLATION = str.maketrans(_TABLE)
