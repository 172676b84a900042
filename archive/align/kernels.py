"""Pure dynamic-programming kernels: the best monotone bead path through a cost table.

Coordinates: a path runs from grid point ``(0, 0)`` to ``(n, m)``; a bead of type ``(a, b)``
ending at ``(i, j)`` covers source segments ``i-a .. i-1`` and target segments ``j-b .. j-1``.
No I/O, no state: arrays in, bead spans out.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import NamedTuple

import numpy as np
from numpy.typing import NDArray

__all__ = [
    "BEAD_TYPES",
    "MATCH_TYPES",
    "FloatArray",
    "IntArray",
    "Span",
    "WindowedPath",
    "best_path",
    "window_sums",
    "windowed_path",
]

#: Every bead shape the aligner considers, as (source count, target count).
BEAD_TYPES: tuple[tuple[int, int], ...] = (
    (1, 1), (1, 0), (0, 1), (2, 1), (1, 2), (2, 2), (1, 3), (3, 1),
)  # fmt: skip
#: Bead shapes with both sides non-empty.
MATCH_TYPES: tuple[tuple[int, int], ...] = tuple(t for t in BEAD_TYPES if t[0] and t[1])

#: A bead as half-open ranges: (src_start, src_end, tgt_start, tgt_end).
Span = tuple[int, int, int, int]

FloatArray = NDArray[np.float64]
IntArray = NDArray[np.int64]


def best_path(
    match_costs: Mapping[tuple[int, int], FloatArray],
    skip_src: Sequence[float] | FloatArray,
    skip_tgt: Sequence[float] | FloatArray,
) -> list[Span]:
    """The cheapest sequence of beads covering both sides exactly once, in order.

    Args:
        match_costs: for each bead type ``(a, b)`` with ``a, b >= 1``, an ``(n+1, m+1)`` array
            whose ``[i, j]`` is the cost of that bead ending at ``(i, j)`` (``inf`` forbids
            it; entries with ``i < a`` or ``j < b`` are ignored).
        skip_src: length ``n``, the cost of leaving source segment ``i`` unaligned (1-0).
        skip_tgt: length ``m``, the cost of leaving target segment ``j`` unaligned (0-1).

    Returns:
        Spans in order; consecutive spans touch, the first starts at (0, 0) and the last
        ends at (n, m). Time O(n·m·|types|), memory O(n·m).
    """
    s_src = np.asarray(skip_src, dtype=np.float64)
    s_tgt = np.asarray(skip_tgt, dtype=np.float64)
    n, m = len(s_src), len(s_tgt)
    if n == 0 or m == 0:
        return [(i, i + 1, 0, 0) for i in range(n)] + [(0, 0, j, j + 1) for j in range(m)]
    types = [t for t in match_costs if t[0] >= 1 and t[1] >= 1]
    dist = np.full((n + 1, m + 1), np.inf)
    back = np.full((n + 1, m + 1), -1, dtype=np.int8)
    # Codes in `back`: index into `types`, or SKIP_SRC / SKIP_TGT.
    skip_src_code, skip_tgt_code = len(types), len(types) + 1
    tgt_prefix = np.concatenate(([0.0], np.cumsum(s_tgt)))
    for i in range(n + 1):
        cand = np.full(m + 1, np.inf)
        code = np.full(m + 1, -1, dtype=np.int8)
        if i == 0:
            cand[0] = 0.0
        else:
            via = dist[i - 1] + s_src[i - 1]
            better = via < cand
            cand[better] = via[better]
            code[better] = skip_src_code
            for k, (a, b) in enumerate(types):
                if a > i:
                    continue
                via = np.full(m + 1, np.inf)
                via[b:] = dist[i - a, : m + 1 - b] + match_costs[(a, b)][i, b:]
                better = via < cand
                cand[better] = via[better]
                code[better] = k
        # 0-1 beads run along the row: dist[i, j] = min_k<=j cand[k] + skip_tgt[k:j].
        shifted = cand - tgt_prefix
        running = np.minimum.accumulate(shifted)
        dist[i] = running + tgt_prefix
        from_chain = shifted > running
        code[from_chain] = skip_tgt_code
        back[i] = code
    spans: list[Span] = []
    i, j = n, m
    while i > 0 or j > 0:
        c = int(back[i, j])
        if c == skip_tgt_code:
            a, b = 0, 1
        elif c == skip_src_code:
            a, b = 1, 0
        elif c >= 0:
            a, b = types[c]
        else:  # unreachable cell: cannot happen while skips are finite
            raise ValueError("no path through the cost table (are skip costs finite?)")
        spans.append((i - a, i, j - b, j))
        i, j = i - a, j - b
    spans.reverse()
    return spans


class WindowedPath(NamedTuple):
    """The spans of `windowed_path` and the DP cells it filled (its cost in time and memory)."""

    spans: list[Span]
    cells: int


def windowed_path(
    solve: Callable[[int, int, int, int], Sequence[Span]],
    n: int,
    m: int,
    *,
    max_cells: int,
    window: int,
) -> WindowedPath:
    """A bead path through an ``n`` × ``m`` grid, solved in windows along the diagonal.

    A grid of at most ``max_cells`` cells is solved whole. A larger one is solved window by
    window: from the current grid point ``(i, j)`` a window reaching ``window`` segments
    further on the side with more left (and proportionally on the other) is solved, since its
    last beads are bent towards the window's corner, only the beads ending in its first half
    (by ``i + j``; at least one bead) are kept, and the next window starts where they end.
    The path is therefore allowed to stray from the diagonal by up to half a window in each
    window, and cells grow linearly: at most ``max(max_cells, window²)`` per window, one
    window per ~``window / 2`` segments.

    Args:
        solve: ``solve(i0, i1, j0, j1)`` is the best path through source ``i0 .. i1-1`` and
            target ``j0 .. j1-1``, as spans local to that window (first starts at (0, 0), last
            ends at ``(i1-i0, j1-j0)``, consecutive spans touch).
        n, m: the grid's size.
        max_cells: the largest grid solved in one piece.
        window: the longer side of a window (at least 2).

    Returns:
        Spans in whole-grid coordinates with `best_path`'s invariants, and the cells filled.
    """
    if window < 2:
        raise ValueError(f"window must be at least 2, not {window}")
    spans: list[Span] = []
    cells = 0
    i = j = 0
    while i < n or j < m:
        left_n, left_m = n - i, m - j
        if left_n * left_m <= max_cells:
            i1, j1 = n, m
        else:
            longer = max(left_n, left_m)  # ceil(window * left / longer), in integers
            i1 = i + min(left_n, max(1, -(-window * left_n // longer)))
            j1 = j + min(left_m, max(1, -(-window * left_m // longer)))
        local = solve(i, i1, j, j1)
        cells += (i1 - i + 1) * (j1 - j + 1)
        if (i1, j1) == (n, m):
            keep = list(local)
        else:
            half = (i1 - i + j1 - j) // 2
            keep = [s for s in local if s[1] + s[3] <= half] or list(local[:1])
        spans.extend((a0 + i, a1 + i, b0 + j, b1 + j) for a0, a1, b0, b1 in keep)
        i, j = i + keep[-1][1], j + keep[-1][3]
    return WindowedPath(spans, cells)


def window_sums(values: FloatArray, width: int) -> FloatArray:
    """``out[i] = values[i-width:i].sum(axis=0)`` for ``i >= width``, else 0; length n+1."""
    n = values.shape[0]
    prefix = np.zeros((n + 1, *values.shape[1:]))
    np.cumsum(values, axis=0, out=prefix[1:])
    out = np.zeros_like(prefix)
    out[width:] = prefix[width:] - prefix[: n + 1 - width]
    return out
