"""Storing article records: what the writer's Core statements put in the tables, and the
per-import look-ups of services and people that must never outlive a rolled-back transaction."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest
from sqlmodel import Session

from archive.db import Archive
from archive.ingest.annotate import analyze_plain
from archive.ingest.records import ArticleRecord, CreditRecord, VersionRecord
from archive.ingest.store import Lookups, store_article


def record(title: str, *, translator: str = "Khin Maung Nyane") -> ArticleRecord:
    return ArticleRecord(
        title=title,
        date=dt.date(2021, 5, 1),
        service="RFA's Myanmar Service",
        credits=[CreditRecord(role="translator", name=translator)],
        versions=[
            VersionRecord(kind="original", language="en", text="One. Two."),
            # Derived from a version later in the record: its parent is filled in afterwards.
            VersionRecord(kind="translation", language="vi", text="Một. Hai.", derived_from=2),
            VersionRecord(kind="published", language="en", text="One! Two!", derived_from=0),
        ],
    )


def rows(db: Path, sql: str) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(db)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def test_analyses_computed_ahead_are_written_with_the_versions(
    archive: Archive, db_path: Path
) -> None:
    rec = record("Ahead")
    analyses = [analyze_plain(v.text, v.language) for v in rec.versions]
    with Session(archive.engine) as session, session.begin():
        result = store_article(session=session, record=rec, analyses=analyses)
    assert "imported" == result.outcome
    assert [
        (1, "original", None, "en", "Latn"),
        (2, "translation", 3, "vi", "Latn"),
        (3, "published", 1, "en", "Latn"),
    ] == rows(
        db_path,
        "SELECT id, kind, derived_from_id, detected_language, script FROM version ORDER BY id",
    )
    assert [(1, 0, 0, 4), (1, 1, 5, 9), (2, 0, 0, 4), (2, 1, 5, 9), (3, 0, 0, 4)] == rows(
        db_path, 'SELECT version_id, seq, start, "end" FROM segment ORDER BY version_id, seq'
    )[:5]
    assert 6 == rows(db_path, "SELECT count(*) FROM search_segment")[0][0]
    assert [(1,)] == rows(
        db_path, "SELECT count(*) FROM search_words WHERE search_words MATCH 'hai'"
    )


def test_storing_the_same_record_again_changes_nothing(archive: Archive, db_path: Path) -> None:
    lookups = Lookups()
    outcomes = []
    for _ in range(2):
        with Session(archive.engine) as session, session.begin():
            outcomes.append(store_article(session=session, record=record("Twice"), lookups=lookups))
        lookups.commit()
    assert ["imported", "duplicate"] == [o.outcome for o in outcomes]
    assert [(1,)] == rows(db_path, "SELECT count(*) FROM credit")


def test_a_person_made_in_a_rolled_back_transaction_is_not_remembered(
    archive: Archive, db_path: Path
) -> None:
    lookups = Lookups()
    with pytest.raises(RuntimeError), Session(archive.engine) as session, session.begin():
        store_article(
            session=session, record=record("Lost", translator="Nareth Muong"), lookups=lookups
        )
        assert lookups.person("Nareth Muong") is not None  # known inside the transaction
        raise RuntimeError("the article fails after its credits were stored")
    lookups.discard()
    assert lookups.person("Nareth Muong") is None
    assert lookups.service("RFA's Myanmar Service") is None

    with Session(archive.engine) as session, session.begin():
        store_article(
            session=session, record=record("Kept", translator="Nareth Muong"), lookups=lookups
        )
    lookups.commit()
    # The credit names the person row this transaction made (foreign keys are on, so an id
    # remembered from the rolled-back one would have failed the insert).
    assert [("Nareth Muong", "translator")] == rows(
        db_path, "SELECT p.name, c.role FROM credit c JOIN person p ON p.id = c.person_id"
    )
    assert lookups.person("Nareth Muong") == rows(db_path, "SELECT id FROM person")[0][0]


def test_a_revised_record_adds_only_the_new_version_and_credit(
    archive: Archive, db_path: Path
) -> None:
    first = record("Revised")
    second = record("Revised", translator="Nareth Muong")
    second.versions[2] = VersionRecord(kind="published", language="en", text="One? Two?")
    second.urls = ["https://example.org/a"]
    lookups = Lookups()
    with Session(archive.engine) as session, session.begin():
        store_article(session=session, record=first, lookups=lookups)
    lookups.commit()
    with Session(archive.engine) as session, session.begin():
        result = store_article(session=session, record=second, lookups=lookups)
    assert ("revised", (4,)) == (result.outcome, result.new_version_ids)
    assert [(4, 3, 3)] == rows(
        db_path, "SELECT id, revision_of_id, position FROM version WHERE id = 4"
    )
    assert [("translator", 0), ("translator", 1)] == rows(
        db_path, "SELECT role, position FROM credit ORDER BY id"
    )
    assert [('["https://example.org/a"]',)] == rows(db_path, "SELECT urls FROM article")
