"""The story's date in the headline–byline–date slot, wherever the header rules stopped:
under a headline, beside a byline, a page's one dated slot, a date glued to a credit, a
dateline after a quoted headline. Made-up lines in the shapes pages take (never copies of
them), each with the neighbour that must not give a date."""

from __future__ import annotations

import datetime

from archive.ingest.dates import dateline_date
from archive.ingest.pagelines import Line, page_lines
from archive.ingest.slotdates import (
    bracketed_date,
    byline_side_dates,
    header_lone_date,
    headline_slot_dates,
    lone_slot_date,
)
from archive.ingest.textpage import parse_text_page
from tests.unit.ingest.pages import page

D = datetime.date

HEADLINE = "Regional Government Demands Apology from Local Newspaper"
LEAD = (
    "The regional government has demanded that a local newspaper apologise for a report "
    "on the city's budget, officials said on Monday after a meeting in the capital."
)
SECOND = "The newspaper's editor said the report was accurate and that he would not apologise."
MENU = ["• Home", "• News", "• Opinion", "• Business", "• Sport", "• Culture"]


def _lines(*texts: str) -> list[Line]:
    return list(page_lines(page(*texts)))


# --- under a headline -------------------------------------------------------------------------


def test_the_date_under_a_headline_behind_a_byline_and_over_a_section_tag() -> None:
    lines = _lines(HEADLINE, "Jane Doe by Jane Doe", "October 22, 2018", "in Region", LEAD)

    assert [D(2018, 10, 22)] == [c.date for c in headline_slot_dates(lines, 0, "en")]


def test_a_date_under_the_lead_is_not_in_the_headline_slot() -> None:
    lines = _lines(HEADLINE, LEAD, "October 22, 2018", SECOND)

    assert headline_slot_dates(lines, 0, "en") == []


def test_a_date_then_time_then_a_name_is_a_dated_byline() -> None:
    lines = _lines(HEADLINE, "Wednesday, 22 June 2011 20:31 Jane Doe", LEAD)

    assert [D(2011, 6, 22)] == [c.date for c in headline_slot_dates(lines, 0, "en")]


def test_a_sentence_after_a_date_and_time_is_no_byline() -> None:
    lines = _lines(HEADLINE, "Wednesday, 22 June 2011 20:31 the police closed roads.", LEAD)

    assert headline_slot_dates(lines, 0, "en") == []


# --- beside a byline --------------------------------------------------------------------------


def test_the_date_two_lines_under_a_byline_with_a_title_between() -> None:
    lines = _lines(
        HEADLINE, "By JANE DOE", "Associated Writer", "Monday, January 27, 1997 6:41 pm EST", LEAD
    )

    assert [D(1997, 1, 27)] == [c.date for c in byline_side_dates(lines, [1], "en")]


def test_a_date_under_a_paragraph_under_the_byline_is_not_the_byline_date() -> None:
    lines = _lines(HEADLINE, "By JANE DOE", LEAD, "Monday, January 27, 1997", SECOND)

    assert byline_side_dates(lines, [1], "en") == []


def test_a_byline_holding_its_own_date_behind_a_bar() -> None:
    lines = _lines(HEADLINE, "Jane Doe | 5 April 2021", LEAD)

    assert [D(2021, 4, 5)] == [c.date for c in headline_slot_dates(lines, 0, "en")]


# --- the page's one dated slot ----------------------------------------------------------------


def test_the_one_headline_byline_date_slot_under_a_long_menu() -> None:
    lines = _lines(
        *MENU, "Home News Region", HEADLINE, "Jane Doe by Jane Doe", "October 22, 2018", LEAD
    )

    assert lone_slot_date(lines, "en") == D(2018, 10, 22)


def test_a_date_over_the_headline_and_byline_is_a_slot_too() -> None:
    lines = _lines(*MENU, "Friday, August 8, 2014", HEADLINE, "By Jane Doe", LEAD, SECOND)

    assert lone_slot_date(lines, "en") == D(2014, 8, 8)


def test_a_related_list_of_dated_headlines_gives_no_date() -> None:
    items = [
        ("Floods Close the Northern Highway for a Week", "March 3, 2020"),
        ("Teachers Strike over Pay in the Capital City", "March 9, 2020"),
    ]
    teaser = (
        "The story in brief, as the list shows it, runs to a sentence or two under the "
        "headline and its date, long enough to read as a paragraph."
    )
    lines = _lines(*(text for item in items for text in (*item, teaser)))

    assert lone_slot_date(lines, "en") is None


def test_the_clock_date_is_never_the_slot_date() -> None:
    lines = _lines("Saturday, June 15, 2024", LEAD, SECOND)

    assert lone_slot_date(lines, "en", captured=D(2024, 6, 15)) is None
    assert lone_slot_date(lines, "en") == D(2024, 6, 15)


def test_a_burmese_date_glued_to_its_writer_and_outlet_over_the_lead() -> None:
    lead = "မြို့နယ်အထိ တိုက်ပွဲတွေ ဖြစ်နေပြီး မြို့ရဲ့ မြောက်ဘက်ခြမ်းအထိ လက်နက်ကြီးသံတွေ ကြားနေရတယ်လို့ ဒေသခံတွေက ပြောပါတယ်။"
    lines = _lines("ဇူလိုင်-၂၃၊၂၀၂၅။ရှိန်း/Example Spring", lead, lead)

    assert lone_slot_date(lines, "my") == D(2025, 7, 23)


def test_a_khmer_date_under_the_headline_in_the_one_slot() -> None:
    headline = "រដ្ឋាភិបាល​ទាមទារ​ឲ្យ​កាសែត​មួយ​សុំទោស​ចំពោះ​របាយការណ៍​ថវិកា"
    lead = (
        "រដ្ឋាភិបាល​បាន​ទាមទារ​ឲ្យ​កាសែត​មួយ​សុំទោស​ចំពោះ​របាយការណ៍​ស្ដីពី​ថវិកា​ក្រុង "
        "នេះ​បើ​តាម​មន្ត្រី​ដែល​បាន​និយាយ​នៅ​ថ្ងៃ​ចន្ទ​បន្ទាប់​ពី​កិច្ច​ប្រជុំ។"
    )
    lines = _lines(*MENU, headline, "២៩ កញ្ញា ២០១៧", lead)

    assert lone_slot_date(lines, "km") == D(2017, 9, 29)


# --- a dateline after a quoted headline -------------------------------------------------------


def test_a_place_dateline_with_its_outlet_in_brackets() -> None:
    text = "YANGON - 4 June 2021 (Example) Protesters marched through the city on Friday."

    assert dateline_date(text, language="en") == D(2021, 6, 4)


def test_a_bracketed_word_after_a_date_inside_a_sentence_is_no_dateline() -> None:
    text = "Police said on 4 June 2021 (Friday) that protesters had marched through the city."

    assert dateline_date(text, language="en") is None


def test_a_quoted_headline_glued_to_its_lead_dateline_on_one_line() -> None:
    text = (
        f"“{HEADLINE}” YANGON - 4 June 2021 (Example) The regional government has demanded "
        "an apology from a local newspaper. The newspaper's editor said the report was "
        "accurate and that he would not apologise, as officials met in the capital."
    )

    assert parse_text_page(page(text), language="en").date == D(2021, 6, 4)


# --- a date tag in square brackets ------------------------------------------------------------


def test_an_outlet_glued_to_its_bracketed_date_tag() -> None:
    lines = _lines(HEADLINE, "EXAMPLE[Thursday, July 31, 2008 09:31]", "Jane Doe", LEAD)

    assert [D(2008, 7, 31)] == [c.date for c in bracketed_date(lines, "en")]


def test_a_burmese_note_naming_the_bracketed_date_a_story_was_printed() -> None:
    note = "‘ ဥပမာ ’ သတင်းဂျာနယ်က [ ၂၀၁၄၊ မေ ၁၄ ] တွင် ဖော်ပြထားသည်ကို ကောက်နုတ် တင်ပြပါသည်။"
    lines = _lines("ဥပမာ – ဖက်ဒရယ်", note, LEAD)

    assert [D(2014, 5, 14)] == [c.date for c in bracketed_date(lines, "my")]


def test_bracketed_dates_of_a_list_give_none() -> None:
    lines = _lines(
        "[2019-03-02] Floods close the northern highway",
        "[2019-03-09] Teachers strike over pay",
        LEAD,
    )

    assert bracketed_date(lines, "en") == []


def test_the_tag_beats_a_date_under_a_headline_the_rules_took_from_the_site_header() -> None:
    page_text = page(
        "Welcome to Example.com - Our News Your Views",
        "Tuesday, January 28, 2020",
        "Latest News",
        "Dispatches from the Border Region",
        "EXAMPLE[Thursday, July 31, 2008 09:31]",
        "Jane Doe",
        LEAD,
        SECOND,
    )

    assert parse_text_page(page_text, language="en").date == D(2008, 7, 31)


# --- the one date of the page's header --------------------------------------------------------


def test_a_digest_issue_line_is_the_one_date_of_the_header() -> None:
    lines = _lines("logo", "2 April 2008 News Digest", "By Jane Doe", HEADLINE, "24 March", LEAD)

    assert header_lone_date(lines, "en", before=5) == D(2008, 4, 2)


def test_a_stamp_under_the_story_is_not_in_its_header() -> None:
    lines = _lines(HEADLINE, LEAD, SECOND, "<Copyright (c) Example News> 2020/03/04 09:15")

    assert header_lone_date(lines, "en", before=1) is None


def test_two_dates_in_the_header_give_none() -> None:
    lines = _lines("2 April 2008 News Digest", "Updated 5 April 2008 issue", HEADLINE, LEAD)

    assert header_lone_date(lines, "en", before=3) is None


def test_an_epigraph_attribution_is_not_the_header_date() -> None:
    lines = _lines("“We were told the truth.”", "— Jane Doe, Springfield, April 15, 2019", LEAD)

    assert header_lone_date(lines, "en", before=2) is None


def test_the_clock_date_is_never_the_header_date() -> None:
    lines = _lines("Daily Example — Saturday, June 15, 2024", HEADLINE, LEAD)

    assert header_lone_date(lines, "en", before=2, captured=D(2024, 6, 15)) is None
    assert header_lone_date(lines, "en", before=2) == D(2024, 6, 15)
