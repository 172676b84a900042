"""Stored text as a terminal shows it: Zawgyi converted to Unicode, control characters visible.

Display is not storage: these functions never change what is stored. The CLI's text output and
the TUI both call them, so every place a title, name, snippet or version text is shown reads
the same (no terminal font renders Zawgyi, and an escape sequence in a story must never reach a
terminal as a command).
"""

from __future__ import annotations

from archive.analysis.normalize import unicode_burmese
from archive.terminaltext import visible_controls

__all__ = ["plural", "readable", "readable_line"]


def readable(text: str | None) -> str:
    """``text`` for display: Zawgyi paragraphs in Unicode Burmese, control characters visible."""
    return visible_controls(unicode_burmese(text or ""))


def readable_line(text: str | None) -> str:
    """Like `readable`, on one line (newlines and tabs become spaces), for titles and cells."""
    return " ".join(readable(text).split())


def plural(count: int, noun: str, plural_form: str | None = None) -> str:
    """``"1 article"``, ``"2 articles"``: the count with its noun in the right number."""
    word = noun if count == 1 else plural_form or noun + "s"
    return f"{count} {word}"
