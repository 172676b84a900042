"""Headlines on unseen pages: the headline the page shows twice (a breadcrumb's last item,
the title bar, a copy further down), skip links, bracketed asides, listing headings and
captions that are never the headline (pages written for these tests in the shapes real
news, blog and repost pages use)."""

from __future__ import annotations

import pytest

from archive.ingest.headlines import completed_title, in_menu, is_aside, is_echoed
from archive.ingest.pagelines import page_lines
from archive.ingest.textpage import parse_text_page
from tests.unit.ingest.pages import HEADLINE, LEAD, SECOND, THIRD, page


def test_a_site_name_over_a_breadcrumb_ending_with_the_headline_is_not_the_headline() -> None:
    crumb = f"Home > News > Regional > {HEADLINE}"
    parsed = parse_text_page(page("River Daily", crumb, HEADLINE, LEAD, SECOND), language="en")
    assert HEADLINE == parsed.title
    assert parsed.body.startswith(LEAD)
    assert {"River Daily", crumb} <= set(parsed.dropped)


def test_a_headline_shown_again_further_down_wins_over_a_banner_above_it() -> None:
    banner = "Emergency clinic hours during the holiday week: see the full list of open clinics"
    lines = [banner, "Mekong TV", HEADLINE, "Evening News, weekdays at 6 pm", HEADLINE]
    parsed = parse_text_page(page(*lines, LEAD, SECOND), language="en")
    assert HEADLINE == parsed.title
    assert parsed.body.startswith(LEAD)
    assert HEADLINE not in parsed.body


def test_the_title_bar_over_the_headline_gives_way_to_the_headline_alone() -> None:
    bar = f"{HEADLINE} - River News Agency"
    parsed = parse_text_page(page(bar, "News / Regional", HEADLINE, LEAD, SECOND), language="en")
    assert HEADLINE == parsed.title
    assert HEADLINE not in parsed.body


def test_a_breadcrumb_glued_to_the_headline_in_another_script_is_not_the_headline() -> None:
    headline = "ແຂວງ ຄຳມ່ວນ ເປີດ ເສັ້ນທາງ ທ່ອງທ່ຽວ ໃໝ່"
    lead = (
        "ແຂວງຄຳມ່ວນ ໄດ້ເປີດເສັ້ນທາງທ່ອງທ່ຽວໃໝ່ ໃຫ້ແກ່ນັກທ່ອງທ່ຽວ ທັງພາຍໃນ ແລະ ຕ່າງປະເທດ"
        " ເພື່ອສົ່ງເສີມ ການທ່ອງທ່ຽວ ໃນທ້ອງຖິ່ນ ແລະ ສ້າງລາຍຮັບ ໃຫ້ແກ່ປະຊາຊົນ."
    )
    crumb = f"Homeຂ່າວ{headline}"
    parsed = parse_text_page(page(crumb, headline, lead, lead), language="lo")
    assert headline == parsed.title
    assert crumb in parsed.dropped


@pytest.mark.parametrize(
    ("host", "echoed"),
    [
        (f"Home › World › {HEADLINE}", True),
        (f"{HEADLINE} | River News", True),
        (f"{HEADLINE}_rivernews", True),
        (HEADLINE, True),
        (f"{HEADLINE} as the rivers keep rising in three provinces of the north", False),
        (f"Opinion {HEADLINE}", False),
    ],
)
def test_a_headline_is_echoed_only_by_a_copy_a_breadcrumb_or_a_title_bar(
    host: str, echoed: bool
) -> None:
    lines = list(page_lines(page(host, "Regional", HEADLINE, LEAD)))
    assert echoed == is_echoed(lines, 2)


def test_a_copy_right_by_the_line_or_a_short_label_is_no_echo() -> None:
    lines = list(page_lines(page(HEADLINE, HEADLINE, "Opinion", LEAD, "Opinion")))
    assert (False, False) == (is_echoed(lines, 0), is_echoed(lines, 2))


def test_a_caption_shown_again_between_the_story_paragraphs_is_no_echo() -> None:
    caption = "Trucks wait on the flooded highway outside the provincial capital on Sunday"
    lines = list(page_lines(page(HEADLINE, caption, LEAD, caption, SECOND, THIRD)))
    assert (False, False) == (is_echoed(lines, 1), is_echoed(lines, 0))
    parsed = parse_text_page(page(HEADLINE, caption, LEAD, caption, SECOND, THIRD), language="en")
    assert HEADLINE == parsed.title


def test_a_headline_shown_again_among_short_lines_is_echoed() -> None:
    lines = list(page_lines(page(HEADLINE, LEAD, SECOND, "Related", HEADLINE, "Rains return")))
    assert is_echoed(lines, 0)


@pytest.mark.parametrize(
    "skip",
    ["본문바로가기 메뉴바로가기", "본문 바로가기", "跳到主要內容", "一鍵分享", "王小明相關文章"],
)
def test_skip_links_share_controls_and_related_labels_are_not_the_headline(skip: str) -> None:
    headline = "北韓重返南北聯絡辦公室 政府稱運作正常"
    lead = "北韓人員今天上午重返開城的南北聯絡辦公室,統一部表示辦公室將照常運作,並歡迎北方的決定。"
    second = "統一部官員說,北方人員在撤離四天之後回到辦公室,雙方聯絡代表也進行了協商與交流。"
    parsed = parse_text_page(page(skip, headline, lead, second), language="zh-Hant")
    assert headline == parsed.title
    assert skip in parsed.dropped


@pytest.mark.parametrize("aside", ["【返回】", "(Posted by River News Media)", "[Video]"])
def test_a_bracketed_aside_is_never_the_headline(aside: str) -> None:
    parsed = parse_text_page(page(aside, HEADLINE, LEAD, SECOND), language="en")
    assert HEADLINE == parsed.title
    assert aside in parsed.dropped


@pytest.mark.parametrize(
    ("text", "bracketed"),
    [
        ("【返回】", True),
        ("(Posted by River News Media)", True),
        ("[BenarNews] Six people were killed in a spate of attacks", False),
        ("Ministers meet (again) over the budget", False),
        ("(Photo) Ministers meet over the budget", False),
        ("Translated by: Jane Roe | Edited by: John Doe", True),
        ("作者：王小明｜來源：中央社", True),
        ("Laos: villagers held | a report", False),
        ("Villagers held incommunicado: a report from the north", False),
    ],
)
def test_only_a_bracketed_line_or_a_row_of_fields_is_an_aside(text: str, bracketed: bool) -> None:
    assert bracketed == is_aside(text)


def test_a_row_of_credit_fields_right_above_the_lead_is_not_the_headline() -> None:
    fields = "Translated by: Jane Roe | Edited by: John Doe"
    parsed = parse_text_page(page(HEADLINE, fields, LEAD, SECOND), language="en")
    assert HEADLINE == parsed.title


@pytest.mark.parametrize(
    "listing", ["Category Archives: Multimedia", "Tag Archives: Mekong", "Home Blog Page 11"]
)
def test_a_listing_pages_heading_right_above_the_headline_is_not_the_headline(
    listing: str,
) -> None:
    parsed = parse_text_page(page(listing, HEADLINE, "River News", LEAD, SECOND), language="en")
    assert HEADLINE == parsed.title
    assert listing in parsed.dropped


def test_a_headline_ending_with_a_page_number_word_is_still_a_headline() -> None:
    headline = "Readers turn the page on a decade of print"
    parsed = parse_text_page(page(headline, LEAD, SECOND), language="en")
    assert headline == parsed.title


def test_a_caption_closing_with_its_credit_is_not_the_headline() -> None:
    caption = "Two villagers were hurt in the flood near Kanni on April 14. (Credit: River News)"
    parsed = parse_text_page(page(HEADLINE, "0", caption, LEAD, SECOND), language="en")
    assert HEADLINE == parsed.title
    assert caption in parsed.dropped


@pytest.mark.parametrize(
    ("line", "title"),
    [
        ("新华社北京5月2日电 题：山乡巨变——来自一线的报告", "山乡巨变——来自一线的报告"),
        ("新華社貴陽2月12日電 題:山鄉巨變的十年", "山鄉巨變的十年"),
        ("專題：山鄉巨變的十年", "專題：山鄉巨變的十年"),
    ],
)
def test_an_agencys_dispatch_line_before_the_title_is_not_part_of_it(line: str, title: str) -> None:
    lead = "高寒荒涼、溝谷陡峭、峰際連天,綿延不絕的山脈千百年來封住了多少山村的出路與夢想。"
    second = "很長一段時間,這裡一直是全國農村貧困面最大、貧困程度最深、貧困人口最多的省份。"
    parsed = parse_text_page(page(line, lead, second), language="zh-Hans")
    assert title == parsed.title


def test_a_blogs_name_over_the_headline_and_a_lighter_meta_line_gives_the_headline() -> None:
    meta = "In Politics on June 6, 2010 at 6:20 pm"
    parsed = parse_text_page(page("river notes", HEADLINE, meta, LEAD, SECOND), language="en")
    assert HEADLINE == parsed.title
    assert parsed.body.startswith(LEAD) or parsed.body.startswith(meta)


def test_a_blurb_over_a_list_of_recent_posts_is_not_the_lead() -> None:
    blurb = (
        "River Notes was founded in 2004 so that local reporters could share their notes on"
        " the rivers, the towns along them and the people who live there, in one place."
    )
    posts = [
        "Recent Posts",
        "- Ministers meet over the budget",
        "- Border crossing reopens for trade",
        "- Fuel prices rise again in the capital",
    ]
    parsed = parse_text_page(
        page("River Notes", blurb, *posts, HEADLINE, LEAD, SECOND), language="en"
    )
    assert HEADLINE == parsed.title
    assert parsed.body.startswith(LEAD)
    assert blurb in parsed.dropped


def test_a_paragraph_under_a_short_heading_with_no_list_under_it_stays_the_lead() -> None:
    parsed = parse_text_page(page("River Notes", LEAD, "Update", HEADLINE, SECOND), language="en")
    assert LEAD in parsed.body


@pytest.mark.parametrize("item", ["- Ministers meet over the budget", "• Fuel prices rise again"])
def test_a_bulleted_item_right_above_the_lead_is_not_the_headline(item: str) -> None:
    parsed = parse_text_page(page(HEADLINE, "Recent Posts", item, LEAD, SECOND), language="en")
    assert HEADLINE == parsed.title


def test_a_blogs_motto_over_a_notice_and_a_posts_date_gives_the_posts_headline() -> None:
    motto = '"Walk humbly on the river road"'
    notice = (
        "Thank you for reading these notes. Please bless this work with patience, and share"
        " the stories with your friends and family wherever they live along the river."
    )
    other = "Why the river changed its course"
    lines = [motto, notice, "Tuesday, July 31, 2018", other, HEADLINE, "By Jane Roe"]
    parsed = parse_text_page(page(*lines, LEAD, SECOND), language="en")
    assert HEADLINE == parsed.title
    assert parsed.body.startswith(LEAD)


def test_the_first_line_of_a_hard_wrapped_paragraph_is_not_a_headline() -> None:
    wrapped = [
        "The ministry and a private broadcaster signed an agreement on Monday",
        "to carry the evening programmes of the radio service across the whole",
        "country, on television as well as on the radio, from the first week of",
        "next month, officials said.",
    ]
    parsed = parse_text_page(page(*wrapped, SECOND), language="en")
    assert parsed.title is None
    assert parsed.body.startswith(wrapped[0])


def test_a_headline_over_a_lead_of_another_length_is_still_the_headline() -> None:
    wrapped = [
        "The ministry and a private broadcaster signed an agreement on Monday",
        "to carry the evening programmes of the radio service across the whole",
        "country, on television as well as on the radio, from the first week of",
        "next month, officials said.",
    ]
    parsed = parse_text_page(page("Radio deal signed", *wrapped, SECOND), language="en")
    assert "Radio deal signed" == parsed.title


def test_a_menu_of_short_items_and_a_contact_line_give_no_headline() -> None:
    menu = ["週四專題報導", "影像紀錄報導", "經濟瞭望報導", "國際視窗報導", "人物專訪報導"]
    contact = "歡迎您與主持人聯絡:E-Mail: host@example.org"
    lead = (
        "香港的街頭運動已經持續了差不多半年,攝影師在現場追蹤拍攝,記錄下許多市民的日常與抗爭,"
        "也記錄下警方與示威者之間的衝突。她說,每一張照片都是一段需要被記住的歷史,不能忘記。"
    )
    parsed = parse_text_page(page(*menu, contact, "2019-12-12", lead), language="zh-Hant")
    assert parsed.title is None
    assert parsed.body.startswith(lead)
    assert all(item in parsed.dropped for item in menu)


@pytest.mark.parametrize("label", ["IN THE NEWS", "WORLD", "節目快訊", "Tin mới"])
def test_a_section_label_alone_over_the_lead_is_no_headline(label: str) -> None:
    parsed = parse_text_page(page(label, "Yangon", LEAD, SECOND), language="en")
    assert parsed.title is None
    assert LEAD in parsed.body


def test_a_short_headline_of_three_words_is_still_a_headline() -> None:
    parsed = parse_text_page(page("Six Monks Detained", LEAD, SECOND), language="en")
    assert "Six Monks Detained" == parsed.title


def test_a_language_menu_and_a_breadcrumb_right_above_the_headline_give_the_headline() -> None:
    menu = "ئۇيغۇرچە    Uyghurche    Уйғурчә"
    notice = (
        "• A conference on the region's history will be held in the capital next month, and"
        " everyone who wishes to speak at it is asked to write to the organisers by Friday."
    )
    crumb = f"You are here: Home » People » {HEADLINE}"
    parsed = parse_text_page(page(menu, notice, crumb, HEADLINE, LEAD, SECOND), language="en")
    assert HEADLINE == parsed.title
    assert parsed.body.startswith(LEAD)


def test_a_site_named_by_its_domain_and_a_search_label_over_the_headline_are_furniture() -> None:
    lines = ["News.Example.Com - Latest News", "SEARCH IN NEWS:", "HOME PAGE 24/04/2024 13:18"]
    parsed = parse_text_page(page(*lines, "News >", HEADLINE, LEAD, SECOND), language="en")
    assert HEADLINE == parsed.title
    assert lines[0] in parsed.dropped


def test_a_headline_split_after_a_colon_keeps_its_first_half_out_of_the_furniture() -> None:
    first_half = "Reporter Jane Roe:"
    quoted = "“The flood was the worst in fifty years”"
    parsed = parse_text_page(page(first_half, quoted, LEAD, SECOND), language="en")
    assert first_half not in parsed.dropped or first_half == parsed.title


@pytest.mark.parametrize(
    ("text", "menu"),
    [
        ("News    English    العربية    Türkçe", True),
        ("Floodwaters cut the highway    between two provincial capitals", False),
    ],
)
def test_items_set_apart_by_runs_of_spaces_are_a_menu(text: str, menu: bool) -> None:
    assert menu == in_menu(list(page_lines(text)), 0)


def test_a_title_bar_cut_mid_word_takes_the_whole_headline_shown_below() -> None:
    whole = "基本法23條今日生效 亞洲電台宣布撤離香港"
    cut = "[新聞] 基本法23條今日生效 亞洲電台宣布撤"
    lead = (
        "基本法第23條本月生效,政府掌握更大權力管控社會異議,電台今天宣布,因記者和員工"
        "對自身安全的擔憂,正式關閉其在香港的辦公室,節目將繼續播出。"
    )
    lines = [cut, "作者: reader (讀者)   2024-03-30 21:43:54", "完整新聞標題:", whole, lead]
    parsed = parse_text_page(page(*lines), language="zh-Hant")
    assert whole == parsed.title
    assert whole not in parsed.body


@pytest.mark.parametrize(
    ("below", "whole"),
    [
        ("Radio service leaves the city after the new law", None),
        ("Radio service leaves the city Monday, January 28, 2013", None),
        ("Radio service leaves the cityscape", "Radio service leaves the cityscape"),
    ],
)
def test_a_title_is_completed_only_by_a_line_going_on_with_its_cut_word(
    below: str, whole: str | None
) -> None:
    title = "Radio service leaves the city"
    lines = list(page_lines(page(title, below, LEAD)))
    assert whole == completed_title(lines, 0, title)
