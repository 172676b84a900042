"""JSONL export: the import schema, extended; a round trip through the importer loses nothing."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest
from sqlmodel import Session, col, select

from archive.db import Archive, open_archive
from archive.export.jsonl import export_jsonl, restore_extensions
from archive.ingest.pipeline import Importer
from archive.ingest.records import record_from_json
from archive.models import Alignment, AlignmentLink, Article, Version, utcnow
from archive.provenance import article_credits
from tests.unit.export.sample import build_sample


@pytest.fixture
def archive(any_archive: Archive) -> Archive:
    """This module's archive: the same test on an SQLite file and a PostgreSQL database."""
    return any_archive


def _check_a_bead(archive: Archive) -> None:
    with archive.session() as session, session.begin():
        link = session.exec(select(AlignmentLink).order_by(col(AlignmentLink.id))).first()
        assert link is not None
        link.checked, link.checked_by, link.checked_at = True, "archivist", utcnow()
        session.add(link)


def _export(archive: Archive, ids: list[int] | None = None) -> bytes:
    out = io.BytesIO()
    with archive.session() as session:
        export_jsonl(session=session, out=out, article_ids=ids)
    return out.getvalue()


def _snapshot(session: Session) -> list[dict[str, Any]]:
    """Everything a round trip must keep, keyed by content rather than ids."""
    out = []
    for article in session.exec(select(Article).order_by(col(Article.title))).all():
        assert article.id is not None
        versions = session.exec(
            select(Version).where(Version.article_id == article.id).order_by(col(Version.position))
        ).all()
        sha = {v.id: v.sha256 for v in versions}
        beads = []
        for alignment in session.exec(
            select(Alignment).where(Alignment.article_id == article.id)
        ).all():
            for link in session.exec(
                select(AlignmentLink)
                .where(AlignmentLink.alignment_id == alignment.id)
                .order_by(col(AlignmentLink.position))
            ).all():
                beads.append(
                    (
                        sha[alignment.src_version_id],
                        sha[alignment.tgt_version_id],
                        link.src_start,
                        link.src_end,
                        link.tgt_start,
                        link.tgt_end,
                        round(link.score, 6),
                        link.method,
                        link.checked,
                        link.checked_by,
                    )
                )
        out.append(
            {
                "title": article.title,
                "date": article.date,
                "url": article.url,
                "urls": article.urls,
                "versions": [
                    (v.kind, v.language, v.sha256, v.title, v.engine, v.model_package)
                    for v in versions
                ],
                "derived": [sha.get(v.derived_from_id) for v in versions],
                "credits": sorted(
                    (
                        (c.role, c.name, c.kind, c.raw, sha.get(c.version_id))
                        for c in article_credits(session=session, article_id=article.id)
                    ),
                    key=repr,
                ),
                "beads": sorted(beads, key=repr),
            }
        )
    return out


def test_every_line_is_a_valid_import_record(archive: Archive) -> None:
    build_sample(archive)
    lines = _export(archive).decode("utf-8").splitlines()
    assert 5 == len(lines)
    for line in lines:
        record = json.loads(line)
        record_from_json(record)  # the import schema accepts it
        assert {"id", "urls", "alignments"} <= set(record)
        assert all({"id", "sha256"} <= set(v) for v in record["versions"])


def test_round_trip_into_an_empty_archive(archive: Archive, tmp_path: Path) -> None:
    build_sample(archive)
    _check_a_bead(archive)
    export = tmp_path / "export.jsonl"
    export.write_bytes(_export(archive))

    fresh = open_archive(tmp_path / "fresh.db")
    try:
        summary = Importer(fresh).import_paths([export])
        assert 5 == summary.count("imported")
        records = [json.loads(line) for line in export.read_text(encoding="utf-8").splitlines()]
        with fresh.session() as session, session.begin():
            for outcome, record in zip(summary.outcomes, records, strict=True):
                assert outcome.article_id is not None
                result = restore_extensions(
                    session=session, article_id=outcome.article_id, record=record
                )
                assert () == result.skipped
        with archive.session() as a, fresh.session() as b:
            before, after = _snapshot(a), _snapshot(b)
        assert before == after
        assert any(bead[8] for article in after for bead in article["beads"])  # the checked one
    finally:
        fresh.close()


def test_selected_articles_and_exact_text(archive: Archive) -> None:
    sample = build_sample(archive, align=False)
    (line,) = _export(archive, [sample.zawgyi]).decode("utf-8").splitlines()
    record = json.loads(line)
    with archive.session() as session:
        original = session.exec(
            select(Version).where(Version.article_id == sample.zawgyi, Version.kind == "original")
        ).one()
    assert original.text == record["versions"][0]["text"]  # Zawgyi bytes, untouched
    assert "zawgyi" == record["versions"][0]["encoding"]
    assert "argostranslate" == record["versions"][1]["engine"]
    assert 0 == record["versions"][1]["derived_from"]


def test_text_utf8_cannot_hold_is_escaped(archive: Archive) -> None:
    from archive.export.jsonl import dumps_line

    assert b'{"text":"a\\ud800b"}\n' == dumps_line({"text": "a\ud800b"})
    assert "a\ud800b" == json.loads(dumps_line({"text": "a\ud800b"}))["text"]


def test_a_checked_by_with_control_characters_is_refused_on_restore(
    archive: Archive, tmp_path: Path
) -> None:
    build_sample(archive)
    records = [json.loads(line) for line in _export(archive).decode("utf-8").splitlines()]
    record = next(r for r in records if r["alignments"])
    record["alignments"][0]["beads"][0]["checked_by"] = "Re\x07viewer"
    export = tmp_path / "export.jsonl"
    export.write_text(json.dumps(record) + "\n", encoding="utf-8")
    fresh = open_archive(tmp_path / "fresh.db")
    try:
        [outcome] = Importer(fresh).import_paths([export]).outcomes
        assert outcome.article_id is not None
        with fresh.session() as session, session.begin():
            result = restore_extensions(
                session=session, article_id=outcome.article_id, record=record
            )
        assert (
            "alignments[0].beads[0]: checked_by or method holds control characters",
        ) == result.skipped
        with fresh.session() as session:
            names = {link.checked_by for link in session.exec(select(AlignmentLink)).all()}
        assert "Re\x07viewer" not in names
    finally:
        fresh.close()
