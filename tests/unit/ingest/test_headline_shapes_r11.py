"""Round 11's never-a-headline shapes: a stamp with its clock and no year, a line holding a
web address; and a list's bullet before a headline, which is the list's and not the title's."""

from __future__ import annotations

import pytest

from archive.ingest.addresses import holds_web_address
from archive.ingest.headline_model import never_headline
from archive.ingest.headline_shapes import yearless_dateline
from archive.ingest.headlines import clean_title
from archive.ingest.textpage import parse_text_page

LEAD = (
    "YANGON - A United Nations envoy waited on Monday to see the country's leader in pursuit "
    "of his mission to end a crackdown, diplomats said.\n\n"
    "Theories varied widely on why the envoy had not yet met the leader, diplomats said.\n"
)


@pytest.mark.parametrize(
    "line", ["Mon Oct 1, 12:23 AM ET", "Thu Oct 7, 11:38 am ET", "Tue Sep 28, 4:31 pm ET"]
)
def test_a_stamp_with_its_clock_and_no_year_is_a_yearless_dateline(line: str) -> None:
    assert yearless_dateline(line)
    assert never_headline(line)


@pytest.mark.parametrize(
    "line",
    [
        "AP News Digest 6:20 p.m.",
        "Oct 1, 12:23 AM: Quake hits the city of Yangon",
        "Sunday, September 30, 2007",  # a full date: the date readers' line
    ],
)
def test_a_headline_with_a_clock_is_no_yearless_dateline(line: str) -> None:
    assert not yearless_dateline(line)


@pytest.mark.parametrize(
    "line",
    [
        "Southeast Asia - Voice of America http://www.example.com/archive/latest/2893.html",
        "Radio Free Outlet – Radio Free https://www.example.org Independent Media for People",
        "Outlet www.example.com.kh News of the kingdom",
    ],
)
def test_a_line_holding_a_web_address_is_never_a_headline(line: str) -> None:
    assert holds_web_address(line)
    assert never_headline(line)


@pytest.mark.parametrize(
    "line",
    [
        "Why www is dying",
        "Web 2.0: the www.gov debate",
        "President urges talks on divided families",
    ],
)
def test_a_headline_naming_no_address_holds_none(line: str) -> None:
    assert not holds_web_address(line)


def test_a_stamp_over_the_lead_gives_the_page_no_headline() -> None:
    page = "Sunday, September 30, 2007\n\nMon Oct 1, 12:23 AM ET\n\n" + LEAD

    assert parse_text_page(page, language="en").title is None


def test_a_list_bullet_before_a_headline_is_the_lists() -> None:
    assert ("President urges talks on divided families", None) == clean_title(
        "• President urges talks on divided families", "en"
    )
    assert ("Talks go on", None) == clean_title("Talks go on", "en")


def test_the_bulleted_headline_repeated_in_the_story_leaves_it() -> None:
    page = (
        "• Talks on divided families resume\n\n"
        + LEAD
        + "\n• Talks on divided families resume\n\nThe envoy left on Sunday, officials said."
    )

    parsed = parse_text_page(page, language="en")

    assert "Talks on divided families resume" == parsed.title
    assert "Talks on divided families resume" not in parsed.body
