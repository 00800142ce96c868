"""Word frequencies of real Arabic news, the guard of the clitic splitter and of the stemmer.

``rasd/data/arabic_words.tsv.gz`` is built by ``tools/build_arabic_lexicon.py`` from the news corpora of
``../shared/data/news``: word forms with diacritics dropped and letters as written (hamza, ة, ى kept), each
with its count. Loaded once, on first use.
"""

from __future__ import annotations

import gzip
from pathlib import Path

from rasd.arabic.normalize import normalize_text

LEXICON_PATH = Path(__file__).resolve().parent.parent / "data" / "arabic_words.tsv.gz"

_WRITTEN: dict[str, int] = {}
_FOLDED: dict[str, int] = {}


def _load() -> None:
    with gzip.open(LEXICON_PATH, "rt", encoding="utf-8") as handle:
        for line in handle:
            word, _, count = line.rstrip("\n").partition("\t")
            n = int(count)
            _WRITTEN[word] = n
            folded = normalize_text(word)
            _FOLDED[folded] = _FOLDED.get(folded, 0) + n


def written_count(word: str) -> int:
    """How often news writes ``word`` exactly so (diacritics dropped); 0 for a word seen under 5 times."""
    if not _WRITTEN:
        _load()
    return _WRITTEN.get(word, 0)


def folded_count(word: str) -> int:
    """How often news writes a form that normalizes to ``word`` (``normalize_text`` folding)."""
    if not _FOLDED:
        _load()
    return _FOLDED.get(word, 0)
