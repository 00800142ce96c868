"""Modality of an event mention: asserted, reported, claimed, denied, planned, hypothetical or negated.

Read from the words around the trigger, in this order: a denial (``نفى``, ``وهو ما نفته``) → denied; a negation
right before the trigger (``لم``, ``دون``, ``عدم``) → negated; a condition or expectation (``إذا``, ``في حال``,
``يتوقع``, ``استعداد``) → hypothetical; a future verb or plan word (``سيصدر``, ``من المقرر أن``, ``يستعد``,
``نيتها اقتحام…``) → planned; an attribution (``قالت مصادر``, ``أفادت وكالة``, ``وفق``) → claimed when the
source is the actor of a violent event (``أعلنت المقاومة استهداف…``, ``أعلن المالكي عن السيطرة على…``; a
party's own media office, ``خلية الإعلام الأمني``, speaks for it), asserted when it is the outlet's own
correspondent or the actor announcing its own non-violent act, reported otherwise; no cue → asserted. An attribution does not reach a happening told in a relative clause (``متورطين في الهجوم الذي
استهدف…``): the clause presupposes it.

A record merged from several mentions takes ``merged_modality`` of their readings: the outlet's own
correspondent telling it makes it asserted; otherwise the body mentions that tell it vote (headlines and
definite back-references count only when nothing else does).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from rasd.events.arguments import ActorMention
from rasd.events.detect import Mention
from rasd.events.layers import TextLayers
from rasd.events.lexicon import family_of

_DENIAL_BEFORE = re.compile(
    r"(?<![\u0621-\u064a])(?:و|ف)?(?:نفي|نفت|ينفي|تنفي|نفيها|نفيه|انفي|نفوا|ينفون|تنفيان)(?![\u0621-\u064a])"
)
_DENIAL_AFTER = re.compile(r"(?:ما|الذي|التي) (?:نفته|نفاه|نفوه|تنفيه|ينفيه)|نفت .{0,30}(?:ذلك|صحه)")
_NEGATION = re.compile(r"(?<![\u0621-\u064a])(?:لم|لن|دون|بدون|عدم|ولم|ولن|من دون)(?![\u0621-\u064a])")
_HYPOTHETICAL = re.compile(
    r"(?<![\u0621-\u064a])(?:اذا|في حال|لو|ان لم|ما لم|يتوقع|يتوقعون|ويتوقع|توقعات|محتمل|احتمال|استعداد|مستعد|مستعده|جاهزيه)(?![\u0621-\u064a])"
)
_PLANNED = re.compile(
    r"(?<![\u0621-\u064a])(?:من المقرر|المقرر|سوف|يعتزم|تعتزم|يعتزمون|يستعد|تستعد|يستعدون|ستبدا|سيبدا|المرتقب|المرتقبه|مرتقبه|مرتقب|"
    r"ينوي|تنوي|نيتها|نيته|عزمها|عزمه|يتوجه|خطه ل|المزمع|المنتظر|من المنتظر|يرتقب|"
    r"سي(?:صدر|عقد|جري|لتقي|زور|كمل|بدا|توجه|قوم|تم|شارك|وقع|علن)|ست(?:عقد|جري|بدا|قوم|تم|صدر|شارك|وقع|علن|طرد))(?![\u0621-\u064a])"
)
# A future auxiliary or a wish governs a whole clause (سوف أزور كوريا وألتقي…، مهتم بزيارة).
_FUTURE_AUXILIARY = re.compile(
    r"(?<![\u0621-\u064a])(?:و|ف)?(?:سوف|مهتم ب|مهتمه ب|يرغب في|ترغب في|رغبته في|رغبتها في)"
)
_ATTRIBUTION = re.compile(
    r"(?<![\u0621-\u064a])(?:و|ف)?(?:افاد|افادت|قال|قالت|ذكر|ذكرت|نقل|نقلت|اعلن|اعلنت|اكد|اكدت|كشف|كشفت|اوضح|اوضحت|"
    r"اشار|اشارت|تحدث|تحدثت|اورد|اوردت|بث|بثت|نشر|نشرت|اقر|اقرت|اعترف|اعترفت|تبني|تبنت|زعم|زعمت|ادعي|ادعت|"
    r"بحسب|حسب|وفق|وفقا|طبقا|نقلا|تفيد|يفيد|تقول|يقول|اضاف|اضافت|تابع|تابعت|اعلان|تعلن|يعلن|توكد|يوكد|"
    r"تكشف|يكشف|تشير|يشير|تنقل|ينقل|تنشر|ينشر|تتحدث|يتحدث|تعترف|يعترف|تقر|يقر|تتبني|يتبني|تزعم|يزعم|"
    r"صرح|صرحت|بينت|اعتبر|اعتبرت|لفت|لفتت|"
    # the passive (أُفيد بـ)، tails glued to ما (حسبما أفادت)، and the media's own verbs (تناقلت، تداول، وثّقت)
    r"افيد|حسبما|بحسبما|وفقما|تناقل|تناقلت|تتناقل|تداول|تداولت|يتداول|روي|روت|وثق|وثقت|يوثق|توثق)(?![\u0621-\u064a])"
)
_CLAIM_OF_RESPONSIBILITY = re.compile(
    r"تبني|تبنت|يتبني|تتبني|مسووليتها عن|مسووليته عن|اعلنت مسووليه|تعلن مسووليه"
)
_OWN_REPORTER = re.compile(r"مراسل")
_REVEALING = re.compile(r"(?:كشف|كشفت|زعم|زعمت|ادعي|ادعت|يزعم|تزعم) (?:[^ ]+ )?مصادر|مصادر (?:من|في|داخل)")
_THIRD_PARTY = re.compile(
    r"مصادر|مصدر|وسائل|اعلام|وكاله|صحيفه|شهود|ناشطون|ناشطين|المرصد|التلفزيون|قناه|هييه البث|تقارير|تقرير|رويترز|فرانس برس|مسوول|مسوولون|متحدث"
)


MERGEABLE_MODALITIES = frozenset({"asserted", "reported", "claimed"})
# Between modalities told equally often, an attribution outweighs a bare statement; a third party's report
# outweighs a party's claim, which then does not rest on the party's word alone.
_TIE_RANK = {"reported": 3, "claimed": 2, "asserted": 1}


@dataclass(frozen=True, slots=True)
class MentionModality:
    """How one mention of a happening tells it: its modality, and what that reading rests on."""

    modality: str
    unit: str = "text"  # "title" or "text": a headline drops its attribution by convention
    reference: bool = False  # a definite noun referring back (الهجوم): it names the happening, not tells it
    correspondent: bool = False  # the outlet's own correspondent tells it: the outlet's own word


def mention_modality(
    mention: Mention,
    layers: TextLayers,
    actor1: ActorMention | None,
    actors: list[ActorMention],
    unit: str = "text",
) -> MentionModality:
    """The modality of one mention with what it rests on (see the module docstring for the rules)."""
    modality, correspondent = _modality(mention, layers, actor1, actors)
    trigger = _window(layers, mention.start, mention.end)
    reference = mention.anaphoric or (not mention.verbal and bool(_DEFINITE.match(trigger)))
    return MentionModality(modality, unit, reference, correspondent)


# A definite noun (الهجوم، بالاعتداء، الشهيدين) names a happening already told.
_DEFINITE = re.compile(r"^(?:و|ف|ب|وب)?ال")


def merged_modality(readings: Sequence[MentionModality]) -> str:
    """The modality of a record merged from several mentions of one happening (the first founded it).

    A record founded by a denial, a plan, a condition or a negation keeps it. Otherwise the outlet's own
    correspondent telling the happening makes it asserted; else the body's mentions that tell it vote —
    headlines drop their attribution by convention and definite back-references (الهجوم) only name the
    happening, so they count only when nothing else does — and a tie goes to the report, then the claim.
    """
    if not readings:
        return "asserted"
    if readings[0].modality not in MERGEABLE_MODALITIES:
        return readings[0].modality
    pool = [r for r in readings if r.modality in MERGEABLE_MODALITIES]
    if any(r.correspondent and not r.reference for r in pool):
        return "asserted"
    body = [r for r in pool if r.unit != "title"] or pool
    telling = [r for r in body if not r.reference] or body
    votes = Counter(r.modality for r in telling)
    return max(votes, key=lambda m: (votes[m], _TIE_RANK[m]))


def _window(layers: TextLayers, start: int, end: int) -> str:
    return layers.normalized_slice(start, end)


def _modality(
    mention: Mention, layers: TextLayers, actor1: ActorMention | None, actors: list[ActorMention]
) -> tuple[str, bool]:
    """The modality of one mention, and whether the outlet's own correspondent tells it."""
    s_start, s_end = mention.sentence
    c_start, _ = mention.clause
    before_sentence = _window(layers, s_start, mention.start)
    before_clause = _window(layers, c_start, mention.start)
    after_sentence = _window(layers, mention.end, s_end)
    if _DENIAL_BEFORE.search(before_sentence) or _DENIAL_AFTER.search(after_sentence):
        return "denied", False
    near = before_clause[-16:]
    if _NEGATION.search(near):
        return "negated", False
    attributed, correspondent = _attribution(mention, layers, actor1, actors, before_sentence, after_sentence)
    if (
        attributed == "asserted"
        and not correspondent
        and family_of(mention.plover) == "violence"
        and _goes_on_with_claim(mention, layers)
    ):
        attributed = "claimed"
    if attributed == "claimed" and _REVEALING.search(before_sentence):
        # a party's own sources reveal its plan: a claim (كشفت مصادر من حماس أن قيادات تستعد…)
        return "claimed", False
    if _HYPOTHETICAL.search(before_clause):
        return "hypothetical", False
    trigger_text = _window(layers, mention.start, mention.end)
    # a plan word governs the first act its clause names, and the acts joined to it (نيتها اقتحام… واعتقال…)
    first_start, first_end = min(mention.spans) if mention.spans else (mention.start, mention.end)
    first_text = _window(layers, first_start, first_end)
    before_first = _window(layers, c_start, first_start)
    if (
        mention.future
        or _PLANNED.search(before_clause[-40:].rstrip() + " " + trigger_text)
        or _PLANNED.search(before_first[-40:].rstrip() + " " + first_text)
        or _FUTURE_AUXILIARY.search(before_clause[-80:] + trigger_text)
    ):
        return "planned", False
    return attributed, correspondent


# Attribution verbs that go on with the speaker of an earlier sentence (وأضاف أنّ…، وتابع: …).
_CONTINUATION = re.compile(
    r"^(?:و|ف)?(?:اضاف|اضافت|تابع|تابعت|اوضح|اوضحت|اشار|اشارت|لفت|لفتت|مضي|مضت|بين|بينت|شدد|شددت|اكد|اكدت)$"
)
# What follows an attribution verb that names no speaker (وأضاف أنّ…، وتابع: …، وأشار إلى…).
_UNNAMED = re.compile(r"^[ ،,]*(?:ان|انه|انها|بان|:|الي|$)")
# An explosion, told as an occurrence with no agent (انفجار عبوة، انفجرت سيارة).
_EXPLOSION = re.compile(r"^(?:و|ف|ب|وب)?(?:ال)?(?:انفجار|انفجارات|انفجر|انفجرت)(?![\u0621-\u064a])")
# A source named again with the article (المصدر، المصادر ذاتها): the one an earlier sentence introduced.
_SOURCE_AGAIN = re.compile(r"^(?:المصدر|المصادر)(?! (?:من|في|داخل|ال))")
# Sources that stand outside the event: anonymous sources, witnesses, the media, reports, monitors.
_THIRD_PARTY_SOURCE = re.compile(
    r"^(?:[^ ]+ ){0,2}(?:ال)?(?:مصادر|مصدر|وسائل|اعلام|وكاله|وكالات|صحيفه|صحف|شهود|شاهد|ناشطون|ناشطين|ناشط|المرصد|"
    r"مرصد|موسسه|منظمه|التلفزيون|تلفزيون|قناه|اذاعه|موقع|هييه البث|تقارير|تقرير|رويترز|فرانس|اسوشيتد|سكان|اهالي|مراسلون|"
    # testimonies and accounts, and the bodies that count the victims without fighting
    r"شهادات|شهاده|روايات|روايه|الامم المتحده|اوتشا|الاونروا|يونيسف|اليونيسف|الصليب الاحمر|الهلال الاحمر|"
    r"هيومن رايتس|العفو الدوليه|مفوضيه|المفوضيه|الدفاع المدني)"
)
# Sources that are a fighting party: an army, its ministry or spokesman, a security force, an armed group.
# A party's own media office (الإعلام الحربي، خلية الإعلام الأمني) speaks for it, not as a third party.
_PARTY_MEDIA = re.compile(r"^(?:[^ ]+ ){0,2}(?:ال)?اعلام (?:ال)?(?:حربي|امني|عسكري)")
_PARTY_SOURCE = re.compile(
    r"^(?:[^ ]+ ){0,2}(?:ال)?(?:جيش|قوات|وزاره الدفاع|وزاره الحرب|المتحدث العسكري|الناطق العسكري|متحدث عسكري|"
    r"المتحدث باسم (?:ال)?(?:جيش|قوات|كتائب|سرايا|التحالف|الحرس)|الناطق باسم (?:ال)?(?:جيش|قوات|كتائب|سرايا|التحالف)|"
    r"القياده العامه|قياده|الحرس الثوري|كتائب|سرايا|المقاومه|قوي الامن|الامن العام|الدفاعات|حرس الحدود|"
    r"التحالف|هييه الاركان|الاركان|الحاكم)"
)
_ARMED_KINDS = frozenset(
    {
        "state_force",
        "rebel_group",
        "political_militia",
        "identity_militia",
        "external_force",
        "armed-group",
        "police",
    }
)
# An allegation (بزعم، الهجوم المزعوم) is one side's account.
_ALLEGED = re.compile(
    r"(?<![\u0621-\u064a])(?:بزعم|المزعوم|المزعومه|مزعوم|مزعومه|المفترض|المفترضه|المشتبه)(?![\u0621-\u064a])"
)
# Acts of a defender: told by the defender's side, they are its own claim whoever attacked.
_DEFENCE_LEMMAS = frozenset({"اسقط", "تصدي", "احبط", "اعتراض", "صد"})
_TAIL_CUES = frozenset({"بحسب", "حسب", "وفق", "وفقا", "نقلا", "طبقا", "حسبما", "بحسبما", "وفقما"})
_TAIL_PHRASE = re.compile(
    r"(?:(?:علي|بحسب|حسب|وفقا?|طبقا)(?: ل?ما)|حسبما|بحسبما|وفقما) "
    r"(?:اعلن|اعلنت|افاد|افادت|ذكر|ذكرت|قال|قالت|اكد|اكدت|نقل|نقلت|اورد|اوردت)(?:ه|ته|وه)?(?![\u0621-\u064a])"
)
# A party condemning or blaming an attack tells it as one side's account (أدان المالكي استهداف الحوثيين…).
_CONDEMNATION = re.compile(
    r"(?<![\u0621-\u064a])(?:و|ف)?(?:ادان|ادانت|يدين|تدين|ندد|نددت|يندد|تندد|استنكر|استنكرت|اتهم|اتهمت|يتهم|تتهم|"
    r"حمل|حملت|يحمل|تحمل)(?![\u0621-\u064a])"
)


def _attribution(
    mention: Mention,
    layers: TextLayers,
    actor1: ActorMention | None,
    actors: list[ActorMention],
    before: str,
    after: str,
) -> tuple[str, bool]:
    """asserted, reported or claimed, from who the sentence says told of the event.

    Statements, meetings, agreements, arrests and protests are asserted unless a third party (sources, the
    media, witnesses) tells of them: a speaker telling of its own or another's act is the act. Violence told by
    a fighting party (an army, its ministry, an armed group) is claimed; told by a third party or an official
    who is no party, reported.
    """
    violent = family_of(mention.plover) == "violence"
    if violent and (_CLAIM_OF_RESPONSIBILITY.search(before) or _CLAIM_OF_RESPONSIBILITY.search(after[:40])):
        return "claimed", False
    if violent and (_ALLEGED.search(before[-40:]) or _ALLEGED.search(after[:20])):
        return "reported", False
    cue = None
    for match in _ATTRIBUTION.finditer(before):
        cue = match
    if cue is not None and _RELATIVE_BEFORE.search(before[cue.end() :]):
        cue = None  # "متورطين في الهجوم الذي استهدف المجمع": a relative clause presupposes its happening
    source_actor: ActorMention | None = None
    if cue is not None:
        source_text = before[cue.end() : cue.end() + 40].lstrip(" ،,")
        if _CONTINUATION.match(cue.group()) and (not source_text or source_text.startswith(("ان", ":", "ب"))):
            # "وأضاف أنّ…": the speaker is the one of an earlier sentence
            source_text = _earlier_source(layers, mention) or source_text
        elif _SOURCE_AGAIN.match(source_text):
            # "وأوضح المصدر أنّ…": the source named in an earlier sentence (مصدر في الإعلام العسكري)
            source_text = _earlier_source(layers, mention) or source_text
        else:
            source_actor = _source_actor(mention, layers, actors, cue.end())
    else:
        # a tail cue, with or without its conjunction (وفق is itself a cue, not و + فق)
        tail = next(
            (m for m in _ATTRIBUTION.finditer(after) if {m.group(), m.group()[1:]} & _TAIL_CUES), None
        )
        phrase = _TAIL_PHRASE.search(after)
        if phrase is not None:
            source_text = after[phrase.end() : phrase.end() + 40].lstrip(" ،,")
        elif tail is not None:
            # "بحسب وسائل إعلام"، "نقلاً عن مصدر"، "وفق ما ذكرته الوكالة"
            source_text = re.sub(
                r"^[ ،,]*(?:عن |ما [^ ]+ |لما [^ ]+ )?", "", after[tail.end() : tail.end() + 50]
            )
        elif violent and _CONDEMNATION.search(before):
            return "reported", False
        else:
            return "asserted", False
    # a name in quotes after the attribution is an outlet's (وفق "معاريف"، بحسب "واشنطن بوست")
    quoted_outlet = source_text.lstrip(" ،,").startswith(('"', "«", "“")) and source_actor is None
    # ... unless it issues a statement, as a body does (قالت "منظومة المجتمع الكردستاني"، في بيان)
    quoted_outlet = quoted_outlet and not re.search(r"^[^ ]+(?: [^ ]+){0,4}[ ،,]+في بيان", source_text)
    source_text = source_text.lstrip(" ،,\"'")
    if cue is not None and not (
        _THIRD_PARTY_SOURCE.match(source_text) or _PARTY_SOURCE.match(source_text) or source_actor
    ):
        # "وزارة الدفاع تعلن…"، "وكان الجيش قد اعترف…": the speaker is the subject before the verb
        subject = " ".join(before[: cue.start()].split()[-5:])
        subject = re.sub(r"^.*[،,.:]", "", subject).strip()
        subject = re.sub(r"^(?:و|ف)?(?:كان|كانت)\s+", "", subject)
        if subject:
            source_text = subject + " " + source_text
            source_actor = _actor_in(layers, mention, actors, cue.start() - len(subject) - 1, cue.start())
    if _OWN_REPORTER.search(source_text[:25]):
        return "asserted", True
    party_media = bool(_PARTY_MEDIA.match(source_text))
    third_party = (bool(_THIRD_PARTY_SOURCE.match(source_text)) or quoted_outlet) and not party_media
    if not violent:
        own = source_actor is not None and actor1 is not None and _same_speaker(source_actor, actor1, violent)
        if own and _REVEALING.search(before):
            # a party's own sources reveal its plan (كشفت مصادر من حماس أن قيادات تستعد…)
            return "claimed", False
        return ("reported" if third_party and not own else "asserted"), False
    if third_party:
        return "reported", False
    if _EXPLOSION.match(layers.normalized_slice(mention.start, mention.end)):
        return "reported", False  # an explosion (انفجار) is an occurrence no party claims by telling of it
    if _DEFENCE_LEMMAS.intersection(mention.lemmas):
        # an official of the defending side tells of its interception (وكانت الوزارة أعلنت إحباط…)
        return "claimed", False
    if mention.mode == "suicide-attack" or "suicide-attack" in mention.modes:
        return "reported", False  # a suicide bombing is claimed only by a claim of responsibility (above)
    party = (
        party_media
        or bool(_PARTY_SOURCE.match(source_text))
        or (source_actor is not None and source_actor.actor.type in _ARMED_KINDS)
    )
    if party:
        if cue is not None and source_actor is None:
            source_actor = _actor_in(layers, mention, actors, cue.end(), cue.end() + 30)
        other_side = (
            source_actor is not None
            and actor1 is not None
            and bool(source_actor.actor.country)
            and bool(actor1.actor.country)
            and source_actor.actor.country != actor1.actor.country
            and not _DEFENCE_LEMMAS.intersection(mention.lemmas)
        )
        # a party tells of its own act (its interceptions included), or of the enemy's
        return ("reported" if other_side else "claimed"), False
    if source_actor is not None and actor1 is not None and _same_speaker(source_actor, actor1, violent):
        return "claimed", False
    if cue is not None and source_actor is None and _announces_directly(source_text, layers, mention):
        # "كما أعلنت استهداف موقع…": the speaker, named before, announces its own act
        return "claimed", False
    if (
        cue is not None
        and _ANNOUNCEMENT.match(cue.group())
        and _announces_own_act(before[cue.end() :], mention)
    ):
        # "أعلن المالكي عن السيطرة على…": a speaker announcing an act with no other agent announces its own
        return "claimed", False
    return "reported", False


def _actor_in(
    layers: TextLayers, mention: Mention, actors: list[ActorMention], norm_start: int, norm_end: int
) -> ActorMention | None:
    """The last actor named between two offsets of the mention's sentence (normalized text, sentence-relative)."""
    base = layers.to_normalized(mention.sentence[0], mention.sentence[0])[0]
    start = layers.normalized.to_original(base + max(norm_start, 0), base + max(norm_start, 0))[0]
    end = layers.normalized.to_original(base + norm_end, base + norm_end)[0]
    inside = [a for a in actors if start <= a.start < end]
    return inside[-1] if inside else None


# Words that open a sentence going on with the one before (كما استهدف…، إلى جانب ذلك، كذلك).
_GOING_ON = re.compile(
    r"^[\s\"'«]*(?:و|ف)?(?:كما|كذلك|الي جانب ذلك|بالتوازي|ايضا|في سياق متصل|في السياق نفسه|في السياق ذاته)"
)


def _goes_on_with_claim(mention: Mention, layers: TextLayers) -> bool:
    """Whether an unattributed act goes on a fighting party's statement of the sentence before (أعلنت المقاومة
    استهداف… إلى جانب ذلك، استهدف المقاومون…): the statement goes on."""
    opening = layers.normalized_slice(mention.sentence[0], mention.start)
    if not _GOING_ON.match(opening):
        return False
    source = _earlier_source(layers, mention)
    return source is not None and bool(_PARTY_SOURCE.match(source.lstrip(" ،,\"'")))


def _earlier_source(layers: TextLayers, mention: Mention) -> str | None:
    """What follows the last attribution verb that names its speaker in the two sentences before the
    mention's (وأكد مصدر في…، not وأضاف أنّ…)."""
    earlier = [s for s in layers.sentences if s.end <= mention.sentence[0]][-2:]
    for sentence in reversed(earlier):
        text = layers.normalized_slice(sentence.start, sentence.end)
        cues = [
            m
            for m in _ATTRIBUTION.finditer(text)
            if not (_CONTINUATION.match(m.group()) and _UNNAMED.match(text[m.end() :]))
        ]
        if cues:
            return text[cues[-1].end() : cues[-1].end() + 40].lstrip(" ،,")
    return None


# A relative pronoun right before the trigger: the happening is presupposed by a noun it qualifies.
_RELATIVE_BEFORE = re.compile(r"(?<![\u0621-\u064a])(?:الذي|التي|الذين|والذي|والتي)(?: [^ ]+){0,2} ?$")
# Verbs of announcing (أعلن، يعلن).
_ANNOUNCEMENT = re.compile(r"^(?:و|ف)?(?:اعلن|اعلنت|يعلن|تعلن|اعلنوا)$")


def _announces_own_act(between: str, mention: Mention) -> bool:
    """Whether an announcement names its speaker and then the act itself, with no agent or clause of its own
    (أعلن المالكي عن السيطرة على ميدي): an act, not a death or a loss, which a party announces of others."""
    if mention.role not in ("event", "weak") or mention.verbal:
        return False
    words = between.split()
    if words and words[-1] == "عن":
        words = words[:-1]
    return 0 < len(words) <= 3 and not any(w in ("ان", "انه", "انها", "بان", "عن") for w in words)


def _announces_directly(source_text: str, layers: TextLayers, mention: Mention) -> bool:
    """Whether the attribution verb is followed straight by the reported act (أعلنت استهداف…)."""
    trigger = layers.normalized_slice(mention.start, mention.end)
    head = source_text.lstrip(" ،,")
    if not head:
        return True  # the window before the trigger ends right after the verb
    return bool(trigger) and (head.startswith(trigger) or head.split(" ", 1)[0].endswith(trigger))


def _same_speaker(source: ActorMention, actor: ActorMention, violent: bool) -> bool:
    """Whether the source of a report is its actor (a minister speaking for the state counts, for statements)."""
    if source.key == actor.key or (source.actor.name_en and source.actor.name_en == actor.actor.name_en):
        return True
    return not violent and bool(source.actor.country) and source.actor.country == actor.actor.country


def _source_actor(
    mention: Mention, layers: TextLayers, actors: list[ActorMention], cue_end: int | None
) -> ActorMention | None:
    """The named speaker of the attribution: an actor named right after the attribution verb."""
    if cue_end is None:
        return None
    norm = layers.normalized
    sentence_start = layers.to_normalized(mention.sentence[0], mention.sentence[0])[0]
    speaker_at = norm.to_original(sentence_start + cue_end, sentence_start + cue_end)[0]
    for actor in actors:
        if speaker_at <= actor.start <= speaker_at + 12 and actor.start < mention.start:
            return actor
    return None
