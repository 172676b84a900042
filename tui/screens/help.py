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
            ("l", "links: suggested original/English pairs (⇄ marks an article with one)"),
        ),
    ),
    (
        "Links",
        (
            ("↑ ↓", "choose a suggestion; the pair is previewed side by side below"),
            ("c", "confirm: one article holds both (by $ARCHIVE_REVIEWER)"),
            ("x", "reject: never suggested again"),
            ("u", "undo the last link confirmed here"),
        ),
    ),
    (
        "Article",
        (
            ("↑ ↓ pgup pgdn", "move the bead cursor (both sides scroll together)"),
            ("c", "confirm the bead (or take the mark off); re-alignment keeps confirmed beads"),
            ("C", "confirm every bead from the top down to this one"),
            ("m / M", "merge the bead with the next / the previous one"),
            ("s", "split the bead after its first sentence on each side"),
            ("[ / ]", "right side: first sentence up into the bead before / last one down"),
            ("{ / }", "left side: first sentence up into the bead before / last one down"),
            ("x / X", "right / left: the first sentence answers nothing (0-1 / 1-0)"),
            ("u / r", "undo / redo the last bead edit (as far back as you like)"),
            ("n / o / l", "next unconfirmed / next not 1-1 / next low-score bead"),
            ("a", "align the pair again around the confirmed beads (or for the first time)"),
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
            ("✓", "confirmed by a person"),
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
