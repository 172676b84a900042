"""How long a bead edit, its undo and a re-align around confirmed beads take on a long article.

    python benchmarks/beads.py [--paragraphs 200]

Builds a 200-paragraph, two-version article (600 beads) with `benchmarks/tui.py`'s builder in
a temporary directory, then times, each in its own transaction as the reader makes them: a
confirm, a merge, a split, a move, its undo, and a re-align around 20 confirmed beads.
Figures, never assertions (a key press should feel immediate: well under 100 ms).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from sqlmodel import col, select  # noqa: E402

from archive import beads  # noqa: E402
from archive.db import open_archive  # noqa: E402
from archive.models import Alignment, AlignmentLink  # noqa: E402

WHO = "benchmark"


def _builder() -> Callable[..., int]:
    """`build_long_article` of benchmarks/tui.py (a file, not the `tui` package)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("tui_benchmark", REPO / "benchmarks" / "tui.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.build_long_article  # type: ignore[no-any-return]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--paragraphs", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        archive = open_archive(Path(tmp) / "bench.db")
        _builder()(archive, args.paragraphs)
        with archive.session() as session:
            alignment = session.exec(select(Alignment)).one()
            assert alignment.id is not None
            alignment_id = alignment.id

        def link(position: int) -> int:
            with archive.session() as session:
                row = session.exec(
                    select(AlignmentLink.id)
                    .where(AlignmentLink.alignment_id == alignment_id)
                    .order_by(col(AlignmentLink.position))
                    .offset(position)
                ).first()
                assert row is not None
                return row

        def timed(make: Callable[[Any], Any]) -> tuple[float, Any]:
            start = time.perf_counter()
            with archive.session() as session, session.begin():
                result = make(session)
                made = result.id if result is not None else None
            return (time.perf_counter() - start) * 1000, made

        with archive.session() as session:
            n = len(beads.load_spans(session, alignment_id))
        print(f"article: {args.paragraphs} paragraphs, {n} beads")
        ms, _ = timed(
            lambda s: beads.realign_around_confirmed(s, alignment_id=alignment_id, reviewer=WHO)
        )
        print(f" realign: {ms:6.0f} ms with nothing confirmed")
        figures: dict[str, list[float]] = {}
        for i in range(args.repeat):
            middle = link(n // 2 + i)
            for name, make in (
                ("confirm", lambda s, m=middle: beads.confirm_bead(s, link_id=m, reviewer=WHO)),
                ("merge", lambda s, m=middle: beads.merge_next(s, link_id=m, reviewer=WHO)),
                ("split", lambda s, m=middle: beads.split_bead(s, link_id=m, reviewer=WHO)),
                (
                    "move",
                    lambda s, m=middle: beads.move_bead_down(
                        s, link_id=m, side="tgt", reviewer=WHO
                    ),
                ),
            ):
                ms, edit_id = timed(make)
                figures.setdefault(name, []).append(ms)
                if name == "move":
                    undone: int = edit_id

                    def undo(session: Any, e: int = undone) -> Any:
                        return beads.undo_bead_edit(session, edit_id=e, reviewer=WHO)

                    ms, _ = timed(undo)
                    figures.setdefault("undo", []).append(ms)
        for name, values in figures.items():
            print(
                f"{name:>8}: median {statistics.median(values):6.1f} ms, max {max(values):6.1f} ms"
            )
        ms, _ = timed(
            lambda s: beads.realign_around_confirmed(s, alignment_id=alignment_id, reviewer=WHO)
        )
        print(f" realign: {ms:6.0f} ms around {args.repeat} confirmed beads ({n} beads)")
        archive.close()


if __name__ == "__main__":
    main()
