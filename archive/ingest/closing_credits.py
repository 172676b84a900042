"""A labelled credit line standing in the story above lines the page reader keeps.

A wire story's closing credits, "(Reporting by NAME; Editing by NAME)", a translator's line,
"Translated from French by NAME", or "OUTLET's NAME and NAME contributed to this report" are
read at the story's end only when nothing but page furniture follows them. On an aggregator
the story is followed by lines of its own ("Sign up to read this article", the next stories,
"Loading weather data ...") that the furniture test does not know, and the credit is lost.
A line that *opens with a role phrase* (reported, reporting, written, edited, translated …
by) or closes with "contributed to this report", and reads wholly as credits naming a
person, is a credit line wherever it stands in the story — opening it, or over lines most of
which end no sentence (amid the story's paragraphs it stays a paragraph):
:func:`find_labelled_line` finds the first.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from archive.ingest.bylines import SENTENCE_ENDS, CreditLines, read_credit_line
from archive.ingest.dash_credits import ROLE_OPENING

__all__ = ["find_labelled_line"]

# "CNN's A, B and C contributed to this report.": the closing phrase says as much.
_CONTRIBUTED = re.compile(
    r"\bcontributed\s+(?:reporting\s+)?to\s+this\s+(?:report|story|article)\W*$", re.IGNORECASE
)
_PHOTO = re.compile(r"^photo", re.IGNORECASE)
_BRACKETS = re.compile(r"^[(\[【（]\s*(?P<inner>.*?)\s*[)\]】）]\.?$")


def _story_follows(lines: Sequence[str]) -> bool:
    """Whether most lines under a line end a sentence, as a story's paragraphs do (an
    aggregator's own lines, "Sign up to read", "Loading weather data ...", do not)."""
    ends = sum(
        1
        for line in lines
        if line.rstrip("\"'”’)»").endswith(SENTENCE_ENDS)
        and not line.rstrip().endswith(("..", "…"))
    )
    return ends * 2 > len(lines)


def find_labelled_line(lines: Sequence[str]) -> CreditLines | None:
    """The first line of the story that opens with a role phrase (in brackets or not) or
    closes with "contributed to this report", and reads wholly as credits of people and
    outlets, one person at least; else None."""
    for index, text in enumerate(lines):
        line = text.strip()
        match = _BRACKETS.match(line)
        inner = match["inner"] if match else line
        if (ROLE_OPENING.match(inner) is None and _CONTRIBUTED.search(inner) is None) or (
            _PHOTO.match(inner)
        ):
            continue  # (a photo credit between paragraphs is a caption's)
        if index > 0 and _story_follows(lines[index + 1 :]):
            continue  # a credit-like paragraph amid the story's sentences stays in it
        found = read_credit_line(line)
        if any(entry.kind == "person" for entry in found) and all(
            entry.kind in ("person", "service") for entry in found
        ):
            return CreditLines((index,), (index,), found)
    return None
