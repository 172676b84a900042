"""The history of people's corrections: one `Edit` row per edit, listed per article.

Every change a person makes to a bead or to provenance goes through `record_edit` in the same
transaction as the change itself, so the history can never disagree with the data. ``before``
and ``after`` hold just what changed, as JSON objects; the module that made an edit knows how to
undo it (and marks the row with `mark_undone`).
"""

from __future__ import annotations

import datetime as dt
import importlib
import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from sqlmodel import Session, col, select

from archive.errors import EditAlreadyUndone, EditNotFound, UndoRefused
from archive.models import Edit, utcnow

UndoFunction = Callable[[Session, Edit], None]
TouchesFunction = Callable[[Edit], set[str]]

_UNDO: dict[str, UndoFunction] = {}
_TOUCHES: dict[str, TouchesFunction] = {}

#: Modules that register undo functions when imported; `undo_edit` imports them first, so an
#: undo works whichever part of the archive the caller loaded. A module not present is skipped.
UNDO_MODULES = ("archive.curation", "archive.alignments.edits")


@dataclass(frozen=True)
class EditEntry:
    """One edit as the history shows it."""

    id: int
    article_id: int | None
    target: str
    target_id: int | None
    action: str
    before: dict[str, Any]
    after: dict[str, Any]
    reviewer: str
    at: dt.datetime
    undone_at: dt.datetime | None
    undone_by: str | None

    @classmethod
    def of(cls, row: Edit) -> EditEntry:
        assert row.id is not None
        return cls(
            id=row.id,
            article_id=row.article_id,
            target=row.target,
            target_id=row.target_id,
            action=row.action,
            before=json.loads(row.before),
            after=json.loads(row.after),
            reviewer=row.reviewer,
            at=row.created_at,
            undone_at=row.undone_at,
            undone_by=row.undone_by,
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "article": self.article_id,
            "target": self.target,
            "target_id": self.target_id,
            "action": self.action,
            "before": self.before,
            "after": self.after,
            "reviewer": self.reviewer,
            "at": self.at.isoformat(),
            "undone_at": self.undone_at.isoformat() if self.undone_at else None,
            "undone_by": self.undone_by,
        }


def _json(value: Mapping[str, Any]) -> str:
    return json.dumps(dict(value), ensure_ascii=False, sort_keys=True, default=str)


def record_edit(
    session: Session,
    *,
    article_id: int | None,
    target: str,
    target_id: int | None,
    action: str,
    before: Mapping[str, Any],
    after: Mapping[str, Any],
    reviewer: str,
) -> Edit:
    """Add the edit record to ``session`` (the caller commits it with the change) and return it."""
    row = Edit(
        article_id=article_id,
        target=target,
        target_id=target_id,
        action=action,
        before=_json(before),
        after=_json(after),
        reviewer=reviewer,
    )
    session.add(row)
    session.flush()
    return row


def get_edit(session: Session, edit_id: int) -> Edit:
    """The edit row, or `EditNotFound`."""
    row = session.get(Edit, edit_id)
    if row is None:
        raise EditNotFound(edit_id)
    return row


def mark_undone(session: Session, edit_id: int, *, by: str) -> Edit:
    """Mark an edit undone (the caller has reverted its change in the same transaction)."""
    row = get_edit(session, edit_id)
    if row.undone_at is not None:
        raise EditAlreadyUndone(edit_id)
    row.undone_at = utcnow()
    row.undone_by = by
    session.add(row)
    session.flush()
    return row


def article_history(session: Session, article_id: int) -> list[EditEntry]:
    """Every edit of one article, oldest first (undone ones included, marked).

    Edits of no single article (merging two people or services) are listed too when they
    changed this article's credits or service: they name it in ``after["articles"]``.
    """
    rows = session.exec(
        select(Edit)
        .where((col(Edit.article_id) == article_id) | col(Edit.article_id).is_(None))
        .order_by(col(Edit.id))
    ).all()
    return [
        EditEntry.of(row)
        for row in rows
        if row.article_id == article_id or article_id in _named_articles(row)
    ]


def _named_articles(row: Edit) -> list[int]:
    articles = json.loads(row.after).get("articles")
    return [a for a in articles if isinstance(a, int)] if isinstance(articles, list) else []


def register_undo(target: str, fn: UndoFunction, *, touches: TouchesFunction | None = None) -> None:
    """Make `undo_edit` undo edits of ``target`` with ``fn(session, edit)``.

    ``fn`` reverts the change (or raises `UndoRefused` when the record changed since); the
    edit is then marked undone. ``touches(edit)`` names what an edit changed, as strings like
    ``"article:5:title"``; an edit is not undone while a later edit touches any of the same
    (default: ``"TARGET:ID:KEY"`` for each key of ``before`` and ``after``).
    """
    _UNDO[target] = fn
    if touches is not None:
        _TOUCHES[target] = touches


def touched(row: Edit) -> set[str]:
    """What an edit changed (see `register_undo`)."""
    fn = _TOUCHES.get(row.target)
    if fn is not None:
        return fn(row)
    keys = set(json.loads(row.before)) | set(json.loads(row.after))
    base = f"{row.target}:{row.target_id}"
    return {f"{base}:{key}" for key in keys} or {base}


def _load_undo_modules() -> None:
    for name in UNDO_MODULES:
        try:
            importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name != name:
                raise


def blocking_edit(session: Session, row: Edit) -> Edit | None:
    """The first later edit, not undone, that changed something ``row`` changed; else None."""
    mine = touched(row)
    query = select(Edit).where(col(Edit.id) > row.id, col(Edit.undone_at).is_(None))
    if row.article_id is not None:
        # An edit of one article can only share a record with later edits of that article
        # or with edits of no single article (merges); a merge is checked against all.
        query = query.where(
            (col(Edit.article_id) == row.article_id) | col(Edit.article_id).is_(None)
        )
    later = session.exec(query.order_by(col(Edit.id))).all()
    return next((other for other in later if mine & touched(other)), None)


def undo_edit(session: Session, edit_id: int, *, by: str) -> Edit:
    """Undo one edit in ``session``'s transaction (the caller commits) and mark it undone.

    Raises:
        EditNotFound, EditAlreadyUndone: no such edit, or undone already.
        UndoRefused: a later edit (named) depends on it, the record changed since, or no
            module knows how to undo edits of its kind.
    """
    _load_undo_modules()
    row = get_edit(session, edit_id)
    if row.undone_at is not None:
        raise EditAlreadyUndone(edit_id)
    if row.target_id is None:
        raise UndoRefused(
            edit_id, "it was restored from an export and names no record of this archive"
        )
    fn = _UNDO.get(row.target)
    if fn is None:
        raise UndoRefused(edit_id, f"{row.target} edits cannot be undone with archive undo")
    blocker = blocking_edit(session, row)
    if blocker is not None:
        raise UndoRefused(
            edit_id,
            f"edit {blocker.id} ({blocker.action} by {blocker.reviewer}) changed the same "
            f"record later; undo edit {blocker.id} first",
        )
    fn(session, row)
    return mark_undone(session, edit_id, by=by)


def all_history(session: Session, *, target: str | None = None) -> list[EditEntry]:
    """Every edit in the archive (of one target kind when given), oldest first."""
    query = select(Edit).order_by(col(Edit.id))
    if target is not None:
        query = query.where(Edit.target == target)
    return [EditEntry.of(row) for row in session.exec(query).all()]


# --- export and re-import -------------------------------------------------------------------


def history_json(
    session: Session, article_id: int, version_index: Mapping[int | None, int]
) -> list[dict[str, Any]]:
    """The article's edits for a JSONL export: `EditEntry.to_json`, plus ``target_index`` (the
    version's index in the record) for edits of a version."""
    out = []
    for entry in article_history(session, article_id):
        data = entry.to_json()
        if entry.target == "version" and entry.target_id in version_index:
            data["target_index"] = version_index[entry.target_id]
        out.append(data)
    return out


# Version edits whose before and after hold no ids, so they can be undone in another archive.
_PORTABLE_VERSION_EDITS = frozenset({"set-language", "set-kind"})


def _when(value: Any) -> dt.datetime | None:
    if not isinstance(value, str):
        return None
    try:
        return dt.datetime.fromisoformat(value)
    except ValueError:
        return None


def _edit_parts(item: Any) -> tuple[str, str, str, dt.datetime] | None:
    """(target, action, reviewer, time) of an exported edit, or None if it is not one."""
    if not isinstance(item, dict):
        return None
    target, action, reviewer = item.get("target"), item.get("action"), item.get("reviewer")
    at = _when(item.get("at"))
    if not (isinstance(target, str) and isinstance(action, str) and isinstance(reviewer, str)):
        return None
    if at is None or not isinstance(item.get("before"), dict):
        return None
    if not isinstance(item.get("after"), dict) or not (target and action and reviewer):
        return None
    return target, action, reviewer, at


def restore_history(
    session: Session, article_id: int, items: Any, version_ids: Mapping[int, int | None]
) -> tuple[int, list[str]]:
    """Add the edits of an exported record to the article it was imported as.

    They keep who, when, what and whether they were undone; ids in ``before``/``after`` are the
    exporting archive's, so only edits of the article's fields and of a version's language or
    kind (found through ``target_index`` and ``version_ids``) stay undoable here; the others
    keep no target and `undo_edit` refuses them. An edit already restored (same action,
    reviewer and time) is skipped. Returns (how many were added, what was skipped and why).
    """
    if not isinstance(items, list):
        return 0, ["edits is not a list"] if items is not None else []
    held = {
        (row.action, row.reviewer, row.created_at.replace(tzinfo=None))
        for row in session.exec(select(Edit).where(Edit.article_id == article_id)).all()
    }
    added, skipped = 0, []
    for n, item in enumerate(items):
        parts = _edit_parts(item)
        if parts is None:
            skipped.append(f"edits[{n}]: not an edit record")
            continue
        target, action, reviewer, at = parts
        if (action, reviewer, at.replace(tzinfo=None)) in held:
            continue
        target_id: int | None = None
        if target == "article":
            target_id = article_id
        elif action in _PORTABLE_VERSION_EDITS and isinstance(item.get("target_index"), int):
            target_id = version_ids.get(item["target_index"])
        undone_by = item.get("undone_by")
        session.add(
            Edit(
                article_id=article_id,
                target=target,
                target_id=target_id,
                action=action,
                before=_json(item["before"]),
                after=_json(item["after"]),
                reviewer=reviewer,
                created_at=at,
                undone_at=_when(item.get("undone_at")),
                undone_by=undone_by if isinstance(undone_by, str) else None,
            )
        )
        added += 1
    session.flush()
    return added, skipped
