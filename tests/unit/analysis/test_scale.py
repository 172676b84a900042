"""Huge versions: analysis counts what it needs without quadratic re-counting or big lists."""

from __future__ import annotations

import tracemalloc

from hypothesis import given, settings
from hypothesis import strategies as st

from archive.analysis import analyze_text
from archive.analysis.segment import _QuoteCounts, split_sentences

MARKS = '"“”«»‘’「」『』'


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet=MARKS + "a. ", max_size=60), st.data())
def test_quote_counts_are_str_count(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    counts = _QuoteCounts(text, start, end)
    for _ in range(4):
        mark = data.draw(st.sampled_from(MARKS))
        a = data.draw(st.integers(start, end))
        b = data.draw(st.integers(a, end))
        assert text.count(mark, a, b) == counts.count(mark, a, b)


def test_a_sentence_that_never_ends_is_one_sentence() -> None:
    """``a. a. a.`` with a quotation left open: every stop looks back to the sentence start."""
    text = "“" + "a. " * 20_000 + "”"
    assert [(0, len(text))] == split_sentences(text, 0, len(text))
    closed = "He said “no.” Then " + "a. " * 5_000 + "End."
    assert ["He said “no.”", "Then " + "a. " * 4_999 + "a.", "End."] == [
        closed[a:b] for a, b in split_sentences(closed, 0, len(closed))
    ]


def test_a_long_burmese_paragraph_is_analysed_in_little_memory() -> None:
    """One 270,000-character paragraph: peak memory a few times the text, not a list of
    every letter (which took ~60 bytes a character)."""
    text = "မြန်မာနိုင်ငံ ရန်ကုန်မြို့ " * 10_000
    analyze_text("မြန်မာ စာ။")  # models loaded before measuring
    tracemalloc.start()
    try:
        result = analyze_text(text)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert "my" == result.language
    assert [(0, len(text) - 1)] == [(p.start, p.end) for p in result.paragraphs]
    assert peak < 30 * len(text), f"{peak / 2**20:.0f} MiB for {len(text):,} characters"
