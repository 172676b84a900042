"""Credit forms of round 2 (#15): label phrases, Korean bracketed leads, truncated last lines.

The lines here are written for these tests in the shapes real pages use; the names are
invented.
"""

from __future__ import annotations

import pytest

from archive.identity.services import resolve_service
from archive.ingest.bylines import find_credit_lines, read_credit_line
from archive.ingest.prose_credits import credits_in_prose
from archive.ingest.textpage import parse_text_page


def read(line: str) -> list[tuple[str, str, str]]:
    return [(e.role, e.name, e.kind) for e in read_credit_line(line)]


def prose(paragraph: str) -> list[tuple[str, str, str]]:
    return [(e.role, e.name, e.kind) for e in credits_in_prose(paragraph)]


def _never_furniture(line: str) -> bool:
    return False


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("Ихтиярий мухбиримиз ашир қадир", "ашир қадир"),
        ("Ixtiyariy muxbirimiz ashir qadir", "ashir qadir"),
        ("ئىختىيارىي مۇخبىرىمىز ئاشىر قادىر", "ئاشىر قادىر"),
    ],
)
def test_uyghur_volunteer_reporter_label_is_not_part_of_the_name(line: str, name: str) -> None:
    assert read(line) == [("reporter", name, "person")]


def test_khmer_spelling_of_an_outlet_is_the_outlet_not_a_person() -> None:
    found = read("ដោយ ឌឹ ខេមបូឌា ដេលី")
    assert [kind for _, _, kind in found] == ["service"]
    info = resolve_service("ឌឹ ខេមបូឌា ដេលី")
    assert info is not None and info.key == "cambodia-daily"


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        (
            "[박민수 기자(minsu@example.com)] 정부가 오늘 새 계획을 발표했다.",
            [("reporter", "박민수", "person")],
        ),
        (
            "[김하늘·오준서 기자] 정부가 오늘 새 계획을 발표했다.",
            [("reporter", "김하늘", "person"), ("reporter", "오준서", "person")],
        ),
        (
            "[프레시안 박민수 기자] 정부가 오늘 새 계획을 발표했다.",
            [("reporter", "박민수", "person"), ("source", "Pressian", "service")],
        ),
    ],
)
def test_korean_bracketed_byline_opening_the_lead(
    paragraph: str, expected: list[tuple[str, str, str]]
) -> None:
    assert prose(paragraph) == expected


def test_a_place_before_a_korean_bracketed_byline_is_not_a_person() -> None:
    assert not any(name == "서울" for _, name, _ in prose("[서울 박민수 기자] 정부가 발표했다."))


def test_korean_scoop_tag_and_inner_mention_give_nothing() -> None:
    assert prose("[단독] 정부가 오늘 새 계획을 발표했다.") == []
    assert prose("정부가 [박민수 기자]를 인용했다.") == []


def test_truncated_last_line_is_not_a_name() -> None:
    lines = [
        "ရန်ကုန်မြို့တွင် စစ်ကောင်စီတပ်သားများ ရောက်ရှိလာသည်။",
        "ဒေသခံများက စစ်ကောင်စီတပ်သားများကို မြင်တွေ့ခဲ့သည်ဟု ဆိုသည်။",
        "စစ်ကောင်စီတ",
    ]
    assert find_credit_lines(lines, is_furniture=_never_furniture) is None


def test_a_name_alone_on_the_last_line_is_still_read() -> None:
    lines = [
        "ရန်ကုန်မြို့တွင် စစ်ကောင်စီတပ်သားများ ရောက်ရှိလာသည်။",
        "ဒေသခံများက မြင်တွေ့ခဲ့သည်ဟု ဆိုသည်။",
        "မင်းသစ်",
    ]
    found = find_credit_lines(lines, is_furniture=_never_furniture)
    assert found is not None
    assert [(e.role, e.name) for e in found.entries] == [("reporter", "မင်းသစ်")]


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("By: Mali Sorn and Tom Hale | 3 March 2021", ["Mali Sorn", "Tom Hale"]),
        ("  • By Dara Keo Lim", ["Dara Keo Lim"]),
        ("By PETER WALSH, Associated Press Writer , Tue Mar 1, 4:10 PM ET", ["PETER WALSH"]),
        ("By Jane Roe, Phnom Penh, 12 May 2024", ["Jane Roe"]),
    ],
)
def test_by_lines_with_a_colon_a_bullet_or_a_trailing_time(line: str, names: list[str]) -> None:
    assert [(role, name) for role, name, _ in read(line)] == [("writer", n) for n in names]


@pytest.mark.parametrize("line", ["Bypass road closed", "by: the way", "• Byline policy"])
def test_lines_starting_like_by_that_are_not_bylines(line: str) -> None:
    assert read(line) == []


@pytest.mark.parametrize(
    ("paragraph", "names"),
    [
        ("新华社北京3月2日电（记者 王小明）外交部发言人今天表示。", ["王小明"]),
        ("新华社上海3月2日电(记者 王小明、李大华)当地今天举行会议。", ["王小明", "李大华"]),
        ("以上是本台记者林山的采访报道。", ["林山"]),
        ("以上是本台記者林山的報導。", ["林山"]),
        ("Mai Lan, phóng viên RFA Hôm nay tại Sài Gòn trời mưa.", ["Mai Lan"]),
    ],
)
def test_reporters_written_into_the_lead_or_the_sign_off(paragraph: str, names: list[str]) -> None:
    assert [(role, name) for role, name, kind in prose(paragraph) if kind == "person"] == [
        ("reporter", name) for name in names
    ]


@pytest.mark.parametrize(
    "paragraph",
    [
        "新华社北京3月2日电 外交部发言人王小明今天表示。",  # a spokesman is not a credit
        "他说本台的报道不实。",
        "Hà Nội, phóng viên RFA ghi nhận trời mưa.",  # a place, then what the reporter saw
    ],
)
def test_lead_mentions_that_are_not_credits(paragraph: str) -> None:
    assert [name for _, name, kind in prose(paragraph) if kind == "person"] == []


def test_vietnamese_reporter_of_a_station() -> None:
    assert ("reporter", "Mai Lan", "person") in read("Mai Lan, phóng viên đài RFA")


def test_a_name_after_a_furniture_line_closing_the_story_is_its_writer() -> None:
    lines = [
        "Villagers on the river say the officials promised them new land.",
        "They say trust is scarce.",
        "Keep reading",
        "Anna Berg",
    ]
    found = find_credit_lines(lines, is_furniture=lambda line: line == "Keep reading")
    assert found is not None
    assert [(e.role, e.name) for e in found.entries] == [("reporter", "Anna Berg")]


def test_a_headline_then_a_byline_closing_a_digest_is_the_next_post() -> None:
    lines = [
        "Villagers on the river say the officials promised them new land.",
        "They say trust is scarce.",
        "Floods Hit the North Again",
        "By Anna Berg",
    ]
    found = find_credit_lines(lines, is_furniture=_never_furniture)
    assert found is not None and found.entries == ()


def test_outlet_reporter_has_her_story() -> None:
    found = prose("The village is flooded again. VOA's Mary Stone has her story.")
    assert ("reporter", "Mary Stone", "person") in found


@pytest.mark.parametrize(
    "paragraph",
    [
        "The village is flooded again. She has her story to tell.",
        "The village is flooded again. Smith's Mary Stone reports.",
    ],
)
def test_pronouns_and_unknown_owners_are_not_reporters(paragraph: str) -> None:
    assert [name for _, name, kind in prose(paragraph) if kind == "person"] == []


def test_outlet_is_not_part_of_a_reporters_name() -> None:
    found = prose("The village is flooded again. VOA's Mary Stone reports.")
    assert [name for _, name, kind in found if kind == "person"] == ["Mary Stone"]


def test_date_then_reporter_with_the_outlet_tag_opening_the_lead() -> None:
    paragraph = "ဒီဇင်ဘာ ၁၀-၂၀၂၀ မင်းသစ်(ABC) ဧရာဝတီတိုင်း၊ ဟင်္သာတခရိုင်တွင် ဖြစ်ပွားသည်။"
    assert prose(paragraph) == [("reporter", "မင်းသစ်", "person")]


@pytest.mark.parametrize(
    "paragraph",
    [
        "ဒီဇင်ဘာ ၁၀-၂၀၂၀ ရန်ကုန်(AFP) မြို့ထဲတွင် ဖြစ်ပွားသည်။",  # an agency's dateline
        "ဒီဇင်ဘာ ၁၀-၂၀၂၀ နေပြည်တော်(ABC) နေပြည်တော်တွင် ဖြစ်ပွားသည်။",  # a place that recurs
        "မနေ့က မင်းသစ်(ABC) ဧရာဝတီတိုင်း၊",  # no date before it
    ],
)
def test_date_then_a_word_in_brackets_that_is_not_a_reporter(paragraph: str) -> None:
    assert [name for _, name, kind in prose(paragraph) if kind == "person"] == []


def test_a_last_line_ending_in_a_colon_is_a_lead_in_not_a_name() -> None:
    lines = ["ເມື່ອວານນີ້ ມີຄົນ 36 ຄອບຄົວ ຖືກຍ້າຍອອກ.", "https://example.com/a", "ເອກະສານ ແລະຂໍ້ມູນ :"]
    assert find_credit_lines(lines, is_furniture=lambda line: line.startswith("http")) is None


def test_by_line_and_has_her_story_are_one_credit() -> None:
    page = (
        "Woman Recalls Her Journey Home\n\n"
        "By Mary Stone\n\n"
        "The village on the river was flooded again this week, and hundreds of families fled.\n\n"
        "Officials said they would help the families who lost their homes in the water.\n\n"
        "VOA's Mary Stone has her story.\n"
    )
    parsed = parse_text_page(page, language="en")
    assert parsed.credits is not None
    people = [e for e in parsed.credits.entries if e.kind == "person"]
    assert [e.name for e in people] == ["Mary Stone"]
