"""Correcting provenance: articles' titles, dates and services, credits, versions, people.

Every function takes the session and the reviewer's name, checks what it is asked (one-line
`archive.errors` on bad input), makes the change and records it with
`archive.history.record_edit` in the same transaction (the caller commits), so
`archive.history.undo_edit` can undo it exactly. Stored text is never changed.
Importing this package registers the undo of every edit it makes.
"""

from __future__ import annotations

from archive.curation.articles import (
    parse_edit_date,
    set_captured,
    set_date,
    set_derived_from,
    set_service,
    set_title,
    set_version_kind,
    set_version_language,
)
from archive.curation.batch import ArticleChanges, apply_changes
from archive.curation.credits import add_credit, remove_credit, set_credit_person, set_credit_role
from archive.curation.lookup import find_person, find_service
from archive.curation.people import (
    merge_people,
    merge_services,
    split_person,
    split_service,
)

__all__ = [
    "ArticleChanges",
    "add_credit",
    "apply_changes",
    "find_person",
    "find_service",
    "merge_people",
    "merge_services",
    "parse_edit_date",
    "remove_credit",
    "set_captured",
    "set_credit_person",
    "set_credit_role",
    "set_date",
    "set_derived_from",
    "set_service",
    "set_title",
    "set_version_kind",
    "set_version_language",
    "split_person",
    "split_service",
]
