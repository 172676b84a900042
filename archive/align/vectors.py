"""Vectors: both sides' features as sparse rows over one document's columns, and the tables
coverage similarity reads (what each lexicon unit of one side translates to on the other).

Word keys are weighted by their inverse document frequency; every key gets its own column
while the document has at most ``dims`` of them, else keys share columns by id.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from archive.align.features import EMPTY_IDS, EMPTY_WEIGHTS, FeatureKeys, SparseFeatures
from archive.align.kernels import FloatArray, IntArray
from archive.align.rows import SparseRows

__all__ = ["Coverage", "DocumentVectors", "vectorise"]


@dataclass(frozen=True, slots=True)
class Coverage:
    """What coverage similarity needs of a document where one side is expanded by a lexicon.

    The expanded side is X (its units translate into English words), the other side Y
    (English words). Columns are the document's feature columns (see `vectorise`).
    """

    #: Whether X is the source side.
    x_is_src: bool
    #: Per X row, the indices (into the unit table) of its units that have translations.
    row_units: list[IntArray]
    #: Per unit, its weight in the X side's content: strongest association times idf.
    unit_weight: FloatArray
    #: Unit ``u``'s translations are entries ``starts[u]:starts[u+1]`` of ``cols``/``assoc``;
    #: ``assoc`` is scaled so that each unit's strongest translation is 1.
    starts: IntArray
    cols: IntArray
    assoc: FloatArray
    #: ``(rows of X, columns)``: the English words each X row explains, scaled as ``assoc``.
    expansion: SparseRows
    #: ``(rows of Y, columns)``: 1 where a Y row has the word.
    words: SparseRows
    #: Per column, the inverse document frequency of the word over Y rows.
    idf: FloatArray


@dataclass(frozen=True, slots=True)
class DocumentVectors:
    """The feature vectors of both sides (sparse rows), and coverage tables where they apply."""

    src: SparseRows
    tgt: SparseRows
    coverage: Coverage | None = None


def vectorise(
    src: Sequence[SparseFeatures],
    tgt: Sequence[SparseFeatures],
    dims: int,
    *,
    keys: FeatureKeys,
    word_counts: Mapping[str, float] | None = None,
    global_idf: float = 0.0,
) -> DocumentVectors:
    """Both sides' features as ``(n, d)`` and ``(m, d)`` sparse rows, and coverage tables.

    Every key of the document gets its own column while there are at most ``dims`` of them;
    beyond that, keys share columns (hashed by id), which keeps memory linear for long inputs.
    Word keys are weighted by their inverse document frequency on the target side (shared by
    both sides, so the weighting is symmetric), mixed (exponent ``global_idf``) with an
    inverse frequency from ``word_counts`` (a lexicon's English word totals) where given;
    other keys keep their weights; ``keys`` is the table the features' ids were interned in.
    Coverage tables are built when exactly one side carries lexicon expansions.
    """
    n, m = len(src), len(tgt)
    rows = [*src, *tgt]
    sizes = [len(r.ids) for r in rows]
    all_ids = np.concatenate([r.ids for r in rows]) if rows else EMPTY_IDS
    all_w = np.concatenate([r.weights for r in rows]) if rows else EMPTY_WEIGHTS
    vocab, cols = np.unique(all_ids, return_inverse=True)
    width = len(vocab)
    if width > dims:
        cols = (vocab % dims)[cols]
        width = dims
    row_of = np.repeat(np.arange(n + m, dtype=np.int64), sizes)
    is_word = (all_ids & 1) == 0
    idf_src = _column_idf(row_of, cols, is_word, 0, n, width)
    idf = _column_idf(row_of, cols, is_word, n, n + m, width)
    if word_counts and global_idf > 0 and len(vocab) <= dims:
        total = sum(word_counts.values())
        rare = math.log1p(total)
        counts = np.array([word_counts.get(keys.key_of(k)[2:], 0.0) for k in vocab.tolist()])
        g = np.log1p(total / (counts + 1.0)) / rare
        idf = idf ** (1.0 - global_idf) * (g * math.log1p(max(m, 1))) ** global_idf
    values = all_w * np.where(is_word, idf[cols], 1.0)
    matrix = SparseRows.from_entries(row_of, cols, values, n_rows=n + m, width=width)
    lex_src = any(len(r.lex_units) for r in src)
    lex_tgt = any(len(r.lex_units) for r in tgt)
    coverage = None
    if lex_src != lex_tgt:
        offsets = np.concatenate(([0], np.cumsum(sizes)))
        coverage = _coverage_tables(
            rows, offsets, cols, all_w, is_word, width, x_is_src=lex_src, n=n,
            y_idf=idf if lex_src else idf_src,
        )  # fmt: skip
    return DocumentVectors(matrix[:n], matrix[n:], coverage)


def _column_idf(
    row_of: IntArray, cols: IntArray, is_word: NDArray[np.bool_], lo: int, hi: int, width: int
) -> FloatArray:
    """Inverse document frequency of each word column over the rows ``lo .. hi-1``."""
    inside = (row_of >= lo) & (row_of < hi) & is_word
    pairs = np.unique(row_of[inside] * width + cols[inside])
    df = np.bincount(pairs % width, minlength=width).astype(np.float64)
    size = max(hi - lo, 1)
    out: FloatArray = np.log1p(size / np.maximum(df, 1.0))
    out[df == 0] = math.log1p(size)
    return out


def _coverage_tables(
    rows: Sequence[SparseFeatures],
    offsets: IntArray,
    cols: IntArray,
    weights: FloatArray,
    is_word: NDArray[np.bool_],
    width: int,
    *,
    x_is_src: bool,
    n: int,
    y_idf: FloatArray,
) -> Coverage:
    x_range = range(n) if x_is_src else range(n, len(rows))
    y_range = range(n, len(rows)) if x_is_src else range(n)
    nx, ny = len(x_range), len(y_range)
    # Lexicon entries of X: (row, unit, column, association).
    e_rows: list[IntArray] = []
    e_pos: list[IntArray] = []
    for k, r in enumerate(x_range):
        size = len(rows[r].lex_units)
        e_rows.append(np.full(size, k, dtype=np.int64))
        e_pos.append(np.arange(offsets[r], offsets[r] + size))
    e_row = np.concatenate(e_rows) if e_rows else EMPTY_IDS
    pos = np.concatenate(e_pos) if e_pos else EMPTY_IDS
    e_unit_raw = np.concatenate([rows[r].lex_units for r in x_range]) if nx else EMPTY_IDS
    units, e_unit = np.unique(e_unit_raw, return_inverse=True)
    n_units = len(units)
    e_col, e_w = cols[pos], weights[pos]
    # Each unit's translations, once: unique (unit, column) pairs.
    pair_keys, first = np.unique(e_unit * width + e_col, return_index=True)
    p_unit, p_col, p_w = pair_keys // width, pair_keys % width, e_w[first]
    starts = np.searchsorted(p_unit, np.arange(n_units + 1))
    strongest = np.maximum.reduceat(p_w, starts[:-1]) if n_units else EMPTY_WEIGHTS
    assoc = p_w / strongest[p_unit]
    # Which units each X row has (once per row), and how much each unit weighs.
    row_unit = np.unique(e_row * max(n_units, 1) + e_unit)
    ru_row, ru_unit = row_unit // max(n_units, 1), row_unit % max(n_units, 1)
    df = np.bincount(ru_unit, minlength=n_units)
    unit_weight = strongest * np.log1p(max(nx, 1) / np.maximum(df, 1))
    bounds = np.searchsorted(ru_row, np.arange(nx + 1))
    row_units = [ru_unit[bounds[k] : bounds[k + 1]] for k in range(nx)]
    # What each X row explains: its units' translations, plus its own English words
    # (Latin-script names, machine translation), each up to 1.
    # Entries are summed in this order: the lexicon's, then each row's own words.
    x_rows: list[IntArray] = [e_row]
    x_cols: list[IntArray] = [e_col]
    x_values: list[FloatArray] = [assoc[np.searchsorted(pair_keys, e_unit * width + e_col)]]
    for k, r in enumerate(x_range):
        lo, hi = offsets[r] + len(rows[r].lex_units), offsets[r + 1]
        own = is_word[lo:hi]
        x_cols.append(cols[lo:hi][own])
        x_rows.append(np.full(len(x_cols[-1]), k, dtype=np.int64))
        x_values.append(np.minimum(weights[lo:hi][own], 1.0))
    expansion = SparseRows.from_entries(
        np.concatenate(x_rows),
        np.concatenate(x_cols),
        np.concatenate(x_values),
        n_rows=nx,
        width=width,
    )
    y_rows: list[IntArray] = [EMPTY_IDS]
    y_cols: list[IntArray] = [EMPTY_IDS]
    for k, r in enumerate(y_range):
        lo, hi = offsets[r], offsets[r + 1]
        y_cols.append(cols[lo:hi][is_word[lo:hi]])
        y_rows.append(np.full(len(y_cols[-1]), k, dtype=np.int64))
    words = SparseRows.from_entries(
        np.concatenate(y_rows), np.concatenate(y_cols), None, n_rows=ny, width=width
    )
    return Coverage(x_is_src, row_units, unit_weight, starts, p_col, assoc, expansion, words, y_idf)
