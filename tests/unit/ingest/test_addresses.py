"""The shared spellings: a web or e-mail address (addresses) and a Korean time stamp
(korean_bylines.KO_STAMP), each read the same by every reader that asks."""

from __future__ import annotations

import re

import pytest

from archive.ingest.addresses import (
    EMAIL_ADDRESS,
    HIDDEN_EMAIL,
    holds_address,
    holds_web_address,
)
from archive.ingest.gluedlines import split_glued
from archive.ingest.korean_bylines import KO_POSTED_STAMP, KO_STAMP, is_korean_row
from archive.ingest.pagelines import page_lines


@pytest.mark.parametrize(
    "line",
    [
        "Tin tức - Outlet http://outlet.example/latest/2893.html",
        "Outlet https://www.outlet.example Motto",
        "Xem thêm tại www.outlet.example",
        "WWW.OUTLET.EXAMPLE",
    ],
)
def test_a_line_with_a_web_address_holds_one(line: str) -> None:
    assert holds_web_address(line)
    assert holds_address(line)


@pytest.mark.parametrize(
    "line",
    [
        "The minister spoke in Phnom Penh on Monday.",
        "desk@www.outlet.example",  # an e-mail's host, not a site
        "awww.cute",  # "www." glued to a word
        "www. alone",
    ],
)
def test_a_line_without_a_web_address_holds_none(line: str) -> None:
    assert not holds_web_address(line)


def test_an_email_address_is_an_address_but_not_a_web_one() -> None:
    assert (False, True) == (
        holds_web_address("Contact: desk@outlet.example"),
        holds_address("Contact: desk@outlet.example"),
    )


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("김민수 기자 minsu@outlet.co.kr", "minsu@outlet.co.kr"),
        ("By Jane Doe [jane.doe@outlet.example]", "jane.doe@outlet.example"),
        ("name@localhost", None),  # a host with no dot is no address a credit line writes
    ],
)
def test_the_email_address(text: str, found: str | None) -> None:
    match = re.search(EMAIL_ADDRESS, text)
    assert found == (match.group() if match else None)


@pytest.mark.parametrize("text", ["[email protected]", "[email&#160;protected]", "email protected"])
def test_the_hidden_email_placeholder(text: str) -> None:
    assert re.fullmatch(HIDDEN_EMAIL, text, re.IGNORECASE)


@pytest.mark.parametrize(
    "stamp",
    [
        "입력 2023-05-19 03:00",
        "기사입력 2020/04/19",
        "등록일 : 2019.03.25",
        "송고시간 2021. 03. 20. 07:00",
        "입력 2023.05.19(금) 오후 3:10",
        "수정 2020년 5월 27일",
        "승인 2022.01.05 10:10",
    ],
)
def test_a_korean_time_stamp(stamp: str) -> None:
    assert re.fullmatch(KO_STAMP, stamp)


def test_only_a_posted_label_opens_the_publication_stamp() -> None:
    assert (True, False) == (
        re.fullmatch(KO_POSTED_STAMP, "입력 2023-05-19 03:00") is not None,
        re.fullmatch(KO_POSTED_STAMP, "수정 2023-05-19 03:00") is not None,
    )


def test_a_byline_row_and_a_glued_stamp_read_the_same_stamp() -> None:
    assert is_korean_row("김민수 기자 입력 2023.05.19(금) 오후 3:10")
    lead = "정부는 19일 새 정책을 발표했다. 이번 정책은 내년부터 시행된다고 밝혔다."
    text = f"김민수 기자 입력 2023-05-19 03:00업데이트 2023-05-19 11:42 {lead}"
    row = "김민수 기자 입력 2023-05-19 03:00업데이트 2023-05-19 11:42"
    assert [row, lead] == [line.text for line in split_glued(page_lines(text))]
