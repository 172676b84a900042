"""Where an export may write: refusals, the archive's own file by any name, a full disk."""

from __future__ import annotations

import errno
import io
import os
from pathlib import Path
from typing import Any

import pytest

from archive.errors import ExportTargetRefused
from archive.export import output
from archive.export.output import open_output


def _refusal(path: Path, protect: list[Path] | None = None) -> str:
    with pytest.raises(ExportTargetRefused) as caught, open_output(path, protect=protect or []):
        raise AssertionError("must not be reached")
    return caught.value.reason


def test_new_and_regular_files_are_written_whole(tmp_path: Path) -> None:
    new = tmp_path / "new.jsonl"
    with open_output(new) as handle:
        handle.write(b"one\n")
    assert b"one\n" == new.read_bytes()
    new.chmod(0o640)
    with open_output(new) as handle:
        handle.write(b"two\n")
    assert (b"two\n", 0o640) == (new.read_bytes(), new.stat().st_mode & 0o777)
    assert ["new.jsonl"] == sorted(p.name for p in tmp_path.iterdir())


def test_the_archive_file_is_refused_by_name_link_and_hard_link(tmp_path: Path) -> None:
    db = tmp_path / "archive.db"
    db.write_bytes(b"SQLite format 3\x00")
    hard = tmp_path / "hard.db"
    os.link(db, hard)
    (tmp_path / "link.db").symlink_to(db)
    wal = tmp_path / "archive.db-wal"
    wal.write_bytes(b"wal")
    assert "is the archive's own file; export elsewhere" == _refusal(db, [db])
    assert "is the archive's own file; export elsewhere" == _refusal(hard, [db])
    assert "is the archive's own file; export elsewhere" == _refusal(wal, [db])
    assert _refusal(tmp_path / "link.db", [db]).startswith("is a symbolic link")
    assert b"SQLite format 3\x00" == db.read_bytes()


def test_folders_devices_fifos_and_missing_folders_are_refused(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    assert _refusal(fifo).startswith("is not a regular file")
    assert _refusal(Path("/dev/null")).startswith("is not a regular file")
    assert "is a folder; name a file to write" == _refusal(tmp_path)
    missing = tmp_path / "nowhere" / "out.jsonl"
    assert f"cannot write: the folder {missing.parent} does not exist" == _refusal(missing)
    assert [] == sorted(p.name for p in tmp_path.iterdir() if p.name != "pipe")


class _FullDisk(io.BufferedWriter):
    """A file that takes 10 bytes, then fails as a full disk does."""

    def write(self, data: Any) -> int:
        if self.tell() + len(data) > 10:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return super().write(data)


def test_a_full_disk_leaves_the_target_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "out.jsonl"
    target.write_bytes(b"the previous export\n")
    monkeypatch.setattr(output.os, "fdopen", lambda fd, mode: _FullDisk(io.FileIO(fd, "w")))
    with pytest.raises(ExportTargetRefused) as caught, open_output(target) as handle:
        handle.write(b"0123456789")
        handle.write(b"more than fits")
    assert "cannot write (disk full); nothing was replaced" == caught.value.reason
    assert b"the previous export\n" == target.read_bytes()
    assert ["out.jsonl"] == [p.name for p in tmp_path.iterdir()]
