"""Merging two people (or two services) recorded under different spellings, and splitting
them again.

A merge moves every credit (and, for services, every article) of the absorbed row to the
kept one, keeps the absorbed row's spellings as aliases of the kept one, and deletes the
absorbed row. A credit the kept row already holds in the same place and role is dropped rather
than doubled. The edit records everything it moved, dropped and deleted, so the split (the
undo of the merge) restores the absorbed row, its aliases and its credits with their ids.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from sqlmodel import Session, col, select

from archive.curation.lookup import credit_row, find_person, find_service
from archive.errors import BadEdit, UndoRefused
from archive.history import record_edit, register_undo, undo_edit
from archive.models import (
    Article,
    Credit,
    Edit,
    Person,
    PersonAlias,
    Service,
    ServiceAlias,
)
from archive.reviewer import checked_name


def _move_credits(
    session: Session, column: str, keep: int, absorb: int
) -> tuple[list[int], list[dict[str, Any]], set[int]]:
    """Credits of ``absorb`` go to ``keep``; doubles are deleted. Returns (moved ids, deleted
    rows, articles touched)."""
    owner = getattr(Credit, column)
    held = {
        (c.article_id, c.version_id, c.role)
        for c in session.exec(select(Credit).where(owner == keep)).all()
    }
    moved: list[int] = []
    deleted: list[dict[str, Any]] = []
    articles: set[int] = set()
    for credit in session.exec(
        select(Credit).where(owner == absorb).order_by(col(Credit.id))
    ).all():
        assert credit.id is not None
        articles.add(credit.article_id)
        place = (credit.article_id, credit.version_id, credit.role)
        if place in held:
            deleted.append(credit_row(credit))
            session.delete(credit)
        else:
            held.add(place)
            setattr(credit, column, keep)
            session.add(credit)
            moved.append(credit.id)
    session.flush()
    return moved, deleted, articles


def _move_aliases(
    session: Session,
    table: Any,
    column: str,
    keep: int,
    absorb: int,
    name: str,
) -> tuple[list[int], list[dict[str, Any]], int | None]:
    """Spellings of ``absorb`` become spellings of ``keep`` (its name too). Returns (moved
    ids, deleted rows, the id of the alias added for the absorbed row's name)."""
    owner = getattr(table, column)
    kept = set(session.exec(select(table.alias).where(owner == keep)).all())
    moved: list[int] = []
    deleted: list[dict[str, Any]] = []
    for alias in session.exec(select(table).where(owner == absorb).order_by(col(table.id))).all():
        assert alias.id is not None
        if alias.alias in kept:
            deleted.append({"id": alias.id, column: absorb, "alias": alias.alias})
            session.delete(alias)
        else:
            kept.add(alias.alias)
            setattr(alias, column, keep)
            session.add(alias)
            moved.append(alias.id)
    session.flush()
    added: int | None = None
    if name not in kept:
        row = table(**{column: keep, "alias": name})
        session.add(row)
        session.flush()
        added = row.id
    return moved, deleted, added


def merge_people(session: Session, *, keep: str, absorb: str, reviewer: str) -> Edit:
    """Merge the person ``absorb`` into ``keep`` (each an id or exact name; see the module
    docs). Returns the edit, whose undo (`split_person`) splits them again."""
    reviewer = checked_name(reviewer, "reviewer")
    kept, gone = find_person(session, keep), find_person(session, absorb)
    assert kept.id is not None and gone.id is not None
    if kept.id == gone.id:
        raise BadEdit(f"person {kept.id}", "cannot be merged with itself")
    person = {"id": gone.id, "key": gone.key, "name": gone.name}
    moved, deleted, articles = _move_credits(session, "person_id", kept.id, gone.id)
    aliases_moved, aliases_deleted, alias_added = _move_aliases(
        session, PersonAlias, "person_id", kept.id, gone.id, gone.name
    )
    session.delete(gone)
    session.flush()
    return record_edit(
        session,
        article_id=None,
        target="person",
        target_id=kept.id,
        action="merge-people",
        before={"person": person, "credits_deleted": deleted, "aliases_deleted": aliases_deleted},
        after={
            "into": {"id": kept.id, "name": kept.name},
            "credits_moved": moved,
            "aliases_moved": aliases_moved,
            "alias_added": alias_added,
            "articles": sorted(articles),
        },
        reviewer=reviewer,
    )


def merge_services(session: Session, *, keep: str, absorb: str, reviewer: str) -> Edit:
    """Merge the service ``absorb`` into ``keep`` (ids, keys, names or aliases): its articles,
    credits and spellings move over. Its undo (`split_service`) splits them again."""
    reviewer = checked_name(reviewer, "reviewer")
    kept, gone = find_service(session, keep), find_service(session, absorb)
    assert kept.id is not None and gone.id is not None
    if kept.id == gone.id:
        raise BadEdit(f"service {kept.id}", "cannot be merged with itself")
    service = {
        "id": gone.id,
        "key": gone.key,
        "name": gone.name,
        "organization": gone.organization,
        "language": gone.language,
    }
    moved, deleted, articles = _move_credits(session, "service_id", kept.id, gone.id)
    published: list[int] = []
    for article in session.exec(
        select(Article).where(Article.service_id == gone.id).order_by(col(Article.id))
    ):
        assert article.id is not None
        article.service_id = kept.id
        session.add(article)
        published.append(article.id)
    aliases_moved, aliases_deleted, alias_added = _move_aliases(
        session, ServiceAlias, "service_id", kept.id, gone.id, gone.name
    )
    session.flush()
    session.delete(gone)
    session.flush()
    return record_edit(
        session,
        article_id=None,
        target="service",
        target_id=kept.id,
        action="merge-services",
        before={
            "service": service,
            "credits_deleted": deleted,
            "aliases_deleted": aliases_deleted,
        },
        after={
            "into": {"id": kept.id, "name": kept.name},
            "credits_moved": moved,
            "articles_moved": published,
            "aliases_moved": aliases_moved,
            "alias_added": alias_added,
            "articles": sorted(articles | set(published)),
        },
        reviewer=reviewer,
    )


def _latest_merge(session: Session, target: str, kept_id: int) -> Edit | None:
    return session.exec(
        select(Edit)
        .where(
            Edit.target == target,
            Edit.target_id == kept_id,
            col(Edit.action).like("merge-%"),
            col(Edit.undone_at).is_(None),
        )
        .order_by(col(Edit.id).desc())
    ).first()


def split_person(session: Session, *, person: str, reviewer: str) -> Edit:
    """Undo the latest merge into ``person`` (an id or exact name): the absorbed person comes
    back with their id, spellings and credits. Returns the merge edit, now undone."""
    reviewer = checked_name(reviewer, "reviewer")
    kept = find_person(session, person)
    assert kept.id is not None
    merge = _latest_merge(session, "person", kept.id)
    if merge is None or merge.id is None:
        raise BadEdit(f"person {kept.id}", "has no merge to split")
    return undo_edit(session, merge.id, by=reviewer)


def split_service(session: Session, *, service: str, reviewer: str) -> Edit:
    """Undo the latest merge into ``service``; see `split_person`."""
    reviewer = checked_name(reviewer, "reviewer")
    kept = find_service(session, service)
    assert kept.id is not None
    merge = _latest_merge(session, "service", kept.id)
    if merge is None or merge.id is None:
        raise BadEdit(f"service {kept.id}", "has no merge to split")
    return undo_edit(session, merge.id, by=reviewer)


def _check_moved(
    edit_id: int, session: Session, rows: Sequence[Any], column: str, keep: int, what: str
) -> None:
    for row in rows:
        if row is None or getattr(row, column) != keep:
            raise UndoRefused(edit_id, f"a {what} it moved is gone or moved again")


def _undo_merge(session: Session, edit: Edit) -> None:
    assert edit.id is not None
    if edit.target_id is None:
        raise UndoRefused(edit.id, "it was restored from an export and names no row here")
    before, after = json.loads(edit.before), json.loads(edit.after)
    people = edit.target == "person"
    model: Any = Person if people else Service
    alias_model: Any = PersonAlias if people else ServiceAlias
    column = "person_id" if people else "service_id"
    old = before["person" if people else "service"]
    keep = edit.target_id
    if session.get(model, old["id"]) is not None:
        raise UndoRefused(edit.id, f"{edit.target} id {old['id']} is taken again")
    if session.exec(select(model.id).where(model.key == old["key"])).first() is not None:
        raise UndoRefused(
            edit.id, f"a {edit.target} with the key {old['key']!r} was added since (an import?)"
        )
    credits = [session.get(Credit, i) for i in after["credits_moved"]]
    _check_moved(edit.id, session, credits, column, keep, "credit")
    aliases = [session.get(alias_model, i) for i in after["aliases_moved"]]
    _check_moved(edit.id, session, aliases, column, keep, "spelling")
    articles = [session.get(Article, i) for i in after.get("articles_moved", [])]
    _check_moved(edit.id, session, articles, "service_id", keep, "article")
    for row in before["credits_deleted"]:
        if session.get(Credit, row["id"]) is not None:
            raise UndoRefused(edit.id, f"credit id {row['id']} is taken again")
    session.add(model(**old))
    session.flush()
    for row in [*credits, *aliases, *articles]:
        setattr(row, column, old["id"])
        session.add(row)
    if after.get("alias_added") is not None:
        added = session.get(alias_model, after["alias_added"])
        if added is not None:
            session.delete(added)
    session.flush()
    for data in before["aliases_deleted"]:
        session.add(alias_model(**data))
    for data in before["credits_deleted"]:
        session.add(Credit(**data))
    session.flush()


def _merge_touches(edit: Edit) -> set[str]:
    before, after = json.loads(edit.before), json.loads(edit.after)
    old = before.get("person") or before.get("service") or {}
    keys = {f"{edit.target}:{edit.target_id}", f"{edit.target}:{old.get('id')}"}
    keys |= {f"credit:{i}" for i in after.get("credits_moved", [])}
    keys |= {f"credit:{row['id']}" for row in before.get("credits_deleted", [])}
    keys |= {f"article:{i}:service" for i in after.get("articles_moved", [])}
    return keys


register_undo("person", _undo_merge, touches=_merge_touches)
register_undo("service", _undo_merge, touches=_merge_touches)
