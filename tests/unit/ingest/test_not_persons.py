"""Names no person can have: a degree split off a list of names, a Burmese sentence's phrase."""

from __future__ import annotations

import pytest

from archive.ingest.not_persons import burmese_no_name, names_no_person
from archive.ingest.textpage import parse_text_page


@pytest.mark.parametrize("name", ["Ph.D", "Ph.D.", "PhD", "M.D.", "MBA"])
def test_a_degree_alone_names_no_person(name: str) -> None:
    assert names_no_person(name)


@pytest.mark.parametrize("name", ["Mara Velden", "Ma Thida", "Phan Dao", "Esquivel Ruiz"])
def test_names_that_open_like_a_degree_are_persons(name: str) -> None:
    assert not names_no_person(name)


def test_a_labelled_editor_with_a_degree_is_one_person() -> None:
    page = (
        "Director / Editor: Mara Velden, Ph.D.\n\n"
        "Farmers march on provincial hall over lost land\n\n"
        "Hundreds of farmers marched to the provincial hall on Monday to demand the return of "
        "land they say was taken for a sugar plantation without payment.\n\n"
        "Officials at the hall said they would send the complaint to the ministry, and asked "
        "the farmers to go home while it is studied.\n"
    )
    parsed = parse_text_page(page, language="en")
    names = [e.name for e in parsed.credits.entries] if parsed.credits else []
    assert "Mara Velden" in names
    assert not any("Ph.D" in name for name in names)


@pytest.mark.parametrize(
    "phrase",
    [
        "ထိုဒေသတွေဟာ KIA တွေလည်း ရှိနေ",  # "those areas, the KIA also …": particles and an acronym
        "ရွာသားများ ထွက်ပြေး",  # "villagers fled": a plural particle
        "စစ်ကြောင်း PDF",  # an acronym among its words
    ],
)
def test_a_burmese_phrase_is_no_name(phrase: str) -> None:
    assert burmese_no_name(phrase)
    assert names_no_person(phrase)


@pytest.mark.parametrize("name", ["ဦး ကျော်ဇော", "ဒေါ်ခင်မာ", "ကိုမင်းထက်", "မ သီတာ", "ခက်ဆစ်"])
def test_burmese_names_with_their_honorifics_are_names(name: str) -> None:
    assert not burmese_no_name(name)
    assert not names_no_person(name)


def test_a_burmese_page_cut_inside_its_last_sentence_credits_nobody() -> None:
    page = (
        "ရွှေကူမြို့နယ်ထဲသို့ စစ်ကြောင်း ဝင်ရောက်\n\n"
        "ရွှေကူမြို့နယ် အရှေ့ဘက်ရှိ ရွာတစ်ရွာသို့ စစ်ကြောင်းတစ်ကြောင်း ဝင်ရောက်လာသဖြင့် "
        "ရွာသားများ ထွက်ပြေးနေရကြောင်း ဒေသခံများက ပြောသည်။\n\n"
        "စစ်ကြောင်းသည် မြို့မှ ထွက်ခွာလာခြင်းဖြစ်ပြီး ရွာအနီးတွင် စခန်းချထားကြောင်း သိရသည်။\n\n"
        "ထိုဒေသတွေဟာ KIA တွေလည်း ရှိနေ\n"
    )
    parsed = parse_text_page(page, language="my")
    persons = [e for e in parsed.credits.entries if e.kind == "person"] if parsed.credits else []
    assert persons == []
