"""Finding people and services by how a user names them: one rule each, for every caller.

`archive list --person`, the library's ``translator:`` filter, search's credit filters and
`archive people QUERY` all find people by `find_people`; services by `service_ids_select`,
a SELECT that provenance runs as it stands and search embeds in its own SQL.
"""

from __future__ import annotations

from collections import Counter

from sqlalchemy import ColumnElement, and_, false, func, literal, or_
from sqlalchemy.orm import Mapped
from sqlmodel import Session, col, select
from sqlmodel.sql.expression import SelectOfScalar

from archive.errors import UnnamedService
from archive.identity.names import person_key
from archive.identity.services import resolve_service, service_key_for
from archive.models import Person, PersonAlias, Service, ServiceAlias

__all__ = [
    "find_people",
    "person_ids_matching",
    "person_key_holds",
    "person_rank",
    "service_ids_matching",
    "service_ids_select",
]


def service_ids_select(text: str) -> SelectOfScalar[int | None]:
    """The ids of the services ``text`` names: by key (the registry's spellings resolve to
    it), by name or by a recorded alias, case aside.

    Raises:
        UnnamedService: ``text`` holds no service name ("The Service", " ").
    """
    try:
        keys = {service_key_for(text), text.strip().lower()}
    except ValueError as exc:
        raise UnnamedService(text, str(exc)) from None
    info = resolve_service(text)
    if info is not None:
        keys.add(info.key)
    folded = text.strip().casefold()
    return (
        select(col(Service.id))
        .outerjoin(ServiceAlias, col(ServiceAlias.service_id) == col(Service.id))
        .where(
            or_(
                col(Service.key).in_(sorted(keys)),
                func.lower(col(Service.name)) == folded,
                func.lower(col(ServiceAlias.alias)) == folded,
            )
        )
    )


def service_ids_matching(session: Session, text: str) -> list[int]:
    """Services named ``text`` (`service_ids_select`), by id."""
    return sorted({r for r in session.exec(service_ids_select(text)).all() if r is not None})


def person_key_holds(key: ColumnElement[str] | Mapped[str], query: str) -> ColumnElement[bool]:
    """SQL: every part of ``query``'s person key is a whole part of ``key`` (as often as the
    query has it), in any order.

    Keys hold only letters, digits and marks between single spaces, so no part can hold a
    LIKE wildcard; doubling the spaces lets a repeated part match twice.
    """
    need = Counter(person_key(query).split())
    if not need:
        return false()
    padded = literal(" ") + func.replace(key, " ", "  ") + literal(" ")
    return and_(*(padded.like("%" + f" {part} %" * n) for part, n in sorted(need.items())))


def person_rank(wanted: list[str], key: str) -> int | None:
    """How well a person key holds a query's key parts, or None if it does not hold them all.

    0: the key is the query; 1: the query's parts stand in that order in it; 2: in another
    order (each part whole, as often as the query has it).
    """
    parts = key.split()
    if not wanted or Counter(wanted) - Counter(parts):
        return None
    n = len(wanted)
    if parts == wanted:
        return 0
    if any(parts[i : i + n] == wanted for i in range(len(parts) - n + 1)):
        return 1
    return 2


def find_people(*, session: Session, query: str) -> list[tuple[int, int]]:
    """People a name query finds, best first: ``[(person_id, rank)]``.

    Every part of ``query`` must be a whole part of the person's name or of one of their
    recorded spellings (aliases), in any order, case and Latin diacritics aside (the
    normalised person key, `archive.identity.person_key`): ``"Khin Maung"`` and
    ``"maung khin"`` find Khin Maung Nyane, ``"Khin Mau"`` does not. Ranks as `person_rank`;
    ties are ordered by name.
    """
    wanted = person_key(query).split()
    if not wanted:
        return []
    best: dict[int, int] = {}

    def consider(person_id: int, key: str) -> None:
        rank = person_rank(wanted, key)
        if rank is not None:
            best[person_id] = min(rank, best.get(person_id, rank))

    for person_id, key in session.exec(
        select(Person.id, Person.key).where(person_key_holds(col(Person.key), query))
    ).all():
        if person_id is not None:
            consider(person_id, key)
    first = wanted[0]
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
