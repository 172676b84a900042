"""Not found, and edits refused (issue #16): named ArchiveErrors, one line each through the CLI.

The library raises a `NotFound` (article, version, alignment, bead, person, service) or an
`EditRefused` (a bead that cannot be split or merged) instead of a bare ValueError, so the CLI
and the screens need to catch `ArchiveError` only.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlmodel import col, select

from archive import errors
from archive.alignments.edits import merge_next, realign, set_checked, split_bead
from archive.cli import main
from archive.db import Archive
from archive.ingest.pipeline import Importer
from archive.models import AlignmentLink, Version
from archive.reader import align_versions
from tests.conftest import REPO

RECORD = {
    "title": "Two versions",
    "date": "2021-07-07",
    "versions": [
        {"kind": "original", "language": "en", "text": "One sentence here. Another one there."},
        {"kind": "translation", "language": "fr", "text": "Une phrase ici. Une autre là."},
    ],
}


@pytest.fixture
def aligned(archive: Archive, tmp_path: Path) -> Archive:
    path = tmp_path / "record.jsonl"
    path.write_text(json.dumps(RECORD, ensure_ascii=False) + "\n", encoding="utf-8")
    outcomes = list(Importer(archive, align=True, jobs=1).iter_import([path]))
    assert ["imported"] == [o.outcome for o in outcomes]
    return archive


def _links(archive: Archive) -> list[AlignmentLink]:
    with archive.session() as session:
        return list(session.exec(select(AlignmentLink).order_by(col(AlignmentLink.position))))


def test_bead_edits_name_what_is_missing_or_refused(aligned: Archive) -> None:
    links = _links(aligned)
    assert links, "the import aligned the two versions"
    one_to_one = next(x for x in links if x.src_end - x.src_start == 1 == x.tgt_end - x.tgt_start)
    with aligned.session() as session, session.begin():
        with pytest.raises(errors.BeadNotFound, match="bead 99999: no such bead"):
            set_checked(session=session, link_id=99999)
        with pytest.raises(errors.BeadNotFound):
            split_bead(session, link_id=99999, reviewer="Daw Khin")
        with pytest.raises(errors.NotSplittable, match="a 1-1 bead cannot be split"):
            split_bead(session, link_id=one_to_one.id or 0, reviewer="Daw Khin")
        with pytest.raises(errors.NothingToMerge):
            merge_next(session, link_id=links[-1].id or 0, reviewer="Daw Khin")
        with pytest.raises(errors.BadReviewerName):
            set_checked(session=session, link_id=one_to_one.id or 0, by="a\x1bname")
        with pytest.raises(errors.AlignmentNotFound, match="alignment 99999: no such alignment"):
            realign(session=session, alignment_id=99999)
        versions = list(session.exec(select(Version.id)).all())
        with pytest.raises(errors.VersionNotFound, match="version 99999: no such version"):
            align_versions(session=session, src_version_id=versions[0] or 0, tgt_version_id=99999)


def run_cli(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "archive.cli", *map(str, args)],
        capture_output=True,
        text=True,
        cwd=REPO,
        env=dict(os.environ),
        timeout=300,
    )


def test_missing_article_and_version_are_one_line_through_the_cli(
    aligned: Archive, db_path: Path
) -> None:
    with aligned.session() as session:
        version = session.exec(select(Version)).first()
    assert version is not None
    article = run_cli("show", "424242", "--db", db_path)
    assert (1, "", "archive: article 424242: no such article\n") == (
        article.returncode,
        article.stdout,
        article.stderr,
    )
    missing = run_cli("show", str(version.article_id), "--text", "9999", "--db", db_path)
    assert 1 == missing.returncode
    assert [f"archive: article {version.article_id}: no version 9999"] == [
        line.split(" (")[0] for line in missing.stderr.splitlines()
    ]
    unnamed = run_cli("list", "--service", "The Service", "--db", db_path)
    assert 2 == unnamed.returncode
    assert "names no service" in unnamed.stderr


NOT_FOUND = [
    errors.ArticleNotFound(7),
    errors.VersionNotFound(7),
    errors.VersionNotInArticle(7, 8),
    errors.AlignmentNotFound(7),
    errors.BeadNotFound(7),
    errors.PersonNotFound("Nobody Here"),
    errors.ServiceNotFound(7),
    errors.NotSplittable(6, "a 1-1 bead cannot be split"),
    errors.NothingToMerge(6, "the last bead has no next bead to merge with"),
]


@pytest.mark.parametrize("error", NOT_FOUND, ids=lambda e: type(e).__name__)
def test_each_not_found_error_is_one_line_and_exit_1(
    error: errors.ArchiveError,
    archive: Archive,
    db_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    def fails(**_kwargs: object) -> None:
        raise error

    monkeypatch.setattr("archive.provenance.get_article", fails)
    monkeypatch.setattr(sys, "argv", ["archive", "show", "7", "--db", str(db_path)])
    with pytest.raises(SystemExit) as exited:
        main()
    captured = capsys.readouterr()
    assert 1 == exited.value.code
    assert "" == captured.out
    assert [f"archive: {error}"] == captured.err.splitlines()
    assert "7" in captured.err or "Nobody Here" in captured.err
