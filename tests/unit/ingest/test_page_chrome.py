"""Page chrome inside a saved story: captions' photo credits, "Read more" lines, players,
share widgets, markup and file slugs leave the story for the furniture, never deleted
(lines written for these tests in the shapes real pages use)."""

from __future__ import annotations

import pytest

from archive.ingest.textpage import parse_text_page

LEAD = "Flood waters rose across the delta on Monday, forcing thousands from their homes."
MORE = "Officials said relief supplies would reach the worst-hit districts by Wednesday."
LAST = "The weather office expects more rain later this week, it said in a statement."


@pytest.mark.parametrize(
    "chrome",
    [
        "Villagers wade through water in the delta on Monday. AFP",
        "(AP Photo/Lena Morris)",
        "Rescuers carry a child to a boat. REUTERS/Tom Hale",
        "A flooded road near the river. Getty Images/Stringer",
        "Credit: Shutterstock",
        "FILE - A boat carries supplies across the river, June 4, 2019.",
        "READ ALSO: Dam levels reach record high",
        "Read more!",
        "Your browser doesn’t support HTML5 audio",
        "20190415-flood.mp3Audio download",
        "原标题：三角洲洪水上涨",
        "分享到:",
        "</p> <p>",
        "delta-flood-photo-03",
        "Leave a Comment",
    ],
)
def test_chrome_in_the_story_goes_to_the_furniture(chrome: str) -> None:
    page = f"Floods Force Thousands From Homes\n\n{LEAD}\n\n{chrome}\n\n{MORE}\n\n{LAST}"
    parsed = parse_text_page(page, language="en")
    assert chrome not in parsed.body
    assert chrome in parsed.dropped
    assert parsed.body.startswith(LEAD)
    assert parsed.body.endswith(LAST)


@pytest.mark.parametrize(
    "sentence",
    [
        "The agency said the figures came from AFP.",  # a sentence ending with a period
        "Reuters reported that the dam held overnight.",
        "Read the full statement on the ministry's website, officials said.",
    ],
)
def test_story_sentences_naming_an_agency_stay_in_the_story(sentence: str) -> None:
    page = f"Floods Force Thousands From Homes\n\n{LEAD}\n\n{sentence}\n\n{LAST}"
    assert sentence in parse_text_page(page, language="en").body
