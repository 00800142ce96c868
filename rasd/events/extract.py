"""The events stage: an annotated article in, its event records out (``extract_events``).

Mentions are found in the headline and in the text (``detect``), given actors, place and date
(``arguments``), fatalities, modality and ACLED types, then merged: mentions of the same happening — the
headline, the lede, the body and the summary repeated at the end all tell the same strike — become one record
with several evidence spans. Two mentions are the same happening when their PLOVER type, actor, place, date and
attack mode do not contradict each other and they are not two separate reports in one sentence.
"""

from __future__ import annotations

import dataclasses
import re
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from rasd.events.arguments import (
    ActorMention,
    actor_candidates,
    actor_from_entity,
    assign_actors,
    firmer,
    of_country,
)
from rasd.events.classify import acled_types
from rasd.events.detect import Mention, find_mentions
from rasd.events.fatalities import Fatalities, count_fatalities
from rasd.events.layers import PlaceSpan, TextLayers, analyse_text, parse_published
from rasd.events.lexicon import family_of
from rasd.events.modality import MERGEABLE_MODALITIES, MentionModality, mention_modality, merged_modality
from rasd.events.setting import (
    assign_date,
    assign_place,
    country_place,
    crowd_country,
    date_window,
    news_day,
    speaker_country,
    usable_places,
)
from rasd.events.summaries import summarize
from rasd.model import AnnotatedArticle, Article, Event, Place, Span

MIN_CONFIDENCE = 0.5
_FIELD_FAMILIES = frozenset({"violence", "coercion", "protest"})
_VISIT_RE = re.compile(
    r"(?<![\u0621-\u064a])(?:ب|و|ل)?(?:زياره|زيارته|زيارتها|يزور|زار|يصل|وصل|وصلت|تصل)(?![\u0621-\u064a])"
)
# A clause that recalls earlier news (يُذكر أنّ، يُشار إلى أنّ، سبق أن، تجدر الإشارة) or says what must, may
# or is not (يجب، ينبغي، ليس، يمكن، كان بإمكانها).
_RECAP_RE = re.compile(r"^\W*(?:و)?(?:يذكر|يشار|سبق|يجدر|تجدر)")
_MODAL_RE = re.compile(
    r"(?<![\u0621-\u064a])(?:و)?(?:يجب|ينبغي|ليس|ليست|ليسوا|يمكن|يستطيع|بامكان|بامكانه|بامكانها|بامكانهم)(?![\u0621-\u064a])"
)
# Verbs that make what follows the content of a text — a law, a proposal, a report (ينص المقترح على تبادل،
# تضمّن التقرير عمليات قتل) — not a happening.
_CONTENT_RE = re.compile(
    r"(?<![\u0621-\u064a])(?:و)?(?:ينص|تنص|نص|نصت|يتضمن|تتضمن|تضمن|تضمنت)(?![\u0621-\u064a])"
)
# ... unless it says the thing occurred (تقارير تضمنت وقوع هجوم).
_OCCURRENCE_RE = re.compile(r"(?:وقوع|حدوث)\s*$")
# The pluperfect of Arabic news (وكانت … قد أعلنت): what had happened before the news.
_PLUPERFECT_RE = re.compile(r"^\W*(?:و)?(?:كان|كانت|كانوا)(?![\u0621-\u064a]).*(?<![\u0621-\u064a])قد ")


# The lede: the body's first sentences (a summary paragraph often comes before the lede proper).
_LEDE_SENTENCES = 1


@dataclass(slots=True)
class _Draft:
    """An event record being built from one or more mentions."""

    mention: Mention
    unit: str  # "title" or "text"
    plover: str
    mode: str | None
    actor1: ActorMention | None
    actor2: ActorMention | None
    place: Place | None
    place_explicit: bool
    place_kind: str
    date: str | None
    precision: str | None
    dated: bool  # the text gives the date (not the publication date standing in for it)
    fatalities: Fatalities
    modality: str
    confidence: float
    clause_text: str
    lemmas: list[str]
    named_places: frozenset[str]  # ids of every place its clause names (في رفح والشجاعية)
    spans: list[tuple[str, int, int]] = field(default_factory=list)
    sentences: set[tuple[str, int]] = field(default_factory=set)
    readings: list[MentionModality] = field(default_factory=list)  # how each merged mention tells it


def extract_events(
    annotated: AnnotatedArticle,
    *,
    places: Sequence[Any] | None = None,
    min_confidence: float = MIN_CONFIDENCE,
) -> list[Event]:
    """The events an article reports, one record per happening, with evidence spans into ``article.text``.

    Reads the entity and time layers of ``annotated`` (computing them when they are empty) and the place
    mentions of ``places`` (``rasd.geo`` place mentions of ``article.text``; computed when None). The headline
    is read too: its spans go to ``Event.title_evidence``. A headline-only or one-sentence article (a feed
    item) is handled the same way.
    """
    article = annotated.article
    published = parse_published(article.published)
    text_layers = analyse_text(
        article.text,
        published,
        entities=annotated.entities or None,
        timexes=annotated.timexes or None,
        places=places,
        dateline=article.dateline,
    )
    units: list[tuple[str, TextLayers]] = []
    title = (article.title or "").strip()
    if title and not article.text.lstrip().startswith(title):
        units.append(("title", analyse_text(title, published, dateline=article.dateline)))
    units.append(("text", text_layers))
    drafts = _drafts(units, published, article)
    sentences = text_layers.sentences
    events = _merge(
        drafts, sentences[_LEDE_SENTENCES].start if len(sentences) > _LEDE_SENTENCES else len(article.text)
    )
    return _records(events, article, min_confidence)


def events_stage(annotated: AnnotatedArticle) -> None:
    """Pipeline stage: fill ``annotated.events``."""
    annotated.events = extract_events(annotated)


def extract_events_from_text(
    text: str, published: str | None = None, source: str | None = None
) -> list[Event]:
    """Events of a bare text (a headline, a lede, one sentence), e.g. a ``--jsonl-input`` record."""
    article = Article(
        id="text", document_id="text", kind="article", text=text, published=published, source=source
    )
    return extract_events(AnnotatedArticle(article=article))


def _drafts(
    units: list[tuple[str, TextLayers]], published: datetime | None, article: Article
) -> list[_Draft]:
    drafts: list[_Draft] = []
    title_places: dict[str, Place] = {}
    usable = [(unit, usable_places(layers)) for unit, layers in units]
    main_country = _main_country(units, usable)
    main_region = _main_region(usable, main_country)
    strays = _stray_countries(units)
    day_of_news = news_day(units, published)
    for (unit, layers), (_, unit_places) in zip(units, usable, strict=True):
        mentions = find_mentions(layers, headline=unit == "title" or _reads_as_headline(layers, units))
        if not mentions:
            continue
        actors = actor_candidates(layers)
        places = [p for p in unit_places if p.place.country not in strays]
        recent: dict[str, tuple[Place, int]] = {}
        for index, mention in enumerate(mentions):
            if mention.aggregate and mention.role == "death":
                continue
            draft = _draft(mention, unit, layers, actors, places, published, day_of_news)
            if draft is None:
                continue
            family = family_of(draft.plover)
            if draft.place is None and family == "protest":
                draft.place = country_place(crowd_country(mention, layers))  # تجمّع مئات الإندونيسيين
                draft.place_kind = "country"
            in_the_field = _in_the_field(draft.plover, draft.mode)
            if draft.place is None and in_the_field:
                inherited = recent.get(family) or recent.get("any")
                if inherited is not None and index - inherited[1] <= 3:
                    draft.place = inherited[0]
                elif family in title_places:
                    draft.place = title_places[family]
            if draft.place is None and in_the_field and main_country is not None:
                # a strike or a raid happens where the story is, not in its agent's country
                draft.place = main_region or country_place(main_country)
                draft.place_kind = "country"
            if draft.place is None and draft.actor1 is not None:
                draft.place = country_place(draft.actor1.actor.country)
                draft.place_kind = "country"
            if draft.place is None and not in_the_field:
                draft.place = country_place(speaker_country(mention, layers))  # قال الرئيس الروسي
                draft.place_kind = "country"
            if draft.place is None and main_country is not None:
                draft.place = country_place(main_country)  # the country the article is about
                draft.place_kind = "country"
            if draft.place_explicit and draft.place is not None:
                recent[family] = (draft.place, index)
                recent["any"] = (draft.place, index)
                if unit == "title":
                    title_places.setdefault(family, draft.place)
            drafts.append(draft)
    return drafts


def _reads_as_headline(layers: TextLayers, units: list[tuple[str, TextLayers]]) -> bool:
    """Whether a text with no headline of its own is itself one (a feed item: one short line, no full stop)."""
    text = layers.text.strip()
    return len(units) == 1 and "\n" not in text and len(text) <= 120 and not text.endswith((".", "。"))


def _in_the_field(plover: str, mode: str | None) -> bool:
    """Whether the act happens on the ground, where the story is (a strike, an arrest, a protest, a
    withdrawal, a surrender) rather than where its author speaks from."""
    if family_of(plover) in _FIELD_FAMILIES or plover == "RETREAT":
        return True
    return plover == "CONCEDE" and mode in ("surrender", "disarm")


def _demonym_countries(layers: TextLayers) -> list[str]:
    """The country of every demonym of the text (الأردني، اليمنية), once per mention."""
    out = []
    for entity in layers.entities:
        if entity.type == "NORP" and entity.id:
            country = actor_from_entity(entity).country
            if country:
                out.append(country)
    return out


def _stray_countries(units: list[tuple[str, TextLayers]]) -> set[str]:
    """Countries that only one place name of the article lies in, never named themselves (nor through a
    demonym: اليمنية), in an article about other countries: a misread word (القصر الرئاسي read as a town in
    Algeria, الجديد as a Libyan town) is likelier than a lone foreign village."""
    names: dict[str, set[str]] = {}
    named: set[str] = set()
    total = 0
    for _, layers in units:
        demonyms = _demonym_countries(layers)
        named.update(demonyms)
        total += len(demonyms)
        for place in layers.places:
            country = place.place.country
            if not country:
                continue
            total += 1
            if place.kind == "country":
                named.add(country)
            names.setdefault(country, set()).add(place.text)
    return {c for c, found in names.items() if len(found) == 1 and c not in named and total - 1 >= 3}


def _main_country(
    units: list[tuple[str, TextLayers]], usable: list[tuple[str, list[PlaceSpan]]]
) -> str | None:
    """The country most places and demonyms of the article lie in or name (the headline counting double)."""
    counts: dict[str, float] = {}
    for (unit, layers), (_, places) in zip(units, usable, strict=True):
        weight = 2.0 if unit == "title" else 1.0
        countries = [p.place.country for p in places if p.place.country] + _demonym_countries(layers)
        for country in countries:
            counts[country] = counts.get(country, 0.0) + weight
    return max(counts, key=lambda c: counts[c]) if counts else None


def _main_region(usable: list[tuple[str, list[PlaceSpan]]], country: str | None) -> Place | None:
    """The admin-1 unit of the main country that most of the article's places lie in (the headline counting
    double), as a place at that level: where the story's unplaced happenings are; None when no unit leads."""
    counts: dict[str, float] = {}
    first: dict[str, Place] = {}
    for unit, places in usable:
        for span in places:
            place = span.place
            if place.country != country or not place.admin1:
                continue
            counts[place.admin1] = counts.get(place.admin1, 0.0) + (2.0 if unit == "title" else 1.0)
            first.setdefault(place.admin1, place)
    if not counts:
        return None
    ranked = sorted(counts.values(), reverse=True)
    if len(ranked) > 1 and ranked[0] <= ranked[1]:
        return None  # two regions tie: the story has no one place
    # its first named place stands for it, at ACLED's regional precision
    return dataclasses.replace(first[max(counts, key=lambda a: counts[a])], geo_precision=3)


def _draft(
    mention: Mention,
    unit: str,
    layers: TextLayers,
    actors: list[ActorMention],
    places: list[PlaceSpan],
    published: datetime | None,
    news_day: str | None,
) -> _Draft | None:
    actor1, actor2 = assign_actors(mention, layers, actors)
    place_span = assign_place(mention, places, layers)
    speaker_country = actor1 is not None and actor1.actor.country
    statement = not _in_the_field(mention.plover, mention.mode)
    # a visit, or a meeting held during one, happens at its destination, whoever makes it
    visit = mention.mode == "visit" or (
        mention.plover == "CONSULT" and bool(_VISIT_RE.search(layers.normalized_slice(*mention.clause)))
    )
    if (
        statement
        and not visit
        and speaker_country
        and place_span is not None
        and place_span.kind not in ("place", "adm2")
    ):
        place_span = None  # a statement is placed where its speaker is, not at the country it is about
    date, precision, date_text = assign_date(mention, layers, published, news_day)
    fatalities = count_fatalities(mention, layers)
    reading = mention_modality(mention, layers, actor1, actors, unit)
    modality = reading.modality
    if (
        modality == "asserted"
        and date
        and precision == "day"
        and published
        and date > published.date().isoformat()
    ):
        modality = "planned"
    clause_text = layers.normalized_slice(*mention.clause)
    confidence = mention.strength
    confidence += 0.1 if actor1 is not None else 0.0
    confidence += 0.1 if place_span is not None and place_span.kind != "country" else 0.0
    own_day = precision == "day" and date_text is not None  # the news day alone vouches for nothing
    confidence += 0.05 if own_day else 0.0
    confidence += 0.05 if fatalities.count else 0.0
    if mention.ongoing and not own_day:
        confidence -= (
            0.35  # an ongoing or habitual state (تتواصل الاعتداءات، بشكل متكرر) rather than one happening
        )
    if modality == "negated" and not mention.verbal:
        confidence -= 0.6  # من دون رفض، لن تتأثر باغتيال قادتها: a negation over a noun tells of no happening
    if _RECAP_RE.search(clause_text) and not own_day:
        confidence -= 0.5  # يُذكر أنّ، يُشار إلى أنّ: an undated reminder of earlier news, not a report
    if _PLUPERFECT_RE.search(layers.normalized_slice(mention.sentence[0], mention.start)) and not own_day:
        confidence -= 0.3  # وكانت القناة قد أفادت: an undated earlier happening recalled as background
    if _MODAL_RE.search(clause_text):
        confidence -= 0.5  # يجب أن، ليس سوى، يمكن أن: what must, may or is not, not what happened
    before = layers.normalized_slice(mention.clause[0], mention.start)
    if _CONTENT_RE.search(before) and not _OCCURRENCE_RE.search(before):
        confidence -= 0.5  # ينص المقترح على إطلاق سراح: what a text provides for, not what happened
    if mention.aggregate:
        confidence -= 0.6  # a running toll (ارتفعت الحصيلة، منذ بدء الحرب) is no one happening
    specific_place = place_span is not None and place_span.kind in ("place", "adm2")
    if mention.role == "weak" and not (specific_place or own_day or fatalities.count):
        confidence -= 0.3
    if family_of(mention.plover) in ("verbal-conflict", "cooperation") and actor1 is None:
        confidence -= 0.3
    return _Draft(
        mention=mention,
        unit=unit,
        plover=mention.plover,
        mode=mention.mode,
        actor1=actor1,
        actor2=actor2,
        place=place_span.place if place_span else None,
        place_explicit=place_span is not None,
        place_kind=place_span.kind if place_span else "none",
        date=date,
        dated=date_text is not None,
        precision=precision,
        fatalities=fatalities,
        modality=modality,
        confidence=confidence,
        clause_text=clause_text,
        lemmas=list(mention.lemmas),
        named_places=frozenset(
            p.place.id for p in places if p.place.id and mention.clause[0] <= p.start < mention.clause[1]
        ),
        spans=[(unit, mention.clause[0], mention.clause[1])],
        sentences={(unit, mention.sentence[0])},
        readings=[dataclasses.replace(reading, modality=modality)],
    )


def _same_actor(a: ActorMention | None, b: ActorMention | None) -> bool:
    """Actors that may be one: the same actor, or a state and an actor of that state (Israel, its army)."""
    if a is None or b is None or a.key == b.key or a.actor.name_en == b.actor.name_en:
        return True
    return bool(a.actor.country) and a.actor.country == b.actor.country


def _same_place(a: _Draft, b: _Draft) -> bool:
    if a.place is None or b.place is None:
        return True
    if a.place.id and a.place.id == b.place.id:
        return True
    if a.place.id in b.named_places or b.place.id in a.named_places:
        return True  # a report naming two places (في رفح والشجاعية) and a report at one of them
    if a.place.country != b.place.country:
        return False
    if a.place.admin1 and b.place.admin1 and a.place.admin1 != b.place.admin1:
        return False
    # Two settlements of one province are two places; a settlement and its province may be one.
    coarse = {"adm1", "region", "country", "none"}
    return a.place_kind in coarse or b.place_kind in coarse or not (a.place_explicit and b.place_explicit)


# Modes one happening is told by in turn: a meeting held on a visit, a drone strike called an air strike.
_KINDRED_MODES = frozenset({frozenset(("visit", "meet")), frozenset(("aerial", "drone"))})


def _date_window(draft: _Draft) -> tuple[date, date] | None:
    """The first and last day a draft's date may stand for."""
    if not draft.date or len(draft.date) < 10:
        return None
    try:
        day = date.fromisoformat(draft.date[:10])
    except ValueError:
        return None
    return date_window(day, draft.precision)


def _windows_overlap(a: _Draft, b: _Draft) -> bool:
    window_a, window_b = _date_window(a), _date_window(b)
    if window_a is None or window_b is None:
        return True
    return window_a[0] <= window_b[1] and window_b[0] <= window_a[1]


def _two_speakers(a: _Draft, b: _Draft) -> bool:
    """Whether two statements are made by two different people (Putin's warning and Medvedev's): two acts,
    whatever country both speak for."""
    if family_of(a.plover) not in ("verbal-conflict", "cooperation") or a.actor1 is None or b.actor1 is None:
        return False
    first, second = a.actor1.actor, b.actor1.actor
    return (
        first.type == second.type == "person"
        and a.actor1.key != b.actor1.key
        and first.name_en != second.name_en
    )


def _compatible(event: _Draft, draft: _Draft) -> bool:
    if family_of(event.plover) != family_of(draft.plover):
        return False
    if event.plover != draft.plover and family_of(draft.plover) != "violence":
        return False
    if (
        event.modality != draft.modality
        and not (event.modality in MERGEABLE_MODALITIES and draft.modality in MERGEABLE_MODALITIES)
        # نفت أوكرانيا مسؤوليتها عن الهجمات: a denial of the attack told before, not another attack
        and not (draft.modality == "denied" and draft.mention.anaphoric)
    ):
        return False
    both_dated = event.dated and draft.dated
    if both_dated and event.date != draft.date and event.precision == draft.precision == "day":
        return False
    if both_dated and not _windows_overlap(event, draft):
        return False  # خرج عن الخدمة مطلع أيار and a strike in August: two dates, two happenings
    if _two_speakers(event, draft):
        return False
    if (
        event.mode
        and draft.mode
        and event.mode != draft.mode
        and "title" not in (event.unit, draft.unit)
        and frozenset((event.mode, draft.mode)) not in _KINDRED_MODES
    ):
        return False  # a headline names an attack loosely (يعدم شاباً for a shooting)
    if (draft.unit, draft.mention.sentence[0]) in event.sentences and not draft.mention.anaphoric:
        return (
            False  # two reports in one sentence, unless the second refers back (، وقتل في الاشتباكات جنديان)
        )
    if not _same_place(event, draft):
        return False
    same_spot = bool(event.place and draft.place and event.place.id and event.place.id == draft.place.id)
    # Two reports of the same spot and day are one happening, whoever each names as its author, unless
    # the text makes two different parties their agents (two sides' attacks on one town).
    if same_spot and not _two_agents(event.actor1, draft.actor1):
        return True
    return _same_actor(event.actor1, draft.actor1)


def _two_agents(a: ActorMention | None, b: ActorMention | None) -> bool:
    return a is not None and b is not None and min(a.firmness, b.firmness) >= 2 and not _same_actor(a, b)


def _headline_target(events: list[_Draft], draft: _Draft) -> _Draft | None:
    """The body record a headline mention summarizes: the first of its type whose actor and modality fit
    (a headline names the story's place loosely — a country, a region, a misread village)."""
    for event in events:
        if event.unit != "text" or event.plover != draft.plover:
            continue
        if draft.modality != event.modality and not (
            draft.modality in MERGEABLE_MODALITIES and event.modality in MERGEABLE_MODALITIES
        ):
            continue
        if _same_actor(event.actor1, draft.actor1):
            return event
    return None


def _lede_target(events: list[_Draft], draft: _Draft, lede_end: int) -> _Draft | None:
    """The lede's record of the headline's type: a headline summarizes its lede, whatever place or day
    each names (the headline's village, the lede's district; the headline's publication day, the lede's
    "yesterday")."""
    for event in events:
        if event.unit != "text" or event.plover != draft.plover:
            continue
        if min(start for unit, start in event.sentences if unit == "text") < lede_end:
            return event
    return None


def _merge(drafts: list[_Draft], lede_end: int = 0) -> list[_Draft]:
    events: list[_Draft] = []
    # The body first, so that the headline joins the lede's record rather than the other way round.
    ordered = [d for d in drafts if d.unit == "text"] + [d for d in drafts if d.unit == "title"]
    # Only a headline's opening clause, alone of its type, summarizes the lede (مقتل جندي والقسام تستهدف …
    # tells two happenings).
    title_types = Counter(d.plover for d in drafts if d.unit == "title")
    for draft in ordered:
        if draft.unit == "title":
            target = next((e for e in events if _compatible(e, draft)), None)
            if target is None and draft.place_kind not in ("place", "adm2"):
                target = _headline_target(events, draft)
            if target is None and title_types[draft.plover] == 1 and draft.mention.clause[0] == 0:
                target = _lede_target(events, draft, lede_end)
        elif draft.mention.distinct:
            target = None  # "another strike": a new record, whatever it shares with the last one
        else:
            target = next((e for e in reversed(events) if _compatible(e, draft)), None)
        if target is None:
            events.append(draft)
            continue
        target.spans += draft.spans
        target.sentences |= draft.sentences
        target.lemmas += draft.lemmas
        target.actor1 = firmer(target.actor1, draft.actor1)
        target.actor2 = target.actor2 or draft.actor2
        coarser = not target.place_explicit or target.place_kind in ("country", "adm1", "region")
        if draft.place_explicit and coarser and (draft.place_kind != "country" or not target.place_explicit):
            target.place, target.place_kind, target.place_explicit = draft.place, draft.place_kind, True
        target.mode = target.mode or draft.mode
        # A date the text gives beats the publication date standing in for one; a day beats a week.
        finer = draft.dated == target.dated and draft.precision == "day" and target.precision != "day"
        if (draft.dated and not target.dated) or finer:
            target.date, target.precision, target.dated = (
                draft.date,
                draft.precision,
                draft.dated or target.dated,
            )
        if draft.fatalities.count > target.fatalities.count:
            target.fatalities = draft.fatalities
        target.readings += draft.readings
        target.modality = merged_modality(target.readings)  # the mentions that tell it vote
        target.confidence = max(target.confidence, draft.confidence) + 0.05
    return events


def _records(drafts: list[_Draft], article: Article, min_confidence: float) -> list[Event]:
    events: list[Event] = []
    for draft in drafts:
        confidence = round(min(draft.confidence, 0.99), 2)
        if confidence < min_confidence:
            continue
        country = draft.place.country if draft.place else None
        actor1 = of_country(draft.actor1.actor, country) if draft.actor1 else None
        actor2 = of_country(draft.actor2.actor, country) if draft.actor2 else None
        acled = acled_types(
            draft.plover,
            draft.mode,
            draft.lemmas,
            draft.clause_text,
            actor1.name_en if actor1 else None,
            actor2.name_en if actor2 else None,
            draft.fatalities.count,
        )
        event = Event(
            id=f"{article.id}:e{len(events) + 1}",
            article_id=article.id,
            plover=draft.plover,
            plover_mode=draft.mode,
            acled_event_type=acled[0] if acled else None,
            acled_sub_event_type=acled[1] if acled else None,
            modality=draft.modality,  # type: ignore[arg-type]
            date=draft.date,
            date_precision=draft.precision,  # type: ignore[arg-type]
            actor1=actor1,
            actor2=actor2,
            location=draft.place,
            fatalities=draft.fatalities.count if acled is not None else None,
            fatalities_text=draft.fatalities.text,
            evidence=_spans(draft, "text", article.text),
            title_evidence=_spans(draft, "title", article.title or ""),
            confidence=confidence,
            sources=[article.source] if article.source else [],
        )
        country_en, country_ar = _country_names(draft.place)
        event.summary_en, event.summary_ar = summarize(event, country_en, country_ar)
        events.append(event)
    return events


def _spans(draft: _Draft, unit: str, text: str) -> list[Span]:
    seen: set[tuple[int, int]] = set()
    out = []
    for span_unit, start, end in draft.spans:
        if span_unit == unit and (start, end) not in seen:
            seen.add((start, end))
            out.append(Span(start, end, text[start:end]))
    return sorted(out, key=lambda s: s.start)


def _country_names(place: Place | None) -> tuple[str | None, str | None]:
    if place is None or not place.country:
        return None, None
    country = country_place(place.country)
    if country is None:
        return place.country, None
    return country.name_en, country.name_ar


def throughput(n_articles: int = 300) -> float:
    """Articles per second through the text, time, entity, geo and event layers on this machine (one core).

    Reads ``n_articles`` real articles of ``../shared/data/news`` (Al Mayadeen and ANT 2018) when the folder is
    there, else the bundled samples over and over.
    """
    articles = _bench_articles(n_articles)
    extract_events(AnnotatedArticle(article=articles[0]))  # load the lexicon, knowledge base and gazetteer
    began = time.perf_counter()
    for article in articles:
        extract_events(AnnotatedArticle(article=article))
    elapsed = time.perf_counter() - began
    return len(articles) / elapsed if elapsed > 0 else float("inf")


def _bench_articles(n: int) -> list[Article]:
    from itertools import islice
    from pathlib import Path

    from rasd.corpora import iter_corpus, news_dir

    articles: list[Article] = []
    base = news_dir()
    if base is not None and base.is_dir():
        for folder in ("almayadeen_2023_2024", "ant_2018"):
            for item in islice(iter_corpus(base / folder), n // 2 + 1):
                articles.append(
                    Article(
                        item.key, item.key, "article", item.text, title=item.title, published=item.published
                    )
                )
    if not articles:
        samples = Path(__file__).resolve().parent.parent / "data" / "samples"
        texts = [p.read_text(encoding="utf-8") for p in sorted(samples.glob("*.txt"))]
        articles = [Article(f"s{i}", f"s{i}", "article", texts[i % len(texts)]) for i in range(max(n, 1))]
    return articles[:n]


__all__ = ["MIN_CONFIDENCE", "events_stage", "extract_events", "extract_events_from_text", "throughput"]
