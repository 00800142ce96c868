"""``kill -9`` during an ingest: a restart finishes it, nothing is duplicated, the database is intact."""

from __future__ import annotations

import itertools
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from rasd.corpora import iter_corpus


def article_ids(db: Path) -> list[str]:
    with sqlite3.connect(db) as connection:
        return [row[0] for row in connection.execute("select id from articles order by id")]


def stored_count(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(db, timeout=1) as connection:
            return int(connection.execute("select count(*) from documents").fetchone()[0])
    except sqlite3.OperationalError:
        return 0


def test_kill_during_ingest_then_restart_finishes_without_duplicates(news_dir: Path, tmp_path: Path) -> None:
    folder = tmp_path / "dumps"
    folder.mkdir()
    corpus = iter_corpus(news_dir / "almayadeen_2023_2024" / "articles_2023_10.json.gz")
    for n, item in enumerate(itertools.islice(corpus, 120)):
        (folder / f"{n:04d}.txt").write_text(f"{item.title}\n\n{item.text}\n", encoding="utf-8")

    reference = tmp_path / "reference.db"
    command = [sys.executable, "-m", "rasd.cli", "ingest", str(folder), "--db"]
    subprocess.run([*command, f"sqlite:///{reference}"], check=True, capture_output=True, timeout=600)

    killed = tmp_path / "killed.db"
    process = subprocess.Popen(
        [*command, f"sqlite:///{killed}"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    deadline = time.monotonic() + 120
    while stored_count(killed) < 10 and time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.05)
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    partial = stored_count(killed)
    assert 0 < partial < 120, "the kill landed in the middle of the ingest"

    subprocess.run([*command, f"sqlite:///{killed}"], check=True, capture_output=True, timeout=600)
    assert article_ids(killed) == article_ids(reference)
    with sqlite3.connect(killed) as connection:
        assert connection.execute("pragma integrity_check").fetchone()[0] == "ok"
        assert connection.execute("select count(*) from documents").fetchone()[0] == stored_count(reference)
