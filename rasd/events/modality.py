"""Modality of an event mention: asserted, reported, claimed, denied, planned, hypothetical or negated.

Read from the words around the trigger, in this order: a denial (``نفى``, ``وهو ما نفته``) → denied; a negation
right before the trigger (``لم``, ``دون``, ``عدم``) → negated; a condition or expectation (``إذا``, ``في حال``,
``يتوقع``, ``استعداد``) → hypothetical; a future verb or plan word (``سيصدر``, ``من المقرر أن``, ``يستعد``) →
planned; an attribution (``قالت مصادر``, ``أفادت وكالة``, ``وفق``) → claimed when the source is the actor of a
violent event (``أعلنت المقاومة استهداف…``), asserted when it is the outlet's own correspondent or the actor
announcing its own non-violent act, reported otherwise; no cue → asserted.
"""

from __future__ import annotations

import re

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
_ATTRIBUTION = re.compile(
    r"(?<![\u0621-\u064a])(?:و|ف)?(?:افاد|افادت|قال|قالت|ذكر|ذكرت|نقل|نقلت|اعلن|اعلنت|اكد|اكدت|كشف|كشفت|اوضح|اوضحت|"
    r"اشار|اشارت|تحدث|تحدثت|اورد|اوردت|بث|بثت|نشر|نشرت|اقر|اقرت|اعترف|اعترفت|تبني|تبنت|زعم|زعمت|ادعي|ادعت|"
    r"بحسب|حسب|وفق|وفقا|طبقا|نقلا|تفيد|يفيد|تقول|يقول|اضاف|اضافت|تابع|تابعت|اعلان|تعلن|يعلن|تؤكد|يؤكد|"
    r"تكشف|يكشف|تشير|يشير|تنقل|ينقل|تنشر|ينشر|تتحدث|يتحدث|تعترف|يعترف|تقر|يقر|تتبني|يتبني|تزعم|يزعم|"
    r"صرح|صرحت|بين|بينت|اعتبر|اعتبرت|لفت|لفتت)(?![\u0621-\u064a])"
)
_CLAIM_OF_RESPONSIBILITY = re.compile(
    r"تبني|تبنت|يتبني|تتبني|مسؤوليتها عن|مسؤوليته عن|اعلنت مسؤوليه|تعلن مسؤوليه"
)
_OWN_REPORTER = re.compile(r"مراسل")
_REVEALING = re.compile(r"(?:كشف|كشفت|زعم|زعمت|ادعي|ادعت|يزعم|تزعم) (?:[^ ]+ )?مصادر|مصادر (?:من|في|داخل)")
_THIRD_PARTY = re.compile(
    r"مصادر|مصدر|وسائل|اعلام|وكاله|صحيفه|شهود|ناشطون|ناشطين|المرصد|التلفزيون|قناه|هيئه البث|تقارير|تقرير|رويترز|فرانس برس|مسؤول|مسؤولون|متحدث"
)


def _window(layers: TextLayers, start: int, end: int) -> str:
    return layers.normalized_slice(start, end)


def modality_of(
    mention: Mention, layers: TextLayers, actor1: ActorMention | None, actors: list[ActorMention]
) -> str:
    """The modality of one mention (see the module docstring for the rules)."""
    s_start, s_end = mention.sentence
    c_start, _ = mention.clause
    before_sentence = _window(layers, s_start, mention.start)
    before_clause = _window(layers, c_start, mention.start)
    after_sentence = _window(layers, mention.end, s_end)
    if _DENIAL_BEFORE.search(before_sentence) or _DENIAL_AFTER.search(after_sentence):
        return "denied"
    near = before_clause[-16:]
    if _NEGATION.search(near):
        return "negated"
    attributed = _attribution(mention, layers, actor1, actors, before_sentence, after_sentence)
    if attributed == "claimed" and _REVEALING.search(before_sentence):
        return (
            "claimed"  # a party's own sources reveal its plan: a claim (كشفت مصادر من حماس أن قيادات تستعد…)
        )
    if _HYPOTHETICAL.search(before_clause):
        return "hypothetical"
    trigger_text = _window(layers, mention.start, mention.end)
    if mention.future or _PLANNED.search(before_clause[-40:] + " " + trigger_text):
        return "planned"
    return attributed


def _attribution(
    mention: Mention,
    layers: TextLayers,
    actor1: ActorMention | None,
    actors: list[ActorMention],
    before: str,
    after: str,
) -> str:
    violent = family_of(mention.plover) == "violence"
    if violent and (_CLAIM_OF_RESPONSIBILITY.search(before) or _CLAIM_OF_RESPONSIBILITY.search(after[:40])):
        return "claimed"
    cue = None
    for match in _ATTRIBUTION.finditer(before):
        cue = match
    if cue is None:
        tail = _ATTRIBUTION.search(after[:60])
        if tail is None or tail.group().lstrip("وف") not in ("بحسب", "حسب", "وفق", "وفقا", "نقلا", "طبقا"):
            return "asserted"
        source_text = after[tail.end() : tail.end() + 40]
    else:
        source_text = before[cue.end() : cue.end() + 40]
    if _OWN_REPORTER.search(source_text[:25]):
        return "asserted"
    source = _source_actor(mention, layers, actors, cue.end() if cue is not None else None)
    if source is not None and actor1 is not None and _same_speaker(source, actor1, violent):
        return "claimed" if violent or _REVEALING.search(before) else "asserted"
    if cue is not None and source is None and _announces_directly(source_text, layers, mention):
        # "كما أعلنت استهداف موقع…": the speaker, named before, announces its own act
        return "claimed" if violent else "asserted"
    if source is None and actor1 is None and not _THIRD_PARTY.search(source_text):
        return "asserted"
    return "reported"


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
