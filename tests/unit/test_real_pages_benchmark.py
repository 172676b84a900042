"""The real-pages benchmark: its gold loader, its scoring, and one page through the real CLI."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import pytest

from benchmarks import real_pages
from benchmarks.real_pages import (
    FRESH2_SET,
    FRESH3_SET,
    FRESH4_SET,
    FRESH5_SET,
    FRESH6_SET,
    FRESH7_SET,
    FRESH8_SET,
    FRESH9_SET,
    FRESH10_SET,
    FRESH11_SET,
    FRESH_SET,
    HTML_SET,
    REPO_SET,
    GoldError,
    PageSet,
    chosen_sets,
    load_gold,
    norm_service,
    score_credits,
    score_set,
    totals,
)

PAGE = """\
Home > News > Asia

Villagers protest dam on the Sekong river

By Chan Dara and Ly Sok, Mekong Wire
12 March 2019

Hundreds of villagers gathered on Monday to protest a dam planned upstream of their farms.

They said the company had not told them how many families would have to move.

Share this story
"""


def gold_line(**override: object) -> str:
    entry: dict[str, object] = {
        "file": "sekong-dam.txt",
        "title": "Villagers protest dam on the Sekong river",
        "date": "2019-03-12",
        "language": "en",
        "credits": [
            {"role": "reporter", "name": "Chan Dara"},
            {"role": "reporter", "name": "Ly Sok"},
        ],
        "service": "Mekong Wire",
        "source": "written for this test",
        "truncated": False,
        "notes": "",
        "story_first": "Hundreds of villagers gathered on Monday",
        "story_last": "would have to move.",
        "junk_lines": ["Share this story", "Home > News > Asia"],
        "junk_substrings": [],
        "byline_line": "By Chan Dara and Ly Sok, Mekong Wire",
    }
    entry.update(override)
    return json.dumps(entry, ensure_ascii=False)


@pytest.fixture
def page_set(tmp_path: Path) -> PageSet:
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "sekong-dam.txt").write_text(PAGE, encoding="utf-8")
    gold = tmp_path / "gold.jsonl"
    gold.write_text(gold_line() + "\n", encoding="utf-8")
    return PageSet("test", pages, gold)


def test_load_gold_reads_every_line(page_set: PageSet) -> None:
    gold = load_gold(page_set.gold, page_set.pages)
    assert ["sekong-dam.txt"] == [g["file"] for g in gold]


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("{not json", "gold.jsonl:1: not JSON"),
        (json.dumps({"file": "x.txt"}), "gold.jsonl:1: missing title"),
        (gold_line(date="12/03/2019"), "gold.jsonl:1: date '12/03/2019' is not YYYY-MM-DD"),
        (gold_line(file="absent.txt"), "gold.jsonl:1: no page absent.txt"),
    ],
)
def test_load_gold_names_the_line_and_the_problem(
    page_set: PageSet, line: str, message: str
) -> None:
    page_set.gold.write_text(line + "\n", encoding="utf-8")
    with pytest.raises(GoldError, match=message.replace("(", r"\(").replace(")", r"\)")):
        load_gold(page_set.gold, page_set.pages)


def test_the_repo_gold_follows_the_schema_and_names_its_pages() -> None:
    gold = load_gold(REPO_SET / "gold.jsonl", REPO_SET / "pages")
    assert len(gold) >= 110
    assert len({g["file"] for g in gold}) == len(gold)


def test_a_gold_folder_reads_every_part(page_set: PageSet) -> None:
    (page_set.pages / "second.txt").write_text(PAGE, encoding="utf-8")
    page_set.gold.rename(page_set.gold.parent / "gold-a.jsonl")
    (page_set.gold.parent / "gold-b.jsonl").write_text(
        gold_line(file="second.txt") + "\n", encoding="utf-8"
    )
    gold = load_gold(page_set.gold.parent, page_set.pages)
    assert ["sekong-dam.txt", "second.txt"] == [g["file"] for g in gold]


def test_a_page_with_gold_in_two_parts_is_refused(page_set: PageSet) -> None:
    (page_set.gold.parent / "gold-b.jsonl").write_text(gold_line() + "\n", encoding="utf-8")
    with pytest.raises(GoldError, match=r"sekong-dam\.txt has gold twice"):
        load_gold(page_set.gold.parent, page_set.pages)


@pytest.mark.parametrize(
    ("folder", "at_least"),
    [
        (FRESH_SET, 80),
        (FRESH2_SET, 80),
        (FRESH3_SET, 80),
        (FRESH4_SET, 80),
        (FRESH5_SET, 60),
        (FRESH6_SET, 55),
        (FRESH7_SET, 55),
        (FRESH8_SET, 55),
        (FRESH9_SET, 55),
        (FRESH10_SET, 55),
        (FRESH11_SET, 55),
    ],
    ids=[
        "fresh",
        "fresh2",
        "fresh3",
        "fresh4",
        "fresh5",
        "fresh6",
        "fresh7",
        "fresh8",
        "fresh9",
        "fresh10",
        "fresh11",
    ],
)
def test_the_held_out_sets_follow_the_schema(folder: Path, at_least: int) -> None:
    gold = load_gold(folder, folder / "pages")
    assert len(gold) >= at_least
    assert {g["file"] for g in gold} == {p.name for p in (folder / "pages").iterdir()}


def test_all_scores_every_development_set(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # never the development folder beside the checkout
    monkeypatch.setattr(real_pages, "SHARED_SET", tmp_path / "no-shared-set")

    def names(set_name: str) -> list[str]:
        args = argparse.Namespace(set=set_name, pages=None, gold=None)
        return [page_set.name for page_set in chosen_sets(args)]

    assert names("fresh4") == ["fresh4"]
    assert names("fresh5") == ["fresh5"]
    assert names("fresh6") == ["fresh6"]
    assert names("fresh7") == ["fresh7"]
    assert names("fresh8") == ["fresh8"]
    assert names("fresh9") == ["fresh9"]
    assert names("fresh10") == ["fresh10"]
    assert names("all") == [
        "repo",
        "fresh",
        "fresh2",
        "fresh3",
        "fresh4",
        "fresh5",
        "fresh6",
        "fresh7",
        "fresh8",
        "fresh9",
        "fresh10",
        "html",
    ]


def test_the_held_out_set_is_scored_only_when_asked_for_by_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # never the development folder beside the checkout
    monkeypatch.setattr(real_pages, "SHARED_SET", tmp_path / "no-shared-set")

    def chosen(set_name: str) -> list[PageSet]:
        return chosen_sets(argparse.Namespace(set=set_name, pages=None, gold=None))

    assert [(s.name, s.pages, s.gold) for s in chosen("fresh11")] == [
        ("fresh11", FRESH11_SET / "pages", FRESH11_SET)
    ]
    for set_name in ("repo", "fresh10", "html", "all"):
        assert "fresh11" not in [page_set.name for page_set in chosen(set_name)]
        assert FRESH11_SET not in [page_set.gold for page_set in chosen(set_name)]


def test_the_held_out_html_set_follows_the_schema() -> None:
    gold = load_gold(HTML_SET, HTML_SET / "pages")
    assert len(gold) >= 15
    assert {g["file"] for g in gold} == {p.name for p in (HTML_SET / "pages").iterdir()}
    assert all(g["file"].endswith(".html") for g in gold)


def test_credits_count_role_and_name_and_forgive_credits_other() -> None:
    g = json.loads(gold_line(credits_other=[{"role": "photographer", "name": "Hem Sina"}]))
    show = {
        "credits": [
            {"role": "reporter", "name": "chan  dara", "kind": "person"},
            {"role": "editor", "name": "Ly Sok", "kind": "person"},
            {"role": "photographer", "name": "Hem Sina", "kind": "person"},
            {"role": "source", "name": "Mekong Wire", "kind": "organisation"},
        ]
    }
    problems: list[str] = []
    result = score_credits(g, show, problems)
    assert (1, 1, 1) == (result["tp"], result["fp"], result["fn"])
    assert ["credit missed: reporter 'ly sok'", "credit wrong/extra: editor 'ly sok'"] == problems


def test_service_names_are_compared_loosely() -> None:
    assert norm_service("RFA's Burmese Service") == norm_service("Radio Free Asia Myanmar")


def test_one_written_page_through_the_real_cli(page_set: PageSet, tmp_path: Path) -> None:
    """The runner's mechanics only: how well the importer does is the benchmark's figure."""
    archive = Path(sys.executable).parent / "archive"
    results = score_set(archive, page_set, tmp_path / "work")
    t = totals(results)
    assert (1, 1, []) == (t["pages"], t["imported"], t["failed"])
    page = results[0]
    assert "Villagers protest dam on the Sekong river" == page["title"]["gold"]
    assert isinstance(page["title"]["got"], str)
    assert page["story"]["chars"] > 0
    assert 2 == t["credits"]["gold_credits"]
    assert t["credits"]["tp"] + t["credits"]["fn"] == 2


def test_in_process_scoring_gives_what_the_cli_processes_give(
    page_set: PageSet, tmp_path: Path
) -> None:
    archive = Path(sys.executable).parent / "archive"
    # a second page, undecodable, so a failed import is compared too
    (page_set.pages / "broken.txt").write_bytes(b"\xff\xfe\x00Headline\n\n\x81\x82 text\n")
    page_set.gold.write_text(
        gold_line() + "\n" + gold_line(file="broken.txt", title=None, credits=[]) + "\n",
        encoding="utf-8",
    )
    by_processes = score_set(archive, page_set, tmp_path / "processes")
    in_process = score_set(archive, page_set, tmp_path / "in-process", in_process=True)
    assert [r["file"] for r in in_process] == ["sekong-dam.txt", "broken.txt"]
    assert by_processes == in_process
