"""Correcting provenance from the article screen: the edit form (``e``) and the History panel
(``H``, with ``u`` to undo), mixed into `ArticleScreen` so its own file keeps only the hooks."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from textual import work
from textual.binding import Binding, BindingType

from archive.curation import ArticleChanges, apply_changes
from archive.errors import ArchiveError
from archive.history import article_history, undo_edit
from tui.screens.edit_provenance import EditProvenanceScreen
from tui.widgets.history_panel import HistoryPanel

if TYPE_CHECKING:
    from archive.db import Archive


class ProvenanceEditing:
    """The article screen's provenance editing (needs ``archive``, ``article_id``,
    ``article``, ``_load`` and ``_busy`` from the screen)."""

    EDIT_BINDINGS: ClassVar[list[BindingType]] = [
        Binding("e", "edit_provenance", "Edit"),
        Binding("H", "toggle_history", "History"),
    ]

    archive: Archive
    article_id: int
    article: dict[str, Any] | None

    def action_edit_provenance(self) -> None:
        """Open the form that corrects title, dates, service and credits."""
        screen: Any = self
        if self.article is None:
            return

        def apply(changes: ArticleChanges | None) -> None:
            if changes is not None:
                screen.app.ensure_reviewer(lambda name: self._apply(changes, name))

        screen.app.push_screen(EditProvenanceScreen(self.article), apply)

    @work(thread=True, exclusive=True, group="provenance-edit")
    def _apply(self, changes: ArticleChanges, reviewer: str) -> None:
        screen: Any = self
        try:
            with self.archive.session() as session, session.begin():
                made = len(
                    apply_changes(
                        session, article_id=self.article_id, changes=changes, reviewer=reviewer
                    )
                )
        except ArchiveError as exc:
            screen.app.call_from_thread(screen.notify, str(exc), severity="error", markup=False)
            return
        screen.app.call_from_thread(screen.notify, f"{made} edit(s) saved", markup=False)
        self._after_change()

    def _after_change(self) -> None:
        """Read the article and its history again (in the worker that made the change), then
        show them, keeping the reader's place and the focus where they were."""
        from archive.provenance import get_article

        screen: Any = self
        try:
            with self.archive.session() as session:
                article = get_article(session=session, article_id=self.article_id).to_json()
                entries = article_history(session, self.article_id)
        except ArchiveError as exc:
            screen.app.call_from_thread(screen.notify, str(exc), severity="error", markup=False)
            return
        screen.app.call_from_thread(self._refresh, article, entries)

    def _refresh(self, article: dict[str, Any], entries: list[Any]) -> None:
        screen: Any = self
        if not screen.is_attached:
            return
        focused = screen.focused
        cursor = screen.reader.cursor if screen.view is not None else None
        screen._show((article, screen.pair, screen.view), cursor)
        screen.query_one(HistoryPanel).show(entries)
        if focused is not None and focused.is_attached:
            focused.focus()

    def action_toggle_history(self) -> None:
        """Show or hide the History panel (in the sidebar, which it shows)."""
        screen: Any = self
        panel = screen.query_one(HistoryPanel)
        panel.display = not panel.display
        if panel.display:
            screen.query_one("#sidebar").display = True
            self._read_history()
            panel.query_one("#history-list").focus()

    @work(thread=True, exclusive=True, group="history")
    def _read_history(self) -> None:
        screen: Any = self
        try:
            with self.archive.session() as session:
                entries = article_history(session, self.article_id)
        except ArchiveError as exc:
            screen.app.call_from_thread(screen.notify, str(exc), severity="error", markup=False)
            return
        screen.app.call_from_thread(screen.query_one(HistoryPanel).show, entries)

    # A handler by name, not @on: Textual collects @on handlers only from classes of its own
    # metaclass, and this mixin is a plain class.
    def on_history_panel_undo_requested(self, event: HistoryPanel.UndoRequested) -> None:
        """Undo the edit the History panel asks for, once the reviewer is known."""
        screen: Any = self
        screen.app.ensure_reviewer(lambda name: self._undo(event.edit_id, name))

    @work(thread=True, exclusive=True, group="provenance-edit")
    def _undo(self, edit_id: int, reviewer: str) -> None:
        screen: Any = self
        try:
            with self.archive.session() as session, session.begin():
                undo_edit(session, edit_id, by=reviewer)
        except ArchiveError as exc:
            screen.app.call_from_thread(screen.notify, str(exc), severity="error", markup=False)
            return
        screen.app.call_from_thread(screen.notify, f"Edit {edit_id} undone", markup=False)
        self._after_change()
