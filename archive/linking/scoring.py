"""The score of one (original, English story) pair, and the evidence it rests on.

Each kind of evidence adds to a log-odds sum, turned into a 0..1 score by the logistic
function: content similarity in English-word space, above all *relative* to the best rival
pair of either article (how much better this English story explains the original than any
other does: absolute similarities differ a lot between languages and lexicons), shared
numbers, shared Latin-script names and people, the date distance (English usually 0-3 days
after the original) and URLs naming the same story. Weights were fitted on the development
seed of ``benchmarks/link_eval.py`` and checked on another seed.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from archive.linking.features import StoryFeatures, Vocabulary, url_evidence

__all__ = [
    "CONFIDENT_MARGIN",
    "CONFIDENT_SCORE",
    "DEFAULT_WEIGHTS",
    "LENGTH_RATIOS",
    "TYPICAL_CONTENT",
    "PairScore",
    "Weights",
    "pair_evidence",
    "score_pair",
]

#: Least score of a suggestion `confident` accepts (0.8 and 0.7 were tried: on the
#: development seeds all three link nothing wrong; 0.6 keeps more true links where the
#: lexicon is weak, see BENCHMARKS.md).
CONFIDENT_SCORE = 0.6
#: Least lead of a confident suggestion over the runner-up of either article.
CONFIDENT_MARGIN = 0.1


@dataclass(frozen=True, slots=True)
class Weights:
    """Log-odds weights of the evidence (fitted by logistic regression on two development
    seeds of ``benchmarks/link_eval.py``, then rounded; the URL, people and desk weights are
    set by hand, the NTREX stories having none of those)."""

    bias: float = 0.5
    content: float = 0.15
    #: Times the log of the pair's content over the best rival's (either article's).
    relative: float = 4.9
    #: Content below this is background: a rival weaker than it counts as this.
    background: float = 0.08
    #: Times the log of the content over the language's typical match, where below it.
    typical: float = 0.4
    #: Times (the share of similarity in story order - 1/3), see `order_similarity`.
    order: float = 1.75
    #: Times |log(English length / original length / the language's usual ratio)|.
    length: float = 1.4
    numbers: float = 1.85
    numbers_missing: float = 2.2
    latin: float = 0.75
    people: float = 1.5
    url_same: float = 4.0
    date_before: float = 0.7
    date_outside: float = 1.1
    service: float = 0.5


DEFAULT_WEIGHTS = Weights()

#: English characters per original character in translated news (NTREX-128 stories, white
#: space left out), used until an archive has enough stories of a language to measure it.
LENGTH_RATIOS = {
    "my": 0.7, "zh": 2.5, "yue": 2.5, "bo": 0.71, "ug": 0.76, "ko": 1.95, "vi": 0.95,
    "km": 0.74, "lo": 0.88,
}  # fmt: skip
#: A translation's usual content similarity, used until it can be measured.
TYPICAL_CONTENT = 0.3


@dataclass(frozen=True, slots=True)
class PairScore:
    """What a pair's score needs: its content similarity, order share and length ratio, and
    the log-odds of everything that needs no comparison with other pairs (``partial``)."""

    content: float
    partial: float
    order: float | None
    length_ratio: float | None

    def score(
        self,
        rival: float,
        *,
        typical: float = TYPICAL_CONTENT,
        expected_ratio: float | None = None,
        weights: Weights | None = None,
    ) -> float:
        """The 0..1 score, given the best content similarity of any rival pair (another
        English story of the original, or another original of the English story), the
        language's typical content of a translation and its usual length ratio."""
        w = weights or DEFAULT_WEIGHTS
        content = max(self.content, 0.01)
        z = self.partial + w.relative * math.log(content / max(rival, w.background))
        z += w.typical * min(0.0, math.log(content / max(typical, w.background)))
        if self.order is not None:
            z += w.order * (self.order - 1 / 3)
        if self.length_ratio is not None and expected_ratio:
            z -= w.length * min(1.5, abs(math.log(self.length_ratio / expected_ratio)))
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def _days(original: StoryFeatures, english: StoryFeatures) -> int | None:
    if original.date is None or english.date is None:
        return None
    return (english.date - original.date).days


def _latin_shared(
    original: StoryFeatures, english: StoryFeatures, vocabulary: Vocabulary
) -> list[str]:
    return sorted(w for w in original.latin if english.words.has(vocabulary.ids.get(w)))


def score_pair(
    original: StoryFeatures,
    english: StoryFeatures,
    *,
    content: float,
    vocabulary: Vocabulary,
    order: float | None = None,
    same_service: str = "unknown",
    weights: Weights = DEFAULT_WEIGHTS,
) -> PairScore:
    """What an original and an English story (both `weighted`) share, as a `PairScore`.

    Args:
        content: their `content_similarity` (computed in batches by the caller).
        order: their `order_similarity`, where computed.
        same_service: the desk relation (see `archive.linking.suggest`).
    """
    w = weights
    z = w.bias + w.content * content
    shared = len(original.numbers & english.numbers)
    small = min(len(original.numbers), len(english.numbers))
    z += w.numbers * min(shared, 4) / 4
    if small:
        # Numbers on both sides that the other lacks: a different story, unless there are few.
        z -= w.numbers_missing * (small - shared) / small * min(1.0, small / 3)
    if original.latin:
        latin = len(_latin_shared(original, english, vocabulary))
        z += w.latin * latin / len(original.latin) * min(1.0, len(original.latin) / 3)
    z += w.people * min(len(original.people & english.people), 2)
    if url_evidence(original, english) is not None:
        z += w.url_same
    days = _days(original, english)
    if days is not None:
        if days < 0:
            z -= w.date_before * -days
        elif days > 3:
            z -= w.date_outside * (days - 3)
    if same_service in ("same_service", "same_desk"):
        z += w.service
    ratio = english.length / original.length if original.length and english.length else None
    return PairScore(content, z, order, ratio)


def pair_evidence(
    original: StoryFeatures,
    english: StoryFeatures,
    pair: PairScore,
    *,
    vocabulary: Vocabulary,
    same_service: str = "unknown",
) -> dict[str, object]:
    """The JSON-safe facts behind a pair's score (what `archive link suggest` shows)."""
    return {
        "date_distance_days": _days(original, english),
        "numbers_shared": sorted(original.numbers & english.numbers, key=lambda n: (len(n), n)),
        "names_shared": _latin_shared(original, english, vocabulary),
        "name_outlines_shared": len(original.names & english.names),
        "people_shared": sorted(original.people & english.people),
        "content": round(pair.content, 4),
        "order": None if pair.order is None else round(pair.order, 4),
        "length_ratio": None if pair.length_ratio is None else round(pair.length_ratio, 3),
        "url_pattern": url_evidence(original, english),
        "desk": same_service,
    }
