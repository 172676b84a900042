"""Dates in the slot a story's headline and byline set them, wherever the header rules stopped.

:mod:`archive.ingest.pagedates` reads the dates around the headline the header rules found.
Two structures put the story's date where those rules do not look:

- the learned chooser (:mod:`archive.ingest.headline_model`) takes another line for the
  headline than the rules did (theirs was a menu item or a sidebar's headline): the date
  line in the slot under the chosen headline, before the lead, is the story's ("HEADLINE /
  NAME by NAME / October 22, 2018 / in Burma / …", "HEADLINE / Wednesday, 22 June 2011
  20:31 NAME / lead");
- the credit parser found the story's byline: a date line beside it is the story's, one
  line over it or a line or two under it ("By NAME / Associated Press Writer / Monday,
  January 27, 1997 6:41 pm EST").

With no date in any place the header rules read, the page's one headline–date–lead slot
dates the story (:func:`lone_slot_date`): several such slots are a list's items. A date set
in square brackets once on the page ("OUTLET[Thursday, July 31, 2008 09:31]", "[August 8,
2018] By NAME") is a stamp no list, clock or caption writes so (:func:`bracketed_date`).

A date line here is what :func:`archive.ingest.dates.date_line` reads (never a clock), a
date and its time with a short name after it ("DATE TIME NAME", the byline glued to its
date), or a date glued to a credit by a field mark ("DATE။NAME/OUTLET"). Under a headline
and beside a byline only the first such line counts.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Sequence

from archive.ingest.dates import DateCandidate, closing_date, date_line, dateline_date
from archive.ingest.furniture import doubled_lines, is_byline, is_navigation, is_site_name
from archive.ingest.headlines import looks_like_title
from archive.ingest.lineweight import line_weight
from archive.ingest.pagelines import Line, is_prose

__all__ = [
    "bracketed_date",
    "byline_side_dates",
    "header_lone_date",
    "headline_slot_dates",
    "lone_slot_date",
]

# The slot under a headline: a byline, a date, a section tag, a reading time, before the lead.
_SLOT_REACH = 4
# Over a byline a date stands right above it; under it, a writer's title may come between.
_ABOVE_BYLINE = 1
_UNDER_BYLINE = 2
# A line in the slot is short (a date, a name, a tag); a longer one is the lead or a caption.
_MAX_SLOT_WEIGHT = 80
# "Wednesday, 22 June 2011 20:31 NAME": the time closing the date, then a name of a few words.
_TIME_THEN_REST = re.compile(r"(?<!\d)\d{1,2}[:：]\d{2}(?:\s*[AaPp]\.?\s?[Mm]\.?)?(?=\s)")
_MAX_NAME_WORDS = 4
_NAME_END = re.compile(r"[.!?。！？:：]$")


def _dated_name(text: str, language: str | None) -> datetime.date | None:
    """The date of a "DATE TIME NAME" line: a date line up to its time, a short name after."""
    for time in _TIME_THEN_REST.finditer(text):
        rest = text[time.end() :].split()
        if not rest or len(rest) > _MAX_NAME_WORDS or _NAME_END.search(rest[-1]):
            continue
        if any(ch.isdecimal() for ch in "".join(rest)):
            continue
        found = date_line(text[: time.end()], language=language)
        if found is not None and not found.clock:
            return found.date
    return None


# "DATE။NAME/OUTLET", "NAME | DATE": a date glued to a credit by a field mark.
_FIELD_MARK = re.compile(r"\s*[။|｜]\s*")
_MAX_FIELD_WEIGHT = 40


def _field_date(text: str, language: str | None) -> datetime.date | None:
    """The date of a line's first or last field, the other fields short (a name, an outlet)."""
    fields = [field for field in _FIELD_MARK.split(text) if field]
    if len(fields) < 2:
        return None
    for date_field, rest in ((fields[0], fields[1:]), (fields[-1], fields[:-1])):
        if sum(line_weight(field) for field in rest) > _MAX_FIELD_WEIGHT:
            continue
        found = date_line(date_field, language=language)
        if found is not None and not found.clock:
            return found.date
    return None


def _slot_date(text: str, language: str | None) -> tuple[datetime.date | None, bool]:
    """A slot line's date (or None), and whether the line is a clock (which ends the look)."""
    found = date_line(text, language=language)
    if found is not None:
        return (None, True) if found.clock else (found.date, False)
    return _dated_name(text, language) or _field_date(text, language), False


def headline_slot_dates(
    lines: Sequence[Line], title: int, language: str | None
) -> list[DateCandidate]:
    """The first date line in the slot under a headline, before the lead (or none).

    The slot ends at the first paragraph or long line (the lead, a caption); a clock there
    ends it too (a site's header, not the story's).
    """
    for index in range(title + 1, min(title + 1 + _SLOT_REACH, len(lines))):
        text = lines[index].text
        if is_prose(text) or line_weight(text) > _MAX_SLOT_WEIGHT:
            break
        date, clock = _slot_date(text, language)
        if clock:
            break
        if date is not None:
            return [DateCandidate(date, "under_headline", line=index)]
    return []


def byline_side_dates(
    lines: Sequence[Line], byline: Sequence[int], language: str | None
) -> list[DateCandidate]:
    """The date line beside the story's byline: right over it, or a line or two under it
    (a writer's title between), no paragraph between."""
    if not byline:
        return []
    top, bottom = min(byline), max(byline)
    near = [
        *range(bottom + 1, min(bottom + 1 + _UNDER_BYLINE, len(lines))),
        *range(top - 1, max(top - 1 - _ABOVE_BYLINE, -1), -1),
    ]
    for index in near:
        text = lines[index].text
        if is_prose(text) or line_weight(text) > _MAX_SLOT_WEIGHT:
            continue
        if index > bottom and any(is_prose(lines[i].text) for i in range(bottom + 1, index)):
            continue
        date, _clock = _slot_date(text, language)
        if date is not None:
            return [DateCandidate(date, "byline", line=index)]
    return []


# The slot: a headline, at most a byline line between, the date; the lead within reach under.
_HEADLINE_REACH = 2
_LEAD_REACH = 12
# Lines as long as a byline or tag stand between a headline and its date.
_MAX_BETWEEN_WEIGHT = 40
_BULLETS = ("•", "·", "*", "-", "–", "»", "›")
# A headline is more than a section tag ("in Burma") under a date.
_MIN_HEADLINE_WEIGHT = 20


def _is_headline(text: str) -> bool:
    """A headline-shaped line: not a list's item, a byline, a menu, a site's title bar."""
    return (
        line_weight(text) >= _MIN_HEADLINE_WEIGHT
        and looks_like_title(text)
        and "|" not in text
        and not text.startswith(_BULLETS)
        and not is_prose(text)
        and not is_byline(text)
        and not is_navigation(text)
        and not is_site_name(text)
    )


def _in_slot(lines: Sequence[Line], index: int, dated: set[int]) -> bool:
    """Whether a date line stands in a story's header slot: a headline over it (a short
    line, a byline, between) or right under it, and a paragraph further down before any
    other date line."""
    over = [
        i
        for i in range(index - 1, max(index - 1 - _HEADLINE_REACH, -1), -1)
        if _is_headline(lines[i].text)
        and all(line_weight(lines[j].text) <= _MAX_BETWEEN_WEIGHT for j in range(i + 1, index))
    ]
    under = index + 1 < len(lines) and _is_headline(lines[index + 1].text)
    if not over and not under:
        return False
    for i in range(index + 1 + under, min(index + 1 + _LEAD_REACH, len(lines))):
        if i in dated:
            return False
        if _is_text(lines[i].text):
            return True
    return False


def _is_text(text: str) -> bool:
    """A paragraph, or a line longer than a slot's (a caption over the lead)."""
    return is_prose(text) or line_weight(text) > _MAX_SLOT_WEIGHT


def lone_slot_date(
    lines: Sequence[Line], language: str | None, *, captured: datetime.date | None = None
) -> datetime.date | None:
    """The date of the page's one headline–date–lead slot, wherever the header rules ended.

    A date line (never a clock) with a headline just over it (a byline line may come
    between) or just under it, and a paragraph a few lines down with no other date line
    before it. When two or more date lines stand so, they are a list's items (headline,
    date, teaser): none is the story's. A page's first line dated over its first paragraph
    is such a slot too (a page saved without its header). A date the page's clock shows
    (``captured``) is when the page was saved, never the story's.
    """
    dated: dict[int, datetime.date] = {}
    for index, line in enumerate(lines):
        if line_weight(line.text) > _MAX_SLOT_WEIGHT:
            continue
        date, _clock = _slot_date(line.text, language)
        if date is not None and date != captured:
            dated[index] = date
    slots = [index for index in dated if _in_slot(lines, index, set(dated))]
    if not slots and 0 in dated and len(lines) > 1 and _is_text(lines[1].text):
        slots = [0]
    if len({dated[index] for index in slots}) != 1:
        return None
    return dated[slots[0]]


# A date set apart in square or lenticular brackets: "[2007-07-20 15:38 ]", "[ DATE ] တွင်".
_BRACKETED = re.compile(r"[\[【〔]\s*([^\[\]【】〔〕]{6,40}?)\s*[\]】〕]")


def bracketed_date(lines: Sequence[Line], language: str | None) -> list[DateCandidate]:
    """The date of the page's date tags in square brackets ("OUTLET[Thursday, July 31, 2008
    09:31]", "[August 8, 2018] By NAME", "OUTLET journal [DATE] published …"), when they all
    give one date; tags of several dates are a list's (a forum's or archive's items)."""
    found: dict[datetime.date, int] = {}  # each date, and the first line showing it
    for index, line in enumerate(lines):
        if "[" not in line.text and "【" not in line.text and "〔" not in line.text:
            continue
        for match in _BRACKETED.finditer(line.text):
            inner = match.group(1)
            if not any(ch.isdecimal() for ch in inner):
                continue
            tag = date_line(inner, language=language)
            if tag is not None and not tag.clock:
                found.setdefault(tag.date, index)
    if len(found) != 1:
        return []
    ((date, index),) = found.items()
    return [DateCandidate(date, "tag", line=index)]


# A page's header: its first lines, over the story (a digest's, a newsletter's issue line).
_HEADER_LINES = 15
_ATTRIBUTION_DASHES = ("—", "―", "–")


def header_lone_date(
    lines: Sequence[Line],
    language: str | None,
    *,
    before: int,
    captured: datetime.date | None = None,
) -> datetime.date | None:
    """The one date the page's first lines show, when no place gave one: a digest's or a
    newsletter's issue line over its stories ("2 April 2008 News Digest", "Daily News- May
    16- 2002- Thursday", "2023/02/11 第8072期 | …"), above the story's first line
    (``before``). The weakest reading: two dates there (a list, a clock and a story) give
    none, and the clock's date is never the story's."""
    found: set[datetime.date] = set()
    doubled = doubled_lines(list(lines))
    for index, line in enumerate(lines[: min(before, _HEADER_LINES)]):
        text = line.text
        if line_weight(text) > _MAX_SLOT_WEIGHT or not any(ch.isdecimal() for ch in text):
            continue
        if text.startswith(_ATTRIBUTION_DASHES):
            continue  # "— NAME, Place, DATE" under an epigraph: when it was said
        whole = date_line(text, language=language)
        if whole is None and index in doubled:
            continue  # a caption shown twice ("NAME, Sept. 10, 2012 file photo."): the photo's
        if whole is not None and whole.clock:
            continue
        date = (
            (whole.date if whole is not None else None)
            or closing_date(text, language=language)
            or dateline_date(text, language=language)
        )
        if date is not None and date != captured:
            found.add(date)
    return found.pop() if len(found) == 1 else None
