"""Installed translation packages: checking a ``.argosmodel`` file, installing, listing, removing.

A package is a zip holding one folder with ``metadata.json``, a CTranslate2 model in
``model/`` and a ``sentencepiece.model``. A package file is untrusted input: `inspect_package`
reads only the zip's directory and ``metadata.json`` and refuses anything that could write
outside the folder (absolute paths, ``..``, links, device files) or fill the disk (declared
sizes over the limits), all before a byte is written. `install_package` then extracts into a
hidden temporary folder inside the packages folder, checks what it wrote, and renames it into
place, so a half-written package is never visible.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
import shutil
import stat
import tempfile
import threading
import time
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from archive.errors import InvalidModelPackage, PackageNotInstalled, UnsafeModelPackage
from archive.jsonsafe import parse_json_line
from archive.mt.settings import packages_dir

log = logging.getLogger(__name__)

MAX_MEMBERS = 20_000
MAX_FILE_BYTES = 2 * 1024**3
MAX_TOTAL_BYTES = 4 * 1024**3
MAX_RATIO = 1_000  # uncompressed / compressed, for members over 1 MiB
MAX_METADATA_BYTES = 1024**2
INSTALL_RECORD = ".archive-install.json"
_WORK_PREFIXES = (".installing-", ".replaced-", ".removing-")
_CODE = re.compile(r"[a-z]{2,3}([_-][a-z0-9]{2,8})*")
# A package version is shown and compared, never parsed: plain characters only, so metadata
# can never put a newline or an escape sequence on the terminal.
_VERSION = re.compile(r"[0-9A-Za-z][0-9A-Za-z.+_-]{0,63}")
_VOCABULARIES = (
    ("shared_vocabulary.json",),
    ("shared_vocabulary.txt",),
    ("source_vocabulary.json", "target_vocabulary.json"),
    ("source_vocabulary.txt", "target_vocabulary.txt"),
)


@dataclass(frozen=True, slots=True)
class PackageManifest:
    """What a package file holds, as read (and checked) from its zip directory."""

    path: Path
    folder: str
    from_code: str
    to_code: str
    package_version: str
    metadata: dict[str, Any]
    members: int
    total_bytes: int

    @property
    def name(self) -> str:
        """The argospm name of the package, e.g. ``translate-my_en``."""
        return package_name(self.from_code, self.to_code)


@dataclass(frozen=True, slots=True)
class InstalledPackage:
    """A package in the packages folder."""

    from_code: str
    to_code: str
    package_version: str
    path: Path
    size: int
    metadata: dict[str, Any]
    source_file: str | None = None
    sha256: str | None = None

    @property
    def name(self) -> str:
        """The argospm name of the package, e.g. ``translate-my_en``."""
        return package_name(self.from_code, self.to_code)

    @property
    def pair(self) -> str:
        """``from->to``."""
        return f"{self.from_code}->{self.to_code}"

    @property
    def model_dir(self) -> Path:
        """The CTranslate2 model folder."""
        return self.path / "model"

    @property
    def tokenizer(self) -> Path:
        """The sentencepiece model."""
        return self.path / "sentencepiece.model"

    @property
    def target_prefix(self) -> str:
        """A token some multilingual packages put before every output (usually empty)."""
        return str(self.metadata.get("target_prefix") or "")

    def to_json(self) -> dict[str, Any]:
        """The ``mt list --json`` shape."""
        return {
            "pair": self.pair,
            "from": self.from_code,
            "to": self.to_code,
            "package": self.name,
            "version": self.package_version,
            "size": self.size,
            "path": str(self.path),
            "source_file": self.source_file,
            "sha256": self.sha256,
        }


@dataclass(frozen=True, slots=True)
class InstallResult:
    """What `install_package` did: ``installed``, ``replaced`` or ``unchanged``."""

    package: InstalledPackage
    status: str
    previous_version: str | None = None


def package_name(from_code: str, to_code: str) -> str:
    """The argospm name of a package for a pair: ``translate-FROM_TO``."""
    return f"translate-{from_code}_{to_code}"


def argos_code(language: str) -> str:
    """The argos language code for a BCP-47 tag (``zh-Hant`` → ``zt``, ``en-GB`` → ``en``)."""
    tag = language.strip().replace("_", "-").lower()
    if tag in ("zt", "pb"):
        return tag
    if tag.startswith("zh-") and any(p in tag.split("-") for p in ("hant", "tw", "hk", "mo")):
        return "zt"
    if tag == "pt-br":
        return "pb"
    return tag.split("-")[0]


# --------------------------------------------------------------------------- checking


def _unsafe(path: Path, reason: str) -> UnsafeModelPackage:
    return UnsafeModelPackage(path, reason)


def _member_kind(info: zipfile.ZipInfo) -> int:
    """The unix file type bits of a member (0 when the zip records none)."""
    return stat.S_IFMT(info.external_attr >> 16)


def _check_member(path: Path, info: zipfile.ZipInfo) -> PurePosixPath:
    name = info.filename
    if not name or "\x00" in name or "\\" in name:
        raise _unsafe(path, f"member {name!r} has an unsafe name")
    if name.startswith("/") or re.match(r"^[A-Za-z]:", name):
        raise _unsafe(path, f"member {name!r} is an absolute path")
    parts = name.rstrip("/").split("/")
    if ".." in parts:
        raise _unsafe(path, f"member {name!r} points outside the package folder (..)")
    if any(p in ("", ".") for p in parts):
        raise _unsafe(path, f"member {name!r} has an unsafe name")
    kind = _member_kind(info)
    if kind == stat.S_IFLNK:
        raise _unsafe(path, f"member {name!r} is a symbolic link")
    if kind not in (0, stat.S_IFREG, stat.S_IFDIR):
        raise _unsafe(path, f"member {name!r} is a device or special file")
    if info.flag_bits & 0x1:
        raise InvalidModelPackage(path, f"member {name!r} is encrypted")
    if info.file_size > MAX_FILE_BYTES:
        raise _unsafe(
            path,
            f"member {name!r} declares {_size(info.file_size)}, over the "
            f"{_size(MAX_FILE_BYTES)} limit per file (zip bomb?)",
        )
    if info.file_size > 1024**2 and info.file_size > MAX_RATIO * max(info.compress_size, 1):
        raise _unsafe(
            path,
            f"member {name!r} expands {info.file_size // max(info.compress_size, 1)}"
            " times (zip bomb?)",
        )
    return PurePosixPath(*parts)


def _size(n: int) -> str:
    for unit in ("B", "KB", "MB", "GB"):
        if n < 1024 or unit == "GB":
            return f"{n:.0f} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1024  # type: ignore[assignment]
    return f"{n} B"  # pragma: no cover


def _read_metadata(path: Path, zf: zipfile.ZipFile, name: str) -> dict[str, Any]:
    info = zf.getinfo(name)
    if info.file_size > MAX_METADATA_BYTES:
        raise InvalidModelPackage(path, f"{name} is too large ({_size(info.file_size)})")
    try:
        data = parse_json_line(zf.read(info).decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise InvalidModelPackage(path, f"{name} is not UTF-8 ({exc.reason})") from None
    except ValueError as exc:
        raise InvalidModelPackage(path, f"{name} is not valid JSON ({exc})") from None
    except (zipfile.BadZipFile, OSError, EOFError) as exc:
        raise InvalidModelPackage(path, f"{name} cannot be read ({exc})") from None
    if not isinstance(data, dict):
        raise InvalidModelPackage(path, f"{name} is not a JSON object")
    for key in ("from_code", "to_code", "package_version"):
        value = data.get(key)
        if not isinstance(value, str) or not value.strip():
            raise InvalidModelPackage(path, f"{name} has no {key}")
    for key in ("from_code", "to_code"):
        if not _CODE.fullmatch(data[key]):
            raise InvalidModelPackage(path, f"{name}: {key} {data[key]!r} is not a language code")
    if not _VERSION.fullmatch(data["package_version"].strip()):
        raise InvalidModelPackage(
            path, f"{name}: package_version {data['package_version']!r} is not a version"
        )
    if data.get("type", "translate") != "translate":
        raise InvalidModelPackage(
            path, f"{name}: type {data.get('type')!r} is not a translation package"
        )
    if data["from_code"] == data["to_code"]:
        raise InvalidModelPackage(path, f"{name}: translates {data['from_code']} into itself")
    return data


def inspect_package(path: Path) -> PackageManifest:
    """Check a package file without writing anything; return what it holds.

    Raises:
        InvalidModelPackage: not a package (not a zip, wrong layout, bad metadata).
        UnsafeModelPackage: a member would escape the folder, is a link or device, or the
            declared sizes are over the limits.
    """
    path = Path(path)
    if not path.is_file():
        raise InvalidModelPackage(path, "no such file")
    try:
        zf = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError) as exc:
        raise InvalidModelPackage(path, f"not a valid zip archive ({exc})") from None
    with zf:
        infos = zf.infolist()
        if len(infos) > MAX_MEMBERS:
            raise _unsafe(path, f"holds {len(infos)} members, over the {MAX_MEMBERS} limit")
        seen: set[PurePosixPath] = set()
        files: set[PurePosixPath] = set()
        total = 0
        for info in infos:
            member = _check_member(path, info)
            if member in seen and not info.is_dir():
                raise _unsafe(path, f"member {info.filename!r} appears twice")
            seen.add(member)
            if not info.is_dir():
                files.add(member)
            total += info.file_size
            if total > MAX_TOTAL_BYTES:
                raise _unsafe(
                    path,
                    f"declares more than {_size(MAX_TOTAL_BYTES)} uncompressed in total "
                    "(zip bomb?)",
                )
        if not files:
            raise InvalidModelPackage(path, "the zip archive is empty")
        tops = sorted({m.parts[0] for m in seen})
        if len(tops) != 1:
            shown = ", ".join(repr(t) for t in tops[:4]) + (", …" if len(tops) > 4 else "")
            raise InvalidModelPackage(
                path, f"has {len(tops)} top-level entries ({shown}), not one package folder"
            )
        top = tops[0]
        if PurePosixPath(top) in files:
            raise InvalidModelPackage(path, f"its only top-level entry {top!r} is not a folder")
        root = PurePosixPath(top)
        if root / "metadata.json" not in files:
            raise InvalidModelPackage(path, f"no {top}/metadata.json")
        if root / "model" / "model.bin" not in files:
            raise InvalidModelPackage(path, f"no CTranslate2 model ({top}/model/model.bin)")
        if not any(all(root / "model" / v in files for v in group) for group in _VOCABULARIES):
            raise InvalidModelPackage(
                path, f"no model vocabulary ({top}/model/shared_vocabulary.json or similar)"
            )
        if root / "sentencepiece.model" not in files:
            reason = f"no sentencepiece tokenizer ({top}/sentencepiece.model)"
            if root / "bpe.model" in files:
                reason += "; BPE packages are not supported"
            raise InvalidModelPackage(path, reason)
        metadata = _read_metadata(path, zf, f"{top}/metadata.json")
    return PackageManifest(
        path=path,
        folder=top,
        from_code=metadata["from_code"],
        to_code=metadata["to_code"],
        package_version=metadata["package_version"].strip(),
        metadata=metadata,
        members=len(infos),
        total_bytes=total,
    )


# --------------------------------------------------------------------------- installing


def _file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _extract(manifest: PackageManifest, into: Path) -> None:
    """Write the members of the package folder into ``into``, never more than they declared."""
    prefix = manifest.folder + "/"
    written = 0
    with zipfile.ZipFile(manifest.path) as zf:
        for info in zf.infolist():
            relative = info.filename[len(prefix) :].rstrip("/")
            if not relative:
                continue
            target = into.joinpath(*relative.split("/"))
            if info.is_dir():
                target.mkdir(parents=True, exist_ok=True)
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            with zf.open(info) as src, target.open("xb") as dst:
                left = info.file_size
                while chunk := src.read(min(1 << 20, left + 1)):
                    left -= len(chunk)
                    written += len(chunk)
                    if left < 0 or written > manifest.total_bytes:
                        raise _unsafe(
                            manifest.path, f"member {info.filename!r} is larger than it declares"
                        )
                    dst.write(chunk)


def _verify_extracted(manifest: PackageManifest, folder: Path) -> None:
    """Load-check what was written: the tokenizer parses, CTranslate2 recognises the model."""
    import ctranslate2
    import sentencepiece

    if not ctranslate2.contains_model(str(folder / "model")):
        raise InvalidModelPackage(manifest.path, "model/ is not a CTranslate2 model")
    try:  # loading reads every weight: a missing or truncated one fails here, not at translate
        ctranslate2.Translator(str(folder / "model"), device="cpu", intra_threads=1)
    except (OSError, RuntimeError, ValueError) as exc:
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise InvalidModelPackage(manifest.path, f"model/ cannot be loaded ({reason})") from None
    try:
        sentencepiece.SentencePieceProcessor(model_file=str(folder / "sentencepiece.model"))
    except (OSError, RuntimeError) as exc:
        raise InvalidModelPackage(
            manifest.path, f"sentencepiece.model cannot be loaded ({exc})"
        ) from None
    config = folder / "model" / "config.json"
    if config.exists():
        try:
            parse_json_line(config.read_text(encoding="utf-8"))
        except (UnicodeDecodeError, ValueError) as exc:
            raise InvalidModelPackage(
                manifest.path, f"model/config.json is not JSON ({exc})"
            ) from None


def install_package(
    path: Path, *, force: bool = False, folder: Path | None = None
) -> InstallResult:
    """Install a ``.argosmodel`` file, replacing the package for the same pair.

    Installing the same pair and version again changes nothing unless ``force``.

    Raises:
        InvalidModelPackage: the file is not a usable package (nothing is written).
        UnsafeModelPackage: the file is hostile (nothing is written).
    """
    manifest = inspect_package(Path(path))
    root = folder if folder is not None else packages_dir()
    target = root / manifest.name
    existing = read_installed(target) if target.is_dir() else None
    if existing is not None and existing.package_version == manifest.package_version and not force:
        log.info("%s %s is already installed", manifest.name, manifest.package_version)
        return InstallResult(existing, "unchanged", existing.package_version)
    created = _first_missing(root)
    root.mkdir(parents=True, exist_ok=True)
    _remove_stale(root)
    staging = Path(tempfile.mkdtemp(prefix=".installing-", dir=root))
    try:
        try:
            _extract(manifest, staging)
        except (zipfile.BadZipFile, OSError, EOFError) as exc:
            raise InvalidModelPackage(path, f"cannot be extracted ({exc})") from None
        _verify_extracted(manifest, staging)
        record = {
            "source_file": str(Path(path).resolve()),
            "sha256": _file_sha256(Path(path)),
            "package_version": manifest.package_version,
        }
        (staging / INSTALL_RECORD).write_text(json.dumps(record, indent=2), encoding="utf-8")
        staging.chmod(0o755)
        _swap_into_place(staging, target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        if created is not None:
            shutil.rmtree(created, ignore_errors=True)
        raise
    _installed_changed()
    installed = read_installed(target)
    assert installed is not None
    status = "installed" if existing is None else "replaced"
    log.info("%s %s %s", status, installed.name, installed.package_version)
    return InstallResult(installed, status, existing.package_version if existing else None)


def _remove_stale(root: Path, older_than: float = 3600.0) -> None:
    """Remove what an install or removal killed midway left behind (hidden, over an hour old).

    argostranslate takes every folder in the packages folder for a package, so these must
    not linger.
    """
    now = time.time()
    for child in root.iterdir():
        stale = now - child.stat(follow_symlinks=False).st_mtime > older_than
        if child.name.startswith(_WORK_PREFIXES) and child.is_dir() and stale:
            log.info("removing %s, left by an interrupted install", child)
            shutil.rmtree(child, ignore_errors=True)


def _first_missing(folder: Path) -> Path | None:
    """The outermost folder on the way to ``folder`` that does not exist yet, if any."""
    missing = None
    for candidate in (folder, *folder.parents):
        if candidate.exists():
            break
        missing = candidate
    return missing


def _swap_into_place(staging: Path, target: Path) -> None:
    """Rename ``staging`` to ``target``; an existing ``target`` is moved aside, then removed.

    Each rename is atomic; between the two there is a moment with no package for the pair,
    never a half-written one.
    """
    if not target.exists():
        staging.rename(target)
        return
    old = Path(tempfile.mkdtemp(prefix=".replaced-", dir=target.parent))
    old.rmdir()
    target.rename(old)
    try:
        staging.rename(target)
    except OSError:
        old.rename(target)
        raise
    shutil.rmtree(old, ignore_errors=True)


_CHANGES_LOCK = threading.Lock()
_changes = 0


def _installed_changed() -> None:
    """Count an install or removal, so that `installed_changes` tells the engine to forget
    the models and answers it cached (the engine asks; this module never calls it)."""
    global _changes
    with _CHANGES_LOCK:
        _changes += 1


def installed_changes() -> int:
    """How many times this process installed or removed a package."""
    return _changes


# --------------------------------------------------------------------------- listing, removing


def _folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def read_installed(folder: Path) -> InstalledPackage | None:
    """The installed package in ``folder``, or None if it is not a readable package."""
    try:
        metadata = parse_json_line((folder / "metadata.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):  # UnicodeDecodeError is a ValueError
        return None
    if not isinstance(metadata, dict) or metadata.get("type", "translate") != "translate":
        return None
    from_code, to_code = metadata.get("from_code"), metadata.get("to_code")
    if not isinstance(from_code, str) or not isinstance(to_code, str):
        return None
    if not _CODE.fullmatch(from_code) or not _CODE.fullmatch(to_code):
        return None
    record: dict[str, Any] = {}
    try:
        loaded = parse_json_line((folder / INSTALL_RECORD).read_text(encoding="utf-8"))
        record = loaded if isinstance(loaded, dict) else {}
    except (OSError, ValueError):
        pass
    return InstalledPackage(
        from_code=from_code,
        to_code=to_code,
        package_version=str(metadata.get("package_version", "")),
        path=folder,
        size=_folder_size(folder),
        metadata=metadata,
        source_file=record.get("source_file"),
        sha256=record.get("sha256"),
    )


def list_packages(folder: Path | None = None) -> list[InstalledPackage]:
    """Every installed translation package, by pair."""
    root = folder if folder is not None else packages_dir()
    if not root.is_dir():
        return []
    found = []
    for child in sorted(root.iterdir()):
        if child.name.startswith(".") or not child.is_dir():
            continue
        package = read_installed(child)
        if package is not None:
            found.append(package)
    return sorted(found, key=lambda p: (p.from_code, p.to_code))


def find_package(
    from_code: str, to_code: str, folder: Path | None = None
) -> InstalledPackage | None:
    """The installed package for a pair (argos codes), or None."""
    for package in list_packages(folder):
        if package.from_code == from_code and package.to_code == to_code:
            return package
    return None


def remove_package(from_code: str, to_code: str, folder: Path | None = None) -> InstalledPackage:
    """Remove the installed package for a pair.

    Raises:
        PackageNotInstalled: no installed package covers the pair.
    """
    package = find_package(argos_code(from_code), argos_code(to_code), folder)
    if package is None:
        raise PackageNotInstalled(from_code, to_code)
    aside = package.path.with_name(f".removing-{package.path.name}")
    package.path.rename(aside)
    shutil.rmtree(aside, ignore_errors=True)
    _installed_changed()
    log.info("removed %s %s", package.name, package.package_version)
    return package
