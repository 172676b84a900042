"""Provenance queries: articles by service, person, role, language and date; people; services.

Each function takes the session keyword-only and returns typed results (frozen dataclasses)
whose ``to_json()`` is the JSON shape of the command-line contract (DESIGN.md), so the CLI, the
TUI and scripts all read the same thing.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, or_
from sqlmodel import Session, col, select

from archive.errors import ArticleNotFound, LinkedArticle
from archive.identity.match import find_people, person_ids_matching, service_ids_matching
from archive.models import (
    Article,
    ArticleLink,
    Capture,
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


@dataclass(frozen=True, slots=True)
class ArticleRow:
    """One article as ``archive list`` shows it, plus its translators and writers (browser)."""

    id: int
    title: str
    date: dt.date | None
    service: str | None
    languages: tuple[str, ...]
    translators: tuple[str, ...] = ()
    writers: tuple[str, ...] = ()

    #: The keys of ``list --json`` (the CLI contract); `to_json` adds translators and writers.
    LIST_KEYS = ("id", "title", "date", "service", "languages")

    def to_json(self) -> dict[str, Any]:
        """``{"id","title","date","service","languages","translators","writers"}``."""
        return {
            "id": self.id,
            "title": self.title,
            "date": self.date.isoformat() if self.date else None,
            "service": self.service,
            "languages": list(self.languages),
            "translators": list(self.translators),
            "writers": list(self.writers),
        }


@dataclass(frozen=True, slots=True)
class ServiceRef:
    """The service an article came from, as ``show --json`` names it."""

    name: str
    organization: str | None
    language: str | None

    def to_json(self) -> dict[str, Any]:
        """``{"name","organization","language"}``."""
        return {"name": self.name, "organization": self.organization, "language": self.language}


@dataclass(frozen=True, slots=True)
class CreditView:
    """One credit of an article or of one of its versions (``version_id``)."""

    id: int
    role: str
    name: str
    kind: str  # person | service | organization
    raw: str | None
    version_id: int | None

    def to_json(self) -> dict[str, Any]:
        """``{"id","role","name","kind","raw","version_id"}`` (``id``: for `archive edit`)."""
        return {
            "id": self.id,
            "role": self.role,
            "name": self.name,
            "kind": self.kind,
            "raw": self.raw,
            "version_id": self.version_id,
        }


@dataclass(frozen=True, slots=True)
class VersionView:
    """One version of an article, with its text (None when not read) and web captures."""

    id: int
    kind: str
    language: str
    script: str | None
    encoding: str | None
    sha256: str
    derived_from: int | None
    revision_of: int | None
    title: str | None
    engine: str | None
    detected_language: str | None
    confidence: float | None
    source_encoding: str | None
    furniture: str | None
    engine_details: dict[str, Any] | None = None
    text: str | None = None
    captures: tuple[dict[str, Any], ...] = field(default=())

    def to_json(self) -> dict[str, Any]:
        """The ``show --json`` version: ``"engine_details"`` only for engines that recorded
        them, ``"text"`` only when read, ``"capture"`` (the first web capture or null) always
        and ``"captures"`` when there are several."""
        data: dict[str, Any] = {
            "id": self.id,
            "kind": self.kind,
            "language": self.language,
            "script": self.script,
            "encoding": self.encoding,
            "sha256": self.sha256,
            "derived_from": self.derived_from,
            "revision_of": self.revision_of,
            "title": self.title,
            "engine": self.engine,
            "detected_language": self.detected_language,
            "confidence": self.confidence,
            "source_encoding": self.source_encoding,
            "furniture": self.furniture,
        }
        if self.engine_details:
            data["engine_details"] = self.engine_details
        if self.text is not None:
            data["text"] = self.text
        data["capture"] = self.captures[0] if self.captures else None
        if len(self.captures) > 1:
            data["captures"] = list(self.captures)
        return data


@dataclass(frozen=True, slots=True)
class ArticleDetail:
    """An article with its service, credits and versions: ``archive show``."""

    id: int
    title: str
    date: dt.date | None
    url: str | None
    urls: tuple[str, ...]
    service: ServiceRef | None
    credit_line: str | None
    captured: dt.date | None
    title_derived: bool
    credits: tuple[CreditView, ...]
    versions: tuple[VersionView, ...]
    links: tuple[dict[str, Any], ...] = ()  # how it was linked to its counterpart (`linking`)

    def version(self, version_id: int) -> VersionView | None:
        """The version with this id, if it is one of the article's."""
        return next((v for v in self.versions if v.id == version_id), None)

    def to_json(self) -> dict[str, Any]:
        """The ``show --json`` document."""
        return {
            "id": self.id,
            "title": self.title,
            "date": self.date.isoformat() if self.date else None,
            "url": self.url,
            "urls": list(self.urls),
            "service": self.service.to_json() if self.service else None,
            "credit_line": self.credit_line,
            "captured": self.captured.isoformat() if self.captured else None,
            "title_derived": self.title_derived,
            "credits": [c.to_json() for c in self.credits],
            "versions": [v.to_json() for v in self.versions],
            "links": list(self.links),
        }


@dataclass(frozen=True, slots=True)
class PersonRow:
    """Someone credited: their spellings, roles (with counts) and number of articles."""

    id: int
    name: str
    aliases: tuple[str, ...]
    roles: dict[str, int]
    articles: int

    def to_json(self) -> dict[str, Any]:
        """``{"id","name","aliases","roles","articles"}``."""
        return {
            "id": self.id,
            "name": self.name,
            "aliases": list(self.aliases),
            "roles": dict(self.roles),
            "articles": self.articles,
        }


@dataclass(frozen=True, slots=True)
class ServiceRow:
    """A service: its key, names, language and how many articles it sent or is credited on."""

    id: int
    key: str
    name: str
    organization: str | None
    language: str | None
    aliases: tuple[str, ...]
    articles: int
    credited_articles: int

    def to_json(self) -> dict[str, Any]:
        """``{"id","key","name","organization","language","aliases","articles",
        "credited_articles"}``."""
        return {
            "id": self.id,
            "key": self.key,
            "name": self.name,
            "organization": self.organization,
            "language": self.language,
            "aliases": list(self.aliases),
            "articles": self.articles,
            "credited_articles": self.credited_articles,
        }


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
) -> list[ArticleRow]:
    """Articles matching ``filters`` (``list --json``: `ArticleRow.to_json`).

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


def article_rows(*, session: Session, articles: Sequence[Article]) -> list[ArticleRow]:
    """Articles as `ArticleRow`: the ``list`` shape, plus translators and writers."""
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
        ArticleRow(
            id=a.id or 0,
            title=a.title,
            date=a.date,
            service=services.get(a.service_id) if a.service_id else None,
            languages=tuple(languages.get(a.id or 0, [])),
            translators=tuple(credits.get((a.id or 0, "translator"), [])),
            writers=tuple(credits.get((a.id or 0, "writer"), [])),
        )
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


def version_view(
    version: Version,
    *,
    with_text: bool = True,
    captures: Sequence[dict[str, Any]] = (),
) -> VersionView:
    """One version as `VersionView` (``show --json``: its ``to_json``)."""
    return VersionView(
        id=version.id or 0,
        kind=version.kind,
        language=version.language,
        script=version.script,
        encoding=version.encoding,
        sha256=version.sha256,
        derived_from=version.derived_from_id,
        revision_of=version.revision_of_id,
        title=version.title,
        engine=engine_label(version),
        detected_language=version.detected_language,
        confidence=version.confidence,
        source_encoding=version.source_encoding,
        furniture=version.furniture,
        engine_details=json.loads(version.engine_details) if version.engine_details else None,
        text=version.text if with_text else None,
        captures=tuple(captures),
    )


def get_article(*, session: Session, article_id: int, with_text: bool = True) -> ArticleDetail:
    """An article with its service, credits and versions (``show --json``: its ``to_json``).

    Raises:
        ArticleNotFound: no article has this id.
    """
    article = require_article(session, article_id)
    service = session.get(Service, article.service_id) if article.service_id else None
    versions = session.exec(
        select(Version)
        .where(Version.article_id == article_id)
        .order_by(col(Version.position), col(Version.id))
    ).all()
    captures = version_captures(session=session, version_ids=[v.id or 0 for v in versions])
    return ArticleDetail(
        id=article.id or 0,
        title=article.title,
        date=article.date,
        url=article.url,
        urls=tuple(json.loads(article.urls or "[]")),
        service=(
            ServiceRef(
                name=service.name, organization=service.organization, language=service.language
            )
            if service
            else None
        ),
        credit_line=article.credit_line,
        captured=article.captured,
        title_derived=article.title_derived,
        credits=tuple(article_credits(session=session, article_id=article_id)),
        versions=tuple(
            version_view(v, with_text=with_text, captures=captures.get(v.id or 0, []))
            for v in versions
        ),
        links=tuple(article_links(session, article_id)),
    )


def article_credits(*, session: Session, article_id: int) -> list[CreditView]:
    """Credits of an article and its versions, the article's first, each in its order."""
    rows = session.exec(
        select(Credit, Person, Service)
        .outerjoin(Person, col(Person.id) == col(Credit.person_id))
        .outerjoin(Service, col(Service.id) == col(Credit.service_id))
        .where(Credit.article_id == article_id)
        .order_by(col(Credit.version_id).is_not(None), col(Credit.version_id), col(Credit.position))
    ).all()
    return [
        CreditView(
            id=credit.id or 0,
            role=credit.role,
            name=person.name if person else service.name if service else "",
            kind=_credit_kind(person, service),
            raw=credit.raw,
            version_id=credit.version_id,
        )
        for credit, person, service in rows
    ]


def _credit_kind(person: Person | None, service: Service | None) -> str:
    """``person``; ``organization`` for a whole agency or outlet; else ``service``."""
    if person is not None:
        return "person"
    if service is not None and service.organization and service.name == service.organization:
        return "organization"
    return "service"


def list_people(*, session: Session, query: str | None = None) -> list[PersonRow]:
    """Everyone credited (``people --json``: `PersonRow.to_json`), by name.

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
        PersonRow(
            id=p.id or 0,
            name=p.name,
            aliases=tuple(a for a in aliases.get(p.id or 0, []) if a != p.name),
            roles=roles.get(p.id or 0, {}),
            articles=len(articles.get(p.id or 0, ())),
        )
        for p in people
    ]


def list_services(*, session: Session) -> list[ServiceRow]:
    """Every service, by name (``services --json``: `ServiceRow.to_json`)."""
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
        ServiceRow(
            id=s.id or 0,
            key=s.key,
            name=s.name,
            organization=s.organization,
            language=s.language,
            aliases=tuple(a for a in aliases.get(s.id or 0, []) if a != s.name),
            articles=int(counts.get(s.id, 0)),
            credited_articles=len(credited.get(s.id or 0, ())),
        )
        for s in services
    ]


# ------------------------------------------------------------- links (archive.linking)


def linked_into(session: Session, article_id: int) -> ArticleLink | None:
    """The active link that absorbed ``article_id`` (an English article now part of another)."""
    return session.exec(
        select(ArticleLink).where(
            ArticleLink.english_id == article_id, col(ArticleLink.undone_at).is_(None)
        )
    ).first()


def require_article(session: Session, article_id: int) -> Article:
    """The article with this id; for an English article linked into another, an error that
    says where it went.

    Raises:
        ArticleNotFound: no article has this id (`LinkedArticle` when a link absorbed it).
    """
    article = session.get(Article, article_id)
    if article is not None:
        return article
    link = linked_into(session, article_id)
    if link is not None:
        raise LinkedArticle(article_id, link.original_id, link.id or 0)
    raise ArticleNotFound(article_id)


def link_json(link: ArticleLink) -> dict[str, Any]:
    """One link as ``show --json`` and ``link`` commands print it."""
    return {
        "id": link.id,
        "method": link.method,
        "score": link.score,
        "by": link.by,
        "at": link.created_at.isoformat(),
        "original": link.original_id,
        "english": link.english_id,
    }


def article_links(session: Session, article_id: int) -> list[dict[str, Any]]:
    """How the article was linked: its active links, oldest first (``show --json`` ``links``)."""
    return [link_json(link) for link in active_links(session, [article_id])]


def active_links(session: Session, article_ids: Collection[int] | None = None) -> list[ArticleLink]:
    """Links not undone (of these original articles, else all), oldest first."""
    statement = select(ArticleLink).where(col(ArticleLink.undone_at).is_(None))
    if article_ids is not None:
        statement = statement.where(col(ArticleLink.original_id).in_(list(article_ids)))
    return list(session.exec(statement.order_by(col(ArticleLink.id))).all())


# ------------------------------------------------------------- web captures (WARC)


def capture_json(capture: Capture) -> dict[str, Any]:
    """A capture in the ``show --json`` shape."""
    return {
        "uri": capture.target_uri,
        "time": _iso(capture.captured_at),
        "record_id": capture.record_id,
        "digest": capture.payload_digest or f"sha256:{capture.payload_sha256}",
        "file": capture.warc_file,
        "offset": capture.warc_offset,
        "software": capture.software,
        "redirected_from": capture.redirected_from,
    }


def _iso(value: dt.datetime | None) -> str | None:
    if value is None:
        return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.UTC)
    return value.astimezone(dt.UTC).isoformat().replace("+00:00", "Z")


def version_captures(
    *, session: Session, version_ids: list[int]
) -> dict[int, list[dict[str, Any]]]:
    """Each version's captures in the ``show --json`` shape, oldest capture first."""
    if not version_ids:
        return {}
    rows = session.exec(
        select(Capture)
        .where(col(Capture.version_id).in_(version_ids))
        .order_by(col(Capture.captured_at), col(Capture.id))
    ).all()
    out: dict[int, list[dict[str, Any]]] = {}
    for capture in rows:
        out.setdefault(capture.version_id, []).append(capture_json(capture))
    return out
