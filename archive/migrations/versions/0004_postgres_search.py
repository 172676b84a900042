"""postgres search: tsvector, trigram and bigram indexes over segments' derived text (PostgreSQL only)

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-26 12:00:00

On PostgreSQL, ``search_segment`` holds one row per segment with its derived text, as on SQLite,
plus ``words`` (a ``tsvector`` of the words, tokenised and folded in Python exactly as SQLite's
``unicode61`` index does, GIN-indexed), a ``gin_trgm_ops`` trigram index over the text of rows in
spaceless scripts (substrings of three characters or more), and ``grams`` (the character pairs
and single characters of those rows, GIN-indexed) for one- and two-character queries.

It also replaces the btree indexes on free-text columns (article URL, person and service keys,
aliases), which refuse values over ~2.7 kB, with hash or md5 expression indexes that take any
length: SQLite stores such values, so PostgreSQL must too.

On SQLite nothing changes (its search tables come with migration 0002). Existing archives are
indexed by migration 0008.
"""

from __future__ import annotations

from textwrap import dedent

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

SEARCH = dedent(
    """
    CREATE EXTENSION IF NOT EXISTS pg_trgm;
    CREATE TABLE search_segment (
        id BIGSERIAL PRIMARY KEY,
        article_id INTEGER NOT NULL,
        version_id INTEGER NOT NULL,
        seq INTEGER NOT NULL,
        language TEXT NOT NULL,
        kind TEXT NOT NULL,
        spaceless BOOLEAN NOT NULL DEFAULT FALSE,
        text TEXT NOT NULL,
        words TSVECTOR NOT NULL,
        grams TEXT[],
        UNIQUE (version_id, seq)
    );
    CREATE INDEX ix_search_segment_article_id ON search_segment (article_id);
    CREATE INDEX ix_search_segment_words ON search_segment USING gin (words);
    CREATE INDEX ix_search_segment_trigram ON search_segment
        USING gin (text gin_trgm_ops) WHERE spaceless;
    CREATE INDEX ix_search_segment_grams ON search_segment USING gin (grams) WHERE spaceless;
    """
)

# Free-text keys: any length, like on SQLite (a btree entry must fit in a third of a page).
KEYS = dedent(
    """
    DROP INDEX ix_article_url;
    CREATE INDEX ix_article_url ON article USING hash (url);
    DROP INDEX ix_person_key;
    CREATE UNIQUE INDEX ix_person_key ON person (md5(key));
    CREATE INDEX ix_person_key_lookup ON person USING hash (key);
    DROP INDEX ix_service_key;
    CREATE UNIQUE INDEX ix_service_key ON service (md5(key));
    CREATE INDEX ix_service_key_lookup ON service USING hash (key);
    ALTER TABLE personalias DROP CONSTRAINT personalias_person_id_alias_key;
    CREATE UNIQUE INDEX uq_personalias_person_alias ON personalias (person_id, md5(alias));
    ALTER TABLE servicealias DROP CONSTRAINT servicealias_service_id_alias_key;
    CREATE UNIQUE INDEX uq_servicealias_service_alias ON servicealias (service_id, md5(alias));
    """
)

KEYS_DOWN = dedent(
    """
    DROP INDEX uq_servicealias_service_alias;
    ALTER TABLE servicealias ADD CONSTRAINT servicealias_service_id_alias_key
        UNIQUE (service_id, alias);
    DROP INDEX uq_personalias_person_alias;
    ALTER TABLE personalias ADD CONSTRAINT personalias_person_id_alias_key
        UNIQUE (person_id, alias);
    DROP INDEX ix_service_key_lookup;
    DROP INDEX ix_service_key;
    CREATE UNIQUE INDEX ix_service_key ON service (key);
    DROP INDEX ix_person_key_lookup;
    DROP INDEX ix_person_key;
    CREATE UNIQUE INDEX ix_person_key ON person (key);
    DROP INDEX ix_article_url;
    CREATE INDEX ix_article_url ON article (url);
    DROP TABLE IF EXISTS search_segment;
    """
)


def _statements(script: str) -> list[str]:
    return [s.strip() for s in script.split(";") if s.strip()]


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    for statement in _statements(SEARCH) + _statements(KEYS):
        op.execute(statement)
    # Existing archives are indexed by migration 0008, whose tables the code of today writes.


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for statement in _statements(KEYS_DOWN):
        op.execute(statement)
