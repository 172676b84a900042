"""Throughput and memory of ``archive import``, stage by stage, beside a bare SQLite floor.

    python benchmarks/import_throughput.py [--sizes 500,3000] [--jobs 1,2] [--work DIR]
                                           [--stages-n 500] [--input DIR]

For each N, a collection of N two-version articles is generated (`generate_archive.py`, seed
9) unless ``--input DIR`` names one, then imported with the default ``archive import``
(analysis and alignment on) in a fresh archive by a subprocess, once per ``--jobs`` value.
Reported per run: wall time, articles/s, CPU seconds of the whole process tree per article,
how many cores the tree kept busy on average (its CPU time over the wall time), the peak
memory of the whole tree (the sum of each process's PSS, so pages forked workers share with
the writer count once; sampled every 50 ms from /proc) and the peak RSS of its largest
process.

Then, on the first ``--stages-n`` articles, each stage on its own, in this process (CPU time,
so other load on the machine does not count): parse (JSONL → records), analyse (every
version), store (articles, credits, segments, search index; no analysis work), align (the
pure aligner on the analysed segments, and what each alignment teaches the lexicon: the
workers' part), learn (adding those counts to the stored lexicons, in the writer), and the
floor: a bare ``sqlite3`` insert of the same texts into a table with an FTS5 index
(unicode61 and trigram), one transaction per article. "writer with workers" is what the
single writer does per article when workers do the rest (store + learn): it caps the rate.

Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(REPO))


# --------------------------------------------------------------------------- process tree RSS


def _tree(pid: int) -> list[int]:
    out = [pid]
    for p in out:
        try:
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as handle:
                    out.extend(int(c) for c in handle.read().split())
        except OSError:
            continue
    return out


def _memory_kb(pid: int, field: str, name: str) -> int:
    try:
        with open(f"/proc/{pid}/{name}") as handle:
            for line in handle:
                if line.startswith(field):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def _rss_kb(pid: int) -> int:
    return _memory_kb(pid, "VmRSS:", "status")


def _pss_kb(pid: int) -> int:
    """Proportional set size: pages shared with forked workers count once in a sum."""
    return _memory_kb(pid, "Pss:", "smaps_rollup")


class TreeSampler(threading.Thread):
    """Samples the summed and the largest RSS of a process and its descendants."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid = pid
        self.peak_total = 0
        self.peak_one = 0
        self.stop = threading.Event()

    def run(self) -> None:
        while not self.stop.is_set():
            pids = _tree(self.pid)
            self.peak_total = max(self.peak_total, sum(_pss_kb(p) for p in pids))
            self.peak_one = max(self.peak_one, max(map(_rss_kb, pids), default=0))
            self.stop.wait(0.05)


def run_import(folder: Path, db: Path, jobs: int) -> dict[str, float]:
    """``archive import folder --db db --jobs N`` in a subprocess: wall, CPU, peak RSS."""
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    command = [sys.executable, "-m", "archive.cli", "import", str(folder), "--db", str(db)]
    command += ["--jobs", str(jobs)]
    before = os.times()
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    sampler = TreeSampler(process.pid)
    sampler.start()
    out, err = process.communicate()
    wall = time.perf_counter() - start
    sampler.stop.set()
    sampler.join()
    after = os.times()
    if process.returncode != 0:
        raise SystemExit(f"import failed ({process.returncode}): {err.decode()[-500:]}")
    cpu = (after.children_user - before.children_user) + (
        after.children_system - before.children_system
    )
    imported = int(out.decode().split()[0])
    return {
        "imported": imported,
        "wall": wall,
        "cpu": cpu,
        "rss_total_mb": sampler.peak_total / 1024,
        "rss_one_mb": sampler.peak_one / 1024,
    }


# --------------------------------------------------------------------------- stages


def _records(folder: Path, limit: int) -> Iterator[object]:
    from archive.ingest.readers import iter_jsonl

    seen = 0
    for path in sorted(folder.glob("*.jsonl")):
        for item in iter_jsonl(path):
            if seen >= limit:
                return
            seen += 1
            yield item


def _timed(fn: Callable[[], object]) -> tuple[float, float]:
    """(CPU seconds, wall seconds) of ``fn()``."""
    cpu, wall = time.process_time(), time.perf_counter()
    fn()
    return time.process_time() - cpu, time.perf_counter() - wall


def floor_insert(db: Path, texts: list[tuple[str, list[str]]]) -> None:
    """A bare sqlite3 + FTS5 insert of each article's title and version texts."""
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    conn = sqlite3.connect(db, isolation_level=None)
    conn.executescript(
        """
        PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;
        CREATE TABLE article(id INTEGER PRIMARY KEY, title TEXT);
        CREATE TABLE version(id INTEGER PRIMARY KEY, article_id INTEGER, text TEXT);
        CREATE VIRTUAL TABLE words USING fts5(text, content='version', content_rowid='id');
        CREATE VIRTUAL TABLE grams USING fts5(text, content='version', content_rowid='id',
                                              tokenize='trigram');
        """
    )
    for title, versions in texts:
        conn.execute("BEGIN")
        article = conn.execute("INSERT INTO article(title) VALUES (?)", (title,)).lastrowid
        for text in versions:
            row = conn.execute(
                "INSERT INTO version(article_id, text) VALUES (?, ?)", (article, text)
            ).lastrowid
            conn.execute("INSERT INTO words(rowid, text) VALUES (?, ?)", (row, text))
            conn.execute("INSERT INTO grams(rowid, text) VALUES (?, ?)", (row, text))
        conn.execute("COMMIT")
    conn.close()


def stages(folder: Path, n: int, work: Path) -> list[tuple[str, float, float]]:
    """(stage, CPU s per article, wall s per article) for the first ``n`` articles."""
    from archive.ingest.annotate import analyze_plain
    from archive.ingest.pipeline import Importer, _align_new_record

    # Pay the one-time loads (models, lexicons, dictionaries) before timing: one record of
    # every language pair among the first n, so no stage pays a language's first use.
    seen: set[tuple[str, ...]] = set()
    for item in _records(folder, n):
        record = item.record  # type: ignore[attr-defined]
        languages = tuple(v.language for v in record.versions)
        if languages not in seen:
            seen.add(languages)
            analyses = [analyze_plain(v.text, v.language) for v in record.versions]
            _align_new_record(record, analyses)

    items: list[object] = []
    parse = _timed(lambda: items.extend(_records(folder, n)))
    records = [item.record for item in items]  # type: ignore[attr-defined]
    count = len(records)
    analyses: list[list[object]] = []
    analyse = _timed(
        lambda: analyses.extend(
            [analyze_plain(v.text, v.language) for v in r.versions] for r in records
        )
    )
    align = _timed(
        lambda: [_align_new_record(r, a) for r, a in zip(records, analyses, strict=True)]  # type: ignore[arg-type]
    )

    subset = work / "stage-input"
    shutil.rmtree(subset, ignore_errors=True)
    subset.mkdir(parents=True)
    with (subset / "part.jsonl").open("wb") as handle:
        for item in items:
            handle.write(item.raw)  # type: ignore[attr-defined]
    from archive.db import open_archive

    learning = [0.0, 0.0]

    def import_subset(name: str, **options: bool) -> tuple[float, float]:
        db = work / name
        for suffix in ("", "-wal", "-shm"):
            Path(f"{db}{suffix}").unlink(missing_ok=True)
        archive = open_archive(db)
        try:
            importer = Importer(archive, jobs=1, **options)
            learn = importer._learn

            def timed_learn() -> None:
                cpu, wall = _timed(learn)
                learning[0] += cpu
                learning[1] += wall

            importer._learn = timed_learn  # type: ignore[method-assign]
            return _timed(lambda: list(importer.iter_import([subset / "part.jsonl"])))
        finally:
            archive.close()

    bare = import_subset("stage-bare.db", analyze=False)
    full = import_subset("stage-full.db", analyze=True, align=True)
    writer = tuple(
        f - p - an - al - le
        for f, p, an, al, le in zip(full, parse, analyse, align, learning, strict=True)
    )
    texts = [(r.title, [v.text for v in r.versions]) for r in records]
    floor = _timed(lambda: floor_insert(work / "floor.db", texts))
    return [
        ("parse (JSONL → records)", parse[0] / count, parse[1] / count),
        ("analyse (2 versions)", analyse[0] / count, analyse[1] / count),
        ("align (pure aligner, 1 pair)", align[0] / count, align[1] / count),
        ("learn (lexicon, in the writer)", learning[0] / count, learning[1] / count),
        ("store (import − the rest)", writer[0] / count, writer[1] / count),
        (
            "writer with workers (store + learn)",
            (writer[0] + learning[0]) / count,
            (writer[1] + learning[1]) / count,
        ),
        ("whole import, one process", full[0] / count, full[1] / count),
        ("import --no-analyze (parse + store)", bare[0] / count, bare[1] / count),
        ("floor: sqlite3 + FTS5", floor[0] / count, floor[1] / count),
    ]


def main() -> None:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="500,3000")
    parser.add_argument("--jobs", default="1,2")
    parser.add_argument("--stages-n", type=int, default=500)
    parser.add_argument("--work", type=Path, default=None)
    parser.add_argument("--input", type=Path, default=None, help="an existing JSONL folder")
    parser.add_argument("--no-stages", action="store_true")
    args = parser.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="archive-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    from benchmarks.generate_archive import write_collection

    print(f"load average at start: {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs")
    print()
    print(
        "| N | jobs | wall s | articles/s | CPU ms/article | cores busy "
        "| peak PSS, all processes MB | peak RSS, largest process MB |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|---:|")
    first_folder: Path | None = None
    for size in (int(s) for s in args.sizes.split(",")):
        if args.input is not None:
            folder = args.input
        else:
            folder = work / f"in-{size}"
            if not folder.exists():
                write_collection(size, folder, seed=9)
        first_folder = first_folder or folder
        for jobs in (int(j) for j in args.jobs.split(",")):
            r = run_import(folder, work / f"bench-{size}-{jobs}.db", jobs)
            print(
                f"| {int(r['imported']):,} | {jobs} | {r['wall']:.1f} | "
                f"{r['imported'] / r['wall']:.1f} | {1000 * r['cpu'] / r['imported']:.1f} | "
                f"{r['cpu'] / r['wall']:.2f} | {r['rss_total_mb']:.0f} | {r['rss_one_mb']:.0f} |",
                flush=True,
            )
    if args.no_stages or first_folder is None:
        return
    print()
    print(f"Stages on the first {args.stages_n:,} articles, one process:")
    print()
    print("| stage | CPU ms/article | wall ms/article |")
    print("|---|---:|---:|")
    for name, cpu, wall in stages(first_folder, args.stages_n, work):
        print(f"| {name} | {1000 * cpu:.2f} | {1000 * wall:.2f} |")


if __name__ == "__main__":
    main()
