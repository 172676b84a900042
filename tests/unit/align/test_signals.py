"""Each signal on real NTREX-128 text: units, numbers, names, marks, lexicon features."""

from __future__ import annotations

import pytest

from archive.align.config import ScoringConfig
from archive.align.features import segment_features
from archive.align.lexicon import load_seed_lexicon
from archive.align.names import name_skeletons, skeleton
from archive.align.numbers import ascii_digits, marks, months, numbers
from archive.align.tokens import canonical_language, joiner, source_units

LANGS = ["my", "km", "lo", "bo", "ug", "ko", "vi", "zh-Hans", "zh-Hant", "yue"]


@pytest.mark.parametrize(
    ("tag", "code"),
    [("zh", "zh-Hans"), ("zh-CN", "zh-Hans"), ("zh_TW", "zh-Hant"), ("mya", "my"), ("EN", "en")],
)
def test_canonical_language(tag: str, code: str) -> None:
    assert code == canonical_language(tag)


def test_joiner() -> None:
    assert ("", " ", " ") == (joiner("zh-TW"), joiner("my"), joiner("ko"))


@pytest.mark.parametrize("lang", LANGS)
def test_every_language_has_units_and_a_seed_lexicon(
    ntrex: dict[str, list[str]], lang: str
) -> None:
    units = source_units(ntrex[lang][1], lang)
    assert len(units) >= 5
    lexicon = load_seed_lexicon(lang)
    assert lexicon is not None and len(lexicon) > 1000
    feats = segment_features(ntrex[lang][1], lang, lexicon=lexicon, config=ScoringConfig())
    english = segment_features(ntrex["en"][1], "en", lexicon=None, config=ScoringConfig())
    shared = set(feats) & set(english)
    assert any(k.startswith("w:") for k in shared), sorted(shared)


def test_numbers_across_digit_systems(ntrex: dict[str, list[str]]) -> None:
    # "13-year-old" in the English; Burmese writes ၁၃, Khmer ១៣, Lao ໑໓ or ASCII.
    assert "13" in numbers(ntrex["en"][0])
    for lang in ("my", "km", "lo", "zh-Hans", "ko"):
        assert "13" in numbers(ntrex[lang][0] + ntrex[lang][1]), lang


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("၁,၅၀၀", ["1500"]),
        ("១ ៥០០", ["1500"]),
        ("໑.໕", ["1.5"]),
        ("༢༠༡༩", ["2019"]),
        ("٤٥٣، ۴۳۵", ["453", "435"]),
        ("１，５００", ["1500"]),
        ("1.500.000", ["1500000"]),
        ("1.5万", ["15000"]),
        ("2.5 million", ["2500000"]),
        ("3,25", ["3.25"]),
    ],
)
def test_number_normalisation(text: str, expected: list[str]) -> None:
    assert expected == numbers(text)


def test_ascii_digits_keeps_other_text() -> None:
    assert "abc 12 ကခ" == ascii_digits("abc ၁၂ ကခ")


def test_months_and_marks() -> None:
    assert [3] == months("On March 5", "en")
    assert [3] == months("3月5日", "zh-Hans")
    assert [3] == months("3월 5일", "ko")
    assert [7] == months("ngày 5 tháng 7", "vi")
    assert ["quote", "paren"] == marks("他说“是” (AP)")


def test_name_skeletons_meet_across_scripts() -> None:
    assert "WLS" == skeleton("Wales")
    assert "WLS" in name_skeletons("그것은 웨일스 국회로", "ko")
    assert "WLS" in name_skeletons("The Welsh Parliament", "en")
    assert "WLS" in name_skeletons("威尔士议会", "zh-Hans")
    assert "WLS" in name_skeletons("ۋېلش پارلامېنت", "ug")


def test_latin_names_inside_other_scripts() -> None:
    feats = segment_features("BBC ၏ သတင်း", "my", lexicon=None, config=ScoringConfig())
    assert "w:bbc" in feats
