"""Round 8's native credit readers (native_credits.py): label lists, a wire's bracketed
dateline, an anchor's handover, a signature closing the last paragraph and the Uyghur
"listen to our reporter's report" (made-up lines of each shape, in each language, with
the lines that must not read as credits)."""

from __future__ import annotations

import pytest

from archive.ingest.credit_words import is_place_abbreviation
from archive.ingest.native_credits import (
    han_dateline_credits,
    korean_handover,
    label_list_credits,
    native_credits,
    signature_tail,
    uyghur_listen,
)
from archive.ingest.textpage import parse_text_page


def pairs(entries: list) -> list[tuple[str, str]]:  # type: ignore[type-arg]
    return [(entry.role, entry.name) for entry in entries]


# --- label lists -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        # text reporters, a list
        (
            "文字記者:王小明、李大華、張三",
            [("reporter", "王小明"), ("reporter", "李大華"), ("reporter", "張三")],
        ),
        ("文字记者：王小明 李大华", [("reporter", "王小明"), ("reporter", "李大华")]),
        # took part in the reporting
        ("參與採寫:周一、楊二", [("contributor", "周一"), ("contributor", "楊二")]),
        ("参与采写：周一", [("contributor", "周一")]),
        # new-media editor, responsible editor after a tag
        ("新媒体编辑:陈明", [("editor", "陈明")]),
        ("【糾錯】 責任編輯: 林美", [("editor", "林美")]),
        # a label and a name with no mark: a name opening with a common surname
        ("编辑 徐红红", [("editor", "徐红红")]),
        ("二审 杨光", [("editor", "杨光")]),
        ("三審 陳立", [("editor", "陳立")]),
        # bracketed, closing a paragraph (a date code after it, a share prompt)
        ("雨停了。(編輯:李明章)1120903", [("editor", "李明章")]),
        ("(責編:申平、呂明)分享讓更多人看到", [("editor", "申平"), ("editor", "呂明")]),
        (
            "本报讯(记者 黄一 杨二 字三) 7月14日,会议开幕",
            [("reporter", "黄一"), ("reporter", "杨二"), ("reporter", "字三")],
        ),
        # the label glued to its name inside brackets
        ("(記者李棟)雨停了", [("reporter", "李棟")]),
        # the reporter's place and "reported" after the slash
        ("〔記者黃大明/高雄報導〕男子墜樓", [("reporter", "黃大明")]),
        # Tibetan: the responsible editor in brackets beside a date
        (
            "【2018ལོའི་ཟླ་ 04ཚེས་25ཉིན།】 (རྩོམ་སྒྲིག་འགན་འཁུར་པ། བསྟན་འཛིན།)",
            [("editor", "བསྟན་འཛིན")],
        ),
        # Khmer and Lao labels with their colons
        ("អត្ថបទ៖ សុខ ចាន់", [("writer", "សុខ ចាន់")]),
        ("ລາຍງານໂດຍ: ສົມສັກ", [("reporter", "ສົມສັກ")]),
        ("Editor: Jane Roe", [("editor", "Jane Roe")]),
    ],
)
def test_a_label_then_only_names_reads_as_credits(
    line: str, expected: list[tuple[str, str]]
) -> None:
    assert expected == pairs(label_list_credits(line))


@pytest.mark.parametrize(
    "line",
    [
        "编辑 推荐",  # "editor's picks": a menu, no surname
        "记者 表示,今年的收成很好",  # a label in running text
        "来源 新华社",  # a source, no role
        "编辑:",  # a label with no name
        "(编辑)",
        "Editor Jane Roe",  # a spaced-script label needs its mark
        "(Theo VnExpress)",  # "according to": an outlet's reader's
        "(by Jane Roe)",
        "[특파원 리포트 오디오] 탈북자 출연 프로그램",  # a Korean label before a menu's words
        "(摄影:王明)",  # a photo credit is a caption's
        "(记者 本报)",  # an outlet, not a name
    ],
)
def test_a_label_without_names_or_a_name_without_a_label_is_no_credit(line: str) -> None:
    assert [] == label_list_credits(line)


# --- a wire's dateline ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        # CNA: the name and the place run together before the day
        ("(中央社記者陳小婷台北3日電)颱風今天登陸。", ["陳小婷"]),
        ("(中央社記者林一東京12日專電)日本政府今天宣布。", ["林一"]),
        # RFA: "interviewed and reported"
        ("【大紀元7月28日訊】(自由亞洲電台記者心語採訪報導)維權人士表示", ["心語"]),
        # China News: the wire's dateline, then the bare name
        ("中新网广州7月2日电 (程小伟)针对近日网传的消息", ["程小伟"]),
    ],
)
def test_a_wire_dateline_names_its_reporters(line: str, expected: list[str]) -> None:
    assert expected == [entry.name for entry in han_dateline_credits(line)]


@pytest.mark.parametrize(
    "line",
    [
        "(某某公司記者陳小婷台北3日電)颱風今天登陸。",  # no outlet the registry knows
        "中新网广州7月2日电 (完)",  # the end mark, not a name
        "(中央社台北3日電)颱風今天登陸。",  # no reporter named
    ],
)
def test_a_dateline_without_a_known_outlet_or_a_name_credits_nobody(line: str) -> None:
    assert [] == han_dateline_credits(line)


# --- an anchor's handover ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("호우 피해 상황을 김민수 기자가 보도합니다.", "김민수"),
        ("현지 분위기를 도쿄에서 박영희 특파원이 전해 드립니다.", "박영희"),
        ("자세한 내용 최원기 기자가 알아봤습니다", "최원기"),
    ],
)
def test_an_anchor_handing_over_to_a_reporter_names_them(line: str, name: str) -> None:
    assert [("reporter", name)] == pairs(korean_handover(line))


@pytest.mark.parametrize(
    "line",
    [
        "기자가 보도합니다.",  # nobody named
        "김민수 기자가 현장에서 다쳤습니다.",  # a reporter in the news, not reporting
        "정부는 기자가 보도한 내용을 부인했습니다.",
    ],
)
def test_a_reporter_in_the_story_is_no_handover(line: str) -> None:
    assert [] == korean_handover(line)


# --- a signature closing the last paragraph ------------------------------------------------------

VI_PARAGRAPH = (
    "Ngày 22.9, đoàn công tác đã đến các phường Nghi Hòa, Nghi Hải (TX.Cửa Lò) và xã An Hòa "
    "(H.Quỳnh Lưu) trao tiền hỗ trợ 76 hộ dân bị thiệt hại nặng do bão."
)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (VI_PARAGRAPH + " Minh Tâm - Trần Văn Hải", ["Minh Tâm", "Trần Văn Hải"]),
        (VI_PARAGRAPH + " T.AN", ["T.AN"]),
        (VI_PARAGRAPH + " NGỌC LAN", ["NGỌC LAN"]),
        # Khmer: the label glued after the last sentence's end mark
        (
            "អាជ្ញាធរសូមសំណូមពរដល់បងប្អូនប្រជាពលរដ្ឋទាំងអស់ កុំបោះសំរាមចូលក្នុងប្រឡាយ ដើម្បីងាយស្រួលក្នុងការប្រមូល៕ដោយ៖ សុខា",
            ["សុខា"],
        ),
    ],
)
def test_a_signature_after_the_last_sentence_is_read(line: str, expected: list[str]) -> None:
    assert expected == [entry.name for entry in signature_tail(line)]


@pytest.mark.parametrize(
    "line",
    [
        VI_PARAGRAPH + " Nghi Hòa - Nghi Hải",  # places the story names
        VI_PARAGRAPH + " TX.Cửa Lò - H.Quỳnh Lưu",  # administrative abbreviations
        VI_PARAGRAPH + " NATO",  # an acronym
        VI_PARAGRAPH + " Minh Tâm",  # one name alone: a sentence the page cuts short
        "My friends said I should throw the crutches out and not think about it at all. T",
        "He said the cabinet had discussed the project. “He can say what he likes. Saya Per",
        "Too short. L.PHI",  # a caption, not a story's paragraph
    ],
)
def test_places_acronyms_and_cut_sentences_are_no_signature(line: str) -> None:
    assert [] == signature_tail(line)


@pytest.mark.parametrize(
    ("name", "place"),
    [
        ("TX.Cửa Lò", True),
        ("H. A Lưới", True),
        ("TP. Huế", True),
        ("Q.Bình Thạnh", True),
        ("P.LONG", False),  # an initial in a signature in capitals
        ("Hà Nội", False),
        ("Phạm Hữu", False),
    ],
)
def test_vietnamese_place_abbreviations_are_a_closed_class(name: str, place: bool) -> None:
    assert place == is_place_abbreviation(name)


# --- Uyghur: "listen to our reporter NAME's report" --------------------------------------------


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("Bu heqtiki melumatlarni, muxbirimiz arslanning mexsus programmisidin anglang.", "arslan"),
        ("Tepsilatini muxbirimiz erkin tarimning melumatidin anglaysiz.", "erkin tarim"),
        ("Тәпсилатини мухбиримиз арсланниң программисидин аңлаң.", "арслан"),
        ("تەپسىلاتىنى مۇخبىرىمىز ئارسلاننىڭ پروگراممىسىدىن ئاڭلاڭ.", "ئارسلان"),
    ],
)
def test_the_uyghur_closing_listen_line_names_the_reporter(line: str, name: str) -> None:
    assert [("reporter", name)] == pairs(uyghur_listen(line))


def test_our_reporter_without_listen_is_no_credit() -> None:
    assert [] == uyghur_listen("Muxbirimizning soalige u mundaq jawab berdi.")


# --- where the readers look, and a page --------------------------------------------------------


def test_label_lists_are_read_in_the_story_and_under_it_but_a_signature_only_at_its_end() -> None:
    texts = [
        "标题",
        VI_PARAGRAPH + " T.AN",
        "文字记者:王小明",
        VI_PARAGRAPH + " T.BINH",
        "编辑:陈明",
    ]

    found = native_credits(texts, top=[0], ends=[4], story=[1, 2, 3])

    assert [
        ("prose", [("reporter", "王小明")]),
        ("bottom", [("editor", "陈明")]),
        ("bottom", [("reporter", "T.BINH")]),
    ] == [(reader, pairs(entries)) for reader, entries in found]


def test_a_chinese_page_with_its_credit_lines_under_the_story_credits_each_name() -> None:
    page = "\n\n".join(
        [
            "秋收时节农民忙",
            "2020-09-22 19:02 来源: 新华社",
            "金秋时分,秋粮收获的季节,祖国大地到处是丰收景象,喜悦写满了农民的脸庞。" * 2,
            "今年以来,全国广大农民和基层干部用汗水和不懈努力书写出来之不易的丰收硕果。" * 2,
            "文字记者:王小明、李大华",
            "参与采写:周一、杨二",
            "新媒体编辑:程明",
        ]
    )

    parsed = parse_text_page(page, language="zh-Hans")

    assert parsed.credits is not None
    people = {(e.role, e.name) for e in parsed.credits.entries if e.kind == "person"}
    assert {
        ("reporter", "王小明"),
        ("reporter", "李大华"),
        ("contributor", "周一"),
        ("contributor", "杨二"),
        ("editor", "程明"),
    } == people
