"""Shared fixtures: every test gets its own data directory and real SQLite archive files."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from archive.db import Archive, open_archive

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
CORPUS = REPO / "corpus"
SEED = CORPUS / "pages" / "rfa-myanmar-defectors-2021.txt"
NTREX = SHARED / "data" / "ntrex128"


@pytest.fixture(autouse=True)
def _isolated_dirs(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Never touch the user's data dir or their ARCHIVE_DB: each test gets a fresh home."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))
    monkeypatch.delenv("ARCHIVE_DB", raising=False)


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
