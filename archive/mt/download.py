"""Fetching package indexes and packages: the only code in the archive that uses the network.

Run only by ``archive mt download`` and ``archive mt available``. An index given as a file
path is read without any network; the default index is argospm's ``index.json``. A package
fetched here is installed through `archive.mt.packages.install_package`, so it is checked
exactly like a file the user gives.
"""

from __future__ import annotations

import logging
import shutil
import tempfile
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from archive.errors import InvalidModelPackage, ModelPackageMissing, PackageDownloadFailed
from archive.jsonsafe import parse_json_line
from archive.mt.packages import MAX_TOTAL_BYTES, InstallResult, argos_code, install_package
from archive.mt.settings import DEFAULT_INDEX_URL

log = logging.getLogger(__name__)

TIMEOUT = 30
MAX_INDEX_BYTES = 32 * 1024**2
_SCHEMES = ("http", "https", "file")


@dataclass(frozen=True, slots=True)
class IndexEntry:
    """A package a package index offers."""

    from_code: str
    to_code: str
    package_version: str
    links: tuple[str, ...]
    from_name: str = ""
    to_name: str = ""

    def to_json(self) -> dict[str, Any]:
        """The ``mt available --json`` shape."""
        return {
            "pair": f"{self.from_code}->{self.to_code}",
            "from": self.from_code,
            "to": self.to_code,
            "from_name": self.from_name,
            "to_name": self.to_name,
            "version": self.package_version,
            "links": list(self.links),
        }


def _is_url(source: str) -> bool:
    return urllib.parse.urlsplit(source).scheme in _SCHEMES


def _fetch(url: str, limit: int, into: Any) -> None:
    """Copy what ``url`` serves into the binary file ``into``, at most ``limit`` bytes."""
    if urllib.parse.urlsplit(url).scheme not in _SCHEMES:
        raise PackageDownloadFailed(url, "only http, https and file links are fetched")
    log.info("fetching %s", url)
    try:
        with urllib.request.urlopen(url, timeout=TIMEOUT) as response:
            copied = 0
            while chunk := response.read(1 << 20):
                copied += len(chunk)
                if copied > limit:
                    raise PackageDownloadFailed(url, f"larger than {limit} bytes, stopped")
                into.write(chunk)
    except urllib.error.HTTPError as exc:
        raise PackageDownloadFailed(url, f"the server answered {exc.code} {exc.reason}") from None
    except urllib.error.URLError as exc:
        raise PackageDownloadFailed(
            url, f"cannot connect, are you offline? ({exc.reason})"
        ) from None
    except (OSError, ValueError) as exc:
        raise PackageDownloadFailed(url, f"cannot connect, are you offline? ({exc})") from None


def load_index(source: str | Path | None = None) -> list[IndexEntry]:
    """The packages an index offers; ``source`` is a file path (no network) or a URL.

    Raises:
        PackageDownloadFailed: the URL cannot be fetched, or the file is not an index.
    """
    where = str(source) if source is not None else DEFAULT_INDEX_URL
    if _is_url(where):
        with tempfile.TemporaryFile() as handle:
            _fetch(where, MAX_INDEX_BYTES, handle)
            handle.seek(0)
            raw = handle.read()
    else:
        try:
            with Path(where).expanduser().open("rb") as handle:
                raw = handle.read(MAX_INDEX_BYTES + 1)
        except OSError as exc:
            raise PackageDownloadFailed(where, f"cannot read ({exc.strerror})") from None
    if len(raw) > MAX_INDEX_BYTES:
        raise PackageDownloadFailed(where, f"not a package index (over {MAX_INDEX_BYTES:,} bytes)")
    try:
        data = parse_json_line(raw.decode("utf-8"))
    except ValueError as exc:  # also UnicodeDecodeError
        raise PackageDownloadFailed(where, f"not a package index ({exc})") from None
    if not isinstance(data, list):
        raise PackageDownloadFailed(where, "not a package index (expected a JSON list)")
    entries = []
    for item in data:
        if not isinstance(item, dict) or item.get("type", "translate") != "translate":
            continue
        if not isinstance(item.get("from_code"), str) or not isinstance(item.get("to_code"), str):
            continue
        links = item.get("links") or []
        entries.append(
            IndexEntry(
                from_code=item["from_code"],
                to_code=item["to_code"],
                package_version=str(item.get("package_version", "")),
                links=tuple(str(x) for x in links if isinstance(x, str)),
                from_name=str(item.get("from_name", "")),
                to_name=str(item.get("to_name", "")),
            )
        )
    return sorted(entries, key=lambda e: (e.from_code, e.to_code))


def _link_url(link: str, index: str) -> str:
    """A link as a URL; a relative link in a local index is a file beside it."""
    if _is_url(link):
        return link
    base = Path(index).expanduser().resolve().parent if not _is_url(index) else None
    if base is None:
        return urllib.parse.urljoin(index, link)
    return (base / link).resolve().as_uri()


def download_package(
    source: str,
    target: str,
    *,
    index: str | Path | None = None,
    force: bool = False,
) -> InstallResult:
    """Fetch the package for a pair from an index and install it.

    Raises:
        ModelPackageMissing: the index offers no package for the pair.
        PackageDownloadFailed: the index or every link of the package cannot be fetched.
        InvalidModelPackage: what was fetched is not a usable package.
    """
    where = str(index) if index is not None else DEFAULT_INDEX_URL
    src, tgt = argos_code(source), argos_code(target)
    entry = next((e for e in load_index(where) if (e.from_code, e.to_code) == (src, tgt)), None)
    if entry is None:
        raise ModelPackageMissing(source, target)
    if not entry.links:
        raise PackageDownloadFailed(where, f"the index gives no link for {src} -> {tgt}")
    work = Path(tempfile.mkdtemp(prefix="archive-mt-download-"))
    try:
        file = work / f"translate-{src}_{tgt}.argosmodel"
        failure: PackageDownloadFailed | None = None
        for link in entry.links:
            try:
                with file.open("wb") as handle:
                    _fetch(_link_url(link, where), MAX_TOTAL_BYTES, handle)
                break
            except PackageDownloadFailed as exc:
                failure = exc
        else:
            assert failure is not None
            raise failure
        try:
            return install_package(file, force=force)
        except InvalidModelPackage as exc:
            raise type(exc)(entry.links[0], exc.reason) from None
    finally:
        shutil.rmtree(work, ignore_errors=True)
