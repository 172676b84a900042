"""Storing one article record: one transaction, deduplicated by hash, corrections as revisions."""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, SQLModel, col, select

from archive.errors import ArchiveError
from archive.ingest.records import ArticleRecord, CreditRecord
from archive.models import (
    Article,
    Credit,
    Person,
    PersonAlias,
    Service,
    ServiceAlias,
    Version,
)

log = logging.getLogger(__name__)

T = TypeVar("T", bound=SQLModel)


class UnstorableText(ArchiveError):
    """A record holds text the archive's database cannot store (NUL on PostgreSQL)."""

    def __init__(self, field: str, reason: str) -> None:
        self.field = field
        self.reason = reason
        super().__init__(f"{field} {reason}")


def _nul_field(record: ArticleRecord) -> str | None:
    """The first field of ``record`` holding a NUL character, named as in a JSONL record."""
    fields: list[tuple[str, str | None]] = [
        ("title", record.title),
        ("url", record.url),
        ("service", record.service),
        ("credit_line", record.credit_line),
        *((f"urls[{i}]", u) for i, u in enumerate(record.urls)),
    ]
    credits = [("", record.credits)]
    for i, version in enumerate(record.versions):
        where = f"versions[{i}]."
        fields += [
            (where + "text", version.text),
            (where + "title", version.title),
            (where + "language", version.language),
            (where + "kind", version.kind),
        ]
        credits.append((where, version.credits))
    for where, items in credits:
        for i, credit in enumerate(items):
            here = f"{where}credits[{i}]."
            fields += [
                (here + "name", credit.name),
                (here + "role", credit.role),
                (here + "raw", credit.raw),
                (here + "service", credit.service),
            ]
    return next((name for name, value in fields if value and "\x00" in value), None)


def sha256_text(text: str) -> str:
    """The sha256 of a text's UTF-8 bytes (``surrogatepass`` so no text is unhashable)."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def _get_or_create(
    session: Session, model: type[T], lookup: dict[str, object], make: Callable[[], T]
) -> T:
    """Find a row by its unique key or insert it; a concurrent insert of the same key wins."""
    statement = select(model)
    for name, value in lookup.items():
        statement = statement.where(getattr(model, name) == value)
    row = session.exec(statement).first()
    if row is not None:
        return row
    row = make()
    try:
        with session.begin_nested():
            session.add(row)
            session.flush()
    except IntegrityError:
        found = session.exec(statement).first()
        if found is None:
            raise
        return found
    return row


def _add_alias(
    session: Session, model: type[SQLModel], owner: str, owner_id: int, alias: str
) -> None:
    column = getattr(model, owner)
    exists = session.exec(
        select(model).where(column == owner_id).where(model.alias == alias)  # type: ignore[attr-defined]
    ).first()
    if exists is None:
        try:
            with session.begin_nested():
                session.add(model(**{owner: owner_id, "alias": alias}))
                session.flush()
        except IntegrityError:
            pass


class UnnamedService(ArchiveError):
    """A record names a service with no name in it ("Service", "The Language Service")."""

    def __init__(self, text: str, detail: str) -> None:
        self.text = text
        super().__init__(f"service {text!r} names no service ({detail})")


def ensure_service(session: Session, text: str) -> Service:
    """The Service row for a service as named anywhere (registry key, alias, or a new name)."""
    from archive.ingest.services import SERVICES, resolve_service, service_key_for

    info = next((s for s in SERVICES if s.key == text), None) or resolve_service(text)
    if info is not None:
        service = _get_or_create(
            session,
            Service,
            {"key": info.key},
            lambda: Service(
                key=info.key,
                name=info.name,
                organization=info.organization,
                language=info.language,
            ),
        )
    else:
        try:
            key = service_key_for(text)
        except ValueError as exc:  # e.g. "The Service": words of a service, but no name
            raise UnnamedService(text, str(exc)) from exc
        service = _get_or_create(
            session, Service, {"key": key}, lambda: Service(key=key, name=text.strip())
        )
    assert service.id is not None
    if text != service.key:
        _add_alias(session, ServiceAlias, "service_id", service.id, text.strip())
    return service


def ensure_person(session: Session, name: str) -> Person:
    """The Person row for a name, found again by its normalised key; spellings become aliases."""
    from archive.ingest.names import clean_person_name, person_key

    clean = clean_person_name(name)
    key = person_key(clean)
    person = _get_or_create(session, Person, {"key": key}, lambda: Person(key=key, name=clean))
    assert person.id is not None
    _add_alias(session, PersonAlias, "person_id", person.id, clean)
    return person


def title_identity(service_key: str | None, title: str, date: object) -> str:
    """The identity of a story without a URL: service + title + date."""
    basis = "\x1f".join([service_key or "", " ".join(title.casefold().split()), str(date or "")])
    return "t:" + hashlib.sha256(basis.encode("utf-8", "surrogatepass")).hexdigest()


def url_identity(url: str) -> str:
    """The identity of a story by its URL (scheme, ``www.`` and trailing slash ignored)."""
    bare = url.strip().split("://", 1)[-1].removeprefix("www.").rstrip("/")
    return "u:" + hashlib.sha256(bare.encode("utf-8", "surrogatepass")).hexdigest()


@dataclass(frozen=True, slots=True)
class StoreResult:
    """What storing a record did: ``imported`` (new article), ``revised``, or ``duplicate``."""

    outcome: str
    article_id: int
    new_version_ids: tuple[int, ...]


def _find_article(
    session: Session, record: ArticleRecord, service_key: str | None
) -> Article | None:
    by_title = title_identity(service_key, record.title, record.date)
    if record.url:
        found = session.exec(
            select(Article).where(Article.identity == url_identity(record.url))
        ).first()
        if found is not None:
            return found
    found = session.exec(select(Article).where(Article.identity == by_title)).first()
    if found is not None:
        return found
    if record.url:
        # An earlier copy stored without a URL but with this service, title and date.
        return session.exec(
            select(Article).where(Article.identity == by_title, col(Article.url).is_(None))
        ).first()
    return None


def store_article(
    *,
    session: Session,
    record: ArticleRecord,
    analyze: Callable[[Session, Version], None] | None = None,
) -> StoreResult:
    """Store one article record in the session's current transaction (the caller commits).

    A record whose versions are all present changes nothing (``duplicate``); a version whose
    kind and language exist with other text becomes a new revision linked to the old one;
    nothing is ever overwritten.

    Raises:
        UnstorableText: on PostgreSQL, a field holds a NUL character (PostgreSQL text cannot
            hold one; SQLite keeps the text exactly as given).
    """
    if session.get_bind().dialect.name == "postgresql":
        field = _nul_field(record)
        if field is not None:
            raise UnstorableText(
                field, "holds a NUL character (U+0000), which PostgreSQL cannot store"
            )
    service = ensure_service(session, record.service) if record.service else None
    service_key = service.key if service else None
    article = _find_article(session, record, service_key)
    is_new = article is None
    if article is None:
        identity = (
            url_identity(record.url)
            if record.url
            else title_identity(service_key, record.title, record.date)
        )
        article = Article(
            identity=identity,
            title=record.title,
            date=record.date,
            service_id=service.id if service else None,
            url=record.url,
            urls=json.dumps(record.urls, ensure_ascii=False),
            credit_line=record.credit_line,
        )
        session.add(article)
        session.flush()
    else:
        _merge_article_fields(article, record, service)
    assert article.id is not None

    existing = list(
        session.exec(
            select(Version).where(Version.article_id == article.id).order_by(col(Version.id))
        )
    )
    index_to_id: dict[int, int] = {}
    new_versions: list[tuple[int, Version]] = []
    revised = False
    for index, vrec in enumerate(record.versions):
        digest = sha256_text(vrec.text)
        same = next(
            (
                v
                for v in existing
                if v.sha256 == digest and v.kind == vrec.kind and v.language == vrec.language
            ),
            None,
        )
        if same is not None:
            assert same.id is not None
            index_to_id[index] = same.id
            continue
        superseded = {v.revision_of_id for v in existing if v.revision_of_id is not None}
        previous = next(
            (
                v
                for v in reversed(existing)
                if v.kind == vrec.kind and v.language == vrec.language and v.id not in superseded
            ),
            None,
        )
        if previous is not None:
            revised = True
        version = Version(
            article_id=article.id,
            position=len(existing),
            kind=vrec.kind,
            language=vrec.language,
            title=vrec.title,
            text=vrec.text,
            sha256=digest,
            revision_of_id=previous.id if previous else None,
            source_encoding=vrec.source_encoding,
        )
        session.add(version)
        session.flush()
        assert version.id is not None
        existing.append(version)
        index_to_id[index] = version.id
        new_versions.append((index, version))

    for index, version in new_versions:
        parent = record.versions[index].derived_from
        if parent is not None:
            version.derived_from_id = index_to_id[parent]
            session.add(version)
        if analyze is not None:
            analyze(session, version)

    added_credits = _store_credits(session, article.id, record.credits, version_id=None)
    for index, vrec in enumerate(record.versions):
        added_credits += _store_credits(
            session, article.id, vrec.credits, version_id=index_to_id[index]
        )
    session.flush()

    if is_new:
        outcome = "imported"
    elif revised or new_versions or added_credits:
        outcome = "revised"
    else:
        outcome = "duplicate"
    return StoreResult(
        outcome=outcome,
        article_id=article.id,
        new_version_ids=tuple(v.id for _, v in new_versions if v.id is not None),
    )


def _merge_article_fields(article: Article, record: ArticleRecord, service: Service | None) -> None:
    """Fill what an earlier copy lacked; never overwrite what is stored."""
    changed = False
    if article.date is None and record.date is not None:
        article.date, changed = record.date, True
    if article.service_id is None and service is not None:
        article.service_id, changed = service.id, True
    if article.url is None and record.url:
        article.url, changed = record.url, True
    if article.credit_line is None and record.credit_line:
        article.credit_line, changed = record.credit_line, True
    urls = json.loads(article.urls or "[]")
    for url in record.urls:
        if url not in urls:
            urls.append(url)
            changed = True
    if changed:
        article.urls = json.dumps(urls, ensure_ascii=False)


def _store_credits(
    session: Session, article_id: int, credits: list[CreditRecord], *, version_id: int | None
) -> int:
    """Add the credits not already held; returns how many were added."""
    from archive.ingest.services import resolve_service

    present = session.exec(
        select(Credit).where(Credit.article_id == article_id, Credit.version_id == version_id)
    ).all()
    held = {(c.role, c.person_id, c.service_id) for c in present}
    position = len(present)
    added = 0
    identity: tuple[str, int | None, int | None]
    for credit in credits:
        kind = credit.kind
        if kind is None:
            kind = "service" if resolve_service(credit.name) is not None else "person"
        if kind == "service":
            service = ensure_service(session, credit.service or credit.name)
            identity = (credit.role, None, service.id)
            row = Credit(
                article_id=article_id,
                version_id=version_id,
                service_id=service.id,
                role=credit.role,
                position=position,
                raw=credit.raw,
            )
        else:
            person = ensure_person(session, credit.name)
            identity = (credit.role, person.id, None)
            row = Credit(
                article_id=article_id,
                version_id=version_id,
                person_id=person.id,
                role=credit.role,
                position=position,
                raw=credit.raw,
            )
        if identity in held:
            continue
        held.add(identity)
        session.add(row)
        position += 1
        added += 1
    return added
