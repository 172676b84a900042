"""The cheap evidence of link suggestions: numbers across scripts, URLs, names, order, content."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest

from archive.align.lexicon import Lexicon
from archive.linking.features import (
    Comparer,
    StoryFeatures,
    Vocabulary,
    content_similarity,
    order_similarity,
    story_features,
    url_evidence,
    url_keys,
    weighted,
)
from archive.linking.numbers import han_numerals_to_digits, story_numbers
from archive.linking.people import PeopleFinder


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("၁,၅၀၀ ဦး", {"1500"}),  # Burmese digits, a thousands separator
        ("ចំនួន ១២៣ នាក់", {"123"}),  # Khmer
        ("ຈຳນວນ ໒໕ ຄົນ", {"25"}),  # Lao
        ("ལོ་ ༢༠༡༨ ལ་", {"2018"}),  # Tibetan
        ("1.5万人", {"15000"}),  # a Chinese multiplier
        ("三千五百人", {"3500"}),  # Chinese numerals in characters
        ("二〇一八年", {"2018"}),  # a year written digit by digit
        ("15,000 people and 15.000 more", {"15000"}),  # both group separators
        ("2.5 million", {"2500000"}),
        ("3 people, item 7", set()),  # single digits are left out
    ],
)
def test_story_numbers_meet_across_scripts(text: str, expected: set[str]) -> None:
    assert expected == set(story_numbers(text))


def test_single_chinese_numeral_characters_stay_words() -> None:
    assert "统一 一个 3人" == han_numerals_to_digits("统一 一个 3人")
    assert "105元, 12日" == han_numerals_to_digits("一百零五元, 十二日")


def test_url_keys_find_story_ids_and_slugs_under_service_paths() -> None:
    burmese = ["https://www.rfa.org/burmese/news/floods-kill-villagers-07082021150000.html"]
    english = ["https://www.rfa.org/english/news/myanmar/floods-kill-villagers-07082021150000.html"]
    assert (frozenset({"07082021150000"}), frozenset({"floods-kill-villagers"})) == url_keys(
        burmese
    )
    assert url_keys(burmese) == url_keys(english)
    assert (frozenset(), frozenset()) == url_keys(["https://www.rfa.org/english/news/"])


def _story(
    article_id: int, text: str, lang: str, vocabulary: Vocabulary, **kw: object
) -> StoryFeatures:
    lexicon = Lexicon("ko", "en") if lang == "ko" else None
    if lexicon is not None:
        lexicon.learn(
            [("고양이 잔다", "cat sleeps"), ("개 짖는다", "dog barks"), ("고양이", "cat"),
             ("개", "dog"), ("잔다", "sleeps"), ("짖는다", "barks")]
        )  # fmt: skip
    return story_features(
        article_id=article_id,
        text=text,
        language=lang,
        date=None,
        vocabulary=vocabulary,
        lexicon=lexicon,
        **kw,  # type: ignore[arg-type]
    )


def test_url_evidence_names_what_the_urls_share() -> None:
    v = Vocabulary()
    a = _story(1, "x", "en", v, urls=["https://www.rfa.org/burmese/news/a-b-12345678.html"])
    b = _story(2, "x", "en", v, urls=["https://www.rfa.org/english/news/c-d-12345678.html"])
    c = _story(3, "x", "en", v, urls=["https://www.rfa.org/english/news/a-b.html"])
    d = _story(4, "x", "en", v, urls=["https://www.rfa.org/english/news/other-story.html"])
    assert ("same_id", "same_slug", None) == (
        url_evidence(a, b),
        url_evidence(a, c),
        url_evidence(a, d),
    )


def test_content_similarity_goes_through_the_lexicon() -> None:
    v = Vocabulary()
    original = _story(1, "고양이 잔다", "ko", v)
    same = _story(2, "The cat sleeps.", "en", v)
    other = _story(3, "The dog barks.", "en", v)
    idf = np.ones(len(v), dtype=np.float32)
    original, same, other = (weighted(s, idf) for s in (original, same, other))
    assert content_similarity(original, same) > 0.5
    assert 0.0 == content_similarity(original, other)
    batch = Comparer(len(v)).contents(original, [same, other])
    assert [content_similarity(original, same), 0.0] == pytest.approx(batch.tolist())


def test_order_similarity_is_higher_in_the_same_order() -> None:
    v = Vocabulary()
    a = "Apples grow. Apples fall. Boats sail. Boats sink. Clouds rain. Clouds drift."
    b = "Apples grow here. Apples fall. Boats sail far. Boats sink. Clouds rain. Clouds drift."
    shuffled = "Clouds rain. Clouds drift. Apples grow. Apples fall. Boats sail. Boats sink."
    # English on both sides: each side's own words are the bag (as for Latin names).
    stories = [_story(k, t, "en", v) for k, t in enumerate((a, b, shuffled))]
    idf = np.ones(len(v), dtype=np.float32)
    x, y, z = (weighted(s, idf) for s in stories)
    same_order, other_order = order_similarity(x, y), order_similarity(x, z)
    assert same_order is not None and other_order is not None
    assert same_order > 0.9 > 0.4 > other_order
    assert [same_order, other_order] == pytest.approx(Comparer(len(v)).orders(x, [y, z]))


def test_people_known_in_two_scripts_are_found_in_either() -> None:
    finder = PeopleFinder([(1, "Khin Maung Nyane"), (1, "ခင်မောင်ညွန့်"), (2, "Eugene Whong")])
    assert 1 == len(finder)  # a person known in one script only is left to the name features
    assert frozenset({1}) == finder.find("ဘာသာပြန် ခင်မောင်ညွန့်။")
    assert frozenset({1}) == finder.find("Translated by Khin Maung Nyane.")
    assert frozenset() == finder.find("Translated by Khin Maung Nyanes and Eugene Whong.")


def test_story_features_of_an_original() -> None:
    v = Vocabulary()
    s = story_features(
        article_id=7,
        text="고양이 잔다 2018 Seoul",
        language="ko",
        date=dt.date(2021, 3, 1),
        vocabulary=v,
    )
    assert (False, "ko", frozenset({"2018"}), frozenset({"seoul"})) == (
        s.english,
        s.language,
        s.numbers,
        s.latin,
    )
    assert 3 == len(s.parts)


def test_a_machine_translation_joins_the_bag_of_an_original() -> None:
    v = Vocabulary()
    kw = {"article_id": 1, "text": "ជាការពិត", "language": "km", "date": None, "vocabulary": v}
    without = story_features(**kw)  # type: ignore[arg-type]
    with_mt = story_features(**kw, translation="Indeed the minister resigned.")  # type: ignore[arg-type]
    english = story_features(
        article_id=2, text="The minister resigned.", language="en", date=None, vocabulary=v
    )
    idf = np.ones(len(v), dtype=np.float32)
    assert 0.0 == content_similarity(weighted(without, idf), weighted(english, idf))
    assert content_similarity(weighted(with_mt, idf), weighted(english, idf)) > 0.5
