"""Concurrent use of one SQLite archive: two importers at once, readers during an import, and
worker processes that must build exactly the archive one process builds."""

from __future__ import annotations

import json
import sqlite3
import subprocess
from pathlib import Path
from typing import Any

import pytest
from sqlmodel import Session, col, select

from archive.alignments import align_article, article_alignments
from archive.db import open_archive
from archive.ingest.store import ensure_person
from archive.models import AlignmentLink
from tests.conftest import REPO
from tests.functional.test_faults import (
    archive_cli,
    article_count,
    assert_whole,
    generate,
    wholeness,
)


def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    """``archive ARGS`` in a subprocess."""
    return subprocess.run(archive_cli(*args), cwd=REPO, capture_output=True, text=True, timeout=300)


def test_two_importers_with_overlapping_files_make_one_archive(tmp_path: Path) -> None:
    # A: articles 0-39, B: articles 20-59 (the same bytes for 20-39), two files each side,
    # sharing people and services: both create the same rows at the same moments.
    a = generate(tmp_path / "a", 40, start=0)
    b = generate(tmp_path / "b", 40, start=20)
    db = tmp_path / "archive.db"
    open_archive(db).close()  # the schema first, so the race is over rows, not migrations
    procs = [
        subprocess.Popen(
            archive_cli("import", folder, "--db", db, "--json", "--jobs", "1"),
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
    # Every article was stored by exactly one of them; the other saw it as present.
    assert 60 == sum(c["imported"] for c in counts)
    assert 20 == sum(c["duplicate"] for c in counts)
    assert_whole(db, articles=60)


def test_the_same_person_created_by_another_process_meanwhile_is_one_row(
    tmp_path: Path,
) -> None:
    """The race `_get_or_create` retries on, made certain: another writer commits the same
    person between our look-up (nothing found) and our insert."""
    from sqlalchemy import event

    from archive.identity.names import person_key

    db = tmp_path / "archive.db"
    archive = open_archive(db)
    key = person_key("Khin Maung Nyane")
    raced: list[int] = []

    def other_writer_first(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if raced or not statement.startswith("INSERT INTO person "):
            return
        conn = sqlite3.connect(db, timeout=30)
        with conn:
            cursor = conn.execute(
                "INSERT INTO person(key, name) VALUES (?, ?)", (key, "Khin Maung Nyane")
            )
            raced.append(int(cursor.lastrowid or 0))
        conn.close()

    event.listen(archive.engine, "before_cursor_execute", other_writer_first)
    try:
        with Session(archive.engine) as session, session.begin():
            person = ensure_person(session, "Khin Maung Nyane")
            person_id = person.id
    finally:
        event.remove(archive.engine, "before_cursor_execute", other_writer_first)
        archive.close()
    assert raced == [person_id], "ours must be the row the other writer committed"
    conn = sqlite3.connect(db)
    assert [(1,)] == conn.execute("SELECT count(*) FROM person").fetchall()
    assert [(1,)] == conn.execute("SELECT count(*) FROM personalias").fetchall()
    conn.close()


def test_readers_during_an_import_see_only_whole_articles(tmp_path: Path) -> None:
    folder = generate(tmp_path / "in", 50)
    db = tmp_path / "archive.db"
    importer = subprocess.Popen(
        archive_cli("import", folder, "--db", db),
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    snapshots: list[dict[str, Any]] = []
    listed: list[int] = []
    while importer.poll() is None:
        if article_count(db) == 0:
            continue
        snapshots.append(wholeness(db))
        result = run("list", "--json", "--db", db)
        assert 0 == result.returncode, result.stderr
        rows = json.loads(result.stdout)
        listed.append(len(rows))
        # Each listed article shows both its languages: never half an article.
        assert all(len(row["languages"]) == 2 for row in rows)
    _out, err = importer.communicate()
    assert 0 == importer.returncode, err
    assert len(snapshots) >= 2, "the readers must have run during the import"
    for snapshot in snapshots:
        assert {} == {k: v for k, v in snapshot.items() if k.startswith("broken_") and v}
    assert listed == sorted(listed)
    assert_whole(db, articles=50)


def _dump(db: Path) -> dict[str, list[tuple[Any, ...]]]:
    conn = sqlite3.connect(db)
    try:
        return {
            "version": conn.execute(
                "SELECT id, article_id, kind, language, sha256, derived_from_id, "
                "detected_language, script, encoding, confidence FROM version ORDER BY id"
            ).fetchall(),
            "segment": conn.execute(
                'SELECT version_id, seq, paragraph, sentence, start, "end", language '
                "FROM segment ORDER BY version_id, seq"
            ).fetchall(),
            "credit": conn.execute(
                "SELECT article_id, version_id, person_id, service_id, role, position "
                "FROM credit ORDER BY id"
            ).fetchall(),
            "alignment": conn.execute(
                "SELECT a.src_version_id, a.tgt_version_id, a.method, k.position, k.src_start, "
                "k.src_end, k.tgt_start, k.tgt_end, round(k.score, 9), k.method "
                "FROM alignment a JOIN alignmentlink k ON k.alignment_id = a.id "
                "ORDER BY a.id, k.position"
            ).fetchall(),
            "search": conn.execute(
                "SELECT version_id, seq, text FROM search_segment ORDER BY version_id, seq"
            ).fetchall(),
            "lexicon": conn.execute(
                "SELECT src_lang, tgt_lang, beads_learned, round(src_chars, 6), "
                "round(tgt_chars, 6) FROM learnedlexicon ORDER BY src_lang, tgt_lang"
            ).fetchall(),
        }
    finally:
        conn.close()


def test_worker_processes_build_the_archive_one_process_builds(tmp_path: Path) -> None:
    folder = generate(tmp_path / "in", 40)  # past WARM_UP: workers do most of them
    one, two = tmp_path / "one.db", tmp_path / "two.db"
    assert 0 == run("import", folder, "--db", one, "--jobs", "1").returncode
    assert 0 == run("import", folder, "--db", two, "--jobs", "2").returncode
    first, second = _dump(one), _dump(two)
    assert 80 == len(first["version"])
    assert first == second
    # Both learned how long each side of their confident beads was (the length ratio).
    assert first["lexicon"] and all(src > 0 and tgt > 0 for *_, src, tgt in first["lexicon"])

    # And the alignments computed ahead (in workers) are what `align_article` stores, given
    # the learned lexicon the import started from (none: the import taught it afterwards).
    conn = sqlite3.connect(two)
    with conn:
        assert 0 < conn.execute("DELETE FROM learnedlexicon").rowcount
    conn.close()
    archive = open_archive(two)
    with archive.session() as session, session.begin():
        before = _links(session, 1)
        align_article(session=session, article_id=1)
        after = _links(session, 1)
    archive.close()
    assert before == after


def _links(session: Session, article_id: int) -> list[tuple[Any, ...]]:
    out = []
    for alignment in article_alignments(session=session, article_id=article_id):
        links = session.exec(
            select(AlignmentLink)
            .where(AlignmentLink.alignment_id == alignment.id)
            .order_by(col(AlignmentLink.position))
        ).all()
        out.append(
            (
                alignment.src_version_id,
                alignment.tgt_version_id,
                alignment.method,
                [
                    (k.src_start, k.src_end, k.tgt_start, k.tgt_end, round(k.score, 9))
                    for k in links
                ],
            )
        )
    return out


def test_an_import_with_workers_leaves_the_collector_as_it_found_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The writer freezes what it loaded before forking its workers (they share it, and the
    collector stops walking it); the freeze must not outlive the import in a caller's process."""
    import gc

    import archive.ingest.writer as pipeline

    monkeypatch.setattr(pipeline, "WARM_UP", 2)  # workers after two records here
    folder = generate(tmp_path / "in", 6)
    archive = open_archive(tmp_path / "archive.db")
    frozen: list[int] = []
    real_open = pipeline.Importer._open_pool

    def open_pool(self: pipeline.Importer) -> Any:
        pool = real_open(self)
        frozen.append(gc.get_freeze_count())
        return pool

    monkeypatch.setattr(pipeline.Importer, "_open_pool", open_pool)
    try:
        summary = pipeline.Importer(archive, align=True, jobs=2).import_paths([folder])
    finally:
        archive.close()
    assert 6 == summary.count("imported")
    assert frozen and frozen[0] > 0
    assert 0 == gc.get_freeze_count()
    assert_whole(tmp_path / "archive.db", articles=6)
