"""Bylines and credit lines of every family: labels, positions, agencies, every script.

The lines and pages here are written for these tests in the patterns real pages use; the
names are invented.
"""

from __future__ import annotations

import pytest

from archive.ingest.bylines import (
    find_byline,
    find_credit_lines,
    is_credit_line,
    read_credit_line,
)
from archive.ingest.prose_credits import credits_in_prose
from archive.ingest.textpage import parse_text_page


def read(line: str) -> list[tuple[str, str, str]]:
    return [(e.role, e.name, e.kind) for e in read_credit_line(line)]


def _is_date(line: str) -> bool:
    return line[:4].isdigit()


# --- each family of credit line ---------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        # top bylines
        ("By Dara Keo", [("writer", "Dara Keo", "person")]),
        (
            "By Lina Park and Tomas Ruiz",
            [("writer", "Lina Park", "person"), ("writer", "Tomas Ruiz", "person")],
        ),
        ("BY MARTA OLSEN", [("writer", "MARTA OLSEN", "person")]),
        ("By Ana Duarte, Staff Writer", [("writer", "Ana Duarte", "person")]),
        ("By Ana Duarte in Jakarta", [("writer", "Ana Duarte", "person")]),
        ("By RFA Lao", [("reporter", "RFA Lao Service", "service")]),
        ("By BenarNews staff", [("reporter", "BenarNews", "service")]),
        ("Sok Chenda | March 3, 2023", [("writer", "Sok Chenda", "person")]),
        (
            "(Meas Sokha/Chan Vibol, Phnom Penh)",
            [("reporter", "Meas Sokha", "person"), ("reporter", "Chan Vibol", "person")],
        ),
        # end lines
        (
            "RFA’s Khmer Service. Translated by Pich Rath. Written in English by Lee Moran.",
            [
                ("reporter", "RFA Khmer Service", "service"),
                ("translator", "Pich Rath", "person"),
                ("writer", "Lee Moran", "person"),
            ],
        ),
        (
            "Copyright © 1998-2023, RFA. Used with permission.",
            [("source", "Radio Free Asia", "service")],
        ),
        (
            "Copyright 2022 Radio Free Asia. Reprinted with the permission of RFA.",
            [("source", "Radio Free Asia", "service")],
        ),
        ("BenarNews staff contributed to this report.", [("contributor", "BenarNews", "service")]),
        ("Hana Sato contributed to this report.", [("contributor", "Hana Sato", "person")]),
        (
            "Ivo Brandt and Mei Chen contributed reporting.",
            [("contributor", "Ivo Brandt", "person"), ("contributor", "Mei Chen", "person")],
        ),
        (
            "(Reporting by Ari Putra in Jakarta and Noor Aziz; Additional reporting by Lin Qiu;"
            " Writing by Tom Hale; Editing by Kate Ross)",
            [
                ("reporter", "Ari Putra", "person"),
                ("reporter", "Noor Aziz", "person"),
                ("contributor", "Lin Qiu", "person"),
                ("writer", "Tom Hale", "person"),
                ("editor", "Kate Ross", "person"),
            ],
        ),
        ("— AFP", [("source", "AFP", "service")]),
        ("(Xinhua)", [("source", "Xinhua", "service")]),
        ("Source: Xinhua| Published: 2022-06-16", [("source", "Xinhua", "service")]),
        ("Xinhua | Updated: 2021-12-05 10:41", [("source", "Xinhua", "service")]),
        (
            "by Somsak Vong, Zhang Wei, Lin Hao",
            [
                ("writer", "Somsak Vong", "person"),
                ("writer", "Zhang Wei", "person"),
                ("writer", "Lin Hao", "person"),
            ],
        ),
        ("최지훈 mbc@example.com", [("reporter", "최지훈", "person")]),
        ("Source: Anadolu Agency", [("source", "Anadolu Agency", "service")]),
        (
            "AP/Reuters",
            [("source", "Associated Press", "service"), ("source", "Reuters", "service")],
        ),
        ("Narrated by Chan Dara.", [("narrator", "Chan Dara", "person")]),
        ("Photos by Rina Das for BenarNews.", [("photographer", "Rina Das", "person")]),
    ],
)
def test_english_credit_lines(line: str, expected: list[tuple[str, str, str]]) -> None:
    assert expected == read(line)
    assert is_credit_line(line)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("记者 王明 李华", [("reporter", "王明", "person"), ("reporter", "李华", "person")]),
        ("記者：陳美玲", [("reporter", "陳美玲", "person")]),
        ("〔記者林志明／台北報導〕", [("reporter", "林志明", "person")]),
        ("〔編譯張家豪／綜合報導〕", [("translator", "張家豪", "person")]),
        ("（编译/赵子健）", [("translator", "赵子健", "person")]),
        ("[责任编辑：wangfei]", [("editor", "wangfei", "person")]),
        ("責任編輯：黃雅婷", [("editor", "黃雅婷", "person")]),
        ("作者︱周小雨", [("writer", "周小雨", "person")]),
        ("文/孙立", [("writer", "孙立", "person")]),
        ("来源：新华社", [("source", "Xinhua", "service")]),
        ("김민수 기자 minsu@example.co.kr", [("reporter", "김민수", "person")]),
        ("박지영 특파원", [("reporter", "박지영", "person")]),
        ("편집: 이서연", [("editor", "이서연", "person")]),
        ("Phóng viên: Lê Văn Hùng", [("reporter", "Lê Văn Hùng", "person")]),
        ("Biên tập: Phạm Thu Hà", [("editor", "Phạm Thu Hà", "person")]),
        ("Dịch: Đỗ Minh", [("translator", "Đỗ Minh", "person")]),
        ("Theo Reuters", [("source", "Reuters", "service")]),
        ("Nguồn: VOA", [("source", "Voice of America", "service")]),
        ("ដោយ សុខ វណ្ណា", [("reporter", "សុខ វណ្ណា", "person")]),
        (
            "ដោយ ម៉ម សុភាRFA",
            [("reporter", "ម៉ម សុភា", "person"), ("source", "Radio Free Asia", "service")],
        ),
        ("ໂດຍ ບຸນມີ", [("reporter", "ບຸນມີ", "person")]),
        ("သတင်းထောက် ကိုအောင်", [("reporter", "ကိုအောင်", "person")]),
        ("ဘာသာပြန် မသီတာ", [("translator", "မသီတာ", "person")]),
        ("ရေးသားသူ - ဇော်မင်း", [("writer", "ဇော်မင်း", "person")]),
        ("རྩོམ་པ་པོ། པདྨ་རྡོ་རྗེ", [("writer", "པདྨ་རྡོ་རྗེ", "person")]),
        ("རྩོམ་སྒྲིག་པ། བསོད་ནམས", [("editor", "བསོད་ནམས", "person")]),
        ("مۇخبىرىمىز ئابدۇۋەلى", [("reporter", "ئابدۇۋەلى", "person")]),
        ("Muxbirimiz erkin", [("reporter", "erkin", "person")]),
        ("Мухбиримиз шөһрәт", [("reporter", "шөһрәт", "person")]),
    ],
)
def test_native_label_lines(line: str, expected: list[tuple[str, str, str]]) -> None:
    assert expected == read(line)


def test_uyghur_presentation_forms_are_read_as_plain_letters() -> None:
    # "مۇخبىرىمىز ئۈمىد" as old Uyghur sites store it, in Arabic presentation forms
    line = (
        "\ufee3\ufbd8\ufea7\ufe92\ufbe9\ufeae\ufbe8\ufee4\ufbe9\ufeb0"
        " \ufe8b\ufbdc\ufee3\ufbe9\ufeaa"
    )
    assert [("reporter", "ئۈمىد", "person")] == read(line)
    assert line == read_credit_line(line)[0].raw


@pytest.mark.parametrize(
    "line",
    [
        "By the end of the year, prices had doubled.",
        "By 2030 the dam will flood the valley.",
        "Chea Mony said the party had no plans to protest.",
        "Theo báo cáo của chính phủ, giá xăng tăng.",
        "ដោយសារតែការតវ៉ាបានកើតឡើង",
        "编辑推荐",
        "记者会上，发言人表示反对。",
        "Sources said the talks had stalled.",
        "Source link",
        "Related Stories",
        "The reporter was detained for two days.",
        "Copyright © 1998-2023, RFA",
        "Reuters reported the figures on Monday, citing officials.",
        "He contributed to the fund for years.",
        "Contact us at info@example.com",
        "이번 사건을 취재한 기자",
        "Dịch bệnh lây lan nhanh",
        "Ảnh hưởng của bão",
        "Nguồn tin cho biết",
        "记者 了解到，该公司已经停产。",
        "By Gateway reporters and more",
    ],
)
def test_story_sentences_are_not_credit_lines(line: str) -> None:
    assert [] == read(line)
    assert not is_credit_line(line)


# --- where the lines stand --------------------------------------------------------------


def test_a_name_under_the_headline_above_the_date_is_a_byline() -> None:
    lines = ["ສົມພອນ", "2019.03.02", "ທາງການລາວ ປະກາດ ວ່າ ..."]
    found = find_byline(lines, is_furniture=_is_date)
    assert found is not None
    assert ((0, 1), (0,)) == (found.indices, found.credit_indices)
    assert [("reporter", "ສົມພອນ")] == [(e.role, e.name) for e in found.entries]


def test_a_name_with_a_place_line_under_it_is_a_byline() -> None:
    lines = ["Rina Das", "Dhaka, Bangladesh", "Floods covered half the district on Monday."]
    found = find_byline(lines, is_furniture=_is_date)
    assert found is not None
    assert (0, 1) == found.indices
    assert [("reporter", "Rina Das")] == [(e.role, e.name) for e in found.entries]


def test_a_name_in_brackets_after_a_place_is_cleaned() -> None:
    lines = ["ကိုအောင်(ရန်ကုန်)", "2021.07.07", "စစ်ကောင်စီ ကြေညာသည်"]
    found = find_byline(lines, is_furniture=_is_date)
    assert found is not None
    assert ["ကိုအောင်"] == [e.name for e in found.entries]


def test_a_short_first_paragraph_is_not_a_byline() -> None:
    lines = ["Police Said Nothing", "Villagers waited for news all week."]
    assert find_byline(lines, is_furniture=_is_date) is None


def test_a_byline_under_a_short_deck_goes_with_the_deck_when_a_date_follows() -> None:
    lines = ["'A threat,' an official says.", "By RFA Khmer", "2024.05.09", "Police arrested…"]
    found = find_byline(lines, is_furniture=_is_date)
    assert found is not None
    assert ((0, 1, 2), (1,)) == (found.indices, found.credit_indices)


def test_a_name_alone_on_the_last_line_is_a_credit() -> None:
    lines = ["Thirty families protested on Friday.", "Police watched.", "Sok Dara"]
    found = find_credit_lines(lines, is_furniture=_is_date)
    assert found is not None
    assert ((2,), [("reporter", "Sok Dara")]) == (
        found.credit_indices,
        [(e.role, e.name) for e in found.entries],
    )


@pytest.mark.parametrize("last", ["Latest News", "Keep Reading", "Most Popular", "Asia Pacific"])
def test_title_case_furniture_on_the_last_line_is_not_a_name(last: str) -> None:
    lines = ["Thirty families protested on Friday.", "Police watched.", last]
    assert find_credit_lines(lines, is_furniture=_is_date) is None
    assert find_byline([last, "2024.05.09", "Police watched."], is_furniture=_is_date) is None


@pytest.mark.parametrize("last", ["责任编辑", "返回搜狐", "더보기"])
def test_a_short_chinese_or_korean_last_line_is_not_a_name(last: str) -> None:
    lines = ["第一段。", "第二段。", last]
    assert find_credit_lines(lines, is_furniture=_is_date) is None


def test_a_list_of_names_closing_a_story_is_not_a_credit() -> None:
    lines = ["The winners were:", "Sok Dara", "Chan Vibol"]
    assert find_credit_lines(lines, is_furniture=_is_date) is None


def test_a_labelled_byline_with_story_after_it_does_not_close_the_story() -> None:
    lines = ["First paragraph.", "ដោយ សុខ វណ្ណា", "More story text follows here."]
    assert find_credit_lines(lines, is_furniture=_is_date) is None


# --- credits written into the story -----------------------------------------------------


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        (
            "A land dispute turned deadly. VOA’s Dara Chhim has this report from Cambodia"
            " narrated by Sophea Lim.",
            [
                ("reporter", "Dara Chhim", "person"),
                ("source", "Voice of America", "service"),
                ("narrator", "Sophea Lim", "person"),
            ],
        ),
        ("BANGKOK (Reuters) - Thailand's cabinet approved…", [("source", "Reuters", "service")]),
        ("BEIJING, May 3 (Xinhua) -- China will…", [("source", "Xinhua", "service")]),
        (
            "(서울=연합뉴스) 김민수 기자 = 정부는 3일…",
            [("source", "Yonhap", "service"), ("reporter", "김민수", "person")],
        ),
        ("〔記者林志明／台北報導〕立法院今天三讀通過…", [("reporter", "林志明", "person")]),
        ("研究结果发表在《自然》上。（编译/赵子健）", [("translator", "赵子健", "person")]),
        ("The minister has this report in hand, officials said.", []),
        ("A photo of the camp. [Rina Das/BenarNews]", []),
        ("(Reuters) YANGON, Myanmar - Late on Monday…", [("source", "Reuters", "service")]),
        ("최지훈 기자 =정부는 3일 발표했다.", [("reporter", "최지훈", "person")]),
        ("…라고 말했습니다. 최지훈 기자의 보도입니다.", [("reporter", "최지훈", "person")]),
        (
            "…밝혔습니다. KBS 뉴스 최지훈입니다.",
            [("reporter", "최지훈", "person"), ("source", "KBS", "service")],
        ),
        ("기자회견에서 그는 말했다.", []),
        (
            "ဗိုလ်မှူးကြီးကို အာအက်ဖ်အေ သတင်းထောက် မသီတာ က မေးမြန်းထားပါတယ်။",
            [("reporter", "မသီတာ", "person")],
        ),
        ("သတင်းထောက် တစ်ဦး က မေးမြန်းခဲ့သည်။", []),
    ],
)
def test_credits_in_prose(paragraph: str, expected: list[tuple[str, str, str]]) -> None:
    assert expected == [(e.role, e.name, e.kind) for e in credits_in_prose(paragraph)]


# --- whole pages ------------------------------------------------------------------------


def test_a_by_line_leaves_the_story_and_is_kept_as_furniture() -> None:
    text = (
        "Smuggling Thrives on the Border\n"
        "By Lina Park\n"
        "Smuggling on the border is thriving, sources said.\n"
        "Traders said prices had fallen.\n"
    )
    page = parse_text_page(text)
    assert "Smuggling Thrives on the Border" == page.title
    assert page.body.startswith("Smuggling on the border")
    assert "By Lina Park" in page.dropped
    assert page.credits is not None
    assert [("writer", "Lina Park")] == [(e.role, e.name) for e in page.credits.entries]
    assert "By Lina Park" == page.credit_line


def test_the_first_line_is_not_a_title_when_it_is_a_byline() -> None:
    page = parse_text_page("By Lina Park\nSmuggling on the border is thriving, sources said.\n")
    assert page.title is None
    assert "Smuggling on the border is thriving, sources said." == page.body


def test_rfa_service_page_with_name_and_date_under_the_headline() -> None:
    text = (
        "ທາງການ ປະກາດ ນະໂຍບາຍ ໃໝ່\n\n"
        "ສົມພອນ\n"
        "2019.03.02\n\n"
        "ທາງການລາວ ໄດ້ປະກາດ ນະໂຍບາຍ ໃໝ່ ໃນວັນຈັນ.\n\n"
        "ປະຊາຊົນ ຫລາຍຄົນ ບໍ່ເຫັນດີ.\n"
    )
    page = parse_text_page(text)
    assert page.body.startswith("ທາງການລາວ")
    assert ("ສົມພອນ", "2019.03.02") == page.dropped
    assert page.credits is not None
    assert [("reporter", "ສົມພອນ", "person")] == [
        (e.role, e.name, e.kind) for e in page.credits.entries
    ]


def test_end_lines_leave_the_story_and_footer_sources_are_read() -> None:
    text = (
        "Museum Attack Kills 19\n\n"
        "TUNIS (AP) — Gunmen opened fire at a museum on Wednesday.\n\n"
        "The attackers were killed by police.\n\n"
        "Hana Sato contributed to this report.\n\n"
        "Copyright © 2024 The Associated Press. Used with permission.\n"
    )
    page = parse_text_page(text)
    assert page.body.endswith("The attackers were killed by police.")
    assert page.credits is not None
    assert [
        ("contributor", "Hana Sato", "person"),
        ("source", "Associated Press", "service"),
    ] == [(e.role, e.name, e.kind) for e in page.credits.entries]
    # an agency credited only as the source does not make the article's service
    assert page.credits.service_key is None


def test_byline_and_closing_line_both_credit_and_the_closing_one_is_the_credit_line() -> None:
    text = (
        "Title of the Story Here\n"
        "By Dara Keo\n"
        "First paragraph of the story.\n"
        "Last paragraph of the story.\n"
        "Reported by Sok Chenda for RFA’s Khmer Service.\n"
    )
    page = parse_text_page(text)
    assert "Reported by Sok Chenda for RFA’s Khmer Service." == page.credit_line
    assert page.credits is not None
    assert [
        ("writer", "Dara Keo", "By Dara Keo"),
        ("reporter", "Sok Chenda", "Reported by Sok Chenda for RFA’s Khmer Service."),
    ] == [(e.role, e.name, e.raw) for e in page.credits.entries]
    assert "rfa-khmer" == page.credits.service_key
    assert text[page.body_start : page.body_end] == page.body
    assert "First paragraph of the story.\nLast paragraph of the story." == page.body
