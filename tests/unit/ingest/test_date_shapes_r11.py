"""Round 11's date conventions: the Republic of China's year without its era's name, North
Korea's Juche year with the Gregorian year in brackets, a Korean publication stamp glued
into a line, and the source line that closes a repost with the day it ran."""

from __future__ import annotations

import datetime

import pytest

from archive.ingest.dates import date_line, parse_date_text
from archive.ingest.gluedlines import split_glued
from archive.ingest.pagelines import page_lines
from archive.ingest.textpage import parse_text_page


def _date(text: str, language: str) -> datetime.date | None:
    found = date_line(text, language=language)
    return found.date if found is not None else None


def test_a_three_digit_roc_year_is_the_minguo_calendar() -> None:
    assert _date("114年3月28日", "zh-Hant") == datetime.date(2025, 3, 28)
    assert _date("發布時間:109年12月1日 下午 03:20", "zh-Hant") == datetime.date(2020, 12, 1)


def test_a_gregorian_year_or_a_number_before_it_is_no_roc_year() -> None:
    assert parse_date_text("2114年3月28日", language="zh") is None
    assert parse_date_text("1.114年3月28日", language="zh") is None
    assert parse_date_text("過去114年3月", language="zh") is None  # no day: no date


def test_a_juche_year_gives_the_gregorian_year_in_its_brackets() -> None:
    assert _date("주체107(2018)년 7월 9일 로동신문", "ko") == datetime.date(2018, 7, 9)
    assert _date("主体107(2018)年7月9日", "zh-Hans") == datetime.date(2018, 7, 9)


_LEAD = (
    "북한 주민 두 가족이 지난 6일 소형 목선을 타고 서해 북방한계선을 넘어 귀순한 것으로 "
    "알려졌다. 군 당국은 이들을 관계 기관에 인계했다고 밝혔다."
)


@pytest.mark.parametrize(
    "header",
    [
        # the stamp alone between the title and the lead: a line of its own
        "입력 2023-05-19 03:00업데이트 2023-05-19 11:42",
        # a byline row holding the stamp stays whole: the credit and date readers read it
        "홍길동 기자 입력 2023-05-19 03:00업데이트 2023-05-19 11:42",
    ],
    ids=["stamp", "row"],
)
def test_a_korean_stamp_glued_into_a_line_becomes_a_line_of_its_own(header: str) -> None:
    text = f"제목 한 줄 {header} {_LEAD}"
    parts = [line.text for line in split_glued(page_lines(text))]
    assert parts == ["제목 한 줄", header, _LEAD]


def test_a_korean_stamp_alone_on_its_line_is_left_as_it_is() -> None:
    parts = [line.text for line in split_glued(page_lines("입력 2023.05.19 03:00"))]
    assert parts == ["입력 2023.05.19 03:00"]


def test_a_korean_stamp_in_a_credit_line_stays_in_it() -> None:
    line = "기사입력  2020/04/19 [21:42] 최종편집    정수민 중등별기자"
    assert [part.text for part in split_glued(page_lines(line))] == [line]


def test_a_later_korean_stamp_is_a_related_posts_and_stays_glued() -> None:
    lead = (
        "관련 기사의 첫 문단이 여기에 이어진다. 북한의 도예가 일가를 조명한 화보가 나왔다고 전했다."
    )
    later = f"다른 글 제목 권영전 입력 2021. 03. 20. 07:00 {lead}"
    text = f"송고시간2021-04-18 10:25\n\n본문 한 줄\n\n{later}"
    assert split_glued(page_lines(text))[-1].text == later


def test_the_source_line_closing_a_repost_dates_it() -> None:
    page = parse_text_page(
        "Court jails blogger for six years\n\n"
        "A court in the south sentenced a former teacher to six years in prison on Thursday "
        "for spreading propaganda against the state, his lawyer said.\n\n"
        "The trial lasted a single morning and his family was not allowed inside, the lawyer "
        "told reporters outside the court after the verdict was read.\n\n"
        "Agence France Presse - August 9, 2012\n",
        language="en",
    )
    assert page.date == datetime.date(2012, 8, 9)


def test_a_dated_line_of_prose_under_the_story_is_no_closing_source() -> None:
    page = parse_text_page(
        "Court jails blogger for six years\n\n"
        "A court in the south sentenced a former teacher to six years in prison on Thursday "
        "for spreading propaganda against the state, his lawyer said.\n\n"
        "The appeal will be heard on August 9, 2012, the court said in a short statement.\n",
        language="en",
    )
    assert page.date is None
