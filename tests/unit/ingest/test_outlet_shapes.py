"""Where pages name their outlet beyond labels and datelines: a place-less bracket dateline,
a republisher's notice, a source address, a broadcast's close, a closing name line, a
Chinese photo's or video's maker, a Vietnamese job title before the outlet."""

from __future__ import annotations

import pytest

from archive.ingest.outlets import outlet_of_address, outlets_named

_LEAD = "The city council met on Monday to plan the new bridge over the river, officials said."
_LEAD_ZH = "受持续强降雨天气影响,当地防汛形势严峻,不少村民被转移至避灾安置场所,记者来到当地。"


def _keys(texts: list[str], *, top: int = 0, first: int = 1, last: int | None = None) -> list[str]:
    end = len(texts) - 1 if last is None else last
    return [
        entry.service_key or "" for entry in outlets_named(texts, top=top, first=first, last=end)
    ]


def test_a_bracket_dateline_without_its_place_names_the_outlet() -> None:
    lead = (
        "(VOVWORLD) - Vietnam took its seat on the Security Council for the first time on Monday."
    )
    assert _keys(["A headline", lead, _LEAD]) == ["vov"]


def test_an_aside_in_brackets_is_no_dateline() -> None:
    lead = "(Updated) - The city council met on Monday to plan the new bridge, officials said."
    assert _keys(["A headline", lead, _LEAD]) == []


def test_according_to_may_open_a_bracketed_reporter() -> None:
    lead = "【2月5日报导】(据中广新闻记者王长伟汉城报导)南韩的脱北者计划成立网络电台,向北韩广播。"
    assert "bcc" in _keys(["标题", lead, _LEAD_ZH])


@pytest.mark.parametrize(
    ("line", "key"),
    [
        ("Originally posted by the Voice of America. Public domain.", "voa"),
        ("This article was originally published by Reuters.", "reuters"),
        ("Republished with permission from Radio Free Asia.", "rfa"),
        ("This content originally appeared on Radio Free Asia and was authored by it.", "rfa"),
    ],
)
def test_a_republishers_notice_names_where_the_story_first_ran(line: str, key: str) -> None:
    assert _keys([line, "A headline", _LEAD], top=1, first=2) == [key]


def test_a_sentence_about_another_report_is_no_notice() -> None:
    assert _keys(["A headline", "The report, first published by Reuters, said so.", _LEAD]) == []


@pytest.mark.parametrize(
    ("address", "key"),
    [
        ("https://tuoitrenews.vn/news/society/20180618/fake-policeman", "tuoi-tre"),
        ("www.rfa.org/english/news/uyghur", "rfa"),
        ("https://www.voanews.com/a/123.html", "voa"),
        ("http://www.cna.com.tw/news/1.aspx", "cna"),
    ],
)
def test_an_address_names_its_outlet_by_its_host(address: str, key: str) -> None:
    info = outlet_of_address(address)
    assert info is not None and info.key == key


def test_an_unknown_host_names_nothing() -> None:
    assert outlet_of_address("https://example.com/news/1") is None


def test_a_source_label_over_an_address_names_the_outlet() -> None:
    texts = ["A headline", _LEAD, _LEAD, "Source: https://tuoitrenews.vn/news/society/2018/x"]
    assert _keys(texts, last=2) == ["tuoi-tre"]


@pytest.mark.parametrize(
    ("close", "key"), [("MBC뉴스 김민찬입니다.", "mbc"), ("YTN 조용성입니다.", "ytn")]
)
def test_a_korean_broadcast_close_names_the_station(close: str, key: str) -> None:
    texts = ["제목", "경찰은 오늘 사건 현장을 조사했다고 밝혔습니다.", close]
    assert _keys(texts) == [key]


def test_a_speaker_introducing_himself_names_no_station() -> None:
    texts = ["제목", "경찰은 오늘 사건 현장을 조사했다고 밝혔습니다.", "저는 김민찬입니다."]
    assert _keys(texts) == []


def test_the_outlets_name_alone_under_the_story_names_it() -> None:
    texts = ["A headline", _LEAD, _LEAD, "Xinhua", "Leave a comment"]
    assert _keys(texts, last=2) == ["xinhua"]


def test_a_name_between_a_caption_and_the_next_paragraph_credits_the_photo() -> None:
    texts = ["A headline", _LEAD, "Students at the festival in Ankara", "RFA", _LEAD + " " + _LEAD]
    assert _keys(texts, last=4) == []


def test_a_caption_credit_in_the_storys_last_lines_is_no_copyright_line() -> None:
    texts = ["A headline", _LEAD, _LEAD, "Workers protest the coup in Yangon.    © AFP"]
    assert _keys(texts) == []


def test_an_address_path_may_name_the_language_service() -> None:
    info = outlet_of_address("http://www.rfa.org/uyghur/xewerler/tepsili_xewer/x")
    assert info is not None and info.key == "rfa-uyghur"


@pytest.mark.parametrize(
    "line",
    ["新华社记者 齐海山 摄", "新華社發(陳熙 攝)", "(新华社记者 刘军喜 摄)", "新华社音视频部制作"],
)
def test_a_chinese_photo_or_video_credit_names_its_maker(line: str) -> None:
    assert _keys(["标题", _LEAD_ZH, line]) == ["xinhua"]


def test_a_photo_credit_gives_way_to_the_outlet_the_page_names() -> None:
    texts = ["标题", "来源:人民网", _LEAD_ZH, "新华社记者 齐海山 摄"]
    assert _keys(texts, first=2) == ["peoples-daily-online"]


def test_a_vietnamese_job_title_before_the_outlet_in_a_byline() -> None:
    texts = ["Tiêu đề", "Mặc Lâm, biên tập viên RFA, Bangkok", _LEAD]
    assert _keys(texts, first=2) == ["rfa"]


_LEAD_VI = "Công an xã vừa phát hiện đối tượng chia sẻ bài viết sai sự thật trên mạng xã hội."


@pytest.mark.parametrize(
    ("lead", "key"),
    [
        ("VOV.VN - Sáng nay, Quốc hội khai mạc kỳ họp thứ tám tại Hà Nội.", "vov"),
        ("GĐXH - Công an xã vừa phát hiện, vô hiệu hóa đối tượng chia sẻ bài viết.", None),
        ("VTV.vn - Trong chương trình sáng nay, đài đã mời đến trường quay hai vị khách.", "vtv"),
    ],
)
def test_a_vietnamese_outlets_mark_and_dash_opening_the_lead_names_it(
    lead: str, key: str | None
) -> None:
    assert _keys(["Tiêu đề", lead, _LEAD_VI]) == [key or "gia-dinh-xa-hoi"]


@pytest.mark.parametrize(
    "lead",
    [
        "Hà Nội - Sáng nay, Quốc hội khai mạc kỳ họp thứ tám tại thủ đô.",  # a place
        "Ông Nguyễn Văn A - chủ tịch xã - cho biết sẽ xử lý nghiêm vụ việc.",  # a person
    ],
)
def test_a_place_or_a_person_before_a_dash_is_no_outlet(lead: str) -> None:
    assert _keys(["Tiêu đề", lead, _LEAD_VI]) == []


@pytest.mark.parametrize(
    ("lead", "key"),
    [
        ("【人民报消息】我的「成名」让人心酸,这种名气让人有些心酸。", "renminbao"),
        ("【新唐人北京時間2021年10月25日訊】大家好,歡迎收看今天的節目。", "ntd"),
        ("【圆明网】大法弟子连续一个礼拜在雅典举行活动,吸引了各国媒体。", "yuanming"),
    ],
)
def test_a_chinese_outlets_bracketed_dispatch_names_it(lead: str, key: str) -> None:
    assert _keys(["标题", lead, _LEAD_ZH]) == [key]


def test_a_column_or_an_authors_bracket_is_no_outlet() -> None:
    lead = "【文/觀察者網專欄作者 某某】近來,中美關係的緊張吸引了大眾的注意力。"
    column = "【紀元曙光】2020年4月25日,當初只有幾台電腦。"
    assert _keys(["标题", lead, _LEAD_ZH]) == [] and _keys(["标题", column, _LEAD_ZH]) == []
