"""Full-text search over every version's segments, in every script, with provenance filters.

>>> hits = search(session=session, query='defect translator:"Khin Maung Nyane" year:2021')

Two concerns, two modules: the query service (`archive.search.service`: `search_sql` builds
the statement, `search` runs it; scores are ``-bm25``, higher is better) and the index
(`archive.search.index`: what the importer and migrations keep up to date). The query
language is `archive.search.query`, shared with ``archive list`` and the library filter.

Two back-ends share the query language, the planner and the result shape: SQLite (FTS5,
`archive.search.sqlite`) and PostgreSQL (tsvector, pg_trgm and a bigram array,
`archive.search.postgres`); scores differ between them (bm25 vs ts_rank), hit sets do not. On
any other database `search` raises `SearchUnavailable` and indexing is skipped, so imports
still work.
"""

from __future__ import annotations

from archive.search.index import (
    index_existing,
    index_new_versions,
    index_ready,
    index_version,
    rebuild_index,
)
from archive.search.query import parse_query
from archive.search.service import MAX_LIMIT, SearchHit, SearchUnavailable, search, search_sql

__all__ = [
    "MAX_LIMIT",
    "SearchHit",
    "SearchUnavailable",
    "index_existing",
    "index_new_versions",
    "index_ready",
    "index_version",
    "parse_query",
    "rebuild_index",
    "search",
    "search_sql",
]
