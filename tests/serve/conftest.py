"""Fixtures of the API and web tests: an app over a filled SQLite store, and a served seed database."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from rasd.serve.app import create_app
from tests.sample_events import fill

TOKEN = "test-token-7f3a"


@pytest.fixture
def no_config(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No token in the environment or a config file: the API is read-only."""
    monkeypatch.delenv("RASD_API_TOKEN", raising=False)
    monkeypatch.setenv("RASD_CONFIG", str(tmp_path / "absent.toml"))


@pytest.fixture
def client(tmp_path: Path, no_config: None) -> Iterator[TestClient]:
    """The app over a SQLite store holding the sample articles, events and story (read-only)."""
    app = create_app(f"sqlite:///{tmp_path / 'api.db'}")
    fill(app.state.store)
    with TestClient(app) as test_client:
        yield test_client


@pytest.fixture
def writable(tmp_path: Path, no_config: None) -> Iterator[TestClient]:
    """The app over an empty store, accepting ingest with ``TOKEN``."""
    app = create_app(f"sqlite:///{tmp_path / 'write.db'}", token=TOKEN)
    with TestClient(app) as test_client:
        yield test_client
