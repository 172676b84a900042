"""The credit acceptor: its closed word classes, its loose candidates, its features, its
shipped weights and its use on a page (made-up lines of each shape, in each language)."""

from __future__ import annotations

import json
from importlib import resources

import pytest

from archive.ingest.credit_candidates import CreditCandidate, loose_candidates
from archive.ingest.credit_model import (
    CreditModel,
    CreditPage,
    accept_credits,
    candidate_rows,
    credit_candidates,
    credit_features,
    load_credit_model,
)
from archive.ingest.credit_words import (
    has_outlet_word,
    is_generic_credit,
    label_role,
    strip_titles,
)
from archive.ingest.credits import CreditEntry
from archive.ingest.logistic import Logistic
from archive.ingest.textpage import parse_text_page
from tests.unit.ingest.pages import FARM_HEADLINE, FARM_LEAD, FARM_SECOND

HEADLINE, LEAD, SECOND = FARM_HEADLINE, FARM_LEAD, FARM_SECOND


# --- the closed classes ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "role"),
    [
        ("By Jane Roe", "reporter"),
        ("Translated by Jane Roe", "translator"),
        ("翻译：王明", "translator"),
        ("編譯／王明", "translator"),
        ("번역 김철수", "translator"),
        ("Người dịch: Lê Văn", "translator"),
        ("ဘာသာပြန် - ကိုအောင်", "translator"),
        ("បកប្រែ៖ សុខ ចាន់", "translator"),
        ("ແປ: ສົມສັກ", "translator"),
        ("ཡིག་སྒྱུར། བསྟན་འཛིན", "translator"),
        ("تەرجىمە قىلغۇچى: ئايگۈل", "translator"),
        ("Terjime qilghuchi: Aygül", "translator"),
        ("Тәрҗимә қилғучи: Айгүл", "translator"),
        ("记者 王明 李华", "reporter"),
        ("Editor: Jane Roe", "editor"),
        ("Photo: Jane Roe", "photographer"),
    ],
)
def test_a_role_label_opening_a_line_says_its_role(line: str, role: str) -> None:
    found = label_role(line)

    assert found is not None and role == found[0]


def test_a_label_in_a_spaced_script_must_be_a_whole_word() -> None:
    assert label_role("Bylaws of the council") is None
    assert label_role("Photoshop tips") is None
    assert label_role("文化部长表示") is None  # "文" (text by) only before a separator
    assert ("editor", len("biên tập viên")) == label_role("Lê Văn, biên tập viên", at="end")


@pytest.mark.parametrize(
    ("name", "clean"),
    [
        ("Dr. Jane Roe", "Jane Roe"),
        ("Prof Jane Roe", "Jane Roe"),
        ("បណ្ឌិត យង់ ពៅ", "យង់ ពៅ"),
        ("ດຣ. ສົມສັກ", "ສົມສັກ"),
        ("ဒေါက်တာ အောင်မြင့်", "အောင်မြင့်"),
        ("Tiến sĩ Lê Văn", "Lê Văn"),
        ("王明博士", "王明"),
        ("김철수 박사", "김철수"),
        ("Drake Bell", "Drake Bell"),  # a name opening with a title's letters keeps them
        ("Dr.", "Dr."),  # nothing would be left
    ],
)
def test_titles_come_off_a_name(name: str, clean: str) -> None:
    assert clean == strip_titles(name)


@pytest.mark.parametrize(
    "name",
    [
        "本刊记者",
        "本台记者",
        "記者",
        "our reporter",
        "Staff",
        "UPI Staff",
        "时间",
        "來源",
        "Muxbirimiz",
        "مۇخبىرىمىز",
        "Мухбиримиз",
        "phóng viên",
        "Editing",
    ],
)
def test_generic_credits_and_page_labels_are_nobody(name: str) -> None:
    assert is_generic_credit(name)


@pytest.mark.parametrize("name", ["Jane Roe", "王明", "ئايگۈل", "យង់ ពៅ", "Lê Văn"])
def test_a_name_is_no_generic_credit_nor_an_outlet(name: str) -> None:
    assert not is_generic_credit(name)
    assert not has_outlet_word(name)


@pytest.mark.parametrize(
    "name", ["ئۇيغۇر ئاگېنتلىقى", "新华通讯社", "Mekong Daily", "연합뉴스", "Đài Phát Thanh"]
)
def test_a_name_holding_an_outlets_word_is_an_outlet(name: str) -> None:
    assert has_outlet_word(name)


# --- loose candidates -----------------------------------------------------------------


def loose(lines: list[str], *, title: int | None, first: int) -> list[tuple[str, str, str]]:
    return [
        (c.entry.role, c.entry.name, c.reader)
        for c in loose_candidates(lines, title=title, first=first, last=len(lines) - 1)
    ]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("تەرجىمە قىلغۇچى: ئايگۈل", [("translator", "ئايگۈل", "loose_label")]),
        ("Lê Văn, biên tập viên RFA", [("editor", "Lê Văn", "loose_after")]),
        ("Theo Lê Văn", [("reporter", "Lê Văn", "loose_label")]),
        ("Jane Roe", [("reporter", "Jane Roe", "loose_alone")]),
        (
            "Jane Roe and John Doe",
            [("reporter", "Jane Roe", "loose_alone"), ("reporter", "John Doe", "loose_alone")],
        ),
        ("សុខ ចាន់", [("reporter", "សុខ ចាន់", "loose_alone")]),
        ("Jane Roe | 12.3.2019", [("reporter", "Jane Roe", "loose_segment")]),
        ("Author Name: Jane Roe", [("writer", "Jane Roe", "loose_label")]),
    ],
)
def test_loose_readers_propose_names_under_the_headline(
    line: str, expected: list[tuple[str, str, str]]
) -> None:
    assert expected == loose([HEADLINE, line, LEAD, SECOND], title=0, first=2)


def test_a_bracketed_label_and_names_opening_the_lead_are_proposed() -> None:
    lead = "本报讯(记者 王明 李华) 7月14日,代表团访问了边境口岸,了解当地的贸易情况。"

    found = loose([HEADLINE, lead, SECOND], title=0, first=1)

    assert [("reporter", "王明", "loose_bracket"), ("reporter", "李华", "loose_bracket")] == found


def test_a_closing_contributed_line_is_proposed() -> None:
    found = loose(
        [HEADLINE, LEAD, SECOND, "Jane Roe contributed to this report."], title=0, first=1
    )

    assert [("contributor", "Jane Roe", "loose_after")] == found


@pytest.mark.parametrize(
    "line",
    [
        "本刊记者",  # our reporter
        "By Staff",
        "Reuters",  # an outlet the registry knows
        "ئۇيغۇر ئاگېنتلىقى",  # an outlet's word
        "farmers march on",  # not capitalised: running text
        "Read more: Land disputes",
    ],
)
def test_loose_readers_propose_no_generic_credit_outlet_or_phrase(line: str) -> None:
    assert [] == loose([HEADLINE, line, LEAD, SECOND], title=0, first=2)


def test_loose_readers_read_only_the_slots() -> None:
    middle = [LEAD, *[SECOND] * 6, "Jane Roe", *[SECOND] * 6]

    assert [] == loose([HEADLINE, *middle], title=0, first=1)


# --- features -------------------------------------------------------------------------


def features(lines: list[str], entry: CreditEntry, reader: str, line: int) -> dict[str, float]:
    page = CreditPage(lines, 0, 2, len(lines) - 1)
    return credit_features(CreditCandidate(entry, reader, line), page, 1)


def test_a_name_that_is_the_headlines_words_reads_so() -> None:
    lines = [HEADLINE, "Provincial Hall", LEAD, SECOND]
    entry = CreditEntry("reporter", "Provincial Hall", "person", None, "Provincial Hall")
    byline = CreditEntry("reporter", "Jane Roe", "person", None, "Jane Roe")

    hall, jane = features(lines, entry, "slot", 1), features(lines, byline, "slot", 1)

    assert (1.0, 0.0) == (hall["in_headline"], jane["in_headline"])
    assert (1.0, 0.0) == (hall["words_in_story"], jane["words_in_story"])


def test_a_name_run_into_the_next_word_does_not_end_on_a_word_boundary() -> None:
    raw = "លោក សុខ ចាន់ ដែលជាសកម្មជន"
    cut = CreditEntry("reporter", "សុខ ចាន់ ដែ", "person", None, raw)
    whole = CreditEntry("reporter", "សុខ ចាន់", "person", None, raw)
    lines = [HEADLINE, raw, LEAD, SECOND]

    assert 0.0 == features(lines, cut, "bottom", 1)["word_boundary"]
    assert 1.0 == features(lines, whole, "bottom", 1)["word_boundary"]


def test_a_label_beside_the_name_is_read_from_its_line() -> None:
    raw = "本报讯(记者 王明) 7月14日"
    labelled = CreditEntry("reporter", "王明", "person", None, raw)
    alone = CreditEntry("reporter", "王明", "person", None, "王明")

    lines = [HEADLINE, raw, LEAD, SECOND]
    assert 1.0 == features(lines, labelled, "loose_bracket", 1)["label_beside"]
    assert 0.0 == features(lines, alone, "loose_alone", 1)["label_beside"]


# --- acceptance -----------------------------------------------------------------------


def fixed_model(names: tuple[str, ...], *, bias: float) -> CreditModel:
    """A model whose every probability is the logistic of ``bias``."""
    zeros = tuple(0.0 for _ in names)
    columns = Logistic(names, zeros, tuple(1.0 for _ in names), zeros, bias)
    return CreditModel(columns, 0.5, columns, 0.5)


def test_generic_credits_and_outlets_are_never_person_candidates_and_titles_come_off() -> None:
    lines = [HEADLINE, LEAD, SECOND]
    entries = [
        CreditEntry("writer", "本刊记者", "person", None, "作者：本刊记者"),
        CreditEntry("reporter", "ئۇيغۇر ئاگېنتلىقى", "person", None, "ئۇيغۇر ئاگېنتلىقى"),
        CreditEntry("writer", "បណ្ឌិត យង់ ពៅ", "person", None, "ដោយ៖ បណ្ឌិត យង់ ពៅ"),
    ]

    found = credit_candidates(entries, ["top", "slot", "top"], CreditPage(lines, 0, 1, 2))

    assert [("writer", "យង់ ពៅ")] == [(c.entry.role, c.entry.name) for c in found]


def test_the_model_decides_person_credits_and_services_pass() -> None:
    lines = [HEADLINE, "Jane Roe", LEAD, SECOND]
    page = CreditPage(lines, 0, 2, 3)
    person = CreditEntry("reporter", "John Doe", "person", None, "By John Doe")
    service = CreditEntry("source", "Reuters", "service", "reuters", "(Reuters)")
    names = tuple(candidate_rows(credit_candidates([person], ["top"], page), page)[0])
    believing, doubting = fixed_model(names, bias=5), fixed_model(names, bias=-5)

    jane = CreditEntry("reporter", "Jane Roe", "person", None, "Jane Roe")
    assert [service, jane] == accept_credits([service], ["prose"], page, believing)
    assert [person, service] == accept_credits([person, service], ["top", "prose"], page, believing)
    assert [service] == accept_credits([person, service], ["top", "prose"], page, doubting)


def test_a_byline_the_rules_read_leaves_no_room_for_loose_names() -> None:
    lines = [HEADLINE, "By AFP", LEAD, "Jane Roe", SECOND]
    outlet = CreditEntry("reporter", "AFP", "service", "afp", "By AFP")

    found = credit_candidates([outlet], ["top"], CreditPage(lines, 0, 2, 4))

    assert [] == found


def test_the_shipped_weights_name_the_features_credit_features_gives() -> None:
    data = resources.files("archive.ingest").joinpath("data", "credit_model.json")
    shipped = json.loads(data.read_text("utf-8"))
    lines = [HEADLINE, "By Jane Roe", LEAD, SECOND]
    entry = CreditEntry("reporter", "Jane Roe", "person", None, "By Jane Roe")

    names = list(features(lines, entry, "top", 1))

    assert names == shipped["rules"]["features"] == shipped["loose"]["features"]
    assert tuple(names) == load_credit_model().rules.names


def test_a_page_crediting_our_reporter_credits_no_person() -> None:
    lead = "数百名农民周一来到省政府,要求归还被征用的土地。" * 3
    page = f"农民到省政府请愿要求归还土地\n作者：本刊记者\n{lead}\n"

    parsed = parse_text_page(page, language="zh-Hans")

    persons = [e for e in (parsed.credits.entries if parsed.credits else ()) if e.kind == "person"]
    assert [] == persons


def test_a_bylines_title_comes_off_the_name_on_a_page() -> None:
    page = f"{HEADLINE}\nBy Prof. Jane Roe\n{LEAD}\n{SECOND}\n"

    parsed = parse_text_page(page, language="en")

    assert parsed.credits is not None
    assert ["Jane Roe"] == [e.name for e in parsed.credits.entries if e.kind == "person"]


# --- round 9: a byline's title and e-mail, the byline's neighbours ------------------------


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("By Jane Roe Daily Star Staff", "Jane Roe"),  # an outlet then a title
        ("Written by Jane Roe Staff Writer", "Jane Roe"),
        ("By Aung Kyaw Min Staff Reporter", "Aung Kyaw Min"),  # the name's third word stays
        ("BY JANE ROE [jane.roe@example.com]", "JANE ROE"),
        ("By Jane Roe [email protected]", "Jane Roe"),  # a saved page's hidden address
    ],
)
def test_a_byline_loses_its_writers_title_and_e_mail(line: str, name: str) -> None:
    found = loose([HEADLINE, line, LEAD, SECOND], title=0, first=2)

    assert [name] == [found_name for _role, found_name, _reader in found]


@pytest.mark.parametrize("line", ["By The Associated Press", "By Asia Times Staff"])
def test_an_outlets_staff_is_no_name_with_a_title(line: str) -> None:
    assert [] == loose([HEADLINE, line, LEAD, SECOND], title=0, first=2)


def test_a_name_under_the_headline_over_its_date_reads_so() -> None:
    lines = [HEADLINE, "Somchai", "2016.03.31", LEAD, SECOND]
    alone = CreditEntry("reporter", "Somchai", "person", None, "Somchai")
    page = CreditPage(lines, 0, 3, len(lines) - 1)
    lower = CreditPage([HEADLINE, LEAD, SECOND, "Somchai", SECOND], 0, 1, 4)

    byline = credit_features(CreditCandidate(alone, "loose_alone", 1), page, 1)
    in_story = credit_features(CreditCandidate(alone, "loose_alone", 3), lower, 1)

    assert (1.0, 1.0) == (byline["under_headline"], byline["beside_date"])
    assert (0.0, 0.0) == (in_story["under_headline"], in_story["beside_date"])


def test_a_label_heading_a_list_is_every_listed_names() -> None:
    raw = "(Web editor: Jane Roe, Somchai)"
    lines = [HEADLINE, LEAD, SECOND, raw]
    second = CreditEntry("editor", "Somchai", "person", None, raw)
    in_prose = CreditEntry("reporter", "Somchai", "person", None, "Jane Roe, Somchai")

    assert 1.0 == features(lines, second, "loose_bracket", 3)["label_heads_list"]
    assert 0.0 == features(lines, in_prose, "loose_alone", 3)["label_heads_list"]


def test_an_e_mail_on_the_line_reads_so() -> None:
    raw = "BY JANE ROE [jane.roe@example.com]"
    entry = CreditEntry("reporter", "JANE ROE", "person", None, raw)

    assert 1.0 == features([HEADLINE, LEAD, SECOND, raw], entry, "loose_label", 3)["email"]


def test_people_listed_each_with_a_title_are_each_proposed() -> None:
    line = "JANE ROE, Daily Star editor-at-large, and JOHN DOE, Contributing writer"

    found = loose([HEADLINE, line, LEAD, SECOND], title=0, first=2)

    assert [("reporter", "JANE ROE"), ("reporter", "JOHN DOE")] == [(r, n) for r, n, _ in found]


@pytest.mark.parametrize(
    ("line", "found"),
    [
        ("• Jane Roe can be reached at jroe@example.com.", ["Jane Roe"]),
        ("The ministry can be reached at info@example.com", []),  # no name's shape
    ],
)
def test_a_contact_line_closing_the_story_proposes_its_writer(line: str, found: list[str]) -> None:
    names = loose([HEADLINE, LEAD, SECOND, line], title=0, first=1)

    assert found == [name for _role, name, _reader in names]


def test_a_name_over_the_lead_reads_so() -> None:
    caption = "Farmers at the hall, March 2019."
    lines = [HEADLINE, caption, "Jane Roe", LEAD, SECOND]
    alone = CreditEntry("reporter", "Jane Roe", "person", None, "Jane Roe")
    page = CreditPage(lines, 0, 3, len(lines) - 1)

    row = credit_features(CreditCandidate(alone, "loose_alone", 2), page, 1)

    assert (0.0, 1.0) == (row["under_headline"], row["over_lead"])


@pytest.mark.parametrize(("name", "acronym"), [("WTO", 1.0), ("YENI", 0.0), ("Kia Roe", 0.0)])
def test_an_acronym_reads_so(name: str, acronym: float) -> None:
    entry = CreditEntry("reporter", name, "person", None, name)

    assert acronym == features([HEADLINE, name, LEAD, SECOND], entry, "loose_alone", 1)["acronym"]
