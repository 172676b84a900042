"""Errors of the machine-translation part, narrow subclasses of the archive's own."""

from __future__ import annotations

from archive.errors import ArchiveError, InvalidModelPackage, ModelPackageMissing

__all__ = [
    "AlreadyInLanguage",
    "InvalidModelPackage",
    "ModelPackageMissing",
    "NothingToTranslate",
    "PackageDownloadFailed",
    "PackageNotInstalled",
    "UnsafeModelPackage",
    "VersionNotInArticle",
]


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


class VersionNotInArticle(ArchiveError):
    """``--from-version`` names a version that is not one of the article's."""

    def __init__(self, article_id: int, version_id: int) -> None:
        self.article_id = article_id
        self.version_id = version_id
        super().__init__(f"article {article_id}: has no version {version_id}")


class AlreadyInLanguage(ArchiveError):
    """The version asked for is already in the target language."""

    def __init__(self, version_id: int | None, language: str) -> None:
        self.version_id = version_id
        self.language = language
        super().__init__(f"version {version_id}: is already in {language}")
