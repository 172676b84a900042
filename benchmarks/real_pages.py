"""Real news pages: import each set into a fresh archive and score it against its gold.

    python benchmarks/real_pages.py [SET_DIR ...] [--archive PATH_TO_ARCHIVE_CLI]

A set is a folder holding ``pages/`` (saved ``.txt`` and ``.html`` pages) and ``gold.jsonl``
(what an archivist reads off each page: title, date, language, credits, story bounds). With
no folder named, the sets are ``benchmarks/data/real-pages`` (the repo's own pages) and
``../shared/data/real-pages`` (the development set), each when present; the benchmark says
which are absent. For each set it prints the same totals and per-page findings as the
scorer (``benchmarks/_real_pages_score.py``, a copy of the development set's ``score.py``):
headlines, publication dates, language (stored and ``archive analyze``), credits, service,
and the story (lead or end lost, page chrome kept, credit line kept). Asserts nothing.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
DEFAULT_SETS = (HERE / "data" / "real-pages", REPO.parent / "shared" / "data" / "real-pages")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sets", nargs="*", type=Path, help="folders with pages/ and gold.jsonl")
    parser.add_argument(
        "--archive",
        type=Path,
        default=Path(sys.executable).parent / "archive",
        help="the archive command to score (default: the one beside this Python)",
    )
    args = parser.parse_args()
    sys.path.insert(0, str(HERE))
    import _real_pages_score as scorer

    sets = args.sets or [s for s in DEFAULT_SETS if s.exists()]
    for missing in (s for s in DEFAULT_SETS if not args.sets and not s.exists()):
        print(f"(no real-pages set at {missing}: not scored)")
    if not sets:
        print("no real-pages set found: nothing to score")
        return 1
    for folder in sets:
        started = time.perf_counter()
        with tempfile.TemporaryDirectory(prefix="realpages-") as work:
            result = scorer.score(
                args.archive, (folder / "pages").resolve(), folder / "gold.jsonl", Path(work)
            )
        print(f"##### {folder} ({time.perf_counter() - started:.0f} s)")
        print(scorer.report(result))
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
