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
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any

from rasd.corpora import find_article
from rasd.evaluation import PRF, EvalReport
from rasd.geo.geocoder import GeoContext, PlaceMention, find_places

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


def read_gold(path: Path) -> list[dict[str, Any]]:
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def evaluate(gold: Path, geocode: Geocode = find_places) -> EvalReport:
    """Detection P/R/F1 and resolution accuracies of ``geocode`` (the bundled geocoder) on a geo gold file."""
    tp = fp = fn = 0
    country_ok = admin1_ok = admin1_n = near_ok = near_n = 0
    by_kind: dict[str, dict[str, float]] = {}
    missing: list[str] = []
    errors: list[str] = []
    for record in read_gold(gold):
        article = find_article(record["key"])
        if article is None:
            missing.append(record["key"])
            continue
        start, end = record["scope"]
        predicted = [m for m in geocode(article.text, None) if m.start >= start and m.end <= end]
        unmatched = list(predicted)
        for mention in record["mentions"]:
            kind = by_kind.setdefault(mention["kind"], {"n": 0, "found": 0, "country_ok": 0})
            kind["n"] += 1
            hit = next((p for p in unmatched if p.start < mention["end"] and mention["start"] < p.end), None)
            if hit is None:
                fn += 1
                continue
            unmatched.remove(hit)
            tp += 1
            kind["found"] += 1
            place = hit.place
            if place.country == mention["country"]:
                country_ok += 1
                kind["country_ok"] += 1
            else:
                errors.append(f"{record['key']} {mention['text']}: {place.country} ≠ {mention['country']}")
            if mention["kind"] != "country" and mention["admin1"]:
                admin1_n += 1
                admin1_ok += place.country == mention["country"] and admin_key(place.admin1) == admin_key(
                    mention["admin1"]
                )
            if mention["kind"] == "place" and place.lat is not None and place.lon is not None:
                near_n += 1
                near_ok += distance_km(place.lat, place.lon, mention["lat"], mention["lon"]) <= WITHIN_KM
        fp += len(unmatched)
    detection = PRF(tp, fp, fn)
    metrics = {
        **detection.as_dict(),
        "country_accuracy": country_ok / tp if tp else 0.0,
        "admin1_accuracy": admin1_ok / admin1_n if admin1_n else 0.0,
        "within_25km": near_ok / near_n if near_n else 0.0,
        "n_gold": float(tp + fn),
        "n_predicted": float(tp + fp),
    }
    for kind in by_kind.values():
        kind["recall"] = kind["found"] / kind["n"] if kind["n"] else 0.0
        kind["country_accuracy"] = kind["country_ok"] / kind["found"] if kind["found"] else 0.0
    notes = [f"{len(missing)} gold articles not found in ../shared"] if missing else []
    notes += errors[:20]
    return EvalReport(task="geo", gold=str(gold), n=tp + fn, metrics=metrics, by_type=by_kind, notes=notes)
