"""What a site says to its reader: closed word classes in every language, and how much of a
line the story's own words make."""

from __future__ import annotations

import pytest

from archive.ingest.notices import (
    calls_to_act,
    marker_line,
    rights_notice,
    speaks_to_reader,
    story_overlap,
    vocabulary,
    words_of,
)

STORY_SENTENCES = [
    "The court in Phnom Penh sentenced the two farmers to a year in prison on Monday.",
    "农民们周一在省政府门前抗议,要求归还被征用的土地。",
    "주민들은 월요일 도청 앞에서 땅을 돌려달라고 요구했다.",
    "Nông dân tập trung trước trụ sở tỉnh hôm thứ Hai để đòi lại đất.",
    "ប្រជាពលរដ្ឋបានប្រមូលផ្តុំនៅមុខសាលាខេត្តកាលពីថ្ងៃច័ន្ទ។",
]


@pytest.mark.parametrize(
    "line",
    [
        "Copyright 2024 Mekong Wire. All rights reserved.",
        "No part of this article may be reproduced without written permission.",
        "本网站所刊载信息,不代表本网观点。刊用本网站稿件,务经书面授权。",
        "未經授權禁止轉載",
        "저작권자 © 동북아신문 무단전재 및 재배포 금지",
        "Bản quyền thuộc về báo Mekong. Ghi rõ nguồn khi phát hành lại.",
        "Please read our comment policy before commenting.",
    ],
)
def test_a_rights_or_comment_rules_notice_is_marked(line: str) -> None:
    assert rights_notice(line)


@pytest.mark.parametrize(
    "line",
    [
        "Support independent journalism. Sign up to become a member.",
        "This post is for paying subscribers",
        "Follow us on our official channel for breaking news alerts",
        "加入Line好友",
        "点击关注我们的公众号",
        "뉴스레터 구독하기",
        "Đăng ký nhận bản tin",
        "Quảng cáo",
    ],
)
def test_a_call_to_act_on_the_site_is_marked(line: str) -> None:
    assert calls_to_act(line)


@pytest.mark.parametrize("line", STORY_SENTENCES)
def test_a_story_sentence_is_no_notice_no_call_and_no_marker(line: str) -> None:
    assert (False, False, False, False) == (
        rights_notice(line),
        calls_to_act(line),
        speaks_to_reader(line),
        marker_line(line),
    )


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Share it if you like it", True),
        ("感谢您的阅读", True),
        ("독자 여러분의 제보를 기다립니다", True),
        ("Cảm ơn bạn đã đọc", True),
        ("The minister said the farmers would be paid.", False),
    ],
)
def test_a_line_speaking_to_the_reader_is_marked(line: str, expected: bool) -> None:
    assert expected == speaks_to_reader(line)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("(完)", True),
        ("(END)", True),
        ("◀ 앵커 ▶", True),
        ("<기자>", True),
        ("[기사내용]", True),
        ("<!--more-->", True),
        ("(The minister later denied the report, saying it was false.)", False),
        ("Farmers march (again)", False),
    ],
)
def test_a_short_marker_in_brackets_is_marked(line: str, expected: bool) -> None:
    assert expected == marker_line(line)


def test_words_are_folded_words_and_character_pairs_where_no_spaces_split_them() -> None:
    assert ["farmers", "marched", "monday"] == words_of("The farmers marched on Monday")
    assert ["农民", "民抗", "抗议"] == words_of("农民抗议")
    # a Latin word glued into a Chinese line is a word of its own
    assert ["加入", "好友", "line"] == words_of("加入Line好友")
    assert ["tỉnh", "hội"] == words_of("Tỉnh hội 12")


def test_a_cut_off_paragraph_shares_the_storys_words_and_an_offer_does_not() -> None:
    story = [
        "Farmers from Kampong Speu marched to the provincial hall on Monday.",
        "The Kampong Speu farmers say the sugar company took their land in 2010.",
        "Officials said the farmers would be heard by the provincial land office",
        "Subscribe today for unlimited access to independent journalism",
    ]
    words = vocabulary(story)

    # "farmers", "provincial", "land" of its eight words stand in other lines
    assert story_overlap(story[2], words) == 3 / 8
    assert story_overlap(story[3], words) == 0.0
    assert story_overlap("12 34", words) == 0.0  # no words at all
