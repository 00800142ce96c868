"""Trigger lexicon of the events stage: Arabic words and phrases that report a happening, with their PLOVER type.

Entries are written as a reader writes them (``غارة``, ``استهدف``); the module expands each into the forms news
text uses — verb conjugations and the future prefix (``قصف قصفت قصفوا يقصف تقصفان سيقصف``), verbal nouns
with their plural, dual, accusative and pronoun forms (``غارة غارات غارتين غاراتها غارةً``) — and indexes them
under the normalized spelling of ``rasd.arabic.normalize``. ``lookup_word`` strips the proclitics (و ف ب ل ك
ال) and a possessive pronoun before looking a word up. Phrases (``حظر تجول``, ``رفع العقوبات``, ``اتصال
هاتفي``) are matched on the normalized text with one regular expression.

Besides event triggers the lexicon holds *modifiers*: words that tell how an attack was carried out
(``مسيّرة`` → drone, ``مدفعي`` → heavy weapons) or that it killed people (``استشهد``، ``مقتل``، ``شهداء``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import Literal

import ahocorasick

from rasd.arabic.normalize import normalize_text

TriggerRole = Literal["event", "weak", "death", "mode", "injury"]


@dataclass(frozen=True, slots=True)
class Trigger:
    """What a trigger word means: a PLOVER type and mode, or a modifier (``role`` says which)."""

    plover: str
    mode: str | None
    role: TriggerRole = "event"
    lemma: str = ""


@dataclass(frozen=True, slots=True)
class WordHit:
    """A trigger found in one word; ``future`` when the verb carried the future prefix سـ."""

    trigger: Trigger
    future: bool = False
    verbal: bool = False


# PLOVER types grouped into the families the scorer matches on (docs/evaluation.md, section Events).
FAMILIES: dict[str, str] = {
    "ASSAULT": "violence",
    "COERCE": "coercion",
    "SANCTION": "coercion",
    "MOBILIZE": "coercion",
    "PROTEST": "protest",
    "ACCUSE": "verbal-conflict",
    "REJECT": "verbal-conflict",
    "THREATEN": "verbal-conflict",
    "AGREE": "cooperation",
    "CONSULT": "cooperation",
    "SUPPORT": "cooperation",
    "CONCEDE": "cooperation",
    "REQUEST": "cooperation",
    "COOPERATE": "cooperation",
    "AID": "cooperation",
    "RETREAT": "cooperation",
}

PLOVER_TYPES = tuple(FAMILIES)


def family_of(plover: str) -> str:
    """The family of a PLOVER type (``violence``, ``coercion``, ``protest``, ``verbal-conflict``, ``cooperation``)."""
    return FAMILIES.get(plover, "other")


# Attack modes, most specific first: when a clause names several, the first one found in this order wins.
MODE_ORDER = (
    "suicide-attack",
    "chemical",
    "drone",
    "aerial",
    "explosives",
    "heavy-weapons",
    "targeted",
    "abduct",
    "firearms",
    "physical",
)


def _norm(word: str) -> str:
    return normalize_text(word).replace("\u0640", "")


def _verb(perfect: str, imperfect: str) -> tuple[list[str], list[str]]:
    """Past and present forms of a verb (3rd person, both genders and numbers), and its future forms."""
    past = [perfect + s for s in ("", "ت", "وا", "ا", "تا", "تم", "نا")]
    if not imperfect:
        return past, []
    present = [p + imperfect + s for p in "يتن" for s in ("", "ون", "ان", "ين", "وا")]
    future = ["س" + p + imperfect for p in "يتن"] + [
        "س" + p + imperfect + s for p in "يت" for s in ("ون", "ان")
    ]
    return past + present, future


def _noun(singular: str, plural: str | None = None) -> list[str]:
    """A noun with its accusative, dual, plural and pronoun-bearing forms."""
    forms = [singular, singular + "ا"]
    if singular.endswith("ة"):
        stem = singular[:-1]
        forms += [stem + "ت", stem + "تين", stem + "تان", stem + "تي", stem + "تا", stem + "ات"]
    else:
        forms += [singular + "ين", singular + "ان"]  # not singular + ي: احتجاجي is an adjective
    if plural:
        forms += [plural, plural + "ا"]
    return forms


# (verbs "perfect/imperfect ...", nouns "singular/plural ...", PLOVER, mode, role)
_ENTRIES: list[tuple[str, str, str, str | None, TriggerRole]] = [
    # --- ASSAULT: the attack itself ---
    ("قصف/قصف", "قصف", "ASSAULT", None, "event"),
    ("استهدف/ستهدف", "استهداف/استهدافات", "ASSAULT", None, "event"),
    ("هاجم/هاجم", "هجوم/هجمات", "ASSAULT", None, "event"),
    ("اعتدى/عتدي اعتدت/عتدي اعتدوا/عتدي", "اعتداء/اعتداءات", "ASSAULT", None, "event"),
    ("", "عدوان", "ASSAULT", None, "weak"),
    ("", "غارة/غارات", "ASSAULT", "aerial", "event"),
    ("", "ضربة/ضربات", "ASSAULT", None, "event"),
    ("اشتبك/شتبك", "اشتباك/اشتباكات", "ASSAULT", "firearms", "event"),
    ("", "معركة/معارك", "ASSAULT", None, "weak"),
    ("", "قتال اقتتال", "ASSAULT", None, "weak"),
    ("", "كمين", "ASSAULT", None, "event"),
    ("أغار/", "إغارة", "ASSAULT", None, "event"),  # تغير/يغير mostly "changes": past forms only
    ("", "تفجير/تفجيرات انفجار/انفجارات", "ASSAULT", "explosives", "event"),
    ("انفجر/نفجر انفجرت/نفجر", "", "ASSAULT", "explosives", "event"),
    ("اغتال/غتال", "اغتيال/اغتيالات", "ASSAULT", "targeted", "event"),
    ("أعدم/عدم", "إعدام", "ASSAULT", "targeted", "event"),
    ("", "مجزرة/مجازر", "ASSAULT", None, "weak"),
    ("طعن/طعن", "طعن", "ASSAULT", "physical", "event"),
    ("ضرب/ضرب", "", "ASSAULT", None, "weak"),
    ("اختطف/ختطف خطف/خطف", "اختطاف خطف", "ASSAULT", "abduct", "event"),
    ("", "توغل", "ASSAULT", None, "weak"),
    ("تسلل/تسلل", "تسلل", "ASSAULT", "firearms", "weak"),
    ("تصدى/تصدى تصدت/تصدى", "", "ASSAULT", None, "event"),
    ("", "تصد", "ASSAULT", None, "weak"),
    ("صد/صد", "", "ASSAULT", None, "weak"),
    ("أحبط/حبط", "إحباط", "ASSAULT", None, "event"),
    ("أسقط/سقط", "إسقاط", "ASSAULT", None, "weak"),
    ("", "اعتراض", "ASSAULT", None, "weak"),
    ("سيطر/سيطر", "سيطرة", "ASSAULT", None, "weak"),
    ("حرر/حرر", "تحرير", "ASSAULT", None, "weak"),
    ("قنص/قنص", "قنص", "ASSAULT", "firearms", "event"),
    # --- attack modes ---
    ("", "طائرة/طائرات طيران مقاتلة/مقاتلات", "ASSAULT", "aerial", "mode"),
    ("", "جوي جوية جويا", "ASSAULT", "aerial", "mode"),
    ("", "مسيرة/مسيرات درون", "ASSAULT", "drone", "mode"),
    ("", "انقضاضية انقضاضي", "ASSAULT", "drone", "mode"),
    (
        "",
        "مدفعي مدفعية مدفعيا قذيفة/قذائف صاروخ/صواريخ صاروخي صاروخية هاون راجمة/راجمات",
        "ASSAULT",
        "heavy-weapons",
        "mode",
    ),
    ("", "رصاص رصاصة قناص قناصة رشاش رشاشات نيران", "ASSAULT", "firearms", "mode"),
    ("", "ناسفة مفخخة مفخخ لغم/ألغام", "ASSAULT", "explosives", "mode"),
    ("", "انتحاري انتحارية انتحاريا", "ASSAULT", "suicide-attack", "mode"),
    ("", "كيماوي كيميائي كيماوية كيميائية الكلور", "ASSAULT", "chemical", "mode"),
    # --- deaths and injuries (fatalities; an attack when nothing else names one) ---
    ("قتل/قتل", "مقتل قتيل/قتلى", "ASSAULT", None, "death"),
    ("استشهد/ستشهد", "استشهاد شهيد/شهداء", "ASSAULT", None, "death"),
    ("", "مصرع", "ASSAULT", None, "death"),
    ("", "تحييد", "ASSAULT", None, "death"),
    ("أصيب/صاب", "إصابة/إصابات جريح/جرحى", "ASSAULT", None, "injury"),
    # --- COERCE ---
    ("اعتقل/عتقل", "اعتقال/اعتقالات", "COERCE", "arrest", "event"),
    ("", "توقيف", "COERCE", "arrest", "weak"),
    ("احتجز/حتجز", "احتجاز", "COERCE", "arrest", "event"),
    ("", "حبس", "COERCE", "arrest", "event"),
    ("داهم/داهم", "مداهمة/مداهمات", "COERCE", "raid", "event"),
    ("اقتحم/قتحم", "اقتحام/اقتحامات", "COERCE", "raid", "event"),
    ("هدم/هدم", "هدم", "COERCE", "demolish", "event"),
    ("صادر/صادر", "مصادرة", "COERCE", "seize", "event"),
    ("أحرق/حرق", "إحراق حرق", "COERCE", "destroy", "event"),
    ("دمر/دمر", "تدمير", "COERCE", "destroy", "weak"),
    ("نهب/نهب", "نهب", "COERCE", "seize", "event"),
    ("", "ترحيل", "COERCE", "deport", "event"),
    ("", "إبعاد", "COERCE", "deport", "event"),
    ("", "تهجير", "COERCE", "displace", "event"),
    # --- PROTEST ---
    ("تظاهر/تظاهر", "تظاهرة/تظاهرات مظاهرة/مظاهرات متظاهر/متظاهرون", "PROTEST", "demo", "event"),
    ("", "المتظاهرين متظاهرين", "PROTEST", "demo", "event"),
    ("احتج/حتج", "احتجاج/احتجاجات محتج/محتجون محتجين", "PROTEST", "demo", "event"),
    ("اعتصم/عتصم", "اعتصام/اعتصامات معتصم/معتصمون معتصمين", "PROTEST", "demo", "event"),
    ("احتشد/حتشد", "وقفة/وقفات", "PROTEST", "demo", "event"),
    ("أضرب/", "إضراب/إضرابات", "PROTEST", "strike", "event"),
    ("", "مضرب مضربون مضربين", "PROTEST", "strike", "event"),
    ("", "مواجهات", "PROTEST", "riot", "weak"),
    ("", "شغب", "PROTEST", "riot", "event"),
    # --- verbal conflict ---
    ("اتهم/تهم", "اتهام/اتهامات", "ACCUSE", None, "event"),
    ("أدان/دين دان/دين", "إدانة", "ACCUSE", None, "event"),
    ("ندد/ندد", "تنديد", "ACCUSE", None, "event"),
    ("استنكر/ستنكر", "استنكار", "ACCUSE", None, "event"),
    ("انتقد/نتقد", "انتقاد/انتقادات", "ACCUSE", None, "event"),
    ("شجب/شجب", "", "ACCUSE", None, "event"),
    ("وبخ/وبخ", "", "ACCUSE", None, "event"),
    ("رفض/رفض", "رفض", "REJECT", None, "event"),
    ("هدد/هدد", "تهديد/تهديدات", "THREATEN", None, "event"),
    ("توعد/توعد", "", "THREATEN", None, "event"),
    ("حذر/حذر", "تحذير/تحذيرات", "THREATEN", None, "event"),
    ("لوح/لوح", "", "THREATEN", None, "event"),
    # --- cooperation ---
    ("طالب/طالب", "مطالبة", "REQUEST", None, "event"),
    ("دعا/دعو دعت/دعو", "داعيا", "REQUEST", None, "event"),
    ("ناشد/ناشد", "", "REQUEST", None, "event"),
    ("طلبت/طلب", "", "REQUEST", None, "event"),
    ("حث/حث", "", "REQUEST", None, "event"),
    ("رحب/رحب", "ترحيب", "SUPPORT", None, "event"),
    ("أشاد/شيد", "إشادة", "SUPPORT", None, "event"),
    ("بارك/بارك", "", "SUPPORT", None, "event"),
    ("أيد/ؤيد", "تأييد", "SUPPORT", None, "event"),
    ("تعهد/تعهد", "تعهد", "AGREE", "pledge", "event"),
    ("وعد/", "", "AGREE", "pledge", "weak"),
    ("اتفق/تفق", "", "AGREE", None, "event"),
    ("وافق/وافق", "موافقة", "AGREE", None, "weak"),
    ("أبرم/برم", "إبرام", "AGREE", None, "event"),
    ("التقى/لتقي التقت/لتقي التقوا/لتقي", "لقاء/لقاءات", "CONSULT", "meet", "event"),
    ("اجتمع/جتمع", "اجتماع/اجتماعات", "CONSULT", "meet", "event"),
    ("استقبل/ستقبل", "استقبال", "CONSULT", "meet", "weak"),
    ("بحث/بحث", "مباحثات محادثات", "CONSULT", "meet", "event"),
    ("هاتف/هاتف", "", "CONSULT", "call", "event"),
    ("زار/زور", "زيارة/زيارات", "CONSULT", "visit", "event"),
    ("توجه/توجه", "", "CONSULT", "visit", "weak"),
    ("", "قمة", "CONSULT", "meet", "weak"),
    ("أفرج/فرج", "إفراج", "CONCEDE", "release", "event"),
    ("انسحب/نسحب", "انسحاب", "RETREAT", None, "event"),
    ("", "إجلاء", "RETREAT", "evacuate", "event"),
    ("فر/فر فروا/فر", "فرار هروب", "RETREAT", "escape", "weak"),
    ("", "تعزيزات", "MOBILIZE", None, "event"),
    ("", "استنفار تعبئة", "MOBILIZE", None, "event"),
    ("", "تجنيد", "MOBILIZE", None, "weak"),
    ("", "عقوبات", "SANCTION", None, "weak"),
    ("", "تجميد", "SANCTION", None, "weak"),
]

# Multi-word triggers (matched on the normalized text; each word may carry clitics only at its start).
_PHRASES: list[tuple[str, str, str | None, TriggerRole]] = [
    ("حظر التجول|حظر تجول|حظر التجوال|حظر تجوال|منع التجول", "COERCE", "curfew", "event"),
    (
        "اطلاق النار|اطلاق نار|اطلقوا النار|اطلق النار|اطلقت النار|يطلق النار|تبادل لاطلاق النار|تبادل اطلاق النار|"
        # the shooter between verb and object: أطلق مسلحون النار، إطلاق جنود الاحتلال الرصاص
        "اطلق(?:ت|وا)? (?:[^ ]+ ){1,6}(?:النار|الرصاص)(?![\u0621-\u064a])|"
        "اطلاق (?:[^ ]+ ){1,6}(?:النار|الرصاص)(?![\u0621-\u064a])",
        "ASSAULT",
        "firearms",
        "event",
    ),
    (
        "اطلاق صواريخ|اطلاق صاروخ|اطلقت صواريخ|اطلق صواريخ|اطلاق قذائف|اطلقت قذائف",
        "ASSAULT",
        "heavy-weapons",
        "event",
    ),
    ("القي القبض|القت القبض|القاء القبض|القبض علي|قبض علي", "COERCE", "arrest", "event"),
    (
        "فرض عقوبات|فرضت عقوبات|يفرض عقوبات|تفرض عقوبات|فرض العقوبات|عقوبات جديده|فرض حظرا|فرضت حظرا",
        "SANCTION",
        None,
        "event",
    ),
    ("طرد دبلوماسيين|طرد السفير|ستطرد|طرد جماعي|طردت ايضا|طرد 5", "SANCTION", "expel", "event"),
    ("قطع العلاقات|قطعت العلاقات|قطعت .{0,40}علاقاتهما", "SANCTION", "break-relations", "event"),
    ("اغلاق القنصليه|تغلق القنصليه|اغلاق السفاره|تغلق السفاره", "SANCTION", "close", "event"),
    ("سحبت كل مساعداتها|تسحب مساعداتها|قطع المساعدات|وقف المساعدات", "SANCTION", "cut-aid", "event"),
    (
        "رفع العقوبات|رفع الحظر|تخفيف العقوبات|تعليق العقوبات|تعليق العمل بقانون|رفع اسم|ازاله الشرع|الغاء العقوبات",
        "CONCEDE",
        "ease-sanctions",
        "event",
    ),
    ("اطلاق سراح|الافراج عن|افرجت عن", "CONCEDE", "release", "event"),
    ("سحب مشروع", "CONCEDE", None, "event"),
    (
        "سحب (?:ال)?سفير|استدعاء (?:ال)?سفير|استدعت (?:ال)?سفير|استدعي (?:ال)?سفير",
        "SANCTION",
        "recall",
        "event",
    ),
    ("اتفاق (?:[^ ]+ ){0,2}مع ", "AGREE", None, "weak"),
    ("يمهد (?:[^ ]+ ){0,3}لعمليه|تمهد (?:[^ ]+ ){0,3}لعمليه", "MOBILIZE", None, "event"),
    ("خروج (?:مقاتلي|المسلحين|مسلحي|عناصر)", "RETREAT", "evacuate", "event"),
    ("لن (?:ن|ي|ت)سمح", "REJECT", None, "event"),
    ("وصول (?:[^ ]+ ){0,2}(?:قوات|القوات|تعزيزات|مجموعات)", "MOBILIZE", None, "event"),
    (
        "اطلق(?:ت)? (?:[^ ]+ ){0,2}عمليه|بدا(?:ت)? (?:[^ ]+ ){0,2}عمليه|يطلق (?:[^ ]+ ){0,2}عمليه|تطلق (?:[^ ]+ ){0,2}عمليه",
        "ASSAULT",
        None,
        "weak",
    ),
    (
        "اغلق(?:ت|وا)? (?:[^ ]+ ){0,3}(?:مداخل|المعابر|الطرق|الحدود)|اغلاق (?:مداخل|المعابر|الحدود)",
        "COERCE",
        "curfew",
        "event",
    ),
    ("رحلت السلطات", "COERCE", "deport", "event"),
    ("فجر نفسه", "ASSAULT", "suicide-attack", "event"),
    # A projectile that fell or was fired is an attack even when no attack word names it.
    (
        "سقوط (?:[^ ]+ ){0,2}(?:صاروخ|صواريخ|قذيفه|قذايف)|"
        "اطلق(?:ت|وا|ه|ته|تها|ها)? (?:[^ ]+ ){0,3}(?:صاروخا|صاروخين|صواريخ|قذيفه|قذايف|مسيره|مسيرات)|"
        "صاروخ (?:[^ ]+ ){0,2}(?:اطلقه|اطلقها|اطلقته|اطلقتها|اطلقت|اطلقوها)|"
        "صواريخ (?:[^ ]+ ){0,2}(?:اطلقه|اطلقها|اطلقته|اطلقتها|اطلقت|اطلقوها)|"
        "قذيفه (?:[^ ]+ ){0,2}(?:اطلقه|اطلقها|اطلقته|اطلقتها|اطلقت|اطلقوها)|"
        "قذايف (?:[^ ]+ ){0,2}(?:اطلقه|اطلقها|اطلقته|اطلقتها|اطلقت|اطلقوها)|"
        "صاروخ (?:[^ ]+ ){0,3}(?:اخترق|اخترقت|سقط|سقطت|اصاب|اصابت)(?![\u0621-\u064a])|"
        "صواريخ (?:[^ ]+ ){0,3}(?:اخترق|اخترقت|سقط|سقطت|اصاب|اصابت)(?![\u0621-\u064a])|"
        "قذيفه (?:[^ ]+ ){0,3}(?:اخترق|اخترقت|سقط|سقطت|اصاب|اصابت)(?![\u0621-\u064a])|"
        "قذايف (?:[^ ]+ ){0,3}(?:اخترق|اخترقت|سقط|سقطت|اصاب|اصابت)(?![\u0621-\u064a])|"
        "مسيره (?:[^ ]+ ){0,3}(?:اخترق|اخترقت|سقط|سقطت|اصاب|اصابت)(?![\u0621-\u064a])|"
        "مسيرات (?:[^ ]+ ){0,3}(?:اخترق|اخترقت|سقط|سقطت|اصاب|اصابت)(?![\u0621-\u064a])|"
        "نيران (?:مباشره|صاروخيه|مدفعيه|رشاشه|كثيفه|الاحتلال)|فتح(?:ت|وا)? (?:[^ ]+ ){0,2}النار",
        "ASSAULT",
        "heavy-weapons",
        "event",
    ),
    ("يعد (?:[^ ]+ ){1,2}ب", "AGREE", "pledge", "event"),
    (
        "وقع(?:ت|ا|وا)? (?:علي )?(?:اتفاق|اعلان|مذكر)|توقيع (?:اتفاق|اعلان|مذكر)|يوقع (?:علي )?اتفاق",
        "AGREE",
        None,
        "event",
    ),
    ("سلموا انفسهم|سلم نفسه|استسلام", "CONCEDE", "surrender", "event"),
    ("تسليم الفصائل|تسليم اسلحتها|تسليم السلاح", "CONCEDE", "disarm", "event"),
    ("اتصال هاتفي|اتصالا هاتفيا|اتصالات خاصه|مكالمه هاتفيه", "CONSULT", "call", "event"),
    ("اوراق اعتماد", "CONSULT", "meet", "event"),
    (
        "عقد(?:ت|وا)? (?:[^ ]+ ){0,3}(?:ال)?(?:قمه|اجتماعا|اجتماع|لقاء|مباحثات|محادثات|مؤتمرا)|"
        "انعقد(?:ت)? (?:[^ ]+ ){0,3}(?:ال)?(?:قمه|اجتماعا|اجتماع|لقاء|مباحثات|محادثات|مؤتمرا)|"
        "تعقد (?:[^ ]+ ){0,3}(?:ال)?(?:قمه|اجتماعا|اجتماع|لقاء|مباحثات|محادثات|مؤتمرا)|"
        "يعقد (?:[^ ]+ ){0,3}(?:ال)?(?:قمه|اجتماعا|اجتماع|لقاء|مباحثات|محادثات|مؤتمرا)|"
        "ستعقد (?:[^ ]+ ){0,3}(?:ال)?(?:قمه|اجتماعا|اجتماع|لقاء|مباحثات|محادثات|مؤتمرا)|"
        "سيعقد (?:[^ ]+ ){0,3}(?:ال)?(?:قمه|اجتماعا|اجتماع|لقاء|مباحثات|محادثات|مؤتمرا)|"
        "قمه (?:[^ ]+ ){0,3}(?:التي|الذي) (?:عقدت|عقد|انعقدت|انعقد)|"
        "اجتماع (?:[^ ]+ ){0,3}(?:التي|الذي) (?:عقدت|عقد|انعقدت|انعقد)|"
        "لقاء (?:[^ ]+ ){0,3}(?:التي|الذي) (?:عقدت|عقد|انعقدت|انعقد)|"
        "مؤتمر (?:[^ ]+ ){0,3}(?:التي|الذي) (?:عقدت|عقد|انعقدت|انعقد)",
        "CONSULT",
        "meet",
        "event",
    ),
    ("مؤتمر صحفي مشترك", "CONSULT", "meet", "event"),
    ("وقف اطلاق النار|وقف لاطلاق النار|وقف لاطلاق نار|هدنه", "AGREE", "ceasefire", "weak"),
    ("توصل الي اتفاق|التوصل الي اتفاق|توصلا الي|توصلت .{0,30}الي اتفاق|توافق كامل", "AGREE", None, "event"),
    ("مذكرات التفاهم|مذكره تفاهم|اعلان تعاون", "AGREE", None, "event"),
    ("تبادل المعلومات", "AGREE", None, "weak"),
    (
        "انضمامها رسميا|تنضم رسميا|الانضمام الي التحالف|للانضمام الي التحالف|انضمام سوريا",
        "COOPERATE",
        "join",
        "event",
    ),
    ("افتتاح السفاره|تفتتح رسميا", "COOPERATE", None, "event"),
    ("انشطه تجاريه", "COOPERATE", None, "weak"),
    ("انسحاب (?:[^ ]+ )?من الاتفاق|انسحب[^ ]* من الاتفاق|الانسحاب من الاتفاق", "REJECT", None, "event"),
    ("اوقفت جميع الصادرات|حظر انشطه|حظر الانشطه", "SANCTION", "ban", "event"),
    ("اوامر الاخلاء|اوامر اخلاء", "COERCE", "displace", "event"),
    (
        "دفع بتعزيزات|الدفع بتعزيزات|نشر قوات|حشد عسكري|حشود عسكريه|رفع الجاهزيه|فتح الملاجي",
        "MOBILIZE",
        None,
        "event",
    ),
    ("لارسال قوات|ارسال قوات", "MOBILIZE", None, "event"),
    ("حمل .{0,40}مسؤوليه", "ACCUSE", None, "event"),
    ("(?:دق|دقت|تدق|يدق|يدقون) ناقوس الخطر", "THREATEN", None, "event"),  # sounds the alarm: a warning
    ("اعرب(?:ت|وا|ا)? (?:[^ ]+ ){0,3}عن (?:[^ ]+ )?(?:دعم|تاييد|ترحيب|تضامن)", "SUPPORT", None, "event"),
    ("ارتكب مجزره|ارتكبت مجزره|ارتكب .{0,8}مجازر", "ASSAULT", None, "event"),
    ("خروج (?:[^ ]+ )?من القطاع|خروج قيادات|خروج امن", "RETREAT", None, "event"),
    ("عمليه انزال|عمليه انزال جوي|عمليه امنيه|عمليه عسكريه", "ASSAULT", None, "event"),
    ("ضد تنظيم|عمليه مشتركه", "ASSAULT", None, "weak"),
    (
        "لقي مصرعه|لقوا مصرعهم|لقيا حتفهما|لقي حتفه|لقوا حتفهم|راح ضحيتها|ارتقي|ارتقيا|ارتقوا|"
        "توفي (?:[^ ]+ )?متاثرا|توفيت (?:[^ ]+ )?متاثره|توفي (?:[^ ]+ )?متاثر",
        "ASSAULT",
        None,
        "death",
    ),
    ("حزام ناسف|عبوه ناسفه|سياره مفخخه|بدون طيار|من دون طيار", "ASSAULT", None, "mode"),
    ("تفكيك خليه|تفكيك الخليه", "COERCE", "arrest", "event"),
]

# Mode of the "mode" phrases above.
_PHRASE_MODES = {
    "حزام ناسف": "suicide-attack",
    "عبوه ناسفه": "explosives",
    "سياره مفخخه": "explosives",
    "بدون طيار": "drone",
    "من دون طيار": "drone",
}


@cache
def word_index() -> dict[str, WordHit]:
    """Normalized surface form → trigger, built once from ``_ENTRIES``."""
    index: dict[str, WordHit] = {}

    def put(form: str, hit: WordHit) -> None:
        key = _norm(form)
        if key and key not in index:
            index[key] = hit

    for verbs, nouns, plover, mode, role in _ENTRIES:
        lemma = (verbs.split() or nouns.split() or [""])[0].split("/")[0]
        trigger = Trigger(plover, mode, role, _norm(lemma))
        for pair in verbs.split():
            perfect, _, imperfect = pair.partition("/")
            present_past, future = _verb(perfect, imperfect)
            for form in present_past:
                put(form, WordHit(trigger, verbal=True))
            for form in future:
                put(form, WordHit(trigger, future=True, verbal=True))
        for pair in nouns.split():
            singular, _, plural = pair.partition("/")
            for form in _noun(singular, plural or None):
                put(form, WordHit(trigger))
    return index


@dataclass(frozen=True, slots=True)
class PhraseHit:
    start: int  # offsets into the normalized text
    end: int
    trigger: Trigger


# What may come before a phrase, glued to its first word: a conjunction, a preposition, the article.
_PHRASE_PREFIX = r"(?:[وفبلك]|ال|وال|بال|لل|ول|وب)?"
_PHRASE_PREFIX_MAX = 3  # letters in its longest alternative


@cache
def _phrase_regex() -> list[tuple[tuple[str, ...], re.Pattern[str], Trigger]]:
    """One compiled pattern per phrase entry, with the literal words that must occur for it to match."""
    compiled = []
    for alternatives, plover, mode, role in _PHRASES:
        normalized = _norm(alternatives)
        keys = tuple(_literal_head(alt) for alt in _top_level(normalized))
        pattern = r"(?<![\u0621-\u064a])" + _PHRASE_PREFIX + "(?P<p>" + normalized + ")"
        compiled.append((keys, re.compile(pattern), Trigger(plover, mode, role, _top_level(normalized)[0])))
    return compiled


@cache
def _anchored_entries() -> list[bool]:
    """Per phrase entry: whether every alternative starts with its literal words (its key), so that a match
    can only begin where a key occurs (not when a quantifier follows the key: ``قصفه?``)."""
    anchored = []
    for alternatives, _, _, _ in _PHRASES:
        alts = _top_level(_norm(alternatives))
        anchored.append(
            all(
                (head := _literal_head(alt))
                and alt.startswith(head)
                and alt[len(head) : len(head) + 1] not in ("?", "*", "+", "{")
                and not any(char in head for char in "^$|)]}")
                for alt in alts
            )
        )
    return anchored


def _top_level(pattern: str) -> list[str]:
    """The alternatives of a pattern at parenthesis depth 0."""
    parts, depth, current = [], 0, ""
    for char in pattern:
        depth += (char == "(") - (char == ")")
        if char == "|" and depth == 0:
            parts.append(current)
            current = ""
        else:
            current += char
    return [*parts, current]


def _literal_head(alternative: str) -> str:
    """The literal text an alternative starts with (up to its first regular-expression operator)."""
    head = re.split(r"[(\[.?*+{\\]", alternative, maxsplit=1)[0]
    return head.strip()


@cache
def _key_automaton() -> ahocorasick.Automaton:
    """Every phrase entry's literal words in one automaton: one pass over a text finds which occur."""
    automaton = ahocorasick.Automaton()
    for keys, _, _ in _phrase_regex():
        for key in keys:
            if key:
                automaton.add_word(key, key)
    automaton.make_automaton()
    return automaton


def find_phrases(normalized: str) -> list[PhraseHit]:
    """Multi-word triggers in a normalized text, leftmost-longest, none overlapping another."""
    hits = []
    occurrences: dict[str, list[int]] = {}  # key → where it starts
    for last, key in _key_automaton().iter(normalized):
        occurrences.setdefault(key, []).append(last - len(key) + 1)
    present = occurrences.keys()
    for (keys, regex, trigger), anchored in zip(_phrase_regex(), _anchored_entries(), strict=True):
        if "" not in keys and present.isdisjoint(keys):  # none of its literal words occurs: skip the entry
            continue
        if anchored:  # tried only where its keys occur instead of at every character of the text
            matches = _matches_at(
                regex, normalized, sorted({i for key in keys for i in occurrences.get(key, ())})
            )
        else:
            matches = regex.finditer(normalized)
        for match in matches:
            found = trigger
            if trigger.role == "mode":
                found = Trigger("ASSAULT", _PHRASE_MODES.get(match.group("p")), "mode", trigger.lemma)
            hits.append(PhraseHit(match.start("p"), match.end("p"), found))
    hits.sort(key=lambda h: (h.start, -(h.end - h.start)))
    kept: list[PhraseHit] = []
    for hit in hits:
        if kept and hit.start < kept[-1].end:
            continue
        kept.append(hit)
    return kept


def _matches_at(regex: re.Pattern[str], text: str, starts: list[int]) -> Iterator[re.Match[str]]:
    """What ``regex.finditer(text)`` finds, for a phrase pattern whose phrase begins at one of ``starts``
    (sorted): a match begins there or at most ``_PHRASE_PREFIX_MAX`` letters before, so only there is it tried."""
    pos = 0  # where the previous match ended: matches do not overlap
    for start in starts:
        if start < pos:
            continue
        for at in range(max(pos, start - _PHRASE_PREFIX_MAX), start + 1):
            match = regex.match(text, at)
            if match is not None:
                yield match
                pos = match.end()
                break


_PROCLITICS = (
    "وبال",
    "وال",
    "بال",
    "فال",
    "كال",
    "ولل",
    "لل",
    "ال",
    "وب",
    "ول",
    "وس",
    "فب",
    "فل",
    "و",
    "ف",
    "ب",
    "ل",
    "ك",
)
_ENCLITICS = ("هما", "هم", "ها", "هن", "نا", "ه")
# The same, by their first (proclitics) or last (enclitics) letter, in the same order: a word is only tried
# with the clitics it can hold.
_PROCLITICS_BY_LETTER = {c: tuple(p for p in _PROCLITICS if p[0] == c) for c in {p[0] for p in _PROCLITICS}}
_ENCLITICS_BY_LETTER = {c: tuple(s for s in _ENCLITICS if s[-1] == c) for c in {s[-1] for s in _ENCLITICS}}


# Words that a clitic or pronoun split would misread as a trigger (وزارة is not و + زار + ه).
_NEVER = frozenset(
    _norm(w)
    for w in [
        "وزارة",
        "الوزارة",
        "بوزارة",
        "لوزارة",
        "وزارات",
        "الوزارات",
        "وزاري",
        "الوزاري",
        "وزارية",
        "الوزارية",
        "ووزارة",
        "ووزير",
        "وزير",
        "الوزير",
        "وفقا",
        "وفق",
        "تحت",
        "ضربا",
        "بحثا",
        "جهة",
        "وجهة",
        "قبل",
        "بعد",
        "أمام",
        "خلال",
        "أثناء",
        # participles spelt like a verb: البيان الصادر عن (issued), عبر الهاتف (the telephone), التوجه (a trend)
        "صادر",
        "صادرة",
        "الصادر",
        "الصادرة",
        "والصادر",
        "والصادرة",
        "الهاتف",
        "بالهاتف",
        "التوجه",
    ]
)


@cache
def lookup_word(word: str) -> WordHit | None:
    """The trigger a normalized word stands for, trying it bare, without proclitics, then without a pronoun."""
    if word in _NEVER:
        return None
    index = word_index()
    hit = index.get(word)
    if hit is not None:
        return hit
    for prefix in _PROCLITICS_BY_LETTER.get(word[:1], ()):
        if word.startswith(prefix) and len(word) - len(prefix) >= 3:
            rest = word[len(prefix) :]
            hit = index.get(rest) or _without_pronoun(rest, index)
            if hit is not None and hit.verbal and prefix.endswith(("ال", "لل")):
                # the article makes a verb's spelling a noun (التصدي، التوافق): no tense, no agent of its own
                return WordHit(hit.trigger, future=False, verbal=False)
            if hit is not None:
                return hit
    return _without_pronoun(word, index)


def _without_pronoun(word: str, index: dict[str, WordHit]) -> WordHit | None:
    for suffix in _ENCLITICS_BY_LETTER.get(word[-1:], ()):
        if word.endswith(suffix) and len(word) - len(suffix) >= (4 if suffix == "ه" else 3):
            base = word[: -len(suffix)]
            hit = index.get(base)
            if hit is None and base.endswith("ت"):
                hit = index.get(base[:-1] + "ه")  # غارتها → غارة
            if hit is not None:
                return hit
    return None
