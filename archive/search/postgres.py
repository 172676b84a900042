"""The PostgreSQL back-end of search: index upkeep and queries, as raw SQL (same interface as
`archive.search.sqlite`).

The table is made by migrations ``0004`` and ``0008``::

    search_segment   id, article_id, version_id, seq, language, kind, spaceless, text,
                     main, loose                  -- search forms, as on SQLite
                     words  tsvector, GIN         -- the words of main (weight D) and of
                                                     loose (weight A), as unicode61 sees them
                     grams  text[], GIN           -- pairs and single characters of the
                                                     spaceless runs of main (spaceless rows)
                     main   gin_trgm_ops, GIN     -- trigram index (spaceless rows only)

The ``words`` vector is written as a ``tsvector`` literal built here (`words_document`): the
words of the search forms (`archive.search.text.search_forms`: Han folded, diacritics removed
except in Vietnamese) are cut and case-folded in Python exactly as the SQLite ``unicode61``
index does (`archive.search.text.word_spans`), so both engines find the same words; lexemes
are stored as given, as the ``simple`` configuration would. The ``loose`` words (Vietnamese
without marks) carry weight A at the same positions, so a query restricted to weight D
(``'việt':D``) sees only ``main`` and a diacritic-folding query sees both. Queries are
``tsquery`` literals built the same way (`words_query`), never parsed by PostgreSQL from user
text.

Routing is the planner's (`archive.search.plan`): ``words`` leaves become tsquery matches,
``trigram`` leaves ``ILIKE '%…%'`` (served by pg_trgm for three characters or more),
``bigram`` leaves ``grams @> ARRAY[…]`` (one- and two-character terms, which trigrams cannot
serve), ``scan`` leaves a ``strpos`` over spaceless rows. Scores: ``ts_rank`` (normalised by
document length) for words, occurrences per log-length for substrings; higher is better, but
they are not SQLite's bm25 values and may order hits differently (see docs/search.md).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from itertools import pairwise
from typing import Any

from sqlalchemy import Connection, text

from archive.search.plan import Index, Leaf, PlannedClause
from archive.search.query import Filters
from archive.search.sqlite import IndexRow, exact_conditions
from archive.search.sqlite import _filter_conditions as filter_conditions
from archive.search.sqlite import _Params as Params
from archive.search.text import fold_han, spaceless_runs, strip_diacritics, word_spans

__all__ = [
    "clear_index",
    "compile_search",
    "delete_versions",
    "grams_document",
    "insert_rows",
    "words_document",
    "words_query",
]

# PostgreSQL refuses lexemes over 2 kB and positions over 16383 (its own parser drops such
# words and clamps positions; so do we).
_MAX_LEXEME = 500
_MAX_POSITION = 16383


def _lexeme(word: str) -> str:
    """``word`` as a quoted tsvector/tsquery lexeme."""
    return "'" + word.replace("\\", "\\\\").replace("'", "''") + "'"


def _words(body: str) -> list[str]:
    """The words of a search form, case folded (its diacritics are already as indexed)."""
    return [unicodedata.normalize("NFC", body[a:b].casefold()) for a, b in word_spans(body)]


def words_document(main: str, loose: str = "") -> str:
    """A ``tsvector`` literal of the words of ``main`` (weight D, the default) and ``loose``
    (weight A) with their positions (1-based)."""
    positions: dict[str, dict[int, str]] = {}
    for body, weight in ((main, ""), (loose, "A")):
        for i, word in enumerate(_words(body), start=1):
            if word and len(word) <= _MAX_LEXEME:
                positions.setdefault(word, {}).setdefault(min(i, _MAX_POSITION), weight)
    return " ".join(
        _lexeme(word) + ":" + ",".join(f"{p}{where[p]}" for p in sorted(where))
        for word, where in positions.items()
    )


def grams_document(body: str) -> list[str]:
    """Every character pair and every single character of ``body``'s spaceless runs."""
    grams: set[str] = set()
    for run in spaceless_runs(body):
        grams.update(run)
        grams.update(a + b for a, b in pairwise(run))
    return sorted(grams)


def _phrase(text: str, *, prefix: bool, weights: str) -> str | None:
    words = [w for w in _words(text) if w and len(w) <= _MAX_LEXEME]
    if not words:
        return None
    parts = [_lexeme(w) + (":" + weights if weights else "") for w in words]
    if prefix:
        parts[-1] = _lexeme(words[-1]) + ":*" + weights
    return " <-> ".join(parts) if len(parts) > 1 else parts[0]


def words_query(leaf: Leaf) -> str | None:
    """A ``tsquery`` literal for a ``words`` leaf: a word, a phrase (``<->``), a prefix (``:*``).

    As typed or without diacritics, among the ``main`` words (weight D); a ``loose`` leaf:
    without diacritics, among all words (see the module docs)."""
    text = fold_han(leaf.text)
    bare = strip_diacritics(text)
    if leaf.loose:
        return _phrase(bare, prefix=leaf.prefix, weights="")
    forms = [
        q
        for form in dict.fromkeys((text, bare))
        if (q := _phrase(form, prefix=leaf.prefix, weights="D")) is not None
    ]
    if not forms:
        return None
    return forms[0] if len(forms) == 1 else " | ".join(f"({q})" for q in forms)


def _bigram_terms(leaf: Leaf) -> list[str]:
    out: list[str] = []
    for run in spaceless_runs(fold_han(leaf.text)):
        out.extend([run] if len(run) == 1 else [a + b for a, b in pairwise(run)])
    return out


def _like_pattern(value: str) -> str:
    escaped = value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


# --------------------------------------------------------------------------- upkeep


def delete_versions(conn: Connection, version_ids: Sequence[int]) -> None:
    """Remove every index row of these versions."""
    if version_ids:
        conn.execute(
            text("DELETE FROM search_segment WHERE version_id = ANY(:ids)"),
            {"ids": list(version_ids)},
        )


def insert_rows(conn: Connection, rows: Iterable[IndexRow]) -> int:
    """Add rows to the index (words vector and grams computed here)."""
    batch: list[dict[str, Any]] = []
    for r in rows:
        row = r.parameters()
        row["words"] = words_document(row["main"], row["loose"])
        row["grams"] = grams_document(row["main"]) if r.spaceless else None
        batch.append(row)
    if not batch:
        return 0
    conn.execute(
        text(
            "INSERT INTO search_segment(article_id, version_id, seq, language, kind, spaceless, "
            "text, main, loose, words, grams) VALUES (:a, :v, :seq, :lang, :kind, :sl, :text, "
            ":main, :loose, CAST(:words AS tsvector), CAST(:grams AS text[]))"
        ),
        batch,
    )
    return len(batch)


def clear_index(conn: Connection) -> None:
    """Empty the search table."""
    conn.execute(text("DELETE FROM search_segment"))


# --------------------------------------------------------------------------- queries


def _leaf_condition(leaf: Leaf, params: Params) -> str | None:
    if leaf.index == "words":
        query = words_query(leaf)
        if query is None:
            return None
        return f"s.words @@ CAST({params.add(query)} AS tsquery)"
    if leaf.index == "trigram":
        return f"(s.spaceless AND s.main ILIKE {params.add(_like_pattern(fold_han(leaf.text)))})"
    if leaf.index == "bigram":
        terms = _bigram_terms(leaf)
        if not terms:
            return None
        return f"(s.spaceless AND s.grams @> CAST({params.add(terms)} AS text[]))"
    return f"(s.spaceless AND strpos(s.main, {params.add(fold_han(leaf.text))}) > 0)"


def _clause_condition(clause: PlannedClause, params: Params) -> str | None:
    words = [q for leaf in clause.leaves if leaf.index == "words" if (q := words_query(leaf))]
    parts = []
    if words:
        # One tsquery for the clause's words, so one GIN lookup serves every alternative.
        joined = " | ".join(f"({q})" for q in words)
        parts.append(f"s.words @@ CAST({params.add(joined)} AS tsquery)")
    parts.extend(
        c
        for leaf in clause.leaves
        if leaf.index != "words"
        if (c := _leaf_condition(leaf, params)) is not None
    )
    if not parts:  # nothing an index can find: a wanted clause matches nothing
        return None if clause.excluded else "FALSE"
    condition = " OR ".join(parts)
    return f"NOT ({condition})" if clause.excluded else f"({condition})"


def _substring_score(leaf: Leaf, params: Params) -> str:
    """Occurrences of the leaf's text per log-length of the segment (0 where absent)."""
    needle = params.add(fold_han(leaf.text).casefold())
    return (
        f"((length(s.main) - length(replace(lower(s.main), {needle}, ''))) "
        f"/ greatest(length({needle}), 1)::float8 / (1 + ln(1 + length(s.main))))"
    )


def _score(clauses: Sequence[PlannedClause], params: Params) -> str:
    positive = [c for c in clauses if not c.excluded]
    words = [
        f"({q})"
        for clause in positive
        for leaf in clause.leaves
        if leaf.index == "words"
        if (q := words_query(leaf))
    ]
    terms = []
    if words:
        # Normalisation 1: divided by 1 + log(document length), so a denser match ranks higher.
        terms.append(f"ts_rank(s.words, CAST({params.add(' | '.join(words))} AS tsquery), 1)")
    terms.extend(
        _substring_score(leaf, params)
        for clause in positive
        for leaf in clause.leaves
        if leaf.index != "words"
    )
    return " + ".join(terms) if terms else "0.0"


_SELECT = (
    "SELECT s.id, s.article_id, s.version_id, s.language, s.kind, s.seq, s.text, a.title, "
    "{score} AS score\nFROM search_segment AS s\n"
    "JOIN article AS a ON a.id = s.article_id\n"
    "WHERE {where}\nORDER BY score DESC, s.id\nLIMIT {limit} OFFSET {offset}"
)


def compile_search(
    clauses: Sequence[PlannedClause],
    filters: Filters,
    *,
    limit: int,
    offset: int,
    raw: tuple[Index, str] | None = None,
) -> tuple[str, dict[str, Any]]:
    """The SQL and parameters for a planned query (or, with ``raw``, a PostgreSQL ``tsquery``
    typed by the user, matched against the words).

    Every clause is one condition (its words as one tsquery, its substrings as ``ILIKE``,
    ``@>`` or ``strpos``), ANDed; PostgreSQL combines the GIN indexes with bitmap scans.
    """
    params = Params()
    where: list[str] = []
    if raw is not None:
        query = params.add(raw[1])
        where.append(f"s.words @@ to_tsquery('simple', {query})")
        score = f"ts_rank(s.words, to_tsquery('simple', {query}), 1)"
    else:
        score = _score(clauses, params)
        where.extend(c for clause in clauses if (c := _clause_condition(clause, params)))
        where.extend(exact_conditions(clauses, params, find="strpos"))
    where.extend(filter_conditions(filters, params))
    sql = _SELECT.format(
        score=score,
        where="\n  AND ".join(where) if where else "TRUE",
        limit=params.add(limit),
        offset=params.add(offset),
    )
    return sql, params.values
