"""Article listings for the browser: the library filter and every sort order it offers.

The library filter is the query language of ``archive search`` read leniently
(`archive.search.query.read_filters`): the same keys and values, never an error while typing.
``archive list`` filters through the same `ArticleFilter`, its options read by the same rules.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any, Literal

from sqlalchemy import func
from sqlmodel import Session, col, select

from archive.models import Article, Credit, Person, Service, Version
from archive.provenance import ArticleFilter, article_query, article_rows, list_articles
from archive.search.query import FilterText, read_filters

__all__ = [
    "SORT_KEYS",
    "SortKey",
    "article_filter",
    "filter_problems",
    "list_articles_sorted",
    "parse_article_filter",
]

SortKey = Literal["date", "title", "service", "languages", "translators", "writers"]
SORT_KEYS: tuple[SortKey, ...] = ("date", "title", "service", "languages", "translators", "writers")

#: A word alone that the library reads as ``year:`` (``2021``, ``2019..2021``).
_YEAR = re.compile(r"^(\d{4})(?:(?:\.\.|-)(\d{4}))?$")


def parse_article_filter(text: str) -> ArticleFilter:
    """The library filter typed by a person, as an `ArticleFilter`; never raises.

    The keys are those of ``archive search`` (`archive.search.query`): ``person:NAME
    role:ROLE``, ``translator:NAME`` (and the other roles), ``service:NAME``, ``lang:CODE``,
    ``year:YYYY`` or ``year:YYYY..YYYY``, ``since:``/``until:`` dates. Quote values with spaces
    (``person:"Khin Maung Nyane"``). A bare four-digit year is ``year:``; other words match the
    title. A key with no value yet (mid-typing) or a value that is not understood is ignored,
    and `filter_problems` says why. The library filters by one person, service and language:
    where the text names several, the last counts.
    """
    return article_filter(read_filters(text))


def filter_problems(text: str) -> list[str]:
    """What the library filter ``text`` holds that is not understood, one sentence each
    (``year:20x is not a year: write year:2021 or year:2019..2021``); empty when all is."""
    return list(read_filters(text).problems)


def article_filter(read: FilterText) -> ArticleFilter:
    """The `ArticleFilter` of a filter text read by `read_filters`."""
    filters = read.filters
    fields: dict[str, Any] = {}
    if filters.credits:
        credit = filters.credits[-1]
        fields["person"], fields["role"] = credit.name, credit.role
    if filters.services:
        fields["service"] = filters.services[-1]
    if filters.languages:
        fields["language"] = filters.languages[-1]
    if filters.years:
        first, last = filters.years[-1]
        fields["since"], fields["until"] = dt.date(first, 1, 1), dt.date(last, 12, 31)
    if filters.since is not None:
        fields["since"] = filters.since
    if filters.until is not None:
        fields["until"] = filters.until
    words = []
    for word in read.words:
        year = _YEAR.match(word)
        if year and 1000 <= int(year.group(1)) <= 2999:
            first = int(year.group(1))
            last = int(year.group(2) or first)
            first, last = min(first, last), max(first, last)
            fields["since"], fields["until"] = dt.date(first, 1, 1), dt.date(last, 12, 31)
        else:
            words.append(word)
    if words:
        fields["text"] = " ".join(words)
    return ArticleFilter(**fields)


def _sort_expression(key: SortKey) -> Any:
    if key == "title":
        return func.lower(col(Article.title))
    if key == "service":
        return (
            select(Service.name).where(col(Service.id) == col(Article.service_id)).scalar_subquery()
        )
    if key == "languages":
        return (
            select(func.min(Version.language))
            .where(col(Version.article_id) == col(Article.id))
            .scalar_subquery()
        )
    role = "translator" if key == "translators" else "writer"
    return (
        select(func.min(Person.name))
        .join(Credit, col(Credit.person_id) == col(Person.id))
        .where(col(Credit.article_id) == col(Article.id), col(Credit.role) == role)
        .scalar_subquery()
    )


def list_articles_sorted(
    *,
    session: Session,
    filters: ArticleFilter | None = None,
    sort: SortKey = "date",
    descending: bool = False,
    limit: int | None = None,
    offset: int = 0,
) -> list[dict[str, Any]]:
    """`list_articles`, ordered by any column the browser shows (missing values last).

    Rows are in the `list_articles` shape (with ``translators`` and ``writers``).
    """
    if sort not in SORT_KEYS:
        raise ValueError(f"cannot sort by {sort!r}; one of {', '.join(SORT_KEYS)}")
    filters = filters or ArticleFilter()
    if sort == "date":
        return list_articles(
            session=session, filters=filters, limit=limit, offset=offset, newest_first=descending
        )
    expression = _sort_expression(sort)
    ordered = expression.desc() if descending else expression.asc()
    tiebreak = col(Article.id).desc() if descending else col(Article.id).asc()
    statement = article_query(session, filters).order_by(ordered.nulls_last(), tiebreak)
    statement = statement.offset(offset)
    if limit is not None:
        statement = statement.limit(limit)
    return article_rows(session=session, articles=session.exec(statement).all())
