"""The geocoder against the geo gold set (566 place mentions read in real articles): floors."""

from __future__ import annotations

from pathlib import Path

from rasd.geo.evaluate import evaluate

GOLD = Path(__file__).resolve().parents[1] / "eval" / "gold" / "geo_gold.jsonl"


def test_geocoder_meets_the_floors_on_the_gold_set(news_dir: Path) -> None:
    report = evaluate(GOLD, baseline=False)
    assert report.n >= 550
    assert not any(note.endswith("not found in ../shared") for note in report.notes)
    overall = report.metrics
    assert overall["country_accuracy"] >= 0.97
    assert overall["admin1_accuracy"] >= 0.95
    assert overall["within_25km"] >= 0.93
    assert overall["precision"] >= 0.92
    assert overall["recall"] >= 0.91
    # The held-out split, annotated before the geocoder ever ran on its articles.
    test = report.by_type["split:test"]
    assert test["n_gold"] >= 110
    assert test["country_accuracy"] >= 0.97
    assert test["admin1_accuracy"] >= 0.95
    assert test["within_25km"] >= 0.90
    assert test["precision"] >= 0.87
    assert test["recall"] >= 0.86
