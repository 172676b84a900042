"""The shared logistic scorer: standardised scoring, its JSON form and clear errors."""

from __future__ import annotations

import math

import pytest

from archive.ingest.logistic import Logistic, logistic_columns
from benchmarks.logistic_fit import fit_logistic


def test_score_standardises_each_feature_before_weighing_it() -> None:
    model = Logistic(("a", "b"), (1.0, 10.0), (2.0, 5.0), (4.0, -1.0), 0.5)
    # (3 - 1) / 2 * 4 + (20 - 10) / 5 * -1 + 0.5 = 4 - 2 + 0.5
    assert model.score({"a": 3.0, "b": 20.0}) == pytest.approx(2.5)
    assert model.probability({"a": 3.0, "b": 20.0}) == pytest.approx(1 / (1 + math.exp(-2.5)))
    assert model.probability({"a": -1000.0, "b": 20.0}) == 0.0


def test_columns_round_trip_through_json() -> None:
    model = Logistic(("a",), (0.5,), (1.5,), (2.0,), -1.0)
    assert logistic_columns(model.columns_json(), "probe") == model


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"features": ["a"], "means": [0.0], "scales": [1.0], "weights": [1.0]}, "malformed"),
        (
            {"features": ["a", "b"], "means": [0.0], "scales": [1.0], "weights": [1.0], "bias": 0},
            "differ in length",
        ),
        ({"features": ["a"], "means": ["x"], "scales": [1], "weights": [1], "bias": 0}, "malf"),
    ],
)
def test_malformed_columns_name_the_model(data: dict[str, object], message: str) -> None:
    with pytest.raises(ValueError, match=rf"^probe model: .*{message}"):
        logistic_columns(data, "probe model")


def test_fit_learns_which_feature_separates_the_labels() -> None:
    rows = [{"signal": float(i % 2), "noise": float(i % 3)} for i in range(60)]
    labels = [i % 2 for i in range(60)]
    model = fit_logistic(rows, labels, ["signal", "noise"], l2=1.0)
    assert model.probability({"signal": 1.0, "noise": 0.0}) > 0.9
    assert model.probability({"signal": 0.0, "noise": 0.0}) < 0.1
    assert abs(model.weights[0]) > 5 * abs(model.weights[1])
