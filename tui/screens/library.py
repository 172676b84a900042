"""The library: every article in a table, filtered live, sorted by any column, paged lazily."""

from __future__ import annotations

from typing import Any, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import DataTable, Footer, Header, Input, Static
from textual.worker import get_current_worker

from archive.db import Archive
from archive.errors import ArchiveError
from archive.listing import (
    SORT_KEYS,
    SortKey,
    filter_problems,
    list_articles_sorted,
    parse_article_filter,
)
from archive.provenance import ArticleFilter, count_articles
from tui.screens.article import ArticleScreen
from tui.text import safe_line
from tui.widgets.article_table import ArticleTable

FILTER_HELP = (
    "Filter: title words · person:NAME · translator:NAME · writer:NAME · service:NAME · "
    "lang:my · year:2021   (press / )"
)
DEBOUNCE = 0.2


def empty_text(url: str) -> Text:
    """What an empty archive says (the database shown as given, literally)."""
    where = url.removeprefix("sqlite:///")
    text = Text()
    text.append("The archive is empty.\n\n", style="bold")
    text.append("Import articles from a terminal, then open the browser again:\n\n")
    text.append("    archive import PATH…", style="bold")
    text.append("   (.txt pages, .jsonl records, .html)\n\n")
    text.append("Archive: ", style="dim")
    text.append(where, style="dim")
    text.append("\n\nPress q to quit, ? for help.", style="dim")
    return text


class LibraryScreen(Screen[None]):
    """The articles of the archive."""

    AUTO_FOCUS = "#articles"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("slash", "focus_filter", "Filter"),
        Binding("s", "app.search", "Search"),
        Binding("p", "app.people", "People"),
        Binding("l", "app.links", "Links"),
        Binding("o", "cycle_sort", "Sort"),
        Binding("r", "reverse_sort", "Reverse"),
        Binding("escape", "leave_filter", "Leave filter", show=False),
    ]

    def __init__(self, archive: Archive, *, page_size: int = 200) -> None:
        super().__init__()
        self.archive = archive
        self.page_size = page_size
        self.filters = ArticleFilter()
        self.archive_total: int | None = None
        self._generation = 0
        self._debounce: Timer | None = None

    def compose(self) -> ComposeResult:
        """Filter, table, and the empty-archive note."""
        yield Header()
        yield Input(placeholder=FILTER_HELP, id="filter")
        yield Static(id="filter-problem")
        yield ArticleTable(id="articles")
        yield Static(id="empty")
        yield Footer()

    def on_mount(self) -> None:
        """Load the first page."""
        self.query_one("#empty").display = False
        self.query_one("#filter-problem").display = False
        self.query_one(ArticleTable).focus()
        self.reload()
        self.find_linkable()

    # ------------------------------------------------------------------ loading

    @property
    def table(self) -> ArticleTable:
        """The article table."""
        return self.query_one(ArticleTable)

    def reload(self) -> None:
        """Load the listing again from its first page (new filter or sort)."""
        self._generation += 1
        table = self.table
        table.waiting = True
        self._load_page(self._generation, self.filters, table.sort_key, table.descending, 0)

    @work(thread=True, group="library-pages")
    def _load_page(
        self,
        generation: int,
        filters: ArticleFilter,
        sort: SortKey,
        descending: bool,
        offset: int,
    ) -> None:
        """Read one page (and, for the first page, the counts) off the UI thread."""
        try:
            with self.archive.session() as session:
                total = count_articles(session=session, filters=filters) if offset == 0 else None
                everything = (
                    count_articles(session=session)
                    if offset == 0 and (filters != ArticleFilter() or self.archive_total is None)
                    else None
                )
                rows = list_articles_sorted(
                    session=session,
                    filters=filters,
                    sort=sort,
                    descending=descending,
                    limit=self.page_size,
                    offset=offset,
                )
        except ArchiveError as exc:
            self.app.call_from_thread(self.notify, str(exc), severity="error", markup=False)
            return
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(
                self._page_loaded, generation, offset, rows, total, everything
            )

    def _page_loaded(
        self,
        generation: int,
        offset: int,
        rows: list[dict[str, Any]],
        total: int | None,
        everything: int | None,
    ) -> None:
        if generation != self._generation or not self.is_attached:
            return
        table = self.table
        if total is not None:
            if everything is not None:
                self.archive_total = everything
            elif self.filters == ArticleFilter():
                self.archive_total = total
            table.reset(rows, total)
        elif offset == len(table.articles):
            table.add_rows_for(rows)
        self._show_counts()

    def _show_counts(self) -> None:
        table = self.table
        total, everything = table.total, self.archive_total or 0
        empty = everything == 0
        self.query_one("#empty", Static).display = empty
        table.display = not empty
        self.query_one("#filter").display = not empty
        if empty:
            self.query_one("#empty", Static).update(empty_text(self.archive.url))
            self.sub_title = "no articles"
            return
        order = f"by {table.sort_key} {'↓' if table.descending else '↑'}"
        if self.filters == ArticleFilter():
            self.sub_title = f"{total:,} articles · {order}"
        else:
            self.sub_title = f"{total:,} of {everything:,} articles match · {order}"

    @work(thread=True, exclusive=True, group="library-links")
    def find_linkable(self) -> None:
        """Which articles have a link suggestion waiting (marked in the table), off the UI
        thread, once when the library opens and again after links are reviewed."""
        from archive.linking.auto import pending_suggestions

        try:
            with self.archive.session() as session:
                found = pending_suggestions(session)
        except ArchiveError as exc:
            self.app.call_from_thread(self.notify, str(exc), severity="error", markup=False)
            return
        ids = {i for s in found for i in (s.article_id, s.candidate_id)}
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self.table.mark_linkable, ids)

    @on(ArticleTable.NeedMore, "#articles")
    def _more(self, event: ArticleTable.NeedMore) -> None:
        table = self.table
        self._load_page(
            self._generation, self.filters, table.sort_key, table.descending, event.offset
        )

    # ------------------------------------------------------------------ filter

    @on(Input.Changed, "#filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        if self._debounce is not None:
            self._debounce.stop()
        value = event.value
        self._debounce = self.set_timer(DEBOUNCE, lambda: self._apply_filter(value))

    def _apply_filter(self, value: str) -> None:
        filters = parse_article_filter(value)
        self._show_problems(filter_problems(value))
        if filters != self.filters:
            self.filters = filters
            self.reload()

    def _show_problems(self, problems: list[str]) -> None:
        """What the filter holds that is not understood, under it (ignored, not matched)."""
        line = self.query_one("#filter-problem", Static)
        line.display = bool(problems)
        if problems:
            text = Text("Not understood (ignored): ", style="bold")
            text.append_text(safe_line("; ".join(problems)))
            line.update(text)

    @on(Input.Submitted, "#filter")
    def _filter_submitted(self, event: Input.Submitted) -> None:
        if self._debounce is not None:
            self._debounce.stop()
        self._apply_filter(event.value)
        problems = filter_problems(event.value)
        if problems:
            self.notify("; ".join(problems), title="Filter", severity="warning", markup=False)
        self.table.focus()

    def set_filter(self, text: str) -> None:
        """Filter the library by ``text`` now (from people, services or the palette)."""
        self.query_one("#filter", Input).value = text
        if self._debounce is not None:
            self._debounce.stop()
        self._apply_filter(text)
        self.table.focus()

    def action_focus_filter(self) -> None:
        """Type a filter."""
        self.query_one("#filter", Input).focus()

    def action_leave_filter(self) -> None:
        """From the filter back to the table."""
        if self.focused is self.query_one("#filter"):
            self.table.focus()

    # ------------------------------------------------------------------ sort and open

    def sort_by(self, key: str) -> None:
        """Sort by column ``key`` (again on the same column: reverse)."""
        if key not in SORT_KEYS:
            return
        table = self.table
        if table.sort_key == key:
            table.descending = not table.descending
        else:
            table.sort_key, table.descending = key, key == "date"
        table.rebuild()
        self.reload()

    def action_cycle_sort(self) -> None:
        """Sort by the next column."""
        index = SORT_KEYS.index(self.table.sort_key)
        self.sort_by(SORT_KEYS[(index + 1) % len(SORT_KEYS)])

    def action_reverse_sort(self) -> None:
        """Reverse the order."""
        self.sort_by(self.table.sort_key)

    @on(DataTable.HeaderSelected, "#articles")
    def _header(self, event: DataTable.HeaderSelected) -> None:
        self.sort_by(str(event.column_key.value))

    @on(DataTable.RowSelected, "#articles")
    def _open(self, event: DataTable.RowSelected) -> None:
        if event.row_key.value is not None:
            self.app.push_screen(ArticleScreen(self.archive, int(event.row_key.value)))
