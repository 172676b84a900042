"""Several corrections of one article made together: what ``archive edit`` and the TUI's edit
form ask for, applied in one transaction in a fixed order."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlmodel import Session

from archive.curation.articles import (
    set_captured,
    set_date,
    set_derived_from,
    set_service,
    set_title,
    set_version_kind,
    set_version_language,
)
from archive.curation.credits import add_credit, remove_credit, set_credit_person, set_credit_role
from archive.models import Edit

#: A field left as it is (``None`` means "set to none" for dates and the service).
UNCHANGED = "unchanged"


@dataclass
class ArticleChanges:
    """Corrections to make to one article; each field left at its default changes nothing."""

    title: str | None = None
    date: dt.date | str | None = UNCHANGED
    captured: dt.date | str | None = UNCHANGED
    service: str | None = UNCHANGED  # id, key, name or alias; None: no service
    add_credits: list[tuple[str, str]] = field(default_factory=list)  # (role, name)
    remove_credits: list[int] = field(default_factory=list)
    credit_roles: list[tuple[int, str]] = field(default_factory=list)  # (credit id, role)
    credit_people: list[tuple[int, str]] = field(default_factory=list)  # (credit id, name)
    version_languages: list[tuple[int, str]] = field(default_factory=list)
    version_kinds: list[tuple[int, str]] = field(default_factory=list)
    derived_from: list[tuple[int, int | None]] = field(default_factory=list)

    def empty(self) -> bool:
        """Whether nothing is asked."""
        return self == ArticleChanges()


def apply_changes(
    session: Session, *, article_id: int, changes: ArticleChanges, reviewer: str
) -> list[Edit]:
    """Make every change (credits first, then the article's fields, then versions) in the
    caller's transaction; return the edits made (a value already held makes none)."""
    made: list[Edit | None] = []
    for credit_id in changes.remove_credits:
        made.append(
            remove_credit(session, article_id=article_id, credit_id=credit_id, reviewer=reviewer)
        )
    for credit_id, role in changes.credit_roles:
        made.append(
            set_credit_role(
                session, article_id=article_id, credit_id=credit_id, role=role, reviewer=reviewer
            )
        )
    for credit_id, name in changes.credit_people:
        made.append(
            set_credit_person(
                session, article_id=article_id, credit_id=credit_id, name=name, reviewer=reviewer
            )
        )
    for role, name in changes.add_credits:
        made.append(
            add_credit(session, article_id=article_id, role=role, name=name, reviewer=reviewer)
        )
    if changes.title is not None:
        made.append(
            set_title(session, article_id=article_id, title=changes.title, reviewer=reviewer)
        )
    if not isinstance(changes.date, str):
        made.append(set_date(session, article_id=article_id, date=changes.date, reviewer=reviewer))
    if not isinstance(changes.captured, str):
        made.append(
            set_captured(
                session, article_id=article_id, captured=changes.captured, reviewer=reviewer
            )
        )
    if changes.service != UNCHANGED:
        made.append(
            set_service(session, article_id=article_id, service=changes.service, reviewer=reviewer)
        )
    for version_id, language in changes.version_languages:
        made.append(
            set_version_language(
                session,
                article_id=article_id,
                version_id=version_id,
                language=language,
                reviewer=reviewer,
            )
        )
    for version_id, kind in changes.version_kinds:
        made.append(
            set_version_kind(
                session, article_id=article_id, version_id=version_id, kind=kind, reviewer=reviewer
            )
        )
    for version_id, parent in changes.derived_from:
        made.append(
            set_derived_from(
                session,
                article_id=article_id,
                version_id=version_id,
                derived_from=parent,
                reviewer=reviewer,
            )
        )
    return [edit for edit in made if edit is not None]
