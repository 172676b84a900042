"""Choosing which two versions of an article to read side by side."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from tui.text import safe_line


def version_option_text(version: dict[str, Any]) -> Text:
    """``#12 published · en · Latn`` (Zawgyi and the MT engine noted), literal."""
    text = Text()
    text.append(f"#{version['id']} ", style="dim")
    text.append(str(version["kind"]), style="bold")
    text.append_text(safe_line(f" · {version['language']}"))
    if version.get("script"):
        text.append_text(safe_line(f" · {version['script']}", style="dim"))
    if version.get("encoding") == "zawgyi":
        text.append(" · Zawgyi", style="bold yellow")
    if version.get("engine"):
        text.append_text(safe_line(f" · {version['engine']}", style="italic"))
    return text


class VersionPairScreen(ModalScreen[tuple[int, int] | None]):
    """Two lists of versions: the left side and the right side; enter reads them."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel"),
        Binding("q", "cancel", "Cancel", show=False),
        Binding("left", "side('left')", "Left list", show=False),
        Binding("right", "side('right')", "Right list", show=False),
    ]

    def __init__(self, versions: Sequence[dict[str, Any]], pair: tuple[int, int] | None) -> None:
        super().__init__()
        self.versions = list(versions)
        ids = [int(v["id"]) for v in self.versions]
        self.left = pair[0] if pair else ids[0]
        self.right = pair[1] if pair else ids[min(1, len(ids) - 1)]

    def compose(self) -> ComposeResult:
        """A heading and the two lists."""
        with Vertical(id="pair-dialog"):
            yield Label("Read which two versions side by side?", id="pair-heading")
            with Horizontal(id="pair-lists"):
                with Vertical():
                    yield Label(
                        self._side_label("left", False), id="left-label", classes="pair-side"
                    )
                    yield OptionList(*self._options(), id="left-versions")
                with Vertical():
                    yield Label(
                        self._side_label("right", False), id="right-label", classes="pair-side"
                    )
                    yield OptionList(*self._options(), id="right-versions")
            yield Label(
                "↑↓ choose · ←→ or tab: other side · enter: read · escape: cancel",
                id="pair-hint",
            )

    @staticmethod
    def _side_label(side: str, focused: bool) -> Text:
        """``▶ Left — choosing`` on the focused side: focus shown by shape and words, not
        only by colour."""
        name = side.capitalize()
        if focused:
            return Text(f"▶ {name} — choosing", style="bold reverse")
        return Text(f"  {name}", style="bold")

    def _options(self) -> list[Option]:
        return [Option(version_option_text(v), id=str(v["id"])) for v in self.versions]

    def on_mount(self) -> None:
        """Highlight the pair on screen now."""
        ids = [int(v["id"]) for v in self.versions]
        left = self.query_one("#left-versions", OptionList)
        right = self.query_one("#right-versions", OptionList)
        left.highlighted = ids.index(self.left) if self.left in ids else 0
        right.highlighted = ids.index(self.right) if self.right in ids else 0
        left.focus()  # the first choice is the left side; tab or → moves to the right

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        """Say which side is being chosen, in words and by the list's border."""
        for side in ("left", "right"):
            focused = event.widget.id == f"{side}-versions"
            self.query_one(f"#{side}-label", Label).update(self._side_label(side, focused))
            self.query_one(f"#{side}-versions", OptionList).set_class(focused, "choosing")

    def _remember(self, option_list: OptionList, option: Option) -> None:
        if option.id is None:
            return
        if option_list.id == "left-versions":
            self.left = int(option.id)
        else:
            self.right = int(option.id)

    @on(OptionList.OptionHighlighted)
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self._remember(event.option_list, event.option)

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        self._remember(event.option_list, event.option)
        if self.left == self.right:
            self.notify("Choose two different versions.", severity="warning")
            return
        self.dismiss((self.left, self.right))

    def action_side(self, side: str) -> None:
        """Move to the left or right list."""
        self.query_one(f"#{side}-versions", OptionList).focus()

    def action_cancel(self) -> None:
        """Keep the pair on screen."""
        self.dismiss(None)
