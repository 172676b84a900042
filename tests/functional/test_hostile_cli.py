"""The ``archive`` command under hostile input (issue 21): nothing lost, nothing garbled,
nothing overwritten, no raw escape byte on the terminal, never an "internal error"."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from archive.db import schema_head
from tests.functional.test_cli import run_cli

GOOD = {
    "title": "A good story",
    "date": "2021-01-01",
    "versions": [{"kind": "published", "language": "en", "text": "A good story. It is short."}],
}


def _jsonl(path: Path, *records: dict[str, object] | str) -> Path:
    lines = [r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in records]
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return path


@pytest.fixture
def small_db(tmp_path: Path) -> Path:
    db = tmp_path / "archive.db"
    result = run_cli("import", _jsonl(tmp_path / "good.jsonl", GOOD), "--db", db, "--no-align")
    assert 0 == result.returncode, result.stderr
    return db


def _assert_clean(stderr: str) -> None:
    assert "internal error" not in stderr
    assert "Traceback" not in stderr
    assert "\x1b" not in stderr


# --------------------------------------------------------------------------- 1: export --out


def test_export_refuses_the_archive_itself_and_keeps_it(small_db: Path, tmp_path: Path) -> None:
    before = small_db.read_bytes()
    os.link(small_db, tmp_path / "hard.db")
    (tmp_path / "link.db").symlink_to(small_db)
    for target in (small_db, tmp_path / "hard.db", tmp_path / "link.db", tmp_path):
        result = run_cli("export", "--out", target, "--db", small_db)
        assert 1 == result.returncode
        assert 1 == len(result.stderr.splitlines()), result.stderr
        assert result.stderr.startswith(f"archive: {target}: "), result.stderr
    assert before == small_db.read_bytes()
    listed = run_cli("list", "--json", "--db", small_db)
    assert ["A good story"] == [r["title"] for r in json.loads(listed.stdout)]


def test_export_dash_is_stdout_and_a_fifo_is_refused(small_db: Path, tmp_path: Path) -> None:
    result = run_cli("export", "--out", "-", "--db", small_db)
    assert 0 == result.returncode, result.stderr
    assert ["A good story"] == [json.loads(line)["title"] for line in result.stdout.splitlines()]
    fifo = tmp_path / "pipe.jsonl"
    os.mkfifo(fifo)
    refused = run_cli("export", "--out", fifo, "--db", small_db)
    assert 1 == refused.returncode
    assert refused.stderr.startswith(f"archive: {fifo}: is not a regular file"), refused.stderr
    missing = run_cli("export", "--out", tmp_path / "no" / "x.jsonl", "--db", small_db)
    assert 1 == missing.returncode
    assert "does not exist" in missing.stderr


# --------------------------------------------------------------------------- 2: JSONL lines


def test_bad_jsonl_lines_fail_alone_and_later_lines_import(tmp_path: Path) -> None:
    path = _jsonl(
        tmp_path / "records.jsonl",
        "[" * 100_000 + "]" * 100_000,
        '{"title": "x", "n": ' + "9" * 5_000 + "}",
        "{not json",
        {**GOOD, "title": "After the bad lines"},
    )
    result = run_cli("import", path, "--db", tmp_path / "a.db", "--no-align", "--json")
    assert 1 == result.returncode
    _assert_clean(result.stderr)
    errors = result.stderr.splitlines()
    prefixes = [f"archive: {path}:{n}: " for n in (1, 2, 3)]
    assert prefixes == [line[: len(prefixes[0])] for line in errors]
    summary = json.loads(result.stdout)
    assert (1, 3) == (summary["imported"], summary["failed"])


# --------------------------------------------------------------------------- 3: mostly UTF-8


def test_a_stray_byte_in_utf8_is_repaired_recorded_and_never_mojibake(tmp_path: Path) -> None:
    page = tmp_path / "cafe.txt"
    text = "Le café du coin a rouvert – enfin.\n\nLes habitués sont revenus au café très tôt.\n"
    page.write_bytes(text.encode().replace("–".encode(), b"\x96"))
    db = tmp_path / "a.db"
    result = run_cli("import", page, "--db", db, "--no-align", "--json")
    assert 0 == result.returncode, result.stderr
    [item] = json.loads(result.stdout)["items"]
    offset = text.index("–")
    offset = len(text[:offset].encode())
    expected = f"UTF-8 with 1 invalid byte replaced by U+FFFD (at byte {offset})"
    assert ("imported", expected) == (item["outcome"], item["detail"])
    shown = json.loads(run_cli("show", str(item["article_id"]), "--db", db, "--json").stdout)
    [version] = shown["versions"]
    assert "café" in version["text"] and "Ã" not in version["text"]
    assert "\ufffd" in version["text"]


# --------------------------------------------------------------------------- 6: folders


def test_folder_loops_and_unreadable_names_are_counted_failures(tmp_path: Path) -> None:
    tree = tmp_path / "tree"
    (tree / "sub").mkdir(parents=True)
    _jsonl(tree / "sub" / "good.jsonl", GOOD)
    (tree / "sub" / "up").symlink_to("..")
    (tree / "self").symlink_to("self")
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    result = run_cli(
        "import", tree, tmp_path / "missing.txt", fifo, "--db", tmp_path / "a.db", "--no-align"
    )
    assert 1 == result.returncode
    _assert_clean(result.stderr)
    assert "1 imported, 0 updated, 0 already present, 4 failed, 0 skipped\n" == result.stdout
    assert [
        f"archive: {tree / 'self'}: symbolic link loop",
        f"archive: {tree / 'sub' / 'up'}: symbolic link loop (leads back to a folder above it)",
        f"archive: {tmp_path / 'missing.txt'}: no such file or folder",
        f"archive: {fifo}: not a regular file",
    ] == result.stderr.splitlines()


# --------------------------------------------------------------------------- 10: messages

TWO_VERSIONS = {
    "title": "Two versions",
    "date": "2021-02-02",
    "versions": [
        {"kind": "original", "language": "vi", "text": "Người dân biểu tình. Cảnh sát đến."},
        {
            "kind": "published",
            "language": "en",
            "text": "People protested. The police came.",
            "derived_from": 0,
        },
    ],
}
BIG = "9" * 30


def test_ids_beyond_64_bits_and_empty_filters_are_clear_errors(small_db: Path) -> None:
    for args in (
        ["show", BIG],
        ["export", BIG],
        ["align", BIG],
        ["compare", BIG],
        ["mt", "translate", BIG],
        ["search", "story", "--offset", BIG],
        ["list", "--service", " "],
    ):
        result = run_cli(*args, "--db", small_db)
        assert 2 == result.returncode, (args, result.stderr)
        _assert_clean(result.stderr)
        assert result.stderr.strip(), args


def test_a_newer_schema_is_named_not_an_internal_error(small_db: Path) -> None:
    import sqlite3

    with sqlite3.connect(small_db) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999_future'")
    result = run_cli("list", "--db", small_db)
    assert 1 == result.returncode
    assert [
        f"archive: {small_db}: archive schema 9999_future is newer than this version of the "
        f"archive knows (newest: {schema_head()}); upgrade translation-archive to open it"
    ] == result.stderr.splitlines()


def test_a_leading_dash_query_searches(small_db: Path) -> None:
    for args in (["search", "-police"], ["search", "--db", small_db, "--", "-police"]):
        result = run_cli(*args, "--db", small_db) if "--" not in args else run_cli(*args)
        _assert_clean(result.stderr)
        assert "No such option" not in result.stderr
        assert result.stderr.startswith("archive: search query '-police'"), result.stderr
    hit = run_cli("search", "story", "-police", "--json", "--db", small_db)
    assert 0 == hit.returncode, hit.stderr
    assert [1] == [h["article_id"] for h in json.loads(hit.stdout)]
    excluded = run_cli("search", "story", "-good", "--json", "--db", small_db)
    assert [] == json.loads(excluded.stdout)


def test_lone_surrogates_in_arguments_are_one_line(small_db: Path) -> None:
    import subprocess
    import sys

    from tests.conftest import REPO

    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "archive.cli",
            "search",
            b"caf\xff".decode(errors="surrogateescape"),
            "--db",
            str(small_db),
        ],
        capture_output=True,
        cwd=REPO,
        timeout=120,
    )
    assert 1 == result.returncode
    assert b"archive: an argument holds bytes that are not UTF-8 text (<U+DCFF>)\n" == result.stderr


READ_ONLY = (
    "import os, sys\n"
    "real = os.access\n"
    "os.access = lambda p, m, **k: False if m & os.W_OK else real(p, m, **k)\n"
    "from archive.cli import main\n"
    "sys.argv[0] = 'archive'\n"
    "main()\n"
)


def test_read_commands_work_on_an_archive_that_cannot_be_written(tmp_path: Path) -> None:
    # Tests may run as root, who can write anywhere: the process is told, as a user in a
    # read-only folder would be, that nothing here is writable.
    import subprocess
    import sys

    from tests.conftest import REPO

    db = tmp_path / "archive.db"
    records = _jsonl(tmp_path / "r.jsonl", GOOD, TWO_VERSIONS)
    assert 0 == run_cli("import", records, "--db", db, "--no-align").returncode
    before = sorted(p.name for p in tmp_path.iterdir())
    content = db.read_bytes()

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-c", READ_ONLY, *args, "--db", str(db)],
            capture_output=True,
            text=True,
            cwd=REPO,
            timeout=300,
        )

    listed = run("list", "--json")
    assert 0 == listed.returncode, listed.stderr
    assert {"A good story", "Two versions"} == {r["title"] for r in json.loads(listed.stdout)}
    assert 0 == run("show", "1").returncode
    aligned = run("align", "2")
    assert 1 == aligned.returncode
    assert [
        f"archive: {db}: the archive is read-only, and this command writes to it"
    ] == aligned.stderr.splitlines()
    assert before == sorted(p.name for p in tmp_path.iterdir())  # no -wal, no -shm
    assert content == db.read_bytes()


def test_ctrl_c_during_import_says_what_was_stored(tmp_path: Path) -> None:
    import re
    import signal
    import sqlite3
    import subprocess
    import sys
    import time

    from tests.conftest import REPO

    records = [
        {
            **GOOD,
            "title": f"Story {n}",
            "versions": [{**GOOD["versions"][0], "text": f"Story {n}."}],
        }  # type: ignore[dict-item]
        for n in range(3000)
    ]
    path = _jsonl(tmp_path / "many.jsonl", *records)
    db = tmp_path / "archive.db"
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "archive.cli",
            "import",
            str(path),
            "--db",
            str(db),
            "--no-align",
            "--jobs",
            "1",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=REPO,
    )
    deadline = time.monotonic() + 240
    stored = 0
    while stored < 5 and time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.3)
        try:
            with sqlite3.connect(db, timeout=1) as conn:
                stored = conn.execute("SELECT count(*) FROM article").fetchone()[0]
        except sqlite3.Error:
            continue
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=120)
    assert 130 == process.returncode, stderr
    match = re.fullmatch(
        r"archive: interrupted; stored before it: (\d+) imported, 0 updated, 0 already present, "
        r"0 failed, 0 skipped \(every stored article is whole; run the same import again to "
        r"finish\)\n",
        stderr,
    )
    assert match, stderr
    with sqlite3.connect(db) as conn:
        assert int(match.group(1)) == conn.execute("SELECT count(*) FROM article").fetchone()[0]


# --------------------------------------------------------------------------- 5: --no-analyze


def test_no_analyze_imports_are_searchable_and_analysed_later(tmp_path: Path) -> None:
    import sqlite3

    db = tmp_path / "archive.db"
    records = _jsonl(tmp_path / "r.jsonl", GOOD, TWO_VERSIONS)
    assert 0 == run_cli("import", records, "--db", db, "--no-analyze").returncode
    found = run_cli("search", "police", "--db", db, "--json")
    assert 0 == found.returncode, found.stderr
    assert [2] == [hit["article_id"] for hit in json.loads(found.stdout)]
    with sqlite3.connect(db) as conn:
        assert 0 == conn.execute("SELECT count(*) FROM segment").fetchone()[0]

    analysed = run_cli("analyze", "--stored", "2", "--db", db, "--json")
    assert 0 == analysed.returncode, analysed.stderr
    assert 2 == len(json.loads(analysed.stdout)["analyzed"])
    rest = run_cli("analyze", "--stored", "--db", db, "--json")
    assert 1 == len(json.loads(rest.stdout)["analyzed"])
    again = run_cli("analyze", "--stored", "--db", db)
    assert "0 versions analysed\n" == again.stdout
    with sqlite3.connect(db) as conn:
        # sentence segments now: two on each side of article 2, two in article 1
        assert 6 == conn.execute("SELECT count(*) FROM segment").fetchone()[0]
    aligned = run_cli("align", "--all", "--db", db, "--json")
    assert 0 == aligned.returncode, aligned.stderr
    assert [2] == sorted({r["article_id"] for r in json.loads(aligned.stdout)})
    hits = json.loads(run_cli("search", "police", "--db", db, "--json").stdout)
    assert ["The police came."] == [
        hit["snippet"].replace("«", "").replace("»", "") for hit in hits
    ]


# --------------------------------------------------------------------------- 7: escapes


def test_a_file_name_never_forges_a_line_or_sends_an_escape(tmp_path: Path) -> None:
    hostile = tmp_path / "a\nb\x1b]0;PWN\x07\x9b2J.txt"
    hostile.write_bytes(b"\xff\xfe\x00\x00 binary \x00")
    result = run_cli("import", hostile, "--db", tmp_path / "a.db")
    assert 1 == result.returncode
    _assert_clean(result.stderr)
    assert not any(ch in result.stderr for ch in "\x07\x9b")
    [line] = result.stderr.splitlines()
    assert line.startswith(f"archive: {tmp_path}/a\u2424b\u241b]0;PWN\u2407<U+009B>2J.txt: ")
    analysed = run_cli("analyze", hostile)
    assert 1 == len(analysed.stderr.splitlines()) and "\x1b" not in analysed.stderr


def test_json_output_escapes_c1_controls_and_keeps_the_data(tmp_path: Path) -> None:
    record = {**GOOD, "title": "Title \x9b31m with C1 \x1b[0m and \u2028 separator"}
    db = tmp_path / "a.db"
    assert 0 == run_cli("import", _jsonl(tmp_path / "r.jsonl", record), "--db", db).returncode
    result = run_cli("list", "--json", "--db", db)
    assert not any(ch in result.stdout for ch in "\x1b\x9b\u2028")
    assert [record["title"]] == [r["title"] for r in json.loads(result.stdout)]
    shown = run_cli("list", "--db", db)
    assert not any(ch in shown.stdout for ch in "\x1b\x9b\u2028")
