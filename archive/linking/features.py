"""What a link suggestion compares: each unlinked article's cheap features, computed once.

Every article becomes a `StoryFeatures`: its numbers (normalised across scripts by
`archive.linking.numbers`), name skeletons (`archive.align.names`), Latin-script names, a bag of
English word stems (an original's units expanded through the aligner's lexicon, so both sides
live in one English-word space; kept as sorted id/weight arrays, a few KB a story), the same
for each third of the text, and the story id and slug of its URLs. Pairs are then compared
by set operations and sparse dot products, never by aligning sentences.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from urllib.parse import urlsplit

import numpy as np
from numpy.typing import NDArray

from archive.align.lexicon import Lexicon
from archive.align.names import name_skeletons
from archive.align.tokens import canonical_language, english_words, latin_words, source_units
from archive.linking.numbers import story_numbers

__all__ = [
    "KEEP_PART_WORDS",
    "KEEP_WORDS",
    "Bag",
    "Comparer",
    "StoryFeatures",
    "Vocabulary",
    "content_similarity",
    "order_similarity",
    "story_features",
    "url_evidence",
    "url_keys",
]

#: Translations of an original's unit that join its bag (the strongest ones).
_EXPANSION_TOP = 4
#: The weight of a Latin-script name in an original's bag (once per name): a lexicon word
#: weighs its association, usually well under 1, and a few names shared by two stories on
#: one topic must not outweigh everything else.
_LATIN_WEIGHT = 0.5
_SLUG_WORD = re.compile(r"[a-z]+")
_STORY_ID = re.compile(r"(?<![0-9])[0-9]{5,}(?![0-9])")
#: Path words that name a language service or section, not a story.
_SECTION_WORDS = frozenset(
    """english burmese myanmar khmer lao tibetan uyghur korean vietnamese mandarin cantonese
    chinese news html htm php aspx index story article content www""".split()  # noqa: SIM905
)


class Vocabulary:
    """English word stems and their integer ids, shared by every bag of one run."""

    def __init__(self) -> None:
        self.ids: dict[str, int] = {}
        self.words: list[str] = []

    def __len__(self) -> int:
        return len(self.words)

    def bag(self, counts: Mapping[str, float]) -> Bag:
        """``counts`` as a `Bag` (new words get new ids)."""
        ids = self.ids
        out = np.fromiter(
            (ids[w] if w in ids else self._add(w) for w in counts),
            dtype=np.int32,
            count=len(counts),
        )
        weights = np.fromiter(counts.values(), dtype=np.float32, count=len(counts))
        order = np.argsort(out)
        return Bag(out[order], weights[order])

    def _add(self, word: str) -> int:
        self.ids[word] = len(self.words)
        self.words.append(word)
        return self.ids[word]


@dataclass(frozen=True, slots=True)
class Bag:
    """Weighted English word stems as sorted vocabulary ids and their weights."""

    ids: NDArray[np.int32]
    weights: NDArray[np.float32]
    norm: float = 0.0

    def __len__(self) -> int:
        return len(self.ids)

    def has(self, word_id: int | None) -> bool:
        """Whether the bag holds the word ``word_id``."""
        if word_id is None:
            return False
        k = int(np.searchsorted(self.ids, word_id))
        return k < len(self.ids) and int(self.ids[k]) == word_id

    def weighted(self, idf: NDArray[np.float32], keep: int) -> Bag:
        """Each weight times its word's ``idf``; only the ``keep`` heaviest words kept (the
        long tail of weak lexicon translations adds noise and memory, not evidence)."""
        weights = self.weights * idf[self.ids]
        ids = self.ids
        if len(ids) > keep:
            top = np.sort(np.argpartition(-weights, keep)[:keep])
            ids, weights = ids[top], weights[top]
        return Bag(ids, weights, float(np.sqrt(np.dot(weights, weights))))


_EMPTY = Bag(np.zeros(0, dtype=np.int32), np.zeros(0, dtype=np.float32))


@dataclass(frozen=True, slots=True)
class StoryFeatures:
    """One unlinked article as the suggester sees it.

    Attributes:
        article_id: the article.
        english: True for an English-only article, False for an original-only one.
        language: the canonical language of the compared version.
        date: the article's date, or None.
        numbers: numbers written in the text (canonical strings, see `story_numbers`).
        names: name skeletons (consonant outlines) of the words that may be names.
        latin: Latin-script names (English stems) written in an original.
        words: English word stems with weights: an English text's own words, an original's
            units translated through the lexicon (and its Latin names, and MT words).
        parts: ``words`` of each third of the text, in order (`order_similarity`).
        url_ids: story ids (5+ digit runs) in the article's URLs.
        url_slugs: slugs (the last path segment's words) of the article's URLs.
        people: ids of the archive's people found in the text by a spelling of their name.
        length: characters of the text, white space left out.
    """

    article_id: int
    english: bool
    language: str | None
    date: dt.date | None
    numbers: frozenset[str]
    names: frozenset[str]
    latin: frozenset[str]
    words: Bag
    parts: tuple[Bag, ...] = ()
    url_ids: frozenset[str] = frozenset()
    url_slugs: frozenset[str] = frozenset()
    people: frozenset[int] = frozenset()
    length: int = 0


def url_keys(urls: Iterable[str]) -> tuple[frozenset[str], frozenset[str]]:
    """``(story ids, slugs)`` of some URLs.

    The slug is the last path segment's words joined by ``-`` (section and service words left
    out), so ``/burmese/news/floods-kill-12-07082021.html`` and
    ``/english/news/myanmar/floods-kill-12-07082021.html`` share the slug ``floods-kill`` and
    the id ``07082021``.
    """
    ids: set[str] = set()
    slugs: set[str] = set()
    for url in urls:
        try:
            parts = urlsplit(url.strip())
        except ValueError:
            continue
        segments = [s for s in parts.path.split("/") if s]
        if not segments:
            continue
        last = segments[-1].lower().rsplit(".", 1)[0]
        ids.update(_STORY_ID.findall(last))
        ids.update(_STORY_ID.findall(parts.query))
        words = [w for w in _SLUG_WORD.findall(last) if w not in _SECTION_WORDS]
        if len(words) >= 2:
            slugs.add("-".join(words))
    return frozenset(ids), frozenset(slugs)


def url_evidence(a: StoryFeatures, b: StoryFeatures) -> str | None:
    """``"same_id"``, ``"same_slug"`` or None: what the two articles' URLs share."""
    if a.url_ids & b.url_ids:
        return "same_id"
    if a.url_slugs & b.url_slugs:
        return "same_slug"
    return None


def _expand(units: Iterable[str], lexicon: Lexicon | None) -> dict[str, float]:
    """An original's units as English stems: each unit's strongest translations, weighted by
    association and by how often the unit occurs (square root: a repeated word is not a new
    fact)."""
    out: dict[str, float] = {}
    if lexicon is None:
        return out
    for unit, count in Counter(units).items():
        scale = math.sqrt(count)
        for word, assoc in lexicon.translations(unit)[:_EXPANSION_TOP]:
            out[word] = out.get(word, 0.0) + assoc * scale
    return out


def _thirds(items: list[str]) -> list[list[str]]:
    """``items`` cut into three runs of (nearly) equal length, in order."""
    n = len(items)
    return [items[: n // 3], items[n // 3 : 2 * n // 3], items[2 * n // 3 :]]


def _add(bag: dict[str, float], words: Iterable[str], weight: float = 1.0) -> None:
    for w in words:
        bag[w] = bag.get(w, 0.0) + weight


def story_features(
    *,
    article_id: int,
    text: str,
    language: str | None,
    date: dt.date | None,
    vocabulary: Vocabulary,
    urls: Iterable[str] = (),
    lexicon: Lexicon | None = None,
    people: Callable[[str], frozenset[int]] | None = None,
    translation: str | None = None,
) -> StoryFeatures:
    """The features of one article's text (``text`` in its derived, Unicode form).

    Args:
        vocabulary: gives the English words their ids (one for every story compared).
        lexicon: the original language's lexicon into English (None for English text).
        people: finds the archive's people named in a text (see `PeopleFinder`).
        translation: a machine translation of an original into English, whose words join
            the lexicon's.
    """
    lang = canonical_language(language)
    english = lang == "en"
    units: list[str] | None = None
    if english:
        stems = english_words(text)
        words: dict[str, float] = {w: float(c) for w, c in Counter(stems).items()}
        parts = [{w: float(c) for w, c in Counter(t).items()} for t in _thirds(stems)]
        latin: frozenset[str] = frozenset()
    else:
        units = source_units(text, lang)
        words = _expand(units, lexicon)
        parts = [_expand(third, lexicon) for third in _thirds(units)]
        found = latin_words(text)
        latin = frozenset(found)
        _add(words, latin, _LATIN_WEIGHT)
        for part, third in zip(parts, _thirds(found), strict=True):
            _add(part, third, _LATIN_WEIGHT)
        if translation:
            mt = english_words(translation)
            _add(words, mt)
            for part, third in zip(parts, _thirds(mt), strict=True):
                _add(part, third)
    ids, slugs = url_keys(urls)
    return StoryFeatures(
        article_id=article_id,
        english=english,
        language=lang,
        date=date,
        numbers=story_numbers(text),
        names=frozenset(name_skeletons(text, lang, units)),
        latin=latin,
        words=vocabulary.bag(words),
        parts=tuple(vocabulary.bag(p) for p in parts),
        url_ids=ids,
        url_slugs=slugs,
        people=people(text) if people is not None else frozenset(),
        length=sum(1 for c in text if not c.isspace()),
    )


#: Words kept in a story's bag, and in each third's (the heaviest, after idf weighting).
KEEP_WORDS = 400
KEEP_PART_WORDS = 200


def weighted(features: StoryFeatures, idf: NDArray[np.float32]) -> StoryFeatures:
    """``features`` with its bags weighted by ``idf`` (per vocabulary id) and trimmed to
    their heaviest words, norms set: ready for `content_similarity`."""
    return replace(
        features,
        words=features.words.weighted(idf, KEEP_WORDS),
        parts=tuple(p.weighted(idf, KEEP_PART_WORDS) for p in features.parts),
    )


def _dot(a: Bag, b: Bag) -> float:
    _, ka, kb = np.intersect1d(a.ids, b.ids, assume_unique=True, return_indices=True)
    return float(np.dot(a.weights[ka], b.weights[kb]))


def _cosine(a: Bag, b: Bag) -> float:
    return _dot(a, b) / (a.norm * b.norm) if a.norm and b.norm else 0.0


def content_similarity(a: StoryFeatures, b: StoryFeatures) -> float:
    """The cosine of two `weighted` stories' word bags (0 when either is empty)."""
    return _cosine(a.words, b.words)


def _order_share(table: NDArray[np.float64]) -> float | None:
    total = float(table.sum())
    return float(np.trace(table)) / total if total > 0 else None


def order_similarity(a: StoryFeatures, b: StoryFeatures) -> float | None:
    """How much of the two texts' similarity lies in the same order: the share of the
    cosines between their thirds (a 3×3 table) that is on the diagonal; about 1/3 for two
    stories on one topic, more for a translation, which tells its story in the same order
    (None when no third of either has words)."""
    if len(a.parts) != 3 or len(b.parts) != 3:
        return None
    return _order_share(np.array([[_cosine(p, q) for q in b.parts] for p in a.parts]))


class Comparer:
    """Content and order similarities of one original with many English stories at once,
    through a dense scratch vector over the vocabulary (the same results as
    `content_similarity` and `order_similarity`, a batch per call)."""

    def __init__(self, vocabulary_size: int) -> None:
        self._dense = np.zeros(vocabulary_size + 1, dtype=np.float32)

    def _dots(self, bag: Bag, others: Sequence[Bag]) -> NDArray[np.float64]:
        out = np.zeros(len(others))
        sizes = np.fromiter((len(o) for o in others), dtype=np.int64, count=len(others))
        if not len(bag) or not sizes.sum():
            return out
        dense = self._dense
        dense[bag.ids] = bag.weights
        ids = np.concatenate([o.ids for o in others])
        weights = np.concatenate([o.weights for o in others])
        starts = np.concatenate(([0], np.cumsum(sizes)[:-1]))
        products = (dense[ids] * weights).astype(np.float64)
        dense[bag.ids] = 0.0
        filled = sizes > 0
        # reduceat over the non-empty runs only (an empty run would read its neighbour's).
        out[filled] = np.add.reduceat(products, starts[filled])
        return out

    def contents(
        self, original: StoryFeatures, english: Sequence[StoryFeatures]
    ) -> NDArray[np.float64]:
        """`content_similarity` of ``original`` with each of ``english``."""
        dots = self._dots(original.words, [e.words for e in english])
        norms = np.array([e.words.norm for e in english]) * original.words.norm
        return np.divide(dots, norms, out=np.zeros_like(dots), where=norms > 0)

    def orders(
        self, original: StoryFeatures, english: Sequence[StoryFeatures]
    ) -> list[float | None]:
        """`order_similarity` of ``original`` with each of ``english``."""
        if len(original.parts) != 3:
            return [None] * len(english)
        table = np.zeros((len(english), 3, 3))
        for i, part in enumerate(original.parts):
            for j in range(3):
                others = [e.parts[j] if len(e.parts) == 3 else _EMPTY for e in english]
                dots = self._dots(part, others)
                norms = np.array([o.norm for o in others]) * part.norm
                table[:, i, j] = np.divide(dots, norms, out=np.zeros_like(dots), where=norms > 0)
        return [
            _order_share(t) if len(e.parts) == 3 else None
            for t, e in zip(table, english, strict=True)
        ]
