"""Detection of Arabic temporal expressions: where they are and what parts they are made of.

Detection works on the *folded* text (``lexicon.fold``: same length, so offsets are offsets into the
original). One compiled regex of trigger words finds the places worth looking at; the grammar (one compiled
regex with a named branch per form) runs only on windows around them. Resolution to calendar values lives in
``resolve.py``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

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

# Diacritics and tatweel may sit inside or after any word of a date.
_D = "[\u064b-\u0652\u0640]*"
_END = rf"{_D}(?!\w)"
# Month names may touch a year (كانون الثاني/يناير2017): only a letter may not follow.
_MEND = rf"{_D}(?![^\W\d_])"
# A word starts after a non-letter, or after a one- or two-letter proclitic (و ف ب ل ك).
_START = r"(?:(?<!\w)|(?<=(?<!\w)[وفبلك])|(?<=(?<!\w)[وف][بلك]))"


def _word(word: str) -> str:
    """A lexicon word as a pattern: diacritics allowed after each letter, spaces as any run of spaces."""
    parts = [r"\s+" if char == " " else re.escape(char) + _D for char in fold(word)]
    return "".join(parts)


def _alternation(words: object) -> str:
    return "|".join(_word(w) for w in sorted(words, key=len, reverse=True))  # type: ignore[call-overload]


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
_DAY = rf"(?:(?:ال{_D}\s*)?[0-3]?\d(?!\d)|{_ORDINAL})"
_MONTHS = rf"(?:{_MONTH}){_MEND}(?:\s*\(\s*(?:{_MONTH}){_MEND}\s*\)|\s*[/\-–]\s*(?:{_MONTH}){_MEND})?"
_APPROX = r"(?:نحو|حوالي|قرابه|زهاء)"
_DURATION_INTRO = (
    "(?:" + _alternation(["لمده", "مده", "علي مدي", "علي مدار", "طوال", "طيله", "خلال", "لفتره"]) + ")"
)

_FORMS = {
    # 7 من تشرين الثاني 2025 / الجمعة، 7 نوفمبر 2025 / مارس (آذار) الماضي / مطلع فبراير / شهر حزيران/يونيو
    "date": (
        rf"(?:(?P<d_part>{_PART}){_END}\s+)?"
        rf"(?:(?:(?P<d_tod>{_TOD})\s+)?(?:يوم{_D}\s+)?(?P<d_wd>{_WEEKDAY}){_END}"
        rf"(?:\s+(?P<d_wtense>{_TENSE}){_END})?\s*,?\s*)?"
        rf"(?:(?:يوم{_D}\s+)?(?P<d_day>{_DAY}){_END}\s*(?:من\s+)?)?"
        rf"(?P<d_shahr>شهر{_D}\s+)?(?P<d_m>{_MONTH}){_MEND}"
        rf"(?:\s*\(\s*(?P<d_m2>{_MONTH}){_MEND}\s*\)|\s*[/\-–]\s*(?P<d_m3>{_MONTH}){_MEND})?"
        rf"(?:(?:\s*,?\s*|\s+من\s+)(?:(?:عام|العام|سنه|لعام){_D}\s+)?(?P<d_year>{_YEAR})(?:\s*م(?!\w))?"
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
        rf"(?:(?P<h_day>{_DAY}){_END}\s*(?:من\s+)?)?(?P<h_shahr>شهر{_D}\s+)?(?P<h_m>{_HMONTH}){_END}"
        rf"(?:\s+(?P<h_blessed>المبارك|الكريم|الفضيل){_END})?(?:\s+(?P<h_tense>{_TENSE}){_END})?"
        rf"(?:\s+(?:(?:عام|سنه)\s+)?(?P<h_year>1[34]\d\d)(?!\d)"
        rf"|\s+من\s+(?:العام|السنه)\s+(?P<h_ythis>الحالي|الجاري|الهجري\s+الحالي){_END})?"
        rf"(?:\s*(?P<h_mark>هـ|ه|هجري|للهجره)(?!\w))?"
    ),
    # 10/11/2025, الثلاثاء 9/5/2023, 2025-11-10
    "numeric": (
        rf"(?:(?:يوم{_D}\s+)?(?P<n_wd>{_WEEKDAY}){_END}\s*,?\s*|يوم{_D}\s+)?"
        r"(?:(?P<n_d>[0-3]?\d)[/.\-](?P<n_m>[01]?\d)[/.\-](?P<n_y>(?:19|20)\d\d)(?!\d)"
        r"|(?P<n_y2>(?:19|20)\d\d)-(?P<n_m2>[01]?\d)-(?P<n_d2>[0-3]?\d)(?!\d))"
        rf"(?:\s+(?P<n_tense>{_TENSE}){_END})?"
    ),
    # مساء أمس / أول أمس / اليوم الخميس / الليلة الماضية / يوم أمس
    "deictic": (
        rf"(?:(?P<x_tod>{_TOD})\s+)?(?:يوم{_D}\s+(?=امس|الامس))?"
        rf"(?P<x_word>اول\s+من\s+امس|اول\s+امس|امس\s+الاول|بعد\s+غد|امس|الامس|البارحه|اليوم|الليله|غدا)"
        rf"{_END}(?:\s+(?P<x_tense>الماضيه|الفايته|المقبله|القادمه){_END})?"
        rf"(?:\s*,?\s*(?P<x_paren>\(\s*)?(?P<x_wd>{_WEEKDAY}){_END}(?(x_paren)\s*\)))?"
    ),
    # صباح الاثنين / يوم الجمعة الماضي / الخميس المقبل
    "weekday": (
        rf"(?:(?P<w_tod>{_TOD})\s+)?(?:(?P<w_yawm>يوم){_D}\s+)?(?P<w_wd>{_WEEKDAY}){_END}"
        rf"(?:\s+(?P<w_tense>{_TENSE}){_END})?"
    ),
    # الأسبوع الماضي / الشهر المقبل / مطلع العام الجاري / هذا العام
    "relative": (
        rf"(?:(?P<r_part>{_PART}){_END}\s+)?"
        rf"(?:(?P<r_unit>الاسبوع|الشهر|العام|السنه){_END}\s+(?P<r_tense>{_TENSE}){_END}"
        rf"|(?P<r_this>هذا\s+(?:الاسبوع|الشهر|العام)|هذه\s+السنه){_END}"
        rf"|(?P<r_bare>الاسبوع|الشهر|العام|السنه){_END}(?!\s*(?:{_TENSE}|\d)))"
    ),
    # عام 2019 / في 2015 / منتصف 2024 / في2016
    "year": (
        rf"(?:(?P<y_part>{_PART}){_END}\s+)?(?:(?P<y_mark>عام|العام|سنه|السنه|عامي|العامين){_D}\s+)?"
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
        rf"(?:{_DURATION_INTRO}\s+)?(?P<p_unit>ال(?:يومين|اسبوعين|شهرين|عامين|سنتين|ساعتين|عقد|ايام|اسابيع|اشهر|شهور|اعوام|سنوات|ساعات)){_END}"
        rf"(?:\s+(?:ال{_D}\s*)?(?P<p_num>\d+|{_CARDINAL}){_END})?"
        rf"\s+(?:الماضي|الماضيه|الماضيين|الاخير|الاخيره|الاخيرين|المقبله|المقبلين|القادمه|القادمين){_END}"
    ),
    # 180 يوماً / ستة أشهر / شهرين / أسبوع واحد (a length of time without an introducer)
    "duration": (
        rf"(?:(?P<b_num>\d+|{_CARDINAL}){_END}\s+(?P<b_unit>{_UNIT})"
        rf"|(?P<b_dual>يومين|اسبوعين|شهرين|عامين|سنتين|ساعتين|عقدين)"
        rf"|(?P<b_single>يوم|اسبوع|شهر|عام|سنه|ساعه){_D}\s+(?P<b_one>واحد|واحده)){_END}"
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

# Cheap first pass: any of these substrings makes a window worth parsing.
_TRIGGER_WORDS = sorted(
    {*GREGORIAN_MONTHS, *HIJRI_MONTHS, *(w[2:] for w in WEEKDAYS)}
    | {"امس", "اليوم", "الليله", "غدا", "بارحه", "اسبوع", "اسابيع", "شهر", "شهور", "عام", "اعوام"}
    | {"سنه", "سنوات", "سنين", "سنت", "يوم", "ايام", "ساع", "عقد", "عقود", "ينيات", "ينات"},
    key=len,
    reverse=True,
)
TRIGGERS = re.compile("|".join(_word(w) for w in _TRIGGER_WORDS) + r"|(?:1[89]|20)\d\d")

_WINDOW_BEFORE = 48
_WINDOW_AFTER = 72
_CONTEXT = 120

# Words before a weekday or month that make it a name, not a date (صلاة الجمعة, قوى 14 آذار, حرب تموز).
_NAME_HEADS = frozenset(
    {"صلاه", "خطبه", "صلوات", "قوي", "تحالف", "فريق", "حركه", "تيار", "ثوره", "انتفاضه", "حرب", "عدوان"}
    | {"انتصار", "نكسه", "ساحه", "شارع", "جاده", "مستشفي", "تيار", "جمعيه", "مجموعه", "معركه"}
)
_YEAR_PREPS = frozenset(
    {"في", "منذ", "حتى", "بحلول", "قبل", "بعد", "خلال", "من", "الى", "عن", "مطلع", "نهايه", "بدايه", "منتصف"}
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

    ``form`` names the grammar branch (date, hijri, numeric, deictic, weekday, relative, year, decade, span);
    ``parts`` its named pieces in folded form; ``before``/``after`` the folded sentence context, used to
    decide the tense of bare weekdays and year-less dates.
    """

    start: int
    end: int
    form: str
    parts: dict[str, str] = field(default_factory=dict)
    before: str = ""
    after: str = ""


def _windows(folded: str) -> list[tuple[int, int]]:
    size = len(folded)
    windows: list[tuple[int, int]] = []
    for hit in TRIGGERS.finditer(folded):
        start = max(0, hit.start() - _WINDOW_BEFORE)
        end = min(size, hit.end() + _WINDOW_AFTER)
        # Widen to whole words so the grammar's word boundaries hold at the window's edges.
        while start > 0 and not folded[start - 1].isspace():
            start -= 1
        while end < size and not folded[end].isspace():
            end += 1
        if windows and start <= windows[-1][1]:
            windows[-1] = (windows[-1][0], max(end, windows[-1][1]))
        else:
            windows.append((start, end))
    return windows


def _clean(part: str) -> str:
    return " ".join(re.sub(_D, "", part).split())


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
    """The word after ``end``, without diacritics; of حزيران/يونيو only حزيران."""
    match = _NEXT_WORD.match(folded, end, min(len(folded), end + 30))
    if not match:
        return ""
    word = re.split(r"[/(]", re.sub(_D, "", match.group(1)))[0]
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
_PREPOSITIONS = frozenset({"الى", "الي", "الا", "الذي", "التي", "الذين"})
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
            return bool(following) and following[0].isalpha() and following not in {"الى", "حتى", "و"}
        if previous in {"و", "الى", "حتى"}:
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


def detect(text: str) -> list[Mention]:
    """Every temporal expression of ``text`` as a ``Mention``, in order, with offsets into ``text``."""
    folded = fold(text)
    mentions: list[Mention] = []
    for lo, hi in _windows(folded):
        pos = lo
        while (match := _GRAMMAR.search(folded, pos, hi)) is not None:
            form = match.lastgroup
            parts = {
                key: _clean(value)
                for key, value in match.groupdict().items()
                if value is not None and "_" in key and key.split("_")[0] == _PREFIX.get(form or "")
            }
            if form is None or _is_name_or_number(folded, match, form, parts):
                # A look-alike may hide a real expression that starts inside it (قبل عام 2011).
                pos = match.start() + 1
                continue
            start, end = match.span()
            pos = end
            mentions.append(
                Mention(
                    start=start,
                    end=end,
                    form=form,
                    parts=parts,
                    before=re.sub(_D, "", _sentence_before(folded, start)),
                    after=re.sub(_D, "", folded[end : end + 40]),
                )
            )
    return mentions


_PREFIX = {
    "date": "d",
    "monthday": "m",
    "dayfirst": "q",
    "period": "p",
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

__all__ = ["DECADES", "TRIGGERS", "Mention", "detect"]
