"""Round 9's date places: a post's stamp glued to its lead (a weekday or time after the
date), a metadata line's labelled date closing the story, a stamp opening a byline. Pages
written for the tests in the shapes real pages take, each with the neighbour that must not
change the answer."""

from __future__ import annotations

import datetime

from archive.ingest.dates import closing_date, dateline_date
from archive.ingest.textpage import parse_text_page
from tests.unit.ingest.pages import page as _page

D = datetime.date

ZH_TITLE = "山区连降暴雨 镇村干部连夜转移群众"
ZH_LEAD = (
    "3日凌晨，山区突降暴雨，河道水位迅速上涨，镇村干部挨家挨户敲门，"
    "把住在河边的老人和孩子转移到村委会和学校。"
)
ZH_SECOND = "据统计，全镇共转移群众八百多人，目前没有人员伤亡，救灾工作仍在进行。"
ZH_THIRD = "当地气象部门预计，未来三天仍有强降雨，提醒群众不要前往河边和山区。"


def test_a_stamp_with_its_weekday_and_time_glued_to_the_lead_is_the_story_date() -> None:
    page = _page(ZH_TITLE, "2019-7月-03 周三 06:15 +0800" + ZH_LEAD, ZH_SECOND, ZH_THIRD)
    assert parse_text_page(page, language="zh-Hans").date == D(2019, 7, 3)


def test_a_tibetan_stamp_before_the_head_mark_is_the_date() -> None:
    paragraph = (
        "ཕྱི་ལོ་ ༢༠༢༠ ཟླ་ ༤ ཚེས་ ༡༥ གཟའ་ཕུར་བུ།༄༅། །ཕྱི་ལོ་ ༢༠༢༠ ཟླ་ ༤ ཚེས་ ༡༣ ཉིན་"
        "ཚོགས་པའི་འཐུས་མི་རྣམས་ཀྱིས་གྲོས་ཚོགས་ཐེངས་དང་པོ་ཚོགས་ཡོད།"
    )
    assert dateline_date(paragraph, language="bo") == D(2020, 4, 15)


def test_a_lead_opening_with_a_date_alone_gives_no_stamp() -> None:
    # the date is the sentence's own: no weekday or time sets it off as a stamp
    assert (
        dateline_date("2019年7月3日 山区突降暴雨，镇村干部连夜转移群众。", language="zh-Hans")
        is None
    )


def test_a_labelled_date_in_the_metadata_line_closing_the_story_is_its_date() -> None:
    page = _page(
        ZH_TITLE,
        ZH_LEAD,
        ZH_SECOND,
        ZH_THIRD,
        "责任编辑:王明 来源: 新华社 撰写时间:2019-07-03 08:27:43",
    )
    assert parse_text_page(page, language="zh-Hans").date == D(2019, 7, 3)


def test_a_list_of_labelled_dates_under_the_story_gives_none() -> None:
    page = _page(
        ZH_TITLE,
        ZH_LEAD,
        ZH_SECOND,
        ZH_THIRD,
        "相关新闻 发布时间:2019-06-28 山区修路",
        "相关新闻 发布时间:2019-06-21 学校开学",
    )
    assert parse_text_page(page, language="zh-Hans").date is None


def test_a_stamp_opening_a_byline_gives_its_date() -> None:
    assert closing_date("Thursday, 10 September 2015 15:01 Mary Smith") == D(2015, 9, 10)
    # a sentence is no byline, weekday or not
    assert closing_date("Thursday, 10 September 2015 the river burst its banks") is None
