"""Opening an archive: read commands never create or write, and first use is safe in parallel.

A read command pointed at a path with no archive says so and leaves no file or folder behind;
another program's file, or an archive of a newer schema, gets its own one-line error and is
left untouched. Two processes opening a new database at the same moment both succeed: one
makes the schema, the other finds it made (SQLite: a lock on the file; PostgreSQL: an advisory
lock).
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import multiprocessing.synchronize
import shutil
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest
from sqlalchemy import text

from archive.db import current_revision, open_archive, schema_head
from archive.errors import ArchiveMissing, NotAnArchive, SchemaMismatch
from archive.ingest.pipeline import import_paths
from tests.conftest import REPO, SEED
from tests.functional.test_cli import run_cli
from tests.pgserver import PgServer

READ_COMMANDS = [
    ("list",),
    ("show", "1"),
    ("people",),
    ("services",),
    ("search", "police"),
    ("export", "--format", "jsonl"),
    ("db", "info"),
    ("compare", "1"),
    ("browse",),
]


def tree(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` with the sha256 of its bytes."""
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.mark.parametrize("command", READ_COMMANDS, ids=" ".join)
def test_a_read_command_on_a_missing_archive_creates_nothing(
    tmp_path: Path, command: tuple[str, ...]
) -> None:
    result = run_cli(*command, "--db", tmp_path / "typo" / "typo.db")
    assert 1 == result.returncode
    assert "" == result.stdout
    expected = (
        f"archive: no archive at {tmp_path / 'typo' / 'typo.db'} (archive import creates one)"
    )
    assert [expected] == result.stderr.splitlines()
    assert [] == list(tmp_path.iterdir())


def test_a_relative_path_is_named_as_the_user_typed_it(tmp_path: Path) -> None:
    result = run_cli("list", "--db", "typo.db")  # cwd is the repository
    assert ["archive: no archive at typo.db (archive import creates one)"] == (
        result.stderr.splitlines()
    )
    assert not (REPO / "typo.db").exists()


def test_the_default_archive_is_not_created_by_a_read(tmp_path: Path) -> None:
    home = tmp_path / "xdg"
    result = run_cli("list", env={"XDG_DATA_HOME": str(home)})
    default = home / "translation-archive" / "archive.db"
    assert [f"archive: no archive at {default} (archive import creates one)"] == (
        result.stderr.splitlines()
    )
    assert 1 == result.returncode
    assert not home.exists()


def test_another_programs_file_is_refused_and_left_as_it_was(tmp_path: Path) -> None:
    text_file = tmp_path / "notes.db"
    text_file.write_text("my notes\n", encoding="utf-8")
    other = tmp_path / "other.db"
    with closing(sqlite3.connect(other)) as conn:
        conn.execute("CREATE TABLE recipes (name TEXT)")
        conn.commit()
    before = tree(tmp_path)
    for path, reason in ((text_file, "not an SQLite database"), (other, "a database of another")):
        for command in (("list",), ("import", SEED)):
            result = run_cli(*command, "--db", path)
            assert 1 == result.returncode, result.stderr
            [line] = result.stderr.splitlines()
            assert line.startswith(f"archive: {path}: not an archive ({reason}")
    assert before == tree(tmp_path)


def test_an_archive_of_a_newer_schema_is_refused_untouched(tmp_path: Path) -> None:
    db = tmp_path / "archive.db"
    archive = open_archive(db)
    import_paths(archive, [SEED])
    archive.close()
    with closing(sqlite3.connect(db)) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
        conn.commit()
    before = tree(tmp_path)
    for command in (("list",), ("import", SEED), ("align", "--all"), ("db", "upgrade")):
        result = run_cli(*command, "--db", db)
        assert 1 == result.returncode
        assert [
            f"archive: {db}: archive schema 9999 is newer than this version of the archive knows "
            f"(newest: {schema_head()}); upgrade translation-archive to open it"
        ] == result.stderr.splitlines()
    assert before == tree(tmp_path)
    with pytest.raises(SchemaMismatch):
        open_archive(db, mode="read")


def test_an_older_archive_is_read_only_after_an_upgrade(tmp_path: Path) -> None:
    db = tmp_path / "old.db"
    shutil.copy(REPO / "tests" / "data" / "archive-schema-0001.db", db)
    before = tree(tmp_path)
    result = run_cli("list", "--db", db)
    assert 1 == result.returncode
    assert "run `archive db upgrade` (or any import) to upgrade it" in result.stderr
    assert before == tree(tmp_path)  # the read did not upgrade it behind the user's back
    upgraded = run_cli("db", "upgrade", "--db", db)
    assert 0 == upgraded.returncode, upgraded.stderr
    assert 0 == run_cli("list", "--db", db).returncode


def test_a_read_writes_nothing_to_an_existing_archive(tmp_path: Path) -> None:
    db = tmp_path / "archive.db"
    archive = open_archive(db)
    import_paths(archive, [SEED])
    archive.close()
    before = tree(tmp_path)
    for command in READ_COMMANDS:
        if command == ("browse",):
            continue  # the terminal UI: tested with Pilot; here it would wait for keys
        result = run_cli(*command, "--db", db)
        assert "internal error" not in result.stderr
    assert before == tree(tmp_path)


def test_library_read_mode_raises_narrow_errors(tmp_path: Path) -> None:
    with pytest.raises(ArchiveMissing):
        open_archive(tmp_path / "missing.db", mode="read")
    with pytest.raises(ArchiveMissing):
        open_archive(tmp_path / "missing.db", mode="write")
    (tmp_path / "x.db").write_bytes(b"\x00" * 200)
    with pytest.raises(NotAnArchive):
        open_archive(tmp_path / "x.db", mode="create")
    assert ["x.db"] == [p.name for p in tmp_path.iterdir()]


def _open_at_the_same_moment(
    url: str, barrier: multiprocessing.synchronize.Barrier, results: multiprocessing.Queue[str]
) -> None:
    barrier.wait()
    try:
        archive = open_archive(url)
        try:
            with archive.engine.connect() as conn:
                results.put(str(conn.execute(text("SELECT count(*) FROM article")).scalar_one()))
        finally:
            archive.close()
    except Exception as exc:  # reported to the test, which names it
        results.put(f"{type(exc).__name__}: {exc}")


def _race(url: str, processes: int = 4) -> list[str]:
    """Open ``url`` (a new database) from several processes released together."""
    ctx = multiprocessing.get_context("spawn")
    barrier = ctx.Barrier(processes)
    results: multiprocessing.Queue[str] = ctx.Queue()
    workers = [
        ctx.Process(target=_open_at_the_same_moment, args=(url, barrier, results))
        for _ in range(processes)
    ]
    for worker in workers:
        worker.start()
    outcomes = [results.get(timeout=300) for _ in workers]
    for worker in workers:
        worker.join(timeout=60)
    return outcomes


def test_parallel_first_use_of_a_new_sqlite_file(tmp_path: Path) -> None:
    for attempt in range(3):
        db = tmp_path / f"new-{attempt}.db"
        assert ["0", "0", "0", "0"] == _race(str(db))
        archive = open_archive(db, mode="read")
        assert schema_head() == current_revision(archive.engine)
        archive.close()


@pytest.mark.postgres
def test_parallel_first_use_of_a_new_postgres_database(pg_server: PgServer) -> None:
    for _ in range(3):
        url = pg_server.create_database()
        assert ["0", "0", "0", "0"] == _race(url)
        archive = open_archive(url, mode="read")
        assert schema_head() == current_revision(archive.engine)
        archive.close()


@pytest.mark.postgres
def test_two_importers_on_a_new_postgres_database(pg_server: PgServer, tmp_path: Path) -> None:
    url = pg_server.create_database()
    pages = []
    for i in range(2):
        page = tmp_path / f"page-{i}.txt"
        page.write_text(
            SEED.read_text(encoding="utf-8").replace("Hundreds", f"Hundreds ({i})"),
            encoding="utf-8",
        )
        pages.append(page)
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "archive.cli", "import", str(p), "--db", url],
            cwd=REPO,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for p in pages
    ]
    outcomes = [(p.wait(timeout=300), p.stderr.read() if p.stderr else "") for p in procs]
    assert [(0, ""), (0, "")] == outcomes
    result = run_cli("list", "--db", url, "--json")
    assert 2 == len(json.loads(result.stdout))


@pytest.mark.postgres
def test_a_read_on_an_empty_postgres_database_creates_nothing(pg_server: PgServer) -> None:
    url = pg_server.create_database()
    result = run_cli("list", "--db", url)
    assert 1 == result.returncode
    assert "(archive import creates one)" in result.stderr
    archive = open_archive(url, upgrade=False)
    try:
        assert current_revision(archive.engine) is None
    finally:
        archive.close()
