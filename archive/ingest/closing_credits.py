"""A labelled credit line standing in the story above lines the page reader keeps.

A wire story's closing credits, "(Reporting by NAME; Editing by NAME)", or a translator's
line, "Translated from French by NAME", are read at the story's end only when nothing but
page furniture follows them. On an aggregator the story is followed by lines of its own
("Sign up to read this article", the next stories) that the furniture test does not know,
and the credit is lost. A line that *opens with a role phrase* (reported, reporting,
written, edited, translated … by) and reads wholly as credits naming a person is a credit
line wherever it stands under the lead: :func:`find_labelled_line` finds the first.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from archive.ingest.bylines import CreditLines, read_credit_line
from archive.ingest.dash_credits import ROLE_OPENING

__all__ = ["find_labelled_line"]

_PHOTO = re.compile(r"^photo", re.IGNORECASE)
_BRACKETS = re.compile(r"^[(\[【（]\s*(?P<inner>.*?)\s*[)\]】）]\.?$")


def find_labelled_line(lines: Sequence[str]) -> CreditLines | None:
    """The first line of the story that opens with a role phrase (in brackets or not) and
    reads wholly as credits of people and outlets, one person at least; else None."""
    for index, text in enumerate(lines):
        line = text.strip()
        match = _BRACKETS.match(line)
        inner = match["inner"] if match else line
        if ROLE_OPENING.match(inner) is None or _PHOTO.match(inner):
            continue  # a photo credit between paragraphs is a caption's
        found = read_credit_line(line)
        if any(entry.kind == "person" for entry in found) and all(
            entry.kind in ("person", "service") for entry in found
        ):
            return CreditLines((index,), (index,), found)
    return None
