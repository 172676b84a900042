"""A publication date paired with its update, wherever a header line carries the pair.

Many outlets set the story's two dates side by side: "Published : Jul 2, 2023 - 15:02
Updated : Jul 2, 2023 - 18:03", "Jan. 14, 2021 Updated: Jan. 14, 2021 12:27 a.m." A page
saved as text may glue the pair to the headline and byline on one line ("Activists slam …
NAME, Associated Press Jan. 14, 2021 Updated: Jan. 14, 2021 12:27 a.m."), where no whole
line is a date line. The pair is a structure no sentence has: a date, an update label of the
closed class :data:`archive.ingest.dates.UPDATE_LABEL` ("Updated", "Cập nhật", "更新",
"수정" …), then a date no earlier than the first. The first date is the story's.
"""

from __future__ import annotations

import datetime
import re

from archive.ingest.dates import UPDATE_LABEL, DateCandidate, date_line, to_ascii_digits
from archive.ingest.pagelines import Line

__all__ = ["paired_date", "paired_dates"]

# The published date ends within this many characters before the update label (a time and
# its zone may stand between: "Jul 2, 2023 - 15:02       Updated").
_MAX_PUBLISHED_CHARS = 40
# The pair stands in the header or the story's first lines (glued to the headline).
_HEADER_REACH = 2
_WORD_START = re.compile(r"(?<!\S)\S")


def _published_before(text: str, language: str | None) -> datetime.date | None:
    """The date of the longest date-line tail of ``text`` within reach of its end."""
    tail_start = max(0, len(text) - _MAX_PUBLISHED_CHARS)
    for start in (match.start() for match in _WORD_START.finditer(text, tail_start)):
        found = date_line(text[start:].strip(), language=language)
        if found is not None and not found.clock:
            return found.date
    return None


def paired_date(text: str, *, language: str | None = None) -> datetime.date | None:
    """The published date of a "DATE Updated: DATE" pair in a line, or None.

    The update's date must open what follows its label and be no earlier than the
    published one (an update comes after publication).
    """
    ascii_text = to_ascii_digits(text)
    for label in UPDATE_LABEL.finditer(ascii_text):
        if label.start() and ascii_text[label.start() - 1].isalnum():
            continue  # inside a word
        published = _published_before(ascii_text[: label.start()], language)
        if published is None:
            continue
        update = date_line(ascii_text[label.start() :], language=language)
        if update is not None and update.updated and update.date >= published:
            return published
    return None


def paired_dates(lines: list[Line], first: int, language: str | None) -> list[DateCandidate]:
    """The published date of the first pair in the header or the story's first lines."""
    for index in range(min(first + _HEADER_REACH, len(lines))):
        if (published := paired_date(lines[index].text, language=language)) is not None:
            return [DateCandidate(published, "paired", line=index)]
    return []
