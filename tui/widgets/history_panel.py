"""The history of an article's corrections, newest first, with undo."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from archive.curation.describe import describe_edit
from archive.history import EditEntry
from tui.text import safe_line


def entry_text(entry: EditEntry) -> Text:
    """``#12 2026-12-06 Daw Khin`` then what the edit did; undone edits struck through."""
    text = Text()
    text.append(f"#{entry.id} ", style="dim")
    text.append(f"{entry.at:%Y-%m-%d %H:%M} ", style="dim")
    text.append_text(safe_line(entry.reviewer, style="bold"))
    text.append("\n")
    text.append_text(safe_line(describe_edit(entry), style="strike" if entry.undone_at else ""))
    if entry.undone_at:
        text.append("\n")
        text.append_text(safe_line(f"undone by {entry.undone_by}", style="italic"))
    return text


class HistoryPanel(Vertical):
    """Every edit of the article; ``u`` asks to undo the highlighted one."""

    DEFAULT_CSS = """
    HistoryPanel { height: auto; max-height: 20; }
    HistoryPanel OptionList { height: auto; max-height: 18; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [Binding("u", "undo", "Undo edit")]

    class UndoRequested(Message):
        """The reader asked to undo an edit."""

        def __init__(self, edit_id: int) -> None:
            super().__init__()
            self.edit_id = edit_id

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.entries: list[EditEntry] = []

    def compose(self) -> ComposeResult:
        """A heading and the list."""
        yield Label(Text("History (u: undo)", style="bold"))
        yield OptionList(id="history-list")

    def show(self, entries: list[EditEntry]) -> None:
        """List ``entries`` (oldest first as given; shown newest first)."""
        self.entries = list(reversed(entries))
        options = self.query_one(OptionList)
        options.clear_options()
        if not self.entries:
            options.add_option(Option(Text("No edits yet.", style="dim italic"), disabled=True))
            return
        options.add_options(Option(entry_text(e), id=str(e.id)) for e in self.entries)
        options.highlighted = 0  # the newest: `u` undoes it without moving first

    def action_undo(self) -> None:
        """Ask to undo the highlighted edit (the screen checks and does it)."""
        options = self.query_one(OptionList)
        if options.highlighted is None or not self.entries:
            return
        entry = self.entries[options.highlighted]
        if entry.undone_at is not None:
            self.notify(f"Edit {entry.id} is already undone.", severity="warning")
            return
        self.post_message(self.UndoRequested(entry.id))
