"""Pure text helpers for search: which characters need substring search, bigram tokens, words.

Scripts written without spaces between words (Han, Kana, Hangul inside words, Myanmar, Khmer,
Lao, Thai, Tibetan) are searched by substring: the ``trigram`` index for terms of three or more
characters, and a bigram index for shorter ones. Everything else is searched by words
(``unicode61``). These functions hold no state and do no I/O.
"""

from __future__ import annotations

import re
import unicodedata
from itertools import pairwise

__all__ = [
    "SPACELESS_RANGES",
    "bigram_document",
    "bigram_query",
    "fold_word",
    "has_spaceless",
    "has_word_chars",
    "is_spaceless",
    "spaceless_runs",
    "word_spans",
]

# Code point ranges of scripts written without spaces between words.
SPACELESS_RANGES: tuple[tuple[int, int], ...] = (
    (0x0E00, 0x0E7F),  # Thai
    (0x0E80, 0x0EFF),  # Lao
    (0x0F00, 0x0FFF),  # Tibetan
    (0x1000, 0x109F),  # Myanmar
    (0x1100, 0x11FF),  # Hangul Jamo
    (0x1780, 0x17FF),  # Khmer
    (0x19E0, 0x19FF),  # Khmer symbols
    (0x2E80, 0x2FDF),  # CJK radicals, Kangxi radicals
    (0x3005, 0x3007),  # 々 〆 〇
    (0x3040, 0x30FF),  # Hiragana, Katakana
    (0x3100, 0x312F),  # Bopomofo
    (0x3130, 0x318F),  # Hangul compatibility Jamo
    (0x31A0, 0x31FF),  # Bopomofo extended, CJK strokes, Katakana extensions
    (0x3400, 0x4DBF),  # CJK extension A
    (0x4E00, 0x9FFF),  # CJK unified ideographs
    (0xA960, 0xA97F),  # Hangul Jamo extended A
    (0xA9E0, 0xA9FF),  # Myanmar extended B
    (0xAA60, 0xAA7F),  # Myanmar extended A
    (0xAC00, 0xD7FF),  # Hangul syllables, Jamo extended B
    (0xF900, 0xFAFF),  # CJK compatibility ideographs
    (0x20000, 0x3134F),  # CJK extensions B to G
)

_SPACELESS_CLASS = "".join(f"{chr(a)}-{chr(b)}" if a != b else chr(a) for a, b in SPACELESS_RANGES)
_SPACELESS_RUN = re.compile(f"[{_SPACELESS_CLASS}]+")
_ANY_SPACELESS = re.compile(f"[{_SPACELESS_CLASS}]")


def is_spaceless(char: str) -> bool:
    """Whether ``char`` belongs to a script written without spaces between words."""
    code = ord(char)
    return any(a <= code <= b for a, b in SPACELESS_RANGES)


def has_spaceless(text: str) -> bool:
    """Whether ``text`` holds any character of a script written without spaces."""
    return _ANY_SPACELESS.search(text) is not None


def spaceless_runs(text: str) -> list[str]:
    """The maximal runs of spaceless-script characters in ``text``, in order."""
    return _SPACELESS_RUN.findall(text)


def _hex(char: str) -> str:
    return f"{ord(char):06x}"


def bigram_document(text: str) -> str:
    """The bigram index's document for ``text``: every character pair of each spaceless run,
    then the run's last character alone, each as a 12- (or 6-) hex-digit token.

    Hex keeps the tokens ASCII, so the index never depends on how a tokenizer classifies
    combining marks; the lone last character lets a one-character query match at the end of
    a run as well (``"4e2d"*`` matches any pair starting with 中, and 中 at a run's end).
    """
    tokens: list[str] = []
    for run in spaceless_runs(text):
        hexes = [f"{ord(char):06x}" for char in run]  # each character once (it is in 2 pairs)
        tokens += map(str.__add__, hexes, hexes[1:])
        tokens.append(hexes[-1])
    return " ".join(tokens)


def bigram_query(text: str) -> str | None:
    """An FTS5 expression finding ``text`` (one or two spaceless characters per run) in the
    bigram index, or None when ``text`` has no spaceless character."""
    parts = []
    for run in spaceless_runs(text):
        if len(run) == 1:
            parts.append(f'"{_hex(run)}"*')
        else:
            parts.append(" AND ".join(f'"{_hex(a)}{_hex(b)}"' for a, b in pairwise(run)))
    return " AND ".join(parts) if parts else None


def _is_word_char(char: str) -> bool:
    category = unicodedata.category(char)
    return category[0] in "LNM" or category == "Co"


def has_word_chars(text: str) -> bool:
    """Whether the ``unicode61`` index would find any token in ``text``."""
    return any(_is_word_char(c) for c in text)


def word_spans(text: str) -> list[tuple[int, int]]:
    """Offsets of the tokens the ``unicode61`` index sees (letters, numbers, marks, private use)."""
    spans: list[tuple[int, int]] = []
    start = None
    for i, char in enumerate(text):
        if _is_word_char(char):
            if start is None:
                start = i
        elif start is not None:
            spans.append((start, i))
            start = None
    if start is not None:
        spans.append((start, len(text)))
    return spans


def fold_word(word: str) -> str:
    """A word folded as the index folds it: case folded, Latin diacritics removed."""
    decomposed = unicodedata.normalize("NFD", word.casefold())
    kept = "".join(
        c
        for c in decomposed
        if not (unicodedata.category(c) == "Mn" and 0x0300 <= ord(c) <= 0x036F)
    )
    return unicodedata.normalize("NFC", kept)
