"""Where and when an event mention happened: its place among the places of its sentence, and its date.

The place is the most specific place named in the clause, else in the sentence, weighed by the preposition or
cue governing it (في، قرب، ريف), else the place of the story so far; the date is the nearest resolved temporal
expression of the clause or sentence, else the article's news day, else the publication date with its
precision lowered to the week (or none for background that the text does not date).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, datetime, timedelta

from rasd.arabic.normalize import normalize_text
from rasd.events.detect import Mention
from rasd.events.layers import PlaceSpan, TextLayers
from rasd.events.lexicon import family_of
from rasd.model import Place, Timex

_BACKGROUND_RE = re.compile(r"^\s*(?:و|ف)?(?:كان|كانت|كانوا|يذكر|يشار|سبق)")
# A date after these words bounds a period (منذ 7 أكتوبر), it does not date one happening.
_PERIOD_BEFORE_RE = re.compile(r"(?:منذ|حتي|طيله)\s*$")
_PERIOD_START_RE = re.compile(r"^(?:و)?(?:منذ|حتي|طيله|طوال)\s")
ARABIC_WORD = re.compile(r"[\u0621-\u064a]+")


def date_window(day: date, precision: str | None) -> tuple[date, date] | None:
    """The first and last day a date of this precision stands for (a week ends on its date, as the events
    gold reads it); None for a precision that is no span of days."""
    if precision == "day":
        return day, day
    if precision == "week":
        return day - timedelta(days=6), day
    if precision == "month":
        first = day.replace(day=1)
        return first, (first + timedelta(days=32)).replace(day=1) - timedelta(days=1)
    if precision == "year":
        return date(day.year, 1, 1), date(day.year, 12, 31)
    return None


def words_before(ntext: str, pos: int, n: int = 2) -> list[str]:
    """The last ``n`` Arabic words of normalized text before ``pos``."""
    return ARABIC_WORD.findall(ntext[max(0, pos - 30) : pos])[-n:]


def strip_clitic(word: str) -> str:
    """A word without a leading conjunction (و، ف) or وب/ول."""
    for prefix in ("وب", "ول", "و", "ف"):
        if word.startswith(prefix) and len(word) > len(prefix) + 1:
            word = word[len(prefix) :]
            break
    return word


# How much a preposition before a place name says "this is where it happened", by event family.
_PREPOSITION_WEIGHT: dict[str, dict[str, float]] = {
    "violence": {
        "في": 1.5,
        "ب": 1.5,
        "علي": 1.5,
        "باتجاه": 1.0,
        "نحو": 1.0,
        "صوب": 1.0,
        "الي": 0.5,
        "ل": 0.3,
        "من": -1.0,
    },
    "coercion": {"في": 1.5, "ب": 1.5, "علي": 0.5, "الي": 0.0, "ل": -1.0, "من": -0.5},
    "protest": {
        "في": 1.5,
        "ب": 1.5,
        "امام": 1.5,
        "علي": -1.0,
        "الي": 0.0,
        "ل": -1.5,
        "مع": -1.5,
        "من": -0.5,
        "ابناء": -1.5,
        "اهالي": -1.5,
        "بحق": -1.5,
        "شعب": -1.5,
        "سكان": -1.5,
    },
    "verbal-conflict": {
        "في": 1.0,
        "ب": 1.0,
        "الي": 0.5,
        "علي": -1.0,
        "ل": -1.0,
        "من": -0.5,
        "ضد": -1.5,
        "مع": -1.0,
    },
    "cooperation": {"في": 1.0, "ب": 1.0, "الي": 1.5, "علي": -1.0, "ل": -1.0, "من": -0.5, "مع": -1.0},
}
# A withdrawal or an evacuation happens where it leaves from (انسحب من سنجار، إجلاء المقاتلين من درعا).
_RETREAT_WEIGHT = {**_PREPOSITION_WEIGHT["cooperation"], "من": 1.0, "الي": -0.5, "ل": -0.5}


def _weights(mention: Mention) -> dict[str, float]:
    if mention.plover == "RETREAT":
        return _RETREAT_WEIGHT
    return _PREPOSITION_WEIGHT.get(family_of(mention.plover), {})


# Words before a place name that say where something is: directions and kinds of settlement or area.
PLACE_CUES: tuple[str, ...] = (
    "قرب",
    "محيط",
    "أطراف",
    "شمال",
    "جنوب",
    "شرق",
    "غرب",
    "شمالي",
    "جنوبي",
    "شرقي",
    "غربي",
    "ريف",
    "مدينة",
    "بلدة",
    "قرية",
    "منطقة",
    "محافظة",
    "داخل",
    "وسط",
)
_CUE_WORDS = frozenset(
    normalize_text(w)
    for w in [
        *PLACE_CUES,
        "مخيم",
        "حي",
        "مديرية",
        "ولاية",
        "إقليم",
        "قضاء",
        "ناحية",
        "موقع",
        "مستوطنة",
        "مستعمرة",
    ]
)


def preposition_before(layers: TextLayers, start: int) -> str:
    """The preposition or cue governing a place name: an attached clitic (بـ، لـ) or the word before it."""
    text = layers.text
    k = start
    attached = ""
    while k > 0 and "\u0621" <= text[k - 1] <= "\u064a":
        attached = text[k - 1] + attached
        k -= 1
    attached = normalize_text(attached).lstrip("وف")
    if attached in ("ب", "ل", "لل", "بال"):
        return attached[0]
    words = ARABIC_WORD.findall(normalize_text(text[max(0, k - 25) : k]))
    return strip_clitic(words[-1]) if words else ""


# "From the direction of" and up to three words: the place a strike came from (من اتجاه الجولان المحتل).
_FROM_DIRECTION_RE = re.compile(r"(?<![\u0621-\u064a])من (?:ال)?اتجاه(?: [\u0621-\u064a]+){0,3} ?$")


def _place_score(place: PlaceSpan, mention: Mention, layers: TextLayers) -> float:
    specific = {"place": 3.0, "adm2": 3.0, "adm1": 2.0, "region": 1.5, "country": 0.0}.get(place.kind, 1.0)
    before = preposition_before(layers, place.start)
    weights = _weights(mention)
    bonus = 1.5 if before in _CUE_WORDS else weights.get(before, 0.0)
    after = 0.3 if place.start >= mention.start else 0.0
    if family_of(mention.plover) == "violence" and _FROM_DIRECTION_RE.search(
        normalize_text(layers.text[max(0, place.start - 40) : place.start])
    ):
        bonus -= 3.0  # من اتجاه البحر المتوسط غربي اللاذقية: where the strike came from, not where it hit
    return specific + bonus + after - abs(place.start - mention.start) / 2000.0


# Words before the destination of a visit: زيارة إلى كوريا، يصل الجزائر، زار دمشق.
_VISIT_PLACE_WORDS = frozenset({"في", "ب", "الي", "ل", "يصل", "وصل", "تصل", "زار", "يزور", "زياره", "زيارته"})
_ARRIVAL_WORDS = _VISIT_PLACE_WORDS - {"في", "ب", "الي", "ل"}
_DATELINE_RE = re.compile(r"^[^\n.]{0,80}?\((?:CNN|سي ان ان|رويترز|ا ف ب|فرانس برس)\)\s*[-–—]*")


def usable_places(layers: TextLayers) -> list[PlaceSpan]:
    """Places that are not part of an actor's name (المقاومة الإسلامية في لبنان, كيان الاحتلال), a date, or
    the dateline of a wire story (دبي، الإمارات العربية المتحدة (CNN)--)."""
    dateline = _DATELINE_RE.match(layers.text)
    dateline_end = dateline.end() if dateline else 0
    out = []
    for place in layers.places:
        if place.start < dateline_end:
            continue
        if any(t.start < place.end and place.start < t.end for t in layers.timexes):
            continue
        inside = any(
            e.start <= place.start
            and place.end <= e.end
            and (e.type in ("ORG", "NORP", "PER") or (e.end - e.start) > (place.end - place.start))
            for e in layers.entities
        )
        if not inside and not _stands_for_government(place, layers):
            out.append(place)
    return out


# Verbs of saying and deciding that a capital or a country governs as the subject (المنامة تتهم، واشنطن توجه).
_GOVERNMENT_VERBS = frozenset(
    normalize_text(w)
    for w in [
        "تعلن", "أعلنت", "تؤكد", "أكدت", "تنفي", "نفت", "تقول", "قالت", "تسلم", "سلمت", "توجه", "وجهت",
        "تتهم", "اتهمت", "ترفض", "رفضت", "تدين", "دانت", "أدانت", "تطالب", "طالبت", "تحذر", "حذرت",
        "تهدد", "هددت", "ترحب", "رحبت", "تستدعي", "استدعت", "تطرد", "طردت", "تعترض", "تبلغ", "تدعو", "دعت",
    ]
)  # fmt: skip


def _stands_for_government(place: PlaceSpan, layers: TextLayers) -> bool:
    """Whether a place name opens its sentence or headline as the subject of a verb of saying (المنامة تتهم
    صنعاء، واشنطن توجه اتهامات): the government speaking, not where anything happened."""
    head = layers.text[max(0, place.start - 3) : place.start]
    if place.start > 0 and not re.search(r"(?:^|[\n.:|])\s*(?:و)?$", head):
        return False
    following = ARABIC_WORD.findall(layers.normalized_slice(place.end, min(len(layers.text), place.end + 20)))
    return bool(following) and following[0] in _GOVERNMENT_VERBS


# A place fronted at the head of its sentence (وفي البحرين، …) frames every clause of the sentence.
_FRAME_BEFORE_RE = re.compile(
    r"^\W*(?:و|ف)?(?:في|ب)\s*(?:(?:مدينه|محافظه|بلده|العاصمه|ولايه|منطقه|اقليم|ريف|مخيم|قريه)\s+)?$"
)
# Words that make what follows the cause or purpose of the act (تظاهرات دعماً لغزة، احتجاجاً على العدوان على
# غزة): a place after them is what the act is about, not where it happened.
_PURPOSE_RE = re.compile(
    r"(?<![\u0621-\u064a])(?:و)?(?:دعما|نصره|تضامنا|تنديدا|احتجاجا|تاييدا|مناصره|رفضا|استنكارا)(?![\u0621-\u064a])"
)


def _frames_sentence(place: PlaceSpan, layers: TextLayers, s_start: int) -> bool:
    """Whether the place is fronted at the head of its sentence, followed by a comma (وفي الأردن، …)."""
    head = layers.normalized_slice(s_start, place.start)
    after = layers.text[place.end : place.end + 3]
    return bool(_FRAME_BEFORE_RE.match(head)) and ("،" in after or "," in after)


def _after_purpose(place: PlaceSpan, mention: Mention, layers: TextLayers) -> bool:
    """Whether a purpose phrase (دعماً لـ، تنديداً بـ) lies between the trigger and a place after it."""
    return place.start > mention.end and bool(
        _PURPOSE_RE.search(layers.normalized_slice(mention.end, place.start))
    )


# What may stand between a verb of movement and its destination: nothing, an attached ل (يتوجه للدوحة), إلى.
_TO_DESTINATION_RE = re.compile(r"\s*(?:ل|لل|[اإ]لى\s+)?")


def _destination_of(mention: Mention, place: PlaceSpan, layers: TextLayers) -> bool:
    """Whether a place is the destination written right after a meeting's verb of movement (وفد يتوجه
    للدوحة، يصل إلى القاهرة): where the meeting will be held."""
    return mention.plover == "CONSULT" and bool(
        _TO_DESTINATION_RE.fullmatch(layers.text[mention.end : place.start])
    )


def assign_place(mention: Mention, places: list[PlaceSpan], layers: TextLayers) -> PlaceSpan | None:
    """The place of the mention's sentence that best reads as where it happened (its own clause first, or a
    place fronted at the head of the sentence)."""
    verbal = family_of(mention.plover) in ("verbal-conflict", "cooperation")
    c_start, c_end = mention.clause
    s_start, s_end = mention.sentence
    scored = []
    for place in places:
        if not s_start <= place.start < s_end:
            continue
        if _after_purpose(place, mention, layers):
            continue
        before = preposition_before(layers, place.start)
        toward = (
            mention.mode == "visit"
            or _destination_of(mention, place, layers)
            or (
                mention.plover == "CONSULT" and before in _ARRIVAL_WORDS
            )  # البرهان يصل الجزائر لإجراء محادثات
        )
        allowed = _VISIT_PLACE_WORDS if toward else ("في", "ب", "الي")
        if mention.plover == "RETREAT":
            allowed = ("في", "ب", "من")
        if verbal and before not in allowed:
            continue  # a statement's topic is not its place: only a place "in"/"to" which it was made counts
        to_place = toward and before == "ل"  # زيارة لدمشق، يتوجه للدوحة: ل says "to" after a visit
        if _weights(mention).get(before, 0.0) < 0 and not to_place:
            continue  # نصرة لغزة، العدوان على غزة، أُطلقت من لبنان: not where this happened
        # The mention's own clause first; a place elsewhere in the sentence only when the clause names none.
        in_scope = c_start <= place.start < c_end or _frames_sentence(place, layers, s_start)
        score = _place_score(place, mention, layers) - (0.0 if in_scope else 2.5)
        if to_place or (toward and before in _ARRIVAL_WORDS):
            score += _weights(mention).get("الي", 0.0) - _weights(mention).get(before, 0.0)
        if score > 0.5:
            scored.append((score, _capital_of_same_name(place) if toward else place))
    return max(scored, key=lambda sp: sp[0])[1] if scored else None


def _capital_of_same_name(span: PlaceSpan) -> PlaceSpan:
    """A country whose capital bears its name (الجزائر، الكويت، تونس), as the destination of a visit: the
    capital, where a visitor arrives and is received."""
    if span.kind != "country":
        return span
    try:
        from rasd.geo.gazetteer import default_gazetteer
    except ImportError:
        return span
    towns = [
        e
        for e in default_gazetteer().lookup(span.text)
        if e.kind == "place" and e.country == span.place.country
    ]
    if not towns:
        return span
    capital = max(towns, key=lambda e: e.population).place(geo_precision=1)
    return PlaceSpan(span.start, span.end, span.text, capital, "place")


_CROWD_WORDS = frozenset(
    ["مئات", "الاف", "عشرات", "الوف", "حشود", "جموع", "ملايين", "متظاهرون", "متظاهرين", "محتجون", "محتجين"]
)


def crowd_country(mention: Mention, layers: TextLayers) -> str | None:
    """The country of a crowd named by its demonym in the mention's clause (تجمّع مئات الإندونيسيين، متظاهرون
    إسرائيليون): people demonstrate where they live, when the text names no place."""
    for country, before in _clause_demonyms(mention, layers, 1):
        if before and strip_clitic(before[0]) in _CROWD_WORDS:
            return country
    return None


# Words before a demonym that make its people the counterpart or topic of a statement, not its speaker.
_COUNTERPART_WORDS = frozenset(["مع", "ضد", "علي", "الي", "عن", "بحق", "تجاه", "حول", "بشان", "لدي"])


def speaker_country(mention: Mention, layers: TextLayers) -> str | None:
    """The country of the speaker of a statement as its title names it (أكد رئيس الوزراء البريطاني، الرئيس
    الروسي بحث): the first demonym of the clause that no preposition makes the counterpart or the topic."""
    for country, before in _clause_demonyms(mention, layers, 3):
        if any(strip_clitic(w) in _COUNTERPART_WORDS or w.startswith(("ل", "لل")) for w in before):
            continue
        if country:
            return country
    return None


def _clause_demonyms(
    mention: Mention, layers: TextLayers, n_before: int
) -> Iterator[tuple[str | None, list[str]]]:
    """(country, the ``n_before`` normalized words before it) of each linked demonym in the mention's clause."""
    from rasd.events.arguments import actor_from_entity

    c_start, c_end = mention.clause
    ntext = layers.normalized.text
    for entity in layers.entities:
        if entity.type != "NORP" or not entity.id or not c_start <= entity.start < c_end:
            continue
        before = words_before(ntext, layers.to_normalized(entity.start, entity.start)[0], n_before)
        yield actor_from_entity(entity).country, before


def _timex_date(timex: Timex) -> tuple[str, str] | None:
    value, precision = timex.value, timex.precision
    if not value or precision in (None, "duration", "decade"):
        return None
    if precision == "week":
        match = re.fullmatch(r"(\d{4})-W(\d{2})", value)
        if match:
            sunday = date.fromisocalendar(int(match.group(1)), int(match.group(2)), 7)
            return sunday.isoformat(), "week"
        return value[:10], "week"
    if precision == "month":
        return value[:7] + "-01", "month"
    if precision == "year":
        return None  # a bare year in a news sentence dates an agreement or a war it names, rarely the event
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value[:10]):
        return value[:10], "day"
    return None


def _opens_period(layers: TextLayers, timex: Timex) -> bool:
    """Whether the date bounds a period (منذ خمسة أيام، حتى الأحد) rather than dating one happening."""
    norm = layers.normalized
    n_start = layers.to_normalized(timex.start, timex.start)[0]
    if _PERIOD_START_RE.match(normalize_text(timex.text)):
        return True
    return bool(_PERIOD_BEFORE_RE.search(norm.text[max(0, n_start - 12) : n_start]))


NEWS_DAY_WINDOW = 2  # days before publication in which the opening's date is the news day
# "In the past 24 hours": a look-back duration that dates the news to the day of publication, unlike a
# duration of how long something lasted (استمر لأكثر من ساعتين).
_LOOKBACK_AFTER_RE = re.compile(
    r"^\s*(?:ال)?(?:ماضيه|ماضي|اخيره|اخير|منصرمه|منصرم|فايته|فايت)(?![\u0621-\u064a])"
)
# Friday prayers (عقب صلاة الجمعة، خلال خطبة الجمعة) name the Friday of the week: demonstrations after them are
# that day's. Not a temporal expression of their own (صلاة الجمعة is a rite), so read here.
_FRIDAY_PRAYER_RE = re.compile(r"(?:صلاه|صلوات|خطبه|خطبتي) (?:ال)?جمعه")
_FRIDAY = 4


def news_day(units: list[tuple[str, TextLayers]], published: datetime | None) -> str | None:
    """The day the article's news happened, when its headline or opening sentences name one (اليوم الأحد,
    أمس, خلال الساعات الـ24 الماضية, عقب صلاة الجمعة) in the days before publication: the story's undated
    happenings are that day's."""
    if published is None:
        return None
    latest = published.date()
    earliest = latest - timedelta(days=NEWS_DAY_WINDOW)
    friday = None
    for unit, layers in units:
        limit = len(layers.text) if unit == "title" else _opening_end(layers)
        for timex in layers.timexes:
            if timex.start >= limit:
                break
            if (
                timex.precision == "day"
                and timex.value
                and earliest.isoformat() <= timex.value[:10] <= latest.isoformat()
            ):
                return timex.value[:10]
            hours = re.fullmatch(r"PT(\d+)H", timex.value or "")
            if timex.precision == "duration" and hours and int(hours[1]) <= 24 and _looks_back(layers, timex):
                return latest.isoformat()  # "in the past 24 hours": the day of publication
        if friday is None and _FRIDAY_PRAYER_RE.search(layers.normalized_slice(0, limit)):
            last_friday = latest - timedelta(days=(latest.weekday() - _FRIDAY) % 7)
            friday = last_friday.isoformat() if last_friday >= earliest else None
    return friday


# Words before a duration that make it the window of the report (خلال 24 ساعة، في غضون ساعات، آخر 24 ساعة),
# unlike how long something lasted (استمر لأكثر من ساعتين، لمدة ساعتين).
_WINDOW_WORDS = frozenset({"اخر", "خلال", "غضون", "طوال", "طيله", "مدي"})


def _looks_back(layers: TextLayers, timex: Timex) -> bool:
    """Whether a duration is the window of the report (الساعات الـ24 الماضية, خلال 24 ساعة)."""
    own = normalize_text(timex.text).split()
    after = layers.normalized_slice(timex.end, min(len(layers.text), timex.end + 16))
    before = words_before(layers.normalized.text, layers.to_normalized(timex.start, timex.start)[0], 1)
    return (
        any(_LOOKBACK_AFTER_RE.match(word) for word in own[1:])
        or bool(own and own[0] in _WINDOW_WORDS)
        or bool(_LOOKBACK_AFTER_RE.match(after))
        or bool(before and strip_clitic(before[-1]) in _WINDOW_WORDS)
    )


def _opening_end(layers: TextLayers) -> int:
    """Where the opening (the first three sentences: a summary paragraph often comes before the lede) ends."""
    return layers.sentences[3].start if len(layers.sentences) > 3 else len(layers.text)


# Words that date a happening only as recent (وقبل أيام، منذ أيام، مؤخراً): an earlier day than the news day,
# known only to lie in the week before publication.
_RECENT_RE = re.compile(
    r"(?<![\u0621-\u064a])(?:و)?(?:(?:قبل|منذ) (?:بضعه |عده )?ايام(?: قليله)?|موخرا)(?![\u0621-\u064a])"
)


def _set_off(layers: TextLayers, timex: Timex) -> bool:
    """Whether a date stands between commas (وقال المتحدث، الإثنين، إن): the date of the report it follows."""
    before = layers.text[max(0, timex.start - 3) : timex.start].rstrip()
    after = layers.text[timex.end : timex.end + 3].lstrip()
    return before.endswith(("،", ",")) and after.startswith(("،", ","))


def _own_date_after(mention: Mention, layers: TextLayers, scoped: list[Timex], end: int) -> Timex | None:
    """The first date after the trigger in the same phrase (no comma between them): the event's own date."""
    for timex in sorted(scoped, key=lambda t: t.start):
        if mention.end <= timex.start < end:
            between = layers.text[mention.end : timex.start]
            return None if ("،" in between or "," in between) else timex
    return None


# A sentence that goes on with the source just named (وقال المصدر، وأضاف المصدر): the same report.
_SAME_SOURCE_RE = re.compile(r"^\W*و(?:قال|اضاف|اوضح|تابع|اشار|افاد)(?:ت)? (?:ال)?(?:مصدر|مراسل)")


def _continues_recent(mention: Mention, layers: TextLayers) -> bool:
    """Whether the mention's sentence goes on with the source of a previous sentence dated only as recent
    (وقبل أيام، أفاد مصدر عسكري بإصابة جندي. وقال المصدر إن طائرات أطلقت …)."""
    if not _SAME_SOURCE_RE.match(layers.normalized_slice(*mention.sentence)):
        return False
    previous = [s for s in layers.sentences if s.end <= mention.sentence[0]]
    return bool(previous) and bool(
        _RECENT_RE.search(layers.normalized_slice(previous[-1].start, previous[-1].end))
    )


def assign_date(
    mention: Mention, layers: TextLayers, published: datetime | None, news_day: str | None = None
) -> tuple[str | None, str | None, str | None]:
    """(date, precision, the words that gave it) of a mention: its clause's date, else the article's news day
    (``news_day``, the day its opening names), else the publication date lowered to a week."""
    # The clause's own date, before or after the trigger; from the rest of the sentence only a date written
    # before the trigger (وفي 25 من تموز، نفذت …): one written after it usually dates something else.
    # A statement is dated when it was made: a date written after an accusation, a demand or a threat is
    # what it is about (هدد بإلغاء الاتفاق إذا لم … السبت المقبل).
    speech = mention.plover in ("ACCUSE", "THREATEN", "REJECT", "REQUEST", "SUPPORT")
    for start, end in (
        (mention.clause[0], mention.start if speech else mention.clause[1]),
        (mention.sentence[0], mention.start),
    ):
        scoped = [
            t
            for t in layers.timexes
            if start <= t.start < end and _timex_date(t) is not None and not _opens_period(layers, t)
        ]
        if scoped:
            nearest = min(
                scoped, key=lambda t: abs(t.start - mention.start) + (0 if t.start < mention.start else 5)
            )
            own = _own_date_after(mention, layers, scoped, end)
            if own is not None and nearest.start < mention.start and _set_off(layers, nearest):
                nearest = own  # وعرض، الإثنين، صور الصواريخ التي أطلقت في أبريل: Monday dates the showing
            resolved = _timex_date(nearest)
            if resolved is not None:
                return resolved[0], resolved[1], nearest.text
    clause_text = layers.normalized_slice(*mention.clause)
    sentence_text = layers.normalized_slice(*mention.sentence)
    if _BACKGROUND_RE.search(clause_text) or _BACKGROUND_RE.search(sentence_text):
        return None, None, None
    if published is None:
        return None, None, None
    if (
        _RECENT_RE.search(clause_text)
        or _RECENT_RE.search(layers.normalized_slice(mention.sentence[0], mention.start))
        or _continues_recent(mention, layers)
    ):
        return published.date().isoformat(), "week", None  # وقبل أيام، أفاد مصدر: not the news day
    # An article that dates its news (اليوم الأحد) tells of that day's happenings unless it says otherwise.
    if news_day is not None:
        return news_day, "day", None
    return published.date().isoformat(), "week", None


def country_place(country: str | None) -> Place | None:
    """A country-level place for an ISO2 code (names from the gazetteer when it is installed)."""
    if not country:
        return None
    name_en, name_ar = country, country
    try:
        from rasd.geo.gazetteer import default_gazetteer

        entry = default_gazetteer().country(country)
        if entry is not None:
            name_en, name_ar = entry.name_en, entry.name_ar
    except ImportError:
        pass
    return Place(f"cc:{country}", name_ar, name_en, country, None, None, None, None, 4)
