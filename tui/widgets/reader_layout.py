"""Laying out aligned beads as rows of two columns: both sides of a bead get the same height.

Pure presentation: beads in (`archive.alignments.BeadView`), wrapped lines out. Nothing here
touches the database or the terminal; `tui.widgets.bead_row` turns rows into strips lazily.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any, Literal

from rich.cells import cell_len
from rich.text import Text

from archive.alignments import BeadView, SegmentText
from archive.terminaltext import visible_controls

Mark = Literal["added", "dropped", "low", "checked", ""]

LOW_SCORE = 0.5
GUTTER = 2  # a glyph and a space
SEPARATOR = " │ "
PARAGRAPH = "¶ "
GLYPHS: dict[str, str] = {"added": "+", "dropped": "−", "low": "!", "checked": "✓", "": " "}
ABSENT = {"added": "· not in the original ·", "dropped": "· not in this version ·"}


def bead_mark(bead: BeadView) -> Mark:
    """What the eye should find in a bead: added (0-n), dropped (n-0), a low score, checked."""
    if bead.tgt and not bead.src:
        return "added"
    if bead.src and not bead.tgt:
        return "dropped"
    if bead.checked:
        return "checked"
    if bead.score < LOW_SCORE:
        return "low"
    return ""


@dataclass(frozen=True, slots=True)
class Line:
    """One wrapped line of one side, kept as a plain string until it is drawn."""

    text: str
    marker: int = 0  # leading characters drawn dim (the ¶ of a new paragraph)
    style: str = ""  # a style for the whole line (the placeholder of an empty side)

    def to_text(self) -> Text:
        """The line as literal Rich text (never markup)."""
        text = Text(self.text, style=self.style)
        if self.marker:
            text.stylize("dim", 0, self.marker)
        return text


@dataclass(frozen=True, slots=True)
class Row:
    """One screen line of the reader: a line of each side, and the bead it belongs to."""

    bead: int  # index into the beads; -1 for a paragraph break line
    src: Line | None
    tgt: Line | None
    first: bool = False  # the bead's first line (the gutter glyph goes here)


@dataclass(slots=True)
class ReaderLayout:
    """Rows for a given width, with each bead's first row and row count."""

    width: int
    src_width: int
    tgt_width: int
    rows: list[Row] = field(default_factory=list)
    starts: list[int] = field(default_factory=list)
    heights: list[int] = field(default_factory=list)

    def bead_at(self, row: int) -> int | None:
        """The bead shown on row ``row`` (a paragraph break belongs to the bead after it)."""
        if not self.starts or row < 0 or row >= len(self.rows):
            return None
        index = bisect_right(self.starts, row) - 1
        return max(index, 0) if self.rows[row].bead >= 0 else min(index + 1, len(self.starts) - 1)


def column_widths(width: int) -> tuple[int, int]:
    """The two text columns' widths in a reader ``width`` cells wide."""
    usable = max(width - GUTTER - len(SEPARATOR), 2)
    left = usable // 2
    return left, usable - left


_WORDS = re.compile(r"\S+\s*|\s+")
# A line must not start with a combining mark, nor right after a virama-like joiner (Burmese
# ္, Khmer ្, Tibetan ྄) or a zero-width joiner.
_JOINERS = frozenset("\u1039\u17d2\u0f84\u200d")


@cache
def _line_breaker() -> Any:
    """ICU's line breaker (word boundaries in Burmese, Khmer, Lao, Thai, Tibetan, CJK), or None."""
    try:
        import icu
    except ImportError:
        return None
    return icu.BreakIterator.createLineInstance(icu.Locale.getRoot())


_WARM_UP = "မြန်မာ ភាសាខ្មែរ ພາສາລາວ ภาษาไทย བོད་ཡིག 中文 한국어"


def warm_up() -> None:
    """Load ICU's break rules and dictionaries now (a worker calls this at start-up), so the
    first article opened does not wait for them. Uses its own iterator: safe in a thread."""
    try:
        import icu
    except ImportError:
        return
    breaker = icu.BreakIterator.createLineInstance(icu.Locale.getRoot())
    breaker.setText(_WARM_UP)
    list(breaker)


def break_pieces(text: str) -> list[str]:
    """``text`` cut where a line may break, each piece keeping its trailing spaces.

    ICU's line-break rules find the word boundaries of scripts written without spaces; without
    PyICU, pieces are space-separated words.
    """
    breaker = _line_breaker()
    if breaker is None or not text:
        return _WORDS.findall(text) or [text]
    breaker.setText(text)
    points = list(breaker)
    if any(ord(char) > 0xFFFF for char in text):  # ICU counts UTF-16 code units
        units: dict[int, int] = {}
        unit = 0
        for index, char in enumerate(text):
            units[unit] = index
            unit += 2 if ord(char) > 0xFFFF else 1
        units[unit] = len(text)
        points = [units[p] for p in points if p in units]
    pieces, start = [], 0
    for point in points:
        if point > start:
            pieces.append(text[start:point])
            start = point
    if start < len(text):
        pieces.append(text[start:])
    return pieces


def _can_start_line(text: str, index: int) -> bool:
    return not unicodedata.category(text[index]).startswith("M") and (
        index == 0 or text[index - 1] not in _JOINERS
    )


def chop_clusters(text: str, width: int) -> list[str]:
    """Cut ``text`` (wider than ``width`` cells) into lines, never before a combining mark."""
    lines: list[str] = []
    start, used = 0, 0
    last_safe = 0
    for index, char in enumerate(text):
        size = cell_len(char)
        if index > start and _can_start_line(text, index):
            last_safe = index
        if used + size > width and index > start:
            cut = last_safe if last_safe > start else index
            lines.append(text[start:cut])
            start = cut
            used = cell_len(text[start:index])
            last_safe = start
        used += size
    lines.append(text[start:])
    return lines


def wrap_plain(text: str, width: int) -> list[str]:
    """Wrap one line of plain text to ``width`` cells at the places a line may break.

    Measured with `rich.cells.cell_len`, like everything Textual draws: wide (CJK) characters
    take two cells, combining marks none. Much faster than `rich.text.Text.wrap` on long
    articles (every bead is wrapped when an article opens), and it breaks Burmese, Khmer, Lao
    and Tibetan between words rather than inside a syllable.
    """
    lines: list[str] = []
    line, used = "", 0
    for piece in break_pieces(text):
        bare = piece.rstrip()
        size = cell_len(bare)
        if used + size <= width:
            line += piece
            used += cell_len(piece)
            continue
        if line.strip():
            lines.append(line.rstrip())
        line, used = "", 0
        if size > width:
            chunks = chop_clusters(bare, width)
            lines.extend(chunks[:-1])
            piece = chunks[-1] + piece[len(bare) :]
        line, used = piece, cell_len(piece)
    lines.append(line.rstrip())
    return lines


def side_lines(
    segments: Sequence[SegmentText], previous_paragraph: int | None, width: int
) -> list[Line]:
    """One side of a bead wrapped to ``width``: literal text, paragraph starts marked with ¶."""
    logical: list[tuple[str, int]] = []
    paragraph = previous_paragraph
    current = ""
    marker = 0
    for index, segment in enumerate(segments):
        new_paragraph = paragraph is not None and segment.paragraph != paragraph
        if new_paragraph:
            if index:
                logical.append((current, marker))
            current, marker = PARAGRAPH, len(PARAGRAPH)
        elif index:
            current += " "
        # A line break inside a sentence is layout, not content: read it as a space.
        shown = segment.derived or segment.text  # Zawgyi is shown converted to Unicode
        current += visible_controls(" ".join(shown.split("\n")).strip())
        paragraph = segment.paragraph
    logical.append((current, marker))
    out: list[Line] = []
    for text, mark in logical:
        for number, piece in enumerate(wrap_plain(text, width)):
            out.append(Line(piece, marker=mark if number == 0 else 0))
    return out


def lay_out(beads: Sequence[BeadView], width: int) -> ReaderLayout:
    """Wrap every bead into rows for a reader ``width`` cells wide (both sides padded equal).

    A blank row goes before a bead that starts a new paragraph on either side.
    """
    src_width, tgt_width = column_widths(width)
    layout = ReaderLayout(width=width, src_width=src_width, tgt_width=tgt_width)
    src_paragraph: int | None = None
    tgt_paragraph: int | None = None
    for index, bead in enumerate(beads):
        starts_paragraph = (
            bead.src and src_paragraph is not None and bead.src[0].paragraph != src_paragraph
        ) or (bead.tgt and tgt_paragraph is not None and bead.tgt[0].paragraph != tgt_paragraph)
        if starts_paragraph:
            layout.rows.append(Row(bead=-1, src=None, tgt=None))
        mark = bead_mark(bead)
        absent = [Line(ABSENT.get(mark, ""), style="dim italic")]
        src_lines = side_lines(bead.src, src_paragraph, src_width) if bead.src else absent
        tgt_lines = side_lines(bead.tgt, tgt_paragraph, tgt_width) if bead.tgt else absent
        height = max(len(src_lines), len(tgt_lines))
        layout.starts.append(len(layout.rows))
        layout.heights.append(height)
        for line in range(height):
            layout.rows.append(
                Row(
                    bead=index,
                    src=src_lines[line] if line < len(src_lines) else None,
                    tgt=tgt_lines[line] if line < len(tgt_lines) else None,
                    first=line == 0,
                )
            )
        if bead.src:
            src_paragraph = bead.src[-1].paragraph
        if bead.tgt:
            tgt_paragraph = bead.tgt[-1].paragraph
    return layout
