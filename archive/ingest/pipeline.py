"""Importing files and folders: read, analyse, store one article per transaction, record it.

One bad file never stops a batch: each failure becomes an outcome naming the file (and line)
and the problem, and nothing already stored is touched.
"""

from __future__ import annotations

import hashlib
import logging
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy.exc import IntegrityError, SQLAlchemyError
from sqlmodel import Session, col, select

from archive.db import Archive
from archive.errors import ArchiveError, ImportFailed
from archive.ingest.readers import (
    MAX_PAGE_BYTES,
    ReadItem,
    file_format,
    iter_jsonl,
    read_page,
)
from archive.ingest.records import ArticleRecord
from archive.ingest.store import StoreResult, store_article
from archive.models import ImportRecord, RawBlob, Version

log = logging.getLogger(__name__)

DONE = ("imported", "revised", "duplicate")


@dataclass(frozen=True, slots=True)
class ImportOutcome:
    """What happened to one file or one JSONL record."""

    source: str
    line: int | None
    outcome: str  # imported | revised | duplicate | failed | skipped
    article_id: int | None = None
    detail: str | None = None

    @property
    def where(self) -> str:
        """``file`` or ``file:line``."""
        return f"{self.source}:{self.line}" if self.line is not None else self.source


@dataclass
class ImportSummary:
    """Counts over a batch, and every outcome in order."""

    outcomes: list[ImportOutcome] = field(default_factory=list)
    new_version_ids: list[int] = field(default_factory=list)

    def count(self, outcome: str) -> int:
        """How many outcomes were ``outcome``."""
        return sum(1 for o in self.outcomes if o.outcome == outcome)

    @property
    def failed(self) -> list[ImportOutcome]:
        """The outcomes that failed."""
        return [o for o in self.outcomes if o.outcome == "failed"]


def iter_files(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Every file named or below a named folder, in a stable order (folders recursively)."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.is_file() and not _hidden(p, path))
        else:
            yield path


def _hidden(path: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(root).parts)


Analyzer = Callable[[Session, Version], None]
Progress = Callable[[Path, int], None]


class Importer:
    """Imports into one archive; keeps the ids of the versions it added (for alignment)."""

    def __init__(self, archive: Archive, *, analyze: bool = True) -> None:
        self.archive = archive
        self.analyzer: Analyzer | None = None
        if analyze:
            from archive.ingest.analyze import analyze_version

            self.analyzer = analyze_version
        self.new_version_ids: list[int] = []

    def import_paths(
        self, paths: Iterable[str | Path], *, progress: Progress | None = None
    ) -> ImportSummary:
        """Import files and folders; ``progress(path, bytes_done)`` is called after each file."""
        summary = ImportSummary()
        for path in iter_files(paths):
            for outcome in self.import_file(path):
                summary.outcomes.append(outcome)
            if progress is not None:
                progress(path, _size(path))
        summary.new_version_ids = list(self.new_version_ids)
        return summary

    def import_file(self, path: Path) -> Iterator[ImportOutcome]:
        """Import one file, yielding an outcome per article (per record for JSONL)."""
        source = str(path)
        fmt = file_format(path)
        if not path.exists():
            yield ImportOutcome(source, None, "failed", detail="no such file or folder")
            return
        if fmt is None:
            yield ImportOutcome(
                source, None, "skipped", detail=f"unknown file type {path.suffix or '(none)'!r}"
            )
            return
        try:
            if fmt == "jsonl":
                yield from self._import_jsonl(path)
            else:
                yield self._import_page(path, fmt)
        except OSError as exc:
            yield ImportOutcome(source, None, "failed", detail=f"cannot read ({exc.strerror})")
        except Exception as exc:  # a reader's bug on odd input must not stop the batch
            log.exception("unexpected error reading %s", source)
            reason = f"unexpected error: {type(exc).__name__}: {exc}".splitlines()[0]
            yield ImportOutcome(source, None, "failed", detail=reason)

    def _import_page(self, path: Path, fmt: str) -> ImportOutcome:
        source = str(path)
        size = path.stat().st_size
        if size == 0:
            return self._fail(source, None, b"", fmt, "empty file")
        if size > MAX_PAGE_BYTES:
            return ImportOutcome(
                source,
                None,
                "failed",
                detail=f"file too large ({size:,} bytes; pages are capped at {MAX_PAGE_BYTES:,})",
            )
        data = path.read_bytes()
        digest = hashlib.sha256(data).hexdigest()
        done = self._already_done(digest)
        if done is not None:
            return ImportOutcome(source, None, "duplicate", done, "already present")
        try:
            record = read_page(path, data, fmt)
        except ImportFailed as exc:
            return self._fail(source, None, data, fmt, exc.reason)
        return self._store(source, None, data, digest, digest, fmt, record)

    def _import_jsonl(self, path: Path) -> Iterator[ImportOutcome]:
        source = str(path)
        if path.stat().st_size == 0:
            yield self._fail(source, None, b"", "jsonl", "empty file")
            return
        seen_any = False
        for item in iter_jsonl(path):
            seen_any = True
            yield self._import_item(item)
        if not seen_any:
            yield self._fail(source, None, b"", "jsonl", "no records (only blank lines)")

    def _import_item(self, item: ReadItem) -> ImportOutcome:
        digest = hashlib.sha256(item.raw.rstrip(b"\r\n")).hexdigest()
        if item.error is not None or item.record is None:
            return self._fail(item.source, item.line, item.raw, "jsonl", item.error or "unreadable")
        done = self._already_done(digest)
        if done is not None:
            return ImportOutcome(item.source, item.line, "duplicate", done, "already present")
        return self._store(item.source, item.line, item.raw, digest, None, "jsonl", item.record)

    def _already_done(self, digest: str) -> int | None:
        with self.archive.session() as session:
            row = session.exec(
                select(ImportRecord)
                .where(ImportRecord.sha256 == digest)
                .where(col(ImportRecord.outcome).in_(DONE))
            ).first()
            return row.article_id if row is not None else None

    def _store(
        self,
        source: str,
        line: int | None,
        raw: bytes,
        digest: str,
        file_digest: str | None,
        fmt: str,
        record: ArticleRecord,
    ) -> ImportOutcome:
        """Store one record in its own transaction, retrying once on a concurrent insert."""
        for attempt in (1, 2):
            try:
                with self.archive.session() as session, session.begin():
                    result = store_article(session=session, record=record, analyze=self.analyzer)
                    blob = _ensure_blob(session, raw)
                    session.add(
                        ImportRecord(
                            source=source,
                            line=line,
                            sha256=digest,
                            file_sha256=file_digest,
                            format=fmt,
                            outcome=result.outcome,
                            article_id=result.article_id,
                            blob_id=blob.id,
                        )
                    )
                self.new_version_ids.extend(result.new_version_ids)
                return _outcome(source, line, result)
            except IntegrityError as exc:
                if attempt == 2:
                    return ImportOutcome(source, line, "failed", detail=f"conflict: {exc.orig}")
                log.info("retrying %s after a concurrent insert", source)
            except ArchiveError as exc:
                return ImportOutcome(source, line, "failed", detail=str(exc))
            except SQLAlchemyError as exc:
                reason = str(getattr(exc, "orig", None) or exc).splitlines()[0]
                return ImportOutcome(source, line, "failed", detail=f"database error: {reason}")
            except Exception as exc:  # a bug on odd input must not stop the batch
                log.exception("unexpected error storing %s", source)
                reason = f"unexpected error: {type(exc).__name__}: {exc}"
                return ImportOutcome(source, line, "failed", detail=reason.splitlines()[0])
        raise AssertionError("unreachable")

    def _fail(
        self, source: str, line: int | None, raw: bytes, fmt: str, reason: str
    ) -> ImportOutcome:
        """Record a failure (once per distinct input) and report it."""
        digest = hashlib.sha256(raw.rstrip(b"\r\n") if line is not None else raw).hexdigest()
        try:
            with self.archive.session() as session, session.begin():
                known = session.exec(
                    select(ImportRecord).where(
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
        return ImportOutcome(source, line, "failed", detail=reason)


def _ensure_blob(session: Session, raw: bytes) -> RawBlob:
    digest = hashlib.sha256(raw).hexdigest()
    blob = session.exec(select(RawBlob).where(RawBlob.sha256 == digest)).first()
    if blob is None:
        blob = RawBlob(sha256=digest, size=len(raw), compression="zlib", data=zlib.compress(raw, 6))
        session.add(blob)
        session.flush()
    return blob


def read_blob(blob: RawBlob) -> bytes:
    """The exact bytes an import record kept."""
    if blob.compression == "zlib":
        return zlib.decompress(blob.data)
    return bytes(blob.data)


def _outcome(source: str, line: int | None, result: StoreResult) -> ImportOutcome:
    detail = "already present" if result.outcome == "duplicate" else None
    return ImportOutcome(source, line, result.outcome, result.article_id, detail)


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def import_paths(
    archive: Archive,
    paths: Iterable[str | Path],
    *,
    analyze: bool = True,
    progress: Progress | None = None,
) -> ImportSummary:
    """Import files and folders into ``archive`` (see `Importer`)."""
    return Importer(archive, analyze=analyze).import_paths(paths, progress=progress)
