"""``rasd search``, ``rasd events --format …`` and ``rasd stories`` over a stored database."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from rasd.cli import app
from rasd.serve.export import ACLED_COLUMNS, read_parquet
from rasd.store import open_store
from tests.sample_events import fill

runner = CliRunner()


@pytest.fixture
def db(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    store = open_store(url)
    fill(store)
    store.close()
    return url


def test_search_prints_hits_as_jsonl(db: str) -> None:
    result = runner.invoke(app, ["search", "غارة", "--db", db, "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    hits = [json.loads(line) for line in result.stdout.splitlines()]
    assert {h["article_id"] for h in hits} == {"art-shaddadi", "art-bintjbeil"}
    assert all(set(h) >= {"article_id", "title", "snippet", "score"} for h in hits)
    narrowed = runner.invoke(app, ["search", "غارة", "--db", db, "-f", "jsonl", "--country", "SY"])
    assert [json.loads(line)["article_id"] for line in narrowed.stdout.splitlines()] == ["art-shaddadi"]


def test_search_prints_a_table(db: str) -> None:
    result = runner.invoke(app, ["search", "بوكو حرام", "--db", db])
    assert result.exit_code == 0 and "art-borno" in result.stdout


def test_events_export_acled_csv_to_standard_output(db: str) -> None:
    result = runner.invoke(app, ["events", "--db", db, "--format", "acled-csv", "--plover", "ASSAULT"])
    assert result.exit_code == 0, result.output
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert tuple(rows[0]) == ACLED_COLUMNS and len(rows) == 3


def test_events_export_parquet_to_a_file(db: str, tmp_path: Path) -> None:
    target = tmp_path / "events.parquet"
    result = runner.invoke(
        app, ["events", "--db", db, "-f", "parquet", "-o", str(target), "--source", "Al Mayadeen"]
    )
    assert result.exit_code == 0, result.output
    assert {e.id for e in read_parquet(target)} == {"ev-bintjbeil-strike", "ev-borno-arrests"}


def test_events_and_stories_as_jsonl(db: str) -> None:
    events = runner.invoke(app, ["events", "--db", db, "-f", "jsonl", "--actor", "donald-trump"])
    assert [json.loads(line)["id"] for line in events.stdout.splitlines()] == ["ev-whitehouse-meeting"]
    stories = runner.invoke(app, ["stories", "--db", db, "-f", "jsonl"])
    assert json.loads(stories.stdout)["id"] == "story-coalition"
