"""Events in the formats analysts' tools read: ACLED CSV, PLOVER JSON, GeoJSON, Parquet and JSONL.

Every writer takes events (the DESIGN.md contract) and a binary stream. JSONL and Parquet keep every field
(they read back into the same events); ACLED CSV has ACLED's columns in ACLED's order with English names and
``notes`` from ``summary_en``, and leaves out events outside ACLED's scope (``acled_event_type`` null);
PLOVER JSON and GeoJSON carry the fields those formats define plus Rasd's evidence and ids.
"""

from __future__ import annotations

import csv
import functools
import io
import json
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from rasd.codec import event_from
from rasd.errors import InputError
from rasd.model import Actor, Event

COUNTRIES_PATH = Path(__file__).resolve().parent.parent / "data" / "countries.tsv"

ACLED_COLUMNS: tuple[str, ...] = (
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
)

# ACLED's disorder type of each event type.
_DISORDER = {
    "Battles": "Political violence",
    "Explosions/Remote violence": "Political violence",
    "Violence against civilians": "Political violence",
    "Riots": "Political violence",
    "Protests": "Demonstrations",
    "Strategic developments": "Strategic developments",
}
# ACLED time precision: 1 the day is known, 2 the week, 3 the month or less.
_TIME_PRECISION = {"day": 1, "week": 2, "month": 3, "year": 3}
# ACLED's actor type for civilians.
_CIVILIANS = 7


@dataclass(frozen=True, slots=True)
class Country:
    iso2: str
    iso3: str
    iso_numeric: int
    name_en: str
    name_ar: str
    acled_region: str


@functools.cache
def countries() -> dict[str, Country]:
    """ISO2 → country (``rasd/data/countries.tsv``, built from Natural Earth by tools/build_boundaries.py)."""
    table: dict[str, Country] = {}
    lines = COUNTRIES_PATH.read_text(encoding="utf-8").splitlines()
    for line in lines[1:]:
        iso2, iso3, numeric, name_en, name_ar, _subregion, region = line.split("\t")
        table[iso2] = Country(iso2, iso3, int(numeric), name_en, name_ar, region)
    return table


# --- ACLED CSV -------------------------------------------------------------------------------------


def _name(actor: Actor | None) -> str:
    if actor is None:
        return ""
    return actor.name_en or actor.name_ar


def _interaction(inter1: int | None, inter2: int | None) -> str:
    if inter1 is None:
        return ""
    if inter2 is None:
        return f"{inter1}0"
    low, high = sorted((inter1, inter2))
    return f"{low}{high}"


def acled_row(event: Event, timestamp: int) -> dict[str, str | int | float]:
    """One ACLED CSV row for an event in ACLED's scope (``acled_event_type`` set)."""
    place = event.location
    country = countries().get(place.country or "") if place and place.country else None
    inter1 = event.actor1.inter if event.actor1 else None
    inter2 = event.actor2.inter if event.actor2 else None
    tags = [f"modality={event.modality}"] if event.modality != "asserted" else []
    if event.confidence:
        tags.append(f"confidence={event.confidence:.2f}")
    return {
        "event_id_cnty": f"{country.iso3 if country else 'XXX'}-{event.id}",
        "event_date": event.date or "",
        "year": event.date[:4] if event.date else "",
        "time_precision": _TIME_PRECISION.get(event.date_precision or "", 3),
        "disorder_type": _DISORDER.get(event.acled_event_type or "", ""),
        "event_type": event.acled_event_type or "",
        "sub_event_type": event.acled_sub_event_type or "",
        "actor1": _name(event.actor1),
        "assoc_actor_1": "; ".join(_name(a) for a in event.assoc_actors),
        "inter1": inter1 if inter1 is not None else "",
        "actor2": _name(event.actor2),
        "assoc_actor_2": "",
        "inter2": inter2 if inter2 is not None else "",
        "interaction": _interaction(inter1, inter2),
        "civilian_targeting": "Civilian targeting" if inter2 == _CIVILIANS else "",
        "iso": country.iso_numeric if country else "",
        "region": country.acled_region if country else "",
        "country": country.name_en if country else (place.country or "" if place else ""),
        "admin1": place.admin1 or "" if place else "",
        "admin2": place.admin2 or "" if place else "",
        "admin3": "",
        "location": (place.name_en or place.name_ar) if place else "",
        "latitude": place.lat if place and place.lat is not None else "",
        "longitude": place.lon if place and place.lon is not None else "",
        "geo_precision": place.geo_precision or "" if place else "",
        "source": "; ".join(event.sources),
        "source_scale": "",
        "notes": event.summary_en or "",
        "fatalities": event.fatalities or 0,
        "tags": "; ".join(tags),
        "timestamp": timestamp,
    }


def write_acled_csv(events: Iterable[Event], out: BinaryIO, timestamp: int | None = None) -> int:
    """ACLED-compatible CSV (UTF-8, header first); events outside ACLED's scope are left out."""
    stamp = int(time.time()) if timestamp is None else timestamp
    text = io.TextIOWrapper(out, encoding="utf-8", newline="", write_through=True)
    writer = csv.DictWriter(text, fieldnames=list(ACLED_COLUMNS))
    writer.writeheader()
    count = 0
    for event in events:
        if event.acled_event_type:
            writer.writerow(acled_row(event, stamp))
            count += 1
    text.detach()
    return count


# --- PLOVER JSON -----------------------------------------------------------------------------------


def _plover_actor(actor: Actor | None) -> dict[str, Any] | None:
    if actor is None:
        return None
    return {
        "id": actor.id,
        "name": actor.name_en or actor.name_ar,
        "name_ar": actor.name_ar,
        "type": actor.type,
        "country": actor.country,
    }


def plover_record(event: Event) -> dict[str, Any]:
    """An event in the PLOVER data format: event type and mode, source and target actors, place, text."""
    place = event.location
    return {
        "id": event.id,
        "date": event.date,
        "date_precision": event.date_precision,
        "event_type": event.plover,
        "mode": event.plover_mode,
        "context": [],
        "source_actor": _plover_actor(event.actor1),
        "target_actor": _plover_actor(event.actor2),
        "other_actors": [_plover_actor(a) for a in event.assoc_actors],
        "location": None
        if place is None
        else {
            "id": place.id,
            "placename": place.name_en or place.name_ar,
            "placename_ar": place.name_ar,
            "country": place.country,
            "admin1": place.admin1,
            "admin2": place.admin2,
            "lat": place.lat,
            "lon": place.lon,
            "geo_precision": place.geo_precision,
        },
        "fatalities": event.fatalities,
        "modality": event.modality,
        "confidence": event.confidence,
        "text": " … ".join(span.text for span in event.evidence),
        "evidence": [{"start": s.start, "end": s.end, "text": s.text} for s in event.evidence],
        "summary_en": event.summary_en,
        "summary_ar": event.summary_ar,
        "publisher": event.sources,
        "article_id": event.article_id,
        "story_id": event.story_id,
        "acled_event_type": event.acled_event_type,
        "acled_sub_event_type": event.acled_sub_event_type,
    }


def write_plover(events: Iterable[Event], out: BinaryIO) -> int:
    """A JSON array of PLOVER records."""
    records = [plover_record(e) for e in events]
    out.write(json.dumps(records, ensure_ascii=False, indent=1).encode("utf-8"))
    return len(records)


# --- GeoJSON ---------------------------------------------------------------------------------------


def geojson_feature(event: Event) -> dict[str, Any]:
    """A GeoJSON Feature: a Point at the event's place (``null`` geometry when it has no coordinates)."""
    place = event.location
    located = place is not None and place.lat is not None and place.lon is not None
    geometry = {"type": "Point", "coordinates": [place.lon, place.lat]} if located and place else None
    properties: dict[str, Any] = {
        "id": event.id,
        "article_id": event.article_id,
        "date": event.date,
        "plover": event.plover,
        "plover_mode": event.plover_mode,
        "acled_event_type": event.acled_event_type,
        "acled_sub_event_type": event.acled_sub_event_type,
        "modality": event.modality,
        "actor1": _name(event.actor1) or None,
        "actor1_ar": event.actor1.name_ar if event.actor1 else None,
        "actor2": _name(event.actor2) or None,
        "actor2_ar": event.actor2.name_ar if event.actor2 else None,
        "place": (place.name_en or place.name_ar) if place else None,
        "place_ar": place.name_ar if place else None,
        "country": place.country if place else None,
        "admin1": place.admin1 if place else None,
        "admin2": place.admin2 if place else None,
        "geo_precision": place.geo_precision if place else None,
        "fatalities": event.fatalities,
        "confidence": event.confidence,
        "summary_en": event.summary_en,
        "summary_ar": event.summary_ar,
        "story_id": event.story_id,
    }
    return {"type": "Feature", "id": event.id, "geometry": geometry, "properties": properties}


def write_geojson(events: Iterable[Event], out: BinaryIO) -> int:
    """A GeoJSON FeatureCollection (RFC 7946: WGS 84, longitude first)."""
    features = [geojson_feature(e) for e in events]
    collection = {"type": "FeatureCollection", "features": features}
    out.write(json.dumps(collection, ensure_ascii=False).encode("utf-8"))
    return len(features)


# --- JSONL and Parquet -----------------------------------------------------------------------------


def write_jsonl(events: Iterable[Event], out: BinaryIO) -> int:
    """One event per line, exactly the DESIGN.md contract."""
    count = 0
    for event in events:
        out.write((json.dumps(event.to_dict(), ensure_ascii=False) + "\n").encode("utf-8"))
        count += 1
    return count


def parquet_schema() -> Any:
    """The Arrow schema of the Parquet export: the event contract, nested actors, place and evidence."""
    import pyarrow as pa

    actor = pa.struct(
        [
            ("id", pa.string()),
            ("name_ar", pa.string()),
            ("name_en", pa.string()),
            ("type", pa.string()),
            ("country", pa.string()),
            ("inter", pa.int32()),
        ]
    )
    place = pa.struct(
        [
            ("id", pa.string()),
            ("name_ar", pa.string()),
            ("name_en", pa.string()),
            ("country", pa.string()),
            ("admin1", pa.string()),
            ("admin2", pa.string()),
            ("lat", pa.float64()),
            ("lon", pa.float64()),
            ("geo_precision", pa.int32()),
        ]
    )
    span = pa.struct([("start", pa.int32()), ("end", pa.int32()), ("text", pa.string())])
    return pa.schema(
        [
            ("id", pa.string()),
            ("article_id", pa.string()),
            ("plover", pa.string()),
            ("plover_mode", pa.string()),
            ("acled_event_type", pa.string()),
            ("acled_sub_event_type", pa.string()),
            ("modality", pa.string()),
            ("date", pa.string()),
            ("date_precision", pa.string()),
            ("actor1", actor),
            ("actor2", actor),
            ("assoc_actors", pa.list_(actor)),
            ("location", place),
            ("fatalities", pa.int32()),
            ("fatalities_text", pa.string()),
            ("evidence", pa.list_(span)),
            ("confidence", pa.float64()),
            ("summary_en", pa.string()),
            ("summary_ar", pa.string()),
            ("sources", pa.list_(pa.string())),
            ("story_id", pa.string()),
        ]
    )


def write_parquet(events: Iterable[Event], out: BinaryIO) -> int:
    """An Apache Parquet file (pyarrow) with the nested event contract; reads back into the same events."""
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as exc:
        raise InputError("Parquet export needs pyarrow: pip install 'rasd[parquet]'") from exc
    schema = parquet_schema()
    rows = [e.to_dict() for e in events]
    table = pa.Table.from_pylist(rows, schema=schema)
    pq.write_table(table, out, compression="zstd")
    return len(rows)


def read_parquet(source: Path | BinaryIO) -> list[Event]:
    """Events from a Parquet file written by ``write_parquet``."""
    import pyarrow.parquet as pq

    return [event_from(row) for row in pq.read_table(source).to_pylist()]


def read_jsonl(source: Path) -> list[Event]:
    """Events from a JSONL file written by ``write_jsonl``."""
    with source.open(encoding="utf-8") as lines:
        return [event_from(json.loads(line)) for line in lines if line.strip()]


# --- formats by name -------------------------------------------------------------------------------

Writer = Callable[[Iterable[Event], BinaryIO], int]

WRITERS: dict[str, Writer] = {
    "acled-csv": write_acled_csv,
    "plover": write_plover,
    "geojson": write_geojson,
    "parquet": write_parquet,
    "jsonl": write_jsonl,
}
MEDIA_TYPES = {
    "acled-csv": "text/csv; charset=utf-8",
    "plover": "application/json",
    "geojson": "application/geo+json",
    "parquet": "application/vnd.apache.parquet",
    "jsonl": "application/x-ndjson",
}
EXTENSIONS = {
    "acled-csv": "csv",
    "plover": "json",
    "geojson": "geojson",
    "parquet": "parquet",
    "jsonl": "jsonl",
}


def write_events(events: Iterable[Event], format: str, out: BinaryIO) -> int:
    """Write ``events`` to ``out`` in ``format`` (one of ``WRITERS``); returns how many were written."""
    writer = WRITERS.get(format)
    if writer is None:
        raise InputError(f"unknown export format {format!r}: choose one of {', '.join(WRITERS)}")
    return writer(events, out)
