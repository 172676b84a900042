"""search forms: the indexes hold each segment's search form (Han folded, Vietnamese marks kept)

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-06 15:00:00

``search_segment`` gains ``main`` and ``loose`` (`archive.search.text.search_forms`): Han
characters folded to Simplified (Traditional, Simplified and Cantonese text find each other);
Latin diacritics removed in Python except in Vietnamese, where ``loose`` holds the text without
them for searches that fold them. ``text`` stays the derived text snippets are cut from.

SQLite: the FTS5 tables are made again over the new columns (``search_words`` over ``main`` and
``loose`` with ``remove_diacritics 0``, ``search_trigram`` over ``main``). PostgreSQL: the two
columns are added and the trigram index moves to ``main``. On both, every version is indexed
again (migrations 0002 and 0004 leave the tables empty for this one to fill).
"""

from __future__ import annotations

from textwrap import dedent

from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

DROP_SQLITE = dedent(
    """
    DROP TRIGGER IF EXISTS search_segment_au;
    DROP TRIGGER IF EXISTS search_segment_ad;
    DROP TRIGGER IF EXISTS search_segment_ai;
    DROP TABLE IF EXISTS search_bigram;
    DROP TABLE IF EXISTS search_trigram;
    DROP TABLE IF EXISTS search_words;
    DROP TABLE IF EXISTS search_segment;
    """
)

SQLITE = dedent(
    """
    CREATE TABLE search_segment (
        id INTEGER PRIMARY KEY,
        article_id INTEGER NOT NULL,
        version_id INTEGER NOT NULL,
        seq INTEGER NOT NULL,
        language TEXT NOT NULL,
        kind TEXT NOT NULL,
        spaceless INTEGER NOT NULL DEFAULT 0,
        text TEXT NOT NULL,
        main TEXT NOT NULL,
        loose TEXT NOT NULL DEFAULT '',
        UNIQUE (version_id, seq)
    );
    CREATE INDEX ix_search_segment_article_id ON search_segment (article_id);
    CREATE VIRTUAL TABLE search_words USING fts5(
        main, loose,
        content='search_segment', content_rowid='id',
        tokenize="unicode61 remove_diacritics 0 categories 'L* N* Co M*'"
    );
    CREATE VIRTUAL TABLE search_trigram USING fts5(
        main,
        content='search_segment', content_rowid='id',
        tokenize='trigram'
    );
    CREATE VIRTUAL TABLE search_bigram USING fts5(
        grams,
        content='', tokenize='ascii'
    );
    CREATE TRIGGER search_segment_ai AFTER INSERT ON search_segment BEGIN
        INSERT INTO search_words (rowid, main, loose) VALUES (new.id, new.main, new.loose);
        INSERT INTO search_trigram (rowid, main) SELECT new.id, new.main WHERE new.spaceless = 1;
    END;
    CREATE TRIGGER search_segment_ad AFTER DELETE ON search_segment BEGIN
        INSERT INTO search_words (search_words, rowid, main, loose)
            VALUES ('delete', old.id, old.main, old.loose);
        INSERT INTO search_trigram (search_trigram, rowid, main)
            SELECT 'delete', old.id, old.main WHERE old.spaceless = 1;
    END;
    CREATE TRIGGER search_segment_au AFTER UPDATE ON search_segment BEGIN
        INSERT INTO search_words (search_words, rowid, main, loose)
            VALUES ('delete', old.id, old.main, old.loose);
        INSERT INTO search_trigram (search_trigram, rowid, main)
            SELECT 'delete', old.id, old.main WHERE old.spaceless = 1;
        INSERT INTO search_words (rowid, main, loose) VALUES (new.id, new.main, new.loose);
        INSERT INTO search_trigram (rowid, main) SELECT new.id, new.main WHERE new.spaceless = 1;
    END;
    """
)

POSTGRES = dedent(
    """
    DELETE FROM search_segment;
    ALTER TABLE search_segment ADD COLUMN main TEXT NOT NULL DEFAULT '';
    ALTER TABLE search_segment ADD COLUMN loose TEXT NOT NULL DEFAULT '';
    DROP INDEX IF EXISTS ix_search_segment_trigram;
    CREATE INDEX ix_search_segment_trigram ON search_segment
        USING gin (main gin_trgm_ops) WHERE spaceless;
    """
)

POSTGRES_DOWN = dedent(
    """
    DELETE FROM search_segment;
    DROP INDEX IF EXISTS ix_search_segment_trigram;
    ALTER TABLE search_segment DROP COLUMN loose;
    ALTER TABLE search_segment DROP COLUMN main;
    CREATE INDEX ix_search_segment_trigram ON search_segment
        USING gin (text gin_trgm_ops) WHERE spaceless;
    """
)


def _statements(script: str) -> list[str]:
    """Split a script at the ``;`` ending a statement (a trigger body ends with ``END;``)."""
    statements, current = [], []
    for line in script.strip().splitlines():
        current.append(line)
        stripped = line.strip()
        inside_trigger = current[0].lstrip().startswith("CREATE TRIGGER")
        if stripped.endswith(";") and (not inside_trigger or stripped == "END;"):
            statements.append("\n".join(current))
            current = []
    return statements


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        script = DROP_SQLITE + SQLITE
    elif bind.dialect.name == "postgresql":
        script = POSTGRES
    else:
        return
    for statement in _statements(script):
        op.execute(statement)
    from archive.search import index_existing

    index_existing(bind)


def downgrade() -> None:
    """Back to the 0002/0004 tables, empty: the search index of that code must be rebuilt
    (`archive.search.rebuild_index` of that version) before searching."""
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        from importlib import import_module

        old = import_module("archive.migrations.versions.0002_search_index")
        for statement in _statements(DROP_SQLITE) + old._statements(old.SCHEMA):
            op.execute(statement)
    elif bind.dialect.name == "postgresql":
        for statement in _statements(POSTGRES_DOWN):
            op.execute(statement)
