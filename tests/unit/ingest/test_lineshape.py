"""The chrome shapes the line model reads of a line's text, in several scripts, with the
paragraphs and headings that must not take them."""

from __future__ import annotations

import pytest

from archive.ingest.lineshape import (
    bracket_credit_end,
    code_line,
    colon_label,
    has_email,
    has_image_file,
    noise_tokens,
    quoted_share,
    section_heads,
    symbol_ratio,
    tag_list,
)

PARAGRAPH = "The river rose by two metres overnight, and the ferry to the island stopped running."
CJK_PARAGRAPH = "昨晚河水上涨两米，通往岛上的渡船已经停航，村民说他们从未见过这样的洪水。"


def test_a_watermark_of_ascii_noise_is_marked_and_a_sentence_is_not() -> None:
    watermark = "7 k# p: d2 q& m! 水灾论坛"
    assert noise_tokens(watermark) >= 4
    assert symbol_ratio(watermark) > symbol_ratio(CJK_PARAGRAPH)
    assert noise_tokens(PARAGRAPH) == 0
    assert noise_tokens(CJK_PARAGRAPH) == 0
    assert noise_tokens("Route 9, km 12 (3.5 hours) B2") == 1  # one glued letter and digit


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("reporter.lee@example-news.kr", True),
        ("Write to us: desk@mekongwire.org", True),
        ("Follow @mekongwire on the app", False),
        (PARAGRAPH, False),
    ],
)
def test_an_email_address_is_found(line: str, expected: bool) -> None:
    assert has_email(line) is expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("https://img.example.com/2024/05/flood-ferry.JPG", True),
        ("![](https://img.example.com/a/b) |", True),
        ("ferry_photo_02.webp", True),
        ("The jpeg format was named after its committee.", False),
    ],
)
def test_an_image_file_or_an_embedded_image_is_found(line: str, expected: bool) -> None:
    assert has_image_file(line) is expected


@pytest.mark.parametrize(
    "line",
    [
        "Floods / Mekong / Ferries",
        "홍수 , 메콩강 , 여객선 , 섬 주민",
        "洪水、湄公河、渡船、岛民",
        "Floods | Ferries | Island life",
    ],
)
def test_a_list_of_short_tags_is_a_tag_list(line: str) -> None:
    assert tag_list(line)


@pytest.mark.parametrize(
    "line",
    [
        PARAGRAPH,
        "Floods, ferries and island life",  # two separators make no three items
        "The ferry, the bridge, the road.",  # a sentence
        "Ferry operators say the river has risen faster this year, officials / residents",
    ],
)
def test_a_sentence_or_a_long_item_is_no_tag_list(line: str) -> None:
    assert not tag_list(line)


@pytest.mark.parametrize(
    "line",
    [
        "Villagers wait for the ferry on Monday (Mekong Wire)",
        "물에 잠긴 마을.[사진=메콩통신] |",
        "(本报新闻中心供稿)",
    ],
)
def test_a_credit_in_brackets_closing_a_line_is_marked(line: str) -> None:
    assert bracket_credit_end(line)


@pytest.mark.parametrize(
    "line", [PARAGRAPH, "(The ferry stopped running.) Then the river fell", "Ferry (boat) service"]
)
def test_a_bracket_not_closing_the_line_is_no_bracketed_credit(line: str) -> None:
    assert not bracket_credit_end(line)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Source: Ferry service halted as river rises", True),
        ("No comments:", True),
        ("来源：新闻中心", True),
        ("مەنبە: خەۋەر تورى", True),
        ("Updated 12:30", False),  # a clock
        ("The minister said: the ferry will run again next week.", False),  # a sentence
        ("One of the three villagers who spoke to reporters at the pier said: wait", False),
    ],
)
def test_a_short_label_before_a_colon_with_no_sentence_is_marked(line: str, expected: bool) -> None:
    assert colon_label(line) is expected


def test_a_line_quoting_a_headline_is_mostly_quote_and_a_paragraph_is_not() -> None:
    teaser = "Continue reading “Ferry service halted as the river rises”"
    assert quoted_share(teaser) > 0.7
    said = 'The ferry operator said "we will wait" before he left the pier on Monday morning.'
    assert quoted_share(said) < 0.3
    assert quoted_share(PARAGRAPH) == 0.0


DIGEST = [
    "Farmers march on provincial hall over land",  # 0 an item's heading
    PARAGRAPH,
    "The hall's officials promised an answer within the month, the farmers said.",
    "Ferry to the island stops as the river rises",  # 3 the next item's heading
    "Villagers at the pier on Monday",  # 4 its caption
    "The ferry stopped running on Sunday night after the river rose two metres.",
    "Boatmen said they had never seen the water this high in April.",
]


def test_a_digest_items_headings_open_runs_of_paragraphs_and_a_caption_does_not() -> None:
    prose = [False, True, True, False, False, True, True]

    # the second heading opens its item over a caption: at most two short lines between
    assert (0, 3) == section_heads(DIGEST, prose)


def test_a_caption_over_one_paragraph_a_sentence_and_a_lone_line_head_nothing() -> None:
    teaser = ["Villagers at the pier on Monday", PARAGRAPH, "Most read", "Ferry stops"]
    assert () == section_heads(teaser, [False, True, False, False])
    # a line ending its sentence is no heading, even over a run of paragraphs
    sentence = ["The river rose.", PARAGRAPH, PARAGRAPH]
    assert () == section_heads(sentence, [False, True, True])
    # three short lines before the paragraphs: a list, not a heading and its caption
    listed = [
        "Most read",
        "Ferry stops",
        "Court delays ruling",
        "Roads closed",
        PARAGRAPH,
        PARAGRAPH,
    ]
    assert () == section_heads(listed, [False, False, False, False, True, True])
    # a label ending in a colon heads its paragraphs, in any script
    label = [
        "소식:",
        "昨晚河水上涨两米，通往岛上的渡船已经停航。",
        "村民说他们从未见过这样的洪水。",
    ]
    assert (0,) == section_heads(label, [False, True, True])


@pytest.mark.parametrize(
    "line",
    [
        "(function() { var pa = document.createElement('script'); pa.async = true; })();",
        "(adsbygoogle = window.adsbygoogle || []).push({});",
        "googletag.cmd.push(function() { googletag.display('div-gpt-ad-1'); });",
        "<image>data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAE</image>",
        "var disqus_shortname = 'example';",
        "p.caption { font-size: 12px; color: #666; }",
    ],
)
def test_markup_and_script_are_code(line: str) -> None:
    assert code_line(line)


@pytest.mark.parametrize(
    "line",
    [
        PARAGRAPH,
        CJK_PARAGRAPH,
        "The function (of the council) is to hear complaints from the villages.",
        "The documents were handed to the court; the window for appeals closes on Friday.",
        "See document.pdf (2 pages) for the ministry's figures.",
        "Let x = the number of families moved, the report says.",
        "<기자>",
        "Mr. Kim {said}: yes;",
    ],
)
def test_sentences_that_name_code_words_are_not_code(line: str) -> None:
    assert not code_line(line)
