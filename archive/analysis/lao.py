"""Lao sentence boundaries where the writer used no punctuation: which spaces end a sentence.

Lao separates both phrases and sentences with a space. A small logistic-regression model
scores each space from the words around it (ICU's Lao dictionary word break), the first and
last characters, and the lengths of the chunks on either side. Its weights ship as
``data/lao_sentence_model.tsv``; :mod:`archive.analysis.lao_train` made them from NTREX-128
Lao documents 0–59 (``benchmarks/segment_eval.py`` reports on documents 60–122) and says
how. Paragraphs that use ``. ! ?`` are split on those alone (see :func:`wants_lao_model`).
"""

from __future__ import annotations

import functools
import itertools
import math
import threading
from collections.abc import Iterator
from importlib import resources

import icu

__all__ = [
    "MODEL_FILE",
    "LaoModel",
    "lao_boundaries",
    "lao_features",
    "load_model",
    "wants_lao_model",
]

MODEL_FILE = "lao_sentence_model.tsv"

_PUNCTUATION = frozenset(".!?…")
_CLOSERS = frozenset("\"'”’»)]")
_local = threading.local()


def _is_lao(char: str) -> bool:
    return "\u0e80" <= char <= "\u0eff"


def _char_class(char: str) -> str:
    if not char:
        return "none"
    if _is_lao(char):
        return "lao"
    if char.isdigit():
        return "digit"
    if char.isalpha():
        return "alpha"
    if char in "\"'“”‘’«»":
        return "quote"
    if char in "([{":
        return "open"
    if char in ")]}":
        return "close"
    return "punct"


def _bucket(n: int) -> str:
    for limit in (2, 4, 8, 16, 32, 64):
        if n <= limit:
            return str(limit)
    return "big"


def _words(chunk: str) -> list[str]:
    """ICU dictionary words of ``chunk`` (no spaces inside)."""
    iterator: icu.BreakIterator | None = getattr(_local, "words", None)
    if iterator is None:
        iterator = _local.words = icu.BreakIterator.createWordInstance(icu.Locale("lo"))
    iterator.setText(chunk)
    cuts = [0, *iterator]
    return [chunk[a:b] for a, b in itertools.pairwise(cuts) if chunk[a:b].strip()]


def lao_features(left: str, right: str) -> list[str]:
    """Features of a space between the chunk ``left`` and the chunk ``right``.

    Chunks are the text from the previous space to this one and from this one to the next.
    """
    left_words = _words(left) or [""]
    right_words = _words(right) or [""]
    last = left[-1:] if left else ""
    first = right[:1] if right else ""
    return [
        "bias",
        "lw=" + left_words[-1],
        "lw2=" + (left_words[-2] if len(left_words) > 1 else "^"),
        "rw=" + right_words[0],
        "rw2=" + (right_words[1] if len(right_words) > 1 else "$"),
        "lc=" + last,
        "rc=" + first,
        "lt=" + _char_class(last),
        "rt=" + _char_class(first),
        "ll=" + _bucket(len(left)),
        "rl=" + _bucket(len(right)),
        "lwrt=" + left_words[-1] + "|" + _char_class(first),
    ]


class LaoModel:
    """Weights of the space classifier and its decision threshold."""

    def __init__(self, weights: dict[str, float], threshold: float) -> None:
        self.weights = weights
        self.threshold = threshold

    def probability(self, features: list[str]) -> float:
        score = sum(self.weights.get(f, 0.0) for f in features)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, score))))

    @classmethod
    def from_tsv(cls, text: str) -> LaoModel:
        weights: dict[str, float] = {}
        threshold = 0.5
        for line in text.splitlines():
            if not line or line.startswith("#"):
                continue
            name, value = line.rsplit("\t", 1)
            if name == "__threshold__":
                threshold = float(value)
            else:
                weights[name] = float(value)
        return cls(weights, threshold)

    def to_tsv(self, header: str) -> str:
        lines = [f"# {row}" for row in header.splitlines()]
        lines.append(f"__threshold__\t{self.threshold:.4f}")
        for name, value in sorted(self.weights.items(), key=lambda item: -abs(item[1])):
            lines.append(f"{name}\t{value:.4f}")
        return "\n".join(lines) + "\n"


@functools.cache
def load_model() -> LaoModel:
    """The shipped model (read from package data on first use)."""
    data = resources.files("archive.analysis").joinpath("data", MODEL_FILE)
    return LaoModel.from_tsv(data.read_text(encoding="utf-8"))


def wants_lao_model(text: str, start: int, end: int, counts: dict[str, float]) -> bool:
    """Whether the paragraph is Lao written without sentence punctuation.

    A paragraph is Lao when Lao is its main script; it is punctuated when it ends with
    ``. ! ? …`` (before closing quotes) or has one followed by a space inside it.
    """
    if not counts or max(counts.items(), key=lambda item: item[1])[0] != "Laoo":
        return False
    tail = end
    while tail > start and text[tail - 1] in _CLOSERS:
        tail -= 1
    if tail > start and text[tail - 1] in _PUNCTUATION:
        return False
    return not any(text[i] in _PUNCTUATION and text[i + 1].isspace() for i in range(start, end - 1))


def _spaces(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """``(a, b)`` for each run of white space inside ``text[start:end]``."""
    i = start
    while i < end:
        if text[i].isspace():
            j = i
            while j < end and text[j].isspace():
                j += 1
            yield i, j
            i = j
        else:
            i += 1


def space_examples(text: str, start: int, end: int) -> Iterator[tuple[int, list[str]]]:
    """``(offset, features)`` for each space of the paragraph ``text[start:end]``."""
    runs = list(_spaces(text, start, end))
    for k, (a, b) in enumerate(runs):
        left_start = runs[k - 1][1] if k else start
        right_end = runs[k + 1][0] if k + 1 < len(runs) else end
        yield a, lao_features(text[left_start:a], text[b:right_end])


def lao_boundaries(text: str, start: int, end: int) -> list[int]:
    """Offsets of the spaces in ``text[start:end]`` the model takes for sentence ends."""
    model = load_model()
    return [
        offset
        for offset, features in space_examples(text, start, end)
        if model.probability(features) >= model.threshold
    ]
