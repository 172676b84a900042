"""``archive search`` through the real entry point: the JSON contract, the table, errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from archive.db import open_archive
from tests.functional.test_cli import run_cli
from tests.unit.export.sample import build_sample


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("search") / "archive.db"
    archive = open_archive(path)
    try:
        build_sample(archive, align=False)
    finally:
        archive.close()
    return path


def test_json_is_the_contract_shape(db: Path) -> None:
    result = run_cli("search", "议员", "--db", db, "--json")
    assert 0 == result.returncode, result.stderr
    hits = json.loads(result.stdout)
    assert 1 == len(hits)
    assert ["article_id", "version_id", "language", "snippet", "score"] == list(hits[0])
    assert "zh-Hans" == hits[0]["language"] and "«议员»" in hits[0]["snippet"]
    assert "" == result.stderr


def test_filters_and_options(db: Path) -> None:
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


def test_readable_table(db: Path) -> None:
    result = run_cli("search", "ridicule", "--db", db)
    assert 0 == result.returncode, result.stderr
    assert "«ridicule»" in result.stdout and "Welsh AMs" in result.stdout
    assert "No matches.\n" == run_cli("search", "zebra", "--db", db).stdout


@pytest.mark.parametrize("query", ['"unbalanced', "OR", "*", "NEAR(", "x" * 5000, "year:abc"])
def test_bad_queries_are_one_line_errors(db: Path, query: str) -> None:
    result = run_cli("search", query, "--db", db)
    if result.returncode == 0:
        return  # a sensible answer is fine too
    assert 1 == result.returncode
    assert 1 == len(result.stderr.strip().splitlines()), result.stderr
    assert result.stderr.startswith("archive: search query")
    assert "Traceback" not in result.stderr


def test_raw_fts_errors_are_one_line(db: Path) -> None:
    result = run_cli("search", 'NEAR("x', "--raw", "--db", db)
    assert 1 == result.returncode
    assert 1 == len(result.stderr.strip().splitlines())
