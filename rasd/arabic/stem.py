"""A light stem key for matching and search: inflected forms of one word get one key.

``stem`` takes any written word, drops its clitics (``rasd.arabic.clitics``: the lexicon-guarded segmenter
the tokenizer uses), normalizes it (``normalize_text``) and removes inflection suffixes: the feminine plural
ات, the sound plural and dual ون/ين/ان, the construct plural's ي, the perfect's ت and وا (``قالت``,
``قالوا``), ta marbuta, and the accusative alef. A suffix is removed only when its alternation is attested
in news (``سوريين`` ↔ ``سوريون``, ``الطرفان`` ↔ ``الطرفين``, ``قالت`` ↔ ``قالوا``), which keeps
``لبنان`` apart from ``لبن`` and ``فلسطين`` apart from ``فلسط``. Nisba ي is kept: ``مدني`` (civilian) is not
``مدن`` (cities), and ``سوريا`` (Syria) is not ``سوري`` (Syrian). Why this one and not snowball, ARLSTem2 or
Tashaphyne: docs/evaluation.md, "Arabic text layer".
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from rasd.arabic.clitics import segment
from rasd.arabic.lexicon import folded_count
from rasd.arabic.normalize import normalize_text, strip_marks
from rasd.evaluation import PRF, EvalReport

# A stem keeps at least this many letters.
MIN_STEM = 3
# An alternate form must be seen this often in news to license removing a suffix.
MIN_ATTESTED = 20

_CACHE: dict[str, str] = {}


def stem(word: str) -> str:
    """The stem key of ``word`` (any written form, with or without clitics and diacritics)."""
    key = _CACHE.get(word)
    if key is None:
        if len(_CACHE) > 500_000:
            _CACHE.clear()
        key = _CACHE[word] = stem_base(segment(strip_marks(word)).lemma_base)
    return key


def stem_base(base: str) -> str:
    """The stem key of a word already stripped of its clitics (a ``Segmentation.lemma_base``)."""
    word = normalize_text(base)
    if len(word) < MIN_STEM:
        return word
    word = _strip_plural(word)
    word = _strip_verb_agreement(word)
    if word.endswith("ه") and (len(word) > MIN_STEM or _attested(word[:-1] + "ات")):
        return word[:-1]  # ta marbuta (after folding): غارة → غار, like غارات → غار; قوة → قو, like قوات
    if (
        len(word) > MIN_STEM
        and word.endswith("ا")
        and word[-2] != "ي"
        and folded_count(word[:-1]) >= MIN_ATTESTED
    ):
        return word[:-1]  # accusative alef: يوما → يوم; سوريا keeps its alef
    return word


def _strip_verb_agreement(word: str) -> str:
    """قالت، قالوا → قال: the perfect's ت (she) and وا (they), when the other form is attested too."""
    if len(word) > MIN_STEM and word.endswith("ت") and _attested(word[:-1] + "وا"):
        return word[:-1]
    if len(word) > MIN_STEM + 1 and word.endswith("وا") and _attested(word[:-2] + "ت"):
        return word[:-2]
    return word


def _attested(form: str) -> bool:
    return folded_count(form) + folded_count("ال" + form) >= MIN_ATTESTED


def _strip_plural(word: str) -> str:
    ending = word[-2:]
    stem = word[:-2]
    if ending == "ات":
        # Short stems (قوات) need their singular in ة attested; longer ones either form.
        if _attested(stem + "ه") or (len(stem) >= MIN_STEM and _attested(stem)):
            return stem
    elif ending in ("ون", "ين", "ان") and len(stem) >= MIN_STEM:
        others = {"ون": ("ين",), "ين": ("ون", "ان"), "ان": ("ين",)}[ending]
        if any(_attested(stem + other) for other in others):
            return stem
        if ending != "ون" and folded_count(stem) >= max(MIN_ATTESTED, folded_count(word)):
            return stem  # يومين → يوم: the singular is the more common form (لبنان is not لبن)
    elif word.endswith("ي") and _attested(word[:-1] + "ين") and _attested(word[:-1] + "ون"):
        return word[:-1]  # construct plural: مقاتلي → مقاتل
    return word


def read_stem_groups(gold: Path) -> dict[str, list[str]]:
    """Lemma groups of a gold file: one ``lemma<TAB>form form …`` a line, ``#`` comments."""
    groups: dict[str, list[str]] = {}
    for line in gold.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            lemma, _, forms = line.partition("\t")
            groups[lemma] = forms.split()
    return groups


def score_stemmer(groups: dict[str, list[str]], stemmer: Callable[[str], str]) -> PRF:
    """Pairs of forms: same lemma and same key (tp), same key across lemmas (fp), same lemma split (fn)."""
    forms = [(lemma, form, stemmer(form)) for lemma, words in groups.items() for form in words]
    tp = fp = fn = 0
    for i, (lemma_a, _, key_a) in enumerate(forms):
        for lemma_b, _, key_b in forms[i + 1 :]:
            same_lemma, same_key = lemma_a == lemma_b, key_a == key_b
            tp += same_lemma and same_key
            fp += same_key and not same_lemma
            fn += same_lemma and not same_key
    return PRF(tp, fp, fn)


def evaluate(gold: Path) -> EvalReport:
    """Pairwise agreement of ``stem`` with the lemma groups of ``gold`` (precision: no false merges)."""
    groups = read_stem_groups(gold)
    prf = score_stemmer(groups, stem)
    return EvalReport(
        task="stem",
        gold=str(gold),
        n=sum(len(forms) for forms in groups.values()),
        metrics=prf.as_dict(),
    )
