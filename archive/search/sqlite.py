"""The SQLite back-end of search: FTS5 index upkeep and queries, as raw SQL.

The tables are made by migration ``0008`` (one dedented template there)::

    search_segment   id, article_id, version_id, seq, language, kind, spaceless, text,
                     main, loose
                     -- one row per segment; ``text`` is the DERIVED text (snippets),
                     -- ``main``/``loose`` its search forms (`archive.search.text.search_forms`)
    search_words     FTS5 unicode61 (remove_diacritics 0: diacritics are folded in Python, not
                     in Vietnamese; marks are letters) over ``main`` and ``loose``, external
                     content = search_segment, kept by triggers
    search_trigram   FTS5 trigram over ``main``, external content = search_segment, only rows
                     with spaceless-script text (``spaceless = 1``), kept by triggers
    search_bigram    FTS5 contentless, hex character pairs of the spaceless runs of ``main``
                     (`archive.search.text.bigram_document`), kept here in Python

The bigram index is contentless, so deleting a row means inserting FTS5's ``'delete'`` command
with the same tokens it was indexed with: they are recomputed from ``search_segment.text``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, text

from archive.search.plan import PREFERENCE, Index, Leaf, PlannedClause
from archive.search.query import CreditFilter, Filters
from archive.search.text import bigram_document, search_forms

__all__ = ["IndexRow", "clear_index", "compile_search", "delete_versions", "insert_rows"]

TABLES: dict[str, str] = {
    "words": "search_words",
    "trigram": "search_trigram",
    "bigram": "search_bigram",
}


@dataclass(frozen=True, slots=True)
class IndexRow:
    """One segment as indexed: where it is, and its derived text."""

    article_id: int
    version_id: int
    seq: int
    language: str
    kind: str
    spaceless: bool
    text: str

    @property
    def forms(self) -> tuple[str, str]:
        """The indexed search forms of ``text``: ``(main, loose)``."""
        return search_forms(self.text, self.language)

    def parameters(self) -> dict[str, Any]:
        """The bind parameters both back-ends' ``search_segment`` inserts share."""
        main, loose = self.forms
        return {
            "a": self.article_id,
            "v": self.version_id,
            "seq": self.seq,
            "lang": self.language,
            "kind": self.kind,
            "sl": self.spaceless,
            "text": self.text,
            "main": main,
            "loose": loose,
        }


# --------------------------------------------------------------------------- upkeep


def delete_versions(conn: Connection, version_ids: Sequence[int]) -> None:
    """Remove every index row of these versions (all three indexes)."""
    for version_id in version_ids:
        old = conn.execute(
            text("SELECT id, main FROM search_segment WHERE version_id = :v AND spaceless = 1"),
            {"v": version_id},
        ).all()
        if old:
            conn.execute(
                text(
                    "INSERT INTO search_bigram(search_bigram, rowid, grams) "
                    "VALUES ('delete', :id, :grams)"
                ),
                [{"id": row_id, "grams": bigram_document(body)} for row_id, body in old],
            )
        conn.execute(text("DELETE FROM search_segment WHERE version_id = :v"), {"v": version_id})


def insert_rows(conn: Connection, rows: Iterable[IndexRow]) -> int:
    """Add rows to the index (the triggers fill words and trigram; bigram is filled here)."""
    batch: list[dict[str, Any]] = []
    for r in rows:
        batch.append({**r.parameters(), "sl": int(r.spaceless)})
    if not batch:
        return 0
    conn.execute(
        text(
            "INSERT INTO search_segment(article_id, version_id, seq, language, kind, spaceless, "
            "text, main, loose) VALUES (:a, :v, :seq, :lang, :kind, :sl, :text, :main, :loose)"
        ),
        batch,
    )
    versions = sorted({int(b["v"]) for b in batch if b["sl"]})
    for version_id in versions:
        fresh = conn.execute(
            text("SELECT id, main FROM search_segment WHERE version_id = :v AND spaceless = 1"),
            {"v": version_id},
        ).all()
        conn.execute(
            text("INSERT INTO search_bigram(rowid, grams) VALUES (:id, :grams)"),
            [{"id": row_id, "grams": bigram_document(body)} for row_id, body in fresh],
        )
    return len(batch)


def clear_index(conn: Connection) -> None:
    """Empty every search table (the triggers clear words and trigram row by row)."""
    conn.execute(text("INSERT INTO search_bigram(search_bigram) VALUES ('delete-all')"))
    conn.execute(text("DELETE FROM search_segment"))


# --------------------------------------------------------------------------- queries


class _Params:
    """Numbered bind parameters (``:p0``, ``:p1`` …); values never enter the SQL text."""

    def __init__(self) -> None:
        self.values: dict[str, Any] = {}

    def add(self, value: Any) -> str:
        name = f"p{len(self.values)}"
        self.values[name] = value
        return f":{name}"


def _match_subquery(index: Index, expr: str, params: _Params) -> str:
    if index == "scan":
        return (
            "SELECT id FROM search_segment WHERE spaceless = 1 "
            f"AND instr(main, {params.add(expr)}) > 0"
        )
    table = TABLES[index]
    return f"SELECT rowid FROM {table} WHERE {table} MATCH {params.add(expr)}"


def _clause_condition(clause: PlannedClause, params: _Params) -> str:
    """``s.id`` is in the rows of any leaf of the clause (NOT for an excluded clause)."""
    by_index: dict[Index, list[Leaf]] = {}
    for leaf in clause.leaves:
        by_index.setdefault(leaf.index, []).append(leaf)
    parts: list[str] = []
    for index, leaves in by_index.items():
        if index == "scan":
            parts.extend(
                f"(s.spaceless = 1 AND instr(s.main, {params.add(leaf.expr)}) > 0)"
                for leaf in leaves
            )
        else:
            expr = " OR ".join(f"({leaf.expr})" for leaf in leaves)
            parts.append(f"s.id IN ({_match_subquery(index, expr, params)})")
    condition = " OR ".join(parts)
    return f"NOT ({condition})" if clause.excluded else f"({condition})"


def exact_conditions(
    clauses: Sequence[PlannedClause], params: _Params, *, find: str = "instr"
) -> list[str]:
    """For each wanted clause with a term to be found only as typed (`Leaf.exact`): the
    segment's derived text holds one of its terms as typed (``find`` is SQLite's ``instr`` or
    PostgreSQL's ``strpos``). The indexes matched the folded forms; this keeps one form."""
    out = []
    for clause in clauses:
        if clause.excluded or all(leaf.exact is None for leaf in clause.leaves):
            continue
        options = [
            "1 = 1"
            if leaf.exact is None
            else f"{find}(lower(s.text), lower({params.add(leaf.exact)})) > 0"
            for leaf in clause.leaves
        ]
        out.append("(" + " OR ".join(options) + ")")
    return out


def _fts_expression(clauses: Sequence[PlannedClause], excluded: Sequence[PlannedClause]) -> str:
    expr = " AND ".join(
        "(" + " OR ".join(f"({leaf.expr})" for leaf in c.leaves) + ")" for c in clauses
    )
    for clause in excluded:
        expr = f"({expr}) NOT ({clause.leaves[0].expr})"
    return expr


def _service_subquery(name: str, params: _Params) -> str:
    from archive.ingest.services import resolve_service, service_key_for

    keys = {service_key_for(name), name.strip().lower()}
    info = resolve_service(name)
    if info is not None:
        keys.add(info.key)
    key_params = ", ".join(params.add(k) for k in sorted(keys))
    folded = params.add(name.strip().casefold())
    return (
        "SELECT service.id FROM service "
        "LEFT JOIN servicealias ON servicealias.service_id = service.id "
        f"WHERE service.key IN ({key_params}) OR lower(service.name) = {folded} "
        f"OR lower(servicealias.alias) = {folded}"
    )


def _person_subquery(name: str, params: _Params) -> str:
    from archive.ingest.names import person_key

    return (
        "SELECT person.id FROM person "
        "LEFT JOIN personalias ON personalias.person_id = person.id "
        f"WHERE person.key = {params.add(person_key(name))} "
        f"OR lower(personalias.alias) = {params.add(name.strip().casefold())}"
    )


def _credit_condition(credit: CreditFilter, params: _Params) -> str:
    # Not correlated with the outer row on purpose: SQLite computes a plain IN (SELECT …) once,
    # where a correlated EXISTS re-ran the alias look-ups for every candidate segment (8.6 s
    # for `translator:"NAME" word` on 10k articles).
    parts = ["1 = 1"]
    if credit.role is not None:
        parts.append(f"c.role = {params.add(credit.role)}")
    if credit.name is not None:
        if credit.person_ids is not None:
            ids = ", ".join(params.add(i) for i in credit.person_ids) or "NULL"
            people = f"c.person_id IN ({ids})"
        else:
            people = f"c.person_id IN ({_person_subquery(credit.name, params)})"
        parts.append(f"({people} OR c.service_id IN ({_service_subquery(credit.name, params)}))")
    return (
        "s.article_id IN (SELECT c.article_id FROM credit AS c WHERE " + " AND ".join(parts) + ")"
    )


def _filter_conditions(filters: Filters, params: _Params) -> list[str]:
    out = []
    for language in filters.languages:
        prefix = language.strip() + "-"
        out.append(
            f"(s.language = {params.add(language.strip())} "
            f"OR substr(s.language, 1, {params.add(len(prefix))}) = {params.add(prefix)})"
        )
    out.extend(f"s.kind = {params.add(kind)}" for kind in filters.kinds)
    for low, high in filters.years:
        out.append(
            f"(a.date >= {params.add(f'{low:04d}-01-01')} "
            f"AND a.date <= {params.add(f'{high:04d}-12-31')})"
        )
    if filters.since is not None:
        out.append(f"a.date >= {params.add(filters.since.isoformat())}")
    if filters.until is not None:
        out.append(f"a.date <= {params.add(filters.until.isoformat())}")
    out.extend(f"a.service_id IN ({_service_subquery(name, params)})" for name in filters.services)
    out.extend(_credit_condition(credit, params) for credit in filters.credits)
    return out


_SELECT = (
    "SELECT s.id, s.article_id, s.version_id, s.language, s.kind, s.seq, s.text, a.title, "
    "{score} AS score\nFROM {source}\n"
    "JOIN search_segment AS s ON s.id = {rowid}\n"
    "JOIN article AS a ON a.id = s.article_id\n"
    "WHERE {where}\nORDER BY score DESC, s.id\nLIMIT {limit} OFFSET {offset}"
)
_SELECT_SCAN = (
    "SELECT s.id, s.article_id, s.version_id, s.language, s.kind, s.seq, s.text, a.title, "
    "0.0 AS score\nFROM search_segment AS s\n"
    "JOIN article AS a ON a.id = s.article_id\n"
    "WHERE {where}\nORDER BY s.id\nLIMIT {limit} OFFSET {offset}"
)


def compile_search(
    clauses: Sequence[PlannedClause],
    filters: Filters,
    *,
    limit: int,
    offset: int,
    raw: tuple[Index, str] | None = None,
) -> tuple[str, dict[str, Any]]:
    """The SQL and parameters for a planned query (or a raw FTS5 expression on one index).

    The index with the most clauses of its own drives the query and ranks it (bm25; the score
    is ``-bm25``, so higher is better); other clauses become ``s.id [NOT] IN (…)`` conditions.
    A query whose every clause spans several indexes is driven by the union of the first
    clause's indexes, each hit scored by its best bm25.
    """
    params = _Params()
    where: list[str] = []
    positive = [c for c in clauses if not c.excluded]
    excluded = [c for c in clauses if c.excluded]
    single = [c for c in positive if len(c.indexes) == 1]
    if raw is not None:
        index, expr = raw
        table = TABLES[index]
        source, rowid, score = table, f"{table}.rowid", f"-bm25({table})"
        where.append(f"{table} MATCH {params.add(expr)}")
        rest: list[PlannedClause] = []
    elif single:
        counts = {i: sum(1 for c in single if i in c.indexes) for i in PREFERENCE}
        driver = max(PREFERENCE, key=lambda i: (counts[i], -PREFERENCE.index(i)))
        mine = [c for c in single if driver in c.indexes]
        mine_excluded = [c for c in excluded if driver in c.indexes] if driver != "scan" else []
        rest = [c for c in clauses if c not in mine and c not in mine_excluded]
        if driver == "scan":
            rest = list(clauses)
            where.extend(_clause_condition(c, params) for c in rest)
            where.extend(exact_conditions(clauses, params))
            where.extend(_filter_conditions(filters, params))
            sql = _SELECT_SCAN.format(
                where="\n  AND ".join(where),
                limit=params.add(limit),
                offset=params.add(offset),
            )
            return sql, params.values
        table = TABLES[driver]
        source, rowid, score = table, f"{table}.rowid", f"-bm25({table})"
        where.append(f"{table} MATCH {params.add(_fts_expression(mine, mine_excluded))}")
    else:
        first = positive[0]
        branches = []
        for index in sorted(first.indexes, key=PREFERENCE.index):
            expr = " OR ".join(f"({leaf.expr})" for leaf in first.leaves if leaf.index == index)
            if index == "scan":
                branches.append(
                    "SELECT id, 0.0 AS score FROM search_segment WHERE spaceless = 1 "
                    f"AND instr(main, {params.add(expr)}) > 0"
                )
            else:
                table = TABLES[index]
                branches.append(
                    f"SELECT rowid AS id, -bm25({table}) AS score FROM {table} "
                    f"WHERE {table} MATCH {params.add(expr)}"
                )
        source = (
            "(SELECT id, max(score) AS score FROM (\n    "
            + "\n    UNION ALL\n    ".join(branches)
            + "\n  ) GROUP BY id) AS hits"
        )
        rowid, score = "hits.id", "hits.score"
        rest = [c for c in clauses if c is not first]
    where.extend(_clause_condition(c, params) for c in rest)
    where.extend(exact_conditions(clauses, params))
    where.extend(_filter_conditions(filters, params))
    if len(where) == 1 and source in TABLES.values():
        # Nothing but the MATCH: rank and cut inside FTS5, then join only the page of hits
        # (twice as fast on common words as joining every match before sorting).
        source = (
            f"(SELECT rowid AS id, {score} AS score FROM {source} WHERE {where[0]} "
            f"ORDER BY score DESC, rowid LIMIT {params.add(limit)} OFFSET {params.add(offset)}) "
            "AS hits"
        )
        rowid, score, where = "hits.id", "hits.score", []
        limit, offset = -1, 0
    sql = _SELECT.format(
        score=score,
        source=source,
        rowid=rowid,
        where="\n  AND ".join(where) if where else "1",
        limit=params.add(limit),
        offset=params.add(offset),
    )
    return sql, params.values
