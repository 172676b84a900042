"""Exporting the archive: JSONL (lossless, the import schema), TMX 1.4b, and W3C PROV.

Every exporter streams: articles are read in id batches (`iter_article_batches`), written, and
let go, so memory stays flat on a large archive. Each takes the session keyword-only, a binary
output stream, and optionally the article ids to export (default: all) and a progress callback
called with the number of articles done after each batch.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence

from sqlmodel import Session, col, select

from archive.errors import ArticleNotFound
from archive.models import Article

__all__ = ["BATCH", "FORMATS", "Progress", "count_articles", "iter_article_batches"]

FORMATS = ("jsonl", "tmx", "prov-json", "prov-ttl")
BATCH = 200

Progress = Callable[[int], None]


def count_articles(*, session: Session, article_ids: Sequence[int] | None = None) -> int:
    """How many articles an export of ``article_ids`` (None: all) covers.

    Raises:
        ArticleNotFound: an id asked for is not in the archive.
    """
    from sqlalchemy import func

    if article_ids:
        found = set(
            session.exec(select(Article.id).where(col(Article.id).in_(list(article_ids)))).all()
        )
        for article_id in article_ids:
            if article_id not in found:
                raise ArticleNotFound(article_id)
        return len(set(article_ids))
    return int(session.exec(select(func.count(col(Article.id)))).one())


def iter_article_batches(
    *, session: Session, article_ids: Sequence[int] | None = None, batch: int = BATCH
) -> Iterator[list[Article]]:
    """Articles in id order, ``batch`` at a time; the session is cleared between batches."""
    wanted = sorted(set(article_ids)) if article_ids else None
    last = 0
    while True:
        statement = select(Article).order_by(col(Article.id)).limit(batch)
        if wanted is not None:
            chunk = [i for i in wanted if i > last][:batch]
            if not chunk:
                return
            statement = statement.where(col(Article.id).in_(chunk))
        else:
            statement = statement.where(col(Article.id) > last)
        articles = list(session.exec(statement).all())
        if not articles:
            return
        yield articles
        last = articles[-1].id or last
        session.expunge_all()
