"""The provenance of an article: service → reporter → translator → writer → editors, its
versions as a tree by ``derived_from``, and the web captures they were read from."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Static, Tree

from tui.text import safe_line

ROLE_ORDER = ("reporter", "translator", "writer", "editor", "contributor")
ROLE_LABELS = {
    "reporter": "Reporter",
    "translator": "Translator",
    "writer": "Writer",
    "editor": "Editors",
    "contributor": "Contributors",
}


def chain_text(article: dict[str, Any]) -> Text:
    """The credit chain of an article (``show --json`` shape) as literal text, one role a line."""
    out = Text()
    service = article.get("service")
    if service:
        out.append("Service     ", style="bold")
        out.append_text(safe_line(service.get("name")))
        details = [d for d in (service.get("organization"), service.get("language")) if d]
        if details:
            out.append_text(safe_line(" · " + " · ".join(details), style="dim"))
        out.append("\n")
    credits = [c for c in article.get("credits", []) if c.get("version_id") is None]
    by_role: dict[str, list[str]] = {}
    for credit in credits:
        names = by_role.setdefault(credit["role"], [])
        if credit["name"] not in names:
            names.append(credit["name"])
    steps = [role for role in ROLE_ORDER if role in by_role]
    steps += sorted(role for role in by_role if role not in ROLE_ORDER)
    for role in steps:
        if out:
            out.append(" ↓\n", style="dim")
        out.append(f"{ROLE_LABELS.get(role, role.title()):<11} ", style="bold")
        out.append_text(safe_line(", ".join(by_role[role])))
        out.append("\n")
    if not out:
        out.append("No credits recorded.", style="dim italic")
    else:
        out.rstrip()
    out.append_text(page_notes(article))
    return out


def page_notes(article: dict[str, Any]) -> Text:
    """What the saved page says about itself: when it was captured, whether it had a headline."""
    out = Text()
    if article.get("captured"):
        out.append("\nCaptured    ", style="bold")
        out.append_text(safe_line(f"{article['captured']} (the page was saved; not published)"))
    if article.get("title_derived"):
        out.append("\nTitle       ", style="bold")
        out.append("made from the lead: the page shows no headline", style="italic")
    return out


def version_label(version: dict[str, Any], sides: dict[int, str]) -> Text:
    """A version's tree label: id, kind, language, script, encoding (Zawgyi flagged), engine."""
    label = Text()
    side = sides.get(int(version["id"]))
    if side:
        label.append(f"{side} ", style="bold reverse")
    label.append(f"#{version['id']} ", style="dim")
    label.append(str(version["kind"]), style="bold")
    label.append_text(safe_line(f" · {version['language']}"))
    if version.get("script"):
        label.append_text(safe_line(f" · {version['script']}", style="dim"))
    encoding = version.get("encoding")
    if encoding == "zawgyi":
        label.append(" · Zawgyi", style="bold yellow")
    elif encoding and encoding != "unicode":
        label.append_text(safe_line(f" · {encoding}"))
    if version.get("engine"):
        label.append_text(safe_line(f" · {version['engine']}", style="italic"))
    return label


def captures_text(article: dict[str, Any]) -> Text:
    """The web-archive captures of each version, one a line: when, what, by which crawler, and
    where in which WARC (empty when no version came from a web archive)."""
    out = Text()
    for version in article.get("versions", []):
        captures = version.get("captures") or (
            [version["capture"]] if version.get("capture") else []
        )
        for capture in captures:
            if out:
                out.append("\n")
            out.append(f"#{version['id']} ", style="dim")
            out.append_text(safe_line((capture.get("time") or "time unknown").replace("T", " ")))
            out.append_text(safe_line(f"  {capture.get('uri') or ''}"))
            if capture.get("software"):
                out.append_text(safe_line(f"  by {capture['software']}", style="dim"))
            where = f"{capture.get('file')} @{capture.get('offset')}"
            out.append("\n   ")
            out.append_text(safe_line(f"{where} · {capture.get('digest')}", style="dim"))
    return out


class ProvenancePanel(Vertical):
    """Who made an article and which versions it has."""

    DEFAULT_CSS = """
    ProvenancePanel { height: auto; }
    ProvenancePanel > #chain { padding: 0 1; height: auto; }
    ProvenancePanel > #versions-heading { padding: 1 1 0 1; text-style: bold; height: auto; }
    ProvenancePanel > #captures-heading { padding: 1 1 0 1; text-style: bold; height: auto; }
    ProvenancePanel > #captures { padding: 0 1; height: auto; }
    ProvenancePanel > Tree {
        height: auto;
        max-height: 16;
        background: $surface;
        overflow-x: hidden;
    }
    """

    class VersionChosen(Message):
        """A version was chosen in the tree (to read it on the right)."""

        def __init__(self, panel: ProvenancePanel, version_id: int) -> None:
            self.panel = panel
            self.version_id = version_id
            super().__init__()

        @property
        def control(self) -> ProvenancePanel:
            """The panel the version was chosen in."""
            return self.panel

    def compose(self) -> ComposeResult:
        """The credit chain, then the version tree."""
        yield Static(id="chain")
        yield Static("Versions", id="versions-heading")
        tree: Tree[int] = Tree("versions", id="version-tree")
        tree.show_root = False
        tree.guide_depth = 2
        yield tree
        yield Static("Captured", id="captures-heading")
        yield Static(id="captures")

    def show(self, article: dict[str, Any], sides: dict[int, str]) -> None:
        """Show an article (``show --json`` shape); ``sides`` marks the versions on screen."""
        self.query_one("#chain", Static).update(chain_text(article))
        captures = captures_text(article)
        self.query_one("#captures", Static).update(captures)
        self.query_one("#captures-heading").display = bool(captures)
        self.query_one("#captures").display = bool(captures)
        tree: Tree[int] = self.query_one("#version-tree", Tree)
        tree.clear()
        versions: Sequence[dict[str, Any]] = article.get("versions", [])
        ids = {int(v["id"]) for v in versions}
        children: dict[int | None, list[dict[str, Any]]] = {}
        for version in versions:
            parent = version.get("derived_from")
            children.setdefault(parent if parent in ids else None, []).append(version)

        def add(node: Any, parent: int | None, depth: int) -> None:
            for version in children.get(parent, []):
                label = version_label(version, sides)
                version_id = int(version["id"])
                if children.get(version_id) and depth < 16:
                    child = node.add(label, data=version_id, expand=True)
                    add(child, version_id, depth + 1)
                else:
                    node.add_leaf(label, data=version_id)

        add(tree.root, None, 0)
        tree.root.expand()

    @on(Tree.NodeSelected, "#version-tree")
    def _chosen(self, event: Tree.NodeSelected[int]) -> None:
        event.stop()
        if event.node.data is not None:
            self.post_message(self.VersionChosen(self, event.node.data))
