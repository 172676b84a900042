"""The unlinked articles a link suggestion compares, read from the archive with their features.

An article is *original-only* when all its human versions (machine ones do not count) are in
languages other than English, *English-only* when all are English; articles holding both are
already linked and never read. English stories are read first: their words' rarity weighs
every bag, so that each original's bag is weighted and trimmed as soon as it is made.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import pickle
import tempfile
from collections import OrderedDict, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import NamedTuple

import numpy as np
from numpy.typing import NDArray
from sqlalchemy import select as sa_select
from sqlmodel import Session, col, select

from archive.align.lexicon import Lexicon
from archive.align.tokens import canonical_language
from archive.linking.features import Bag, StoryFeatures, Vocabulary, story_features, weighted
from archive.linking.people import PeopleFinder
from archive.models import Article, Service, Version

__all__ = [
    "FeatureStore",
    "Progress",
    "Stories",
    "Story",
    "Translate",
    "base_language",
    "load_stories",
]

log = logging.getLogger(__name__)

Translate = Callable[[str, str, Sequence[str]], list[str]]
Progress = Callable[[int, int], None]


@dataclass(frozen=True, slots=True)
class Story:
    """An unlinked article: its features and the desk it came from."""

    features: StoryFeatures
    organization: str | None
    #: The language service's language (non-English) when known.
    desk_language: str | None
    service_id: int | None


# -- loading ----------------------------------------------------------------------------------

_ENGLISH_KIND_ORDER = {"published": 0, "original": 1, "translation": 2}


def base_language(lang: str | None) -> str | None:
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
        english = [base_language(v[2]) == "en" for v in versions]
        if all(english):
            best = min(versions, key=lambda v: (_ENGLISH_KIND_ORDER.get(v[1], 3), v[3], v[0]))
            out[article_id] = (best[0], True)
        elif not any(english):
            best = min(versions, key=lambda v: (v[1] != "original", v[3], v[0]))
            out[article_id] = (best[0], False)
    return out


def _lexicon_getter(session: Session) -> Callable[[str | None], Lexicon | None]:
    """The archive's learned lexicon of a language into English, else the shipped seed."""
    from archive.alignments import DatabaseLexicons, lexicon_pair

    lexicons = DatabaseLexicons(session)  # its cache lives as long as this getter
    cache: dict[str | None, Lexicon | None] = {}

    def get(lang: str | None) -> Lexicon | None:
        if lang not in cache:
            found = lexicons.lexicon(lang, "en") if lang else None
            if found is None and lang:
                pair = lexicon_pair(lang, "en")
                found = lexicons.cache.seed(pair) if pair is not None else None
            cache[lang] = found
        return cache[lang]

    return get


class FeatureStore:
    """Every story's full features in a temporary file, read back when a date window needs
    them: memory holds the compact `Story` records, each story's blocking keys, and only the
    full features the caller keeps (`get` caches dated stories until `forget_before`)."""

    #: Undated stories' features kept after reading (the least recently used dropped first).
    UNDATED_CACHE = 256

    def __init__(self) -> None:
        self._file = tempfile.TemporaryFile()  # noqa: SIM115 (closed by `close`)
        self._where: list[tuple[int, int]] = []
        self._dates: list[dt.date | None] = []
        self._english: list[bool] = []
        #: The idf English bags are weighted with when read (None: they are stored weighted).
        self.english_idf: NDArray[np.float32] | None = None
        self._cache: dict[int, StoryFeatures] = {}
        self._undated: OrderedDict[int, StoryFeatures] = OrderedDict()

    def __len__(self) -> int:
        return len(self._where)

    def add(self, features: StoryFeatures) -> None:
        data = pickle.dumps(features, protocol=pickle.HIGHEST_PROTOCOL)
        self._file.seek(0, os.SEEK_END)
        self._where.append((self._file.tell(), len(data)))
        self._file.write(data)
        self._dates.append(features.date)
        self._english.append(features.english)

    def read(self, k: int) -> StoryFeatures:
        """Story ``k``'s features, weighted, read from the file (not cached)."""
        offset, size = self._where[k]
        self._file.seek(offset)
        features: StoryFeatures = pickle.loads(self._file.read(size))
        if self._english[k] and self.english_idf is not None:
            features = weighted(features, self.english_idf)
        return features

    def get(self, k: int) -> StoryFeatures:
        """Story ``k``'s features, from the cache when it holds them."""
        found = self._cache.get(k)
        if found is not None:
            return found
        if self._dates[k] is None:
            found = self._undated.get(k)
            if found is not None:
                self._undated.move_to_end(k)
                return found
            found = self._undated[k] = self.read(k)
            if len(self._undated) > self.UNDATED_CACHE:
                self._undated.popitem(last=False)
            return found
        found = self._cache[k] = self.read(k)
        return found

    def forget_before(self, day: dt.date) -> None:
        """Drop the cached features of stories dated before ``day``."""
        for k in [k for k in self._cache if (d := self._dates[k]) is not None and d < day]:
            del self._cache[k]

    def forget(self) -> None:
        """Drop every cached feature."""
        self._cache.clear()
        self._undated.clear()

    def close(self) -> None:
        self.forget()
        self._file.close()


class Stories(NamedTuple):
    """The unlinked articles: compact records (their features without bags, names and
    people), the full features on disk, and each story's blocking keys."""

    stories: list[Story]
    store: FeatureStore
    keys: list[tuple[str, ...]]


def _compact(features: StoryFeatures) -> StoryFeatures:
    """What blocking and ranking read of a story without its full features."""
    return StoryFeatures(
        article_id=features.article_id,
        english=features.english,
        language=features.language,
        date=features.date,
        numbers=frozenset(),
        names=frozenset(),
        latin=frozenset(),
        words=_NO_WORDS,
        length=features.length,
    )


_NO_WORDS = Bag(np.zeros(0, dtype=np.int32), np.zeros(0, dtype=np.float32))


def load_stories(
    session: Session,
    *,
    vocabulary: Vocabulary,
    translate: Translate | None,
    progress: Progress | None,
    keys_of: Callable[[StoryFeatures], Iterable[str]],
) -> Stories:
    """Every unlinked article with its features (texts read a batch at a time; the full
    features written to a temporary file as they are made, so that memory does not grow
    with the archive by more than a compact record and a few keys a story). ``keys_of``
    gives a story's blocking keys from its weighted features."""
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
    # is several times larger).
    ids = sorted(picked, key=lambda a: (not picked[a][1], a))
    stories: list[Story] = []
    store = FeatureStore()
    keys: list[tuple[str, ...]] = []
    interned: dict[str, str] = {}
    english_df = np.zeros(1024, dtype=np.float64)
    english_count = 0
    idf: NDArray[np.float32] | None = None

    def english_idf() -> NDArray[np.float32]:
        """The idf over the English stories read so far (`_idf`), once they are all read:
        the English stories' keys are made with it."""
        size = len(vocabulary)
        df = english_df[:size] if len(english_df) >= size else _padded(english_df, size)
        found = np.log1p(english_count / np.maximum(df, 1.0)).astype(np.float32)
        store.english_idf = found
        for k in range(len(stories)):
            keys[k] = _interned(keys_of(store.read(k)), interned)
        return found

    batch = 500
    try:
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
                if english:
                    if len(english_df) < len(vocabulary):
                        english_df = _padded(english_df, 2 * len(vocabulary))
                    english_df[features.words.ids] += 1
                    english_count += 1
                    keys.append(())
                else:
                    if idf is None:
                        idf = english_idf()
                    if len(idf) < len(vocabulary):
                        idf = _grown(idf, len(vocabulary))
                    features = weighted(features, idf)
                    keys.append(_interned(keys_of(features), interned))
                store.add(features)
                service = services.get(article.service_id) if article.service_id else None
                desk = base_language(service.language) if service is not None else None
                stories.append(
                    Story(
                        _compact(features),
                        service.organization if service is not None else None,
                        desk if desk not in (None, "en") else None,
                        article.service_id,
                    )
                )
            if progress is not None:
                progress(min(start + batch, len(ids)), len(ids) * 2)
        if idf is None:  # no original: weigh the English stories all the same
            english_idf()
    except BaseException:
        store.close()
        raise
    return Stories(stories, store, keys)


def _padded(values: NDArray[np.float64], size: int) -> NDArray[np.float64]:
    return np.concatenate((values, np.zeros(max(size - len(values), 0), dtype=values.dtype)))


def _interned(keys: Iterable[str], table: dict[str, str]) -> tuple[str, ...]:
    """``keys`` as a tuple of shared strings (one copy of each key in the whole run)."""
    return tuple(table.setdefault(key, key) for key in keys)


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
