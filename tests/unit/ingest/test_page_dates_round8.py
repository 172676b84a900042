"""Round 8's date places: a date beside a byline set off by spaces, a dateline opening the
lead under a headline the story kept, an editor's stamp in the ROC calendar. Pages written
for the tests in the shapes real pages take, each with the neighbour that must not change
the answer."""

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


def _date(page: str, language: str = "en") -> D | None:
    return parse_text_page(page, language=language).date


def test_a_date_set_off_from_the_byline_by_spaces_is_the_story_date() -> None:
    page = _page(TITLE, "By Mary Smith   March 4, 2019 | 04:51 pm PT", LEAD, SECOND, THIRD)
    assert D(2019, 3, 4) == _date(page)


def test_a_name_and_words_set_off_by_spaces_give_no_date() -> None:
    page = _page(TITLE, "By Mary Smith   Staff Writer | 04:51 pm PT", LEAD, SECOND, THIRD)
    assert _date(page) is None


def test_a_dateline_opening_the_lead_under_a_site_name_is_the_story_date() -> None:
    page = _page(
        "Example Jobs Network - JOIN NOW",
        "Example Radio",
        TITLE,
        f"2020-08-18 -- {LEAD}",
        SECOND,
        THIRD,
    )
    assert D(2020, 8, 18) == _date(page)


def test_a_date_inside_the_lead_is_no_dateline() -> None:
    page = _page(
        "Example Radio",
        TITLE,
        f"{LEAD} The first houses burned on 2020-08-18, they said.",
        SECOND,
        THIRD,
    )
    assert _date(page) is None


def test_an_editor_stamp_closing_the_story_dates_it() -> None:
    page = _page(
        "颱風逼近 多縣市明天停班停課",
        "颱風持續逼近,多個縣市政府今晚宣布,明天停止上班及上課,民眾應注意安全。",
        "氣象局表示,颱風暴風圈明天上午可能接觸陸地,各地將有豪雨。",
        "其餘縣市因未列入警戒區域,明天正常上班及上課。(編輯:王小明)1120903",
        "新聞來源:中央社",
        "新聞關鍵字",
    )
    assert D(2023, 9, 3) == _date(page, "zh-Hant")
