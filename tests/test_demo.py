"""``rasd demo``: the bundled samples land in a fresh database and the first page lists them."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from fastapi.testclient import TestClient

from rasd.serve.app import create_app
from rasd.store import open_store
from rasd.store.schema import SCHEMA_VERSION


def test_demo_ingests_the_samples_and_the_articles_page_lists_them(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'demo.db'}"
    result = subprocess.run(
        [sys.executable, "-m", "rasd.cli", "demo", "--db", url, "--no-serve"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert "10 articles" in result.stderr

    store = open_store(url)
    assert store.schema_version() == SCHEMA_VERSION
    assert store.integrity_ok()
    store.close()

    client = TestClient(create_app(url))
    assert client.get("/").status_code == 200
    page = client.get("/articles")
    assert page.status_code == 200
    assert '<html dir="rtl" lang="ar">' in page.text
    assert "سوريا تنضم رسمياً لـ«التحالف الدولي لمكافحة داعش»" in page.text
    assert "ماكرون يدعو الشرع" in page.text


def test_reopening_a_database_keeps_its_schema_and_rows(tmp_path: Path, seed_enab: Path) -> None:
    from rasd.ingest import read_sources
    from rasd.pipeline import ingest_document

    url = f"sqlite:///{tmp_path / 'x.db'}"
    store = open_store(url)
    [result] = list(read_sources([str(seed_enab)]))
    assert result.document is not None
    assert ingest_document(store, result.document).status == "added"
    assert ingest_document(store, result.document).status == "duplicate"
    store.close()
    again = open_store(url)
    assert again.count_articles() == 1
    assert again.schema_version() == SCHEMA_VERSION
    again.close()


def test_articles_of_an_undated_dump_list_in_page_order(tmp_path: Path, seed_dump: Path) -> None:
    from rasd.ingest import read_sources
    from rasd.pipeline import ingest_document
    from rasd.store import ArticleQuery

    store = open_store(f"sqlite:///{tmp_path / 'order.db'}")
    [result] = list(read_sources([str(seed_dump)]))
    assert result.document is not None
    ingest_document(store, result.document)
    titles = [a.article.title for a in store.list_articles(ArticleQuery())]
    store.close()
    assert titles[0] == "سوريا تنضم رسمياً لـ«التحالف الدولي لمكافحة داعش»"
    assert titles[-1] == "قائد الجيش اللبناني إلى واشنطن في زيارة مفصلية مطلع فبراير"
