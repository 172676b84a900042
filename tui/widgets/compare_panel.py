"""The "what changed" summary of an alignment, in a collapsible panel."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rich.text import Text
from textual.widgets import Collapsible, Static

from archive.alignments import AlignmentView
from tui.text import safe_line

MAX_LISTED = 8
SNIPPET = 70


def summary_title(report: dict[str, Any] | None) -> str:
    """One line for the panel's title (plain words and numbers, no article text)."""
    if report is None:
        return "What changed — no alignment"
    parts = [f"carried {float(report['carried']):.0%}"]
    parts.append(f"{len(report['dropped'])} dropped")
    parts.append(f"{len(report['added'])} added")
    if report.get("number_mismatches"):
        parts.append(f"{len(report['number_mismatches'])} number mismatch(es)")
    if report.get("low_score"):
        parts.append(f"{report['low_score']} low-score")
    if report.get("checked"):
        parts.append(f"{report['checked']} confirmed")
    return "What changed — " + " · ".join(parts)


def _snippet(text: str) -> Text:
    line = safe_line(text)
    line.truncate(SNIPPET, overflow="ellipsis")
    return line


def report_text(report: dict[str, Any], view: AlignmentView) -> Text:
    """The report in words, quoting the sentences dropped and added (literal text)."""
    src = {s.seq: s for bead in view.beads for s in bead.src}
    tgt = {s.seq: s for bead in view.beads for s in bead.tgt}
    out = Text()
    out.append(f"{float(report['carried']):.0%}", style="bold")
    out.append(" of the left version's sentences have a counterpart on the right.\n")

    def listing(title: str, seqs: Sequence[int], side: dict[int, Any], style: str) -> None:
        if not seqs:
            return
        out.append(f"\n{title} ({len(seqs)}):\n", style=style)
        for seq in list(seqs)[:MAX_LISTED]:
            segment = side.get(seq)
            out.append(f"  ¶{segment.paragraph + 1 if segment else '?'} ", style="dim")
            out.append_text(_snippet(segment.text if segment else ""))
            out.append("\n")
        if len(seqs) > MAX_LISTED:
            out.append(f"  … and {len(seqs) - MAX_LISTED} more\n", style="dim")

    listing("Dropped — in the left version only", report["dropped"], src, "bold red")
    listing("Added — in the right version only", report["added"], tgt, "bold green")
    mismatches = report.get("number_mismatches") or []
    if mismatches:
        out.append(f"\nNumbers differ ({len(mismatches)}):\n", style="bold yellow")
        for item in mismatches[:MAX_LISTED]:
            out.append("  left ")
            out.append_text(safe_line(", ".join(item["src_only"]) or "—", style="bold"))
            out.append("  right ")
            out.append_text(safe_line(", ".join(item["tgt_only"]) or "—", style="bold"))
            first = item["src"][0] if item["src"] else None
            if first is not None and first in src:
                out.append("  in ", style="dim")
                out.append_text(_snippet(src[first].text))
            out.append("\n")
    merged = report.get("merged") or []
    if merged:
        out.append(f"\n{len(merged)} bead(s) join several sentences on one side.\n", style="dim")
    if report.get("low_score"):
        out.append(
            f"{report['low_score']} bead(s) score below 0.5 (marked ! in the gutter).\n",
            style="dim",
        )
    out.rstrip()
    return out


class ComparePanel(Collapsible):
    """What the right version carries, drops, adds and changes compared with the left."""

    DEFAULT_CSS = """
    ComparePanel { height: auto; max-height: 50%; }
    ComparePanel > Contents { height: auto; max-height: 20; overflow-y: auto; }
    ComparePanel #compare-body { height: auto; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(
            Static(id="compare-body"), title=summary_title(None), collapsed=True, id=id
        )

    def computing(self) -> None:
        """Say the report is on its way."""
        self.title = "What changed — comparing…"
        self.query_one("#compare-body", Static).update(Text("Comparing…", style="dim italic"))

    def show_report(self, report: dict[str, Any] | None, view: AlignmentView | None) -> None:
        """Show the report of ``view`` (None: hide the details)."""
        self.title = summary_title(report)
        static = self.query_one("#compare-body", Static)
        if report is None or view is None:
            static.update(Text("Nothing to compare.", style="dim italic"))
        else:
            static.update(report_text(report, view))
