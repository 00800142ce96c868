"""Words of Arabic dates: month names (MSA, Levantine/Syriac, Maghrebi, Hijri), weekdays, ordinals, units.

Every word is written in *folded* form (see ``fold``: أوائل is written اوايل, الفائت الفايت): alef and hamza carriers become ا, alef maqsura ي, ta
marbuta ه, Arabic-Indic digits ASCII. Folding is length-preserving, so offsets found on the folded text are
offsets into the original text.
"""

from __future__ import annotations

_FOLD_PAIRS = {
    "أ": "ا",
    "إ": "ا",
    "آ": "ا",
    "ٱ": "ا",
    "ى": "ي",
    "ة": "ه",
    "ؤ": "و",
    "ئ": "ي",
    "٫": ".",
    "،": ",",
    **{chr(0x0660 + i): str(i) for i in range(10)},
    **{chr(0x06F0 + i): str(i) for i in range(10)},
}


def fold(text: str) -> str:
    """The text with letters folded for matching; one output character per input character."""
    # A chain of str.replace runs at C speed; str.translate with a dict is ten times slower on Arabic.
    for source, target in _FOLD_PAIRS.items():
        if source in text:
            text = text.replace(source, target)
    return text


# Gregorian months: MSA (Egyptian/Gulf) names, Levantine/Syriac names, a few Maghrebi ones.
GREGORIAN_MONTHS: dict[str, int] = {
    "يناير": 1,
    "فبراير": 2,
    "مارس": 3,
    "ابريل": 4,
    "افريل": 4,
    "مايو": 5,
    "ماي": 5,
    "يونيو": 6,
    "يونيه": 6,
    "جوان": 6,
    "يوليو": 7,
    "يوليه": 7,
    "جويليه": 7,
    "اغسطس": 8,
    "اوت": 8,
    "سبتمبر": 9,
    "اكتوبر": 10,
    "نوفمبر": 11,
    "ديسمبر": 12,
    "جانفي": 1,
    "فيفري": 2,
    "كانون الثاني": 1,
    "شباط": 2,
    "اذار": 3,
    "نيسان": 4,
    "ايار": 5,
    "حزيران": 6,
    "تموز": 7,
    "اب": 8,
    "ايلول": 9,
    "تشرين الاول": 10,
    "تشرين الثاني": 11,
    "كانون الاول": 12,
    # Without the article, as some outlets write them (تشرين أول).
    "كانون ثاني": 1,
    "تشرين اول": 10,
    "تشرين ثاني": 11,
    "كانون اول": 12,
}

# Month names that are also common words or names; accepted only next to a day, a year, a tense word or
# another month name (``مارس`` "he practised", ``اب`` "father", ``نيسان`` the car maker, ``ماي``).
AMBIGUOUS_MONTHS = frozenset({"مارس", "اب", "ماي", "نيسان", "تموز", "ايار", "اوت", "جوان"})

HIJRI_MONTHS: dict[str, int] = {
    "محرم": 1,
    "صفر": 2,
    "ربيع الاول": 3,
    "ربيع الثاني": 4,
    "ربيع الاخر": 4,
    "جمادي الاولي": 5,
    "جمادي الاول": 5,
    "جمادي الثانيه": 6,
    "جمادي الاخره": 6,
    "جمادي الاخر": 6,
    "رجب": 7,
    "شعبان": 8,
    "رمضان": 9,
    "شوال": 10,
    "ذو القعده": 11,
    "ذي القعده": 11,
    "ذو الحجه": 12,
    "ذي الحجه": 12,
}

# Python's ``date.weekday()``: Monday is 0.
WEEKDAYS: dict[str, int] = {
    "الاثنين": 0,
    "الثلاثاء": 1,
    "الاربعاء": 2,
    "الخميس": 3,
    "الجمعه": 4,
    "السبت": 5,
    "الاحد": 6,
}

_ORDINAL_UNITS = {
    "الحادي": 1,
    "الثاني": 2,
    "الثالث": 3,
    "الرابع": 4,
    "الخامس": 5,
    "السادس": 6,
    "السابع": 7,
    "الثامن": 8,
    "التاسع": 9,
}


def _ordinal_days() -> dict[str, int]:
    days = {"الاول": 1, "العاشر": 10, "العشرين": 20, "الثلاثين": 30}
    for word, value in _ORDINAL_UNITS.items():
        if value > 1:
            days[word] = value
        days[f"{word} عشر"] = 10 + value
        days[f"{word} والعشرين"] = 20 + value
        if value == 1:
            days[f"{word} والثلاثين"] = 31
    return days


ORDINAL_DAYS: dict[str, int] = _ordinal_days()

CARDINALS: dict[str, int] = {
    "واحد": 1,
    "واحده": 1,
    "اثنين": 2,
    "اثنان": 2,
    "ثلاث": 3,
    "ثلاثه": 3,
    "اربع": 4,
    "اربعه": 4,
    "خمس": 5,
    "خمسه": 5,
    "ست": 6,
    "سته": 6,
    "سبع": 7,
    "سبعه": 7,
    "ثماني": 8,
    "ثمانيه": 8,
    "ثمان": 8,
    "تسع": 9,
    "تسعه": 9,
    "عشر": 10,
    "عشره": 10,
    "عشرين": 20,
    "ثلاثين": 30,
    "اربعين": 40,
    "خمسين": 50,
    "ستين": 60,
    "سبعين": 70,
    "ثمانين": 80,
    "تسعين": 90,
    "ميه": 100,
    "مائه": 100,
}

# Unit words of durations and relative spans: (unit, count the word itself carries, or 0 when a number
# must come before it). Unit codes are ISO 8601 designators: D, W, M, Y, H (hours), X (decades).
UNITS: dict[str, tuple[str, int]] = {
    "يوم": ("D", 1),
    "يوما": ("D", 0),
    "ايام": ("D", 0),
    "يومين": ("D", 2),
    "يومان": ("D", 2),
    "اسبوع": ("W", 1),
    "اسبوعا": ("W", 0),
    "اسابيع": ("W", 0),
    "اسبوعين": ("W", 2),
    "اسبوعان": ("W", 2),
    "شهر": ("M", 1),
    "شهرا": ("M", 0),
    "اشهر": ("M", 0),
    "شهور": ("M", 0),
    "شهرين": ("M", 2),
    "شهران": ("M", 2),
    "عام": ("Y", 1),
    "عاما": ("Y", 0),
    "اعوام": ("Y", 0),
    "عامين": ("Y", 2),
    "عامان": ("Y", 2),
    "سنه": ("Y", 1),
    "سنوات": ("Y", 0),
    "سنين": ("Y", 0),
    "سنتين": ("Y", 2),
    "سنتان": ("Y", 2),
    "ساعه": ("H", 1),
    "ساعات": ("H", 0),
    "ساعتين": ("H", 2),
    "ساعتان": ("H", 2),
    "عقد": ("X", 1),
    "عقود": ("X", 0),
    "عقدين": ("X", 2),
}

DECADES: dict[str, int] = {
    "العشرين": 192,
    "الثلاثين": 193,
    "الاربعين": 194,
    "الخمسين": 195,
    "الستين": 196,
    "السبعين": 197,
    "الثمانين": 198,
    "التسعين": 199,
}

# Tense words after a month, a weekday or a relative unit: -1 past, +1 future, 0 current. (``التالي`` and
# ``السابق`` are left out: they count from another event, not from the publication time.)
TENSE_WORDS: dict[str, int] = {
    "الماضي": -1,
    "الماضيه": -1,
    "الفايت": -1,
    "الفايته": -1,
    "المنصرم": -1,
    "المنصرمه": -1,
    "المنقضي": -1,
    "المقبل": 1,
    "المقبله": 1,
    "القادم": 1,
    "القادمه": 1,
    "الحالي": 0,
    "الحاليه": 0,
    "الجاري": 0,
    "الجاريه": 0,
}

# Part-of-period words kept in the span (``مطلع فبراير``); they do not change the value's precision.
PART_WORDS = (
    "مطلع",
    "مطالع",
    "اوايل",
    "بدايه",
    "بدايات",
    "مستهل",
    "منتصف",
    "اواسط",
    "اواخر",
    "نهايه",
    "اخر",
    "ختام",
)

# Times of day before a weekday or a deictic word (``صباح الاثنين``, ``مساء أمس``).
TIMES_OF_DAY = (
    "صباح",
    "مساء",
    "ليل",
    "ليله",
    "فجر",
    "ظهر",
    "عصر",
    "صبيحه",
    "ظهيره",
    "ظهر",
    "منتصف ليل",
    "نهار",
)
