"""The geocoder against the geo gold set (450 place mentions read in real articles): floors."""

from __future__ import annotations

from pathlib import Path

from rasd.geo.evaluate import evaluate

GOLD = Path(__file__).resolve().parents[1] / "eval" / "gold" / "geo_gold.jsonl"


def test_geocoder_meets_the_floors_on_the_gold_set(news_dir: Path) -> None:
    report = evaluate(GOLD)
    assert report.n >= 400
    assert not report.notes or not report.notes[0].endswith("not found in ../shared")
    metrics = report.metrics
    assert metrics["country_accuracy"] >= 0.97
    assert metrics["admin1_accuracy"] >= 0.95
    assert metrics["within_25km"] >= 0.93
    assert metrics["precision"] >= 0.92
    assert metrics["recall"] >= 0.92
