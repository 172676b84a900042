"""Issue #20, the rough edges a new user hits: what the CLI shows and how it fails.

Each test is the one that would have caught the bug it is named after; every command runs
through the real entry point in a subprocess.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from archive.analysis import zawgyi_probability
from tests.conftest import CORPUS, REPO, SEED

ZAWGYI = CORPUS / "mmgov-2018-07-26-zawgyi.jsonl"


def run_cli(*args: str | Path, python: list[str] | None = None) -> subprocess.CompletedProcess[str]:
    """``archive ARGS`` in a subprocess (``python`` replaces the interpreter's start-up code)."""
    head = [sys.executable, "-c", *python] if python else [sys.executable, "-m", "archive.cli"]
    return subprocess.run(
        [*head, *map(str, args)],
        capture_output=True,
        text=True,
        cwd=REPO,
        env=dict(os.environ),
        timeout=300,
    )


def write_jsonl(path: Path, *records: dict[str, object]) -> Path:
    path.write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8"
    )
    return path


@pytest.fixture(scope="module")
def loaded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed page, the Zawgyi article and a story from a service with no organisation."""
    folder = tmp_path_factory.mktemp("edges")
    db = folder / "archive.db"
    story = write_jsonl(
        folder / "cnbc.jsonl",
        {
            "title": "Tough talk",
            "service": "CNBC",
            "versions": [
                {"kind": "original", "language": "en", "text": "We talked. Then we agreed."},
                {"kind": "translation", "language": "fr", "text": "Nous avons parlé. Puis."},
            ],
        },
    )
    result = run_cli("import", SEED, ZAWGYI, story, "--db", db)
    assert 0 == result.returncode, result.stderr
    return db


def article_ids(db: Path) -> dict[str, int]:
    rows = json.loads(run_cli("list", "--db", db, "--json").stdout)
    return {r["title"]: r["id"] for r in rows}


def zawgyi_article(db: Path) -> dict[str, object]:
    rows = json.loads(run_cli("list", "--db", db, "--json", "--lang", "my").stdout)
    data: dict[str, object] = json.loads(
        run_cli("show", str(rows[0]["id"]), "--db", db, "--json").stdout
    )
    return data


def test_version_option() -> None:
    from importlib.metadata import version

    result = run_cli("--version")
    assert (0, f"archive {version('translation-archive')}\n") == (result.returncode, result.stdout)


def test_show_without_organisation_or_language_prints_no_placeholders(loaded: Path) -> None:
    result = run_cli("show", str(article_ids(loaded)["Tough talk"]), "--db", loaded)
    assert 0 == result.returncode
    assert "service: CNBC\n" in result.stdout
    assert "(-" not in result.stdout


def test_show_with_organisation_keeps_it(loaded: Path) -> None:
    seed = article_ids(loaded)
    title = next(t for t in seed if t.startswith("Hundreds of Myanmar"))
    result = run_cli("show", str(seed[title]), "--db", loaded)
    assert "service: RFA Myanmar Service (Radio Free Asia, my)\n" in result.stdout


def test_zawgyi_is_shown_as_unicode_and_stored_unchanged(loaded: Path) -> None:
    stored = zawgyi_article(loaded)
    version: dict[str, str] = stored["versions"][0]  # type: ignore[index]
    record = json.loads(ZAWGYI.read_text(encoding="utf-8"))
    assert record["versions"][0]["text"] == version["text"]  # stored exactly as given
    assert zawgyi_probability(version["text"]) > 0.95

    shown = run_cli("show", str(stored["id"]), "--db", loaded).stdout
    listed = run_cli("list", "--db", loaded, "--lang", "my").stdout
    for output in (shown, listed):
        burmese = "".join(c for c in output if "\u1000" <= c <= "\u109f")
        assert burmese, output
        assert zawgyi_probability(burmese) < 0.05, output
    assert "zawgyi, shown in Unicode" in shown


def test_show_text_of_one_version(loaded: Path) -> None:
    from archive.analysis import derive_text, zawgyi_to_unicode

    stored = zawgyi_article(loaded)
    version: dict[str, object] = stored["versions"][0]  # type: ignore[index]
    text = str(version["text"])
    plain = run_cli("show", str(stored["id"]), "--text", str(version["id"]), "--db", loaded)
    assert (0, zawgyi_to_unicode(text) + "\n") == (plain.returncode, plain.stdout)
    derived = run_cli(
        "show", str(stored["id"]), "--text", str(version["id"]), "--derived", "--db", loaded
    )
    assert derive_text(text) + "\n" == derived.stdout
    missing = run_cli("show", str(stored["id"]), "--text", "9999", "--db", loaded)
    assert 1 == missing.returncode
    assert f"article {stored['id']}: no version 9999" in missing.stderr
    assert 1 == len(missing.stderr.splitlines())


def test_compare_missing_article_is_an_error(loaded: Path) -> None:
    result = run_cli("compare", "999", "--db", loaded)
    assert (1, "", "archive: article 999: no such article\n") == (
        result.returncode,
        result.stdout,
        result.stderr,
    )


def test_align_one_article_says_article(loaded: Path) -> None:
    result = run_cli("align", str(article_ids(loaded)["Tough talk"]), "--db", loaded)
    assert 0 == result.returncode, result.stderr
    assert result.stdout.endswith(" stored for 1 article\n"), result.stdout
    assert "1 alignment stored" in result.stdout


@pytest.mark.parametrize("command", [["install", "x.argosmodel"], ["translate", "1", "--to", "en"]])
def test_mt_without_the_extra_names_it(command: list[str], loaded: Path) -> None:
    blocked = textwrap.dedent(
        """
        import sys
        sys.modules["ctranslate2"] = None  # as if the mt extra were not installed
        sys.argv = ["archive", *sys.argv[1:]]
        from archive.cli import main
        main()
        """
    )
    result = run_cli("mt", *command, "--db", loaded, python=[blocked])
    if command[0] == "install":
        result = run_cli("mt", *command, python=[blocked])
    assert 1 == result.returncode
    assert 1 == len(result.stderr.splitlines()), result.stderr
    assert "'mt'" in result.stderr
    assert "pip install 'translation-archive[mt]'" in result.stderr
    assert "internal error" not in result.stderr


def test_align_files_text_prints_sentences_side_by_side(tmp_path: Path) -> None:
    src = tmp_path / "en.txt"
    tgt = tmp_path / "fr.txt"
    src.write_text("The minister arrived.\nShe spoke for an hour.\n", encoding="utf-8")
    tgt.write_text("La ministre est arrivée.\nElle a parlé une heure.\n", encoding="utf-8")
    result = run_cli(
        "align-files", src, tgt, "--src-lang", "en", "--tgt-lang", "fr", "--presegmented", "--text"
    )
    assert 0 == result.returncode, result.stderr
    rows = [line for line in result.stdout.splitlines() if "minist" in line or "hour" in line]
    assert any("The minister arrived." in r and "La ministre est arrivée." in r for r in rows)
    assert any("She spoke for an hour." in r and "Elle a parlé une heure." in r for r in rows)


@pytest.mark.parametrize("option", ["--src-lang", "--tgt-lang"])
def test_align_files_unknown_language_is_an_error(option: str, tmp_path: Path) -> None:
    src = tmp_path / "a.txt"
    src.write_text("One sentence.\n", encoding="utf-8")
    langs = {"--src-lang": "en", "--tgt-lang": "fr", option: "xx"}
    result = run_cli("align-files", src, src, *[x for kv in langs.items() for x in kv], "--json")
    assert 2 == result.returncode
    assert "" == result.stdout
    assert "'xx' is not a language code" in result.stderr
    assert option in result.stderr


def test_import_progress_counts_records_and_bytes_of_one_big_jsonl(tmp_path: Path) -> None:
    """A single JSONL file used to show ``importing 0/1`` for its whole run."""
    import io

    from rich.console import Console

    from archive.cli.core import _with_progress
    from archive.db import open_archive
    from archive.ingest.pipeline import Importer

    records = [
        {"title": f"Story {n}", "versions": [{"kind": "original", "language": "en", "text": t}]}
        for n, t in enumerate(["One sentence here.", "Another one.", "A third story."])
    ]
    path = write_jsonl(tmp_path / "big.jsonl", *records)
    archive = open_archive(tmp_path / "archive.db")
    try:
        screen = io.StringIO()
        console = Console(file=screen, force_terminal=True, width=200)
        importer = Importer(archive, align=False, jobs=1)
        outcomes = list(_with_progress(importer, [path], console))
    finally:
        archive.close()
    assert ["imported"] * 3 == [o.outcome for o in outcomes]
    assert path.stat().st_size == sum(o.size for o in outcomes)  # every byte accounted for
    shown = screen.getvalue()
    assert "3 records" in shown
    assert "/s" in shown
