"""Provenance queries: articles by service, person, role, language and date; people; services.

Each function takes the session keyword-only and returns plain dicts in the JSON shapes of the
command-line contract (DESIGN.md), so the CLI, the TUI and scripts all read the same thing.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, or_
from sqlmodel import Session, col, select

from archive.models import (
    Article,
    Credit,
    Person,
    PersonAlias,
    Service,
    ServiceAlias,
    Version,
)


@dataclass(frozen=True, slots=True)
class ArticleFilter:
    """The filters of ``archive list`` (all optional, combined with AND)."""

    service: str | None = None
    person: str | None = None
    role: str | None = None
    language: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    text: str | None = None  # a substring of the title (case-insensitive), for the TUI filter


def service_ids_matching(session: Session, text: str) -> list[int]:
    """Services named ``text`` by key, name, alias or the registry's spellings."""
    from archive.ingest.services import resolve_service, service_key_for

    keys = {service_key_for(text), text.strip().lower()}
    info = resolve_service(text)
    if info is not None:
        keys.add(info.key)
    folded = text.strip().casefold()
    rows = session.exec(
        select(Service.id)
        .outerjoin(ServiceAlias, col(ServiceAlias.service_id) == col(Service.id))
        .where(
            or_(
                col(Service.key).in_(keys),
                func.lower(col(Service.name)) == folded,
                func.lower(ServiceAlias.alias) == folded,
            )
        )
    ).all()
    return sorted({r for r in rows if r is not None})


def find_people(*, session: Session, query: str) -> list[tuple[int, int]]:
    """People a name query finds, best first: ``[(person_id, rank)]``.

    Every part of ``query`` must be a whole part of the person's name or of one of their
    recorded spellings (aliases), in any order, case and Latin diacritics aside (the
    normalised person key, `archive.ingest.names.person_key`): ``"Khin Maung"`` and
    ``"maung khin"`` find Khin Maung Nyane, ``"Khin Mau"`` does not. Rank 0: the whole name
    (or an alias) is the query; 1: the query's parts stand in that order in it; 2: in another
    order. Ties are ordered by name.
    """
    from archive.ingest.names import person_key

    wanted = person_key(query).split()
    if not wanted:
        return []
    need = Counter(wanted)
    best: dict[int, int] = {}

    def consider(person_id: int, key: str) -> None:
        parts = key.split()
        if need - Counter(parts):
            return
        n = len(wanted)
        if parts == wanted:
            rank = 0
        elif any(parts[i : i + n] == wanted for i in range(len(parts) - n + 1)):
            rank = 1
        else:
            rank = 2
        best[person_id] = min(rank, best.get(person_id, rank))

    first = wanted[0]
    for person_id, key in session.exec(select(Person.id, Person.key)).all():
        if person_id is not None and first in key:
            consider(person_id, key)
    for person_id, alias in session.exec(select(PersonAlias.person_id, PersonAlias.alias)).all():
        key = person_key(alias)
        if first in key:
            consider(person_id, key)
    names = dict(
        session.exec(select(Person.id, Person.name).where(col(Person.id).in_(list(best)))).all()
    )
    return sorted(best.items(), key=lambda item: (item[1], names.get(item[0], ""), item[0]))


def person_ids_matching(session: Session, name: str) -> list[int]:
    """People ``name`` finds (`find_people`: whole name parts, any order, aliases too)."""
    return sorted(person_id for person_id, _rank in find_people(session=session, query=name))


def article_query(session: Session, filters: ArticleFilter) -> Any:
    """The SELECT of the articles matching ``filters`` (unordered), to order or count."""
    statement = select(Article)
    if filters.service:
        statement = statement.where(
            col(Article.service_id).in_(service_ids_matching(session, filters.service))
        )
    if filters.person or filters.role:
        credit = select(Credit.article_id)
        if filters.person:
            credit = credit.where(
                col(Credit.person_id).in_(person_ids_matching(session, filters.person))
            )
        if filters.role:
            credit = credit.where(Credit.role == filters.role.strip().lower())
        statement = statement.where(col(Article.id).in_(credit))
    if filters.language:
        lang = filters.language.strip()
        statement = statement.where(
            col(Article.id).in_(
                select(Version.article_id).where(
                    or_(
                        col(Version.language) == lang,
                        col(Version.language).like(f"{lang}-%"),
                        col(Version.detected_language) == lang,
                    )
                )
            )
        )
    if filters.since:
        statement = statement.where(col(Article.date) >= filters.since)
    if filters.until:
        statement = statement.where(col(Article.date) <= filters.until)
    if filters.text:
        statement = statement.where(func.lower(Article.title).contains(filters.text.casefold()))
    return statement


def count_articles(*, session: Session, filters: ArticleFilter | None = None) -> int:
    """How many articles match."""
    statement = article_query(session, filters or ArticleFilter()).subquery()
    return int(session.exec(select(func.count()).select_from(statement)).one())


def list_articles(
    *,
    session: Session,
    filters: ArticleFilter | None = None,
    limit: int | None = None,
    offset: int = 0,
    newest_first: bool = True,
) -> list[dict[str, Any]]:
    """Articles matching ``filters``: ``[{"id","title","date","service","languages"}]``.

    Ordered by date, newest first (oldest first with ``newest_first=False``), then by id the
    same way; articles with no date come last either way, on every database (SQLite puts
    NULL first and PostgreSQL last unless told). ``limit``/``offset`` page through a large
    archive without loading it whole.
    """
    statement = article_query(session, filters or ArticleFilter())
    if newest_first:
        statement = statement.order_by(
            col(Article.date).desc().nulls_last(), col(Article.id).desc()
        )
    else:
        statement = statement.order_by(col(Article.date).asc().nulls_last(), col(Article.id))
    statement = statement.offset(offset)
    if limit is not None:
        statement = statement.limit(limit)
    articles: Sequence[Article] = session.exec(statement).all()
    return article_rows(session=session, articles=articles)


def article_rows(*, session: Session, articles: Sequence[Article]) -> list[dict[str, Any]]:
    """Articles in the ``list`` shape, plus ``translators`` and ``writers`` for the browser."""
    ids = [a.id for a in articles]
    languages: dict[int, list[str]] = defaultdict(list)
    for article_id, language in session.exec(
        select(Version.article_id, Version.language)
        .where(col(Version.article_id).in_(ids))
        .order_by(col(Version.article_id), col(Version.position), col(Version.id))
    ).all():
        if language not in languages[article_id]:
            languages[article_id].append(language)
    services = _service_names(session, {a.service_id for a in articles if a.service_id})
    credits = _headline_credits(session, ids)
    return [
        {
            "id": a.id,
            "title": a.title,
            "date": a.date.isoformat() if a.date else None,
            "service": services.get(a.service_id) if a.service_id else None,
            "languages": languages.get(a.id or 0, []),
            "translators": credits.get((a.id or 0, "translator"), []),
            "writers": credits.get((a.id or 0, "writer"), []),
        }
        for a in articles
    ]


def _service_names(session: Session, ids: set[int]) -> dict[int, str]:
    rows = session.exec(select(Service).where(col(Service.id).in_(ids))).all()
    return {s.id: s.name for s in rows if s.id is not None}


def _headline_credits(session: Session, ids: list[int | None]) -> dict[tuple[int, str], list[str]]:
    rows = session.exec(
        select(Credit.article_id, Credit.role, Person.name)
        .join(Person, col(Person.id) == col(Credit.person_id))
        .where(col(Credit.article_id).in_(ids))
        .where(col(Credit.role).in_(["translator", "writer"]))
        .order_by(col(Credit.position))
    ).all()
    out: dict[tuple[int, str], list[str]] = defaultdict(list)
    for article_id, role, name in rows:
        if name not in out[(article_id, role)]:
            out[(article_id, role)].append(name)
    return out


def engine_label(version: Version) -> str | None:
    """How a machine version was made, in one string (None for human versions)."""
    if not version.engine:
        return None
    parts = [version.engine + (f" {version.engine_version}" if version.engine_version else "")]
    if version.model_package:
        package = version.model_package
        if version.model_version:
            package += f" {version.model_version}"
        parts.append(package)
    return ", ".join(parts)


def version_json(version: Version, *, with_text: bool = True) -> dict[str, Any]:
    """One version in the ``show --json`` shape."""
    data: dict[str, Any] = {
        "id": version.id,
        "kind": version.kind,
        "language": version.language,
        "script": version.script,
        "encoding": version.encoding,
        "sha256": version.sha256,
        "derived_from": version.derived_from_id,
        "revision_of": version.revision_of_id,
        "title": version.title,
        "engine": engine_label(version),
        "detected_language": version.detected_language,
        "confidence": version.confidence,
        "source_encoding": version.source_encoding,
        "furniture": version.furniture,
    }
    if version.engine_details:
        data["engine_details"] = json.loads(version.engine_details)
    if with_text:
        data["text"] = version.text
    return data


def get_article(*, session: Session, article_id: int, with_text: bool = True) -> dict[str, Any]:
    """An article with its service, credits and versions, in the ``show --json`` shape.

    Raises:
        ArticleNotFound: no article has this id.
    """
    from archive.linking.links import article_links, require_article

    article = require_article(session, article_id)
    service = session.get(Service, article.service_id) if article.service_id else None
    versions = session.exec(
        select(Version)
        .where(Version.article_id == article_id)
        .order_by(col(Version.position), col(Version.id))
    ).all()
    return {
        "id": article.id,
        "title": article.title,
        "date": article.date.isoformat() if article.date else None,
        "url": article.url,
        "urls": json.loads(article.urls or "[]"),
        "service": (
            {
                "name": service.name,
                "organization": service.organization,
                "language": service.language,
            }
            if service
            else None
        ),
        "credit_line": article.credit_line,
        "captured": article.captured.isoformat() if article.captured else None,
        "title_derived": article.title_derived,
        "credits": article_credits(session=session, article_id=article_id),
        "versions": _with_captures(
            session, [version_json(v, with_text=with_text) for v in versions]
        ),
        "links": article_links(session, article_id),
    }


def _with_captures(session: Session, versions: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each version's web-archive capture (``"capture"``: the first; ``"captures"``: all of
    them when there are several), for versions read from a WARC or WACZ."""
    from archive.ingest.captures import version_captures

    found = version_captures(session=session, version_ids=[v["id"] for v in versions])
    for data in versions:
        captures = found.get(data["id"], [])
        data["capture"] = captures[0] if captures else None
        if len(captures) > 1:
            data["captures"] = captures
    return versions


def article_credits(*, session: Session, article_id: int) -> list[dict[str, Any]]:
    """Credits of an article and its versions: ``[{"role","name","kind","raw","version_id"}]``."""
    rows = session.exec(
        select(Credit, Person, Service)
        .outerjoin(Person, col(Person.id) == col(Credit.person_id))
        .outerjoin(Service, col(Service.id) == col(Credit.service_id))
        .where(Credit.article_id == article_id)
        .order_by(col(Credit.version_id).is_not(None), col(Credit.version_id), col(Credit.position))
    ).all()
    out = []
    for credit, person, service in rows:
        name = person.name if person else service.name if service else ""
        out.append(
            {
                "id": credit.id,
                "role": credit.role,
                "name": name,
                "kind": _credit_kind(person, service),
                "raw": credit.raw,
                "version_id": credit.version_id,
            }
        )
    return out


def _credit_kind(person: Person | None, service: Service | None) -> str:
    """``person``; ``organization`` for a whole agency or outlet; else ``service``."""
    if person is not None:
        return "person"
    if service is not None and service.organization and service.name == service.organization:
        return "organization"
    return "service"


def list_people(*, session: Session, query: str | None = None) -> list[dict[str, Any]]:
    """Everyone credited: ``[{"id","name","aliases","roles":{role: n},"articles"}]``.

    With ``query``, only the people it finds (`find_people`), best match first.
    """
    if query is None:
        people = list(session.exec(select(Person).order_by(col(Person.name))).all())
    else:
        ranked = [pid for pid, _rank in find_people(session=session, query=query)]
        rows = {
            p.id: p for p in session.exec(select(Person).where(col(Person.id).in_(ranked))).all()
        }
        people = [rows[pid] for pid in ranked if pid in rows]
    aliases: dict[int, list[str]] = defaultdict(list)
    for alias in session.exec(select(PersonAlias).order_by(col(PersonAlias.id))).all():
        aliases[alias.person_id].append(alias.alias)
    roles: dict[int, dict[str, int]] = defaultdict(dict)
    articles: dict[int, set[int]] = defaultdict(set)
    for person_id, role, article_id in session.exec(
        select(Credit.person_id, Credit.role, Credit.article_id).where(
            col(Credit.person_id).is_not(None)
        )
    ).all():
        assert person_id is not None
        roles[person_id][role] = roles[person_id].get(role, 0) + 1
        articles[person_id].add(article_id)
    return [
        {
            "id": p.id,
            "name": p.name,
            "aliases": [a for a in aliases.get(p.id or 0, []) if a != p.name],
            "roles": roles.get(p.id or 0, {}),
            "articles": len(articles.get(p.id or 0, ())),
        }
        for p in people
    ]


def list_services(*, session: Session) -> list[dict[str, Any]]:
    """Every service: ``[{"id","key","name","organization","language","aliases","articles"}]``."""
    services = session.exec(select(Service).order_by(col(Service.name))).all()
    aliases: dict[int, list[str]] = defaultdict(list)
    for alias in session.exec(select(ServiceAlias).order_by(col(ServiceAlias.id))).all():
        aliases[alias.service_id].append(alias.alias)
    counts = dict(
        session.exec(
            select(Article.service_id, func.count(col(Article.id))).group_by(
                col(Article.service_id)
            )
        ).all()
    )
    credited: dict[int, set[int]] = defaultdict(set)
    for service_id, article_id in session.exec(
        select(Credit.service_id, Credit.article_id).where(col(Credit.service_id).is_not(None))
    ).all():
        assert service_id is not None
        credited[service_id].add(article_id)
    return [
        {
            "id": s.id,
            "key": s.key,
            "name": s.name,
            "organization": s.organization,
            "language": s.language,
            "aliases": [a for a in aliases.get(s.id or 0, []) if a != s.name],
            "articles": int(counts.get(s.id, 0)),
            "credited_articles": len(credited.get(s.id or 0, ())),
        }
        for s in services
    ]
