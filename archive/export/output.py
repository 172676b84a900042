"""Where an export is written: a new or regular file, replaced whole and only at the end.

An export never overwrites what it must not: the archive's own file (by any name, link or
hard link), a folder, a device, a FIFO or a symbolic link are refused before anything is
written. The export goes to a temporary file beside the target, renamed onto it only once
complete, so a failed or interrupted export (a full disk) leaves the target as it was.
"""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from archive.errors import ExportTargetRefused


def _same_file(a: os.stat_result, b: os.stat_result) -> bool:
    return (a.st_dev, a.st_ino) == (b.st_dev, b.st_ino)


def _protected_stats(protect: Iterable[Path]) -> list[os.stat_result]:
    """The files an export must never replace: each path and its SQLite companions."""
    stats = []
    for path in protect:
        for name in (path, *(Path(f"{path}{s}") for s in ("-wal", "-shm", "-journal"))):
            try:
                stats.append(name.stat())
            except OSError:
                continue
    return stats


def check_target(path: Path, *, protect: Iterable[Path] = ()) -> os.stat_result | None:
    """Refuse ``path`` unless it is a new file in an existing folder or a regular file that is
    none of ``protect``; returns the existing file's status (None for a new path).

    Raises:
        ExportTargetRefused: the reason, in words.
    """
    try:
        link = path.lstat()
    except FileNotFoundError:
        link = None
    except OSError as exc:
        raise ExportTargetRefused(path, f"cannot use as output ({exc.strerror})") from None
    if link is None:
        parent = path.parent
        if not parent.is_dir():
            what = "is not a folder" if parent.exists() else "does not exist"
            raise ExportTargetRefused(path, f"cannot write: the folder {parent} {what}")
        return None
    if stat.S_ISLNK(link.st_mode):
        try:
            target_is_file = stat.S_ISREG(path.stat().st_mode)
        except OSError:
            target_is_file = True  # a broken link: the link itself is what is refused
        if target_is_file:
            raise ExportTargetRefused(
                path,
                "is a symbolic link; name the file itself (an export never writes through links)",
            )
        link = path.stat()  # /dev/stdout and the like: say what it leads to
    if stat.S_ISDIR(link.st_mode):
        raise ExportTargetRefused(path, "is a folder; name a file to write")
    if not stat.S_ISREG(link.st_mode):
        raise ExportTargetRefused(
            path, "is not a regular file (a device or FIFO); use --out - to write to stdout"
        )
    if any(_same_file(link, other) for other in _protected_stats(protect)):
        raise ExportTargetRefused(path, "is the archive's own file; export elsewhere")
    return link


@contextmanager
def open_output(path: Path, *, protect: Iterable[Path] = ()) -> Iterator[IO[bytes]]:
    """A binary stream whose content replaces ``path`` when the block ends without error.

    Raises:
        ExportTargetRefused: ``path`` may not be written (see `check_target`), or writing
            failed (a full disk); the target is then unchanged and no temporary file is left.
    """
    protect = list(protect)
    existing = check_target(path, protect=protect)
    try:
        fd, temp_name = tempfile.mkstemp(
            dir=path.parent, prefix=f".{path.name}.", suffix=".partial"
        )
    except OSError as exc:
        raise ExportTargetRefused(path, f"cannot write ({exc.strerror})") from None
    temp = Path(temp_name)
    try:
        try:
            with os.fdopen(fd, "wb") as handle:
                yield handle
                handle.flush()
                os.fsync(handle.fileno())
            if existing is not None:
                os.chmod(temp, stat.S_IMODE(existing.st_mode))
            else:
                umask = os.umask(0)
                os.umask(umask)
                os.chmod(temp, 0o666 & ~umask)
            check_target(path, protect=protect)  # nothing swapped in meanwhile
            os.replace(temp, path)
        except OSError as exc:
            reason = "disk full" if exc.errno == errno.ENOSPC else exc.strerror
            raise ExportTargetRefused(
                path, f"cannot write ({reason}); nothing was replaced"
            ) from None
    finally:
        temp.unlink(missing_ok=True)
