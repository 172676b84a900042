"""compare_alignment (what the English adds, drops, changes) and the anchor helpers."""

from __future__ import annotations

import numpy as np

from archive.align import Bead, compare_alignment
from archive.align.anchors import cut_points, longest_chain


def test_compare_reports_drops_additions_and_numbers() -> None:
    src = ["၄၅၃ ဦး သေဆုံး", "မိုးရွာ", "၁,၅၀၀ ကျပ်", "ဒုတိယ"]
    tgt = ["435 people died", "It cost 1 500 kyat", "An added line"]
    beads = [
        Bead((0,), (0,), 0.9),
        Bead((1,), (), 0.8),
        Bead((2, 3), (1,), 0.7),
        Bead((), (2,), 0.6),
    ]
    report = compare_alignment(src, tgt, beads)
    assert 0.75 == report.carried
    assert (1,) == report.dropped
    assert (2,) == report.added
    assert [((2, 3), (1,))] == [(b.src, b.tgt) for b in report.merged]
    [mismatch] = report.number_mismatches
    assert ((0,), ("453",), ("435",)) == (mismatch.src, mismatch.src_only, mismatch.tgt_only)
    assert {"carried", "dropped", "added", "merged", "number_mismatches"} == set(report.to_json())


def test_longest_chain() -> None:
    assert [(0, 0), (2, 1), (3, 4)] == longest_chain([(0, 0), (1, 5), (2, 1), (3, 4)])
    assert [] == longest_chain([])


def test_cut_points_fall_between_consecutive_anchors() -> None:
    rng = np.random.default_rng(0)
    base = rng.random((300, 64)) ** 8
    src, tgt = base, np.delete(base, 150, axis=0)  # target lacks sentence 150
    cuts = cut_points(src, tgt, threshold=0.5, min_margin=0.05, spacing=50)
    assert cuts
    for i, j in cuts:
        assert (j == i) if i <= 150 else (j == i - 1)
