"""Detection of Arabic temporal expressions: where they are and what parts they are made of.

Detection works on a *matching form* of the text: folded (``lexicon.fold``, one character for one) and
without diacritics or tatweel, whose few removed positions are kept to map offsets back to the original.
An Aho-Corasick automaton of trigger words (month and weekday names, units, deictics) and a regex of
four-digit years find the places worth looking at, at C speed; the grammar (one compiled regex with a named
branch per form, its word lists compiled as tries) is then tried only at the trigger and at the starts of the
few words right before it that may belong to the same expression. Look-alikes are turned down by
``_is_name_or_number``. Resolution to calendar values lives in ``resolve.py``.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field

import ahocorasick

from rasd.time.lexicon import (
    AMBIGUOUS_MONTHS,
    CARDINALS,
    DECADES,
    GREGORIAN_MONTHS,
    HIJRI_MONTHS,
    ORDINAL_DAYS,
    PART_WORDS,
    TENSE_WORDS,
    TIMES_OF_DAY,
    UNITS,
    WEEKDAYS,
    fold,
)

# Diacritics, the superscript alef and tatweel: removed from the matching form.
_MARKS = re.compile("[\u064b-\u0652\u0670\u0640]")
_END = r"(?!\w)"
# Month names may touch a year (كانون الثاني/يناير2017): only a letter may not follow.
_MEND = r"(?![^\W\d_])"
# A word starts after a non-letter, or after a one- or two-letter proclitic (و ف ب ل ك).
_START = r"(?:(?<!\w)|(?<=(?<!\w)[وفبلك])|(?<=(?<!\w)[وف][بلك]))"


_Trie = dict[str, "_Trie"]


def _trie_pattern(node: _Trie) -> str:
    branches = [
        (r"\s+" if char == " " else re.escape(char)) + _trie_pattern(child)
        for char, child in sorted(node.items())
        if char
    ]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if "" in node:
        return f"(?:{body})?"
    return body


def _alternation(words: Iterable[str]) -> str:
    """The words as one regex shaped like a trie (shared prefixes once): the engine tries one branch per letter.

    A space inside a word matches any run of spaces.
    """
    root: _Trie = {}
    for word in words:
        node = root
        for char in fold(word):
            node = node.setdefault(char, {})
        node[""] = {}
    return "(?:" + _trie_pattern(root) + ")"


_MONTH = _alternation(GREGORIAN_MONTHS)
_HMONTH = _alternation(HIJRI_MONTHS)
_WEEKDAY = _alternation(WEEKDAYS)
_ORDINAL = _alternation(ORDINAL_DAYS)
_CARDINAL = _alternation(CARDINALS)
_UNIT = _alternation(UNITS)
_TENSE = _alternation(TENSE_WORDS)
_PART = _alternation(PART_WORDS)
_TOD = _alternation(TIMES_OF_DAY)
_YEAR = r"(?:1[89]|20)\d\d(?!\d)"
# A day of the month: 7, الـ7, السابع, الحادي والعشرين.
_DAY = rf"(?:(?:ال\s*)?[0-3]?\d(?!\d)|{_ORDINAL})"
_MONTHS = rf"(?:{_MONTH}){_MEND}(?:\s*\(\s*(?:{_MONTH}){_MEND}\s*\)|\s*[/\-–]\s*(?:{_MONTH}){_MEND})?"
_APPROX = r"(?:نحو|حوالي|قرابه|زهاء)"
_DURATION_INTRO = (
    "(?:" + _alternation(["لمده", "مده", "علي مدي", "علي مدار", "طوال", "طيله", "خلال", "لفتره"]) + ")"
)

_FORMS = {
    # 7 من تشرين الثاني 2025 / الجمعة، 7 نوفمبر 2025 / مارس (آذار) الماضي / مطلع فبراير / شهر حزيران/يونيو
    "date": (
        rf"(?:(?P<d_part>{_PART}){_END}\s+)?"
        rf"(?:(?:(?P<d_tod>{_TOD})\s+)?(?:يوم\s+)?(?P<d_wd>{_WEEKDAY}){_END}"
        rf"(?:\s+(?P<d_wtense>{_TENSE}){_END})?\s*,?\s*)?"
        rf"(?:(?:يوم\s+)?(?P<d_day>{_DAY}){_END}\s*(?:من\s+)?)?"
        rf"(?P<d_shahr>شهر\s+)?(?P<d_m>{_MONTH}){_MEND}"
        rf"(?:\s*\(\s*(?P<d_m2>{_MONTH}){_MEND}\s*\)|\s*[/\-–]\s*(?P<d_m3>{_MONTH}){_MEND})?"
        rf"(?:(?:\s*,?\s*|\s+من\s+)(?:(?:عام|العام|سنه|لعام)\s+)?(?P<d_year>{_YEAR})(?:\s*م(?!\w))?"
        rf"|\s+(?P<d_tense>{_TENSE}){_END}(?:\s*,?\s*(?P<d_year2>{_YEAR}))?"
        rf"|\s+من\s+(?:(?:العام|السنه)\s+(?P<d_ytense>{_TENSE})|(?P<d_ythis>هذا\s+العام|هذه\s+السنه)){_END}"
        # بين شهري كانون الثاني/يناير وتموز/يوليو من عام 2020: the year of the second month.
        rf"|(?=\s+و\s*(?:شهر\s+)?{_MONTHS}\s*(?:,\s*|\s+من\s+)?(?:(?:عام|العام)\s+)?(?P<d_ynext>{_YEAR})))?"
    ),
    # السابع من الشهر الجاري
    "monthday": rf"(?P<m_day>{_DAY}){_END}\s+من\s+(?:هذا\s+)?الشهر{_END}(?:\s+(?P<m_tense>{_TENSE}){_END})?",
    # 23 (و24 آذار) / 16 (إلى 25 نيسان): the first day of a pair borrows the month of the second.
    "dayfirst": (
        rf"(?P<q_day>{_DAY}){_END}(?=\s*(?:و|الى|حتى|-|–)\s*(?:{_DAY}){_END}\s*(?:من\s+)?(?:شهر\s+)?"
        rf"(?P<q_m>{_MONTH}){_END})"
    ),
    # ١٥ رمضان ١٤٤٥ هـ / شهر رمضان المبارك / بداية شهر صفر من العام الحالي
    "hijri": (
        rf"(?:(?P<h_part>{_PART}){_END}\s+)?"
        rf"(?:(?P<h_day>{_DAY}){_END}\s*(?:من\s+)?)?(?P<h_shahr>شهر\s+)?(?P<h_m>{_HMONTH}){_END}"
        rf"(?:\s+(?P<h_blessed>المبارك|الكريم|الفضيل){_END})?(?:\s+(?P<h_tense>{_TENSE}){_END})?"
        rf"(?:\s+(?:(?:عام|سنه)\s+)?(?P<h_year>1[34]\d\d)(?!\d)"
        rf"|\s+من\s+(?:العام|السنه)\s+(?P<h_ythis>الحالي|الجاري|الهجري\s+الحالي){_END})?"
        rf"(?:\s*(?P<h_mark>ه|هجري|للهجره)(?!\w))?"
    ),
    # 1433هـ / عام 1445 هـ: a Hijri year
    "hijri_year": r"(?:(?:عام|سنه|العام)\s+)?(?P<k_year>1[34]\d\d)\s*(?:ه|هجري|للهجره)(?!\w)",
    # 10/11/2025, الثلاثاء 9/5/2023, 2025-11-10
    "numeric": (
        rf"(?:(?:(?P<n_tod>{_TOD})\s+)?(?:يوم\s+)?(?P<n_wd>{_WEEKDAY}){_END}\s*,?\s*|يوم\s+)?"
        r"(?:(?P<n_hd>[0-3]?\d)\s*/\s*(?P<n_hm>[01]?\d)\s*/\s*(?P<n_hy>1[34]\d\d)\s*ه(?!\w)"
        r"|(?P<n_d>[0-3]?\d)(?P<n_sep>\s?[/.\-]\s?)(?P<n_m>[01]?\d)(?P=n_sep)(?P<n_y>(?:19|20)\d\d)(?!\d)"
        r"|(?P<n_y2>(?:19|20)\d\d)-(?P<n_m2>[01]?\d)-(?P<n_d2>[0-3]?\d)(?!\d))"
        rf"(?:\s+(?P<n_tense>{_TENSE}){_END})?"
    ),
    # مساء أمس / أول أمس / اليوم الخميس / الليلة الماضية / يوم أمس
    "deictic": (
        rf"(?:(?P<x_tod>{_TOD})\s+)?(?:يوم\s+(?=امس|الامس))?"
        rf"(?P<x_word>اول\s+من\s+امس|اول\s+امس|امس\s+الاول|بعد\s+غد|امس|الامس|البارحه|اليوم|الليله|غدا)"
        rf"{_END}(?:\s+(?P<x_tense>الماضيه|الفايته|المقبله|القادمه){_END})?"
        rf"(?:\s*,?\s*(?P<x_paren>\(\s*)?(?P<x_wd>{_WEEKDAY}){_END}(?(x_paren)\s*\)))?"
    ),
    # صباح الاثنين / يوم الجمعة الماضي / الخميس المقبل
    "weekday": (
        rf"(?:(?P<w_tod>{_TOD})\s+)?(?:(?P<w_yawm>يوم)\s+)?(?P<w_wd>{_WEEKDAY}){_END}"
        rf"(?:\s+(?P<w_tense>{_TENSE}){_END})?"
    ),
    # الأسبوع الماضي / الشهر المقبل / مطلع العام الجاري / هذا العام
    "relative": (
        rf"(?:(?P<r_part>{_PART}){_END}\s+)?"
        rf"(?:(?P<r_unit>الاسبوع|الشهر|العام|السنه){_END}\s+(?P<r_tense>{_TENSE}){_END}"
        rf"(?:\s*,?\s*(?P<r_year>{_YEAR}))?"
        rf"|(?P<r_this>هذا\s+(?:الاسبوع|الشهر|العام)|هذه\s+السنه){_END}"
        rf"|(?P<r_bare>الاسبوع|الشهر|العام|السنه){_END}(?!\s*(?:{_TENSE}|\d)))"
    ),
    # عام 2019 / في 2015 / منتصف 2024 / في2016
    "year": (
        rf"(?:(?P<y_part>{_PART}){_END}\s+)?(?:(?P<y_mark>عام|العام|للعام|سنه|السنه|عامي|العامين)\s+)?"
        rf"(?P<y_year>{_YEAR})(?:\s*م(?!\w))?"
    ),
    # التسعينيات / ثمانينيات القرن الماضي
    "decade": (
        rf"(?:(?P<c_part>{_PART}){_END}\s+)?(?P<c_dec>(?:ال)?(?:عشرين|ثلاثين|اربعين|خمسين|ستين|سبعين|ثمانين|تسعين)(?:ي)?ات)"
        rf"(?:\s+(?:من\s+)?القرن\s+(?:الماضي|العشرين))?{_END}"
    ),
    # قبل يومين / منذ أسبوع / قبل نحو أسبوعين / لمدة 180 يوماً / على مدى 11 شهراً
    "span": (
        rf"(?P<a_dir>قبل|منذ|بعد|{_DURATION_INTRO})\s+(?:(?P<a_approx>{_APPROX})\s+)?"
        rf"(?:(?P<a_num>\d+|{_CARDINAL}){_END}\s+)?(?P<a_unit>{_UNIT}){_END}(?:\s+(?P<a_one>واحد|واحده){_END})?"
    ),
    # على مدى اليومين الماضيين / الساعات الـ24 الأخيرة
    "period": (
        rf"(?:(?P<p_intro>{_DURATION_INTRO})\s+)?(?P<p_unit>ال(?:يومين|اسبوعين|شهرين|عامين|سنتين|ساعتين|عقد|ايام|اسابيع|اشهر|شهور|اعوام|سنوات|ساعات)){_END}"
        rf"(?:\s+(?:ال\s*)?(?P<p_num>\d+|{_CARDINAL}){_END})?"
        rf"(?:\s+(?P<p_tense>الماضي|الماضيه|الماضيين|الاخير|الاخيره|الاخيرين|المقبله|المقبلين|القادمه|القادمين){_END})?"
    ),
    # 180 يوماً / ستة أشهر / شهرين / أسبوع واحد (a length of time without an introducer)
    "duration": (
        rf"(?:(?P<b_num>\d+|{_CARDINAL}){_END}\s+(?P<b_unit>{_UNIT})"
        rf"|(?P<b_dual>يومين|اسبوعين|شهرين|عامين|سنتين|ساعتين|عقدين)"
        rf"|(?P<b_single>يوم|اسبوع|شهر|عام|سنه|ساعه)\s+(?P<b_one>واحد|واحده)){_END}"
    ),
}

# A year glued to في (في2016) is common enough in scraped text to deserve its own start.
_GRAMMAR = re.compile(
    fold(
        rf"(?:{_START}|(?<=(?<!\w)في)(?=\d))"
        + "(?:"
        + "|".join(f"(?P<{form}>{pattern})" for form, pattern in _FORMS.items())
        + ")"
    )
)

# Cheap first pass: whole words (after up to two proclitics) that every expression contains one of.
_TRIGGER_WORDS = (
    {*GREGORIAN_MONTHS, *HIJRI_MONTHS, *WEEKDAYS, *UNITS, *(f"ال{unit}" for unit in UNITS)}
    | {"امس", "الامس", "اليوم", "الليله", "غدا", "غد", "البارحه", "الاسبوع", "الشهر", "العام", "السنه"}
    | {
        f"{article}{stem}{suffix}"
        for article in ("", "ال")
        for stem in (w[2:] for w in DECADES)
        for suffix in ("يات", "ات")
    }
)
_TRIGGER_AUTOMATON = ahocorasick.Automaton()
for _trigger in {w.split()[0] for w in _TRIGGER_WORDS}:
    _TRIGGER_AUTOMATON.add_word(_trigger, len(_trigger))
_TRIGGER_AUTOMATON.make_automaton()
# No look-behind in front: the engine then skips to the next 1 or 2 at C speed; the digit before is checked after.
_YEAR_DIGITS = re.compile(r"(?:1[3489]|20)\d\d(?!\d)")
_CLITICS = frozenset({"", "و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل", "فك"})


def trigger_starts(folded: str) -> list[int]:
    """Where trigger words (whole words, after at most two proclitics) and four-digit years begin, in order.

    An Aho-Corasick automaton scans the text at C speed; only its hits are checked in Python.
    """
    starts = [
        m.start() for m in _YEAR_DIGITS.finditer(folded) if not folded[m.start() - 1 : m.start()].isdigit()
    ]
    size = len(folded)
    for last, length in _TRIGGER_AUTOMATON.iter(folded):
        end = last + 1
        if end < size and folded[end].isalpha():
            continue
        start = end - length
        word_start = start
        while word_start > 0 and folded[word_start - 1].isalpha() and start - word_start < 3:
            word_start -= 1
        if folded[word_start:start] in _CLITICS and not (word_start > 0 and folded[word_start - 1].isalpha()):
            starts.append(start)
    starts.sort()
    return starts


_REACH_BEFORE = 48
_CONTEXT = 120

# Words before a weekday or month that make it a name, not a date (صلاة الجمعة, قوى 14 آذار, حرب تموز).
_NAME_HEADS = frozenset(
    {"صلاه", "خطبه", "صلوات", "قوي", "تحالف", "فريق", "حركه", "تيار", "ثوره", "انتفاضه", "حرب", "عدوان"}
    | {"انتصار", "نكسه", "ساحه", "شارع", "جاده", "مستشفي", "تيار", "جمعيه", "مجموعه", "معركه"}
)
_YEAR_PREPS = frozenset(
    {"في", "منذ", "حتي", "بحلول", "قبل", "بعد", "خلال", "من", "الي", "عن", "مطلع", "نهايه", "بدايه", "منتصف"}
    | {"اواخر", "اوايل", "مع", "لغايه", "ابتداء", "اعتبارا", "حرب", "انتخابات", "موازنه", "ميزانيه", "دستور"}
)
_HIJRI_PREPS = frozenset(
    {"في", "خلال", "قبل", "بعد", "حلول", "مطلع", "نهايه", "منتصف", "اواخر", "طوال", "طيله"}
)
_PREVIOUS_WORD = re.compile(r"(\S+)\s*$")
_NEXT_WORD = re.compile(r"\s*(\S*)")
_NUMBER_HEADS = frozenset(
    {
        "رقم",
        "القرار",
        "قرار",
        "الماده",
        "ماده",
        "البند",
        "الرقم",
        "نحو",
        "حوالي",
        "قرابه",
        "عند",
        "اكثر",
        "اقل",
    }
    | {"مستوي", "بلغ", "بلغت", "يبلغ", "تبلغ", "زهاء", "الرقم", "العدد", "عدد"}
)


@dataclass(slots=True)
class Mention:
    """One temporal expression found in a text, before resolution.

    ``form`` names the grammar branch (date, monthday, dayfirst, hijri, hijri_year, numeric, deictic, weekday,
    relative, year, decade, span, period, duration);
    ``parts`` its named pieces in folded form; ``before``/``after`` the folded sentence context, used to
    decide the tense of bare weekdays and year-less dates.
    """

    start: int
    end: int
    form: str
    parts: dict[str, str] = field(default_factory=dict)
    before: str = ""
    after: str = ""


# Words for the walk back from a trigger; punctuation glued between words separates them (للميادين،مطلع).
_TOKEN = re.compile(r"[^\s,.:;!?«»\"]+")
# Words that may come before the trigger word inside one expression (صباح يوم الجمعة 7 من ..., قبل نحو 3 أيام).
_LEAD_WORDS = frozenset(
    fold(word)
    for phrase in (*PART_WORDS, *TIMES_OF_DAY, *WEEKDAYS, *ORDINAL_DAYS, *CARDINALS)
    for word in phrase.split()
) | frozenset(
    {"يوم", "من", "شهر", "ليله", "هذا", "هذه", "علي", "مدي", "مدار", "نحو", "حوالي", "قرابه", "زهاء", "عام"}
    | {
        "العام",
        "للعام",
        "لعام",
        "سنه",
        "السنه",
        "عامي",
        "قبل",
        "منذ",
        "بعد",
        "اول",
        "امس",
        "لمده",
        "مده",
        "طوال",
    }
    | {"طيله", "خلال", "لفتره", "و", "الي", "حتي", "-", "ال"}
)


def _is_lead(token: str) -> bool:
    word = token.strip(",.:;()\"'«»")
    if word[:1] in ("و", "ف", "ب", "ل") and word[1:] in _LEAD_WORDS:
        return True
    return word in _LEAD_WORDS or word.lstrip("وال").isdigit()


def _candidate_starts(folded: str, lo: int, hi: int) -> list[int]:
    """Where an expression holding the trigger at ``hi`` may begin, latest words last: the trigger itself and
    the starts of the lead words right before it, each also after one or two proclitics."""
    tokens = list(_TOKEN.finditer(folded, lo, hi))
    words = []
    if tokens and tokens[-1].end() == hi:
        # The trigger is glued to what precedes it (26/10/2023, في2016): that token may start the expression.
        glued = tokens.pop()
        words.append(glued.start() + len(glued.group()) - len(glued.group().lstrip("(«\"'")))
    for token in reversed(tokens):
        if not _is_lead(token.group()):
            break
        text = token.group()
        words.append(token.start() + len(text) - len(text.lstrip("(«\"'")))
    starts = []
    for at in [*reversed(words), hi]:
        starts.append(at)
        if folded[at] in "وفبلك":
            starts.append(at + 1)
            if folded[at] in "وف" and folded[at + 1 : at + 2] in ("ب", "ل", "ك"):
                starts.append(at + 2)
    return starts


def _clean(part: str) -> str:
    return " ".join(part.split())


def _previous_word(folded: str, start: int) -> str:
    """The word before ``start``, skipping a proclitic or an opening quote glued to the expression."""
    while start > 0 and folded[start - 1] in "وفبلك(«\"',":
        start -= 1
    match = _PREVIOUS_WORD.search(folded, max(0, start - 30), start)
    return match.group(1).strip(",.:;()\"'«»-–") if match else ""


def _previous_words(folded: str, start: int, count: int) -> list[str]:
    """Up to ``count`` words before ``start``, nearest first."""
    words = folded[max(0, start - 25 * count) : start].split()
    return [w.strip(",.:;()\"'«»-–") for w in reversed(words[-count:])]


def _next_word(folded: str, end: int) -> str:
    """The word after ``end``; of حزيران/يونيو only حزيران."""
    match = _NEXT_WORD.match(folded, end, min(len(folded), end + 30))
    if not match:
        return ""
    word = re.split(r"[/(]", match.group(1))[0]
    return word.strip(",.:;()\"'«»")


def _sentence_before(folded: str, start: int) -> str:
    lo = max(0, start - _CONTEXT)
    cut = max(folded.rfind(mark, lo, start) for mark in (".", "\n", "!", "?", "؟"))
    return folded[max(lo, cut + 1) : start]


# Words before a number of years that make it an age (البالغ من العمر 47 عاماً), or a frequency (كل ثلاثة أيام).
_AGE_HEADS = frozenset(
    {"العمر", "عمره", "عمرها", "عمر", "البالغ", "البالغه", "يبلغ", "تبلغ", "بلغ", "بلغت", "سن", "ابن", "ابنه"}
    | {"كل", "قبل", "بعد", "منذ"}
)
_ANCHOR_WORDS = frozenset({"من", "علي"})
_PREPOSITIONS = frozenset({"الي", "الا", "الذي", "التي", "الذين"})
# First words of the month and weekday names: خلال شهر رمضان, منذ يوم الأربعاء are not spans of a month/day.
_NAMED_NEXT = frozenset(
    {name.split()[0] for name in (*GREGORIAN_MONTHS, *HIJRI_MONTHS, *WEEKDAYS)} | {"امس", "الامس", "ذي", "ذو"}
)


def _is_year(word: str) -> bool:
    return re.fullmatch(r"و?" + _YEAR + r"م?", word) is not None


def _is_name_or_number(folded: str, match: re.Match[str], form: str, parts: dict[str, str]) -> bool:
    """True for look-alikes that are not dates: صلاة الجمعة, قوى 14 آذار, مارس ضغوطاً, القرار 2254."""
    previous = _previous_word(folded, match.start())
    if previous.startswith(("و", "ف")) and previous[1:] in _NAME_HEADS:
        previous = previous[1:]
    following = _next_word(folded, match.end())
    if form == "weekday":
        return previous in _NAME_HEADS or following == "عشر"
    if form == "date":
        anchors = {"d_day", "d_year", "d_year2", "d_ynext", "d_tense", "d_ytense", "d_ythis"}
        if previous in _NAME_HEADS and not {"d_year", "d_year2"} & set(parts):
            return True
        if previous.isdigit() and "d_day" not in parts and "d_year" not in parts:
            return True  # the month of a day-month already turned down (قوى 14 آذار)
        if parts["d_m"] in AMBIGUOUS_MONTHS and not anchors & set(parts):
            if match.start() > 0 and folded[match.start() - 1].isalpha():
                return True  # باب "door" is not ب + آب
            if not ({"d_m2", "d_m3", "d_shahr", "d_part"} & set(parts)):
                return previous not in _YEAR_PREPS
        return False
    if form == "hijri":
        strong = {"h_day", "h_year", "h_shahr", "h_blessed", "h_mark", "h_tense"} & set(parts)
        if not strong:
            return parts["h_m"] != "رمضان" or previous not in _HIJRI_PREPS
        return False
    if form == "year":
        if "y_mark" in parts or "y_part" in parts:
            return False
        if previous in _NUMBER_HEADS or parts["y_year"].startswith("18"):
            return True
        if previous[:1] in {"و", "ف"} and previous[1:] in _YEAR_PREPS:
            previous = previous[1:]
        if previous == "من":
            # من 2000 جندي counts soldiers; من 2015 إلى 2018 is a year.
            return bool(following) and following[0].isalpha() and following not in {"الي", "حتي", "و"}
        if previous in {"و", "الي", "حتي"}:
            # عامي 1974 و 2008: a year after a year.
            before = _previous_words(folded, match.start(), 2)
            previous = before[1] if len(before) > 1 else previous
        if previous in _YEAR_PREPS or _is_year(previous) or previous.endswith(("-", "–")):
            return False
        # A bare four-digit number is a year only when nothing is counted after it (not "2000 جندي").
        return bool(following) and following[0].isalpha() and following not in {"و", "علي", "في", "من"}
    if form == "deictic":
        word = parts["x_word"]
        counted = (following.startswith("ال") and following not in _PREPOSITIONS) or following[:1].isdigit()
        counted = counted or following == "قبل"
        if word == "اليوم" and "x_wd" not in parts and counted:
            return True  # اليوم التالي, اليوم الأول, اليوم 202, اليوم قبل الأخير: a day counted, not today
        return word in {"اليوم", "الليله"} and previous in {"ذلك", "تلك", "ذات", "هذه", "نفس"}
    if form == "relative":
        return "r_bare" in parts and "r_part" not in parts
    if form == "decade":
        return (
            re.search(r"^\s*(?:و\S+\s+)?من\s+(?:العمر|عمر)", folded[match.end() : match.end() + 40])
            is not None
        )
    if form == "period":
        unit = parts["p_unit"].removeprefix("ال")
        if "p_tense" not in parts and not {"p_intro", "p_num"} <= set(parts):
            return True  # طوال الأعوام الثمانية, اليومين الماضيين; not a bare الأيام
        return unit in UNITS and UNITS[unit][1] == 0 and "p_num" not in parts and unit != "عقد"
    if form == "duration":
        if previous in _AGE_HEADS or (previous.startswith("ال") and previous.endswith("ه")):
            return True  # البالغ من العمر 47 عاماً, الخامسة عشر عاماً
        opening = folded[max(0, match.start() - 2) : match.start()]
        if "(" in opening:
            return True  # (46 عاماً) after a name is an age
        return following in _ANCHOR_WORDS and previous in {"قبل", "بعد"}
    if form == "span":
        unit = parts["a_unit"]
        direction = parts["a_dir"]
        if "a_approx" in parts and direction not in {"قبل", "منذ", "بعد"}:
            return True  # لمدة تصل إلى / على مدار نحو: only the quantity is the expression
        count = UNITS[unit][1]
        if count == 0 and "a_num" not in parts:
            return True  # قبل أيام: no number, no value
        if unit in {"عام", "سنه"} and re.match(_YEAR, following):
            return True  # قبل عام 2011 is a year
        if previous in {"يوما", "يوم"}:
            return True  # يوماً بعد يوم
        if count == 1 and "a_num" not in parts and following in _NAMED_NEXT:
            return True  # خلال شهر رمضان / منذ يوم الأربعاء
        if following in {"فقط", "تقريبا", "واحد", "واحده"}:
            words = folded[match.end() : match.end() + 40].split()
            following = words[1].strip(",.") if len(words) > 1 else ""
        # قبل عشرة أيام من الانتخابات counts from another event, not from the publication time.
        return direction in {"قبل", "بعد"} and following in _ANCHOR_WORDS
    return False


def matching_form(text: str) -> tuple[str, list[int]]:
    """The folded text without diacritics, and for each removed mark its position in that form."""
    folded = fold(text)
    removed = [m.start() - k for k, m in enumerate(_MARKS.finditer(folded))]
    return (_MARKS.sub("", folded) if removed else folded), removed


def _to_original(text: str, removed: list[int], start: int, end: int) -> tuple[int, int]:
    """Map a span of the matching form back to ``text``; marks after the last letter stay with it (يوماً)."""
    if not removed:
        return start, end
    first = start + bisect_right(removed, start)
    last = end - 1 + bisect_right(removed, end - 1) + 1
    while last < len(text) and _MARKS.match(text, last):
        last += 1
    return first, last


def detect(text: str) -> list[Mention]:
    """Every temporal expression of ``text`` as a ``Mention``, in order, with offsets into ``text``."""
    folded, removed = matching_form(text)
    mentions: list[Mention] = []
    pos = 0
    for hit in trigger_starts(folded):
        if hit < pos:
            continue
        # An expression contains a trigger word and begins at most a few words before it (مطلع, صباح يوم).
        for candidate in _candidate_starts(folded, max(pos, hit - _REACH_BEFORE), hit):
            if candidate < pos:
                continue
            match = _GRAMMAR.match(folded, candidate)
            if match is None or match.end() == candidate:
                continue
            form = match.lastgroup
            if form is None:
                continue
            parts = {
                name: _clean(value) for name in _GROUPS[form] if (value := match.group(name)) is not None
            }
            if _is_name_or_number(folded, match, form, parts):
                continue  # a look-alike may hide a real expression that starts inside it (قبل عام 2011)
            start, end = match.span()
            pos = end
            first, last = _to_original(text, removed, start, end)
            mentions.append(
                Mention(
                    start=first,
                    end=last,
                    form=form,
                    parts=parts,
                    before=_sentence_before(folded, start),
                    after=folded[end : end + 40],
                )
            )
    return mentions


_PREFIX = {
    "date": "d",
    "monthday": "m",
    "dayfirst": "q",
    "period": "p",
    "hijri_year": "k",
    "duration": "b",
    "hijri": "h",
    "numeric": "n",
    "deictic": "x",
    "weekday": "w",
    "relative": "r",
    "year": "y",
    "decade": "c",
    "span": "a",
}

# The named parts of each form, so that a match yields only its own (groupdict() would build ~120 entries).
_GROUPS = {
    form: [name for name in _GRAMMAR.groupindex if name.startswith(prefix + "_")]
    for form, prefix in _PREFIX.items()
}

__all__ = ["Mention", "detect", "matching_form", "trigger_starts"]
