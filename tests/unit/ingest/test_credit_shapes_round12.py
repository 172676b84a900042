"""Round 12's credit shapes, on short pages written for the test: an institution's or a
Khmer sentence's words in a "name", a byline with "From"/"for" before its outlet, two names
before a wire's dateline, a picture credit run on after "contributed to this report", an
deck closing "Correspondent NAME reports", a station's reporter
named with the work (本台…記者NAME的…作品)."""

from __future__ import annotations

import pytest

from archive.ingest.bylines import read_credit_line
from archive.ingest.lead_credits import lead_head_credits
from archive.ingest.not_persons import khmer_no_name, names_no_person
from archive.ingest.textpage import parse_text_page

_LEAD = (
    "Farmers marched to the provincial hall on Monday to demand the return of land they say "
    "was taken for a sugar plantation without payment, officials said.\n\n"
    "Officials at the hall said they would send the complaint to the ministry and asked the "
    "farmers to go home while it is studied.\n"
)


def _people(page: str, language: str = "en") -> set[tuple[str, str]]:
    parsed = parse_text_page(page, language=language)
    entries = parsed.credits.entries if parsed.credits else ()
    return {(e.role, e.name) for e in entries if e.kind == "person"}


@pytest.mark.parametrize(
    "name",
    [
        "Asia-Pacific Region Intelligence Center",
        "Mekong Studies Institute",
        "Lowland Farmers Association",
        "Ministry of Water",
    ],
)
def test_an_institution_is_no_person(name: str) -> None:
    assert names_no_person(name)


@pytest.mark.parametrize("name", ["Mara Velden", "Centeno Ruiz", "Bankole Adeyemi"])
def test_names_near_institution_words_are_persons(name: str) -> None:
    assert not names_no_person(name)


def test_a_khmer_phrase_cut_from_a_sentence_is_no_name() -> None:
    assert khmer_no_name("ជាមួយគ្នានេះ រដ្ឋបាលខ")  # "together with this, the administr…"
    assert not khmer_no_name("ណាត សុភាព")
    assert not khmer_no_name("មាន ឫទ្ធិ")  # a family name that is also a verb


def test_a_dated_byline_with_from_outlet_credits_both_reporters() -> None:
    line = "Friday, 3 March 2017 Mara Velden and Tom Ashby, From The Phnom Penh Post"
    found = {(e.role, e.name) for e in read_credit_line(line) if e.kind == "person"}
    assert found == {("reporter", "Mara Velden"), ("reporter", "Tom Ashby")}


def test_a_byline_for_an_outlet_is_its_reporter() -> None:
    found = [(e.role, e.name, e.kind) for e in read_credit_line("Mara Velden, for Reuters")]
    assert ("reporter", "Mara Velden", "person") in found
    assert ("source", "Reuters", "service") in found


def test_two_names_and_the_agency_before_a_wire_dateline() -> None:
    lead = (
        "By Mara Velden and Tom Ashby The Associated Press PHNOM PENH, Cambodia (AP) — "
        "Farmers marched to the provincial hall on Monday."
    )
    assert [(e.role, e.name) for e in lead_head_credits(lead)] == [
        ("reporter", "Mara Velden"),
        ("reporter", "Tom Ashby"),
    ]


def test_a_picture_credit_after_the_contributed_sentence() -> None:
    line = (
        "Associated Press writers Mara Velden and Tom Ashby contributed to this report. "
        "Photo courtesy of Lin Oru/AP."
    )
    found = {(e.role, e.name) for e in read_credit_line(line) if e.kind == "person"}
    assert found == {("contributor", "Mara Velden"), ("contributor", "Tom Ashby")}


def test_a_story_sentence_after_the_contributed_sentence_is_no_credit_line() -> None:
    assert not read_credit_line("Mara Velden contributed to this report. The minister said no.")


def test_a_blog_posted_by_line_is_no_byline() -> None:
    assert not read_credit_line("Posted by Mara Velden at 3:00 PM")


def test_a_deck_closing_with_the_correspondent_who_reports() -> None:
    page = (
        "Farmers march on the provincial hall\n\n"
        "Hundreds of farmers want their land back, and the province is listening, "
        "Channel Nine Asia Correspondent Mara Velden reports\n\n" + _LEAD
    )
    assert ("reporter", "Mara Velden") in _people(page)


def test_a_station_reporter_named_with_the_work() -> None:
    page = (
        "《農民遊行》\n\n"
        "數百名農民周一遊行到省政府,要求歸還他們說被無償徵用的土地,官員表示會把投訴轉交部門。\n\n"
        "本台新聞部記者陳大文的特寫作品《農民遊行》,奪得新聞獎優異獎。\n"
    )
    assert ("reporter", "陳大文") in _people(page, language="zh-Hant")


def test_the_contact_line_glued_to_the_last_paragraph() -> None:
    page = (
        "Farmers march on the provincial hall\n\n" + _LEAD + "\nThe farmers went home at "
        "dusk. To contact the reporter on this story: Mara Velden at\n"
    )
    assert ("reporter", "Mara Velden") in _people(page)


def test_a_list_of_names_with_the_outlet_after_the_last_comma() -> None:
    line = "Mara Velden, Tom Ashby and Lin Oru, Bloomberg"
    found = {(e.role, e.name) for e in read_credit_line(line) if e.kind == "person"}
    assert found == {
        ("reporter", "Mara Velden"),
        ("reporter", "Tom Ashby"),
        ("reporter", "Lin Oru"),
    }


def test_a_list_of_places_with_an_outlet_is_no_byline() -> None:
    assert not read_credit_line("Phnom Penh, Kandal and Takeo, Reuters")


def test_a_compiled_report_names_no_reporter() -> None:
    page = (
        "農民遊行到省政府\n\n"
        "本報記者綜合報導 數百名農民周一遊行到省政府,"
        "要求歸還他們說被無償徵用的土地,官員表示會轉交。\n"
    )
    assert not _people(page, language="zh-Hant")
