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

from archive.linking.features import (
    StoryFeatures,
    content_similarity,
    order_similarity,
    url_evidence,
)

__all__ = [
    "CONFIDENT_MARGIN",
    "CONFIDENT_SCORE",
    "DEFAULT_WEIGHTS",
    "LENGTH_RATIOS",
    "TYPICAL_CONTENT",
    "PairScore",
    "Weights",
    "score_pair",
]

#: Least score of a suggestion `confident` accepts.
CONFIDENT_SCORE = 0.8
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
    """A pair's evidence: content similarity, order share, length ratio, the log-odds of
    everything that needs no comparison with other pairs (``partial``), and the JSON-safe
    facts."""

    content: float
    partial: float
    order: float | None
    length_ratio: float | None
    evidence: dict[str, object]

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


def score_pair(
    original: StoryFeatures,
    english: StoryFeatures,
    *,
    same_service: str = "unknown",
    weights: Weights = DEFAULT_WEIGHTS,
) -> PairScore:
    """The evidence that an original and an English story (both `weighted`) tell one story."""
    w = weights
    content = content_similarity(original, english)
    order = order_similarity(original, english)
    z = w.bias + w.content * content
    shared_numbers = sorted(original.numbers & english.numbers, key=lambda n: (len(n), n))
    small = min(len(original.numbers), len(english.numbers))
    z += w.numbers * min(len(shared_numbers), 4) / 4
    if small:
        # Numbers on both sides that the other lacks: a different story, unless there are few.
        z -= w.numbers_missing * (small - len(shared_numbers)) / small * min(1.0, small / 3)
    latin_shared = sorted(original.latin & set(english.words))
    if original.latin:
        z += w.latin * len(latin_shared) / len(original.latin) * min(1.0, len(original.latin) / 3)
    people = sorted(original.people & english.people)
    z += w.people * min(len(people), 2)
    url = url_evidence(original, english)
    if url is not None:
        z += w.url_same
    days: int | None = None
    if original.date is not None and english.date is not None:
        days = (english.date - original.date).days
        if days < 0:
            z -= w.date_before * -days
        elif days > 3:
            z -= w.date_outside * (days - 3)
    if same_service in ("same_service", "same_desk"):
        z += w.service
    evidence: dict[str, object] = {
        "date_distance_days": days,
        "numbers_shared": shared_numbers,
        "names_shared": latin_shared,
        "name_outlines_shared": len(original.names & english.names),
        "people_shared": people,
        "content": round(content, 4),
        "order": None if order is None else round(order, 4),
        "url_pattern": url,
        "desk": same_service,
    }
    ratio = english.length / original.length if original.length and english.length else None
    evidence["length_ratio"] = None if ratio is None else round(ratio, 3)
    return PairScore(content, z, order, ratio, evidence)
