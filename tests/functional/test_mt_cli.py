"""``archive mt``: install, list, remove, translate, download; and zero network, proven."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from archive.cli import app
from archive.db import open_archive
from tests.conftest import CORPUS, REPO
from tests.unit.mt.conftest import TinyPackages, add_article, build_tiny_packages, sample_paragraphs

runner = CliRunner()
MISSING = (
    "archive: no translation package installed for my -> en "
    "(install one with: archive mt install FILE.argosmodel)\n"
)


@pytest.fixture(scope="module")
def tiny_packages(tmp_path_factory: pytest.TempPathFactory) -> TinyPackages:
    """Real ``.argosmodel`` files with random weights, built once for this module."""
    return build_tiny_packages(tmp_path_factory.mktemp("argosmodels"))


@pytest.fixture(autouse=True)
def mt_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """This test's packages folder, through ``$ARCHIVE_MT_DIR``."""
    from archive.mt import engine

    folder = tmp_path / "packages"
    monkeypatch.setenv("ARCHIVE_MT_DIR", str(folder))
    engine.clear_caches()
    yield folder
    engine.clear_caches()


def archive_cmd(*args: str | Path) -> tuple[int, str, str]:
    result = runner.invoke(app, [str(a) for a in args])
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr


def test_install_list_remove(tiny_packages: TinyPackages, mt_dir: Path) -> None:
    code, out, _ = archive_cmd("mt", "install", tiny_packages.my_en)
    assert (0, "installed translate-my_en 1.0 (my->en)\n") == (code, out)

    code, out, _ = archive_cmd("mt", "install", tiny_packages.my_en)
    assert (0, "translate-my_en 1.0 is already installed (--force to reinstall)\n") == (code, out)

    code, out, _ = archive_cmd("mt", "install", tiny_packages.my_en_v2)
    assert (0, "replaced translate-my_en 1.0 with 1.1 (my->en)\n") == (code, out)

    code, out, _ = archive_cmd("mt", "list", "--json")
    [row] = json.loads(out)
    assert ("my->en", "translate-my_en", "1.1", str(mt_dir / "translate-my_en")) == (
        row["pair"],
        row["package"],
        row["version"],
        row["path"],
    )
    assert row["size"] > 0

    code, out, _ = archive_cmd("mt", "remove", "my", "en")
    assert (0, "removed translate-my_en 1.1\n") == (code, out)
    code, _, err = archive_cmd("mt", "remove", "my", "en")
    assert (1, "archive: no translation package installed for my -> en\n") == (code, err)
    code, out, _ = archive_cmd("mt", "list", "--json")
    assert (0, []) == (code, json.loads(out))


def test_hostile_package_is_one_line_and_nothing_written(
    tiny_packages: TinyPackages, mt_dir: Path, tmp_path: Path
) -> None:
    from tests import mtpack

    bad = mtpack.write_zip(
        tmp_path / "evil.argosmodel",
        {**mtpack.members_of(tiny_packages.my_en), "translate-my_en-1_0/../../evil": b"x"},
    )
    before = sorted(os.listdir(tmp_path))

    code, out, err = archive_cmd("mt", "install", bad)

    assert 1 == code and "" == out
    assert [
        f"archive: {bad}: member 'translate-my_en-1_0/../../evil' points outside the package "
        "folder (..)"
    ] == err.splitlines()
    assert before == sorted(os.listdir(tmp_path))


def test_translate_one_article_and_show_it(tiny_packages: TinyPackages, tmp_path: Path) -> None:
    db = tmp_path / "archive.db"
    archive = open_archive(db)
    source = add_article(archive, sample_paragraphs(2, 3))
    archive.close()

    code, _, err = archive_cmd("mt", "translate", source.article_id, "--to", "en", "--db", db)
    assert (1, MISSING) == (code, err)

    archive_cmd("mt", "install", tiny_packages.my_en)
    code, out, _ = archive_cmd(
        "mt", "translate", source.article_id, "--to", "en", "--db", db, "--json"
    )
    assert 0 == code
    result = json.loads(out)
    assert (source.id, True, 6, "translate-my_en", "1.0") == (
        result["source_version_id"],
        result["created"],
        result["sentences"],
        result["model_package"],
        result["model_version"],
    )

    code, out, _ = archive_cmd("show", source.article_id, "--db", db, "--json")
    machine = next(v for v in json.loads(out)["versions"] if v["kind"] == "machine")
    assert (result["version_id"], "en", source.id) == (
        machine["id"],
        machine["language"],
        machine["derived_from"],
    )
    assert machine["engine"].startswith("argostranslate ")
    assert machine["engine"].endswith("translate-my_en 1.0")


def test_translate_all_skips_articles_already_in_the_language(
    tiny_packages: TinyPackages, tmp_path: Path
) -> None:
    db = tmp_path / "archive.db"
    archive = open_archive(db)
    one = add_article(archive, sample_paragraphs(1, 2))
    two = add_article(archive, sample_paragraphs(2, 1))
    add_article(archive, [["Already English."]], language="en", article_id=two.article_id)
    three = add_article(archive, [["Lao text."]], language="lo")
    archive.close()
    archive_cmd("mt", "install", tiny_packages.my_en)

    code, out, err = archive_cmd("mt", "translate", "--all", "--to", "en", "--db", db, "--json")

    data = json.loads(out)
    assert 1 == code  # the Lao article has no package
    assert [one.article_id] == [r["article_id"] for r in data["translated"]]
    assert [three.article_id] == [f["article_id"] for f in data["failed"]]
    assert (
        "archive: no translation package installed for lo -> en "
        "(install one with: archive mt install FILE.argosmodel)\n"
    ) == err


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    code, _, err = archive_cmd("mt", "translate", "--to", "en", "--db", tmp_path / "a.db")
    assert 2 == code and "give an ARTICLE_ID or --all" in err


def test_download_when_offline_says_so(tmp_path: Path) -> None:
    code, out, err = archive_cmd(
        "mt", "download", "my", "en", "--index", "http://127.0.0.1:9/i.json"
    )

    assert (1, "") == (code, out)
    [line] = err.splitlines()
    assert line.startswith("archive: http://127.0.0.1:9/i.json: cannot connect, are you offline?")


def test_local_index_lists_and_installs_without_network(
    tiny_packages: TinyPackages, tmp_path: Path, mt_dir: Path
) -> None:
    shutil.copy(tiny_packages.my_en, tmp_path / "translate-my_en-1_0.argosmodel")
    index = tmp_path / "index.json"
    index.write_text(
        json.dumps(
            [
                {
                    "package_version": "1.0",
                    "from_code": "my",
                    "from_name": "Burmese",
                    "to_code": "en",
                    "to_name": "English",
                    "links": ["translate-my_en-1_0.argosmodel"],
                },
                {"type": "sbd", "from_code": "en", "links": []},
            ]
        )
    )

    code, out, _ = archive_cmd("mt", "available", "--index", index, "--json")
    assert (0, ["my->en"]) == (code, [e["pair"] for e in json.loads(out)])

    code, out, _ = archive_cmd("mt", "download", "my", "en", "--index", index)
    assert (0, "installed translate-my_en 1.0 (my->en)\n") == (code, out)
    assert (mt_dir / "translate-my_en" / "model" / "model.bin").is_file()

    code, _, err = archive_cmd("mt", "download", "lo", "en", "--index", index)
    assert (1, "archive: the package index offers no package for lo -> en\n") == (code, err)


# --------------------------------------------------------------------------- zero network

SANDBOX_CHECK = textwrap.dedent(
    """
    import socket, sys
    for host in ("1.1.1.1", "8.8.8.8"):
        try:
            socket.create_connection((host, 53), timeout=3).close()
        except OSError:
            continue
        sys.exit(f"the sandbox reached {host}")
    """
)
SITECUSTOMIZE = textwrap.dedent(
    """
    import socket

    class _NoNetwork(socket.socket):
        def __init__(self, family=-1, *args, **kwargs):
            if family in (socket.AF_INET, socket.AF_INET6, -1):
                raise OSError("network access is disabled in this test")
            super().__init__(family, *args, **kwargs)

    socket.socket = _NoNetwork
    socket.create_connection = lambda *a, **k: (_ for _ in ()).throw(OSError("no network"))
    """
)


def _sandbox(tmp_path: Path) -> tuple[list[str], dict[str, str], str]:
    """How to run a command with no network: a new empty network namespace (``unshare -n``)
    when we can make one, else a ``sitecustomize`` that makes every inet socket raise."""
    env = dict(os.environ)
    unshare = shutil.which("unshare")
    if unshare and subprocess.run([unshare, "-n", "true"], capture_output=True).returncode == 0:
        return [unshare, "-n"], env, "unshare -n"
    site = tmp_path / "site"
    site.mkdir()
    (site / "sitecustomize.py").write_text(SITECUSTOMIZE)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(site), env.get("PYTHONPATH")]))
    return [], env, "sitecustomize"


def test_install_and_translate_with_no_network_at_all(
    tiny_packages: TinyPackages, tmp_path: Path
) -> None:
    prefix, env, how = _sandbox(tmp_path)
    env.update(
        {
            "ARCHIVE_MT_DIR": str(tmp_path / "packages"),
            "ARCHIVE_DB": str(tmp_path / "archive.db"),
            "HOME": str(tmp_path / "home"),
            "XDG_DATA_HOME": str(tmp_path / "home" / "data"),
        }
    )

    def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [*prefix, *map(str, args)],
            capture_output=True,
            text=True,
            cwd=REPO,
            env=env,
            timeout=120,
        )

    check = run(sys.executable, "-c", SANDBOX_CHECK)
    assert 0 == check.returncode, f"{how}: {check.stderr}"
    archive = [sys.executable, "-m", "archive.cli"]
    steps = [
        run(*archive, "mt", "install", tiny_packages.my_en),
        run(*archive, "import", CORPUS / "mmgov-2018-07-26-zawgyi.jsonl", "--no-align"),
        run(*archive, "mt", "translate", "--all", "--to", "en", "--json"),
        run(*archive, "show", "1", "--json"),
    ]

    assert [0, 0, 0, 0] == [s.returncode for s in steps], (how, [s.stderr for s in steps])
    translated = json.loads(steps[2].stdout)["translated"]
    assert [1] == [t["article_id"] for t in translated]
    versions = json.loads(steps[3].stdout)["versions"]
    assert [("original", "my", None), ("machine", "en", versions[0]["id"])] == [
        (v["kind"], v["language"], v["derived_from"]) for v in versions
    ]
    assert not (tmp_path / "home" / ".local").exists()  # argos' global folders untouched


# --------------------------------------------------------------------------- hostile metadata


def _with_metadata(package: Path, out: Path, metadata: bytes) -> Path:
    from tests import mtpack

    members = mtpack.members_of(package)
    [name] = [n for n in members if n.endswith("/metadata.json")]
    return mtpack.write_zip(out, {**members, name: metadata})


@pytest.mark.parametrize(
    ("metadata", "problem"),
    [
        (
            b'{"from_code": "my", "to_code": "en", "package_version": "1.0\\u001b]0;PWN\\u0007"}',
            "package_version '1.0\\x1b]0;PWN\\x07' is not a version",
        ),
        (
            b'{"from_code": "my\\n", "to_code": "en", "package_version": "1.0"}',
            "from_code 'my\\n' is not a language code",
        ),
        (b"[" * 50_000 + b"]" * 50_000, "is not valid JSON (JSON nested deeper than 64 levels)"),
        (
            b'{"from_code": "my", "to_code": "en", "package_version": "1.0", "n": '
            + b"9" * 5_000
            + b"}",
            "is not valid JSON (number too long (5,000 characters; at most 40))",
        ),
    ],
    ids=["escape-in-version", "newline-in-code", "deep", "huge-number"],
)
def test_hostile_metadata_is_one_clean_line(
    tiny_packages: TinyPackages, tmp_path: Path, mt_dir: Path, metadata: bytes, problem: str
) -> None:
    bad = _with_metadata(tiny_packages.my_en, tmp_path / "bad.argosmodel", metadata)
    code, out, err = archive_cmd("mt", "install", bad)
    assert (1, "") == (code, out)
    assert 1 == len(err.splitlines()), err
    assert err.startswith(f"archive: {bad}: ") and problem in err
    assert "\x1b" not in err and "\x07" not in err
    assert not mt_dir.exists() or [] == [p for p in mt_dir.iterdir() if p.name[0] != "."]


def test_a_model_missing_weights_is_refused_at_install(
    tiny_packages: TinyPackages, tmp_path: Path, mt_dir: Path
) -> None:
    from tests import mtpack

    members = mtpack.members_of(tiny_packages.my_en)
    [name] = [n for n in members if n.endswith("/model/model.bin")]
    cut = mtpack.write_zip(
        tmp_path / "cut.argosmodel", {**members, name: members[name][: len(members[name]) // 2]}
    )
    code, out, err = archive_cmd("mt", "install", cut)
    assert (1, "") == (code, out)
    assert [f"archive: {cut}: model/ cannot be loaded ("] == [err.split("(")[0] + "("]
    assert 1 == len(err.splitlines())


def test_index_fields_never_reach_the_terminal_raw(tmp_path: Path) -> None:
    index = tmp_path / "index.json"
    entry = {
        "package_version": "1.0\x1b]0;PWN\x07",
        "from_code": "my",
        "from_name": "Bur\nmese\x1b[2J",
        "to_code": "en\nfake-line",
        "to_name": "English",
        "links": [],
    }
    index.write_text(json.dumps([entry]), encoding="utf-8")
    code, out, err = archive_cmd("mt", "available", "--index", index)
    assert (0, "") == (code, err)
    assert 1 == len(out.splitlines()), out
    assert not any(ch in out for ch in "\x1b\x07")


def test_mt_list_shows_a_tampered_installed_package_safely(mt_dir: Path) -> None:
    folder = mt_dir / "translate-my_en"
    (folder / "model").mkdir(parents=True)
    metadata = {
        "from_code": "my",
        "to_code": "en",
        "package_version": "1.0\x1b]0;PWN\x07\nfake line",
        "type": "translate",
    }
    (folder / "metadata.json").write_text(json.dumps(metadata), encoding="utf-8")
    code, out, _ = archive_cmd("mt", "list")
    assert 0 == code
    assert 1 == len(out.splitlines()), out
    assert not any(ch in out for ch in "\x1b\x07")
    assert "1.0\u241b]0;PWN\u2407\u2424fake line" in out


def test_translate_refuses_a_target_language_that_is_not_a_code(tmp_path: Path) -> None:
    code, out, err = archive_cmd("mt", "translate", "1", "--to", "en\n", "--db", tmp_path / "a.db")
    assert (2, "") == (code, out)
    assert "'en\\n' is not a language code" in err
