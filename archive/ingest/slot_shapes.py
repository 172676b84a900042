"""Byline shapes of the slot around a headline that a whole-line credit reader does not take.

:func:`read_slot_shape` reads one short line of the byline slot (see
:mod:`archive.ingest.byline_slot`) by its structure, in every script we serve:

- a byline, then a bar or a slash and what follows it: a date, a job title, the outlet, a
  list of places ("ដោយ៖ NAME | DATE", "By NAME / Staff reporter", "NAME/OUTLET",
  "NAME and NAME | Places");
- names joined by "and" or "&", alone on the line ("NAME NAME and NAME NAME");
- a name, a comma, then the outlet or a job title, maybe a date ("NAME, OUTLET",
  "NAME, OUTLET deputy editor", "NAME, Associated Press Jan. 14, 2021");
- a date ending in the Burmese full stop, then a name and its outlet's tag ("DATE။ NAME (TAG)");
- a Chinese outlet's reporter label and names ("OUTLET記者 NAME NAME"), a special
  correspondent's "特派記者NAME/PLACE報導".

Lines without a label are taken only when no word of the names recurs in the story (a
"name" the story speaks of is a place or a subject).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from archive.identity.services import ServiceInfo
from archive.ingest.bylines import (
    find_organisation,
    fold_text,
    is_latin,
    organisation_entry,
    read_credit_line,
    read_names,
    words_recur,
)
from archive.ingest.credits import CreditEntry, Role
from archive.ingest.dates import date_line

__all__ = ["read_slot_shape"]

_MAX_SLOT_CHARS = 100
_MAX_TAIL_WORDS = 6
# A bar or a slash between the byline and what follows it.
_BAR = re.compile(r"\s*[|｜]\s*|\s+/\s+|(?<=[^\W\d_])/(?=[^\W\d_])")
_JOINED = re.compile(r"\s+(?:and|&)\s+|\s*,\s*", re.IGNORECASE)
# Job titles after a name, a closed class (English, Vietnamese): a reporter's, else a
# writer's (an editor or a head of service writing under their name).
_REPORTER_TITLES = re.compile(
    r"\b(?:staff\s+)?(?:reporter|correspondent|journalist|stringer|phóng viên|thông tín viên)s?\b",
    re.IGNORECASE,
)
_WRITER_TITLES = re.compile(
    r"\b(?:editor|columnist|writer|contributor|commentator|analyst|chief|director|"
    r"biên tập viên|trưởng ban|bình luận viên|cộng tác viên)s?\b",
    re.IGNORECASE,
)
_BURMESE_DATE_NAME = re.compile(
    r"^(?P<date>[^။]{4,40})။\s*(?P<name>[\u1000-\u109f]{2,24})\s*[(（][^()（）]{1,20}[)）]$"
)
_HAN = r"[\u3400-\u9fff]"
_HAN_OUTLET_REPORTERS = re.compile(
    rf"^(?P<outlet>{_HAN}{{2,6}}?)(?:记者|記者)\s+(?P<names>{_HAN}{{2,3}}(?:[\s、]+{_HAN}{{2,3}})*)$"
)
_HAN_SPECIAL_CORRESPONDENT = re.compile(
    rf"^(?:特派|特約|特约|駐{_HAN}{{1,4}})?(?:记者|記者)\s*(?P<name>{_HAN}{{2,3}})\s*/\s*"
    rf"{_HAN}{{1,8}}?(?:報導|报道|報道)"
)


def read_slot_shape(line: str, story: Sequence[str]) -> tuple[CreditEntry, ...]:
    """The credits a short line of the byline slot states by its shape, else ().

    Args:
        line: The line, stripped.
        story: The story's lines under the slot (a name whose word recurs there is no name).

    >>> [(e.role, e.name) for e in read_slot_shape("Jane Doe and John Roe", [])]
    [('reporter', 'Jane Doe'), ('reporter', 'John Roe')]
    """
    text = fold_text(" ".join(line.split()))
    if not text or len(text) > _MAX_SLOT_CHARS:
        return ()
    for labelled in (_labelled_before_bar, _burmese_date_name, _han_reporters):
        if found := labelled(text, line):
            return tuple(found)
    for unlabelled in (_before_bar, _joined_names, _name_comma_title):
        found = unlabelled(text, line)
        if found and not words_recur([e for e in found if e.kind == "person"], story):
            return tuple(found)
    return ()


def _people(text: str, role: Role, raw: str) -> list[CreditEntry]:
    """Every part a person's name of at least two words (Latin) or a name of another script."""
    entries = read_names(text, role, raw, strict_case=True) or []
    if not entries or any(e.kind != "person" for e in entries):
        return []
    if any(is_latin(e.name) and len(e.name.split()) < 2 for e in entries):
        return []
    return entries


def _labelled_before_bar(text: str, raw: str) -> list[CreditEntry]:
    """ "By NAME / Staff reporter", "ដោយ៖ NAME | DATE": a labelled byline, then anything."""
    parts = _BAR.split(text, maxsplit=1)
    if len(parts) != 2:
        return []
    return [e for e in read_credit_line(parts[0].strip()) if e.kind == "person"]


def _before_bar(text: str, raw: str) -> list[CreditEntry]:
    """ "BYLINE | TAIL", "BYLINE / TAIL": a labelled byline before a bar takes any tail; names
    without a label take a date, a job title, an outlet or capitalised words (places)."""
    parts = _BAR.split(text, maxsplit=1)
    if len(parts) != 2:
        return []
    head, tail = parts[0].strip(), parts[1].strip()
    if read_credit_line(head):
        return []  # a labelled byline: read by _labelled_before_bar
    words = tail.replace(",", " ").split()
    if not words or len(words) > _MAX_TAIL_WORDS:
        return []
    tail_fits = (
        date_line(tail) is not None
        or find_organisation(tail) is not None
        or _REPORTER_TITLES.search(tail) is not None
        or all(w[0].isupper() for w in words)
    )
    if not tail_fits:
        return []
    return _people(head, "reporter", raw)


def _joined_names(text: str, raw: str) -> list[CreditEntry]:
    """Two or three names joined by "and" / "&" (commas between the first ones), alone."""
    if not re.search(r"\s(?:and|&)\s", text, re.IGNORECASE):
        return []
    parts = [p for p in _JOINED.split(text) if p]
    if not 2 <= len(parts) <= 3:
        return []
    return _people(text, "reporter", raw)


def _name_comma_title(text: str, raw: str) -> list[CreditEntry]:
    """ "NAME, OUTLET", "NAME, OUTLET deputy editor", "NAME, Associated Press Jan. 14, 2021"."""
    head, comma, tail = text.partition(",")
    if not comma:
        return []
    tail = tail.strip()
    words = tail.split()
    # What follows the outlet or the title may be the date: drop it, word by word.
    for cut in range(len(words), 0, -1):
        if date_line(" ".join(words[cut:])) is not None or cut == len(words):
            rest = " ".join(words[:cut]).strip(" ,")
            if _fits_title(rest):
                tail = rest
                break
    else:
        return []
    if not tail or len(tail.split()) > _MAX_TAIL_WORDS:
        return []
    role: Role = (
        "writer"
        if _WRITER_TITLES.search(tail) and not _REPORTER_TITLES.search(tail)
        else "reporter"
    )
    people = _people(head, role, raw)
    if len(people) != 1:
        return []
    info = find_organisation(tail) or _outlet_in(tail)
    return [*people, *([organisation_entry("source", info, raw)] if info else [])]


def _fits_title(tail: str) -> bool:
    """An outlet, a job title, or an outlet and a job title ("Nikkei deputy editor")."""
    if not tail or len(tail.split()) > _MAX_TAIL_WORDS:
        return False
    return (
        find_organisation(tail) is not None
        or _REPORTER_TITLES.search(tail) is not None
        or _WRITER_TITLES.search(tail) is not None
    )


def _outlet_in(tail: str) -> ServiceInfo | None:
    """The known outlet among a title's words ("Trưởng ban BBC Tiếng Việt" → BBC)."""
    words = tail.split()
    for size in range(min(3, len(words)), 0, -1):
        for start in range(len(words) - size + 1):
            if (info := find_organisation(" ".join(words[start : start + size]))) is not None:
                return info
    return None


def _burmese_date_name(text: str, raw: str) -> list[CreditEntry]:
    match = _BURMESE_DATE_NAME.match(text)
    if match is None or date_line(match["date"]) is None:
        return []
    return [CreditEntry("reporter", match["name"], "person", None, raw)]


def _han_reporters(text: str, raw: str) -> list[CreditEntry]:
    if (match := _HAN_OUTLET_REPORTERS.match(text)) is not None:
        info = find_organisation(match["outlet"])
        if info is None:
            return []
        people = [
            CreditEntry("reporter", name, "person", None, raw)
            for name in re.split(r"[\s、]+", match["names"])
        ]
        return [*people, organisation_entry("source", info, raw)]
    if (special := _HAN_SPECIAL_CORRESPONDENT.match(text)) is not None:
        return [CreditEntry("reporter", special["name"], "person", None, raw)]
    return []
