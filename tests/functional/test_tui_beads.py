"""Editing an alignment by keys alone in the reader: every bead key driven with Pilot."""

from __future__ import annotations

import pytest
from sqlmodel import select
from textual.binding import Binding
from textual.widgets import Static

from archive.alignments.spans import Span, load_spans
from archive.db import Archive
from archive.models import Alignment, AlignmentLink
from tests.functional.tui_helpers import open_article, press
from tests.snapshots.tui_archive import build_sample
from tui.app import make_app
from tui.screens.article import ArticleScreen
from tui.screens.help import KEYS

SIZE = (120, 36)

pytestmark = pytest.mark.anyio


@pytest.fixture
def sample(archive: Archive) -> dict[str, int]:
    """The sample articles; the Burmese/English one has beads 2-1 1-1 1-0 1-1 1-1(0.31) 0-1."""
    return build_sample(archive)


@pytest.fixture
def reviewer(monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("ARCHIVE_REVIEWER", "Daw Khin")
    return "Daw Khin"


def kinds(screen: ArticleScreen) -> list[str]:
    assert screen.view is not None
    return [b.kind for b in screen.view.beads]


def stored(archive: Archive) -> list[Span]:
    with archive.session() as session:
        alignment = session.exec(select(Alignment)).first()
        assert alignment is not None and alignment.id is not None
        return load_spans(session, alignment.id)


def status(screen: ArticleScreen) -> str:
    return str(screen.query_one("#bead-status", Static).render())


async def test_every_bead_key_edits_the_alignment_and_undo_takes_it_all_back(
    archive: Archive, sample: dict[str, int], reviewer: str
) -> None:
    app = make_app(archive)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_article(pilot, app, sample["defectors"])
        original = stored(archive)
        reader = screen.reader
        assert status(screen).startswith("0 of 6 confirmed  ·  bead 1 of 6  ·  2-1")
        await press(pilot, "n")
        assert 1 == reader.cursor  # next unconfirmed
        await press(pilot, "o")
        assert 2 == reader.cursor  # next not 1-1: the 1-0
        await press(pilot, "l")
        assert 4 == reader.cursor  # next low score: 0.31
        await press(pilot, "home", "c")
        assert status(screen).startswith("1 of 6 confirmed")
        assert (True, reviewer) == (stored(archive)[0].checked, stored(archive)[0].checked_by)
        await press(pilot, "c")
        assert not stored(archive)[0].checked
        await press(pilot, "down", "C")
        assert [True, True, False, False, False, False] == [b.checked for b in stored(archive)]
        await press(pilot, "m")  # the confirmed 1-1 with the unconfirmed 1-0
        assert ["2-1", "2-1", "1-1", "1-1", "0-1"] == kinds(screen)
        assert [True, False] == [b.checked for b in stored(archive)[:2]]
        await press(pilot, "s")
        assert ["2-1", "1-1", "1-0", "1-1", "1-1", "0-1"] == kinds(screen)
        await press(pilot, "u")
        assert ["2-1", "2-1", "1-1", "1-1", "0-1"] == kinds(screen)
        await press(pilot, "r")
        assert ["2-1", "1-1", "1-0", "1-1", "1-1", "0-1"] == kinds(screen)
        await press(pilot, "right_square_bracket")  # bead 2's English sentence down
        assert ["2-1", "1-0", "1-1", "1-1", "1-1", "0-1"] == kinds(screen)
        await press(pilot, "down", "left_square_bracket")  # and back up
        assert ["2-1", "1-1", "1-0", "1-1", "1-1", "0-1"] == kinds(screen)
        assert 1 == reader.cursor
        await press(pilot, "right_curly_bracket")  # bead 2's Burmese sentence down
        assert ["2-1", "0-1", "2-0", "1-1", "1-1", "0-1"] == kinds(screen)
        await press(pilot, "down", "left_curly_bracket")
        assert ["2-1", "1-1", "1-0", "1-1", "1-1", "0-1"] == kinds(screen)
        await press(pilot, "end", "up", "x")  # the 1-1 scored 0.31: its English answers nothing
        assert ["2-1", "1-1", "1-0", "1-1", "0-1", "1-0", "0-1"] == kinds(screen)
        await press(pilot, "up", "X")
        assert ["2-1", "1-1", "1-0", "1-0", "0-1", "0-1", "1-0", "0-1"] == kinds(screen)
        await press(pilot, "home", "down", "down", "M")
        assert ["2-1", "2-1", "1-0", "0-1", "0-1", "1-0", "0-1"] == kinds(screen)
        assert 1 == reader.cursor
        before = [s for s in stored(archive) if s.checked]
        await press(pilot, "a")  # re-align around the confirmed bead
        assert before == [s for s in stored(archive) if s.checked]
        assert len(screen.undo_stack) >= 12
        await press(pilot, *["u"] * len(screen.undo_stack))
        assert original == stored(archive)
        assert [] == screen.undo_stack


async def test_refusals_are_one_line_notifications(
    archive: Archive, sample: dict[str, int], reviewer: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app(archive)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_article(pilot, app, sample["defectors"])
        notes: list[str] = []
        monkeypatch.setattr(app, "notify", lambda message, **_: notes.append(str(message)))
        monkeypatch.setattr(screen, "notify", lambda message, **_: notes.append(str(message)))
        await press(pilot, "M", "end", "s", "m", "u", "r")
        assert [
            "bead 1: the first bead has no previous bead to merge with",
            "bead 6: a 0-1 bead cannot be split",
            "bead 6: the last bead has no next bead to merge with",
            "Nothing to undo.",
            "Nothing to redo.",
        ] == notes


async def test_without_a_reviewer_name_nothing_is_edited(
    archive: Archive, sample: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app(archive)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_article(pilot, app, sample["defectors"])
        notes: list[str] = []
        monkeypatch.setattr(app, "notify", lambda message, **_: notes.append(str(message)))
        monkeypatch.setattr(screen, "notify", lambda message, **_: notes.append(str(message)))
        await press(pilot, "c")
        if not hasattr(app, "ensure_reviewer"):  # before the reviewer prompt is merged
            assert 1 == len(notes) and notes[0].startswith("no reviewer name")
        with archive.session() as session:
            assert not any(link.checked for link in session.exec(select(AlignmentLink)).all())


def test_every_article_key_is_in_the_help_and_the_footer() -> None:
    article = dict(KEYS)["Article"]
    helped = " ".join(key for key, _ in article)
    names = {"left_square_bracket": "[", "right_square_bracket": "]"}
    names |= {"left_curly_bracket": "{", "right_curly_bracket": "}"}
    for binding in ArticleScreen.BINDINGS:
        assert isinstance(binding, Binding)
        assert binding.show
        assert names.get(binding.key, binding.key) in helped.split(), binding.key
