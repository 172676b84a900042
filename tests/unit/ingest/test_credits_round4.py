"""Credits on pages no rule was written for (issue 15, round 4): the shapes of names, labels
of every language, signatures closing a story, bylines glued to a lead, a name alone above
the page's last links — each family with negative cases. Every line here is written for
these tests; every name is invented."""

from __future__ import annotations

import pytest

from archive.identity.services import resolve_service
from archive.ingest.bylines import (
    bare_name,
    find_byline,
    find_credit_lines,
    names_opinion_section,
    read_credit_line,
    states_role,
    story_source,
)
from archive.ingest.prose_credits import credits_in_prose
from archive.ingest.textpage import parse_text_page

LEAD = (
    "Officials in the provincial capital said on Tuesday that the new road would open next "
    "month, after two years of delays caused by floods and a shortage of funds."
)
SECOND = (
    "Residents of the villages along the route said they had waited a long time for the "
    "road and hoped that it would bring more trade to the markets of the district."
)


def read(line: str) -> list[tuple[str, str, str]]:
    return [(e.role, e.name, e.kind) for e in read_credit_line(line)]


def prose(paragraph: str) -> list[tuple[str, str]]:
    return [(e.role, e.name) for e in credits_in_prose(paragraph)]


def _is_date(line: str) -> bool:
    return line[:4].isdigit()


def _never(line: str) -> bool:
    return False


# --- the shape of a name ----------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "By From Metro Wire Services | August 9, 1998",  # outlets' words are no one's name
        "By Daily News Desk Staff",
        "Tarin Sok - ယူကရိန်း သတင်းစာ",  # "NAME - TITLE": a dash joins a name to a title
    ],
)
def test_lines_whose_names_are_not_peoples(line: str) -> None:
    assert [] == [e for e in read(line) if e[2] == "person"]
    assert () == bare_name(line)


def test_an_outlet_and_its_place_are_not_a_person() -> None:
    assert () == bare_name("VOA Khmer Phnom Penh")
    assert [("reporter", "Voice of America", "service")] == read("By VOA Phnom Penh")


def test_initials_and_short_name_words_are_still_names() -> None:
    assert [("writer", "A. Tanaka", "person"), ("writer", "An To", "person")] == read(
        "By A. Tanaka and An To"
    )


def test_a_name_over_a_byline_is_no_reporter_when_the_story_uses_its_words() -> None:
    lines = ["Riverside Gazette", "by AFP", "3d ago", f"The Riverside {LEAD}", SECOND]
    found = find_byline(lines, is_furniture=lambda line: line.endswith("ago"))
    assert found is None or all(e.kind != "person" for e in found.entries)


def test_a_name_over_a_date_stays_a_byline_when_the_story_does_not_use_it() -> None:
    found = find_byline(["Dara Vong", "2021-07-07", LEAD, SECOND], is_furniture=_is_date)
    assert found is not None
    assert [("reporter", "Dara Vong")] == [(e.role, e.name) for e in found.entries]


# --- labels of every language -----------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Biên dịch: Trần Thị Lan", [("translator", "Trần Thị Lan", "person")]),
        ("Chuyển ngữ: Lê Văn Minh", [("translator", "Lê Văn Minh", "person")]),
        ("Written by Aye Aye", [("writer", "Aye Aye", "person")]),
        ("Written by ကိုမောင်", [("writer", "ကိုမောင်", "person")]),
        # Korean: a dated byline closed by a dash, a broadcast's reporter heading, sign-off
        ("2019-03-04 홍길동 기자 -", [("reporter", "홍길동", "person")]),
        ("김민수 기자>", [("reporter", "김민수", "person")]),
        ("김민수 기자입니다.", [("reporter", "김민수", "person")]),
        ("도쿄=박지성특파원 park@example.com", [("reporter", "박지성", "person")]),
        # an outlet, then a label glued to the names
        (
            "新華社記者王小明、李大同",
            [
                ("reporter", "王小明", "person"),
                ("reporter", "李大同", "person"),
                ("source", "Xinhua", "service"),
            ],
        ),
        ("本报记者张小华", [("reporter", "张小华", "person")]),
        # a date, then the outlet and the name
        (
            "Monday, 3 May 2021, Khmer Times/Sok Dara",
            [("reporter", "Sok Dara", "person"), ("source", "Khmer Times", "service")],
        ),
    ],
)
def test_labels_and_forms_of_every_language(
    line: str, expected: list[tuple[str, str, str]]
) -> None:
    assert expected == read(line)


@pytest.mark.parametrize(
    "line",
    [
        "우리 기자입니다",  # "our reporter": no one by name
        "북한 기자 = 회견에서",
        "新华社记者报道称",  # "Xinhua's reporters report that …"
        "某某網記者張三",  # a label glued to a name after an unknown word: running text
        "Written by hand, the letter reached the office.",
        "Dịch bệnh lây lan nhanh",  # "dịch" (epidemic) opening a sentence
    ],
)
def test_lines_with_label_words_that_credit_no_one(line: str) -> None:
    assert [] == [e for e in read(line) if e[2] == "person"]


# --- credits inside a paragraph ---------------------------------------------------------


def test_a_signature_in_brackets_closes_a_story() -> None:
    paragraph = "ពួកគេបាននិយាយថា នឹងបន្តការតស៊ូ។ (សុខ ដារា, Hello VOA, វ៉ាស៊ីនតោន, ៣១ ធ្នូ ២០១៥)"
    assert [("reporter", "សុខ ដារា")] == prose(paragraph)
    assert [("reporter", "Jane Roe")] == prose(f"{LEAD} (Jane Roe, Washington, May 3, 2020)")


@pytest.mark.parametrize(
    "paragraph",
    [
        f"{LEAD} (Phnom Penh, 3 May 2020)",  # a place and a date: no one signs
        "The fair was held in Phnom Penh. (Phnom Penh, Cambodia, 3 May 2020)",  # a place
        f"{LEAD} (Photo, Reuters, 2020)",
        "(Jane Roe, Washington, May 3, 2020) heads a caption, not a story",
    ],
)
def test_brackets_that_are_no_signature(paragraph: str) -> None:
    assert [] == prose(paragraph)


def test_a_byline_glued_to_the_lead_ends_at_the_outlet() -> None:
    paragraph = "by Min Ho Park Agence France Presse SEOUL (AFP) — The talks ended on Monday."
    assert [("reporter", "Min Ho Park"), ("source", "AFP")] == prose(paragraph)
    assert [] == prose("By the time Reuters arrived, the market had closed.")


def test_a_wire_lead_without_brackets_names_its_reporter() -> None:
    assert [("reporter", "张小华")] == prose("本报东京3月2日电记者张小华报道：会议于周一结束。")
    assert [] == prose("本报东京3月2日电 会议于周一结束，记者从现场获悉。")


@pytest.mark.parametrize(
    ("paragraph", "name"),
    [("정부는 환영의 뜻을 밝혔습니다. 김민수 기자입니다.", "김민수")],
)
def test_a_korean_broadcast_sign_off(paragraph: str, name: str) -> None:
    assert [("reporter", name)] == prose(paragraph)


# --- a name closing the story -----------------------------------------------------------


@pytest.mark.parametrize(
    "tail",
    [
        ["Keep reading", "Dara Vong"],  # a link, then the name on the last line
        ["More…", "Dara Vong"],
        ["Dara Vong", "Opinion paper", ">> Show all news"],  # the name above the page's links
    ],
)
def test_a_name_alone_closes_the_story_above_or_below_links(tail: list[str]) -> None:
    found = find_credit_lines([LEAD, SECOND, *tail], is_furniture=_never)
    assert found is not None
    assert [("reporter", "Dara Vong")] == [(e.role, e.name) for e in found.entries]


@pytest.mark.parametrize(
    "tail",
    [
        ["Dara Vong", "The talks went on."],  # a sentence after the name: still story
        ["Police Seize Drugs In Raid", "Dara Vong"],  # the next post's headline and byline
    ],
)
def test_a_name_that_does_not_close_the_story(tail: list[str]) -> None:
    found = find_credit_lines([LEAD, SECOND, *tail], is_furniture=_never)
    assert found is None or not found.entries


# --- a name alone under the headline ----------------------------------------------------

HAN_LEAD = (
    "控制輿論和管制新聞是一黨專政的一塊重要基石，所以研究社會轉型和政治體制改革就是一個重要的指標。"
)
HAN_SECOND = (
    "有報道說，黨內的開明人士呼籲加強金融監督以遏制日益嚴重的腐敗；"
    "又有傳聞說，當局也在考慮放寬管制。"
)


def page_credits(*lines: str) -> list[tuple[str, str]]:
    parsed = parse_text_page("\n\n".join(lines) + "\n")
    return [(e.role, e.name) for e in parsed.credits.entries] if parsed.credits else []


@pytest.mark.parametrize(
    ("line", "name"), [("☉張國財", "張國財"), ("金 楓", "金楓"), ("周小敏", "周小敏")]
)
def test_a_chinese_name_alone_under_the_headline_is_its_writer(line: str, name: str) -> None:
    assert [("writer", name)] == page_credits("新聞體制的新觀察", line, HAN_LEAD, HAN_SECOND)


@pytest.mark.parametrize(
    "line",
    [
        "評論",  # a section word: no surname opens it
        "金融",  # a surname's character opening a word the story uses
        "張國財先生說",  # longer than a name
    ],
)
def test_short_chinese_lines_under_the_headline_that_are_no_name(line: str) -> None:
    assert [] == page_credits("新聞體制的新觀察", line, HAN_LEAD, HAN_SECOND)


def test_a_latin_name_under_a_headline_in_capitals() -> None:
    assert [("reporter", "Minh Tran")] == page_credits(
        "TERROR IN THE OLD TOWN: A CHALLENGE.", "Minh Tran", LEAD, SECOND
    )


def test_uyghur_reporters_named_in_a_run_of_text() -> None:
    run = "كېچىلىكى ئۆتكۈزۈلدى ئۆز مۇخبىرىمىز ئەلى ئەخمەت ، ھەسەن قادىر خەۋىرى ، فوتوسى : رادىيو"
    assert [("reporter", "ئەلى ئەخمەت"), ("reporter", "ھەسەن قادىر")] == prose(run)
    assert [("reporter", "Eli Ehmet")] == prose("Muxbirimiz Eli Ehmet xewiri: bügün yighin boldi.")
    assert [] == prose("мухбиримиз хәвири бойичә йиғин болди")  # no name between


# --- opinion pages ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    ["Opinion", "Home > Commentary", "評論", "Opinion paper", "Ý kiến", "Sổ Tay", "칼럼", "មតិ"],
)
def test_lines_naming_an_opinion_section(line: str) -> None:
    assert names_opinion_section(line)


@pytest.mark.parametrize(
    "line",
    ["Home", "News", "World > Asia", "Public opinion polls show the party ahead of its rivals"],
)
def test_lines_naming_no_opinion_section(line: str) -> None:
    assert not names_opinion_section(line)


@pytest.mark.parametrize(
    ("raw", "stated"),
    [
        ("记者 张三", True),
        ("홍길동 기자", True),
        ("Phóng viên: Lê An", True),
        ("Muxbirimiz Eli", True),
        ("By John Smith", False),  # "by" says nothing of the role
        ("ໂດຍ: ສົມສັກ", False),
        ("John Smith", False),  # a name alone
    ],
)
def test_which_credit_lines_state_the_role(raw: str, stated: bool) -> None:
    assert stated == states_role(raw)


# --- the first editor line closes the first post ----------------------------------------


def test_the_first_editor_line_is_the_storys_though_the_next_post_follows() -> None:
    lines = [
        LEAD,
        SECOND,
        "Editor: Mei Lin",
        "Court Jails Protester",
        "PHNOM PENH (Xinhua) -- A court.",
        "Editor: Bo Tang",
    ]
    found = story_source(lines)
    assert found is not None
    assert ((2,), [("editor", "Mei Lin")]) == (
        found.indices,
        [(e.role, e.name) for e in found.entries],
    )


@pytest.mark.parametrize(
    "line", ["Editor: the city desk said no.", "Editors say the rules will change."]
)
def test_editor_lines_that_name_no_one(line: str) -> None:
    assert story_source([LEAD, line, SECOND]) is None


# --- a byline naming its outlet is a news report's ---------------------------------------


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "Jane Roe and Min Ho and Reuters | May 25, 2012",
            [
                ("reporter", "Jane Roe", "person"),
                ("reporter", "Min Ho", "person"),
                ("source", "Reuters", "service"),
            ],
        ),
        ("By Dara Vong, VOA Khmer", [("reporter", "Dara Vong", "person")]),
        ("By Dara Vong", [("writer", "Dara Vong", "person")]),  # no outlet: the role is open
        ("Dara Vong | May 5, 2020", [("writer", "Dara Vong", "person")]),
    ],
)
def test_a_byline_with_its_outlet_names_reporters(
    line: str, expected: list[tuple[str, str, str]]
) -> None:
    assert expected == read(line)


def test_a_byline_over_its_outlet_and_place() -> None:
    lines = ["By Dara Vong,", "VOA Khmer Phnom Penh", "2008-04-21", LEAD, SECOND]
    found = find_byline(lines, is_furniture=_is_date)
    assert found is not None
    assert [("reporter", "Dara Vong", "person"), ("source", "VOA Khmer Service", "service")] == [
        (e.role, e.name, e.kind) for e in found.entries
    ]


# --- the page around the credits --------------------------------------------------------


def test_on_an_opinion_page_a_name_alone_is_the_writer() -> None:
    assert [("writer", "Minh Tran")] == page_credits(
        "Opinion", "Roads Before Rice", "Minh Tran", LEAD, SECOND
    )
    assert [("reporter", "Minh Tran")] == page_credits(
        "World", "Roads Before Rice", "Minh Tran", LEAD, SECOND
    )


def test_on_an_opinion_page_a_stated_role_stays() -> None:
    found = page_credits("評論", "新聞體制的新觀察", "記者 張小華", HAN_LEAD, HAN_SECOND)
    assert [("reporter", "張小華")] == found


def test_a_page_of_one_paragraph_keeps_its_closing_credit() -> None:
    paragraph = f"{HAN_LEAD}{HAN_SECOND} 记者:王小明"
    assert [("reporter", "王小明")] == page_credits(paragraph)


def test_a_wire_dateline_under_two_caption_paragraphs_is_read() -> None:
    caption = '北 "韓, 작년 9월과 4일에 또 무인기 도발…대가 각오해야" ' * 3
    photo = (
        "(평양 조선중앙통신=연합뉴스) 북한 조선인민군 총참모부 대변인은 10일 담화를 발표했다. " * 3
    )
    lead = "(서울=연합뉴스) 김민수 박지영 기자 = 통일부 고위관계자는 12일 담화에 대해 말했다. " * 2
    rest = '이 관계자는 12일 담화를 어떻게 평가하느냐는 질문에 "일종의 소통"이라고 답했다. ' * 2
    found = page_credits('통일부, 담화에 "소통"', caption, photo, lead, rest)
    assert [("reporter", "김민수"), ("reporter", "박지영")] == [
        c for c in found if c[0] == "reporter"
    ]


def test_a_digest_page_gives_its_first_posts_byline_only() -> None:
    found = page_credits(
        "Families Leave the Valley",
        "2018-08-20 김민수 기자 -",
        LEAD,
        "Roads Reopen After Floods",
        "2018-08-17 박지영 기자 -",
        SECOND,
    )
    assert [("reporter", "김민수")] == found


def test_an_outlets_byline_is_the_storys_one_byline() -> None:
    found = page_credits(
        "Battered Town Counts the Cost",
        "by AFP",
        "2d ago",
        LEAD,
        "The Dark History of the Railways",
        "by Hein Thar",
        "3d ago",
        SECOND,
    )
    assert [] == [c for c in found if c[1] == "Hein Thar"]


def test_a_long_run_of_an_unspaced_script_is_no_name() -> None:
    assert () == bare_name("ຖະແຫຼງຂ່າວກ່ຽວກັບການເລືອກຕັ້ງລະດັບຊາດ")  # a press briefing on …
    assert bare_name("ສົມພອນ ແກ້ວມະນີ")


def test_a_photo_credit_in_brackets_names_the_reporter_without_the_verb() -> None:
    assert [("reporter", "賴小桐")] == prose("一名攝影記者與警方發生衝突，相當憤怒。(記者賴小桐攝)")


def test_a_source_line_under_the_headline_is_no_byline() -> None:
    found = page_credits(
        "Hôm nay,",
        "Đài Á Châu Tự Do Rfa",
        "2009-09-28",
        "Đài Á Châu Tự Do RFA",
        "Minh Tran",
        LEAD,
        SECOND,
    )
    assert ("reporter", "Minh Tran") in found


def test_photo_credits_in_captions_do_not_make_the_byline_a_subject() -> None:
    caption = f"Families wait at the camp gate, Jan. 18, 2017. [Dara Vong/BenarNews] {LEAD}"
    found = find_byline(
        ["Dara Vong", "Cox's Bazar, Bangladesh", caption, SECOND], is_furniture=_never
    )
    assert found is not None
    assert [("reporter", "Dara Vong")] == [(e.role, e.name) for e in found.entries]


def test_a_lead_over_the_outlet_and_date_lines_keeps_its_byline() -> None:
    lead = (
        "[김민수 기자(kim@example.com)] 정부가 북한 주민 시신 인도를 북한 측에 공식 통보했다. " * 3
    )
    found = page_credits('통일부 "시신 인도하겠다"', lead, "- 프레시안", "- 2025-07-29 13:33")
    assert ("reporter", "김민수") in found


def test_a_photo_credit_shot_by_a_reporter() -> None:
    assert [("reporter", "张安安")] == prose("两人在布鲁塞尔会见议员。（记者张安安拍）")


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("- ရေးသားသူ, မောင်မောင်", [("writer", "မောင်မောင်", "person")]),
        ("- Author, Jane Roe", [("writer", "Jane Roe", "person")]),
        ("- Tác giả, Lê Văn Minh", [("writer", "Lê Văn Minh", "person")]),
        ("- Role, BBC News", []),  # the byline block's next item: the person's post
        ("- Editor, the desk said", []),
        ("The author, Jane Roe, said", []),
    ],
)
def test_a_byline_blocks_role_then_name(line: str, expected: list[tuple[str, str, str]]) -> None:
    assert expected == read(line)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Bài: Nguyễn Văn An", [("writer", "Nguyễn Văn An", "person")]),
        ("Bài và ảnh: Lê Minh", [("writer", "Lê Minh", "person")]),
        ("Thực hiện: Lê Minh", [("reporter", "Lê Minh", "person")]),
        ("实习记者 张小三", [("reporter", "张小三", "person")]),
        ("Jane Roe · May 5, 2020", [("writer", "Jane Roe", "person")]),
        ("Bài học kinh nghiệm", []),  # "the lesson learnt": a sentence, no colon
        ("Bài Học Kinh Nghiệm", []),
        ("Home · News · 2020", []),
    ],
)
def test_more_labels_and_separators(line: str, expected: list[tuple[str, str, str]]) -> None:
    assert expected == read(line)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("By Frontier Myanmar", [("reporter", "Frontier Myanmar", "service")]),
        ("Source: 뉴스1", [("source", "News1", "service")]),
        ("來源：聯合報", [("source", "United Daily News", "service")]),
    ],
)
def test_outlets_of_our_families_are_outlets(
    line: str, expected: list[tuple[str, str, str]]
) -> None:
    assert expected == read(line)


def test_a_people_or_place_word_alone_is_no_outlet() -> None:
    assert resolve_service("Shan") is None  # the Shan people and state, not the Shan Herald
    assert resolve_service("Frontier") is None
