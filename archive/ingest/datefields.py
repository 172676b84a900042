"""A publication date in a labelled field of a header's metadata line.

A metadata line sets several fields side by side — a source, a byline, a text-size widget —
and labels one of them with a published-date word: "来源: OUTLET 于2020-07-13 9:54:15  提示:
…", "ដោយ OUTLET ចេញផ្សាយ ថ្ងៃទី 1 January, 2019 ក+ ក-", "ཡོང་ཁུངས། : …   སྤེལ་དུས། : 2023-01-11".
The line is no date line (its other fields are more than a date's residue), so the header
rules pass it by. The reader here takes the first date in the field a published label opens
(up to the next field break: a run of spaces, a bar), on the lines between the headline and
the lead only, never in prose. The labels are ``dates.DATE_LABEL``'s closed class; an
update's label ("Updated", "수정") is not a published one.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Sequence

from archive.ingest.dates import (
    DATE_LABEL,
    UPDATE_LABEL,
    DateCandidate,
    date_line,
)
from archive.ingest.pagelines import Line, is_prose

__all__ = ["labelled_field_dates"]

# A field ends at a run of two or more spaces, a bar, or the line's end.
_FIELD_END = re.compile(r"\s{2,}|[|｜]")
_MAX_FIELD_CHARS = 60
_MAX_HEADER_LINES = 6  # the lines over the lead the reader looks at
_MAX_CLOSING_LINES = 4  # the lines under the story's end (a caption's credit may come first)
_SENTENCE_END = re.compile(r"[.!?。！？]\s+\S")


def _field_date(text: str, language: str | None) -> datetime.date | None:
    """The date in the field a published label opens, or None."""
    for label in DATE_LABEL.finditer(text):
        if UPDATE_LABEL.match(text, label.start()):
            continue
        rest = text[label.end() :]
        end = _FIELD_END.search(rest)
        field = rest[: end.start() if end else len(rest)].strip(" :：。།་")
        if not field or len(field) > _MAX_FIELD_CHARS or _SENTENCE_END.search(field):
            continue
        if (date := _leading_date(field, language)) is not None:
            return date
    return None


def _leading_date(field: str, language: str | None) -> datetime.date | None:
    """The date line the field opens with (its longest such run of words: a widget's
    text may follow it, "1 January, 2019 ក+ ក-"), or None; a clock is none."""
    words = field.split()
    for end in range(len(words), 0, -1):
        found = date_line(" ".join(words[:end]), language=language)
        if found is not None:
            return None if found.clock else found.date
    return None


def labelled_field_dates(
    lines: Sequence[Line],
    *,
    title: int | None,
    lead: int | None,
    language: str | None,
    last: int | None = None,
) -> list[DateCandidate]:
    """The date of the first labelled date field on the lines between the headline and the
    lead (a page with no headline: the lines over the lead; a page with no paragraph the
    reader knows, as a script without sentence marks: the first lines under the headline),
    as a byline's date; else, when ``last`` (the story's last line) is given, the field of
    a metadata line closing the story ("责任编辑:NAME 来源: OUTLET 撰写时间:DATE"), as a date
    after the story: the one such line there (a list's dated items are several)."""
    top = 0 if title is None else title + 1
    if lead is None:
        lead = min(top + _MAX_HEADER_LINES, len(lines))
    for index in range(max(top, lead - _MAX_HEADER_LINES), lead):
        text = lines[index].text
        if is_prose(text) or not any(ch.isdecimal() for ch in text):
            continue
        if (date := _field_date(text, language)) is not None:
            return [DateCandidate(date, "byline", line=index)]
    return [] if last is None else _closing_field_date(lines, last, language)


def _closing_field_date(
    lines: Sequence[Line], last: int, language: str | None
) -> list[DateCandidate]:
    fields = [
        (index, date)
        for index in range(last, min(last + 1 + _MAX_CLOSING_LINES, len(lines)))
        if not is_prose(lines[index].text) and any(ch.isdecimal() for ch in lines[index].text)
        if (date := _field_date(lines[index].text, language)) is not None
    ]
    if len(fields) != 1:
        return []
    index, date = fields[0]
    return [DateCandidate(date, "after_story", line=index)]
