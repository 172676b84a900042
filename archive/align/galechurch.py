"""The Gale-Church (1993) length-based aligner, kept as a baseline (method ``gale-church``)."""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np

from archive.align.kernels import (
    MATCH_TYPES,
    FloatArray,
    Span,
    best_path,
    window_sums,
    windowed_path,
)
from archive.align.pipeline import DP_CELLS, DP_WINDOW, VERSION, AlignmentResult, Bead

__all__ = ["align_gale_church", "gale_church_costs"]

#: Bead priors from Gale & Church (1993), Table 5.
PRIORS = {(1, 1): 0.89, (1, 0): 0.0099, (0, 1): 0.0099, (2, 1): 0.089, (1, 2): 0.089, (2, 2): 0.011}
VARIANCE = 6.8


def _norm_sf(z: FloatArray) -> FloatArray:
    """Two-sided tail probability 2·(1 − Φ(|z|)), vectorised without scipy."""
    erfc = np.vectorize(math.erfc, otypes=[np.float64])
    return np.asarray(erfc(np.abs(z) / math.sqrt(2.0)), dtype=np.float64)


def gale_church_costs(
    src_len: FloatArray, tgt_len: FloatArray, ratio: float
) -> tuple[dict[tuple[int, int], FloatArray], FloatArray, FloatArray]:
    """Match costs per bead type and skip costs, as −log probabilities (Gale & Church)."""
    n, m = len(src_len), len(tgt_len)
    costs: dict[tuple[int, int], FloatArray] = {}
    for a, b in MATCH_TYPES:
        cost = np.full((n + 1, m + 1), np.inf)
        if (a, b) in PRIORS and a <= n and b <= m:
            ls = window_sums(src_len, a)[a:, None]
            lt = window_sums(tgt_len, b)[None, b:]
            mean = (ls + lt / ratio) / 2.0
            z = (ratio * ls - lt) / np.sqrt(VARIANCE * np.maximum(mean, 1.0))
            prob = np.maximum(_norm_sf(z), 1e-12)
            cost[a:, b:] = -np.log(PRIORS[(a, b)]) - np.log(prob)
        costs[(a, b)] = cost
    skip = -math.log(PRIORS[(1, 0)]) - math.log(1e-3)
    return costs, np.full(n, skip), np.full(m, skip)


def align_gale_church(src: Sequence[str], tgt: Sequence[str]) -> AlignmentResult:
    """Align by character lengths only (beads 1-1, 1-0, 0-1, 2-1, 1-2, 2-2; all scores 0.5).

    Long inputs are solved in windows along the diagonal, as the main aligner's pieces are.
    """
    src_len = np.array([len(s) for s in src], dtype=np.float64)
    tgt_len = np.array([len(t) for t in tgt], dtype=np.float64)
    ratio = float(tgt_len.sum() / src_len.sum()) if src_len.sum() > 0 else 1.0

    def solve(i0: int, i1: int, j0: int, j1: int) -> list[Span]:
        costs, skip_src, skip_tgt = gale_church_costs(src_len[i0:i1], tgt_len[j0:j1], ratio or 1.0)
        return best_path(costs, skip_src, skip_tgt)

    path = windowed_path(solve, len(src), len(tgt), max_cells=DP_CELLS, window=DP_WINDOW)
    beads = tuple(
        Bead(tuple(range(a0, a1)), tuple(range(b0, b1)), 0.5) for a0, a1, b0, b1 in path.spans
    )
    return AlignmentResult(method="gale-church", version=VERSION, beads=beads, dp_cells=path.cells)
