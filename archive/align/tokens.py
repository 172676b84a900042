"""Language codes and the units each language is compared by (words, syllables, stems)."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from itertools import pairwise
from typing import Any

__all__ = [
    "ENGLISH_STOPWORDS",
    "canonical_language",
    "english_stem",
    "english_words",
    "joiner",
    "latin_words",
    "source_units",
]

_ALIASES = {
    "my": "my", "mya": "my", "bur": "my", "burmese": "my",
    "km": "km", "khm": "km", "khmer": "km",
    "lo": "lo", "lao": "lo",
    "bo": "bo", "bod": "bo", "tib": "bo", "tibetan": "bo",
    "ug": "ug", "uig": "ug", "uyghur": "ug",
    "ko": "ko", "kor": "ko", "korean": "ko",
    "vi": "vi", "vie": "vi", "vietnamese": "vi",
    "zh": "zh-Hans", "zh-hans": "zh-Hans", "zh-cn": "zh-Hans", "zh-sg": "zh-Hans",
    "zho-cn": "zh-Hans", "cmn": "zh-Hans", "zho": "zh-Hans",
    "zh-hant": "zh-Hant", "zh-tw": "zh-Hant", "zh-hk": "zh-Hant", "zho-tw": "zh-Hant",
    "yue": "yue", "zh-yue": "yue", "yue-hant": "yue", "yue-hans": "yue",
    "en": "en", "eng": "en", "english": "en",
}  # fmt: skip

#: Scripts written without spaces between words: sentences joined without a space.
_NO_SPACE_JOIN = frozenset({"zh-Hans", "zh-Hant", "yue"})

ENGLISH_STOPWORDS = frozenset(
    """a an the and or but if of to in on at by for with from as is are was were be been being
    it its this that these those he she they them his her their we our you your i me my not
    no so than then there here which who whom whose what when where why how all any both
    each few more most other some such only own same too very can will just should would
    could may might must shall do does did doing has have had having about above after again
    against below between into through during before under over out up down off further once
    also said says say s t de la le""".split()  # noqa: SIM905
)

_WORD_RE = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*", re.UNICODE)
_LATIN_RE = re.compile(r"[A-Za-z][A-Za-z'’\-]*[A-Za-z]|[A-Z]")
_TIBETAN_SPLIT = re.compile(r"[\s་༌།༎༏༐༑༔\u0f0d-\u0f12]+")
_KO_PARTICLES = frozenset(
    """은 는 이 가 을 를 의 에 에서 으로 로 와 과 도 만 에게 께서 까지 부터
    보다 처럼 이다 였다 했다 한다 하는 하고 하여 해 했 된 되는 되었다 이며
    이고 에는 에도 으로는 로는 과의 와의 에서는 에게는 들 들이 들은 들을 들의
    이라고 라고 다고 이라는 라는""".split()  # noqa: SIM905
)
_PUNCT_ONLY = re.compile(r"^[\W_]+$", re.UNICODE)
_HAS_DIGIT = re.compile(r"\d")


def canonical_language(code: str | None) -> str | None:
    """The aligner's code for a language tag (``zh-CN`` → ``zh-Hans``), or the tag as given.

    Unknown tags pass through lower-cased (without region), so that two versions in the same
    unknown language still compare by identical units.
    """
    if not code:
        return None
    key = code.strip().replace("_", "-").lower()
    if key in _ALIASES:
        return _ALIASES[key]
    base = key.split("-")[0]
    return _ALIASES.get(base, base)


def joiner(lang: str | None) -> str:
    """The string placed between two sentences of ``lang`` written in one segment."""
    return "" if canonical_language(lang) in _NO_SPACE_JOIN else " "


@lru_cache(maxsize=8192)
def english_stem(word: str) -> str:
    """A crude, stable stem of an English word: lower case, common suffixes off, 8 letters."""
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    if len(w) > 4:
        for suffix in ("ing", "ed", "es", "s", "ly"):
            if w.endswith(suffix) and len(w) - len(suffix) >= 3:
                w = w[: -len(suffix)]
                break
    return w[:8]


def english_words(text: str) -> list[str]:
    """Stems of the content words of an English text (stopwords and numbers left out)."""
    out = []
    for m in _WORD_RE.finditer(text):
        w = m.group().lower()
        if w in ENGLISH_STOPWORDS or len(w) < 2:
            continue
        out.append(english_stem(w))
    return out


def latin_words(text: str) -> list[str]:
    """Latin-script names and acronyms inside a text, as English stems.

    Only capitalised words and acronyms count (in Vietnamese every word is Latin, but only
    names are shared with English).
    """
    out = []
    for m in _LATIN_RE.finditer(text):
        w = m.group()
        if not w[0].isupper():
            continue
        low = w.lower()
        if low in ENGLISH_STOPWORDS:
            continue
        out.append(english_stem(low))
    return out


@lru_cache(maxsize=16)
def _word_breaker(locale: str) -> Any:
    import icu

    return icu.BreakIterator.createWordInstance(icu.Locale(locale))


def _icu_words(text: str, locale: str) -> list[str]:
    """Words by ICU's dictionary-based break iterator (Burmese, Khmer, Lao, Chinese)."""
    bi = _word_breaker(locale)
    bi.setText(text)
    out = []
    start = bi.first()
    for end in bi:
        w = text[start:end]
        start = end
        if w.strip() and not _PUNCT_ONLY.match(w) and not _HAS_DIGIT.search(w):
            out.append(w)
    return out


@lru_cache(maxsize=65536)
def _strip_korean(word: str) -> str:
    """The word without its longest trailing particle or ending (from a short list)."""
    for size in (3, 2, 1):
        if len(word) > size and word[-size:] in _KO_PARTICLES:
            return word[:-size]
    return word


@lru_cache(maxsize=65536)
def _is_latin(word: str) -> bool:
    return all("a" <= c.lower() <= "z" for c in word if c.isalpha())


def source_units(text: str, lang: str | None) -> list[str]:
    """The units of a non-English text that the lexicon associates with English words.

    Burmese, Khmer and Lao: ICU dictionary words; Chinese and Cantonese: ICU words and their
    characters; Tibetan: tsheg syllables; Korean: words without their particles; Uyghur:
    word stems (first six letters); Vietnamese: syllables and syllable pairs; English:
    content-word stems. Digits and Latin-script words are left to other signals.
    """
    code = canonical_language(lang)
    if code == "en":
        return english_words(text)
    if code in ("my", "km", "lo"):
        return [w for w in _icu_words(text, code) if not _is_latin(w)]
    if code in ("zh-Hans", "zh-Hant", "yue"):
        out = []
        for w in _icu_words(text, "zh"):
            if _is_latin(w):
                continue
            out.append(w)
            if len(w) > 1:
                out.extend("·" + c for c in w)
        return out
    if code == "bo":
        return [s for s in _TIBETAN_SPLIT.split(text) if s and not _PUNCT_ONLY.match(s)]
    words = [m.group() for m in _WORD_RE.finditer(unicodedata.normalize("NFC", text))]
    if code == "ko":
        return [_strip_korean(w) for w in words if not _is_latin(w)]
    if code == "ug":
        return [w.lower()[:6] for w in words if not _is_latin(w)]
    if code == "vi":
        syl = [w.lower() for w in words]
        return syl + [a + "_" + b for a, b in pairwise(syl)]
    return [w.lower() for w in words]
