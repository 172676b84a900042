"""Walking the files and folders an import names: every file, in a stable order, and every entry
that cannot be imported (a loop, a broken link, a folder that cannot be listed) named as such.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class Unreadable:
    """An entry of a folder that cannot be imported: a loop, a broken link, no permission."""

    path: Path
    reason: str


def iter_files(paths: Iterable[str | Path]) -> Iterator[Path | Unreadable]:
    """Every file named or below a named folder, in a stable order (folders recursively).

    Symbolic links to folders are followed unless they loop back to a folder being walked;
    a loop, a broken link or a folder that cannot be listed is yielded as `Unreadable`, so it
    is counted and named as a failure, never skipped in silence. Hidden entries are skipped.
    """
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            yield from _walk(path, ())
        else:
            yield path


def _walk(folder: Path, ancestors: tuple[tuple[int, int], ...]) -> Iterator[Path | Unreadable]:
    try:
        info = folder.stat()
        here = (info.st_dev, info.st_ino)
        if here in ancestors:
            yield Unreadable(folder, "symbolic link loop (leads back to a folder above it)")
            return
        with os.scandir(folder) as listing:
            entries = sorted(listing, key=lambda entry: entry.name)
    except OSError as exc:
        yield Unreadable(folder, f"cannot read folder ({_strerror(exc)})")
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = Path(entry.path)
        try:
            is_dir = entry.is_dir()
            is_file = not is_dir and entry.is_file()
        except OSError as exc:
            problem = _link_problem(path) if entry.is_symlink() else None
            yield Unreadable(path, problem or f"cannot read ({_strerror(exc)})")
            continue
        if is_dir:
            yield from _walk(path, (*ancestors, here))
        elif is_file:
            yield path
        elif entry.is_symlink():
            yield Unreadable(path, _link_problem(path))
        else:
            yield Unreadable(path, "not a regular file")


def _strerror(exc: OSError) -> str:
    return exc.strerror or type(exc).__name__


def _link_problem(path: Path) -> str:
    try:
        path.stat()
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "symbolic link loop"
        if exc.errno == errno.ENOENT:
            return "broken symbolic link (its target does not exist)"
        return f"cannot read ({_strerror(exc)})"
    return "symbolic link to something that is not a file or folder"
