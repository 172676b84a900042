"""Credits that generalise (issue 15, second round): the byline slot around the headline,
credits inside a lead or an end paragraph, native labels and outlet lines — each family with
negative cases. Every page here is written for these tests; every name is invented."""

from __future__ import annotations

import pytest

from archive.identity.services import resolve_service
from archive.ingest.byline_slot import find_top_credits
from archive.ingest.bylines import read_credit_line
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


def credits(page: str, language: str = "en") -> list[tuple[str, str, str]]:
    parsed = parse_text_page(page, language=language)
    if parsed.credits is None:
        return []
    return [(e.role, e.name, e.kind) for e in parsed.credits.entries]


def page(*lines: str) -> str:
    return "\n\n".join(lines) + "\n"


def read(line: str) -> list[tuple[str, str, str]]:
    return [(e.role, e.name, e.kind) for e in read_credit_line(line)]


def prose(paragraph: str) -> list[tuple[str, str, str]]:
    return [(e.role, e.name, e.kind) for e in credits_in_prose(paragraph)]


# --- the byline slot: a name or an outlet beside a date line -------------------------------


def test_a_name_over_a_date_and_outlet_line_under_a_caption_is_the_byline() -> None:
    text = page(
        "New Road Opens in the North",
        "FILE - Workers lay asphalt on a road outside the provincial capital, in a photo taken "
        "on a rainy morning of the last dry season before the floods.",
        "Mara Lindqvist",
        "3 March 2015 VOA",
        LEAD,
        SECOND,
    )
    assert [
        ("reporter", "Mara Lindqvist", "person"),
        ("source", "Voice of America", "service"),
    ] == credits(text)
    assert "Mara Lindqvist" not in parse_text_page(text, language="en").body


def test_a_date_then_a_name_line_is_the_byline() -> None:
    text = page(
        "Smugglers Freed After Warning",
        "via A Reposting Blog",
        "Monday, 2 May 2011 14:05 Sok Veasna and Tep Linda",
        LEAD,
        SECOND,
    )
    assert [
        ("reporter", "Sok Veasna", "person"),
        ("reporter", "Tep Linda", "person"),
    ] == credits(text)


def test_a_name_and_agency_with_the_outlet_on_the_next_line() -> None:
    text = page(
        "Observers Not Needed, General Says",
        "12/05/2012",
        "Anong Chaiyasit & AFP",
        "Bangkok Post",
        LEAD,
        SECOND,
    )
    assert [
        ("reporter", "Anong Chaiyasit", "person"),
        ("source", "AFP", "service"),
        ("source", "Bangkok Post", "service"),
    ] == credits(text)


def test_a_name_with_a_misspelt_outlet_beside_the_date() -> None:
    text = page(
        "Border Claim Repeated",
        "Hem Sophal, The Phnom Pehn Postt",
        "Tue, 1 September 2015",
        LEAD,
        SECOND,
    )
    assert [("reporter", "Hem Sophal", "person")] == credits(text)


def test_a_name_alone_between_the_headline_and_the_lead() -> None:
    text = page("A Quiet Harvest in the Hills", "Noor Halvorsen", LEAD, SECOND)
    assert [("reporter", "Noor Halvorsen", "person")] == credits(text)


def test_a_date_then_a_title_is_not_a_byline() -> None:
    text = page("Site Name", "2 April 2008 News Digest", "By Ilse Marten (a weekly issue)", LEAD)
    assert ("reporter", "News Digest", "person") not in credits(text)


def test_a_place_beside_the_date_is_not_a_reporter() -> None:
    text = page(
        "Published in",
        "Nam Dinh Province",
        "23/05/2022",
        "Factories Seek Workers",
        "Factories in Nam Dinh Province are looking for thousands of workers who speak a "
        "foreign language, the provincial labour office said this week in a statement.",
        "Officials in Nam Dinh said the factories would open next year near the coast.",
    )
    assert [] == [c for c in credits(text) if c[2] == "person"]


def test_a_question_beside_a_byline_is_not_a_name() -> None:
    lines = ["Headline Here", "Pich Sovann | 26 May 2017", "បោះឆ្នោតឲ្យបក្សណា?", LEAD, SECOND]
    _indices, found = find_top_credits(lines, title=0, first=1)
    assert [("writer", "Pich Sovann")] == [(e.role, e.name) for e in found]


def test_a_short_line_in_an_unspaced_script_under_the_headline_is_not_a_name() -> None:
    text = page(
        "ອະດີດທູດສະເຫນີໃຫ້ເອົາ",
        "ກໍາປູເຈຍອອກຈາກອາຊຽນ",
        "ອະດີດທູດສິງກະໂປຄົນໜຶ່ງ ໄດ້ສະເຫນີໃຫ້ ກໍາປູເຈຍ ອອກຈາກອາຊຽນ ເນື່ອງຈາກ ບັນຫາ ທະເລຈີນໃຕ້.",
        "ລາວ ແລະ ກໍາປູເຈຍ ໄດ້ປະຕິເສດ ຂໍ້ສະເຫນີດັ່ງກ່າວ ໃນອາທິດນີ້ ຕາມການລາຍງານ ຂອງສື່ມວນຊົນ.",
    )
    assert [] == credits(text, "lo")


def test_the_next_posts_dated_byline_at_the_end_is_not_this_storys() -> None:
    text = page(
        "Wednesday, 25 August 2010",
        "Smugglers Freed After Warning",
        "Wednesday, 25 August 2010 15:03 Sok Veasna",
        LEAD,
        SECOND,
        "Second Post of the Day",
        "via A Reposting Blog",
        "Wednesday, 25 August 2010 15:01 Chan Bopha",
    )
    assert [("reporter", "Sok Veasna", "person")] == credits(text)


def test_a_byline_with_its_date_under_a_table_of_contents() -> None:
    headlines = [f"Headline number {n} of the day" for n in range(1, 9)]
    text = page(
        "News on the Region",
        "Monday, 25 April, 2011",
        *headlines,
        "Clash Reported at Border Post",
        "By ARNE VESTBY Monday, April 25, 2011",
        LEAD,
        SECOND,
    )
    assert [("writer", "ARNE VESTBY", "person")] == credits(text)


def test_labels_alone_on_their_lines_take_the_next_line() -> None:
    text = page(
        "[新聞] 電台宣布撤離",
        "1.媒體來源:",
        "某某新聞網",
        "2.記者署名:",
        "王大明/ 綜合報導",
        "3.完整新聞標題:",
        "電台宣布撤離",
        "4.完整新聞內文:",
        "電台今天宣布,由於當地新法生效,將關閉辦公室並撤離全部員工,節目將改由其他地方製作播出。",
        "電台表示,聽眾仍可以透過網站與社群媒體收聽節目,並將持續報導當地新聞。",
    )
    assert [
        ("source", "某某新聞網", "service"),
        ("reporter", "王大明", "person"),
    ] == credits(text, "zh-Hant")


def test_a_board_meta_line_gives_its_writer() -> None:
    text = page(
        "기행 | 2월의 산길",
        "작성자 홍길동 작성일13-02-11 08:27 댓글0건관련링크",
        "본문",
        "이른 아침 산길에 오르니 눈이 덮인 봉우리가 멀리 보였다. "
        "마을 사람들은 겨울마다 이 길을 걸어 장터로 나간다고 했다.",
        "길은 좁고 가팔랐지만 사람들은 서로 짐을 나누어 지고 천천히 올라갔다. "
        "해가 뜨자 바람도 잦아들었다.",
    )
    assert [("writer", "홍길동", "person")] == credits(text, "ko")


def test_find_top_credits_reads_no_line_of_the_lead() -> None:
    lines = ["Headline Here", LEAD, SECOND, "Tomas Eriksen", "4 May 2014", LEAD]
    assert ((), ()) == find_top_credits(lines, title=0, first=1)


# --- lines that are credits by their form --------------------------------------------------


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("RFA, 23/05/2022", [("source", "Radio Free Asia", "service")]),
        ("Bernama on 5th April 2020", [("source", "Bernama", "service")]),
        ("28 November 2014 VOA", [("source", "Voice of America", "service")]),
        ("May 21, 2015 The Diplomat", [("source", "The Diplomat", "service")]),
        ("Editor: huaxia", [("editor", "huaxia", "person")]),
        ("སྒྱུར་མཁན། བཀྲ་ཤིས་དོན་གྲུབ།", [("translator", "བཀྲ་ཤིས་དོན་གྲུབ", "person")]),
        ("2015-03-31 ཚེ་རིང་བཀྲ་ཤིས་བསྒྱུར།", [("translator", "ཚེ་རིང་བཀྲ་ཤིས", "person")]),
        (
            "date 2018-03 རྩོམ་པ་པོ། བཀྲ་ཤིས། Anna Berg",
            [("writer", "བཀྲ་ཤིས", "person"), ("writer", "Anna Berg", "person")],
        ),
        ("ဆောင်းပါးရှင်-မောင်မောင်/အတွေးအမြင်ဆောင်းပါး", [("writer", "မောင်မောင်", "person")]),
        (
            "文章來源: 某某日報 於 2025-05-09 20:02:31 - 新聞取自各大媒體",
            [("source", "某某日報", "service")],
        ),
        ("来源：某某公众号", [("source", "某某公众号", "service")]),
        ("ຂຽນໂດຍ ສົມສັກ ພົມມະຈັນ", [("writer", "ສົມສັກ ພົມມະຈັນ", "person")]),
        ("អត្ថបទ៖ សុខ ចាន់ថា", [("writer", "សុខ ចាន់ថា", "person")]),
        ("ប្រែសម្រួលដោយ៖ ចាន់ ដារា", [("translator", "ចាន់ ដារា", "person")]),
        ("Obzorchimiz Nurmemet", [("writer", "Nurmemet", "person")]),
        (
            "Associated Press writers Ilse Marten in Bangkok and Owen Marsh contributed.",
            [
                ("contributor", "Ilse Marten", "person"),
                ("contributor", "Owen Marsh", "person"),
                ("source", "Associated Press", "service"),
            ],
        ),
        (
            "By ILSE MARTEN Associated Press",  # a byline naming its agency: a reporter's
            [("reporter", "ILSE MARTEN", "person"), ("source", "Associated Press", "service")],
        ),
    ],
)
def test_credit_lines_by_their_form(line: str, expected: list[tuple[str, str, str]]) -> None:
    assert expected == read(line)


@pytest.mark.parametrize(
    "line",
    [
        "Theo đó, chính quyền sẽ mở đường mới",  # "accordingly": no outlet
        "Nguồn tin cho biết",  # "sources said"
        "Source: the ministry said on Monday that it would act.",
        "Editor's note: this story was updated",
        "Posted 2 April 2008 News Digest",
        "Some Local writers Ilse Marten contributed to this report.",  # no outlet we know
        "Source: the ministry's own statement",
        "អត្ថបទ នេះ និយាយ អំពី ទឹកជំនន់",  # "this article is about the floods"
    ],
)
def test_story_text_is_not_a_credit_line(line: str) -> None:
    assert [] == read(line)


# --- credits inside a lead or an end paragraph ---------------------------------------------


def test_a_teaser_ending_in_name_reports() -> None:
    paragraph = "The army still decides the course of national politics. Lena Okafor reports."
    assert [("reporter", "Lena Okafor", "person")] == prose(paragraph)


def test_a_teaser_ending_in_name_reports_from_a_place() -> None:
    paragraph = "Fighting went on for a fourth day. Ana Lopes reports from Yangon."
    assert [("reporter", "Ana Lopes", "person")] == prose(paragraph)


@pytest.mark.parametrize(
    "paragraph",
    [
        "The ministry said what the Daily Herald reports.",
        "Police made several arrests. The Daily Herald reports.",
    ],
)
def test_an_outlet_reporting_is_no_person(paragraph: str) -> None:
    assert [] == prose(paragraph)


def test_a_byline_glued_to_the_lead_by_markup_residue() -> None:
    paragraph = "By Selin Aydin Kaya </p> <p>ANKARA (AA) – The agency held a workshop on Wednesday."
    assert [
        ("writer", "Selin Aydin Kaya", "person"),
        ("source", "Anadolu Agency", "service"),
    ] == prose(paragraph)


def test_reuters_editing_bracket_glued_to_the_last_sentence() -> None:
    paragraph = "Several trucks stood nearby, the witness said. (Editing by Owen Marsh)"
    assert [("editor", "Owen Marsh", "person")] == prose(paragraph)


def test_an_outlet_bracket_opening_the_lead() -> None:
    assert [("source", "BenarNews", "service")] == prose("[BenarNews] Six people were killed.")


def test_full_story_at_an_outlet() -> None:
    paragraph = "The offensive continued for a fourth day. Full story at The Irrawaddy"
    assert [("source", "The Irrawaddy", "service")] == prose(paragraph)


def test_chinese_reporters_listed_inside_a_run_of_text() -> None:
    paragraph = "两会报道在此编审 再发向全球 记者:张一鸣、李二妹、王三 新华社音视频部出品 |"
    assert [
        ("reporter", "张一鸣", "person"),
        ("reporter", "李二妹", "person"),
        ("reporter", "王三", "person"),
    ] == prose(paragraph)


def test_chinese_reporter_word_in_prose_is_no_credit() -> None:
    assert [] == prose("他对记者:这件事情我们已经处理完毕了,请大家放心。")


def test_korean_credit_bracket_closing_a_summary() -> None:
    paragraph = (
        "정보 유입 노력은 계속돼야 한다는 지적이 나왔습니다. (취재: 김민수 / 영상편집:박정호)"
    )
    assert [("reporter", "김민수", "person"), ("editor", "박정호", "person")] == prose(paragraph)


def test_a_bracketed_byline_opening_a_lead_under_a_caption() -> None:
    text = page(
        "男子墜樓身亡 警釐清原因",
        "男子墜樓身亡,警方釐清原因。(資料照)",
        "2025/04/28 16:53",
        "〔記者王小明/高雄報導〕高雄一名男子今天自大樓墜落,經消防局送醫搶救,仍告不治,警方初步排除他殺可能。",
        "據了解,當天上午傳出一聲巨響,工作人員見到男子倒地,立即通報警方與消防局到場處理。",
    )
    assert [("reporter", "王小明", "person")] == credits(text, "zh-Hant")


def test_a_source_line_closing_the_first_post_of_a_blog_page() -> None:
    text = page(
        "Friday, September 5, 2008",
        "Highway Reopens to Traffic",
        LEAD,
        SECOND,
        "Source: Xinhua",
        "Race Against Winter",
        "Builders are racing against the coming winter to finish new homes in the quake zone.",
    )
    assert [("source", "Xinhua", "service")] == credits(text)


def test_an_editor_line_with_a_list_of_links_under_it() -> None:
    text = page(
        "President to Visit Neighbour",
        LEAD,
        SECOND,
        "Editor: huaxia",
        "ផ្លូវទៅភូមិ (ដោយ សុខ ចាន់ថា)",
        "ទឹកជំនន់ (ដោយ ចាន់ ដារា)",
    )
    assert [("editor", "huaxia", "person")] == credits(text)


# --- the registry ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("AA", "anadolu"),
        ("Bloomberg", "bloomberg"),
        ("KBS", "kbs"),
        ("Bangkok Post", "bangkok-post"),
    ],
)
def test_agencies_and_outlets_users_meet_resolve(text: str, key: str) -> None:
    info = resolve_service(text)
    assert info is not None
    assert key == info.key


def test_a_photo_credit_does_not_make_the_articles_service() -> None:
    text = page("Floods Reach the Capital", "Photo: AFP", "By Ilse Marten", LEAD, SECOND)
    parsed = parse_text_page(text, language="en")
    assert parsed.credits is not None
    assert ("writer", "Ilse Marten") in [(e.role, e.name) for e in parsed.credits.entries]
    assert parsed.credits.service_key is None


def test_a_byline_with_its_date_after_a_dash() -> None:
    assert [("writer", "Ilse Marten", "person")] == read("By Ilse Marten - May 5, 2020")


def test_a_place_under_the_date_line_is_not_a_reporter() -> None:
    text = page("A Headline About Roads", "May 5, 2020", "Hong Kong", LEAD, SECOND)
    assert [] == credits(text)


def test_a_source_line_mid_page_leaves_the_story() -> None:
    text = page("Highway Reopens", LEAD, "Source: Xinhua", "Race Against Winter", SECOND)
    parsed = parse_text_page(text, language="en")
    assert "Source: Xinhua" not in parsed.body
    assert parsed.body.startswith(LEAD)
    assert parsed.body.endswith(SECOND)


def test_the_value_line_of_a_bare_label_leaves_the_story() -> None:
    text = page(
        "電台宣布撤離",
        "2.記者署名:",
        "王大明/ 綜合報導",
        "電台今天宣布,由於當地新法生效,將關閉辦公室並撤離全部員工,節目將改由其他地方製作播出。",
        "電台表示,聽眾仍可以透過網站與社群媒體收聽節目,並將持續報導當地新聞。",
    )
    assert "王大明" not in parse_text_page(text, language="zh-Hant").body
