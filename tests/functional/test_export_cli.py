"""``archive export`` through the real entry point: formats, stdout and files, re-import."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from lxml import etree

from archive.db import open_archive
from tests.functional.test_cli import run_cli
from tests.unit.export.sample import build_sample


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("export") / "archive.db"
    archive = open_archive(path)
    try:
        build_sample(archive)
    finally:
        archive.close()
    return path


def test_jsonl_to_stdout_reimports(db: Path, tmp_path: Path) -> None:
    result = run_cli("export", "--format", "jsonl", "--db", db)
    assert 0 == result.returncode, result.stderr
    assert 5 == len(result.stdout.splitlines())
    path = tmp_path / "out.jsonl"
    path.write_text(result.stdout, encoding="utf-8")
    again = run_cli("import", path, "--db", tmp_path / "fresh.db", "--no-align", "--json")
    assert 0 == again.returncode, again.stderr
    assert 5 == json.loads(again.stdout)["imported"]


def test_selected_articles_to_a_file(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "two.jsonl"
    result = run_cli("export", "1", "3", "--format", "jsonl", "--out", out, "--db", db)
    assert 0 == result.returncode, result.stderr
    assert "" == result.stdout
    assert [1, 3] == [json.loads(line)["id"] for line in out.read_text("utf-8").splitlines()]


def test_tmx_file(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "memory.tmx"
    result = run_cli("export", "-f", "tmx", "-o", out, "--db", db)
    assert 0 == result.returncode, result.stderr
    root = etree.parse(str(out)).getroot()
    assert "1.4" == root.get("version") and root.findall("body/tu")


@pytest.mark.parametrize("fmt", ["prov-json", "prov-ttl"])
def test_prov_formats(db: Path, fmt: str) -> None:
    result = run_cli("export", "--format", fmt, "--out", "-", "--db", db)
    assert 0 == result.returncode, result.stderr
    if fmt == "prov-json":
        assert "arch:article/1" in json.loads(result.stdout)["entity"]
    else:
        assert "prov:specializationOf" in result.stdout


def test_errors(db: Path, tmp_path: Path) -> None:
    bad = run_cli("export", "--format", "docx", "--db", db)
    assert 2 == bad.returncode
    missing = run_cli("export", "99", "--out", tmp_path / "x.jsonl", "--db", db)
    assert 1 == missing.returncode
    assert "archive: article 99: no such article\n" == missing.stderr
    assert not (tmp_path / "x.jsonl").exists()
