"""``archive link`` through the real entry point: suggest, confirm, undo, reject, --auto, and
``import --link``."""

from __future__ import annotations

import json
from pathlib import Path

from tests.functional.test_cli import run_cli
from tests.unit.linking.sample import write_sample


def _ids(db: Path) -> dict[str, int]:
    listed = json.loads(run_cli("list", "--db", db, "--json").stdout)
    by_language = sorted(listed, key=lambda r: r["id"])
    return dict(
        zip(
            ("my-shark", "en-shark", "my-stores", "en-stores"),
            (r["id"] for r in by_language),
            strict=True,
        )
    )


def test_suggest_confirm_undo_reject(tmp_path: Path) -> None:
    db = tmp_path / "a.db"
    assert 0 == run_cli("import", write_sample(tmp_path / "in"), "--db", db).returncode
    ids = _ids(db)
    shown_before = run_cli("show", str(ids["en-shark"]), "--db", db, "--json").stdout

    suggested = run_cli("link", "suggest", "--db", db, "--json")
    assert 0 == suggested.returncode, suggested.stderr
    pairs = [(s["article"], s["candidate"]) for s in json.loads(suggested.stdout)]
    assert (ids["my-shark"], ids["en-shark"]) in pairs
    assert {"article", "candidate", "score", "evidence"} <= set(json.loads(suggested.stdout)[0])

    anonymous = run_cli(
        "link",
        "confirm",
        str(ids["my-shark"]),
        str(ids["en-shark"]),
        "--db",
        db,
        env={"ARCHIVE_REVIEWER": ""},
    )
    assert 2 == anonymous.returncode
    assert "--reviewer" in anonymous.stderr

    hostile = run_cli(
        "link",
        "confirm",
        str(ids["my-shark"]),
        str(ids["en-shark"]),
        "--db",
        db,
        "--reviewer",
        "A\x1b[31m\nB",
    )
    assert hostile.returncode in (1, 2)  # refused, one line naming the reviewer
    assert 1 == len(hostile.stderr.strip().splitlines()), hostile.stderr
    assert "reviewer" in hostile.stderr.lower()
    assert "\x1b" not in hostile.stderr

    confirmed = run_cli(
        "link",
        "confirm",
        str(ids["my-shark"]),
        str(ids["en-shark"]),
        "--db",
        db,
        "--reviewer",
        "Archivist A",
        "--json",
    )
    assert 0 == confirmed.returncode, confirmed.stderr
    link = json.loads(confirmed.stdout)
    shown = json.loads(run_cli("show", str(ids["my-shark"]), "--db", db, "--json").stdout)
    assert [link] == shown["links"]
    assert ("manual", "Archivist A") == (link["method"], link["by"])
    gone = run_cli("show", str(ids["en-shark"]), "--db", db, "--json")
    assert 1 == gone.returncode
    assert f"linked into article {ids['my-shark']} by link {link['id']}" in gone.stderr

    again = run_cli(
        "link",
        "confirm",
        str(ids["my-shark"]),
        str(ids["en-stores"]),
        "--db",
        db,
        "--reviewer",
        "A",
    )
    assert 1 == again.returncode
    assert 1 == len(again.stderr.strip().splitlines()), again.stderr
    assert "already linked" in again.stderr

    undone = run_cli("link", "undo", str(link["id"]), "--db", db)
    assert 0 == undone.returncode, undone.stderr
    assert shown_before == run_cli("show", str(ids["en-shark"]), "--db", db, "--json").stdout
    twice = run_cli("link", "undo", str(link["id"]), "--db", db)
    assert (1, True) == (twice.returncode, "already undone" in twice.stderr)

    env_reviewer = {"ARCHIVE_REVIEWER": "Archivist B"}
    rejected = run_cli(
        "link", "reject", str(ids["en-shark"]), str(ids["my-shark"]), "--db", db, env=env_reviewer
    )
    assert 0 == rejected.returncode, rejected.stderr
    after = json.loads(run_cli("link", "suggest", "--db", db, "--json").stdout)
    assert (ids["my-shark"], ids["en-shark"]) not in [(s["article"], s["candidate"]) for s in after]


def test_auto_and_import_link(tmp_path: Path) -> None:
    db = tmp_path / "a.db"
    imported = run_cli("import", write_sample(tmp_path / "in"), "--db", db, "--link", "--json")
    assert 0 == imported.returncode, imported.stderr
    made = json.loads(imported.stdout)["links"]
    assert 2 == len(made)
    assert {"auto"} == {m["method"] for m in made}
    assert all(m["score"] is not None and m["by"] is None for m in made)
    listed = json.loads(run_cli("list", "--db", db, "--json").stdout)
    assert [["en", "my"], ["en", "my"]] == [sorted(r["languages"]) for r in listed]

    nothing_left = run_cli("link", "--auto", "--db", db)
    assert 0 == nothing_left.returncode, nothing_left.stderr
    assert "0 links made\n" == nothing_left.stdout
