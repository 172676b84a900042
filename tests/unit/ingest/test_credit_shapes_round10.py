"""English credits by their structure (issue 15, round 10): a name a saved page ran into the
outlet under it, a byline run on into a wire's dateline, a compound "written by" label, a
name with a place before its date after a bar, and an article opening a "name" — each with
negative cases. Every line here is written for these tests; every name is invented."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from archive.ingest.bylines import bare_name, find_credit_lines, read_credit_line, second_by_name
from archive.ingest.credits import CreditEntry
from archive.ingest.furniture import is_chrome
from archive.ingest.lead_credits import lead_head_credits
from archive.ingest.not_persons import names_no_person
from archive.ingest.textpage import parse_text_page
from tests.unit.ingest.pages import HEADLINE, LEAD, SECOND, THIRD, page


def people(entries: Sequence[CreditEntry]) -> list[tuple[str, str]]:
    return [(e.role, e.name) for e in entries if e.kind == "person"]


# ------------------------------------------------------------ a name glued to its outlet
@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Mara VeldenReuters", [("reporter", "Mara Velden")]),
        ("Tom AsherAssociated Press", [("reporter", "Tom Asher")]),
    ],
)
def test_a_name_glued_to_a_known_outlet_is_split_at_the_case_change(
    line: str, expected: list[tuple[str, str]]
) -> None:
    entries = bare_name(line)
    assert people(entries) == expected
    assert any(e.kind == "service" for e in entries)


@pytest.mark.parametrize("line", ["Ronan McDonald", "Lena DeLuca", "Ivo LeBlanc"])
def test_a_case_change_that_opens_no_outlet_leaves_the_name_whole(line: str) -> None:
    assert people(bare_name(line)) == [("reporter", line)]


def test_a_glued_name_under_the_headline_is_the_pages_reporter() -> None:
    parsed = parse_text_page(page(HEADLINE, "Mara VeldenReuters", LEAD, SECOND, THIRD))
    assert parsed.credits is not None
    assert people(parsed.credits.entries) == [("reporter", "Mara Velden")]


# ------------------------------------------------- a byline run on into a wire's dateline
@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "By Nur Aina Mohd Salleh KUALA LUMPUR, March 4 (Bernama) -- The ministry said "
            "on Monday that the new rules would apply from next month.",
            [("reporter", "Nur Aina Mohd Salleh")],
        ),
        (
            "By Mara Velden SEOUL (Reuters) - South Korea's central bank held rates on "
            "Thursday, as expected by most economists.",
            [("reporter", "Mara Velden")],
        ),
        (
            "by Mara Velden Agence France Presse SEOUL, South Korea (AFP) — The North fired "
            "a new missile over the weekend, state media reported on Monday.",
            [("reporter", "Mara Velden")],
        ),
    ],
)
def test_a_byline_run_on_into_a_wire_dateline_ends_where_the_capitals_begin(
    line: str, expected: list[tuple[str, str]]
) -> None:
    assert people(lead_head_credits(line)) == expected


@pytest.mark.parametrize(
    "line",
    [
        # no known agency in the brackets
        "By Mara Velden SEOUL (Update 2) - South Korea's central bank held rates on Thursday.",
        # no case change: the name in capitals runs into the place
        "By MARA VELDEN SEOUL (Reuters) - South Korea's central bank held rates on Thursday.",
    ],
)
def test_no_wire_dateline_byline_without_an_agency_or_a_case_change(line: str) -> None:
    assert ("reporter", "Mara Velden") not in people(lead_head_credits(line))


# ------------------------------------------------------------- "Story written by: NAME"
@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("STORY WRITTEN BY: TOM ASHER", "TOM ASHER"),
        ("Article written by Mara Velden", "Mara Velden"),
    ],
)
def test_a_compound_written_by_label_reads_its_name(line: str, name: str) -> None:
    assert people(read_credit_line(line)) == [("writer", name)]


def test_a_photo_credit_over_the_closing_byline_is_no_next_posts_headline() -> None:
    lines = [LEAD, SECOND, "Flickr Photo by: Lena Ord", "STORY WRITTEN BY: TOM ASHER"]
    found = find_credit_lines(lines, is_furniture=is_chrome)
    assert found is not None
    assert people(found.entries) == [("writer", "TOM ASHER")]


# ------------------------------------------------------------- "NAME | PLACE DATE"
@pytest.mark.parametrize(
    "line",
    ["Mara Velden | Washington, D.C. 18 November 2010", "Mara Velden | Phnom Penh, May 3, 2012"],
)
def test_a_name_then_a_bar_a_place_and_a_date_is_a_byline(line: str) -> None:
    assert people(read_credit_line(line)) == [("writer", "Mara Velden")]


@pytest.mark.parametrize("line", ["Politics | Phnom Penh May 3", "Mara Velden | 3 new cases"])
def test_a_bar_without_a_date_after_it_is_no_byline(line: str) -> None:
    assert people(read_credit_line(line)) == []


# ------------------------------------------------------------------------ "The NAME"
@pytest.mark.parametrize("name", ["The Nation", "The Daily Ledger", "the Associated Press"])
def test_a_name_opening_with_an_article_is_no_person(name: str) -> None:
    assert names_no_person(name)


@pytest.mark.parametrize("name", ["Theo Marsh", "Thea Lund", "Mara Velden"])
def test_names_opening_like_an_article_stay_persons(name: str) -> None:
    assert not names_no_person(name)


def test_by_an_outlet_opening_with_an_article_credits_no_person() -> None:
    parsed = parse_text_page(page(HEADLINE, "By The Daily Ledger", LEAD, SECOND, THIRD))
    entries = parsed.credits.entries if parsed.credits is not None else ()
    assert people(entries) == []


# ------------------------------------------------------------------ "By A, B" (Xinhua)
def test_the_second_name_of_a_by_line_is_a_second_writer_the_story_never_names() -> None:
    parsed = parse_text_page(page(HEADLINE, "By Lan Vo, Mara Velden", LEAD, SECOND, THIRD))
    assert parsed.credits is not None
    assert people(parsed.credits.entries) == [("writer", "Lan Vo"), ("writer", "Mara Velden")]


@pytest.mark.parametrize(
    "line",
    [
        "By Lan Vo, Phnom Penh",  # a place the story names
        "By Lan Vo, Staff Writer",
        "By Lan Vo, Senior Correspondent",
        "By Lan Vo, Anadolu Agency",
        "By Lan Vo, VOA Khmer",
        "By Lan Vo, May 3",
    ],
)
def test_a_place_a_title_or_an_outlet_after_the_comma_is_no_second_writer(line: str) -> None:
    assert second_by_name(line, ["PHNOM PENH, May 3 — Rain fell in Phnom Penh all week."]) == ()
