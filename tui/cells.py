"""Cell widths as terminals count them: a spacing combining mark (Unicode category Mc) takes a cell.

Rich (and so Textual) measures Mc characters as zero cells wide. Terminals that follow the C
library's ``wcwidth`` — xterm, VTE (GNOME Terminal), tmux, the Linux console — give them one
cell. Burmese is full of them (ေ ာ း ျ ြ …), as are Khmer, Tibetan and most Indic scripts, so
with Rich's count every Burmese line runs several cells past where Textual thinks it ends, and
the columns after it (the English side of the reader, a table's next column) slide right and
off the screen. `match_terminal_widths` makes Rich count them as the terminal does, for as long
as the app runs; ``ARCHIVE_TUI_CELL_WIDTHS=rich`` keeps Rich's own count (for terminals that
shape grapheme clusters themselves).
"""

from __future__ import annotations

import os
import unicodedata
from collections.abc import Callable
from functools import cache
from typing import Any

import rich.cells

__all__ = ["ENV_VAR", "match_terminal_widths", "restore_widths"]

ENV_VAR = "ARCHIVE_TUI_CELL_WIDTHS"

_original: Callable[..., Any] | None = None


def _spacing_mark(codepoint: int) -> bool:
    return unicodedata.category(chr(codepoint)) == "Mc"


def _with_spacing_marks(table: Any) -> Any:
    """A Rich cell table in which every Mc character is one cell wide."""
    widths: list[tuple[int, int, int]] = []
    for start, end, width in table.widths:
        if width != 0:
            widths.append((start, end, width))
            continue
        run_start, run_width = start, 1 if _spacing_mark(start) else 0
        for codepoint in range(start + 1, end + 1):
            cell = 1 if _spacing_mark(codepoint) else 0
            if cell != run_width:
                widths.append((run_start, codepoint - 1, run_width))
                run_start, run_width = codepoint, cell
        widths.append((run_start, end, run_width))
    return table._replace(widths=widths)


def _clear_caches() -> None:
    rich.cells.get_character_cell_size.cache_clear()
    rich.cells.cached_cell_len.cache_clear()


def match_terminal_widths() -> bool:
    """Count Mc characters as one cell (unless ``ARCHIVE_TUI_CELL_WIDTHS=rich``); True if on."""
    global _original
    if os.environ.get(ENV_VAR, "").strip().lower() == "rich":
        return False
    if _original is not None:
        return True
    original: Callable[..., Any] = getattr(rich.cells, "load_cell_table")  # noqa: B009

    @cache
    def load(unicode_version: str = "auto") -> Any:
        return _with_spacing_marks(original(unicode_version))

    _original = original
    setattr(rich.cells, "load_cell_table", load)  # noqa: B010
    _clear_caches()
    return True


def restore_widths() -> None:
    """Back to Rich's own count."""
    global _original
    if _original is None:
        return
    setattr(rich.cells, "load_cell_table", _original)  # noqa: B010
    _original = None
    _clear_caches()
