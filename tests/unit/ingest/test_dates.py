"""Dates as news pages write them: one family of forms per test, in the pages' languages."""

from __future__ import annotations

import datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from archive.ingest.dates import (
    date_line,
    dateline_date,
    parse_date_text,
    title_date,
    to_ascii_digits,
)
from archive.ingest.textpage import parse_text_page

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
        # Burmese in the Zawgyi encoding (the month's Zawgyi spelling, its digit-zero "wa")
        ("ဇြန္လ ၁၅၊ ၂၀၁၉", "my", D(2019, 6, 15)),
        ("ႏိုု၀င္ဘာ ၃၊ ၂၀၁၆", "my", D(2016, 11, 3)),
        # Uyghur in its three scripts, day first and year first
        ("14-ئىيۇن 2017", "ug", D(2017, 6, 14)),
        ("2017-يىلى 14-ئىيۇن", "ug", D(2017, 6, 14)),
        ("14-Iyun, 2017-yil", "ug", D(2017, 6, 14)),
        ("2017-yili 3-Séntebir", "ug", D(2017, 9, 3)),
        ("2017-йили 3-Өктәбир", "ug", D(2017, 10, 3)),
        ("3-Декабир 2017", "ug", D(2017, 12, 3)),
        # An English month in a Khmer, Lao or Burmese line, beside native labels or a source
        ("ចេញផ្សាយ ថ្ងៃទី 9 June, 2016   ម៉ោង 14:20", "km", D(2016, 6, 9)),
        ("ວັນທີ 9 June 2016", "lo", D(2016, 6, 9)),
        ("ဧရာဝတီ 9 Jun - 2016", "my", D(2016, 6, 9)),
    ],
)
def test_month_names_in_lines_of_every_script(line: str, language: str, expected: D) -> None:
    assert expected == date_line(line, language=language).date  # type: ignore[union-attr]


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
        # A dotted date is day first in every language, English too
        ("07.03.2019 08:15", "en", D(2019, 3, 7)),
        ("2025/04/28 16:53", "zh", D(2025, 4, 28)),
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
        ("Bản tin ngày 3/8/2016", D(2016, 8, 3)),
        ("Showing posts from June 9, 2016", D(2016, 6, 9)),
        ("Posted on 9 June 2016. Filed under: Week 12, Editorial |", D(2016, 6, 9)),
        ("Posted on 9 June 2016. Filed under: Week 12 | Tags: " + ", " * 40 + "|", D(2016, 6, 9)),
        ("文章來源: 某某日報 於 2016-06-09 08:15:00 - 新聞內容並不代表本網立場!", D(2016, 6, 9)),
        ("Jun 09, 2016 • 35 minutes ago", D(2016, 6, 9)),
        ("9 June 2016 VOA", D(2016, 6, 9)),
        ("June 9, 2016 / 10:30 AM / Updated 8 years ago", D(2016, 6, 9)),
        ("Posted on June 9, 2016 by admin", D(2016, 6, 9)),
        ("ASIA WEEKLY NEWSLETTER NO. 41 (June 9, 2016)", D(2016, 6, 9)),  # an issue line
        # The date twice, in two forms (numeric, then Khmer month name with a weekday)
        ("2016-06-09 14:20:31 ថ្ងៃព្រហស្បតិ៍, 09 មិថុនា 2016 ម៉ោង 02:20 PM", D(2016, 6, 9)),
        ("입력 2016-06-09 10:00 수정 2016-06-10 11:00", D(2016, 6, 9)),
    ],
)
def test_labelled_date_lines(line: str, expected: D) -> None:
    found = date_line(line)
    assert (expected, False) == (found.date, found.clock)  # type: ignore[union-attr]


@pytest.mark.parametrize(
    "line",
    [
        "Today is Friday, April 19, 2024",
        "Today: 2024-04-19",
        "오늘 2024년 4월 19일",
        "Hôm nay, Thứ Sáu, 19/04/2024",
        "Bügün: 2024-04-19",
        "ថ្ងៃនេះ ១៩ មេសា ២០២៤",
    ],
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
        # Headlines that carry a date are headlines, not date lines
        "9 June 2016 News Digest",
        "Tin Tổng Hợp – 9/6/16",
        "date 2016-06-09 Rains flood the delta",
        # A caption whose sentence ends before the date glued to it
        "电台撤出香港,员工受影响最大。2016年6月9日",
        # Two different dates: a history, not the page's date
        "ວັນສ້າງຕັ້ງ 9 ມິຖຸນາ 1945 ແລະ 9 ມິຖຸນາ 1975",
        # A byline's surname beside a month-name date stays a byline
        "By JANE DOE JUN. 9, 2016",
        "On June 9, 2016 soldiers shot",
        "Updated: officials said 300 died on June 9, 2016.",
        "The ministry announced on June 9, 2016.",
        "Số 12 người bị bắt ngày 9/6/2016 tại Hà Nội",
        "There were no 12 arrests on June 9, 2016 in town",
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
        # A bracketed date in native digits and month names, after a place or opening the lead
        ("បាត់ដំបង (៩ មិថុនា ២០១៦) ៖ មន្ត្រី…", D(2016, 6, 9)),
        ("(៩ មិថុនា ២០១៦) មន្ត្រី…", D(2016, 6, 9)),
        # A writer's name glued to a timestamp opening a one-line post
        ("王明 WANG MING2016-06-09 08:15:31今天的节目…", D(2016, 6, 9)),
        # Chinese agency datelines, and a place set off by a dash or a Burmese comma
        ("【某某报2016年06月09日讯】（记者王明报导）今天…", D(2016, 6, 9)),
        ("某某社北京2016年6月9日电（记者王明）今天…", D(2016, 6, 9)),
        ("YANGON — June 9, 2016 — Soldiers fired on …", D(2016, 6, 9)),
        ("ရန်ကုန် ၊ ဇွန် ၉ ၊ ၂၀၁၆ ။ စစ်တပ်က …", D(2016, 6, 9)),
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
        "警方于2016年6月9日 08:15逮捕了他",  # a timestamp inside a sentence
        "Police on 2016-06-09 08:15 arrested two men",
    ],
)
def test_a_paragraph_without_a_dateline_gives_none(paragraph: str) -> None:
    assert dateline_date(paragraph, language="en") is None


@pytest.mark.parametrize(
    ("title", "language", "expected"),
    [
        ("Tin Tổng Hợp – 9/6/16", "vi", D(2016, 6, 9)),  # day first, two-digit year
        ("News Digest – 6/9/16", "en", D(2016, 6, 9)),
        ("Week 12 – 2016-06-09: Two crises far apart", "en", D(2016, 6, 9)),
        ("A club to watch the merger – Thursday, 9.6.2016", "en", D(2016, 6, 9)),
        ("9 June 2016 News Digest", "en", D(2016, 6, 9)),
        ("Bản tin (9/6/2016)", "vi", D(2016, 6, 9)),
    ],
)
def test_a_headline_that_is_dated_gives_its_date(title: str, language: str, expected: D) -> None:
    assert expected == title_date(title, language=language)


@pytest.mark.parametrize(
    "title",
    [
        "Protests since June 9, 2016 leave hundreds dead",
        "Myanmar: a year on, the junta holds",
        "Dam gives way – 300 homes flooded",
    ],
)
def test_a_headline_with_a_date_in_its_words_gives_none(title: str) -> None:
    assert title_date(title, language="en") is None


def test_a_digest_whose_only_date_is_its_headline_is_dated_by_it() -> None:
    lead = (
        "Officials said the dam gave way after three days of heavy rain, flooding hundreds"
        " of homes in the valley below."
    )
    more = "Rescue teams reached the worst-hit villages by boat on Thursday."
    title = "Dam gives way after three days of rain – 6/9/16"
    parsed = parse_text_page(f"{title}\n\n{lead}\n\n{more}\n", language="en")
    assert (title, D(2016, 6, 9)) == (parsed.title, parsed.date)


_MONTHS = "January February March April May June July August September October November December"


@settings(deadline=None, max_examples=40)
@given(st.dates(min_value=D(1990, 1, 1), max_value=D(2099, 12, 31)))
def test_any_date_round_trips_through_metadata_lines(day: D) -> None:
    month = _MONTHS.split()[day.month - 1]
    forms = [
        (f"Posted on {day.day} {month} {day.year}. Filed under: News, Week 3 |", "en"),
        (f"ចេញផ្សាយ ថ្ងៃទី {day.day} {month}, {day.year}   ម៉ោង 11:00", "km"),
        (f"Showing posts from {month} {day.day}, {day.year}", "en"),
        (f"입력 {day:%Y-%m-%d} 10:00 수정 {day:%Y-%m-%d} 11:00", "ko"),
    ]
    found = [date_line(line, language=language) for line, language in forms]
    assert [day] * len(forms) == [line.date if line else None for line in found]


@pytest.mark.parametrize(
    ("line", "language", "expected"),
    [
        ("2026-yili 3-mart | Asiya bölümi", "ug", D(2026, 3, 3)),
        ("14 March 2022 | World desk", "en", D(2022, 3, 14)),
        ("2021/05/06 ｜ 國際新聞", "zh-Hant", D(2021, 5, 6)),
    ],
)
def test_a_date_field_before_a_short_desk_name_is_a_date_line(
    line: str, language: str, expected: D
) -> None:
    found = date_line(line, language=language)

    assert found is not None
    assert expected == found.date


@pytest.mark.parametrize(
    "line",
    [
        "14 March 2022 | Ministers agree on a plan to rebuild the border roads",
        "14 March 2022 | Talks resume. Ministers meet",
        "Talks resume | 14 March 2022 | the ministers met in the capital on Monday",
    ],
)
def test_a_date_field_beside_a_headline_or_sentence_is_no_date_line(line: str) -> None:
    assert date_line(line, language="en") is None


def test_a_copyright_notice_in_angle_brackets_opens_a_filing_stamp() -> None:
    found = date_line("<저작권자(c) 한빛뉴스, 무단 전재 금지> 2020/03/04 09:15 송고", language="ko")

    assert found is not None
    assert D(2020, 3, 4) == found.date
