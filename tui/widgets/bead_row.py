"""The side-by-side reader: aligned beads as rows, one scroll for both versions.

A Line-API widget: only the rows on screen are turned into strips, so a 200-paragraph article
opens as fast as a short one. Both sides of a bead get the same height; the bead under the
cursor is highlighted on both sides; added, dropped, low-score and checked beads carry a
gutter glyph and a colour.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.segment import Segment
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from archive.alignments import BeadView as Bead
from tui.widgets.reader_layout import (
    GLYPHS,
    GUTTER,
    SEPARATOR,
    Line,
    ReaderLayout,
    bead_mark,
    lay_out,
)


class BeadRow(ScrollView, can_focus=True):
    """Two versions of an article read side by side, bead by bead."""

    DEFAULT_CSS = """
    BeadRow {
        scrollbar-gutter: stable;
        overflow-x: hidden;
        background: $surface;
    }
    BeadRow > .bead-row--header {
        text-style: bold;
        background: $panel;
        color: $text;
    }
    BeadRow > .bead-row--cursor {
        background: $accent 30%;
    }
    BeadRow:focus > .bead-row--cursor {
        background: $accent 45%;
    }
    BeadRow > .bead-row--added {
        color: $success;
        text-style: bold;
        background: $success 20%;
    }
    BeadRow > .bead-row--dropped {
        color: $error;
        text-style: bold;
        background: $error 20%;
    }
    BeadRow > .bead-row--low {
        color: $warning;
        text-style: bold;
        background: $warning 20%;
    }
    BeadRow > .bead-row--checked {
        color: $success;
    }
    BeadRow > .bead-row--separator {
        color: $text-muted;
    }
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "bead-row--header",
        "bead-row--cursor",
        "bead-row--added",
        "bead-row--dropped",
        "bead-row--low",
        "bead-row--checked",
        "bead-row--separator",
    }

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up,k", "cursor_up", "Previous bead", show=False),
        Binding("down,j", "cursor_down", "Next bead", show=False),
        Binding("pageup", "page_up_beads", "Page up", show=False),
        Binding("pagedown,space", "page_down_beads", "Page down", show=False),
        Binding("home", "first_bead", "First", show=False),
        Binding("end", "last_bead", "Last", show=False),
    ]

    cursor: reactive[int] = reactive(0, always_update=False, repaint=False, init=False)

    class CursorMoved(Message):
        """The cursor moved to another bead."""

        def __init__(self, bead_row: BeadRow, index: int) -> None:
            self.bead_row = bead_row
            self.index = index
            super().__init__()

        @property
        def control(self) -> BeadRow:
            """The reader the cursor moved in."""
            return self.bead_row

    def __init__(
        self, *, name: str | None = None, id: str | None = None, classes: str | None = None
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self._beads: list[Bead] = []
        self._left = Text()
        self._right = Text()
        self._layout: ReaderLayout | None = None
        self._strips: LRUCache[tuple[int, bool], Strip] = LRUCache(1024)

    # ------------------------------------------------------------------ data

    @property
    def beads(self) -> Sequence[Bead]:
        """The beads shown, in order."""
        return self._beads

    @property
    def current(self) -> Bead | None:
        """The bead under the cursor."""
        return self._beads[self.cursor] if 0 <= self.cursor < len(self._beads) else None

    @property
    def layout_rows(self) -> ReaderLayout | None:
        """The current layout (for tests and measurements)."""
        return self._ensure_layout()

    def show(self, beads: Sequence[Bead], left: Text, right: Text, *, cursor: int = 0) -> None:
        """Show ``beads`` under the column headings ``left`` and ``right``."""
        self._beads = list(beads)
        self._left, self._right = left, right
        self._layout = None
        self._strips.clear()
        self.set_reactive(BeadRow.cursor, max(0, min(cursor, len(self._beads) - 1)))
        self._ensure_layout()
        self.refresh()
        self.call_after_refresh(self.scroll_to_bead, self.cursor, center=cursor > 0)

    # ------------------------------------------------------------------ layout

    def _content_width(self) -> int:
        return self.scrollable_content_region.width

    def _ensure_layout(self) -> ReaderLayout | None:
        width = self._content_width()
        if width <= 0:
            return None
        if self._layout is None or self._layout.width != width:
            self._layout = lay_out(self._beads, width)
            self._strips.clear()
            self.virtual_size = Size(width, len(self._layout.rows) + 1)
        return self._layout

    def on_resize(self, _event: events.Resize) -> None:
        """Re-wrap for the new width."""
        if self._ensure_layout() is not None:
            self.refresh()

    # ------------------------------------------------------------------ rendering

    def render_line(self, y: int) -> Strip:
        """The header on the first line; below it, the rows under the scroll offset."""
        width = self.scrollable_content_region.width
        layout = self._ensure_layout()
        base = self.rich_style
        if layout is None:
            return Strip.blank(width, base)
        if y == 0:
            return self._header_strip(layout)
        index = self.scroll_offset.y + y - 1
        if index >= len(layout.rows):
            return Strip.blank(width, base)
        row = layout.rows[index]
        is_cursor = row.bead >= 0 and row.bead == self.cursor
        key = (index, is_cursor)
        strip = self._strips.get(key)
        if strip is None:
            strip = self._row_strip(layout, index, is_cursor)
            self._strips[key] = strip
        return strip

    def _column(self, line: Line | Text | None, width: int) -> Strip:
        # Padding carries no style of its own, so a highlight applied later shows through it.
        if line is None:
            return Strip.blank(width)
        text = line.to_text() if isinstance(line, Line) else line
        return Strip(list(text.render(self.app.console, end=""))).crop_extend(0, width, None)

    def _header_strip(self, layout: ReaderLayout) -> Strip:
        style = self.get_component_rich_style("bead-row--header")
        left = self._left.copy()
        left.truncate(layout.src_width, overflow="ellipsis")
        right = self._right.copy()
        right.truncate(layout.tgt_width, overflow="ellipsis")
        strip = Strip.join(
            [
                Strip([Segment(" " * GUTTER)]),
                self._column(left, layout.src_width),
                Strip([Segment(SEPARATOR)]),
                self._column(right, layout.tgt_width),
            ]
        )
        return strip.apply_style(style).crop_extend(0, layout.width, style)

    def _row_strip(self, layout: ReaderLayout, index: int, is_cursor: bool) -> Strip:
        row = layout.rows[index]
        base = self.rich_style
        separator = self.get_component_rich_style("bead-row--separator")
        mark = bead_mark(self._beads[row.bead]) if row.bead >= 0 else ""
        gutter_style = self.get_component_rich_style(f"bead-row--{mark}") if mark else base
        glyph = GLYPHS[mark] if row.first else (" " if mark in ("", "checked") else "┊")
        strip = Strip.join(
            [
                Strip([Segment(glyph, gutter_style), Segment(" ")]),
                self._column(row.src, layout.src_width),
                Strip([Segment(SEPARATOR if row.bead >= 0 else " " * len(SEPARATOR), separator)]),
                self._column(row.tgt, layout.tgt_width),
            ]
        )
        if is_cursor:
            strip = strip.apply_style(self.get_component_rich_style("bead-row--cursor"))
        return strip.apply_style(base).crop_extend(0, layout.width, base)

    # ------------------------------------------------------------------ cursor

    def watch_cursor(self, old: int, new: int) -> None:
        """Repaint the two beads and keep the new one in view."""
        self._strips.clear()
        self.scroll_to_bead(new)
        self.refresh()
        self.post_message(self.CursorMoved(self, new))

    def validate_cursor(self, value: int) -> int:
        """Keep the cursor on a bead."""
        return max(0, min(value, len(self._beads) - 1))

    def scroll_to_bead(self, index: int, *, center: bool = False) -> None:
        """Scroll so bead ``index`` is in view (in the middle with ``center``)."""
        layout = self._ensure_layout()
        if layout is None or not layout.starts or index >= len(layout.starts):
            return
        visible = max(self.scrollable_content_region.height - 1, 1)
        start = layout.starts[index]
        end = start + layout.heights[index]
        top = self.scroll_offset.y
        if center:
            target = max(start - (visible - (end - start)) // 2, 0)
        elif start < top:
            target = start
        elif end > top + visible:
            target = min(start, end - visible)
        else:
            return
        self.scroll_to(y=target, animate=False, force=True)

    def _bead_rows_in_view(self) -> tuple[int, int]:
        top = self.scroll_offset.y
        return top, top + max(self.scrollable_content_region.height - 1, 1)

    def action_cursor_up(self) -> None:
        """The bead before."""
        self.cursor -= 1

    def action_cursor_down(self) -> None:
        """The bead after."""
        self.cursor += 1

    def action_first_bead(self) -> None:
        """The first bead."""
        self.cursor = 0

    def action_last_bead(self) -> None:
        """The last bead."""
        self.cursor = len(self._beads) - 1

    def _move_page(self, direction: int) -> None:
        layout = self._ensure_layout()
        if layout is None or not layout.starts:
            return
        top, bottom = self._bead_rows_in_view()
        page = bottom - top
        target_row = min(top + page, len(layout.rows) - 1) if direction > 0 else max(top - page, 0)
        self.scroll_to(y=target_row, animate=False, force=True)
        bead = layout.bead_at(target_row)
        if bead is not None:
            self.cursor = bead

    def action_page_down_beads(self) -> None:
        """A screenful down."""
        self._move_page(1)

    def action_page_up_beads(self) -> None:
        """A screenful up."""
        self._move_page(-1)

    def on_click(self, event: events.Click) -> None:
        """Put the cursor on the bead clicked."""
        layout = self._ensure_layout()
        if layout is None or event.y < 1:
            return
        bead = layout.bead_at(self.scroll_offset.y + event.y - 1)
        if bead is not None:
            self.cursor = bead
