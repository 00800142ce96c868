"""Quality floors of the time stage on the temporal gold set (passages of ../shared/data/news)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rasd.time.evaluate import evaluate

GOLD = Path(__file__).resolve().parent.parent / "eval" / "gold" / "time_gold.jsonl"


def _records() -> list[dict[str, object]]:
    return [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_gold_holds_keys_offsets_and_short_expressions_only() -> None:
    records = _records()
    timexes = [r for r in records if r["kind"] == "timex"]
    assert len(timexes) >= 400
    forms = {r["form"] for r in timexes}
    assert forms >= {
        "date",
        "month",
        "weekday",
        "deictic",
        "relative",
        "ago",
        "duration",
        "year",
        "decade",
        "hijri",
    }
    for record in records:
        assert str(record["key"]).startswith(("almayadeen:", "ant:"))
        if record["kind"] != "scope":
            assert len(str(record["text"])) <= 60  # an expression, never a sentence of the outlet
    assert sum(r["kind"] == "not_timex" for r in records) >= 50  # look-alikes are part of the set


@pytest.mark.shared
def test_time_detection_and_values_stay_above_the_floors(news_dir: Path) -> None:
    report = evaluate(GOLD, baselines=())
    assert report.n >= 400
    assert report.metrics["f1"] >= 0.97
    assert report.metrics["f1_overlap"] >= 0.98
    assert report.metrics["value_accuracy"] >= 0.97
    # The held-out passages, annotated before the rules ever ran on them.
    assert report.by_type["split:test"]["f1"] >= 0.93
    assert report.by_type["split:test"]["value_accuracy"] >= 0.95
    for form in ("date", "month", "weekday", "deictic", "relative", "year"):
        assert report.by_type[form]["f1"] >= 0.95, form
        assert report.by_type[form]["value_accuracy"] >= 0.95, form


@pytest.mark.shared
def test_rasd_beats_dateparser_alone(news_dir: Path) -> None:
    report = evaluate(GOLD)
    dateparser = report.baselines["dateparser"]
    assert report.metrics["f1"] > dateparser["f1"] + 0.5
    assert report.metrics["value_accuracy"] > dateparser["value_accuracy"]
