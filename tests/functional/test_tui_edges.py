"""Issue #20 in the terminal UI: Zawgyi shown as Unicode everywhere, a bad library filter
explained, and a reader that reads well at 80×24. The real app, driven with a Pilot."""

from __future__ import annotations

import pytest
from textual.widgets import DataTable, Input, Static

from archive.analysis import zawgyi_probability
from archive.db import Archive
from archive.ingest.pipeline import Importer
from tests.conftest import CORPUS
from tests.functional.tui_helpers import open_article, settle
from tests.snapshots.tui_archive import build_sample
from tui.app import make_app
from tui.screens.search import SearchScreen

pytestmark = pytest.mark.anyio


@pytest.fixture
def zawgyi(archive: Archive) -> int:
    """The corpus's Zawgyi-published government article (one version)."""
    outcomes = list(
        Importer(archive, jobs=1).iter_import([CORPUS / "mmgov-2018-07-26-zawgyi.jsonl"])
    )
    assert outcomes[0].article_id is not None
    return outcomes[0].article_id


def burmese_of(text: str) -> str:
    return "".join(c for c in text if "\u1000" <= c <= "\u109f")


def assert_unicode_burmese(text: str) -> None:
    burmese = burmese_of(text)
    assert burmese, text
    assert zawgyi_probability(burmese) < 0.05, text


async def test_zawgyi_article_header_sidebar_and_text_are_unicode(
    archive: Archive, zawgyi: int
) -> None:
    app = make_app(archive)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_article(pilot, app, zawgyi)
        assert_unicode_burmese(screen.sub_title)
        assert_unicode_burmese(str(screen.query_one("#article-heading", Static).render()))
        assert_unicode_burmese(str(screen.query_one("#single-text", Static).render()))


async def test_zawgyi_title_in_search_results_is_unicode(archive: Archive, zawgyi: int) -> None:
    app = make_app(archive)
    async with app.run_test(size=(120, 36)) as pilot:
        app.action_search("ဝန်ကြီး")
        await settle(pilot)
        search = app.screen
        assert isinstance(search, SearchScreen) and search.hits
        table = search.query_one("#results", DataTable)
        for index in range(table.row_count):
            row = " ".join(str(cell) for cell in table.get_row_at(index))
            assert_unicode_burmese(row)


async def test_bad_library_filter_is_explained_not_silently_empty(archive: Archive) -> None:
    sample = build_sample(archive)
    app = make_app(archive)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        notes: list[str] = []
        app.notify = lambda message, **_: notes.append(str(message))  # type: ignore[method-assign]
        await pilot.press("slash")
        assert isinstance(app.focused, Input)
        await pilot.press(*"year:20x")
        await pilot.pause(0.3)
        await settle(pilot)
        library = app.library
        problem = library.query_one("#filter-problem", Static)
        assert problem.display
        assert "year:20x is not a year" in str(problem.render())
        # the value not understood is ignored, not matched against titles
        assert len(sample) == library.table.row_count
        await pilot.press("enter")
        assert any("year:20x is not a year" in n for n in notes)
        await pilot.press("slash")
        app.focused.value = ""  # type: ignore[union-attr]
        await pilot.press(*"year:2021")
        await pilot.pause(0.3)
        await settle(pilot)
        assert not problem.display


@pytest.mark.parametrize("size", [(80, 24), (100, 30)])
async def test_reader_default_layout_at_small_sizes(
    archive: Archive, size: tuple[int, int]
) -> None:
    sample = build_sample(archive)
    app = make_app(archive)
    async with app.run_test(size=size) as pilot:
        screen = await open_article(pilot, app, sample["defectors"])
        assert screen.reader.display
        layout = screen.reader.layout_rows
        assert layout is not None
        assert min(layout.src_width, layout.tgt_width) >= 30, layout
        assert not screen.query_one("#sidebar").display
        await pilot.press("p")  # the sidebar is there when asked for
        assert screen.query_one("#sidebar").display


async def test_wide_terminal_keeps_the_sidebar(archive: Archive) -> None:
    sample = build_sample(archive)
    app = make_app(archive)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_article(pilot, app, sample["defectors"])
        assert screen.query_one("#sidebar").display
