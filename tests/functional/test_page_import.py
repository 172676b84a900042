"""Saved pages through the real `archive` command: capture date, derived title, furniture,
their round trip through JSONL, and `analyze` on HTML reading the story."""

from __future__ import annotations

import json
from pathlib import Path

from tests.functional.test_cli import run_cli

LEAD = "Soldiers burned 35 houses in a village in Sagaing region on Sunday, residents said."
SECOND = "“We could only carry our children,” one resident told reporters by telephone."
PAGE = f"Friday, April 19, 2024\n\nHomeAsia\n\n{LEAD}\n\nPhoto: RFA\n\n{SECOND}\n"


def import_json(db: Path, *paths: Path) -> dict[str, object]:
    result = run_cli("import", *paths, "--json", "--no-align", "--db", db)
    assert 0 == result.returncode, result.stderr
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def show(db: Path, article_id: int) -> dict[str, object]:
    result = run_cli("show", str(article_id), "--json", "--db", db)
    assert 0 == result.returncode, result.stderr
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def test_show_json_has_capture_date_derived_title_and_furniture(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text(PAGE, encoding="utf-8")
    db = tmp_path / "a.db"
    item = import_json(db, page)["items"][0]  # type: ignore[index]
    data = show(db, item["article_id"])
    assert (None, "2024-04-19", True, LEAD) == (
        data["date"],
        data["captured"],
        data["title_derived"],
        data["title"],
    )
    version = data["versions"][0]  # type: ignore[index]
    assert f"{LEAD}\n\n{SECOND}" == version["text"]
    assert "Friday, April 19, 2024\nHomeAsia\nPhoto: RFA" == version["furniture"]

    # The JSONL export carries them, and importing it into a new archive keeps them.
    out = tmp_path / "export.jsonl"
    result = run_cli("export", "--format", "jsonl", "--out", out, "--db", db)
    assert 0 == result.returncode, result.stderr
    record = json.loads(out.read_text(encoding="utf-8").splitlines()[0])
    assert ("2024-04-19", True) == (record["captured"], record["title_derived"])
    copy = tmp_path / "copy.db"
    again = import_json(copy, out)["items"][0]  # type: ignore[index]
    restored = show(copy, again["article_id"])
    assert (data["captured"], data["title_derived"]) == (
        restored["captured"],
        restored["title_derived"],
    )
    assert version["furniture"] == restored["versions"][0]["furniture"]  # type: ignore[index]


def test_two_stories_sharing_a_derived_title_stay_two_articles(tmp_path: Path) -> None:
    one, two = tmp_path / "one.txt", tmp_path / "two.txt"
    one.write_text(f"{LEAD}\n\n{SECOND}\n", encoding="utf-8")
    two.write_text(f"{LEAD}\n\nA different second paragraph about other villages.\n", "utf-8")
    db = tmp_path / "a.db"
    items = import_json(db, one, two)["items"]
    assert ["imported", "imported"] == [i["outcome"] for i in items]  # type: ignore[attr-defined]
    assert items[0]["article_id"] != items[1]["article_id"]  # type: ignore[index]


def test_analyze_on_html_reads_the_story_not_the_markup(tmp_path: Path) -> None:
    story = "政府は十九日、新しい規則を発表し、漁業関係者に対して説明会を開くと述べた。" * 3
    html = (
        "<html><head><title>規則 - Example</title></head><body>"
        '<nav><a href="/">Home</a> <a href="/en">English edition</a> <a href="/about">About us'
        "</a> <a href='/contact'>Contact the newsroom</a></nav>"
        f"<article><h1>規則</h1><p>{story}</p><p>{story[::-1]}</p></article></body></html>"
    )
    page = tmp_path / "page.html"
    page.write_text(html, encoding="utf-8")
    result = run_cli("analyze", page, "--json")
    assert 0 == result.returncode, result.stderr
    data = json.loads(result.stdout)
    assert "ja" == data["language"]
    assert data["paragraphs"][-1]["end"] < len(html) / 2


def test_analyze_on_html_reads_the_text_import_stores(tmp_path: Path) -> None:
    lead = "The council met on Monday to discuss the flooding in the northern districts."
    html = (
        "<html><head><title>Flood talks - Example News</title></head><body>"
        f"<article><h1>Flood talks</h1><p>By Jane Doe</p><p>{lead}</p>"
        "<p>Residents asked the council for more help with repairs.</p></article></body></html>"
    )
    page = tmp_path / "page.html"
    page.write_text(html, encoding="utf-8")
    analysed = run_cli("analyze", page, "--json")
    assert 0 == analysed.returncode, analysed.stderr
    db = tmp_path / "a.db"
    article_id = import_json(db, page)["items"][0]["article_id"]  # type: ignore[index]
    stored = show(db, article_id)["versions"][0]["text"]  # type: ignore[index]
    assert stored.startswith(lead)
    paragraphs = json.loads(analysed.stdout)["paragraphs"]
    assert [0, len(stored)] == [paragraphs[0]["start"], paragraphs[-1]["end"]]
