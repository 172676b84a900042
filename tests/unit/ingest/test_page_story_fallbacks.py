"""A page whose story the furniture rules would take whole (a paragraph shown twice, only
captions) still has that story: importing a page never fails for it."""

from __future__ import annotations

import pytest

from archive.ingest.readers import record_from_page_text
from archive.ingest.textpage import parse_text_page

PARAGRAPH = "The river rose overnight and many homes were flooded, officials said."


def test_a_paragraph_shown_twice_under_the_headline_is_the_story() -> None:
    page = f"Floods hit the delta\n\n{PARAGRAPH}\n\n{PARAGRAPH}\n"
    parsed = parse_text_page(page, language="en")
    assert ("Floods hit the delta", PARAGRAPH) == (parsed.title, parsed.body)
    assert (PARAGRAPH,) == parsed.dropped  # the second copy stays in the furniture


def test_a_page_of_one_paragraph_shown_twice_is_its_story() -> None:
    parsed = parse_text_page(f"{PARAGRAPH}\n{PARAGRAPH}\n", language="en")
    assert PARAGRAPH == parsed.body


def test_a_page_of_captions_keeps_them_as_its_story_and_its_headline_as_title() -> None:
    captions = ["People wade through water in the town (Photo: RFA)", "A roof (AP Photo/Jo Lee)"]
    page = "Floods hit the town\n\n" + "\n\n".join(captions) + "\n"
    parsed = parse_text_page(page, language="en")
    assert "Floods hit the town" == parsed.title
    assert "\n\n".join(captions) == parsed.body


@pytest.mark.parametrize(
    "page",
    [
        f"{PARAGRAPH}\n{PARAGRAPH}\n",
        f"Floods hit the delta\n\n{PARAGRAPH}\n\n{PARAGRAPH}\n",
        "Floods hit\n\nPeople wade through water in the town (Photo: RFA)\n",
    ],
)
def test_such_pages_import(page: str) -> None:
    record = record_from_page_text(page, source="page.txt", encoding="utf-8")
    assert record.versions[0].text.strip()


def test_a_story_that_goes_on_is_not_doubled_back() -> None:
    other = "Rescue teams reached the last villages by boat on Monday, the army said."
    page = f"Floods hit the delta\n\n{PARAGRAPH}\n\n{PARAGRAPH}\n\n{other}\n"
    assert other == parse_text_page(page, language="en").body


def test_a_page_on_one_line_with_a_player_notice_inside_is_its_story() -> None:
    sentence = "警方昨日在市中心扣押了一名记者，引发各方批评。"
    page = "新闻 警方扣押记者 2018年8月13日 您的浏览器不支持HTML5 " + sentence * 6
    assert page == parse_text_page(page, language="zh-Hans").body
