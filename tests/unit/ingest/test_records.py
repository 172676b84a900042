"""The JSONL record schema: what is accepted, and errors that name the field."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from archive.errors import RecordError
from archive.ingest.records import CreditRecord, record_from_json


def good() -> dict[str, Any]:
    return {
        "title": "Defections rise",
        "date": "2021-09-21",
        "url": "https://www.rfa.org/english/news/myanmar/defect.html",
        "service": "RFA Burmese",
        "credits": [{"role": "Translator", "name": "Khin Maung Nyane"}],
        "versions": [
            {"kind": "original", "language": "my", "text": "တပ်မှ ထွက်ပြေးသူ ၄၅၃ ဦး။"},
            {"kind": "published", "language": "en", "text": "453 defected.", "derived_from": 0},
        ],
    }


def test_a_full_record() -> None:
    record = record_from_json(good())
    assert dt.date(2021, 9, 21) == record.date
    assert [CreditRecord(role="translator", name="Khin Maung Nyane")] == record.credits
    assert [None, 0] == [v.derived_from for v in record.versions]
    assert ["original", "published"] == [v.kind for v in record.versions]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"title": None}, "missing required field 'title'"),
        ({"title": 5}, "field 'title' must be a string, not int"),
        ({"versions": []}, "missing required field 'versions'"),
        ({"date": "21/09/2021"}, "date '21/09/2021' is not YYYY-MM-DD"),
        ({"credits": [{"role": "boss", "name": "X"}]}, "credits[0]: unknown role 'boss'"),
        ({"credits": "Khin Maung Nyane"}, "field 'credits' must be a list"),
        ({"service": "."}, "field 'service' '.' has no letter or digit in it"),
        ({"credits": [{"role": "writer", "name": "—"}]}, "credits[0]: name '—' has no letter"),
    ],
)
def test_errors_name_the_field(change: dict[str, Any], message: str) -> None:
    record = good() | change
    with pytest.raises(RecordError) as caught:
        record_from_json({k: v for k, v in record.items() if v is not None})
    assert message in str(caught.value)


@pytest.mark.parametrize(
    ("version", "message"),
    [
        ({"kind": "draft", "language": "en", "text": "x"}, "versions[1]: unknown kind 'draft'"),
        ({"kind": "published", "text": "x"}, "versions[1]: missing required field 'language'"),
        ({"kind": "published", "language": "en", "text": ""}, "versions[1]: missing required"),
        (
            {"kind": "published", "language": "en", "text": "x", "derived_from": 7},
            "versions[1]: derived_from must be the index of another version",
        ),
        (
            {"kind": "published", "language": "en", "text": "x", "derived_from": 1},
            "versions[1]: derived_from must be the index of another version",
        ),
    ],
)
def test_version_errors(version: dict[str, Any], message: str) -> None:
    record = good()
    record["versions"][1] = version
    with pytest.raises(RecordError, match=message.replace("[", r"\[").replace("]", r"\]")):
        record_from_json(record)


def test_derived_from_cycle_is_refused() -> None:
    record = good()
    record["versions"][0]["derived_from"] = 1
    with pytest.raises(RecordError, match="cycle"):
        record_from_json(record)


def test_not_an_object() -> None:
    with pytest.raises(RecordError, match="must be a JSON object, not list"):
        record_from_json([1, 2])


@pytest.mark.parametrize(
    "language", ["my\n", " en", "en\x1b[31m", "zh Hant", "", "e", "my\x00", "\u202eug", "en-"]
)
def test_a_language_code_with_whitespace_or_controls_is_refused(language: str) -> None:
    record = good()
    record["versions"][1]["language"] = language
    with pytest.raises(RecordError) as caught:
        record_from_json(record)
    assert str(caught.value).startswith("versions[1]: ")
    assert "\n" not in str(caught.value) and "\x1b" not in str(caught.value)


@pytest.mark.parametrize("language", ["my", "zh-Hant", "yue", "sr-Latn-RS", "und", "EN"])
def test_language_codes_are_kept_exactly(language: str) -> None:
    record = good()
    record["versions"][1]["language"] = language
    assert language == record_from_json(record).versions[1].language
