"""Linking the confident suggestions at once (``link --auto``, ``import --link``)."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Collection
from typing import TYPE_CHECKING

from sqlmodel import Session

from archive.linking.links import LinkError, confirm_link, rejected_pairs
from archive.models import ArticleLink

if TYPE_CHECKING:
    from archive.db import Archive
    from archive.linking.suggest import Suggestion

__all__ = ["auto_link", "pending_suggestions"]

log = logging.getLogger(__name__)


def pending_suggestions(
    session: Session,
    *,
    service: str | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
    article_ids: Collection[int] | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> list[Suggestion]:
    """`suggest_links` with the archive's rejected pairs left out, best first."""
    from archive.linking.suggest import suggest_links

    return suggest_links(
        session,
        service=service,
        since=since,
        until=until,
        article_ids=article_ids,
        rejected=rejected_pairs(session),
        progress=progress,
    )


def auto_link(
    archive: Archive,
    *,
    service: str | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
    article_ids: Collection[int] | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> list[ArticleLink]:
    """Confirm the confident suggestions (`archive.linking.suggest.confident`), each in its own
    transaction, as ``auto`` links with their score; returns the links made, best first.

    ``article_ids`` restricts the suggestions to pairs with one of these articles (what an
    import brought).
    """
    from archive.linking.suggest import confident

    with archive.session() as session:
        sure = confident(
            pending_suggestions(
                session,
                service=service,
                since=since,
                until=until,
                article_ids=article_ids,
                progress=progress,
            )
        )
    links = []
    for suggestion in sure:
        with archive.session() as session, session.begin():
            try:
                links.append(
                    confirm_link(
                        session,
                        suggestion.article_id,
                        suggestion.candidate_id,
                        method="auto",
                        score=suggestion.score,
                    )
                )
            except LinkError as exc:  # linked by someone else meanwhile: leave it
                log.warning("not linked: %s", exc)
    return links
