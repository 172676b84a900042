"""A byline in parts joined by dashes: "By NAME - NAME - OUTLET -", "By A, B- Translated by C",
"Story: NAME - Translated by NAME".

Some papers (English editions of Vietnamese dailies among them) set the whole credit on
one line, its parts joined by a dash spaced on at least one side: the reporters, the outlet
they write for, a date, then the translator's own role phrase. Read as one byline, the
line gives the first name only (a comma after it reads as a place or a title), or nothing.
:func:`read_dash_parts` reads it part by part, and only when every part is a credit: the
first opens with a label (``By``, ``Story:``) and names people; each further part is a
role phrase with its names ("Translated by NAME"), more names for the same label, an outlet
(known to the registry, or a capitalised name holding an outlet word: "Thanh Nien News"),
or a date. A dash inside a name ("Kim Jae-kyoung") is no joint: it has no space beside it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from archive.identity.services import ServiceInfo
from archive.ingest.credit_words import has_outlet_word
from archive.ingest.credits import CreditEntry, Role
from archive.ingest.dates import parse_date_text

__all__ = ["ROLE_OPENING", "BylineReaders", "read_dash_parts"]

# A dash spaced on at least one side: " - ", "- ", " -", en and em dashes, "--".
_JOINT = re.compile(r"\s+(?:--|[-–—])\s*|(?:--|[-–—])\s+")
# "Story: NAME" labels the reporters as "By" does (BY_LABEL reads "Story by").
_STORY_LABEL = re.compile(r"^(?:story|text|words|report)\s*:\s*", re.IGNORECASE)
# A part that opens with its own role phrase ("Translated by", "Translated from French by").
ROLE_OPENING = re.compile(
    r"^(?:additional\s+)?(?:reported|reporting|translated|translation|written|writing|edited"
    r"|editing|photos?|photographs?|compiled|narrated)\b",
    re.IGNORECASE,
)
_MAX_PARTS = 5
_MAX_OUTLET_WORDS = 5


def _is_outlet_tag(part: str) -> bool:
    """An outlet the registry may not know: capitalised words, one of them an outlet word."""
    words = part.split()
    return (
        0 < len(words) <= _MAX_OUTLET_WORDS
        and all(word[0].isupper() for word in words)
        and has_outlet_word(part)
    )


@dataclass(frozen=True, slots=True)
class BylineReaders:
    """The byline readers each part is read with (bylines.py's, handed in by bylines, which
    calls this reader: no import cycle)."""

    by_label: re.Pattern[str]
    read_credit_line: Callable[[str], tuple[CreditEntry, ...]]
    read_names: Callable[..., list[CreditEntry] | None]
    find_organisation: Callable[[str], ServiceInfo | None]
    organisation_entry: Callable[[Role, ServiceInfo, str], CreditEntry]


def read_dash_parts(text: str, raw: str, readers: BylineReaders) -> list[CreditEntry] | None:
    """The credits of a byline whose parts a dash joins, or None when it is not one (fewer
    than two parts, a first part without a label, or any part that is no credit)."""
    labelled = _STORY_LABEL.sub("By ", text.strip(), count=1)
    parts = [part.strip() for part in _JOINT.split(labelled)]
    while parts and not parts[-1]:
        parts.pop()  # "… - Thanh Nien News -": a closing dash
    label = readers.by_label.match(parts[0]) if parts else None
    if not 2 <= len(parts) <= _MAX_PARTS or not all(parts) or label is None:
        return None
    head = list(readers.read_credit_line(parts[0]))
    rest = label["rest"]
    if "," in rest and any(ROLE_OPENING.match(part) for part in parts[1:]):
        # "By A, B- Translated by C": a staff byline before its translator lists names (a
        # comma alone after a name would read as its place or title)
        listed = readers.read_names(rest, "writer", raw, strict_case=True)
        if listed and all(entry.kind == "person" for entry in listed):
            head = listed
    if not any(entry.kind == "person" for entry in head):
        return None
    role = head[0].role
    entries = head
    outlet = False
    for part in parts[1:]:
        if ROLE_OPENING.match(part):
            found = list(readers.read_credit_line(part))
            if not found:
                return None
            entries += found
        elif (info := readers.find_organisation(part)) is not None:
            entries.append(readers.organisation_entry("reporter", info, raw))
            outlet = True
        elif _is_outlet_tag(part):
            outlet = True  # the outlet they write for, by a name the registry lacks
        elif parse_date_text(part) is not None:
            continue
        elif (names := readers.read_names(part, role, raw, strict_case=True)) and all(
            entry.kind == "person" for entry in names
        ):
            entries += names
        else:
            return None
    return [
        # people writing for an outlet report for it ("By NAME - NAME - OUTLET")
        replace(entry, role="reporter") if outlet and entry.role == "writer" else entry
        for entry in (replace(entry, raw=raw) for entry in entries)
    ]
