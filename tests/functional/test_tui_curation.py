"""Correcting provenance in the terminal UI, driven through Pilot: the reviewer asked once, the
edit form, the History panel with undo, merging and splitting people."""

from __future__ import annotations

from typing import Any

import pytest
from textual.widgets import DataTable, Input, OptionList

from archive.db import Archive
from archive.history import article_history
from archive.provenance import get_article, list_people
from archive.reviewer import config_file, reviewer_name
from tests.functional.test_tui import SIZE
from tests.functional.tui_helpers import open_article, settle
from tests.snapshots.tui_archive import build_sample
from tui.app import make_app
from tui.screens.edit_provenance import EditProvenanceScreen
from tui.screens.merge_people import MergeScreen
from tui.screens.people import PeopleScreen
from tui.screens.reviewer import ReviewerScreen
from tui.widgets.history_panel import HistoryPanel

pytestmark = pytest.mark.anyio


def _article(archive: Archive, article_id: int) -> dict[str, Any]:
    with archive.session() as session:
        return get_article(session=session, article_id=article_id, with_text=False).to_json()


async def test_edit_form_asks_the_reviewer_once_then_history_undoes(archive: Archive) -> None:
    sample = build_sample(archive)
    article_id = sample["defectors"]
    before = _article(archive, article_id)
    app = make_app(archive)
    assert app.reviewer is None
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_article(pilot, app, article_id)
        await pilot.press("e")
        await settle(pilot)
        assert isinstance(app.screen, EditProvenanceScreen)
        app.screen.query_one("#edit-date", Input).value = "2021-09-21"
        app.screen.query_one("#edit-add-credit", Input).value = "editor:Ma Thida Win"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ReviewerScreen)  # no name anywhere: asked
        app.screen.query_one(Input).value = "Daw Khin"
        await pilot.press("enter")
        await settle(pilot)
        assert screen is app.screen
        assert "Daw Khin" == app.reviewer
        assert "Daw Khin" == reviewer_name()  # saved in the config file
        assert config_file().exists()
        after = _article(archive, article_id)
        assert "2021-09-21" == after["date"]
        assert ("editor", "Ma Thida Win") == (
            after["credits"][-1]["role"],
            after["credits"][-1]["name"],
        )

        # A second edit does not ask again.
        await pilot.press("e")
        await settle(pilot)
        app.screen.query_one("#edit-captured", Input).value = "2024-04-20"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert screen is app.screen
        with archive.session() as session:
            history = article_history(session, article_id)
        assert [
            ("add-credit", "Daw Khin"),
            ("set-date", "Daw Khin"),
            ("set-captured", "Daw Khin"),
        ] == [(e.action, e.reviewer) for e in history]

        await pilot.press("H")
        await settle(pilot)
        panel = screen.query_one(HistoryPanel)
        assert panel.display
        assert [e.id for e in reversed(history)] == [e.id for e in panel.entries]
        options = panel.query_one(OptionList)
        for index in range(3):  # newest first: undo all three
            options.highlighted = index
            await pilot.press("u")
            await settle(pilot)
        assert before == _article(archive, article_id)
        assert all(e.undone_at is not None for e in panel.entries)


async def test_bad_date_in_the_form_is_shown_and_nothing_changes(archive: Archive) -> None:
    sample = build_sample(archive)
    before = _article(archive, sample["defectors"])
    app = make_app(archive)
    async with app.run_test(size=SIZE) as pilot:
        await open_article(pilot, app, sample["defectors"])
        await pilot.press("e")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, EditProvenanceScreen)
        form.query_one("#edit-date", Input).value = "21/09/2021"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert form is app.screen
        assert "not a date" in str(form.query_one("#edit-error").render())
        await pilot.press("escape")
        await settle(pilot)
    assert before == _article(archive, sample["defectors"])


async def test_people_merge_and_split(archive: Archive, monkeypatch: pytest.MonkeyPatch) -> None:
    build_sample(archive)
    monkeypatch.setenv("ARCHIVE_REVIEWER", "Ko Aung")
    with archive.session() as session:
        start = [p.to_json() for p in list_people(session=session)]
    ids = {p["name"]: p["id"] for p in start}
    app = make_app(archive)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.action_people()
        await settle(pilot)
        people = app.screen
        assert isinstance(people, PeopleScreen)
        row = people.people.index(("Khin Maung Nyane", "translator", 1, 1))
        people.query_one("#people", DataTable).move_cursor(row=row)
        await pilot.press("m")
        await settle(pilot)
        assert isinstance(app.screen, MergeScreen)
        choices = app.screen.query_one(OptionList)
        choices.highlighted = next(
            i
            for i in range(choices.option_count)
            if choices.get_option_at_index(i).id == str(ids["Eugene Whong"])
        )
        await pilot.press("enter")
        await settle(pilot)
        assert people is app.screen
        with archive.session() as session:
            merged = {p["name"]: p for p in [p.to_json() for p in list_people(session=session)]}
        assert "Eugene Whong" not in merged
        assert "Eugene Whong" in merged["Khin Maung Nyane"]["aliases"]
        row = people.people.index(next(r for r in people.people if r[0] == "Khin Maung Nyane"))
        people.query_one("#people", DataTable).move_cursor(row=row)
        await pilot.press("x")
        await settle(pilot)
    with archive.session() as session:
        assert start == [p.to_json() for p in list_people(session=session)]


async def test_cancelling_the_name_question_changes_nothing(archive: Archive) -> None:
    sample = build_sample(archive)
    before = _article(archive, sample["defectors"])
    app = make_app(archive)
    async with app.run_test(size=SIZE) as pilot:
        await open_article(pilot, app, sample["defectors"])
        await pilot.press("e")
        await settle(pilot)
        app.screen.query_one("#edit-title", Input).value = "Another title"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ReviewerScreen)
        await pilot.press("escape")
        await settle(pilot)
        assert app.reviewer is None
    assert before == _article(archive, sample["defectors"])
    assert reviewer_name() is None
