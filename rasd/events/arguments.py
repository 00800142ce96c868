"""Actors of an event mention: who did it (actor1) and to whom (actor2).

Actors come from the entity layer (linked to the actor knowledge base) and from a short list of generic actors
the knowledge base does not hold (settlers, gunmen, protesters). Arabic reports put the agent after a verb
(``شنّت قوات الاحتلال غارات``), after an attack noun as an adjective or genitive (``قصف إسرائيلي``, ``غارات
الاحتلال``) or after an agent preposition (``برصاص قوات الاحتلال``), and before a nominal report of its own
action (``أعلنت المقاومة استهداف…``); the target follows a target word (``على``, ``ضد``, ``لجنود``). Where and
when are in ``rasd.events.setting``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import cache

from rasd.arabic.normalize import normalize_text
from rasd.events.detect import Mention
from rasd.events.layers import PlaceSpan, TextLayers
from rasd.events.lexicon import family_of
from rasd.events.setting import ARABIC_WORD, PLACE_CUES, country_place, strip_clitic, words_before
from rasd.model import Actor, Entity


@dataclass(frozen=True, slots=True)
class ActorMention:
    """An actor as named at ``start:end`` of the text."""

    start: int
    end: int
    text: str
    actor: Actor
    key: str
    entity_type: str | None = None  # the NER type of a named entity (PER, ORG, GPE, NORP); None if generic
    # How firmly the text makes this actor the agent of an event (see ``assign_actors``): 3 a
    # syntactic agent (قصف إسرائيلي، برصاص…، the subject before its verb), 2 the subject after a verb, 1 the
    # subject of a report of the act or an actor after a noun, 0 only the party whose sources speak.
    firmness: int = 0

    @property
    def is_person(self) -> bool:
        return self.actor.type == "person" or self.entity_type == "PER"


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
        "ايدي",
        "أيدي",
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
        # a relative verb whose suffix is the attack: غارة شنتها الحكومة، عملية نفذها مسلحون
        "شنتها",
        "شنها",
        "نفذتها",
        "نفذها",
        "اطلقتها",
        "اطلقها",
        "نصبه",
        "نصبها",
    ]
)
# Prepositions that introduce the target of an act (قصف على، هجمات ضد، مباحثات مع، توجه إلى).
_TARGET_PREPOSITIONS = frozenset(
    normalize_text(w) for w in ["على", "ضد", "باتجاه", "نحو", "صوب", "تجاه", "بحق", "إلى", "مع"]
)
_TARGET_BEFORE = _TARGET_PREPOSITIONS | frozenset(
    normalize_text(w)
    for w in [
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
        "وبين",
    ]
)
_LOCATIVE_BEFORE = frozenset(
    normalize_text(w)
    for w in [
        *PLACE_CUES,
        "في",
        "ب",
        "من",
        "إلى",
        "الى",
        "حدود",
        "أراضي",
        "أنحاء",
        "عاصمة",
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
# What may stand between a subject and its verb: quotes, an adjective, قد (قوات النظام قد أطلقت), a negation.
_SUBJECT_GAP = re.compile(
    r"[\s\"'«»“”]*(?:(?:ال)?[\u0621-\u064a]{3,}(?:ي|يه)[\s\"'«»“”]+)?(?:(?:قد|لم|لن|ما)[\s]+)?"
)
_COMPLEMENTIZER_RE = re.compile(r"(?<![\u0621-\u064a])(?:ان|بان)(?![\u0621-\u064a])")

_WORD_START = r"(?<![\u0621-\u064a])"


# Actors the knowledge base has no entry for: (normalized pattern, English name, type).
def _generic(body: str, clitics: str = "(?:و|ف|ب|ل)?") -> re.Pattern[str]:
    """A whole-word pattern of normalized text: optional clitics, then ``body``."""
    return re.compile(rf"{_WORD_START}{clitics}{body}(?![\u0621-\u064a])")


_GENERIC_ACTORS: list[tuple[re.Pattern[str], str, str]] = [
    (_generic("(?:ال)?مستوطن(?:ين|ون|ان|ا|و)?"), "Israeli settlers", "settlers"),
    (_generic("(?:ال)?مسلح(?:ين|ون|ان|ا)?"), "Unidentified armed group", "armed-group"),
    (_generic("(?:ال)?(?:متظاهر|محتج|معتصم)(?:ين|ون|ه)?"), "Protesters", "protesters"),
    (_generic("(?:ال)?انتحاري"), "Suicide bomber", "armed-group"),
    (
        re.compile(rf"{_WORD_START}(?:و|ف|ب|ل)?(?:ال)?(?:جماعات|تنظيمات|مجموعات) (?:ال)?(?:ارهابيه|مسلحه)"),
        "Armed groups",
        "armed-group",
    ),
    (_generic("(?:ال)?(?:مقاومه|مقاومون|مقاومين)"), "Resistance fighters", "armed-group"),
    (_generic("(?:ال)?شرطه"), "Police", "police"),
    # the security forces of the country the event lies in (قوات الأمن، الأجهزة الأمنية، رجال الأمن)
    (_generic("(?:ال)?(?:قوات|قوي|اجهزه|عناصر|رجال) (?:ال)?(?:امن|امنيه)"), "Police", "police"),
    (_generic("(?:ال|لل)حكومه"), "Government", "government"),
    (_generic("(?:ال|لل)سلطات"), "Government", "government"),
    (_generic("(?:ال|لل)جيش"), "Military Forces", "state-force"),
    # The West as a party (اتهم الغربيون روسيا، طالب أردوغان الغرب، دول غربية); bare غرب is a direction.
    (
        _generic("(?:(?:ال|لل)غرب(?:يون|يين)?|(?:ال|لل)?دول (?:ال)?غربيه)", clitics="(?:و|ف|ب)?"),
        "Western states",
        "states",
    ),
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
    actor = _kb_actor(entity.id) if entity.id else None
    if actor is not None:
        return Actor(actor.id, entity.text, actor.name_en, actor.type, actor.country, actor.inter)
    return Actor(entity.id, entity.text, entity.name_en)


@cache
def _kb_actor(entry_id: str) -> Actor | None:
    kb = _kb()
    entry = kb.get(entry_id) if kb is not None else None  # type: ignore[attr-defined]
    return kb.actor(entry) if entry is not None else None  # type: ignore[attr-defined]


_GAZETTEER_ID_PREFIX = "gn:"


def actor_candidates(layers: TextLayers) -> list[ActorMention]:
    """Actors named in the text, in order: linked entities, then generic actors where no entity lies."""
    found: list[ActorMention] = []
    for entity in layers.entities:
        if entity.type not in ("ORG", "GPE", "NORP", "PER"):
            continue
        if entity.start <= 2 and layers.text[entity.end : entity.end + 2].strip().startswith(":"):
            continue  # "لبنان: …" at the head of a headline says where, not who
        if entity.id and entity.id.startswith(_GAZETTEER_ID_PREFIX):
            continue  # a town or region of the gazetteer (حلب، الغوطة الشرقية) is where, not who
        actor = actor_from_entity(entity)
        found.append(
            ActorMention(
                entity.start,
                entity.end,
                entity.text,
                actor,
                entity.id or normalize_text(entity.text),
                entity.type,
            )
        )
    found = _without_title_demonyms(found, layers)
    norm = layers.normalized
    starts = _generic_starts()
    at = [m.start() for m in starts.finditer(norm.text)] if starts is not None else []
    for pattern, name_en, kind in _GENERIC_ACTORS:
        matches = _matches_from(pattern, norm.text, at) if starts is not None else pattern.finditer(norm.text)
        for match in matches:
            start, end = norm.to_original(*match.span())
            if any(a.start <= start < a.end or start <= a.start < end for a in found):
                continue
            text = layers.text[start:end]
            found.append(ActorMention(start, end, text, Actor(None, text, name_en, kind), name_en))
    found.sort(key=lambda a: a.start)
    return _resolve_generic(_national_with_demonym(found, layers))


def _national_with_demonym(found: list[ActorMention], layers: TextLayers) -> list[ActorMention]:
    """A generic national body followed by its demonym (الحكومة الكينية، قوات الأمن العراقية) is that
    country's: one actor over both words."""
    out: list[ActorMention] = []
    for mention in found:
        previous = out[-1] if out else None
        if (
            previous is not None
            and previous.actor.type in _NATIONAL_NAMES
            and previous.actor.id is None
            and _is_demonym(mention)
            and mention.actor.country
            and not layers.text[previous.end : mention.start].strip()
        ):
            text = layers.text[previous.start : mention.end]
            actor = of_country(
                Actor(None, text, previous.actor.name_en, previous.actor.type), mention.actor.country
            )
            out[-1] = ActorMention(previous.start, mention.end, text, actor, actor.name_en or text)
            continue
        out.append(mention)
    return out


@cache
def _generic_starts() -> re.Pattern[str] | None:
    """Where any generic actor may begin, found in one pass instead of one pass per pattern (None unless
    every pattern begins at a word start and has no group of its own)."""
    rests = []
    for pattern, _, _ in _GENERIC_ACTORS:
        if not pattern.pattern.startswith(_WORD_START) or pattern.groups or pattern.flags != re.UNICODE:
            return None
        rests.append(f"(?:{pattern.pattern[len(_WORD_START) :]})")
    return re.compile(_WORD_START + "(?=" + "|".join(rests) + ")")


def _matches_from(pattern: re.Pattern[str], text: str, starts: list[int]) -> Iterator[re.Match[str]]:
    """What ``pattern.finditer(text)`` finds, when every match of it begins at one of ``starts`` (sorted)."""
    pos = 0  # where the previous match ended: matches do not overlap
    for start in starts:
        if start >= pos and (match := pattern.match(text, start)) is not None:
            yield match
            pos = match.end()


_DEMONYM_RE = re.compile(r"^(?:و|ل|ب)?(?:ال)?[\u0621-\u064a]{3,}(?:ي|يه|يون|يين|يان)$")


def _is_demonym(mention: ActorMention) -> bool:
    return mention.actor.type == "country" and bool(_DEMONYM_RE.match(normalize_text(mention.text)))


def _without_title_demonyms(found: list[ActorMention], layers: TextLayers) -> list[ActorMention]:
    """Actors without the demonyms that only qualify a neighbour: the title before a name (الرئيس التركي رجب
    طيب أردوغان) or the adjective after a named body (صحيفة هآرتس الإسرائيلية، الأمن الفدرالي الروسي)."""
    people = [e for e in layers.entities if e.type == "PER"]
    kept = []
    for index, mention in enumerate(found):
        if _is_demonym(mention):
            follows = layers.text[mention.end : mention.end + 4]
            if any(
                mention.end <= e.start <= mention.end + 3
                and not follows[: e.start - mention.end].strip(" ،,")
                for e in people
            ):
                continue
            previous = found[index - 1] if index else None
            if (
                previous is not None
                and previous.actor.type not in ("country", None)
                and not layers.text[previous.end : mention.start].strip(" \"'«»“”")
            ):
                continue
        kept.append(mention)
    return kept


def _resolve_generic(found: list[ActorMention]) -> list[ActorMention]:
    """A generic actor (المقاومة) stands for the last named actor whose name holds it (المقاومة الإسلامية)."""
    out: list[ActorMention] = []
    for mention in found:
        if mention.actor.id is None and mention.actor.type is not None:
            core = normalize_text(mention.text).removeprefix("و").removeprefix("ال")
            core = re.sub(r"(?:ون|ين)$", "", core)  # المقاومون stands for المقاومة الإسلامية too
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


def _hint(layers: TextLayers, candidate: ActorMention, mention: Mention) -> str | None:
    ntext = layers.normalized.text
    nstart = layers.to_normalized(candidate.start, candidate.start)[0]
    before = words_before(ntext, nstart, 2)
    previous = strip_clitic(before[-1]) if before else ""
    if candidate.actor.type in (None, "country") and candidate.key and _is_locative(previous):
        return "place"  # في سوريا، من لبنان: where, not who
    if previous in _AGENT_BEFORE or (
        before and before[-1].startswith(("بـ", "ب")) and before[-1][1:] in _AGENT_BEFORE
    ):
        return "agent"
    if previous in _SUPPORT_BEFORE:
        return "support"  # قوات النظام أطلقت بدعم روسي عملية: the backer, not the agent
    if previous in _ACTION_NOUNS and _next_word(layers, candidate).startswith("ل"):
        return "agent"  # استهداف الحوثيين لمطار أبها: the genitive of an action noun whose object has لـ
    clause_start = layers.to_normalized(mention.clause[0], mention.clause[0])[0]
    if _DIED_BEFORE_RE.search(ntext[max(clause_start, nstart - 40) : nstart]):
        return "target"  # مقتل 27 عنصرا من الحشد، استشهاد شاب فلسطيني: those the casualty phrase counts
    if previous in _PATIENT_NOUNS and not _is_demonym(candidate):
        return "target"  # اعتقال قائد، زيارة كوريا الشمالية: the genitive of these nouns undergoes the act
    if previous in _TARGET_BEFORE or any(w in ("علي", "ضد", "لجنود") for w in before):
        return "target"
    if previous in _VICTIM_NOUNS or previous.removeprefix("ال") in _VICTIM_NOUNS:
        return "target"
    # An adjective or genitive right after an attack noun names the attacker (قصف إسرائيلي، غارات الاحتلال).
    trigger_end = max(e for _, e in mention.spans) if mention.spans else mention.end
    gap = layers.text[trigger_end : candidate.start]
    if (
        candidate.start >= trigger_end
        and len(gap) <= 2
        and not gap.strip(" ً")
        and mention.role != "death"
        and not (mention.verbal and _has_subject_before(layers, mention))
    ):
        return "agent"
    return None


_SUPPORT_BEFORE = frozenset(
    normalize_text(w) for w in ["بدعم", "دعم", "بمساندة", "بإسناد", "بغطاء", "بمشاركة"]
)
_ACTION_NOUNS = frozenset(
    normalize_text(w)
    for w in ["استهداف", "باستهداف", "قصف", "اقتحام", "اعتقال", "اغتيال", "احتجاز", "اختطاف"]
)


# Action nouns whose genitive is the one the act is done to (its agent would follow as لـ or an adjective).
_PATIENT_NOUNS = frozenset(
    normalize_text(w)
    for w in [
        "اعتقال",
        "باعتقال",
        "اغتيال",
        "باغتيال",
        "احتجاز",
        "اختطاف",
        "خطف",
        "إعدام",
        "ترحيل",
        "زيارة",
        "بزيارة",
        "حبس",
        "توقيف",
    ]
)


def _next_word(layers: TextLayers, candidate: ActorMention) -> str:
    end = layers.to_normalized(candidate.end, candidate.end)[0]
    match = re.match(r"\s*([\u0621-\u064a]+)", layers.normalized.text[end : end + 30])
    return match.group(1) if match else ""


# Nouns that name who speaks: an actor right after them is a source (مصدر عسكري سوري), not an attacker.
_SOURCE_NOUNS = re.compile(r"(?:مصدر|مصادر|متحدث|المتحدث|ناطق|الناطق|وكاله|مسوول|المسوول|مسوولون)$")
_DEFENCE_LEMMAS = frozenset({"اسقط", "تصدي", "احبط", "اعتراض", "صد"})
_ATTACK_NOUNS = re.compile(
    r"(?:^|[ ])(?:ل|ب)?(?:ال)?(?:عدوان|هجوم|هجمات|اعتداء|اعتداءات|صاروخ|صاروخين|صواريخ|قذيفه|قذايف|مسيره|مسيرات|"
    r"طايره|طايرات|غاره|غارات)(?:ا)?(?: [\u0621-\u064a]+ه?)?[ ]*$"
)


def _names_a_source(layers: TextLayers, actor: ActorMention) -> bool:
    """Whether an actor qualifies the speaker of a report (أفاد مصدر عسكري سوري…)."""
    nstart = layers.to_normalized(actor.start, actor.start)[0]
    before = words_before(layers.normalized.text, nstart, 3)
    return any(_SOURCE_NOUNS.search(strip_clitic(w)) for w in before[-2:])


def _repelled_attacker(
    mention: Mention, layers: TextLayers, usable: list[ActorMention]
) -> ActorMention | None:
    """The author of the attack a defence act repels (تصدت لعدوان إسرائيلي، أسقطت مسيرات أوكرانية)."""
    if not _DEFENCE_LEMMAS.intersection(mention.lemmas):
        return None
    for actor in usable:
        if actor.start < mention.end or actor.start > mention.end + 50:
            continue
        words = layers.normalized_slice(mention.end, actor.start)
        if _ATTACK_NOUNS.search(" " + words):
            return actor
    return None


def _has_subject_before(layers: TextLayers, mention: Mention) -> bool:
    """Whether a word stands right before a verb trigger in its clause (the subject of SVO order: after the
    verb comes its object, الرئيس يتوعد حماس)."""
    before = layers.text[mention.clause[0] : mention.start].strip(" \"'«»“”")
    return bool(before) and not before.endswith(("،", ",", ":", "-", "–"))


def _is_locative(word: str) -> bool:
    return word in _LOCATIVE_BEFORE or (word.startswith("ال") and word[2:] in _LOCATIVE_BEFORE)


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
    firmness = 3
    violent = family_of(mention.plover) == "violence"
    if actor1 is None and mention.verbal:
        # A headline or a sentence in SVO order names the subject right before its verb (مستوطنون يحرقون…).
        actor1 = next(
            (
                a
                for a in reversed(usable)
                if a.end <= trigger
                and hints[id(a)] in (None, "agent")
                and _SUBJECT_GAP.fullmatch(layers.normalized_slice(a.end, trigger))
                and not (violent and a.actor.type in _NOT_ATTACKERS)
            ),
            None,
        )
    if actor1 is None:
        # The subject of a verb follows it closely (شنّت قوات الاحتلال…); an actor further on belongs to
        # another phrase of the clause.
        after = [
            a
            for a in usable
            if trigger <= a.start <= mention.end + 40
            and hints[id(a)] is None
            and (mention.verbal or not a.is_person or a.start < mention.end)
            and not _crosses_target_marker(layers, mention.end, a.start)
        ]
        actor1 = next((a for a in after if not (violent and a.actor.type in _NOT_ATTACKERS)), None)
        firmness = 2 if mention.verbal else 1
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
            and not (violent and _names_a_source(layers, a))
        ]
        actor1 = before[-1] if before else None
        firmness = 1
    if actor1 is None and not violent:
        # "كشفت مصادر من حماس أن قيادات … تستعد للخروج": with no actor of its own, a statement's subject
        # is the party whose sources speak.
        speakers = [a for a in usable if a.start < trigger and hints[id(a)] is None]
        actor1 = speakers[-1] if speakers else None
        firmness = 0
    attacker = _repelled_attacker(mention, layers, usable)
    if attacker is not None and (actor1 is None or attacker.key != actor1.key):
        # "تصدّت الدفاعات السورية لعدوان إسرائيلي": the attack repelled is the event, its author actor1
        return replace(attacker, firmness=3), actor1
    actor2 = _sanctioned(layers, mention, usable, actor1) or next(
        (a for a in usable if hints[id(a)] == "target" and (actor1 is None or a.key != actor1.key)), None
    )
    if actor2 is None:
        # further into the target phrase: شنت تركيا هجمات ضد معسكرات يشتبه بانتمائها لحزب العمال
        actor2 = next(
            (
                a
                for a in usable
                if mention.end <= a.start <= mention.end + 60
                and (actor1 is None or a.key != actor1.key)
                and hints[id(a)] != "agent"
                and _crosses_target_marker(layers, mention.end, a.start)
            ),
            None,
        )
    family = family_of(mention.plover)
    object_families = ("cooperation", "verbal-conflict", "coercion")
    takes_object = family in object_families and mention.plover != "RETREAT"  # one leaves, no one is left
    if actor2 is None and actor1 is not None and (takes_object or (violent and mention.verbal)):
        # the object of the act: the next actor named after its agent and its trigger (اعتقلت القوات خضر عدنان)
        actor2 = next(
            (
                a
                for a in usable
                if a.start
                > max(actor1.start, trigger if family in ("coercion", "violence") else actor1.start)
                and a.key != actor1.key
                and hints[id(a)] != "agent"
            ),
            None,
        )
    if actor2 is None and violent:
        actor2 = _named_victims(layers, mention, usable, actor1) or _civilian_victims(mention, layers)
    return (replace(actor1, firmness=firmness) if actor1 is not None else None), actor2


# Generic national actors, named for the country the event lies in as ACLED names them.
_NATIONAL_NAMES = {
    "government": "Government of {}",
    "state-force": "Military Forces of {}",
    "police": "Police Forces of {}",
}
_STATE_INTER = 1


def of_country(actor: Actor, country: str | None) -> Actor:
    """A generic national actor (الحكومة، الجيش، الشرطة) as the one of ``country``, the country the event lies
    in: "Police Forces of Turkey"; any other actor as it is."""
    pattern = _NATIONAL_NAMES.get(actor.type or "")
    if pattern is None or actor.id is not None or actor.country is not None or not country:
        return actor
    place = country_place(country)
    name = place.name_en if place is not None and place.name_en else country
    return Actor(None, actor.name_ar, pattern.format(name), actor.type, country, _STATE_INTER)


_SANCTION_OBJECT = frozenset({"عن", "علي", "بحق", "ضد"})


def _sanctioned(
    layers: TextLayers, mention: Mention, usable: list[ActorMention], actor1: ActorMention | None
) -> ActorMention | None:
    """The party sanctions are imposed on or lifted from: the first actor after the trigger and its
    preposition (رفع العقوبات عن الرئيس السوري، أحمد الشرع; فرض عقوبات على إيران)."""
    if mention.plover not in ("SANCTION", "CONCEDE"):
        return None
    for actor in usable:
        if actor.start < mention.end or (actor1 is not None and actor.key == actor1.key):
            continue
        words = ARABIC_WORD.findall(layers.normalized_slice(mention.end, actor.start))
        return actor if len(words) <= 4 and _SANCTION_OBJECT.intersection(words) else None
    return None


def firmer(kept: ActorMention | None, other: ActorMention | None) -> ActorMention | None:
    """The actor1 of two mentions of one happening: the one the text makes its agent more firmly (a headline's
    subject before its verb beats an actor the lede only names near the act), else the first."""
    if kept is None or (other is not None and other.firmness > kept.firmness):
        return other
    return kept


# Casualty words whose following noun is always the victim, and those that may also be active (قتل، اغتال).
_DIED_WORDS = "مقتل|قتلي|استشهاد|استشهد|مصرع|اصابه|جرح"
_CASUALTY_WORDS = _DIED_WORDS + "|قتل|قتلت|قتلوا|اصيب|اغتيال|اغتالت|اغتال|اسر|خطف|اختطاف"
# A casualty word and what may stand between it and the victims it counts (مقتل 27 عنصرا من ميليشيات الحشد,
# قتلت أمس (الجمعة) قيادياً).
_CASUALTY_BEFORE_RE = re.compile(
    rf"{_WORD_START}(?:و|ف|ب)?(?:{_CASUALTY_WORDS})(?:[ ()«»\"]+[\u0621-\u064a\d]+){{0,5}}[ ()«»\"]*$"
)
_DIED_BEFORE_RE = re.compile(rf"{_WORD_START}(?:و|ف|ب)?(?:{_DIED_WORDS})(?: [\u0621-\u064a\d]+){{0,4}} ?$")


def _named_victims(
    layers: TextLayers, mention: Mention, usable: list[ActorMention], actor1: ActorMention | None
) -> ActorMention | None:
    """The actor a casualty phrase of the clause counts (قتل مستوطنان إسرائيليان، مقتل 27 عنصرا من الحشد)."""
    for actor in usable:
        if actor1 is not None and actor.key == actor1.key:
            continue
        before = layers.normalized_slice(max(mention.clause[0], actor.start - 40), actor.start)
        if _CASUALTY_BEFORE_RE.search(before):
            return actor
    return None


_CIVILIANS_RE = re.compile(
    r"(?<![\u0621-\u064a])(?:و|ب|ل)?(?:ال)?(?:مدني(?:ين|ون|ان|ا)?|مواطن(?:ين|ون|ان|ا|ه)?|اطفال|طفل(?:ين|ه|ا)?|نساء|"
    r"امراه|سيده|شاب(?:ا|ين|ان|ه)?|شبان|فتي|فتاه|سكان|نازح(?:ين|ون)?|مزارع(?:ين|ا)?|صياد(?:ين|ا)?|"
    r"صحافي(?:ين|ون)?|صحفي(?:ين|ون)?|مسعف(?:ين|ون)?|مصلين|مدنيين|عائله|عائلات)(?![\u0621-\u064a])"
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


def _crosses_target_marker(layers: TextLayers, start: int, end: int) -> bool:
    """Whether a target preposition stands between ``start`` and ``end``: an actor past it is in the target
    phrase (شنت تركيا هجمات ضد معسكرات لحزب العمال), not the subject of the act."""
    words = ARABIC_WORD.findall(layers.normalized_slice(start, end))
    return any(w in _TARGET_PREPOSITIONS for w in words)


def _is_gpe_location(actor: ActorMention, layers: TextLayers) -> bool:
    ntext = layers.normalized.text
    nstart = layers.to_normalized(actor.start, actor.start)[0]
    before = words_before(ntext, nstart, 1)
    return bool(before) and strip_clitic(before[-1]) in _LOCATIVE_BEFORE
