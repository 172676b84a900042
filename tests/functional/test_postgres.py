"""A team archive on a real PostgreSQL server: two importers at once, the same archive as SQLite,
search with the same hits, records PostgreSQL cannot hold, and moving an archive there."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text
from sqlmodel import Session, SQLModel, col, select

from archive.db import Archive, open_archive, schema_head
from archive.dbcopy import archive_info, copy_archive
from archive.errors import TargetNotEmpty
from archive.ingest.pipeline import import_paths
from archive.ingest.store import ensure_person, ensure_service
from archive.models import AlignmentLink, Article, Person, Service
from archive.search import search
from tests.conftest import REPO, ntrex_lines
from tests.pgserver import PgServer

pytestmark = pytest.mark.postgres

TRANSLATORS = ["Khin Maung Nyane", "Min Thein Aung", "Soe Thinn"]
WRITERS = ["Eugene Whong", "Joshua Lipes"]
SERVICES = ["RFA’s Myanmar Service", "RFA’s Korean Service", "RFA’s Khmer Service"]
ORIGINALS = [("mya", "my"), ("zho-CN", "zh-Hans"), ("kor", "ko"), ("khm", "km")]


def _page(i: int, eng: list[str]) -> str:
    """A saved news page like the seed: date, title, paragraphs, the credit line."""
    body = "\n\n".join(eng[4 * i + 1 : 4 * i + 5])
    return (
        f"Friday, April {1 + i % 28}, 2024\n\nStory number {i}: {eng[4 * i][:60]}\n\n{body}\n\n"
        f" Reported by {SERVICES[i % 3]}. Translated by {TRANSLATORS[i % 3]}. "
        f"Written in English by {WRITERS[i % 2]}.\n"
    )


def _record(i: int, eng: list[str]) -> str:
    """A JSONL record with an original in a spaceless script and its English."""
    code, language = ORIGINALS[i % len(ORIGINALS)]
    original = ntrex_lines(code)
    lines = slice(4 * i + 1, 4 * i + 4)
    record = {
        "title": f"Record {i}",
        "date": f"2021-09-{1 + i % 28:02d}",
        "url": f"https://example.org/records/{i}",
        "service": SERVICES[i % 3],
        "credits": [
            {"role": "translator", "name": TRANSLATORS[i % 3]},
            {"role": "writer", "name": WRITERS[i % 2]},
        ],
        "versions": [
            {"kind": "original", "language": language, "text": "\n\n".join(original[lines])},
            {
                "kind": "published",
                "language": "en",
                "text": "\n\n".join(eng[lines]),
                "derived_from": 0,
            },
        ],
    }
    return json.dumps(record, ensure_ascii=False) + "\n"


def write_collection(folder: Path, indexes: range) -> Path:
    """Pages (``.txt``) and records (``.jsonl``, two per file), the same bytes for an index."""
    folder.mkdir(parents=True, exist_ok=True)
    eng = ntrex_lines("eng")
    for i in indexes:
        (folder / f"page-{i:03d}.txt").write_text(_page(i, eng), encoding="utf-8")
    for first in range(indexes.start - indexes.start % 2, indexes.stop, 2):
        chunk = [_record(i, eng) for i in (first, first + 1) if i in indexes]
        if len(chunk) == 2 or first + 1 not in indexes:
            (folder / f"records-{first:03d}.jsonl").write_text("".join(chunk), encoding="utf-8")
    return folder


def run_cli(
    *args: str | Path, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "archive.cli", *map(str, args)],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=300,
        env=env,
    )


def snapshot(archive: Archive) -> dict[str, Any]:
    """What must be equal on two engines, independent of ids and insertion order."""
    with archive.session() as session:
        conn = session.connection()
        articles = conn.execute(
            text(
                "SELECT a.identity, a.title, a.date, s.key, a.url FROM article a "
                "LEFT JOIN service s ON s.id = a.service_id"
            )
        ).all()
        versions = conn.execute(
            text(
                "SELECT a.identity, v.kind, v.language, v.sha256, v.script, "
                "d.sha256 AS derived FROM version v JOIN article a ON a.id = v.article_id "
                "LEFT JOIN version d ON d.id = v.derived_from_id"
            )
        ).all()
        credits = conn.execute(
            text(
                "SELECT a.identity, c.role, p.key, s.key, c.position, v.sha256 FROM credit c "
                "JOIN article a ON a.id = c.article_id LEFT JOIN person p ON p.id = c.person_id "
                "LEFT JOIN service s ON s.id = c.service_id "
                "LEFT JOIN version v ON v.id = c.version_id"
            )
        ).all()
        people = conn.execute(text("SELECT key, name FROM person")).all()
        services = conn.execute(text("SELECT key, name FROM service")).all()
        segments = conn.execute(text("SELECT count(*) FROM segment")).scalar_one()
    return {
        "articles": _rows(articles),
        "versions": _rows(versions),
        "credits": _rows(credits),
        "people": _rows(people),
        "services": _rows(services),
        "segments": segments,
    }


def _rows(rows: Any) -> list[tuple[Any, ...]]:
    """Rows as sorted tuples, dates as text (raw SQL gives SQLite's text, PostgreSQL's date)."""
    out = [tuple(str(v) if isinstance(v, dt.date) else v for v in row) for row in rows]
    return sorted(out, key=repr)


QUERIES = [
    "people",
    "shark*",
    '"the country"',
    "beauty OR churches",
    "people -welsh",
    'translator:"Khin Maung Nyane" year:2024 people',
    "lang:en kind:published people",
    "威",  # one character: bigram
    "威尔",  # two characters: bigram
    "의회",
    "의원회",  # three characters: trigram
    "ប្រសាសន៍",  # Khmer: trigram
    "နိုင်ငံ",  # Burmese, published in Zawgyi, found in Unicode: trigram
]


def hit_set(archive: Archive, query: str) -> set[tuple[str, str, int]]:
    """Hits as (article identity, version sha256, sentence): comparable across engines."""
    with archive.session() as session:
        hits = search(session=session, query=query, limit=1000)
        identity = dict(session.exec(select(Article.id, Article.identity)).all())
        sha = dict(
            session.connection().execute(text("SELECT id, sha256 FROM version")).all()  # type: ignore[arg-type]
        )
    return {(identity[h.article_id], sha[h.version_id], h.segment_seq) for h in hits}


# --------------------------------------------------------------------------- concurrency


def test_two_importers_at_once_make_the_archive_sqlite_makes(
    pg_server: PgServer, tmp_path: Path
) -> None:
    """Two processes import overlapping pages into one PostgreSQL database at the same time;
    every article, credit and version hash equals the embedded SQLite archive's, and search
    gives the same hits."""
    a = write_collection(tmp_path / "a", range(24))
    b = write_collection(tmp_path / "b", range(12, 36))  # 12-23: the same bytes on both sides
    url = pg_server.create_database()
    open_archive(url).close()  # the schema first, so the race is over rows, not migrations
    procs = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "archive.cli",
                "import",
                folder,
                "--db",
                url,
                "--json",
                "-j",
                "1",
            ],
            cwd=REPO,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for folder in (a, b)
    ]
    results = [p.communicate(timeout=300) for p in procs]
    for process, (_out, err) in zip(procs, results, strict=True):
        assert 0 == process.returncode, err
    counts = [json.loads(out) for out, _ in results]
    assert [0, 0] == [c["failed"] for c in counts]
    assert 72 == sum(c["imported"] for c in counts)  # 36 pages + 36 records, each stored once
    assert 24 == sum(c["duplicate"] for c in counts)  # the overlap, seen as present

    embedded = open_archive(tmp_path / "one.db")
    team = open_archive(url)
    try:
        import_paths(embedded, [write_collection(tmp_path / "all", range(36))], align=True)
        expected, actual = snapshot(embedded), snapshot(team)
        assert 72 == len(expected["articles"])
        assert expected == actual
        for query in QUERIES:
            expected_hits = hit_set(embedded, query)
            assert expected_hits, query  # every query finds something
            assert expected_hits == hit_set(team, query), query
    finally:
        embedded.close()
        team.close()


def test_the_same_person_and_service_created_at_once_are_one_row(pg_archive: Archive) -> None:
    """Both sessions look, find nothing, insert: the loser's savepoint rolls back and it reads
    the winner's row, and its transaction goes on (PostgreSQL aborts a failed statement's
    transaction unless a savepoint holds it)."""
    barrier = threading.Barrier(2)
    ids: list[tuple[int | None, int | None]] = []
    errors: list[BaseException] = []

    def create() -> None:
        try:
            with Session(pg_archive.engine) as session, session.begin():
                assert [] == session.exec(select(Person)).all()
                barrier.wait(timeout=10)
                person = ensure_person(session, "Khin Maung Nyane")
                service = ensure_service(session, "RFA Burmese")
                ids.append((person.id, service.id))
        except BaseException as exc:  # surfaced below
            errors.append(exc)

    threads = [threading.Thread(target=create) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert [] == errors
    assert 1 == len(set(ids))
    with pg_archive.session() as session:
        assert 1 == len(session.exec(select(Person)).all())
        assert 1 == len(session.exec(select(Service)).all())


# --------------------------------------------------------------------------- PostgreSQL limits


def test_a_nul_character_fails_that_record_with_one_clear_line(
    pg_archive: Archive, tmp_path: Path
) -> None:
    records = tmp_path / "r.jsonl"
    good = {"title": "Good", "versions": [{"kind": "original", "language": "en", "text": "Hi."}]}
    bad = {"title": "Bad", "versions": [{"kind": "original", "language": "en", "text": "a\0b"}]}
    records.write_text(json.dumps(good) + "\n" + json.dumps(bad) + "\n", encoding="utf-8")
    result = run_cli("import", records, "--db", pg_archive.url)
    assert 1 == result.returncode
    assert [
        f"archive: {records}:2: versions[0].text holds a NUL character (U+0000), "
        "which PostgreSQL cannot store"
    ] == result.stderr.splitlines()
    with pg_archive.session() as session:
        assert ["Good"] == list(session.exec(select(Article.title)).all())


def test_keys_longer_than_a_btree_entry_are_stored(pg_archive: Archive, tmp_path: Path) -> None:
    import random
    import string

    rng = random.Random(7)
    noise = "".join(rng.choice(string.ascii_letters) for _ in range(9000))
    record = {
        "title": "Long keys",
        "url": "https://example.org/" + noise,
        "service": "Service " + noise,
        "credits": [{"role": "writer", "name": "Bob " + noise}],
        "versions": [{"kind": "original", "language": "en", "text": "Long keys. Stored."}],
    }
    path = tmp_path / "long.jsonl"
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    summary = import_paths(pg_archive, [path])
    assert ["imported"] == [o.outcome for o in summary.outcomes]
    assert ["duplicate"] == [o.outcome for o in import_paths(pg_archive, [path]).outcomes]


def test_migrations_upgrade_an_older_postgres_archive(pg_server: PgServer, tmp_path: Path) -> None:
    """A database made at revision 0003 (no search table yet) is upgraded and indexed."""
    from alembic import command
    from sqlalchemy import create_engine

    from archive.db import _alembic_config

    url = pg_server.create_database()
    # Articles stored by today's code, then the schema taken back to 0003 (today's code
    # cannot write into a 0003 schema: later revisions added columns it writes).
    new = open_archive(url)
    pages = write_collection(tmp_path / "pages", range(4))
    assert 8 == import_paths(new, [pages], analyze=False).count("imported")  # nothing indexed
    new.close()
    engine = create_engine(url)
    with engine.begin() as conn:
        command.downgrade(_alembic_config(conn), "0003")
    engine.dispose()
    upgraded = open_archive(url)
    try:
        assert schema_head() == archive_info(upgraded).revision
        with upgraded.session() as session:
            found = {h.title for h in search(session=session, query="威尔")}
        assert {"Record 1"} == found
    finally:
        upgraded.close()


# --------------------------------------------------------------------------- db copy, db info


def test_copy_an_sqlite_archive_to_postgres(pg_server: PgServer, tmp_path: Path) -> None:
    source = open_archive(tmp_path / "archive.db")
    import_paths(source, [write_collection(tmp_path / "pages", range(10))], align=True)
    with source.session() as session, session.begin():
        link = session.exec(select(AlignmentLink).order_by(col(AlignmentLink.id))).first()
        assert link is not None
        link.checked, link.checked_by = True, "archivist"
        session.add(link)
    url = pg_server.create_database()
    source.close()

    result = run_cli("db", "copy", "--db", tmp_path / "archive.db", "--to", url)
    assert 0 == result.returncode, result.stderr
    assert 1 == len(result.stdout.splitlines())
    assert result.stdout.startswith("copied ") and "verified counts" in result.stdout

    source, target = open_archive(tmp_path / "archive.db"), open_archive(url)
    try:
        before, after = archive_info(source).counts, archive_info(target).counts
        assert before == after
        tables = ["article", "version", "credit", "segment", "alignmentlink", "importrecord"]
        for table in [*tables, "rawblob", "person", "service"]:
            model = SQLModel.metadata.tables[table]
            sql = select(model).order_by(model.c.id)
            with source.engine.connect() as a, target.engine.connect() as b:
                mine = [_comparable(r) for r in a.execute(sql).mappings()]
                theirs = [_comparable(r) for r in b.execute(sql).mappings()]
            assert mine == theirs, table
        for query in QUERIES:
            assert hit_set(source, query) == hit_set(target, query), query
        # The sequences moved past the copied ids: a new import gets fresh ids.
        more = import_paths(target, [write_collection(tmp_path / "more", range(40, 41))])
        assert ["imported", "imported"] == [o.outcome for o in more.outcomes]
    finally:
        source.close()
        target.close()

    again = run_cli("db", "copy", "--db", tmp_path / "archive.db", "--to", url)
    assert 1 == again.returncode
    assert 1 == len(again.stderr.splitlines())
    assert "not empty" in again.stderr and "--force" in again.stderr
    forced = run_cli("db", "copy", "--db", tmp_path / "archive.db", "--to", url, "--force")
    assert 0 == forced.returncode, forced.stderr
    assert "rows replaced" in forced.stdout


def _comparable(row: Any) -> dict[str, Any]:
    out = {}
    for key, value in dict(row).items():
        if isinstance(value, dt.datetime) and value.tzinfo is not None:
            value = value.astimezone(dt.UTC).replace(tzinfo=None)  # SQLite keeps UTC, no zone
        elif isinstance(value, memoryview):
            value = bytes(value)
        out[key] = value
    return out


def test_copy_refuses_a_non_empty_target_and_back_to_sqlite(
    pg_archive: Archive, tmp_path: Path
) -> None:
    from tests.unit.export.sample import build_sample

    build_sample(pg_archive)
    backup = open_archive(tmp_path / "backup.db")
    try:
        report = copy_archive(pg_archive, backup)
        assert archive_info(pg_archive).counts == archive_info(backup).counts
        assert report.versions_verified == archive_info(backup).counts["version"]
        with pytest.raises(TargetNotEmpty):
            copy_archive(pg_archive, backup)
    finally:
        backup.close()


def test_db_info_json_hides_the_password(pg_archive: Archive) -> None:
    url = pg_archive.url.replace("postgres@", "postgres:s3cret@")
    result = run_cli("db", "info", "--db", url, "--json")
    assert 0 == result.returncode, result.stderr
    info = json.loads(result.stdout)
    assert "s3cret" not in result.stdout and "***" in info["url"]
    assert ("postgresql", schema_head(), True) == (
        info["dialect"],
        info["revision"],
        info["up_to_date"],
    )
    assert 0 == info["counts"]["article"]
