"""The outlets a page names by structure: source labels, wire datelines, sign-offs."""

from __future__ import annotations

import pytest

from archive.ingest.outlets import leading_outlet, outlets_named
from archive.ingest.pagedates import editor_stamp_date
from archive.ingest.textpage import parse_text_page


def _named(texts: list[str], *, top: int = 0, first: int = 1) -> list[tuple[str, str]]:
    found = outlets_named(texts, top=top, first=first, last=len(texts) - 1)
    return [(entry.service_key or "", entry.role) for entry in found]


_LEAD = "The city council met on Monday to plan the new bridge over the river, officials said."


@pytest.mark.parametrize(
    ("line", "key"),
    [
        ("2024-03-08 09:53 来源:新华社 责任编辑:王明 我来说两句", "xinhua"),
        ("新聞來源:中央社", "cna"),
        ("Source: Bernama News Agency", "bernama"),
        ("Source: Xinhua Updated: 2024-04-18", "xinhua"),
        ("Information source: Vientiane Times", "vientiane-times"),
        ("ཡོང་ཁུངས། : ཀྲུང་གོ་བོད་ཀྱི་དྲ་བ།   སྤེལ་དུས། : 2024-01-11", "china-tibet-online"),
        ("مەنبە: ئەركىن ئاسىيا رادىئوسى", "rfa"),
    ],
)
def test_a_source_label_names_the_outlet_after_it(line: str, key: str) -> None:
    assert [(key, "source")] == _named(["A headline", line, _LEAD])


@pytest.mark.parametrize(
    ("lead", "key"),
    [
        ("新华社北京3月2日电 外交部发言人2日表示,中方愿同各方一道推动对话。", "xinhua"),
        ("人民网北京5月14日电 今年6月15日是创刊纪念日,频道今日推出访谈。", "peoples-daily-online"),
        ("中国侨网1月25日电 据大使馆网站消息,大使以视频方式会见华校代表。", "chinaqw"),
        ("མི་དམངས་དྲ་བའི་འཕྲིན། ཟླ་7པའི་ཚེས་22ཉིན། ལྷ་ས་གྲོང་ཁྱེར་དུ་ཚོགས་འདུ་ཚོགས།", "peoples-daily-online"),
        (
            "VIENTIANE (Laotian Times): Prices of food in the capital will rise this month.",
            "laotian-times",
        ),
        (
            "LUANG NAMTHA, Laos (Vientiane Times/ANN) – Families along the railway are waiting.",
            "vientiane-times",
        ),
        ("SEOUL, UPI -- The North's economy is structured differently from the South's.", "upi"),
    ],
)
def test_a_wire_dateline_names_the_outlet(lead: str, key: str) -> None:
    assert [(key, "source")] == _named(["A headline", lead])


def test_a_repost_names_its_papers_dispatch_and_the_reporters_outlet() -> None:
    lead = "【大紀元7月28日訊】(自由亞洲電台記者王明採訪報導)維權人士原打算前往採訪。"
    assert [("epoch-times", "source"), ("rfa", "source")] == _named(["A headline", lead])


@pytest.mark.parametrize(
    ("end", "key"),
    [
        ("They agreed to meet again in Kuala Lumpur next year. — Bernama", "bernama"),
        ("Rescue workers are surveying the site of the fire. — Anadolu Agency", "anadolu"),
        ("The meeting ended without a statement on Sunday. (Reuters)", "reuters"),
        ("“We have the assets to move,” he said. ― Bernama", "bernama"),
    ],
)
def test_a_sign_off_names_the_outlet(end: str, key: str) -> None:
    assert [(key, "source")] == _named(["A headline", _LEAD, end])


@pytest.mark.parametrize(
    "texts",
    [
        # an outlet the registry does not know
        ["A headline", "来源:某某日报 责任编辑:王明", _LEAD],
        # a photo caption's agency credit, bare after the sentence
        ["A headline", _LEAD, "Villagers carry sandbags to the river bank on Thursday. Yonhap"],
        # a dash closing a sentence with a person's name, not an outlet
        ["A headline", _LEAD, "We will build it this year. — Mary Smith"],
        # "according to" is no source label
        ["A headline", "Theo Reuters, cuộc họp đã kết thúc mà không có tuyên bố.", _LEAD],
        # a dateline whose brackets hold a place, not an outlet
        ["A headline", "PHNOM PENH (Cambodia) – The river rose again on Monday in the capital."],
    ],
)
def test_no_outlet_without_the_structure_and_a_known_name(texts: list[str]) -> None:
    assert [] == _named(texts)


def test_the_longest_known_name_leads() -> None:
    found = leading_outlet("中国新闻网  参与互动()")
    assert found is not None
    assert ("china-news-service", "中国新闻网") == (found[0].key, found[1])


def test_an_outlet_read_by_structure_is_an_organisation_credit_never_a_person() -> None:
    page = "\n".join(
        [
            "Floods close schools in three provinces",
            "",
            "新华社北京3月2日电 The rains closed schools in three provinces on Monday, "
            "officials said, and roads to two towns were cut.",
            "",
            "Repairs will start when the water falls, the ministry said. — Xinhua",
        ]
    )
    credits = parse_text_page(page, language="en").credits
    assert credits is not None
    assert [("source", "Xinhua", "service")] == [(e.role, e.name, e.kind) for e in credits.entries]


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("明天停止上班及上課。(編輯:王明)1120903", "2023-09-03"),
        ("(编辑:李华)1101231", "2021-12-31"),
    ],
)
def test_an_editor_stamp_gives_its_roc_date(text: str, day: str) -> None:
    found = editor_stamp_date(text)
    assert day == (found.isoformat() if found else None)


@pytest.mark.parametrize(
    "text",
    [
        "(編輯:王明)1121341",  # no 41st day of month 13
        "電話:(02)1120903",  # a phone number, not an editor's stamp
        "(編輯:王明)20230903",  # eight digits: not the ROC form
    ],
)
def test_no_date_from_what_is_not_an_editor_stamp(text: str) -> None:
    assert editor_stamp_date(text) is None


@pytest.mark.parametrize(
    ("line", "key"),
    [
        ("Mya Win Kyaw | DMG", "dmg"),
        ("By Pham Huu - Ngoc Le - Thanh Nien News -", "thanh-nien"),
        ("September 21, 2023 | Radio Free Asia | By Paul Eckert", "rfa"),
        ("聯合報／ 記者王小明／台北即時報導", "udn"),
    ],
)
def test_a_byline_under_the_headline_names_its_outlet(line: str, key: str) -> None:
    assert [(key, "source")] == _named(["A headline", line, _LEAD], first=2)


@pytest.mark.parametrize(
    "line",
    [
        "Home | World | Asia",  # a menu
        "By John Smith - Staff",  # no outlet the registry knows
        "Mya Win Kyaw DMG",  # no separator: the line is not cut into parts
        "警方展示破獲的毒品。(攝影/REUTERS/王小明)",  # a photo's agency credit
        "/연합뉴스",  # the same, under a caption
    ],
)
def test_a_byline_without_a_known_outlet_part_names_none(line: str) -> None:
    assert [] == _named(["A headline", line, _LEAD], first=2)


# --- round 9: more places a page names its publisher ------------------------------------


@pytest.mark.parametrize(
    ("line", "key"),
    [
        ("  • ཡོང་ཁུངས།  མི་དམངས་ཉིན་རེའི་ཚགས་པར།   |     སྤེལ་དུས།  2024-01-11", "peoples-daily"),
        ("Nguồn VnExpress: https://example.com/tin-tuc-123.html", "vnexpress"),
        ("(Credit to The Voice Daily)", "voice-daily"),
    ],
)
def test_a_label_set_off_without_a_colon_names_the_outlet(line: str, key: str) -> None:
    assert [(key, "source")] == _named(["A headline", _LEAD, line], first=1)


def test_a_label_and_a_word_the_registry_does_not_know_name_nothing() -> None:
    assert _named(["A headline", _LEAD, "Nguồn nước của làng đã cạn từ tháng trước."]) == []


@pytest.mark.parametrize(
    ("lead", "key"),
    [
        ("【明報專訊】立法會昨日就條例草案進行辯論，多名議員表示關注。", "ming-pao"),
        ("(自由亚洲电台记者节目主持人王明采访报道2019,03,02)今年的纪念活动在网上举行。", "rfa"),
        (
            "2019-7月-03 周三 06:15 +0800中新网福州7月3日电 山区突降暴雨，干部连夜转移群众。",
            "china-news-service",
        ),
        (
            "Tokyo (AFP) Tokyo could freeze all aid to the country, the minister said on Friday.",
            "afp",
        ),
    ],
)
def test_an_outlet_opening_the_lead_in_its_bracket_or_dateline(lead: str, key: str) -> None:
    assert (key, "source") in _named(["A headline", lead, _LEAD])


def test_a_sentence_with_an_agency_aside_is_no_dateline() -> None:
    lead = "The minister (AFP) Tokyo could freeze all aid to the country, officials said."
    assert _named(["A headline", lead, _LEAD]) == []


def test_a_reporters_line_closing_on_the_outlet_in_brackets_names_it() -> None:
    # Zawgyi text: the registry's Burmese is Unicode, the lookup reads it both ways
    texts = ["A headline", _LEAD, _LEAD, "သတင္းေထာက္ ။ ။ ရန္ဇုန္ယုပ္ (ဆင္ဟြာသတင္းဌာန)"]
    found = outlets_named(texts, top=0, first=1, last=2)
    assert [("xinhua", "source")] == [(entry.service_key, entry.role) for entry in found]


@pytest.mark.parametrize(
    ("line", "key"),
    [
        ("Copyright © 2021 Khmer Times. All rights reserved.", "khmer-times"),
        ("<저작권자(c) 연합뉴스, 무단 전재-재배포 금지>", "yonhap"),
        ("明報 版權所有", "ming-pao"),
    ],
)
def test_the_footers_copyright_line_names_the_outlet(line: str, key: str) -> None:
    texts = ["A headline", _LEAD, _LEAD, "Share this story", line]
    found = outlets_named(texts, top=0, first=1, last=2)
    assert [(key, "source")] == [(entry.service_key, entry.role) for entry in found]


def test_a_copyright_line_of_an_unknown_site_names_nothing() -> None:
    texts = ["A headline", _LEAD, _LEAD, "Copyright © 2020 My Garden Blog. All rights reserved."]
    assert outlets_named(texts, top=0, first=1, last=2) == []


def test_the_site_name_heading_the_page_or_the_headline_names_the_outlet() -> None:
    assert ("epoch-times", "source") in _named(
        ["The Epoch Times - Monks March Again in the Capital", _LEAD, _LEAD], top=0
    )
    assert ("khmer-times", "source") in _named(
        ["Khmer Times", "Floods Close Roads", _LEAD], top=1, first=2
    )


def test_a_menu_line_naming_an_outlet_among_its_items_names_nothing() -> None:
    texts = ["Home | News | Reuters | Sport | Weather", "Floods Close Roads", _LEAD, _LEAD]
    assert _named(texts, top=1, first=2) == []


def test_a_line_of_bars_alone_names_nothing_and_does_not_fail() -> None:
    assert _named(["|", "Floods Close Roads", _LEAD, _LEAD], top=1, first=2) == []
