"""Search index maintenance: each version's segments, in their derived form, as index rows.

The index holds each segment's derived text (Zawgyi converted, NFC, …), so text published in
Zawgyi is found by a Unicode query. The importer indexes what it stores in the same
transaction (`index_new_versions`, `index_version`); a migration or ``archive db`` rebuilds
the whole index (`index_existing`, `rebuild_index`). On a database without a search back-end
every call does nothing, so imports still work.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any, Protocol

from sqlalchemy import Connection
from sqlalchemy.orm import load_only
from sqlmodel import Session, col, select

from archive.models import Segment, Version
from archive.search.backends import backend_for, dialect_of
from archive.search.text import has_spaceless

__all__ = [
    "Indexable",
    "index_existing",
    "index_new_versions",
    "index_ready",
    "index_version",
    "rebuild_index",
]

_BATCH = 500


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

    Called by `archive.ingest.annotate.write_analysis` with the segments it just wrote. Returns
    how many rows were indexed; on a database without a search back-end it does nothing and
    returns 0.
    """
    backend = backend_for(dialect_of(session))
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
    if backend_for(dialect_of(session)) is None:
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
    backend = backend_for(dialect_of(session))
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
    backend = backend_for(conn.dialect.name)
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
    backend = backend_for(dialect_of(session))
    if backend is None:
        return 0
    conn = session.connection()
    backend.clear_index(conn)
    return index_existing(conn)
