"""The archive's terminal UI: `make_app(archive)` builds it for ``archive browse`` and the tests."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from textual import work
from textual.app import App
from textual.binding import Binding, BindingType
from textual.screen import Screen

from archive.db import Archive
from archive.errors import ArchiveError
from archive.reviewer import reviewer_name, save_reviewer
from tui.cells import match_terminal_widths, restore_widths
from tui.commands import ArchiveCommands
from tui.screens.article import ArticleScreen
from tui.screens.help import HelpScreen
from tui.screens.library import LibraryScreen
from tui.screens.links import LinksScreen
from tui.screens.people import PeopleScreen
from tui.screens.search import SearchScreen
from tui.widgets.reader_layout import warm_up

__all__ = ["ArchiveApp", "make_app"]


class ArchiveApp(App[None]):
    """Browse an archive: the library, articles read side by side, search, people, services."""

    CSS_PATH = "app.tcss"
    TITLE = "Translation archive"
    COMMANDS = App.COMMANDS | {ArchiveCommands}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("question_mark", "help", "Help"),
        Binding("q", "back_or_quit", "Back/Quit"),
        Binding("escape", "go_back", "Back", show=False),
    ]

    def __init__(self, archive: Archive, *, page_size: int = 200) -> None:
        super().__init__()
        self.archive = archive
        self.page_size = page_size
        self.terminal_widths = match_terminal_widths()
        #: Who is working: recorded on every correction. From ARCHIVE_REVIEWER or the config
        #: file; when neither has it, `ensure_reviewer` asks once and saves the answer.
        self.reviewer: str | None = None
        try:
            self.reviewer = reviewer_name()
        except ArchiveError:
            self.reviewer = None  # an unreadable config file: ask, as if unset

    def ensure_reviewer(self, then: Callable[[str], object]) -> None:
        """Call ``then(name)`` with the reviewer's name, asking for it first if none is set
        (the answer is saved with `save_reviewer`); a cancelled question calls nothing."""
        if self.reviewer is not None:
            then(self.reviewer)
            return
        from tui.screens.reviewer import ReviewerScreen

        def answered(name: str | None) -> None:
            if name is None:
                self.notify("Nothing changed: a change needs your name.", severity="warning")
                return
            self.reviewer = name
            try:
                save_reviewer(name)
            except (ArchiveError, OSError) as exc:
                self.notify(f"Name not saved: {exc}", severity="warning", markup=False)
            then(name)

        self.push_screen(ReviewerScreen(), answered)

    def on_mount(self) -> None:
        """Load the line-break dictionaries in the background while the library paints."""
        self._warm_up()

    @work(thread=True, group="warm-up")
    def _warm_up(self) -> None:
        warm_up()

    def on_unmount(self) -> None:
        """Give Rich its own cell widths back (the app changed them for Burmese, Khmer…)."""
        if self.terminal_widths:
            restore_widths()

    def get_default_screen(self) -> Screen[None]:
        """The library is the screen everything else goes back to."""
        return LibraryScreen(self.archive, page_size=self.page_size)

    @property
    def library(self) -> LibraryScreen:
        """The library screen (at the bottom of the stack)."""
        screen = self.screen_stack[0]
        assert isinstance(screen, LibraryScreen)
        return screen

    # ------------------------------------------------------------------ navigation

    def action_go_back(self) -> None:
        """Close the screen on top (the library stays)."""
        if len(self.screen_stack) > 1:
            self.pop_screen()

    def action_back_or_quit(self) -> None:
        """Close the screen on top; on the library, quit."""
        if len(self.screen_stack) > 1:
            self.pop_screen()
        else:
            self.exit()

    def _to_library(self) -> None:
        while len(self.screen_stack) > 1:
            self.pop_screen()

    def action_library(self, filter_text: str | None = None) -> None:
        """Go back to the library, optionally with a new filter."""
        self._to_library()
        if filter_text is not None:
            self.library.set_filter(filter_text)

    def action_search(self, query: str = "") -> None:
        """Open full-text search."""
        self.push_screen(SearchScreen(self.archive, query=query))

    def action_people(self) -> None:
        """People and services; choosing one filters the library."""

        def chosen(filter_text: str | None) -> None:
            if filter_text is not None:
                self.action_library(filter_text)

        self.push_screen(PeopleScreen(self.archive), callback=chosen)

    def action_links(self) -> None:
        """Review link suggestions (an original and its English story collected apart)."""
        if not isinstance(self.screen, LinksScreen):
            self.push_screen(LinksScreen(self.archive))

    def action_help(self) -> None:
        """The keys of every screen."""
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_open_article(self, article_id: int) -> None:
        """Read one article."""
        self.push_screen(ArticleScreen(self.archive, article_id))

    def action_sort_library(self, key: str) -> None:
        """Sort the library by a column (from the command palette)."""
        self._to_library()
        self.library.sort_by(key)


def make_app(archive: Archive, *, page_size: int = 200) -> ArchiveApp:
    """The app over an open archive (the CLI's ``archive browse`` and the tests both use this)."""
    return ArchiveApp(archive, page_size=page_size)
