"""Opening an archive file made by an older schema upgrades it, and keeps what it held."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlmodel import SQLModel

import archive.models  # noqa: F401  (declares every table)
from archive.db import Archive, current_revision, open_archive, schema_head
from archive.provenance import get_article, list_articles
from tests.conftest import REPO

OLD = REPO / "tests" / "data" / "archive-schema-0001.db"


def test_first_schema_file_is_upgraded(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    shutil.copyfile(OLD, path)
    archive = open_archive(path)
    try:
        assert schema_head() == current_revision(archive.engine)
        with archive.session() as session:
            (row,) = list_articles(session=session)
            data = get_article(session=session, article_id=row["id"])
        assert [("reporter", "RFA Myanmar Service"), ("translator", "Khin Maung Nyane")] == [
            (c["role"], c["name"]) for c in data["credits"]
        ]
        assert data["versions"][0]["text"].startswith("Around 450 soldiers")
    finally:
        archive.close()


def test_a_new_archive_is_at_the_newest_schema(tmp_path: Path) -> None:
    archive = open_archive(tmp_path / "new.db")
    try:
        assert schema_head() == current_revision(archive.engine)
    finally:
        archive.close()


def test_a_learned_lexicon_keeps_its_counts_and_starts_learning_lengths(tmp_path: Path) -> None:
    from alembic import command

    from archive.db import _alembic_config, create_archive_engine

    path = tmp_path / "at-0004.db"
    engine = create_archive_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        command.upgrade(_alembic_config(conn), "0004")
        conn.exec_driver_sql(
            "INSERT INTO learnedlexicon (src_lang, tgt_lang, counts, beads_learned, updated_at)"
            " VALUES ('ko', 'en', '고양이\tcat\t2', 5, '2026-11-30 00:00:00')"
        )
    engine.dispose()
    archive = open_archive(path)
    try:
        with archive.engine.connect() as conn:
            rows = conn.exec_driver_sql(
                "SELECT counts, beads_learned, src_chars, tgt_chars FROM learnedlexicon"
            ).all()
        assert [("고양이\tcat\t2", 5, 0.0, 0.0)] == [tuple(r) for r in rows]
    finally:
        archive.close()


def test_the_migrations_build_the_tables_the_models_declare(any_archive: Archive) -> None:
    """Every table, column and index of archive.models comes from a migration, and no more.

    The search index's tables are made by raw SQL (FTS5 / tsvector) and are not in the
    models; on PostgreSQL, migration 0004 replaces the key indexes and unique constraints by
    md5/hash ones (keys of any length), so there only tables and columns are compared.
    """
    with any_archive.engine.connect() as conn:
        context = MigrationContext.configure(conn)
        diff = compare_metadata(context, SQLModel.metadata)
    postgres = any_archive.engine.dialect.name == "postgresql"
    indexes = {"add_index", "remove_index", "add_constraint", "remove_constraint"}

    def expected(change: tuple[Any, ...]) -> bool:
        item = change[1]
        table = getattr(item, "table", item)
        search = change[0] in {"remove_table", "remove_index"} and str(table.name).startswith(
            "search_"
        )
        return search or (postgres and change[0] in indexes)

    assert [change for change in diff if not expected(change)] == []
