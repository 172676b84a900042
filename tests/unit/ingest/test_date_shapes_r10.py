"""Two date conventions: the US stamp's clock says month first in a page of any language,
and a Khmer date line's Gregorian date follows the lunar one it corresponds to."""

from __future__ import annotations

import datetime

from archive.ingest.dates import date_line


def _date(text: str, language: str) -> datetime.date | None:
    found = date_line(text, language=language)
    return found.date if found is not None else None


def test_a_us_stamp_with_seconds_and_am_pm_is_month_first() -> None:
    assert _date("ပို့စ်တင်ချိန် - 11/12/2013 11:29:00 AM", "my") == datetime.date(2013, 11, 12)
    assert _date("Đăng lúc 3/4/2014 10:20:30 PM", "vi") == datetime.date(2014, 3, 4)


def test_a_numeric_date_without_that_clock_keeps_the_languages_order() -> None:
    assert _date("11/12/2013 11:29", "my") == datetime.date(2013, 12, 11)
    assert _date("11.12.2013 11:29:00 AM", "my") == datetime.date(2013, 12, 11)


def test_a_khmer_lunar_date_line_gives_the_gregorian_date_it_corresponds_to() -> None:
    line = "ថ្ងៃសុក្រ ១២ រោច ខែអស្សុជ ឆ្នាំថោះ បញ្ចស័ក ពុទ្ធសករាជ ២៥៦៧ ត្រូវនឹងថ្ងៃទី១០ ខែវិច្ឆិកា ឆ្នាំ២០២៣"
    assert _date(line, "km") == datetime.date(2023, 11, 10)


def test_a_khmer_sentence_naming_both_dates_is_no_date_line() -> None:
    sentence = (
        "នាថ្ងៃអាទិត្យ ១៥កើត ខែពិសាខ ឆ្នាំខាល ចត្វាស័ក ព.ស២៥៦៥ ត្រូវនឹងថ្ងៃទី១៥ ខែឧសភា "
        "ឆ្នាំ២០២២ សម្ដេចប្រធានព្រឹទ្ធសភា បានអញ្ជើញជាអធិបតីភាពក្នុងពិធីបុណ្យវិសាខបូជា"
    )
    assert _date(sentence, "km") is None
