"""``archive search`` through the real entry point: the JSON contract, the table, errors.

Each test runs on an SQLite file and on a PostgreSQL database (one sample archive of each).
"""

from __future__ import annotations

import json

import pytest

from archive.db import open_archive
from tests.functional.test_cli import run_cli
from tests.unit.export.sample import build_sample


@pytest.fixture(
    scope="module", params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]
)
def db(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> str:
    """The ``--db`` of a sample archive: an SQLite file, or a PostgreSQL URL."""
    if request.param == "sqlite":
        where = str(tmp_path_factory.mktemp("search") / "archive.db")
    else:
        where = request.getfixturevalue("pg_server").create_database()
    archive = open_archive(where)
    try:
        build_sample(archive, align=False)
    finally:
        archive.close()
    return where


def test_json_is_the_contract_shape(db: str) -> None:
    result = run_cli("search", "议员", "--db", db, "--json")
    assert 0 == result.returncode, result.stderr
    hits = json.loads(result.stdout)
    assert 1 == len(hits)
    assert ["article_id", "version_id", "language", "snippet", "score"] == list(hits[0])
    assert "zh-Hans" == hits[0]["language"] and "«议员»" in hits[0]["snippet"]
    assert "" == result.stderr


def test_filters_and_options(db: str) -> None:
    result = run_cli(
        "search",
        'AMs translator:"Khin Maung Nyane" year:2021',
        "--kind",
        "published",
        "--db",
        db,
        "--json",
    )
    assert 0 == result.returncode, result.stderr
    assert {"en"} == {h["language"] for h in json.loads(result.stdout)}
    limited = run_cli("search", "AMs", "--limit", "1", "--db", db, "--json")
    assert 1 == len(json.loads(limited.stdout))


def test_readable_table(db: str) -> None:
    result = run_cli("search", "ridicule", "--db", db)
    assert 0 == result.returncode, result.stderr
    assert "«ridicule»" in result.stdout and "Welsh AMs" in result.stdout
    assert "No matches.\n" == run_cli("search", "zebra", "--db", db).stdout


@pytest.mark.parametrize("query", ['"unbalanced', "OR", "*", "NEAR(", "x" * 5000, "year:abc"])
def test_bad_queries_are_one_line_errors(db: str, query: str) -> None:
    result = run_cli("search", query, "--db", db)
    if result.returncode == 0:
        return  # a sensible answer is fine too
    assert 1 == result.returncode
    assert 1 == len(result.stderr.strip().splitlines()), result.stderr
    assert result.stderr.startswith("archive: search query")
    assert "Traceback" not in result.stderr


def test_raw_syntax_errors_are_one_line(db: str) -> None:
    bad = 'NEAR("x' if db.endswith(".db") else "(x &"
    result = run_cli("search", bad, "--raw", "--db", db)
    assert 1 == result.returncode
    assert 1 == len(result.stderr.strip().splitlines())
