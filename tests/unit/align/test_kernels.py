"""The DP kernel: paths cover both sides, follow the cheapest beads, handle edge cases."""

from __future__ import annotations

import numpy as np

from archive.align.kernels import MATCH_TYPES, best_path, window_sums


def _costs(n: int, m: int, value: float = 5.0) -> dict[tuple[int, int], np.ndarray]:
    return {t: np.full((n + 1, m + 1), value) for t in MATCH_TYPES}


def test_diagonal_is_followed() -> None:
    costs = _costs(4, 4)
    for i in range(1, 5):
        costs[(1, 1)][i, i] = 0.0
    assert [(0, 1, 0, 1), (1, 2, 1, 2), (2, 3, 2, 3), (3, 4, 3, 4)] == best_path(
        costs, np.ones(4), np.ones(4)
    )


def test_cheap_merge_and_skips_are_taken() -> None:
    costs = _costs(3, 2)
    costs[(2, 1)][2, 1] = 0.0  # source 0-1 with target 0
    spans = best_path(costs, np.array([9.0, 9.0, 0.1]), np.array([9.0, 0.1]))
    assert (0, 2, 0, 1) == spans[0]
    assert [(0, 1), (1, 0)] == sorted((a1 - a0, b1 - b0) for a0, a1, b0, b1 in spans[1:])


def test_empty_sides() -> None:
    assert [] == best_path(_costs(0, 0), np.zeros(0), np.zeros(0))
    assert [(0, 1, 0, 0), (1, 2, 0, 0)] == best_path(_costs(2, 0), np.ones(2), np.zeros(0))
    assert [(0, 0, 0, 1)] == best_path(_costs(0, 1), np.zeros(0), np.ones(1))


def test_one_by_one() -> None:
    costs = _costs(1, 1, 0.5)
    assert [(0, 1, 0, 1)] == best_path(costs, np.ones(1), np.ones(1))
    spans = best_path(_costs(1, 1, 9.0), np.ones(1), np.ones(1))
    assert [(0, 1), (1, 0)] == sorted((a1 - a0, b1 - b0) for a0, a1, b0, b1 in spans)


def test_window_sums() -> None:
    assert [0.0, 0.0, 3.0, 5.0] == window_sums(np.array([1.0, 2.0, 3.0]), 2).tolist()
