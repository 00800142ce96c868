"""Bad input gets one clear line and a non-zero exit; nothing already stored is lost; ingest is idempotent."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

RASD = [sys.executable, "-m", "rasd.cli"]


def rasd(
    *args: str, stdin: bytes | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*RASD, *args],
        input=stdin.decode() if stdin is not None else None,
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        timeout=120,
    )


def count_articles(db: Path) -> int:
    with sqlite3.connect(db) as connection:
        return int(connection.execute("select count(*) from articles").fetchone()[0])


def assert_one_clear_line(result: subprocess.CompletedProcess[str], *words: str) -> None:
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert errors, result.stderr
    for word in words:
        assert word in errors[0], errors[0]


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "rasd.db"


def test_ingesting_the_seeds_twice_leaves_the_count_unchanged(
    db: Path, seed_dump: Path, seed_enab: Path
) -> None:
    url = f"sqlite:///{db}"
    first = rasd("ingest", str(seed_dump), str(seed_enab), "--db", url)
    assert first.returncode == 0, first.stderr
    assert count_articles(db) == 10
    copy = db.parent / "renamed-copy.txt"
    copy.write_bytes(seed_dump.read_bytes())
    again = rasd("ingest", str(seed_dump.parent), str(copy), "--db", url)
    assert again.returncode == 0, again.stderr
    assert count_articles(db) == 10
    assert "0 documents added" in again.stderr


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"", ("empty",)),
        (b"  \n\t\n   \n", ("empty",)),
        (bytes(range(256)) * 40, ("binary",)),
        ("Привет, как дела? Всё хорошо, спасибо.".encode("koi8-r") * 3, ("supported encoding",)),
        (b"This page is only in English. Nothing here is Arabic at all.\n", ("no Arabic text", "en")),
    ],
    ids=["empty", "whitespace", "binary", "wrong-encoding", "english-only"],
)
def test_bad_files_fail_cleanly_and_lose_nothing(
    db: Path, seed_enab: Path, tmp_path: Path, content: bytes, words: tuple[str, ...]
) -> None:
    url = f"sqlite:///{db}"
    assert rasd("ingest", str(seed_enab), "--db", url).returncode == 0
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    result = rasd("ingest", str(bad), "--db", url)
    assert_one_clear_line(result, *words)
    assert count_articles(db) == 1


def test_a_200_mb_file_is_refused_naming_the_limit(db: Path, tmp_path: Path) -> None:
    huge = tmp_path / "huge.txt"
    with open(huge, "wb") as handle:
        handle.truncate(200 * 1024 * 1024)
    result = rasd("ingest", str(huge), "--db", f"sqlite:///{db}")
    assert_one_clear_line(result, "52,428,800", "--max-bytes")
    raised = rasd("extract", str(huge), "--max-bytes", "300000000")
    assert_one_clear_line(raised, "binary")


def test_a_folder_of_good_and_bad_files_ingests_the_good_ones(
    db: Path, seed_dump: Path, seed_enab: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "mixed"
    folder.mkdir()
    (folder / "a.txt").write_bytes(seed_dump.read_bytes())
    (folder / "b-cp1256.txt").write_bytes(
        seed_enab.read_text(encoding="utf-8").encode("cp1256", errors="ignore")
    )
    (folder / "c.bin").write_bytes(bytes(range(256)) * 10)
    (folder / "d.txt").write_bytes(b"")
    result = rasd("ingest", str(folder), "--db", f"sqlite:///{db}")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "c.bin" in result.stderr and "d.txt" in result.stderr
    assert "2 documents added (10 new articles)" in result.stderr
    assert count_articles(db) == 10


def test_errors_without_debug_have_no_traceback(tmp_path: Path) -> None:
    missing = rasd("extract", str(tmp_path / "nowhere.txt"))
    assert_one_clear_line(missing, "no such file")
    bad_db = rasd("articles", "--db", "mysql://nobody@nowhere/db")
    assert_one_clear_line(bad_db, "unsupported database URL")
    bad_date = rasd("extract", "-", "--published", "yesterday", stdin="نص".encode())
    assert_one_clear_line(bad_date, "ISO 8601")


def test_standard_input_and_jsonl_input(tmp_path: Path, seed_enab: Path) -> None:
    result = rasd("extract", "-", stdin=seed_enab.read_bytes())
    assert result.returncode == 0 and result.stdout.count("\n") == 1
    records = tmp_path / "headlines.jsonl"
    records.write_text(
        '{"id": "h1", "text": "قصف إسرائيلي على خان يونس", "published": "2024-07-16"}\n'
        "not json\n"
        '{"id": "h2", "title": "غارة", "text": "غارة على دير البلح"}\n',
        encoding="utf-8",
    )
    extracted = rasd("extract", "--jsonl-input", str(records))
    assert extracted.returncode == 1, "one bad line is reported, the others still come out"
    assert extracted.stdout.count("\n") == 2
    assert '"input_id": "h1"' in extracted.stdout and '"input_id": "h2"' in extracted.stdout
    assert "headlines.jsonl:2" in extracted.stderr
