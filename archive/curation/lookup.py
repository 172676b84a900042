"""Finding what a correction is about: an article, a version, a person or a service as a user
names them (an id, an exact name or a recorded spelling), and a credit as a JSON object."""

from __future__ import annotations

from typing import Any

from sqlmodel import Session, func, select

from archive.errors import ArticleNotFound, PersonNotFound, ServiceNotFound, VersionNotFound
from archive.identity import clean_person_name, person_key
from archive.identity.match import service_ids_matching
from archive.models import Article, Credit, Person, PersonAlias, Service, Version

#: The columns of a credit that undo restores exactly (with ``raw``).
CREDIT_FIELDS = ("id", "article_id", "version_id", "person_id", "service_id", "role", "position")


def get_article_row(session: Session, article_id: int) -> Article:
    """The article, or `ArticleNotFound`."""
    article = session.get(Article, article_id)
    if article is None:
        raise ArticleNotFound(article_id)
    return article


def get_version_row(session: Session, article_id: int, version_id: int) -> Version:
    """The version of this article, or `VersionNotFound`."""
    version = session.get(Version, version_id)
    if version is None or version.article_id != article_id:
        raise VersionNotFound(version_id, article_id)
    return version


def credit_row(credit: Credit) -> dict[str, Any]:
    """A credit as a JSON object, enough to insert it again exactly (same id)."""
    data = {name: getattr(credit, name) for name in CREDIT_FIELDS}
    data["raw"] = credit.raw
    return data


def find_person(session: Session, ref: str) -> Person:
    """The person an id or an exact name (or recorded spelling) names, or `PersonNotFound`."""
    text = ref.strip()
    if text.isdigit():
        person = session.get(Person, int(text))
        if person is None:
            raise PersonNotFound(text)
        return person
    clean = clean_person_name(text)
    ids = set(session.exec(select(Person.id).where(Person.key == person_key(clean))).all())
    ids |= set(
        session.exec(
            select(PersonAlias.person_id).where(func.lower(PersonAlias.alias) == clean.lower())
        ).all()
    )
    found = sorted(i for i in ids if i is not None)
    if not found:
        raise PersonNotFound(repr(text))
    if len(found) > 1:
        raise PersonNotFound(
            repr(text), f"names several people ({', '.join(map(str, found))}): give an id"
        )
    person = session.get(Person, found[0])
    assert person is not None
    return person


def find_service(session: Session, ref: str) -> Service:
    """The service an id, key, name or alias names, or `ServiceNotFound`."""
    text = ref.strip()
    if text.isdigit():
        found = session.get(Service, int(text))
        if found is None:
            raise ServiceNotFound(text)
        return found
    ids = service_ids_matching(session, text)
    if not ids:
        raise ServiceNotFound(repr(text))
    if len(ids) > 1:
        raise ServiceNotFound(
            repr(text), f"names several services ({', '.join(map(str, ids))}): give an id"
        )
    service = session.get(Service, ids[0])
    assert service is not None
    return service
