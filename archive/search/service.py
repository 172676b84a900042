"""The search query service: a typed query → SQL (`search_sql`) → hits (`search`).

User terms are always quoted; raw FTS5 syntax only with ``raw=True``. The statement is built
(`compile_query`) and run in two steps, so a query can be printed and tested on its own.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import text
from sqlalchemy.exc import DataError, OperationalError, ProgrammingError
from sqlmodel import Session

from archive.errors import ArchiveError, SearchSyntaxError
from archive.provenance import person_ids_matching
from archive.search.backends import backend_for, dialect_of
from archive.search.plan import Index, Leaf, ShortTerms, plan_query, route_term
from archive.search.query import Filters, Query, Term, check_query_text, parse_query
from archive.search.snippets import make_snippet
from archive.search.text import has_spaceless

__all__ = [
    "MAX_LIMIT",
    "CompiledSearch",
    "SearchHit",
    "SearchUnavailable",
    "compile_query",
    "search",
    "search_sql",
]

MAX_LIMIT = 1000
_RAW_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_RAW_OPERATORS = frozenset({"AND", "OR", "NOT", "NEAR"})


class SearchUnavailable(ArchiveError):
    """The archive's database has no search back-end (SQLite and PostgreSQL have one)."""

    def __init__(self, dialect: str) -> None:
        self.dialect = dialect
        super().__init__(
            f"search is not available on {dialect} archives (only SQLite and PostgreSQL)"
        )


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
class CompiledSearch:
    """A search as the database runs it: the statement, its parameters, and the terms whose
    matches the snippets mark."""

    sql: str
    params: dict[str, Any]
    leaves: tuple[Leaf, ...]
    dialect: str = "sqlite"


def _check_page(limit: int, offset: int) -> None:
    if not 1 <= limit <= MAX_LIMIT:
        raise ValueError(f"limit must be between 1 and {MAX_LIMIT}, not {limit}")
    if offset < 0:
        raise ValueError(f"offset must be 0 or more, not {offset}")


def compile_query(
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
) -> CompiledSearch:
    """The statement `search` runs for ``query`` (see `search_sql` for the arguments);
    ``people`` looks up the people a credit filter's name finds (none: by person key).

    Raises:
        SearchSyntaxError: the query cannot be understood.
        SearchUnavailable: ``dialect`` has no search back-end.
        ValueError: ``limit`` or ``offset`` is out of range.
    """
    _check_page(limit, offset)
    backend = backend_for(dialect)
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
        return CompiledSearch(sql, params, _raw_leaves(query), dialect)
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
    return CompiledSearch(sql, params, leaves, dialect)


def _quote_value(value: str) -> str:
    return '"' + value.replace('"', "") + '"'


def _with_filters(parsed: Query, extra: Filters) -> Query:
    f = parsed.filters
    merged = replace(
        f,
        languages=f.languages + extra.languages,
        kinds=f.kinds + extra.kinds,
    )
    return Query(clauses=parsed.clauses, filters=merged)


def _with_people(parsed: Query, people: Callable[[str], list[int]]) -> Query:
    """The query with each credit filter's people looked up by ``people(name)``."""
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
    compiled = compile_query(
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
    compiled = compile_query(
        query,
        lang=lang,
        kind=kind,
        limit=limit,
        offset=offset,
        raw=raw,
        dialect=dialect_of(session),
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
