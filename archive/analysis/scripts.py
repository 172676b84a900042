"""Writing-system detection: the ISO 15924 script a text is written in, by ICU's script property.

Characters are counted per script (ICU ``UScriptCode`` short names: ``Latn``, ``Mymr``, ``Hani``…);
characters of the Common and Inherited scripts (digits, punctuation, spaces, combining marks
shared by several scripts) carry no vote. Han characters are then resolved to ``Hans`` or
``Hant`` by character statistics, and Han mixed with kana to ``Jpan``.
"""

from __future__ import annotations

import functools
from collections import Counter

import icu

__all__ = [
    "NEUTRAL_SCRIPTS",
    "char_script",
    "detect_script",
    "dominant_script",
    "han_variant_share",
    "script_counts",
]

#: Scripts that say nothing about the language: Common, Inherited, Unknown.
NEUTRAL_SCRIPTS = frozenset({"Zyyy", "Zinh", "Zzzz"})

# One Han character carries about as much text as two or three alphabetic letters;
# weighting it keeps "English with a few Chinese names" English and "Chinese with an
# English acronym" Chinese. A Hangul syllable counts the letters it writes (see
# _hangul_letters).
_WEIGHTS = {"Hani": 2.0, "Hira": 1.5, "Kana": 1.5}

_KANA = ("Hira", "Kana")


# char -> script, filled on use; bounded by the characters actually met (a dict lookup is
# several times cheaper than an lru_cache call, and this is the inner loop).
_SCRIPT_OF: dict[str, str] = {}


def char_script(char: str) -> str:
    """The ISO 15924 short name ICU gives ``char``'s script property (``Zyyy`` for Common)."""
    script = _SCRIPT_OF.get(char)
    if script is None:
        script = _SCRIPT_OF[char] = str(icu.Script.getScript(ord(char)).getShortName())
    return script


def script_counts(text: str) -> dict[str, float]:
    """Weighted count of characters per script, Common/Inherited characters left out."""
    counts: dict[str, float] = {}
    cache = _SCRIPT_OF
    for char, n in Counter(text).items():
        script = cache.get(char) or char_script(char)
        if script in NEUTRAL_SCRIPTS:
            continue
        weight = _hangul_letters(char) if script == "Hang" else _WEIGHTS.get(script, 1.0)
        counts[script] = counts.get(script, 0.0) + n * weight
    return counts


_HANGUL_FIRST, _HANGUL_LAST = 0xAC00, 0xD7A3
_HANGUL_FINALS = 28


def _hangul_letters(char: str) -> float:
    """The letters (jamo) a Hangul syllable block writes: 3 with a final consonant, else 2,
    so that Korean weighs as many letters as it writes against an alphabet (a Korean page
    with an English copy under each paragraph is Korean); 1 for a lone jamo."""
    code = ord(char)
    if _HANGUL_FIRST <= code <= _HANGUL_LAST:
        return 3.0 if (code - _HANGUL_FIRST) % _HANGUL_FINALS else 2.0
    return 1.0


@functools.cache
def _han_sets() -> tuple[frozenset[str], frozenset[str]]:
    """Characters only Simplified / only Traditional Chinese uses (CC-CEDICT, hanzidentifier)."""
    from hanzidentifier import helpers  # loads zhon's CC-CEDICT tables (a few ms): only on use

    simplified = frozenset(helpers.SIMPLIFIED_CHARACTERS)
    traditional = frozenset(helpers.TRADITIONAL_CHARACTERS)
    return simplified - traditional, traditional - simplified


def han_variant_share(text: str) -> tuple[float, int]:
    """Share of Traditional-only among the variant-specific Han characters of ``text``.

    Returns ``(share, n)`` where ``n`` is how many characters were specific to one system;
    ``share`` is 0.5 when ``n`` is 0 (no evidence either way).
    """
    simplified_only, traditional_only = _han_sets()
    simp = trad = 0
    for char, n in Counter(text).items():
        if char in simplified_only:
            simp += n
        elif char in traditional_only:
            trad += n
    total = simp + trad
    return (trad / total if total else 0.5), total


def dominant_script(counts: dict[str, float], text: str) -> tuple[str | None, float]:
    """The dominant script of ``counts`` (from :func:`script_counts` of ``text``) and its share.

    Kana with Han is Japanese (``Jpan``); Han alone is ``Hans`` or ``Hant``.
    """
    total = sum(counts.values())
    if not total:
        return None, 0.0
    kana = sum(counts.get(s, 0.0) for s in _KANA)
    han = counts.get("Hani", 0.0)
    grouped = {s: c for s, c in counts.items() if s not in _KANA}
    if kana and kana >= 0.05 * (kana + han):
        grouped["Jpan"] = kana + han
        grouped.pop("Hani", None)
    elif kana:
        grouped["Hani"] = han + kana
    script, count = max(grouped.items(), key=lambda item: item[1])
    if script == "Hani":
        share, _ = han_variant_share(text)
        script = "Hant" if share > 0.5 else "Hans"
    return script, count / total


def detect_script(text: str) -> tuple[str | None, float]:
    """The ISO 15924 code of the dominant script of ``text`` and its share of the letters.

    ``(None, 0.0)`` when ``text`` has no letter of any script (digits, punctuation, blank).
    Han characters weigh double (see module docstring).

    >>> detect_script("Hello")
    ('Latn', 1.0)
    """
    return dominant_script(script_counts(text), text)
