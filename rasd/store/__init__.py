"""Store: where articles and events live. ``open_store`` picks the backend from a database URL."""

from __future__ import annotations

import os
from pathlib import Path

from rasd.errors import StoreError
from rasd.store.base import ArticleQuery, EventQuery, FetchState, Store, StoredDocument
from rasd.store.sql import SqlStore

__all__ = ["ArticleQuery", "EventQuery", "FetchState", "Store", "StoredDocument", "default_url", "open_store"]


def default_url() -> str:
    """``RASD_DB`` if set, else a SQLite file in the user's data directory."""
    env = os.environ.get("RASD_DB")
    if env:
        return env
    from platformdirs import user_data_dir

    return f"sqlite:///{Path(user_data_dir('rasd')) / 'rasd.db'}"


def open_store(url: str | None = None) -> SqlStore:
    """Open (creating and migrating as needed) the store at ``url`` (``sqlite:///…`` or ``postgresql://…``)."""
    url = url or default_url()
    if url.startswith("sqlite:///"):
        path = Path(url.removeprefix("sqlite:///"))
        if str(path) not in ("", ":memory:"):
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise StoreError(f"cannot create the folder for {url}: {exc.strerror}") from exc
    elif url.startswith(("postgresql://", "postgres://")):
        url = "postgresql+psycopg://" + url.split("://", 1)[1]
    elif not url.startswith("postgresql+"):
        raise StoreError(f"unsupported database URL {url!r}: use sqlite:///PATH or postgresql://…")
    return SqlStore(url)
