"""``analyze_text``: one pass over a text version giving language, script, encoding and segments.

The text is never altered: paragraphs and sentences are offsets into the string given, also
for Zawgyi text (its ``။`` is the same code point as Unicode's, so it is segmented raw).
"""

from __future__ import annotations

import logging
import re
from collections import Counter

from archive.analysis.language import (
    RELIABLE_CONFIDENCE,
    LanguageGuess,
    article_language,
    guess_language,
)
from archive.analysis.results import Encoding, Paragraph, Sentence, TextAnalysis
from archive.analysis.scripts import NEUTRAL_SCRIPTS, char_script, script_counts
from archive.analysis.segment import split_paragraphs, split_sentences
from archive.analysis.zawgyi import UNICODE_BELOW, ZAWGYI_ABOVE, has_myanmar, zawgyi_probability

__all__ = ["analyze_text", "paragraph_encodings"]

logger = logging.getLogger(__name__)

_MYANMAR_CHARS = re.compile("[\u1000-\u109f]")

_HINT_ALIASES = {
    "mya": "my",
    "bur": "my",
    "khm": "km",
    "lao": "lo",
    "bod": "bo",
    "tib": "bo",
    "uig": "ug",
    "kor": "ko",
    "vie": "vi",
    "eng": "en",
    "zh-cn": "zh-Hans",
    "zh-sg": "zh-Hans",
    "zh-hans": "zh-Hans",
    "zh-tw": "zh-Hant",
    "zh-hant": "zh-Hant",
    "zh-hk": "zh-Hant",
    "zho": "zh",
    "chi": "zh",
    "cmn": "zh",
    "yue-hant": "yue",
    "yue-hans": "yue",
}
_HINT_SCRIPTS = {
    "my": {"Mymr"},
    "shn": {"Mymr"},
    "mnw": {"Mymr"},
    "ksw": {"Mymr"},
    "km": {"Khmr"},
    "lo": {"Laoo"},
    "bo": {"Tibt"},
    "ug": {"Arab"},
    "ar": {"Arab"},
    "fa": {"Arab"},
    "ur": {"Arab"},
    "ko": {"Hang"},
    "ja": {"Jpan"},
    "th": {"Thai"},
    "zh": {"Hans", "Hant"},
    "zh-Hans": {"Hans", "Hant"},
    "zh-Hant": {"Hans", "Hant"},
    "yue": {"Hans", "Hant"},
    "ru": {"Cyrl"},
    "uk": {"Cyrl"},
}
_LATIN_HINTS = frozenset(
    [
        *["en", "vi", "fr", "de", "es", "it", "pt", "nl", "id", "ms", "tl", "sv", "da", "no"],
        *["fi", "pl", "cs", "tr", "ro", "hu"],
    ]
)

# A sentence in another script than the document's needs this confidence for a language,
# and a sentence left to langdetect this many letters (fewer and it would be a guess).
_SENTENCE_CONFIDENCE = 0.4
_SENTENCE_LANGDETECT_LETTERS = 20
_LANGDETECT_SCRIPTS = frozenset({"Latn", "Cyrl", "Deva"})


def _normalise_hint(hint: str | None) -> str | None:
    if not hint:
        return None
    key = hint.strip().replace("_", "-")
    return _HINT_ALIASES.get(key.lower(), key.split("-")[0].lower() if "-" in key else key.lower())


def _hint_fits(hint: str, script: str | None) -> bool:
    if script is None:
        return False
    if hint in _LATIN_HINTS:
        return script == "Latn"
    return script in _HINT_SCRIPTS.get(hint, set())


def _apply_hint(guess: LanguageGuess, hint: str | None) -> LanguageGuess:
    """The declared language wins where detection is unsure and the script agrees with it."""
    hint = _normalise_hint(hint)
    if hint is None or guess.language == hint or not _hint_fits(hint, guess.script):
        if hint and guess.language == hint and not guess.reliable:
            return LanguageGuess(hint, guess.script, max(guess.confidence, 0.5), guess.reliable)
        return guess
    if guess.reliable and guess.language is not None:
        logger.debug("language hint %s overruled by detection %s", hint, guess.language)
        return guess
    if hint == "zh":
        hint = "zh-Hant" if guess.script == "Hant" else "zh-Hans"
    return LanguageGuess(hint, guess.script, max(guess.confidence, 0.5), False)


# The detector is certain long before a paragraph ends; both ends are looked at.
_DETECTION_HALF = 300


def _detection_sample(part: str) -> str:
    if len(part) <= 2 * _DETECTION_HALF:
        return part
    return part[:_DETECTION_HALF] + " " + part[-_DETECTION_HALF:]


def paragraph_encodings(text: str, spans: list[tuple[int, int]]) -> tuple[list[Encoding], Encoding]:
    """Encoding of each paragraph span and of the whole text.

    Paragraphs the detector is unsure of (a few syllables valid in both encodings) take
    the encoding of the text's Burmese as a whole, weighted by each paragraph's length.
    """
    probabilities: list[float | None] = []
    zawgyi_weight = unicode_weight = 0.0
    for start, end in spans:
        part = text[start:end]
        if not has_myanmar(part):
            probabilities.append(None)
            continue
        probability = zawgyi_probability(_detection_sample(part))
        probabilities.append(probability)
        weight = len(part) - len(_MYANMAR_CHARS.sub("", part))  # no list of every letter
        zawgyi_weight += probability * weight
        unicode_weight += (1.0 - probability) * weight
    document: Encoding = "zawgyi" if zawgyi_weight > unicode_weight else "unicode"
    encodings: list[Encoding] = []
    for p in probabilities:
        if p is None:
            encodings.append("unicode")
        elif p > ZAWGYI_ABOVE:
            encodings.append("zawgyi")
        elif p < UNICODE_BELOW:
            encodings.append("unicode")
        else:
            encodings.append(document)
    return encodings, document


def _han(script: str | None) -> str | None:
    return "Hani" if script in ("Hans", "Hant", "Hani") else script


def _dominant(counts: dict[str, float]) -> str | None:
    if not counts:
        return None
    script = max(counts.items(), key=lambda item: item[1])[0]
    return _han(script)


def _vietnamese_letters(text: str) -> int:
    from archive.analysis.language import _VIETNAMESE

    return sum(n for c, n in Counter(text).items() if c in _VIETNAMESE)


def _sentence_language(
    sentence: str, document: LanguageGuess, document_script: str | None, zawgyi: bool
) -> str | None:
    """The sentence's own language: the document's unless its script says otherwise."""
    counts = script_counts(sentence)
    counts = {s: c for s, c in counts.items() if s not in NEUTRAL_SCRIPTS}
    script = _dominant(counts)
    if script is None:
        return None
    if script == document_script:
        if script == "Latn" and document.language in ("vi", "en"):
            # Vietnamese and English share a script: letters tell them apart cheaply.
            latin = counts.get("Latn", 0.0)
            vietnamese = _vietnamese_letters(sentence)
            if document.language == "en" and vietnamese >= max(2, 0.03 * latin):
                return "vi"
            if document.language == "vi" and not vietnamese and latin >= 30:
                guess = guess_language(sentence, counts)
                return guess.language if guess.confidence >= _SENTENCE_CONFIDENCE else None
        return document.language
    if script in _LANGDETECT_SCRIPTS and counts[script] < _SENTENCE_LANGDETECT_LETTERS:
        return None
    guess = guess_language(sentence, counts, zawgyi=zawgyi if script == "Mymr" else None)
    return guess.language if guess.confidence >= _SENTENCE_CONFIDENCE else None


def _one_script(counts: dict[str, float], script: str | None, language: str | None) -> bool:
    """Whether a paragraph is written in the document's script alone (Latin: not Vietnamese)."""
    if len(counts) != 1 or _han(next(iter(counts))) != script:
        return False
    return script != "Latn" or language not in ("en", "vi")


def _has_letter(text: str, start: int, end: int) -> bool:
    return any(char_script(c) not in NEUTRAL_SCRIPTS for c in text[start:end])


def analyze_text(
    text: str, *, language_hint: str | None = None, title: str | None = None
) -> TextAnalysis:
    """Analyse ``text``: language, script, encoding, paragraphs and sentences.

    Args:
        text: the text of a version, as stored (never altered here).
        language_hint: the language the source declares (BCP-47 or ISO 639), used when
            detection is unsure and the script agrees with it.
        title: the article's title, breaking the tie of a text mixed between Latin and
            another script as import does (:func:`~archive.analysis.language.article_language`).

    Returns:
        A :class:`TextAnalysis` whose offsets index ``text``.
    """
    from archive.analysis.lao import lao_boundaries, wants_lao_model

    spans = split_paragraphs(text)
    encodings, encoding = paragraph_encodings(text, spans)
    paragraph_counts = [script_counts(text[a:b]) for a, b in spans]
    totals: dict[str, float] = {}
    for counts in paragraph_counts:
        for script, n in counts.items():
            totals[script] = totals.get(script, 0.0) + n
    has_burmese = "Mymr" in totals
    zawgyi = encoding == "zawgyi" if has_burmese else None
    guess = article_language(text, title, totals, zawgyi=zawgyi)
    guess = _apply_hint(guess, language_hint)
    document_script = _han(guess.script)

    paragraphs: list[Paragraph] = []
    for (start, end), paragraph_encoding, counts in zip(
        spans, encodings, paragraph_counts, strict=True
    ):
        extra = lao_boundaries if wants_lao_model(text, start, end, counts) else None
        spans_ = split_sentences(text, start, end, extra_boundaries=extra)
        if _one_script(counts, document_script, guess.language):
            # Every sentence is in the document's script: no need to look at each one.
            sentences = tuple(
                Sentence(a, b, guess.language if _has_letter(text, a, b) else None)
                for a, b in spans_
            )
        else:
            zawgyi = paragraph_encoding == "zawgyi"
            sentences = tuple(
                Sentence(a, b, _sentence_language(text[a:b], guess, document_script, zawgyi))
                for a, b in spans_
            )
        paragraphs.append(Paragraph(start, end, paragraph_encoding, sentences))
    return TextAnalysis(
        language=guess.language,
        script=guess.script,
        encoding=encoding if has_burmese else "unicode",
        confidence=guess.confidence,
        reliable=guess.reliable and guess.confidence >= RELIABLE_CONFIDENCE,
        paragraphs=tuple(paragraphs),
    )
