"""Link suggestions: which English-only article tells the story of which original-only one.

An archivist often receives the original (from a language service's site) and its English
story (from the English site) separately; they land as two unrelated articles. This module
proposes the pairs, each with a score and its evidence, without ever comparing all pairs:

1. **Load** every article whose human versions are only in an original language, and every
   article whose human versions are only English (machine versions do not count), with the
   cheap features of `archive.linking.features` (numbers, names, English-space words, URLs).
   (`archive.linking.stories`). The full features go to a temporary file as they are made;
   memory keeps a compact record and the blocking keys of each story, and the full features
   of one date window at a time while originals are scored in date order (undated first).
2. **Block** (`archive.linking.blocking`): a dated original meets the English stories of a
   compatible desk (same organisation; the same language service where the English names
   one) in a date window around it; an undated article on either side meets only the
   articles that share its rarest keys, through an inverted index.
3. **Score** (`archive.linking.scoring`): content similarity for every candidate pair, a
   batch per original; the rest of the evidence for each story's best pairs; keep, per
   original, its best `KEEP_PER_ARTICLE` candidates; mark mutual bests and margins.

`confident` then picks what may be linked without a person: mutual best, a clear margin, a
high score, one English story per original and desk.
"""

from __future__ import annotations

import datetime as dt
import heapq
import json
from collections import defaultdict
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field

from sqlmodel import Session

from archive.linking.blocking import WINDOW_BEFORE, candidate_pairs, candidates, story_keys
from archive.linking.features import Comparer, Vocabulary
from archive.linking.scoring import (
    CONFIDENT_MARGIN,
    CONFIDENT_SCORE,
    LENGTH_RATIOS,
    TYPICAL_CONTENT,
    PairScore,
    pair_evidence,
    score_pair,
)
from archive.linking.stories import (
    FeatureStore,
    Progress,
    Story,
    Translate,
    base_language,
    load_stories,
)

__all__ = [
    "CONFIDENT_ORDER",
    "KEEP_PER_ARTICLE",
    "Suggestion",
    "confident",
    "suggest_links",
]

#: Suggestions kept per original (the best ones; the rest only set margins).
KEEP_PER_ARTICLE = 3
#: Least share of similarity in story order of a confident suggestion (1/3 is chance).
CONFIDENT_ORDER = 1 / 3
#: Pairs per story fully scored: its best by content similarity.
_SHORTLIST = 8


@dataclass(frozen=True)
class Suggestion:
    """A proposed link: ``article_id`` is always the ORIGINAL-language article (the one with
    only an original version) and ``candidate_id`` the English-only article; confirming the
    link makes ``candidate_id``'s English a version of ``article_id``'s story.

    Attributes:
        score: 0..1, higher is more likely (a calibrated combination of the evidence).
        evidence: JSON-safe facts behind the score: ``date_distance_days`` (English date
            minus original date, None if either is undated), ``numbers_shared``,
            ``names_shared``, ``people_shared``, ``content`` (0..1 similarity in English-word
            space), ``url_pattern`` (``same_id``/``same_slug``/None), ``desk``.
        mutual_best: each is the other's best candidate.
        margin: this score minus the best competing score of either article (negative when
            another candidate scores higher; 1.0 when neither has a competitor).
    """

    article_id: int
    candidate_id: int
    score: float
    evidence: dict[str, object] = field(default_factory=dict)
    mutual_best: bool = False
    margin: float = 0.0

    def to_json(self) -> dict[str, object]:
        """``{"article", "candidate", "score", "evidence", "mutual_best", "margin"}``."""
        return {
            "article": self.article_id,
            "candidate": self.candidate_id,
            "score": round(self.score, 4),
            "evidence": json.loads(json.dumps(self.evidence)),
            "mutual_best": self.mutual_best,
            "margin": round(self.margin, 4),
        }


# -- the suggestions --------------------------------------------------------------------------


def suggest_links(
    session: Session,
    *,
    service: str | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
    article_ids: Collection[int] | None = None,
    rejected: Collection[tuple[int, int]] = (),
    translate: Translate | None = None,
    progress: Progress | None = None,
) -> list[Suggestion]:
    """Likely counterparts of the archive's unlinked articles, best first.

    Args:
        service: only suggestions where one of the two articles is of this service (a
            name, alias or key, as ``archive list --service`` reads it).
        since, until: only suggestions where one of the two articles is dated in this range.
        article_ids: only suggestions involving one of these articles (what an import
            brought); their competitors are still scored, so margins stay honest.
        rejected: ``(original id, English id)`` pairs a person rejected: never suggested,
            and never a competitor.
        translate: ``translate(src_lang, "en", lines)``: a machine translation whose words
            join the lexicon's when comparing an original with English stories.
        progress: called with ``(done, total)`` as work advances.

    Returns:
        Per original, its best `KEEP_PER_ARTICLE` candidates (each with ``article_id`` the
        original and ``candidate_id`` the English story), ordered by score, best first.
    """
    vocabulary = Vocabulary()
    stories, store, keys = load_stories(
        session, vocabulary=vocabulary, translate=translate, progress=progress, keys_of=story_keys
    )
    try:
        if not stories:
            return []
        position = {s.features.article_id: k for k, s in enumerate(stories)}
        focus = _focus(session, stories, position, service, since, until, article_ids)
        refused = {(position.get(a), position.get(b)) for a, b in rejected}
        order = _sweep_order(stories)
        first: set[tuple[int, int]] | None = None
        groups: Iterable[tuple[int, list[int]]]
        if focus is None:
            groups = candidates(stories, None, keys=keys.__getitem__, order=order)
        else:
            first = candidate_pairs(stories, focus, keys=keys.__getitem__)
            # Their competitors too: every candidate of a story the first round touched.
            touched = {o for o, _ in first} | {e for _, e in first}
            by_original: dict[int, set[int]] = defaultdict(set)
            for o, e in first | candidate_pairs(stories, touched, keys=keys.__getitem__):
                by_original[o].add(e)
            rank = {k: n for n, k in enumerate(order)}
            groups = (
                (o, sorted(by_original[o])) for o in sorted(by_original, key=rank.__getitem__)
            )
        if refused:
            groups = ((o, [e for e in es if (o, e) not in refused]) for o, es in groups)
        scored = _score_pairs(stories, store, order, groups, vocabulary, progress)
        suggestions = _rank(stories, store, order, scored, keep=first, vocabulary=vocabulary)
    finally:
        store.close()
    if progress is not None:
        progress(len(stories) * 2, len(stories) * 2)
    return suggestions


def _sweep_order(stories: Sequence[Story]) -> list[int]:
    """Story indices in the order originals are scored: undated first, then by date (so
    that only the stories of one date window need their full features at a time)."""
    return sorted(
        range(len(stories)),
        key=lambda k: (stories[k].features.date is not None, stories[k].features.date or _DAY0, k),
    )


_DAY0 = dt.date.min


class _Window:
    """Which full features to keep while originals are visited in `_sweep_order`: a dated
    original needs the English stories from `WINDOW_BEFORE` days before it on (and itself);
    an undated one only its own candidates, kept no longer than it is scored."""

    def __init__(self, stories: Sequence[Story], store: FeatureStore) -> None:
        self.stories = stories
        self.store = store
        self.day: dt.date | None = None

    def visit(self, o: int) -> None:
        day = self.stories[o].features.date
        if day is None:
            self.store.forget_before(dt.date.max)
        elif day != self.day:
            self.store.forget_before(day - dt.timedelta(days=WINDOW_BEFORE))
        self.day = day


def _score_pairs(
    stories: Sequence[Story],
    store: FeatureStore,
    order: Sequence[int],
    groups: Iterable[tuple[int, list[int]]],
    vocabulary: Vocabulary,
    progress: Progress | None,
) -> dict[tuple[int, int], PairScore]:
    """Scores of the pairs worth keeping: content similarity first for every pair (a batch
    per original), then the rest of the evidence for each story's `_SHORTLIST` best pairs
    by content (a pair outside both shortlists can be neither suggested nor a close rival).

    ``groups`` come in `_sweep_order`; an English story's shortlist is chosen once no later
    original can meet it, from its pairs taken in original index order (the same shortlist,
    ties included, whatever the order of the sweep).
    """
    comparer = Comparer(len(vocabulary))
    window = _Window(stories, store)
    # Per story, its best (content, partner) pairs, kept short with a heap.
    best_o: dict[int, list[tuple[float, int]]] = {}
    best_e: dict[int, list[tuple[float, int]]] = {}
    # English stories later originals may still meet: their (original, content) pairs.
    meeting: dict[int, list[tuple[int, float]]] = defaultdict(list)

    def close(e: int) -> None:
        heap: list[tuple[float, int]] = []
        for o, content in sorted(meeting.pop(e)):
            if len(heap) < _SHORTLIST:
                heapq.heappush(heap, (content, o))
            elif content > heap[0][0]:
                heapq.heapreplace(heap, (content, o))
        best_e[e] = heap

    day: dt.date | None = None
    for o, english in groups:
        if not english:
            continue
        window.visit(o)
        d = stories[o].features.date
        if d is not None and d != day:
            day = d
            # A dated English story meets originals dated up to WINDOW_BEFORE days after it.
            last = d - dt.timedelta(days=WINDOW_BEFORE)
            for e in [e for e in meeting if (x := stories[e].features.date) and x < last]:
                close(e)
        contents = comparer.contents(store.get(o), [store.get(e) for e in english])
        ranked = sorted(zip(contents.tolist(), english, strict=True), reverse=True)
        best_o[o] = ranked[:_SHORTLIST]
        for content, e in ranked:
            meeting[e].append((o, content))
    for e in list(meeting):
        close(e)
    kept: dict[int, dict[int, float]] = defaultdict(dict)
    for o, top in best_o.items():
        for content, e in top:
            kept[o][e] = content
    for e, heap in best_e.items():
        for content, o in heap:
            kept[o][e] = content
    best_o.clear()
    best_e.clear()
    store.forget()
    scored: dict[tuple[int, int], PairScore] = {}
    total = len(kept)
    done = 0
    for o in order:
        partners = kept.pop(o, None)
        if partners is None:
            continue
        window.visit(o)
        original = store.get(o)
        english = sorted(partners)
        features = [store.get(e) for e in english]
        orders = comparer.orders(original, features)
        for e, other, found in zip(english, features, orders, strict=True):
            scored[(o, e)] = score_pair(
                original,
                other,
                content=partners[e],
                vocabulary=vocabulary,
                order=found,
                same_service=_same_service(stories[o], stories[e]),
            )
        done += 1
        if progress is not None and done % 500 == 0:
            progress(len(stories) + len(stories) * done // max(total, 1), len(stories) * 2)
    store.forget()
    return scored


def _same_service(original: Story, english: Story) -> str:
    if original.service_id is not None and original.service_id == english.service_id:
        return "same_service"
    if english.desk_language is not None:
        return "same_desk"
    if original.organization and original.organization == english.organization:
        return "same_organization"
    return "unknown"


def _focus(
    session: Session,
    stories: Sequence[Story],
    position: dict[int, int],
    service: str | None,
    since: dt.date | None,
    until: dt.date | None,
    article_ids: Collection[int] | None,
) -> set[int] | None:
    """The story indices the caller's filters keep, or None when there is no filter."""
    if service is None and since is None and until is None and article_ids is None:
        return None
    keep = set(range(len(stories)))
    if article_ids is not None:
        keep &= {position[a] for a in article_ids if a in position}
    if service is not None:
        from archive.identity.match import service_ids_matching

        ids = set(service_ids_matching(session, service))
        keep &= {k for k in keep if stories[k].service_id in ids}
    if since is not None or until is not None:
        keep &= {
            k
            for k in keep
            if (d := stories[k].features.date) is not None
            and (since is None or d >= since)
            and (until is None or d <= until)
        }
    return keep


def _runner_up(best: dict[int, list[tuple[float, int]]], k: int, other: int) -> float:
    """The highest content of ``k``'s pairs other than the one with ``other`` (0 if none)."""
    for content, partner in best.get(k, ()):
        if partner != other:
            return content
    return 0.0


#: Originals of a language with a candidate before its typical content and length ratio are
#: measured on the archive itself rather than taken from the defaults.
_MEASURE_FROM = 8


def _language_norms(
    stories: Sequence[Story],
    scored: dict[tuple[int, int], PairScore],
    content_o: dict[int, list[tuple[float, int]]],
) -> tuple[dict[str | None, float], dict[str | None, float]]:
    """Per original language: the typical content of a translation (median of each
    original's best content) and the usual length ratio (median over those best pairs)."""
    import statistics

    best: dict[str | None, list[float]] = defaultdict(list)
    ratio: dict[str | None, list[float]] = defaultdict(list)
    for o, top in content_o.items():
        if not top:
            continue
        content, e = top[0]
        lang = base_language(stories[o].features.language)
        best[lang].append(content)
        found = scored[(o, e)].length_ratio
        if found is not None:
            ratio[lang].append(found)
    typical = {k: statistics.median(v) for k, v in best.items() if len(v) >= _MEASURE_FROM}
    ratios = {k: statistics.median(v) for k, v in ratio.items() if len(v) >= _MEASURE_FROM}
    return typical, ratios


def _rank(
    stories: Sequence[Story],
    store: FeatureStore,
    order: Sequence[int],
    scored: dict[tuple[int, int], PairScore],
    *,
    keep: set[tuple[int, int]] | None,
    vocabulary: Vocabulary,
) -> list[Suggestion]:
    """Suggestions from scored pairs: final scores against rivals, mutual bests, margins,
    the best few per original."""
    # The two best contents of each story's pairs are all a rival needs.
    content_o: dict[int, list[tuple[float, int]]] = defaultdict(list)
    content_e: dict[int, list[tuple[float, int]]] = defaultdict(list)
    for (o, e), s in scored.items():
        for table, k, partner in ((content_o, o, e), (content_e, e, o)):
            top = table[k]
            top.append((s.content, partner))
            if len(top) > 2:
                top.sort(reverse=True)
                del top[2:]
    for top in (*content_o.values(), *content_e.values()):
        top.sort(reverse=True)
    typical, ratios = _language_norms(stories, scored, content_o)
    by_original: dict[int, list[tuple[float, int]]] = defaultdict(list)
    by_english: dict[int, list[tuple[float, int]]] = defaultdict(list)
    for (o, e), s in scored.items():
        rival = max(_runner_up(content_o, o, e), _runner_up(content_e, e, o))
        lang = base_language(stories[o].features.language)
        score = s.score(
            rival,
            typical=typical.get(lang, TYPICAL_CONTENT),
            expected_ratio=ratios.get(lang, LENGTH_RATIOS.get(lang or "")),
        )
        by_original[o].append((score, e))
        by_english[e].append((score, o))
    for lists in (by_original, by_english):
        for items in lists.values():
            items.sort(key=lambda x: (-x[0], x[1]))
    chosen: dict[int, list[tuple[int, float, bool, float]]] = defaultdict(list)
    for o, items in by_original.items():
        for score, e in items[:KEEP_PER_ARTICLE]:
            if keep is not None and (o, e) not in keep:
                continue
            rival_o = next((x for x, k in by_original[o] if k != e), 0.0)
            rival_e = next((x for x, k in by_english[e] if k != o), 0.0)
            mutual = by_original[o][0][1] == e and by_english[e][0][1] == o
            chosen[o].append((e, score, mutual, score - max(rival_o, rival_e)))
    # The evidence needs the full features: read in the sweep's order, a window at a time.
    window = _Window(stories, store)
    out: list[Suggestion] = []
    for o in order:
        if o not in chosen:
            continue
        window.visit(o)
        original = store.get(o)
        for e, score, mutual, margin in chosen.pop(o):
            out.append(
                Suggestion(
                    article_id=stories[o].features.article_id,
                    candidate_id=stories[e].features.article_id,
                    score=score,
                    evidence=pair_evidence(
                        original,
                        store.get(e),
                        scored[(o, e)],
                        vocabulary=vocabulary,
                        same_service=_same_service(stories[o], stories[e]),
                    ),
                    mutual_best=mutual,
                    margin=margin,
                )
            )
    store.forget()
    out.sort(key=lambda s: (-s.score, s.article_id, s.candidate_id))
    return out


def confident(
    suggestions: Sequence[Suggestion],
    *,
    threshold: float = CONFIDENT_SCORE,
    margin: float = CONFIDENT_MARGIN,
    min_order: float = CONFIDENT_ORDER,
) -> list[Suggestion]:
    """The suggestions ``archive link --auto`` may confirm without a person, best first.

    Each is the mutual best of its two articles, leads the runner-up of either article by at
    least ``margin``, scores at least ``threshold``, and where the order of the two texts
    was measured, their similarity runs in story order at least as much as chance would
    (``evidence["order"] >= min_order``: a translation tells its story in the original's
    order; another story on the same topic need not); and no original or English story is in
    two of them (one English story per original and desk).
    """
    out: list[Suggestion] = []
    used_original: set[int] = set()
    used_english: set[int] = set()
    for s in sorted(suggestions, key=lambda s: (-s.score, s.article_id, s.candidate_id)):
        if not s.mutual_best or s.margin < margin or s.score < threshold:
            continue
        order = s.evidence.get("order")
        if isinstance(order, float) and order < min_order:
            continue
        if s.article_id in used_original or s.candidate_id in used_english:
            continue
        used_original.add(s.article_id)
        used_english.add(s.candidate_id)
        out.append(s)
    return out
