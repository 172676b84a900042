"""What an import did: an outcome per file or JSONL record, and the `ImportRecord` row (with the
input's exact bytes, kept once per content as a `RawBlob`) that makes a re-run idempotent and a
failure visible.
"""

from __future__ import annotations

import hashlib
import logging
import zlib
from dataclasses import dataclass, field
from typing import Protocol

from sqlalchemy import Table, bindparam, insert
from sqlalchemy.exc import SQLAlchemyError
from sqlmodel import Session, select

from archive.db import Archive
from archive.ingest.store import StoreResult
from archive.models import ImportRecord, RawBlob

log = logging.getLogger(__name__)

#: The outcomes after which the same input is already present.
DONE = ("imported", "revised", "duplicate")

_IMPORT_RECORD: Table = ImportRecord.__table__  # type: ignore[attr-defined]
_BLOB: Table = RawBlob.__table__  # type: ignore[attr-defined]

# Statements built once: SQLAlchemy then only binds each article's values.
_DONE_BEFORE = (
    select(_IMPORT_RECORD.c.article_id)
    .where(_IMPORT_RECORD.c.sha256 == bindparam("digest"))
    .where(_IMPORT_RECORD.c.outcome.in_(DONE))
    .limit(1)
)
_INSERT_IMPORT_RECORD = insert(_IMPORT_RECORD)
_FIND_BLOB = select(_BLOB.c.id).where(_BLOB.c.sha256 == bindparam("digest"))
_INSERT_BLOB = insert(_BLOB)


@dataclass(frozen=True, slots=True)
class ImportOutcome:
    """What happened to one file or one JSONL record."""

    source: str
    line: int | None
    outcome: str  # imported | revised | duplicate | failed | skipped
    article_id: int | None = None
    detail: str | None = None
    #: Bytes of input this outcome accounts for (the page, or the JSONL line), for progress.
    size: int = 0

    @property
    def where(self) -> str:
        """``file`` or ``file:line``."""
        return f"{self.source}:{self.line}" if self.line is not None else self.source


@dataclass
class ImportSummary:
    """Counts over a batch, and every outcome in order."""

    outcomes: list[ImportOutcome] = field(default_factory=list)
    new_version_ids: list[int] = field(default_factory=list)
    stopped: str | None = None  # why the batch stopped early (a full disk), else None

    def count(self, outcome: str) -> int:
        """How many outcomes were ``outcome``."""
        return sum(1 for o in self.outcomes if o.outcome == outcome)

    @property
    def failed(self) -> list[ImportOutcome]:
        """The outcomes that failed."""
        return [o for o in self.outcomes if o.outcome == "failed"]


def outcome_of(
    source: str, line: int | None, result: StoreResult, note: str | None = None
) -> ImportOutcome:
    """The outcome of a stored record."""
    detail = "already present" if result.outcome == "duplicate" else note
    return ImportOutcome(source, line, result.outcome, result.article_id, detail)


def oneline(exc: BaseException) -> str:
    """An unexpected error as one line of an outcome's detail."""
    text = f"unexpected error: {type(exc).__name__}: {exc}"
    return (text.splitlines() or [text])[0][:500]


def db_reason(exc: SQLAlchemyError) -> str:
    """A database error as one line."""
    return str(getattr(exc, "orig", None) or exc).splitlines()[0]


def already_done(archive: Archive, digest: str) -> int | None:
    """The article of an earlier import of the same input (by its sha256), or None."""
    with archive.engine.connect() as conn:
        return conn.execute(_DONE_BEFORE, {"digest": digest}).scalar()


class InputRef(Protocol):
    """What identifies one input: where it came from, its digests, format and exact bytes."""

    @property
    def source(self) -> str: ...

    @property
    def line(self) -> int | None: ...

    @property
    def digest(self) -> str: ...

    @property
    def file_digest(self) -> str | None: ...

    @property
    def fmt(self) -> str: ...

    @property
    def raw(self) -> bytes: ...


def store_import_record(
    session: Session, ref: InputRef, result: StoreResult, detail: str | None = None
) -> None:
    """What was imported from where, with its outcome and the input's exact bytes (in the
    article's transaction)."""
    session.connection().execute(
        _INSERT_IMPORT_RECORD,
        {
            "source": ref.source,
            "line": ref.line,
            "sha256": ref.digest,
            "file_sha256": ref.file_digest,
            "format": ref.fmt,
            "outcome": result.outcome,
            "detail": detail,
            "article_id": result.article_id,
            "blob_id": _ensure_blob(session, ref.raw),
        },
    )


def record_failure(
    archive: Archive, source: str, line: int | None, raw: bytes, fmt: str, reason: str
) -> ImportOutcome:
    """Record a failure (once per distinct input) in its own transaction, and report it."""
    digest = hashlib.sha256(raw.rstrip(b"\r\n") if line is not None else raw).hexdigest()
    try:
        with archive.session() as session, session.begin():
            known = session.exec(
                select(ImportRecord.id).where(
                    ImportRecord.sha256 == digest,
                    ImportRecord.source == source,
                    ImportRecord.outcome == "failed",
                )
            ).first()
            if known is None:
                session.add(
                    ImportRecord(
                        source=source,
                        line=line,
                        sha256=digest,
                        format=fmt,
                        outcome="failed",
                        detail=reason,
                    )
                )
    except SQLAlchemyError:
        log.warning("could not record the failure of %s", source)
    return ImportOutcome(source, line, "failed", detail=reason, size=len(raw))


def _ensure_blob(session: Session, raw: bytes) -> int:
    conn = session.connection()
    digest = hashlib.sha256(raw).hexdigest()
    found = conn.execute(_FIND_BLOB, {"digest": digest}).scalar()
    if found is not None:
        return int(found)
    key = conn.execute(
        _INSERT_BLOB,
        {"sha256": digest, "size": len(raw), "compression": "zlib", "data": zlib.compress(raw, 6)},
    ).inserted_primary_key
    assert key is not None
    return int(key[0])


def read_blob(blob: RawBlob) -> bytes:
    """The exact bytes an import record kept."""
    if blob.compression == "zlib":
        return zlib.decompress(blob.data)
    return bytes(blob.data)
