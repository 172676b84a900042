"""Credit forms of round 2 (#15): label phrases, Korean bracketed leads, truncated last lines.

The lines here are written for these tests in the shapes real pages use; the names are
invented.
"""

from __future__ import annotations

import pytest

from archive.identity.services import resolve_service
from archive.ingest.bylines import credits_in_prose, find_credit_lines, read_credit_line


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
