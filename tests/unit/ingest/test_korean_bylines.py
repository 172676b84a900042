"""A Korean newsroom's byline and sign-off: read on a line of its own, split off a lead or
a last paragraph it is glued to, and out of the story text (kept as furniture)."""

from __future__ import annotations

import pytest

from archive.ingest.gluedlines import split_glued
from archive.ingest.korean_bylines import is_korean_row, korean_byline, korean_row_credits
from archive.ingest.pagelines import page_lines
from archive.ingest.textpage import parse_text_page

_LEAD = (
    "시청은 제5호 태풍 피해 조사반을 꾸려 신속한 피해 조사와 복구에 전 행정력을 집중하고"
    " 있다고 10일 밝혔다."
)
_END = "시는 다음 주까지 피해 신고를 받고 복구 계획을 세울 예정인 것으로 알려졌다."


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("(부산=연합뉴스) 김민수 기자 =", ["김민수"]),
        ("(서울=연합뉴스) 김민수 이지은 기자 =", ["김민수", "이지은"]),
        ("[서울=뉴스핌] 박지훈 통일북한전문기자 =", ["박지훈"]),
        ("[한빛일보 최유진 외교·통일 선임기자]", ["최유진"]),
        ("[정하늘 기자(sky@example.kr)]", ["정하늘"]),
        ("한빛뉴스 임도윤 기자 |", ["임도윤"]),
        ("한빛뉴스 임도윤 기자", ["임도윤"]),
        ("(광주=뉴스1) 윤서준 기자", ["윤서준"]),
    ],
)
def test_a_korean_byline_line_names_its_reporters(line: str, names: list[str]) -> None:
    assert [e.name for e in korean_byline(line)] == names
    assert all(e.role == "reporter" for e in korean_byline(line))


@pytest.mark.parametrize(
    "line",
    [
        "(평양=뉴스1) = 북한 노동당 기관지",  # a wire's dateline without a reporter
        "이종원 선임기자",  # a name and a rank, not an outlet and a name
        "(서울=연합뉴스) 김민수 기자가 보도했다",  # a sentence, not a byline
        "경찰은 사건을 조사하고 있다",
    ],
)
def test_other_lines_are_no_korean_byline(line: str) -> None:
    assert korean_byline(line) == []


def test_a_byline_glued_to_the_lead_is_split_off() -> None:
    parts = [
        line.text for line in split_glued(page_lines(f"(부산=연합뉴스) 김민수 기자 = {_LEAD}"))
    ]
    assert parts == ["(부산=연합뉴스) 김민수 기자 =", _LEAD]


def test_a_signoff_glued_to_the_last_paragraph_is_split_off() -> None:
    parts = [line.text for line in split_glued(page_lines(f"{_END} 임도윤 기자 dy@example.kr"))]
    assert parts == [_END, "임도윤 기자 dy@example.kr"]


def test_a_sentence_ending_in_a_title_word_stays_whole() -> None:
    text = f"{_END} 이에 대해 현장 기자"
    assert [line.text for line in split_glued(page_lines(text))] == [text]


def test_the_byline_and_signoff_leave_the_story_and_the_paragraphs_stay() -> None:
    text = f"태풍 피해 조사반 운영\n(부산=연합뉴스) 김민수 기자 = {_LEAD}\n"
    page = parse_text_page(f"{text}{_END} 김민수 기자 ms@example.kr\n", language="ko")
    assert page.credits is not None
    assert [(e.role, e.name) for e in page.credits.entries if e.kind == "person"] == [
        ("reporter", "김민수")
    ]
    assert _LEAD in page.body and _END in page.body
    assert "김민수" not in page.body


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("(워싱턴·서울=연합뉴스) 김민수 특파원 이지은 기자 =", ["김민수", "이지은"]),
        ("[서울=한빛뉴스] 박지훈 정치부장 =", ["박지훈"]),
        ("[한빛뉴스] 임도윤 기자=", ["임도윤"]),
        ("[부산 국제영화제 프레스센터 = 최유진 기자]", ["최유진"]),
    ],
)
def test_a_wire_byline_lists_reporters_each_with_a_title_or_rank(
    line: str, names: list[str]
) -> None:
    assert [e.name for e in korean_byline(line)] == names


@pytest.mark.parametrize(
    ("row", "names"),
    [
        ("김민수 기자 입력 2023-05-19 03:00 수정 2023-05-19 11:42", ["김민수"]),
        ("김민수 군사전문기자 외 3명 입력 2023-05-19 03:00업데이트 2023-05-19 11:42", ["김민수"]),
        ("송고시간2021-04-18 10:25 이지은 기자", ["이지은"]),
        ("박지훈 기자  2004.02.26 00:00:00", ["박지훈"]),
        ("최유진기자 구독 구독중", ["최유진"]),
        ("한빛뉴스ㅣ임도윤 입력 2021. 11. 06. 16:22", ["임도윤"]),
    ],
)
def test_a_byline_row_names_its_reporter_beside_the_time_stamp(row: str, names: list[str]) -> None:
    assert [e.name for e in korean_row_credits(row)] == names
    assert is_korean_row(row)


@pytest.mark.parametrize(
    "line",
    [
        "김 기자는 2020년 1월 1일 입력했다",  # no name's shape before the title
        "권영전 입력 2021. 03. 20. 07:00",  # a bare name without the portal's outlet
        "김민수 정치부 기자",  # no time stamp beside it
    ],
)
def test_other_lines_hold_no_byline_row(line: str) -> None:
    assert korean_row_credits(line) == []


def test_a_byline_row_glued_between_the_headline_and_the_lead_becomes_its_own_line() -> None:
    title = "[단독] 태풍 피해 조사반 운영"
    row = "김민수 기자 입력 2023-05-19 03:00 수정 2023-05-19 11:42"
    parts = [line.text for line in split_glued(page_lines(f"{title} {row} {_LEAD}"))]
    assert parts == [title, row, _LEAD]


def test_a_wire_byline_glued_after_the_headline_becomes_its_own_line() -> None:
    title = "태풍 피해 조사반 운영"
    head = "(부산=연합뉴스) 김민수 기자 ="
    parts = [line.text for line in split_glued(page_lines(f"{title}{head} {_LEAD}"))]
    assert parts == [title, head, _LEAD]


def test_a_wire_byline_after_a_paragraph_stays_glued() -> None:
    text = f"{_LEAD} (부산=연합뉴스) 김민수 기자 = {_END}"
    assert [line.text for line in split_glued(page_lines(text))] == [text]


def test_a_byline_row_leaves_the_story_and_is_never_the_headline() -> None:
    row = "최유진기자 구독 구독중"
    page = parse_text_page(f"{row} 이전 다음 {_LEAD}\n{_END}\n", language="ko")
    assert page.credits is not None
    assert [e.name for e in page.credits.entries if e.kind == "person"] == ["최유진"]
    assert page.title != row
    assert row not in page.body
    assert row in page.dropped or page.credit_line == row


def test_a_reporter_on_a_line_of_its_own_beside_the_time_stamp_is_read() -> None:
    page = parse_text_page(
        f"태풍 피해 조사반 운영\n\n박지훈 기자\n\n기사입력 2015-02-14 19:22\n\n{_LEAD}\n{_END}\n",
        language="ko",
    )
    assert page.credits is not None
    assert ("reporter", "박지훈") in [(e.role, e.name) for e in page.credits.entries]
