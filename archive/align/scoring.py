"""Scoring: sentences as vectors in a shared English-word space, and the costs of beads.

Each segment becomes a sparse bag of features hashed into a dense vector: English word stems
(a source unit contributes the words the lexicon associates with it), numbers normalised across
digit systems, months, Latin-script names, transliterated name skeletons, and marks (quotes,
parentheses). A bead's similarity is the cosine of the summed vectors of its two sides,
rescaled so that unrelated pairs sit near 0 and typical translations near 1 (like Vecalign's
normalisation by random pairs). Lengths add a Gale-Church-like penalty.
"""

from __future__ import annotations

import math
import zlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
from numpy.typing import NDArray

from archive.align.kernels import MATCH_TYPES, FloatArray, window_sums
from archive.align.lexicon import Lexicon
from archive.align.names import name_skeletons
from archive.align.numbers import marks, months, numbers
from archive.align.tokens import english_words, latin_words, source_units

__all__ = [
    "Features",
    "ScoringConfig",
    "SideVectors",
    "Signals",
    "match_costs",
    "segment_features",
    "similarity_scale",
    "vectorise",
]

Features = dict[str, float]


@dataclass(frozen=True, slots=True)
class Signals:
    """Which evidence the aligner uses; switch one off to measure what it adds."""

    lexicon: bool = True
    numbers: bool = True
    names: bool = True
    marks: bool = True
    length: bool = True


@dataclass(frozen=True, slots=True)
class ScoringConfig:
    """Weights of the cost function (tuned on a development split of NTREX training data)."""

    signals: Signals = field(default_factory=Signals)
    dims: int = 2048
    number_weight: float = 2.0
    month_weight: float = 1.0
    latin_weight: float = 2.0
    name_weight: float = 0.3
    mark_weight: float = 0.5
    mt_weight: float = 1.0
    sim_weight: float = 1.0
    length_weight: float = 0.25
    length_cap: float = 4.0
    skip_cost: float = 1.0
    merge_penalty: float = 0.8
    big_merge_penalty: float = 1.6
    paragraph_penalty: float = 0.5
    global_idf: float = 0.0


# -- features ---------------------------------------------------------------------------------


def segment_features(
    text: str,
    lang: str | None,
    *,
    lexicon: Lexicon | None,
    config: ScoringConfig,
    mt_text: str | None = None,
) -> Features:
    """The English-space features of one segment.

    English text maps to its own word stems; other languages map through ``lexicon`` (if
    any). Numbers, months, names and marks are language-neutral keys.
    """
    sig = config.signals
    feats: Features = {}

    def add(key: str, weight: float) -> None:
        feats[key] = feats.get(key, 0.0) + weight

    get = feats.get

    units: list[str] | None = None
    if lang == "en":
        for w in english_words(text):
            add("w:" + w, 1.0)
    else:
        units = source_units(text, lang)
        if sig.lexicon and lexicon is not None:
            for unit in units:
                for key, weight in lexicon.features(unit):
                    feats[key] = get(key, 0.0) + weight
        if sig.names:
            for w in latin_words(text):
                add("w:" + w, config.latin_weight)
        if lexicon is None and sig.lexicon:
            # Same language, or no lexicon: compare the units themselves.
            for unit in units:
                add("u:" + unit, 1.0)
        if mt_text:
            for w in english_words(mt_text):
                add("w:" + w, config.mt_weight)
    if sig.numbers:
        for num in numbers(text):
            add("n:" + num, config.number_weight)
        for month in months(text, lang):
            add(f"m:{month}", config.month_weight)
    if sig.names:
        for skel in name_skeletons(text, lang, units):
            add("s:" + skel, config.name_weight)
    if sig.marks:
        for mark in marks(text):
            add("q:" + mark, config.mark_weight)
    return feats


def _idf(features: Sequence[Features]) -> dict[str, float]:
    """Inverse document frequency of word keys over the segments of one side."""
    df: dict[str, int] = {}
    for f in features:
        for key in f:
            if key.startswith(("w:", "u:")):
                df[key] = df.get(key, 0) + 1
    n = max(len(features), 1)
    return {k: math.log(1.0 + n / c) for k, c in df.items()}


def vectorise(
    src: Sequence[Features],
    tgt: Sequence[Features],
    dims: int,
    *,
    word_counts: Mapping[str, float] | None = None,
    global_idf: float = 0.0,
) -> tuple[FloatArray, FloatArray]:
    """Hash both sides' features into ``(n, dims)`` and ``(m, dims)`` arrays.

    Word keys are weighted by their inverse document frequency on the target side (shared by
    both sides, so the weighting is symmetric), mixed (exponent ``global_idf``) with an
    inverse frequency from ``word_counts`` (a lexicon's English word totals) where given;
    other keys keep their weights.
    """
    idf = _idf(tgt)
    default_idf = math.log(1.0 + max(len(tgt), 1))
    if word_counts and global_idf > 0:
        total = sum(word_counts.values())
        rare = math.log(1.0 + total / 1.0)
        for key in list(idf):
            g = math.log(1.0 + total / (word_counts.get(key[2:], 0.0) + 1.0)) / rare
            idf[key] = idf[key] ** (1.0 - global_idf) * (g * default_idf) ** global_idf
    index: dict[str, int] = {}
    factor: dict[str, float] = {}

    def fill(rows: Sequence[Features]) -> FloatArray:
        out = np.zeros((len(rows), dims))
        r_idx: list[int] = []
        c_idx: list[int] = []
        weights: list[float] = []
        for r, feats in enumerate(rows):
            for key, weight in feats.items():
                col = index.get(key)
                if col is None:
                    col = index[key] = zlib.crc32(key.encode("utf-8")) % dims
                    factor[key] = idf.get(key, default_idf) if key.startswith(("w:", "u:")) else 1.0
                r_idx.append(r)
                c_idx.append(col)
                weights.append(weight * factor[key])
        np.add.at(
            out, (np.asarray(r_idx, dtype=np.int64), np.asarray(c_idx, dtype=np.int64)), weights
        )
        return out

    return fill(src), fill(tgt)


# -- bead costs -------------------------------------------------------------------------------


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


def match_costs(
    src: SideVectors,
    tgt: SideVectors,
    *,
    scale: tuple[float, float],
    length_ratio: float,
    config: ScoringConfig,
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
        c = config.sim_weight * (a + b) / 2.0 * (1.0 - np.clip(s, -0.5, 1.0))
        if config.signals.length:
            c = c + config.length_weight * length_cost(
                src_len[a][a:, None] * length_ratio, tgt_len[b][b:][None, :], config.length_cap
            )
        if (a, b) != (1, 1):
            c = c + (config.big_merge_penalty if a + b > 3 else config.merge_penalty)
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
