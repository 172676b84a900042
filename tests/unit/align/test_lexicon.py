"""The learnable lexicon: Model 1 counts, learning, merging, persistence, seeds."""

from __future__ import annotations

import json

import pytest

from archive.align.lexicon import Lexicon, load_seed_lexicon, model1_counts


def test_model1_links_the_shared_word() -> None:
    counts = model1_counts([(["a", "b"], ["x", "y"]), (["a"], ["x"]), (["b", "c"], ["y", "z"])])
    assert counts[("a", "x")] > counts[("a", "y")]
    assert counts[("c", "z")] > counts[("c", "y")]


def test_learn_then_translate() -> None:
    lex = Lexicon("ko", "en")
    lex.learn(
        [("고양이가 잔다", "The cat sleeps"), ("고양이", "cat"), ("개가 잔다", "A dog sleeps")]
    )
    assert "cat" == lex.translations("고양이")[0][0]
    assert "sleep" == lex.translations("잔다")[0][0]


def test_counts_accumulate_and_round_trip() -> None:
    lex = Lexicon("zh-CN", "en")
    lex.learn([("猫", "cat")])
    once = lex.counts["猫"]["cat"]
    lex.learn([("猫", "cat")])
    assert lex.counts["猫"]["cat"] == pytest.approx(2 * once)
    again = Lexicon.from_json(json.loads(json.dumps(lex.to_json())))
    assert (lex.src_lang, lex.counts) == (again.src_lang, again.counts)
    assert "zh-Hans" == again.src_lang
    tsv = Lexicon.from_tsv(lex.to_tsv(), "zh-Hans")
    assert lex.counts == tsv.counts


def test_update_merges_and_refuses_other_pairs() -> None:
    a, b = Lexicon("ko"), Lexicon("ko")
    a.add_counts({("x", "y"): 1.0})
    b.add_counts({("x", "y"): 2.0, ("p", "q"): 1.0})
    a.update(b)
    assert {"x": {"y": 3.0}, "p": {"q": 1.0}} == a.counts
    with pytest.raises(ValueError, match="cannot merge"):
        a.update(Lexicon("my"))


def test_pruned_keeps_strong_entries() -> None:
    lex = Lexicon("ko", counts={"u": {"a": 5.0, "b": 0.1, "c": 1.0}})
    assert {"u": {"a": 5.0, "c": 1.0}} == lex.pruned(min_count=0.3, top_k=2).counts


def test_seed_lexicons_load_lazily() -> None:
    assert load_seed_lexicon("xx") is None
    assert load_seed_lexicon(None) is None
    seed = load_seed_lexicon("zh")
    assert seed is not None and "zh-Hans" == seed.src_lang
