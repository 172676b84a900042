"""Confirming a link makes one article; undoing it gives both back exactly; rejections stay."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from sqlmodel import col, select

from archive.db import Archive
from archive.errors import ArchiveError, ArticleNotFound
from archive.history import article_history
from archive.ingest.pipeline import import_paths
from archive.linking.auto import auto_link
from archive.linking.links import (
    AlreadyLinked,
    LinkAlreadyUndone,
    LinkedArticle,
    LinkNotFound,
    NotAPair,
    confirm_link,
    reject_link,
    rejected_pairs,
    undo_link,
)
from archive.linking.suggest import confident, suggest_links
from archive.models import Alignment, AlignmentLink, ImportRecord, Version
from archive.provenance import get_article
from archive.search import search
from tests.unit.linking.sample import build_sample, write_ambiguous


@pytest.fixture
def archive(any_archive: Archive) -> Archive:
    return any_archive


def _shown(archive: Archive, article_id: int) -> str:
    with archive.session() as session:
        return json.dumps(get_article(session=session, article_id=article_id), sort_keys=True)


def _state(archive: Archive) -> dict[str, Any]:
    """Everything a link may touch, as plain data: alignments with their beads, import
    records, search hits of both languages."""
    with archive.session() as session:
        alignments = [
            (a.id, a.article_id, a.src_version_id, a.tgt_version_id, a.method, str(a.created_at))
            for a in session.exec(select(Alignment).order_by(col(Alignment.id)))
        ]
        beads = [
            (b.alignment_id, b.position, b.src_start, b.src_end, b.tgt_start, b.tgt_end, b.score)
            for b in session.exec(select(AlignmentLink).order_by(col(AlignmentLink.id)))
        ]
        records = [
            (r.id, r.article_id)
            for r in session.exec(select(ImportRecord).order_by(col(ImportRecord.id)))
        ]
        hits = [
            (h.article_id, h.version_id)
            for query in ("shark", "lobster", "Sainsbury")
            for h in search(session=session, query=query)
        ]
    return {"alignments": alignments, "beads": beads, "records": records, "hits": hits}


def test_confirm_makes_one_article_and_undo_gives_both_back_exactly(
    archive: Archive, tmp_path: Path
) -> None:
    ids = build_sample(archive, tmp_path)
    my, en = ids["my-shark"], ids["en-shark"]
    before = {i: _shown(archive, i) for i in ids.values()}
    state = _state(archive)
    assert any(a == en for a, _v in state["hits"])

    with archive.session() as session, session.begin():
        link = confirm_link(session, en, my, by="Archivist A", method="manual")  # either order
        link_id = link.id
    assert link_id is not None
    with archive.session() as session:
        merged = get_article(session=session, article_id=my)
        versions = merged["versions"]
        assert ["my", "en"] == [v["language"] for v in versions]
        assert versions[0]["id"] == versions[1]["derived_from"]
        assert {"Zaw Moe", "Eugene Whong"} == {c["name"] for c in merged["credits"]}
        assert "https://www.rfa.org/english/shark-1.html" in merged["urls"]
        assert [("manual", "Archivist A", my, en)] == [
            (x["method"], x["by"], x["original"], x["english"]) for x in merged["links"]
        ]
        pairs = {
            (a.src_version_id, a.tgt_version_id)
            for a in session.exec(select(Alignment).where(Alignment.article_id == my))
        }
        assert (versions[0]["id"], versions[1]["id"]) in pairs
        assert {my} == {
            r.article_id for r in session.exec(select(ImportRecord)) if r.article_id in (my, en)
        }
        assert {my} == {h.article_id for h in search(session=session, query="lobster")}
        with pytest.raises(LinkedArticle, match=f"linked into article {my}"):
            get_article(session=session, article_id=en)

    with archive.session() as session, session.begin():
        undo_link(session, link_id, by="Archivist B")
    assert before == {i: _shown(archive, i) for i in ids.values()}
    assert state == _state(archive)
    with archive.session() as session:
        history = article_history(session, my)
    assert [("link", link_id, "Archivist A", "Archivist B")] == [
        (e.action, e.target_id, e.reviewer, e.undone_by) for e in history
    ]


def test_undo_twice_and_unknown_links_are_refused(archive: Archive, tmp_path: Path) -> None:
    ids = build_sample(archive, tmp_path)
    with archive.session() as session, session.begin():
        link_id = confirm_link(session, ids["my-stores"], ids["en-stores"], by="A").id
    assert link_id is not None
    with archive.session() as session, session.begin():
        undo_link(session, link_id)
    with archive.session() as session, pytest.raises(LinkAlreadyUndone):
        undo_link(session, link_id)
    with archive.session() as session, pytest.raises(LinkNotFound, match="link 999"):
        undo_link(session, 999)


def test_only_an_original_and_an_english_article_make_a_pair(
    archive: Archive, tmp_path: Path
) -> None:
    ids = build_sample(archive, tmp_path)
    with archive.session() as session:
        with pytest.raises(NotAPair, match="original-only and one English-only"):
            confirm_link(session, ids["my-shark"], ids["my-stores"])
        with pytest.raises(NotAPair, match="itself"):
            confirm_link(session, ids["my-shark"], ids["my-shark"])
        with pytest.raises(ArticleNotFound):
            confirm_link(session, ids["my-shark"], 4242)
    with archive.session() as session, session.begin():
        confirm_link(session, ids["my-shark"], ids["en-shark"], method="auto", score=0.9)
    with archive.session() as session:
        with pytest.raises(AlreadyLinked, match=f"already linked with article {ids['en-shark']}"):
            confirm_link(session, ids["my-shark"], ids["en-stores"])
        with pytest.raises(ArchiveError, match="reviewer name"):
            confirm_link(session, ids["my-stores"], ids["en-stores"], by="A\x1b[2J\nB")
        with pytest.raises(ValueError, match="must be 'auto' or 'manual'"):
            confirm_link(session, ids["my-stores"], ids["en-stores"], method="guess")  # type: ignore[arg-type]


def test_a_rejected_pair_is_remembered_and_never_suggested(
    archive: Archive, tmp_path: Path
) -> None:
    ids = build_sample(archive, tmp_path)
    pair = (ids["my-shark"], ids["en-shark"])
    with archive.session() as session:
        suggested = {(s.article_id, s.candidate_id) for s in suggest_links(session)}
    assert pair in suggested
    with archive.session() as session, session.begin():
        reject_link(session, pair[1], pair[0], by="Archivist A")
        reject_link(session, pair[0], pair[1], by="Archivist B")  # once is enough
    with archive.session() as session:
        rejected = rejected_pairs(session)
        again = {(s.article_id, s.candidate_id) for s in suggest_links(session, rejected=rejected)}
    assert {pair} == rejected
    assert pair not in again


def test_auto_links_move_every_text_unchanged(archive: Archive, tmp_path: Path) -> None:
    ids = build_sample(archive, tmp_path)
    with archive.session() as session:
        texts = {v.id: v.text for v in session.exec(select(Version))}
        sure = confident(suggest_links(session))
    assert {(ids["my-shark"], ids["en-shark"]), (ids["my-stores"], ids["en-stores"])} == {
        (s.article_id, s.candidate_id) for s in sure
    }
    with archive.session() as session, session.begin():
        for s in sure:
            confirm_link(session, s.article_id, s.candidate_id, method="auto", score=s.score)
    with archive.session() as session:
        assert texts == {v.id: v.text for v in session.exec(select(Version))}


def test_auto_links_only_the_unambiguous_pairs(archive: Archive, tmp_path: Path) -> None:
    outcomes = import_paths(archive, [write_ambiguous(tmp_path)], align=True).outcomes
    stores, copy_a, copy_b, shark, shark_en = [o.article_id for o in outcomes]
    assert None not in (stores, copy_a, copy_b, shark, shark_en)
    with archive.session() as session:
        suggested = {(s.article_id, s.candidate_id) for s in suggest_links(session)}
    assert {(stores, copy_a), (stores, copy_b)} <= suggested  # both suggested, neither sure
    made = auto_link(archive)
    assert [(shark, shark_en)] == [(x.original_id, x.english_id) for x in made]
    assert [("auto", None)] == [(x.method, x.by) for x in made]
    assert all(x.score is not None and 0 < x.score <= 1 for x in made)
