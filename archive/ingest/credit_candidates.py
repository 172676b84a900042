"""Credit candidates: the credits every reader gave, plus looser ones from the page's slots.

The rule readers (bylines.py and the shape readers) take a line only when all of it reads as
credits. The *loose* readers here propose more, by the closed word classes of
``credit_words`` alone: a role label followed by name-shaped spans ("تەرجىمە قىلغۇچى: NAME",
"记者 NAME NAME NAME", "Theo NAME"), a name then a label ("NAME, biên tập viên RFA",
"NAME 기자"), a name-shaped line alone or "NAME and NAME". They read only the *slots* where
credits stand: around the headline down to the lead's head, and the story's end. The
acceptor (``credit_model``) decides which candidates are credits.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from archive.ingest.addresses import EMAIL_ADDRESS, HIDDEN_EMAIL
from archive.ingest.bylines import find_organisation, is_plausible_name
from archive.ingest.credit_words import (
    has_meta_word,
    has_outlet_word,
    is_generic_credit,
    label_role,
    strip_titles,
)
from archive.ingest.credits import CreditEntry, Role
from archive.ingest.label_runs import label_runs
from archive.ingest.not_persons import names_no_person
from archive.ingest.runon_names import cut_run_on

__all__ = [
    "EMAIL",
    "CreditCandidate",
    "clean_candidate_name",
    "loose_candidates",
    "slot_lines",
]

_SLOT_ABOVE = 3  # lines over the headline a byline may stand on (reposted pages)
_SLOT_BELOW = 5  # the lead's head: lines of the story's start read (a caption, a date over it)
_END_LINES = 4  # the story's last lines, and as many after it
_MAX_LINE_CHARS = 90  # a longer line is a paragraph: the rule readers read those
_MAX_NAME_CHARS = 40
_MAX_NAME_WORDS = 5
# "and" in every language we serve (spaced: Khmer និង, Lao ແລະ, Burmese နှင့်, Tibetan
# དང་, Uyghur ۋە / we / вә, Korean 및; glued: Chinese 和 及 與 与).
_SEPARATORS = re.compile(
    r"\s*(?:[、,，;；/／|]|\s+(?:and|&|và|và|och|និង|ແລະ|နှင့်|ႏွင့္|དང་|ۋە|we|вә|및)\s+"
    r"|和|及|與|与)\s*"
)
_LEAD_PUNCT = " \t:：-–—|/︱·•*=()（）[]【】〔〕៖།༎"
# A bracketed part of a line: "(记者 NAME NAME)" opening a lead, "(NAME, RFA)" closing a
# headline.
_BRACKETED = re.compile(r"[(（\[【〔]([^()（）\[\]【】〔〕]{2,80})[)）\]】〕]")
# The parts of a line a bar, a spaced dash, a Burmese full stop, a slash or "by" set apart:
# "NAME | OUTLET | DATE", "HEADLINE - NAME", "DATE။NAME/OUTLET".
_SEGMENTS = re.compile(r"\s*(?:\||\s[-–—]\s|။|/|\sby\s)\s*", re.IGNORECASE)
# "NAME contributed to this report": the object of the closing phrase says nothing.
_TO_THIS = re.compile(r"\s+to this (?:report|story|post|article)\W*$", re.IGNORECASE)
# An e-mail address beside a name ("BY NAME [NAME@example.com]", "NAME <NAME@example.com>"),
# or the placeholder a saved page shows for a hidden one ("[email protected]").
EMAIL = re.compile(rf"\s*[(<\[]*(?:{EMAIL_ADDRESS}|{HIDDEN_EMAIL})[)>\]]*", re.IGNORECASE)
# Words of a writer's title after a name: "By NAME Epoch Times Staff", "NAME, Contributing
# writer", "NAME Staff Reporter".
# A contact tagline: "NAME can be reached at ADDRESS" (the address is taken off first).
_REACHED = re.compile(r"\s+(?:can|may) be (?:reached|contacted)(?: at| by e-?mail)?\W*$", re.I)
# People listed each with a title: "A, Staff Writer, and B, Correspondent".
_TITLED_LIST = re.compile(r",?\s+and\s+|;\s+")
_TITLE_WORDS = frozenset(
    {"staff", "writer", "reporter", "correspondent", "editor", "contributor", "columnist",
     "contributing", "senior", "special", "chief", "associate", "freelance"}
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class CreditCandidate:
    """A credit a reader proposes.

    Attributes:
        entry: The credit as read.
        reader: Which reader gave it (``top``, ``slot``, ``bottom``, ``prose`` … for the
            rule readers; ``loose_label``, ``loose_after``, ``loose_alone`` for this
            module's).
        line: The page line it was read from, when known.
        origin: For a rule reader's credit, its place among the rules' credits.
    """

    entry: CreditEntry
    reader: str
    line: int | None
    origin: int | None = None


def slot_lines(count: int, *, title: int | None, first: int, last: int) -> list[int]:
    """The lines where a byline or credit stands: from a few over the headline (and the
    headline's own line: a credit line may be taken for it) down to the lead's head, and
    the story's last lines with a few after them."""
    top = title if title is not None and title < first else first
    rows = {
        *range(max(0, top - _SLOT_ABOVE), min(count, first + _SLOT_BELOW)),
        *range(max(first, last - _END_LINES + 1), min(count, last + 1 + _END_LINES)),
    }
    return sorted({*rows, *([title] if title is not None else [])})


def _normal(text: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text)).strip()


# "ByJane Roe": the label "By" glued to a capitalised name (a page's markup lost the space),
# or printed twice ("by By Jane Roe": a theme's label over the byline's own)
_GLUED_BY = re.compile(r"^By(?:\s+)?(?=[A-ZÀ-ÞĀ-Ž][a-zß-ÿā-ž])")


def clean_candidate_name(name: str) -> str:
    """A proposed name without the punctuation around it, a glued "By" ("ByJane Roe") and
    its titles (Dr., បណ្ឌិត …), and cut where it runs on into the next field (a dateline's
    place in capitals, an outlet's brand, the byline printed twice: ``cut_run_on``)."""
    name = _GLUED_BY.sub("", name.strip(_LEAD_PUNCT + ".,;。،"))
    return cut_run_on(strip_titles(name).strip(_LEAD_PUNCT + ".,;。،་"))


def _name_shaped(name: str) -> bool:
    """A person's name's shape in its script (``bylines.is_plausible_name``: capitalised in
    Latin script, two to four syllables a word in Chinese and Korean …), not a generic
    credit ("our reporter", 时间), no outlet (the registry's, or a name with an outlet's
    word: the rule readers credit outlets)."""
    if not name or len(name) > _MAX_NAME_CHARS or len(name.split()) > _MAX_NAME_WORDS:
        return False
    # (a Zawgyi Burmese name may open with a vowel sign or a medial: "ျမ…", "ေ…")
    opens_with_mark = unicodedata.category(name[0])[0] == "M"
    if not (is_plausible_name(name) or (opens_with_mark and is_plausible_name("က" + name))):
        return False
    return not (
        is_generic_credit(name)
        or has_outlet_word(name)
        or has_meta_word(name)
        or names_no_person(name)
        or find_organisation(name)
    )


def _unlabelled(part: str) -> str:
    """A list item without the label opening it ("Editing by NAME" → "NAME")."""
    part = part.strip()
    head = label_role(part)
    return part[head[1] :] if head is not None and _normal(part) == part else part


def _cjk_word(word: str) -> bool:
    return all("\u3400" <= ch <= "\u9fff" or "\uac00" <= ch <= "\ud7a3" for ch in word)


def _names(text: str) -> list[str]:
    """The names of a list ("A, B and C", "A、B", Chinese or Korean names spaced apart)."""
    parts = [clean_candidate_name(_unlabelled(part)) for part in _SEPARATORS.split(text)]
    parts = [part for part in parts if part]
    out: list[str] = []
    for part in parts:
        words = part.split()
        # "记者 王明 李华": Chinese and Korean names are spaced from each other
        if len(words) > 1 and all(_cjk_word(word) and 2 <= len(word) <= 4 for word in words):
            out += words
        else:
            out.append(part)
    return out


def _titled(tail: str) -> bool:
    """Whether the words after a name are its writer's title, its outlet, or an outlet then
    a title ("Staff Writer", "Epoch Times Staff", "Phnom Penh Post"), not more of the name
    ("Win Staff Writer" is no title: "Win" is the name's)."""
    words = tail.split()
    at = next(
        (i for i, w in enumerate(words) if set(re.split(r"[-.,;:]+", w.casefold())) & _TITLE_WORDS),
        None,
    )
    outlet = " ".join(words if at is None else words[:at]).strip(_LEAD_PUNCT + ".,;")
    if not outlet:
        return at is not None
    return has_outlet_word(outlet) or find_organisation(outlet) is not None


def _name_then_title(rest: str) -> str | None:
    """The name opening a label's value that runs on into its writer's title or outlet
    ("June Roe Epoch Times Staff" → "June Roe"): the shortest run of two to four opening
    words that is name-shaped with only a title after it (an outlet's name may hold a
    place: "Phnom Penh Post Staff")."""
    words = rest.split()
    if not words or words[0].casefold() == "the":  # "By The Associated Press": an outlet
        return None
    for cut in range(2, min(4, len(words) - 1) + 1):
        name = clean_candidate_name(" ".join(words[:cut]))
        if _name_shaped(name) and _titled(" ".join(words[cut:])):
            return name
    return None


def _candidates_of_line(text: str) -> list[tuple[Role, str, str]]:
    """(role, name, reader) for the loose readings of one short line."""
    line = EMAIL.sub("", _TO_THIS.sub("", _normal(text))).strip()
    if (reached := _REACHED.search(line)) is not None:
        # "• NAME can be reached at ADDRESS": the writer's contact line
        contact = clean_candidate_name(line[: reached.start()].lstrip("•*·-– "))
        return [("reporter", contact, "loose_after")] if _name_shaped(contact) else []
    found: list[tuple[Role, str, str]] = []
    if (head := label_role(line)) is not None:
        role, length = head
        rest = line[length:].strip(_LEAD_PUNCT)
        names = _names(rest) if rest and not is_generic_credit(line) else []
        if rest and (titled := _name_then_title(rest)) is not None:
            found.append((role, titled, "loose_label"))
        elif names and all(_name_shaped(name) for name in names):
            found += [(role, name, "loose_label") for name in names]
        return found
    if not line or is_generic_credit(line):
        return found  # "本刊记者": a label and "our", no one by name
    people = _TITLED_LIST.split(line)
    if len(people) > 1 and all("," in person for person in people):
        # "A, OUTLET editor-at-large, and B, Contributing writer": each name with its title
        return [found for person in people for found in _candidates_of_line(person)]
    name_part, comma, tail = line.partition(",")
    # "NAME, biên tập viên RFA", "NAME, OUTLET", "NAME, Staff Writer": a label, an outlet
    # or a writer's title after the name
    after = label_role(tail.strip()) or (
        ("reporter", 0) if find_organisation(tail) or _titled(tail) else None
    )
    if comma and after is not None:
        name = clean_candidate_name(name_part)
        if _name_shaped(name):
            found.append((after[0], name, "loose_after"))
        return found
    if (end := label_role(line, at="end")) is not None:
        name = clean_candidate_name(line[: len(line) - end[1]])
        if _name_shaped(name):
            found.append((end[0], name, "loose_after"))
        return found
    names = _names(line)
    if 0 < len(names) <= 3 and all(_name_shaped(name) for name in names):
        found += [("reporter", name, "loose_alone") for name in names]
    return found


def _run_candidates(text: str) -> list[tuple[Role, str, str]]:
    """The names of a line's label runs (``label_runs``: "本报记者 NAME 通讯员 NAME NAME",
    "OUTLET Reporter NAME, title", "NAME OUTLET 부서 기자"): each run's leading name-shaped
    parts, or a Chinese or Korean name opening a run that holds more (its outlet, its
    desk)."""
    found: list[tuple[Role, str, str]] = []
    for role, names_text in label_runs(_TO_THIS.sub("", _normal(text))):
        names: list[str] = []
        for name in _names(names_text):
            if not _name_shaped(name):
                break
            names.append(name)
        first = names_text.split()[0].strip(_LEAD_PUNCT) if names_text.split() else ""
        if not names and _cjk_word(first) and _name_shaped(first):
            names = [first]
        found += [(role, name, "loose_label") for name in names]
    return found


def _readings(text: str) -> list[tuple[Role, str, str]]:
    """Every loose reading of a slot line: its bracketed parts (of a line of any length),
    then the whole short line, or else its label runs, or else each of its parts; the
    label runs of a line with a label in brackets are that bracket's."""
    bracketed: list[tuple[Role, str, str]] = []
    for match in _BRACKETED.finditer(text):
        inside = _candidates_of_line(match.group(1)) or _run_candidates(match.group(1))
        bracketed += [(role, name, "loose_bracket") for role, name, _reader in inside]
    short = len(text) <= _MAX_LINE_CHARS
    found = _candidates_of_line(text) if short else []
    if not found and short and not any(label_runs(m.group(1)) for m in _BRACKETED.finditer(text)):
        found = _run_candidates(text)
    if not found and short:
        parts = [part for part in _SEGMENTS.split(_normal(text)) if part.strip()]
        if len(parts) > 1:
            found = [
                (role, name, "loose_segment")
                for part in parts
                for role, name, _reader in _candidates_of_line(part)
            ]
    return found + bracketed


def loose_candidates(
    texts: Sequence[str], *, title: int | None, first: int, last: int
) -> list[CreditCandidate]:
    """The loose readers' candidates on a page's slot lines (see the module's docstring)."""
    out: list[CreditCandidate] = []
    for row in slot_lines(len(texts), title=title, first=first, last=last):
        text = texts[row]
        for role, name, reader in _readings(text) if text.strip() else []:
            out.append(CreditCandidate(CreditEntry(role, name, "person", None, text), reader, row))
    return out
