"""A publication date paired with its update, glued to a header line or standing alone."""

from __future__ import annotations

import datetime

import pytest

from archive.ingest.datepairs import paired_date
from archive.ingest.textpage import parse_text_page
from tests.unit.ingest.pages import page

D = datetime.date


@pytest.mark.parametrize(
    ("line", "language", "expected"),
    [
        (
            "Flood Waters Rise in Three Provinces JANE DOE, Wire Service "
            "Mar. 4, 2022 Updated: Mar. 5, 2022 9:10 a.m.",
            "en",
            D(2022, 3, 4),
        ),
        ("Published : Aug 9, 2019 - 10:02    Updated : Aug 9, 2019 - 18:30", "en", D(2019, 8, 9)),
        ("2020-11-03 08:00 수정 2020-11-03 12:40", "ko", D(2020, 11, 3)),
        ("Đăng ngày 12/06/2018 - Cập nhật 13/06/2018", "vi", D(2018, 6, 12)),
    ],
)
def test_the_date_before_its_update_is_the_published_date(
    line: str, language: str, expected: D
) -> None:
    assert expected == paired_date(line, language=language)


@pytest.mark.parametrize(
    "line",
    [
        "Mar. 5, 2022 Updated: Mar. 4, 2022",  # an update before publication: no pair
        "The report was updated on Mar. 5, 2022 after the ministry replied",  # no first date
        "Updated: Mar. 5, 2022 9:10 a.m.",
        "Mar. 4, 2022 outdated figures were corrected on Mar. 5, 2022",  # a word, not a label
    ],
)
def test_no_pair_no_date(line: str) -> None:
    assert paired_date(line, language="en") is None


def test_a_pair_glued_to_the_headline_dates_the_page() -> None:
    text = page(
        "Flood Waters Rise in Three Provinces JANE DOE, Wire Service "
        "Mar. 4, 2022 Updated: Mar. 5, 2022 9:10 a.m.",
        "HANOI (Wire) — Flood waters rose in three northern provinces on Friday, officials "
        "said, as rescue teams moved villagers to higher ground.",
        "More rain is forecast for the weekend, the weather service said in a statement.",
        "Officials said schools in the area would stay closed until the water recedes.",
    )

    assert D(2022, 3, 4) == parse_text_page(text, language="en").date
