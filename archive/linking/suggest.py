"""Link suggestions: which English-only article tells the story of which original-only one.

An archivist often receives the original (from a language service's site) and its English
story (from the English site) separately; they land as two unrelated articles. This module
proposes the pairs, each with a score and its evidence, without ever comparing all pairs:

1. **Load** every article whose human versions are only in an original language, and every
   article whose human versions are only English (machine versions do not count), with the
   cheap features of `archive.linking.features` (numbers, names, English-space words, URLs).
2. **Block**: a dated original meets the English stories of a compatible desk (same
   organisation; the same language service where the English names one) dated from
   `WINDOW_BEFORE` days before to `WINDOW_AFTER` days after it. An undated article on either
   side meets only the articles that share its rarest keys (numbers, Latin names, distinctive
   words) through an inverted index, `UNDATED_CANDIDATES` at most.
3. **Score** each candidate pair (`archive.linking.scoring`) and keep, per original, its best
   `KEEP_PER_ARTICLE` candidates; mark mutual bests and margins over the runner-up.

`confident` then picks what may be linked without a person: mutual best, a clear margin, a
high score, one English story per original and desk.
"""

from __future__ import annotations

import datetime as dt
import heapq
import json
import logging
import math
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

import numpy as np
from numpy.typing import NDArray
from sqlalchemy import select as sa_select
from sqlmodel import Session, col, select

from archive.align.lexicon import Lexicon
from archive.align.tokens import canonical_language
from archive.linking.features import (
    Comparer,
    StoryFeatures,
    Vocabulary,
    story_features,
    weighted,
)
from archive.linking.people import PeopleFinder
from archive.linking.scoring import (
    CONFIDENT_MARGIN,
    CONFIDENT_SCORE,
    LENGTH_RATIOS,
    TYPICAL_CONTENT,
    PairScore,
    pair_evidence,
    score_pair,
)
from archive.models import Article, Service, Version

__all__ = [
    "CONFIDENT_ORDER",
    "KEEP_PER_ARTICLE",
    "UNDATED_CANDIDATES",
    "WINDOW_AFTER",
    "WINDOW_BEFORE",
    "Suggestion",
    "confident",
    "suggest_links",
]

log = logging.getLogger(__name__)

#: Days an English story may precede its original (clocks, time zones, a late original).
WINDOW_BEFORE = 2
#: Days an English story may follow its original (usually 0-3; a slow desk takes longer).
WINDOW_AFTER = 7
#: Candidates an undated article is scored against, found by its rarest keys.
UNDATED_CANDIDATES = 40
#: Suggestions kept per original (the best ones; the rest only set margins).
KEEP_PER_ARTICLE = 3
#: Keys whose English posting list is longer than this are too common to find candidates.
_MAX_POSTING = 300
_KEYS_PER_STORY = 24
#: Least share of similarity in story order of a confident suggestion (1/3 is chance).
CONFIDENT_ORDER = 1 / 3
#: Pairs per story fully scored: its best by content similarity.
_SHORTLIST = 8

Translate = Callable[[str, str, Sequence[str]], list[str]]
Progress = Callable[[int, int], None]


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


@dataclass(frozen=True, slots=True)
class _Story:
    """An unlinked article: its features and the desk it came from."""

    features: StoryFeatures
    organization: str | None
    #: The language service's language (non-English) when known.
    desk_language: str | None
    service_id: int | None


# -- loading ----------------------------------------------------------------------------------

_ENGLISH_KIND_ORDER = {"published": 0, "original": 1, "translation": 2}


def _base(lang: str | None) -> str | None:
    code = canonical_language(lang)
    return code.split("-")[0] if code else None


def _pick_versions(
    rows: Iterable[tuple[int, int, str, str, int]],
) -> dict[int, tuple[int, bool]]:
    """``{article_id: (version id, is_english)}`` for articles whose human versions are all
    English or all in other languages (the one to compare: an original first)."""
    by_article: dict[int, list[tuple[int, str, str, int]]] = defaultdict(list)
    for article_id, version_id, kind, language, position in rows:
        if kind != "machine":
            by_article[article_id].append((version_id, kind, language, position))
    out: dict[int, tuple[int, bool]] = {}
    for article_id, versions in by_article.items():
        english = [_base(v[2]) == "en" for v in versions]
        if all(english):
            best = min(versions, key=lambda v: (_ENGLISH_KIND_ORDER.get(v[1], 3), v[3], v[0]))
            out[article_id] = (best[0], True)
        elif not any(english):
            best = min(versions, key=lambda v: (v[1] != "original", v[3], v[0]))
            out[article_id] = (best[0], False)
    return out


def _lexicon_getter(session: Session) -> Callable[[str | None], Lexicon | None]:
    """The archive's learned lexicon of a language into English, else the shipped seed."""
    from archive.alignments import lexicon_for
    from archive.lexicon_store import lexicon_pair, seed_lexicon

    cache: dict[str | None, Lexicon | None] = {}

    def get(lang: str | None) -> Lexicon | None:
        if lang not in cache:
            found = lexicon_for(session, lang, "en") if lang else None
            if found is None and lang:
                pair = lexicon_pair(lang, "en")
                found = seed_lexicon(pair) if pair is not None else None
            cache[lang] = found
        return cache[lang]

    return get


def _load_stories(
    session: Session,
    *,
    vocabulary: Vocabulary,
    translate: Translate | None,
    progress: Progress | None,
) -> list[_Story]:
    """Every unlinked article with its features (texts read a batch at a time)."""
    from archive.analysis import derive_text

    rows = session.execute(
        sa_select(
            col(Version.article_id),
            col(Version.id),
            col(Version.kind),
            col(Version.language),
            col(Version.position),
        )
    ).all()
    picked = _pick_versions((r[0], r[1], r[2], r[3], r[4]) for r in rows)
    services = {s.id: s for s in session.exec(select(Service)).all()}
    people = PeopleFinder.from_session(session)
    lexicon = _lexicon_getter(session)
    # English stories first: their words' rarity weighs every bag, so that each original's
    # bag is weighted and trimmed as soon as it is made (an original's bag before trimming
    # is several times larger; holding them all would make memory grow with the archive).
    ids = sorted(picked, key=lambda a: (not picked[a][1], a))
    stories: list[_Story] = []
    idf: NDArray[np.float32] | None = None
    batch = 500
    for start in range(0, len(ids), batch):
        chunk = ids[start : start + batch]
        # Plain columns, not ORM objects: the caller's session must not keep every text.
        articles = {
            r[0]: _ArticleRow(r[1], r[2], r[3], r[4])
            for r in session.execute(
                sa_select(
                    col(Article.id),
                    col(Article.date),
                    col(Article.service_id),
                    col(Article.url),
                    col(Article.urls),
                ).where(col(Article.id).in_(chunk))
            ).all()
        }
        versions = {
            r[0]: (r[1], r[2] or r[3])
            for r in session.execute(
                sa_select(
                    col(Version.id),
                    col(Version.text),
                    col(Version.detected_language),
                    col(Version.language),
                ).where(col(Version.id).in_([picked[a][0] for a in chunk]))
            ).all()
        }
        for article_id in chunk:
            version_id, english = picked[article_id]
            article, version = articles.get(article_id), versions.get(version_id)
            if article is None or version is None:
                continue
            raw, language = version
            lang = canonical_language(language)
            lex = None if english else lexicon(lang)
            text = derive_text(raw)
            translation = None
            if translate is not None and not english and lang:
                translation = _translated(translate, lang, text)
            features = story_features(
                article_id=article_id,
                text=text,
                language="en" if english else language,
                date=article.date,
                vocabulary=vocabulary,
                urls=_urls(article.url, article.urls),
                lexicon=lex,
                people=people.find,
                translation=translation,
            )
            if not english:
                if idf is None:
                    idf = _idf(stories, len(vocabulary))
                    stories = [_weighted(s, idf) for s in stories]
                if len(idf) < len(vocabulary):
                    idf = _grown(idf, len(vocabulary))
                features = weighted(features, idf)
            service = services.get(article.service_id) if article.service_id else None
            desk = _base(service.language) if service is not None else None
            stories.append(
                _Story(
                    features,
                    service.organization if service is not None else None,
                    desk if desk not in (None, "en") else None,
                    article.service_id,
                )
            )
        if progress is not None:
            progress(min(start + batch, len(ids)), len(ids) * 2)
    if idf is None:  # no original: weigh the English stories all the same
        idf = _idf(stories, len(vocabulary))
        stories = [_weighted(s, idf) for s in stories]
    return stories


def _weighted(story: _Story, idf: NDArray[np.float32]) -> _Story:
    return _Story(
        weighted(story.features, idf), story.organization, story.desk_language, story.service_id
    )


def _grown(idf: NDArray[np.float32], size: int) -> NDArray[np.float32]:
    """``idf`` extended to ``size`` words (with room to spare): a word no English story has
    gets the largest idf."""
    top = float(idf.max()) if len(idf) else 1.0
    extra = np.full(max(size - len(idf), len(idf) // 2, 1024), top, dtype=np.float32)
    return np.concatenate((idf, extra))


def _translated(translate: Translate, lang: str, text: str) -> str | None:
    lines = [line for line in text.splitlines() if line.strip()]
    if not lines:
        return None
    try:
        return "\n".join(translate(lang, "en", lines))
    except Exception as exc:  # an MT engine's failure must not stop the suggestions
        log.warning("machine translation %s -> en failed: %s", lang, exc)
        return None


class _ArticleRow(NamedTuple):
    date: dt.date | None
    service_id: int | None
    url: str | None
    urls: str | None


def _urls(url: str | None, urls: str | None) -> list[str]:
    """An article's URL and the others it was seen at (a JSON list)."""
    out = [url] if url else []
    try:
        more = json.loads(urls or "[]")
    except ValueError:
        more = []
    out.extend(u for u in more if isinstance(u, str) and u not in out)
    return out


# -- blocking ---------------------------------------------------------------------------------


def _compatible(original: _Story, english: _Story) -> bool:
    """Whether the two may come from one desk: the same organisation where both are known,
    and the original's language where the English names its language service."""
    orgs = (original.organization, english.organization)
    if all(orgs) and orgs[0] != orgs[1]:
        return False
    if english.desk_language is not None:
        return english.desk_language == _base(original.features.language)
    return True


def _idf(stories: Sequence[_Story], size: int) -> NDArray[np.float32]:
    """Inverse document frequency of each vocabulary word over the English stories (over
    all stories when there is no English one); a word no English story has gets the
    largest."""
    pool = [s for s in stories if s.features.english] or list(stories)
    df = np.zeros(size, dtype=np.float64)
    for s in pool:
        df[s.features.words.ids] += 1
    n = len(pool)
    return np.log1p(n / np.maximum(df, 1.0)).astype(np.float32)


def _keys(story: StoryFeatures) -> list[str]:
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

    def __init__(self, stories: Sequence[_Story], members: Iterable[int]) -> None:
        self.postings: dict[str, list[int]] = defaultdict(list)
        for k in members:
            for key in _keys(stories[k].features):
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


def _candidates(
    stories: Sequence[_Story], focus: set[int] | None
) -> Iterator[tuple[int, list[int]]]:
    """Per original (index), the English stories (indices) worth scoring with it, one
    original at a time (so that the pairs of a large archive are never all held at once);
    with ``focus``, only pairs with at least one side in it."""
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
        index = _Index(stories, members)
        for e in queries:
            near = index.nearest(_keys(stories[e].features), UNDATED_CANDIDATES * 4)
            found = [o for o in near if _compatible(stories[o], stories[e])]
            for o in found[:UNDATED_CANDIDATES]:
                if focus is None or o in focus or e in focus:
                    extra[o].add(e)
    english_index: _Index | None = None
    for o in originals:
        story = stories[o]
        d = story.features.date
        found_e = set(extra.get(o, ()))
        if d is None:
            if focus is None or o in focus:
                if english_index is None:
                    english_index = _Index(stories, english)
                near = english_index.nearest(_keys(story.features), UNDATED_CANDIDATES * 4)
                found_e.update(
                    [e for e in near if _compatible(story, stories[e])][:UNDATED_CANDIDATES]
                )
        else:
            for delta in range(-WINDOW_BEFORE, WINDOW_AFTER + 1):
                for e in by_date.get(d + dt.timedelta(days=delta), ()):
                    if focus is not None and o not in focus and e not in focus:
                        continue
                    if _compatible(story, stories[e]):
                        found_e.add(e)
        if found_e:
            yield o, sorted(found_e)


def _candidate_pairs(stories: Sequence[_Story], focus: set[int] | None) -> set[tuple[int, int]]:
    """`_candidates` as a set of (original index, English index) pairs."""
    return {(o, e) for o, found in _candidates(stories, focus) for e in found}


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
    stories = _load_stories(session, vocabulary=vocabulary, translate=translate, progress=progress)
    if not stories:
        return []
    position = {s.features.article_id: k for k, s in enumerate(stories)}
    focus = _focus(session, stories, position, service, since, until, article_ids)
    refused = {(position.get(a), position.get(b)) for a, b in rejected}
    first: set[tuple[int, int]] | None = None
    groups: Iterable[tuple[int, list[int]]]
    if focus is None:
        groups = _candidates(stories, None)
    else:
        first = _candidate_pairs(stories, focus)
        # Their competitors too: every candidate of a story the first round touched.
        touched = {o for o, _ in first} | {e for _, e in first}
        by_original: dict[int, set[int]] = defaultdict(set)
        for o, e in first | _candidate_pairs(stories, touched):
            by_original[o].add(e)
        groups = ((o, sorted(es)) for o, es in sorted(by_original.items()))
    if refused:
        groups = ((o, [e for e in es if (o, e) not in refused]) for o, es in groups)
    scored = _score_pairs(stories, groups, vocabulary, progress)
    suggestions = _rank(stories, scored, keep=first, vocabulary=vocabulary)
    if progress is not None:
        progress(len(stories) * 2, len(stories) * 2)
    return suggestions


def _score_pairs(
    stories: Sequence[_Story],
    groups: Iterable[tuple[int, list[int]]],
    vocabulary: Vocabulary,
    progress: Progress | None,
) -> dict[tuple[int, int], PairScore]:
    """Scores of the pairs worth keeping: content similarity first for every pair (a batch
    per original), then the rest of the evidence for each story's `_SHORTLIST` best pairs
    by content (a pair outside both shortlists can be neither suggested nor a close rival).
    """
    comparer = Comparer(len(vocabulary))
    # Per story, its best (content, partner) pairs, kept short with a heap.
    best_o: dict[int, list[tuple[float, int]]] = {}
    best_e: dict[int, list[tuple[float, int]]] = defaultdict(list)
    for o, english in groups:
        if not english:
            continue
        contents = comparer.contents(stories[o].features, [stories[e].features for e in english])
        ranked = sorted(zip(contents.tolist(), english, strict=True), reverse=True)
        best_o[o] = ranked[:_SHORTLIST]
        for content, e in ranked:
            heap = best_e[e]
            if len(heap) < _SHORTLIST:
                heapq.heappush(heap, (content, o))
            elif content > heap[0][0]:
                heapq.heapreplace(heap, (content, o))
    kept: dict[int, dict[int, float]] = defaultdict(dict)
    for o, top in best_o.items():
        for content, e in top:
            kept[o][e] = content
    for e, heap in best_e.items():
        for content, o in heap:
            kept[o][e] = content
    scored: dict[tuple[int, int], PairScore] = {}
    total = len(kept)
    for done, (o, partners) in enumerate(sorted(kept.items()), start=1):
        original = stories[o]
        english = sorted(partners)
        orders = comparer.orders(original.features, [stories[e].features for e in english])
        for e, order in zip(english, orders, strict=True):
            scored[(o, e)] = score_pair(
                original.features,
                stories[e].features,
                content=partners[e],
                vocabulary=vocabulary,
                order=order,
                same_service=_same_service(original, stories[e]),
            )
        if progress is not None and done % 500 == 0:
            progress(len(stories) + len(stories) * done // max(total, 1), len(stories) * 2)
    return scored


def _same_service(original: _Story, english: _Story) -> str:
    if original.service_id is not None and original.service_id == english.service_id:
        return "same_service"
    if english.desk_language is not None:
        return "same_desk"
    if original.organization and original.organization == english.organization:
        return "same_organization"
    return "unknown"


def _focus(
    session: Session,
    stories: Sequence[_Story],
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
        from archive.provenance import service_ids_matching

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
    stories: Sequence[_Story],
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
        lang = _base(stories[o].features.language)
        best[lang].append(content)
        found = scored[(o, e)].length_ratio
        if found is not None:
            ratio[lang].append(found)
    typical = {k: statistics.median(v) for k, v in best.items() if len(v) >= _MEASURE_FROM}
    ratios = {k: statistics.median(v) for k, v in ratio.items() if len(v) >= _MEASURE_FROM}
    return typical, ratios


def _rank(
    stories: Sequence[_Story],
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
        lang = _base(stories[o].features.language)
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
    out: list[Suggestion] = []
    for o, items in by_original.items():
        for score, e in items[:KEEP_PER_ARTICLE]:
            if keep is not None and (o, e) not in keep:
                continue
            rival_o = next((x for x, k in by_original[o] if k != e), 0.0)
            rival_e = next((x for x, k in by_english[e] if k != o), 0.0)
            mutual = by_original[o][0][1] == e and by_english[e][0][1] == o
            out.append(
                Suggestion(
                    article_id=stories[o].features.article_id,
                    candidate_id=stories[e].features.article_id,
                    score=score,
                    evidence=pair_evidence(
                        stories[o].features,
                        stories[e].features,
                        scored[(o, e)],
                        vocabulary=vocabulary,
                        same_service=_same_service(stories[o], stories[e]),
                    ),
                    mutual_best=mutual,
                    margin=score - max(rival_o, rival_e),
                )
            )
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
