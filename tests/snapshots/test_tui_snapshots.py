"""What the screens look like: SVG snapshots of the library, the reader, search and help.

Update after a deliberate change with ``pytest tests/snapshots --snapshot-update`` and look at
the SVGs (``__snapshots__/``) before committing them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

from archive.db import Archive
from tests.snapshots.tui_archive import build_sample
from tui.app import make_app
from tui.cells import restore_widths

SIZE = (120, 36)
SnapCompare = Callable[..., bool]


@pytest.fixture(autouse=True)
def _no_cursor_blink(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """A blinking cursor makes screenshots differ from run to run."""
    monkeypatch.setattr(Input.cursor_blink, "_default", False)
    yield
    restore_widths()


@pytest.fixture
def sample(archive: Archive) -> dict[str, int]:
    """The deterministic sample archive."""
    return build_sample(archive)


async def settle(pilot: Pilot[Any]) -> None:
    """Let workers finish and their results reach the screen.

    A worker's result may start another worker (the library's suggestion marks, the reader's
    alignment), and on a loaded machine a result can land a few pauses later: wait until two
    rounds in a row find no worker left, not a fixed number of rounds. A worker just started
    is pending, not yet running: only finished workers count as quiet.
    """
    quiet = 0
    for _ in range(100):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause(0.02)
        quiet = quiet + 1 if all(w.is_finished for w in pilot.app.workers) else 0
        if quiet >= 2:
            break


def test_library(snap_compare: SnapCompare, archive: Archive, sample: dict[str, int]) -> None:
    assert snap_compare(make_app(archive), terminal_size=SIZE, run_before=settle)


def test_reader_burmese_english(
    snap_compare: SnapCompare, archive: Archive, sample: dict[str, int]
) -> None:
    async def open_reader(pilot: Pilot[Any]) -> None:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("down", "down")
        await settle(pilot)

    assert snap_compare(make_app(archive), terminal_size=SIZE, run_before=open_reader)


def test_reader_with_confirmed_beads(
    snap_compare: SnapCompare,
    archive: Archive,
    sample: dict[str, int],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The "N of M confirmed" line and the ✓ of beads a person confirmed by keys."""
    monkeypatch.setenv("ARCHIVE_REVIEWER", "Daw Khin")

    async def confirm_two(pilot: Pilot[Any]) -> None:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("down", "C")
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)

    assert snap_compare(make_app(archive), terminal_size=SIZE, run_before=confirm_two)


def test_search(snap_compare: SnapCompare, archive: Archive, sample: dict[str, int]) -> None:
    async def search(pilot: Pilot[Any]) -> None:
        await settle(pilot)
        await pilot.press("s")
        await pilot.press(*"defect*", "enter")
        await settle(pilot)

    assert snap_compare(make_app(archive), terminal_size=SIZE, run_before=search)


def test_help(snap_compare: SnapCompare, archive: Archive, sample: dict[str, int]) -> None:
    async def help_screen(pilot: Pilot[Any]) -> None:
        await settle(pilot)
        await pilot.press("question_mark")
        await pilot.pause()

    assert snap_compare(make_app(archive), terminal_size=SIZE, run_before=help_screen)


def test_reader_at_80x24(
    snap_compare: SnapCompare, archive: Archive, sample: dict[str, int]
) -> None:
    """The default layout on a small terminal: the reader takes the width (issue #20)."""

    async def open_reader(pilot: Pilot[Any]) -> None:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)

    assert snap_compare(make_app(archive), terminal_size=(80, 24), run_before=open_reader)


def test_version_chooser(
    snap_compare: SnapCompare, archive: Archive, sample: dict[str, int]
) -> None:
    """The side being chosen says so in words and by its border, not only by colour."""

    async def choose(pilot: Pilot[Any]) -> None:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("v")
        await settle(pilot)  # the chooser's screen may land a few pauses later on a loaded machine

    assert snap_compare(make_app(archive), terminal_size=SIZE, run_before=choose)


def test_links(snap_compare: SnapCompare, archive: Archive, tmp_path: Path) -> None:
    """The Links screen: suggestions by score, the first pair previewed side by side.

    The scores come from `archive.linking.suggest`: update this snapshot when its scoring
    changes (the pairs and the preview stay).
    """
    from tests.unit.linking.sample import build_sample as build_linking_sample

    build_linking_sample(archive, tmp_path)

    async def links(pilot: Pilot[Any]) -> None:
        await settle(pilot)
        await pilot.press("l")
        await settle(pilot)

    assert snap_compare(make_app(archive), terminal_size=SIZE, run_before=links)
