"""The search back-ends: which module serves a database dialect, and what each provides."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, Protocol

from sqlalchemy import Connection
from sqlmodel import Session

from archive.search.plan import Index, PlannedClause
from archive.search.query import Filters

__all__ = ["Backend", "backend_for", "dialect_of"]


class Backend(Protocol):
    """What a search back-end module provides (`archive.search.sqlite`, `.postgres`)."""

    def compile_search(
        self,
        clauses: Sequence[PlannedClause],
        filters: Filters,
        *,
        limit: int,
        offset: int,
        raw: tuple[Index, str] | None = None,
    ) -> tuple[str, dict[str, Any]]: ...

    def delete_versions(self, conn: Connection, version_ids: Sequence[int]) -> None: ...

    def insert_rows(self, conn: Connection, rows: Iterable[Any]) -> int: ...

    def clear_index(self, conn: Connection) -> None: ...


def backend_for(dialect: str) -> Backend | None:
    """The search back-end module for a database dialect, or None."""
    if dialect == "sqlite":
        from archive.search import sqlite

        return sqlite
    if dialect == "postgresql":
        from archive.search import postgres

        return postgres
    return None


def dialect_of(session: Session) -> str:
    """The dialect name of the database ``session`` is bound to."""
    return session.get_bind().dialect.name
