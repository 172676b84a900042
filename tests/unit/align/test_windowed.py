"""Windowed DP: long problems in bounded memory, the same beads as one DP where that fits."""

from __future__ import annotations

import random
from collections.abc import Callable

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from archive.align import Aligner, Bead, align_gale_church
from archive.align.kernels import MATCH_TYPES, FloatArray, Span, best_path, windowed_path
from tests.unit.align.samples import perturbed
from tests.unit.align.test_pipeline import _check_cover

Costs = dict[tuple[int, int], FloatArray]


def _random_problem(n: int, m: int, seed: int) -> tuple[Costs, FloatArray, FloatArray]:
    """Cost tables with a cheap, noisy path near the diagonal, and random skip costs."""
    rng = np.random.default_rng(seed)
    costs = {t: rng.uniform(0.5, 3.0, (n + 1, m + 1)) for t in MATCH_TYPES}
    for i in range(1, n + 1):
        j = round(i * m / n) if n else 0
        if 1 <= j <= m:
            costs[(1, 1)][i, j] = rng.uniform(0.0, 0.3)
    return costs, rng.uniform(0.5, 2.0, n), rng.uniform(0.5, 2.0, m)


def _solver(
    costs: Costs, skip_src: FloatArray, skip_tgt: FloatArray, windows: list[tuple[int, int]]
) -> Callable[[int, int, int, int], list[Span]]:
    """``solve`` for `windowed_path`: `best_path` on a window of the whole tables; records
    each window's (rows, columns)."""

    def solve(i0: int, i1: int, j0: int, j1: int) -> list[Span]:
        windows.append((i1 - i0, j1 - j0))
        local = {t: c[i0 : i1 + 1, j0 : j1 + 1] for t, c in costs.items()}
        return best_path(local, skip_src[i0:i1], skip_tgt[j0:j1])

    return solve


def _check_spans(spans: list[Span], n: int, m: int) -> None:
    """Consecutive spans touch, run from (0, 0) to (n, m) and use known bead shapes."""
    point = (0, 0)
    for a0, a1, b0, b1 in spans:
        assert point == (a0, b0)
        assert (a1 - a0, b1 - b0) in {*MATCH_TYPES, (1, 0), (0, 1)}
        point = (a1, b1)
    assert (n, m) == point


@settings(max_examples=80, deadline=None)
@given(
    n=st.integers(0, 60),
    m=st.integers(0, 60),
    window=st.integers(2, 12),
    max_cells=st.integers(0, 200),
    seed=st.integers(0, 2**16),
)
def test_windowed_path_is_monotone_covers_both_sides_and_bounds_each_window(
    n: int, m: int, window: int, max_cells: int, seed: int
) -> None:
    costs, skip_src, skip_tgt = _random_problem(n, m, seed)
    windows: list[tuple[int, int]] = []
    path = windowed_path(
        _solver(costs, skip_src, skip_tgt, windows), n, m, max_cells=max_cells, window=window
    )
    _check_spans(path.spans, n, m)
    assert sum((r + 1) * (c + 1) for r, c in windows) == path.cells
    # A window is one DP of at most max_cells, or at most `window` long on each side,
    # or (the rest of one side once the other is used up) has no rows or no columns.
    for rows, cols in windows:
        assert rows * cols <= max_cells or max(rows, cols) <= window or 0 in (rows, cols)


@settings(max_examples=40, deadline=None)
@given(n=st.integers(0, 25), m=st.integers(0, 25), seed=st.integers(0, 2**16))
def test_small_problems_are_one_dp_with_the_same_spans(n: int, m: int, seed: int) -> None:
    costs, skip_src, skip_tgt = _random_problem(n, m, seed)
    windows: list[tuple[int, int]] = []
    path = windowed_path(
        _solver(costs, skip_src, skip_tgt, windows), n, m, max_cells=n * m, window=4
    )
    assert best_path(costs, skip_src, skip_tgt) == path.spans
    assert ([(n, m)] if n or m else []) == windows


def test_a_window_shorter_than_two_is_refused() -> None:
    with pytest.raises(ValueError, match="window"):
        windowed_path(lambda *_: [], 5, 5, max_cells=0, window=1)


def test_windows_find_the_diagonal_one_dp_finds(ntrex: dict[str, list[str]]) -> None:
    """On a real document, windows of 8 segments give one DP's beads."""
    src, tgt, _ = perturbed(ntrex, "km")
    whole = Aligner().align(src, tgt, src_lang="km", tgt_lang="en")
    windowed = Aligner(dp_cells=0, dp_window=8).align(src, tgt, src_lang="km", tgt_lang="en")
    assert [(b.src, b.tgt) for b in whole.beads] == [(b.src, b.tgt) for b in windowed.beads]
    assert (len(src) + 1) * (len(tgt) + 1) == whole.dp_cells
    assert windowed.dp_cells > 0


def _tiny(size: int, seed: int) -> tuple[list[str], list[str]]:
    """``size`` one-word Korean sentences and their English, some dropped: no anchors."""
    pairs = [("네.", "Yes."), ("아니요.", "No."), ("좋아요.", "Good."), ("정말요?", "Really?")]
    rng = random.Random(seed)
    src: list[str] = []
    tgt: list[str] = []
    for _ in range(size):
        ko, en = rng.choice(pairs)
        src.append(ko)
        if rng.random() > 0.02:
            tgt.append(en)
    return src, tgt


def test_a_long_input_fills_a_bounded_number_of_dp_cells() -> None:
    """3,000 short sentences: no anchors, so only the windows keep the DP linear."""
    src, tgt = _tiny(3000, seed=3)
    n, m = len(src), len(tgt)
    window = 100
    result = Aligner(dp_cells=window * window, dp_window=window).align(
        src, tgt, src_lang="ko", tgt_lang="en"
    )
    _check_cover(result, n, m)
    # Each window keeps about half its length: ~(n + m) / window windows of (window + 1)².
    assert 0 < result.dp_cells <= 3 * (n + m) * (window + 1)
    assert result.dp_cells < n * m / 10
    gale = align_gale_church(src, tgt)
    _check_cover(gale, n, m)
    assert 0 < gale.dp_cells < n * m / 2


def test_long_documents_are_aligned_in_sections(ntrex: dict[str, list[str]]) -> None:
    """Sections of 8 segments: each side covered once, in order, and the gold beads found."""
    src, tgt, gold = perturbed(ntrex, "vi")
    result = Aligner(section=8).align(src, tgt, src_lang="vi", tgt_lang="en")
    _check_cover(result, len(src), len(tgt))
    found = {(b.src, b.tgt) for b in result.beads}
    assert len(found & gold) >= len(gold) - 3, sorted(gold - found)
    whole = Aligner().align(src, tgt, src_lang="vi", tgt_lang="en")
    assert result.method == whole.method
    # Overlapping sections fill more cells than one DP of the whole document would.
    assert result.dp_cells > 0


def test_sections_keep_checked_beads_by_aligning_whole(ntrex: dict[str, list[str]]) -> None:
    src, tgt, _ = perturbed(ntrex, "vi")
    fixed = [Bead((4,), (3,), 1.0, checked=True)]
    result = Aligner(section=8).align(src, tgt, src_lang="vi", tgt_lang="en", fixed=fixed)
    _check_cover(result, len(src), len(tgt))
    assert fixed[0] in result.beads
