"""Turning the files of an import into units of work, in input order: a unit per record or
page still to store (with what identifies its input and the job a worker does on it), or an
outcome already known (a duplicate input, an unreadable file, a failure), or a marker that a
file is done. Duplicates are found here by the input's sha256, before any parsing.
"""

from __future__ import annotations

import hashlib
import logging
from collections import Counter
from collections.abc import Iterable, Iterator
from concurrent.futures import Future
from dataclasses import dataclass
from pathlib import Path

from sqlmodel import select

from archive.db import Archive
from archive.errors import ImportFailed
from archive.ingest.import_records import ImportOutcome, already_done, oneline, record_failure
from archive.ingest.readers import MAX_PAGE_BYTES, ReadItem, file_format, iter_jsonl, read_capped
from archive.ingest.walk import Unreadable
from archive.ingest.warc import (
    CaptureInfo,
    Tally,
    WarcError,
    WarcRepeat,
    iter_warc_items,
    warc_format,
)
from archive.ingest.workers import Job, Prepared
from archive.models import Capture

log = logging.getLogger(__name__)


@dataclass(slots=True)
class Unit:
    """A record (or page) waiting to be stored, with what identifies its input."""

    source: str
    line: int | None
    raw: bytes
    digest: str
    file_digest: str | None
    fmt: str
    job: Job
    recheck: bool = False  # an identical input is ahead of it in the window
    capture: CaptureInfo | None = None  # the WARC record it was read from


@dataclass(slots=True)
class Slot:
    """One place in the window: a ready outcome, or a unit and (maybe) its worker's future."""

    outcome: ImportOutcome | None = None
    unit: Unit | None = None
    future: Future[Prepared] | None = None
    path_done: Path | None = None  # a marker: every outcome of this file is ahead of it
    repeat: CaptureInfo | None = None  # a capture of a page stored before this slot

    def ready(self) -> bool:
        """Nothing to wait for: no worker, or its worker is done."""
        return self.future is None or self.future.done()


class Units:
    """The slots of an import's files, in order (see `slots`).

    Args:
        archive: where earlier imports and failures are looked up and failures recorded.
        analyze, align: what the job of each unit asks of a worker.
        warc: what was read of web archives, counted as they are read.
    """

    def __init__(self, archive: Archive, *, analyze: bool, align: bool, warc: Tally) -> None:
        self.archive = archive
        self.analyze = analyze
        self.align = align
        self.warc = warc

    def _fail(
        self, source: str, line: int | None, raw: bytes, fmt: str, reason: str
    ) -> ImportOutcome:
        return record_failure(self.archive, source, line, raw, fmt, reason)

    def slots(self, files: Iterable[Path | Unreadable], in_flight: Counter[str]) -> Iterator[Slot]:
        """A slot per record, page or known outcome of each file, then one marking the file
        done; ``in_flight`` counts the units by digest (the caller takes them off as it stores
        them), so a unit whose input is ahead of it in the window is checked again."""
        for path in files:
            if isinstance(path, Unreadable):
                outcome = ImportOutcome(str(path.path), None, "failed", detail=path.reason)
                yield Slot(outcome=outcome)
                yield Slot(path_done=path.path)
                continue
            try:
                for slot in self._file_slots(path):
                    if slot.unit is not None:
                        unit = slot.unit
                        unit.recheck = in_flight[unit.digest] > 0
                        in_flight[unit.digest] += 1
                    yield slot
            except OSError as exc:
                yield Slot(
                    outcome=ImportOutcome(
                        str(path), None, "failed", detail=f"cannot read ({exc.strerror})"
                    )
                )
            except Exception as exc:  # a reader's bug on odd input must not stop the batch
                log.exception("unexpected error reading %s", path)
                yield Slot(outcome=ImportOutcome(str(path), None, "failed", detail=oneline(exc)))
            yield Slot(path_done=path)

    def _file_slots(self, path: Path) -> Iterator[Slot]:
        source = str(path)
        fmt = file_format(path)
        if not path.exists():
            yield Slot(
                outcome=ImportOutcome(source, None, "failed", detail="no such file or folder")
            )
            return
        if not path.is_file():
            detail = "is a folder" if path.is_dir() else "not a regular file"
            yield Slot(outcome=ImportOutcome(source, None, "failed", detail=detail))
            return
        if warc_format(path) is not None:
            yield from self._warc_slots(path)
            return
        if fmt is None:
            detail = f"unknown file type {path.suffix or '(none)'!r}"
            yield Slot(outcome=ImportOutcome(source, None, "skipped", detail=detail))
            return
        if fmt == "jsonl":
            yield from self._jsonl_slots(path)
        else:
            yield self._page_slot(path, fmt)

    def _page_slot(self, path: Path, fmt: str) -> Slot:
        source = str(path)
        size = path.stat().st_size
        if size > MAX_PAGE_BYTES:
            detail = f"file too large ({size:,} bytes; pages are capped at {MAX_PAGE_BYTES:,})"
            return Slot(outcome=ImportOutcome(source, None, "failed", detail=detail))
        try:
            data = read_capped(path, MAX_PAGE_BYTES)
        except ImportFailed as exc:
            return Slot(outcome=ImportOutcome(source, None, "failed", detail=exc.reason))
        if not data:
            return Slot(outcome=self._fail(source, None, b"", fmt, "empty file"))
        digest = hashlib.sha256(data).hexdigest()
        done = already_done(self.archive, digest)
        if done is not None:
            return Slot(
                outcome=ImportOutcome(source, None, "duplicate", done, "already present", size)
            )
        job = Job(None, (source, data, fmt), self.analyze, self.align)
        return Slot(unit=Unit(source, None, data, digest, digest, fmt, job))

    def _jsonl_slots(self, path: Path) -> Iterator[Slot]:
        source = str(path)
        if path.stat().st_size == 0:
            yield Slot(outcome=self._fail(source, None, b"", "jsonl", "empty file"))
            return
        seen_any = False
        for item in iter_jsonl(path):
            seen_any = True
            yield self._item_slot(item)
        if not seen_any:
            yield Slot(
                outcome=self._fail(source, None, b"", "jsonl", "no records (only blank lines)")
            )

    def _item_slot(self, item: ReadItem) -> Slot:
        if item.error is not None or item.record is None:
            reason = item.error or "unreadable"
            return Slot(outcome=self._fail(item.source, item.line, item.raw, "jsonl", reason))
        digest = hashlib.sha256(item.raw.rstrip(b"\r\n")).hexdigest()
        done = already_done(self.archive, digest)
        if done is not None:
            return Slot(
                outcome=ImportOutcome(
                    item.source, item.line, "duplicate", done, "already present", len(item.raw)
                )
            )
        job = Job(item.record, None, self.analyze, self.align)
        return Slot(unit=Unit(item.source, item.line, item.raw, digest, None, "jsonl", job))

    def _warc_slots(self, path: Path) -> Iterator[Slot]:
        """A slot per article page of a WARC or WACZ (`archive.ingest.warc`)."""
        source = str(path)
        for item in iter_warc_items(path, self.warc):
            if isinstance(item, WarcError):
                yield Slot(outcome=ImportOutcome(source, None, "failed", detail=item.detail))
            elif isinstance(item, WarcRepeat) or self._captured_before(item.capture):
                yield Slot(repeat=item.capture)
            else:
                if item.charset_note is not None:
                    log.warning("%s: %s: %s", source, item.capture.where, item.charset_note)
                digest = item.capture.payload_sha256
                page = (item.capture.target_uri, item.payload, "warc")
                job = Job(None, page, self.analyze, self.align)
                unit = Unit(source, None, item.payload, digest, None, "warc", job)
                unit.capture = item.capture
                yield Slot(unit=unit)

    def _captured_before(self, capture: CaptureInfo) -> bool:
        with self.archive.session() as session:
            found = session.exec(
                select(Capture.id).where(Capture.payload_sha256 == capture.payload_sha256)
            ).first()
        return found is not None
