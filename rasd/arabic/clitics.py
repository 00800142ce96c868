"""Clitic segmentation of one Arabic word: proclitics (و ف ب ل ك س), the article ال, an enclitic pronoun.

The segmenter is conservative: it splits a clitic off only when what remains is a word that real news uses
often enough, the whole word is not far more common than that remainder (``وزير`` is not و + ``زير``,
``كانت`` is not ك + ``انت``), and the whole word does not itself take the article (``وحدة``: news writes
``الوحدة``). A word news never writes that begins with و is و + a rarer word. The enclitics split are
ه ها هم هما هن كم نا. Counts come from ``rasd.arabic.lexicon``. Words are given in their light form
(``strip_marks``: diacritics and tatweel dropped, letters as written). Scored by ``evaluate`` against words
of real news segmented by reading (docs/evaluation.md).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from rasd.arabic.lexicon import written_count
from rasd.arabic.normalize import strip_marks
from rasd.evaluation import PRF, EvalReport

# A remainder must be seen this often in news to count as a word.
MIN_WORD = 20
# A form is "definite-capable" (a plain noun or adjective) when news writes it with ال this often.
MIN_DEFINITE = 5
# How much more common than its remainder a word may be and still be split (و is very productive).
RATIO_CONJ = 30
RATIO_FA = 3
RATIO_PREP = 2

# Function words and fixed forms that begin or end with clitic letters but are not split.
NO_SPLIT = frozenset(
    """
    كما كان كانت كانوا كانا كذلك كأن كأنه كأنها كيف كي كلا كلما لقد لكن لدى لذا ليس ليست لما لو لولا لكي
    فقط فيما بين بينما بعد بل ربما طالما هناك هنالك هنا الله اللهم الذي التي الذين اللذين اللذان اللتان
    اللتين اللاتي اللواتي الآن الان الى الا إلا إلى أيضا كلتا لدي لديه ولي التقى
    """.split()  # noqa: SIM905
)
# Two-letter words a preposition may stand before (بما، لهم، لأن).
SHORT_WORDS = frozenset(
    """
    هو هي هم هن ما من لا قد في أن إن لم لن مع عن لو ذا كل أو ثم هل إذ أي
    """.split()  # noqa: SIM905
)
# Enclitic pronouns, longest first. ي، ك، كن، كما and ني are left out: in news they are far more often a
# root letter, a nisba or a dual construct (تأتي، سوري، محافظتي، يدرك، كوباني) than "my"/"your"/"me",
# which appear almost only in quotations.
PRONOUNS = ("هما", "هم", "هن", "كم", "ها", "نا", "ه")
# Two-letter words an enclitic may follow (منه، فيها، أنهم); other two-letter bases are names (جيه، أيه).
SHORT_HOSTS = frozenset(("من", "عن", "في", "مع", "إن", "أن"))
_FUTURE_PREFIXES = "يتنأ"


@dataclass(frozen=True, slots=True)
class Segmentation:
    """A word cut into clitics; every piece is a slice of the light form, in order.

    ``lemma_base`` is ``base`` with the letter the enclitic changed put back (``حكومت`` → ``حكومة``).
    """

    proclitics: str
    article: str
    base: str
    enclitic: str
    lemma_base: str

    @property
    def is_split(self) -> bool:
        return bool(self.proclitics or self.article or self.enclitic)


def _candidates() -> list[tuple[str, str, str]]:
    """(proclitic letters, article as written, prefix string), longest prefix first."""
    out: list[tuple[str, str, str]] = []
    for conj in ("", "و", "ف"):
        for prep in ("", "ب", "ل", "ك", "س"):
            for article in ("", "ال"):
                if prep == "س" and article:
                    continue
                procs = conj + prep
                if article and prep == "ل":
                    out.append((procs, "ل", procs + "ل"))  # ل + ال is written لل
                elif procs or article:
                    out.append((procs, article, procs + article))
    return sorted(out, key=lambda c: -len(c[2]))


_CANDIDATES = _candidates()
_CACHE: dict[str, Segmentation] = {}


def segment(word: str) -> Segmentation:
    """Cut ``word`` (light form) into proclitics, article, base and enclitic; unsplit when in doubt."""
    found = _CACHE.get(word)
    if found is None:
        if len(_CACHE) > 500_000:
            _CACHE.clear()
        found = _CACHE[word] = _segment(word)
    return found


def _segment(word: str) -> Segmentation:
    whole = Segmentation("", "", word, "", word)
    if len(word) < 3 or word in NO_SPLIT:
        return whole
    for procs, article, prefix in _CANDIDATES:
        if len(word) - len(prefix) < 2 or not word.startswith(prefix):
            continue
        if len(procs) > 1 and word[1:] in NO_SPLIT:
            continue  # وكذلك is و + كذلك
        rest = word[len(prefix) :]
        if article:
            if _accept_article(word, procs, rest):
                return Segmentation(procs, article, rest, "", rest)
        elif _accept_proclitics(word, procs, rest):
            base, enclitic, lemma = _split_enclitic(rest)
            return Segmentation(procs, "", base, enclitic, lemma)
    if _unseen_after_wa(word):
        rest = word[1:]
        if rest.startswith("ال") and len(rest) >= 5 and rest not in NO_SPLIT:
            return Segmentation("و", "ال", rest[2:], "", rest[2:])
        return Segmentation("و", "", rest, "", rest)
    base, enclitic, lemma = _split_enclitic(word)
    return Segmentation("", "", base, enclitic, lemma)


def _unseen_after_wa(word: str) -> bool:
    """وأضرمت، والغيظ: a word never seen in news that begins with و is almost always و + a rarer word, since
    the words that begin with و themselves (وزير، وثيقة، واقع) are common ones the lexicon knows."""
    return word.startswith("و") and len(word) >= 5 and word[1] != "و" and written_count(word) == 0


def _accept_article(word: str, procs: str, rest: str) -> bool:
    if "ال" + rest in NO_SPLIT:
        return False
    if rest.startswith("ت") and written_count("الال" + rest) >= MIN_DEFINITE:
        return False  # التزام (الالتزام): a form-VIII word whose ال is its own, not the article
    if not procs:
        return True
    definite = written_count("ال" + rest)
    # After a proclitic the definite form itself must be a word news uses (والده is not و + ال + ده), and
    # more common than reading the ل as the word's own letter (للقاء is ل + لقاء, not ل + ال + قاء).
    return definite >= MIN_DEFINITE and written_count(word[len(procs) :]) <= 10 * definite


def _known(rest: str) -> tuple[int, int]:
    """How common ``rest`` is as a word (counted through its base when it carries an enclitic), and the
    count to weigh the whole word against (``rest`` as written)."""
    count = written_count(rest)
    if count >= MIN_WORD:
        return count, count
    base, enclitic, _ = _split_enclitic(rest)
    return (_base_count(base) if enclitic else count), count


def _accept_proclitics(word: str, procs: str, rest: str) -> bool:
    last = procs[-1]
    if last == "س" and (rest[0] not in _FUTURE_PREFIXES or len(rest) < 3):
        return False
    if last == "ك" and rest.startswith("ل"):
        return False  # كلها، كلهم: the ك belongs to كل
    if len(rest) < 3 and (len(procs) > 1 or (last in "بلك" and rest not in SHORT_WORDS)):
        return False  # وليد is not و + ل + يد, لبن is not ل + بن
    if _takes_article(word):
        return False  # وحدة، بلاد، لجنة، فرداً take the article themselves: their first letter is their own
    known, written = _known(rest)
    if known < MIN_WORD:
        return False
    total = written_count(word)
    if written < known and total > RATIO_CONJ * written:
        return False  # بعدها is بعد + ها, not ب + عدها: the remainder as written is too rare
    if last == "ك":
        # ك (like, as) stands before nouns that take the article elsewhere (كرجل); فكريا is not ف + ك + ريا.
        return total <= RATIO_PREP * known and _definite_capable(rest)
    if last in "بل":
        if total <= RATIO_PREP * known:
            return True
        # A noun after a preposition also takes the article elsewhere; a foreign name (بيونغ، بريكس) does not.
        return total <= RATIO_CONJ * known and _definite_capable(rest)
    if procs == "ف":
        return total <= RATIO_FA * known
    return total <= RATIO_CONJ * known


def _takes_article(word: str) -> bool:
    """News writes ``word`` with ال (also without its accusative alef: فردا → الفرد)."""
    if written_count("ال" + word) >= MIN_DEFINITE:
        return True
    return word.endswith("ا") and written_count("ال" + word[:-1]) >= MIN_DEFINITE


def _definite_capable(rest: str) -> bool:
    base, _enclitic, _ = _split_enclitic(rest)
    return written_count("ال" + base) >= MIN_DEFINITE


def _base_count(base: str) -> int:
    """Count of ``base`` or of the form its enclitic changed: ت→ة, و→وا, ا/ي→ى."""
    best = written_count(base)
    last = base[-1]
    if last == "ت":
        best = max(best, written_count(base[:-1] + "ة"))
    elif last == "و":
        best = max(best, written_count(base + "ا"))
    elif last in "اي":
        best = max(best, written_count(base[:-1] + "ى"))
    elif last in "ئؤ":
        best = max(best, written_count(base[:-1] + "ء"))  # لقائه: لقاء + ه
    return best


def _lemma_base(base: str) -> str:
    last = base[-1]
    own = written_count(base)
    if last == "ت" and written_count(base[:-1] + "ة") > own:
        return base[:-1] + "ة"
    if last == "و" and written_count(base + "ا") > own:
        return base + "ا"
    if last in "اي" and written_count(base[:-1] + "ى") > own:
        return base[:-1] + "ى"
    if last in "ئؤ" and written_count(base[:-1] + "ء") > own:
        return base[:-1] + "ء"
    return base


def _split_enclitic(word: str) -> tuple[str, str, str]:
    """(base, enclitic, lemma base) of ``word``; the enclitic is '' when none is split off."""
    if len(word) >= 3 and word not in NO_SPLIT and written_count("ال" + word) < MIN_DEFINITE:
        total = written_count(word)
        for pronoun in PRONOUNS:
            if not word.endswith(pronoun):
                continue
            base = word[: -len(pronoun)]
            if len(base) < 2 or (len(base) == 2 and base not in SHORT_HOSTS):
                continue
            known = _base_count(base)
            if known < MIN_WORD or total > RATIO_CONJ * known:
                continue
            return base, pronoun, _lemma_base(base)
    return word, "", word


def pieces(segmentation: Segmentation) -> list[str]:
    """The pieces of a segmentation in reading order: each proclitic letter, article, base, enclitic."""
    parts = [*segmentation.proclitics, segmentation.article, segmentation.base, segmentation.enclitic]
    return [part for part in parts if part]


def evaluate(gold: Path) -> EvalReport:
    """Clitic boundaries of ``segment`` against a gold file of ``key<TAB>offset<TAB>word<TAB>a+b+c`` lines."""
    tp = fp = fn = exact = n = 0
    errors: list[str] = []
    for line in gold.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        _key, _offset, word, expected = line.split("\t")
        gold_pieces = strip_marks(expected).split("+")
        found = pieces(segment(strip_marks(word)))
        gold_cuts, found_cuts = _cuts(gold_pieces), _cuts(found)
        tp += len(gold_cuts & found_cuts)
        fp += len(found_cuts - gold_cuts)
        fn += len(gold_cuts - found_cuts)
        n += 1
        if found == gold_pieces:
            exact += 1
        else:
            errors.append(f"{word}: {'+'.join(found)} (gold {expected})")
    prf = PRF(tp, fp, fn)
    return EvalReport(
        task="clitics",
        gold=str(gold),
        n=n,
        metrics={**prf.as_dict(), "word_accuracy": exact / n if n else 0.0},
        notes=errors,
    )


def _cuts(parts: list[str]) -> set[int]:
    cuts, at = set(), 0
    for part in parts[:-1]:
        at += len(part)
        cuts.add(at)
    return cuts
