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


def _beads(db: Path) -> list[tuple[int, int, int, int, int, int, bool]]:
    """Every stored bead of an archive: (src version, tgt version, ranges…, checked)."""
    from sqlmodel import select

    from archive.db import open_archive
    from archive.models import Alignment, AlignmentLink

    archive = open_archive(db)
    try:
        with archive.session() as session:
            rows = session.exec(
                select(Alignment, AlignmentLink).join(
                    AlignmentLink, AlignmentLink.alignment_id == Alignment.id
                )
            ).all()
            return sorted(
                (
                    a.src_version_id,
                    a.tgt_version_id,
                    b.src_start,
                    b.src_end,
                    b.tgt_start,
                    b.tgt_end,
                    b.checked,
                )
                for a, b in rows
            )
    finally:
        archive.close()


def test_jsonl_export_restores_beads_and_checked_marks(tmp_path: Path) -> None:
    from sqlmodel import col, select

    from archive.beads import set_checked
    from archive.db import open_archive
    from archive.models import AlignmentLink
    from tests.conftest import CORPUS

    source = tmp_path / "source.db"
    assert 0 == run_cli("import", CORPUS / "ntrex128-sample.jsonl", "--db", source).returncode
    archive = open_archive(source)
    with archive.session() as session, session.begin():
        first = session.exec(select(AlignmentLink).order_by(col(AlignmentLink.id))).first()
        assert first is not None and first.id is not None
        set_checked(session=session, link_id=first.id, by="tester")
    archive.close()
    out = tmp_path / "export.jsonl"
    assert 0 == run_cli("export", "--format", "jsonl", "--out", out, "--db", source).returncode
    fresh = tmp_path / "fresh.db"
    assert 0 == run_cli("import", out, "--db", fresh).returncode
    before, after = _beads(source), _beads(fresh)
    assert before == after
    assert 1 == sum(1 for bead in after if bead[-1])
