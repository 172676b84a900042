"""Sparse row matrices: a document's feature vectors kept by row, made dense a window at a time.

A sentence has tens of features among up to 2,048 columns, so dense ``(n, d)`` arrays of a
20,000-sentence document would take gigabytes; kept sparse they take a few bytes per feature,
and each DP window, anchor block or sample densifies only its own rows.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from archive.align.kernels import FloatArray, IntArray

__all__ = ["SparseRows"]


@dataclass(frozen=True, slots=True)
class SparseRows:
    """Row ``r``'s non-zero entries are ``data[k]`` at column ``indices[k]`` for ``k`` in
    ``indptr[r] .. indptr[r+1]-1`` (CSR), in a matrix ``width`` columns wide."""

    indptr: IntArray
    indices: IntArray
    data: FloatArray
    width: int

    @classmethod
    def from_entries(
        cls,
        rows: IntArray,
        cols: IntArray,
        values: FloatArray | None,
        *,
        n_rows: int,
        width: int,
    ) -> SparseRows:
        """The matrix whose ``[r, c]`` is the sum of the ``values`` given at ``(r, c)``, in
        the order given (as ``np.bincount`` sums them); ``values=None`` sets them to 1."""
        keys = np.asarray(rows, dtype=np.int64) * width + np.asarray(cols, dtype=np.int64)
        unique, inverse = np.unique(keys, return_inverse=True)
        data = (
            np.ones(len(unique))
            if values is None
            else np.bincount(inverse.ravel(), weights=values, minlength=len(unique))
        )
        indptr = np.searchsorted(unique // max(width, 1), np.arange(n_rows + 1)).astype(np.int64)
        return cls(indptr, unique % max(width, 1), np.asarray(data, dtype=np.float64), width)

    @property
    def shape(self) -> tuple[int, int]:
        """``(rows, width)``, as a dense array's."""
        return len(self.indptr) - 1, self.width

    def __len__(self) -> int:
        return len(self.indptr) - 1

    def __getitem__(self, rows: slice | IntArray) -> SparseRows:
        """The rows ``rows`` (a slice with step 1, or row indices in any order)."""
        if isinstance(rows, slice):
            start, stop, step = rows.indices(len(self))
            if step != 1:
                raise ValueError("SparseRows slices take every row (step 1)")
            stop = max(start, stop)
            lo, hi = int(self.indptr[start]), int(self.indptr[stop])
            return SparseRows(
                self.indptr[start : stop + 1] - lo,
                self.indices[lo:hi],
                self.data[lo:hi],
                self.width,
            )
        picked = np.asarray(rows, dtype=np.int64)
        starts, ends = self.indptr[picked], self.indptr[picked + 1]
        counts = ends - starts
        indptr = np.zeros(len(picked) + 1, dtype=np.int64)
        np.cumsum(counts, out=indptr[1:])
        gather = np.repeat(starts - indptr[:-1], counts) + np.arange(int(indptr[-1]))
        return SparseRows(indptr, self.indices[gather], self.data[gather], self.width)

    def dense(self) -> FloatArray:
        """The ``(rows, width)`` array."""
        out = np.zeros(self.shape)
        row_of = np.repeat(np.arange(len(self)), np.diff(self.indptr))
        out[row_of, self.indices] = self.data
        return out
