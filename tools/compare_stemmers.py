"""Compare stemmers on lemma groups of real news words, and on how much they conflate real text.

For each stemmer: pairwise precision/recall/F1 against ``tests/arabic/gold/stem_groups.tsv`` (forms of one
lemma should share a key; forms of different lemmas should not), the number of false merges, and, on a
sample of the news corpora, distinct keys per distinct word (lower conflates more) and words per second.
The stemmers compared: Rasd's ``rasd.arabic.stem.stem``, snowball Arabic (snowballstemmer), ARLSTem2 and
ISRI (nltk), and Tashaphyne's light stem. Needs the ``stemmers`` extra (``pip install -e '.[stemmers]'``).

    PYTHONPATH=. .venv/bin/python tools/compare_stemmers.py [--gold tests/arabic/gold/stem_groups.tsv]
"""

from __future__ import annotations

import argparse
import itertools
import re
import time
from collections.abc import Callable
from pathlib import Path

from rasd.arabic.lexicon import written_count
from rasd.arabic.normalize import strip_marks
from rasd.arabic.stem import read_stem_groups, score_stemmer, stem
from rasd.corpora import iter_corpus, news_dir

GOLD = Path(__file__).resolve().parent.parent / "tests" / "arabic" / "gold" / "stem_groups.tsv"
_WORD = re.compile("[\u0621-\u063a\u0641-\u064a]+")


def stemmers() -> dict[str, Callable[[str], str]]:
    import snowballstemmer
    from nltk.stem.arlstem2 import ARLSTem2
    from nltk.stem.isri import ISRIStemmer
    from tashaphyne.stemming import ArabicLightStemmer

    snowball = snowballstemmer.stemmer("arabic")
    arlstem2 = ARLSTem2()
    isri = ISRIStemmer()
    tashaphyne = ArabicLightStemmer()

    def tashaphyne_stem(word: str) -> str:
        tashaphyne.light_stem(word)
        return str(tashaphyne.get_stem())

    return {
        "rasd": stem,
        "snowball": snowball.stemWord,
        "arlstem2": arlstem2.stem,
        "tashaphyne": tashaphyne_stem,
        "isri (root)": isri.stem,
    }


def corpus_words(limit: int) -> list[str]:
    base = news_dir()
    if base is None:
        return []
    words: list[str] = []
    for article in itertools.islice(iter_corpus(base / "ant_2018"), limit):
        words += _WORD.findall(strip_marks(article.text))
    return words


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=GOLD)
    parser.add_argument("--articles", type=int, default=300)
    args = parser.parse_args()
    groups = read_stem_groups(args.gold)
    unattested = [w for forms in groups.values() for w in forms if written_count(w) == 0]
    if unattested:
        print(f"warning: not seen in the news corpora: {' '.join(unattested)}")
    words = corpus_words(args.articles)
    vocabulary = sorted(set(words))
    n_forms = sum(len(forms) for forms in groups.values())
    print(
        f"gold: {len(groups)} lemmas, {n_forms} forms; text: {len(words)} words, {len(vocabulary)} distinct"
    )
    print(
        f"{'stemmer':<12} {'P':>6} {'R':>6} {'F1':>6} {'false merges':>13} {'keys/words':>11} {'words/s':>9}"
    )
    for name, function in stemmers().items():
        prf = score_stemmer(groups, function)
        started = time.perf_counter()
        keys = {function(w) for w in vocabulary}
        rate = len(vocabulary) / (time.perf_counter() - started)
        conflation = len(keys) / max(1, len(vocabulary))
        print(
            f"{name:<12} {prf.precision:6.3f} {prf.recall:6.3f} {prf.f1:6.3f} {prf.fp:13d} "
            f"{conflation:11.3f} {rate:9.0f}"
        )


if __name__ == "__main__":
    main()
