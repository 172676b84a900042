"""The history of people's corrections: one `Edit` row per edit, listed per article.

Every change a person makes to a bead or to provenance goes through `record_edit` in the same
transaction as the change itself, so the history can never disagree with the data. ``before``
and ``after`` hold just what changed, as JSON objects; the module that made an edit knows how to
undo it (and marks the row with `mark_undone`).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from sqlmodel import Session, col, select

from archive.errors import EditAlreadyUndone, EditNotFound
from archive.models import Edit, utcnow


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
    """Every edit of one article, oldest first (undone ones included, marked)."""
    rows = session.exec(
        select(Edit).where(Edit.article_id == article_id).order_by(col(Edit.id))
    ).all()
    return [EditEntry.of(row) for row in rows]


UndoFunction = Callable[[Session, Edit], None]
_UNDO: dict[str, UndoFunction] = {}


def register_undo(target: str, fn: UndoFunction) -> None:
    """Make the undo of edits of ``target`` call ``fn(session, edit)``, which reverts the change
    (or raises `UndoRefused` when the record changed since); the edit is then marked undone."""
    _UNDO[target] = fn


def all_history(session: Session, *, target: str | None = None) -> list[EditEntry]:
    """Every edit in the archive (of one target kind when given), oldest first."""
    query = select(Edit).order_by(col(Edit.id))
    if target is not None:
        query = query.where(Edit.target == target)
    return [EditEntry.of(row) for row in session.exec(query).all()]
