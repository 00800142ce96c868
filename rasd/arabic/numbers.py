"""Quantities in Arabic text: digits and number words, approximators, ranges, with offsets.

``find_quantities`` reads ``40``, ``١٢``, ``3.5 مليون``, ``ثلاثة``, ``خمسة وعشرون``, ``ألفي``, ``عشرات``,
``مئات الآلاف``, ``بضعة`` and ``عدد من``; an approximator before the number (``نحو``، ``قرابة``، ``أكثر من``،
``ما لا يقل عن``، ``حوالي``، ``زهاء``، ``أقل من``) sets its ``qualifier``; ``بين 10 و20`` and ``10-20`` are
ranges. ``value`` is the conservative figure ACLED codes: the lower bound (``أكثر من 40`` → 40, a range its
low end), ``عشرات``/``العشرات`` → 10, ``مئات`` → 100, ``آلاف`` → 1000, ``بضعة``/``عدد من`` → 3 (the least an
Arabic plural of "a few" can mean); ``أقل من 10`` has no conservative figure: value None, high 10. With
``duals=True`` a dual noun is a quantity of 2 (``مقتل شخصين``، ``الشهيدتان``) when news attests its singular
and no sound plural that would read the same (``مدنيين`` is a plural). ``noun`` is the word counted: the one after the number,
or the dual itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

from rasd.arabic.clitics import segment
from rasd.arabic.lexicon import written_count
from rasd.arabic.normalize import NormalizedText, normalize, normalize_text, strip_marks
from rasd.corpora import find_article
from rasd.evaluation import PRF, EvalReport

Qualifier = Literal["exact", "about", "more_than", "at_least", "less_than", "at_most", "range", "vague"]


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number stated in the text: ``text == original[start:end]``; ``low``/``high`` bound it when known."""

    value: float | None
    low: float | None
    high: float | None
    qualifier: Qualifier
    text: str
    start: int
    end: int
    noun: str | None = None


def _forms(pairs: dict[str, float]) -> dict[str, float]:
    """Each written form (as a reader would write it) under its normalized spelling."""
    return {normalize_text(word): value for words, value in pairs.items() for word in words.split()}


# Cardinal words in their masculine/feminine and case forms.
_UNITS = _forms(
    {
        "واحد واحدة": 1,
        "اثنان اثنين اثنتان اثنتين اثنا اثني اثنتا اثنتي": 2,
        "ثلاث ثلاثة": 3,
        "أربع أربعة": 4,
        "خمس خمسة": 5,
        "ست ستة": 6,
        "سبع سبعة": 7,
        "ثماني ثمانية ثمان": 8,
        "تسع تسعة": 9,
        "عشر عشرة": 10,
    }
)
_ELEVEN = {"احد": 1.0, "احدي": 1.0}  # only before عشر: أحد عشر; alone أحد means "one of"
_TENS = _forms(
    {
        "عشرون عشرين": 20,
        "ثلاثون ثلاثين": 30,
        "أربعون أربعين": 40,
        "خمسون خمسين": 50,
        "ستون ستين": 60,
        "سبعون سبعين": 70,
        "ثمانون ثمانين": 80,
        "تسعون تسعين": 90,
    }
)
_HUNDREDS = _forms(
    {
        "مئة مائة": 100,
        "مئتان مئتين مئتا مئتي مائتان مائتين مائتا مائتي": 200,
        "ثلاثمئة ثلاثمائة": 300,
        "أربعمئة أربعمائة": 400,
        "خمسمئة خمسمائة": 500,
        "ستمئة ستمائة": 600,
        "سبعمئة سبعمائة": 700,
        "ثمانمئة ثمانمائة ثمانيمئة ثمانيمائة": 800,
        "تسعمئة تسعمائة": 900,
    }
)
_MULTIPLIERS = _forms(
    {"ألف آلاف ألفا": 1000, "مليون ملايين مليونا": 1_000_000, "مليار مليارات": 1_000_000_000}
)
_DUAL_MULTIPLIERS = _forms(
    {
        "ألفان ألفين ألفي": 2000,
        "مليونان مليونين مليوني": 2_000_000,
        "ملياران مليارين": 2_000_000_000,
    }
)
# Vague quantities and the conservative figure for each.
_VAGUE = _forms({"عشرات": 10, "مئات": 100, "آلاف": 1000, "بضع بضعة": 3})

_WORD_RE = re.compile(r"\d+(?:[.,]\d+)*|[\u0621-\u064a]+")
_APPROXIMATORS: list[tuple[str, Qualifier]] = [
    ("ما لا يقل عن|ما لا يقل علي|لا يقل عن|لا يقل علي", "at_least"),
    ("ما لا يزيد عن|ما لا يزيد علي|لا يزيد عن|لا يزيد علي", "at_most"),
    ("اكثر من|ما يزيد عن|ما يزيد علي|ما يربو علي|ازيد من|ما يفوق|اكبر من", "more_than"),
    ("اقل من|ما يقل عن|دون", "less_than"),
    ("نحو|حوالي|قرابه|زهاء|ما يقارب|ما يناهز|قرابه|تقريبا", "about"),
]
_APPROX_RE = re.compile(
    r"(?:^|(?<=[\s\"'(]))[وف]?[بل]?(?P<phrase>"
    + "|".join(f"(?P<q{i}>{p})" for i, (p, _) in enumerate(_APPROXIMATORS))
    + r")\s+[(\"']?$"
)
_AT_LEAST_AFTER_RE = re.compile(r"\s+(?:\S+\s+)?علي الاقل")
_RANGE_JOIN_RE = re.compile(r"^\s*(?:-|–|الي|حتي|و)\s*$")


@dataclass(slots=True)
class _Numeral:
    start: int
    end: int
    value: float
    vague: bool
    digits: bool
    # Last component (unit, ten, hundred...), to know what may follow after و.
    last: float
    # What was added after a multiplier (مليون وخمسمئة), which a smaller multiplier then scales (… ألف).
    tail: float = 0.0


def find_quantities(text: str, duals: bool = False) -> list[Quantity]:
    """Quantities in ``text``, in order, with offsets into ``text`` and the ACLED-conservative ``value``.

    With ``duals``, dual nouns (``شخصين``) are quantities of 2 too (off by default: callers with their own
    reading of duals keep it).
    """
    norm = normalize(text)
    numerals = _numerals(norm.text)
    quantities: list[Quantity] = []
    i = 0
    while i < len(numerals):
        first = numerals[i]
        second = numerals[i + 1] if i + 1 < len(numerals) else None
        if second is not None and _is_range(norm.text, first, second):
            lead = _range_lead(norm.text, first.start)
            start, end = norm.to_original(first.start if lead is None else lead, second.end)
            low, high = sorted((first.value, second.value))
            quantities.append(Quantity(low, low, high, "range", text[start:end], start, end))
            i += 2
            continue
        quantities.append(_qualified(text, norm, first))
        i += 1
    for match in _SOME_RE.finditer(norm.text):
        start, end = norm.to_original(match.start("some"), match.end())
        quantities.append(Quantity(3.0, 3.0, None, "vague", text[start:end], start, end))
    quantities = [replace(q, noun=_noun_after(text, q.end)) for q in quantities]
    if duals:
        quantities += _duals(text, quantities)
    quantities.sort(key=lambda q: q.start)
    return quantities


_NOUN_AFTER_RE = re.compile(r"\s*(?:من\s+)?([\u0621-\u064a][\u0621-\u065f\u0670\u0640]*)")
_ARABIC_WORD_RE = re.compile(r"[\u0621-\u064a][\u0621-\u065f\u0670\u0640]*")
# A singular and its dual must both be words news uses this often (and the singular the commoner).
_MIN_SINGULAR = 20


def _noun_after(text: str, end: int) -> str | None:
    match = _NOUN_AFTER_RE.match(text, end)
    return match.group(1) if match else None


def _duals(text: str, taken: list[Quantity]) -> list[Quantity]:
    """Dual nouns (شخصين، جنديين، الشهيدتان): quantities of exactly 2."""
    found = []
    for match in _ARABIC_WORD_RE.finditer(text):
        word = match.group()
        if not word.endswith(("ين", "ان", "يْن", "انِ")) or any(
            q.start < match.end() and match.start() < q.end for q in taken
        ):
            continue
        if _is_dual(strip_marks(word)):
            start, end = match.span()
            qualifier: Qualifier = "exact"
            approx = _APPROX_RE.search(normalize_text(text[max(0, start - 24) : start]))
            if approx is not None and _qualifier_of(approx) == "about":
                qualifier, start = "about", start - (min(start, 24) - approx.start("phrase"))
            found.append(Quantity(2.0, 2.0, 2.0, qualifier, text[start:end], start, end, noun=word))
    return found


@lru_cache(maxsize=100_000)
def _is_dual(word: str) -> bool:
    seg = segment(word)
    base = seg.base
    if seg.enclitic or not base.endswith(("ين", "ان")):
        return False
    total = _with_article(base)
    if base.endswith(("تين", "تان")) and _with_article(base[:-3] + "ة") >= max(_MIN_SINGULAR, total):
        return True  # the feminine dual: ساعتين from ساعة (its plural is in ات, never ambiguous)
    singular = base[:-2]
    if (
        len(singular) < 3
        or singular.endswith(("ا", "و"))
        or _with_article(singular) < max(_MIN_SINGULAR, total)
    ):
        return False  # لبنان is not two لبن, أولاين not two أولا: the singular must be the commoner form
    return (
        _with_article(singular + "ون") < 5  # مدنيين, with مدنيون beside it, is a plural
        and _with_article(singular + "ان") >= 5  # a nominative dual is attested (شخصان، جنديان)
        and _with_article(singular + "ين") >= _with_article(singular + "ان")  # طالبان is a name
        and _with_article(singular + "ة") <= _with_article(singular)  # not an adjective (آمنين، مؤكدين)
    )


def _with_article(word: str) -> int:
    return written_count(word) + written_count("ال" + word)


def _qualified(text: str, norm: NormalizedText, numeral: _Numeral) -> Quantity:
    ntext = norm.text
    begin = numeral.start
    value: float | None = numeral.value
    qualifier: Qualifier = "vague" if numeral.vague else "exact"
    low: float | None = value
    high: float | None = None if numeral.vague else value
    approx = _APPROX_RE.search(ntext, max(0, begin - 24), begin)
    if approx is not None:
        qualifier = _qualifier_of(approx)
        begin = approx.start("phrase")
        if qualifier in ("at_least", "more_than"):
            high = None
        elif qualifier in ("at_most", "less_than"):
            value, low = None, None
    elif not numeral.vague and _AT_LEAST_AFTER_RE.match(ntext, numeral.end):
        qualifier, high = "at_least", None
    start, end = norm.to_original(begin, numeral.end)
    return Quantity(value, low, high, qualifier, text[start:end], start, end)


def _qualifier_of(approx: re.Match[str]) -> Qualifier:
    return next(q for k, (_, q) in enumerate(_APPROXIMATORS) if approx.group(f"q{k}"))


def _is_range(ntext: str, first: _Numeral, second: _Numeral) -> bool:
    between = ntext[first.end : second.start]
    if not _RANGE_JOIN_RE.match(between):
        return False
    if between.strip() in ("-", "–"):
        return first.digits and second.digits and first.value < second.value
    if between.strip() == "و":
        return _range_lead(ntext, first.start) is not None and first.value < second.value
    return first.value < second.value and _range_lead(ntext, first.start) is not None


def _range_lead(ntext: str, start: int) -> int | None:
    match = re.search(r"(?:^|\s)([وف]?(?:بين|من|ما بين))\s+$", ntext[max(0, start - 12) : start])
    if match is None:
        return None
    return max(0, start - 12) + match.start(1)


def _numerals(ntext: str) -> list[_Numeral]:
    """Numerals of the normalized text: runs of digits and number words read as one value."""
    out: list[_Numeral] = []
    current: _Numeral | None = None
    number_words = _number_words()
    thousands: _Numeral | None = None  # 162 ألفا و989: a numeral in thousands waiting for و + digits
    for match in _WORD_RE.finditer(ntext):
        word = match.group()
        if current is None and word not in number_words and not word[0].isdigit():
            continue  # the common case: a word that is no number, with no numeral before it to extend
        adjacent = current is not None and ntext[current.end : match.start()].strip() == ""
        if word == "و" and adjacent and current is not None and current.last >= 1000:
            thousands = current
            continue
        if word[0].isdigit():
            number = _digits_value(word)
            if thousands is not None and number is not None and number < thousands.last:
                thousands.value += number
                thousands.tail = thousands.last = number
                thousands.end = match.end()
                current, thousands = thousands, None
                continue
            thousands = None
            current = (
                None if number is None else _Numeral(match.start(), match.end(), number, False, True, number)
            )
            if current is not None:
                out.append(current)
            continue
        if adjacent and current is not None and _extend(current, word, match.end()):
            continue
        parsed = _word_value(word)
        if (
            parsed is None
            or (parsed[3] and not _TEEN_AHEAD.match(ntext, match.end()))
            or _is_ordinal(ntext, match.start(), word[parsed[2] :])
        ):
            current = None
            continue
        value, vague, prefix, _ = parsed
        current = _Numeral(match.start() + prefix, match.end(), value, vague, False, value)
        out.append(current)
    return out


_TEEN_AHEAD = re.compile(r"\s+عشر")
_DEFINITE_BEFORE = re.compile(r"(?:^|\s)ال[\u0621-\u064a]+\s+$")


def _is_ordinal(ntext: str, start: int, word: str) -> bool:
    """اليوم الثمانين، الثانية والثلاثين: a definite tens after a definite noun is an ordinal, not a count."""
    return (
        word.startswith("ال")
        and word[2:] in _TENS
        and _DEFINITE_BEFORE.search(ntext, max(0, start - 20), start) is not None
    )


@lru_cache(maxsize=1)
def _number_words() -> frozenset[str]:
    """Every word ``_word_value`` reads as a number: the table forms with their proclitics and article."""
    forms = {*_VAGUE, *_ELEVEN, *_UNITS, *_TENS, *_HUNDREDS, *_DUAL_MULTIPLIERS, *_MULTIPLIERS}
    candidates = {prefix + article + form for prefix in _PREFIXES for article in ("", "ال") for form in forms}
    return frozenset(word for word in candidates if _word_value(word) is not None)


def _extend(current: _Numeral, word: str, end: int) -> bool:
    """Grow ``current`` by ``word`` when it continues the same numeral (ثلاثة عشر، خمسة وعشرون، 3 آلاف)."""
    # After a number, ألفاً/مليوناً (accusative) multiply too: تسعة وعشرين ألفاً.
    multiplier = (
        _MULTIPLIERS.get(word)
        or (_MULTIPLIERS.get(word[:-1]) if word.endswith("ا") else None)
        or (_MULTIPLIERS.get(word[2:]) if word.startswith("ال") else None)
    )
    if word in ("عشر", "عشره") and not current.digits and current.last < 10:
        current.value += 10
        current.last = 10
    elif multiplier is not None and current.last < multiplier:
        if current.tail:
            current.value += current.tail * (multiplier - 1)  # مليون و200 ألف: 1,200,000
            current.tail = 0.0
        else:
            current.value *= multiplier  # 3 آلاف، 1.5 مليون، عشرات الآلاف (still vague)
        current.last = multiplier
    elif word.startswith("و") and not current.digits and not current.vague:
        rest = word[1:]
        value = _UNITS.get(rest) or _TENS.get(rest) or _HUNDREDS.get(rest)
        # Arabic order: units before tens (خمسة وعشرون), larger before smaller (مئة وخمسون).
        if value is None or not ((current.last < 10 and 20 <= value < 100) or value < current.last):
            return False
        if current.tail or current.last >= 1000:
            current.tail += value
        current.value += value
        current.last = value
    else:
        return False
    current.end = end
    return True


_PREFIXES = ("", "و", "ب", "ل", "ف", "وب", "ول")
_NOT_DEFINITE = frozenset({"اثنين", "اثنان", "واحد", "احد", "احدي"})  # الاثنين is Monday, الأحد Sunday


@lru_cache(maxsize=200_000)
def _word_value(word: str) -> tuple[float, bool, int, bool] | None:
    """(value, vague, length of a proclitic to skip, needs a following عشر) of one number word, or None."""
    for prefix in _PREFIXES:
        if not word.startswith(prefix):
            continue
        rest = word[len(prefix) :]
        if prefix and len(rest) < 4 and not (prefix == "و" and rest != "ست"):
            continue  # لست is "I am not", not ل + ست
        found = _lookup(rest)
        if found is None and rest.startswith("ال") and rest[2:] not in _NOT_DEFINITE:
            found = _lookup(rest[2:])
        if found is not None:
            return found[0], found[1], len(prefix), found[2]
    return None


def _lookup(word: str) -> tuple[float, bool, bool] | None:
    if word in _VAGUE:
        return float(_VAGUE[word]), True, False
    if word in _ELEVEN:
        return 1.0, False, True
    for table in (_UNITS, _TENS, _HUNDREDS, _DUAL_MULTIPLIERS, _MULTIPLIERS):
        if word in table:
            return float(table[word]), word in ("ملايين", "مليارات"), False
    return None


def _digits_value(word: str) -> float | None:
    """10,000 and (as Arabic news writes thousands) 8.200 are 10000 and 8200; 3.5 and 1.25 are decimals."""
    head, *groups = re.split(r"[.,]", word)
    if groups and all(len(g) == 3 for g in groups) and 1 <= len(head) <= 3:
        return float(head + "".join(groups))
    if "," in word:
        return None
    try:
        return float(word)
    except ValueError:
        return None


_SOME_RE = re.compile(r"(?:^|(?<=\s))[وب]?(?P<some>عددا? من)(?=\s)")  # عدد من، عدداً من


def evaluate(gold: Path) -> EvalReport:
    """Quantities found in gold sentences (read from ``../shared`` by key and offsets) against those read by hand.

    A quantity counts as found when its text matches; ``value_accuracy`` is the share of found ones whose
    value and qualifier match too; ``f1``/``precision``/``recall`` need text, value and qualifier all right.
    """
    spans = PRF(0, 0, 0)
    exact = PRF(0, 0, 0)
    missing = 0
    notes: list[str] = []
    n = 0
    for line in gold.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        key, start, end, expected_text = [*line.split("\t"), ""][:4]
        article = find_article(key)
        if article is None:
            missing += 1
            continue
        sentence = article.text[int(start) : int(end)]
        expected = [_parse_gold(item) for item in expected_text.split(" | ") if item.strip()]
        found = [(q.text, q.value, q.qualifier) for q in find_quantities(sentence, duals=True)]
        spans = _add(spans, [e[0] for e in expected], [f[0] for f in found])
        exact = _add(exact, expected, found)
        n += 1
        if sorted(expected, key=str) != sorted(found, key=str):
            notes.append(f"{key}@{start}: found {found}, gold {expected}")
    matched = spans.tp
    return EvalReport(
        task="quantities",
        gold=str(gold),
        n=n,
        metrics={
            **exact.as_dict(),
            "span_f1": spans.f1,
            "value_accuracy": exact.tp / matched if matched else 0.0,
        },
        notes=[f"{missing} sentences not found in ../shared"] * bool(missing) + notes,
    )


def _parse_gold(item: str) -> tuple[str, float | None, str]:
    text, _, rest = item.strip().rpartition("=")
    value, _, qualifier = rest.partition(":")
    return text, (None if value == "None" else float(value)), qualifier


def _add(prf: PRF, expected: list[Any], found: list[Any]) -> PRF:
    remaining = list(found)
    tp = 0
    for item in expected:
        if item in remaining:
            remaining.remove(item)
            tp += 1
    return PRF(prf.tp + tp, prf.fp + len(remaining), prf.fn + len(expected) - tp)
