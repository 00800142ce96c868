"""Language of a text: Arabic script share first (fast and certain for Arabic), py3langid otherwise."""

from __future__ import annotations

import re
from collections.abc import Iterable


def _is_arabic_letter(char: str) -> bool:
    return "\u0621" <= char <= "\u064a" or "\u0671" <= char <= "\u06d3" or "\ufb50" <= char <= "\ufefc"


def _char_run(chars: Iterable[str]) -> re.Pattern[str]:
    # Runs, not single characters: sub then handles one match per word instead of one per letter.
    return re.compile("[" + "".join(re.escape(c) for c in chars) + "]+")


# Letters of the Arabic ranges, and the characters below U+0700 that are not letters: removed at C speed,
# so that only the few remaining characters (Latin letters, symbols) are tested one by one.
_ARABIC_RANGES = (range(0x0621, 0x064B), range(0x0671, 0x06D4), range(0xFB50, 0xFEFD))
_ARABIC_LETTERS_RE = _char_run(chr(i) for r in _ARABIC_RANGES for i in r if chr(i).isalpha())
_NOT_LETTERS_RE = _char_run(c for c in map(chr, range(0x700)) if not c.isalpha())


def detect_language(text: str) -> str:
    """ISO 639-1 code of ``text`` (``ar`` when most of its letters are Arabic; ``und`` with no letters)."""
    sample = text[:5000]
    others = _ARABIC_LETTERS_RE.sub("", sample)
    arabic = len(sample) - len(others)
    n_letters = arabic + sum(1 for c in _NOT_LETTERS_RE.sub("", others) if c.isalpha())
    if not n_letters:
        return "und"
    if arabic / n_letters >= 0.5:
        return "ar"
    import py3langid  # loads its bundled model on first use only

    lang, _ = py3langid.classify(sample)
    return str(lang)
