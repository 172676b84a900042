"""Choosing the person (or service) to merge into the one highlighted."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from tui.text import safe_line


class MergeScreen(ModalScreen[int | None]):
    """A list of the others; enter merges the chosen one into ``keep`` (returns its id)."""

    DEFAULT_CSS = """
    MergeScreen { align: center middle; }
    MergeScreen #merge-dialog {
        width: 70; height: 80%; padding: 1 2; border: thick $accent; background: $surface;
    }
    MergeScreen OptionList { height: 1fr; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, keep: tuple[int, str], others: list[tuple[int, str]], what: str) -> None:
        super().__init__()
        self.keep = keep
        self.others = others
        self.what = what

    def compose(self) -> ComposeResult:
        """The question and the list of the others."""
        with Vertical(id="merge-dialog"):
            heading = Text(f"Merge which {self.what} into ", style="bold")
            heading.append_text(safe_line(self.keep[1], style="bold reverse"))
            heading.append("? Its spellings become aliases; its credits move.")
            yield Label(heading)
            yield OptionList(
                *(
                    Option(Text(f"#{i} ", style="dim") + safe_line(name), id=str(i))
                    for i, name in self.others
                ),
                id="merge-choices",
            )
            yield Label("enter: merge · escape: cancel · undo: x on the kept one, or history")

    @on(OptionList.OptionSelected, "#merge-choices")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        if event.option.id is not None:
            self.dismiss(int(event.option.id))

    def action_cancel(self) -> None:
        """Close; nothing is merged."""
        self.dismiss(None)
