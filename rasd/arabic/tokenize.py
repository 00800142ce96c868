"""Tokens of Arabic text with offsets into the original characters: words, clitics, numbers, punctuation.

``tokenize`` splits the clitics off each word (``بالصواريخ`` → ب + ال + صواريخ), each piece a ``Token`` with
its own ``start``/``end`` into the text it was given, its normalized form ``norm`` and its stem key.
``word_tokens`` gives whole words, unsplit. Bidi and zero-width controls are never tokens. The analysis of
each distinct written word is cached, so a text costs one regex pass plus one dictionary look-up a word.
"""

from __future__ import annotations

import re
from typing import Literal

from rasd.arabic.clitics import segment
from rasd.arabic.normalize import INVISIBLE, MARKS, TATWEEL, normalize_text, strip_marks
from rasd.arabic.stem import stem, stem_base
from rasd.model import Token

TokenKind = Literal["word", "proclitic", "article", "enclitic", "number", "punct"]

_ARABIC_LETTERS = "\u0621-\u063a\u0641-\u064a\u0671-\u06d3\u06d5\u06fa-\u06ff\ufb50-\ufdff\ufe70-\ufefc"
_IN_WORD = "".join(sorted(MARKS)) + TATWEEL + "\u200c\u200d"
_TOKEN_RE = re.compile(
    r"(?P<number>\d+(?:[.,٫٬]\d+)*)"
    rf"|(?P<arabic>[{_ARABIC_LETTERS}][{_ARABIC_LETTERS}{re.escape(_IN_WORD)}]*)"
    r"|(?P<latin>[^\W\d_]+(?:['’][^\W\d_]+)*)"
    rf"|(?P<punct>[^\s\w{re.escape(''.join(sorted(INVISIBLE)))}{re.escape(_IN_WORD)}])"
)

# The same pattern without its names, for findall (strings, no match objects: the hot loop).
_TOKEN_TEXT_RE = re.compile(re.sub(r"\(\?P<\w+>", "(?:", _TOKEN_RE.pattern))

# One analysed piece of a written word: (start, end) within the word, surface, norm, stem, kind.
_Piece = tuple[int, int, str, str, str, TokenKind]
# Written forms that are one token (most): norm, stem, kind; and those cut into pieces.
_SINGLE: dict[str, tuple[str, str, TokenKind]] = {}
_PIECES: dict[str, tuple[_Piece, ...]] = {}
_WHOLE: dict[str, tuple[str, str, TokenKind]] = {}


def tokenize(text: str) -> list[Token]:
    """Words of ``text`` with their clitics split off, numbers and punctuation, in order, with offsets."""
    tokens: list[Token] = []
    append = tokens.append
    single = _SINGLE.get
    split = _PIECES.get
    find = text.find
    end = 0
    # Between two tokens lie only spaces, controls and stray marks, none of which begins a token, so the
    # next occurrence of a token's text is where the pattern found it.
    for surface in _TOKEN_TEXT_RE.findall(text):
        start = find(surface, end)
        end = start + len(surface)
        one = single(surface)
        if one is not None:
            append(Token(surface, start, end, one[0], one[1], one[2]))
            continue
        pieces = split(surface) or _analyse(surface)
        for rel_start, rel_end, piece, norm, key, kind in pieces:
            append(Token(piece, start + rel_start, start + rel_end, norm, key, kind))
    return tokens


def word_tokens(text: str) -> list[Token]:
    """Whole words of ``text`` (clitics left on), numbers and punctuation, with offsets."""
    tokens: list[Token] = []
    append = tokens.append
    cache = _WHOLE.get
    find = text.find
    end = 0
    for surface in _TOKEN_TEXT_RE.findall(text):
        start = find(surface, end)
        end = start + len(surface)
        whole = cache(surface) or _analyse_whole(surface)
        append(Token(surface, start, end, whole[0], whole[1], whole[2]))
    return tokens


def _analyse_whole(surface: str) -> tuple[str, str, TokenKind]:
    if len(_WHOLE) > 500_000:
        _WHOLE.clear()
    group = _group(surface)
    if group == "arabic":
        found: tuple[str, str, TokenKind] = (normalize_text(surface), stem(surface), "word")
    else:
        _, _, _, norm, key, kind = _simple(surface, group)
        found = (norm, key, kind)
    _WHOLE[surface] = found
    return found


def _group(surface: str) -> str | None:
    """Which alternative of the token pattern ``surface`` is: number, arabic, latin or punct."""
    match = _TOKEN_RE.fullmatch(surface)
    return match.lastgroup if match is not None else "punct"


def _simple(surface: str, group: str | None) -> _Piece:
    if group == "number":
        norm = normalize_text(surface)
        return (0, len(surface), surface, norm, norm, "number")
    if group == "latin":
        norm = surface.lower()
        return (0, len(surface), surface, norm, norm, "word")
    norm = normalize_text(surface)
    return (0, len(surface), surface, norm, norm, "punct")


def _analyse(surface: str) -> tuple[_Piece, ...]:
    """Cut ``surface`` into its pieces and cache them (in ``_SINGLE`` when it is one token)."""
    if len(_PIECES) + len(_SINGLE) > 500_000:
        _PIECES.clear()
        _SINGLE.clear()
    group = _group(surface)
    pieces = _arabic_pieces(surface) if group == "arabic" else (_simple(surface, group),)
    if len(pieces) == 1 and pieces[0][2] == surface:
        _SINGLE[surface] = pieces[0][3:]
    else:
        _PIECES[surface] = pieces
    return pieces


def _arabic_pieces(surface: str) -> tuple[_Piece, ...]:
    light = strip_marks(surface)
    if surface.endswith(TATWEEL) and light in _CLITICS_APART:
        # A clitic written apart with tatweel: لـ«الشرق الأوسط», الـ20
        apart: TokenKind = "article" if light == "ال" else "proclitic"
        return ((0, len(surface), surface, light, light, apart),)
    # Where each letter of the light form sits in the written word (marks and tatweel are skipped).
    positions = [i for i, char in enumerate(surface) if char not in _SKIPPED] if light != surface else None
    seg = segment(light)
    cuts: list[tuple[int, TokenKind, str]] = []  # (end in the light form, kind, norm override)
    at = 0
    for _ in seg.proclitics:
        at += 1
        cuts.append((at, "proclitic", ""))
    if seg.article:
        at += len(seg.article)
        cuts.append((at, "article", "ال"))
    at += len(seg.base)
    cuts.append((at, "word", ""))
    if seg.enclitic:
        cuts.append((len(light), "enclitic", ""))
    pieces: list[_Piece] = []
    begin = 0
    for index, (end, kind, norm_override) in enumerate(cuts):
        # A piece runs up to the next piece's first letter, so marks written on its last letter stay with it.
        stop = len(surface) if index == len(cuts) - 1 else positions[end] if positions is not None else end
        piece = surface[begin:stop]
        norm = norm_override or normalize_text(piece)
        key = stem_base(seg.lemma_base) if kind == "word" else norm
        pieces.append((begin, stop, piece, norm, key, kind))
        begin = stop
    return tuple(pieces)


_SKIPPED = frozenset(MARKS | INVISIBLE | {TATWEEL})
_CLITICS_APART = frozenset(("و", "ف", "ب", "ل", "ك", "ال"))
