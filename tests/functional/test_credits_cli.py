"""Credits of real-page forms through the real ``archive`` entry point: roles, organisation
credits in ``show --json``, and the credit lines kept out of the story text."""

from __future__ import annotations

import json
from pathlib import Path

from tests.functional.test_cli import run_cli

PAGE = """Border Trade Grows Despite Sanctions

By Lina Park and Tomas Ruiz

SEOUL (Reuters) - Trade across the border has grown since March, traders said.

Prices of rice fell by a third, a trader in the border town said.

Hana Sato contributed to this report.

Copyright © 2024 Reuters. Used with permission.
"""

KHMER_PAGE = """តុលាការ ពិចារណា ដោះលែង យុវជន

ដោយ សុខ វណ្ណា
2013-08-19

ចៅក្រមសាលាដំបូង កំពុងពិចារណាដោះលែងយុវជន ៤នាក់។

មេធាវី បានដាក់លិខិតសុំធានា។
"""


def test_show_json_lists_people_and_organisations_with_their_roles(tmp_path: Path) -> None:
    page = tmp_path / "border-trade.txt"
    page.write_text(PAGE, encoding="utf-8")
    db = tmp_path / "archive.db"
    imported = run_cli("import", page, "--db", db, "--no-align", "--json")
    assert 0 == imported.returncode, imported.stderr
    article_id = json.loads(imported.stdout)["items"][0]["article_id"]

    shown = run_cli("show", str(article_id), "--db", db, "--json")
    assert 0 == shown.returncode, shown.stderr
    data = json.loads(shown.stdout)
    assert [
        ("writer", "Lina Park", "person"),
        ("writer", "Tomas Ruiz", "person"),
        ("contributor", "Hana Sato", "person"),
        ("source", "Reuters", "organization"),
    ] == [(c["role"], c["name"], c["kind"]) for c in data["credits"]]
    assert "Hana Sato contributed to this report." == data["credit_line"]
    assert "By Lina Park and Tomas Ruiz" == data["credits"][0]["raw"]
    text = data["versions"][0]["text"]
    assert text.startswith("SEOUL (Reuters) - Trade across the border")
    assert text.endswith("a trader in the border town said.")
    assert "By Lina Park" not in text and "contributed" not in text

    by_role = run_cli(
        "list", "--db", db, "--json", "--person", "Hana Sato", "--role", "contributor"
    )
    assert 0 == by_role.returncode, by_role.stderr
    assert ["Border Trade Grows Despite Sanctions"] == [
        r["title"] for r in json.loads(by_role.stdout)
    ]


def test_a_native_byline_becomes_a_reporter_credit(tmp_path: Path) -> None:
    page = tmp_path / "khmer.txt"
    page.write_text(KHMER_PAGE, encoding="utf-8")
    db = tmp_path / "archive.db"
    imported = run_cli("import", page, "--db", db, "--no-align", "--json")
    assert 0 == imported.returncode, imported.stderr
    article_id = json.loads(imported.stdout)["items"][0]["article_id"]
    data = json.loads(run_cli("show", str(article_id), "--db", db, "--json").stdout)
    assert [("reporter", "សុខ វណ្ណា", "person", "ដោយ សុខ វណ្ណា")] == [
        (c["role"], c["name"], c["kind"], c["raw"]) for c in data["credits"]
    ]
    assert data["versions"][0]["text"].startswith("ចៅក្រមសាលាដំបូង")
