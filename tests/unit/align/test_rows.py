"""SparseRows: the same matrix as a dense array, row subsets included; anchors accept it."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from archive.align.anchors import cut_points
from archive.align.rows import SparseRows


def _sparse(dense: np.ndarray) -> SparseRows:
    rows, cols = np.nonzero(dense)
    return SparseRows.from_entries(
        rows, cols, dense[rows, cols], n_rows=dense.shape[0], width=dense.shape[1]
    )


@st.composite
def matrices(draw: st.DrawFn) -> np.ndarray:
    n, width = draw(st.integers(0, 12)), draw(st.integers(1, 9))
    seed = draw(st.integers(0, 2**16))
    rng = np.random.default_rng(seed)
    return np.where(rng.random((n, width)) < 0.3, rng.normal(size=(n, width)), 0.0)


@settings(max_examples=80, deadline=None)
@given(matrices(), st.data())
def test_rows_and_row_subsets_match_the_dense_matrix(
    dense: np.ndarray, data: st.DataObject
) -> None:
    sparse = _sparse(dense)
    assert dense.shape == sparse.shape
    np.testing.assert_array_equal(dense, sparse.dense())
    n = dense.shape[0]
    start = data.draw(st.integers(0, n))
    stop = data.draw(st.integers(0, n + 2))
    np.testing.assert_array_equal(dense[start:stop], sparse[start:stop].dense())
    picked = np.array(data.draw(st.lists(st.integers(0, max(n - 1, 0)), max_size=8)) if n else [])
    np.testing.assert_array_equal(dense[picked.astype(np.int64)], sparse[picked].dense())


def test_repeated_entries_are_summed_in_order_or_set_to_one() -> None:
    rows = np.array([1, 0, 1, 1])
    cols = np.array([2, 0, 2, 0])
    values = np.array([0.1, 5.0, 0.2, 7.0])
    summed = SparseRows.from_entries(rows, cols, values, n_rows=3, width=3).dense()
    assert [[5.0, 0.0, 0.0], [7.0, 0.0, 0.1 + 0.2], [0.0, 0.0, 0.0]] == summed.tolist()
    ones = SparseRows.from_entries(rows, cols, None, n_rows=2, width=3).dense()
    assert [[1.0, 0.0, 0.0], [1.0, 0.0, 1.0]] == ones.tolist()


def test_a_slice_must_take_every_row() -> None:
    with pytest.raises(ValueError, match="step"):
        _sparse(np.eye(3))[::2]


def test_anchors_are_the_same_from_sparse_rows() -> None:
    rng = np.random.default_rng(1)
    base = np.where(rng.random((400, 64)) < 0.1, rng.random((400, 64)), 0.0)
    src, tgt = base, np.delete(base, 200, axis=0)
    dense_cuts = cut_points(src, tgt, threshold=0.5, min_margin=0.05, spacing=50)
    assert dense_cuts
    assert dense_cuts == cut_points(
        _sparse(src), _sparse(tgt), threshold=0.5, min_margin=0.05, spacing=50
    )
