"""``archive edit``, ``history``, ``undo``, ``people merge|split`` through the real entry point;
the history in the PROV export and through a JSONL round trip into a new archive."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import SEED
from tests.functional.test_cli import run_cli

ME = {"ARCHIVE_REVIEWER": "Daw Khin"}


@pytest.fixture
def seeded(tmp_path: Path) -> Path:
    db = tmp_path / "archive.db"
    result = run_cli("import", SEED, "--db", db, "--no-align")
    assert 0 == result.returncode, result.stderr
    return db


def _show(db: Path) -> str:
    result = run_cli("show", "1", "--db", db, "--json")
    assert 0 == result.returncode, result.stderr
    return result.stdout


def test_edit_history_undo_round_trip(seeded: Path, tmp_path: Path) -> None:
    before = _show(seeded)
    edit = run_cli(
        "edit", "1", "--db", seeded, "--json",
        "--date", "2021-09-21",
        "--add-credit", "translator:Khin M. Nyane",
        env=ME,
    )  # fmt: skip
    assert 0 == edit.returncode, edit.stderr
    made = json.loads(edit.stdout)
    assert [("add-credit", "Daw Khin"), ("set-date", "Daw Khin")] == [
        (e["action"], e["reviewer"]) for e in made
    ]
    assert {"date": None} == made[1]["before"]
    shown = json.loads(_show(seeded))
    assert "2021-09-21" == shown["date"]
    assert ("translator", "Khin M. Nyane") == (
        shown["credits"][-1]["role"],
        shown["credits"][-1]["name"],
    )

    merge = run_cli("people", "merge", "Khin Maung Nyane", "Khin M. Nyane", "--db", seeded, env=ME)
    assert 0 == merge.returncode, merge.stderr
    assert merge.stdout.startswith("edit 3: merge-people: 'Khin M. Nyane'")
    people = json.loads(run_cli("people", "--db", seeded, "--json").stdout)
    assert [["Eugene Whong", []], ["Khin Maung Nyane", ["Khin M. Nyane"]]] == [
        [p["name"], p["aliases"]] for p in people
    ]

    history = json.loads(run_cli("history", "1", "--db", seeded, "--json").stdout)
    assert ["add-credit", "set-date", "merge-people"] == [e["action"] for e in history]
    text = run_cli("history", "1", "--db", seeded).stdout
    assert "set-date: none → '2021-09-21'" in text

    prov = run_cli("export", "--format", "prov-json", "--db", seeded)
    document = json.loads(prov.stdout)
    assert {"arch:edit/1", "arch:edit/2", "arch:edit/3"} <= set(document["activity"])
    revisions = {  # PROV-JSON writes wasRevisionOf as a derivation of type prov:Revision
        (r["prov:usedEntity"], r["prov:generatedEntity"])
        for r in document["wasDerivedFrom"].values()
        if r.get("prov:type", {}).get("$") == "prov:Revision"
    }
    assert ("arch:edit/2/before", "arch:edit/2/after") in revisions
    reviewers = [a for a in document["agent"].values() if a.get("prov:label") == "Daw Khin"]
    assert 1 == len(reviewers)

    exported = tmp_path / "export.jsonl"
    assert 0 == run_cli("export", "--format", "jsonl", "--out", exported, "--db", seeded).returncode
    fresh = tmp_path / "fresh.db"
    imported = run_cli("import", exported, "--db", fresh, "--no-align")
    assert 0 == imported.returncode, imported.stderr
    again = json.loads(run_cli("history", "1", "--db", fresh, "--json").stdout)
    keys = ("action", "reviewer", "before", "after", "at")
    assert [[e[k] for k in keys] for e in history] == [[e[k] for k in keys] for e in again]
    # The date edit names the article itself, so it stays undoable in the new archive.
    assert 0 == run_cli("undo", str(again[1]["id"]), "--db", fresh, env=ME).returncode
    assert None is json.loads(run_cli("show", "1", "--db", fresh, "--json").stdout)["date"]

    for step in (
        ["people", "split", "Khin Maung Nyane"],
        ["undo", "2"],
        ["undo", "1"],
    ):
        result = run_cli(*step, "--db", seeded, env=ME)
        assert 0 == result.returncode, result.stderr
    after = json.loads(_show(seeded))
    assert json.loads(before) == after
    assert before == _show(seeded)


def test_errors_are_one_line_and_change_nothing(seeded: Path) -> None:
    before = _show(seeded)
    cases = [
        (["edit", "1", "--date", "2021-02-30"], ME, "archive: --date '2021-02-30': not a date"),
        (["edit", "1", "--title", "T"], {}, "archive: no reviewer name: pass --reviewer NAME"),
        (["edit", "9", "--title", "T"], ME, "archive: article 9: no such article"),
        (["edit", "1", "--remove-credit", "99"], ME, "archive: credit 99: no such credit"),
        (
            ["edit", "1", "--title", "T", "--add-credit", "hero:X"],
            ME,
            "archive: role 'hero': not one of",
        ),
        (["people", "merge", "Nobody", "Eugene Whong"], ME, "archive: person 'Nobody': no such"),
        (["undo", "7"], ME, "archive: edit 7: no such edit"),
    ]
    for args, env, message in cases:
        result = run_cli(*args, "--db", seeded, env=env)
        assert (1, "") == (result.returncode, result.stdout), args
        assert result.stderr.startswith(message), result.stderr
        assert 1 == len(result.stderr.splitlines()), result.stderr
    assert before == _show(seeded)
    bad = run_cli("edit", "1", "--credit-role", "x:writer", "--db", seeded, env=ME)
    assert 2 == bad.returncode


def test_edit_without_changes_lists_ids(seeded: Path) -> None:
    result = run_cli("edit", "1", "--db", seeded)
    assert 0 == result.returncode, result.stderr
    assert "  credit #2     translator   Khin Maung Nyane" in result.stdout.splitlines()
    assert "  version #1    published, en" in result.stdout.splitlines()


def test_services_merge_split_and_listing_by_default(seeded: Path, tmp_path: Path) -> None:
    other = tmp_path / "khmer.jsonl"
    other.write_text(
        json.dumps(
            {
                "title": "A Khmer story",
                "service": "RFA Khmer",
                "versions": [{"kind": "published", "language": "en", "text": "Text."}],
            }
        )
        + "\n",
        encoding="utf-8",
    )
    assert 0 == run_cli("import", other, "--db", seeded, "--no-align").returncode
    listed = run_cli("services", "--db", seeded, "--json")
    assert listed.stdout == run_cli("services", "list", "--db", seeded, "--json").stdout
    before = json.loads(listed.stdout)
    assert ["RFA Khmer Service", "RFA Myanmar Service"] == [s["name"] for s in before]
    merge = run_cli("services", "merge", "RFA Myanmar Service", "rfa-khmer", "--db", seeded, env=ME)
    assert 0 == merge.returncode, merge.stderr
    assert (
        "RFA Myanmar Service"
        == json.loads(run_cli("show", "2", "--db", seeded, "--json").stdout)["service"]["name"]
    )
    split = run_cli("services", "split", "RFA Myanmar Service", "--db", seeded, env=ME)
    assert (0, "edit 1 undone: the merge is split\n") == (split.returncode, split.stdout)
    assert before == json.loads(run_cli("services", "--db", seeded, "--json").stdout)


def test_archive_undo_undoes_bead_edits_too_in_order(tmp_path: Path) -> None:
    from tests.conftest import CORPUS

    record = tmp_path / "one.jsonl"
    first_line = (CORPUS / "ntrex128-sample.jsonl").read_text(encoding="utf-8").split("\n")[0]
    record.write_text(first_line + "\n", encoding="utf-8")
    db = tmp_path / "archive.db"
    assert 0 == run_cli("import", record, "--db", db).returncode

    def beads() -> list[Any]:  # bead ids are renumbered by edits; their sentences are what count
        data = json.loads(run_cli("beads", "1", "--db", db, "--json").stdout)
        return [
            [(b["src"], b["tgt"], b["confirmed"]) for b in a["beads"]] for a in data["alignments"]
        ]

    before = beads()
    for verb in ("confirm", "merge"):
        result = run_cli("beads", verb, "1", "--db", db, env=ME)
        assert 0 == result.returncode, result.stderr
    refused = run_cli("undo", "1", "--db", db, env=ME)
    assert (1, "archive: edit 1: cannot be undone: edit 2 (merge by Daw Khin)") == (
        refused.returncode,
        refused.stderr.split(" changed")[0],
    )
    for edit_id in ("2", "1"):
        result = run_cli("undo", edit_id, "--db", db, env=ME)
        assert (0, f"edit {edit_id} undone\n") == (result.returncode, result.stdout)
    assert before == beads()
