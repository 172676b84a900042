"""Numbers, months and marks that survive translation, normalised across scripts.

Digits of every script (Burmese ၀-၉, Khmer ០-៩, Lao ໐-໙, Tibetan ༠-༩, Arabic-Indic,
full-width, …) become ASCII; group separators (``1,500`` / ``1.500`` / ``1 500``) are removed;
``万``/``億``/``million`` multiply, so ``1.5万`` and ``15,000`` meet.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["ascii_digits", "marks", "months", "numbers"]

_NUMBER_RE = re.compile(
    r"[0-9]+(?:[,.\u00a0\u202f\u066c\uff0c' ][0-9]{3}(?![0-9]))*(?:[.,\u066b][0-9]+)?"
    r"(?:\s?(?P<mult>万|萬|亿|億|만|억|million|billion|thousand|lakh|crore|tỷ|triệu|nghìn|ngàn))?",
    re.IGNORECASE,
)
_MULTIPLIERS = {
    "万": 10_000, "萬": 10_000, "만": 10_000, "亿": 100_000_000, "億": 100_000_000,
    "억": 100_000_000, "million": 1_000_000, "billion": 1_000_000_000, "thousand": 1_000,
    "lakh": 100_000, "crore": 10_000_000, "tỷ": 1_000_000_000, "triệu": 1_000_000,
    "nghìn": 1_000, "ngàn": 1_000,
}  # fmt: skip
_MONTH_NAMES = (
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
)  # fmt: skip
_MONTHS_EN = {m: i + 1 for i, m in enumerate(_MONTH_NAMES)}
_MONTHS_EN.update({k[:3]: v for k, v in list(_MONTHS_EN.items()) if k != "may"})
_MONTH_WORD = re.compile(
    r"(?<![A-Za-z])(?:" + "|".join(sorted(_MONTHS_EN, key=len, reverse=True)) + r")(?![A-Za-z])",
    re.IGNORECASE,
)
_MONTH_CJK = re.compile(r"(\d{1,2})\s?(?:月|월)")
_MONTH_VI = re.compile(r"tháng\s+(\d{1,2})\b", re.IGNORECASE)
_QUOTES = re.compile('["“”«»「」『』‘’„‟〝〞]')
_PARENS = re.compile(r"[()（）\[\]【】]")


# The zero of each decimal-digit block (Arabic-Indic, Devanagari…, Thai, Lao, Tibetan,
# Myanmar, Khmer, …, full-width); the nine digits follow each zero.
_ZEROS = (
    0x660, 0x6F0, 0x7C0, 0x966, 0x9E6, 0xA66, 0xAE6, 0xB66, 0xBE6, 0xC66, 0xCE6, 0xD66, 0xDE6,
    0xE50, 0xED0, 0xF20, 0x1040, 0x1090, 0x17E0, 0x1810, 0x1946, 0x19D0, 0x1A80, 0x1A90,
    0x1B50, 0x1BB0, 0x1C40, 0x1C50, 0xA620, 0xA8D0, 0xA900, 0xA9D0, 0xA9F0, 0xAA50, 0xABF0,
    0xFF10,
)  # fmt: skip
_OTHER_DIGIT = re.compile(r"(?![0-9])\d")
_ANY_DIGIT = re.compile(r"\d")
_DIGIT_TABLE = {zero + k: ord("0") + k for zero in _ZEROS for k in range(10)}


def ascii_digits(text: str) -> str:
    """``text`` with every decimal digit (any script) replaced by its ASCII digit."""
    if text.isascii() or not _OTHER_DIGIT.search(text):
        return text
    out = text.translate(_DIGIT_TABLE)
    if _OTHER_DIGIT.search(out):  # a script missing from the table
        out = "".join(
            str(unicodedata.decimal(c)) if c.isdecimal() and not c.isascii() else c for c in out
        )
    return out


def _value(raw: str) -> str:
    """A canonical string for one written number, its separators read as well as we can."""
    parts = re.split(r"[.,\u00a0\u202f\u066b\u066c\uff0c' ]", raw)
    if len(parts) == 1:
        return parts[0].lstrip("0") or "0"
    # Groups of three after the first part mean thousands separators; otherwise the last
    # separator is a decimal point (1.5, 3,25).
    if all(len(p) == 3 for p in parts[1:]):
        return "".join(parts).lstrip("0") or "0"
    whole = "".join(parts[:-1]).lstrip("0") or "0"
    frac = parts[-1].rstrip("0")
    return f"{whole}.{frac}" if frac else whole


def _multiply(value: str, factor: int) -> str:
    whole, _, frac = value.partition(".")
    digits = len(str(factor)) - 1
    frac = (frac + "0" * digits)[:digits] + "." + frac[digits:]
    out = (whole + frac).rstrip(".").lstrip("0")
    if "." in out:
        out = out.rstrip("0").rstrip(".")
    return out or "0"


def numbers(text: str) -> list[str]:
    """The numbers written in ``text`` as canonical strings, in order.

    >>> numbers("၁,၅၀၀ and 2.5 million, ١٢")
    ['1500', '2500000', '12']
    """
    out = []
    for m in _NUMBER_RE.finditer(ascii_digits(text)):
        raw = m.group()
        mult = m.group("mult")
        digits = raw[: m.start("mult") - m.start()].strip() if mult else raw
        value = _value(digits.strip())
        if mult:
            value = _multiply(value, _MULTIPLIERS[mult.lower()])
        out.append(value)
    return out


def months(text: str, lang: str | None) -> list[int]:
    """Month numbers named in ``text`` (English names, ``3月``/``3월``, ``tháng 3``)."""
    found: list[int] = []
    if lang == "en":
        for m in _MONTH_WORD.finditer(text):
            w = m.group()
            month = _MONTHS_EN.get(w.lower())
            if month and (w[0].isupper() or len(w) > 3):
                found.append(month)
        return found
    if not _ANY_DIGIT.search(text):
        return found
    ascii_text = ascii_digits(text)
    for regex in (_MONTH_CJK, _MONTH_VI):
        found.extend(
            int(m.group(1)) for m in regex.finditer(ascii_text) if 1 <= int(m.group(1)) <= 12
        )
    return found


def marks(text: str) -> list[str]:
    """Typographic marks that tend to survive translation: quotation and parentheses."""
    out = []
    if _QUOTES.search(text):
        out.append("quote")
    if _PARENS.search(text):
        out.append("paren")
    return out
