"""Event mentions: trigger words found in a text, grouped per clause into one mention per PLOVER type.

A clause is a stretch of a sentence that reports one action: sentences are cut further at ``؛`` and before
the connectives that start a new report (``، و…``, ``كما``, ``فيما``, ``بينما``, ``في حين``). Within a clause,
triggers of the same PLOVER type make one mention (``شنّت الطائرات غارات`` is one air strike); attack modes
(``مسيّرة``, ``مدفعي``) and death words (``استشهد``, ``مقتل``) attach to the clause's attack, and a death word
with no attack in its sentence is itself reported as an attack (``استشهاد شاب برصاص قوات الاحتلال``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from itertools import pairwise

from rasd.events.layers import TextLayers
from rasd.events.lexicon import MODE_ORDER, Trigger, WordHit, find_phrases, lookup_word, word_index

_WORD_RE = re.compile(r"[\u0621-\u064a]+")
# Where a new clause starts inside a sentence (on the normalized text).
_CLAUSE_RE = re.compile(
    r";|,\s*(?=و[\u0621-\u064a]{3,})|\s(?=(?:و|ف)?(?:كما|فيما|بينما|وفيما|في حين|كذلك|من جهه|من جانب|في المقابل|بالمقابل)\s)"
)
# In a headline, "و" before a word that a verb follows opens a second report (والقسام تواصل، ومستوطنون يقتحمون).
_HEADLINE_CLAUSE_RE = re.compile(
    _CLAUSE_RE.pattern + r"|\s(?=و[\u0621-\u064a]{3,}(?:\s[\u0621-\u064a]+)?\s(?:ي|ت)[\u0621-\u064a]{3,})"
)
# "و" and a count of a second batch of strikes (6 غارات على الزيدية و3 غارات على زبيد): a second report.
_COUNTED_EVENT_RE = re.compile(r"\s(?=و\d+\s+([\u0621-\u064a]+))")
# "و" and a trigger noun called "another" (… و3 غارات على زبيد وغارة جوية أخرى استهدفت …): a new report.
_ANOTHER_EVENT_RE = re.compile(
    r"\s(?=و([\u0621-\u064a]+)(?:\s+[\u0621-\u064a]+){0,2}\s+(?:ال)?(?:اخري|اخر|ثانيه|ثان)(?![\u0621-\u064a]))"
)


def _is_event_word(word: str) -> bool:
    found = lookup_word(word)
    return found is not None and found.trigger.role == "event"


# Words that make a death count a running toll, not one happening.
_AGGREGATE_RE = re.compile(
    r"حصيل(?!\S* (?:اوليه|غير نهاييه))(?!\S* (?:\S+ ){0,2}(?:ال)?(?:تفجير|هجوم|انفجار|غاره|قصف|مجزره|حادث|زلزال|صاروخ|قذيفه))|ارتفع عدد|يرتفع عدد|ارتفاع عدد|الاجمالي|اجمالي|منذ بد|منذ اندلاع|منذ السابع|منذ 7|ليرتفع|المعترف بهم|"
    r"العدد الاجمالي|خلال \d+ اعوام|منذ بدايه"
)
# A running toll carried on after the report (استشهد 3 …، ليرتفع عدد الشهداء منذ بدء العدوان إلى …).
_TOLL_AFTER_RE = re.compile(r"[،,]?\s*(?:و)?(?:ليرتفع|لترتفع|ليصل|لتصل|وبذلك|بذلك يرتفع)(?![\u0621-\u064a])")
_DEFINITE_RE = re.compile(r"^(?:و|ف)?(?:ب|ل|ك)?(?:ال|لل)")
# "Another" after a trigger noun, or a clause opening on a separate incident: a new happening, not a repeat.
_ANOTHER_AFTER_RE = re.compile(
    r"(?:\s+[\u0621-\u064a]+){0,2}\s+(?:ال)?(?:اخري|اخر|ثانيه|ثان|جديده|جديد|منفصل|منفصله)(?![\u0621-\u064a])"
)
_ANOTHER_CLAUSE_RE = re.compile(
    r"(?:هجوم|حادث|حادثه|تطور|عمليه|غاره|اعتداء|سياق|جهه|ناحيه|صعيد) (?:اخر|اخري|منفصل|منفصله)"
)
# Words that make an attack word a general state of war rather than one happening.
_ONGOING_RE = re.compile(
    r"المستمر|المتواصل|متواصل|مستمر|يواصل|تواصل|تستمر|يستمر|استمرار|تتواصل|تتكرر|المتكرر|متكرر|باستمرار|"
    r"بين الفينه والاخري|بين الحين والاخر|مرارا|يوميا|بشكل يومي|وتيره|تتصاعد|يتصاعد|طالما|"
    r"الاونه الاخيره|(?<![\u0621-\u064a])(?:و)?(?:تمارس|يمارس|تمارسان|يمارسون)(?![\u0621-\u064a])|"
    r"(?<![\u0621-\u064a])مرات(?![\u0621-\u064a])"  # اعتقل 3 مرات: several occasions, not one happening
)
# Words naming the people charged with an attack or the charge itself: the attack they name is told elsewhere.
_CHARGE_BEFORE_RE = re.compile(
    r"(?:منفذي|منفذو|منفذ|المتورطين في|متورطين في|المتورطين ب|تورطهم في|تورطه في|المشتبه بهم في|"
    r"المشتبه به في|بتهمه|بتهم|تهمه|التحريض علي|بالتحريض علي|للاشتباه في|لاتهامهم ب|بالمشاركه في)"
    r"(?: [\u0621-\u064a]+)?\s*(?:[وبلف]|ال|بال|وال)?$"
)
_PREPOSITIONS = frozenset(["دون", "بدون", "من", "عن", "في", "علي", "الي", "حتي", "منذ", "بعد", "قبل"])
# Places and institutions named after a martyr: مخيم الشهيد…، كتائب الشهيد…
_NAMED_AFTER_RE = re.compile(r"(?:كتائب|لواء|مخيم|مستشفي|شارع|مسجد|مدرسه|ساحه|ميدان|مجمع|كتيبه)\s+$")
# Nouns of places whose next word names or qualifies the place (وادي رفض، جبل الهجوم، ساحة المعركة).
_PLACE_NOUN_BEFORE_RE = re.compile(r"(?<![\u0621-\u064a])(?:وادي|جبل|تل|قريه|بلده|حي|ساحه|ميدان|ارض)\s+$")
_MARCH_AFTER = frozenset(["احتجاجيه", "حاشده", "شعبيه", "تضامنيه", "جماهيريه", "سلميه", "احتجاجا"])
_MARCH_BEFORE = frozenset(["خرجت", "خرج", "نظم", "نظمت", "نظموا", "شارك", "شاركوا", "شاركت", "انطلقت"])
_GUESTS = frozenset(["بالحضور", "بالضيوف", "بالوفد", "بالوفود", "بالزوار", "بضيوفه", "بضيفه", "بالمشاركين"])
# What is shot down: an aircraft, a drone, a missile or a shell.
_AIRBORNE_RE = re.compile(
    r"طائر|طيار|مسير|مروحي|مقاتل|صاروخ|صواريخ|قذيف|قذايف|درون|بالون|منطاد|هدف جوي|اهداف جويه"
)
_VERDICT_RE = re.compile(
    r"محكمه|المحكمه|القضاء|القاضي|المحلفين|بتهمه|بتهم|بالتهم|بقضيه|غيابيا|بالسجن|بالاعدام"
)
# Talks need a partner: مع, a second party joined by و/بين, or talks in a meeting, visit or call.
_PARTNER_RE = re.compile(
    r"(?<![\u0621-\u064a])(?:مع|بين|ونظير|نظيره|نظيرته|اجتماع|لقاء|زياره|اتصال|هاتفي|قمه|"
    r"الجانبان|الجانبين|الطرفان|الطرفين|البلدان|البلدين|الوزيران|الزعيمان|الرييسان|الوفدان|وفد|وفدا)"
)
_SEEKING = frozenset(
    [
        "فرص",
        "فرصه",
        "امكانيه",
        "احتمال",
        "احتمالات",
        "جهود",
        "مساع",
        "مساعي",
        "سعي",
        "يسعي",
        "تسعي",
        "بهدف",
        "محاوله",
        "شروط",
        "عدم",
        "دون",
        "بشان",
        "حول",
        "نحو",
        "اجل",
        "سبيل",
        "امل",
        "املا",
        "فشل",
        "تعثر",
        "عرقله",
        "لعرقله",
    ]
)
# Adjectives that make a battle or an attack figurative: in words (group 1: an accusation) or another field.
_FIGURATIVE_RE = re.compile(
    r"\s+(?:(لاذع|لاذعا|لاذعه|حاد|حادا|حاده|كلامي|كلاميا|اعلامي|اعلاميا|اعلاميه)|"
    r"(?:سياسي|سياسيه|سياسيا|انتخابي|انتخابيه|قضايي|قضاييه|قانوني|قانونيه|دبلوماسي|دبلوماسيه|اقتصادي|اقتصاديه|"
    r"تجاري|تجاريه|نفسي|نفسيه|ثقافي|ثقافيه|فكري|فكريه))(?![\u0621-\u064a])"
)
_DECLINED = frozenset(["التعليق", "الافصاح", "الكشف", "الادلاء", "ذكر", "كشف", "تحديد"])
_SPORT_RE = re.compile(
    r"مباراه|مباريات|المنتخب|لاعب|المدرب|الدوري|كاس العالم|بطوله|الشوط|ركله|ركلات|الترجيح|حارس المرمي|المرمي|"
    r"تسديده|بالكره|الملعب|الفيفا|هدف التعادل|هدف الفوز"
)
_PROTESTERS_RE = re.compile(r"محتج|متظاهر|معتصم")
_TYPE_PRIORITY = {"arrest": 0, "curfew": 1, "raid": 5}
_ONE_AGGRESSION_AFTER = re.compile(r"\s+(?:جوي|جويا|اسرائيلي|اسرائيليا|صاروخي|مدفعي|امريكي|اميركي|تركي)")
_ONE_AGGRESSION_BEFORE = frozenset(["شن", "شنت", "نفذ", "نفذت", "لعدوان", "بعدوان", "تصدت", "تصدي", "يشن"])
_QUOTED_RE = re.compile(r'"[^"\n]{25,400}"')  # a short quotation names a thing ("تعبئة عامة")
_HOLY_SITE_RE = re.compile(r"الاقصي|قبر|المسجد|الحرم|باحات")
_ARMED_RE = re.compile(
    r"مسلح|الجيش|جيش|قوات|ميليشي|مليشي|المتمردين|ارهابي|عناصر|مقاتل|المقاومه|التنظيم|الحوثي"
)
_CROWD_RE = re.compile(r"شبان|متظاهر|محتج|فلسطينيين|الاهالي|مواطنين|شغب|الحجاره|المستوطنين")
# Death words at a funeral or in an obituary mourn earlier deaths; they do not report an attack.
_FUNERAL_RE = re.compile(
    r"شيع|يشيع|تشيع|تشييع|جنازه|جثمان|جثامين|نعت|نعي|ينعي|تنعي|زفت|تزف|زف |تابين|وفاه|توفي|ذكري"
)
# Disasters and accidents: the dead they leave are no attack's (قتلى ومشردون جراء الفيضانات).
_DISASTER_RE = re.compile(
    r"فيضان|زلزال|هزه ارضيه|سيول|اعصار|عاصفه|حادث سير|حادث مروري|حوادث السير|تصادم|انقلاب حافله|انقلاب سياره|غرق|"
    r"الامطار|انهيار مبني|انهيار منجم|وباء|الكوليرا|كورونا|كوفيد|بمرض|مرض"
)
# Types whose nominal complement is what is demanded, rejected, threatened or promised — not a happening.
_CONTENT_TAKERS = frozenset({"REQUEST", "REJECT", "THREATEN", "ACCUSE"})


@dataclass(slots=True)
class TriggerHit:
    start: int  # offsets into the original text
    end: int
    trigger: Trigger
    future: bool = False
    verbal: bool = False
    surface: str = ""
    previous: str = ""  # the normalized word before the trigger
    another: bool = False  # "another" follows within two words (غارة جوية أخرى)


@dataclass(slots=True)
class Mention:
    """One reported action: its PLOVER type, trigger spans and the clause and sentence it lies in."""

    plover: str
    mode: str | None
    role: str
    start: int
    end: int
    clause: tuple[int, int]
    sentence: tuple[int, int]
    lemmas: list[str] = field(default_factory=list)
    spans: list[tuple[int, int]] = field(default_factory=list)
    modes: list[str] = field(default_factory=list)
    deaths: list[tuple[int, int]] = field(default_factory=list)
    future: bool = False
    verbal: bool = False
    aggregate: bool = False
    ongoing: bool = False
    distinct: bool = False  # the text marks it as another happening (غارة أخرى، في هجوم منفصل)
    anaphoric: bool = False  # its trigger is a definite noun (الهجوم، الاشتباكات): a happening already told
    strength: float = 0.7


def _hits(layers: TextLayers) -> list[TriggerHit]:
    norm = layers.normalized
    ntext = norm.text
    phrases = find_phrases(ntext)
    taken = [(p.start, p.end) for p in phrases]
    hits = [
        TriggerHit(*norm.to_original(p.start, p.end), p.trigger)
        for p in phrases
        if not _civil_operation(p.trigger, ntext, p.end)
    ]
    quoted = [m.span() for m in _QUOTED_RE.finditer(ntext)]
    next_taken = 0  # phrase spans are sorted and disjoint: walk them alongside the words
    for match in _WORD_RE.finditer(ntext):
        if not _trigger_word(match.group()):
            continue  # most words: one cached look-up
        start, end = match.span()
        while next_taken < len(taken) and taken[next_taken][1] <= start:
            next_taken += 1
        if next_taken < len(taken) and taken[next_taken][0] < end:
            continue
        found = lookup_word(match.group())
        if found is None:  # a trigger glued to the next word (``_trigger_word``)
            found, end = _glued(match.group(), start)
        if found is None:
            continue
        if (
            not found.verbal
            and found.trigger.role != "mode"
            and any(s < start and end < e for s, e in quoted)
        ):
            continue  # a noun inside a quotation is what someone said, not what happened
        trigger = _contextual(found.trigger, ntext, start, end)
        if trigger is None:
            continue
        previous = _WORD_RE.findall(ntext[max(0, start - 20) : start])
        hit = TriggerHit(*norm.to_original(start, end), trigger, found.future, found.verbal, match.group())
        hit.previous = previous[-1] if previous else ""
        if hit.verbal and hit.previous in _PREPOSITIONS:
            hit.verbal = False  # من دون رفض: after a preposition the form is the verbal noun, not the verb
        hit.another = bool(_ANOTHER_AFTER_RE.match(ntext, end))
        hits.append(hit)
    hits.sort(key=lambda h: h.start)
    return _outside_names(hits, layers)


# What an "operation" that is no attack is of (عملية إجلاء، عملية سياسية، عملية تبادل الأسرى).
_CIVIL_OPERATION_RE = re.compile(
    r"\s+(?:ال)?(?:سياسيه|سلام|تبادل|اعاده|تسليم|انتخابيه|تفاوض|انتقال|نقل|جراحيه|اعمار|تسويه|عوده|ترحيل|"
    r"اجلاء|اخلاء|مصالحه|بناء|تنظيم|تصويت|تسجيل|توزيع|انسحاب|خروج|دمج)(?![\u0621-\u064a])"
)


def _civil_operation(trigger: Trigger, ntext: str, end: int) -> bool:
    """Whether an "operation" phrase (بدأت عملية، أطلقت عملية) names a civil operation, not an attack."""
    return (
        trigger.plover == "ASSAULT"
        and ntext[max(0, end - 5) : end] == "عمليه"
        and _CIVIL_OPERATION_RE.match(ntext, end) is not None
    )


@cache
def _trigger_word(word: str) -> bool:
    """Whether a word is a trigger, or a long word with one glued at its head (what ``_hits`` looks up)."""
    return lookup_word(word) is not None or (len(word) >= 8 and _glued_head(word)[0] is not None)


def _glued(word: str, start: int) -> tuple[WordHit | None, int]:
    """A trigger glued to the next word by a lost space (قصفهاموقعي, قامواباستهداف): the longest known head."""
    head, cut = _glued_head(word)
    return head, start + cut


@cache  # a pure function of the word: long words recur across articles
def _glued_head(word: str) -> tuple[WordHit | None, int]:
    for cut in range(len(word) - 3, 3, -1):
        head = lookup_word(word[:cut])
        if head is not None and head.trigger.role in ("event", "death") and lookup_word(word[cut:]) is None:
            return head, cut
        if head is None:
            for prefix in ("قاموا", "قامت", "قام"):  # قامواباستهداف: an auxiliary glued to the verbal noun
                if word.startswith(prefix) and cut == len(prefix):
                    rest = lookup_word(word[cut:])
                    if rest is not None and rest.trigger.role == "event":
                        return rest, len(word)
    return None, len(word)


def _contextual(trigger: Trigger, ntext: str, start: int, end: int) -> Trigger | None:
    """The trigger as its neighbours read it (a march is not a drone; بحثا عن is a search)."""
    after = ntext[end : end + 14].split()
    before = ntext[max(0, start - 14) : start].split()
    next_word = after[0] if after else ""
    prev_word = before[-1] if before else ""
    if trigger.lemma == "مسيره" and (next_word in _MARCH_AFTER or prev_word in _MARCH_BEFORE):
        return Trigger("PROTEST", "demo", "event", "مسيره")
    if trigger.lemma == "بحث" and next_word in ("عن", "عنه", "عنهم"):
        return None
    if trigger.lemma == "بحث" and not _PARTNER_RE.search(ntext, start, end + 80):
        return None  # إسرائيل تبحث تفككاً محتملاً للسلطة: a party weighing a matter, no talks with anyone
    if trigger.plover == "AGREE" and not _is_verb_form(ntext[start:end]) and _sought(ntext, start):
        return None  # مساعٍ لإبرام صفقة، فرص إبرام اتفاق: an agreement sought, none made
    if trigger.lemma == "استقبل" and next_word.startswith(
        ("لاجي", "اللاجي", "النازح", "نازح", "ضيوف", "جثامين")
    ):
        return None
    if trigger.role == "death" and _NAMED_AFTER_RE.search(ntext, max(0, start - 12), start):
        return None
    if trigger.role != "mode" and _PLACE_NOUN_BEFORE_RE.search(ntext, max(0, start - 12), start):
        return None  # وادي رفض، ساحة المعركة: a place named or set by the word, not a happening
    word_form = ntext[start:end]
    if (
        (trigger.role == "death" or trigger.lemma in ("اغتال", "اعتقل"))
        and word_form.endswith(("ه", "ها", "هم"))
        and word_form not in word_index()
        and word_form.lstrip("وفبل") not in word_index()
    ):
        return None  # استشهاده، اغتياله، مقتلهم: a death the text refers back to, not a report of one
    if trigger.lemma == "عدوان" and not (
        _ONE_AGGRESSION_AFTER.match(ntext, end) or prev_word in _ONE_AGGRESSION_BEFORE
    ):
        return (
            None  # "the aggression on Gaza": the war as a whole, not one attack (عدوان جوي إسرائيلي is one)
        )
    if trigger.role != "mode" and prev_word in (
        "اي",
        "ايه",
        "لاي",
        "باي",
        "لايه",
        "بايه",
        "كل",
        "لكل",
        "بكل",
    ):
        return None  # أي هجوم، لكل اعتداء: any attack there may be, not one that happened
    if (
        trigger.plover == "ASSAULT"
        and trigger.role != "mode"
        and _CHARGE_BEFORE_RE.search(ntext, max(0, start - 30), start)
    ):
        return None  # منفذي الهجوم، المتورطين في الهجوم، بتهمة التحريض على اختطاف: the charge, not the attack
    if trigger.lemma in ("ضربه", "تصدي") and not _ARMS_NEAR_RE.search(_window(ntext, start, end)):
        return None  # ضربة قوية لحكومة ماي، خطة تتصدى للخطر: a blow or a countering in words, no arms
    if trigger.lemma == "حذر" and (
        prev_word.removeprefix("و") in ("هدوء", "الهدوء", "هدوءا", "ترقب", "تفاول", "بتواضع", "بحيطه")
        or ntext[start:end].startswith(("بحذر", "وبحذر"))
    ):
        return None  # هدوء حذر، بحذر: caution, cautious — no warning
    if trigger.lemma == "ادان" and _VERDICT_RE.search(ntext, max(0, start - 25), end + 25):
        return None  # أدانت المحكمة المتهم، أُدين بتهمة الخيانة: a court's verdict, no condemnation
    if trigger.plover == "REJECT" and next_word in _DECLINED:
        return None  # رفض التعليق: declined to comment, no rejection of anything
    if trigger.plover == "ASSAULT" and trigger.role != "mode":
        figure = _FIGURATIVE_RE.match(ntext, end)
        if figure is not None:  # معركة قضائية، هجوم لاذع: a fight in court or in words
            return Trigger("ACCUSE", None, "event", trigger.lemma) if figure.group(1) else None
    if trigger.lemma == "هاجم" and _verbal_attack(ntext, start, end):
        return Trigger(
            "ACCUSE", None, "event", "هاجم"
        )  # هاجم الرئيس الإيراني نظيره الأمريكي: words, not arms
    if trigger.lemma == "اسقط" and not _AIRBORNE_RE.search(ntext, end, end + 50):
        return None  # إسقاط مشروع قرار، إسقاط النظام، إسقاط مرشحين: a veto, a fall, not a shooting down
    if trigger.lemma == "سيطر" and (
        prev_word in ("تحت", "مناطق", "منطقه", "خطوط", "نفوذ")
        or word_form.lstrip("وف").startswith(("ي", "ت", "لسيطر"))
    ):
        return None  # تحت سيطرة، المناطق التي تسيطر عليها، الخاضعة لسيطرة: who holds ground, not taking it
    if trigger.role == "weak" and prev_word in ("بانها", "بانه", "بانهم", "بمثابه", "كانها", "كانه"):
        return None  # وصف المواجهة بأنها معركة وجودية: what something is called, not a happening
    if trigger.plover == "SUPPORT" and _GUESTS.intersection(ntext[end : end + 60].split()[:5]):
        return None  # رحّب بالحضور، ترحيبه بالوفد: a host greeting guests, not support for a cause
    if trigger.plover == "COERCE" and prev_word in ("رهن", "قيد", "تحت"):
        return None  # رهن الاعتقال: a state (held in detention), not an arrest
    if trigger.plover == "COERCE" and prev_word.startswith(("مذكر", "لمذكر")):
        return None  # an arrest warrant is not an arrest
    word = ntext[start:end]
    if (
        trigger.plover in ("ACCUSE", "REJECT", "SUPPORT")
        and word.endswith("ا")
        and prev_word.lstrip("و") not in ("وجه", "وجهت", "يوجه", "توجه", "وجهوا")  # وجّهت اتهاماً is an act
    ):
        return None  # تنديدا، رفضا: the purpose of another act, not an act of its own
    near = (max(0, start - 80), end + 80)
    if trigger.lemma == "مواجهات" and _ARMED_RE.search(ntext, *near) and not _CROWD_RE.search(ntext, *near):
        return Trigger("ASSAULT", "firearms", "event", "مواجهات")
    return trigger


# Words of arms and fighters near "attacked": the attack is physical.
_ARMS_NEAR_RE = re.compile(
    r"مسلح|قوات|القوه|جيش|جنود|جندي|مقاوم|موقع|قاعده|ثكن|مستوطن|طائر|طيران|مسير|صاروخ|صواريخ|قذيف|قذايف|نار|رصاص|"
    r"سكين|طعن|عبوه|كتيبه|لواء|سرايا|كتايب|وحدات|محتج|متظاهر|ميليشي|مليشي|عصاب|داعش|تنظيم|الشرطه|مقاتل|دبابه|"
    r"اليه|اليات|سفينه|سفن|مطار|مقر|مركز|حاجز|نقطه|دوريه|مخيم|قريه|بلده|مدينه|منزل|سفاره"
)
# Speakers, outlets and words of saying: an attack in words (هاجم الوزير الصحيفة، قائلاً …).
_WORDS_NEAR_RE = re.compile(
    r"رييس|وزير|حزب|صحيفه|قناه|عضو|نايب|برلماني|المتحدث|زعيم|مرشح|قايلا|متهما|واصفا|معتبرا|موكدا|مشيرا|بشده|"
    r"تغريده|تصريح|مقال|افتتاحيه|خطاب|كلمه|مقابله|منافس|نظيره"
)


def _verbal_attack(ntext: str, start: int, end: int) -> bool:
    """Whether a verb "attacked" (هاجم، تهاجم) is said of a speaker attacking someone in words: no arms or
    fighters near it, and a speaker, an outlet or a word of saying."""
    if not ntext[start:end].lstrip("وف").startswith(("هاجم", "يهاجم", "تهاجم")):
        return False  # the noun (هجوم، الهجمات) names a physical attack
    window = _window(ntext, start, end)
    return not _ARMS_NEAR_RE.search(window) and bool(_WORDS_NEAR_RE.search(window))


def _window(ntext: str, start: int, end: int) -> str:
    """The words around a trigger, within its sentence as far as the next full stop."""
    sentence_end = ntext.find(".", end)
    return ntext[max(0, start - 40) : min(end + 120, sentence_end if sentence_end >= 0 else len(ntext))]


def _is_verb_form(word: str) -> bool:
    found = lookup_word(word)
    return found is not None and found.verbal


def _sought(ntext: str, start: int) -> bool:
    """Whether the agreement noun at ``start`` is what someone seeks or weighs (لإبرام، فرص إبرام)."""
    before = ntext[max(0, start - 25) : start].split()
    return ntext[start : start + 2] in ("لا", "لل") or bool(before and before[-1] in _SEEKING)


def _outside_names(hits: list[TriggerHit], layers: TextLayers) -> list[TriggerHit]:
    """Drop triggers inside the name of an organisation, a person or a place (كتائب الشهيد…، وادي رفض)."""
    names = [
        (e.start, e.end) for e in layers.entities if e.type in ("ORG", "PER", "MISC") and e.end - e.start > 6
    ]
    names += [(p.start, p.end) for p in layers.places]
    if not names:
        return hits
    return [
        h
        for h in hits
        if h.trigger.role == "mode"
        or not any(s <= h.start and h.end <= e and (e - s) > (h.end - h.start) for s, e in names)
    ]


def clauses_of(layers: TextLayers, headline: bool = False) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """(clause, sentence) spans of the text, in order, offsets into the original text (a headline is also cut
    where "و" joins a second report without a comma: مقتل جندي والقسام تواصل استهداف الدبابات)."""
    norm = layers.normalized
    out: list[tuple[tuple[int, int], tuple[int, int]]] = []
    splitter = _HEADLINE_CLAUSE_RE if headline else _CLAUSE_RE
    for sentence in layers.sentences:
        n_start, n_end = layers.to_normalized(sentence.start, sentence.end)
        cuts = [n_start]
        cuts += [m.start() for m in splitter.finditer(norm.text, n_start, n_end) if m.start() > n_start + 8]
        cuts += [
            m.start()
            for pattern in (_COUNTED_EVENT_RE, _ANOTHER_EVENT_RE)
            for m in pattern.finditer(norm.text, n_start, n_end)
            if m.start() > n_start + 8 and _is_event_word(m.group(1))
        ]
        cuts.sort()
        cuts.append(n_end)
        for a, b in pairwise(cuts):
            if b > a:
                start, end = norm.to_original(a, b)
                out.append(((start, end), (sentence.start, sentence.end)))
    return out


def find_mentions(layers: TextLayers, headline: bool = False) -> list[Mention]:
    """The event mentions of a text (``headline``: of a headline), in order."""
    hits = _hits(layers)
    if not hits:
        return []
    spans = clauses_of(layers, headline)
    mentions: list[Mention] = []
    by_sentence: dict[tuple[int, int], list[Mention]] = {}
    pending_deaths: list[tuple[tuple[int, int], tuple[int, int], list[TriggerHit], list[str]]] = []
    pending_injuries: list[tuple[tuple[int, int], tuple[int, int], list[TriggerHit], list[str]]] = []
    k = 0
    for clause, sentence in spans:
        in_clause: list[TriggerHit] = []
        while k < len(hits) and hits[k].start < clause[1]:
            if hits[k].start >= clause[0]:
                in_clause.append(hits[k])
            k += 1
        if not in_clause:
            continue
        clause_text = layers.normalized_slice(*clause)
        modes = [h.trigger.mode for h in in_clause if h.trigger.role == "mode" and h.trigger.mode]
        deaths = [h for h in in_clause if h.trigger.role == "death"]
        made = _clause_mentions(in_clause, clause, sentence, modes, deaths, clause_text)
        if deaths and not any(m.plover == "ASSAULT" for m in made):
            pending_deaths.append((clause, sentence, deaths, modes))
        elif modes and not made and not deaths:
            # People wounded by a weapon the clause names (أصيب مهاجر بنيران التحالف): an attack, no dead.
            injuries = [h for h in in_clause if h.trigger.role == "injury"]
            if injuries:
                pending_injuries.append((clause, sentence, injuries, modes))
        for mention in made:
            mentions.append(mention)
            # in a headline each clause is its own report: its dead are not another clause's
            by_sentence.setdefault(clause if headline else sentence, []).append(mention)
    for clause, sentence, deaths, modes in pending_deaths:
        told = by_sentence.get(clause if headline else sentence, [])
        # protesters killed at a protest the sentence tells are its victims (excessive force, in ACLED's terms)
        attacks = [m for m in told if m.plover == "ASSAULT" or m.mode == "riot"] or [
            m
            for m in told
            if m.plover == "PROTEST" and _PROTESTERS_RE.search(layers.normalized_slice(*clause))
        ]
        if attacks:
            nearest = min(attacks, key=lambda m: abs(m.start - deaths[0].start))
            nearest.deaths += [(d.start, d.end) for d in deaths]
            nearest.modes += modes
            continue
        clause_text = layers.normalized_slice(*clause)
        if _FUNERAL_RE.search(clause_text) or _DISASTER_RE.search(clause_text):
            continue  # a funeral mourns earlier deaths; a flood, a quake or a crash kills with no attacker
        durations = any(
            t.precision == "duration" and clause[0] <= t.start < clause[1] for t in layers.timexes
        )
        aggregate = _is_aggregate(clause_text) or durations
        mentions.append(_victims_mention(clause, sentence, deaths, modes, dead=True, aggregate=aggregate))
    for clause, sentence, injuries, modes in pending_injuries:
        if any(m.plover == "ASSAULT" for m in by_sentence.get(clause if headline else sentence, [])):
            continue  # the wounded of an attack the sentence tells
        mentions.append(_victims_mention(clause, sentence, injuries, modes))
    mentions.sort(key=lambda m: m.start)
    for mention in mentions:
        if mention.plover == "ASSAULT":
            mention.mode = _best_mode(mention.mode, mention.modes)
    return [m for m in mentions if not _part_of_earlier(m, mentions)]


def _part_of_earlier(mention: Mention, mentions: list[Mention]) -> bool:
    """Whether a mention told after an attack or a riot in its sentence is part of it: the attackers leaving
    (أطلق مسلحون النار …، وانسحاب المسلحين من المكان), or what they burnt or looted (هاجم مستوطنون القرية …،
    وأحرقوا 10 منازل؛ اشتباكات …، وأعمال نهب وتخريب)."""
    if mention.plover == "RETREAT" and mention.mode in (None, "escape"):
        heads: tuple[str, ...] = ("ASSAULT",)
    elif mention.plover == "COERCE" and mention.mode in ("destroy", "seize"):
        heads = ("ASSAULT", "PROTEST")
    else:
        return False
    return any(
        m.plover in heads
        and m.mode != "abduct"  # اختطفت صيارفة ونهبت النقود: a kidnapping and a looting
        and m.sentence == mention.sentence
        and m.start < mention.start
        for m in mentions
    )


def _clause_mentions(
    hits: list[TriggerHit],
    clause: tuple[int, int],
    sentence: tuple[int, int],
    modes: list[str],
    deaths: list[TriggerHit],
    clause_text: str,
) -> list[Mention]:
    events = [h for h in hits if h.trigger.role in ("event", "weak")]
    if _SPORT_RE.search(clause_text) and not _ARMS_NEAR_RE.search(clause_text):
        # a match report: تصدى الحارس للكرة، ضربات الترجيح، توغل في دفاع فرنسا
        events = [h for h in events if h.trigger.plover not in ("ASSAULT", "COERCE", "PROTEST")]
    by_type: dict[str, list[TriggerHit]] = {}
    for hit in events:
        by_type.setdefault(hit.trigger.plover, []).append(hit)
    # Destruction by an aircraft, a drone or a shell (دمّرت طائرة إسرائيلية قارباً) is the strike that did it.
    remote = [m for m in modes if m in ("aerial", "drone", "heavy-weapons", "explosives")]
    wrecks = [h for h in by_type.get("COERCE", []) if h.trigger.mode == "destroy"]
    if wrecks and remote and "ASSAULT" not in by_type:
        by_type["COERCE"] = [h for h in by_type["COERCE"] if h.trigger.mode != "destroy"]
        if not by_type["COERCE"]:
            del by_type["COERCE"]
        by_type["ASSAULT"] = [
            TriggerHit(
                h.start, h.end, Trigger("ASSAULT", remote[0], "event", h.trigger.lemma), verbal=h.verbal
            )
            for h in wrecks
        ]
    # An attack in the clause absorbs the raid it happened during; arrests absorb the raid that made them.
    if "COERCE" in by_type and ("ASSAULT" in by_type or deaths):
        by_type["COERCE"] = [h for h in by_type["COERCE"] if h.trigger.mode not in ("raid", "destroy")]
        if not by_type["COERCE"]:
            del by_type["COERCE"]
    if "PROTEST" in by_type and "ASSAULT" in by_type and "مسلح" in clause_text:
        by_type["PROTEST"] = [h for h in by_type["PROTEST"] if h.trigger.mode != "riot"]
        if not by_type["PROTEST"]:
            del by_type["PROTEST"]
    # A protest's demands and denunciations are its message, not separate acts (تظاهرات لمطالبة الحكومة…).
    if "PROTEST" in by_type:
        for plover in ("REQUEST", "ACCUSE", "REJECT", "SUPPORT"):
            by_type.pop(plover, None)
    # Settlers storming a holy site to pray there: ACLED codes it as a demonstration.
    raids = [h for h in by_type.get("COERCE", []) if h.trigger.mode == "raid"]
    if raids and "مستوطن" in clause_text and _HOLY_SITE_RE.search(clause_text):
        by_type["COERCE"] = [h for h in by_type["COERCE"] if h.trigger.mode != "raid"] or []
        if not by_type["COERCE"]:
            del by_type["COERCE"]
        by_type.setdefault("PROTEST", []).append(
            TriggerHit(
                raids[0].start, raids[0].end, Trigger("PROTEST", "demo", "event", "اقتحم"), verbal=True
            )
        )
    # What a demand, a rejection, a threat or an accusation is about is not a happening of its own:
    # طالب بوقف إطلاق النار، هدد بإلغاء الاتفاق، اتهمه بمحاولة تهجير السكان.
    takers = [h for h in events if h.trigger.plover in _CONTENT_TAKERS]
    if takers:
        first_taker = min(h.start for h in takers)
        for plover in list(by_type):
            if plover in _CONTENT_TAKERS or (
                plover == "ASSAULT" and all(h.trigger.plover == "ACCUSE" for h in takers)
            ):
                continue
            kept = [h for h in by_type[plover] if h.verbal or h.start < first_taker]
            if kept:
                by_type[plover] = kept
            else:
                del by_type[plover]
    # A withdrawal told with an attack is the attackers leaving the scene, part of the attack.
    if "RETREAT" in by_type and ("ASSAULT" in by_type or deaths):
        del by_type["RETREAT"]
    # A meeting, visit or protest named as the time of another act is its circumstance (خلال زيارته،
    # في مستهل اجتماع، خلال المواجهات), not a report of its own.
    if len(by_type) > 1:
        for plover in list(by_type):
            kept = [h for h in by_type[plover] if h.verbal or not _after_circumstance(h)]
            if plover != "ASSAULT" and not kept:
                del by_type[plover]
    aggregate = _is_aggregate(clause_text)
    ongoing = bool(_ONGOING_RE.search(clause_text))
    mentions = []
    for plover, group in by_type.items():
        group.sort(
            key=lambda h: (h.trigger.role != "event", _TYPE_PRIORITY.get(h.trigger.mode or "", 3), h.start)
        )
        head = group[0]
        strong = any(h.trigger.role == "event" for h in group)
        mention = Mention(
            plover,
            head.trigger.mode,
            head.trigger.role,
            head.start,
            head.end,
            clause,
            sentence,
            lemmas=[h.trigger.lemma for h in group],
            spans=[(h.start, h.end) for h in sorted(group, key=lambda h: h.start)],
            future=any(h.future for h in group),
            verbal=head.verbal,
            aggregate=aggregate,
            ongoing=ongoing,
            strength=0.7 if strong else 0.45,
        )
        mention.anaphoric = not head.verbal and bool(_DEFINITE_RE.match(head.surface))
        mention.distinct = plover in ("ASSAULT", "COERCE", "PROTEST") and (
            any(h.another for h in group) or bool(_ANOTHER_CLAUSE_RE.search(clause_text))
        )
        if plover == "ASSAULT":
            mention.modes = list(modes)
            mention.deaths = [(d.start, d.end) for d in deaths]
        mentions.append(mention)
    return mentions


# Words that make the noun after them the time frame of another act: خلال زيارته، في مستهل اجتماع.
_CIRCUMSTANCE = frozenset(
    ["خلال", "اثناء", "مستهل", "عقب", "اثر", "اعقاب", "اطار", "ظل", "بالتزامن", "تزامنا", "وسط", "بعد", "قبل"]
)


def _after_circumstance(hit: TriggerHit) -> bool:
    """Whether a trigger noun follows a word that makes it the time frame of something else."""
    previous = hit.previous.removeprefix("و").removeprefix("ف")
    return previous in _CIRCUMSTANCE or previous.removeprefix("في") in _CIRCUMSTANCE


def _best_mode(mode: str | None, modes: list[str]) -> str | None:
    candidates = [m for m in [mode, *modes] if m]
    if not candidates:
        return None
    return min(candidates, key=lambda m: MODE_ORDER.index(m) if m in MODE_ORDER else len(MODE_ORDER))


def _is_aggregate(clause_text: str) -> bool:
    """Whether a clause gives a running or total toll rather than one happening; a toll carried on after a
    report (… ، ليرتفع عدد الشهداء إلى …) leaves the report itself a happening."""
    carried = _TOLL_AFTER_RE.search(clause_text)
    if carried is not None and clause_text[: carried.start()].strip():
        clause_text = clause_text[: carried.start()]
    return bool(_AGGREGATE_RE.search(clause_text))


def _victims_mention(
    clause: tuple[int, int],
    sentence: tuple[int, int],
    victims: list[TriggerHit],
    modes: list[str],
    *,
    dead: bool = False,
    aggregate: bool = False,
) -> Mention:
    """An attack told only by its dead or wounded (استشهد 3 مواطنين، أصيب شاب): a weaker mention at the first;
    the dead are counted (``deaths``), the wounded not."""
    first = victims[0]
    return Mention(
        "ASSAULT",
        None,
        "death",
        first.start,
        first.end,
        clause,
        sentence,
        lemmas=[first.trigger.lemma],
        spans=[(first.start, first.end)],
        modes=list(modes),
        deaths=[(v.start, v.end) for v in victims] if dead else [],
        aggregate=aggregate,
        strength=0.6,
    )
