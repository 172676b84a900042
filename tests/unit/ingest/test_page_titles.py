"""Headlines on saved pages: never a site, blog or tag-page name; asides and crawler
prefixes off (pages written for these tests in the shapes real pages use)."""

from __future__ import annotations

import datetime

import pytest

from archive.ingest.textpage import parse_text_page

LEAD = "Police in the capital detained twelve protesters on Sunday, witnesses said."


@pytest.mark.parametrize(
    "site_line",
    ["Daily Harbour Notes", "Posts Tagged ‘Mekong’", "Entries in Laos (14)", "The Morning Wire"],
)
def test_a_site_or_tag_page_name_above_the_headline_is_not_the_headline(site_line: str) -> None:
    headline = "Protesters detained in the capital as talks stall again"
    page = f"{site_line}\n\n{headline}\n\n{LEAD}\n\nMore story text follows here."
    parsed = parse_text_page(page, language="en")
    assert headline == parsed.title
    assert site_line in parsed.dropped
    assert parsed.body.startswith(LEAD)


def test_a_deck_under_a_long_headline_stays_out_of_the_title() -> None:
    headline = "Government and rebels agree to a ceasefire in the northern hills"
    page = f"{headline}\n\nTalks resume next week\n\n{LEAD}"
    assert headline == parse_text_page(page, language="en").title


def test_a_reposters_aside_after_the_headline_is_not_part_of_it() -> None:
    page = f"Minister says visit will go ahead [-Will it really?-]\n\n{LEAD}"
    assert "Minister says visit will go ahead" == parse_text_page(page, language="en").title


def test_a_crawler_date_before_the_headline_is_the_date_and_not_the_title() -> None:
    page = f"date 2019-05-14 Rains flood the delta\n\n{LEAD}"
    parsed = parse_text_page(page, language="en")
    assert ("Rains flood the delta", datetime.date(2019, 5, 14)) == (parsed.title, parsed.date)


@pytest.mark.parametrize(
    "navigation",
    ["简体 | 繁體", "Asia / Laos", "World |", "Archive for ‘Floods’", "Đường dẫn truy cập"],
)
def test_navigation_and_language_switchers_are_not_the_headline(navigation: str) -> None:
    headline = "Rains flood the delta as rivers burst their banks"
    page = f"{navigation}\n\n{headline}\n\n{LEAD}"
    parsed = parse_text_page(page, language="en")
    assert headline == parsed.title
    assert navigation in parsed.dropped


def test_a_section_prefix_with_a_headline_after_it_is_still_a_headline() -> None:
    headline = "特写 | 二十五年前，有这样一群年轻的记者"
    page = f"{headline}\n\n二十五年前的今天，一群年轻的记者从北京出发，前往香港采访。"
    assert headline == parse_text_page(page, language="zh").title


def test_a_standfirst_under_the_byline_is_not_the_headline() -> None:
    headline = "Council visits the news agency in the capital"
    standfirst = "Group thanks the agency for keeping the refugees in the world spotlight"
    lines = ["Current News", headline, headline, "By Jo Lee, Harbour Agency", standfirst]
    more = "The council's chairman thanked the agency's staff for their reporting, he said."
    page = "\n\n".join([*lines, LEAD, more])
    assert headline == parse_text_page(page, language="en").title


def test_a_deck_under_the_headline_without_a_byline_between_is_still_not_the_headline() -> None:
    headline = "Government and rebels agree to a ceasefire in the northern hills"
    deck = "Talks resume next week in the capital"
    page = f"{headline}\n\n{deck}\n\nBy Jo Lee\n\n{LEAD}\n\nMore story text follows here."
    assert headline == parse_text_page(page, language="en").title
