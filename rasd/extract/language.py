"""Language of a text: Arabic script share first (fast and certain for Arabic), py3langid otherwise."""

from __future__ import annotations


def _is_arabic_letter(char: str) -> bool:
    return "\u0621" <= char <= "\u064a" or "\u0671" <= char <= "\u06d3" or "\ufb50" <= char <= "\ufefc"


def detect_language(text: str) -> str:
    """ISO 639-1 code of ``text`` (``ar`` when most of its letters are Arabic; ``und`` with no letters)."""
    sample = text[:5000]
    letters = [c for c in sample if c.isalpha()]
    if not letters:
        return "und"
    arabic = sum(1 for c in letters if _is_arabic_letter(c))
    if arabic / len(letters) >= 0.5:
        return "ar"
    import py3langid  # loads its bundled model on first use only

    lang, _ = py3langid.classify(sample)
    return str(lang)
