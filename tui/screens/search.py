"""Full-text search: a query, its hits (snippet, language, article), enter to read the hit."""

from __future__ import annotations

from typing import Any, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Input, Static
from textual.worker import get_current_worker

from archive.db import Archive
from archive.errors import ArchiveError
from tui.screens.article import ArticleScreen
from tui.text import highlighted, safe_line

QUERY_HELP = 'Search words or "a phrase" · lang:my · kind:published · translator:NAME · year:2021'
LIMIT = 200
FIXED = {"lang": 8, "kind": 11, "title": 30}


class SearchScreen(Screen[None]):
    """Search every version of every article."""

    AUTO_FOCUS = "#query"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("slash", "focus_query", "Query"),
        Binding("down", "to_results", "Results", show=False),
    ]

    def __init__(self, archive: Archive, *, query: str = "") -> None:
        super().__init__()
        self.archive = archive
        self.initial_query = query
        self.hits: list[Any] = []
        self._generation = 0

    def compose(self) -> ComposeResult:
        """Query, results, status line."""
        yield Header()
        yield Input(value=self.initial_query, placeholder=QUERY_HELP, id="query")
        yield DataTable(id="results", cursor_type="row", zebra_stripes=True)
        yield Static(id="search-status")
        yield Footer()

    def on_mount(self) -> None:
        """Columns sized to the screen; run the initial query, if any."""
        self.sub_title = "search"
        table = self.query_one("#results", DataTable)
        width = self.app.size.width
        snippet = max(30, width - sum(FIXED.values()) - 2 * 4 - 4)
        table.add_column("Lang", key="lang", width=FIXED["lang"])
        table.add_column("Kind", key="kind", width=FIXED["kind"])
        table.add_column("Article", key="title", width=FIXED["title"])
        table.add_column("Snippet", key="snippet", width=snippet)
        self.query_one("#search-status", Static).update(
            Text("Type a query and press enter.", style="dim")
        )
        self.query_one("#query", Input).focus()
        if self.initial_query.strip():
            self.run_query(self.initial_query)

    def action_focus_query(self) -> None:
        """Edit the query."""
        self.query_one("#query", Input).focus()

    def action_to_results(self) -> None:
        """From the query down into the results."""
        table = self.query_one("#results", DataTable)
        if self.focused is self.query_one("#query") and table.row_count:
            table.focus()

    @on(Input.Submitted, "#query")
    def _submitted(self, event: Input.Submitted) -> None:
        self.run_query(event.value)

    def run_query(self, query: str) -> None:
        """Search for ``query`` off the UI thread."""
        if not query.strip():
            return
        self._generation += 1
        self.query_one("#results").loading = True
        self._search(self._generation, query)

    @work(thread=True, exclusive=True, group="search")
    def _search(self, generation: int, query: str) -> None:
        from archive.search import search

        try:
            with self.archive.session() as session:
                hits = search(session=session, query=query, limit=LIMIT)
        except ArchiveError as exc:  # SearchSyntaxError, SearchUnavailable, UnnamedService
            self.app.call_from_thread(self._failed, generation, str(exc).splitlines()[0])
            return
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._show, generation, query, hits)

    def _failed(self, generation: int, message: str) -> None:
        if generation != self._generation or not self.is_attached:
            return
        self.query_one("#results").loading = False
        self.notify(message, title="Search", severity="error", markup=False)

    def _show(self, generation: int, query: str, hits: list[Any]) -> None:
        if generation != self._generation or not self.is_attached:
            return
        self.hits = hits
        table = self.query_one("#results", DataTable)
        table.loading = False
        table.clear()
        for index, hit in enumerate(hits):
            table.add_row(
                safe_line(hit.language),
                safe_line(hit.kind),
                safe_line(hit.title),
                highlighted(
                    " ".join(hit.snippet.split("\n")), hit.highlights, style="bold reverse"
                ),
                key=str(index),
            )
        status = Text()
        more = f" (the first {LIMIT})" if len(hits) >= LIMIT else ""
        status.append(f"{len(hits)} hit(s){more} for ")
        status.append_text(safe_line(query, style="bold"))
        status.append("   enter: read the hit in its article", style="dim")
        self.query_one("#search-status", Static).update(status)
        self.sub_title = f"{len(hits)} hit(s)"
        if hits:
            table.focus()

    @on(DataTable.RowSelected, "#results")
    def _open(self, event: DataTable.RowSelected) -> None:
        index = int(event.row_key.value or 0)
        if 0 <= index < len(self.hits):
            hit = self.hits[index]
            self.app.push_screen(
                ArticleScreen(self.archive, hit.article_id, focus=(hit.version_id, hit.segment_seq))
            )
