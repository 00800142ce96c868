"""The watcher (``rasd watch``): follows feeds and news sitemaps, fetches new pages politely, ingests them."""

from __future__ import annotations

from rasd.watch.config import SourceConfig, WatchConfig, load_config
from rasd.watch.scheduler import PollReport, Watcher

__all__ = ["PollReport", "SourceConfig", "WatchConfig", "Watcher", "load_config"]
