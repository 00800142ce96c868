"""The web-ingest benchmark functions run end to end on a small sample (they are timed by ``rasd bench``)."""

from __future__ import annotations

import itertools
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import Result
from local_web import LocalSite
from typer.testing import CliRunner

from rasd.cli import app
from rasd.ingest import READERS
from rasd.ingest.fetch import Fetcher, FetchPolicy
from rasd.ingest.url import UrlReader
from rasd.ingest.web_bench import bench_warc, bench_web_pages, corpus_articles, write_bench_warc
from rasd.store import open_store


@pytest.fixture(scope="module")
def site(news_dir: Path) -> Iterator[LocalSite]:
    with LocalSite(news_dir) as running:
        yield running


def test_a_small_bench_warc_is_written_read_and_extracted(news_dir: Path, tmp_path: Path):
    archive = tmp_path / "bench.warc.gz"
    write_bench_warc(archive, itertools.islice(corpus_articles(news_dir), 40), records=24)
    figures = bench_warc(archive, workers=1)
    assert (figures["records"], figures["pages"], figures["articles"]) == (24, 24, 24)
    assert figures["pages_per_s"] > 0


def test_pages_served_locally_are_fetched_extracted_and_ingested(news_dir: Path, tmp_path: Path):
    folder = tmp_path / "pages"
    folder.mkdir()
    for name in ("cnn_arabic_2013_syria_clashes.html", "assabah.com.tn.article.html"):
        shutil.copy(next((news_dir / "html_pages").rglob(name)), folder / name)
    figures = bench_web_pages(folder, rounds=1)
    assert (figures["pages"], figures["articles"]) == (2, 2)


def _ingest(monkeypatch: pytest.MonkeyPatch, policy: FetchPolicy, *args: str) -> Result:
    """``rasd ingest …`` in this process, its URL reader fetching under ``policy``."""
    [reader] = [r for r in READERS if isinstance(r, UrlReader)]
    monkeypatch.setattr(reader, "_fetcher", Fetcher(policy))
    return CliRunner().invoke(app, ["ingest", *args])


def test_rasd_ingest_url_stores_the_page_once(
    site: LocalSite, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    db = f"sqlite:///{tmp_path / 'rasd.db'}"
    url = site.url("/pages/cnn_arabic_2013_syria_clashes.html")
    local = FetchPolicy(allowed_networks=("127.0.0.1",), min_interval=0.0)
    first = _ingest(monkeypatch, local, url, "--db", db)
    again = _ingest(monkeypatch, local, url, "--db", db)
    assert first.exit_code == 0, first.output
    assert "1 documents added" in first.output
    assert "1 already stored" in again.output
    store = open_store(db)
    assert store.count_articles() == 1
    store.close()


def test_rasd_ingest_refuses_a_loopback_url_by_default(
    site: LocalSite, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    url = site.url("/pages/cnn_arabic_2013_syria_clashes.html")
    result = _ingest(monkeypatch, FetchPolicy(), url, "--db", f"sqlite:///{tmp_path / 'x.db'}")
    assert result.exit_code != 0
    assert "not a public address" in result.output
