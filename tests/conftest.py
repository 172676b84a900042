"""Shared fixtures: every test gets its own data directory and real SQLite archive files."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from archive.db import Archive, open_archive
from tests.pgserver import PgServer, find_bin_dir

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "tests" / "data"
CORPUS = REPO / "corpus"
SEED = CORPUS / "pages" / "rfa-myanmar-defectors-2021.txt"
NTREX = DATA / "ntrex128"  # a copy of NTREX-128 (CC BY-SA 4.0), licence beside it
MYANMAR_TOOLS = DATA / "myanmar-tools"  # google/myanmar-tools test data (Apache-2.0)


@pytest.fixture(autouse=True)
def _isolated_dirs(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Never touch the user's data dir, ARCHIVE_DB or reviewer name: each test gets a fresh home."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))
    monkeypatch.delenv("ARCHIVE_DB", raising=False)
    monkeypatch.delenv("ARCHIVE_REVIEWER", raising=False)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """Where this test's archive file lives."""
    return tmp_path / "archive.db"


@pytest.fixture
def archive(db_path: Path) -> Iterator[Archive]:
    """A fresh, migrated archive in a temporary SQLite file."""
    opened = open_archive(db_path)
    yield opened
    opened.close()


def ntrex_lines(code: str) -> list[str]:
    """The lines of an NTREX-128 file (``eng`` for the English source)."""
    name = "src.eng.txt" if code == "eng" else f"ref.{code}.txt"
    return (NTREX / name).read_text(encoding="utf-8").split("\n")


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    """A real PostgreSQL server on 127.0.0.1 for this test session (skips, loudly, without one)."""
    bin_dir = find_bin_dir()
    if bin_dir is None:
        pytest.skip(
            "PostgreSQL binaries not found (install postgresql-15): PostgreSQL tests SKIPPED"
        )
    # Not under pytest's tmp dir: that is private to root, and the server runs as `postgres`.
    root = Path(tempfile.mkdtemp(prefix="archive-pg-"))
    server = PgServer(root, bin_dir)
    try:
        server.start()
        yield server
    finally:
        server.stop()
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture
def pg_archive(pg_server: PgServer) -> Iterator[Archive]:
    """A fresh, migrated archive in its own database on the test PostgreSQL server."""
    opened = open_archive(pg_server.create_database())
    yield opened
    opened.close()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def any_archive(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Archive]:
    """The same test on an SQLite file and on a PostgreSQL database."""
    if request.param == "sqlite":
        opened = open_archive(tmp_path / "archive.db")
    else:
        server: PgServer = request.getfixturevalue("pg_server")
        opened = open_archive(server.create_database())
    yield opened
    opened.close()
