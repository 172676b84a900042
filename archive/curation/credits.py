"""Corrections of an article's credits: add one, remove one, change its role or its holder.

A credit names a person or a service. A name given for a credit is looked up as a service
first (id-less: key, name or alias of a stored service), then as a person (by the normalised
person key, then by a recorded spelling); a person never seen is added, and the undo of the
edit that added them removes them again while nothing else credits them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlmodel import Session, col, func, select

from archive.curation.lookup import credit_row, get_article_row, get_version_row
from archive.errors import BadEdit, CreditNotFound, UndoRefused
from archive.history import record_edit, register_undo
from archive.identity import clean_person_name, person_key
from archive.identity.match import service_ids_matching
from archive.models import Credit, Edit, Person, PersonAlias, Role
from archive.reviewer import checked_name


def check_role(role: str) -> str:
    """The role in its stored form, or `BadEdit`."""
    value = role.strip().lower()
    if value not in {r.value for r in Role}:
        roles = ", ".join(r.value for r in Role)
        raise BadEdit(f"role {role[:30]!r}", f"not one of {roles}")
    return value


@dataclass(frozen=True)
class Holder:
    """Who a credit names: a person or a service; ``created`` the person added for it."""

    person_id: int | None
    service_id: int | None
    created_person: int | None = None


def resolve_holder(session: Session, name: str) -> Holder:
    """The person or service ``name`` names (a new person if nobody; see the module docs)."""
    clean = clean_person_name(name)
    if not clean or not person_key(clean):
        raise BadEdit(f"credit name {name[:40]!r}", "holds no name")
    services = service_ids_matching(session, clean)
    if len(services) == 1:
        return Holder(person_id=None, service_id=services[0])
    key = person_key(clean)
    found = session.exec(select(Person.id).where(Person.key == key)).first()
    if found is None:
        found = session.exec(
            select(PersonAlias.person_id).where(func.lower(PersonAlias.alias) == clean.lower())
        ).first()
    if found is not None:
        return Holder(person_id=found, service_id=None)
    person = Person(key=key, name=clean)
    session.add(person)
    session.flush()
    assert person.id is not None
    session.add(PersonAlias(person_id=person.id, alias=clean))
    session.flush()
    return Holder(person_id=person.id, service_id=None, created_person=person.id)


def _is(column: Any, value: int | None) -> Any:
    return column.is_(None) if value is None else column == value


def get_credit_row(session: Session, article_id: int, credit_id: int) -> Credit:
    """The credit of this article, or `CreditNotFound`."""
    credit = session.get(Credit, credit_id)
    if credit is None or credit.article_id != article_id:
        raise CreditNotFound(credit_id, article_id)
    return credit


def add_credit(
    session: Session,
    *,
    article_id: int,
    role: str,
    name: str,
    reviewer: str,
    version_id: int | None = None,
) -> Edit:
    """Credit ``name`` with ``role`` on the article (or on one of its versions), last in order."""
    get_article_row(session, article_id)
    if version_id is not None:
        get_version_row(session, article_id, version_id)
    value = check_role(role)
    reviewer = checked_name(reviewer, "reviewer")
    holder = resolve_holder(session, name)
    same_place = (
        col(Credit.version_id).is_(None) if version_id is None else Credit.version_id == version_id
    )
    held = session.exec(
        select(Credit.id).where(
            Credit.article_id == article_id,
            same_place,
            Credit.role == value,
            _is(col(Credit.person_id), holder.person_id),
            _is(col(Credit.service_id), holder.service_id),
        )
    ).first()
    if held is not None:
        raise BadEdit(f"article {article_id}", f"{name!r} is already credited as {value}")
    last = session.exec(
        select(func.max(Credit.position)).where(Credit.article_id == article_id, same_place)
    ).one()
    credit = Credit(
        article_id=article_id,
        version_id=version_id,
        person_id=holder.person_id,
        service_id=holder.service_id,
        role=value,
        position=0 if last is None else int(last) + 1,
    )
    session.add(credit)
    session.flush()
    return record_edit(
        session,
        article_id=article_id,
        target="credit",
        target_id=credit.id,
        action="add-credit",
        before={},
        after={"credit": credit_row(credit), "name": name, "created_person": holder.created_person},
        reviewer=reviewer,
    )


def remove_credit(session: Session, *, article_id: int, credit_id: int, reviewer: str) -> Edit:
    """Remove one credit of the article (its undo puts it back with the same id and place)."""
    credit = get_credit_row(session, article_id, credit_id)
    reviewer = checked_name(reviewer, "reviewer")
    before = {"credit": credit_row(credit)}
    session.delete(credit)
    session.flush()
    return record_edit(
        session,
        article_id=article_id,
        target="credit",
        target_id=credit_id,
        action="remove-credit",
        before=before,
        after={},
        reviewer=reviewer,
    )


def set_credit_role(
    session: Session, *, article_id: int, credit_id: int, role: str, reviewer: str
) -> Edit | None:
    """Change a credit's role; None if it already has it."""
    credit = get_credit_row(session, article_id, credit_id)
    value = check_role(role)
    if credit.role == value:
        return None
    reviewer = checked_name(reviewer, "reviewer")
    old = credit.role
    credit.role = value
    session.add(credit)
    return record_edit(
        session,
        article_id=article_id,
        target="credit",
        target_id=credit_id,
        action="set-credit-role",
        before={"role": old},
        after={"role": value},
        reviewer=reviewer,
    )


def set_credit_person(
    session: Session, *, article_id: int, credit_id: int, name: str, reviewer: str
) -> Edit | None:
    """Give a credit to another person or service (named as for `add_credit`)."""
    credit = get_credit_row(session, article_id, credit_id)
    reviewer = checked_name(reviewer, "reviewer")
    holder = resolve_holder(session, name)
    if (credit.person_id, credit.service_id) == (holder.person_id, holder.service_id):
        return None
    before = {"person_id": credit.person_id, "service_id": credit.service_id}
    credit.person_id, credit.service_id = holder.person_id, holder.service_id
    session.add(credit)
    return record_edit(
        session,
        article_id=article_id,
        target="credit",
        target_id=credit_id,
        action="set-credit-person",
        before=before,
        after={
            "person_id": holder.person_id,
            "service_id": holder.service_id,
            "name": name,
            "created_person": holder.created_person,
        },
        reviewer=reviewer,
    )


def drop_created_person(session: Session, person_id: int | None) -> None:
    """Remove a person an edit added, unless something credits them by now."""
    if person_id is None:
        return
    used = session.exec(select(Credit.id).where(Credit.person_id == person_id)).first()
    if used is not None:
        return
    for alias in session.exec(select(PersonAlias).where(PersonAlias.person_id == person_id)).all():
        session.delete(alias)
    session.flush()
    person = session.get(Person, person_id)
    if person is not None:
        session.delete(person)
    session.flush()


def _undo_credit(session: Session, edit: Edit) -> None:
    assert edit.id is not None
    if edit.target_id is None or edit.article_id is None:
        raise UndoRefused(edit.id, "it was restored from an export and names no credit here")
    before, after = json.loads(edit.before), json.loads(edit.after)
    credit = session.get(Credit, edit.target_id)
    if edit.action == "remove-credit":
        if credit is not None:
            raise UndoRefused(edit.id, f"credit {edit.target_id} exists again")
        session.add(Credit(**before["credit"]))
        session.flush()
        return
    if credit is None or credit.article_id != edit.article_id:
        raise UndoRefused(edit.id, f"credit {edit.target_id} is gone")
    if edit.action == "add-credit":
        session.delete(credit)
        session.flush()
        drop_created_person(session, after.get("created_person"))
    elif edit.action == "set-credit-role":
        if credit.role != after["role"]:
            raise UndoRefused(edit.id, "the credit's role changed since")
        credit.role = before["role"]
        session.add(credit)
    elif edit.action == "set-credit-person":
        if (credit.person_id, credit.service_id) != (after["person_id"], after["service_id"]):
            raise UndoRefused(edit.id, "the credit's holder changed since")
        if before["person_id"] is not None and session.get(Person, before["person_id"]) is None:
            raise UndoRefused(edit.id, f"person {before['person_id']} is gone")
        credit.person_id, credit.service_id = before["person_id"], before["service_id"]
        session.add(credit)
        session.flush()
        drop_created_person(session, after.get("created_person"))
    else:
        raise UndoRefused(edit.id, f"unknown credit edit {edit.action!r}")
    session.flush()


def _credit_touches(edit: Edit) -> set[str]:
    after = json.loads(edit.after)
    keys = {f"credit:{edit.target_id}"}
    if after.get("created_person") is not None:
        keys.add(f"person:{after['created_person']}")
    return keys


register_undo("credit", _undo_credit, touches=_credit_touches)
