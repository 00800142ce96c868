"""The watcher: polls feeds and sitemaps, ingests new items once, resumes after kill -9."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from local_web import LocalSite

from rasd.errors import InputError
from rasd.ingest.fetch import Fetcher
from rasd.store import open_store
from rasd.watch import Watcher, load_config
from rasd.watch.config import config_from_dict, parse_duration

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture()
def site(news_dir: Path) -> Iterator[LocalSite]:
    with LocalSite(news_dir) as running:
        yield running


def write_config(path: Path, site: LocalSite, *sources: tuple[str, str]) -> Path:
    entries = "".join(f'\n[[sources]]\nname = "{name}"\nurl = "{site.url(p)}"\n' for name, p in sources)
    path.write_text(
        '[watch]\ninterval = "10m"\nworkers = 2\n\n'
        '[fetch]\nmin_interval = 0.0\nmax_retries = 0\ntimeout = 5\nallow_networks = ["127.0.0.1"]\n'
        + entries,
        encoding="utf-8",
    )
    return path


def watcher_for(config_path: Path, db: str) -> Watcher:
    config = load_config(config_path)
    return Watcher(config, open_store(db), Fetcher(config.fetch))


def test_the_shipped_example_lists_public_feeds_of_arabic_outlets():
    config = load_config(REPO / "sources.example.toml")
    names = {s.name for s in config.sources}
    assert {"Al Jazeera", "BBC Arabic", "Asharq Al-Awsat", "Enab Baladi", "SANA"} <= names
    assert all(s.url.startswith("https://") for s in config.sources)
    assert config.fetch.user_agent.startswith("Rasd/")
    assert config.fetch.allowed_networks == ()


def test_durations_read_as_seconds():
    assert parse_duration("15m", "x") == 900
    assert parse_duration("1h", "x") == 3600
    assert parse_duration(90, "x") == 90
    with pytest.raises(InputError):
        parse_duration("soon", "x")


def test_a_config_with_a_bad_source_names_it():
    with pytest.raises(InputError, match="source #1: 'ftp://x' is not an http"):
        config_from_dict({"sources": [{"url": "ftp://x"}]})
    with pytest.raises(InputError, match="not polite"):
        config_from_dict({"sources": [{"url": "https://x", "interval": "5s"}]})


def test_a_feed_is_ingested_once_and_then_polled_conditionally(site: LocalSite, tmp_path: Path):
    config = write_config(tmp_path / "sources.toml", site, ("Local feed", "/feed.xml"))
    watcher = watcher_for(config, f"sqlite:///{tmp_path / 'rasd.db'}")
    [first] = watcher.run_once()
    assert (first.items, first.added, first.failed) == (len(site.items), len(site.items), 0)
    assert watcher.store.count_articles() == len(site.items)
    assert site.article_hits() == len(site.items)
    assert watcher.run_once() == []  # not due again for ten minutes
    [again] = watcher.run_once(all_sources=True)
    assert again.status == "not_modified"
    assert site.headers["/feed.xml"]["If-None-Match"] == site.feed_etag
    assert site.article_hits() == len(site.items)


def test_a_changed_feed_fetches_only_its_new_items(site: LocalSite, tmp_path: Path):
    config = write_config(tmp_path / "sources.toml", site, ("Local feed", "/feed.xml"))
    watcher = watcher_for(config, f"sqlite:///{tmp_path / 'rasd.db'}")
    watcher.run_once()
    site.feed_etag = '"feed-v2"'
    [again] = watcher.run_once(all_sources=True)
    assert (again.skipped, again.added) == (len(site.items), 0)
    assert site.article_hits() == len(site.items)


def test_a_news_sitemap_source_is_followed(site: LocalSite, tmp_path: Path):
    config = write_config(tmp_path / "sources.toml", site, ("Local sitemap", "/sitemap-index.xml"))
    watcher = watcher_for(config, f"sqlite:///{tmp_path / 'rasd.db'}")
    [report] = watcher.run_once()
    assert report.added == len(site.items)


def test_a_failing_source_is_reported_and_due_again_later(site: LocalSite, tmp_path: Path):
    config = write_config(tmp_path / "sources.toml", site, ("Broken", "/always-500"), ("Gone", "/gone"))
    watcher = watcher_for(config, f"sqlite:///{tmp_path / 'rasd.db'}")
    reports = watcher.run_once()
    assert [r.status for r in reports] == ["failed", "failed"]
    assert "HTTP 500" in (reports[0].message or "")
    assert watcher.due_sources() == []


def test_kill_9_and_restart_loses_nothing_and_stores_nothing_twice(site: LocalSite, tmp_path: Path):
    config = write_config(tmp_path / "sources.toml", site, ("Local feed", "/feed.xml"))
    db = f"sqlite:///{tmp_path / 'rasd.db'}"
    command = [sys.executable, "-c", "from rasd.cli import main; main()", "watch", "--config", str(config)]
    command += ["--db", db, "--once"]
    site.page_delay = 0.4
    watcher = subprocess.Popen(command, cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 30
    while site.article_hits() < 3 and time.monotonic() < deadline and watcher.poll() is None:
        time.sleep(0.05)
    assert watcher.poll() is None, "the watcher finished before it could be killed"
    os.kill(watcher.pid, signal.SIGKILL)
    watcher.wait()
    interrupted = open_store(db)
    stored_before = interrupted.count_articles()
    interrupted.close()
    assert stored_before < len(site.items)

    site.page_delay = 0.0
    restarted = watcher_for(config, db)
    [report] = restarted.run_once()
    assert report.failed == 0
    store = restarted.store
    assert store.count_articles() == len(site.items)
    for slug in site.slugs:
        assert store.get_fetch_state(site.url(f"/articles/{slug}.html")).status == 200
    store.close()
    # At most the pages in flight at the kill (two workers, two ahead each) were fetched a second time.
    assert site.article_hits() <= len(site.items) + 4


def test_the_watcher_runs_until_stopped(site: LocalSite, tmp_path: Path):
    config = write_config(tmp_path / "sources.toml", site, ("Local feed", "/feed.xml"))
    watcher = watcher_for(config, f"sqlite:///{tmp_path / 'rasd.db'}")
    stop = threading.Event()
    running = threading.Thread(target=watcher.run, args=(stop,))
    running.start()
    deadline = time.monotonic() + 30
    while site.article_hits() < len(site.items) and time.monotonic() < deadline:
        time.sleep(0.05)
    stop.set()
    running.join(timeout=10)
    assert not running.is_alive()
    assert watcher.store.count_articles() == len(site.items)
    assert 1.0 <= watcher.seconds_until_next_due() <= 300.0


def test_a_page_source_is_stored_once_however_often_it_is_polled(site: LocalSite, tmp_path: Path):
    config = write_config(tmp_path / "sources.toml", site, ("A page", f"/articles/{site.slugs[0]}.html"))
    watcher = watcher_for(config, f"sqlite:///{tmp_path / 'rasd.db'}")
    [first] = watcher.run_once()
    [again] = watcher.run_once(all_sources=True)
    assert (first.added, again.added, again.duplicate) == (1, 0, 1)
    assert watcher.store.count_articles() == 1
