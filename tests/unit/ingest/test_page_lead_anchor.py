"""The headline read upward from the story's lead, captions that close with their photo
credit, related headlines under the story and a headline shown twice (pages written for
these tests in the shapes real blog, repost and news pages use)."""

from __future__ import annotations

import pytest

from archive.ingest.textpage import parse_text_page
from tests.unit.ingest.pages import HEADLINE, LEAD, SECOND, THIRD, page


def test_a_blog_header_slogan_and_listing_heading_above_the_headline_are_furniture() -> None:
    header = ["River Town Notes", "Stories told on the water", "Showing posts from March 3, 2021"]
    parsed = parse_text_page(page(*header, HEADLINE, LEAD, SECOND), language="en")
    assert HEADLINE == parsed.title
    assert parsed.body.startswith(LEAD)
    assert all(line in parsed.dropped for line in header)


def test_a_list_of_other_headlines_above_the_story_is_furniture() -> None:
    others = ["Ministers meet over the budget", "Border crossing reopens for trade"]
    lines = ["Mekong Daily Digest", HEADLINE, *others, "-" * 20, HEADLINE, "By Jane Roe", LEAD]
    parsed = parse_text_page(page(*lines, SECOND), language="en")
    assert HEADLINE == parsed.title
    assert parsed.body.startswith(LEAD)
    assert all(line in parsed.dropped for line in others)


def test_a_section_label_right_above_the_headline_is_not_the_headline() -> None:
    parsed = parse_text_page(page("讀者投稿", HEADLINE, LEAD, SECOND), language="en")
    assert (HEADLINE, True) == (parsed.title, "讀者投稿" in parsed.dropped)


def test_a_longer_deck_under_the_headline_does_not_become_the_headline() -> None:
    deck = "Thousands of travellers wait at roadside shelters as the rivers keep rising"
    parsed = parse_text_page(page(HEADLINE, deck, LEAD, SECOND), language="en")
    assert HEADLINE == parsed.title
    assert LEAD in parsed.body


def test_a_digests_item_headline_under_the_pages_own_headline_keeps_the_lead() -> None:
    digest = "Morning digest: flood roads, budget talks, fuel prices and the new rail line"
    item = "Floods cut the highway in the north"
    lines = ["Home Voices", digest, "Summary", item, "RFA, 23/05/2022", LEAD, SECOND]
    parsed = parse_text_page(page(*lines), language="en")
    assert item in parsed.body or item == parsed.title
    assert LEAD in parsed.body


@pytest.mark.parametrize(
    "caption",
    [
        "Villagers wade through the water near the market. (Photo: Jane Roe / River News)",
        "村民在市場附近涉水而行。(資料照)",
        "村民在市場附近涉水而行。(攝影/王小明)",
        "Villagers wade through the water near the market / Photo: Jane Roe/RFA",
        "Villagers wade through the water near the market on Saturday. PHOTO SUPPLIED",
        "Villagers wade through the water near the market. (RFA)",
        "ချောင်းကမ်းနားရွာ ရေကြီးနေစဉ် ဦးမောင်/RFA",
    ],
)
def test_a_caption_closing_with_its_photo_credit_is_furniture(caption: str) -> None:
    parsed = parse_text_page(page(HEADLINE, LEAD, caption, SECOND, THIRD), language="en")
    assert caption in parsed.dropped
    assert caption not in parsed.body
    assert SECOND in parsed.body


@pytest.mark.parametrize(
    "sentence",
    [
        "Laos joined the Association of Southeast Asian Nations (ASEAN) in 1997, he said.",
        "The report was shared with donors in Vientiane and Phnom Penh (see the appendix).",
    ],
)
def test_a_story_sentence_with_brackets_at_its_end_stays_in_the_story(sentence: str) -> None:
    parsed = parse_text_page(page(HEADLINE, LEAD, sentence, SECOND), language="en")
    assert sentence in parsed.body


def test_a_page_of_captions_only_keeps_them_as_its_story() -> None:
    caption = "Subscribers collect the paper at the office in Almaty. RFA/Oyghan"
    parsed = parse_text_page(page(HEADLINE, "2024.01.16", "gazette-01", caption), language="en")
    assert caption in parsed.body


def test_related_headlines_under_the_last_paragraph_are_furniture() -> None:
    related = [
        "Ministers meet over the budget",
        "Border crossing reopens for trade",
        "Fuel prices rise again in the capital",
    ]
    lines = [HEADLINE, LEAD, SECOND, *related, "Copyright 2021 River News"]
    parsed = parse_text_page(page(*lines), language="en")
    assert parsed.body.endswith(SECOND)
    assert all(line in parsed.dropped for line in related)


def test_a_page_cut_off_on_a_short_line_keeps_that_line() -> None:
    cut = "Rescue teams said the water"
    parsed = parse_text_page(page(HEADLINE, LEAD, SECOND, cut), language="en")
    assert parsed.body.endswith(cut)


def test_the_headline_shown_again_in_the_story_is_furniture() -> None:
    parsed = parse_text_page(page(HEADLINE, "March 3, 2021", HEADLINE, LEAD, SECOND), language="en")
    assert HEADLINE == parsed.title
    assert HEADLINE not in parsed.body
    assert HEADLINE in parsed.dropped


@pytest.mark.parametrize(
    "widget",
    [
        "via Mekong News Media",
        "Posted on 3 March 2008. Filed under: Editorial |",
        "Follow River Notes on Facebook: https://www.facebook.com/rivernotes",
        "Search in title",
        "Exact matches only",
        "Read RFA coverage of this story in Burmese.",
        "CỠ CHỮ - +",
        "打印 | 收藏 | 发给好友 【字号 大 中 小】 |",
        "被閱讀次數",
        "您的位置: 文學城",
        "1,024 views",
    ],
)
def test_widgets_and_blog_post_furniture_leave_the_story(widget: str) -> None:
    parsed = parse_text_page(page(HEADLINE, LEAD, widget, SECOND, THIRD), language="en")
    assert widget in parsed.dropped
    assert [LEAD, SECOND, THIRD] == [line for line in parsed.body.splitlines() if line]


@pytest.mark.parametrize(
    "sentence",
    [
        "Follow the money, the auditor told the committee on Monday, and you find the dam.",
        "Posted on the notice board of the ministry, the order named twelve officials.",
    ],
)
def test_story_sentences_that_start_like_widgets_stay(sentence: str) -> None:
    parsed = parse_text_page(page(HEADLINE, LEAD, sentence, SECOND), language="en")
    assert sentence in parsed.body


def test_a_headline_shown_twice_at_the_top_is_the_headline() -> None:
    lao = "ລັດຖະບານ ເປີດ ເສັ້ນທາງ ໃໝ່"
    lead = ("ລັດຖະບານ ໄດ້ເປີດ ເສັ້ນທາງ ໃໝ່ " * 8).strip()
    more = ("ປະຊາຊົນ ໃນແຂວງ ພາກເໜືອ ດີໃຈ " * 8).strip()
    parsed = parse_text_page(page(lao, lao, lead, more), language="lo")
    assert lao == parsed.title
    assert lao not in parsed.body
    assert parsed.body.startswith(lead)


def test_a_long_lao_line_is_a_paragraph_not_a_headline() -> None:
    paragraph = ("ລັດຖະບານ ໄດ້ເປີດ ເສັ້ນທາງ ໃໝ່ ໃນແຂວງ ພາກເໜືອ " * 4).strip()
    parsed = parse_text_page(page(paragraph, paragraph + " ຕື່ມ"), language="lo")
    assert parsed.title != paragraph
    assert parsed.body.startswith(paragraph)


def test_a_blogs_promotion_paragraph_over_the_post_is_not_the_story() -> None:
    promo = "Please read more river news and listen to our radio at River Notes every day."
    lines = ["River Notes", promo, "Monday 19 August 2013", HEADLINE, "By Jane Roe", LEAD]
    parsed = parse_text_page(page(*lines, SECOND), language="en")
    assert HEADLINE == parsed.title
    assert promo in parsed.dropped
    assert parsed.body.startswith(LEAD)


def test_a_subheading_under_the_lead_does_not_take_the_headlines_place() -> None:
    subheading = "Villagers flee to the hills as the rivers rise again"
    parsed = parse_text_page(page("Floods hit Laos", LEAD, subheading, SECOND), language="en")
    assert "Floods hit Laos" == parsed.title
    assert parsed.body.startswith(LEAD)


def test_a_follow_us_link_in_the_furniture_is_not_the_storys_address() -> None:
    follow = "Follow River Notes on Facebook: https://www.facebook.com/rivernotes"
    source = "Source link: https://news.example.org/2021/03/floods.html"
    parsed = parse_text_page(page(HEADLINE, follow, LEAD, SECOND, source), language="en")
    assert ("https://news.example.org/2021/03/floods.html",) == parsed.source_urls
    assert follow in parsed.dropped


@pytest.mark.parametrize("heading", ["Add a comment", "Pikir qoshung", "پىكىر قوشۇڭ", "发表评论"])
def test_a_comment_form_under_the_story_is_furniture(heading: str) -> None:
    terms = "Comments are posted according to the terms of use of the radio and its site"
    lines = [HEADLINE, LEAD, SECOND, heading, terms, "Name", "Email"]
    parsed = parse_text_page(page(*lines), language="en")
    assert parsed.body.endswith(SECOND)
    assert heading in parsed.dropped and terms in parsed.dropped


def test_a_comment_mentioned_inside_the_story_does_not_end_it() -> None:
    parsed = parse_text_page(page(HEADLINE, LEAD, "Comments", SECOND, THIRD), language="en")
    assert parsed.body.endswith(THIRD)
    assert SECOND in parsed.body


@pytest.mark.parametrize(
    "question", ["Will the highway reopen before the rains?", "高速公路能在雨季前重開嗎？"]
)
def test_a_short_question_is_a_headline_and_leaves_the_story(question: str) -> None:
    parsed = parse_text_page(page(question, LEAD, SECOND), language="en")
    assert question == parsed.title
    assert question not in parsed.body


def test_a_long_question_or_two_sentences_ending_in_a_question_stay_story() -> None:
    lines = ["Officials met on Sunday. Will the highway reopen before the rains?", LEAD, SECOND]
    parsed = parse_text_page(page(*lines), language="en")
    assert lines[0] in parsed.body


@pytest.mark.parametrize(
    "url",
    [
        "http://rivernotes.example.org",
        "https://rivernotes.example.org/",
        "https://www.example.org/english/news/laos",
        "https://www.example.org/about",
    ],
)
def test_a_sites_front_or_section_page_in_the_furniture_is_not_the_storys_address(
    url: str,
) -> None:
    lines = [HEADLINE, f"Read more river news at {url}", LEAD, SECOND]
    assert () == parse_text_page(page(*lines), language="en").source_urls


@pytest.mark.parametrize(
    "url",
    [
        "https://news.example.org/2021/03/floods.html",
        "https://www.example.org/english/news/laos/highway-flood-03122021.html",
        "https://example.net/a/5042347.html",
        "https://example.net/?p=206753",
        "https://example.net/news/highway-flood",
    ],
)
def test_a_storys_own_address_in_the_furniture_is_kept(url: str) -> None:
    lines = [HEADLINE, LEAD, SECOND, f"Source link: {url}"]
    assert (url,) == parse_text_page(page(*lines), language="en").source_urls
