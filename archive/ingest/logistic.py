"""A dense logistic regression over standardised, named features: the scoring part the
page reader's learned models share (the line model; slot rankers built on it).

A model is a list of feature names with each feature's training mean and scale, a
weight per feature and an intercept. Scoring is plain Python (no numpy at run time); the
fit lives with the trainers (``benchmarks/logistic_fit.py``), so the shipped weights are
rebuilt from the repo's benchmark gold alone.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

__all__ = ["Logistic", "logistic_columns"]


@dataclass(frozen=True, slots=True)
class Logistic:
    """A logistic regression over standardised features.

    Attributes:
        names: The feature names, in order.
        means: Each feature's mean over the training rows.
        scales: Each feature's standard deviation there (1.0 where it was constant).
        weights: One weight per feature.
        bias: The intercept.
    """

    names: tuple[str, ...]
    means: tuple[float, ...]
    scales: tuple[float, ...]
    weights: tuple[float, ...]
    bias: float

    def score(self, features: Mapping[str, float]) -> float:
        """The model's log-odds for a row with these features (a KeyError names a
        feature the row lacks)."""
        score = self.bias
        for name, mean, scale, weight in zip(
            self.names, self.means, self.scales, self.weights, strict=True
        ):
            score += weight * (features[name] - mean) / scale
        return score

    def probability(self, features: Mapping[str, float]) -> float:
        """The probability the model gives a row with these features."""
        score = self.score(features)
        if score < -30:
            return 0.0
        return 1.0 / (1.0 + math.exp(-score))

    def columns_json(self) -> dict[str, object]:
        """The model's columns in JSON form (the keys :func:`logistic_columns` reads)."""
        return {
            "features": list(self.names),
            "means": list(self.means),
            "scales": list(self.scales),
            "weights": list(self.weights),
            "bias": self.bias,
        }


def logistic_columns(data: Mapping[str, object], what: str) -> Logistic:
    """The columns of a model from its JSON form; a ValueError says which model (``what``)
    is malformed and how."""
    try:
        names = tuple(str(name) for name in data["features"])  # type: ignore[attr-defined]
        means, scales, weights = (
            tuple(float(value) for value in data[key])  # type: ignore[attr-defined]
            for key in ("means", "scales", "weights")
        )
        bias = float(data["bias"])  # type: ignore[arg-type]
    except (KeyError, TypeError, ValueError) as error:
        raise ValueError(f"{what}: malformed weights ({error})") from error
    if any(len(column) != len(names) for column in (means, scales, weights)):
        raise ValueError(f"{what}: features, means, scales and weights differ in length")
    return Logistic(names, means, scales, weights, bias)
