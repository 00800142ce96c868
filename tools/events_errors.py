"""Error analysis of event detection on the events gold: why each gold event was missed, why each extra record
was made, on the two halves of the gold set (split by a hash of the article key, so that a rule tuned on one
half can be checked on the other).

    .venv/bin/python tools/events_errors.py                 # counts per half
    .venv/bin/python tools/events_errors.py --list MISS     # one line per missed gold event (or FALSE, ALL)
    .venv/bin/python tools/events_errors.py --half dev      # only the development half (or check)
    .venv/bin/python tools/events_errors.py --fresh         # recompute the cached layers (after an NER change)

The pipeline's time, entity and geo layers of each gold article are computed once and cached under /tmp
(they do not depend on the events stage); the events stage is rerun on every call.
"""

from __future__ import annotations

import argparse
import hashlib
import pickle
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rasd.events.evaluate import (
    GoldArticle,
    _articles,
    dates_agree,
    match_events,
    places_agree,
    read_gold,
)
from rasd.events.extract import extract_events
from rasd.events.lexicon import family_of
from rasd.model import AnnotatedArticle, Article, Event

GOLD = Path(__file__).resolve().parent.parent / "tests" / "eval" / "gold" / "events_gold.jsonl"
CACHE = Path("/tmp/rasd_events_layers.pickle")


def half_of(key: str) -> str:
    """``dev`` or ``check``: a stable half of the gold set."""
    return "dev" if hashlib.md5(key.encode()).digest()[0] % 2 == 0 else "check"


def _layers(gold: list[GoldArticle]) -> dict[str, tuple[Article, AnnotatedArticle]]:
    if CACHE.exists():
        cached: dict[str, tuple[Article, AnnotatedArticle]] = pickle.loads(CACHE.read_bytes())
        if all(g.key in cached for g in gold):
            return cached
    from rasd.pipeline import geocode, link_actors, resolve_time

    out = {}
    for record, article in _articles(gold):
        annotated = AnnotatedArticle(article=article)
        for stage in (resolve_time, link_actors, geocode):
            stage(annotated)
        out[record.key] = (article, annotated)
    CACHE.write_bytes(pickle.dumps(out))
    return out


def predict(annotated: AnnotatedArticle) -> list[Event]:
    fresh = AnnotatedArticle(
        article=annotated.article,
        entities=list(annotated.entities),
        timexes=list(annotated.timexes),
        places=list(annotated.places),
    )
    return extract_events(fresh, places=fresh.places)


def _spans(event: Event, title: str) -> list[tuple[int, int]]:
    shift = len(title) + 2
    return [(s.start, s.end) for s in event.title_evidence] + [
        (shift + s.start, shift + s.end) for s in event.evidence
    ]


def _overlaps(a: list[tuple[int, int]], b: list[tuple[int, int]]) -> bool:
    return any(s < e2 and s2 < e for s, e in a for s2, e2 in b)


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def f1(self) -> tuple[float, float, float]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _where(place: Any) -> str:
    if place is None:
        return "-"
    if isinstance(place, dict):
        return f"{place.get('country')}/{place.get('admin1')}"
    return f"{place.country}/{place.admin1}"


def analyse(
    half: str | None, listing: str | None
) -> tuple[dict[str, Tally], dict[str, Counter[str]], dict[str, Counter[str]]]:
    gold = read_gold(GOLD)
    layers = _layers(gold)
    tallies = {"dev": Tally(), "check": Tally()}
    misses = {"dev": Counter[str](), "check": Counter[str]()}
    falses = {"dev": Counter[str](), "check": Counter[str]()}
    for record in gold:
        h = half_of(record.key)
        if half and h != half:
            continue
        article, annotated = layers[record.key]
        title = article.title or ""
        full = title + "\n\n" + article.text
        predicted = predict(annotated)
        pairs = match_events(record.events, predicted, title)
        tally = tallies[h]
        tally.tp += len(pairs)
        tally.fp += len(predicted) - len(pairs)
        tally.fn += len(record.events) - len(pairs)
        matched_gold = {id(g) for g, _ in pairs}
        matched_pred = {id(p) for _, p in pairs}
        pred_of_gold = {id(g): p for g, p in pairs}
        for g in record.events:
            if id(g) in matched_gold:
                if listing == "ALL":
                    print(f"OK    {record.key} {g['plover']} «{g['evidence'][0]['text']}»")
                continue
            g_spans = [(s["start"], s["end"]) for s in g.get("evidence", [])]
            fam = family_of(g["plover"])
            overlapping = [p for p in predicted if _overlaps(_spans(p, title), g_spans)]
            same_fam = [p for p in overlapping if family_of(p.plover) == fam]
            cause, best = "missing", None
            if same_fam:
                best = same_fam[0]
                if id(best) in matched_pred:
                    cause = "merged"  # its evidence went to a record matched to another gold event
                else:
                    place_ok = places_agree(g.get("place"), best)
                    date_ok = dates_agree(
                        g.get("date"), g.get("date_precision"), best.date, best.date_precision
                    )
                    cause = {(False, True): "place", (True, False): "date", (False, False): "place+date"}.get(
                        (place_ok, date_ok), "other"
                    )
            elif overlapping:
                best, cause = overlapping[0], "family"
            misses[h][cause] += 1
            if listing in ("MISS", "ALL"):
                anchor = g["evidence"][0]["text"] if g.get("evidence") else ""
                got = (
                    f" got {best.plover} {_where(best.location)} {best.date}/{best.date_precision}"
                    f" a1={best.actor1.name_en if best.actor1 else None}"
                    if best
                    else ""
                )
                other = ""
                if cause == "merged" and best is not None:
                    other_gold = next(x for x in record.events if pred_of_gold.get(id(x)) is best)
                    other = f" (with {other_gold['id']} «{other_gold['evidence'][0]['text']}»)"
                print(
                    f"MISS/{cause} {record.key} {g['id']} {g['plover']}/{g.get('modality')} "
                    f"{_where(g.get('place'))} {g.get('date')}/{g.get('date_precision')} "
                    f"a1={(g.get('actor1') or {}).get('name_en')} «{anchor}» @{g_spans[0][0] if g_spans else -1}{got}{other}"
                )
        for p in predicted:
            if id(p) in matched_pred:
                continue
            p_spans = _spans(p, title)
            near = [
                g
                for g in record.events
                if _overlaps(p_spans, [(s["start"], s["end"]) for s in g["evidence"]])
            ]
            dup_note = ""
            if not near:
                cause = "no-gold"
            elif all(id(g) in matched_gold for g in near):
                cause = "duplicate"
                twin = pred_of_gold[id(near[0])]
                dup_note = (
                    f" TWIN {twin.plover}/{twin.plover_mode}/{twin.modality} {_where(twin.location)} "
                    f"{twin.date}/{twin.date_precision} a1={twin.actor1.name_en if twin.actor1 else None} "
                    f"«{' | '.join(full[s:e] for s, e in _spans(twin, title))[:160]}»"
                )
            elif any(family_of(g["plover"]) == family_of(p.plover) for g in near):
                cause = "near-miss"
            else:
                cause = "family"
            falses[h][cause] += 1
            if listing in ("FALSE", "ALL"):
                text = " | ".join(full[s:e] for s, e in p_spans)
                print(
                    f"FALSE/{cause} {record.key} {p.plover}/{p.plover_mode}/{p.modality} {_where(p.location)} "
                    f"{p.date}/{p.date_precision} c={p.confidence} a1={p.actor1.name_en if p.actor1 else None} @{p_spans[0][0] if p_spans else -1} «{text[:160]}»{dup_note}"
                )
    return tallies, misses, falses


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--half", choices=("dev", "check"))
    parser.add_argument("--list", choices=("MISS", "FALSE", "ALL"))
    parser.add_argument("--fresh", action="store_true", help="recompute the cached time, NER and geo layers")
    args = parser.parse_args(argv)
    if args.fresh:
        CACHE.unlink(missing_ok=True)
    tallies, misses, falses = analyse(args.half, args.list)
    total = Tally()
    for h in ("dev", "check"):
        t = tallies[h]
        total.tp, total.fp, total.fn = total.tp + t.tp, total.fp + t.fp, total.fn + t.fn
        p, r, f = t.f1()
        print(
            f"{h:5}  P {p:.3f} R {r:.3f} F1 {f:.3f}  tp {t.tp} fp {t.fp} fn {t.fn}  "
            f"miss {dict(misses[h].most_common())}  false {dict(falses[h].most_common())}",
            file=sys.stderr,
        )
    p, r, f = total.f1()
    print(f"all    P {p:.3f} R {r:.3f} F1 {f:.3f}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
