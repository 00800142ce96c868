"""Throughput of the Arabic text layer on real news: MB/s (UTF-8) for normalize, tokenize, sentences.

Reads ``--n`` articles of each news corpus of ``../shared/data/news`` through ``rasd.corpora.iter_corpus``
and prints ``rasd.arabic.analysis.throughput`` (CPU time of this one process, so: per core).

    PYTHONPATH=. .venv/bin/python tools/bench_arabic_text.py [--n 2000]
"""

from __future__ import annotations

import argparse
import itertools
import json

from rasd.arabic.analysis import throughput
from rasd.corpora import iter_corpus, news_dir

CORPORA = ("almayadeen_2023_2024", "ant_2018")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=2000, help="articles per corpus")
    args = parser.parse_args()
    base = news_dir()
    if base is None:
        raise SystemExit("error: ../shared/data/news not found")
    for name in CORPORA:
        texts = [a.text for a in itertools.islice(iter_corpus(base / name), args.n) if a.text]
        rates = throughput(texts)
        print(
            json.dumps({"corpus": name, "articles": len(texts), **{k: round(v, 2) for k, v in rates.items()}})
        )


if __name__ == "__main__":
    main()
