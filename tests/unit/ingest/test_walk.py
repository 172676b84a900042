"""Folder imports never skip an entry in silence: loops, broken links and folders that cannot
be listed are named failures (issue 21, item 6)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from archive.ingest import walk
from archive.ingest.walk import Unreadable, iter_files


def _entries(paths: list[Path], root: Path) -> list[tuple[str, str | None]]:
    out: list[tuple[str, str | None]] = []
    for item in iter_files(paths):
        if isinstance(item, Unreadable):
            out.append((str(item.path.relative_to(root)), item.reason))
        else:
            out.append((str(item.relative_to(root)), None))
    return out


def test_links_loops_and_hidden_entries(tmp_path: Path) -> None:
    tree = tmp_path / "tree"
    (tree / "sub").mkdir(parents=True)
    (tree / "sub" / "a.txt").write_text("a")
    (tree / ".hidden.txt").write_text("h")
    (tree / "sub" / "up").symlink_to("..")
    (tree / "self").symlink_to("self")
    (tree / "dangling.txt").symlink_to("nowhere")
    (tmp_path / "outside").mkdir()
    (tmp_path / "outside" / "b.txt").write_text("b")
    (tree / "linked").symlink_to(tmp_path / "outside")
    assert [
        ("tree/dangling.txt", "broken symbolic link (its target does not exist)"),
        ("tree/linked/b.txt", None),
        ("tree/self", "symbolic link loop"),
        ("tree/sub/a.txt", None),
        ("tree/sub/up", "symbolic link loop (leads back to a folder above it)"),
    ] == _entries([tree], tmp_path)


def test_a_folder_that_cannot_be_listed_is_a_named_failure(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Tests may run as root, who can list any folder: refuse one listing as the OS would.
    tree = tmp_path / "tree"
    (tree / "locked").mkdir(parents=True)
    (tree / "locked" / "x.txt").write_text("x")
    (tree / "open.txt").write_text("o")
    real_scandir = os.scandir

    def scandir(path: str | Path) -> Iterator[os.DirEntry[str]]:
        if Path(path).name == "locked":
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(walk.os, "scandir", scandir)
    assert [
        ("tree/locked", "cannot read folder (Permission denied)"),
        ("tree/open.txt", None),
    ] == _entries([tree], tmp_path)
