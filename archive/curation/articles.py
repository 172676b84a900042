"""Corrections of an article's title, dates and service, and of a version's language, kind and
``derived_from``: one `Edit` each, undone by setting the old value back."""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any

from sqlmodel import Session, col, select

from archive.curation.lookup import find_service, get_article_row, get_version_row
from archive.errors import (
    BadDate,
    BadEdit,
    ServiceNotFound,
    UndoRefused,
)
from archive.history import record_edit, register_undo
from archive.models import Article, Edit, Service, Version, VersionKind
from archive.reviewer import checked_name

# A language tag in the shapes the importer accepts (my, yue, zh-Hant, sr-Latn-RS, und).
_LANGUAGE = re.compile(r"[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*")
_MAX_TITLE = 2000


def parse_edit_date(field: str, value: str) -> dt.date | None:
    """``YYYY-MM-DD`` as a date, ``none`` (or empty) as None; else `BadDate` naming ``field``."""
    text = value.strip()
    if text.lower() in {"", "none"}:
        return None
    try:
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            raise ValueError(text)
        return dt.date.fromisoformat(text)
    except ValueError:
        raise BadDate(field, value) from None


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value is not None else None


def _record_change(
    session: Session,
    row: Article | Version,
    *,
    article_id: int | None,
    target: str,
    field: str,
    old: Any,
    new: Any,
    reviewer: str,
) -> Edit | None:
    """Record one field's change of an article or a version (None when nothing changes)."""
    if old == new:
        return None
    edit = record_edit(
        session,
        article_id=article_id,
        target=target,
        target_id=row.id,
        action=f"set-{field}",
        before={field: old},
        after={field: new},
        reviewer=checked_name(reviewer, "reviewer"),
    )
    session.add(row)
    return edit


def _change_article(
    session: Session,
    article: Article,
    *,
    field: str,
    old: Any,
    new: Any,
    reviewer: str,
) -> Edit | None:
    return _record_change(
        session,
        article,
        article_id=article.id,
        target="article",
        field=field,
        old=old,
        new=new,
        reviewer=reviewer,
    )


def set_title(session: Session, *, article_id: int, title: str, reviewer: str) -> Edit | None:
    """Correct the article's title (stored exactly as given); None if it is already that."""
    article = get_article_row(session, article_id)
    if not title.strip() or len(title) > _MAX_TITLE or "\x00" in title:
        raise BadEdit(f"article {article_id} title", "empty, too long or holds a NUL character")
    old = article.title
    article.title = title
    edit = _change_article(session, article, field="title", old=old, new=title, reviewer=reviewer)
    if edit is not None and article.title_derived:
        # A title a person typed is no longer one made from the lead.
        article.title_derived = False
        edit.before = json.dumps({"title": old, "title_derived": True}, ensure_ascii=False)
        session.add(edit)
    return edit


def set_date(
    session: Session, *, article_id: int, date: dt.date | None, reviewer: str
) -> Edit | None:
    """Correct the publication date (None: unknown); None if it is already that."""
    article = get_article_row(session, article_id)
    old = article.date
    article.date = date
    return _change_article(
        session, article, field="date", old=_iso(old), new=_iso(date), reviewer=reviewer
    )


def set_captured(
    session: Session, *, article_id: int, captured: dt.date | None, reviewer: str
) -> Edit | None:
    """Correct the date the page was saved (None: unknown); None if it is already that."""
    article = get_article_row(session, article_id)
    old = article.captured
    article.captured = captured
    return _change_article(
        session, article, field="captured", old=_iso(old), new=_iso(captured), reviewer=reviewer
    )


def set_service(
    session: Session, *, article_id: int, service: str | None, reviewer: str
) -> Edit | None:
    """Correct the originating service: ``service`` is an id, key, name or alias of a stored
    service (`find_service`), or None for none; None if it is already that."""
    article = get_article_row(session, article_id)
    new = find_service(session, service) if service is not None else None
    old = session.get(Service, article.service_id) if article.service_id else None
    article.service_id = new.id if new is not None else None
    return _change_article(
        session,
        article,
        field="service",
        old=old.key if old else None,
        new=new.key if new else None,
        reviewer=reviewer,
    )


def _service_id_of_key(session: Session, key: str | None) -> int | None:
    if key is None:
        return None
    found = session.exec(select(Service.id).where(Service.key == key)).first()
    if found is None:
        raise ServiceNotFound(key, "no longer in the archive")
    return found


def _date_of(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _current_article_value(session: Session, article: Article, field: str) -> Any:
    """The article's ``field`` as its edits record it (dates as text, the service by key)."""
    if field == "title":
        return article.title
    if field in {"date", "captured"}:
        return _iso(getattr(article, field))
    service = session.get(Service, article.service_id) if article.service_id else None
    return service.key if service else None


def _set_article_value(session: Session, article: Article, field: str, value: Any) -> None:
    if field == "title":
        article.title = value
    elif field in {"date", "captured"}:
        setattr(article, field, _date_of(value))
    else:
        article.service_id = _service_id_of_key(session, value)


_ARTICLE_FIELDS = frozenset({"title", "date", "captured", "service"})


def _undo_article(session: Session, edit: Edit) -> None:
    assert edit.id is not None
    if edit.target_id is None:
        raise UndoRefused(edit.id, "it was restored from an export and names no article here")
    article = get_article_row(session, edit.target_id)
    before, after = json.loads(edit.before), json.loads(edit.after)
    field = edit.action.removeprefix("set-")
    if field not in _ARTICLE_FIELDS:
        raise UndoRefused(edit.id, f"unknown article edit {edit.action!r}")
    if _current_article_value(session, article, field) != after[field]:
        raise UndoRefused(edit.id, f"the article's {field} changed since")
    _set_article_value(session, article, field, before[field])
    if before.get("title_derived"):
        article.title_derived = True
    session.add(article)
    session.flush()


def _article_touches(edit: Edit) -> set[str]:
    field = edit.action.removeprefix("set-")
    return {f"article:{edit.target_id}:{field}"}


register_undo("article", _undo_article, touches=_article_touches)


# --- versions -------------------------------------------------------------------------------


def _change_version(
    session: Session,
    version: Version,
    *,
    field: str,
    old: Any,
    new: Any,
    reviewer: str,
) -> Edit | None:
    edit = _record_change(
        session,
        version,
        article_id=version.article_id,
        target="version",
        field=field,
        old=old,
        new=new,
        reviewer=reviewer,
    )
    if edit is not None and field in {"language", "kind"}:
        _reindex(session, version)
    return edit


def _reindex(session: Session, version: Version) -> None:
    """The search index holds each segment's language and kind: index the version again."""
    from archive.search import index_ready, index_version

    session.flush()
    if index_ready(session=session):
        index_version(session=session, version=version)


def set_version_language(
    session: Session, *, article_id: int, version_id: int, language: str, reviewer: str
) -> Edit | None:
    """Correct a version's language (a tag like ``my``, ``zh-Hant``); the search index follows."""
    version = get_version_row(session, article_id, version_id)
    tag = language.strip()
    if not _LANGUAGE.fullmatch(tag):
        raise BadEdit(f"version {version_id} language {language[:20]!r}", "not a language tag")
    old = version.language
    version.language = tag
    return _change_version(session, version, field="language", old=old, new=tag, reviewer=reviewer)


def set_version_kind(
    session: Session, *, article_id: int, version_id: int, kind: str, reviewer: str
) -> Edit | None:
    """Correct a version's kind (original, translation, published, machine)."""
    version = get_version_row(session, article_id, version_id)
    value = kind.strip().lower()
    if value not in {k.value for k in VersionKind}:
        kinds = ", ".join(k.value for k in VersionKind)
        raise BadEdit(f"version {version_id} kind {kind[:20]!r}", f"not one of {kinds}")
    old = version.kind
    version.kind = value
    return _change_version(session, version, field="kind", old=old, new=value, reviewer=reviewer)


def set_derived_from(
    session: Session,
    *,
    article_id: int,
    version_id: int,
    derived_from: int | None,
    reviewer: str,
) -> Edit | None:
    """Correct which version of the same article this one was made from (None: none)."""
    version = get_version_row(session, article_id, version_id)
    if derived_from is not None:
        get_version_row(session, article_id, derived_from)
        _refuse_cycle(session, version_id, derived_from)
    old = version.derived_from_id
    version.derived_from_id = derived_from
    return _change_version(
        session, version, field="derived_from", old=old, new=derived_from, reviewer=reviewer
    )


def _refuse_cycle(session: Session, version_id: int, parent_id: int) -> None:
    seen = {version_id}
    current: int | None = parent_id
    while current is not None:
        if current in seen:
            raise BadEdit(
                f"version {version_id} derived_from {parent_id}",
                "would make the provenance chain a loop",
            )
        seen.add(current)
        current = session.exec(
            select(Version.derived_from_id).where(col(Version.id) == current)
        ).first()


def _undo_version(session: Session, edit: Edit) -> None:
    assert edit.id is not None
    if edit.target_id is None or edit.article_id is None:
        raise UndoRefused(edit.id, "it was restored from an export and names no version here")
    version = get_version_row(session, edit.article_id, edit.target_id)
    before, after = json.loads(edit.before), json.loads(edit.after)
    field = edit.action.removeprefix("set-")
    attribute = {"language": "language", "kind": "kind", "derived_from": "derived_from_id"}.get(
        field
    )
    if attribute is None:
        raise UndoRefused(edit.id, f"unknown version edit {edit.action!r}")
    if getattr(version, attribute) != after[field]:
        raise UndoRefused(edit.id, f"the version's {field} changed since")
    if field == "derived_from" and before[field] is not None:
        get_version_row(session, edit.article_id, before[field])
    setattr(version, attribute, before[field])
    session.add(version)
    if field in {"language", "kind"}:
        _reindex(session, version)
    session.flush()


def _version_touches(edit: Edit) -> set[str]:
    return {f"version:{edit.target_id}:{edit.action.removeprefix('set-')}"}


register_undo("version", _undo_version, touches=_version_touches)
