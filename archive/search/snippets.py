"""Snippets: a window of a matching segment's derived text with the matches marked «like this».

Snippets are made here, not by FTS5's ``snippet()``, so that every index (the contentless
bigram index has no text to cut from) marks matches the same way. The text is data: the marks
are plain characters, and `Snippet.highlights` gives the offsets of each marked span in the
snippet string (between the marks) for a UI that styles them instead.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from archive.search.plan import Leaf
from archive.search.text import fold_han, fold_word, spaceless_runs, word_spans

__all__ = ["MARK_CLOSE", "MARK_OPEN", "SNIPPET_CHARS", "Snippet", "find_matches", "make_snippet"]

MARK_OPEN = "«"
MARK_CLOSE = "»"
SNIPPET_CHARS = 200
_CONTEXT_BEFORE = 60
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class Snippet:
    """A marked snippet and the ``(start, end)`` offsets of each highlighted span in it."""

    text: str
    highlights: tuple[tuple[int, int], ...]


def _substring_matches(text: str, needle: str) -> list[tuple[int, int]]:
    # fold_han keeps lengths, so offsets in the folded text are offsets in the text.
    text, needle = fold_han(text), fold_han(needle)
    folded = text.casefold()
    haystack, target = (folded, needle.casefold()) if len(folded) == len(text) else (text, needle)
    spans = []
    start = haystack.find(target)
    while start >= 0 and target:
        spans.append((start, start + len(target)))
        start = haystack.find(target, start + len(target))
    return spans


def _word_key(word: str, *, loose: bool) -> tuple[str, str]:
    """``(as typed, without diacritics)``, case folded; with ``loose`` both without."""
    bare = fold_word(word)
    return (bare if loose else unicodedata.normalize("NFC", word.casefold())), bare


def _same_word(found: tuple[str, str], wanted: tuple[str, str], *, prefix: bool) -> bool:
    """Equal as typed, or equal without diacritics where one side has none (``Viet`` and
    ``Việt``, ``resume`` and ``résumé``), never two different marked forms (``việt``, ``viết``)."""

    def same(a: str, b: str) -> bool:
        return a.startswith(b) if prefix else a == b

    (f_typed, f_bare), (w_typed, w_bare) = found, wanted
    if same(f_typed, w_typed):
        return True
    return same(f_bare, w_bare) and (f_typed == f_bare or w_typed == w_bare)


def _word_matches(text: str, leaf: Leaf) -> list[tuple[int, int]]:
    wanted = [_word_key(leaf.text[a:b], loose=leaf.loose) for a, b in word_spans(leaf.text)]
    if not wanted:
        return []
    spans = word_spans(text)
    words = [_word_key(text[a:b], loose=leaf.loose) for a, b in spans]
    out = []
    for i in range(len(words) - len(wanted) + 1):
        ok = all(_same_word(words[i + j], wanted[j], prefix=False) for j in range(len(wanted) - 1))
        last = words[i + len(wanted) - 1]
        if ok and _same_word(last, wanted[-1], prefix=leaf.prefix):
            out.append((spans[i][0], spans[i + len(wanted) - 1][1]))
    return out


def find_matches(text: str, leaves: Sequence[Leaf]) -> list[tuple[int, int]]:
    """Where the leaves match ``text``: sorted, merged ``(start, end)`` spans."""
    spans: list[tuple[int, int]] = []
    for leaf in leaves:
        if leaf.index == "words":
            spans.extend(_word_matches(text, leaf))
        elif leaf.index == "trigram":
            spans.extend(_substring_matches(text, leaf.text))
        else:
            for run in spaceless_runs(leaf.text):
                spans.extend(_substring_matches(text, run))
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def make_snippet(text: str, leaves: Sequence[Leaf], *, width: int = SNIPPET_CHARS) -> Snippet:
    """A window of about ``width`` characters of ``text`` around its first match, marked."""
    flat = _SPACE.sub(" ", text).strip()
    matches = find_matches(flat, leaves)
    start, end = 0, len(flat)
    if len(flat) > width:
        first = matches[0][0] if matches else 0
        start = max(0, min(first - _CONTEXT_BEFORE, len(flat) - width))
        end = start + width
    parts: list[str] = ["…" if start > 0 else ""]
    highlights: list[tuple[int, int]] = []
    length = len(parts[0])
    cursor = start
    for a, b in matches:
        a, b = max(a, start), min(b, end)
        if a >= b:
            continue
        parts.append(flat[cursor:a])
        length += a - cursor
        parts.append(MARK_OPEN)
        length += len(MARK_OPEN)
        parts.append(flat[a:b])
        highlights.append((length, length + b - a))
        length += b - a
        parts.append(MARK_CLOSE)
        length += len(MARK_CLOSE)
        cursor = b
    parts.append(flat[cursor:end])
    if end < len(flat):
        parts.append("…")
    return Snippet("".join(parts), tuple(highlights))
