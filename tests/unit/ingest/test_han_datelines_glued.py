"""A Chinese wire's or paper's dateline naming its reporter, glued to the lead's head: split
off as a line of its own, read as the reporter's credit, and out of the story text."""

from __future__ import annotations

import pytest

from archive.ingest.gluedlines import split_glued
from archive.ingest.native_credits import paper_dateline_credits, whole_line_credits
from archive.ingest.pagelines import page_lines
from archive.ingest.textpage import parse_text_page

_LEAD = (
    "市政府今天召开防汛工作会议，要求各区做好强降雨防范工作，"
    "确保群众生命财产安全，会议还部署了下一阶段的重点任务。"
)


@pytest.mark.parametrize(
    "head",
    [
        "新华社南京7月2日电(记者 王小明)",
        "(中央社記者陳大文台北3日電)",
        "〔記者林小美／台中報導〕",
        "本报讯（记者 李四 张三）",
        "本报南京7月2日讯 记者王小明报道:",
    ],
)
def test_a_dateline_glued_to_the_lead_is_split_off(head: str) -> None:
    parts = [line.text for line in split_glued(page_lines(f"{head}{_LEAD}"))]
    assert parts == [head, _LEAD]


def test_a_bracket_inside_the_lead_stays() -> None:
    text = f"市长(记者会上)表示{_LEAD}"
    assert [line.text for line in split_glued(page_lines(text))] == [text]


def test_a_paper_dateline_names_its_reporters() -> None:
    found = paper_dateline_credits("本报南京7月2日讯 记者王小明、李四报道:")
    assert [(e.role, e.name) for e in found] == [("reporter", "王小明"), ("reporter", "李四")]
    assert paper_dateline_credits("本报南京7月2日讯 记者会上报道:") == []


def test_whole_line_credits_reads_a_credit_line_only() -> None:
    assert [e.name for e in whole_line_credits("新华社南京7月2日电(记者 王小明)")] == ["王小明"]
    assert whole_line_credits(_LEAD) == []


def test_the_dateline_leaves_the_story_and_the_lead_stays() -> None:
    page = parse_text_page(f"防汛会议召开\n新华社南京7月2日电(记者 王小明){_LEAD}\n{_LEAD}\n")
    assert page.credits is not None
    assert ("reporter", "王小明") in [(e.role, e.name) for e in page.credits.entries]
    assert page.body.startswith(_LEAD)
    assert "记者" not in page.body
