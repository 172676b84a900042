"""Start-up time of the ``archive`` command, and what it imports before doing anything.

    python benchmarks/startup.py [--db ARCHIVE] [--runs 7] [--top 15]

Times ``archive --help`` and ``archive list --json --db ARCHIVE`` (median and min of
``--runs`` runs, each a fresh ``python -m archive.cli`` process), then runs
``python -X importtime -m archive.cli --help`` and prints the heaviest top-level imports
(cumulative microseconds), and which heavy libraries are loaded by ``--help`` at all.
Without ``--db`` an archive of 10,000 generated articles is built first (``--no-analyze``,
a few minutes). Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

HEAVY = (
    "numpy",
    "sqlalchemy",
    "sqlmodel",
    "alembic",
    "rich",
    "textual",
    "icu",
    "langdetect",
    "myanmartools",
    "trafilatura",
    "lxml",
    "prov",
    "ctranslate2",
    "argostranslate",
    "archive.analysis",
    "archive.align",
    "archive.search",
    "archive.mt",
    "archive.export",
)


def archive_command(*args: str) -> list[str]:
    """``python -m archive.cli ARGS``."""
    return [sys.executable, "-m", "archive.cli", *args]


def timed_runs(command: list[str], runs: int) -> list[float]:
    """Wall seconds of each run (the first, cold-cache run included)."""
    out = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, cwd=REPO, check=True, capture_output=True)
        out.append(time.perf_counter() - start)
    return out


def import_profile(command: list[str]) -> list[tuple[int, str]]:
    """``(cumulative µs, module)`` of every import, from ``-X importtime``."""
    result = subprocess.run(
        [sys.executable, "-X", "importtime", *command[1:]],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=True,
    )
    rows = []
    for line in result.stderr.splitlines():
        if not line.startswith("import time:") or "cumulative" in line:
            continue
        _self_us, cumulative, name = line.removeprefix("import time:").split("|", 2)
        rows.append((int(cumulative), name.rstrip()[1:]))  # nesting shows as leading spaces
    return rows


def build_archive(n: int, work: Path) -> Path:
    """An archive of ``n`` generated articles (stored without analysis: start-up only)."""
    from benchmarks.generate_archive import write_collection

    folder = work / "in"
    write_collection(n, folder, seed=9)
    db = work / "archive.db"
    subprocess.run(
        archive_command("import", str(folder), "--db", str(db), "--no-analyze", "--jobs", "1"),
        cwd=REPO,
        check=True,
        capture_output=True,
    )
    return db


def main() -> None:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, default=None)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--top", type=int, default=15)
    parser.add_argument("--articles", type=int, default=10_000)
    args = parser.parse_args()
    db = args.db or build_archive(args.articles, Path(tempfile.mkdtemp(prefix="archive-start-")))

    print("| command | median s | min s |")
    print("|---|---:|---:|")
    for label, command in (
        ("archive --help", archive_command("--help")),
        ("archive list --json (10k articles)", archive_command("list", "--json", "--db", str(db))),
    ):
        runs = timed_runs(command, args.runs)
        print(f"| `{label}` | {statistics.median(runs):.3f} | {min(runs):.3f} |")

    rows = import_profile(archive_command("--help"))
    names = {name.strip() for _, name in rows}
    print()
    print("Heavy libraries loaded by `archive --help`:")
    for heavy in HEAVY:
        print(f"- {heavy}: {'LOADED' if heavy in names else 'not loaded'}")
    print()
    print(f"Heaviest top-level imports of `archive --help` (-X importtime, top {args.top}):")
    print()
    print("| module | cumulative ms |")
    print("|---|---:|")
    top_level = [(us, name) for us, name in rows if not name.startswith(" ")]
    for us, name in sorted(top_level, reverse=True)[: args.top]:
        print(f"| {name.strip()} | {us / 1000:.1f} |")


if __name__ == "__main__":
    main()
