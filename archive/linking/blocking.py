"""Blocking: which (original, English story) pairs are worth scoring — never all of them.

A dated original meets the English stories of a compatible desk dated from `WINDOW_BEFORE`
days before to `WINDOW_AFTER` days after it; an undated story on either side meets only the
stories sharing its rarest keys (numbers, its heaviest words, URL story ids) through an
inverted index, `UNDATED_CANDIDATES` at most.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence

import numpy as np

from archive.linking.features import StoryFeatures
from archive.linking.stories import Story, base_language

__all__ = [
    "UNDATED_CANDIDATES",
    "WINDOW_AFTER",
    "WINDOW_BEFORE",
    "candidate_pairs",
    "candidates",
    "compatible",
    "story_keys",
]

#: Days an English story may precede its original (clocks, time zones, a late original).
WINDOW_BEFORE = 2
#: Days an English story may follow its original (usually 0-3; a slow desk takes longer).
WINDOW_AFTER = 7
#: Candidates an undated article is scored against, found by its rarest keys.
UNDATED_CANDIDATES = 40
#: Keys whose English posting list is longer than this are too common to find candidates.
_MAX_POSTING = 300
_KEYS_PER_STORY = 24


def compatible(original: Story, english: Story) -> bool:
    """Whether the two may come from one desk: the same organisation where both are known,
    and the original's language where the English names its language service."""
    orgs = (original.organization, english.organization)
    if all(orgs) and orgs[0] != orgs[1]:
        return False
    if english.desk_language is not None:
        return english.desk_language == base_language(original.features.language)
    return True


#: A story's blocking keys by its index (`story_keys` of its weighted features).
Keys = Callable[[int], Sequence[str]]


def story_keys(story: StoryFeatures) -> list[str]:
    """The story's rarest keys (of a `weighted` story), for finding an undated article's
    candidates: its numbers, its heaviest words, its URL story ids."""
    keys = ["n:" + n for n in story.numbers]
    bag = story.words
    if len(bag):
        top = np.argsort(-bag.weights, kind="stable")[:_KEYS_PER_STORY]
        keys.extend(f"w:{int(i)}" for i in bag.ids[top])
    keys.extend("u:" + u for u in story.url_ids)
    return keys


class _Index:
    """An inverted index from keys to the stories that have them."""

    def __init__(self, keys: Keys, members: Iterable[int]) -> None:
        self.postings: dict[str, list[int]] = defaultdict(list)
        for k in members:
            for key in keys(k):
                self.postings[key].append(k)

    def nearest(self, keys: Iterable[str], limit: int) -> list[int]:
        """The stories sharing the most (rarest) keys with ``keys``, best first."""
        hits: dict[int, float] = defaultdict(float)
        for key in keys:
            post = self.postings.get(key)
            if not post or len(post) > _MAX_POSTING:
                continue
            weight = math.log1p(_MAX_POSTING / len(post))
            for k in post:
                hits[k] += weight
        return sorted(hits, key=lambda k: -hits[k])[:limit]


def candidates(
    stories: Sequence[Story],
    focus: set[int] | None,
    *,
    keys: Keys | None = None,
    order: Sequence[int] | None = None,
) -> Iterator[tuple[int, list[int]]]:
    """Per original (index), the English stories (indices) worth scoring with it, one
    original at a time (so that the pairs of a large archive are never all held at once);
    with ``focus``, only pairs with at least one side in it.

    ``keys`` gives a story's `story_keys` by index (default: computed from its features, which
    must then hold its weighted bag); ``order`` is the order in which originals are visited
    (default: by index)."""
    if keys is None:
        keys = lambda k: story_keys(stories[k].features)  # noqa: E731
    originals = [k for k, s in enumerate(stories) if not s.features.english]
    english = [k for k, s in enumerate(stories) if s.features.english]
    by_date: dict[dt.date, list[int]] = defaultdict(list)
    undated_english: list[int] = []
    for k in english:
        d = stories[k].features.date
        (by_date[d] if d is not None else undated_english).append(k)
    # Found from the English side: undated English stories (and, with a focus, the undated
    # originals a focused English story may belong to) through an index of rare keys.
    extra: dict[int, set[int]] = defaultdict(set)
    searches: list[tuple[list[int], list[int]]] = []
    if undated_english:
        dated = [o for o in originals if stories[o].features.date is not None]
        searches.append((dated, undated_english))
    if focus is not None:
        undated = [o for o in originals if stories[o].features.date is None and o not in focus]
        searches.append((undated, [e for e in english if e in focus]))
    for members, queries in searches:
        if not members or not queries:
            continue
        index = _Index(keys, members)
        for e in queries:
            near = index.nearest(keys(e), UNDATED_CANDIDATES * 4)
            found = [o for o in near if compatible(stories[o], stories[e])]
            for o in found[:UNDATED_CANDIDATES]:
                if focus is None or o in focus or e in focus:
                    extra[o].add(e)
    english_index: _Index | None = None
    visit = originals if order is None else [k for k in order if not stories[k].features.english]
    for o in visit:
        story = stories[o]
        d = story.features.date
        found_e = set(extra.get(o, ()))
        if d is None:
            if focus is None or o in focus:
                if english_index is None:
                    english_index = _Index(keys, english)
                near = english_index.nearest(keys(o), UNDATED_CANDIDATES * 4)
                found_e.update(
                    [e for e in near if compatible(story, stories[e])][:UNDATED_CANDIDATES]
                )
        else:
            for delta in range(-WINDOW_BEFORE, WINDOW_AFTER + 1):
                for e in by_date.get(d + dt.timedelta(days=delta), ()):
                    if focus is not None and o not in focus and e not in focus:
                        continue
                    if compatible(story, stories[e]):
                        found_e.add(e)
        if found_e:
            yield o, sorted(found_e)


def candidate_pairs(
    stories: Sequence[Story], focus: set[int] | None, *, keys: Keys | None = None
) -> set[tuple[int, int]]:
    """`candidates` as a set of (original index, English index) pairs."""
    return {(o, e) for o, found in candidates(stories, focus, keys=keys) for e in found}
