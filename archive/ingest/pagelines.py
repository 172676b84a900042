"""A saved page's lines, and the shapes of text the page readers weigh them by.

:func:`page_lines` gives the non-blank lines of a page with the offsets of their stripped
text (the story is composed from exact slices of the page). The predicates here read a
line's shape alone (a paragraph, a name, a dated line) in every script we serve; what a
line *is* on a page (furniture, headline, byline) is decided in ``furniture``,
``headlines`` and ``textpage`` from these shapes and the line's neighbours.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from archive.ingest.dates import parse_date_text
from archive.ingest.lineweight import line_weight


@dataclass(frozen=True, slots=True)
class Line:
    """A non-blank line: its stripped text and where that text stands in the page."""

    start: int
    end: int
    text: str


def is_substantial(text: str) -> bool:
    """Whether a line is more than a stray word ("Asia", "Menu") above the title.

    Length is weighed by script: ten Chinese characters are a headline, not a stray word.
    """
    return len(text.split()) >= 2 or line_weight(text) >= 12


def same_text(a: str, b: str) -> bool:
    """Equal up to case and runs of whitespace."""
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


_NEWLINE = re.compile(r"\r\n|\r|\n")
# A line's content: from its first to its last character that is not a space, a byte-order
# mark or a zero-width space (saved pages often start with a BOM).
_CONTENT = re.compile(r"[^\s\ufeff\u200b](?:.*[^\s\ufeff\u200b])?", re.DOTALL)


def page_lines(text: str) -> Iterator[Line]:
    """The non-blank lines of the page with the offsets of their stripped text."""
    start = 0
    for newline in (*_NEWLINE.finditer(text), None):
        end = newline.start() if newline else len(text)
        content = _CONTENT.search(text, start, end)
        if content:
            yield Line(content.start(), content.end(), content.group())
        if newline:
            start = newline.end()


SENTENCE_END = tuple(".!?。！？։။។៕།༎؟۔\"'”’»)）")
_MAX_SITE_NAME_WORDS = 5
# Scripts written without spaces between words, where a short line is often a headline.
UNSPACED = re.compile(r"[\u0e00-\u0eff\u0f00-\u0fff\u1000-\u109f\u1780-\u17ff]")


def is_site_shaped(text: str) -> bool:
    """Short enough to be a site, blog or section name (a few words, not an unspaced script)."""
    return len(text.split()) <= _MAX_SITE_NAME_WORDS and not UNSPACED.search(text)


def lead_position(lines: list[Line], content: list[int], *, under_subheading: bool) -> int | None:
    """Where the story's lead stands in ``content`` (line indices, in order): the first
    paragraph followed by another paragraph or by nothing; with ``under_subheading``, also
    one followed by a subheading right under it and the story going on right under that."""
    for position, index in enumerate(content):
        if not is_prose(lines[index].text):
            continue
        following = content[position + 1] if position + 1 < len(content) else None
        if following is None or is_prose(lines[following].text):
            return position
        after = content[position + 2] if position + 2 < len(content) else None
        if (
            under_subheading
            and following == index + 1
            and after == following + 1
            and is_prose(lines[after].text)
        ):
            return position
    return None


# Sentence punctuation that ends a paragraph. The Tibetan shad is left out: it closes
# headlines as often as sentences.
PROSE_END = tuple(".!?。！？։။။។៕༎؟۔")
CLOSERS = "\"'”’»)）」』]】"
_MIN_PROSE_WEIGHT = 60
# A line this long is running text whatever its ending (a paragraph cut off mid-sentence).
MAX_HEADLINE_WEIGHT = 180


# Khmer closes a statement with the khan ("។") and a text with "៕": a Khmer line that ends
# with an exclamation or a question and has no khan in it is a headline's cry ("… ពុំយកទោស
# ឡើយ!", "តើ …?"), not a paragraph, unless a place's dateline opens it ("ភ្នំពេញ៖ …": a
# lead's). Counted without its vowel signs and other marks (a Khmer headline runs long in
# code points: a syllable is several).
_KHMER_LETTER = re.compile(r"[\u1780-\u17b3]")
_KHMER_STATEMENT_END = re.compile(r"[។៕]")
_KHMER_DATELINE = re.compile(r"^[^\s៖:]{1,16}\s*[៖:]")
_MARKS = frozenset({"Mn", "Mc", "Me"})


def is_khmer_cry(text: str) -> bool:
    """Whether a line is a Khmer headline's exclamation or question (see above)."""
    if not text.rstrip(CLOSERS).endswith(("!", "?")) or _KHMER_STATEMENT_END.search(text):
        return False
    letters = sum(ch.isalpha() for ch in text)
    if not letters or 2 * len(_KHMER_LETTER.findall(text)) < letters:
        return False
    unmarked = sum(unicodedata.category(ch) not in _MARKS for ch in text)
    return unmarked <= MAX_HEADLINE_WEIGHT and not _KHMER_DATELINE.match(text)


def is_prose(text: str) -> bool:
    """Whether a line reads as a story paragraph: a sentence of some length, or long; never
    a Khmer headline's cry (:func:`is_khmer_cry`)."""
    if is_khmer_cry(text):
        return False
    weight = line_weight(text)
    if weight > MAX_HEADLINE_WEIGHT:
        return True
    return weight >= _MIN_PROSE_WEIGHT and text.rstrip(CLOSERS).endswith(PROSE_END)


def has_date(text: str) -> bool:
    """Whether a line holds a full date ("VOA News 20 September 2017"): a byline or
    a dated label, not a headline."""
    return any(ch.isdecimal() for ch in text) and parse_date_text(text) is not None


_NAME_SHAPE = re.compile(r"^[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,2}$")


def is_name_shaped(text: str) -> bool:
    """Two or three capitalised Latin words: a reporter's name under a headline."""
    return _NAME_SHAPE.match(text) is not None and not any(ch.isdecimal() for ch in text)


def fold_line(text: str) -> str:
    """A line's text with case and spacing folded: how the learned readers compare lines."""
    return " ".join(text.split()).casefold()


def letter_scripts(text: str) -> Counter[str]:
    """Letters per script (ISO 15924), digits, punctuation and marks left out."""
    from archive.analysis.scripts import NEUTRAL_SCRIPTS, char_script

    scripts: Counter[str] = Counter()
    for char in text:
        if char.isalpha():
            script = char_script(char)
            if script not in NEUTRAL_SCRIPTS:
                scripts[script] += 1
    return scripts


def _bigrams(text: str) -> set[str]:
    folded = fold_line(text)
    return {folded[i : i + 2] for i in range(len(folded) - 1)}


def similarity(a: str, b: str) -> float:
    """Share of character pairs two texts have in common (Jaccard): 1.0 for a copy."""
    first, second = _bigrams(a), _bigrams(b)
    if not first or not second:
        return 0.0
    return len(first & second) / len(first | second)


def log_weight(text: str) -> float:
    """The log of a line's weight (``line_weight``): the learned readers' length feature."""
    return math.log1p(line_weight(text))
