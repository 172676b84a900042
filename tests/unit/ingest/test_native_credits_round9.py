"""Round 9's native credit shapes (native_shapes.py, native_credits.py): a name beside an
e-mail address, Korean sign-offs, Chinese slash bylines and wire datelines, Khmer and Lao
'label:NAME/PLACE ៖', names joined by the language's "and" under the headline, a name in
capitals before a bar, a name over the page's source line, a meta line of labelled parts —
made-up lines of each shape, in each language, with the lines that must not read as
credits."""

from __future__ import annotations

import pytest

from archive.ingest.credit_words import is_generic_credit, label_role
from archive.ingest.native_credits import (
    _name_ok,
    han_dateline_credits,
    korean_handover,
    label_list_credits,
    native_credits,
)
from archive.ingest.native_shapes import (
    capitals_bar,
    email_credits,
    han_reported,
    joined_names,
    korean_signoff,
    label_place,
    name_over_source,
)
from archive.ingest.not_persons import names_no_person
from archive.ingest.textpage import parse_text_page

# "reporter" in Zawgyi (its asat is U+1039, not Unicode's U+103A)
ZAWGYI_REPORTER = "\u101e\u1010\u1004\u1039\u1038\u1031\u1011\u102c\u1000\u1039"


def pairs(entries: list) -> list[tuple[str, str]]:  # type: ignore[type-arg]
    return [(entry.role, entry.name) for entry in entries]


def names(entries: list) -> list[str]:  # type: ignore[type-arg]
    return [entry.name for entry in entries]


# --- a name beside an e-mail address -----------------------------------------------------


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        # a Korean name, the paper's desk and the reporter's title, then the address
        ("한민국 동아신보 사회부 기자 mkhan@example.co.kr", ["한민국"]),
        # a place, a dash, the name glued to it, then the address
        ("서울 –박소연 soyeon@example.org", ["박소연"]),
        # a known outlet before the name
        ("KBS 김철수 cs.kim@example.com", ["김철수"]),
        # Latin script: a name then the address in brackets
        ("Jane Roe (jroe@example.com)", ["Jane Roe"]),
        # a label gives the role
        ("Editor: Tran Van Binh binh@example.vn", ["Tran Van Binh"]),
    ],
)
def test_a_name_beside_an_email_address_is_a_credit(line: str, expected: list[str]) -> None:
    assert names(email_credits(line, _name_ok)) == expected


@pytest.mark.parametrize(
    "line",
    [
        # a sentence with an address in it
        "자세한 내용은 담당 부서로 문의하시기 바랍니다 help@example.org",
        "For more information please write to help@example.org",
        # two addresses: a contact list
        "김철수 a@example.com 박영희 b@example.com",
        # an outlet's address alone
        "news@example.com",
    ],
)
def test_an_address_without_a_name_beside_it_credits_nobody(line: str) -> None:
    assert email_credits(line, _name_ok) == []


def test_the_role_of_an_email_line_comes_from_its_label() -> None:
    assert pairs(email_credits("Editor: Tran Van Binh binh@example.vn", _name_ok)) == [
        ("editor", "Tran Van Binh")
    ]


# --- Korean sign-offs ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("최영민 기자의 보도입니다.", "최영민"),
        ("런던에서 송지훈 특파원의 보도입니다.", "송지훈"),
        ("윤서진 기자입니다.", "윤서진"),
        # the anchor calls the reporter on a live link
        ("현장 분위기는 어떤지 취재기자 연결합니다. 강민호 기자!", "강민호"),
        # "NAME and others" alone on its line
        ("임태희 외", "임태희"),
    ],
)
def test_a_korean_sign_off_names_the_reporter(line: str, name: str) -> None:
    assert names(korean_signoff(line, _name_ok)) == [name]


@pytest.mark.parametrize(
    "line",
    [
        # a word of a sentence before 기자 (a particle ends it)
        "정부는 기자입니다.",
        # "others" after a noun, in a sentence
        "이 밖에 여러 나라가 참가했다. 서울 외",
        # 외 inside a longer phrase
        "김철수 외교부 장관",
        # the title alone
        "기자입니다.",
    ],
)
def test_korean_lines_that_are_no_sign_off(line: str) -> None:
    assert korean_signoff(line, _name_ok) == []


def test_a_handover_whose_name_lost_its_space_keeps_the_last_three_syllables() -> None:
    line = "앵커: 물가가 오르고 있습니다북한 내부소식한영철 기자가 보도합니다."
    assert names(korean_handover(line)) == ["한영철"]


# --- Chinese slash bylines and wire datelines ---------------------------------------------


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("中國時報／ 王小明／台北即時報導", ["王小明"]),
        ("記者陳大同／高雄報導", ["陳大同"]),
        ("特派記者林志成/北京報導", ["林志成"]),
        ("记者 张三、李四/上海报道", ["张三", "李四"]),
    ],
)
def test_a_chinese_slash_byline_names_its_reporters(line: str, expected: list[str]) -> None:
    assert names(han_reported(line, _name_ok)) == expected


@pytest.mark.parametrize(
    "line",
    [
        # no label and names opening with no common surname: a section and a place
        "新聞／台北報導",
        # an outlet the registry does not know and no paper's ending
        "天天快樂／王小明／台北報導",
        # a sentence
        "他說，這是一個好消息，記者王小明/台北報導後續",
    ],
)
def test_slashed_chinese_lines_that_are_no_byline(line: str) -> None:
    assert han_reported(line, _name_ok) == []


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        # a programme and its host between the outlet and the name, then a date
        ("(自由亚洲电台“晚间新闻”节目主持人王芳采访报道2019,05,01)", ["王芳"]),
        # a wire's dateline after a page's clock, names bare in brackets
        (
            "2019-5月-01 周三 08:00 +0800中新网福州5月1日电 (林一山 黄二水)暴雨",
            ["林一山", "黄二水"],
        ),
    ],
)
def test_wire_datelines_in_their_other_forms(line: str, expected: list[str]) -> None:
    assert names(han_dateline_credits(line)) == expected


def test_a_dateline_of_an_unknown_outlet_with_a_host_credits_nobody() -> None:
    assert han_dateline_credits("(快乐生活“周末”节目主持人王芳采访报道)") == []


# --- label lists: new labels and separators -------------------------------------------


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        # Xinhua's local reporting staff
        ("报道员:赵一、钱二", [("contributor", "赵一"), ("contributor", "钱二")]),
        # Zawgyi "reporter", the Burmese section mark, an agency in brackets after the name
        (
            ZAWGYI_REPORTER + " ။ ။ ခင္ေမာင္ (ဆင္ဟြာသတင္းဌာန)",
            [("reporter", "ခင္ေမာင္")],
        ),
        # the Uyghur-version preparer: the translator
        ("ئۇيغۇرچە تەييارلىغۇچى: ئەركىن", [("translator", "ئەركىن")]),
    ],
)
def test_label_lists_with_round_nine_labels(line: str, expected: list[tuple[str, str]]) -> None:
    assert pairs(label_list_credits(line)) == expected


def test_a_meta_line_of_labelled_parts_is_read_once_per_page() -> None:
    story = "金秋时分,秋粮收获的季节,祖国大地到处是丰收景象,喜悦写满了农民的脸庞。" * 2
    one = ["秋收", story, "责任编辑:陈明 来源: 新华社 时间:2020-09-22"]
    found = native_credits(one, top=[0], ends=[2], story=[1], title=0)
    assert [pairs(credits) for _reader, credits in found] == [[("editor", "陈明")]]
    # the same shape under every comment of a forum page: no credit
    comments = ["秋收", story, "作者: 大风 时间: 2020-09-22", "作者: 小雨 时间: 2020-09-23"]
    found = native_credits(comments, top=[0], ends=[2, 3], story=[1], title=0)
    assert found == []


# --- Khmer and Lao label, name and place over the lead ---------------------------------


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("ដោយ:សុភា/បាត់ដំបង ៖ កាលពីថ្ងៃទី១០ ខែមីនា អាជ្ញាធរបានបើកផ្លូវថ្មី", "សុភា"),
        ("ໂດຍ: ບຸນມີ/ວຽງຈັນ: ໃນວັນທີ 5 ມີນາ ທາງການໄດ້ເປີດຂົວໃໝ່", "ບຸນມີ"),
    ],
)
def test_a_label_a_name_and_a_place_over_the_lead(line: str, name: str) -> None:
    assert names(label_place(line, _name_ok)) == [name]


def test_a_label_and_a_place_without_a_slash_is_left_to_the_lead_readers() -> None:
    assert label_place("ដោយ៖ សុភា នៅក្នុងខេត្តបាត់ដំបង", _name_ok) == []


# --- names joined by "and" ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("tursun ablet we nur ehmet", ["tursun ablet", "nur ehmet"]),
        ("تۇرسۇن ئابلەت ۋە نۇر ئەھمەت", ["تۇرسۇن ئابلەت", "نۇر ئەھمەت"]),
        ("ခင်ခင် နှင့် မြမြ။ ။", ["ခင်ခင်", "မြမြ"]),
        ("សុខា និង ដារ៉ា", ["សុខា", "ដារ៉ា"]),
        ("ບຸນມີ ແລະ ສົມພອນ", ["ບຸນມີ", "ສົມພອນ"]),
        ("Minh Anh và Thu Hà", ["Minh Anh", "Thu Hà"]),
        ("王小明和李大华", ["王小明", "李大华"]),
        # a spaced dash between capitalised Latin names
        ("Hoàng Minh - Thanh Lan", ["Hoàng Minh", "Thanh Lan"]),
    ],
)
def test_two_names_joined_by_and(line: str, expected: list[str]) -> None:
    assert names(joined_names(line, _name_ok)) == expected


@pytest.mark.parametrize(
    ("line", "story"),
    [
        # a name and a piece's title after a dash, in Burmese script
        ("ခင်ခင် - ဒီမိုကရေစီ၏ အနာဂတ်", ""),
        # places the story names
        ("Hà Nội và Sài Gòn", "Mưa lớn ở Hà Nội và Sài Gòn suốt tuần qua."),
        # a sentence
        ("the rain fell and the river rose over the banks of the town", ""),
        # Chinese words that open with no common surname
        ("经济和社会", ""),
        # mixed case Latin words (a phrase, not names)
        ("Rice and beans", ""),
        # a name and its agency
        ("Anong Chaiyasit & AFP", ""),
    ],
)
def test_lines_joined_by_and_that_are_no_names(line: str, story: str) -> None:
    assert joined_names(line, _name_ok, story) == []


def test_joined_names_are_read_right_under_the_headline_only() -> None:
    story = "Mưa lớn kéo dài suốt cả tuần qua ở nhiều tỉnh miền Trung, nước dâng cao. " * 2
    texts = ["Lũ về giữa đêm", "Minh Anh và Thu Hà", story, "Thêm tin", "Minh Anh và Thu Hà"]
    found = native_credits(texts, top=[0, 1, 2], ends=[3, 4], story=[2], title=0)
    assert [names(credits) for _reader, credits in found] == [["Minh Anh", "Thu Hà"]]


# --- a name in capitals before a bar --------------------------------------------------


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("TRẦN VĂN BÌNH |", "TRẦN VĂN BÌNH"),
        ("LÊ THU |", "LÊ THU"),
        ("NGƯỜI ĐI ĐƯỜNG/ BVN 12-3-2016", "NGƯỜI ĐI ĐƯỜNG"),
        # a script without capitals: the name before its outlet
        ("ခက်ဆစ် | DMG", "ခက်ဆစ်"),
        ("សុភា | VOD", "សុភា"),
    ],
)
def test_a_name_in_capitals_before_a_bar(line: str, name: str) -> None:
    assert names(capitals_bar(line, _name_ok)) == [name]


@pytest.mark.parametrize(
    "line",
    [
        "Trần Văn Bình |",  # not in capitals: left to the slot's readers
        "TIN TỨC | Thời sự hôm nay ở khắp nơi",  # a menu
        "NATO | 2016",  # one word
        "NATO |",
        "ခက်ဆစ် |",  # another script's word before a bar with no outlet: a section
        "ព័ត៌មាន | RFA",  # "news" (an outlet's word) over its outlet
    ],
)
def test_capitals_before_a_bar_that_are_no_byline(line: str) -> None:
    assert capitals_bar(line, _name_ok) == []


# --- a name over the source line --------------------------------------------------------


def test_a_name_over_the_pages_source_line() -> None:
    lines = ["Thu Hà", "", "Nguồn Báo Mới: http://example.vn/a"]
    assert names(name_over_source(lines, _name_ok)) == ["Thu Hà"]
    assert names(name_over_source(["王小明", "来源: 新华社"], _name_ok)) == ["王小明"]


@pytest.mark.parametrize(
    ("lines", "story"),
    [
        (["Thu Hà", "Xem thêm"], ""),  # no source line under it
        (["Đà Nẵng", "Nguồn: X"], "Mưa lớn ở Đà Nẵng."),  # a place the story names
        (["Mưa lớn kéo dài suốt cả tuần qua", "Nguồn: X"], ""),  # a sentence
    ],
)
def test_lines_over_a_source_line_that_name_nobody(lines: list[str], story: str) -> None:
    assert name_over_source(lines, _name_ok, story) == []


# --- closed classes -----------------------------------------------------------------------


@pytest.mark.parametrize("word", ["រូបភាព", "图片", "hình ảnh", "ຮູບພາບ", "video"])
def test_picture_and_video_words_are_no_person(word: str) -> None:
    assert is_generic_credit(word)


@pytest.mark.parametrize(
    ("name", "no_name"),
    [
        ("གཅ", True),  # one syllable: a cut page's fragment
        ("བརྟག་ཞིབ་ཚོགས་ཆུང་དང་བཅས་པ་སྔ་རྗེས་ས", True),  # a phrase holding "and"
        ("ཀ་ཁ་ག་ང་ཅ་ཆ་ཇ་ཉ", True),  # eight syllables
        ("བསྟན་འཛིན།", False),
        ("ཨ་མའི་བུ་བསྟན་འཛིན་ཚེ་རིང་", False),
        ("Tenzin Dorje", False),  # not Tibetan script
    ],
)
def test_tibetan_names_have_a_names_length(name: str, no_name: bool) -> None:
    assert names_no_person(name) is no_name


def test_the_zawgyi_reporter_label_has_the_reporter_role() -> None:
    found = label_role(ZAWGYI_REPORTER)
    assert found is not None and found[0] == "reporter"


# --- whole pages ----------------------------------------------------------------------------


def test_a_korean_broadcast_page_credits_the_reporter_it_hands_over_to() -> None:
    page = "\n\n".join(
        [
            "장마철 물가 비상",
            "장마가 길어지면서 채소 가격이 크게 오르고 있습니다.",
            "전통시장 분위기를 조민재 기자의 보도입니다.",
            "오늘 아침 서울의 한 전통시장, 상인들은 치솟는 채소값에 한숨을 쉽니다. " * 2,
            "상추 한 상자 가격은 지난달보다 두 배 넘게 올랐습니다. " * 2,
        ]
    )
    parsed = parse_text_page(page, language="ko")
    assert parsed.credits is not None
    people = {(e.role, e.name) for e in parsed.credits.entries if e.kind == "person"}
    assert ("reporter", "조민재") in people


def test_a_uyghur_latin_page_with_two_names_under_its_headline() -> None:
    page = "\n\n".join(
        [
            "qeshqerde yengi mektep echildi",
            "tursun ablet we nur ehmet",
            "2024-yili 3-mart",
            "qeshqer shehiride yengi bir mektep echildi, oqughuchilar bu yil kirdi. " * 2,
            "mektepte uch yuz oqughuchi oquydu, muellimler sheherdin keldi. " * 2,
        ]
    )
    parsed = parse_text_page(page, language="ug")
    assert parsed.credits is not None
    people = {e.name for e in parsed.credits.entries if e.kind == "person"}
    assert {"tursun ablet", "nur ehmet"} <= people


def test_a_tibetan_meta_lines_source_label_and_site_are_no_writers() -> None:
    # "writer: NAME། source: SITE། time: DATE views:" — the source label (ཡོང་ཁུངས) is a meta
    # word and a name ending in "website" (དྲ་བ) an outlet's
    from archive.ingest.credit_words import has_meta_word, has_outlet_word

    assert has_meta_word("ཡོང་ཁུངས")
    assert has_outlet_word("མཚོ་སྔོན་པོ་དྲ་བ")
    assert not has_outlet_word("ཤ་བོ་རབ་བརྟན")
