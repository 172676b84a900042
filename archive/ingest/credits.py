"""Credit lines ("Reported by …. Translated by …. Written in English by ….") → provenance.

A credit line is read in three steps:

1. anything from "Copyright"/"©" on is cut off (the permission notice is not a credit);
2. the rest is split into sentences, taking care that the dot of an initial
   ("Claire S. Lee", "by Joshua L.") does not end a sentence unless a new credit starts;
3. in each sentence every *role phrase* ("Reported by", "Reported for RFA's Lao Service
   by", "Translated and written in English by", "with additional reporting by" …) starts a
   clause whose text, up to the next role phrase, is a list of people and services joined
   by commas, "and" or "&", each optionally followed by "for <service>".

Sentences without a role phrase are ignored, as are list items that look like neither a
person nor a service, so arbitrary text never raises.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from archive.identity.names import clean_person_name
from archive.identity.services import resolve_service, service_key_for

__all__ = [
    "CreditEntry",
    "ParsedCredits",
    "Role",
    "looks_like_credit_line",
    "originating_service",
    "parse_credit_line",
]

Role = Literal[
    "reporter",
    "translator",
    "writer",
    "editor",
    "contributor",
    "photographer",
    "narrator",
    "source",
]


@dataclass(frozen=True, slots=True)
class CreditEntry:
    """One credit: a person or a service in one role.

    Attributes:
        role: What they did.
        name: The person's name as written (cleaned), or the service's canonical name.
        kind: ``"person"`` or ``"service"``.
        service_key: For a service, its key; for a person, the service they worked for if
            the line says so ("Reported by X for RFA's Lao Service"), else None.
        raw: The sentence of the credit line this credit was read from.
    """

    role: Role
    name: str
    kind: Literal["person", "service"]
    service_key: str | None = None
    raw: str = ""


@dataclass(frozen=True, slots=True)
class ParsedCredits:
    """Everything read from one credit line.

    Attributes:
        entries: The credits in order of appearance (the index is the position).
        service_key: The originating language service, if the line names one.
        raw: The whole credit line exactly as given.
    """

    entries: tuple[CreditEntry, ...]
    service_key: str | None
    raw: str


# --- role phrases -----------------------------------------------------------------------

_ROLE_WORD = r"""(?:reported|reporting|translated|translation|written|writing
                   |edited|editing|contributed|contributions?|contributing|narrated
                   |photos?|photographs?|photographed|photography)"""
_ROLE_WORD_RE = re.compile(rf"\b{_ROLE_WORD}\b", re.IGNORECASE | re.VERBOSE)

# What may qualify a role word before "by": "in English", "from (the) Burmese",
# "for RFA's Lao Service".
_MODIFIER = r"""
    \s+ (?: in(?:to)?\s+English
          | from\s+(?:the\s+)?[^\W\d_]+(?:[\s-]language)?
          | for\s+(?:(?!\b(?:for|by)\b)[^.;\n]){1,80}?   # no inner "for": no ambiguity
          )
"""

_ROLE_PHRASE = re.compile(
    rf"""
    (?<![\w'’])
    (?P<prefix> (?:with\s+)?(?:additional|further|extra)\s+ | with\s+ )?
    (?P<roles>
        {_ROLE_WORD} (?:{_MODIFIER})*
        (?: \s*(?:,\s*(?:and\s+)? | &\s* | \s and\s+) {_ROLE_WORD} (?:{_MODIFIER})* )*
    )
    \s+ (?: by\b | (?(prefix) from\b | (?!)) )   # "with reporting from …" is also a credit
    """,
    re.IGNORECASE | re.VERBOSE,
)

# The "for <service>" part of a role phrase, up to the next role word or the end.
_PHRASE_SERVICE = re.compile(
    rf"""\bfor\s+(?P<service>.+?)
         (?= \s*(?:,\s*(?:and\s+)?|&\s*|\s+and\s+){_ROLE_WORD}\b | \s*$ )""",
    re.IGNORECASE | re.VERBOSE,
)

_ROLE_OF_WORD: dict[str, Role] = {
    "reported": "reporter",
    "reporting": "reporter",
    "translated": "translator",
    "translation": "translator",
    "written": "writer",
    "writing": "writer",
    "edited": "editor",
    "editing": "editor",
    "contributed": "contributor",
    "contribution": "contributor",
    "contributions": "contributor",
    "contributing": "contributor",
    "narrated": "narrator",
    "photo": "photographer",
    "photos": "photographer",
    "photograph": "photographer",
    "photographs": "photographer",
    "photographed": "photographer",
    "photography": "photographer",
}

# --- sentences --------------------------------------------------------------------------

_COPYRIGHT = re.compile(r"\bcopyright\b|©|\(c\)\s*\d{4}", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?;]+(?=\s|$)|[.!?;]+(?=[A-Z])|\n")
# Tokens whose dot does not end a sentence (besides single-letter initials).
_ABBREVIATIONS = frozenset(
    {"jr", "sr", "dr", "mr", "mrs", "ms", "st", "gen", "lt", "col", "maj", "capt", "sgt",
     "prof", "rev", "hon", "mt", "ft"}
)  # fmt: skip

# --- list items -------------------------------------------------------------------------

_AND_BY = re.compile(r",?\s+and\s+by\s+|,\s*by\s+", re.IGNORECASE)
_ITEM_SEPARATOR = re.compile(r"\s*,\s*(?:and\s+|&\s*)?|\s+and\s+|\s*&\s*", re.IGNORECASE)
_TRAILING_PUNCTUATION = " \t\n\r\f\v\u00a0,;&:—–-"
_TRAILING_WORDS = frozenset({"and", "with", "while"})
_FOR_SERVICE = re.compile(
    r"^(?P<who>.+?)\s+(?P<prep>for|of|with|from|at|in)\s+(?P<service>\S.*)$", re.IGNORECASE
)
# Prepositions that may introduce a place rather than a service ("X in Bangkok").
_PLACE_PREPOSITIONS = frozenset({"in", "from", "at"})
_SERVICE_WORDS = re.compile(
    r"""\b(?:RFA|Radio\s+Free\s+Asia|VOA|Voice\s+of\s+America|Benar\s?News)\b
        | \b(?:service|services|staff)\W*$""",
    re.IGNORECASE | re.VERBOSE,
)
_NAME_PARTICLES = frozenset(
    {"de", "da", "di", "del", "della", "van", "von", "der", "den", "du", "dos", "das", "la",
     "le", "bin", "binti", "ibn", "al", "el", "y", "e", "ben", "ter", "ten", "zu"}
)  # fmt: skip
_NAME_PUNCTUATION = frozenset(" .'’ʼ‘-")
_MAX_NAME_WORDS = 6


@dataclass(frozen=True, slots=True)
class _Sentence:
    """A sentence of the credit line: its span in the line and its text."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class _Reading:
    """What the parser found, with the counts :func:`looks_like_credit_line` judges by."""

    entries: tuple[CreditEntry, ...]
    credit_sentences: int
    other_sentences: int
    rejected_items: int
    starts_with_role: bool


def _is_soft_stop(text: str, stop: int) -> bool:
    """Whether the dot at ``stop`` belongs to an initial or abbreviation, not a sentence end."""
    if text[stop] != ".":
        return False
    begin = stop
    while begin > 0 and not (text[begin - 1].isspace() or text[begin - 1] in ".("):
        begin -= 1
    token = text[begin:stop]
    if len(token) == 1 and token.isalpha():
        return token.isascii() or unicodedata.name(token, "").startswith("LATIN")
    return token.casefold() in _ABBREVIATIONS


def _starts_role_phrase(text: str, pos: int) -> bool:
    """Whether a capitalised role phrase ("Translated by") starts at ``pos`` (after spaces)."""
    while pos < len(text) and text[pos].isspace():
        pos += 1
    match = _ROLE_PHRASE.match(text, pos)
    return match is not None and text[pos].isupper()


def _split_sentences(text: str) -> Iterator[_Sentence]:
    """Split a credit line into sentences, keeping initials' dots inside names."""
    start = 0
    for stop in _SENTENCE_END.finditer(text):
        glued = stop.end() < len(text) and not text[stop.end()].isspace()
        if glued and not _starts_role_phrase(text, stop.end()):
            continue  # "U.S.A" or "RFA.org": not a sentence end
        if (
            not glued
            and stop.group() != "\n"
            and _is_soft_stop(text, stop.start())
            and not _starts_role_phrase(text, stop.end())
        ):
            continue
        yield from _sentence(text, start, stop.end())
        start = stop.end()
    yield from _sentence(text, start, len(text))


def _sentence(text: str, start: int, end: int) -> Iterator[_Sentence]:
    """The stripped sentence in ``text[start:end]``, if it holds anything."""
    chunk = text[start:end]
    stripped = chunk.strip()
    if stripped:
        lead = len(chunk) - len(chunk.lstrip())
        yield _Sentence(start + lead, start + lead + len(stripped), stripped)


def _phrase_service(phrase: re.Match[str]) -> str | None:
    """The service named inside a role phrase ("Reported for RFA's Lao Service by")."""
    match = _PHRASE_SERVICE.search(phrase["roles"])
    return match["service"] if match else None


def _roles_of(phrase: re.Match[str]) -> list[Role]:
    """The roles a role phrase assigns, in order, without duplicates."""
    words = phrase["roles"]
    service = _phrase_service(phrase)
    if service:
        # Role words inside a "for <service>" part are not roles.
        words = words.replace(service, " ")
    contributor = phrase["prefix"] is not None
    roles: list[Role] = []
    for word in _ROLE_WORD_RE.findall(words):
        role = _ROLE_OF_WORD[word.casefold()]
        if contributor and role == "reporter":
            role = "contributor"
        if role not in roles:
            roles.append(role)
    return roles


def _looks_like_service(text: str) -> bool:
    """Whether a list item names a service rather than a person."""
    return bool(_SERVICE_WORDS.search(text)) or resolve_service(text) is not None


def _is_person_name(name: str) -> bool:
    """Whether a cleaned list item is plausibly a person's name (not a stray phrase)."""
    if not name or len(name) > 80 or not name[0].isalpha():
        return False
    if not all(ch in _NAME_PUNCTUATION or unicodedata.category(ch)[0] in "LM" for ch in name):
        return False
    words = name.split()
    if len(words) > _MAX_NAME_WORDS or name[0].islower():
        return False
    return all(not w[0].islower() or w.casefold() in _NAME_PARTICLES for w in words)


def _service_entry(role: Role, text: str, raw: str) -> CreditEntry | None:
    """A credit held by a service; None if no key can be made from the text."""
    info = resolve_service(text)
    if info is not None:
        return CreditEntry(role, info.name, "service", info.key, raw)
    name = re.sub(r"^the\s+", "", clean_person_name(text), flags=re.IGNORECASE)
    try:
        key = service_key_for(name)
    except ValueError:
        return None
    return CreditEntry(role, name, "service", key, raw)


def _split_service(item: str) -> tuple[str, str | None]:
    """Split "NAME for RFA's Lao Service" into the name and the service text."""
    match = _FOR_SERVICE.match(item)
    if match is None:
        return item, None
    service = match["service"]
    if (match["prep"].casefold() == "for" and service[0].isupper()) or _looks_like_service(service):
        return match["who"], service
    if match["prep"].casefold() in _PLACE_PREPOSITIONS and _is_person_name(
        clean_person_name(match["who"])
    ):
        return match["who"], None  # "Panu Wongcha-um in Bangkok": the place is not a credit
    return item, None


def _strip_joiners(body: str) -> str:
    """Drop what joins a clause to the next role phrase ("A and| translated by B")."""
    while True:
        body = body.rstrip(_TRAILING_PUNCTUATION)
        head, _, word = body.rpartition(" ")
        if word.casefold() not in _TRAILING_WORDS:
            return body
        body = head


def _read_clause(
    roles: list[Role], body: str, default_service: str | None, raw: str
) -> tuple[list[CreditEntry], int]:
    """Read the people and services after one role phrase.

    Returns:
        The entries (role-major: every name for the first role, then for the next) and the
        number of list items that were neither a person nor a service.
    """
    body = _strip_joiners(body)
    # (kind, text, service text) per item, in order
    items: list[tuple[Literal["person", "service"], str, str | None]] = []
    rejected = 0
    for group in _AND_BY.split(body):
        group_items: list[tuple[Literal["person", "service"], str, str | None]] = []
        for part in _ITEM_SEPARATOR.split(group):
            part = part.strip()
            if not part or not part.strip(".,;:!?"):
                continue
            if _looks_like_service(part) and _FOR_SERVICE.match(part) is None:
                group_items.append(("service", part, None))
                continue
            who, service = _split_service(part)
            name = clean_person_name(who)
            if _is_person_name(name):
                group_items.append(("person", name, service))
            elif _looks_like_service(part):
                group_items.append(("service", part, None))
            else:
                rejected += 1
        # "A and B for RFA's Lao Service": the service named after the last name covers all.
        following: str | None = None
        for index in range(len(group_items) - 1, -1, -1):
            kind, text, service = group_items[index]
            if kind == "person" and service is None and following is not None:
                group_items[index] = (kind, text, following)
            elif service is not None:
                following = service
        items.extend(group_items)

    entries: list[CreditEntry] = []
    for role in roles:
        for kind, text, service in items:
            if kind == "service":
                entry = _service_entry(role, text, raw)
                if entry is not None:
                    entries.append(entry)
                continue
            service = service if service is not None else default_service
            key = _safe_service_key(service)
            entries.append(CreditEntry(role, text, "person", key, raw))
    return entries, rejected


def _safe_service_key(text: str | None) -> str | None:
    """The service key for a service mention, or None if there is none to make."""
    if text is None:
        return None
    try:
        return service_key_for(text)
    except ValueError:
        return None


def _read(text: str) -> _Reading:
    """Parse a credit line, keeping the counts that tell a credit line from prose."""
    cut = _COPYRIGHT.search(text)
    usable = text[: cut.start()] if cut else text
    entries: list[CreditEntry] = []
    credit_sentences = other_sentences = rejected = 0
    starts_with_role = False
    for index, sentence in enumerate(_split_sentences(usable)):
        phrases = list(_ROLE_PHRASE.finditer(sentence.text))
        if not phrases:
            other_sentences += 1
            continue
        credit_sentences += 1
        if index == 0:
            lead = sentence.text[: phrases[0].start()]
            starts_with_role = not any(ch.isalnum() for ch in lead)
        for number, phrase in enumerate(phrases):
            end = phrases[number + 1].start() if number + 1 < len(phrases) else None
            body = sentence.text[phrase.end() : end]
            service = _phrase_service(phrase)
            found, bad = _read_clause(_roles_of(phrase), body, service, sentence.text)
            entries.extend(found)
            rejected += bad
    return _Reading(tuple(entries), credit_sentences, other_sentences, rejected, starts_with_role)


def originating_service(entries: tuple[CreditEntry, ...]) -> str | None:
    """The service the story came from: the reporters' service, else any service named."""
    for wanted in (True, False):
        for entry in entries:
            if entry.service_key is not None and (entry.role == "reporter") == wanted:
                return entry.service_key
    return None


def parse_credit_line(text: str) -> ParsedCredits:
    """Read the credits from a credit line.

    >>> [(e.role, e.name, e.kind) for e in parse_credit_line(
    ...     "Reported by RFA’s Myanmar Service. Translated by Khin Maung Nyane."
    ... ).entries]
    [('reporter', 'RFA Myanmar Service', 'service'), ('translator', 'Khin Maung Nyane', 'person')]

    Never raises: sentences it cannot read are skipped.
    """
    reading = _read(text)
    return ParsedCredits(reading.entries, originating_service(reading.entries), text)


def looks_like_credit_line(text: str) -> bool:
    """Whether a paragraph is a credit line rather than story text.

    True when it opens with a role phrase ("Reported by", "Translated by" …), is short,
    yields at least one credit, every listed item reads as a person or a service, and most
    of its sentences are credits.
    """
    cut = _COPYRIGHT.search(text)
    usable = (text[: cut.start()] if cut else text).strip()
    if not usable or len(usable) > 600:
        return False
    reading = _read(usable)
    return (
        reading.starts_with_role
        and bool(reading.entries)
        and reading.rejected_items == 0
        and reading.credit_sentences >= reading.other_sentences
    )
