"""Byline forms met on real pages (issue 15), with negative cases: lines written for these
tests in the shapes those pages use; every name is invented."""

from __future__ import annotations

import pytest

from archive.ingest.bylines import read_credit_line
from archive.ingest.prose_credits import credits_in_prose
from archive.ingest.textpage import parse_text_page


def read(line: str) -> list[tuple[str, str, str]]:
    return [(e.role, e.name, e.kind) for e in read_credit_line(line)]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "Dara Sovann, The Phnom Penh Post",
            [("reporter", "Dara Sovann", "person"), ("source", "The Phnom Penh Post", "service")],
        ),
        (
            "Mia Tran and Keo Dara, The Cambodia Daily",
            [
                ("reporter", "Mia Tran", "person"),
                ("reporter", "Keo Dara", "person"),
                ("source", "The Cambodia Daily", "service"),
            ],
        ),
        (
            "NGUYEN AN BINH, Associated Press",
            [("reporter", "NGUYEN AN BINH", "person"), ("source", "Associated Press", "service")],
        ),
        (
            "Lê Minh Tâm, phóng viên RFA",
            [("reporter", "Lê Minh Tâm", "person"), ("source", "Radio Free Asia", "service")],
        ),
        (
            "Hồ Văn Nam, VOA, 04/02/2020",
            [("reporter", "Hồ Văn Nam", "person"), ("source", "Voice of America", "service")],
        ),
        (
            "Somchai Preeda & AFP",
            [("reporter", "Somchai Preeda", "person"), ("source", "AFP", "service")],
        ),
        ("By KHIN MYAT NOE Tuesday, March 8, 2016", [("writer", "KHIN MYAT NOE", "person")]),
        (
            "Thursday, 11 June 2009 14:20 Ana Velez and Sok Rithy",
            [("reporter", "Ana Velez", "person"), ("reporter", "Sok Rithy", "person")],
        ),
        ("ដោយ៖ សុខ ចាន់ថា", [("reporter", "សុខ ចាន់ថា", "person")]),
        ("작성자 박민수", [("writer", "박민수", "person")]),
        ("قەشقەردىن مۇخبىرىمىز ئالىم تەييارلىدى", [("reporter", "ئالىم", "person")]),
        ("ئوبزورچىمىز ئايگۈل تەييارلىدى", [("writer", "ئايگۈل", "person")]),
    ],
)
def test_field_byline_forms(line: str, expected: list[tuple[str, str, str]]) -> None:
    assert expected == read(line)


@pytest.mark.parametrize(
    "line",
    [
        "(AP Photo/Lena Morris)",  # a caption's photo credit names no reporter
        "(Photo: Facebook)",
        "Police and AFP",  # one capitalised word is not a name
        "The minister, AFP",
        "Dhaka, Bangladesh",  # a place is not a person
        "Phnom Penh, Cambodia",
        "기행 | 2월의 백두산으로 가는 길",  # a section label before a headline, not NAME | DATE
        "March 3, 2021 the police came to the village",  # a date, then a sentence
        "Reports by activists said the toll rose.",  # a sentence that merely holds "by"
        "Stand by me, the singer said",
        "May 5, 2016 10:04 AM PDT",  # a time zone after a date is not a name
    ],
)
def test_lines_that_are_not_bylines(line: str) -> None:
    assert [] == read(line)


def test_a_caption_closing_a_paragraph_credits_no_photographer() -> None:
    paragraph = "A man walks past the burned market in the town. (Photo: Twitter)"
    assert () == credits_in_prose(paragraph)


def test_a_related_link_with_a_bracketed_byline_credits_no_one() -> None:
    assert () == credits_in_prose("ផ្លូវទៅភូមិ (ដោយ សុខ ចាន់ថា)")


def test_a_byline_heading_the_next_post_of_a_blog_page_is_not_this_storys() -> None:
    page = "\n\n".join(
        [
            "Farmers Protest Land Grab",
            "Hundreds of farmers gathered outside the provincial hall on Monday to protest.",
            "Officials said they would meet the farmers' representatives next week.",
            "Floods Hit Northern Provinces",
            "By Maria Lopez",
            "July 2, 2009",
        ]
    )
    parsed = parse_text_page(page, language="en")
    assert parsed.credits is None
    assert parsed.body.endswith("representatives next week.")
    assert "Floods Hit Northern Provinces" in parsed.dropped
    assert "By Maria Lopez" in parsed.dropped


def test_a_byline_under_a_long_lead_in_a_reposted_page_is_still_read() -> None:
    lead = "The court is weighing the release of four youths charged last month. " * 3
    page = "\n".join(
        ["Court Weighs Release", lead.strip(), "By Chan Dara", "2013-08-19", "More text here."]
    )
    parsed = parse_text_page(page, language="en")
    assert parsed.credits is not None
    assert [("writer", "Chan Dara")] == [(e.role, e.name) for e in parsed.credits.entries]
