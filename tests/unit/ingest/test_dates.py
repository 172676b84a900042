"""Dates as news pages write them: one family of forms per test, in the pages' languages."""

from __future__ import annotations

import datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from archive.ingest.dates import date_line, dateline_date, parse_date_text, to_ascii_digits

D = datetime.date


@pytest.mark.parametrize(
    ("line", "language", "expected"),
    [
        # Month names, in the languages our outlets write
        ("Friday, April 19, 2024", "en", D(2024, 4, 19)),
        ("Wed, Sept. 22, 2021", "en", D(2021, 9, 22)),
        ("09 Apr 2019, 00:12 GMT+10", "en", D(2019, 4, 9)),
        ("fredag 5. mars 2021", "no", D(2021, 3, 5)),
        ("19 Tháng Tư 2018", "vi", D(2018, 4, 19)),
        ("5 июля 2019", "ru", D(2019, 7, 5)),
        ("Monday 19 August 2013", None, D(2013, 8, 19)),
    ],
)
def test_month_names_in_every_language(line: str, language: str | None, expected: D) -> None:
    assert date_line(line, language=language) is not None
    assert expected == parse_date_text(line, language=language)


@pytest.mark.parametrize(
    ("line", "language", "expected"),
    [
        ("2021.07.07", None, D(2021, 7, 7)),
        ("2021-07-07 10:30", None, D(2021, 7, 7)),
        ("2016/6/13", None, D(2016, 6, 13)),
        ("18-04-19", "ko", D(2018, 4, 19)),
        # Day first where the page's language says so; month first in English
        ("19/04/2018", "vi", D(2018, 4, 19)),
        ("05/04/2018", "vi", D(2018, 4, 5)),
        ("05/04/2018", "en", D(2018, 5, 4)),
        ("4/19/2018", "en", D(2018, 4, 19)),
        ("19/4/2018", "en", D(2018, 4, 19)),
    ],
)
def test_numeric_dates(line: str, language: str | None, expected: D) -> None:
    assert expected == date_line(line, language=language).date  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("2018年5月17日 星期四", D(2018, 5, 17)),
        ("2018年8月13日 23:31", D(2018, 8, 13)),
        ("2018년 4월 19일", D(2018, 4, 19)),
        ("ngày 19 tháng 4 năm 2018", D(2018, 4, 19)),
        ("2019-يىلى 7-ئاينىڭ 22-كۈنى", D(2019, 7, 22)),
        ("2021 ခုနှစ် ဇူလိုင်လ 7 ရက်", D(2021, 7, 7)),
        ("ဇူလိုင် ၇၊ ၂၀၂၁", D(2021, 7, 7)),
        ("ថ្ងៃទី ១៩ ខែមេសា ឆ្នាំ ២០១៨", D(2018, 4, 19)),
        ("១៩ មេសា ២០១៨", D(2018, 4, 19)),
        ("໑໙ ເມສາ ໒໐໑໘", D(2018, 4, 19)),
        ("སྤྱི་ལོ་༢༠༡༦ ཟླ་༦ ཚེས་༡༣", D(2016, 6, 13)),
        ("༢༠༡༦-༠༦-༡༣", D(2016, 6, 13)),
    ],
)
def test_east_asian_and_native_forms_and_digits(line: str, expected: D) -> None:
    assert expected == date_line(line).date  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("19 ເມສາ 2561", D(2018, 4, 19)),  # Lao, Buddhist Era
        ("២៨ សីហា ២៥៥៧", D(2014, 8, 28)),  # Khmer, Buddhist Era
        ("2561-04-19", D(2018, 4, 19)),
    ],
)
def test_buddhist_era_years_are_543_ahead(line: str, expected: D) -> None:
    assert expected == date_line(line).date  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Updated at 09:30 a.m. EST on 2014-07-14", D(2014, 7, 14)),
        ("Published: Jan 3, 2020", D(2020, 1, 3)),
        ("입력 2018-04-19 10:00", D(2018, 4, 19)),
        ("日期：2018-08-13", D(2018, 8, 13)),
        ("发稿时间：2017-03-10 08:42:00 来源： 人民日报海外版", D(2017, 3, 10)),
        ("RFA | ២៨ សីហា ២០១៤", D(2014, 8, 28)),
        ("ཡོང་ཁུངས། : བོད་ཀྱི་དྲ་བ།     སྤེལ་དུས། : 2016-06-13", D(2016, 6, 13)),
        ("19 Tháng Tư 201810:58 CH(Xem: 639)", D(2018, 4, 19)),
    ],
)
def test_labelled_date_lines(line: str, expected: D) -> None:
    found = date_line(line)
    assert (expected, False) == (found.date, found.clock)  # type: ignore[union-attr]


@pytest.mark.parametrize(
    "line", ["Today is Friday, April 19, 2024", "Today: 2024-04-19", "오늘 2024년 4월 19일"]
)
def test_a_today_line_is_the_page_clock(line: str) -> None:
    found = date_line(line)
    assert (D(2024, 4, 19), True) == (found.date, found.clock)  # type: ignore[union-attr]


@pytest.mark.parametrize(
    "line",
    [
        "He was arrested on April 5, 2021 in Yangon after a trial that lasted for weeks.",
        "Police said 2021.07.07 was the day the protest in the northern town of Yaw began.",
        "0:00 / 0:00",
        "2021-02-30",
        "1,200 people fled",
        "Reported by RFA's Myanmar Service.",
        "12/31/1850",
    ],
)
def test_sentences_and_impossible_dates_are_not_date_lines(line: str) -> None:
    assert date_line(line, language="en") is None


def test_native_digits_become_ascii() -> None:
    assert "2021 2018 2014 2016 2011" == to_ascii_digits("၂၀၂၁ ២០១៨ ໒໐໑໔ ༢༠༡༦ ٢٠١١")


@settings(deadline=None, max_examples=60)
@given(st.dates(min_value=D(1950, 1, 1), max_value=D(2099, 12, 31)))
def test_any_date_round_trips_through_its_written_forms(day: D) -> None:
    forms = [
        f"{day:%Y.%m.%d}",
        f"{day.year}年{day.month}月{day.day}日",
        f"ngày {day.day} tháng {day.month} năm {day.year}",
        f"{day:%d/%m/%Y}",
    ]
    assert [day] * len(forms) == [parse_date_text(form, language="vi") for form in forms]


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        ("KUALA LUMPUR, Oct. 3, 2022 — Officials said on Monday …", D(2022, 10, 3)),
        ("Vientiane, 14 March 2019 - A dam gave way …", D(2019, 3, 14)),
        ("(2020-11-05) The court ruled …", D(2020, 11, 5)),
        ("DHAKA, Février 2, 2021 — month names of any language parse", D(2021, 2, 2)),
    ],
)
def test_a_dateline_opening_the_lead_gives_its_date(paragraph: str, expected: D) -> None:
    assert expected == dateline_date(paragraph, language="en")


@pytest.mark.parametrize(
    "paragraph",
    [
        "The council met on March 3, 2021 to discuss the dam.",  # a date inside a sentence
        "YANGON, March 3 (Reuters) - no year, no date",
        "Sometown, Blursday 40, 2021 - not a date",
    ],
)
def test_a_paragraph_without_a_dateline_gives_none(paragraph: str) -> None:
    assert dateline_date(paragraph, language="en") is None
