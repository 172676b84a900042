"""The importing process: the one writer. It walks the input (`archive.ingest.units`), hands
the CPU-bound work to worker processes (`archive.ingest.workers`) through a bounded window, and
stores each article in its own transaction, in input order: the article and its versions, their
search index rows, the import record and raw bytes, a web capture, the alignments, and what a
JSONL export carried beyond the import schema. Learned lexicon counts are stored in batches.

One bad file never stops a batch: each failure becomes an outcome naming the file (and line)
and the problem, and nothing already stored is touched. The one exception is a full disk or
database (SQLite's ``SQLITE_FULL``): every later article would fail the same way, so the batch
stops after reporting the article that did not fit, and `ImportSummary.stopped` says why.
"""

from __future__ import annotations

import gc
import json
import logging
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import replace
from pathlib import Path

from sqlalchemy.exc import IntegrityError, OperationalError, SQLAlchemyError
from sqlmodel import Session

from archive.alignments.plan import TranslatorFor
from archive.db import Archive
from archive.errors import ArchiveError
from archive.ingest.aligning import ImportAlignments
from archive.ingest.annotate import analyze_version
from archive.ingest.captures import store_capture, store_repeat
from archive.ingest.cpus import one_blas_thread
from archive.ingest.import_records import (
    ImportOutcome,
    ImportSummary,
    already_done,
    db_reason,
    oneline,
    outcome_of,
    record_failure,
    store_import_record,
)
from archive.ingest.records import ArticleRecord
from archive.ingest.store import Lookups, StoreResult, index_article, store_article
from archive.ingest.units import Slot, Unit, Units
from archive.ingest.walk import Unreadable, iter_files
from archive.ingest.warc import CaptureInfo, Tally
from archive.ingest.webpage import NOT_ARTICLE
from archive.ingest.workers import Aligning, Job, Prepared, open_pool, prepare, prepare_in_worker
from archive.jsonl_extensions import restore_extensions
from archive.models import Version

log = logging.getLogger(__name__)

#: Records in flight per worker process, and the bytes of input in flight at most. The window
#: keeps the workers busy while this process does something slow between articles (storing a
#: batch of learned counts takes a few hundred ms): 48 records a worker is ~0.25 s of their
#: work, and ~1.5 MB of results.
WINDOW_PER_JOB = 48
WINDOW_BYTES = 64 * 1024 * 1024

SQLITE_FULL = 13

#: Records prepared in this process before worker processes start (see `Importer.iter_import`).
WARM_UP = 24

Analyzer = Callable[[Session, Version], None]
Progress = Callable[[Path, int], None]


class Importer:
    """Imports into one archive; keeps the ids of the versions it added.

    Args:
        archive: where to store.
        analyze: analyse each new version (language, script, sentences → segments).
        align: align the versions of each article that gained versions, in the same
            transaction (needs ``analyze``); `aligned` counts the alignments stored.
        jobs: worker processes for reading pages, analysis and alignment; 1 does everything
            in this process (and honours a replaced `analyzer`).
        translator_for: the aligner's MT signal for a language pair (the CLI passes
            `archive.mt.mt_translator`); None aligns without MT.
    """

    def __init__(
        self,
        archive: Archive,
        *,
        analyze: bool = True,
        align: bool = False,
        jobs: int = 1,
        translator_for: TranslatorFor | None = None,
    ) -> None:
        self.archive = archive
        self.analyzer: Analyzer | None = analyze_version if analyze else None
        self.align = align and analyze
        self.jobs = max(1, jobs)
        self.new_version_ids: list[int] = []
        self.aligned = 0
        self.stopped: str | None = None
        self._alignments = ImportAlignments(archive, translator_for)
        self._aligning: Aligning | None = None  # set when an import begins
        self._lookups = Lookups()  # services and people found so far
        self.warc = Tally()  # what was read of web archives (WARC, WACZ)

    # -- public entry points ------------------------------------------------------------------

    def import_paths(
        self, paths: Iterable[str | Path], *, progress: Progress | None = None
    ) -> ImportSummary:
        """Import files and folders; ``progress(path, bytes_done)`` is called after each file."""
        summary = ImportSummary()
        summary.outcomes.extend(self.iter_import(iter_files(paths), progress=progress))
        summary.new_version_ids = list(self.new_version_ids)
        summary.stopped = self.stopped
        return summary

    def import_file(self, path: Path) -> Iterator[ImportOutcome]:
        """Import one file, yielding an outcome per article (per record for JSONL)."""
        return self.iter_import([path])

    def iter_import(
        self, files: Iterable[Path | Unreadable], *, progress: Progress | None = None
    ) -> Iterator[ImportOutcome]:
        """Import files in order, yielding each outcome as soon as its article is stored.

        Stops early (setting `stopped`) when the database or disk is full.
        """
        self._aligning = self._alignments.begin() if self.align else None
        if self.jobs > 1:
            one_blas_thread()
        # The first records are done here: a small import never pays for workers, and the
        # workers forked after them share the models this process has loaded by then.
        pool: ProcessPoolExecutor | None = None
        here = 0
        window: deque[Slot] = deque()
        in_flight: Counter[str] = Counter()
        limit = WINDOW_PER_JOB * self.jobs
        units = Units(
            self.archive, analyze=self.analyzer is not None, align=self.align, warc=self.warc
        )
        held = 0
        try:
            for slot in units.slots(files, in_flight):
                if slot.unit is not None:
                    job = slot.unit.job
                    worth = job.analyze or job.page is not None
                    if pool is None and self.jobs > 1 and worth and here == WARM_UP:
                        pool = self._open_pool()  # once: `here` grows past WARM_UP if None
                    slot.future = self._submit(pool, slot.unit.job)
                    here += slot.future is None
                    held += len(slot.unit.raw)
                window.append(slot)
                while window and (
                    pool is None or len(window) > limit or held > WINDOW_BYTES or window[0].ready()
                ):
                    done = window.popleft()
                    if done.unit is not None:
                        held -= len(done.unit.raw)
                    yield from self._finish(done, in_flight, progress)
                    if self.stopped:
                        break
                if self.stopped:
                    break
            while window and not self.stopped:
                yield from self._finish(window.popleft(), in_flight, progress)
            self._alignments.learn()
        finally:
            for slot in window:
                if slot.future is not None:
                    slot.future.cancel()
            if pool is not None:
                pool.shutdown(wait=True, cancel_futures=True)
                gc.unfreeze()

    def _store_repeat(self, source: str, capture: CaptureInfo) -> ImportOutcome:
        """A capture of a payload stored before (a revisit, a duplicate): one more capture."""
        try:
            with self.archive.session() as session, session.begin():
                article_id = store_repeat(session=session, capture=capture)
        except SQLAlchemyError as exc:
            detail = f"{capture.where}: database error: {db_reason(exc)}"
            return ImportOutcome(source, None, "failed", detail=detail)
        if article_id is None:
            return ImportOutcome(source, None, "skipped", detail="repeat of a page not imported")
        return ImportOutcome(source, None, "duplicate", article_id, "captured again")

    # -- workers ------------------------------------------------------------------------------

    def _submit(self, pool: ProcessPoolExecutor | None, job: Job) -> Future[Prepared] | None:
        if pool is None or (job.page is None and not job.analyze):
            return None  # nothing worth sending to a worker
        if self.analyzer is not None and self.analyzer is not _default_analyzer():
            return None  # a replaced analyzer runs at store time, in this process
        try:
            return pool.submit(prepare_in_worker, job)
        except RuntimeError as exc:  # a broken pool (a worker was killed): carry on here
            log.warning("worker pool unusable (%s); continuing in one process", exc)
            return None

    # -- storing ------------------------------------------------------------------------------

    def _finish(
        self, slot: Slot, in_flight: Counter[str], progress: Progress | None
    ) -> Iterator[ImportOutcome]:
        if slot.path_done is not None:
            if progress is not None:
                progress(slot.path_done, _size(slot.path_done))
            return
        if slot.outcome is not None:
            yield slot.outcome
            return
        if slot.repeat is not None:
            outcome = self._store_repeat(slot.repeat.warc_file.partition("!")[0], slot.repeat)
            if self.warc.count(outcome):
                yield outcome
            return
        unit = slot.unit
        assert unit is not None
        in_flight[unit.digest] -= 1
        if in_flight[unit.digest] <= 0:
            del in_flight[unit.digest]
        outcome = replace(self._store_unit(unit, slot.future), size=len(unit.raw))
        if unit.capture is None:
            yield outcome
            return
        where = unit.capture.where
        if outcome.outcome == "failed" and not (outcome.detail or "").startswith(where):
            outcome = replace(outcome, detail=f"{where}: {outcome.detail}")
        if self.warc.count(outcome):  # a quiet skip is only counted
            yield outcome

    def _store_unit(self, unit: Unit, future: Future[Prepared] | None) -> ImportOutcome:
        prepared: Prepared | None = None
        try:
            if future is not None:
                try:
                    prepared = future.result()
                except BrokenProcessPool:  # a worker died (killed, out of memory): do it here
                    log.warning("worker pool broken; preparing %s in this process", unit.source)
                    prepared = prepare(unit.job, self._aligning)
            elif self.analyzer is None or self.analyzer is _default_analyzer():
                prepared = prepare(
                    unit.job, self._aligning
                )  # what a worker would do, in this process
            elif unit.job.page is not None:
                # A replaced analyzer runs inside the transaction; only read the page here.
                prepared = prepare(Job(None, unit.job.page, False, False), None)
        except Exception as exc:  # a worker's bug (or death) on odd input fails this one only
            log.warning("preparing %s failed: %s", unit.source, exc)
            return ImportOutcome(unit.source, unit.line, "failed", detail=oneline(exc))
        if prepared is not None and prepared.error is not None:
            if unit.capture is not None:  # a captured page: name the record, skip non-stories
                outcome = "skipped" if prepared.error in NOT_ARTICLE else "failed"
                detail = f"{unit.capture.where}: {prepared.error}"
                return ImportOutcome(unit.source, None, outcome, detail=detail)
            return record_failure(
                self.archive, unit.source, unit.line, unit.raw, unit.fmt, prepared.error
            )
        record = prepared.record if prepared is not None else unit.job.record
        assert record is not None
        if unit.recheck and unit.capture is None:  # a capture is stored even for a duplicate
            done = already_done(self.archive, unit.digest)
            if done is not None:
                return ImportOutcome(unit.source, unit.line, "duplicate", done, "already present")
        return self._store(unit, record, prepared)

    def _store(self, unit: Unit, record: ArticleRecord, prepared: Prepared | None) -> ImportOutcome:
        """Store one record in its own transaction, retrying once on a concurrent insert."""
        source, line = unit.source, unit.line
        for attempt in (1, 2):
            try:
                result, aligned = self._store_once(unit, record, prepared)
                self.new_version_ids.extend(result.new_version_ids)
                self.aligned += aligned
                if self._alignments.due():
                    self._alignments.learn()
                return outcome_of(source, line, result, record.read_note)
            except IntegrityError as exc:
                if attempt == 2:
                    return ImportOutcome(source, line, "failed", detail=f"conflict: {exc.orig}")
                log.info("retrying %s after a concurrent insert", source)
            except ArchiveError as exc:
                return ImportOutcome(source, line, "failed", detail=str(exc))
            except OperationalError as exc:
                reason = db_reason(exc)
                if _is_full(exc):
                    self.stopped = reason
                    reason += "; import stopped (earlier articles are stored)"
                return ImportOutcome(source, line, "failed", detail=f"database error: {reason}")
            except SQLAlchemyError as exc:
                reason = db_reason(exc)
                return ImportOutcome(source, line, "failed", detail=f"database error: {reason}")
            except Exception as exc:  # a bug on odd input must not stop the batch
                log.exception("unexpected error storing %s", source)
                return ImportOutcome(source, line, "failed", detail=oneline(exc))
        raise AssertionError("unreachable")

    def _store_once(
        self, unit: Unit, record: ArticleRecord, prepared: Prepared | None
    ) -> tuple[StoreResult, int]:
        """One transaction: the article, its import record and raw bytes, its alignments.

        Returns the store's result and how many alignments were stored. What the transaction
        looked up or learned is kept only once it committed.
        """
        analyses = prepared.analyses if prepared is not None else None
        self._alignments.discard()
        try:
            with self.archive.session() as session, session.begin():
                result = store_article(
                    session=session,
                    record=record,
                    analyze=self.analyzer if analyses is None else None,
                    analyses=analyses,
                    lookups=self._lookups,
                    index=False,
                )
                index_article(session=session, result=result, analyses=analyses)
                store_import_record(session, unit, result, record.read_note)
                if unit.capture is not None:
                    store_capture(
                        session=session, capture=unit.capture, record=record, result=result
                    )
                aligned = (
                    self._alignments.store(session, record, result, prepared) if self.align else 0
                )
                if unit.fmt == "jsonl":
                    _restore_export_extensions(session, result.article_id, unit.raw)
        except BaseException:
            self._lookups.discard()
            raise
        self._lookups.commit()
        self._alignments.commit()
        return result, aligned

    def _open_pool(self) -> ProcessPoolExecutor | None:
        return open_pool(self.jobs, self._aligning)


def _default_analyzer() -> Analyzer:
    return analyze_version


def _is_full(exc: OperationalError) -> bool:
    code = getattr(exc.orig, "sqlite_errorcode", None)
    if code is not None:
        return int(code) & 0xFF == SQLITE_FULL
    return "disk is full" in str(exc.orig) or "No space left" in str(exc.orig)


def _restore_export_extensions(session: Session, article_id: int, raw: bytes) -> None:
    """A record written by `archive export --format jsonl` carries what the import schema does
    not: alignments with their checked marks, engine and analysis fields. Put them back, in the
    article's transaction, after its own alignment (restored beads replace the aligner's)."""
    if b'"sha256"' not in raw and b'"alignments"' not in raw:
        return  # an ordinary record: nothing exported to restore
    try:
        obj = json.loads(raw)
    except ValueError:
        return
    result = restore_extensions(session=session, article_id=article_id, record=obj)
    for skipped in result.skipped:
        log.warning("article %s: not restored from the export: %s", article_id, skipped)


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0
