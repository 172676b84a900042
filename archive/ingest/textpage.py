"""Saved-text news pages → title, date, the exact story text and the credit line.

A page saved as text from a news site looks like::

    Friday, April 19, 2024                          ← capture date (chrome)
    HomeAsiaHundreds of Myanmar Junta …             ← breadcrumb glued to the title (chrome)
    Hundreds of Myanmar Junta …                     ← the title
    Around 450 soldiers …                           ← story paragraphs …
     Reported by RFA’s Myanmar Service. …           ← the credit line
    Source link                                     ← chrome
    - Advertisment -                                ← chrome

:func:`parse_text_page` peels chrome off the top and the bottom of the page, finds the
title and the credit line, and returns the story as an exact slice of the input (nothing
inside it is altered, so character offsets into it stay valid). Chrome in the middle of
the story is left alone for the same reason.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator
from dataclasses import dataclass

from archive.ingest.bylines import (
    credits_in_prose,
    find_byline,
    find_credit_lines,
    find_inline_bylines,
    is_credit_line,
    read_credit_line,
)
from archive.ingest.credits import CreditEntry, ParsedCredits, originating_service

__all__ = ["ParsedPage", "parse_text_page"]


@dataclass(frozen=True, slots=True)
class ParsedPage:
    """What a saved-text page holds.

    Attributes:
        title: The story's title, if one was found.
        date: The page's date line (or a dateline opening the story), if any.
        body: The story text exactly as on the page; ``text[body_start:body_end]``.
        body_start: Offset of the body in the page text.
        body_end: Offset just past the body.
        credit_line: The credit line as on the page (surrounding whitespace stripped).
        credits: The credit line parsed, if there is one.
        source_urls: URLs found in the page chrome ("Source link: https://…"), in order.
        dropped: The chrome lines dropped (stripped), in page order.
    """

    title: str | None
    date: datetime.date | None
    body: str
    body_start: int
    body_end: int
    credit_line: str | None
    credits: ParsedCredits | None
    source_urls: tuple[str, ...]
    dropped: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class _Line:
    """A non-blank line: its stripped text and where that text stands in the page."""

    start: int
    end: int
    text: str


# --- dates ------------------------------------------------------------------------------

_MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4,
    "april": 4, "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8,
    "sep": 9, "sept": 9, "september": 9, "oct": 10, "october": 10, "nov": 11,
    "november": 11, "dec": 12, "december": 12,
}  # fmt: skip

_DATE = r"""
    (?: (?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+ )?          # optional weekday
    (?: (?P<month1>[a-z]{3,9})\.?\s+(?P<day1>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year1>\d{4})
      | (?P<day2>\d{1,2})(?:st|nd|rd|th)?\s+(?P<month2>[a-z]{3,9})\.?,?\s+(?P<year2>\d{4})
      | (?P<year3>\d{4})[-./](?P<month3>\d{1,2})[-./](?P<day3>\d{1,2})
    )
"""
_DATE_LINE = re.compile(
    rf"""^ (?:(?:updated|published|posted|date)\s*:?\s*)?
        {_DATE}
        (?: \s*[,|@]?\s*\d{{1,2}}:\d{{2}}(?::\d{{2}})?(?:\s*[ap]\.?m\.?)?(?:\s*[a-z]{{2,4}})? )?
        \s*$""",
    re.IGNORECASE | re.VERBOSE,
)
# "PHNOM PENH, Sept. 22, 2021 —" or "(2021-09-22)" opening the first paragraph.
_DATELINE = re.compile(
    rf"""^ (?: [^\W\d_][^\W\d_ .’'-]*(?:[ .’'-]+[^\W\d_]+){{0,4}} \s*[,(]\s* | \(\s* )?
        {_DATE} \b""",
    re.IGNORECASE | re.VERBOSE,
)


def _date_from(match: re.Match[str]) -> datetime.date | None:
    """The date a :data:`_DATE` match spells, or None if it is not a real date."""
    if match["year3"]:
        year, month, day = int(match["year3"]), int(match["month3"]), int(match["day3"])
    else:
        word = (match["month1"] or match["month2"]).casefold()
        month_number = _MONTHS.get(word)
        if month_number is None:
            return None
        year, month = int(match["year1"] or match["year2"]), month_number
        day = int(match["day1"] or match["day2"])
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None


def _parse_date_line(text: str) -> datetime.date | None:
    """The date if the whole line is a date ("Friday, April 19, 2024", "2021-09-22 10:00")."""
    match = _DATE_LINE.match(text)
    return _date_from(match) if match else None


def _parse_dateline(paragraph: str) -> datetime.date | None:
    """The date of a dateline opening a paragraph, if there is one."""
    match = _DATELINE.match(paragraph)
    return _date_from(match) if match else None


# --- chrome -----------------------------------------------------------------------------

_BREADCRUMB = re.compile(r"^Home(?:$|(?=[A-Z])|\s*[›»>/|:–-])")
_BREADCRUMB_SEPARATOR = re.compile(r"\s*[›»>/|]\s*")
_GLUED_CRUMB = re.compile(r"^[A-Z][a-z]+(?=[A-Z])")
_URL = re.compile(r"https?://[^\s<>\"')\]]+")
_CHROME = re.compile(
    r"""^(?:
        source (?: \s+link\b.* | \s*:.* )?                        # "Source link", "Source: https://…"
      | <?https?://\S+>?                                         # a bare URL
      | [-–—_*=#|\s]* advertis\w* [-–—_*=#|\s]*                  # "- Advertisment -----"
      | (?:copyright\b|©|\(c\)\s*\d) .*                          # "Copyright © 1998-2021, RFA …"
      | all\s+rights\s+reserved\.?
      | [\W_]+                                                   # rules: "-----", "* * *"
    )$""",
    re.IGNORECASE | re.VERBOSE,
)
# Share/subscribe/follow widgets: short lines, and only at the top or bottom of a page.
_WIDGET = re.compile(
    r"""^(?:
        (?:share|tweet|print|e-?mail|comments?|like|menu|search|related|tags?|facebook
          |twitter|whatsapp|telegram|linkedin|reddit|pinterest|subscribe|follow|newsletter
          |sign\s+up|log\s*in|advertisement|top)\W*
      | share\s+(?:this|on|via|the\s+(?:article|story|post))\b.*
      | subscribe\s+(?:to|for|now|today|here)\b.*
      | follow\s+(?:us|rfa)\b.*
      | (?:related|more)\s+(?:stories|articles|news|posts|from)\b.*
      | tags?\s*:.*
      | read\s+(?:more|next)\b.*
      | (?:click\s+here|sign\s+up|back\s+to\s+top)\b.*
    )$""",
    re.IGNORECASE | re.VERBOSE,
)
_MAX_WIDGET_WORDS = 8
_MAX_TITLE_CHARS = 250
# Lines after the credit line that may still be page furniture rather than story.
_MAX_LINES_AFTER_CREDIT = 3


def _is_chrome(text: str) -> bool:
    """Whether a stripped line is site chrome wherever it stands at the page's edges."""
    return (
        _CHROME.match(text) is not None
        or _parse_date_line(text) is not None
        or (_WIDGET.match(text) is not None and len(text.split()) <= _MAX_WIDGET_WORDS)
    )


def _is_substantial(text: str) -> bool:
    """Whether a line is more than a stray word ("Asia", "Menu") above the title."""
    return len(text.split()) >= 2 or len(text) >= 12


def _looks_like_title(text: str) -> bool:
    """Whether a line reads like a headline rather than a story paragraph."""
    if len(text) > _MAX_TITLE_CHARS or not _is_substantial(text):
        return False
    ending = text.rstrip("\"'”’)»]")
    return bool(ending) and ending[-1] not in ".,;:" and not is_credit_line(text)


def _title_from_breadcrumb(text: str) -> str | None:
    """The title a breadcrumb ends with: "HomeAsiaTitle…" or "Home › Asia › Title"."""
    rest = text[len("Home") :].strip()
    parts = [p for p in _BREADCRUMB_SEPARATOR.split(rest) if p.strip()]
    if len(parts) > 1 or (parts and rest[:1] in "›»>/|:–-"):
        rest = parts[-1]
    else:
        while match := _GLUED_CRUMB.match(rest):
            rest = rest[match.end() :]
    rest = rest.strip(" ›»>/|:–-")
    return rest or None


def _same_text(a: str, b: str) -> bool:
    """Equal up to case and runs of whitespace."""
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


# --- lines ------------------------------------------------------------------------------

_NEWLINE = re.compile(r"\r\n|\r|\n")
# A line's content: from its first to its last character that is not a space, a byte-order
# mark or a zero-width space (saved pages often start with a BOM).
_CONTENT = re.compile(r"[^\s\ufeff\u200b](?:.*[^\s\ufeff\u200b])?", re.DOTALL)


def _lines(text: str) -> Iterator[_Line]:
    """The non-blank lines of the page with the offsets of their stripped text."""
    start = 0
    for newline in (*_NEWLINE.finditer(text), None):
        end = newline.start() if newline else len(text)
        content = _CONTENT.search(text, start, end)
        if content:
            yield _Line(content.start(), content.end(), content.group())
        if newline:
            start = newline.end()


@dataclass(frozen=True, slots=True)
class _Credits:
    """The credit lines found on a page and what they say."""

    first: int  # the story's first line, once the byline is off
    last: int  # the story's last line, once the closing credit lines are off
    credit_line: str | None
    credits: ParsedCredits | None


def _find_credits(
    text: str, lines: list[_Line], first: int, last: int, dropped: dict[int, str]
) -> _Credits:
    """Take the byline off the top and the credit lines off the bottom of the story.

    The lines taken go to ``dropped`` (they stay in the page, as furniture); credits in
    the story's first and last paragraphs and in the footer's source or permission lines
    are read too, though those lines stay where they are.
    """
    texts = [line.text for line in lines]
    raw: list[str] = []
    entries: list[CreditEntry] = []
    top = find_byline(texts[first : last + 1], is_furniture=_is_chrome) if first <= last else None
    if top is not None:
        for offset in top.indices:
            dropped[first + offset] = texts[first + offset]
        raw += [texts[first + offset] for offset in top.credit_indices]
        entries += top.entries
        first += len(top.indices)
    bottom = find_credit_lines(texts[first : last + 1], is_furniture=_is_chrome)
    if bottom is not None:
        block = [first + offset for offset in bottom.credit_indices]
        raw.append(text[lines[block[0]].start : lines[block[-1]].end])
        entries += bottom.entries
        for offset in bottom.indices:
            if first + offset not in block:
                dropped[first + offset] = texts[first + offset]
        last = first + bottom.indices[0] - 1
    if first <= last:
        entries += find_inline_bylines(texts[first : last + 1], is_furniture=_is_chrome)
        # The story's first two and last three lines: a lead's dateline or bracketed byline,
        # a closing "(编译/…)" or "VOA's … has this report" above a line or two of furniture.
        ends = sorted(
            {*range(first, min(first + 2, last + 1)), *range(max(first, last - 2), last + 1)}
        )
        for index in ends:
            entries += credits_in_prose(texts[index])
    for index in range(last + 1, len(lines)):
        if index in dropped:
            entries += read_credit_line(dropped[index])
    if not entries and not raw:
        return _Credits(first, last, None, None)
    seen: set[tuple[str, str, str]] = set()
    unique = []
    for entry in entries:
        key = (entry.role, entry.kind, entry.name.casefold())
        if key not in seen:
            seen.add(key)
            unique.append(entry)
    # The credit line is one stretch of the page: the closing credit lines, else the byline
    # (each credit keeps the line it was read from as its raw text).
    credit_line = raw[-1] if raw else None
    # An agency or outlet credited only as a source (a footer, a dateline) is not where the
    # story was reported: it does not make the article's service.
    service = originating_service(tuple(e for e in unique if e.role != "source"))
    parsed = ParsedCredits(tuple(unique), service, credit_line or "")
    return _Credits(first, last, credit_line, parsed)


def parse_text_page(text: str) -> ParsedPage:
    """Parse a news page saved as plain text.

    Never raises: a page with no title, date or credit line gives None for those, and an
    empty or chrome-only page gives an empty body. CRLF, CR and LF line ends all work;
    the body keeps whatever the page had (line ends, markup-like brackets, escapes).

    Returns:
        The page's parts; ``body == text[body_start:body_end]`` always holds.
    """
    lines = list(_lines(text))
    dropped: dict[int, str] = {}  # line index → text, so the result keeps page order
    title: str | None = None
    title_end = 0

    # The header: chrome, the breadcrumb, the title.
    crumb: str | None = None
    crumb_title: str | None = None
    first = 0
    while first < len(lines):
        line = lines[first].text
        if title is None and crumb is None and _BREADCRUMB.match(line):
            dropped[first] = crumb = line
            crumb_title = _title_from_breadcrumb(line)
        elif _is_chrome(line):
            dropped[first] = line
        elif title is not None:
            break
        elif crumb is not None and crumb_title is not None:
            # The title usually follows the breadcrumb that ends with it.
            if not (crumb.endswith(line) or _same_text(line, crumb_title)):
                break
            title, title_end = line, lines[first].end
        elif _looks_like_title(line):
            title, title_end = line, lines[first].end
        elif not _is_substantial(line):
            dropped[first] = line
        else:
            break
        first += 1
    if title is None and crumb_title is not None:
        title = crumb_title

    # The footer: chrome from the bottom up.
    last = len(lines) - 1
    while last >= first and _is_chrome(lines[last].text):
        dropped[last] = lines[last].text
        last -= 1

    found = _find_credits(text, lines, first, last, dropped)
    story_first, story_last = found.first, found.last
    credit_line, credits = found.credit_line, found.credits

    if story_first <= story_last:
        body_start, body_end = lines[story_first].start, lines[story_last].end
    else:
        body_start = body_end = title_end
    body = text[body_start:body_end]

    date: datetime.date | None = None
    for index in sorted(dropped):
        date = _parse_date_line(dropped[index])
        if date is not None:
            break
    if date is None and story_first <= story_last:
        date = _parse_dateline(lines[story_first].text)

    urls: dict[str, None] = {}
    for index in sorted(dropped):
        for url in _URL.findall(dropped[index]):
            urls.setdefault(url.rstrip(".,;:!?"), None)

    return ParsedPage(
        title=title,
        date=date,
        body=body,
        body_start=body_start,
        body_end=body_end,
        credit_line=credit_line,
        credits=credits,
        source_urls=tuple(urls),
        dropped=tuple(dropped[index] for index in sorted(dropped)),
    )
