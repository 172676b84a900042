"""Numbers a story shares with its translation, whatever script or numeral system wrote them.

`archive.align.numbers` reads digits of every script, group separators and the ``万``/``億``
multipliers; this module adds Chinese numerals written in characters (``三千五百``,
``二〇一八年``, ``两万``), which Chinese news uses for many counts, so that ``三千五百`` meets
``3,500`` and ``二〇一八`` meets ``2018``.
"""

from __future__ import annotations

import re

from archive.align.numbers import numbers

__all__ = ["han_numerals_to_digits", "story_numbers"]

_DIGITS = {
    "〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "兩": 2, "三": 3, "四": 4, "五": 5,
    "六": 6, "七": 7, "八": 8, "九": 9,
}  # fmt: skip
_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
_BIG = {"万": 10_000, "萬": 10_000, "亿": 100_000_000, "億": 100_000_000}
_RUN = re.compile("[" + "".join([*_DIGITS, *_UNITS, *_BIG]) + "]{2,}")


def _value(run: str) -> int | None:
    """The value of a run of Chinese numerals, or None if it does not read as one number."""
    if all(c in _DIGITS for c in run):
        # Digit by digit, as years are written: 二〇一八 → 2018.
        return int("".join(str(_DIGITS[c]) for c in run))
    total = section = digit = 0
    for c in run:
        if c in _DIGITS:
            digit = _DIGITS[c]
        elif c in _UNITS:
            section += (digit or 1) * _UNITS[c]
            digit = 0
        elif c in _BIG:
            total = (total + section + digit) * _BIG[c]
            section = digit = 0
        else:  # pragma: no cover - the pattern admits nothing else
            return None
    return total + section + digit


def han_numerals_to_digits(text: str) -> str:
    """``text`` with each run of two or more Chinese numeral characters written in ASCII
    digits (``三千五百人`` → ``3500人``); single characters (``一`` in ``一个``, ``统一``) are
    words more often than numbers and stay as they are."""
    if not _RUN.search(text):
        return text
    return _RUN.sub(lambda m: str(v) if (v := _value(m.group())) is not None else m.group(), text)


def story_numbers(text: str) -> frozenset[str]:
    """The numbers of ``text`` worth comparing across languages, canonical (see
    `archive.align.numbers.numbers`): digits of any script, separators read, Chinese numerals
    converted; 0-9 left out (list items, and counts the other language writes as words)."""
    found = numbers(han_numerals_to_digits(text))
    return frozenset(n for n in found if len(n.split(".")[0]) > 1 or "." in n)
