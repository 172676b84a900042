"""How much a line of a page says, in Latin-letter terms, whatever its script."""

from __future__ import annotations

import unicodedata

from archive.ingest.textcache import text_cache


def line_weight(text: str) -> int:
    """A line's length in Latin-letter terms: a wide (CJK or Hangul) character says as much
    as ~3, so one length bound serves every script the page readers meet."""
    if text.isascii():
        return len(text)  # no ASCII character is wide
    return _wide_weight(text)


@text_cache  # the page readers weigh the same lines again and again
def _wide_weight(text: str) -> int:
    wide = sum(1 for ch in text if unicodedata.east_asian_width(ch) in "WF")
    return len(text) + 2 * wide
