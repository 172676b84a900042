"""The ``archive`` command through its real entry point: JSON shapes, exit codes, errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import CORPUS, REPO, SEED


def run_cli(
    *args: str | Path, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run ``archive ARGS`` in a subprocess, as a user or a script would."""
    full_env = dict(os.environ)
    full_env.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "archive.cli", *map(str, args)],
        capture_output=True,
        text=True,
        cwd=REPO,
        env=full_env,
        timeout=300,
    )


@pytest.fixture(scope="module")
def loaded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An archive holding the seed page and the Zawgyi government article."""
    db = tmp_path_factory.mktemp("cli") / "archive.db"
    result = run_cli(
        "import", SEED, CORPUS / "mmgov-2018-07-26-zawgyi.jsonl", "--db", db, "--no-align"
    )
    assert 0 == result.returncode, result.stderr
    assert "2 imported, 0 updated, 0 already present, 0 failed, 0 skipped\n" == result.stdout
    return db


def test_list_json_shape(loaded: Path) -> None:
    result = run_cli("list", "--db", loaded, "--json")
    assert 0 == result.returncode
    rows = json.loads(result.stdout)
    assert [["date", "id", "languages", "service", "title"]] * 2 == [sorted(r) for r in rows]
    seed = next(r for r in rows if r["service"] == "RFA Myanmar Service")
    assert ["en"] == seed["languages"]


def test_list_filters(loaded: Path) -> None:
    by_person = run_cli(
        "list", "--db", loaded, "--json", "--person", "Khin Maung Nyane", "--role", "translator"
    )
    assert ["Hundreds of Myanmar Junta Security Personnel Defect Over Past Two Weeks"] == [
        r["title"] for r in json.loads(by_person.stdout)
    ]
    nobody = run_cli(
        "list", "--db", loaded, "--json", "--person", "Khin Maung Nyane", "--role", "editor"
    )
    assert [] == json.loads(nobody.stdout)
    by_year = run_cli("list", "--db", loaded, "--json", "--since", "2018", "--until", "2018-07")
    assert ["2018-07-26"] == [r["date"] for r in json.loads(by_year.stdout)]
    by_lang = run_cli("list", "--db", loaded, "--json", "--lang", "my")
    assert ["2018-07-26"] == [r["date"] for r in json.loads(by_lang.stdout)]


def test_show_json_shape(loaded: Path) -> None:
    rows = json.loads(run_cli("list", "--db", loaded, "--json").stdout)
    seed_id = next(r["id"] for r in rows if r["service"])
    result = run_cli("show", str(seed_id), "--db", loaded, "--json")
    data = json.loads(result.stdout)
    assert {"id", "title", "date", "service", "credits", "versions"} <= set(data)
    assert {"name", "organization", "language"} == set(data["service"])
    assert {"role", "name", "kind", "raw"} <= set(data["credits"][0])
    version = data["versions"][0]
    assert {
        "id",
        "kind",
        "language",
        "script",
        "encoding",
        "sha256",
        "derived_from",
        "title",
        "text",
        "engine",
    } <= set(version)


def test_people_and_services(loaded: Path) -> None:
    people = json.loads(run_cli("people", "--db", loaded, "--json").stdout)
    assert ["Eugene Whong", "Khin Maung Nyane"] == [p["name"] for p in people]
    services = json.loads(run_cli("services", "--db", loaded, "--json").stdout)
    assert [("RFA Myanmar Service", "my", "Radio Free Asia")] == [
        (s["name"], s["language"], s["organization"]) for s in services
    ]


def test_unknown_article_is_one_line_exit_1(loaded: Path) -> None:
    result = run_cli("show", "999", "--db", loaded)
    assert (1, "", "archive: article 999: no such article\n") == (
        result.returncode,
        result.stdout,
        result.stderr,
    )


def test_bad_usage_exits_2(loaded: Path) -> None:
    result = run_cli("list", "--db", loaded, "--role", "chef")
    assert 2 == result.returncode
    assert "is not a role" in result.stderr
    assert "Traceback" not in result.stderr


def test_db_that_is_a_directory(tmp_path: Path) -> None:
    result = run_cli("list", "--db", tmp_path)
    assert 1 == result.returncode
    assert [
        f"archive: {tmp_path}: is a directory, not an archive file"
    ] == result.stderr.splitlines()


def test_archive_db_environment_variable(loaded: Path) -> None:
    result = run_cli("list", "--json", env={"ARCHIVE_DB": str(loaded)})
    assert 2 == len(json.loads(result.stdout))


def test_import_failure_names_file_and_exits_1(tmp_path: Path) -> None:
    bad = tmp_path / "records.jsonl"
    bad.write_text('{"title": "x"}\nnot json\n', encoding="utf-8")
    result = run_cli("import", bad, "--db", tmp_path / "a.db")
    assert 1 == result.returncode
    assert [
        f"archive: {bad}:1: missing required field 'versions' (a non-empty list)",
        f"archive: {bad}:2: malformed JSON (Expecting value)",
    ] == result.stderr.splitlines()
    assert "0 imported, 0 updated, 0 already present, 2 failed, 0 skipped\n" == result.stdout


def test_import_json_summary(tmp_path: Path) -> None:
    result = run_cli("import", SEED, "--db", tmp_path / "a.db", "--json", "--no-align")
    data = json.loads(result.stdout)
    assert (1, 0) == (data["imported"], data["failed"])
    assert [str(SEED)] == [i["source"] for i in data["items"]]


def test_escape_sequences_never_reach_the_terminal(tmp_path: Path) -> None:
    path = tmp_path / "r.jsonl"
    record = {
        "title": "Evil \x1b]0;pwned\x07 title",
        "versions": [{"kind": "published", "language": "en", "text": "Red \x1b[31mtext\x1b[0m."}],
    }
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    db = tmp_path / "a.db"
    run_cli("import", path, "--db", db, "--no-align")
    shown = run_cli("show", "1", "--db", db)
    listed = run_cli("list", "--db", db)
    assert "\x1b" not in shown.stdout + listed.stdout
    assert "Red ␛[31mtext␛[0m." in shown.stdout
    # --json keeps the exact text (JSON escapes it).
    data = json.loads(run_cli("show", "1", "--db", db, "--json").stdout)
    assert "Red \x1b[31mtext\x1b[0m." == data["versions"][0]["text"]


def test_analyze_json(tmp_path: Path) -> None:
    path = tmp_path / "en.txt"
    path.write_text(
        "Dr. Smith arrived. He left at 3.5 p.m.\n\nNew paragraph here.", encoding="utf-8"
    )
    result = run_cli("analyze", path, "--json")
    data = json.loads(result.stdout)
    assert ("en", "Latn", "unicode") == (data["language"], data["script"], data["encoding"])
    assert [[(0, 18), (19, 38)], [(40, 59)]] == [
        [(s["start"], s["end"]) for s in p["sentences"]] for p in data["paragraphs"]
    ]
    several = json.loads(run_cli("analyze", path, path, "--json").stdout)
    assert [str(path), str(path)] == [d["file"] for d in several]
