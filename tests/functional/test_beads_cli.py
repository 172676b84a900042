"""``archive beads``: every verb through the real entry point, on a hand-written alignment."""

from __future__ import annotations

import json
from pathlib import Path
from subprocess import CompletedProcess
from typing import Any

import pytest

from archive.db import Archive
from tests.functional.test_cli import run_cli as _run_cli
from tests.snapshots.tui_archive import DEFECTORS, add_article


def run_cli(*args: object, env: dict[str, str] | None = None) -> CompletedProcess[str]:
    """``archive ARGS`` through the real entry point (numbers given as they are typed)."""
    return _run_cli(*(a if isinstance(a, Path) else str(a) for a in args), env=env)


@pytest.fixture
def sample(archive: Archive, db_path: Path) -> int:
    """The Burmese/English article: beads 2-1, 1-1, 1-0, 1-1, 1-1, 0-1."""
    article_id, _ = add_article(archive, DEFECTORS, index=False)
    return article_id


def beads(db: Path, article_id: int) -> dict[str, Any]:
    result = run_cli("beads", article_id, "--db", db, "--json")
    assert 0 == result.returncode, result.stderr
    (alignment,) = json.loads(result.stdout)["alignments"]
    return dict(alignment)


def edit(db: Path, *args: str | int) -> dict[str, Any]:
    result = run_cli("beads", *args, "--db", db, "--json", "--reviewer", "Daw Khin")
    assert 0 == result.returncode, result.stderr
    assert "" == result.stderr
    return dict(json.loads(result.stdout))


def test_list_shows_ids_sentences_scores_and_confirmed(db_path: Path, sample: int) -> None:
    alignment = beads(db_path, sample)
    assert (0, 6) == (alignment["confirmed"], alignment["total"])
    first = alignment["beads"][0]
    assert {
        "position": 0,
        "src": [0, 1],
        "tgt": [0],
        "kind": "2-1",
        "score": 0.91,
        "method": "test",
        "confirmed": False,
        "by": None,
        "at": None,
    } == {k: v for k, v in first.items() if k != "id"}
    text = run_cli("beads", "list", sample, "--db", db_path)
    assert 0 == text.returncode
    assert text.stdout.startswith(f"alignment {alignment['id']}: version ")
    assert "0 of 6 confirmed" in text.stdout.splitlines()[0]


def test_every_verb_edits_the_stored_beads_and_undo_redo_take_it_back(
    db_path: Path, sample: int
) -> None:
    ids = [b["id"] for b in beads(db_path, sample)["beads"]]

    def kinds() -> list[str]:
        return [b["kind"] for b in beads(db_path, sample)["beads"]]

    split = edit(db_path, "split", ids[0])
    assert "split" == split["edit"]["action"] and "Daw Khin" == split["edit"]["reviewer"]
    assert ["1-1", "1-0", "1-1", "1-0", "1-1", "1-1", "0-1"] == kinds()
    merged = edit(db_path, "merge", ids[0])
    assert ["2-1", "1-1", "1-0", "1-1", "1-1", "0-1"] == kinds()
    edit(db_path, "merge", ids[1], "--previous")
    assert ["3-2", "1-0", "1-1", "1-1", "0-1"] == kinds()
    edit(db_path, "move", ids[0], "--side", "src", "--down")
    assert ["2-2", "2-0", "1-1", "1-1", "0-1"] == kinds()
    edit(db_path, "unmatch", ids[-2], "--side", "tgt")
    assert ["2-2", "2-0", "1-1", "0-1", "1-0", "0-1"] == kinds()
    confirmed = edit(db_path, "confirm", ids[0], "--through")
    assert 1 == confirmed["alignment"]["confirmed"]
    assert "Daw Khin" == confirmed["alignment"]["beads"][0]["by"]
    unconfirmed = edit(db_path, "unconfirm", ids[0])
    assert 0 == beads(db_path, sample)["confirmed"]
    undone = edit(db_path, "undo", unconfirmed["edit"]["id"])
    assert undone["edit"]["undone_by"] == "Daw Khin"
    assert 1 == beads(db_path, sample)["confirmed"]
    edit(db_path, "redo", undone["edit"]["id"])
    assert 0 == beads(db_path, sample)["confirmed"]
    refused = run_cli("beads", "undo", merged["edit"]["id"], "--db", db_path, "--reviewer", "X")
    assert 1 == refused.returncode
    assert f"archive: edit {merged['edit']['id']}: cannot be undone" in refused.stderr


def test_realign_keeps_the_confirmed_beads(db_path: Path, sample: int) -> None:
    ids = [b["id"] for b in beads(db_path, sample)["beads"]]
    edit(db_path, "split", ids[0])
    edit(db_path, "confirm", ids[0])
    kept = beads(db_path, sample)["beads"][0]
    result = edit(db_path, "realign", sample)
    assert [("realign", "Daw Khin")] == [(e["action"], e["reviewer"]) for e in result["edits"]]
    assert kept == beads(db_path, sample)["beads"][0]


def test_edits_refuse_without_a_reviewer_and_name_the_problem(db_path: Path, sample: int) -> None:
    ids = [b["id"] for b in beads(db_path, sample)["beads"]]
    result = run_cli("beads", "confirm", ids[0], "--db", db_path)
    assert (1, "") == (result.returncode, result.stdout)
    assert result.stderr.startswith("archive: no reviewer name: pass --reviewer NAME")
    env = run_cli("beads", "confirm", ids[0], "--db", db_path, env={"ARCHIVE_REVIEWER": "Ko Aung"})
    assert 0 == env.returncode, env.stderr
    assert "Ko Aung" == beads(db_path, sample)["beads"][0]["by"]
    last = run_cli("beads", "split", ids[-1], "--db", db_path, "--reviewer", "X")
    assert (1, "archive: bead 6: a 0-1 bead cannot be split\n") == (
        last.returncode,
        last.stderr,
    )
    bad = run_cli("beads", "move", ids[0], "--side", "left", "--db", db_path, "--reviewer", "X")
    assert 2 == bad.returncode
    missing = run_cli("beads", "merge", 99999, "--db", db_path, "--reviewer", "X")
    assert (1, "archive: bead 99999: no such bead\n") == (missing.returncode, missing.stderr)
