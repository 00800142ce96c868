"""Arguments of an event mention: who did it (actor1), to whom (actor2), where, and when.

Actors come from the entity layer (linked to the actor knowledge base) and from a short list of generic actors
the knowledge base does not hold (settlers, gunmen, protesters). Arabic reports put the agent after a verb
(``شنّت قوات الاحتلال غارات``), after an attack noun as an adjective or genitive (``قصف إسرائيلي``, ``غارات
الاحتلال``) or after an agent preposition (``برصاص قوات الاحتلال``), and before a nominal report of its own
action (``أعلنت المقاومة استهداف…``); the target follows a target word (``على``, ``ضد``, ``لجنود``). The place
is the most specific place named in the clause, else in the sentence, else the place of the story so far;
the date the nearest resolved temporal expression of the clause or sentence, else the publication date with
its precision lowered to the week (or none for background that the text does not date).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache

from rasd.arabic.normalize import normalize_text
from rasd.events.detect import Mention
from rasd.events.layers import PlaceSpan, TextLayers
from rasd.events.lexicon import family_of
from rasd.model import Actor, Entity, Place, Timex


@dataclass(frozen=True, slots=True)
class ActorMention:
    """An actor as named at ``start:end`` of the text."""

    start: int
    end: int
    text: str
    actor: Actor
    key: str


@dataclass(frozen=True, slots=True)
class Arguments:
    actor1: ActorMention | None
    actor2: ActorMention | None
    place: PlaceSpan | None
    place_inherited: bool
    date: str | None
    date_precision: str | None
    date_text: str | None


_AGENT_BEFORE = frozenset(
    normalize_text(w)
    for w in [
        "برصاص",
        "بنيران",
        "نيران",
        "رصاص",
        "يد",
        "قبل",
        "بقصف",
        "قصف",
        "بغارة",
        "غارة",
        "غارات",
        "طائرات",
        "طيران",
        "مدفعية",
        "مسيرة",
        "بمسيرة",
        "اعتداء",
        "اعتداءات",
        "عدوان",
        "هجوم",
        "هجمات",
        "ضربات",
        "قوات",
        "جانب",
    ]
)
_TARGET_BEFORE = frozenset(
    normalize_text(w)
    for w in [
        "على",
        "ضد",
        "باتجاه",
        "نحو",
        "صوب",
        "تجاه",
        "مواقع",
        "موقع",
        "تجمع",
        "تجمعات",
        "تجمعا",
        "لجنود",
        "جنود",
        "عناصر",
        "مقر",
        "مقرات",
        "سفارة",
        "استهداف",
        "استهدف",
        "استهدفت",
        "لمواقع",
        "لقوات",
        "بحق",
        "مع",
        "وبين",
        "إلى",
    ]
)
_LOCATIVE_BEFORE = frozenset(
    normalize_text(w)
    for w in [
        "في",
        "ب",
        "من",
        "إلى",
        "الى",
        "قرب",
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
        "محافظة",
        "منطقة",
        "حدود",
        "داخل",
        "أراضي",
        "أنحاء",
        "عاصمة",
        "وسط",
        "أطراف",
        "محيط",
    ]
)
# Kinds of actors that report or suffer attacks far more often than they carry them out.
_NOT_ATTACKERS = frozenset(
    {"government_body", "organisation", "international_body", "person", "civilians", "community"}
)
# Nouns after which a demonym names victims, not attackers: مدنيون سوريون، مواطن يمني، شبان فلسطينيين.
_VICTIM_NOUNS = frozenset(
    normalize_text(w)
    for w in [
        "مدني",
        "مدنيون",
        "مدنيين",
        "مدنيا",
        "مواطن",
        "مواطنين",
        "مواطنون",
        "مواطنا",
        "شاب",
        "شبان",
        "شابا",
        "طفل",
        "أطفال",
        "صحافي",
        "صحفي",
        "صحافيين",
        "مسعف",
        "مسعفين",
        "لاجئ",
        "لاجئين",
        "نازح",
        "نازحين",
        "أسير",
        "أسرى",
        "معتقل",
        "معتقلين",
        "سيدة",
        "امرأة",
        "نساء",
        "رجل",
        "مهاجر",
    ]
)
# "قالت الشرطة إنّ سيارة انفجرت": the subject before إنّ/أنّ is the speaker, the act has its own subject.
# (أنّها/أنّه carry the speaker as their subject — أعلنت المقاومة أنّها استهدفت… — and do not count.)
_COMPLEMENTIZER_RE = re.compile(r"(?<![\u0621-\u064a])(?:ان|بان)(?![\u0621-\u064a])")
_BACKGROUND_RE = re.compile(r"^\s*(?:و|ف)?(?:كان|كانت|كانوا|يذكر|يشار|سبق)")
# A date after these words bounds a period (منذ 7 أكتوبر), it does not date one happening.
_PERIOD_BEFORE_RE = re.compile(r"(?:منذ|حتي|طيله)\s*$")
_ARABIC_WORD = re.compile(r"[\u0621-\u064a]+")

# Actors the knowledge base has no entry for: (normalized pattern, English name, type).
_GENERIC_ACTORS: list[tuple[re.Pattern[str], str, str]] = [
    (
        re.compile(r"(?<![\u0621-\u064a])(?:و|ف|ب|ل)?(?:ال)?مستوطن(?:ين|ون|ا|و)?(?![\u0621-\u064a])"),
        "Israeli settlers",
        "settlers",
    ),
    (
        re.compile(r"(?<![\u0621-\u064a])(?:و|ف|ب|ل)?(?:ال)?مسلح(?:ين|ون|ا)?(?![\u0621-\u064a])"),
        "Unidentified armed group",
        "armed-group",
    ),
    (
        re.compile(
            r"(?<![\u0621-\u064a])(?:و|ف|ب|ل)?(?:ال)?(?:متظاهر|محتج|معتصم)(?:ين|ون|ه)?(?![\u0621-\u064a])"
        ),
        "Protesters",
        "protesters",
    ),
    (
        re.compile(r"(?<![\u0621-\u064a])(?:و|ف|ب|ل)?(?:ال)?انتحاري(?![\u0621-\u064a])"),
        "Suicide bomber",
        "armed-group",
    ),
    (
        re.compile(
            r"(?<![\u0621-\u064a])(?:و|ف|ب|ل)?(?:ال)?(?:جماعات|تنظيمات|مجموعات) (?:ال)?(?:ارهابيه|مسلحه)"
        ),
        "Armed groups",
        "armed-group",
    ),
    (
        re.compile(r"(?<![\u0621-\u064a])(?:و|ف|ب|ل)?(?:ال)?مقاومه(?![\u0621-\u064a])"),
        "Resistance fighters",
        "armed-group",
    ),
    (re.compile(r"(?<![\u0621-\u064a])(?:و|ف|ب|ل)?(?:ال)?شرطه(?![\u0621-\u064a])"), "Police", "police"),
]


@cache
def _kb() -> object | None:
    try:
        from rasd.entities.kb import ActorKB
    except ImportError:
        return None
    try:
        return ActorKB.load()
    except Exception:  # a broken or missing KB file leaves actors unlinked, it does not stop the stage
        return None


def actor_from_entity(entity: Entity) -> Actor:
    """The knowledge-base actor an entity is linked to (or an unlinked actor named as written)."""
    kb = _kb()
    if entity.id and kb is not None:
        entry = kb.get(entity.id)  # type: ignore[attr-defined]
        if entry is not None:
            actor: Actor = kb.actor(entry)  # type: ignore[attr-defined]
            return Actor(actor.id, entity.text, actor.name_en, actor.type, actor.country, actor.inter)
    return Actor(entity.id, entity.text, entity.name_en)


def actor_candidates(layers: TextLayers) -> list[ActorMention]:
    """Actors named in the text, in order: linked entities, then generic actors where no entity lies."""
    found: list[ActorMention] = []
    for entity in layers.entities:
        if entity.type not in ("ORG", "GPE", "NORP", "PER"):
            continue
        if entity.start <= 2 and layers.text[entity.end : entity.end + 2].strip().startswith(":"):
            continue  # "لبنان: …" at the head of a headline says where, not who
        actor = actor_from_entity(entity)
        found.append(
            ActorMention(
                entity.start, entity.end, entity.text, actor, entity.id or normalize_text(entity.text)
            )
        )
    norm = layers.normalized
    for pattern, name_en, kind in _GENERIC_ACTORS:
        for match in pattern.finditer(norm.text):
            start, end = norm.to_original(*match.span())
            if any(a.start <= start < a.end or start <= a.start < end for a in found):
                continue
            text = layers.text[start:end]
            found.append(ActorMention(start, end, text, Actor(None, text, name_en, kind), name_en))
    found.sort(key=lambda a: a.start)
    return _resolve_generic(found)


def _resolve_generic(found: list[ActorMention]) -> list[ActorMention]:
    """A generic actor (المقاومة) stands for the last named actor whose name holds it (المقاومة الإسلامية)."""
    out: list[ActorMention] = []
    for mention in found:
        if mention.actor.id is None and mention.actor.type is not None:
            core = normalize_text(mention.text).removeprefix("و").removeprefix("ال")
            named = next(
                (a for a in reversed(out) if a.actor.id and core and core in normalize_text(a.text)), None
            )
            if named is not None:
                actor = Actor(
                    named.actor.id,
                    mention.text,
                    named.actor.name_en,
                    named.actor.type,
                    named.actor.country,
                    named.actor.inter,
                )
                mention = ActorMention(mention.start, mention.end, mention.text, actor, named.key)
        out.append(mention)
    return out


def _words_before(ntext: str, pos: int, n: int = 2) -> list[str]:
    return _ARABIC_WORD.findall(ntext[max(0, pos - 30) : pos])[-n:]


def _strip_clitic(word: str) -> str:
    for prefix in ("وب", "ول", "و", "ف"):
        if word.startswith(prefix) and len(word) > len(prefix) + 1:
            word = word[len(prefix) :]
            break
    return word


def _hint(layers: TextLayers, candidate: ActorMention, mention: Mention) -> str | None:
    ntext = layers.normalized.text
    nstart = layers.to_normalized(candidate.start, candidate.start)[0]
    before = _words_before(ntext, nstart, 2)
    previous = _strip_clitic(before[-1]) if before else ""
    if candidate.actor.type is None and candidate.key and _is_locative(previous):
        return "place"
    if previous in _AGENT_BEFORE or (
        before and before[-1].startswith(("بـ", "ب")) and before[-1][1:] in _AGENT_BEFORE
    ):
        return "agent"
    if previous in _TARGET_BEFORE or any(w in ("علي", "ضد", "لجنود") for w in before):
        return "target"
    if previous in _VICTIM_NOUNS:
        return "target"
    # An adjective or genitive right after an attack noun names the attacker (قصف إسرائيلي، غارات الاحتلال).
    trigger_end = max(e for _, e in mention.spans) if mention.spans else mention.end
    gap = layers.text[trigger_end : candidate.start]
    if candidate.start >= trigger_end and len(gap) <= 2 and not gap.strip(" ً") and mention.role != "death":
        return "agent"
    return None


def _is_locative(word: str) -> bool:
    return word in _LOCATIVE_BEFORE


def assign_actors(
    mention: Mention, layers: TextLayers, candidates: list[ActorMention]
) -> tuple[ActorMention | None, ActorMention | None]:
    """actor1 and actor2 of a mention, from the actors named in its clause (actor1 also from its sentence)."""
    c_start, c_end = mention.clause
    in_clause = [a for a in candidates if c_start <= a.start < c_end]
    hints = {id(a): _hint(layers, a, mention) for a in in_clause}
    usable = [
        a
        for a in in_clause
        if hints[id(a)] != "place" and not (a.actor.type is None and _is_gpe_location(a, layers))
    ]
    trigger = mention.start
    actor1 = next((a for a in usable if hints[id(a)] == "agent"), None)
    violent = family_of(mention.plover) == "violence"
    if actor1 is None:
        # The subject of a verb follows it closely (شنّت قوات الاحتلال…); an actor further on belongs to
        # another phrase of the clause.
        after = [a for a in usable if trigger <= a.start <= mention.end + 40 and hints[id(a)] is None]
        actor1 = next((a for a in after if not (violent and a.actor.type in _NOT_ATTACKERS)), None)
    if actor1 is None:
        # The subject of a nominal report (أعلنت المقاومة استهداف…) — but a ministry, an agency or a person
        # reporting an attack (أفاد الهلال الأحمر باستشهاد…) is its source, not its attacker.
        before = [
            a
            for a in usable
            if a.start < trigger
            and hints[id(a)] is None
            and not (violent and a.actor.type in _NOT_ATTACKERS)
            and not _COMPLEMENTIZER_RE.search(layers.normalized_slice(a.end, trigger))
        ]
        actor1 = before[-1] if before else None
    if actor1 is None and not violent:
        # "كشفت مصادر من حماس أن قيادات … تستعد للخروج": with no actor of its own, a statement's subject
        # is the party whose sources speak.
        speakers = [a for a in usable if a.start < trigger and hints[id(a)] is None]
        actor1 = speakers[-1] if speakers else None
    actor2 = next(
        (a for a in usable if hints[id(a)] == "target" and (actor1 is None or a.key != actor1.key)), None
    )
    if (
        actor2 is None
        and actor1 is not None
        and family_of(mention.plover) in ("cooperation", "verbal-conflict")
    ):
        actor2 = next((a for a in usable if a.start > actor1.start and a.key != actor1.key), None)
    if actor2 is None and violent:
        actor2 = _civilian_victims(mention, layers)
    return actor1, actor2


_CIVILIANS_RE = re.compile(
    r"(?<![\u0621-\u064a])(?:و|ب|ل)?(?:ال)?(?:مدني(?:ين|ون|ان|ا)?|مواطن(?:ين|ون|ا)?|اطفال|نساء|سكان|نازحين|"
    r"صحافي(?:ين|ون)?|مسعف(?:ين|ون)?|مصلين|مدنيين)(?![\u0621-\u064a])"
)


def _civilian_victims(mention: Mention, layers: TextLayers) -> ActorMention | None:
    """Civilians named as the victims of an attack in its clause (استشهد 3 مواطنين، قصف منازل المدنيين)."""
    norm_start, norm_end = layers.to_normalized(*mention.clause)
    match = _CIVILIANS_RE.search(layers.normalized.text, norm_start, norm_end)
    if match is None:
        return None
    start, end = layers.normalized.to_original(*match.span())
    text = layers.text[start:end]
    return ActorMention(start, end, text, Actor(None, text, "Civilians", "civilians"), "civilians")


def _is_gpe_location(actor: ActorMention, layers: TextLayers) -> bool:
    ntext = layers.normalized.text
    nstart = layers.to_normalized(actor.start, actor.start)[0]
    before = _words_before(ntext, nstart, 1)
    return bool(before) and _strip_clitic(before[-1]) in _LOCATIVE_BEFORE


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
_CUE_WORDS = frozenset(
    normalize_text(w)
    for w in [
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
        "مخيم",
        "حي",
        "منطقة",
        "محافظة",
        "مديرية",
        "ولاية",
        "إقليم",
        "داخل",
        "وسط",
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
    words = _ARABIC_WORD.findall(normalize_text(text[max(0, k - 25) : k]))
    return _strip_clitic(words[-1]) if words else ""


def _place_score(place: PlaceSpan, mention: Mention, layers: TextLayers) -> float:
    specific = {"place": 3.0, "adm2": 3.0, "adm1": 2.0, "region": 1.5, "country": 0.0}.get(place.kind, 1.0)
    before = preposition_before(layers, place.start)
    weights = _PREPOSITION_WEIGHT.get(family_of(mention.plover), {})
    bonus = 1.5 if before in _CUE_WORDS else weights.get(before, 0.0)
    after = 0.3 if place.start >= mention.start else 0.0
    return specific + bonus + after - abs(place.start - mention.start) / 2000.0


# Words before the destination of a visit: زيارة إلى كوريا، يصل الجزائر، زار دمشق.
_VISIT_PLACE_WORDS = frozenset({"في", "ب", "الي", "ل", "يصل", "وصل", "تصل", "زار", "يزور", "زياره", "زيارته"})
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
        if not inside:
            out.append(place)
    return out


def assign_place(mention: Mention, places: list[PlaceSpan], layers: TextLayers) -> PlaceSpan | None:
    """The place of the mention's sentence that best reads as where it happened (its own clause first)."""
    verbal = family_of(mention.plover) in ("verbal-conflict", "cooperation")
    c_start, c_end = mention.clause
    s_start, s_end = mention.sentence
    scored = []
    for place in places:
        if not s_start <= place.start < s_end:
            continue
        allowed = _VISIT_PLACE_WORDS if mention.mode == "visit" else ("في", "ب", "الي")
        if verbal and preposition_before(layers, place.start) not in allowed:
            continue  # a statement's topic is not its place: only a place "in"/"to" which it was made counts
        before = preposition_before(layers, place.start)
        if _PREPOSITION_WEIGHT.get(family_of(mention.plover), {}).get(before, 0.0) < 0:
            continue  # نصرة لغزة، العدوان على غزة، أُطلقت من لبنان: not where this happened
        # The mention's own clause first; a place elsewhere in the sentence only when the clause names none.
        score = _place_score(place, mention, layers) - (0.0 if c_start <= place.start < c_end else 2.5)
        if score > 0.5:
            scored.append((score, place))
    return max(scored, key=lambda sp: sp[0])[1] if scored else None


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
    norm = layers.normalized
    n_start = layers.to_normalized(timex.start, timex.start)[0]
    return bool(_PERIOD_BEFORE_RE.search(norm.text[max(0, n_start - 12) : n_start]))


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
            resolved = _timex_date(nearest)
            if resolved is not None:
                return resolved[0], resolved[1], nearest.text
    clause_text = layers.normalized_slice(*mention.clause)
    sentence_text = layers.normalized_slice(*mention.sentence)
    if _BACKGROUND_RE.search(clause_text) or _BACKGROUND_RE.search(sentence_text):
        return None, None, None
    if published is None:
        return None, None, None
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
