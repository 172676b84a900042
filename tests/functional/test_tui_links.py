"""The Links screen driven through Pilot: suggestions by score, a side-by-side preview, and the
confirm, reject and undo keys; the library marks articles with a suggestion waiting."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from textual.widgets import DataTable

from archive.db import Archive
from archive.provenance import get_article
from tests.functional.tui_helpers import settle
from tests.unit.linking.sample import build_sample
from tui.app import make_app
from tui.screens.library import LibraryScreen
from tui.screens.links import LinksScreen
from tui.widgets.article_table import LINKABLE_MARK, ArticleTable
from tui.widgets.bead_row import BeadRow

SIZE = (120, 36)

pytestmark = pytest.mark.anyio


def _shown(archive: Archive, article_id: int) -> str:
    with archive.session() as session:
        return json.dumps(get_article(session=session, article_id=article_id).to_json())


def _titles(table: ArticleTable) -> dict[int, str]:
    return {int(str(row.value)): str(table.get_cell(row, "title")) for row in table.rows}


async def test_review_confirm_undo_reject(
    archive: Archive, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ARCHIVE_REVIEWER", "Archivist A")
    ids = build_sample(archive, tmp_path)
    before = {i: _shown(archive, i) for i in ids.values()}
    app = make_app(archive)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        library = app.screen
        assert isinstance(library, LibraryScreen)
        marked = {i for i, t in _titles(library.table).items() if t.startswith(LINKABLE_MARK)}
        assert set(ids.values()) == marked

        await pilot.press("l")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, LinksScreen)
        scores = [s.score for s in screen.suggestions]
        assert scores == sorted(scores, reverse=True)
        pairs = {(s.article_id, s.candidate_id) for s in screen.suggestions}
        assert {(ids["my-shark"], ids["en-shark"]), (ids["my-stores"], ids["en-stores"])} <= pairs
        preview = screen.query_one(BeadRow)
        assert preview.beads and all(b.src or b.tgt for b in preview.beads)
        first = screen.suggestions[0]
        assert screen.preview is not None
        assert (first.article_id, first.candidate_id) == (
            screen.preview.original.article_id,
            screen.preview.english.article_id,
        )

        await pilot.press("c")
        await settle(pilot)
        assert [] != screen.made
        with archive.session() as session:
            merged = get_article(session=session, article_id=first.article_id).to_json()
        assert ("manual", "Archivist A") == (merged["links"][0]["method"], merged["links"][0]["by"])
        assert (first.article_id, first.candidate_id) not in {
            (s.article_id, s.candidate_id) for s in screen.suggestions
        }

        await pilot.press("u")
        await settle(pilot)
        assert [] == screen.made
        assert before == {i: _shown(archive, i) for i in ids.values()}

        table = screen.query_one("#suggestions", DataTable)
        table.move_cursor(row=0)
        rejected = screen.suggestions[0]
        await pilot.press("x")
        await settle(pilot)
        assert (rejected.article_id, rejected.candidate_id) not in {
            (s.article_id, s.candidate_id) for s in screen.suggestions
        }

        await pilot.press("q")
        await settle(pilot)
        assert isinstance(app.screen, LibraryScreen)
        marked = {i for i, t in _titles(library.table).items() if t.startswith(LINKABLE_MARK)}
        assert {rejected.article_id, rejected.candidate_id}.isdisjoint(marked)


async def test_confirm_without_a_reviewer_says_who_must_decide(
    archive: Archive, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("ARCHIVE_REVIEWER", raising=False)
    build_sample(archive, tmp_path)
    app = make_app(archive)
    notes: list[str] = []
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("l")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, LinksScreen)
        monkeypatch.setattr(screen, "notify", lambda message, **_kw: notes.append(message))
        await pilot.press("c")
        await settle(pilot)
        assert [] == screen.made
    assert any("ARCHIVE_REVIEWER" in n for n in notes)
