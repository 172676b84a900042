"""Anchors: confident 1-1 pairs that cut a long alignment problem into short chunks.

Long inputs are never compared all against all. Similarities are computed in a corridor around
the length-scaled diagonal (at most `MAX_CORRIDOR` wide), block by block; pairs that are each
other's best match with a clear margin become candidate anchors; the longest monotone chain
of them is kept; and the grid points between two *consecutive* anchors ``(i, j)``,
``(i+1, j+1)`` become cut points (a bead boundary that any sensible alignment shares).
Time and memory grow linearly with length.
"""

from __future__ import annotations

from bisect import bisect_left
from itertools import pairwise

import numpy as np

from archive.align.kernels import FloatArray
from archive.align.rows import SparseRows

__all__ = ["MAX_CORRIDOR", "corridor_best", "cut_points", "longest_chain"]

#: The widest corridor (each side of the diagonal) searched for anchors: wider would make
#: the search quadratic in time on long documents (10% of 20,000 is 2,000 each side).
MAX_CORRIDOR = 400

Vectors = FloatArray | SparseRows


def _block(x: Vectors, r0: int, r1: int) -> FloatArray:
    """Rows ``r0 .. r1-1`` as a dense array."""
    return x[r0:r1].dense() if isinstance(x, SparseRows) else x[r0:r1]


def _norms(x: Vectors, block: int = 1024) -> FloatArray:
    """Each row's Euclidean norm, a block of rows at a time."""
    parts = [_block(x, r0, r0 + block) for r0 in range(0, x.shape[0], block)]
    return np.concatenate([np.sqrt(np.einsum("ij,ij->i", p, p)) for p in parts] or [np.zeros(0)])


def corridor_best(
    src: Vectors, tgt: Vectors, *, width: int, block: int = 256
) -> tuple[FloatArray, FloatArray, np.ndarray, np.ndarray]:
    """Best and second-best cosines per row and per column within a diagonal corridor.

    Returns:
        ``(row_best, row_margin, row_arg, col_arg)``: for each source row the best cosine,
        its margin over the second best and the target column; for each target column the
        best source row (-1 where the corridor never reaches it).
    """
    n, m = src.shape[0], tgt.shape[0]
    ns = _norms(src) + 1e-12
    nt = _norms(tgt) + 1e-12
    row_best = np.full(n, -1.0)
    row_second = np.full(n, -1.0)
    row_arg = np.full(n, -1, dtype=np.int64)
    col_best = np.full(m, -1.0)
    col_arg = np.full(m, -1, dtype=np.int64)
    slope = m / max(n, 1)
    for r0 in range(0, n, block):
        r1 = min(n, r0 + block)
        c0 = max(0, int(r0 * slope) - width)
        c1 = min(m, int(r1 * slope) + width + 1)
        if c0 >= c1:
            continue
        cos = (_block(src, r0, r1) @ _block(tgt, c0, c1).T) / np.outer(ns[r0:r1], nt[c0:c1])
        rows = np.arange(r0, r1)
        centre = (rows * slope).astype(np.int64)[:, None]
        cols = np.arange(c0, c1)[None, :]
        cos = np.where(np.abs(cols - centre) <= width, cos, -1.0)
        best = cos.argmax(axis=1)
        rows_here = np.arange(r1 - r0)
        row_arg[r0:r1] = best + c0
        row_best[r0:r1] = cos[rows_here, best]
        if cos.shape[1] > 1:
            cos[rows_here, best] = -np.inf
            row_second[r0:r1] = cos.max(axis=1)
            cos[rows_here, best] = row_best[r0:r1]
        cmax = cos.max(axis=0)
        carg = cos.argmax(axis=0) + r0
        better = cmax > col_best[c0:c1]
        col_best[c0:c1] = np.where(better, cmax, col_best[c0:c1])
        col_arg[c0:c1] = np.where(better, carg, col_arg[c0:c1])
    return row_best, row_best - row_second, row_arg, col_arg


def longest_chain(pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The longest subsequence of ``pairs`` (sorted by source) strictly increasing in both."""
    tails: list[int] = []
    tail_idx: list[int] = []
    prev = [-1] * len(pairs)
    for k, (_, j) in enumerate(pairs):
        pos = bisect_left(tails, j)
        if pos == len(tails):
            tails.append(j)
            tail_idx.append(k)
        else:
            tails[pos] = j
            tail_idx[pos] = k
        prev[k] = tail_idx[pos - 1] if pos else -1
    out = []
    k = tail_idx[-1] if tail_idx else -1
    while k >= 0:
        out.append(pairs[k])
        k = prev[k]
    out.reverse()
    return out


def cut_points(
    src: Vectors,
    tgt: Vectors,
    *,
    threshold: float,
    min_margin: float,
    spacing: int = 60,
    width: int | None = None,
) -> list[tuple[int, int]]:
    """Grid points ``(i, j)`` (0 < i < n, 0 < j < m) where the problem can be cut.

    Args:
        src, tgt: segment vectors, ``(n, d)`` and ``(m, d)`` (dense or sparse rows).
        threshold: least cosine for an anchor.
        min_margin: least lead of an anchor's cosine over the row's second best.
        spacing: preferred distance (in source segments) between cuts.
        width: half-width of the comparison corridor (default: 10% of the longer side, at
            least 40 and at most `MAX_CORRIDOR`).
    """
    n, m = src.shape[0], tgt.shape[0]
    if width is None:
        width = min(MAX_CORRIDOR, max(40, max(n, m) // 10))
    row_best, row_margin, row_arg, col_arg = corridor_best(src, tgt, width=width)
    candidates = [
        (i, int(row_arg[i]))
        for i in range(n)
        if row_arg[i] >= 0
        and col_arg[row_arg[i]] == i
        and row_best[i] >= threshold
        and row_margin[i] >= min_margin
    ]
    chain = longest_chain(candidates)
    cuts: list[tuple[int, int]] = []
    last = 0
    for (i, j), (i2, j2) in pairwise(chain):
        if i2 == i + 1 and j2 == j + 1 and i + 1 - last >= spacing and i + 1 < n and j + 1 < m:
            cuts.append((i + 1, j + 1))
            last = i + 1
    return cuts
