"""Importing files and folders: read, analyse, store one article per transaction, record it.

The import is split by concern:

    walk.py            the files and folders named → every file, unreadable entries named
    units.py           files → units of work (a record or page each), duplicates found early
    workers.py         a unit's CPU-bound work on plain values: read, analyse, plan alignments
    writer.py          `Importer`: the one writer, one transaction per article, in input order
    store.py           one article record → rows (dedupe, revisions, credits, search index)
    import_records.py  outcomes, and the ImportRecord and raw bytes of each input

With ``jobs > 1`` the CPU-bound work of each record (reading a page, analysing every version,
aligning the versions of a new article) runs in worker processes on plain values, and this
process stays the only writer: it stores each article, its segments and its alignments in one
transaction, in input order. A bounded window of records is in flight, so memory does not grow
with the size of the input.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from archive.alignments.plan import TranslatorFor
from archive.db import Archive
from archive.ingest.cpus import default_jobs
from archive.ingest.import_records import ImportOutcome, ImportSummary, read_blob
from archive.ingest.walk import Unreadable, iter_files
from archive.ingest.writer import Importer, Progress

__all__ = [
    "ImportOutcome",
    "ImportSummary",
    "Importer",
    "Unreadable",
    "default_jobs",
    "import_paths",
    "iter_files",
    "read_blob",
]


def import_paths(
    archive: Archive,
    paths: Iterable[str | Path],
    *,
    analyze: bool = True,
    align: bool = False,
    jobs: int = 1,
    progress: Progress | None = None,
    translator_for: TranslatorFor | None = None,
) -> ImportSummary:
    """Import files and folders into ``archive`` (see `Importer`)."""
    importer = Importer(
        archive, analyze=analyze, align=align, jobs=jobs, translator_for=translator_for
    )
    return importer.import_paths(paths, progress=progress)
