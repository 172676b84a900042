"""Moving a whole archive to another database (typically an SQLite file to a PostgreSQL server),
and what a team needs to know about one: `copy_archive`, `archive_info`.

>>> report = copy_archive(open_archive("archive.db"), open_archive("postgresql://…/archive"))

Every table is copied row by row with its ids kept, in id batches (memory stays flat), inside one
transaction on the target: a failed copy leaves the target as it was. Columns that point into
their own table (a version's ``derived_from_id``) are filled in a second pass, so the order of
rows never breaks a foreign key. Afterwards PostgreSQL's id sequences are moved past the copied
ids, the search index is rebuilt on the target, and the copy is verified: the row count of every
table, the sha256 of every version's text and of every raw import blob.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import time
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, Table, bindparam, func, insert, select, text, update
from sqlalchemy.exc import DataError, IntegrityError
from sqlmodel import Session, SQLModel

import archive.models  # noqa: F401  (registers the tables on SQLModel.metadata)
from archive.db import Archive, current_revision, schema_head
from archive.errors import CopyFailed, TargetNotEmpty
from archive.identity import sha256_text
from archive.search import rebuild_index

__all__ = [
    "ArchiveInfo",
    "CopyReport",
    "archive_info",
    "archive_tables",
    "copy_archive",
    "display_url",
]

log = logging.getLogger(__name__)

BATCH = 2000

# Called as progress(table, rows_done, rows_total) while copying and verifying.
Progress = Callable[[str, int, int], None]


@dataclass(frozen=True, slots=True)
class CopyReport:
    """What a copy did: rows per table, what was verified, how long it took."""

    rows: dict[str, int]
    versions_verified: int
    blobs_verified: int
    search_rows: int
    seconds: float
    replaced: int = 0

    @property
    def total_rows(self) -> int:
        """Rows copied over every table."""
        return sum(self.rows.values())

    def summary(self) -> str:
        """One line for a person."""
        replaced = f"; {self.replaced:,} rows replaced" if self.replaced else ""
        return (
            f"copied {self.total_rows:,} rows in {len(self.rows)} tables "
            f"({self.rows.get('article', 0):,} articles, {self.rows.get('version', 0):,} versions) "
            f"in {self.seconds:.1f}s; verified counts, {self.versions_verified:,} version and "
            f"{self.blobs_verified:,} blob hashes; {self.search_rows:,} rows indexed{replaced}"
        )


@dataclass(frozen=True, slots=True)
class ArchiveInfo:
    """Where an archive is and what it holds (``db info``)."""

    url: str
    dialect: str
    revision: str | None
    head: str | None
    counts: dict[str, int] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        """The ``db info --json`` document."""
        return {
            "url": self.url,
            "dialect": self.dialect,
            "revision": self.revision,
            "head": self.head,
            "up_to_date": self.revision == self.head,
            "counts": self.counts,
        }


def display_url(archive: Archive) -> str:
    """The archive's URL with any password hidden (a file path for SQLite)."""
    if archive.dialect == "sqlite":
        return archive.url.removeprefix("sqlite:///")
    return archive.engine.url.render_as_string(hide_password=True)


def archive_tables() -> list[Table]:
    """The archive's tables in dependency order (a table after every table it points to)."""
    return list(SQLModel.metadata.sorted_tables)


def _count(conn: Connection, table: Table) -> int:
    return int(conn.execute(select(func.count()).select_from(table)).scalar_one())


def archive_info(archive: Archive) -> ArchiveInfo:
    """URL (no password), dialect, schema revision and row counts of ``archive``."""
    with archive.engine.connect() as conn:
        counts = {t.name: _count(conn, t) for t in archive_tables()}
        if archive.dialect in ("sqlite", "postgresql"):
            counts["search_segment"] = int(
                conn.execute(text("SELECT count(*) FROM search_segment")).scalar_one()
            )
    return ArchiveInfo(
        url=display_url(archive),
        dialect=archive.dialect,
        revision=current_revision(archive.engine),
        head=schema_head(),
        counts=counts,
    )


def _batches(conn: Connection, table: Table, size: int) -> Iterator[list[dict[str, Any]]]:
    """The rows of ``table`` in id order, ``size`` at a time (keyset paging: flat memory)."""
    key = table.c.id
    last: Any = None
    while True:
        statement = select(table).order_by(key).limit(size)
        if last is not None:
            statement = statement.where(key > last)
        rows = [dict(row._mapping) for row in conn.execute(statement)]
        if not rows:
            return
        yield rows
        last = rows[-1]["id"]


def _self_references(table: Table) -> list[str]:
    return [c.name for c in table.columns if any(f.column.table is table for f in c.foreign_keys)]


def _as_utc(value: Any) -> Any:
    # SQLite keeps datetimes without a zone; they were written in UTC (`archive.models.utcnow`).
    if isinstance(value, dt.datetime) and value.tzinfo is None:
        return value.replace(tzinfo=dt.UTC)
    return value


def _copy_table(
    source: Connection,
    target: Connection,
    table: Table,
    *,
    url: str,
    batch: int,
    progress: Progress | None,
) -> int:
    total = _count(source, table)
    later = _self_references(table)
    done = 0
    if progress is not None:
        progress(table.name, 0, total)
    for rows in _batches(source, table, batch):
        fixes = []
        for row in rows:
            for name, value in row.items():
                row[name] = _as_utc(value)
            if later and any(row[name] is not None for name in later):
                fixes.append({"_id": row["id"], **{f"_{name}": row[name] for name in later}})
                for name in later:
                    row[name] = None
        try:
            target.execute(insert(table), rows)
            if fixes:
                target.execute(
                    update(table)
                    .where(table.c.id == bindparam("_id"))
                    .values({name: bindparam(f"_{name}") for name in later}),
                    fixes,
                )
        except (DataError, IntegrityError) as exc:
            reason = str(exc.orig).splitlines()[0] if exc.orig is not None else str(exc)
            where = f"{table.name} ids {rows[0]['id']}..{rows[-1]['id']}"
            raise CopyFailed(url, f"{where} cannot be stored: {reason}") from None
        done += len(rows)
        if progress is not None:
            progress(table.name, done, total)
    return done


def _fix_sequences(target: Connection, tables: list[Table]) -> None:
    """Move each PostgreSQL id sequence past the copied ids (explicit ids do not advance it)."""
    if target.dialect.name != "postgresql":
        return
    for table in tables:
        target.execute(
            text(
                f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                f"coalesce((SELECT max(id) FROM {table.name}), 0) + 1, false)"
            )
        )


def _empty_target(target: Connection, tables: list[Table]) -> int:
    """Delete every row (the search index is rebuilt after the copy anyway)."""
    removed = 0
    for table in reversed(tables):
        removed += target.execute(table.delete()).rowcount or 0
    return removed


def _blob_sha256(compression: str, data: bytes) -> str:
    raw = zlib.decompress(data) if compression == "zlib" else bytes(data)
    return hashlib.sha256(raw).hexdigest()


def _verify(
    source: Connection,
    target: Connection,
    tables: list[Table],
    *,
    url: str,
    batch: int,
    progress: Progress | None,
) -> tuple[int, int]:
    """Counts of every table, then every version's text hash and every blob's hash."""
    for table in tables:
        mine, theirs = _count(source, table), _count(target, table)
        if mine != theirs:
            raise CopyFailed(
                url, f"table {table.name}: {mine:,} rows in the source, {theirs:,} copied"
            )
    meta = SQLModel.metadata.tables
    checks: list[tuple[Table, Callable[[dict[str, Any]], str], str]] = [
        (meta["version"], lambda r: sha256_text(r["text"]), "text of version"),
        (meta["rawblob"], lambda r: _blob_sha256(r["compression"], r["data"]), "raw blob"),
    ]
    verified = []
    for table, digest, what in checks:
        total, done = _count(source, table), 0
        for rows in _batches(source, table, batch):
            low, high = rows[0]["id"], rows[-1]["id"]
            copied = {
                row.id: row._mapping
                for row in target.execute(
                    select(table).where(table.c.id >= low, table.c.id <= high)
                )
            }
            for row in rows:
                other = copied.get(row["id"])
                if other is None:
                    raise CopyFailed(url, f"{what} {row['id']} is missing")
                stored = row["sha256"]
                if digest(dict(other)) != stored or other["sha256"] != stored:
                    raise CopyFailed(url, f"{what} {row['id']}: sha256 differs from the source")
            done += len(rows)
            if progress is not None:
                progress(f"verify {table.name}", done, total)
        verified.append(done)
    return verified[0], verified[1]


def copy_archive(
    source: Archive,
    target: Archive,
    *,
    force: bool = False,
    batch: int = BATCH,
    progress: Progress | None = None,
) -> CopyReport:
    """Copy every row of ``source`` into ``target`` (both migrated), ids kept, then verify.

    Raises:
        TargetNotEmpty: ``target`` holds rows and ``force`` is false.
        CopyFailed: a row could not be stored, or the copy did not verify (nothing is
            committed: the target is left as it was).
        ValueError: the two archives are one database, or their schema revisions differ.
    """
    if source.url == target.url:
        raise ValueError("the source and the target are the same archive")
    revisions = current_revision(source.engine), current_revision(target.engine)
    if revisions[0] != revisions[1]:
        raise ValueError(f"schema revisions differ: source {revisions[0]}, target {revisions[1]}")
    url = display_url(target)
    tables = archive_tables()
    started = time.monotonic()
    rows: dict[str, int] = {}
    # One read transaction on the source: the copy is a snapshot even while someone imports.
    with source.engine.connect() as src, target.engine.begin() as dst, src.begin():
        held = sum(_count(dst, t) for t in tables)
        replaced = 0
        if held:
            if not force:
                raise TargetNotEmpty(url, held)
            replaced = _empty_target(dst, tables)
        for table in tables:
            rows[table.name] = _copy_table(src, dst, table, url=url, batch=batch, progress=progress)
        _fix_sequences(dst, tables)
        if progress is not None:
            progress("search index", 0, rows.get("version", 0))
        with Session(bind=dst) as session:
            search_rows = rebuild_index(session=session)
        if progress is not None:
            progress("search index", rows.get("version", 0), rows.get("version", 0))
        versions, blobs = _verify(src, dst, tables, url=url, batch=batch, progress=progress)
    seconds = time.monotonic() - started
    report = CopyReport(
        rows=rows,
        versions_verified=versions,
        blobs_verified=blobs,
        search_rows=search_rows,
        seconds=seconds,
        replaced=replaced,
    )
    log.info("%s", report.summary())
    return report
