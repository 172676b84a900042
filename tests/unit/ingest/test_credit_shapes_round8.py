"""Credits in English by their structure (issue 15, round 8): bylines whose parts a dash
joins, a line opening with a role phrase wherever it stands in the story, the line under a
one-person "By" line as its outlet, and names that hold a desk's, an office's or a day's
word — each with negative cases. Every line here is written for these tests; every name is
invented."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from archive.ingest.bylines import bare_name, read_credit_line, read_dash_parts
from archive.ingest.closing_credits import find_labelled_line
from archive.ingest.credits import CreditEntry
from archive.ingest.not_persons import names_no_person
from archive.ingest.textpage import parse_text_page

LEAD = (
    "Officials in the provincial capital said on Tuesday that the new road would open next "
    "month, after two years of delays caused by floods and a shortage of funds."
)
SECOND = (
    "Residents of the villages along the route said they had waited a long time for the "
    "road and hoped that it would bring more trade to the markets of the district."
)
THIRD = (
    "The district chief said that the contractor had promised to finish the last bridge "
    "before the rains, though the work had stopped twice already this year."
)


def people(entries: Sequence[CreditEntry]) -> list[tuple[str, str]]:
    return [(e.role, e.name) for e in entries if e.kind == "person"]


# ------------------------------------------------------------------- parts joined by dashes
@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "By Mara Velden - Tom Asher - Delta Daily News -",
            [("reporter", "Mara Velden"), ("reporter", "Tom Asher")],
        ),
        (
            "By Lan Vo, Van Minh- Translated by Hoa Tran",
            [("writer", "Lan Vo"), ("writer", "Van Minh"), ("translator", "Hoa Tran")],
        ),
        (
            "Story: Van Minh - Translated by Hoa Tran",
            [("writer", "Van Minh"), ("translator", "Hoa Tran")],
        ),
        ("By Mara Velden – Reuters", [("reporter", "Mara Velden")]),
        ("By Mara Velden - May 3, 2021", [("writer", "Mara Velden")]),
    ],
)  # fmt: skip
def test_a_byline_in_dash_joined_parts_is_read_part_by_part(
    line: str, expected: list[tuple[str, str]]
) -> None:
    assert people(read_credit_line(line)) == expected


@pytest.mark.parametrize(
    "line",
    [
        "By Mara Velden - the police said on Monday",  # a clause after the dash
        "Mara Velden - Tom Asher",  # no label opens the line
        "By Kim Ji-won",  # a dash inside a name is no joint
        "Road Opens - Bridge Next",  # a headline's parts
    ],
)
def test_a_line_that_is_not_dash_joined_credits_gives_none(line: str) -> None:
    assert read_dash_parts(line, line) is None


# ------------------------------------------------------------------- role-phrase lines
def test_a_wire_credit_over_an_aggregators_own_lines_is_read() -> None:
    page = "\n\n".join(
        [
            "Road opens after long delays",
            LEAD,
            SECOND,
            "(Reporting by Mara Velden; Editing by Tom Asher)",
            "Sign up to read more stories",
            "Stories picked for you every morning",
            "Already a reader? Come back here",
        ]
    )
    parsed = parse_text_page(page, language="en")
    assert parsed.credits is not None
    assert people(parsed.credits.entries) == [("reporter", "Mara Velden"), ("editor", "Tom Asher")]
    assert "Reporting by" not in parsed.body  # the credit line leaves the story
    assert SECOND in parsed.body


def test_a_closing_contributors_line_over_a_pages_own_line_is_read() -> None:
    line = "CNN's Mara Velden and Tom Asher contributed to this report."
    found = find_labelled_line([LEAD, SECOND, line, "Loading weather data ..."])
    assert found is not None
    assert found.indices == (2,)
    assert people(found.entries) == [("contributor", "Mara Velden"), ("contributor", "Tom Asher")]


def test_a_translators_line_under_the_byline_is_read() -> None:
    lines = ["Translated from French by Hoa Tran", LEAD, SECOND]
    found = find_labelled_line(lines)
    assert found is not None
    assert found.indices == (0,)
    assert people(found.entries) == [("translator", "Hoa Tran")]


@pytest.mark.parametrize(
    "line",
    [
        "Reporting by the ministry was slow, the official said.",  # a sentence, no credit
        "Edited highlights of the speech follow below",
        "Mara Velden contributed reporting from the border",  # no role phrase opens it
        "(Reporting by Reuters)",  # an outlet alone names no person
        "Photo by: Mara Velden",  # a photo credit between paragraphs is a caption's
    ],
)
def test_a_line_that_does_not_open_with_a_role_phrase_and_credit_gives_none(line: str) -> None:
    assert find_labelled_line([LEAD, line, SECOND]) is None


# ------------------------------------------------------------------- the outlet under "By"
def test_the_line_under_a_one_person_byline_in_the_slot_is_its_outlet() -> None:
    page = "\n\n".join(
        ["Road opens after long delays", "24-09-2007", "By Mara Velden", "Delta Soir", LEAD, SECOND]
    )
    parsed = parse_text_page(page, language="en")
    assert parsed.credits is not None
    assert people(parsed.credits.entries) == [("writer", "Mara Velden")]
    outlets = [(e.kind, e.name) for e in parsed.credits.entries if e.kind != "person"]
    assert outlets == [("service", "Delta Soir")]


def test_a_name_under_a_two_person_byline_is_not_taken_for_an_outlet() -> None:
    page = "\n\n".join(
        [
            "Road opens after long delays",
            "24-09-2007",
            "By Mara Velden and Tom Asher",
            "Delta Soir",
            LEAD,
            SECOND,
            THIRD,
        ]
    )
    parsed = parse_text_page(page, language="en")
    assert parsed.credits is not None
    assert not any(e.kind == "service" and e.name == "Delta Soir" for e in parsed.credits.entries)


# ------------------------------------------------------------------- no person
@pytest.mark.parametrize(
    "name",
    ["FE Team", "Metro Desk", "Provincial Judge Veng", "Justice Kim Min-su", "Sai Naing Monday"],
)
def test_a_desk_an_office_or_a_day_names_no_person(name: str) -> None:
    assert names_no_person(name)
    assert bare_name(name) == ()


@pytest.mark.parametrize(("name", "acronym"), [("CJ", True), ("NLD", True), ("KIM", False)])
def test_an_acronym_alone_names_no_person(name: str, acronym: bool) -> None:
    # "Photo-CJ" under a caption credits a citizen journalist; a surname in capitals has a vowel
    assert acronym == names_no_person(name)


@pytest.mark.parametrize("name", ["Mara Velden", "Tom Asher", "Van Minh", "Desmond Teal"])
def test_a_plain_name_is_a_person(name: str) -> None:
    assert not names_no_person(name)
    assert people(bare_name(name)) == [("reporter", name)]


def test_an_office_and_name_closing_a_story_stays_in_it() -> None:
    page = "\n\n".join(["Road opens after long delays", LEAD, SECOND, "Provincial Judge Veng"])
    parsed = parse_text_page(page, language="en")
    assert parsed.credits is None or people(parsed.credits.entries) == []
    assert parsed.body.rstrip().endswith("Provincial Judge Veng")


def test_a_desk_byline_over_its_date_credits_no_person() -> None:
    page = "\n\n".join(
        [
            "Road opens after long delays",
            "Metro Team | Published: May 3, 2021 10:15:03",
            LEAD,
            SECOND,
            THIRD,
        ]
    )
    parsed = parse_text_page(page, language="en")
    assert parsed.credits is None or people(parsed.credits.entries) == []
