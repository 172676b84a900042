"""search index: FTS5 tables over each segment's derived text (SQLite only)

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-26 10:00:00

``search_segment`` holds one row per segment with its derived text (the content table);
``search_words`` (unicode61) and ``search_trigram`` (trigram, spaceless-script rows only) are
external-content FTS5 tables kept by triggers; ``search_bigram`` is contentless and kept by
``archive.search`` (its tokens are computed in Python). Existing archives are indexed by
migration 0008 (which remakes these tables).
On PostgreSQL nothing is created: its search back-end comes with its own migration.
"""

from __future__ import annotations

from textwrap import dedent

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

SCHEMA = dedent(
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
        UNIQUE (version_id, seq)
    );
    CREATE INDEX ix_search_segment_article_id ON search_segment (article_id);
    CREATE VIRTUAL TABLE search_words USING fts5(
        text,
        content='search_segment', content_rowid='id',
        tokenize="unicode61 remove_diacritics 2 categories 'L* N* Co M*'"
    );
    CREATE VIRTUAL TABLE search_trigram USING fts5(
        text,
        content='search_segment', content_rowid='id',
        tokenize='trigram'
    );
    CREATE VIRTUAL TABLE search_bigram USING fts5(
        grams,
        content='', tokenize='ascii'
    );
    CREATE TRIGGER search_segment_ai AFTER INSERT ON search_segment BEGIN
        INSERT INTO search_words (rowid, text) VALUES (new.id, new.text);
        INSERT INTO search_trigram (rowid, text) SELECT new.id, new.text WHERE new.spaceless = 1;
    END;
    CREATE TRIGGER search_segment_ad AFTER DELETE ON search_segment BEGIN
        INSERT INTO search_words (search_words, rowid, text) VALUES ('delete', old.id, old.text);
        INSERT INTO search_trigram (search_trigram, rowid, text)
            SELECT 'delete', old.id, old.text WHERE old.spaceless = 1;
    END;
    CREATE TRIGGER search_segment_au AFTER UPDATE ON search_segment BEGIN
        INSERT INTO search_words (search_words, rowid, text) VALUES ('delete', old.id, old.text);
        INSERT INTO search_trigram (search_trigram, rowid, text)
            SELECT 'delete', old.id, old.text WHERE old.spaceless = 1;
        INSERT INTO search_words (rowid, text) VALUES (new.id, new.text);
        INSERT INTO search_trigram (rowid, text) SELECT new.id, new.text WHERE new.spaceless = 1;
    END;
    """
)

DROP = dedent(
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
    if bind.dialect.name != "sqlite":
        return
    for statement in _statements(SCHEMA):
        op.execute(statement)
    # Existing archives are indexed by migration 0008, whose tables the code of today writes.


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for statement in _statements(DROP):
        op.execute(statement)
