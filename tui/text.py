"""Turning archive data into display text: never markup, control characters made visible,
Zawgyi-encoded Burmese shown as Unicode (no terminal font renders Zawgyi; the stored text is
never changed)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from rich.style import Style
from rich.text import Text

from archive.display import readable
from archive.terminaltext import visible_controls

__all__ = ["highlighted", "join_names", "safe", "safe_line"]

_WHITESPACE = re.compile(r"[ \t\n\r\f\v]+")


def safe(value: object, style: str | Style = "") -> Text:
    """``value`` as literal text (never parsed as markup), with control characters visible and
    Zawgyi converted to Unicode (`archive.display.readable`)."""
    return Text(readable("" if value is None else str(value)), style=style)


def safe_line(value: object, style: str | Style = "") -> Text:
    """Like `safe`, on one line: newlines and tabs become spaces (table cells, titles)."""
    flat = _WHITESPACE.sub(" ", "" if value is None else str(value))
    return safe(flat, style)


def join_names(names: Iterable[str], sep: str = ", ") -> Text:
    """Names of people or services, each literal."""
    return safe_line(sep.join(names))


def highlighted(
    text: str,
    spans: Sequence[tuple[int, int]],
    style: str | Style = "reverse",
    marks: tuple[str, str] = ("«", "»"),
) -> Text:
    """``text`` (literal) with the ``(start, end)`` spans styled, control characters made visible.

    Marks around a span (the search snippets' « and ») are dropped: the style shows the match.
    Each piece is made safe on its own, so offsets into the original text stay right even where
    a control character's placeholder is longer than the character.
    """
    out = Text()
    cursor = 0
    for start, end in sorted(spans):
        if start < cursor or end <= start or end > len(text):
            continue
        marked = start > 0 and text[start - 1] == marks[0] and text[end : end + 1] == marks[1]
        out.append(visible_controls(text[cursor : start - 1 if marked else start]))
        out.append(visible_controls(text[start:end]), style=style)
        cursor = end + 1 if marked else end
    out.append(visible_controls(text[cursor:]))
    return out
