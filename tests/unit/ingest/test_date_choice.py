"""Which of a page's dates is the story's: the choice over date lines by where they stand."""

from __future__ import annotations

import datetime

import pytest

from archive.ingest.dates import (
    DateCandidate,
    DateLine,
    DatePlace,
    choose_dates,
    closing_date,
    date_line,
    dateline_date,
    parse_date_text,
)
from archive.ingest.textpage import parse_text_page

D = datetime.date


def test_a_clock_is_the_capture_date_never_the_publication_date() -> None:
    candidates = [DateCandidate(D(2024, 4, 19), "clock")]

    assert (None, D(2024, 4, 19)) == choose_dates(candidates)


def test_the_byline_date_beats_the_dateline_and_the_headline() -> None:
    candidates = [
        DateCandidate(D(2022, 1, 9), "headline"),
        DateCandidate(D(2021, 5, 3), "dateline"),
        DateCandidate(D(2021, 5, 4), "byline"),
    ]

    assert (D(2021, 5, 4), None) == choose_dates(candidates)


def test_the_first_date_of_the_strongest_place_wins() -> None:
    candidates = [
        DateCandidate(D(2024, 4, 19), "clock"),
        DateCandidate(D(2021, 5, 4), "lead"),
        DateCandidate(D(2021, 5, 3), "lead"),
        DateCandidate(D(2024, 4, 18), "clock"),
    ]

    assert (D(2021, 5, 4), D(2024, 4, 19)) == choose_dates(candidates)


def test_a_page_without_dates_has_neither() -> None:
    assert (None, None) == choose_dates([])


def test_a_minguo_year_is_read_as_its_gregorian_year() -> None:
    assert D(2016, 7, 4) == parse_date_text("中華民國105年7月4日星期一", language="zh")
    assert D(2016, 7, 4) == date_line("民國105年7月4日", language="zh").date  # type: ignore[union-attr]


def test_lao_abbreviated_months_date_a_post() -> None:
    found = date_line("ມ.ສ. 3, 2021 | ຂ່າວສັງຄົມ", language="lo")

    assert DateLine(D(2021, 4, 3), clock=False) == found


def test_an_as_of_timestamp_is_a_clock() -> None:
    assert DateLine(D(2023, 5, 2), clock=True) == date_line("2023.05.02 09:00 기준", language="ko")


def test_a_lead_opening_with_its_date_and_reporter_has_a_dateline() -> None:
    lead = "ဇူလိုင် ၅-၂၀၂၁ ကိုကို(ABC) ရန်ကုန်မြို့မှာ မီးလောင်မှု ဖြစ်ပွားခဲ့ပါတယ်။"
    sentence = "ဇူလိုင် ၅-၂၀၂၁ မှာ ရန်ကုန်မြို့မှာ မီးလောင်မှု ဖြစ်ပွားခဲ့ပါတယ်။"

    assert (D(2021, 7, 5), None) == (
        dateline_date(lead, language="my"),
        dateline_date(sentence, language="my"),
    )


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("By Jane Doe & John Roe 15 March 2019", D(2019, 3, 15)),
        ("By: Jane Doe and John Roe | 15 October 2020", D(2020, 10, 15)),
        ("Radio Free Asia, 29 May 2015", D(2015, 5, 29)),
        ("Jane Doe, The Daily Post 2016-09-07 10:15", D(2016, 9, 7)),
        # a sentence, a headline going on after its date, a byline without a date
        ("Police said on 15 March 2019", None),
        ("Villagers protest 15 March 2019 eviction", None),
        ("Jane Doe, The Daily Post", None),
    ],
)
def test_a_date_closing_a_byline_or_source_line(line: str, expected: D | None) -> None:
    assert expected == closing_date(line, language="en")


LEAD = (
    "RIVERTOWN, Province — Hundreds of villagers marched on the provincial office on "
    "Friday to protest against the loss of their farmland to a plantation company."
)
SECOND = (
    "Officials said the company held a valid concession and that the villagers had been "
    "offered compensation, which many of them said they had never received."
)


def _page(*lines: str) -> str:
    return "\n\n".join(lines) + "\n"


def test_a_badge_above_the_headline_loses_to_the_byline_date() -> None:
    page = _page(
        "01/02/2015",
        "Villagers Protest Land Grab in Northern Province",
        "By Jane Doe | March 5, 2021",
        LEAD,
        SECOND,
    )

    assert D(2021, 3, 5) == parse_text_page(page, language="en").date


def test_a_clock_above_the_navigation_is_the_capture_date() -> None:
    page = _page(
        "HOME PAGE 24/04/2024 13:18",
        "News >",
        "Villagers Protest Land Grab in Northern Province",
        LEAD,
        SECOND,
    )
    parsed = parse_text_page(page, language="en")

    assert (None, D(2024, 4, 24)) == (parsed.date, parsed.captured)


def test_the_date_line_over_the_lead_is_the_story_date_under_a_promotion() -> None:
    # A section's promotion above the headline: whatever the header is taken for, the date
    # line right over the lead is the story's.
    page = "\n".join(
        [
            "Special Report",
            "in Focus",
            "Decades of conflict have shaped the region, and our reporters have followed "
            "every turn of it, from the first ceasefire to the elections that came after it.",
            "Villagers Protest Land Grab in Northern Province",
            "Staff reporters",
            "Rivertown, Province",
            "2019-12-07",
            LEAD,
            SECOND,
        ]
    )

    assert D(2019, 12, 7) == parse_text_page(page, language="en").date


def test_a_byline_closing_with_its_date_dates_the_story() -> None:
    page = _page(
        "Villagers Protest Land Grab in Northern Province",
        "By Jane Doe & John Roe 15 March 2019",
        LEAD,
        SECOND,
    )

    assert D(2019, 3, 15) == parse_text_page(page, language="en").date


def test_a_history_date_inside_the_story_is_not_its_date() -> None:
    page = _page(
        "Villagers Protest Land Grab in Northern Province",
        "On 4 June 1989, the same villagers were moved off their land by the army, "
        "and many of them remember the day.",
        SECOND,
    )

    assert parse_text_page(page, language="en").date is None


def test_a_clock_over_the_breadcrumb_is_not_the_date_over_the_lead() -> None:
    page = _page("Friday, April 19, 2024", "HomeAsia", LEAD, SECOND)
    parsed = parse_text_page(page, language="en")

    assert (None, D(2024, 4, 19)) == (parsed.date, parsed.captured)


def test_another_date_on_the_page_orders_day_and_month() -> None:
    candidates = [
        DateCandidate(D(2021, 9, 2), "byline"),  # "09-02-2021" read month first
        DateCandidate(D(2021, 2, 9), "crawler"),
    ]
    unrelated = [DateCandidate(D(2021, 9, 2), "byline"), DateCandidate(D(2021, 3, 9), "crawler")]

    assert (D(2021, 2, 9), D(2021, 9, 2)) == (
        choose_dates(candidates)[0],
        choose_dates(unrelated)[0],
    )


def test_a_date_range_is_not_a_date_line() -> None:
    assert date_line("04-20/02/2022.", language="vi") is None


def test_a_clock_right_over_the_breadcrumb_under_the_site_name_is_the_capture_date() -> None:
    page = _page(
        "The Daily Example - Latest News",
        "HOME PAGE 24/04/2024 13:18",
        "News >",
        "Villagers Protest Land Grab in Northern Province",
        "06.04.2020 10:42",
        LEAD,
        SECOND,
    )
    parsed = parse_text_page(page, language="en")

    assert (D(2020, 4, 6), D(2024, 4, 24)) == (parsed.date, parsed.captured)


def test_a_date_two_places_agree_on_beats_a_single_stronger_place() -> None:
    candidates = [
        DateCandidate(D(2017, 10, 19), "above_headline"),
        DateCandidate(D(2017, 10, 19), "byline"),
        DateCandidate(D(2017, 10, 13), "lead"),  # the next post's date line
    ]

    assert (D(2017, 10, 19), None) == choose_dates(candidates)


@pytest.mark.parametrize(
    "agreeing",
    [
        # the weak places (a crawler's record, a list after the story) do not vote
        [DateCandidate(D(2017, 10, 19), "crawler"), DateCandidate(D(2017, 10, 19), "after_story")],
        # one place twice is one place
        [DateCandidate(D(2017, 10, 19), "byline"), DateCandidate(D(2017, 10, 19), "byline")],
    ],
)
def test_agreement_needs_two_places_of_the_story_neighbourhood(
    agreeing: list[DateCandidate],
) -> None:
    candidates = [DateCandidate(D(2017, 10, 13), "lead"), *agreeing]

    assert (D(2017, 10, 13), None) == choose_dates(candidates)


def test_the_chosen_date_repeated_elsewhere_is_kept_against_another_pair() -> None:
    candidates = [
        DateCandidate(D(2020, 3, 2), "under_headline"),
        DateCandidate(D(2020, 3, 2), "lead"),
        DateCandidate(D(2020, 2, 1), "above_headline"),
        DateCandidate(D(2020, 2, 1), "byline"),
    ]

    assert (D(2020, 3, 2), None) == choose_dates(candidates)


@pytest.mark.parametrize("place", ["headline", "under_headline", "byline"])
def test_a_date_from_before_the_web_is_an_event_never_the_publication_date(
    place: DatePlace,
) -> None:
    assert (None, None) == choose_dates([DateCandidate(D(1940, 9, 10), place)])


def test_a_history_post_headline_date_gives_way_to_the_post_date() -> None:
    candidates = [
        DateCandidate(D(1944, 6, 6), "headline"),
        DateCandidate(D(2017, 6, 6), "after_story"),
    ]

    assert (D(2017, 6, 6), None) == choose_dates(candidates)
