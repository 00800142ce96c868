"""Bytes to text: the encodings Arabic pages and dumps come in, and a clear error for anything else."""

from __future__ import annotations

import codecs

from rasd.errors import InputError

# Letters common in Arabic prose; a right decoding of Arabic text is dense in them.
_ARABIC_COMMON = set("اليمنوهربتعفدكسقحجشصطزخضثذظغءآأإئؤةى")
_SINGLE_BYTE = ("cp1256", "iso8859_6")


# Judging a decoding looks at this many characters; a whole 50 MB file need not be scanned in Python.
_SAMPLE = 65536


def _looks_like_text(text: str) -> bool:
    text = text[:_SAMPLE]
    if not text.strip():
        return True
    bad = sum(1 for c in text if (ord(c) < 32 and c not in "\t\n\r\f\v") or c == "\ufffd")
    return bad / len(text) < 0.01


_FUNCTION_WORDS = {
    "في",
    "من",
    "على",
    "إلى",
    "عن",
    "أن",
    "إن",
    "مع",
    "التي",
    "الذي",
    "هذا",
    "بعد",
    "قبل",
    "و",
    "ما",
    "لا",
}


def _arabic_score(text: str) -> float:
    """How much ``text`` reads as Arabic prose: Arabic letters, words with ال or function words; 0 if not."""
    text = text[:_SAMPLE]
    letters = sum(1 for c in text if c in _ARABIC_COMMON)
    odd = sum(1 for c in text if 0x80 <= ord(c) < 0x600 and not c.isspace())
    words = text.split()
    if len(words) >= 5:
        arabic_words = [w for w in words if w[0] in _ARABIC_COMMON]
        typical = sum(1 for w in arabic_words if w in _FUNCTION_WORDS or w.startswith(("ال", "وال", "بال")))
        if len(arabic_words) < len(words) / 2 or typical < len(arabic_words) * 0.15:
            return 0.0
    return max(0.0, letters - 3 * odd)


def decode(raw: bytes, origin: str = "input") -> tuple[str, str]:
    """Decode ``raw``; return ``(text, encoding)``.

    Tries, in order: a byte-order mark (UTF-8, UTF-16, UTF-32), strict UTF-8, BOM-less UTF-16, then the
    Arabic single-byte code pages (windows-1256, ISO-8859-6), choosing the one whose decoding reads as Arabic.
    Raises ``InputError`` for binary data or bytes that none of these read as text.
    """
    for bom, name in (
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if raw.startswith(bom):
            try:
                return raw.decode(name), name
            except UnicodeDecodeError as exc:
                raise InputError(f"{origin}: starts with a {name} byte-order mark but is not {name}") from exc
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        if _looks_like_text(text):
            return text, "utf-8"
    if len(raw) % 2 == 0:
        for name in ("utf-16-le", "utf-16-be"):
            try:
                text = raw.decode(name)
            except UnicodeDecodeError:
                continue
            if _looks_like_text(text) and _arabic_score(text) > 0:
                return text, name
    if b"\x00" in raw[:_SAMPLE]:
        raise InputError(f"{origin}: binary data, not text")
    candidates: list[tuple[float, str, str]] = []
    for name in _SINGLE_BYTE:
        try:
            text = raw.decode(name)
        except UnicodeDecodeError:
            continue
        if _looks_like_text(text):
            candidates.append((_arabic_score(text), name, text))
    if candidates:
        score, name, text = max(candidates)
        if score > 0:
            return text, name
    raise InputError(f"{origin}: not text in a supported encoding (UTF-8, UTF-16, windows-1256, ISO-8859-6)")
