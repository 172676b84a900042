"""Links: suggested pairs of an original and its English story, best first, with a preview of
the two texts aligned side by side; confirm, reject or undo with one key."""

from __future__ import annotations

from typing import Any, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static

from archive.db import Archive
from archive.errors import ArchiveError
from archive.linking.auto import pending_suggestions
from archive.linking.links import (
    check_reviewer,
    confirm_link,
    reject_link,
    undo_link,
)
from archive.linking.preview import PairPreview, preview_pair
from archive.linking.suggest import Suggestion
from archive.reviewer import reviewer_name
from tui.text import safe_line
from tui.widgets.bead_row import BeadRow

NO_REVIEWER = (
    "Who decides? Set ARCHIVE_REVIEWER (or the reviewer in the archive's config) and open the "
    "browser again."
)


def evidence_text(evidence: dict[str, object]) -> str:
    """The evidence of a suggestion on one line: lists as their length."""
    parts = []
    for key, value in evidence.items():
        shown: object = len(value) if isinstance(value, list | tuple | set) else value
        if isinstance(shown, float):
            shown = f"{shown:.2f}"
        parts.append(f"{key.replace('_', ' ')} {shown}")
    return ", ".join(parts)


class LinksScreen(Screen[None]):
    """Suggested links to review: the table on top, the pair's texts aligned below."""

    DEFAULT_CSS = """
    LinksScreen #suggestions { height: 40%; }
    LinksScreen #link-note { height: auto; color: $text-muted; padding: 0 1; }
    LinksScreen #preview { height: 1fr; }
    """

    AUTO_FOCUS = "#suggestions"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("c", "confirm", "Confirm"),
        Binding("x", "reject", "Reject"),
        Binding("u", "undo", "Undo last"),
        Binding("tab", "focus_next", "Table/preview", show=False),
    ]

    def __init__(self, archive: Archive) -> None:
        super().__init__()
        self.archive = archive
        self.suggestions: list[Suggestion] = []
        self.titles: dict[int, str] = {}
        self.made: list[int] = []  # ids of the links confirmed here, newest last
        self.preview: PairPreview | None = None
        self.changed = False  # a decision was made: the library lists again when this closes

    def compose(self) -> ComposeResult:
        """Table of suggestions, a note, the side-by-side preview."""
        yield Header()
        yield DataTable(id="suggestions", cursor_type="row", zebra_stripes=True)
        yield Static(id="link-note")
        yield BeadRow(id="preview")
        yield Footer()

    def on_mount(self) -> None:
        """Find the suggestions."""
        self.sub_title = "finding suggestions…"
        table = self.query_one("#suggestions", DataTable)
        table.add_column("Score", width=6, key="score")
        table.add_column("Original", width=40, key="original")
        table.add_column("English", width=40, key="english")
        table.add_column("Evidence", key="evidence")
        self.reload()

    # ------------------------------------------------------------------ loading

    @work(thread=True, exclusive=True, group="link-suggestions")
    def reload(self) -> None:
        """Read the suggestions (rejected pairs left out) off the UI thread."""
        from sqlmodel import col, select

        from archive.models import Article

        try:
            with self.archive.session() as session:
                found = pending_suggestions(session)
                ids = {i for s in found for i in (s.article_id, s.candidate_id)}
                rows = session.exec(
                    select(Article.id, Article.title).where(col(Article.id).in_(ids))
                ).all()
        except ArchiveError as exc:
            self.app.call_from_thread(self.notify, str(exc), severity="error", markup=False)
            return
        titles = {int(i or 0): str(t) for i, t in rows}
        self.app.call_from_thread(self._loaded, found, titles)

    def _loaded(self, found: list[Suggestion], titles: dict[int, str]) -> None:
        self.suggestions, self.titles = found, titles
        table = self.query_one("#suggestions", DataTable)
        row = table.cursor_row
        table.clear()
        for s in found:
            table.add_row(
                Text(f"{s.score:.2f}" + ("*" if s.mutual_best else " ")),
                safe_line(f"#{s.article_id} {titles.get(s.article_id, '')}"),
                safe_line(f"#{s.candidate_id} {titles.get(s.candidate_id, '')}"),
                safe_line(evidence_text(s.evidence)),
                key=f"{s.article_id}:{s.candidate_id}",
            )
        count = len(found)
        self.sub_title = f"{count} suggestion{'' if count == 1 else 's'} · * mutual best"
        note = self.query_one("#link-note", Static)
        if not found:
            note.update(Text("No suggestions waiting.", style="bold"))
            self.query_one(BeadRow).show([], Text(), Text())
            return
        note.update(Text("c confirm · x reject · u undo the last link made here"))
        if row:
            table.move_cursor(row=min(row, count - 1), animate=False)
        self._show_preview(found[min(table.cursor_row, count - 1)])

    @property
    def current(self) -> Suggestion | None:
        """The suggestion under the cursor."""
        row = self.query_one("#suggestions", DataTable).cursor_row
        return self.suggestions[row] if 0 <= row < len(self.suggestions) else None

    @on(DataTable.RowHighlighted, "#suggestions")
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        if 0 <= event.cursor_row < len(self.suggestions):
            self._show_preview(self.suggestions[event.cursor_row])

    def _show_preview(self, suggestion: Suggestion) -> None:
        self._load_preview(suggestion.article_id, suggestion.candidate_id)

    @work(thread=True, exclusive=True, group="link-preview")
    def _load_preview(self, original_id: int, english_id: int) -> None:
        """Align the pair's texts as the reader would, nothing stored."""
        try:
            with self.archive.session() as session:
                preview = preview_pair(session, original_id, english_id)
        except ArchiveError as exc:
            self.app.call_from_thread(self.notify, str(exc), severity="error", markup=False)
            return
        self.app.call_from_thread(self._preview_loaded, preview)

    def _preview_loaded(self, preview: PairPreview | None) -> None:
        self.preview = preview
        view = self.query_one(BeadRow)
        if preview is None:
            view.show([], Text(), Text())
            return
        left = safe_line(f"#{preview.original.article_id} {preview.original.language}: ")
        left.append_text(safe_line(preview.original_title))
        right = safe_line(f"#{preview.english.article_id} {preview.english.language}: ")
        right.append_text(safe_line(preview.english_title))
        view.show(preview.beads, left, right)

    # ------------------------------------------------------------------ decisions

    def _reviewer(self, title: str) -> str | None:
        """The reviewer's name, or None after saying why there is none."""
        try:
            by = check_reviewer(reviewer_name())
        except ArchiveError as exc:  # a bad name, an unreadable config file
            self.notify(str(exc), title=title, severity="error", markup=False)
            return None
        if by is None:
            self.notify(NO_REVIEWER, title=title, severity="error", markup=False)
        return by

    def action_confirm(self) -> None:
        """Link the pair under the cursor (a manual link, by the reviewer)."""
        suggestion = self.current
        by = self._reviewer("Confirm") if suggestion is not None else None
        if suggestion is not None and by is not None:
            self._decide("confirm", suggestion.article_id, suggestion.candidate_id, by)

    def action_reject(self) -> None:
        """Never suggest the pair under the cursor again."""
        suggestion = self.current
        by = self._reviewer("Reject") if suggestion is not None else None
        if suggestion is not None and by is not None:
            self._decide("reject", suggestion.article_id, suggestion.candidate_id, by)

    def action_undo(self) -> None:
        """Undo the last link confirmed on this screen."""
        if not self.made:
            self.notify(
                "No link made here to undo (archive link undo ID undoes any link).",
                title="Undo",
                markup=False,
            )
            return
        try:
            by = check_reviewer(reviewer_name())
        except ArchiveError:
            by = None  # undoing needs no name; record one only if it is usable
        self._decide("undo", self.made[-1], 0, by)

    @work(thread=True, exclusive=True, group="link-decision")
    def _decide(self, verb: str, a: int, b: int, by: str | None) -> None:
        message: str
        try:
            with self.archive.session() as session, session.begin():
                if verb == "confirm":
                    link = confirm_link(session, a, b, by=by, method="manual")
                    made: Any = link.id
                    message = f"Linked #{link.english_id} into #{link.original_id} (link {link.id})"
                elif verb == "reject":
                    rejection = reject_link(session, a, b, by=by)
                    made = None
                    message = (
                        f"#{rejection.original_id} and #{rejection.english_id} will not be "
                        "suggested again"
                    )
                else:
                    link = undo_link(session, a, by=by)
                    made = None
                    message = (
                        f"Link {link.id} undone: #{link.original_id} and #{link.english_id} "
                        "are separate again"
                    )
        except ArchiveError as exc:
            self.app.call_from_thread(self.notify, str(exc), severity="error", markup=False)
            return
        self.app.call_from_thread(self._decided, verb, made, message)

    def on_unmount(self) -> None:
        """The library shows the articles as they are now (linked ones are one row)."""
        from tui.screens.library import LibraryScreen

        if not self.changed or not self.app.screen_stack:
            return
        library = self.app.screen_stack[0]
        if isinstance(library, LibraryScreen):
            library.reload()
            library.find_linkable()

    def _decided(self, verb: str, made: int | None, message: str) -> None:
        self.changed = True
        if verb == "confirm" and made is not None:
            self.made.append(made)
        elif verb == "undo":
            self.made.pop()
        self.notify(message, markup=False)
        self.reload()
