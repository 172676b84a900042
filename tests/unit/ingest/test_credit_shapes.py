"""Credits by their shape (issue 15, round 5): bylines glued to the lead's head, and the
slot's bylines followed by a bar, a title or an outlet, names joined by "and", Uyghur
"prepared", Burmese "written by", Chinese outlet-reporter lines — each with negative cases.
Every line here is written for these tests; every name is invented."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from archive.ingest.bylines import bare_name, read_credit_line
from archive.ingest.credits import CreditEntry
from archive.ingest.lead_credits import lead_head_credits
from archive.ingest.prose_credits import credits_in_prose
from archive.ingest.slot_shapes import read_slot_shape
from archive.ingest.textpage import parse_text_page

LEAD = (
    "Officials in the provincial capital said on Tuesday that the new road would open next "
    "month, after two years of delays caused by floods and a shortage of funds."
)
SECOND = (
    "Residents of the villages along the route said they had waited a long time for the "
    "road and hoped that it would bring more trade to the markets of the district."
)


def people(entries: Sequence[CreditEntry]) -> list[tuple[str, str]]:
    return [(e.role, e.name) for e in entries if e.kind == "person"]


# --------------------------------------------------------------------------- glued to the lead
@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        (f"By Mara Velden – {LEAD}", [("writer", "Mara Velden")]),
        (
            f"By Mara Velden and Tom Asher -- {LEAD}",
            [("writer", "Mara Velden"), ("writer", "Tom Asher")],
        ),
        (f"Lương Văn Khải, RFA: {LEAD}", [("reporter", "Lương Văn Khải")]),
        ("ໂດຍ: ສີດາວັນ ໃນໄລຍະ 6 ເດືອນຜ່ານມາ ອົງການປົກຄອງແຂວງໄດ້ເອົາໃຈໃສ່ວຽກງານພັດທະນາຊົນນະບົດຫຼາຍດ້ານ",
         [("reporter", "ສີດາວັນ")]),
        ("ដោយ៖ សុខ វណ្ណា នៅថ្ងៃអង្គារ មន្ត្រីខេត្តបាននិយាយថា ផ្លូវថ្មីនឹងបើកនៅខែក្រោយ បន្ទាប់ពីការពន្យារពេល",
         [("reporter", "សុខ វណ្ណា")]),
        ("[부산=가나통신] 박서준 경제전문기자 = 정부는 20일 새 도로가 다음 달 개통된다고 밝혔다.",
         [("reporter", "박서준")]),
        ("한지호 기자, 현장 분위기는 어떻습니까?", [("reporter", "한지호")]),
        ("中新社昆明3月5日电 (李明 周晓)新的公路下个月通车,当地居民说这将给集市带来更多贸易。",
         [("reporter", "李明"), ("reporter", "周晓")]),
    ],
)  # fmt: skip
def test_a_byline_glued_to_the_lead_is_read(
    paragraph: str, expected: list[tuple[str, str]]
) -> None:
    assert people(lead_head_credits(paragraph)) == expected


@pytest.mark.parametrize(
    "paragraph",
    [
        LEAD,
        # a dash in a sentence opening with "by": no byline before it
        f"By the end of the year – officials said – {LEAD}",
        # a name and a comma, then no known outlet before the colon
        f"Phnom Penh, Cambodia: {LEAD}",
        # the label's "name" is a long run-on phrase of the lead
        "ໂດຍ: ອິດທິພົນຂອງພາຍຸໄຕ້ຝຸ່ນທີ່ພັດຜ່ານແຂວງ ເລີ່ມແຕ່ວັນທີ 8 ກັນຍາເປັນຕົ້ນມາ ສ້າງຄວາມເສຍຫາຍໃຫ້ແກ່ປະຊາຊົນ",
        # a label and a name with no lead after it: the slot's business, not the lead's
        "ໂດຍ: ສີດາວັນ",
        # Korean: a name with a title but no "=" or "," after it
        "박서준 경제전문기자 정부는 20일 새 도로가 다음 달 개통된다고 밝혔다.",
        # a Chinese wire lead whose bracket holds a label (read elsewhere), not bare names
        "新华社北京1月5日电(记者 李明)新的公路下个月通车。",
    ],
)  # fmt: skip
def test_a_lead_without_a_glued_byline_gives_none(paragraph: str) -> None:
    assert people(lead_head_credits(paragraph)) == []


def test_the_glued_byline_of_a_later_post_is_not_the_storys() -> None:
    page = "\n\n".join(
        [
            "Road opens after long delays",
            f"By Mara Velden – {LEAD}",
            SECOND,
            "Continue Reading →",
            "Bridge repairs start in the north",
            f"By Tom Asher – {SECOND}",
            LEAD,
        ]
    )
    parsed = parse_text_page(page, language="en")
    assert parsed.credits is not None
    names = [e.name for e in parsed.credits.entries if e.kind == "person"]
    assert names == ["Mara Velden"]
    # the byline is split off the lead (gluedlines): the lead stays whole in the story
    assert parsed.body.startswith(LEAD)
    assert "By Mara Velden –" in parsed.dropped


# --------------------------------------------------------------------------- the byline slot
@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("ដោយ៖ សុខ វណ្ណា | ថ្ងៃអង្គារ ទី5 ខែមីនា ឆ្នាំ2024", [("reporter", "សុខ វណ្ណា")]),
        ("By Mara Velden  /  Staff reporter", [("writer", "Mara Velden")]),
        ("Lương Văn Khải/Sài Gòn Mới", [("reporter", "Lương Văn Khải")]),
        (
            "MARA VELDEN and TOM ASHER | Laos, Thailand",
            [("reporter", "MARA VELDEN"), ("reporter", "TOM ASHER")],
        ),
        ("Mara Velden and Tom Asher", [("reporter", "Mara Velden"), ("reporter", "Tom Asher")]),
        ("Mara Velden, Associated Press Jan. 14, 2021", [("reporter", "Mara Velden")]),
        ("TOM ASHER, Nikkei deputy editor", [("writer", "TOM ASHER")]),
        ("Trần Minh Châu, Trưởng ban BBC Tiếng Việt", [("writer", "Trần Minh Châu")]),
        ("Mara Velden, staff correspondent", [("reporter", "Mara Velden")]),
        ("ئابدۇسالام نۇرى تەييارلىدى", [("reporter", "ئابدۇسالام نۇرى")]),
        ("Abdusalam Nuri teyyarlidi", [("reporter", "Abdusalam Nuri")]),
        ("12/03/2019 08:15 AM တွင် ဇော်မင်း ဇော်မင်း မှ ရေးသား", [("reporter", "ဇော်မင်း")]),
        ("ဧပြီလ ၅ရက်၊ ၂၀၁၉ ခုနှစ်။ မြသီတာ (ကေအိုင်စီ)", [("reporter", "မြသီတာ")]),
        ("中新社記者 李明 周曉", [("reporter", "李明"), ("reporter", "周曉")]),
        ("特派記者林志明/北京報導", [("reporter", "林志明")]),
    ],
)  # fmt: skip
def test_a_slot_line_is_read_by_its_shape(line: str, expected: list[tuple[str, str]]) -> None:
    found = read_credit_line(line) or read_slot_shape(line, [LEAD, SECOND])
    assert people(found) == expected


@pytest.mark.parametrize(
    "line",
    [
        "Home | News | World",  # navigation: one-word parts are no names
        "Phnom Penh, Cambodia",  # a place and its country: no outlet, no title after the comma
        "Trade and Industry",  # one word each side of "and"
        "Road Builders and Farmers Union | Opinion",  # the "names" recur in the story below
        "Mara Velden, the road's engineer",  # a comma, then words of no title or outlet
        "ئۇيغۇر ئاگېنتلىقى ئۈچۈن",  # "for the Uyghur agency": a postposition, no one prepared it
        "Thế giới / Châu Á",  # a section path
        "天天網記者 李明 周曉",  # an outlet the registry does not know
        "記者會/北京報導",  # "press conference", no name
    ],
)
def test_a_slot_line_of_another_shape_gives_none(line: str) -> None:
    story = [LEAD, SECOND, "The Road Builders and Farmers Union said the work was late."]
    assert people(read_credit_line(line) or read_slot_shape(line, story)) == []


def test_a_two_name_byline_under_the_headline_leaves_the_story() -> None:
    page = "\n\n".join(["Road opens after long delays", "Mara Velden and Tom Asher", LEAD, SECOND])
    parsed = parse_text_page(page, language="en")
    assert parsed.credits is not None
    assert [(e.role, e.name) for e in parsed.credits.entries] == [
        ("reporter", "Mara Velden"),
        ("reporter", "Tom Asher"),
    ]
    assert parsed.body.startswith("Officials in the provincial capital")


def test_an_outlets_brand_after_the_name_is_no_second_person() -> None:
    assert people(read_credit_line("Author: Mara Velden, RoadNEWS")) == [("writer", "Mara Velden")]
    # a surname with a capital inside it stays a name
    assert people(read_credit_line("By Mara Velden and Tom McAsher")) == [
        ("writer", "Mara Velden"),
        ("writer", "Tom McAsher"),
    ]


def test_a_signed_line_is_read_before_the_verb_is_taken_for_a_name() -> None:
    line = "05/01/2019 09:10 AM တွင် ဇော်မင်း မှ ရေးသား"
    assert people(read_credit_line(line)) == [("reporter", "ဇော်မင်း")]
    assert people(read_credit_line("ئۇيغۇر ئاگېنتلىقى ئۈچۈن تەييارلىدى")) == []


HAN_LEAD = "新的公路下個月通車,當地居民說,這條路將給集市帶來更多貿易,也讓孩子上學更方便。" * 2


def test_a_chinese_name_over_its_date_and_views_under_the_headline_is_the_writer() -> None:
    page = "\n".join(["修路日記", "林志明 2023/04/05 10:20 點閱 120 次", HAN_LEAD, HAN_LEAD])
    parsed = parse_text_page(page, language="zh-Hant")
    assert parsed.credits is not None
    assert people(parsed.credits.entries) == [("writer", "林志明")]


def test_a_chinese_headline_signed_in_brackets_names_its_writer() -> None:
    page = "\n".join(["新公路何時才能通車?(林志明)", HAN_LEAD, HAN_LEAD])
    parsed = parse_text_page(page, language="zh-Hant")
    assert parsed.credits is not None
    assert people(parsed.credits.entries) == [("writer", "林志明")]
    # a bracketed word that opens with no surname is no signature ("(下)": part two)
    unsigned = parse_text_page("\n".join(["新公路何時才能通車?(上集)", HAN_LEAD, HAN_LEAD]))
    assert unsigned.credits is None or people(unsigned.credits.entries) == []


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        ("Mara Velden is an Associated Press writer.", [("reporter", "Mara Velden")]),
        ("- By Mara Velden Mara Velden is a Reuters correspondent based in Bangkok.",
         [("reporter", "Mara Velden")]),
        ("Her father Tom Asher is a Xinhua reporter.", []),  # a story's sentence
        ("Mara Velden is an Associated Press writer who left in 2019.", []),
        ("Mara Velden is a Daily Road writer.", []),  # an outlet the registry does not know
    ],
)  # fmt: skip
def test_a_writers_tagline_names_the_reporter(
    paragraph: str, expected: list[tuple[str, str]]
) -> None:
    assert people(credits_in_prose(paragraph)) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("-- By Mara Velden Follow @mvelden", [("writer", "Mara Velden")]),
        ("- By Mara Velden", [("writer", "Mara Velden")]),
        (
            "RFA’s Mara Velden and Tom Asher contributed to this report",
            [("contributor", "Mara Velden"), ("contributor", "Tom Asher")],
        ),
        ("Follow us @roadnews", []),
        ("Mara Velden’s brother contributed to this report", []),
    ],
)
def test_closing_bylines_with_a_dash_a_handle_or_an_outlets_people(
    line: str, expected: list[tuple[str, str]]
) -> None:
    assert people(read_credit_line(line)) == expected


def test_a_burmese_section_name_at_the_page_end_is_no_reporter() -> None:
    assert bare_name("ပြည်တွင်း") == ()  # "domestic": the page's section
    assert people(bare_name("မြသီတာ")) == [("reporter", "မြသီတာ")]
