"""Every error the library raises on purpose: `ArchiveError` and its narrow subclasses.

The CLI turns each into one line on stderr (exit 1); the terminal UI shows its message. So
each message names the thing (file, article, version, bead …) and the problem, on one line.
Groups: import, not found, edits refused, search, machine translation, export and copy,
database.
"""

from __future__ import annotations

import datetime as dt
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


class RecordError(ArchiveError):
    """A JSONL record that does not fit the schema; the message says which field."""


class NotAnArticle(ImportFailed):
    """A captured HTML page that is not a story (a section front, an index, a page of links)."""


class UnstorableText(ArchiveError):
    """A record holds text the archive's database cannot store (NUL on PostgreSQL)."""

    def __init__(self, field: str, reason: str) -> None:
        self.field = field
        self.reason = reason
        super().__init__(f"{field} {reason}")


class UnnamedService(ArchiveError):
    """A record or a filter names a service with no name in it ("Service", "The Service")."""

    def __init__(self, text: str, detail: str) -> None:
        self.text = text
        super().__init__(f"service {text!r} names no service ({detail})")


# -------------------------------------------------------------------------- not found


class NotFound(ArchiveError):
    """Nothing in the archive has the id or name asked for."""


class ArticleNotFound(NotFound):
    """No article has the id asked for."""

    def __init__(self, article_id: int) -> None:
        self.article_id = article_id
        super().__init__(f"article {article_id}: no such article")


class VersionNotFound(NotFound):
    """No version (of the article, when given) has the id asked for."""

    def __init__(self, version_id: int, article_id: int | None = None) -> None:
        self.version_id = version_id
        self.article_id = article_id
        where = f" of article {article_id}" if article_id is not None else ""
        super().__init__(f"version {version_id}: no such version{where}")


class VersionNotInArticle(VersionNotFound):
    """A version asked for as one of an article's is not one of them."""

    def __init__(self, article_id: int, version_id: int, *, known: str | None = None) -> None:
        self.article_id = article_id
        self.version_id = version_id
        where = f" (its versions: {known})" if known is not None else ""
        NotFound.__init__(self, f"article {article_id}: no version {version_id}{where}")


class AlignmentNotFound(NotFound):
    """No stored alignment has the id (or the pair of versions) asked for."""

    def __init__(self, alignment_id: int | str) -> None:
        self.alignment_id = alignment_id
        super().__init__(f"alignment {alignment_id}: no such alignment")


class BeadNotFound(NotFound):
    """No bead (alignment link) has the id (or position) asked for."""

    def __init__(self, link_id: int | str) -> None:
        self.link_id = link_id
        super().__init__(f"bead {link_id}: no such bead")


class PersonNotFound(NotFound):
    """No person has the id or exact name asked for (or the name is ambiguous)."""

    def __init__(self, ref: int | str, detail: str = "no such person") -> None:
        self.ref = ref
        super().__init__(f"person {ref}: {detail}")


class ServiceNotFound(NotFound):
    """No service has the id, key, name or alias asked for (or it names several)."""

    def __init__(self, ref: int | str, detail: str = "no such service") -> None:
        self.ref = ref
        super().__init__(f"service {ref}: {detail}")


class CreditNotFound(NotFound):
    """No credit of the article has the id asked for."""

    def __init__(self, credit_id: int, article_id: int | None = None) -> None:
        self.credit_id = credit_id
        self.article_id = article_id
        where = f" on article {article_id}" if article_id is not None else ""
        super().__init__(f"credit {credit_id}: no such credit{where}")


# -------------------------------------------------------------------------- edits refused


class EditRefused(ArchiveError):
    """A change by hand (to beads, their checks …) that cannot be made as asked."""


class VersionsNotPaired(EditRefused):
    """Two versions asked to be aligned belong to different articles."""

    def __init__(self, src_version_id: int, tgt_version_id: int) -> None:
        super().__init__(
            f"versions {src_version_id} and {tgt_version_id}: "
            "the two versions belong to different articles"
        )


class BadDate(EditRefused):
    """A date given for an edit is not a calendar date in YYYY-MM-DD form."""

    def __init__(self, field: str, value: str) -> None:
        self.field = field
        self.value = value
        super().__init__(f"{field} {value[:40]!r}: not a date (YYYY-MM-DD, or none)")


class BadEdit(EditRefused):
    """A correction that cannot be made as asked (empty title, unknown role, a cycle …)."""

    def __init__(self, what: str, reason: str) -> None:
        self.what = what
        self.reason = reason
        super().__init__(f"{what}: {reason}")


class SearchSyntaxError(ArchiveError):
    """A search query could not be understood."""

    def __init__(self, query: str, detail: str) -> None:
        self.query = query
        self.detail = detail
        super().__init__(f"search query {query[:60]!r}: {detail}")


class SearchUnavailable(ArchiveError):
    """The archive's database has no search back-end (SQLite and PostgreSQL have one)."""

    def __init__(self, dialect: str) -> None:
        self.dialect = dialect
        super().__init__(
            f"search is not available on {dialect} archives (only SQLite and PostgreSQL)"
        )


# -------------------------------------------------------------------------- translation


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


class UnsafeModelPackage(InvalidModelPackage):
    """A package file that would write outside its folder, or is a zip bomb."""


class PackageNotInstalled(ArchiveError):
    """``mt remove`` was asked for a pair no installed package covers."""

    def __init__(self, source: str, target: str) -> None:
        self.source = source
        self.target = target
        super().__init__(f"no translation package installed for {source} -> {target}")


class PackageDownloadFailed(ArchiveError):
    """A package index or package could not be fetched (offline, or the server said no)."""

    def __init__(self, url: str, reason: str) -> None:
        self.url = url
        self.reason = reason
        super().__init__(f"{url}: {reason}")


class NothingToTranslate(ArchiveError):
    """A version has no sentences to translate."""

    def __init__(self, version_id: int | None) -> None:
        self.version_id = version_id
        super().__init__(f"version {version_id}: no text to translate")


class AlreadyInLanguage(ArchiveError):
    """The version asked for is already in the target language."""

    def __init__(self, version_id: int | None, language: str) -> None:
        self.version_id = version_id
        self.language = language
        super().__init__(f"version {version_id}: is already in {language}")


class InvalidSetting(ArchiveError):
    """An environment variable that tunes the archive holds a value it cannot use."""

    def __init__(self, name: str, raw: str, problem: str) -> None:
        self.name = name
        super().__init__(f"${name}={raw!r} {problem}")


class TranslationFailed(ArchiveError):
    """The translation engine failed on an installed package while translating."""

    def __init__(self, package: str, reason: str) -> None:
        self.package = package
        super().__init__(f"{package}: translation failed ({reason})")


# -------------------------------------------------------------------------- export and copy


class ExportTargetRefused(ArchiveError):
    """An export's output path is not somewhere an export may write, or cannot be written."""

    def __init__(self, path: str | Path, reason: str) -> None:
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")


class TargetNotEmpty(ArchiveError):
    """The target archive of a copy already holds rows (and ``force`` was not given)."""

    def __init__(self, url: str, rows: int) -> None:
        self.url = url
        self.rows = rows
        super().__init__(
            f"{url}: the target archive is not empty ({rows:,} rows); "
            "use --force to replace what it holds"
        )


class CopyFailed(ArchiveError):
    """A row could not be stored on the target, or counts or hashes differ after the copy."""

    def __init__(self, url: str, detail: str) -> None:
        self.url = url
        self.detail = detail
        super().__init__(f"{url}: copy failed: {detail}")


# -------------------------------------------------------------------------- database


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


class BeadEditRefused(EditRefused):
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


# -------------------------------------------------------------------------- links


class LinkError(ArchiveError):
    """Two articles cannot be linked, or a link cannot be undone."""


class AlreadyLinked(LinkError):
    """The article already holds an original and an English version."""

    def __init__(self, article_id: int, detail: str) -> None:
        self.article_id = article_id
        super().__init__(f"article {article_id}: {detail}")


class NotAPair(LinkError):
    """The two articles are not one original-only and one English-only article."""

    def __init__(self, a: int, b: int, reason: str) -> None:
        self.a, self.b, self.reason = a, b, reason
        super().__init__(f"articles {a} and {b}: {reason}")


class LinkedArticle(ArticleNotFound, LinkError):
    """The article was linked into another one: it is part of that one now."""

    def __init__(self, article_id: int, original_id: int, link_id: int) -> None:
        ArticleNotFound.__init__(self, article_id)
        self.original_id = original_id
        self.link_id = link_id
        self.args = (
            f"article {article_id}: linked into article {original_id} by link {link_id} "
            f"(archive link undo {link_id} gives it back)",
        )


class LinkNotFound(LinkError):
    """No link has the id asked for."""

    def __init__(self, link_id: int) -> None:
        self.link_id = link_id
        super().__init__(f"link {link_id}: no such link")


class LinkAlreadyUndone(LinkError):
    """The link was undone already."""

    def __init__(self, link_id: int, when: dt.datetime | None) -> None:
        self.link_id = link_id
        when_text = f" on {when:%Y-%m-%d %H:%M}" if when else ""
        super().__init__(f"link {link_id}: already undone{when_text}")


class UndoBlocked(LinkError):
    """The archive changed since the link in a way that stops the English article coming back."""

    def __init__(self, link_id: int, reason: str) -> None:
        self.link_id = link_id
        self.reason = reason
        super().__init__(f"link {link_id}: cannot undo: {reason}")


# -------------------------------------------------------------------------- edits and reviewers


class EditNotFound(NotFound):
    """No edit has the id asked for."""

    def __init__(self, edit_id: int) -> None:
        self.edit_id = edit_id
        super().__init__(f"edit {edit_id}: no such edit")


class EditAlreadyUndone(EditRefused):
    """An edit that was already undone was asked to be undone again."""

    def __init__(self, edit_id: int) -> None:
        self.edit_id = edit_id
        super().__init__(f"edit {edit_id}: already undone")


class ReviewerUnknown(ArchiveError):
    """A command that records who did something was given no reviewer name."""

    def __init__(self, config: Path) -> None:
        super().__init__(
            "no reviewer name: pass --reviewer NAME, set ARCHIVE_REVIEWER, or set "
            f'reviewer = "NAME" in {config}'
        )


class BadReviewerName(ArchiveError):
    """A reviewer name that is empty, too long or holds control characters."""

    def __init__(self, name: str, where: str) -> None:
        super().__init__(f"{where}: reviewer name {name[:40]!r} is empty, too long or unprintable")


class BadConfigFile(ArchiveError):
    """The user's config file could not be read."""

    def __init__(self, path: Path, detail: str) -> None:
        super().__init__(f"{path}: {detail}")


class StalePatch(EditRefused):
    """The beads a patch replaces are no longer there (undo and redo name the edit)."""

    def __init__(self, alignment_id: int) -> None:
        super().__init__(f"alignment {alignment_id}: the beads changed while being edited")
