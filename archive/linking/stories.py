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
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import NamedTuple

import numpy as np
from numpy.typing import NDArray
from sqlalchemy import select as sa_select
from sqlmodel import Session, col, select

from archive.align.lexicon import Lexicon
from archive.align.tokens import canonical_language
from archive.linking.features import StoryFeatures, Vocabulary, story_features, weighted
from archive.linking.people import PeopleFinder
from archive.models import Article, Service, Version

__all__ = ["Progress", "Story", "Translate", "base_language", "load_stories"]

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


def load_stories(
    session: Session,
    *,
    vocabulary: Vocabulary,
    translate: Translate | None,
    progress: Progress | None,
) -> list[Story]:
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
    stories: list[Story] = []
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
            desk = base_language(service.language) if service is not None else None
            stories.append(
                Story(
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


def _weighted(story: Story, idf: NDArray[np.float32]) -> Story:
    return Story(
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


def _idf(stories: Sequence[Story], size: int) -> NDArray[np.float32]:
    """Inverse document frequency of each vocabulary word over the English stories (over
    all stories when there is no English one); a word no English story has gets the
    largest."""
    pool = [s for s in stories if s.features.english] or list(stories)
    df = np.zeros(size, dtype=np.float64)
    for s in pool:
        df[s.features.words.ids] += 1
    n = len(pool)
    return np.log1p(n / np.maximum(df, 1.0)).astype(np.float32)
