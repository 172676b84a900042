"""Errors the library raises; the CLI turns each into one line on stderr."""

from __future__ import annotations

from pathlib import Path


class ArchiveError(Exception):
    """Base of every error the archive raises on purpose."""


class ImportFailed(ArchiveError):
    """A file or record could not be imported."""

    def __init__(self, path: str | Path, reason: str, *, line: int | None = None) -> None:
        self.path = str(path)
        self.reason = reason
        self.line = line
        where = f"{self.path}:{line}" if line is not None else self.path
        super().__init__(f"{where}: {reason}")


class ArticleNotFound(ArchiveError):
    """No article has the id asked for."""

    def __init__(self, article_id: int) -> None:
        self.article_id = article_id
        super().__init__(f"article {article_id}: no such article")


class SearchSyntaxError(ArchiveError):
    """A search query could not be understood."""

    def __init__(self, query: str, detail: str) -> None:
        self.query = query
        self.detail = detail
        super().__init__(f"search query {query[:60]!r}: {detail}")


class ModelPackageMissing(ArchiveError):
    """No installed translation package covers a language pair."""

    def __init__(self, source: str, target: str) -> None:
        self.source = source
        self.target = target
        super().__init__(f"no translation package installed for {source} -> {target}")


class InvalidModelPackage(ArchiveError):
    """A translation package file is broken or unsafe."""

    def __init__(self, path: str | Path, reason: str) -> None:
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")


class DatabaseError(ArchiveError):
    """The archive database could not be opened or written."""
