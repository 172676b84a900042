"""Round 7's credit candidates: label runs (several labels a line, a label closing its
names), "and" in every language, page meta words, a glued "By", the surname feature, and
the loose readers asked when the model believes none of the rules' credits (made-up lines
of each shape, in each language)."""

from __future__ import annotations

import pytest

from archive.ingest.credit_candidates import clean_candidate_name, loose_candidates
from archive.ingest.credit_model import (
    CreditModel,
    CreditPage,
    accept_credits,
    candidate_rows,
    rule_candidates,
)
from archive.ingest.credit_words import has_meta_word
from archive.ingest.credits import CreditEntry
from archive.ingest.label_runs import label_runs
from archive.ingest.logistic import Logistic
from tests.unit.ingest.pages import FARM_HEADLINE, FARM_LEAD, FARM_SECOND

HEADLINE, LEAD, SECOND = FARM_HEADLINE, FARM_LEAD, FARM_SECOND


# --- label runs -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "runs"),
    [
        # our paper's reporter NAME, correspondents NAME NAME, text/photo
        (
            "本报记者 王明 通讯员 李华 张强 文/图",
            [("reporter", "王明"), ("contributor", "李华 张强")],
        ),
        ("[Mekong Daily Reporter Jane Roe] Farmers said", [("reporter", "Jane Roe] Farmers said")]),
        ("Sent by Jane Roe (Delta Voice)", [("reporter", "Jane Roe")]),
        ("김철수 기자 kim@example.com", [("reporter", "김철수")]),
        ("ئايگۈل تەرجىمىسى", [("translator", "ئايگۈل")]),
        ("Aygül terjimisi", [("translator", "Aygül")]),
        ("རྩོམ་སྒྲིག་འགན་འཁུར་པ། བསྟན་འཛིན།", [("editor", "། བསྟན་འཛིན།")]),
        ("記者王明", [("reporter", "王明")]),
    ],
)
def test_a_line_of_labels_reads_as_each_labels_names(
    line: str, runs: list[tuple[str, str]]
) -> None:
    assert runs == label_runs(line)


@pytest.mark.parametrize(
    "line",
    [
        "本刊记者",  # "our reporter": the label glued after a word makes one word
        "文化新闻",  # 文 (text by) only before a separator
        "Photoshop tips",
        "김철수 중등별기자",  # a title glued to the label: no name set apart before it
        "Farmers march on provincial hall",
    ],
)
def test_a_line_without_a_label_standing_alone_has_no_run(line: str) -> None:
    assert [] == [run for run in label_runs(line) if run[1].strip(" /")]


# --- loose candidates of the new shapes --------------------------------------------------


def loose(lines: list[str], *, first: int, title: int | None = 0) -> list[tuple[str, str]]:
    return [
        (c.entry.role, c.entry.name)
        for c in loose_candidates(lines, title=title, first=first, last=len(lines) - 1)
    ]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("本报记者 王明 通讯员 李华 张强 文/图", ["王明", "李华", "张强"]),
        ("ដោយ៖ សុខ ចាន់ និង ម៉ៅ ដារ៉ា", ["សុខ ចាន់", "ម៉ៅ ដារ៉ា"]),  # Khmer "and"
        ("ໂດຍ: ສົມສັກ ແລະ ບຸນມີ", ["ສົມສັກ", "ບຸນມີ"]),  # Lao "and"
        ("[August 08, 2018]  By Jane Roe", ["Jane Roe"]),
        ("Jane Roe | 王明", ["Jane Roe", "王明"]),
    ],
)
def test_label_lists_and_name_lists_under_the_headline_are_proposed(
    line: str, expected: list[str]
) -> None:
    assert expected == [name for _role, name in loose([HEADLINE, line, LEAD, SECOND], first=2)]


def test_a_by_inside_a_line_heads_its_names() -> None:
    found = loose_candidates(
        [HEADLINE, "Sent by Jane Roe (Delta Voice)", LEAD, SECOND], title=0, first=2, last=3
    )

    assert ("Jane Roe", "loose_label") == (found[0].entry.name, found[0].reader)
    assert "Sent" not in [c.entry.name for c in found]


def test_a_bracketed_credit_with_an_outlet_and_a_title_opening_the_lead_is_proposed() -> None:
    lead = "[Mekong Daily Reporter Jane Roe, Farm Desk] " + LEAD

    found = loose([HEADLINE, lead, SECOND], first=1)

    assert ("reporter", "Jane Roe") in found


def test_a_translators_name_closing_the_last_paragraph_in_brackets_is_proposed() -> None:
    last = "ئۇلار ئالاقىدە توسالغۇغا ئۇچرىمايدۇ. (ئايگۈل تەرجىمىسى)"

    found = loose([HEADLINE, LEAD, SECOND, last], first=1)

    assert [("translator", "ئايگۈل")] == found


def test_the_lead_slot_reaches_a_byline_under_a_caption_and_a_date() -> None:
    lines = [HEADLINE, "Photo: a field", "12 March 2024", "Updated 13 March", "Jane Roe"]
    lines += [LEAD, *[SECOND] * 8]

    assert ("reporter", "Jane Roe") in loose(lines, first=1)


@pytest.mark.parametrize(
    "line",
    [
        "Mekong Post ចេញផ្សាយ ថ្ងៃទី",  # "published on the day of"
        "Cập nhật lúc",
        "本刊记者",
    ],
)
def test_meta_lines_and_running_text_give_no_loose_name(line: str) -> None:
    assert [] == loose([HEADLINE, line, LEAD, SECOND], first=2)


# --- closed classes ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "name", ["Mekong Post ចេញផ្សាយ ថ្ងៃទី", "Cập nhật lúc", "更新时间", "Published", "입력 2020"]
)
def test_a_name_holding_a_page_meta_word_is_a_meta_line(name: str) -> None:
    assert has_meta_word(name)


@pytest.mark.parametrize("name", ["Jane Roe", "王明", "សុខ ចាន់", "Lê Văn", "김철수"])
def test_a_persons_name_holds_no_meta_word(name: str) -> None:
    assert not has_meta_word(name)


def test_a_by_glued_to_a_name_comes_off_and_a_name_opening_with_by_stays() -> None:
    assert "Jane Roe" == clean_candidate_name("ByJane Roe")
    assert "Byron Roe" == clean_candidate_name("Byron Roe")


def test_a_chinese_or_korean_name_opening_with_a_surname_reads_so() -> None:
    lines = [HEADLINE, "记者 王明", LEAD, SECOND]
    page = CreditPage(lines, 0, 2, 3)
    named = CreditEntry("reporter", "王明", "person", None, "记者 王明")
    phrase = CreditEntry("reporter", "表示", "person", None, "记者 表示")

    rows = candidate_rows(rule_candidates([named, phrase], ["slot", "slot"], page), page)

    assert [1.0, 0.0] == [row["cjk_surname"] for row in rows]


# --- the loose readers are asked when no rule credit is believed ----------------------


def split_model(names: tuple[str, ...], *, rules: float, loose: float) -> CreditModel:
    """A model whose rules part gives every candidate the logistic of ``rules`` and whose
    loose part gives every one the logistic of ``loose``."""
    zeros = tuple(0.0 for _ in names)
    ones = tuple(1.0 for _ in names)
    return CreditModel(
        Logistic(names, zeros, ones, zeros, rules),
        0.5,
        Logistic(names, zeros, ones, zeros, loose),
        0.5,
    )


def test_when_the_model_believes_no_rule_credit_the_loose_names_are_weighed() -> None:
    lines = [HEADLINE, "Kim Watching Launch", "Author Name: Jane Roe", LEAD, SECOND]
    page = CreditPage(lines, 0, 3, 4)
    wrong = CreditEntry("reporter", "Kim Watching Launch", "person", None, lines[1])
    names = tuple(candidate_rows(rule_candidates([wrong], ["slot"], page), page)[0])

    doubting_rules = split_model(names, rules=-5, loose=5)
    believing_rules = split_model(names, rules=5, loose=5)

    jane = CreditEntry("writer", "Jane Roe", "person", None, lines[2])
    assert jane in accept_credits([wrong], ["slot"], page, doubting_rules)
    assert "Kim Watching Launch" not in [
        e.name for e in accept_credits([wrong], ["slot"], page, doubting_rules)
    ]
    assert [wrong] == accept_credits([wrong], ["slot"], page, believing_rules)


def test_each_loose_name_is_credited_once_though_read_twice() -> None:
    headline = HEADLINE + " (Lê Văn, RFA)"
    lines = [headline, "Lê Văn, cộng tác viên RFA", LEAD, SECOND]
    page = CreditPage(lines, 0, 2, 3)
    model = split_model(_feature_names(page), rules=5, loose=5)

    found = [e.name for e in accept_credits([], [], page, model)]

    assert ["Lê Văn"] == found


def _feature_names(page: CreditPage) -> tuple[str, ...]:
    entry = CreditEntry("reporter", "Jane Roe", "person", None, "By Jane Roe")
    return tuple(candidate_rows(rule_candidates([entry], ["top"], page), page)[0])
