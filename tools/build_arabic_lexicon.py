"""Build ``rasd/data/arabic_words.tsv.gz``: word frequencies of real Arabic news, the clitic splitter's guard.

The tokenizer splits a proclitic or an enclitic off a word only when what remains is a word that news
actually uses (``بالصواريخ`` → ``الصواريخ`` is common) and the whole word is not far more common than that
remainder (``وزير`` is not و + ``زير``). This script counts word forms (diacritics dropped, letters as
written) over the development corpora of ``../shared/data/news`` and keeps those seen at least ``--min-count``
times. Only counts of single words are shipped, never text.

    PYTHONPATH=. .venv/bin/python tools/build_arabic_lexicon.py [--news ../shared/data/news] [--min-count 5]
"""

from __future__ import annotations

import argparse
import gzip
import re
from collections import Counter
from pathlib import Path

from rasd.arabic.normalize import strip_marks
from rasd.corpora import iter_corpus, news_dir

OUTPUT = Path(__file__).resolve().parent.parent / "rasd" / "data" / "arabic_words.tsv.gz"
_WORD = re.compile("[\u0621-\u063a\u0641-\u064a\u0671-\u06d3]+")
CORPORA = ("almayadeen_2023_2024", "ant_2018", "aljazeera_palestine_2023_2025")


def count_words(news: Path) -> Counter[str]:
    """Frequencies of Arabic word forms (marks stripped) over the titles and texts of the news corpora."""
    counts: Counter[str] = Counter()
    for name in CORPORA:
        for article in iter_corpus(news / name):
            counts.update(_WORD.findall(strip_marks(article.title + "\n" + article.text)))
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--news", type=Path, default=news_dir())
    parser.add_argument("--min-count", type=int, default=5)
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args()
    if args.news is None or not args.news.is_dir():
        raise SystemExit("error: ../shared/data/news not found (give --news)")
    counts = count_words(args.news)
    kept = sorted((w, c) for w, c in counts.items() if c >= args.min_count and len(w) >= 2)
    # mtime=0 keeps the file byte-identical across rebuilds.
    with open(args.output, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as handle:
        handle.write("".join(f"{w}\t{c}\n" for w, c in kept).encode("utf-8"))
    total = sum(counts.values())
    print(f"{len(kept)} word forms of {len(counts)} (tokens: {total}) -> {args.output}")


if __name__ == "__main__":
    main()
