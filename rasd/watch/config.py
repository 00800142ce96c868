"""The watcher's configuration: which sources to follow, how often, and how politely (a TOML file).

```toml
[watch]
interval = "15m"              # default poll interval of a source: seconds, or "90s", "15m", "1h"
db = "sqlite:///rasd.db"      # optional; --db and RASD_DB take precedence
workers = 2                   # pages fetched at once (each host's own cap still applies)

[fetch]
user_agent = "Rasd/0.1 (+mailto:you@example.org)"
min_interval = 1.0            # seconds between two requests to one host (or its robots.txt Crawl-delay)
max_per_host = 2
max_bytes = 10485760
timeout = 20
max_retries = 3
obey_robots = true
allow_networks = []           # private networks the watcher may reach, e.g. ["10.0.0.0/8"]

[[sources]]
name = "BBC Arabic"
url = "https://feeds.bbci.co.uk/arabic/rss.xml"
kind = "feed"                 # feed | sitemap | page; detected from the response when left out
interval = "10m"
```
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any, Literal

from rasd.errors import InputError
from rasd.ingest.fetch import FetchPolicy

SourceKind = Literal["feed", "sitemap", "page"]
DEFAULT_INTERVAL_S = 900.0
MIN_INTERVAL_S = 60.0
_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(s|m|h|d)?\s*$")
_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400, None: 1}
# [fetch] keys and the FetchPolicy fields they set.
_FETCH_KEYS = {
    "user_agent": "user_agent",
    "min_interval": "min_interval",
    "max_per_host": "max_per_host",
    "max_bytes": "max_bytes",
    "timeout": "read_timeout",
    "connect_timeout": "connect_timeout",
    "total_timeout": "total_timeout",
    "max_retries": "max_retries",
    "max_redirects": "max_redirects",
    "backoff_base": "backoff_base",
    "max_retry_after": "max_retry_after",
    "obey_robots": "obey_robots",
    "allow_networks": "allowed_networks",
}


@dataclass(frozen=True, slots=True)
class SourceConfig:
    """One followed source: a feed, a news sitemap, or a page polled for changes."""

    name: str
    url: str
    kind: SourceKind | None = None
    interval_s: float = DEFAULT_INTERVAL_S
    # Overrides the outlet name the pages give (``--source``); None lets each page name its outlet.
    source: str | None = None


@dataclass(frozen=True, slots=True)
class WatchConfig:
    sources: list[SourceConfig]
    fetch: FetchPolicy = field(default_factory=FetchPolicy)
    db: str | None = None
    workers: int = 2


def parse_duration(value: object, where: str) -> float:
    """Seconds of ``value``: a number, or a string such as ``"90s"``, ``"15m"``, ``"1h"``."""
    if isinstance(value, bool):
        raise InputError(f'{where}: expected a duration such as 900 or "15m", got {value!r}')
    if isinstance(value, int | float):
        return float(value)
    match = _DURATION.match(str(value))
    if not match:
        raise InputError(f'{where}: expected a duration such as 900 or "15m", got {value!r}')
    return float(match.group(1)) * _UNITS[match.group(2)]


def load_config(path: Path) -> WatchConfig:
    """Read a watch configuration; raises ``InputError`` naming the file and the key that is wrong."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from exc
    except tomllib.TOMLDecodeError as exc:
        raise InputError(f"{path}: not valid TOML ({exc})") from exc
    return config_from_dict(data, str(path))


def config_from_dict(data: dict[str, Any], origin: str = "config") -> WatchConfig:
    watch = _table(data, "watch", origin)
    default_interval = parse_duration(
        watch.get("interval", DEFAULT_INTERVAL_S), f"{origin}: [watch] interval"
    )
    raw_sources = data.get("sources", [])
    if not isinstance(raw_sources, list) or not raw_sources:
        raise InputError(f"{origin}: no [[sources]] to watch")
    sources = [_source(item, index, default_interval, origin) for index, item in enumerate(raw_sources, 1)]
    workers = watch.get("workers", 2)
    if not isinstance(workers, int) or workers < 1:
        raise InputError(f"{origin}: [watch] workers must be a positive integer")
    db = watch.get("db")
    return WatchConfig(
        sources, _policy(_table(data, "fetch", origin), origin), str(db) if db else None, workers
    )


def _table(data: dict[str, Any], name: str, origin: str) -> dict[str, Any]:
    table = data.get(name, {})
    if not isinstance(table, dict):
        raise InputError(f"{origin}: [{name}] must be a table")
    return table


def _source(item: object, index: int, default_interval: float, origin: str) -> SourceConfig:
    where = f"{origin}: source #{index}"
    if not isinstance(item, dict) or not isinstance(item.get("url"), str):
        raise InputError(f"{where}: needs a url")
    url = item["url"].strip()
    if not url.startswith(("http://", "https://")):
        raise InputError(f"{where}: {url!r} is not an http(s) URL")
    kind = item.get("kind")
    if kind not in (None, "feed", "sitemap", "page"):
        raise InputError(f"{where}: kind must be feed, sitemap or page, not {kind!r}")
    interval = parse_duration(item.get("interval", default_interval), f"{where} interval")
    if interval < MIN_INTERVAL_S:
        raise InputError(f"{where}: an interval under {MIN_INTERVAL_S:.0f} s is not polite")
    return SourceConfig(str(item.get("name") or url), url, kind, interval, item.get("source"))


def _policy(table: dict[str, Any], origin: str) -> FetchPolicy:
    unknown = sorted(set(table) - set(_FETCH_KEYS))
    if unknown:
        raise InputError(f"{origin}: unknown [fetch] key {unknown[0]!r}")
    settings: dict[str, Any] = {_FETCH_KEYS[key]: value for key, value in table.items()}
    if "allowed_networks" in settings:
        settings["allowed_networks"] = tuple(str(n) for n in settings["allowed_networks"])
    names = {f.name for f in fields(FetchPolicy)}
    try:
        return FetchPolicy(**{k: v for k, v in settings.items() if k in names})
    except (TypeError, ValueError) as exc:
        raise InputError(f"{origin}: [fetch] {exc}") from exc
