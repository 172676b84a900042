"""Headlines, capture dates, page furniture and nothing lost: one pattern family per test,
on pages written for these tests in the patterns of the outlets we serve."""

from __future__ import annotations

import datetime
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from archive.errors import ImportFailed
from archive.ingest.readers import derive_title, record_from_page_text, story_from_furniture
from archive.ingest.textpage import ParsedPage, parse_text_page

TITLE = "Villagers Flee as Troops Burn Homes in Sagaing Region"
LEAD = "Soldiers burned 35 houses in a village in Sagaing region on Sunday, residents said."
SECOND = "“We could only carry our children,” one resident told reporters by telephone."
THIRD = "The junta did not respond to requests for comment on the reports."
CREDIT = "Reported by RFA's Myanmar Service. Translated by Khin Maung Nyane."
_EDGES = re.compile(r"^[\s\ufeff\u200b]+|[\s\ufeff\u200b]+$")


def page(*lines: str) -> str:
    return "\n\n".join(lines) + "\n"


def assert_nothing_lost(text: str, parsed: ParsedPage) -> None:
    """Every line of the page is the title, in the story, the credit line or the furniture."""
    furniture = list(parsed.dropped)
    for line in re.split(r"\r\n|\r|\n", text):
        content = _EDGES.sub("", line)
        if not content:
            continue
        if content in furniture:
            furniture.remove(content)
            continue
        assert (
            content == parsed.title
            or content in parsed.body
            or (parsed.credit_line is not None and content in parsed.credit_line)
        ), f"line {content!r} was lost"


# --- headlines ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "chrome",
    [
        ["Accessibility links", "Skip to main content", "Breaking News"],
        ["연결 가능 링크", "속보"],
        ["ភ្ជាប់ទៅគេហទំព័រទាក់ទង", "ព័ត៌មានថ្មី"],
        ["無障礙鏈接", "突發新聞"],
        ["Radio Free Asia"],
        ["Voice of America", "Wednesday May 4, 2022"],
    ],
)
def test_template_lines_and_site_names_are_not_the_headline(chrome: list[str]) -> None:
    text = page(*chrome, TITLE, LEAD, SECOND)
    parsed = parse_text_page(text)
    assert (TITLE, f"{LEAD}\n\n{SECOND}") == (parsed.title, parsed.body)
    assert tuple(chrome) == parsed.dropped


def test_a_site_name_repeated_in_the_source_line_is_not_the_headline() -> None:
    site = "Tibet Daily Online"
    text = page(site, TITLE, f"Source: {site}    Published: 2016-06-13", LEAD, SECOND)
    parsed = parse_text_page(text)
    assert (TITLE, datetime.date(2016, 6, 13)) == (parsed.title, parsed.date)
    assert f"{LEAD}\n\n{SECOND}" == parsed.body


@pytest.mark.parametrize(
    "first_line", ["Updated at 09:30 a.m. EST on 2014-07-14", "By Yi Whan-woo", "09 Apr 2019"]
)
def test_a_page_without_headline_gets_none(first_line: str) -> None:
    text = page(first_line, LEAD, SECOND)
    parsed = parse_text_page(text)
    assert None is parsed.title
    assert LEAD in parsed.body


def test_a_ten_character_chinese_headline_is_a_headline() -> None:
    title = "港記者遭中國警毆捕事件"
    lead = "派駐中國的香港記者再度被毆，攝影師採訪維權律師活動時遭警阻撓並被暴力壓制。"
    more = "香港記者協會發表聲明抗議，要求當局停止打壓媒體。"
    text = page(title, lead, more)
    parsed = parse_text_page(text)
    assert (title, f"{lead}\n\n{more}") == (parsed.title, parsed.body)


def test_a_single_paragraph_japanese_page_is_its_story() -> None:
    text = "政府は十九日、新しい規則を発表し、漁業関係者に対して説明会を開くと述べた。\n"
    record = record_from_page_text(text, source="ja.txt", encoding="utf-8")
    assert text.strip() == record.versions[0].text
    assert record.title_derived
    assert record.title == text.strip()


def test_a_page_with_no_story_at_all_is_refused() -> None:
    with pytest.raises(ImportFailed, match="no story text"):
        record_from_page_text("Share\n\nPrint\n", source="empty.txt", encoding="utf-8")


def test_a_page_whose_reader_moved_every_line_keeps_its_prose_as_the_story() -> None:
    # the only paragraph opens with a copyright notice, so the reader moves it to furniture
    prose = (
        "© 2021 AFP. All rights reserved. The river rose two metres overnight and forced"
        " hundreds of families from their homes."
    )
    record = record_from_page_text(f"Home\n\n{prose}\n", source="p.txt", encoding="utf-8")
    version = record.versions[0]
    assert (prose, "Home") == (version.text, version.furniture)
    assert record.title_derived


@pytest.mark.parametrize(
    ("line", "prose"),
    [
        ("The river rose two metres overnight and forced families from their homes.", True),
        ("“The river rose two metres overnight and forced families from their homes.”", True),
        ("河水一夜之间上涨两米，数百户家庭被迫离开家园，官员周一表示。", True),
        ("The river rose two metres overnight and forced families from their homes", False),
        ("The river rose two metres overnight. Families left their homes, he said. 2021 AFP", True),
        ("Home | News | Sport | World | Business | Technology | Science | Health | Video", False),
        ("河水上涨两米。", False),
        ("Share this story on Facebook, Twitter, WhatsApp, Telegram and Line | Print", False),
    ],
)
def test_only_finished_prose_lines_become_the_story_of_an_emptied_page(
    line: str, prose: bool
) -> None:
    body, furniture = story_from_furniture(("Share", line))
    assert (body == line, furniture == ("Share",)) == (prose, prose)


def test_a_derived_title_is_the_lead_s_first_sentence_and_the_lead_stays() -> None:
    record = record_from_page_text(page(LEAD, SECOND), source="p.txt", encoding="utf-8")
    assert (LEAD, True) == (record.title, record.title_derived)
    assert record.versions[0].text.startswith(LEAD)


@pytest.mark.parametrize(
    ("lead", "title"),
    [
        (
            "N. Korea fires a missile over the sea. Its neighbours protest.",
            "N. Korea fires a missile over the sea.",
        ),
        (
            "The U.S. envoy arrived on Monday. Talks begin today.",
            "The U.S. envoy arrived on Monday.",
        ),
        ("水位上涨。村民撤离。", "水位上涨。"),
        ("ရေကြီးသည်။ ရွာသားများ ရွှေ့ပြောင်းသည်။", "ရေကြီးသည်။"),
    ],
)
def test_a_derived_title_ends_at_a_sentence_end_not_at_an_initial(lead: str, title: str) -> None:
    assert title == derive_title(lead)


def test_a_long_lead_gives_a_cut_title() -> None:
    lead = "word " * 60
    assert derive_title(lead).endswith("…")
    assert len(derive_title(lead)) <= 101


# --- capture date and publication date ----------------------------------------------------


def test_the_clock_above_the_breadcrumb_is_the_capture_date() -> None:
    text = page("Friday, April 19, 2024", f"HomeAsia{TITLE}", TITLE, LEAD, SECOND)
    parsed = parse_text_page(text)
    assert (None, datetime.date(2024, 4, 19)) == (parsed.date, parsed.captured)


def test_a_today_line_is_a_capture_date_and_the_story_date_is_kept() -> None:
    text = page("Today is Friday, April 19, 2024", TITLE, "2021.07.07", LEAD, SECOND)
    parsed = parse_text_page(text)
    assert (datetime.date(2021, 7, 7), datetime.date(2024, 4, 19)) == (
        parsed.date,
        parsed.captured,
    )


@pytest.mark.parametrize(
    ("byline", "date"),
    [
        ("Muxbirimiz Qutlan", "2016.08.06"),
        ("ခင်မောင်စိုး(ဝါရှင်တန်ဒီစီ)", "၂၀၂၁.၀၇.၀၇"),
        ("ຈຳປາທອງ", "2017.08.22"),
    ],
)
def test_byline_and_date_under_the_lead_leave_the_story(byline: str, date: str) -> None:
    text = page(TITLE, LEAD, byline, date, SECOND, THIRD)
    parsed = parse_text_page(text)
    assert (byline, date) == parsed.dropped
    assert f"{LEAD}\n\n{SECOND}\n\n{THIRD}" == parsed.body
    assert parsed.date is not None


def test_a_date_in_the_footer_is_not_the_story_date() -> None:
    text = page(TITLE, LEAD, SECOND, THIRD, "2024-04-19")
    assert None is parse_text_page(text).date


# --- furniture ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "furniture",
    [
        "vietnam-bloggers-arrested-305.jpg Police detain a blogger in Hanoi, May 2014.",
        "ENG_KHM_Arrests_02012024.2.JPG",
        "Photo: RFA",
        "(Photo courtesy of a local resident)",
        "0:00 / 0:00",
        "0:00 0:04:17 0:00",
        "please wait",
        "No media source currently available",
        "Email story",
        "Comment on this story",
        "Link copied successfully",
        "(Zawgyi)⤵⤵⤵",
        "Unicode | Zawgyi",
        "XS",
    ],
)
def test_furniture_in_the_middle_of_the_story_is_kept_apart(furniture: str) -> None:
    text = page(TITLE, LEAD, furniture, SECOND, THIRD, CREDIT)
    parsed = parse_text_page(text)
    assert f"{LEAD}\n\n{SECOND}\n\n{THIRD}" == parsed.body
    assert (furniture,) == parsed.dropped
    assert CREDIT == parsed.credit_line


def test_a_caption_shown_twice_is_furniture_but_a_paragraph_shown_four_times_is_story() -> None:
    caption = "A resident stands beside the ruins of her house in Sagaing region."
    text = page(TITLE, LEAD, caption, caption, SECOND, SECOND, SECOND, SECOND, THIRD)
    parsed = parse_text_page(text)
    assert (caption, caption) == parsed.dropped
    assert 4 == parsed.body.count(SECOND)


def test_story_paragraphs_after_a_mid_story_credit_line_are_kept() -> None:
    text = page(TITLE, LEAD, CREDIT, SECOND, THIRD, "Share")
    parsed = parse_text_page(text)
    assert CREDIT == parsed.credit_line
    assert f"{LEAD}\n\n{SECOND}\n\n{THIRD}" == parsed.body
    assert ("Share",) == parsed.dropped


def test_the_story_keeps_its_own_line_ends_exactly() -> None:
    text = f"{TITLE}\r\n{LEAD}\r\n\r\nPhoto: RFA\r\n\r\n{SECOND}\r\n{THIRD}\r\n"
    parsed = parse_text_page(text)
    assert f"{LEAD}\r\n\r\n{SECOND}\r\n{THIRD}" == parsed.body


def test_a_page_written_on_one_line_imports() -> None:
    text = f"{LEAD} {SECOND} {THIRD}"
    record = record_from_page_text(text, source="one.txt", encoding="utf-8")
    assert text == record.versions[0].text


def test_the_record_carries_furniture_capture_date_and_derived_title() -> None:
    text = page("Friday, April 19, 2024", "HomeAsia", LEAD, "Photo: RFA", SECOND)
    record = record_from_page_text(text, source="p.txt", encoding="utf-8")
    assert (datetime.date(2024, 4, 19), None, True) == (
        record.captured,
        record.date,
        record.title_derived,
    )
    assert "Friday, April 19, 2024\nHomeAsia\nPhoto: RFA" == record.versions[0].furniture
    assert f"{LEAD}\n\n{SECOND}" == record.versions[0].text


# --- nothing lost -------------------------------------------------------------------------

_PIECES = st.sampled_from(
    [
        TITLE, LEAD, SECOND, THIRD, CREDIT, "Photo: RFA", "0:00 / 0:00", "Share",
        "Friday, April 19, 2024", "HomeAsia", "2021.07.07", "港記者遭中國警毆捕事件",
        "Accessibility links", "Muxbirimiz Qutlan", "img_0001.jpg A caption.", "Radio Free Asia",
        "政府は十九日、新しい規則を発表した。", "By Yi Whan-woo", "Source link",
        "- Advertisement -",
    ]
)  # fmt: skip
_BREAKS = st.sampled_from(["\n", "\n\n", "\r\n", "\r", " \n  "])


@settings(deadline=None, max_examples=200)
@given(st.lists(st.tuples(_PIECES, _BREAKS), max_size=14))
def test_every_line_of_a_page_is_story_title_credit_or_furniture(
    pieces: list[tuple[str, str]],
) -> None:
    text = "".join(piece + end for piece, end in pieces)
    parsed = parse_text_page(text)
    assert_nothing_lost(text, parsed)
    assert parsed.body == parsed.body.strip()
