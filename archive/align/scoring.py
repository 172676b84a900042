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
import weakref
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
from numpy.typing import NDArray

from archive.align.kernels import MATCH_TYPES, FloatArray, IntArray, window_sums
from archive.align.lexicon import Lexicon
from archive.align.names import name_skeletons
from archive.align.numbers import marks, months, numbers
from archive.align.rows import SparseRows
from archive.align.tokens import english_words, latin_words, source_units

__all__ = [
    "Coverage",
    "DocumentVectors",
    "Features",
    "ScoringConfig",
    "SideVectors",
    "Signals",
    "SparseFeatures",
    "coverage_similarity",
    "match_costs",
    "segment_features",
    "segment_sparse",
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
    coverage_weight: float = 0.5
    #: A merge bead costs this much times how far its least-supported sentence falls short
    #: of `support_floor` (rescaled similarity of one sentence with the other side).
    support_weight: float = 0.5
    support_floor: float = 0.3


# -- features ---------------------------------------------------------------------------------
#
# Feature keys are interned as integers, so that a document's features are a few numpy arrays
# and a lexicon unit's expansion is looked up once per process, not rebuilt key by key. Word
# keys (``w:``, ``u:``; weighted by idf) get even ids, the others odd ids.

_KEY_IDS: dict[str, int] = {}
_KEYS: list[str] = []
_COUNTS = [0, 0]


def _key_id(key: str) -> int:
    """The interned id of a feature key (even for word keys, odd for the others)."""
    kid = _KEY_IDS.get(key)
    if kid is None:
        other = 0 if key.startswith(("w:", "u:")) else 1
        kid = _KEY_IDS[key] = 2 * _COUNTS[other] + other
        _COUNTS[other] += 1
        _KEYS.extend([""] * (kid + 1 - len(_KEYS)))
        _KEYS[kid] = key
    return kid


_EMPTY_IDS: IntArray = np.zeros(0, dtype=np.int64)
_EMPTY_WEIGHTS: FloatArray = np.zeros(0)


@dataclass(frozen=True, slots=True)
class SparseFeatures:
    """One segment's features: interned key ids and their weights (an id may repeat).

    The first ``len(lex_units)`` entries are lexicon expansions; ``lex_units[k]`` is the
    interned id of the source unit entry ``k`` translates (what coverage counts).
    """

    ids: IntArray
    weights: FloatArray
    lex_units: IntArray = field(default_factory=lambda: _EMPTY_IDS)

    def to_dict(self) -> Features:
        """``{key: summed weight}``."""
        out: Features = {}
        for kid, w in zip(self.ids.tolist(), self.weights.tolist(), strict=True):
            key = _KEYS[kid]
            out[key] = out.get(key, 0.0) + w
        return out

    def scaled(self, factor: float) -> SparseFeatures:
        """The same features with every weight times ``factor`` (no longer lexicon entries)."""
        return SparseFeatures(self.ids, self.weights * factor)

    def __add__(self, other: SparseFeatures) -> SparseFeatures:
        """Both feature sets; only this one's lexicon entries stay marked as such."""
        return SparseFeatures(
            np.concatenate((self.ids, other.ids)),
            np.concatenate((self.weights, other.weights)),
            self.lex_units,
        )


#: Per lexicon: (its `word_totals` dict when cached, unit → expansion as id/weight arrays).
#: The totals dict is rebuilt whenever counts are added, which invalidates the cache.
_Expansion = tuple[IntArray, FloatArray, IntArray]
_EXPANSIONS: weakref.WeakKeyDictionary[Lexicon, tuple[object, dict[str, _Expansion]]] = (
    weakref.WeakKeyDictionary()
)


def _expansions(lexicon: Lexicon) -> dict[str, _Expansion]:
    token = lexicon.word_totals()
    hit = _EXPANSIONS.get(lexicon)
    if hit is None or hit[0] is not token:
        hit = _EXPANSIONS[lexicon] = (token, {})
    return hit[1]


def _expand(lexicon: Lexicon, cache: dict[str, _Expansion], unit: str) -> _Expansion:
    """``unit``'s lexicon features as (key ids, weights, the unit's id repeated); cached."""
    feats = lexicon.features(unit)
    hit = cache[unit] = (
        np.fromiter((_key_id(k) for k, _ in feats), dtype=np.int64, count=len(feats)),
        np.fromiter((w for _, w in feats), dtype=np.float64, count=len(feats)),
        np.full(len(feats), _key_id("x:" + unit), dtype=np.int64),
    )
    return hit


def segment_sparse(
    text: str,
    lang: str | None,
    *,
    lexicon: Lexicon | None,
    config: ScoringConfig,
) -> SparseFeatures:
    """`segment_features` as interned ids and weights (what the aligner uses)."""
    sig = config.signals
    keys: list[str] = []
    weights: list[float] = []
    id_parts: list[IntArray] = []
    weight_parts: list[FloatArray] = []
    lex_units = _EMPTY_IDS

    units: list[str] | None = None
    if lang == "en":
        words = english_words(text)
        keys.extend("w:" + w for w in words)
        weights.extend([1.0] * len(words))
    else:
        units = source_units(text, lang)
        if sig.lexicon and lexicon is not None:
            cache = _expansions(lexicon)
            expanded = [cache[u] if u in cache else _expand(lexicon, cache, u) for u in units]
            id_parts.extend(e[0] for e in expanded)
            weight_parts.extend(e[1] for e in expanded)
            if expanded:
                lex_units = np.concatenate([e[2] for e in expanded])
        if sig.names:
            latin = latin_words(text)
            keys.extend("w:" + w for w in latin)
            weights.extend([config.latin_weight] * len(latin))
        if lexicon is None and sig.lexicon:
            # Same language, or no lexicon: compare the units themselves.
            keys.extend("u:" + u for u in units)
            weights.extend([1.0] * len(units))
    if sig.numbers:
        nums = numbers(text)
        keys.extend("n:" + x for x in nums)
        weights.extend([config.number_weight] * len(nums))
        found = months(text, lang)
        keys.extend(f"m:{x}" for x in found)
        weights.extend([config.month_weight] * len(found))
    if sig.names:
        skels = name_skeletons(text, lang, units)
        keys.extend("s:" + x for x in skels)
        weights.extend([config.name_weight] * len(skels))
    if sig.marks:
        found_marks = marks(text)
        keys.extend("q:" + x for x in found_marks)
        weights.extend([config.mark_weight] * len(found_marks))
    get = _KEY_IDS.get
    id_parts.append(
        np.fromiter(
            ((get(k) if k in _KEY_IDS else _key_id(k)) for k in keys),
            dtype=np.int64,
            count=len(keys),
        )
    )
    weight_parts.append(np.asarray(weights, dtype=np.float64))
    return SparseFeatures(np.concatenate(id_parts), np.concatenate(weight_parts), lex_units)


def segment_features(
    text: str,
    lang: str | None,
    *,
    lexicon: Lexicon | None,
    config: ScoringConfig,
) -> Features:
    """The English-space features of one segment, as ``{key: weight}``.

    English text maps to its own word stems; other languages map through ``lexicon`` (if
    any). Numbers, months, names and marks are language-neutral keys.
    """
    return segment_sparse(text, lang, lexicon=lexicon, config=config).to_dict()


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
    word_counts: Mapping[str, float] | None = None,
    global_idf: float = 0.0,
) -> DocumentVectors:
    """Both sides' features as ``(n, d)`` and ``(m, d)`` sparse rows, and coverage tables.

    Every key of the document gets its own column while there are at most ``dims`` of them;
    beyond that, keys share columns (hashed by id), which keeps memory linear for long inputs.
    Word keys are weighted by their inverse document frequency on the target side (shared by
    both sides, so the weighting is symmetric), mixed (exponent ``global_idf``) with an
    inverse frequency from ``word_counts`` (a lexicon's English word totals) where given;
    other keys keep their weights. Coverage tables are built when exactly one side carries
    lexicon expansions.
    """
    n, m = len(src), len(tgt)
    rows = [*src, *tgt]
    sizes = [len(r.ids) for r in rows]
    all_ids = np.concatenate([r.ids for r in rows]) if rows else _EMPTY_IDS
    all_w = np.concatenate([r.weights for r in rows]) if rows else _EMPTY_WEIGHTS
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
        counts = np.array([word_counts.get(_KEYS[k][2:], 0.0) for k in vocab.tolist()])
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
    e_row = np.concatenate(e_rows) if e_rows else _EMPTY_IDS
    pos = np.concatenate(e_pos) if e_pos else _EMPTY_IDS
    e_unit_raw = np.concatenate([rows[r].lex_units for r in x_range]) if nx else _EMPTY_IDS
    units, e_unit = np.unique(e_unit_raw, return_inverse=True)
    n_units = len(units)
    e_col, e_w = cols[pos], weights[pos]
    # Each unit's translations, once: unique (unit, column) pairs.
    pair_keys, first = np.unique(e_unit * width + e_col, return_index=True)
    p_unit, p_col, p_w = pair_keys // width, pair_keys % width, e_w[first]
    starts = np.searchsorted(p_unit, np.arange(n_units + 1))
    strongest = np.maximum.reduceat(p_w, starts[:-1]) if n_units else _EMPTY_WEIGHTS
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
    y_rows: list[IntArray] = [_EMPTY_IDS]
    y_cols: list[IntArray] = [_EMPTY_IDS]
    for k, r in enumerate(y_range):
        lo, hi = offsets[r], offsets[r + 1]
        y_cols.append(cols[lo:hi][is_word[lo:hi]])
        y_rows.append(np.full(len(y_cols[-1]), k, dtype=np.int64))
    words = SparseRows.from_entries(
        np.concatenate(y_rows), np.concatenate(y_cols), None, n_rows=ny, width=width
    )
    return Coverage(x_is_src, row_units, unit_weight, starts, p_col, assoc, expansion, words, y_idf)


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
    flat = np.concatenate(parts) if parts else _EMPTY_IDS
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
