"""The CPU-bound part of importing one record, on plain values: read the page, analyse every
version, plan the alignments of a new article and what they teach the learned lexicon. It runs
in worker processes (or in the importing process for the first records and for ``--jobs 1``);
it never touches the database, so the importing process stays the only writer.
"""

from __future__ import annotations

import gc
import logging
import os
import signal
import threading
import time
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from archive.align import AlignmentResult
from archive.alignments.learning import Learned, lesson
from archive.alignments.lexicons import SnapshotLexicons
from archive.alignments.plan import SideText, TranslatorFor, VersionRef, bead_spans, plan_record
from archive.analysis import derive_text
from archive.errors import ImportFailed
from archive.ingest.annotate import VersionAnalysis, analyze_plain
from archive.ingest.readers import read_page
from archive.ingest.records import ArticleRecord
from archive.ingest.webpage import read_captured_page

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Job:
    """What a worker gets: a record, or a page's bytes to read first."""

    record: ArticleRecord | None
    page: tuple[str, bytes, str] | None  # (path, data, format)
    analyze: bool
    align: bool


@dataclass(frozen=True, slots=True)
class Prepared:
    """What a worker returns: the record, the analysis of each version, the alignments."""

    record: ArticleRecord | None = None
    error: str | None = None  # the page could not be read (ImportFailed.reason)
    analyses: tuple[VersionAnalysis, ...] | None = None  # by version index
    alignments: tuple[tuple[int, int, AlignmentResult], ...] | None = None  # (src, tgt, result)
    learned: tuple[Learned | None, ...] | None = None  # per alignment


@dataclass(frozen=True, slots=True)
class Aligning:
    """What planning alignments draws on during one import: the learned lexicons as they
    stood when it began (whatever it learns meanwhile, in one process or many), and where the
    MT signal comes from."""

    lexicons: SnapshotLexicons
    translator_for: TranslatorFor | None = None


def prepare(job: Job, aligning: Aligning | None) -> Prepared:
    """Read, analyse and align one record on plain values."""
    record = job.record
    if job.page is not None:
        path, data, fmt = job.page
        try:
            if fmt == "warc":  # a captured page: ``path`` is its URI
                record = read_captured_page(data, path)
            else:
                record = read_page(Path(path), data, fmt)
        except ImportFailed as exc:
            return Prepared(error=exc.reason)
    assert record is not None
    if not job.analyze:
        return Prepared(record=record)
    analyses = tuple(analyze_plain(v.text, v.language) for v in record.versions)
    if not job.align or aligning is None:
        return Prepared(record=record, analyses=analyses)
    alignments, learned = align_new_record(record, analyses, aligning)
    return Prepared(record=record, analyses=analyses, alignments=alignments, learned=learned)


def align_new_record(
    record: ArticleRecord, analyses: Sequence[VersionAnalysis], aligning: Aligning
) -> tuple[tuple[tuple[int, int, AlignmentResult], ...], tuple[Learned | None, ...]]:
    """The alignments `archive.alignments.align_article` would store for this record if all
    its versions are new (``tests/functional/test_concurrency.py`` holds the two equal), and
    what each teaches the archive-wide lexicon (as `learn_from_alignments` would learn it;
    None for a pair with no lexicon or a machine version)."""
    versions = record.versions
    refs = [
        VersionRef(
            id=index + 1,
            kind=v.kind,
            derived_from_id=None if v.derived_from is None else v.derived_from + 1,
        )
        for index, v in enumerate(versions)
    ]

    def side(index: int) -> SideText:
        analysis = analyses[index]
        text = versions[index].text
        return SideText(
            texts=list(analysis.derived)
            or [derive_text(text[a:b]) for _, _, a, b, _ in analysis.segments],
            paragraphs=[seg[0] for seg in analysis.segments],
            language=versions[index].language,
            detected=analysis.language,
        )

    sides: dict[int, SideText] = {}

    def side_once(index: int) -> SideText:
        found = sides.get(index)
        if found is None:
            found = sides[index] = side(index)
        return found

    planned = plan_record(
        refs, side_once, lexicons=aligning.lexicons, translator_for=aligning.translator_for
    )
    learned: list[Learned | None] = []
    for p in planned:
        if "machine" in (versions[p.src].kind, versions[p.tgt].kind):
            learned.append(None)
            continue
        learned.append(
            lesson(
                src_lang=versions[p.src].language,
                tgt_lang=versions[p.tgt].language,
                src_texts=sides[p.src].texts,
                tgt_texts=sides[p.tgt].texts,
                spans=bead_spans(p.result.beads),
                lexicons=aligning.lexicons,
            )
        )
    return tuple((p.src, p.tgt, p.result) for p in planned), tuple(learned)


# --------------------------------------------------------------------------- worker processes

# What this worker process aligns with: set once by `_init_worker` in each worker (never in the
# importing process), so it lives exactly as long as the worker, which lives as long as one
# import's pool. Sending it with every job would pickle the lexicons each time.
_ALIGNING: Aligning | None = None


def prepare_in_worker(job: Job) -> Prepared:
    """`prepare` in a worker process, with what `_init_worker` gave it."""
    return prepare(job, _ALIGNING)


def _init_worker(parent: int, aligning: Aligning | None) -> None:
    """Worker start-up: what to align with, and a watch on the importing process."""
    global _ALIGNING
    # Ctrl-C reaches the whole process group: the importing process decides when to stop
    # (after the article it is storing), so a worker must not die of it mid-article.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # Forked, ``aligning`` is the importing process's own object (with what it parsed so far).
    _ALIGNING = aligning
    _watch_parent(parent)


def _watch_parent(parent: int) -> None:
    """Worker start-up: leave as soon as the importing process is gone.

    A forked worker holds its own copy of the task pipe, so it would wait for work forever
    after its parent was killed (``kill -9``); a daemon thread checks the parent instead.
    """

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(0)

    threading.Thread(target=watch, name="watch-parent", daemon=True).start()


def open_pool(jobs: int, aligning: Aligning | None) -> ProcessPoolExecutor | None:
    """``jobs`` worker processes for `prepare_in_worker`, or None if none can start.

    Freezes the collector's view of what is loaded by now (undo with ``gc.unfreeze()`` once
    the pool is shut down).
    """
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
            max_workers=jobs,
            mp_context=multiprocessing.get_context(method),
            initializer=_init_worker,
            initargs=(os.getpid(), aligning),
        )
    except (OSError, NotImplementedError) as exc:
        gc.unfreeze()
        log.warning("no worker processes (%s); importing in one process", exc)
        return None
