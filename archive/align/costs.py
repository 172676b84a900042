"""Costs: the similarity and the cost of every bead, from two sides' vectors.

A bead's similarity is the cosine of the summed vectors of its two sides, rescaled so that
unrelated pairs sit near 0 and typical translations near 1 (like Vecalign's normalisation by
random pairs), mixed with coverage (how much of each side's content the other explains).
Lengths add a Gale-Church-like penalty; merges, paragraph crossings and weakly supported
sentences inside a merge cost more.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from archive.align.config import ScoringConfig
from archive.align.features import EMPTY_IDS
from archive.align.kernels import MATCH_TYPES, FloatArray, IntArray, window_sums
from archive.align.vectors import Coverage

__all__ = [
    "SideVectors",
    "cosine_matrix",
    "coverage_similarity",
    "length_cost",
    "match_costs",
    "similarity_scale",
]


def coverage_similarity(
    cov: Coverage, src_rows: IntArray, tgt_rows: IntArray
) -> dict[tuple[int, int], FloatArray]:
    """How much of each bead's content its other side explains, per bead type.

    For the rows ``src_rows`` × ``tgt_rows`` (indices into the document), per bead type
    ``(a, b)`` an ``(n+1, m+1)`` array like `match_costs`'s: the harmonic mean of the share of
    the X side's units (weighted) that have a translation on the Y side and the share of the Y
    side's words (idf-weighted) that the X side's units translate to; each unit or word counts
    at most once. NaN where neither side has anything to explain.
    """
    x_rows, y_rows = (src_rows, tgt_rows) if cov.x_is_src else (tgt_rows, src_rows)
    nx, ny = len(x_rows), len(y_rows)
    # The units of these X rows, and their translations.
    parts = [cov.row_units[r] for r in x_rows.tolist()]
    sizes = [len(p) for p in parts]
    flat = np.concatenate(parts) if parts else EMPTY_IDS
    units, inverse = np.unique(flat, return_inverse=True)
    weigh = np.zeros((nx, len(units)))
    weigh[np.repeat(np.arange(nx), sizes), inverse] = cov.unit_weight[flat]
    lo, hi = cov.starts[units], cov.starts[units + 1]
    counts = hi - lo
    entry = np.repeat(lo - np.concatenate(([0], np.cumsum(counts)[:-1])), counts) + np.arange(
        counts.sum()
    )
    e_cols, e_assoc = cov.cols[entry], cov.assoc[entry]
    unit_starts = np.concatenate(([0], np.cumsum(counts)[:-1]))
    words = cov.words[y_rows].dense()
    weighted = words * cov.idf
    x_total = weigh.sum(axis=1)
    y_total = weighted.sum(axis=1)
    expansion = cov.expansion[x_rows].dense()
    x_num: dict[int, FloatArray] = {}
    y_num: dict[int, FloatArray] = {}
    for k in (1, 2, 3):
        # Units explained by k consecutive Y rows: (nx, ny+1).
        if len(units):
            present = window_sums(words, k)[:, e_cols] * e_assoc
            explained = np.minimum(np.add.reduceat(present, unit_starts, axis=1), 1.0)
            x_num[k] = weigh @ explained.T
        else:
            x_num[k] = np.zeros((nx, ny + 1))
        # Y words explained by k consecutive X rows: (nx+1, ny).
        y_num[k] = np.minimum(window_sums(expansion, k), 1.0) @ weighted.T
    x_den = {k: window_sums(x_total, k) for k in (1, 2, 3)}
    y_den = {k: window_sums(y_total, k) for k in (1, 2, 3)}
    out: dict[tuple[int, int], FloatArray] = {}
    with np.errstate(invalid="ignore", divide="ignore"):
        for a, b in MATCH_TYPES:
            kx, ky = (a, b) if cov.x_is_src else (b, a)
            cx = window_sums(x_num[ky], kx) / x_den[kx][:, None]
            cy = window_sums(y_num[kx].T, ky).T / y_den[ky][None, :]
            both = 2 * cx * cy / (cx + cy)
            both = np.where(cx + cy == 0, 0.0, both)
            sim = np.where(np.isnan(cx), cy, np.where(np.isnan(cy), cx, both))
            out[(a, b)] = sim if cov.x_is_src else sim.T
    return out


@dataclass(frozen=True, slots=True)
class SideVectors:
    """One side of a sub-problem: segment vectors, their lengths and paragraph indices."""

    vectors: FloatArray
    lengths: FloatArray
    paragraphs: NDArray[np.int64] | None = None
    #: ``barriers[k]`` true: segments ``k`` and ``k+1`` may never share a bead.
    barriers: NDArray[np.bool_] | None = None


def _window_norms(x: FloatArray, width: int) -> FloatArray:
    """``out[i]`` = squared norm of ``x[i-width:i].sum(0)``; length n+1."""
    n = x.shape[0]
    sq = np.einsum("ij,ij->i", x, x)
    total = window_sums(sq, width)
    for lag in range(1, width):
        if n > lag:
            cross = np.zeros(n)
            cross[lag:] = np.einsum("ij,ij->i", x[lag:], x[:-lag])
            # pairs (p-lag, p) with both inside the window ending at i: p in [i-width+lag, i)
            total += 2 * window_sums(cross, width - lag)
    return total


def _crosses(change: NDArray[np.bool_] | None, width: int, size: int) -> FloatArray:
    """``out[i]`` = 1 where segments ``i-width .. i-1`` contain a marked boundary.

    ``change[k]`` marks the boundary between segments ``k`` and ``k+1`` (length size-1).
    """
    out = np.zeros(size + 1)
    if change is None or width < 2 or size < width:
        return out
    out[width:] = window_sums(change.astype(np.float64), width - 1)[width - 1 :] > 0
    return out


def _para_changes(paragraphs: NDArray[np.int64] | None) -> NDArray[np.bool_] | None:
    return None if paragraphs is None else paragraphs[1:] != paragraphs[:-1]


def _log_erfc(x: FloatArray) -> FloatArray:
    """``log(erfc(x))`` for ``x >= 0`` (Abramowitz & Stegun 7.1.26; no scipy needed)."""
    t = 1.0 / (1.0 + 0.3275911 * x)
    poly = t * (
        0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429)))
    )
    return np.log(poly) - x * x


def length_cost(expected: FloatArray, actual: FloatArray, cap: float) -> FloatArray:
    """Gale-Church's ``-log P(|δ|)`` for target lengths against length-scaled source lengths.

    ``δ = (actual - expected) / sqrt(6.8 · mean)``; capped so one bad length cannot outweigh
    strong lexical evidence.
    """
    mean = np.maximum((expected + actual) / 2.0, 1.0)
    delta = np.abs(actual - expected) / np.sqrt(6.8 * mean)
    return np.minimum(-_log_erfc(delta / math.sqrt(2.0)), cap)


def similarity_scale(cosines: FloatArray) -> tuple[float, float]:
    """(background, typical match) cosine for a matrix of 1-1 cosines, for rescaling.

    Background is the mean cosine; a typical match is the median of the best cosine of each
    row and each column.
    """
    if cosines.size == 0:
        return 0.0, 1.0
    background = float(cosines.mean())
    best = np.concatenate((cosines.max(axis=1), cosines.max(axis=0)))
    top = float(np.median(best))
    if top - background < 0.05:
        top = background + 0.05
    return background, top


def cosine_matrix(src: FloatArray, tgt: FloatArray) -> FloatArray:
    """Cosine similarity of every source row with every target row."""
    g = src @ tgt.T
    ns = np.sqrt(np.einsum("ij,ij->i", src, src))
    nt = np.sqrt(np.einsum("ij,ij->i", tgt, tgt))
    denom = np.outer(ns, nt)
    return np.divide(g, denom, out=np.zeros_like(g), where=denom > 0)


class _Support:
    """How well each single sentence inside a merge bead is supported by the bead's other side.

    A real split keeps a good share of the similarity in each half; a sentence that was added
    or dropped beside a real match has background similarity, although the bead as a whole,
    carried by its matching sentence, may still look good.
    """

    def __init__(
        self,
        gram: FloatArray,
        src_norms: Mapping[int, FloatArray],
        tgt_norms: Mapping[int, FloatArray],
        scale: tuple[float, float],
    ) -> None:
        self.n, self.m = gram.shape
        self.gram = gram
        self.src_norms, self.tgt_norms = src_norms, tgt_norms
        self.background, self.top = scale

    def _rescale(self, dot: FloatArray, denom: FloatArray) -> FloatArray:
        cos = np.divide(dot, denom, out=np.zeros_like(dot), where=denom > 0)
        return (cos - self.background) / (self.top - self.background)

    def weakest(self, a: int, b: int) -> FloatArray:
        """``(n+1-a, m+1-b)``: per bead ``(a, b)`` ending at each grid point, the least
        support of any sentence on a side with more than one (``inf`` where none has)."""
        n, m = self.n, self.m
        out = np.full((n + 1 - a, m + 1 - b), np.inf)
        if b > 1:
            # Target sentence k against the source window of a rows ending at i: (n+1-a, m).
            dot = window_sums(self.gram, a)[a:]
            denom = np.sqrt(np.outer(self.src_norms[a][a:], self.tgt_norms[1][1:]))
            sup = self._rescale(dot, denom)
            for lag in range(b):
                out = np.minimum(out, sup[:, lag : m + 1 - b + lag])
        if a > 1:
            dot = window_sums(self.gram.T, b)[b:].T  # (n, m+1-b)
            denom = np.sqrt(np.outer(self.src_norms[1][1:], self.tgt_norms[b][b:]))
            sup = self._rescale(dot, denom)
            for lag in range(a):
                out = np.minimum(out, sup[lag : n + 1 - a + lag, :])
        return out


def match_costs(
    src: SideVectors,
    tgt: SideVectors,
    *,
    scale: tuple[float, float],
    length_ratio: float,
    config: ScoringConfig,
    coverage: Mapping[tuple[int, int], FloatArray] | None = None,
    coverage_scale: tuple[float, float] = (0.0, 1.0),
) -> tuple[dict[tuple[int, int], FloatArray], dict[tuple[int, int], FloatArray]]:
    """Cost and rescaled similarity of every match bead ending at every grid point.

    Returns:
        ``(costs, sims)``: per bead type ``(a, b)``, ``(n+1, m+1)`` arrays; ``costs`` feeds
        `archive.align.kernels.best_path`, ``sims`` (≈0 unrelated, ≈1 translation) gives
        bead scores.
    """
    n, m = src.vectors.shape[0], tgt.vectors.shape[0]
    gram = src.vectors @ tgt.vectors.T
    integral = np.zeros((n + 1, m + 1))
    integral[1:, 1:] = gram.cumsum(0).cumsum(1)
    background, top = scale
    costs: dict[tuple[int, int], FloatArray] = {}
    sims: dict[tuple[int, int], FloatArray] = {}
    src_norms = {a: _window_norms(src.vectors, a) for a in (1, 2, 3)}
    tgt_norms = {b: _window_norms(tgt.vectors, b) for b in (1, 2, 3)}
    src_len = {a: window_sums(src.lengths, a) for a in (1, 2, 3)}
    tgt_len = {b: window_sums(tgt.lengths, b) for b in (1, 2, 3)}
    support = _Support(gram, src_norms, tgt_norms, scale) if config.support_weight > 0 else None
    for a, b in MATCH_TYPES:
        cost = np.full((n + 1, m + 1), np.inf)
        sim = np.zeros((n + 1, m + 1))
        if a > n or b > m:
            costs[(a, b)], sims[(a, b)] = cost, sim
            continue
        dot = (
            integral[a:, b:]
            - integral[: n + 1 - a, b:]
            - integral[a:, : m + 1 - b]
            + integral[: n + 1 - a, : m + 1 - b]
        )
        denom = np.sqrt(np.outer(src_norms[a][a:], tgt_norms[b][b:]))
        cos = np.divide(dot, denom, out=np.zeros_like(dot), where=denom > 0)
        s = (cos - background) / (top - background)
        if coverage is not None and config.coverage_weight > 0:
            c_bg, c_top = coverage_scale
            cov = (coverage[(a, b)][a:, b:] - c_bg) / (c_top - c_bg)
            mixed = (1.0 - config.coverage_weight) * s + config.coverage_weight * cov
            s = np.where(np.isnan(cov), s, mixed)
        c = config.sim_weight * (a + b) / 2.0 * (1.0 - np.clip(s, -0.5, 1.0))
        if config.signals.length:
            c = c + config.length_weight * length_cost(
                src_len[a][a:, None] * length_ratio, tgt_len[b][b:][None, :], config.length_cap
            )
        if (a, b) != (1, 1):
            c = c + (config.big_merge_penalty if a + b > 3 else config.merge_penalty)
            if support is not None:
                shortfall = np.clip(config.support_floor - support.weakest(a, b), 0.0, None)
                c = c + config.support_weight * shortfall
            c = c + config.paragraph_penalty * (
                _crosses(_para_changes(src.paragraphs), a, n)[a:, None]
                + _crosses(_para_changes(tgt.paragraphs), b, m)[None, b:]
            )
            blocked = (
                _crosses(src.barriers, a, n)[a:, None] + _crosses(tgt.barriers, b, m)[None, b:]
            )
            c = np.where(blocked > 0, np.inf, c)
        cost[a:, b:] = c
        sim[a:, b:] = s
        costs[(a, b)], sims[(a, b)] = cost, sim
    return costs, sims
