"""The form that corrects an article's provenance: title, dates, service and credits."""

from __future__ import annotations

from typing import Any, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

from archive.curation import ArticleChanges, parse_edit_date
from archive.errors import ArchiveError
from tui.text import safe_line

FIELDS = (
    ("title", "Title"),
    ("date", "Published (YYYY-MM-DD or none)"),
    ("captured", "Captured (YYYY-MM-DD or none)"),
    ("service", "Service (key, name, or none)"),
    ("add-credit", "Add credits: role:Name; role:Name"),
    ("remove-credit", "Remove credits: ids, e.g. 3 7"),
    ("credit-role", "Change roles: id:role; id:role"),
)


def _pairs(text: str, *, number_first: bool) -> list[tuple[Any, str]]:
    """``a:b; c:d`` as pairs (the first part an id when ``number_first``), or ValueError."""
    out: list[tuple[Any, str]] = []
    for part in (p.strip() for p in text.split(";")):
        if not part:
            continue
        left, sep, right = part.partition(":")
        if not sep or not left.strip() or not right.strip():
            raise ValueError(f"{part!r}: expected {'id' if number_first else 'role'}:value")
        if number_first and not left.strip().isdigit():
            raise ValueError(f"{part!r}: {left.strip()!r} is not a credit id")
        out.append((int(left) if number_first else left.strip(), right.strip()))
    return out


def changes_from_form(values: dict[str, str], article: dict[str, Any]) -> ArticleChanges:
    """The changes the form asks for (fields left as shown change nothing), or ValueError /
    an `ArchiveError` naming the field that cannot be read."""
    changes = ArticleChanges()
    if values["title"] != article["title"]:
        changes.title = values["title"]
    for field in ("date", "captured"):
        shown = article[field] or ""
        if values[field].strip() != shown:
            setattr(changes, field, parse_edit_date(field, values[field]))
    service = article["service"]["name"] if article["service"] else ""
    if values["service"].strip() != service:
        wanted = values["service"].strip()
        changes.service = None if wanted.lower() in {"", "none"} else wanted
    changes.add_credits = _pairs(values["add-credit"], number_first=False)
    removed = values["remove-credit"].replace(",", " ").split()
    if any(not r.isdigit() for r in removed):
        raise ValueError(f"remove credits: {values['remove-credit']!r} is not a list of ids")
    changes.remove_credits = [int(r) for r in removed]
    changes.credit_roles = _pairs(values["credit-role"], number_first=True)
    return changes


class EditProvenanceScreen(ModalScreen[ArticleChanges | None]):
    """The article's fields as inputs, its credits with their ids; ctrl+s saves."""

    DEFAULT_CSS = """
    EditProvenanceScreen { align: center middle; }
    EditProvenanceScreen #edit-dialog {
        width: 90%; max-width: 110; height: 90%; padding: 1 2;
        border: thick $accent; background: $surface;
    }
    EditProvenanceScreen Input { margin-bottom: 0; }
    EditProvenanceScreen #edit-error { color: $error; }
    EditProvenanceScreen #edit-buttons { height: auto; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel"),
        Binding("ctrl+s", "save", "Save"),
    ]

    def __init__(self, article: dict[str, Any]) -> None:
        super().__init__()
        self.article = article

    def _initial(self, field: str) -> str:
        a = self.article
        if field == "service":
            return str(a["service"]["name"]) if a["service"] else ""
        if field in {"title", "date", "captured"}:
            return str(a[field] or "")
        return ""

    def compose(self) -> ComposeResult:
        """Inputs for each field, the credits with ids, the buttons."""
        with VerticalScroll(id="edit-dialog"):
            yield Label(
                Text.assemble(
                    (f"Correct the provenance of article #{self.article['id']}", "bold"),
                    ("   tab: next field · ctrl+s: save · escape: cancel", "dim"),
                )
            )
            for field, label in FIELDS:
                yield Label(label)
                yield Input(self._initial(field), id=f"edit-{field}")
            yield Label(Text("Credits", style="bold"))
            yield Static(self._credits(), id="edit-credits")
            yield Label("", id="edit-error")
            with Horizontal(id="edit-buttons"):
                yield Button("Save (ctrl+s)", id="edit-save", variant="primary")
                yield Button("Cancel (escape)", id="edit-cancel")

    def on_mount(self) -> None:
        """Start in the first field, so typing goes where the reader looks."""
        self.query_one("#edit-title", Input).focus()

    def _credits(self) -> Text:
        text = Text()
        for credit in self.article["credits"]:
            text.append(f"#{credit['id']:<5} ", style="dim")
            text.append(f"{credit['role']:<12} ")
            text.append_text(safe_line(credit["name"]))
            if credit.get("version_id"):
                text.append(f"  (version #{credit['version_id']})", style="dim")
            text.append("\n")
        return text or Text("No credits.", style="dim italic")

    def values(self) -> dict[str, str]:
        """What each input holds."""
        return {field: self.query_one(f"#edit-{field}", Input).value for field, _ in FIELDS}

    def action_save(self) -> None:
        """Read the form; close with the changes, or say which field is wrong."""
        try:
            changes = changes_from_form(self.values(), self.article)
        except (ValueError, ArchiveError) as exc:
            self.query_one("#edit-error", Label).update(Text(str(exc)))
            return
        self.dismiss(None if changes.empty() else changes)

    def action_cancel(self) -> None:
        """Close; nothing changes."""
        self.dismiss(None)

    @on(Button.Pressed, "#edit-save")
    def _save_pressed(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#edit-cancel")
    def _cancel_pressed(self) -> None:
        self.action_cancel()

    @on(Input.Submitted)
    def _submitted(self) -> None:
        self.action_save()
