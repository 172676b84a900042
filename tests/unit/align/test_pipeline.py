"""align_segments: invariants (hypothesis), checked beads, edge cases, quality on NTREX."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from archive.align import AlignmentResult, Bead, Lexicon, align_gale_church, align_segments
from tests.unit.align.samples import perturbed

WORDS = ["cat", "dog", "rain", "2019", "Wales", "猫", "狗", "雨", "ကြောင်", "၁၂", "the", "sleeps"]


def _check_cover(result: AlignmentResult, n: int, m: int) -> None:
    """Beads are monotone, consecutive, in [0, 1], and cover each side exactly once."""
    src_seen: list[int] = []
    tgt_seen: list[int] = []
    for bead in result.beads:
        assert 0.0 <= bead.score <= 1.0
        assert bead.src or bead.tgt
        for side in (bead.src, bead.tgt):
            assert list(side) == list(range(side[0], side[0] + len(side))) if side else True
        src_seen.extend(bead.src)
        tgt_seen.extend(bead.tgt)
    assert list(range(n)) == src_seen
    assert list(range(m)) == tgt_seen


sentences = st.lists(
    st.lists(st.sampled_from(WORDS), min_size=0, max_size=6).map(" ".join), max_size=9
)


@st.composite
def problems(draw: st.DrawFn) -> tuple[list[str], list[str], list[Bead]]:
    """Two segment lists and some fixed beads taken from a random valid alignment."""
    src, tgt = draw(sentences), draw(sentences)
    beads: list[Bead] = []
    i = j = 0
    rng = random.Random(draw(st.integers(0, 10_000)))
    while i < len(src) or j < len(tgt):
        a = rng.randint(0, min(2, len(src) - i))
        b = rng.randint(0, min(2, len(tgt) - j))
        if a == b == 0:
            a, b = (1, 0) if i < len(src) else (0, 1)
        beads.append(Bead(tuple(range(i, i + a)), tuple(range(j, j + b)), 1.0, checked=True))
        i, j = i + a, j + b
    fixed = [b for b in beads if draw(st.booleans()) and draw(st.booleans())]
    return src, tgt, fixed


@settings(max_examples=60, deadline=None)
@given(problems())
def test_invariants_and_fixed_beads_kept(problem: tuple[list[str], list[str], list[Bead]]) -> None:
    src, tgt, fixed = problem
    result = align_segments(src, tgt, src_lang="zh", tgt_lang="en", fixed=fixed)
    _check_cover(result, len(src), len(tgt))
    for bead in fixed:
        assert bead in result.beads


@settings(max_examples=30, deadline=None)
@given(sentences, sentences)
def test_gale_church_invariants(src: list[str], tgt: list[str]) -> None:
    _check_cover(align_gale_church(src, tgt), len(src), len(tgt))


def test_edge_cases() -> None:
    assert () == align_segments([], [], src_lang="ko", tgt_lang="en").beads
    only_src = align_segments(["가", "나"], [], src_lang="ko", tgt_lang="en")
    assert [((0,), ()), ((1,), ())] == [(b.src, b.tgt) for b in only_src.beads]
    only_tgt = align_segments([], ["a"], src_lang="ko", tgt_lang="en")
    assert [((), (0,))] == [(b.src, b.tgt) for b in only_tgt.beads]
    one = align_segments(["고양이"], ["The cat"], src_lang="ko", tgt_lang="en")
    assert [((0,), (0,))] == [(b.src, b.tgt) for b in one.beads]


def test_bad_fixed_beads_are_refused() -> None:
    with pytest.raises(ValueError, match="outside"):
        align_segments(["a"], ["b"], src_lang="vi", tgt_lang="en", fixed=[Bead((3,), (0,), 1.0)])
    with pytest.raises(ValueError, match="cross"):
        align_segments(
            ["a", "b"],
            ["c", "d"],
            src_lang="vi",
            tgt_lang="en",
            fixed=[Bead((0,), (1,), 1.0), Bead((1,), (0,), 1.0)],
        )


@pytest.mark.parametrize(
    "lang", ["my", "km", "lo", "bo", "ug", "ko", "vi", "zh-Hans", "zh-Hant", "yue"]
)
def test_quality_on_held_out_ntrex(ntrex: dict[str, list[str]], lang: str) -> None:
    src, tgt, gold = perturbed(ntrex, lang)
    result = align_segments(src, tgt, src_lang=lang, tgt_lang="en")
    _check_cover(result, len(src), len(tgt))
    found = {(b.src, b.tgt) for b in result.beads}
    assert len(found & gold) >= len(gold) - 3, sorted(gold - found)
    assert "dp-lexical" == result.method


def test_english_as_source_and_mt_signal(ntrex: dict[str, list[str]]) -> None:
    src, tgt, _ = perturbed(ntrex, "ko")
    forward = align_segments(src, tgt, src_lang="ko", tgt_lang="en")
    backward = align_segments(tgt, src, src_lang="en", tgt_lang="ko")
    assert [(b.src, b.tgt) for b in forward.beads] == [(b.tgt, b.src) for b in backward.beads]
    mt = align_segments(src, tgt, src_lang="ko", tgt_lang="en", translate=lambda xs: list(xs))
    assert "dp-lexical+mt" == mt.method


def test_checked_bead_rule(ntrex: dict[str, list[str]]) -> None:
    """A person's (even surprising) checked beads win; the rest aligns around them."""
    src, tgt = ntrex["zh-Hans"][:6], ntrex["en"][:6]
    fixed = [Bead((2,), (), 1.0, checked=True), Bead((3,), (2, 3), 0.9, checked=True)]
    result = align_segments(src, tgt, src_lang="zh-Hans", tgt_lang="en", fixed=fixed)
    _check_cover(result, 6, 6)
    assert fixed[0] in result.beads and fixed[1] in result.beads
    assert ((0,), (0,)) == (result.beads[0].src, result.beads[0].tgt)


def test_paragraphs_and_explicit_lexicon(ntrex: dict[str, list[str]]) -> None:
    src, tgt = ntrex["vi"][:4], ntrex["en"][:4]
    lexicon = Lexicon("vi")
    lexicon.learn(zip(ntrex["vi"][4:], ntrex["en"][4:], strict=True))
    result = align_segments(
        src,
        tgt,
        src_lang="vi",
        tgt_lang="en",
        src_paragraphs=[0, 0, 1, 1],
        tgt_paragraphs=[0, 0, 1, 1],
        lexicon=lexicon,
        length_ratio=1.0,
    )
    assert [((k,), (k,)) for k in range(4)] == [(b.src, b.tgt) for b in result.beads]
    assert {"method", "version", "beads"} <= set(result.to_json())
    with pytest.raises(ValueError, match="paragraphs"):
        align_segments(src, tgt, src_lang="vi", tgt_lang="en", src_paragraphs=[0])


def test_same_language_and_unknown_pairs() -> None:
    a = ["Mưa lớn ở Hà Nội.", "Giá xăng tăng 5%."]
    result = align_segments(a, list(a), src_lang="vi", tgt_lang="vi")
    assert [((0,), (0,)), ((1,), (1,))] == [(b.src, b.tgt) for b in result.beads]
    other = align_segments(["x 12"], ["y 12"], src_lang="xx", tgt_lang="yy")
    assert "dp-features" == other.method
