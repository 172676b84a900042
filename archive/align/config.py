"""The aligner's settings: which signals it uses and the weights of its cost function."""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["ScoringConfig", "Signals"]


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
