"""What a link suggestion compares: each unlinked article's cheap features, computed once.

Every article becomes a `StoryFeatures`: its numbers (normalised across scripts by
`archive.align.numbers`), name skeletons (`archive.align.names`), Latin-script names, a bag of
English word stems (an original's units expanded through the aligner's lexicon, so both sides
live in one English-word space), and the story id and slug of its URLs. Pairs are then
compared by set and dictionary operations only, never by aligning sentences.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from archive.align.lexicon import Lexicon
from archive.align.names import name_skeletons
from archive.align.numbers import numbers
from archive.align.tokens import canonical_language, english_words, latin_words, source_units

__all__ = [
    "StoryFeatures",
    "content_similarity",
    "meaningful_numbers",
    "order_similarity",
    "story_features",
    "url_evidence",
    "url_keys",
]

#: How much an original's unit contributes per translation: its association (0..1] times this.
_EXPANSION_TOP = 4
_SLUG_WORD = re.compile(r"[a-z]+")
_STORY_ID = re.compile(r"(?<![0-9])[0-9]{5,}(?![0-9])")
#: Path words that name a language service or section, not a story.
_SECTION_WORDS = frozenset(
    """english burmese myanmar khmer lao tibetan uyghur korean vietnamese mandarin cantonese
    chinese news html htm php aspx index story article content www""".split()  # noqa: SIM905
)


@dataclass(frozen=True, slots=True)
class StoryFeatures:
    """One unlinked article as the suggester sees it.

    Attributes:
        article_id: the article.
        english: True for an English-only article, False for an original-only one.
        language: the canonical language of the compared version.
        date: the article's date, or None.
        numbers: numbers written in the text (canonical strings, see `meaningful_numbers`).
        names: name skeletons (consonant outlines) of the words that may be names.
        latin: Latin-script names (English stems) written in the text.
        words: English word stems with weights: an English text's own words, an original's
            units translated through the lexicon.
        url_ids: story ids (5+ digit runs) in the article's URLs.
        url_slugs: slugs (the last path segment's words) of the article's URLs.
        hosts: the URLs' hosts.
        people: ids of the archive's people found in the text by a spelling of their name.
        length: characters of the text, white space left out.
        parts: ``words`` of each third of the text, in order (`order_similarity`).
    """

    article_id: int
    english: bool
    language: str | None
    date: dt.date | None
    numbers: frozenset[str]
    names: frozenset[str]
    latin: frozenset[str]
    words: Mapping[str, float]
    url_ids: frozenset[str] = frozenset()
    url_slugs: frozenset[str] = frozenset()
    hosts: frozenset[str] = frozenset()
    people: frozenset[int] = frozenset()
    length: int = 0
    parts: tuple[Mapping[str, float], ...] = ()
    norm: float = field(default=0.0, compare=False)
    part_norms: tuple[float, ...] = field(default=(), compare=False)


def meaningful_numbers(text: str) -> frozenset[str]:
    """The numbers of ``text`` worth comparing: every written number but 0-9 (list items,
    counts written as words in the other language)."""
    return frozenset(n for n in numbers(text) if len(n.split(".")[0]) > 1 or "." in n)


def url_keys(urls: Iterable[str]) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """``(story ids, slugs, hosts)`` of some URLs.

    The slug is the last path segment's words joined by ``-`` (section and service words left
    out), so ``/burmese/news/floods-kill-12-07082021.html`` and
    ``/english/news/myanmar/floods-kill-12-07082021.html`` share the slug ``floods-kill`` and
    the id ``07082021``.
    """
    ids: set[str] = set()
    slugs: set[str] = set()
    hosts: set[str] = set()
    for url in urls:
        try:
            parts = urlsplit(url.strip())
        except ValueError:
            continue
        if parts.hostname:
            hosts.add(parts.hostname.removeprefix("www."))
        segments = [s for s in parts.path.split("/") if s]
        if not segments:
            continue
        last = segments[-1].lower().rsplit(".", 1)[0]
        ids.update(_STORY_ID.findall(last))
        ids.update(_STORY_ID.findall(parts.query))
        words = [w for w in _SLUG_WORD.findall(last) if w not in _SECTION_WORDS]
        if len(words) >= 2:
            slugs.add("-".join(words))
    return frozenset(ids), frozenset(slugs), frozenset(hosts)


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


def story_features(
    *,
    article_id: int,
    text: str,
    language: str | None,
    date: dt.date | None,
    urls: Iterable[str] = (),
    lexicon: Lexicon | None = None,
    people: Callable[[str], frozenset[int]] | None = None,
    translation: str | None = None,
) -> StoryFeatures:
    """The features of one article's text (``text`` in its derived, Unicode form).

    Args:
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
        words: dict[str, float] = dict(Counter(stems))
        parts = [dict(Counter(third)) for third in _thirds(stems)]
        latin: frozenset[str] = frozenset()
    else:
        units = source_units(text, lang)
        words = _expand(units, lexicon)
        parts = [_expand(third, lexicon) for third in _thirds(units)]
        found = latin_words(text)
        latin = frozenset(found)
        _add(words, latin)
        for part, third in zip(parts, _thirds(found), strict=True):
            _add(part, third)
        if translation:
            mt = english_words(translation)
            _add(words, mt)
            for part, third in zip(parts, _thirds(mt), strict=True):
                _add(part, third)
    ids, slugs, hosts = url_keys(urls)
    return StoryFeatures(
        article_id=article_id,
        english=english,
        language=lang,
        date=date,
        numbers=meaningful_numbers(text),
        names=frozenset(name_skeletons(text, lang, units)),
        latin=latin,
        words=words,
        url_ids=ids,
        url_slugs=slugs,
        hosts=hosts,
        people=people(text) if people is not None else frozenset(),
        length=sum(1 for c in text if not c.isspace()),
        parts=tuple(parts),
    )


def _thirds(items: list[str]) -> list[list[str]]:
    """``items`` cut into three runs of (nearly) equal length, in order."""
    n = len(items)
    return [items[: n // 3], items[n // 3 : 2 * n // 3], items[2 * n // 3 :]]


def _add(bag: dict[str, float], words: Iterable[str]) -> None:
    for w in words:
        bag[w] = bag.get(w, 0.0) + 1.0


def weighted(features: StoryFeatures, idf: Mapping[str, float]) -> StoryFeatures:
    """``features`` with its words weighted by ``idf`` (unknown words get the largest idf)
    and their Euclidean norm stored, ready for `content_similarity`."""
    top = max(idf.values(), default=1.0)
    words = {w: c * idf.get(w, top) for w, c in features.words.items()}
    parts = tuple({w: c * idf.get(w, top) for w, c in p.items()} for p in features.parts)
    norm = math.sqrt(sum(v * v for v in words.values()))
    part_norms = tuple(math.sqrt(sum(v * v for v in p.values())) for p in parts)
    return StoryFeatures(
        features.article_id,
        features.english,
        features.language,
        features.date,
        features.numbers,
        features.names,
        features.latin,
        words,
        features.url_ids,
        features.url_slugs,
        features.hosts,
        features.people,
        features.length,
        parts,
        norm,
        part_norms,
    )


def _cosine(a: Mapping[str, float], an: float, b: Mapping[str, float], bn: float) -> float:
    if not an or not bn:
        return 0.0
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    get = large.get
    return sum(v * get(w, 0.0) for w, v in small.items()) / (an * bn)


def content_similarity(a: StoryFeatures, b: StoryFeatures) -> float:
    """The cosine of two `weighted` word bags (0 when either is empty)."""
    return _cosine(a.words, a.norm, b.words, b.norm)


def order_similarity(a: StoryFeatures, b: StoryFeatures) -> float | None:
    """How much of the two texts' similarity lies in the same order: the share of the
    cosines between their thirds (a 3×3 table) that is on the diagonal; about 1/3 for two
    stories on one topic, more for a translation, which tells its story in the same order
    (None when no third of either has words)."""
    if len(a.parts) != 3 or len(b.parts) != 3:
        return None
    table = [
        [_cosine(p, pn, q, qn) for q, qn in zip(b.parts, b.part_norms, strict=True)]
        for p, pn in zip(a.parts, a.part_norms, strict=True)
    ]
    total = sum(map(sum, table))
    if total <= 0:
        return None
    return sum(table[k][k] for k in range(3)) / total
