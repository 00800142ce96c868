"""Scorer of the events stage against a gold file (format: docs/formats.md, section "Events gold").

``evaluate(gold)`` runs the stage over every gold article (text read from ``../shared`` through
``rasd.corpora``) and matches predicted to gold events one to one. A predicted event matches a gold event when

- their PLOVER types are of the same family (``rasd.events.lexicon.FAMILIES``: violence, coercion, protest,
  verbal conflict, cooperation),
- their places agree: same admin-1 unit when the gold place has one, else same country; a gold event without
  a place agrees with any place,
- their dates agree: the 7-day window of a ``week`` date, the month of a ``month`` date, the year of a
  ``year`` date and the day of a ``day`` date overlap; a gold event without a date agrees with any date.

Pairs are made greedily, best first (same PLOVER type, same mode, then nearest evidence). Per-field
accuracies are computed over a second pairing that asks only the same country of the places (so that admin-1
itself can be scored), over the pairs whose gold field is set (actor1, actor2, admin1, date, fatalities) or
over all pairs (PLOVER type, ACLED sub-type, modality). Admin-1 names are compared
through the gazetteer's names of each unit (``Northern District`` = ``HaZafon``), actors through their
English names with generic words and demonyms folded (``Israeli military`` = ``Military Forces of Israel``)
or through their Arabic names.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from rasd.arabic.normalize import normalize_text
from rasd.evaluation import PRF, EvalReport
from rasd.events.extract import extract_events
from rasd.events.lexicon import family_of
from rasd.events.setting import date_window
from rasd.model import AnnotatedArticle, Article, Event

FIELDS = ("plover", "acled_sub", "actor1", "actor2", "admin1", "date", "fatalities", "modality")


@dataclass(frozen=True, slots=True)
class GoldArticle:
    key: str
    published: str | None
    events: list[dict[str, Any]]


def read_gold(path: Path) -> list[GoldArticle]:
    """The gold articles of an events gold file."""
    out = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                record = json.loads(line)
                out.append(GoldArticle(record["key"], record.get("published"), record.get("events", [])))
    return out


def _window(value: str | None, precision: str | None) -> tuple[date, date] | None:
    if not value:
        return None
    day = date.fromisoformat(value[:10])
    return date_window(day, precision) or (day, day)  # any other precision: the day itself


def dates_agree(
    gold_value: str | None, gold_precision: str | None, value: str | None, precision: str | None
) -> bool:
    """Whether a predicted date falls in the gold date's window (a gold event with no date agrees with any)."""
    gold_window = _window(gold_value, gold_precision)
    if gold_window is None:
        return True
    window = _window(value, precision)
    return window is not None and window[0] <= gold_window[1] and gold_window[0] <= window[1]


def _without_accents(name: str) -> str:
    """Latin letters without their accents (Erdoğan → Erdogan, Ḑumayr → Dumayr)."""
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))


def _ascii_key(name: str) -> str:
    folded = _without_accents(name).encode("ascii", "ignore").decode().lower()
    folded = re.sub(
        r"\b(governorate|province|district|region|muhafazat|meho?z|state of|city|oblast|kray|krai)\b",
        " ",
        folded,
    )
    folded = re.sub(r"\b(al|el|ad|as|ar|an|az|at|ash|ha)[\s-]+", "", folded)
    return re.sub(r"[^a-z0-9]", "", folded)


@cache
def _admin1_index() -> dict[tuple[str, str], str]:
    """(country, folded name) → canonical admin-1 name, from every name the gazetteer gives each unit."""
    index: dict[tuple[str, str], str] = {}
    try:
        from rasd.geo.gazetteer import default_gazetteer
    except ImportError:
        return index
    for entry in default_gazetteer().entries:
        if entry.kind != "adm1":
            continue
        canonical = entry.admin1 or entry.name_en
        for name in (entry.name_en, *entry.names_latin):
            index.setdefault((entry.country, _ascii_key(name)), canonical)
        for name in entry.all_names_ar:
            index.setdefault((entry.country, normalize_text(name)), canonical)
    return index


def canonical_admin1(country: str | None, name: str | None) -> str | None:
    """One spelling per admin-1 unit, so that gold and predicted names compare."""
    if not name:
        return None
    index = _admin1_index()
    key = _ascii_key(name)
    found = index.get((country or "", key))
    if found is None:
        found = next((v for (c, k), v in index.items() if k == key and (not country or c == country)), None)
    return _ascii_key(found or name)


def places_agree(gold: dict[str, Any] | None, predicted: Event) -> bool:
    """Gold place vs predicted location: admin-1 when the gold has one, else the country."""
    if gold is None:
        return True
    place = predicted.location
    if place is None:
        return False
    if gold.get("admin1"):
        if place.country != gold.get("country"):
            return False
        return canonical_admin1(gold.get("country"), gold["admin1"]) == canonical_admin1(
            place.country, place.admin1
        )
    return place.country == gold.get("country")


_GENERIC_WORDS = re.compile(
    r"\b(military|forces?|of|the|army|government|police|armed|ministry|defen[cs]e|security|state|"
    r"republic|islamic|kingdom|official|officials|spokesman|movement|group|brigades?)\b"
)
_DEMONYMS = {
    "israeli": "israel",
    "syrian": "syria",
    "palestinian": "palestine",
    "lebanese": "lebanon",
    "iraqi": "iraq",
    "iranian": "iran",
    "yemeni": "yemen",
    "saudi": "saudi arabia",
    "egyptian": "egypt",
    "turkish": "turkey",
    "russian": "russia",
    "ukrainian": "ukraine",
    "american": "united states",
    "us": "united states",
    "pakistani": "pakistan",
}


def _actor_key(name: str) -> str:
    name = _without_accents(name.lower())
    name = re.sub(r"\(.*?\)", " ", name)
    words = [_DEMONYMS.get(w, w) for w in re.findall(r"[a-z]+", name)]
    folded = _GENERIC_WORDS.sub(" ", " ".join(words))
    return " ".join(folded.split())


def actors_agree(gold: dict[str, Any] | None, predicted: Any) -> bool:
    """Gold actor vs predicted actor: English names reduced to their key words, or Arabic names overlapping."""
    if gold is None:
        return predicted is None
    if predicted is None:
        return False
    gold_en, pred_en = _actor_key(gold.get("name_en") or ""), _actor_key(predicted.name_en or "")
    if gold_en and pred_en and (gold_en == pred_en or gold_en in pred_en or pred_en in gold_en):
        return True
    gold_ar, pred_ar = normalize_text(gold.get("text") or ""), normalize_text(predicted.name_ar or "")
    return bool(gold_ar and pred_ar and (gold_ar in pred_ar or pred_ar in gold_ar))


def _countries_agree(gold: dict[str, Any] | None, predicted: Event) -> bool:
    if gold is None:
        return True
    return predicted.location is not None and predicted.location.country == gold.get("country")


def _event_matches(gold: dict[str, Any], predicted: Event, strict: bool = True) -> bool:
    place_agrees = places_agree if strict else _countries_agree
    return (
        family_of(gold["plover"]) == family_of(predicted.plover)
        and place_agrees(gold.get("place"), predicted)
        and dates_agree(
            gold.get("date"), gold.get("date_precision"), predicted.date, predicted.date_precision
        )
    )


def _field_correct(name: str, gold: dict[str, Any], predicted: Event) -> bool | None:
    """Whether one field of a matched pair is right (None: the gold does not set it, so it is not scored)."""
    if name == "plover":
        return gold["plover"] == predicted.plover
    if name == "acled_sub":
        return gold.get("acled_sub_event_type") == predicted.acled_sub_event_type
    if name == "modality":
        return gold.get("modality") == predicted.modality
    if name in ("actor1", "actor2"):
        if gold.get(name) is None:
            return None
        return actors_agree(gold[name], getattr(predicted, name))
    if name == "admin1":
        place = gold.get("place") or {}
        if not place.get("admin1"):
            return None
        return places_agree(place, predicted)
    if name == "date":
        if not gold.get("date"):
            return None
        return gold.get("date_precision") == predicted.date_precision and dates_agree(
            gold["date"], gold["date_precision"], predicted.date, predicted.date_precision
        )
    if name == "fatalities":
        if gold.get("fatalities") is None:
            return None
        return gold["fatalities"] == predicted.fatalities
    raise ValueError(name)


def _offset(event: Event, title: str) -> int:
    spans = [s.start for s in event.title_evidence] + [len(title) + 2 + s.start for s in event.evidence]
    return min(spans) if spans else 0


def match_events(
    gold: list[dict[str, Any]], predicted: list[Event], title: str, strict: bool = True
) -> list[tuple[dict[str, Any], Event]]:
    """One-to-one pairs of matching gold and predicted events, best pairs first (``strict=False``: the
    places need only be in the same country — the pairing on which field accuracies, admin1 included, are
    scored)."""
    candidates = []
    for g_index, g in enumerate(gold):
        g_offset = min((s["start"] for s in g.get("evidence", [])), default=0)
        for p_index, p in enumerate(predicted):
            if _event_matches(g, p, strict):
                score = (
                    g["plover"] == p.plover,
                    g.get("plover_mode") == p.plover_mode,
                    -abs(g_offset - _offset(p, title)),
                )
                candidates.append((score, g_index, p_index))
    candidates.sort(reverse=True)
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    pairs = []
    for _, g_index, p_index in candidates:
        if g_index in used_gold or p_index in used_pred:
            continue
        used_gold.add(g_index)
        used_pred.add(p_index)
        pairs.append((gold[g_index], predicted[p_index]))
    return pairs


Predictor = Callable[[Article], list[Event]]


def _predict(article: Article) -> list[Event]:
    """The events the pipeline stores for ``article``: time, entities (NER and linking), geo, then events."""
    from rasd.pipeline import annotate

    return annotate(article).events


def _predict_events_only(article: Article) -> list[Event]:
    """The events stage computing its own layers (no NER model): what ``extract_events`` does when alone."""
    return extract_events(AnnotatedArticle(article=article))


@dataclass(slots=True)
class _Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    fields: dict[str, Counter[bool]] = field(default_factory=lambda: {name: Counter() for name in FIELDS})


def _articles(gold: list[GoldArticle]) -> Iterator[tuple[GoldArticle, Article]]:
    from rasd.corpora import find_article

    for record in gold:
        found = find_article(record.key)
        if found is None:
            continue
        yield (
            record,
            Article(
                id=record.key,
                document_id=record.key,
                kind="article",
                text=found.text,
                title=found.title or None,
                dateline=_dateline(found.text),
                published=found.published,
                source=found.source,
            ),
        )


def _dateline(text: str) -> str | None:
    """The dateline the extractor would read off the first paragraph (``دمشق - ``)."""
    from rasd.extract.html import leading_dateline

    return leading_dateline(text.lstrip().split("\n", 1)[0])


def score(gold: list[GoldArticle], predict: Predictor) -> tuple[_Tally, int]:
    """Detection counts and per-field tallies of ``predict`` over the gold articles (and how many were read)."""
    tally = _Tally()
    read = 0
    for record, article in _articles(gold):
        read += 1
        predicted = predict(article)
        pairs = match_events(record.events, predicted, article.title or "")
        tally.tp += len(pairs)
        tally.fp += len(predicted) - len(pairs)
        tally.fn += len(record.events) - len(pairs)
        for g, p in match_events(record.events, predicted, article.title or "", strict=False):
            for name in FIELDS:
                correct = _field_correct(name, g, p)
                if correct is not None:
                    tally.fields[name][correct] += 1
    return tally, read


def _metrics(tally: _Tally) -> dict[str, float]:
    prf = PRF(tally.tp, tally.fp, tally.fn)
    metrics = prf.as_dict()
    for name, counts in tally.fields.items():
        total = counts[True] + counts[False]
        metrics[f"{name}_accuracy"] = counts[True] / total if total else 0.0
    return metrics


def evaluate(gold: Path) -> EvalReport:
    """Event detection P/R/F1 and per-field accuracy of the events stage on a gold file, with a baseline."""
    records = read_gold(gold)
    tally, read = score(records, _predict)
    baseline, _ = score(records, keyword_baseline)
    alone, _ = score(records, _predict_events_only)
    notes = [
        "match: same PLOVER family, admin1 (else country) and overlapping date windows; field accuracies "
        "over pairs matched on family, country and date, whose gold field is set",
        f"articles read: {read} of {len(records)}",
        "rasd: the pipeline's layers (rasd.pipeline.annotate: time, NER + linking, geo with the dateline); "
        "events-only: extract_events computing its own layers without the NER model",
    ]
    if read < len(records):
        notes.append(f"{len(records) - read} gold articles not found under ../shared/data/news")
    by_type: dict[str, dict[str, float]] = {
        name: {"correct": counts[True], "total": counts[True] + counts[False]}
        for name, counts in tally.fields.items()
    }
    return EvalReport(
        task="events",
        gold=str(gold),
        n=sum(len(r.events) for r in records),
        metrics=_metrics(tally),
        by_type=by_type,
        baselines={"keyword": _metrics(baseline), "events-only": _metrics(alone)},
        notes=notes,
    )


# --- the reference system: one event per keyword sentence ---------------------------------------------------

_KEYWORDS = {
    "قصف": "ASSAULT",
    "غاره": "ASSAULT",
    "غارات": "ASSAULT",
    "هجوم": "ASSAULT",
    "اشتباكات": "ASSAULT",
    "استهدف": "ASSAULT",
    "مقتل": "ASSAULT",
    "اعتقال": "COERCE",
    "اعتقل": "COERCE",
    "حظر": "COERCE",
    "مظاهره": "PROTEST",
    "مظاهرات": "PROTEST",
    "احتجاج": "PROTEST",
    "اتفاق": "AGREE",
    "التقي": "CONSULT",
    "زياره": "CONSULT",
    "اتهم": "ACCUSE",
    "هدد": "THREATEN",
    "عقوبات": "SANCTION",
}
_KEYWORD_RE = re.compile("|".join(sorted(_KEYWORDS, key=len, reverse=True)))


def keyword_baseline(article: Article) -> list[Event]:
    """A keyword matcher: one event per sentence holding a keyword, at the sentence's first place, dated the
    day of publication. The floor any event extractor must clear."""
    from rasd.arabic.sentences import split_sentences
    from rasd.geo.geocoder import find_places

    events: list[Event] = []
    for unit in filter(None, (article.title, article.text)):
        for sentence in split_sentences(unit):
            found = _KEYWORD_RE.search(normalize_text(sentence.text))
            if found is None:
                continue
            places = find_places(sentence.text)
            location = places[0].place if places else None
            published = (article.published or "")[:10] or None
            events.append(
                Event(
                    id=f"kw{len(events)}",
                    article_id=article.id,
                    plover=_KEYWORDS[found.group()],
                    location=location,
                    date=published,
                    date_precision="day" if published else None,
                )
            )
    return events


def errors(gold: Path, limit: int | None = None) -> Iterator[str]:
    """Lines describing misses, false alarms and wrong fields (for developers reading the scorer's output)."""
    records = read_gold(gold)[:limit]
    for record, article in _articles(records):
        predicted = _predict(article)
        pairs = match_events(record.events, predicted, article.title or "")
        matched_gold = {id(g) for g, _ in pairs}
        matched_pred = {id(p) for _, p in pairs}
        for g in record.events:
            if id(g) not in matched_gold:
                place = g.get("place") or {}
                anchor = g["evidence"][0]["text"] if g.get("evidence") else ""
                yield (
                    f"MISS {record.key} {g['plover']} {place.get('country')}/{place.get('admin1')} "
                    f"{g.get('date')}/{g.get('date_precision')} «{anchor}»"
                )
        for p in predicted:
            if id(p) not in matched_pred:
                place = p.location
                where = f"{place.country}/{place.admin1}" if place else "-"
                yield f"FALSE {record.key} {p.plover} {where} {p.date}/{p.date_precision} {p.summary_en}"
        for g, p in match_events(record.events, predicted, article.title or "", strict=False):
            wrong = [name for name in FIELDS if _field_correct(name, g, p) is False]
            if wrong:
                details = "; ".join(f"{n}: gold={_gold_field(n, g)} got={_pred_field(n, p)}" for n in wrong)
                yield f"FIELD {record.key} {g['plover']} {details}"


def _gold_field(name: str, gold: dict[str, Any]) -> Any:
    if name == "acled_sub":
        return gold.get("acled_sub_event_type")
    if name == "admin1":
        return (gold.get("place") or {}).get("admin1")
    if name in ("actor1", "actor2"):
        return (gold.get(name) or {}).get("name_en")
    if name == "date":
        return f"{gold.get('date')}/{gold.get('date_precision')}"
    return gold.get(name)


def _pred_field(name: str, event: Event) -> Any:
    if name == "acled_sub":
        return event.acled_sub_event_type
    if name == "admin1":
        return event.location.admin1 if event.location else None
    if name in ("actor1", "actor2"):
        actor = getattr(event, name)
        return actor.name_en if actor else None
    if name == "date":
        return f"{event.date}/{event.date_precision}"
    return getattr(event, name)
