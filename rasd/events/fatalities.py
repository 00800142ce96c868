"""Fatalities of an event: the number killed, by ACLED's conservative rule, with the words that give it.

A death word (``قتل``, ``مقتل``, ``استشهد``, ``شهداء``, ``لقوا مصرعهم``) is read with the number next to it
(``مقتل 52 شخصاً``, ``4 شهداء``, ``استشهد 3 مواطنين``, ``عشرات الشهداء``, ``مقتل وإصابة العشرات``), which
``rasd.arabic.numbers`` makes conservative (``أكثر من 40`` → 40, ``عشرات`` → 10); without a number, a dual
(``شهيدين``, ``مدنيان``) counts 2, a singular (``استشهاد شاب``, ``مقتل جندي``) 1, a bare plural 0. Running
tolls (``ارتفاع حصيلة…``, ``منذ بدء العدوان``) are not a count of one event.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rasd.arabic.normalize import normalize_text
from rasd.arabic.numbers import Quantity
from rasd.events.detect import Mention
from rasd.events.layers import TextLayers

# A nominative dual (مدنيان، جنديان); the -ين ending is left out: it is also the plural's (مصابين، مدنيين).
_DUAL_RE = re.compile(r"^(?:ال)?[\u0621-\u064a]{3,}ان$")
_SINGULAR = frozenset(
    [
        "شاب",
        "شابا",
        "جندي",
        "جنديا",
        "ضابط",
        "ضابطا",
        "مواطن",
        "مواطنا",
        "مدني",
        "مدنيا",
        "شخص",
        "شخصا",
        "طفل",
        "طفلا",
        "رجل",
        "رجلا",
        "امراه",
        "سيده",
        "فتي",
        "فتاه",
        "عنصر",
        "عنصرا",
        "مقاتل",
        "مقاتلا",
        "مستوطن",
        "مستوطنا",
        "صحافي",
        "صحفي",
        "مسعف",
        "ناشط",
        "اسير",
        "معتقل",
        "فلسطيني",
        "فلسطينيا",
        "لبناني",
        "سوري",
        "عراقي",
        "يمني",
        "اسرائيلي",
        "شرطي",
        "مجند",
        "قيادي",
        "قائد",
        # ranks and kin: مقتل رقيب أول، استشهاد والدهم
        "رقيب",
        "عريف",
        "ملازم",
        "نقيب",
        "رائد",
        "عقيد",
        "عميد",
        "والد",
        "والده",
        "ابن",
        "ابنه",
        "شقيق",
        "شقيقه",
        "زوج",
        "زوجه",
        "اب",
        "ام",
    ]
)
# Person nouns whose plural is broken (عنصر/عناصر، جندي/جنود): their form in -ين can only be the dual.
_BROKEN_PLURAL_SINGULARS = frozenset(
    {"شاب", "جندي", "ضابط", "شخص", "طفل", "رجل", "عنصر", "قايد", "رقيب", "عريف", "نقيب", "رايد", "عقيد"}
    | {"عميد", "اسير", "ابن", "شقيق", "حارس", "طالب"}
)
_KIN = frozenset({"والد", "والدت", "ابن", "ابنت", "شقيق", "شقيقت", "زوج", "زوجت", "اب", "ام"})
_PRONOUN_SUFFIX = re.compile(r"(?:هما|هم|هن|ها|ه|ي|نا)$")
_DUAL_WORDS = frozenset(["شهيدين", "شهيدان", "قتيلين", "قتيلان", "اثنين", "اثنان", "اثنتين"])
_PLURAL_HINT = re.compile(r"^(?:ال)?(?:[\u0621-\u064a]{2,}(?:ين|ون|ات)|شهداء|قتلي|اشخاص|مدنيين|عناصر)$")
# The wounded coordinated with the dead over one number (مقتل وإصابة العشرات), not a verb with its own count
# (لقيا حتفهما وأصيب 14).
_COORDINATED_INJURY = re.compile(r"^[وف](?:اصابه|اصابات|جرح)$")
_AGGREGATE_RE = re.compile(
    r"حصيل(?!\S* (?:\S+ ){0,2}(?:ال)?(?:تفجير|هجوم|انفجار|غاره|قصف|مجزره|حادث|زلزال))|ارتفع عدد|يرتفع|ارتفاع عدد|الاجمالي|اجمالي|منذ بد|منذ اندلاع|منذ السابع|منذ 7|العدد الاجمالي"
)
_RETALIATION_RE = re.compile(r"(?:ردا|رده|انتقاما|ثارا) (?:علي|ل)")
_RUNNING_TOLL_RE = re.compile(
    r"(?:يرتفع|ارتفع|ليرتفع|ارتفاع) (?:بذلك )?(?:عدد|حصيله)|منذ (?:بد|اندلاع|السابع|7 )"
)
# A toll over weeks, months or years (خلال المعارك على مدار الأسابيع الماضية، إذ قتل العشرات): many happenings.
_PERIOD_TOLL_RE = re.compile(
    r"(?:خلال|مدار|مدي|طوال|طيله) (?:ال)?(?:ايام|اسابيع|اشهر|شهور|اعوام|سنوات|سنين)(?![\u0621-\u064a])"
)
_INJURED_NEXT = re.compile(r"^\s*(?:[\u0621-\u064a]+ )?(?:مصاب|جريح|جرحي|اصاب)")
_LARGEST_ONE_EVENT = 1000
_FEW_RE = re.compile(r"^(?:عدد|بضع|بعض)")
_CASUALTIES_RE = re.compile(r"بين (?:قتيل|شهيد) و(?:جريح|مصاب)")
_WORD = re.compile(r"[\u0621-\u064a0-9]+")


@dataclass(frozen=True, slots=True)
class Fatalities:
    count: int
    text: str | None


def count_fatalities(
    mention: Mention, layers: TextLayers, quantities: list[Quantity] | None = None
) -> Fatalities:
    """The conservative number killed in the mention's clause (0 when no death is reported)."""
    if not mention.deaths:
        return Fatalities(0, None)
    best: Fatalities | None = None
    singles: list[Fatalities] = []
    quantities = quantities if quantities is not None else layers.quantities()
    for d_start, d_end in mention.deaths:
        scope_start = (
            mention.clause[0] if mention.clause[0] <= d_start < mention.clause[1] else mention.sentence[0]
        )
        scope_end = (
            mention.clause[1] if mention.clause[0] <= d_start < mention.clause[1] else mention.sentence[1]
        )
        before = layers.normalized_slice(max(scope_start, d_start - 40), d_start)
        if mention.end <= d_start and _RETALIATION_RE.search(layers.normalized_slice(mention.end, d_start)):
            continue  # "ضربات ردّاً على هجوم أسفر عن مقتل العشرات": the dead of the other attack
        if _AGGREGATE_RE.search(before[-30:]) or _AGGREGATE_RE.search(_after(layers, d_end, scope_end)[:25]):
            continue
        if _RUNNING_TOLL_RE.search(layers.normalized_slice(mention.sentence[0], d_start)):
            continue  # "يرتفع عدد القتلى إلى 577 منذ السابع من أكتوبر، بينهم 239 قتيلاً": a running toll
        if _PERIOD_TOLL_RE.search(layers.normalized_slice(scope_start, d_start)):
            continue
        found = _count_near(layers, quantities, d_start, d_end, scope_start, scope_end)
        if found is not None and found.count == 1 and found.text not in {f.text for f in singles}:
            singles.append(found)
        if found is not None and found.count > _LARGEST_ONE_EVENT:
            continue  # "more than 10,000 killed": the toll of a war, not of one attack
        if found is not None and (best is None or found.count > best.count):
            best = found
    # Separate deaths told one by one (تحييد الأول… بينما توفي الثاني) add up; one toll told twice does not.
    if len(singles) > 1 and (best is None or best.count <= 1):
        return Fatalities(len(singles), "، ".join(f.text or "" for f in singles))
    return best or Fatalities(0, None)


def _after(layers: TextLayers, start: int, end: int) -> str:
    return layers.normalized_slice(start, min(end, start + 60))


def _count_near(
    layers: TextLayers, quantities: list[Quantity], d_start: int, d_end: int, scope_start: int, scope_end: int
) -> Fatalities | None:
    text = layers.text
    # A number written right after the death word: مقتل 52، استشهد 3 مواطنين، مقتل وإصابة العشرات.
    dates = [(t.start, t.end) for t in layers.timexes]
    quantities = [q for q in quantities if not any(s <= q.start < e for s, e in dates)]  # 10 نيسان is a date
    for q in quantities:
        if q.value is None or not (d_end <= q.start < scope_end):
            continue
        between = _without(text, d_end, q.start, dates)
        words = [normalize_text(w) for w in _WORD.findall(between)]
        words = [w for w in words if w not in ("في", "خلال")]
        if re.fullmatch(r"\s*و\s*", between) or _injured(layers, q.end):
            break  # "54 شهيداً و104 مصابين": the next number counts the wounded
        if words and _COORDINATED_INJURY.match(words[0]) and _FEW_RE.match(normalize_text(q.text)):
            break  # مقتل وإصابة عدد من الجنود: the dead and the wounded together, a few: no number of dead
        if len(between) <= 3 or (
            len(words) <= 1
            and (not words or _COORDINATED_INJURY.match(words[0]) or words[0] in ("نحو", "قرابه", "حوالي"))
        ):
            count, end = _with_coordinated(layers, quantities, int(q.value), q.end, scope_end)
            return Fatalities(count, text[d_start:end])
        break
    # A number written right before it: 4 شهداء، عشرات الشهداء، 11 إرهابيا لقوا مصرعهم.
    for q in reversed(quantities):
        if q.value is None or not (scope_start <= q.end <= d_start):
            continue
        between = text[q.end : d_start]
        words = _WORD.findall(between)
        if len(words) <= 2 and "،" not in between and "," not in between:
            return Fatalities(int(q.value), text[q.start : d_end])
        break
    # What follows the death word, dates skipped (قتلت أمس (الجمعة) قيادياً), and its first word.
    after = _without(text, d_end, scope_end, dates)
    word = _first_word(after)
    folded = normalize_text(word or "")
    if (
        folded in _DUAL_WORDS
        or (_DUAL_RE.match(folded) and folded not in ("الان", "ان", "انسان"))
        or _accusative_dual(word)
    ):
        return Fatalities(2, f"{text[d_start:d_end]} {word}" if word else text[d_start:d_end])
    own = text[d_start:d_end]
    own_norm = normalize_text(own)
    if own_norm.endswith(("شهيدين", "شهيدان", "قتيلين", "قتيلان")):
        return Fatalities(2, own)
    if word and _singular(normalize_text(word)):
        if re.match(
            r"\s*و(?:زوجت|ابن|طفل|شقيق|امرا|زوج)", after[len(after) - len(after.lstrip()) + len(word) :]
        ):
            return Fatalities(2, text[d_start:d_end] + " " + word)  # استشهاد رجل وزوجته
        return Fatalities(1, text[d_start:d_end] + " " + word)
    if own_norm.startswith(("توفي ", "لقي ", "توفيت ")):
        return Fatalities(1, own)  # a verb in the singular: one person died
    if _CASUALTIES_RE.search(
        layers.normalized_slice(max(scope_start, d_start - 8), min(scope_end, d_end + 12))
    ):
        return None  # بين قتيل وجريح: casualties of both kinds, no number of dead
    if own_norm.lstrip("وبل") in ("شهيد", "قتيل", "الشهيد") and not _PLURAL_HINT.match(
        normalize_text(word or "")
    ):
        return Fatalities(1, own)
    return None


def _accusative_dual(word: str | None) -> bool:
    """Whether a word in -ين is a dual (مقتل عنصرين، جنديين، امرأتين) rather than a plural (مدنيين، مستوطنين):
    the singular of a person noun whose plural is broken (عناصر، جنود), or a feminine in -تين."""
    if not word:
        return False
    base = normalize_text(word).removeprefix("ال")
    if base.endswith("تين") and (base[:-3] + "ه" in _SINGULAR or base[:-3] in _BROKEN_PLURAL_SINGULARS):
        return True
    return base.endswith("ين") and base[:-2] in _BROKEN_PLURAL_SINGULARS


def _singular(word: str) -> bool:
    """Whether a word names one person (شاب، جندي، رقيب، والدهن: a kin noun with its pronoun)."""
    forms = {word, word[1:]} if word.startswith("و") else {word}  # وجندي: a conjunction; والد: the word
    for form in forms:
        form = form.removeprefix("ال")
        stem = _PRONOUN_SUFFIX.sub("", form)
        accusative = form[:-1] if form.endswith("ا") else form  # قيادياً، مسعفاً
        if form in _SINGULAR or accusative in _SINGULAR or (stem != form and stem in _KIN):
            return True
    return False


def _injured(layers: TextLayers, end: int) -> bool:
    """Whether the words after a number say it counts the wounded (104 مصابين)."""
    return bool(_INJURED_NEXT.match(layers.normalized_slice(end, min(end + 25, len(layers.text)))))


def _with_coordinated(
    layers: TextLayers, quantities: list[Quantity], count: int, end: int, scope_end: int
) -> tuple[int, int]:
    """A count with the counts coordinated after it (مقتل 34 متطوعاً و6 جنود → 40), and where they end."""
    while True:
        gap = layers.text[end:scope_end]
        link = re.match(r"\s*[\u0621-\u064a\u064b-\u0652]+\s+و\s*", gap)
        if link is None:
            return count, end
        following = next((q for q in quantities if q.start == end + link.end() and q.value is not None), None)
        if following is None or _injured(layers, following.end):
            return count, end
        count += int(following.value or 0)
        end = following.end


def _without(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> str:
    """``text[start:end]`` with the given spans (dates) cut out."""
    pieces, pos = [], start
    for span_start, span_end in sorted(spans):
        if span_end <= pos or span_start >= end:
            continue
        pieces.append(text[pos:span_start])
        pos = span_end
    pieces.append(text[pos:end])
    return "".join(pieces)


def _first_word(text: str) -> str | None:
    match = _WORD.search(text[:30])
    if match is None or text[: match.start()].strip(" \u060c,()") != "":
        return None
    return match.group()
