"""Faults during an import, on real SQLite files: ``kill -9`` midway, a full disk or database.

Whatever happens, the archive must pass ``PRAGMA integrity_check``, hold only whole articles
(every article with all its versions, every version with its segments, the credits and the
alignment), and a re-run of the same import must finish the job with no duplicates.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, event

from archive.db import open_archive
from archive.ingest.pipeline import Importer
from benchmarks.generate_archive import write_collection
from tests.conftest import NTREX, REPO

ARTICLES_PER_FILE = 20


def generate(folder: Path, n: int, *, start: int = 0) -> Path:
    """N two-version articles (the benchmark generator, seed 9) as JSONL files in ``folder``."""
    write_collection(n, folder, seed=9, per_file=ARTICLES_PER_FILE, start=start, ntrex=NTREX)
    return folder


def scalar(db: Path, sql: str) -> Any:
    """One value from a fresh read-only connection (as another process would see it)."""
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=30)
    try:
        return conn.execute(sql).fetchone()[0]
    finally:
        conn.close()


def wholeness(db: Path, *, aligned: bool = True) -> dict[str, Any]:
    """What must hold of every article, read in ONE read transaction (a consistent snapshot).

    Returns counts; every ``broken_*`` count must be 0.
    """
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=30)
    try:
        conn.execute("BEGIN")
        one = lambda sql: conn.execute(sql).fetchone()[0]  # noqa: E731
        out = {
            "articles": one("SELECT count(*) FROM article"),
            "distinct_identities": one("SELECT count(DISTINCT identity) FROM article"),
            "people": one("SELECT count(*) FROM person"),
            "distinct_people": one("SELECT count(DISTINCT key) FROM person"),
            "services": one("SELECT count(*) FROM service"),
            "distinct_services": one("SELECT count(DISTINCT key) FROM service"),
            "broken_versions": one(
                "SELECT count(*) FROM article a WHERE "
                "(SELECT count(*) FROM version v WHERE v.article_id = a.id) != 2"
            ),
            "broken_segments": one(
                "SELECT count(*) FROM version v WHERE NOT EXISTS "
                "(SELECT 1 FROM segment s WHERE s.version_id = v.id)"
            ),
            "broken_credits": one(
                "SELECT count(*) FROM article a WHERE NOT EXISTS "
                "(SELECT 1 FROM credit c WHERE c.article_id = a.id)"
            ),
            "broken_records": one(
                "SELECT count(*) FROM article a WHERE NOT EXISTS (SELECT 1 FROM importrecord r "
                "WHERE r.article_id = a.id AND r.outcome = 'imported')"
            ),
            "broken_alignments": one(
                "SELECT count(*) FROM article a WHERE "
                "(SELECT count(*) FROM alignment l WHERE l.article_id = a.id) != 1"
            )
            if aligned
            else 0,
            "broken_links": one(
                "SELECT count(*) FROM alignment l WHERE NOT EXISTS "
                "(SELECT 1 FROM alignmentlink k WHERE k.alignment_id = l.id)"
            ),
        }
        conn.execute("COMMIT")
        return out
    finally:
        conn.close()


def assert_whole(db: Path, *, articles: int | None = None, aligned: bool = True) -> None:
    """Integrity, foreign keys, and whole articles (and exactly ``articles`` of them)."""
    conn = sqlite3.connect(db)
    try:
        assert [("ok",)] == conn.execute("PRAGMA integrity_check").fetchall()
        assert [] == conn.execute("PRAGMA foreign_key_check").fetchall()
    finally:
        conn.close()
    found = wholeness(db, aligned=aligned)
    broken = {k: v for k, v in found.items() if k.startswith("broken_") and v}
    assert {} == broken
    assert found["articles"] == found["distinct_identities"]
    assert found["people"] == found["distinct_people"]
    assert found["services"] == found["distinct_services"]
    if articles is not None:
        assert articles == found["articles"]


def archive_cli(*args: str | Path) -> list[str]:
    """The command line of ``archive ARGS`` run as a script would."""
    return [sys.executable, "-m", "archive.cli", *map(str, args)]


def wait_for(condition: Any, *, timeout: float, what: str) -> None:
    """Poll ``condition()`` every 20 ms until true, or fail naming ``what``."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(f"timed out waiting for {what}")
        time.sleep(0.02)


def article_count(db: Path) -> int:
    """Articles committed so far (0 while the schema does not exist yet)."""
    if not db.exists():
        return 0
    try:
        return int(scalar(db, "SELECT count(*) FROM article"))
    except sqlite3.OperationalError:
        return 0


def children_of(pid: int) -> list[int]:
    """Direct children of a process (Linux /proc)."""
    out: list[int] = []
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children") as handle:
                out.extend(int(c) for c in handle.read().split())
    except OSError:
        pass
    return out


def alive(pid: int) -> bool:
    """Whether a process exists and is not a zombie."""
    try:
        with open(f"/proc/{pid}/stat") as handle:
            return handle.read().split(") ", 1)[1][0] != "Z"
    except OSError:
        return False


# --------------------------------------------------------------------------- kill -9


@pytest.mark.parametrize("jobs", [1, 2])
def test_kill_9_midway_leaves_whole_articles_and_a_rerun_completes(
    tmp_path: Path, jobs: int
) -> None:
    total = 100
    folder = generate(tmp_path / "in", total)
    db = tmp_path / "archive.db"
    env = dict(os.environ)
    process = subprocess.Popen(
        archive_cli("import", folder, "--db", db, "--jobs", jobs),
        cwd=REPO,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        # Past WARM_UP (24): with --jobs 2 the workers are running by then.
        wait_for(lambda: article_count(db) >= 40, timeout=120, what="40 articles stored")
        workers = children_of(process.pid)
        assert (jobs > 1) == bool(workers)
        os.kill(process.pid, signal.SIGKILL)
        process.wait(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    assert -signal.SIGKILL == process.returncode
    # Workers notice their parent is gone and leave: no orphan keeps the machine busy.
    wait_for(lambda: not any(alive(w) for w in workers), timeout=30, what="workers to exit")

    stored = article_count(db)
    assert 40 <= stored < total, "the kill must land midway"
    assert_whole(db, articles=stored)

    rerun = subprocess.run(
        archive_cli("import", folder, "--db", db, "--json"),
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert 0 == rerun.returncode, rerun.stderr
    import json

    result = json.loads(rerun.stdout)
    assert (total - stored, stored, 0) == (
        result["imported"],
        result["duplicate"],
        result["failed"],
    )
    assert_whole(db, articles=total)


# --------------------------------------------------------------------------- a full database


@pytest.fixture
def page_limit() -> Iterator[dict[str, int]]:
    """Set ``limit["pages"]`` to cap every new SQLite connection at that many pages
    (``PRAGMA max_page_count``), as a full disk would; 0 means no cap."""
    limit = {"pages": 0}

    def cap(dbapi_connection: Any, _record: Any) -> None:
        if limit["pages"]:
            dbapi_connection.execute(f"PRAGMA max_page_count={limit['pages']}")

    event.listen(Engine, "connect", cap)
    try:
        yield limit
    finally:
        event.remove(Engine, "connect", cap)


def test_full_database_stops_the_batch_cleanly(tmp_path: Path, page_limit: dict[str, int]) -> None:
    folder = generate(tmp_path / "in", 60)
    files = sorted(folder.iterdir())
    db = tmp_path / "archive.db"
    archive = open_archive(db)
    first = Importer(archive, align=True).import_paths(files[:1])
    assert ARTICLES_PER_FILE == first.count("imported")
    pages = int(scalar(db, "PRAGMA page_count"))
    archive.close()

    # Room for a few more articles, not for the rest.
    page_limit["pages"] = pages + 60
    archive = open_archive(db)
    summary = Importer(archive, align=True).import_paths(files[1:])
    archive.close()

    failed = summary.failed
    assert 1 == len(failed), "the batch stops at the first article that does not fit"
    (failure,) = failed
    assert "database error: database or disk is full; import stopped" in (failure.detail or "")
    assert "\n" not in (failure.detail or "")
    assert "database or disk is full" == summary.stopped
    stored_now = summary.count("imported")
    assert 0 < stored_now < 40
    assert ["imported"] * stored_now + ["failed"] == [o.outcome for o in summary.outcomes]
    assert_whole(db, articles=ARTICLES_PER_FILE + stored_now)

    # Space again: the same import finishes the job, exactly.
    page_limit["pages"] = 0
    archive = open_archive(db)
    again = Importer(archive, align=True).import_paths(files)
    archive.close()
    assert (60 - ARTICLES_PER_FILE - stored_now, ARTICLES_PER_FILE + stored_now, 0) == (
        again.count("imported"),
        again.count("duplicate"),
        again.count("failed"),
    )
    assert_whole(db, articles=60)


def test_full_database_through_the_cli_is_one_line_and_exit_1(
    tmp_path: Path, page_limit: dict[str, int]
) -> None:
    from typer.testing import CliRunner

    from archive.cli import app

    folder = generate(tmp_path / "in", 40)
    db = tmp_path / "archive.db"
    runner = CliRunner()
    seeded = runner.invoke(app, ["import", str(sorted(folder.iterdir())[0]), "--db", str(db)])
    assert 0 == seeded.exit_code, seeded.output
    page_limit["pages"] = int(scalar(db, "PRAGMA page_count")) + 40

    result = runner.invoke(app, ["import", str(folder), "--db", str(db), "--jobs", "1"])

    assert 1 == result.exit_code
    errors = [line for line in result.stderr.splitlines() if line.strip()]
    assert 2 == len(errors), errors
    assert errors[0].startswith(f"archive: {folder}")
    assert errors[0].endswith(
        "database error: database or disk is full; import stopped (earlier articles are stored)"
    )
    assert "archive: import stopped: database or disk is full" == errors[1]
    assert "Traceback" not in result.output
    assert_whole(db)
