"""Which of a page's dates is the story's: the choice over date lines by where they stand."""

from __future__ import annotations

import datetime

from archive.ingest.dates import DateCandidate, choose_dates

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
