"""Score the geocoder against the geo gold set (``rasd eval geo GOLD``; format in docs/formats.md, "Geo gold").

Each gold line names a corpus article by key, the stretch of its text that was annotated (``scope``), and every
place mention in it with the annotator's country, admin-1 and coordinates. The article text is read from
``../shared`` through ``rasd.corpora``. A predicted mention matches a gold one when their spans overlap.
Detection is scored as precision/recall; resolution on the matched mentions: country accuracy, admin-1
accuracy (mentions below country level) and the share within 25 km (mentions of settlements and places).
"""

from __future__ import annotations

import json
import math
import re
import time
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rasd.arabic.normalize import normalize
from rasd.corpora import find_article
from rasd.evaluation import PRF, EvalReport
from rasd.geo.gazetteer import GazetteerEntry
from rasd.geo.geocoder import GeoContext, PlaceMention, _place, default_geocoder, find_places

WITHIN_KM = 25.0

Geocode = Callable[[str, GeoContext | None], list[PlaceMention]]


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(a))


def admin_key(name: str | None) -> str:
    """A spelling-insensitive key for admin-1 names: Al-Hasakah, Al Hasakah and Hasakah compare equal."""
    if not name:
        return ""
    folded = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c)).lower()
    folded = re.sub(r"\b(governorate|province|district|region|state)\b", "", folded)
    folded = re.sub(r"^(al|el|as|ash|ad|ar|at|az|an)[\s-]+", "", folded.strip())
    return re.sub(r"[^a-z]", "", folded)


def dictionary_baseline(text: str, context: GeoContext | None = None) -> list[PlaceMention]:
    """The reference a geocoder must beat: whole-word gazetteer names (no clitics, cues or common-word
    filter), each read as its most prominent place (a country, else the most populous)."""
    geocoder = default_geocoder()
    norm = normalize(text)
    taken: list[tuple[int, int, GazetteerEntry]] = []
    found = []
    for end_index, (key, elided) in geocoder.automaton.iter(norm.text):
        start, end = end_index - len(key) + 1, end_index + 1
        if (
            elided
            or (start > 0 and norm.text[start - 1].isalpha())
            or (end < len(norm.text) and norm.text[end].isalpha())
        ):
            continue
        entries = geocoder.gazetteer.index.get(key)
        if not entries:
            continue  # the geocoder's list of organisation names, not gazetteer names
        best = max(entries, key=lambda e: (e.kind == "country", e.population))
        found.append((start, end, best))
    for start, end, entry in sorted(found, key=lambda f: (f[0] - f[1], f[0])):
        if all(end <= s or start >= e for s, e, _ in taken):
            taken.append((start, end, entry))
    mentions = []
    for start, end, entry in sorted(taken, key=lambda t: t[0]):
        a, b = norm.to_original(start, end)
        mentions.append(PlaceMention(a, b, text[a:b], _place(entry, None), entry.kind))
    return mentions


def throughput(texts: list[str], geocode: Geocode = find_places) -> dict[str, float]:
    """Articles and characters geocoded per second over ``texts`` (for ``rasd bench``; the gazetteer and the
    automaton are built before the clock starts)."""
    geocode("", None)
    started = time.perf_counter()
    mentions = sum(len(geocode(text, None)) for text in texts)
    seconds = time.perf_counter() - started
    return {
        "articles_per_s": len(texts) / seconds if seconds else 0.0,
        "chars_per_s": sum(map(len, texts)) / seconds if seconds else 0.0,
        "mentions": float(mentions),
        "seconds": seconds,
    }


def read_gold(path: Path) -> list[dict[str, Any]]:
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


@dataclass
class _Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    country_ok: int = 0
    admin1_ok: int = 0
    admin1_n: int = 0
    near_ok: int = 0
    near_n: int = 0

    def metrics(self) -> dict[str, float]:
        return {
            **PRF(self.tp, self.fp, self.fn).as_dict(),
            "country_accuracy": self.country_ok / self.tp if self.tp else 0.0,
            "admin1_accuracy": self.admin1_ok / self.admin1_n if self.admin1_n else 0.0,
            "within_25km": self.near_ok / self.near_n if self.near_n else 0.0,
            "n_gold": float(self.tp + self.fn),
            "n_predicted": float(self.tp + self.fp),
        }


def evaluate(gold: Path, geocode: Geocode = find_places, baseline: bool = True) -> EvalReport:
    """Detection P/R/F1 and resolution accuracies of ``geocode`` (the bundled geocoder) on a geo gold file.

    ``by_type`` holds the figures per mention kind and per split (``split:dev``, ``split:test``);
    ``baselines["dictionary"]`` the same figures for ``dictionary_baseline``."""
    total = _Tally()
    splits: dict[str, _Tally] = {}
    by_kind: dict[str, dict[str, float]] = {}
    missing: list[str] = []
    errors: list[str] = []
    for record in read_gold(gold):
        article = find_article(record["key"])
        if article is None:
            missing.append(record["key"])
            continue
        start, end = record["scope"]
        unmatched = [m for m in geocode(article.text, None) if m.start >= start and m.end <= end]
        tallies = (total, splits.setdefault(record.get("split", "dev"), _Tally()))
        for mention in record["mentions"]:
            kind = by_kind.setdefault(mention["kind"], {"n": 0, "found": 0, "country_ok": 0})
            kind["n"] += 1
            hit = next((p for p in unmatched if p.start < mention["end"] and mention["start"] < p.end), None)
            if hit is None:
                for tally in tallies:
                    tally.fn += 1
                continue
            unmatched.remove(hit)
            kind["found"] += 1
            place = hit.place
            country_ok = place.country == mention["country"]
            kind["country_ok"] += country_ok
            if not country_ok:
                errors.append(f"{record['key']} {mention['text']}: {place.country} ≠ {mention['country']}")
            scored_admin1 = mention["kind"] != "country" and bool(mention["admin1"])
            admin1_ok = country_ok and admin_key(place.admin1) == admin_key(mention["admin1"])
            scored_near = mention["kind"] == "place" and mention["lat"] is not None
            near_ok = False
            if scored_near and place.lat is not None and place.lon is not None:
                near_ok = distance_km(place.lat, place.lon, mention["lat"], mention["lon"]) <= WITHIN_KM
            for tally in tallies:
                tally.tp += 1
                tally.country_ok += country_ok
                tally.admin1_n += scored_admin1
                tally.admin1_ok += scored_admin1 and admin1_ok
                tally.near_n += scored_near
                tally.near_ok += near_ok
        for tally in tallies:
            tally.fp += len(unmatched)
    for kind in by_kind.values():
        kind["recall"] = kind["found"] / kind["n"] if kind["n"] else 0.0
        kind["country_accuracy"] = kind["country_ok"] / kind["found"] if kind["found"] else 0.0
    for name, tally in sorted(splits.items()):
        by_kind[f"split:{name}"] = tally.metrics()
    notes = [f"{len(missing)} gold articles not found in ../shared"] if missing else []
    notes += errors[:20]
    baselines = (
        {"dictionary": evaluate(gold, dictionary_baseline, baseline=False).metrics} if baseline else {}
    )
    return EvalReport(
        task="geo",
        gold=str(gold),
        n=total.tp + total.fn,
        metrics=total.metrics(),
        by_type=by_kind,
        baselines=baselines,
        notes=notes,
    )
