"""Full-text search over every version's segments, in every script, with provenance filters.

>>> hits = search(session=session, query='defect translator:"Khin Maung Nyane" year:2021')

The index holds each segment's derived text (Zawgyi converted, NFC, …), so text published in
Zawgyi is found by a Unicode query. Build the SQL and run it in two steps: `search_sql`
returns the statement and its parameters (print it, test it), `search` runs it. User terms are
always quoted; raw FTS5 syntax only with ``raw=True``. Scores are ``-bm25``: higher is better.

Two back-ends share the query language, the planner and the result shape: SQLite (FTS5,
`archive.search.sqlite`) and PostgreSQL (tsvector, pg_trgm and a bigram array,
`archive.search.postgres`); scores differ between them (bm25 vs ts_rank), hit sets do not. On
any other database `search` raises `SearchUnavailable` and indexing is skipped, so imports
still work.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from sqlalchemy import Connection
from sqlalchemy.exc import DataError, OperationalError, ProgrammingError
from sqlalchemy.orm import load_only
from sqlmodel import Session, col, select

from archive.errors import SearchSyntaxError, SearchUnavailable
from archive.identity.match import person_ids_matching
from archive.models import Segment, Version
from archive.search.plan import Index, Leaf, PlannedClause, ShortTerms, plan_query, route_term
from archive.search.query import Filters, Query, Term, check_query_text, parse_query
from archive.search.snippets import make_snippet
from archive.search.text import has_spaceless

__all__ = [
    "MAX_LIMIT",
    "SearchHit",
    "index_existing",
    "index_new_versions",
    "index_version",
    "parse_query",
    "rebuild_index",
    "search",
    "search_sql",
]

log = logging.getLogger(__name__)

MAX_LIMIT = 1000
_BATCH = 500
_RAW_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_RAW_OPERATORS = frozenset({"AND", "OR", "NOT", "NEAR"})


class _Backend(Protocol):
    """What a search back-end module provides (`archive.search.sqlite`, `.postgres`)."""

    def compile_search(
        self,
        clauses: Sequence[PlannedClause],
        filters: Filters,
        *,
        limit: int,
        offset: int,
        raw: tuple[Index, str] | None = None,
    ) -> tuple[str, dict[str, Any]]: ...

    def delete_versions(self, conn: Connection, version_ids: Sequence[int]) -> None: ...

    def insert_rows(self, conn: Connection, rows: Iterable[Any]) -> int: ...

    def clear_index(self, conn: Connection) -> None: ...


def _backend(dialect: str) -> _Backend | None:
    """The search back-end module for a database dialect, or None."""
    if dialect == "sqlite":
        from archive.search import sqlite

        return sqlite
    if dialect == "postgresql":
        from archive.search import postgres

        return postgres
    return None


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One matching segment.

    ``article_id, version_id, language, snippet, score`` are the ``search --json`` shape.
    ``snippet`` is the segment's derived text (cut to a window around the first match) with
    each match between « and »; ``highlights`` are the ``(start, end)`` offsets of the marked
    text in ``snippet``. ``score`` is ``-bm25``: higher is better (0.0 for a scan).
    """

    article_id: int
    version_id: int
    language: str
    snippet: str
    score: float
    segment_seq: int
    title: str
    kind: str
    highlights: tuple[tuple[int, int], ...] = ()

    def to_json(self) -> dict[str, Any]:
        """The ``search --json`` item: exactly the five contract keys."""
        return {
            "article_id": self.article_id,
            "version_id": self.version_id,
            "language": self.language,
            "snippet": self.snippet,
            "score": self.score,
        }


@dataclass(frozen=True, slots=True)
class _Compiled:
    sql: str
    params: dict[str, Any]
    leaves: tuple[Leaf, ...]
    dialect: str = "sqlite"


def _check_page(limit: int, offset: int) -> None:
    if not 1 <= limit <= MAX_LIMIT:
        raise ValueError(f"limit must be between 1 and {MAX_LIMIT}, not {limit}")
    if offset < 0:
        raise ValueError(f"offset must be 0 or more, not {offset}")


def _compile(
    query: str,
    *,
    lang: str | None,
    kind: str | None,
    limit: int,
    offset: int,
    raw: bool,
    dialect: str,
    short_terms: ShortTerms,
    han_variants: bool = True,
    fold_diacritics: bool = False,
    people: Callable[[str], list[int]] | None = None,
) -> _Compiled:
    _check_page(limit, offset)
    backend = _backend(dialect)
    if backend is None:
        raise SearchUnavailable(dialect)
    extra = f" lang:{_quote_value(lang)}" if lang else ""
    extra += f" kind:{_quote_value(kind)}" if kind else ""
    if raw:
        check_query_text(query)
        if not query.strip():
            raise SearchSyntaxError(query, "the query is empty")
        filters = parse_query(extra).filters
        index: Index = "trigram" if has_spaceless(query) else "words"
        sql, params = backend.compile_search(
            [], filters, limit=limit, offset=offset, raw=(index, query)
        )
        return _Compiled(sql, params, _raw_leaves(query), dialect)
    parsed = parse_query(query)
    if extra:
        parsed = _with_filters(parsed, parse_query(extra).filters)
    if people is not None and parsed.filters.credits:
        parsed = _with_people(parsed, people)
    clauses = plan_query(
        parsed,
        short_terms=short_terms,
        han_variants=han_variants,
        fold_diacritics=fold_diacritics,
    )
    if not any(not c.excluded for c in clauses):
        if not parsed.clauses:
            detail = "nothing to search for: add a word or a phrase"
        elif all(c.excluded for c in parsed.clauses):
            detail = "only excluded terms: add a word to look for"
        else:
            detail = "nothing searchable in the query (only punctuation?)"
        raise SearchSyntaxError(query, detail)
    sql, params = backend.compile_search(clauses, parsed.filters, limit=limit, offset=offset)
    leaves = tuple(leaf for c in clauses if not c.excluded for leaf in c.leaves)
    return _Compiled(sql, params, leaves, dialect)


def _quote_value(value: str) -> str:
    return '"' + value.replace('"', "") + '"'


def _with_filters(parsed: Query, extra: Filters) -> Query:
    from dataclasses import replace

    f = parsed.filters
    merged = replace(
        f,
        languages=f.languages + extra.languages,
        kinds=f.kinds + extra.kinds,
    )
    return Query(clauses=parsed.clauses, filters=merged)


def _with_people(parsed: Query, people: Callable[[str], list[int]]) -> Query:
    """The query with each credit filter's people looked up by ``people(name)``."""
    from dataclasses import replace

    credits = tuple(
        replace(c, person_ids=tuple(people(c.name))) if c.name is not None else c
        for c in parsed.filters.credits
    )
    return Query(clauses=parsed.clauses, filters=replace(parsed.filters, credits=credits))


def _raw_leaves(query: str) -> tuple[Leaf, ...]:
    """Words of a raw FTS5 query, for marking matches (operators left out)."""
    leaves = []
    for word in _RAW_WORD.findall(query):
        if word in _RAW_OPERATORS:
            continue
        leaf = route_term(Term(word))
        if leaf is not None:
            leaves.append(leaf)
    return tuple(leaves)


def search_sql(
    *,
    query: str,
    lang: str | None = None,
    kind: str | None = None,
    limit: int = 50,
    offset: int = 0,
    raw: bool = False,
    dialect: str = "sqlite",
    short_terms: ShortTerms = "bigram",
    han_variants: bool = True,
    fold_diacritics: bool = False,
) -> tuple[str, dict[str, Any]]:
    """The SQL statement and bind parameters `search` would run for these arguments.

    ``short_terms="scan"`` finds one- and two-character spaceless terms by a bounded scan of
    the segment table instead of the bigram index (kept for the benchmark's comparison).
    ``han_variants=False`` finds Chinese only in the form typed (Traditional or Simplified);
    by default each finds the other. ``fold_diacritics=True`` lets a term without Vietnamese
    tone and vowel marks find words with them (by default they are kept: ``việt`` ≠ ``viết``).

    Raises:
        SearchSyntaxError: the query cannot be understood.
        SearchUnavailable: ``dialect`` has no search back-end.
        ValueError: ``limit`` or ``offset`` is out of range.
    """
    compiled = _compile(
        query,
        lang=lang,
        kind=kind,
        limit=limit,
        offset=offset,
        raw=raw,
        dialect=dialect,
        short_terms=short_terms,
        han_variants=han_variants,
        fold_diacritics=fold_diacritics,
    )
    return compiled.sql, compiled.params


def _dialect(session: Session) -> str:
    return session.get_bind().dialect.name


def search(
    *,
    session: Session,
    query: str,
    lang: str | None = None,
    kind: str | None = None,
    limit: int = 50,
    offset: int = 0,
    raw: bool = False,
    short_terms: ShortTerms = "bigram",
    han_variants: bool = True,
    fold_diacritics: bool = False,
) -> list[SearchHit]:
    """Segments matching ``query``, best first (see the module docs for the query language;
    `search_sql` for ``han_variants`` and ``fold_diacritics``).

    Raises:
        SearchSyntaxError: the query cannot be understood (never a database error).
        SearchUnavailable: the archive's database has no search back-end.
        ValueError: ``limit`` or ``offset`` is out of range.
    """
    from sqlalchemy import text

    compiled = _compile(
        query,
        lang=lang,
        kind=kind,
        limit=limit,
        offset=offset,
        raw=raw,
        dialect=_dialect(session),
        short_terms=short_terms,
        han_variants=han_variants,
        fold_diacritics=fold_diacritics,
        people=lambda name: person_ids_matching(session, name),
    )
    try:
        rows = session.connection().execute(text(compiled.sql), compiled.params).all()
    except (OperationalError, ProgrammingError, DataError) as exc:
        detail = str(exc.orig).splitlines()[0] if exc.orig is not None else str(exc)
        if raw or any(word in detail for word in ("fts5", "MATCH", "syntax", "unterminated")):
            engine = "FTS5" if compiled.dialect == "sqlite" else "tsquery"
            raise SearchSyntaxError(query, f"{engine}: {detail}") from None
        raise
    hits = []
    for _id, article_id, version_id, language, kind_, seq, body, title, score in rows:
        snippet = make_snippet(body, compiled.leaves)
        hits.append(
            SearchHit(
                article_id=article_id,
                version_id=version_id,
                language=language,
                snippet=snippet.text,
                score=round(float(score), 6),
                segment_seq=seq,
                title=title,
                kind=kind_,
                highlights=snippet.highlights,
            )
        )
    return hits


# --------------------------------------------------------------------------- indexing


class Indexable(Protocol):
    """What indexing needs of a version: a `Version` row, or the plain values of one."""

    @property
    def id(self) -> int | None: ...
    @property
    def article_id(self) -> int: ...
    @property
    def kind(self) -> str: ...
    @property
    def language(self) -> str: ...
    @property
    def detected_language(self) -> str | None: ...
    @property
    def text(self) -> str: ...


def _index_language(version: Indexable) -> str:
    if version.language and version.language != "und":
        return version.language
    return version.detected_language or version.language or "und"


_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


def _spans(version: Indexable, segments: Iterable[Segment]) -> list[tuple[int, int, int]]:
    """``(seq, start, end)`` of each segment; a version never analysed (an archive older than
    analysis, an import with ``--no-analyze``) is cut at blank lines, ``seq`` then counting
    paragraphs, until analysis replaces those rows."""
    spans = [(s.seq, s.start, s.end) for s in sorted(segments, key=lambda s: s.seq)]
    if spans or not version.text.strip():
        return spans
    out: list[tuple[int, int, int]] = []
    start = 0
    for match in _PARAGRAPH_BREAK.finditer(version.text):
        out.append((len(out), start, match.start()))
        start = match.end()
    out.append((len(out), start, len(version.text)))
    return out


def _rows_for(
    version: Indexable,
    spans: Sequence[tuple[int, int, int]],
    derived_texts: Sequence[str] | None = None,
) -> list[Any]:
    from archive.analysis import derive_text
    from archive.search.sqlite import IndexRow

    assert version.id is not None
    language = _index_language(version)
    rows = []
    if derived_texts is not None and len(derived_texts) != len(spans):
        derived_texts = None  # not the texts of these spans: derive them here
    for index, (seq, start, end) in enumerate(spans):
        if derived_texts is not None:
            derived = derived_texts[index]
        else:
            derived = derive_text(version.text[start:end])
        if not derived.strip():
            continue
        rows.append(
            IndexRow(
                article_id=version.article_id,
                version_id=version.id,
                seq=seq,
                language=language,
                kind=version.kind,
                spaceless=has_spaceless(derived),
                text=derived,
            )
        )
    return rows


def index_version(
    *,
    session: Session,
    version: Version,
    segments: Sequence[Segment] | None = None,
    spans: Sequence[tuple[int, int, int]] | None = None,
    derived: Sequence[str] | None = None,
    fresh: bool = False,
) -> int:
    """(Re)index one version's segments: its old index rows are deleted, then new ones added.

    Args:
        segments: the version's segments; ``spans`` gives them as ``(seq, start, end)``
            instead; with neither, they are read from the database.
        derived: the derived text of each segment, when the caller has it (else derived here).
        fresh: the version was added in this transaction: there are no old rows to delete.

    Called by `archive.ingest.analyze.write_analysis` with the segments it just wrote. Returns
    how many rows were indexed; on a database without a search back-end it does nothing and
    returns 0.
    """
    backend = _backend(_dialect(session))
    if backend is None:
        return 0
    if spans is None:
        if segments is None:
            segments = session.exec(select(Segment).where(Segment.version_id == version.id)).all()
        spans = _spans(version, segments)
    elif not spans:
        spans = _spans(version, [])
        derived = None
    conn = session.connection()
    assert version.id is not None
    if not fresh:
        backend.delete_versions(conn, [version.id])
    return backend.insert_rows(conn, _rows_for(version, spans, derived))


_INDEX_READY: set[str] = set()  # databases known to have the index table (it never goes away)


def index_ready(*, session: Session) -> bool:
    """Whether the database has a search index to write to: a back-end for its dialect and
    the index table (an archive opened without migrating to a schema that has it has none)."""
    if _backend(_dialect(session)) is None:
        return False
    conn = session.connection()
    key = conn.engine.url.render_as_string(hide_password=True)
    if key not in _INDEX_READY:
        from sqlalchemy import inspect

        if not inspect(conn).has_table("search_segment"):
            return False
        _INDEX_READY.add(key)
    return True


def index_new_versions(
    *,
    session: Session,
    versions: Iterable[tuple[Indexable, Sequence[tuple[int, int, int]], Sequence[str] | None]],
) -> int:
    """Index versions added in this transaction (so nothing of theirs is indexed yet), all in
    one insert: each with its segments as ``(seq, start, end)`` and, when the caller has them,
    their derived texts. Returns how many rows were indexed (0 without a search back-end)."""
    backend = _backend(_dialect(session))
    if backend is None:
        return 0
    rows = []
    for version, spans, derived in versions:
        if spans:
            rows += _rows_for(version, spans, derived)
        else:
            rows += _rows_for(version, _spans(version, []))
    return backend.insert_rows(session.connection(), rows)


def index_existing(conn: Connection) -> int:
    """Index every analysed version through ``conn`` (the migration and `rebuild_index`).

    Versions are read in id batches, so memory stays flat on a large archive.
    """
    backend = _backend(conn.dialect.name)
    if backend is None:
        return 0
    with Session(bind=conn) as session:
        total = 0
        last = 0
        while True:
            # Only the columns indexing reads: a migration runs this on an older schema,
            # which lacks the columns later migrations add.
            versions = session.exec(
                select(Version)
                .options(
                    load_only(
                        *(
                            getattr(Version, name)
                            for name in (
                                "id",
                                "article_id",
                                "kind",
                                "language",
                                "detected_language",
                                "text",
                            )
                        )
                    )
                )
                .where(col(Version.id) > last)
                .order_by(col(Version.id))
                .limit(_BATCH)
            ).all()
            if not versions:
                break
            ids = [v.id for v in versions]
            by_version: dict[int, list[Segment]] = {}
            for segment in session.exec(
                select(Segment).where(col(Segment.version_id).in_(ids))
            ).all():
                by_version.setdefault(segment.version_id, []).append(segment)
            for version in versions:
                assert version.id is not None
                total += backend.insert_rows(
                    conn, _rows_for(version, _spans(version, by_version.get(version.id, [])))
                )
            last = ids[-1] or last
            session.expunge_all()
        return total


def rebuild_index(*, session: Session) -> int:
    """Drop every index row and index every analysed version again; returns the row count."""
    backend = _backend(_dialect(session))
    if backend is None:
        return 0
    conn = session.connection()
    backend.clear_index(conn)
    return index_existing(conn)
