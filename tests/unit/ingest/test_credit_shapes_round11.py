"""Round 11's English credit shapes: a name run on into the next field and cut back (a
dateline's place in capitals, an outlet's brand or name, the byline printed twice), a
picture's credit that names no reporter, a site's role that names no person. Pages made up."""

from __future__ import annotations

import pytest

from archive.ingest.gluedlines import split_glued
from archive.ingest.not_persons import is_photo_credit, names_no_person
from archive.ingest.pagelines import Line
from archive.ingest.runon_names import cut_run_on
from archive.ingest.textpage import parse_text_page

_LEAD = (
    "Flood waters rose across three provinces on Monday, forcing thousands of families to "
    "leave their homes for schools and temples on higher ground, officials said.\n\n"
    "The district chief said rescue boats had reached most villages by nightfall, and that "
    "rice and drinking water would be sent on Tuesday.\n"
)


def _people(text: str) -> list[tuple[str, str]]:
    page = parse_text_page(text, language="en")
    entries = page.credits.entries if page.credits else ()
    return [(e.role, e.name) for e in entries if e.kind == "person"]


@pytest.mark.parametrize(
    ("name", "cut"),
    [
        ("Mara Velden HANOI", "Mara Velden"),  # a dateline's place in capitals
        ("Mara Velden KUALA LUMPUR", "Mara Velden"),
        ("Lee Sang-Ki AsiaN", "Lee Sang-Ki"),  # an outlet's brand
        ("Mara Velden Agence France Presse", "Mara Velden"),  # an outlet the registry knows
        ("Mara Veldenby Mara Velden", "Mara Velden"),  # printed twice, glued
        ("Mara Velden Mara Velden", "Mara Velden"),  # printed twice, spaced
    ],
)
def test_a_name_run_on_into_the_next_field_is_cut(name: str, cut: str) -> None:
    assert cut == cut_run_on(name)


@pytest.mark.parametrize(
    "name",
    [
        "Sean CHANG",  # a surname in capitals after one given name is the name's own
        "SIOBHAN McDONOUGH",  # a particle's capital
        "Kathleen McLaughlin",
        "John Roe III",  # a numeral
        "Andrew R.C. Marshall",
        "Mara Velden",
    ],
)
def test_a_name_with_capitals_of_its_own_is_kept(name: str) -> None:
    assert name == cut_run_on(name)


def test_a_byline_run_on_into_the_wire_dateline_credits_the_name() -> None:
    page = f"Floods force thousands from their homes\n\nBy Mara Velden HANOI (Reuters) – {_LEAD}"
    assert [("reporter", "Mara Velden")] == _people(page)


def test_a_byline_printed_twice_and_glued_to_the_lead_is_split_off() -> None:
    byline = "by Mara Veldenby Mara Velden"
    lead = "Flood waters rose across three provinces on Monday, forcing thousands to leave."
    text = byline + lead
    parts = [line.text for line in split_glued([Line(0, len(text), text)])]
    assert [byline, lead] == parts


def test_a_byline_printed_twice_credits_one_person() -> None:
    page = f"Floods force thousands from their homes\n\nby Mara Veldenby Mara Velden{_LEAD}"
    assert ["Mara Velden"] == [name for _, name in _people(page)]


@pytest.mark.parametrize(
    "line", ["Mara Velden Stf / AP", "Mara Velden/AP Photo", "AFP Photo/Mara Velden"]
)
def test_a_pictures_credit_under_a_caption_names_no_reporter(line: str) -> None:
    page = (
        "Floods force thousands from their homes\n\n"
        "Villagers wade through flood water in the north of the country on Monday.\n"
        f"{line}\n\n"
        f"{_LEAD}"
    )
    assert is_photo_credit(line)
    assert [] == [p for p in _people(page) if p[0] != "photographer"]


@pytest.mark.parametrize(
    "line", ["By Mara Velden/BenarNews", "Reporting by Mara Velden; Editing by Tom Roe"]
)
def test_a_byline_with_a_slash_is_no_pictures_credit(line: str) -> None:
    assert not is_photo_credit(line)


@pytest.mark.parametrize("name", ["Best Blogger Tips", "Site Admin", "Richard Roe Stf"])
def test_a_sites_role_or_a_photo_desk_names_no_person(name: str) -> None:
    assert names_no_person(name)
