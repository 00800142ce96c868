"""Shared fixtures: the ``../shared`` folder (fails under CI when missing, skips elsewhere)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from rasd.corpora import shared_dir as find_shared
from tests.pg_server import PostgresServer, find_pg_bin

REPO = Path(__file__).resolve().parent.parent
SAMPLES = REPO / "rasd" / "data" / "samples"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """``../shared``: under CI a missing folder fails the test; elsewhere it skips with the reason."""
    path = find_shared()
    if path is None:
        message = "../shared (DESIGN.md, seeds, data/news) is not beside this checkout"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    return path


@pytest.fixture(scope="session")
def news_dir(shared_dir: Path) -> Path:
    return shared_dir / "data" / "news"


@pytest.fixture(scope="session")
def seed_dump() -> Path:
    """The Asharq Al-Awsat page dump (four articles and five teasers), bundled in the package."""
    return SAMPLES / "asharq_al_awsat_000_c184b1b35365f1a9.txt"


@pytest.fixture(scope="session")
def seed_enab() -> Path:
    """The Enab Baladi article with a dated header, bundled in the package."""
    return SAMPLES / "enab_baladi_004_2939478e1431b39a.txt"


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    """A real PostgreSQL server for the session: fails under CI when its binaries are missing, else skips."""
    bin_dir = find_pg_bin()
    if bin_dir is None:
        message = "PostgreSQL is not installed (apt-get install postgresql)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    server = PostgresServer(bin_dir)
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="session")
def postgres_url(postgres_server: PostgresServer) -> str:
    """``postgresql://postgres@127.0.0.1:PORT/rasd_test`` on the session's server."""
    return postgres_server.create_database("rasd_test")
