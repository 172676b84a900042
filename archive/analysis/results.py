"""The values text analysis returns: a text's language, script, encoding, paragraphs, sentences."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

__all__ = ["Encoding", "Paragraph", "Sentence", "TextAnalysis"]

Encoding = Literal["unicode", "zawgyi"]


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence: ``text[start:end]`` (Python string offsets, end exclusive).

    ``language`` is the sentence's own language, which differs from the document's where a
    sentence is quoted in another language; None when there is too little to tell.
    """

    start: int
    end: int
    language: str | None

    def to_json(self) -> dict[str, object]:
        return {"start": self.start, "end": self.end, "language": self.language}


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A paragraph ``text[start:end]``, its encoding (Zawgyi is told per paragraph), sentences."""

    start: int
    end: int
    encoding: Encoding
    sentences: tuple[Sentence, ...]

    def to_json(self) -> dict[str, object]:
        return {
            "start": self.start,
            "end": self.end,
            "encoding": self.encoding,
            "sentences": [s.to_json() for s in self.sentences],
        }


@dataclass(frozen=True, slots=True)
class TextAnalysis:
    """The analysis of one text version.

    Attributes:
        language: dominant language (``my``, ``zh-Hant``, ``yue``, ``en``…), None if unknown.
        script: ISO 15924 code of the dominant script (``Mymr``, ``Hant``…), None if no letters.
        encoding: ``zawgyi`` when the Burmese text is (mostly) Zawgyi-encoded.
        confidence: 0..1 confidence in ``language``.
        reliable: False for short or mixed text, where ``language`` is a guess.
        paragraphs: the paragraphs in order, each with its sentences.
    """

    language: str | None
    script: str | None
    encoding: Encoding
    confidence: float
    reliable: bool
    paragraphs: tuple[Paragraph, ...]

    @property
    def sentences(self) -> tuple[Sentence, ...]:
        """Every sentence of every paragraph, in order."""
        return tuple(s for p in self.paragraphs for s in p.sentences)

    def to_json(self) -> dict[str, object]:
        """The ``archive analyze --json`` shape (keys are a contract: extend, never rename)."""
        return {
            "language": self.language,
            "script": self.script,
            "encoding": self.encoding,
            "confidence": self.confidence,
            "reliable": self.reliable,
            "paragraphs": [p.to_json() for p in self.paragraphs],
        }
