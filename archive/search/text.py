"""Pure text helpers for search: which characters need substring search, bigram tokens, words.

Scripts written without spaces between words (Han, Kana, Hangul inside words, Myanmar, Khmer,
Lao, Thai, Tibetan) are searched by substring: the ``trigram`` index for terms of three or more
characters, and a bigram index for shorter ones. Everything else is searched by words
(``unicode61``). These functions hold no state and do no I/O.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from itertools import pairwise

__all__ = [
    "SPACELESS_RANGES",
    "bigram_document",
    "bigram_query",
    "fold_han",
    "fold_word",
    "has_han",
    "has_spaceless",
    "has_word_chars",
    "is_spaceless",
    "keeps_diacritics",
    "search_forms",
    "spaceless_runs",
    "strip_diacritics",
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


# --------------------------------------------------------------------------- search forms
#
# The indexes hold a *search form* of each segment's derived text (`search_forms`), never shown:
# Han characters folded to their Simplified form, so Traditional, Simplified and Cantonese text
# find each other; Latin diacritics removed, except in Vietnamese, where tone marks and vowel
# marks make different words (việt "Viet", viết "write"), so Vietnamese keeps them and gets a
# second, mark-less form for searches that ask to fold them.

_HAN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")
_OPENCC_CONFIGS = ("hk2s.json", "tw2s.json", "t2s.json")
_converters: list[object] = []


def has_han(text: str) -> bool:
    """Whether ``text`` holds a Han (Chinese) character."""
    return _HAN.search(text) is not None


@lru_cache(maxsize=65536)
def _simplified(char: str) -> str:
    if not _converters:
        import opencc

        _converters.extend(opencc.OpenCC(name) for name in _OPENCC_CONFIGS)
    for converter in _converters:
        out = str(converter.convert(char))  # type: ignore[attr-defined]
        if out != char and len(out) == 1:
            return out
    return char


def fold_han(text: str) -> str:
    """``text`` with each Han character in its Simplified form (OpenCC's Hong Kong, Taiwan and
    generic Traditional-to-Simplified tables); every other character is kept.

    Character by character, so the result has the same length as ``text`` and offsets carry
    over, and a query folds exactly as the text it should find (a phrase table would fold a
    word differently inside and outside its context).

    >>> fold_han("總統 點解 總统")
    '总统 点解 总统'
    """
    if not has_han(text):
        return text
    return _HAN.sub(lambda m: _simplified(m.group()), text)


def strip_diacritics(text: str) -> str:
    """``text`` with the Latin combining diacritics (U+0300–U+036F) removed, case kept."""
    decomposed = unicodedata.normalize("NFD", text)
    kept = "".join(c for c in decomposed if not 0x0300 <= ord(c) <= 0x036F)
    return unicodedata.normalize("NFC", kept)


def keeps_diacritics(language: str | None) -> bool:
    """Whether text in ``language`` is searched with its diacritics by default (Vietnamese)."""
    return bool(language) and (language == "vi" or str(language).startswith("vi-"))


def search_forms(text: str, language: str | None) -> tuple[str, str]:
    """The two indexed forms of a segment's derived ``text``: ``(main, loose)``.

    ``main``: Han folded to Simplified; Latin diacritics removed unless the language keeps them
    (`keeps_diacritics`). ``loose``: for a language that keeps them, ``main`` without them (what
    a diacritic-folding search looks in); otherwise empty. Both have no case folding (the
    indexes fold case).
    """
    main = fold_han(text)
    if keeps_diacritics(language):
        loose = strip_diacritics(main)
        return main, loose if loose != main else ""
    return strip_diacritics(main), ""
