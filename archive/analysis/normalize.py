"""The derived form of a text used for search and alignment (never stored as the text).

:func:`derive_text` converts Zawgyi paragraphs to Unicode, applies NFC, removes zero-width
characters, folds full-width ASCII to ASCII and puts Burmese vowel signs and medials in the
Unicode storage order (UTN #11), so that text typed in different ways compares equal.
"""

from __future__ import annotations

import re
import unicodedata

from archive.analysis.segment import split_paragraphs
from archive.analysis.zawgyi import zawgyi_to_unicode

__all__ = [
    "derive_text",
    "fix_burmese_lookalikes",
    "normalize_burmese_order",
    "unicode_burmese",
]

_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"))
_FULL_WIDTH = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)}

# Storage order of the signs that follow a Myanmar consonant (UTN #11): medials Y R W H,
# vowel E, upper vowels, lower vowels, A vowels, anusvara, dot below, visarga. The asat is
# left where it stands (``ကျွန်ုပ်`` writes it before a vowel); NFC already orders it after
# the dot below, whose combining class is lower.
_BURMESE_RANK = {
    "\u103b": 1,
    "\u103c": 2,
    "\u103d": 3,
    "\u103e": 4,
    "\u1031": 5,
    "\u102d": 6,
    "\u102e": 6,
    "\u1032": 6,
    "\u102f": 7,
    "\u1030": 7,
    "\u102b": 8,
    "\u102c": 8,
    "\u1036": 9,
    "\u1037": 10,
    "\u1038": 12,
}
_BURMESE_SIGNS = re.compile("[" + "".join(_BURMESE_RANK) + "]{2,}")


def _sort_signs(match: re.Match[str]) -> str:
    return "".join(sorted(match.group(), key=_BURMESE_RANK.__getitem__))


def normalize_burmese_order(text: str) -> str:
    """``text`` with each run of Burmese signs after a consonant in storage order."""
    return _BURMESE_SIGNS.sub(_sort_signs, text)


# Burmese text (Zawgyi-era above all) often types the digit zero ၀ for the letter wa ဝ, and the
# digit four ၄ for the symbol ၎ in ၎င်း ("it, the said"): they look alike. In a letter context
# (touching a Myanmar letter or sign, not another digit) they are the letters; a real number
# keeps its digits, so number matching and search see the same thing the reader does.
_DIGITS = "\u1040-\u1049\u1090-\u10990-9"
_LETTERS = "\u1000-\u103f\u1050-\u108f"
_WA_AS_ZERO = re.compile(
    f"(?<![{_DIGITS}])\u1040(?![{_DIGITS}])(?=[{_LETTERS}])|(?<=[{_LETTERS}])\u1040(?![{_DIGITS}])"
)
_LAGAUNG_AS_FOUR = re.compile("(?<![" + _DIGITS + "])\u1044(?=\u1004\u103a\u1038)")


def fix_burmese_lookalikes(text: str) -> str:
    """``text`` with ၀ used as the letter ဝ, and ၄ used as ၎ in ၎င်း, made the letters."""
    if "\u1040" not in text and "\u1044" not in text:
        return text
    text = _WA_AS_ZERO.sub("\u101d", text)
    return _LAGAUNG_AS_FOUR.sub("\u104e", text)


def unicode_burmese(text: str) -> str:
    """``text`` with its Zawgyi paragraphs converted to Unicode Burmese, nothing else changed.

    Each paragraph is detected on its own (undecided paragraphs follow the text as a whole),
    so a text mixing the two encodings comes out all Unicode. Text without Myanmar characters
    is returned as it is. This is the form to *show* a stored text in: terminals have no
    Zawgyi font. Offsets into the result do not match the original where it converted.
    """
    from archive.analysis.analyze import paragraph_encodings

    if not any("\u1000" <= c <= "\u109f" for c in text):
        return text
    spans = split_paragraphs(text)
    encodings, _ = paragraph_encodings(text, spans)
    parts: list[str] = []
    previous = 0
    for (start, end), encoding in zip(spans, encodings, strict=True):
        parts.append(text[previous:start])
        paragraph = text[start:end]
        parts.append(zawgyi_to_unicode(paragraph) if encoding == "zawgyi" else paragraph)
        previous = end
    parts.append(text[previous:])
    return "".join(parts)


def derive_text(text: str) -> str:
    """The normalised derived form of ``text`` (a span or a whole text) for search/alignment.

    Zawgyi is detected and converted paragraph by paragraph (`unicode_burmese`); then NFC,
    zero-width characters removed, full-width ASCII folded, Burmese sign order normalised.
    Offsets into the result do not match the original.
    """
    text = unicodedata.normalize("NFC", unicode_burmese(text))
    text = text.translate(_ZERO_WIDTH).translate(_FULL_WIDTH)
    text = normalize_burmese_order(fix_burmese_lookalikes(text))
    return unicodedata.normalize("NFC", text)
