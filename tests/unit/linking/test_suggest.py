"""Blocking, ranking and the rules of `confident`, on hand-made stories."""

from __future__ import annotations

import datetime as dt

import numpy as np

from archive.linking.blocking import (
    WINDOW_AFTER,
    WINDOW_BEFORE,
    candidate_pairs,
    candidates,
    story_keys,
)
from archive.linking.features import Vocabulary, story_features, weighted
from archive.linking.stories import FeatureStore, Story
from archive.linking.suggest import Suggestion, confident

DAY = dt.date(2021, 3, 10)


def _story(
    k: int, lang: str, date: dt.date | None, *, org: str | None = "Radio Free Asia",
    desk: str | None = None, text: str = "story",
) -> Story:  # fmt: skip
    features = story_features(
        article_id=k, text=text, language=lang, date=date, vocabulary=Vocabulary()
    )
    return Story(features, org, desk, None)


def test_dated_stories_meet_only_inside_the_window() -> None:
    stories = [_story(0, "km", DAY)]
    offsets = range(-WINDOW_BEFORE - 3, WINDOW_AFTER + 4)
    stories += [_story(k + 1, "en", DAY + dt.timedelta(days=d)) for k, d in enumerate(offsets)]
    pairs = candidate_pairs(stories, None)
    inside = {k + 1 for k, d in enumerate(offsets) if -WINDOW_BEFORE <= d <= WINDOW_AFTER}
    assert {(0, e) for e in inside} == pairs


def test_other_organisations_and_other_desks_never_meet() -> None:
    stories = [
        _story(0, "km", DAY, org="Radio Free Asia"),
        _story(1, "en", DAY, org="Voice of America"),  # another organisation
        _story(2, "en", DAY, org="Radio Free Asia", desk="my"),  # the Burmese desk's English
        _story(3, "en", DAY, org="Radio Free Asia", desk="km"),
        _story(4, "en", DAY, org=None),  # unknown: may meet
    ]
    assert {(0, 3), (0, 4)} == candidate_pairs(stories, None)


def test_undated_stories_meet_only_stories_sharing_rare_keys() -> None:
    stories = [
        _story(0, "km", None, text="ចំនួន ១២៣៤៥ នាក់ 4321"),
        _story(1, "en", DAY, text="There were 12345 of them, and 4321 more."),
        _story(2, "en", DAY, text="Nothing in common here."),
        _story(3, "en", None, text="Another 4321 and 12345."),
    ]
    assert {(0, 1), (0, 3)} == candidate_pairs(stories, None)


def test_a_focus_keeps_only_pairs_touching_it() -> None:
    stories = [_story(0, "km", DAY), _story(1, "km", DAY), _story(2, "en", DAY)]
    assert {(1, 2)} == candidate_pairs(stories, {1})


def test_kept_keys_and_a_date_order_find_the_same_candidates() -> None:
    texts = ["There were 12345 of them, and 4321 more.", "Another 4321 and 12345.", "Rain."]
    stories = [_story(0, "km", None, text="ចំនួន ១២៣៤៥ នាក់ 4321")]
    stories += [_story(1, "km", DAY + dt.timedelta(days=3)), _story(2, "km", DAY)]
    stories += [
        _story(3 + k, "en", None if k == 1 else DAY + dt.timedelta(days=k), text=t)
        for k, t in enumerate(texts)
    ]
    keys = [tuple(story_keys(s.features)) for s in stories]
    by_index = list(candidates(stories, None))
    by_date = list(candidates(stories, None, keys=keys.__getitem__, order=[0, 2, 1, 3, 4, 5]))
    assert [0, 2, 1] == [o for o, _ in by_date]
    assert sorted(by_index) == sorted(by_date)
    assert {(0, 3), (0, 4)} <= {(o, e) for o, es in by_date for e in es}


def test_the_feature_store_gives_features_back_and_keeps_only_a_window() -> None:
    vocabulary = Vocabulary()
    english = story_features(
        article_id=7, text="The dam broke near the river.", language="en", date=DAY,
        vocabulary=vocabulary,
    )  # fmt: skip
    undated = story_features(
        article_id=8, text="ចំនួន ១២៣៤៥ នាក់", language="km", date=None, vocabulary=vocabulary
    )
    idf = np.linspace(1.0, 2.0, len(vocabulary)).astype(np.float32)
    store = FeatureStore()
    try:
        store.add(english)
        store.add(undated)
        store.english_idf = idf
        found = store.get(0)
        expected = weighted(english, idf)
        assert expected.words.ids.tolist() == found.words.ids.tolist()
        assert expected.words.weights.tolist() == found.words.weights.tolist()
        assert (english.numbers, english.date, english.length) == (
            found.numbers, found.date, found.length,
        )  # fmt: skip
        assert undated.words.weights.tolist() == store.get(1).words.weights.tolist()
        assert store.get(0) is found  # cached while its window lasts
        store.forget_before(DAY)
        assert store.get(0) is found
        store.forget_before(DAY + dt.timedelta(days=1))
        assert store.get(0) is not found
    finally:
        store.close()


def _s(a: int, b: int, score: float, *, mutual: bool = True, margin: float = 0.5) -> Suggestion:
    return Suggestion(a, b, score, {}, mutual, margin)


def test_confident_needs_mutual_best_margin_and_score() -> None:
    good = _s(1, 10, 0.95)
    suggestions = [
        good,
        _s(2, 20, 0.95, mutual=False),
        _s(3, 30, 0.95, margin=0.05),
        _s(4, 40, 0.5),
    ]
    assert [good] == confident(suggestions)


def test_confident_links_each_story_once() -> None:
    # Inconsistent input (two mutual bests sharing a story) still yields a one-to-one set.
    first, second = _s(1, 10, 0.97), _s(2, 10, 0.9)
    third = _s(1, 30, 0.85)
    assert [first] == confident([second, third, first])


def test_suggestion_json() -> None:
    s = Suggestion(3, 9, 0.912345, {"content": 0.4, "numbers_shared": ["2018"]}, True, 0.5)
    assert {
        "article": 3,
        "candidate": 9,
        "score": 0.9123,
        "evidence": {"content": 0.4, "numbers_shared": ["2018"]},
        "mutual_best": True,
        "margin": 0.5,
    } == s.to_json()


def test_confident_needs_similarity_in_story_order() -> None:
    in_order = Suggestion(1, 10, 0.95, {"order": 0.6}, True, 0.5)
    out_of_order = Suggestion(2, 20, 0.95, {"order": 0.25}, True, 0.5)
    unmeasured = Suggestion(3, 30, 0.95, {"order": None}, True, 0.5)
    assert [in_order, unmeasured] == confident([in_order, out_of_order, unmeasured])
