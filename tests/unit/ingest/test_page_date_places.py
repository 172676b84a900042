"""Where a page's dates stand decides whose they are: the site's clock, the story's date, the
next post's, a stamp under the story. Pages written for the tests in the shapes real pages
take (never copies of them), each with the neighbour that must not change the answer."""

from __future__ import annotations

import datetime

from archive.ingest.textpage import parse_text_page
from tests.unit.ingest.pages import page as _page

D = datetime.date

TITLE = "Villagers Flee as Troops Burn Homes in Northern Region"
LEAD = (
    "Soldiers burned 35 houses in a village in the northern region on Sunday, residents "
    "said after they fled into the forest with what they could carry."
)
SECOND = "“We could only carry our children,” one resident told reporters by telephone."
THIRD = "The army did not respond to requests for comment on the reports of the burning."
FOURTH = "Aid groups said more than two thousand people had fled the area since March."
FIFTH = "The region has seen some of the heaviest fighting since the army took power."


def _dates(page: str, language: str = "en") -> tuple[D | None, D | None]:
    parsed = parse_text_page(page, language=language)
    return parsed.date, parsed.captured


# --- the site's clock -------------------------------------------------------------------------


def test_a_clock_over_the_site_name_and_breadcrumb_is_the_capture_date() -> None:
    page = _page(
        "Friday, 13 December 2019",
        "Example News",
        f"Home > News > Brief > {TITLE}",
        TITLE,
        LEAD,
        SECOND,
    )

    assert (None, D(2019, 12, 13)) == _dates(page)


def test_a_post_date_over_the_blog_name_and_headline_is_the_story_date() -> None:
    page = _page("Monday, May 30, 2016", "The Example Magazine", TITLE, LEAD, SECOND)

    assert (D(2016, 5, 30), None) == _dates(page)


def test_a_clock_over_the_home_link_of_a_listing_page_is_the_capture_date() -> None:
    page = _page("Tuesday, May 6, 2025", "Home Blog Page 11", TITLE, "0", LEAD, SECOND)

    assert (None, D(2025, 5, 6)) == _dates(page)


def test_a_clock_over_a_bulleted_menu_is_the_capture_date() -> None:
    page = _page(
        "• English", "Tuesday, July 1, 2025", "No Result", "Example Post", "• Home", "• News",
        TITLE, LEAD, SECOND,
    )  # fmt: skip

    assert (None, D(2025, 7, 1)) == _dates(page)


def test_a_date_over_a_bulleted_list_of_headlines_is_no_clock() -> None:
    page = _page(
        "Tuesday, July 1, 2025", "• Homes Burn in Second Village as Fighting Spreads",
        TITLE, LEAD, SECOND,
    )  # fmt: skip

    assert (D(2025, 7, 1), None) == _dates(page)


def test_an_epigraph_attribution_over_the_lead_does_not_date_the_story() -> None:
    page = _page(
        TITLE, "“We will hold the line whatever it costs.”",
        "— John Smith, Riverside, TX, April 15, 2019", LEAD, SECOND, THIRD,
    )  # fmt: skip

    assert (None, None) == _dates(page)


def test_a_byline_with_its_date_over_the_lead_still_dates_the_story() -> None:
    page = _page(
        TITLE, "By John Smith, Example Wire, April 15, 2019", LEAD, SECOND, THIRD,
    )  # fmt: skip

    assert (D(2019, 4, 15), None) == _dates(page)


def test_a_link_address_under_the_headline_is_no_navigation() -> None:
    page = _page(
        "Wednesday, 4 November 2015",
        TITLE,
        "http://example.org/news/villagers-flee/",
        LEAD,
        SECOND,
    )

    assert (D(2015, 11, 4), None) == _dates(page)


# --- labels: published and updated -----------------------------------------------------------


def test_the_published_line_beats_the_updated_line_under_the_headline() -> None:
    page = _page(
        "警察驅離抗議民眾 衝突中多人受傷",
        "發佈時間:2004/04/04 12:04",
        "最後更新時間:2016/05/16 07:06",
        "警方強制驅離總統府前的集會民眾，有人被拖或抬上警車，衝突推擠中多人受傷，共有一百五十人被帶回警局。",
        "警方表示，這是歷年來處理群眾事件帶回人數最多的一次，現場秩序已經恢復。",
    )

    assert (D(2004, 4, 4), None) == _dates(page, "zh-Hant")


# --- the next post, a list's items --------------------------------------------------------------


def test_the_next_post_date_in_the_same_format_is_not_this_story_date() -> None:
    page = _page(
        "dimanche 27 décembre 2015",
        "Ước mơ của Thủy - Tác giả, biên tập viên",
        "Một biến cố chữ nghĩa",
        "Vụ việc xáo động cộng đồng mạng vì cô là một khuôn mặt nổi bật trong giới trẻ, "
        "và việc bắt giữ này không nằm ngoài dự tính của cô gái trẻ đầy nghị lực này.",
        "jeudi 26 novembre 2015",
        "Người Việt tưởng niệm nạn nhân - Phóng viên",
        "Hơn sáu mươi triệu người dân vẫn chưa thoát khỏi cơn bàng hoàng sau vụ khủng bố "
        "vừa qua, và người Việt tỏ tình liên đới bằng một buổi tưởng niệm tại nhà hát.",
    )

    assert D(2015, 12, 27) == _dates(page, "vi")[0]


def test_a_list_whose_items_end_with_their_dates_dates_the_first_item() -> None:
    page = _page(
        TITLE,
        LEAD,
        "2018-08-20 Jane Doe -",
        "Farmers Return to Flooded Fields in the South",
        "Farmers went back to their fields on Friday after the water fell, though many "
        "found their crops gone and their tools swept away by the flood.",
        "2018-08-17 John Roe -",
    )

    assert D(2018, 8, 20) == _dates(page)[0]


# --- the story's own marks ----------------------------------------------------------------------


def test_the_crawler_record_glued_to_the_site_menu_dates_the_page() -> None:
    page = _page(
        " date 2021-02-06 Directory of sitesLoginContactSupport",
        "APAC",
        TITLE,
        "By Example Staff",
        LEAD,
        SECOND,
    )

    assert (D(2021, 2, 6), None) == _dates(page)


def test_a_bracketed_signoff_closing_the_only_paragraph_dates_the_story() -> None:
    page = _page(
        "Hello Radio: Two Lawmakers Prepare a Lawsuit",
        "Your browser doesn’t support HTML5",
        "The two lawmakers said on the programme on Thursday that they were talking to "
        "lawyers and preparing the case, as no court at home would hear them. "
        "(Jane Doe, Hello Radio, Washington, 31 December 2015)",
    )

    assert (D(2015, 12, 31), None) == _dates(page)


def test_a_labelled_stamp_right_under_the_story_dates_it() -> None:
    page = _page(
        TITLE, LEAD, SECOND, THIRD, FOURTH, FIFTH, "Publish : 2021-02-07 15:02:00", "Comments"
    )

    assert (D(2021, 2, 7), None) == _dates(page)


def test_a_filing_stamp_closing_the_page_under_a_tip_line_dates_the_story() -> None:
    page = _page(
        LEAD,
        SECOND,
        THIRD,
        "Hanbit TV tips and questions : chat ID hanbit99",
        "<Copyright (c) Hanbit News, no reuse> 2020/03/04 09:15 송고",
    )

    assert (D(2020, 3, 4), None) == _dates(page, "ko")


def test_a_stamp_under_a_tip_line_with_more_lines_after_it_does_not_date_the_story() -> None:
    page = _page(
        LEAD,
        SECOND,
        THIRD,
        "Hanbit TV tips and questions : chat ID hanbit99",
        "<Copyright (c) Hanbit News, no reuse> 2020/03/04 09:15 송고",
        "Most read stories of the week from across the country",
        "Ministers agree on a plan to rebuild the border roads after floods",
    )

    assert (None, None) == _dates(page, "ko")


def test_a_dated_item_of_a_list_under_the_story_does_not_date_it() -> None:
    page = _page(TITLE, LEAD, SECOND, THIRD, FOURTH, FIFTH, "09/09/1943: Allies Land in Italy")

    assert (None, None) == _dates(page)


def test_a_stamp_weeks_off_the_yearless_wire_dateline_is_not_the_story_date() -> None:
    page = _page(
        "快3登录|在线平台入口 - 官网首页",
        "快3邀请码2023-01-31 16:05",
        "快3登录",
        "发言人回应岛内政治人物的和平论述",
        "中新网1月11日电 发言人11日表示,和平与分裂水火不容,"
        "岛内一些政客如果真的要和平,就应该放弃分裂立场。",
        "11日,例行新闻发布会举行。有记者提问:近期岛内政治人物多次抛出新的论述,对此有何评论?",
    )

    assert (None, None) == _dates(page, "zh-Hans")


def test_a_date_a_day_after_the_yearless_dateline_stays_the_story_date() -> None:
    page = _page(
        TITLE,
        "Jan 13, 2023",
        "SEOUL, Jan. 12 (UPI) -- Soldiers burned 35 houses in a village on Sunday, residents "
        "said after they fled into the forest.",
        SECOND,
    )

    assert (D(2023, 1, 13), None) == _dates(page)


# --- the walk up from the lead ------------------------------------------------------------------


def test_a_speaker_label_over_the_lead_does_not_hide_the_date_over_it() -> None:
    page = _page(
        "본문바로가기 메뉴바로가기",
        "배너 닫기",
        "본문",
        "국민방송",
        '北, 연락사무소 일부 복귀···정부 "정상 운영"',
        "생방송 대한민국 2부 월~금요일 16시 30분",
        '北, 연락사무소 일부 복귀···정부 "정상 운영"',
        "등록일 : 2019.03.25",
        "김영수 앵커>",
        "북측이 나흘 만에 연락사무소에 복귀했습니다.",
        "통일부는 연락 채널 기능을 계속 수행할 것이라며 환영의 뜻을 밝혔습니다.",
        "이지은 기자>",
        "북측 실무 직원들이 오늘 오전 출근해 근무 중이라고 통일부가 밝혔습니다.",
    )

    assert D(2019, 3, 25) == _dates(page, "ko")[0]


def test_a_byline_with_its_outlet_and_date_set_apart_by_slashes_dates_the_story() -> None:
    page = _page(TITLE, "By Jane Doe and John Roe / Reuters / March 5, 2021", LEAD, SECOND)

    assert (D(2021, 3, 5), None) == _dates(page)


def test_the_post_date_over_the_post_headline_dates_a_blog_page_with_a_long_header() -> None:
    page = _page(
        "“Words of the Way”",
        "Thank you for reading. Please bless this blog with wisdom and patience, and help "
        "us all to read without preconceived notions, in grace and love.",
        "Please note: All my comments appear in bold italics in this colour",
        "Showing posts with label defection. Show all posts",
        "Tuesday, July 31, 2018",
        "Why the Border Town Emptied Overnight",
        "By Jane Doe",
        LEAD,
        SECOND,
    )

    assert D(2018, 7, 31) == _dates(page)[0]
