"""Bead costs: the support of each sentence inside a merge bead; the expected length ratio."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from archive.align import Lexicon, align_segments
from archive.align.config import ScoringConfig
from archive.align.costs import SideVectors, match_costs
from archive.align.pipeline import _learned_ratio, expected_length_ratio

LANGS = ["my", "km", "lo", "bo", "ug", "ko", "vi", "zh-Hans", "zh-Hant", "yue"]


def _costs(tgt_rows: list[list[float]], config: ScoringConfig) -> float:
    """The cost of the 1-2 bead linking one source row to both target rows."""
    src = np.array([[1.0, 1.0, 0.0]])
    tgt = np.array(tgt_rows)
    costs, _ = match_costs(
        SideVectors(src, np.array([20.0])),
        SideVectors(tgt, np.array([10.0, 10.0])),
        scale=(0.0, 1.0),
        length_ratio=1.0,
        config=config,
    )
    return float(costs[(1, 2)][1, 2])


def test_an_unsupported_sentence_makes_a_merge_cost_more() -> None:
    on = ScoringConfig(support_weight=0.5, support_floor=0.3)
    off = replace(on, support_weight=0.0)
    split = [[1.0, 0.0, 0.0], [0.0, 1.0, 0.0]]  # each half carries half the source
    added = [[1.0, 1.0, 0.0], [0.0, 0.0, 1.0]]  # the second sentence shares nothing
    assert _costs(split, on) == pytest.approx(_costs(split, off))
    assert _costs(added, on) == pytest.approx(_costs(added, off) + 0.5 * 0.3)


@pytest.mark.parametrize("lang", LANGS)
def test_an_english_sentence_added_between_two_is_its_own_bead(
    ntrex: dict[str, list[str]], lang: str
) -> None:
    src = ntrex[lang][:8]
    eng = ntrex["en"][:8]
    added = "Shares in the airline fell sharply after the chief executive resigned on Friday."
    tgt = [*eng[:4], added, *eng[4:]]
    beads = {(b.src, b.tgt) for b in align_segments(src, tgt, src_lang=lang, tgt_lang="en").beads}
    assert ((), (4,)) in beads


def test_a_learned_length_ratio_is_blended_with_the_documents_own() -> None:
    assert 2.0 == expected_length_ratio(100, 200, None)
    assert 1.0 == pytest.approx(expected_length_ratio(100, 200, 0.5))  # sqrt(2 x 0.5)
    assert 2.0 == expected_length_ratio(100, 200, float("nan"))
    assert 1.0 == expected_length_ratio(0, 0, None)


def test_the_learned_ratio_follows_the_pair_orientation() -> None:
    lexicon = Lexicon("ko")
    lexicon.length_ratio = 2.0  # English characters per Korean character
    assert 2.0 == _learned_ratio(lexicon, "ko", "en")
    assert 0.5 == _learned_ratio(lexicon, "en", "ko")
    assert _learned_ratio(lexicon, "km", "en") is None
    assert 2.0 == lexicon.pruned().length_ratio
    assert _learned_ratio(Lexicon("ko"), "ko", "en") is None
