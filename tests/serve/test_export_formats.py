"""Exports read back: ACLED CSV, PLOVER JSON, GeoJSON, Parquet and JSONL."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from rasd.serve.export import ACLED_COLUMNS, read_jsonl, read_parquet, write_events
from tests.sample_events import sample_articles


def events() -> list:
    return [e for a in sample_articles() for e in a.events]


def exported(format: str) -> bytes:
    out = io.BytesIO()
    write_events(events(), format, out)
    return out.getvalue()


def test_acled_csv_has_acleds_columns_in_acleds_order() -> None:
    rows = list(csv.reader(io.StringIO(exported("acled-csv").decode("utf-8"))))
    assert tuple(rows[0]) == ACLED_COLUMNS
    assert rows[0][:3] == ["event_id_cnty", "event_date", "year"] and rows[0][-1] == "timestamp"
    assert len(ACLED_COLUMNS) == 31


def test_acled_csv_rows_use_english_names_and_summary_notes() -> None:
    rows = {r["event_id_cnty"]: r for r in csv.DictReader(io.StringIO(exported("acled-csv").decode("utf-8")))}
    # The White House meeting (CONSULT) lies outside ACLED's scope: no row.
    assert set(rows) == {"SYR-ev-shaddadi-strike", "LBN-ev-bintjbeil-strike", "NGA-ev-borno-arrests"}
    strike = rows["LBN-ev-bintjbeil-strike"]
    assert (
        strike["event_date"] == "2025-11-08" and strike["year"] == "2025" and strike["time_precision"] == "1"
    )
    assert strike["disorder_type"] == "Political violence"
    assert strike["event_type"] == "Explosions/Remote violence"
    assert strike["sub_event_type"] == "Air/drone strike"
    assert strike["actor1"] == "Israel Defense Forces" and strike["inter1"] == "8"
    assert strike["actor2"] == "Civilians (Lebanon)" and strike["inter2"] == "7"
    assert strike["interaction"] == "78"
    assert strike["civilian_targeting"] == "Civilian targeting"
    assert strike["iso"] == "422" and strike["country"] == "Lebanon" and strike["region"] == "Middle East"
    assert strike["admin1"] == "Nabatieh" and strike["admin2"] == "Bint Jbeil"
    assert strike["location"] == "Bint Jbeil"
    assert float(strike["latitude"]) == 33.12 and float(strike["longitude"]) == 35.43
    assert strike["notes"] == "An Israeli strike on a car in Bint Jbeil killed three civilians."
    assert strike["fatalities"] == "3" and strike["source"] == "Al Mayadeen"
    assert rows["NGA-ev-borno-arrests"]["disorder_type"] == "Strategic developments"
    assert "modality=claimed" in rows["NGA-ev-borno-arrests"]["tags"]
    assert rows["SYR-ev-shaddadi-strike"]["fatalities"] == "12"


def test_plover_json_reads_back() -> None:
    records = json.loads(exported("plover"))
    by_id = {r["id"]: r for r in records}
    assert len(records) == 4
    meeting = by_id["ev-whitehouse-meeting"]
    assert meeting["event_type"] == "CONSULT" and meeting["mode"] == "visit"
    assert meeting["source_actor"]["name"] == "Donald Trump"
    assert meeting["target_actor"]["name_ar"] == "أحمد الشرع"
    assert meeting["location"]["placename"] == "Washington"
    assert meeting["text"].startswith("استقبل الرئيس الأميركي")


def test_geojson_points_are_longitude_first() -> None:
    collection = json.loads(exported("geojson"))
    assert collection["type"] == "FeatureCollection"
    feature = next(f for f in collection["features"] if f["id"] == "ev-borno-arrests")
    assert feature["geometry"] == {"type": "Point", "coordinates": [13.16, 11.85]}
    assert feature["properties"]["actor2"] == "Boko Haram"
    assert feature["properties"]["admin1"] == "Borno"


def test_jsonl_and_parquet_read_back_into_the_same_events(tmp_path: Path) -> None:
    for format in ("jsonl", "parquet"):
        path = tmp_path / f"events.{format}"
        path.write_bytes(exported(format))
        again = read_jsonl(path) if format == "jsonl" else read_parquet(path)
        assert again == events(), format
