"""Every key of every screen, and where the command palette is."""

from __future__ import annotations

from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

KEYS: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = (
    (
        "Everywhere",
        (
            ("?", "this help"),
            ("ctrl+p", "command palette: library, search, people, sort, open #id"),
            ("escape", "back to the previous screen"),
            ("q", "back; on the library, quit"),
        ),
    ),
    (
        "Library",
        (
            ("/", "filter: title words, person:, translator:, writer:, service:, lang:, year:"),
            ("enter", "read the article"),
            ("o / r", "sort by the next column / reverse (or click a heading)"),
            ("s", "search"),
            ("p", "people and services"),
        ),
    ),
    (
        "Article",
        (
            ("↑ ↓ pgup pgdn", "move the bead cursor (both sides scroll together)"),
            ("c", "mark the bead checked (or not); re-alignment keeps checked beads"),
            ("m", "merge the bead with the next"),
            ("s", "split the bead"),
            ("a", "align the pair (again, around checked beads)"),
            ("t", "machine-translate the left version (needs an installed package)"),
            ("v", "choose the two versions to read"),
            ("p", "show or hide the provenance sidebar"),
            ("w", "open or close “what changed”"),
            ("e", "correct the provenance: title, dates, service, credits"),
            ("H", "history of the article's corrections; u undoes the highlighted one"),
        ),
    ),
    (
        "Reader gutter",
        (
            ("+", "added: in the right version only (0-1)"),
            ("−", "dropped: in the left version only (1-0)"),
            ("!", "low alignment score (below 0.5)"),
            ("✓", "checked by a person"),
            ("¶", "a new paragraph starts"),
        ),
    ),
    (
        "Search",
        (
            ("enter", "run the query; on a hit: read it, at its sentence"),
            ("/", "back to the query"),
        ),
    ),
    (
        "People and services",
        (
            ("1 / 2", "people / services"),
            ("enter", "show that person's (in that role) or service's articles"),
            ("m", "merge another person (or service) into the highlighted one"),
            ("x", "split the last merge into the highlighted one"),
        ),
    ),
)


def keys_table() -> Table:
    """The key reference as a table."""
    table = Table(show_header=False, box=None, padding=(0, 2), expand=False)
    table.add_column(style="bold", no_wrap=True, min_width=14)
    table.add_column()
    for section, keys in KEYS:
        table.add_row(Text(section, style="bold underline"), "")
        for key, meaning in keys:
            table.add_row(Text(key), Text(meaning))
        table.add_row("", "")
    return table


class HelpScreen(ModalScreen[None]):
    """The key reference; any of escape, q or ? closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark", "close", "Close"),
    ]

    def compose(self) -> ComposeResult:
        """The table in a scrolling box."""
        with VerticalScroll(id="help-box"):
            yield Static(Text("Keys", style="bold"), id="help-title")
            yield Static(keys_table(), id="help-keys")

    def action_close(self) -> None:
        """Back to where help was opened."""
        self.dismiss(None)
