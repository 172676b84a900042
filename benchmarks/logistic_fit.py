"""Fit a :class:`archive.ingest.logistic.Logistic` model: the trainers' shared part.

L2-regularised logistic regression by Newton's method in numpy. No learning library is
installed and the fit is twenty lines; inputs are taken in the order given and nothing
is drawn at random, so a trainer that sorts its rows rebuilds the same weights exactly.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np

from archive.ingest.logistic import Logistic

__all__ = ["fit_logistic"]


def fit_logistic(
    rows: Sequence[Mapping[str, float]], labels: Sequence[int], names: Sequence[str], *, l2: float
) -> Logistic:
    """A model of ``labels`` (0 or 1) from the named features of ``rows``; the intercept is
    not shrunk, and the columns are rounded to six places so the JSON stays readable."""
    x = np.array([[row[name] for name in names] for row in rows], dtype=float)
    y = np.array(labels, dtype=float)
    means = x.mean(axis=0)
    scales = x.std(axis=0)
    scales[scales < 1e-9] = 1.0
    z = np.hstack([(x - means) / scales, np.ones((len(x), 1))])
    w = np.zeros(z.shape[1])
    penalty = np.full(z.shape[1], l2)
    penalty[-1] = 0.0  # the intercept is not shrunk
    for _ in range(50):
        p = 1.0 / (1.0 + np.exp(-np.clip(z @ w, -30, 30)))
        gradient = z.T @ (p - y) + penalty * w
        hessian = (z * (p * (1 - p))[:, None]).T @ z + np.diag(penalty) + 1e-9 * np.eye(len(w))
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return Logistic(
        names=tuple(names),
        means=tuple(round(float(v), 6) for v in means),
        scales=tuple(round(float(v), 6) for v in scales),
        weights=tuple(round(float(v), 6) for v in w[:-1]),
        bias=round(float(w[-1]), 6),
    )
