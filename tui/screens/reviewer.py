"""Asking once who is working, when no reviewer name is set anywhere."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label

from archive.errors import ArchiveError
from archive.reviewer import checked_name, config_file


class ReviewerScreen(ModalScreen[str | None]):
    """One input: the name recorded on every correction and confirmation (saved for later)."""

    DEFAULT_CSS = """
    ReviewerScreen { align: center middle; }
    ReviewerScreen #reviewer-dialog {
        width: 70; height: auto; padding: 1 2; border: thick $accent; background: $surface;
    }
    ReviewerScreen #reviewer-error { color: $error; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    def compose(self) -> ComposeResult:
        """The question, the input, and where the answer is kept."""
        with Vertical(id="reviewer-dialog"):
            yield Label("Who is making these changes? Your name goes into the history.")
            yield Input(placeholder="your name", id="reviewer-name")
            yield Label("", id="reviewer-error")
            yield Label(f"Saved in {config_file()} · escape: cancel", classes="hint")

    @on(Input.Submitted, "#reviewer-name")
    def _submitted(self, event: Input.Submitted) -> None:
        try:
            name = checked_name(event.value, "name")
        except ArchiveError as exc:
            self.query_one("#reviewer-error", Label).update(str(exc))
            return
        self.dismiss(name)

    def action_cancel(self) -> None:
        """Close without a name: nothing is changed."""
        self.dismiss(None)
