"""Importing files and folders: read, analyse, store one article per transaction, record it.

One bad file never stops a batch: each failure becomes an outcome naming the file (and line)
and the problem, and nothing already stored is touched. The one exception is a full disk or
database (SQLite's ``SQLITE_FULL``): every later article would fail the same way, so the batch
stops after reporting the article that did not fit, and `ImportSummary.stopped` says why.

With ``jobs > 1`` the CPU-bound work of each record (reading a page, analysing every version,
aligning the versions of a new article) runs in worker processes on plain values, and this
process stays the only writer: it stores each article, its segments and its alignments in one
transaction, in input order. A bounded window of records is in flight, so memory does not grow
with the size of the input.
"""

from __future__ import annotations

import errno
import gc
import hashlib
import logging
import os
import zlib
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, cast

from sqlalchemy import Table, bindparam, insert
from sqlalchemy.exc import IntegrityError, OperationalError, SQLAlchemyError
from sqlmodel import Session, select

from archive.db import Archive
from archive.errors import ArchiveError, ImportFailed
from archive.ingest.captures import store_capture, store_repeat
from archive.ingest.readers import (
    MAX_PAGE_BYTES,
    ReadItem,
    file_format,
    iter_jsonl,
    read_capped,
    read_page,
)
from archive.ingest.records import ArticleRecord
from archive.ingest.store import Lookups, StoreResult, store_article
from archive.ingest.warc import CaptureInfo, Tally, WarcError, warc_format
from archive.ingest.webpage import NOT_ARTICLE, read_captured_page
from archive.lexicon_store import PendingCounts, learned_ratio
from archive.models import Alignment, AlignmentLink, ImportRecord, RawBlob, Version

if TYPE_CHECKING:
    from archive.align import AlignmentResult
    from archive.align.lexicon import Lexicon
    from archive.ingest.annotate import VersionAnalysis
    from archive.lexicon_store import Counts

#: What one alignment teaches the archive-wide lexicon: (lexicon pair, counts, beads learned,
#: characters of each side of those beads).
Learned = tuple[tuple[str, str], "Counts", int, tuple[float, float]]

log = logging.getLogger(__name__)

DONE = ("imported", "revised", "duplicate")

#: Records in flight per worker process, and the bytes of input in flight at most. The window
#: keeps the workers busy while this process does something slow between articles (storing a
#: batch of learned counts takes a few hundred ms): 48 records a worker is ~0.25 s of their
#: work, and ~1.5 MB of results.
WINDOW_PER_JOB = 48
WINDOW_BYTES = 64 * 1024 * 1024

SQLITE_FULL = 13

#: Records prepared in this process before worker processes start (see `Importer.iter_import`).
WARM_UP = 24

#: Alignments whose learning is stored at a time (each batch in its own transaction, as the
#: import goes). Workers compute what each alignment teaches (expected counts) beside the
#: alignment; this process only adds counts up, so a batch costs one write per language pair,
#: and a killed import loses at most one batch of learning (never an article). This import's
#: alignments all use the lexicons as they stood when it began, whatever it learns meanwhile,
#: in one process or many.
LEARN_BATCH = 500

_IMPORT_RECORD: Table = ImportRecord.__table__  # type: ignore[attr-defined]
_BLOB: Table = RawBlob.__table__  # type: ignore[attr-defined]
_ALIGNMENT: Table = Alignment.__table__  # type: ignore[attr-defined]
_LINK: Table = AlignmentLink.__table__  # type: ignore[attr-defined]

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
_INSERT_ALIGNMENT = insert(_ALIGNMENT)
_INSERT_LINK = insert(_LINK)


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


@dataclass(frozen=True, slots=True)
class Unreadable:
    """An entry of a folder that cannot be imported: a loop, a broken link, no permission."""

    path: Path
    reason: str


def iter_files(paths: Iterable[str | Path]) -> Iterator[Path | Unreadable]:
    """Every file named or below a named folder, in a stable order (folders recursively).

    Symbolic links to folders are followed unless they loop back to a folder being walked;
    a loop, a broken link or a folder that cannot be listed is yielded as `Unreadable`, so it
    is counted and named as a failure, never skipped in silence. Hidden entries are skipped.
    """
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            yield from _walk(path, ())
        else:
            yield path


def _walk(folder: Path, ancestors: tuple[tuple[int, int], ...]) -> Iterator[Path | Unreadable]:
    try:
        info = folder.stat()
        here = (info.st_dev, info.st_ino)
        if here in ancestors:
            yield Unreadable(folder, "symbolic link loop (leads back to a folder above it)")
            return
        with os.scandir(folder) as listing:
            entries = sorted(listing, key=lambda entry: entry.name)
    except OSError as exc:
        yield Unreadable(folder, f"cannot read folder ({_strerror(exc)})")
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = Path(entry.path)
        try:
            is_dir = entry.is_dir()
            is_file = not is_dir and entry.is_file()
        except OSError as exc:
            problem = _link_problem(path) if entry.is_symlink() else None
            yield Unreadable(path, problem or f"cannot read ({_strerror(exc)})")
            continue
        if is_dir:
            yield from _walk(path, (*ancestors, here))
        elif is_file:
            yield path
        elif entry.is_symlink():
            yield Unreadable(path, _link_problem(path))
        else:
            yield Unreadable(path, "not a regular file")


def _strerror(exc: OSError) -> str:
    return exc.strerror or type(exc).__name__


def _link_problem(path: Path) -> str:
    try:
        path.stat()
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "symbolic link loop"
        if exc.errno == errno.ENOENT:
            return "broken symbolic link (its target does not exist)"
        return f"cannot read ({_strerror(exc)})"
    return "symbolic link to something that is not a file or folder"


def default_jobs() -> int:
    """Worker processes for analysis by default: one per CPU, at most 4 (see BENCHMARKS.md)."""
    return max(1, min(4, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 1))


Analyzer = Callable[[Session, Version], None]
Progress = Callable[[Path, int], None]


# --------------------------------------------------------------------------- worker side


@dataclass(frozen=True, slots=True)
class _Job:
    """What a worker gets: a record, or a page's bytes to read first."""

    record: ArticleRecord | None
    page: tuple[str, bytes, str] | None  # (path, data, format)
    analyze: bool
    align: bool


@dataclass(frozen=True, slots=True)
class _Prepared:
    """What a worker returns: the record, the analysis of each version, the alignments."""

    record: ArticleRecord | None = None
    error: str | None = None  # the page could not be read (ImportFailed.reason)
    analyses: tuple[VersionAnalysis, ...] | None = None  # by version index
    alignments: tuple[tuple[int, int, AlignmentResult], ...] | None = None  # (src, tgt, result)
    learned: tuple[Learned | None, ...] | None = None  # per alignment


def _prepare(job: _Job) -> _Prepared:
    """Read, analyse and align one record on plain values (runs in a worker process)."""
    record = job.record
    if job.page is not None:
        path, data, fmt = job.page
        try:
            if fmt == "warc":  # a captured page: ``path`` is its URI
                record = read_captured_page(data, path)
            else:
                record = read_page(Path(path), data, fmt)
        except ImportFailed as exc:
            return _Prepared(error=exc.reason)
    assert record is not None
    if not job.analyze:
        return _Prepared(record=record)
    from archive.ingest.annotate import analyze_plain

    analyses = tuple(analyze_plain(v.text, v.language) for v in record.versions)
    if not job.align:
        return _Prepared(record=record, analyses=analyses)
    alignments, learned = _align_new_record(record, analyses)
    return _Prepared(record=record, analyses=analyses, alignments=alignments, learned=learned)


# The learned lexicons as they stood when the import began ((language, pivot) → (TSV counts,
# learned length ratio)), so that alignments made in workers use what
# `archive.alignments.lexicon_for` would read.
Snapshot = dict[tuple[str, str], tuple[str, float | None]]
_LEXICONS: Snapshot = {}
_LEXICON_CACHE: dict[tuple[str, str], Lexicon] = {}


def _set_lexicons(lexicons: Snapshot) -> None:
    _LEXICONS.clear()
    _LEXICONS.update(lexicons)
    _LEXICON_CACHE.clear()


def _init_worker(parent: int, lexicons: Snapshot) -> None:
    """Worker start-up: the lexicon snapshot, and a watch on the importing process."""
    import signal

    # Ctrl-C reaches the whole process group: the importing process decides when to stop
    # (after the article it is storing), so a worker must not die of it mid-article.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if lexicons != _LEXICONS:  # a forked worker already holds them, and what it parsed of them
        _set_lexicons(lexicons)
    _watch_parent(parent)


def _snapshot_lexicon(src_lang: str, tgt_lang: str) -> Lexicon | None:
    """`archive.lexicon_store.load_lexicon`, from the snapshot instead of the database."""
    from archive.lexicon_store import lexicon_pair

    pair = lexicon_pair(src_lang, tgt_lang)
    if pair is None or pair not in _LEXICONS:
        return None
    if pair not in _LEXICON_CACHE:
        from archive.align.lexicon import Lexicon

        counts, ratio = _LEXICONS[pair]
        lexicon = _LEXICON_CACHE[pair] = Lexicon.from_tsv(counts, pair[0], pair[1])
        lexicon.length_ratio = ratio
    return _LEXICON_CACHE[pair]


def _learning_prior(pair: tuple[str, str]) -> Lexicon:
    """The lexicon learning starts from, as `archive.lexicon_store.starting_lexicon` would
    read it when the import began: the learned one, else the shipped seed, else empty."""
    found = _snapshot_lexicon(*pair)
    if found is not None:
        return found
    from archive.lexicon_store import seed_lexicon

    return seed_lexicon(pair)


def _watch_parent(parent: int) -> None:
    """Worker start-up: leave as soon as the importing process is gone.

    A forked worker holds its own copy of the task pipe, so it would wait for work forever
    after its parent was killed (``kill -9``); a daemon thread checks the parent instead.
    """
    import threading
    import time

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(0)

    threading.Thread(target=watch, name="watch-parent", daemon=True).start()


@dataclass(frozen=True, slots=True)
class _StandIn:
    """What `archive.alignments.alignment_pairs` reads of a version (the record's versions are
    not stored yet; building `Version` rows just to choose the pairs cost more than that)."""

    id: int  # the version's index in the record, plus one
    kind: str
    derived_from_id: int | None
    revision_of_id: None = None  # all of a new record's versions are current


def _align_new_record(
    record: ArticleRecord, analyses: Sequence[VersionAnalysis]
) -> tuple[tuple[tuple[int, int, AlignmentResult], ...], tuple[Learned | None, ...]]:
    """The alignments `archive.alignments.align_article` would store for this record if all
    its versions are new (``tests/functional/test_concurrency.py`` holds the two equal), and
    what each teaches the archive-wide lexicon (as `archive.lexicon_store.learn_from_alignments`
    would learn it; None for a pair with no lexicon or a machine version)."""
    from archive.align import align_segments
    from archive.alignments import alignment_pairs, mt_translator
    from archive.analysis import derive_text
    from archive.lexicon_store import expected_counts, learnable_pairs, text_lengths

    stand_ins = [
        _StandIn(
            id=index + 1,
            kind=vrec.kind,
            derived_from_id=None if vrec.derived_from is None else vrec.derived_from + 1,
        )
        for index, vrec in enumerate(record.versions)
    ]
    derived: dict[int, list[str]] = {}
    out: list[tuple[int, int, AlignmentResult]] = []
    learned: list[Learned | None] = []
    for src, tgt in alignment_pairs(cast("list[Version]", stand_ins)):
        assert src.id is not None and tgt.id is not None
        s, t = src.id - 1, tgt.id - 1
        for index in (s, t):
            if index not in derived:
                text = record.versions[index].text
                derived[index] = list(analyses[index].derived) or [
                    derive_text(text[a:b]) for _, _, a, b, _ in analyses[index].segments
                ]
        src_lang, tgt_lang = record.versions[s].language, record.versions[t].language
        result = align_segments(
            derived[s],
            derived[t],
            src_lang=analyses[s].language or src_lang,
            tgt_lang=analyses[t].language or tgt_lang,
            src_paragraphs=[seg[0] for seg in analyses[s].segments],
            tgt_paragraphs=[seg[0] for seg in analyses[t].segments],
            lexicon=_snapshot_lexicon(src_lang, tgt_lang),
            translate=mt_translator(src_lang, tgt_lang),
        )
        out.append((s, t, result))
        found = None
        if "machine" not in (src.kind, tgt.kind):
            found = learnable_pairs(
                src_lang=src_lang,
                tgt_lang=tgt_lang,
                src_texts=derived[s],
                tgt_texts=derived[t],
                beads=[(*span, False) for span in bead_spans(result)],
            )
        if found is None:
            learned.append(None)
        else:
            pair, text_pairs = found
            counts = expected_counts(_learning_prior(pair), text_pairs) if text_pairs else {}
            learned.append((pair, counts, len(text_pairs), text_lengths(text_pairs)))
    return tuple(out), tuple(learned)


# --------------------------------------------------------------------------- writer side


@dataclass(slots=True)
class _Unit:
    """A record (or page) waiting to be stored, with what identifies its input."""

    source: str
    line: int | None
    raw: bytes
    digest: str
    file_digest: str | None
    fmt: str
    job: _Job
    recheck: bool = False  # an identical input is ahead of it in the window
    capture: CaptureInfo | None = None  # the WARC record it was read from


@dataclass(slots=True)
class _Slot:
    """One place in the window: a ready outcome, or a unit and (maybe) its worker's future."""

    outcome: ImportOutcome | None = None
    unit: _Unit | None = None
    future: Future[_Prepared] | None = None
    path_done: Path | None = None  # a marker: every outcome of this file is ahead of it
    repeat: CaptureInfo | None = None  # a capture of a page stored before this slot


class Importer:
    """Imports into one archive; keeps the ids of the versions it added.

    Args:
        archive: where to store.
        analyze: analyse each new version (language, script, sentences → segments).
        align: align the versions of each article that gained versions, in the same
            transaction (needs ``analyze``); `aligned` counts the alignments stored.
        jobs: worker processes for reading pages, analysis and alignment; 1 does everything
            in this process (and honours a replaced `analyzer`).
    """

    def __init__(
        self, archive: Archive, *, analyze: bool = True, align: bool = False, jobs: int = 1
    ) -> None:
        self.archive = archive
        self.analyzer: Analyzer | None = None
        if analyze:
            from archive.ingest.annotate import analyze_version

            self.analyzer = analyze_version
        self.align = align and analyze
        self.jobs = max(1, jobs)
        self.new_version_ids: list[int] = []
        self.aligned = 0
        self.stopped: str | None = None
        self._new_alignment_ids: list[int] = []  # aligned here: learned from the database
        self._pending = PendingCounts()  # learned by the workers: counts to store
        self._staged: list[Learned] = []  # the article being stored: pending once committed
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
        if self.align:
            _set_lexicons(self._lexicon_snapshot())
        if self.jobs > 1:
            _one_blas_thread()
        # The first records are done here: a small import never pays for workers, and the
        # workers forked after them share the models this process has loaded by then.
        pool: ProcessPoolExecutor | None = None
        here = 0
        window: deque[_Slot] = deque()
        in_flight: Counter[str] = Counter()
        limit = WINDOW_PER_JOB * self.jobs
        held = 0
        try:
            for slot in self._slots(files, in_flight):
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
                    pool is None or len(window) > limit or held > WINDOW_BYTES or _ready(window[0])
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
            self._learn()
        finally:
            for slot in window:
                if slot.future is not None:
                    slot.future.cancel()
            if pool is not None:
                pool.shutdown(wait=True, cancel_futures=True)
                gc.unfreeze()

    # -- producing units ----------------------------------------------------------------------

    def _slots(
        self, files: Iterable[Path | Unreadable], in_flight: Counter[str]
    ) -> Iterator[_Slot]:
        for path in files:
            if isinstance(path, Unreadable):
                outcome = ImportOutcome(str(path.path), None, "failed", detail=path.reason)
                yield _Slot(outcome=outcome)
                yield _Slot(path_done=path.path)
                continue
            try:
                for slot in self._file_slots(path):
                    if slot.unit is not None:
                        unit = slot.unit
                        unit.recheck = in_flight[unit.digest] > 0
                        in_flight[unit.digest] += 1
                    yield slot
            except OSError as exc:
                yield _Slot(
                    outcome=ImportOutcome(
                        str(path), None, "failed", detail=f"cannot read ({exc.strerror})"
                    )
                )
            except Exception as exc:  # a reader's bug on odd input must not stop the batch
                log.exception("unexpected error reading %s", path)
                yield _Slot(outcome=ImportOutcome(str(path), None, "failed", detail=_oneline(exc)))
            yield _Slot(path_done=path)

    def _file_slots(self, path: Path) -> Iterator[_Slot]:
        source = str(path)
        fmt = file_format(path)
        if not path.exists():
            yield _Slot(
                outcome=ImportOutcome(source, None, "failed", detail="no such file or folder")
            )
            return
        if not path.is_file():
            detail = "is a folder" if path.is_dir() else "not a regular file"
            yield _Slot(outcome=ImportOutcome(source, None, "failed", detail=detail))
            return
        if warc_format(path) is not None:
            yield from self._warc_slots(path)
            return
        if fmt is None:
            detail = f"unknown file type {path.suffix or '(none)'!r}"
            yield _Slot(outcome=ImportOutcome(source, None, "skipped", detail=detail))
            return
        if fmt == "jsonl":
            yield from self._jsonl_slots(path)
        else:
            yield self._page_slot(path, fmt)

    def _page_slot(self, path: Path, fmt: str) -> _Slot:
        source = str(path)
        size = path.stat().st_size
        if size > MAX_PAGE_BYTES:
            detail = f"file too large ({size:,} bytes; pages are capped at {MAX_PAGE_BYTES:,})"
            return _Slot(outcome=ImportOutcome(source, None, "failed", detail=detail))
        try:
            data = read_capped(path, MAX_PAGE_BYTES)
        except ImportFailed as exc:
            return _Slot(outcome=ImportOutcome(source, None, "failed", detail=exc.reason))
        if not data:
            return _Slot(outcome=self._fail(source, None, b"", fmt, "empty file"))
        digest = hashlib.sha256(data).hexdigest()
        done = self._already_done(digest)
        if done is not None:
            return _Slot(
                outcome=ImportOutcome(source, None, "duplicate", done, "already present", size)
            )
        job = _Job(None, (source, data, fmt), self.analyzer is not None, self.align)
        return _Slot(unit=_Unit(source, None, data, digest, digest, fmt, job))

    def _jsonl_slots(self, path: Path) -> Iterator[_Slot]:
        source = str(path)
        if path.stat().st_size == 0:
            yield _Slot(outcome=self._fail(source, None, b"", "jsonl", "empty file"))
            return
        seen_any = False
        for item in iter_jsonl(path):
            seen_any = True
            yield self._item_slot(item)
        if not seen_any:
            yield _Slot(
                outcome=self._fail(source, None, b"", "jsonl", "no records (only blank lines)")
            )

    def _item_slot(self, item: ReadItem) -> _Slot:
        if item.error is not None or item.record is None:
            reason = item.error or "unreadable"
            return _Slot(outcome=self._fail(item.source, item.line, item.raw, "jsonl", reason))
        digest = hashlib.sha256(item.raw.rstrip(b"\r\n")).hexdigest()
        done = self._already_done(digest)
        if done is not None:
            return _Slot(
                outcome=ImportOutcome(
                    item.source, item.line, "duplicate", done, "already present", len(item.raw)
                )
            )
        job = _Job(item.record, None, self.analyzer is not None, self.align)
        return _Slot(unit=_Unit(item.source, item.line, item.raw, digest, None, "jsonl", job))

    def _warc_slots(self, path: Path) -> Iterator[_Slot]:
        """A slot per article page of a WARC or WACZ (`archive.ingest.warc`)."""
        from archive.ingest.warc import WarcRepeat, iter_warc_items

        source = str(path)
        for item in iter_warc_items(path, self.warc):
            if isinstance(item, WarcError):
                yield _Slot(outcome=ImportOutcome(source, None, "failed", detail=item.detail))
            elif isinstance(item, WarcRepeat) or self._captured_before(item.capture):
                yield _Slot(repeat=item.capture)
            else:
                if item.charset_note is not None:
                    log.warning("%s: %s: %s", source, item.capture.where, item.charset_note)
                digest = item.capture.payload_sha256
                page = (item.capture.target_uri, item.payload, "warc")
                job = _Job(None, page, self.analyzer is not None, self.align)
                unit = _Unit(source, None, item.payload, digest, None, "warc", job)
                unit.capture = item.capture
                yield _Slot(unit=unit)

    def _captured_before(self, capture: CaptureInfo) -> bool:
        from archive.models import Capture

        with self.archive.session() as session:
            found = session.exec(
                select(Capture.id).where(Capture.payload_sha256 == capture.payload_sha256)
            ).first()
        return found is not None

    def _store_repeat(self, source: str, capture: CaptureInfo) -> ImportOutcome:
        """A capture of a payload stored before (a revisit, a duplicate): one more capture."""
        try:
            with self.archive.session() as session, session.begin():
                article_id = store_repeat(session=session, capture=capture)
        except SQLAlchemyError as exc:
            detail = f"{capture.where}: database error: {_db_reason(exc)}"
            return ImportOutcome(source, None, "failed", detail=detail)
        if article_id is None:
            return ImportOutcome(source, None, "skipped", detail="repeat of a page not imported")
        return ImportOutcome(source, None, "duplicate", article_id, "captured again")

    # -- workers ------------------------------------------------------------------------------

    def _open_pool(self) -> ProcessPoolExecutor | None:
        import multiprocessing

        # What is loaded by now (analysis models, lexicons, dictionaries: ~10^5-10^6 objects)
        # lives as long as the import: frozen, the cyclic collector no longer walks it in this
        # process or in the forked workers (a few % of their CPU), and forked workers share its
        # pages instead of copying them as the collector touches them. Undone at the end.
        gc.freeze()
        methods = multiprocessing.get_all_start_methods()
        # fork: workers start at once and share what this process already loaded; they never
        # touch the database (only this process writes).
        method = "fork" if "fork" in methods else "spawn"
        try:
            return ProcessPoolExecutor(
                max_workers=self.jobs,
                mp_context=multiprocessing.get_context(method),
                initializer=_init_worker,
                initargs=(os.getpid(), dict(_LEXICONS)),
            )
        except (OSError, NotImplementedError) as exc:
            gc.unfreeze()
            log.warning("no worker processes (%s); importing in one process", exc)
            return None

    def _submit(self, pool: ProcessPoolExecutor | None, job: _Job) -> Future[_Prepared] | None:
        if pool is None or (job.page is None and not job.analyze):
            return None  # nothing worth sending to a worker
        if self.analyzer is not None and self.analyzer is not _default_analyzer():
            return None  # a replaced analyzer runs at store time, in this process
        try:
            return pool.submit(_prepare, job)
        except RuntimeError as exc:  # a broken pool (a worker was killed): carry on here
            log.warning("worker pool unusable (%s); continuing in one process", exc)
            return None

    # -- storing ------------------------------------------------------------------------------

    def _finish(
        self, slot: _Slot, in_flight: Counter[str], progress: Progress | None
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

    def _store_unit(self, unit: _Unit, future: Future[_Prepared] | None) -> ImportOutcome:
        prepared: _Prepared | None = None
        try:
            if future is not None:
                try:
                    prepared = future.result()
                except BrokenProcessPool:  # a worker died (killed, out of memory): do it here
                    log.warning("worker pool broken; preparing %s in this process", unit.source)
                    prepared = _prepare(unit.job)
            elif self.analyzer is None or self.analyzer is _default_analyzer():
                prepared = _prepare(unit.job)  # what a worker would do, in this process
            elif unit.job.page is not None:
                # A replaced analyzer runs inside the transaction; only read the page here.
                prepared = _prepare(_Job(None, unit.job.page, False, False))
        except Exception as exc:  # a worker's bug (or death) on odd input fails this one only
            log.warning("preparing %s failed: %s", unit.source, exc)
            return ImportOutcome(unit.source, unit.line, "failed", detail=_oneline(exc))
        if prepared is not None and prepared.error is not None:
            if unit.capture is not None:  # a captured page: name the record, skip non-stories
                outcome = "skipped" if prepared.error in NOT_ARTICLE else "failed"
                detail = f"{unit.capture.where}: {prepared.error}"
                return ImportOutcome(unit.source, None, outcome, detail=detail)
            return self._fail(unit.source, unit.line, unit.raw, unit.fmt, prepared.error)
        record = prepared.record if prepared is not None else unit.job.record
        assert record is not None
        if unit.recheck and unit.capture is None:  # a capture is stored even for a duplicate
            done = self._already_done(unit.digest)
            if done is not None:
                return ImportOutcome(unit.source, unit.line, "duplicate", done, "already present")
        return self._store(unit, record, prepared)

    def _already_done(self, digest: str) -> int | None:
        """The article of an earlier import of the same input, or None."""
        with self.archive.engine.connect() as conn:
            return conn.execute(_DONE_BEFORE, {"digest": digest}).scalar()

    def _store(
        self, unit: _Unit, record: ArticleRecord, prepared: _Prepared | None
    ) -> ImportOutcome:
        """Store one record in its own transaction, retrying once on a concurrent insert."""
        source, line = unit.source, unit.line
        for attempt in (1, 2):
            try:
                result, aligned = self._store_once(unit, record, prepared)
                self.new_version_ids.extend(result.new_version_ids)
                self.aligned += aligned
                if len(self._new_alignment_ids) + len(self._pending) >= LEARN_BATCH:
                    self._learn()
                return _outcome(source, line, result, record.read_note)
            except IntegrityError as exc:
                if attempt == 2:
                    return ImportOutcome(source, line, "failed", detail=f"conflict: {exc.orig}")
                log.info("retrying %s after a concurrent insert", source)
            except ArchiveError as exc:
                return ImportOutcome(source, line, "failed", detail=str(exc))
            except OperationalError as exc:
                reason = _db_reason(exc)
                if _is_full(exc):
                    self.stopped = reason
                    reason += "; import stopped (earlier articles are stored)"
                return ImportOutcome(source, line, "failed", detail=f"database error: {reason}")
            except SQLAlchemyError as exc:
                reason = _db_reason(exc)
                return ImportOutcome(source, line, "failed", detail=f"database error: {reason}")
            except Exception as exc:  # a bug on odd input must not stop the batch
                log.exception("unexpected error storing %s", source)
                return ImportOutcome(source, line, "failed", detail=_oneline(exc))
        raise AssertionError("unreachable")

    def _store_once(
        self, unit: _Unit, record: ArticleRecord, prepared: _Prepared | None
    ) -> tuple[StoreResult, int]:
        """One transaction: the article, its import record and raw bytes, its alignments.

        Returns the store's result and how many alignments were stored. What the transaction
        looked up or learned is kept only once it committed.
        """
        analyses = prepared.analyses if prepared is not None else None
        self._staged = []
        try:
            with self.archive.session() as session, session.begin():
                result = store_article(
                    session=session,
                    record=record,
                    analyze=self.analyzer if analyses is None else None,
                    analyses=analyses,
                    lookups=self._lookups,
                )
                _store_import_record(session, unit, result, record.read_note)
                if unit.capture is not None:
                    store_capture(
                        session=session, capture=unit.capture, record=record, result=result
                    )
                aligned = self._align_stored(session, record, result, prepared)
                if unit.fmt == "jsonl":
                    _restore_export_extensions(session, result.article_id, unit.raw)
        except BaseException:
            self._lookups.discard()
            raise
        self._lookups.commit()
        for pair, counts, beads, chars in self._staged:
            self._pending.add(pair, counts, beads, chars)
        return result, aligned

    def _align_stored(
        self,
        session: Session,
        record: ArticleRecord,
        result: StoreResult,
        prepared: _Prepared | None,
    ) -> int:
        """Align the article's versions in the open transaction; returns how many were stored.

        An aligner failure leaves the article stored without alignment (``archive align``
        can do it later): storing never depends on the aligner.
        """
        if not self.align or not result.new_version_ids:
            return 0
        precomputed = prepared.alignments if prepared is not None else None
        try:
            with session.begin_nested():
                if (
                    precomputed is not None
                    and result.outcome == "imported"
                    and len(result.new_version_ids) == len(record.versions)
                ):
                    ids = result.new_version_ids
                    learned = prepared.learned if prepared is not None else None
                    for index, (s, t, alignment) in enumerate(precomputed):
                        new_id = _store_alignment(
                            session, result.article_id, ids[s], ids[t], alignment
                        )
                        if learned is None:  # not learned by the worker: learn it here
                            self._new_alignment_ids.append(new_id)
                        elif (taught := learned[index]) is not None:
                            self._staged.append(taught)
                    return len(precomputed)
                from archive.alignments import align_article, article_alignments

                before = {
                    a.id for a in article_alignments(session=session, article_id=result.article_id)
                }
                stored = align_article(session=session, article_id=result.article_id)
                self._new_alignment_ids.extend(
                    a.id for a in stored if a.id is not None and a.id not in before
                )
                return len(stored)
        except (SQLAlchemyError, OSError):
            raise
        except Exception as exc:
            log.warning("article %s stored but not aligned: %s", result.article_id, _oneline(exc))
            return 0

    def _lexicon_snapshot(self) -> Snapshot:
        """Every learned lexicon of the archive, as `_init_worker` takes them."""
        from archive.models import LearnedLexicon

        try:
            with self.archive.session() as session:
                rows = session.exec(select(LearnedLexicon)).all()
                return {(r.src_lang, r.tgt_lang): (r.counts, learned_ratio(r)) for r in rows}
        except SQLAlchemyError as exc:
            log.warning("learned lexicons unreadable (%s); aligning with the seed lexicons", exc)
            return {}

    def _learn(self) -> None:
        """Teach the archive-wide lexicon the confident beads of the alignments this import
        stored: the counts the workers computed, and those of alignments made here (learned
        from the database, as `archive.alignments.align_versions_of` does after a batch)."""
        ids, self._new_alignment_ids = self._new_alignment_ids, []
        if not ids and not len(self._pending):
            return
        from archive.lexicon_store import learn_from_alignments

        for attempt in (1, 2):  # once more if another importer wrote the lexicon meanwhile
            try:
                with self.archive.session() as session, session.begin():
                    if ids:
                        learn_from_alignments(session=session, alignment_ids=ids)
                    self._pending.store(session)
                break
            except SQLAlchemyError as exc:
                if attempt == 2:
                    log.warning("the learned lexicon was not updated: %s", _db_reason(exc))
        self._pending.clear()

    def _fail(
        self, source: str, line: int | None, raw: bytes, fmt: str, reason: str
    ) -> ImportOutcome:
        """Record a failure (once per distinct input) and report it."""
        digest = hashlib.sha256(raw.rstrip(b"\r\n") if line is not None else raw).hexdigest()
        try:
            with self.archive.session() as session, session.begin():
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


def _one_blas_thread() -> None:
    """One BLAS thread per process when the import runs a process per CPU: the aligner's
    small matrix products gain nothing from threads, and threads × workers oversubscribe the
    CPUs. Takes effect only if numpy is not loaded yet (as in ``archive import``)."""
    import sys

    if "numpy" not in sys.modules:
        for name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
            os.environ.setdefault(name, "1")


def _default_analyzer() -> Analyzer:
    from archive.ingest.annotate import analyze_version

    return analyze_version


def _ready(slot: _Slot) -> bool:
    return slot.future is None or slot.future.done()


def _store_alignment(
    session: Session, article_id: int, src_id: int, tgt_id: int, result: AlignmentResult
) -> int:
    """Store a computed alignment of two new versions (nothing checked yet), as `align_pair`
    in `archive.alignments` does."""
    conn = session.connection()
    key = conn.execute(
        _INSERT_ALIGNMENT,
        {
            "article_id": article_id,
            "src_version_id": src_id,
            "tgt_version_id": tgt_id,
            "method": result.method,
            "aligner_version": result.version,
        },
    ).inserted_primary_key
    assert key is not None
    alignment_id = int(key[0])
    rows = [
        {
            "alignment_id": alignment_id,
            "position": position,
            "src_start": s0,
            "src_end": s1,
            "tgt_start": t0,
            "tgt_end": t1,
            "score": score,
            "method": result.method,
            "checked": False,
        }
        for position, (s0, s1, t0, t1, score) in enumerate(bead_spans(result))
    ]
    if rows:
        conn.execute(_INSERT_LINK, rows)
    return alignment_id


def bead_spans(result: AlignmentResult) -> list[tuple[int, int, int, int, float]]:
    """Each bead as ``(src_start, src_end, tgt_start, tgt_end, score)``, as links store it
    (an empty side is an empty range where the bead sits)."""
    out = []
    src_cursor = tgt_cursor = 0
    for bead in result.beads:
        s0 = bead.src[0] if bead.src else src_cursor
        s1 = bead.src[-1] + 1 if bead.src else src_cursor
        t0 = bead.tgt[0] if bead.tgt else tgt_cursor
        t1 = bead.tgt[-1] + 1 if bead.tgt else tgt_cursor
        src_cursor, tgt_cursor = s1, t1
        out.append((s0, s1, t0, t1, float(bead.score)))
    return out


def _is_full(exc: OperationalError) -> bool:
    code = getattr(exc.orig, "sqlite_errorcode", None)
    if code is not None:
        return int(code) & 0xFF == SQLITE_FULL
    return "disk is full" in str(exc.orig) or "No space left" in str(exc.orig)


def _db_reason(exc: SQLAlchemyError) -> str:
    return str(getattr(exc, "orig", None) or exc).splitlines()[0]


def _oneline(exc: BaseException) -> str:
    text = f"unexpected error: {type(exc).__name__}: {exc}"
    return (text.splitlines() or [text])[0][:500]


def _restore_export_extensions(session: Session, article_id: int, raw: bytes) -> None:
    """A record written by `archive export --format jsonl` carries what the import schema does
    not: alignments with their checked marks, engine and analysis fields. Put them back, in the
    article's transaction, after its own alignment (restored beads replace the aligner's)."""
    if b'"sha256"' not in raw and b'"alignments"' not in raw:
        return  # an ordinary record: nothing exported to restore
    import json

    from archive.export.jsonl import restore_extensions

    try:
        obj = json.loads(raw)
    except ValueError:
        return
    result = restore_extensions(session=session, article_id=article_id, record=obj)
    for skipped in result.skipped:
        log.warning("article %s: not restored from the export: %s", article_id, skipped)


def _store_import_record(
    session: Session, unit: _Unit, result: StoreResult, detail: str | None = None
) -> None:
    """What was imported from where, with its outcome and the input's exact bytes."""
    session.connection().execute(
        _INSERT_IMPORT_RECORD,
        {
            "source": unit.source,
            "line": unit.line,
            "sha256": unit.digest,
            "file_sha256": unit.file_digest,
            "format": unit.fmt,
            "outcome": result.outcome,
            "detail": detail,
            "article_id": result.article_id,
            "blob_id": _ensure_blob(session, unit.raw),
        },
    )


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


def _outcome(
    source: str, line: int | None, result: StoreResult, note: str | None = None
) -> ImportOutcome:
    detail = "already present" if result.outcome == "duplicate" else note
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
    align: bool = False,
    jobs: int = 1,
    progress: Progress | None = None,
) -> ImportSummary:
    """Import files and folders into ``archive`` (see `Importer`)."""
    return Importer(archive, analyze=analyze, align=align, jobs=jobs).import_paths(
        paths, progress=progress
    )
