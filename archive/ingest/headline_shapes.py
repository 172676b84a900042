"""Shapes of lines that stand where a headline stands but are not one.

Unseen pages put their own furniture above the lead: a row of menu items ("A · B · C",
"정치.사회.북한.국제", "트위터 페이스북 카카오톡"), a numbered skip link ("1. Skip to content"),
a contact line with a phone number, a photo's caption closing with its credit, another
story's teaser cut with "…". These read a line's *shape* alone (or its words against the
story's), the same in every language, for the headline model's features
(``headline_model.headline_features``); the model weighs them, none decides alone.
"""

from __future__ import annotations

import re

from archive.ingest.furniture import PHOTO_CAPTION, PHOTO_WORDS
from archive.ingest.lineweight import line_weight

__all__ = [
    "caption_shaped",
    "digit_run",
    "is_numbered",
    "menu_items",
    "truncated_stem",
    "uniform_tokens",
    "word_overlap",
]

# Separators between a menu's items: a middle dot, a bar, a slash, brackets, a bullet, a
# full stop or comma glued between words, or a run of spaces.
_ITEM_SEPARATOR = re.compile(r"\s*[·•|｜/【】\[\]»›]\s*|(?<=[^\W\d])[.,、](?=[^\W\d])|\s{2,}")
_MAX_ITEM_WEIGHT = 24  # a menu item: a word or two, a short phrase


def menu_items(text: str) -> int:
    """How many short items a line splits into at menu separators ("A · B · C" is 3), or 0
    when any item is longer than a menu's (a headline with one "/" or "|" in it)."""
    items = [item for item in _ITEM_SEPARATOR.split(text) if item.strip()]
    if len(items) < 2 or any(line_weight(item) > _MAX_ITEM_WEIGHT for item in items):
        return 0
    return len(items)


_MIN_TOKENS, _MAX_TOKENS = 3, 8
_MAX_TOKEN_WEIGHT = 12


def uniform_tokens(text: str) -> float:
    """How alike in length a line's space-separated tokens are (shortest over longest), for
    a line of three to eight short tokens (a row of link labels: "Twitter Facebook Kakao");
    0 for any other line."""
    weights = [line_weight(token) for token in text.split()]
    if not _MIN_TOKENS <= len(weights) <= _MAX_TOKENS or max(weights) > _MAX_TOKEN_WEIGHT:
        return 0.0
    return min(weights) / max(1, max(weights))


_NUMBERED = re.compile(r"^\s*\d{1,2}\s*[.)、]\s*\S")


def is_numbered(text: str) -> bool:
    """Whether a line starts as a numbered list's item ("1. Skip to content")."""
    return _NUMBERED.match(text) is not None


_DIGITS = re.compile(r"\d+")


def digit_run(text: str) -> int:
    """The longest run of digits in a line, spaces and dashes inside it ignored (a phone
    number: "071 614 0005" is 10)."""
    runs = _DIGITS.findall(re.sub(r"(?<=\d)[\s\-.]+(?=\d)", "", text))
    return max((len(run) for run in runs), default=0)


# A photo's credit closing a caption: "… Photo: NAME", "사진=NAME", "(NAME | OUTLET)".
_CREDIT_TAIL = re.compile(
    rf"(?:(?:{PHOTO_WORDS})\s*[:：=/]\s*[^:：=/]{{2,40}}|[(（][^()（）|｜]{{2,40}}[|｜][^()（）|｜]{{2,40}}[)）])\s*$",
    re.IGNORECASE,
)


def caption_shaped(text: str) -> bool:
    """Whether a line closes as a photo's caption does, with its photo's credit ("… Photo:
    NAME", "(NAME | OUTLET)", "(사진=…)", "(AP Photo/NAME)")."""
    return PHOTO_CAPTION.search(text) is not None or _CREDIT_TAIL.search(text) is not None


_ELLIPSIS = re.compile(r"\s*(?:\.{2,}|…+)\s*$")
_MIN_STEM_WEIGHT = 12


def truncated_stem(text: str) -> str | None:
    """A line cut with an ellipsis ("A long sentence that goes…"): the text before it; None
    for a line that does not end so or is too short to be a cut sentence."""
    cut = _ELLIPSIS.search(text)
    if cut is None:
        return None
    stem = text[: cut.start()].rstrip()
    return stem if line_weight(stem) >= _MIN_STEM_WEIGHT else None


_WORD = re.compile(r"\w+")
_UNSPACED_RUN = re.compile(r"[^\W\d_]{6,}")


def _units(text: str) -> set[str]:
    """A text's comparable units: its words, and in a script written without spaces (a run
    of six letters or more) its letter pairs."""
    units: set[str] = set()
    for word in _WORD.findall(text.casefold()):
        if _UNSPACED_RUN.fullmatch(word) and not word.isascii():
            units.update(word[i : i + 2] for i in range(len(word) - 1))
        else:
            units.add(word)
    return units


def word_overlap(text: str, story: str) -> float:
    """The share of a line's words (letter pairs in an unspaced script) found in ``story``:
    a headline's words recur in its lead; a menu's, a site's motto's do not."""
    units = _units(text)
    if not units:
        return 0.0
    return len(units & _units(story)) / len(units)
