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


class ArchiveMissing(DatabaseError):
    """No archive exists where a command that does not create one was pointed."""

    def __init__(self, location: str) -> None:
        self.location = location
        super().__init__(f"no archive at {location} (archive import creates one)")


class NotAnArchive(DatabaseError):
    """The database exists but holds no archive (another program's file or database)."""

    def __init__(self, location: str, detail: str = "") -> None:
        self.location = location
        super().__init__(f"{location}: not an archive{f' ({detail})' if detail else ''}")


class SchemaMismatch(DatabaseError):
    """The archive's schema is newer than this program, or older and may not be upgraded here."""

    def __init__(self, location: str, revision: str, head: str | None, *, newer: bool) -> None:
        self.location = location
        self.revision = revision
        self.head = head
        if newer:
            reason = (
                f"archive schema {revision} is newer than this version of the archive knows "
                f"(newest: {head}); upgrade translation-archive to open it"
            )
        else:
            reason = (
                f"archive schema {revision} is older than this version needs ({head}); "
                "run `archive db upgrade` (or any import) to upgrade it"
            )
        super().__init__(f"{location}: {reason}")


class PersonNotFound(ArchiveError):
    """No person has the id or exact name asked for (or the name is ambiguous)."""

    def __init__(self, ref: str, detail: str = "no such person") -> None:
        self.ref = ref
        super().__init__(f"person {ref}: {detail}")


class ServiceNotFound(ArchiveError):
    """No service has the id, key, name or alias asked for (or it names several)."""

    def __init__(self, ref: str, detail: str = "no such service") -> None:
        self.ref = ref
        super().__init__(f"service {ref}: {detail}")


class CreditNotFound(ArchiveError):
    """No credit of the article has the id asked for."""

    def __init__(self, credit_id: int, article_id: int | None = None) -> None:
        self.credit_id = credit_id
        self.article_id = article_id
        where = f" on article {article_id}" if article_id is not None else ""
        super().__init__(f"credit {credit_id}: no such credit{where}")


class VersionNotFound(ArchiveError):
    """No version of the article has the id asked for."""

    def __init__(self, version_id: int, article_id: int | None = None) -> None:
        self.version_id = version_id
        self.article_id = article_id
        where = f" of article {article_id}" if article_id is not None else ""
        super().__init__(f"version {version_id}: no such version{where}")


class BadDate(ArchiveError):
    """A date given for an edit is not a calendar date in YYYY-MM-DD form."""

    def __init__(self, field: str, value: str) -> None:
        self.field = field
        self.value = value
        super().__init__(f"{field} {value[:40]!r}: not a date (YYYY-MM-DD, or none)")


class BadEdit(ArchiveError):
    """A correction that cannot be made as asked (empty title, unknown role, a cycle …)."""

    def __init__(self, what: str, reason: str) -> None:
        self.what = what
        self.reason = reason
        super().__init__(f"{what}: {reason}")


class AlignmentNotFound(ArchiveError):
    """No stored alignment has the id (or the pair of versions) asked for."""

    def __init__(self, what: str) -> None:
        self.what = what
        super().__init__(f"alignment {what}: no such alignment")


class BeadNotFound(ArchiveError):
    """No bead has the id (or position) asked for."""

    def __init__(self, bead: int | str) -> None:
        self.bead = bead
        super().__init__(f"bead {bead}: no such bead")


class BeadEditRefused(ArchiveError):
    """A bead edit that cannot be made here (the base of the narrower refusals below)."""

    def __init__(self, position: int, reason: str) -> None:
        self.position = position
        self.reason = reason
        super().__init__(f"bead {position + 1}: {reason}")


class NothingToMerge(BeadEditRefused):
    """Merging the first bead with a previous one, or the last with a next one."""


class NotSplittable(BeadEditRefused):
    """A bead too small to split, or a split point outside the bead."""


class NothingToMove(BeadEditRefused):
    """Moving a sentence a bead does not have, or past the first or last bead."""


class UndoRefused(ArchiveError):
    """An edit cannot be undone: a later edit depends on it, or the record changed since."""

    def __init__(self, edit_id: int, reason: str) -> None:
        self.edit_id = edit_id
        self.reason = reason
        super().__init__(f"edit {edit_id}: cannot be undone: {reason}")
