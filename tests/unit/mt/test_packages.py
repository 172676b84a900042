"""Installing, listing and removing packages; hostile and broken package files are refused."""

from __future__ import annotations

import os
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from archive.errors import (
    InvalidModelPackage,
    PackageNotInstalled,
    UnsafeModelPackage,
)
from archive.mt.packages import (
    argos_code,
    inspect_package,
    install_package,
    list_packages,
    remove_package,
)
from archive.mt.settings import packages_dir
from tests import mtpack
from tests.unit.mt.conftest import TinyPackages


def tree(folder: Path) -> list[str]:
    """Every path under ``folder``, relative, sorted (files and folders)."""
    if not folder.exists():
        return []
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


def test_install_lists_the_package_inside_the_archive_folder(
    tiny_packages: TinyPackages, mt_dir: Path
) -> None:
    result = install_package(tiny_packages.my_en)

    assert "installed" == result.status
    [package] = list_packages()
    assert ("my", "en", "1.0", "translate-my_en") == (
        package.from_code,
        package.to_code,
        package.package_version,
        package.name,
    )
    assert mt_dir / "translate-my_en" == package.path
    assert package.size > 10_000
    assert (package.path / "model" / "model.bin").is_file()
    assert (package.path / "sentencepiece.model").is_file()
    assert [] == [p for p in os.listdir(mt_dir) if p.startswith(".")]  # no staging left
    assert str(tiny_packages.my_en.resolve()) == package.source_file


def test_default_folder_is_in_the_archive_data_dir(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ARCHIVE_MT_DIR")
    from archive.db import data_dir

    assert data_dir() / "argos-packages" == packages_dir()


def test_same_version_again_is_unchanged_and_force_replaces(tiny_packages: TinyPackages) -> None:
    first = install_package(tiny_packages.my_en)
    marker = first.package.path / "marker"
    marker.write_text("x")

    again = install_package(tiny_packages.my_en)
    forced = install_package(tiny_packages.my_en, force=True)

    assert ("unchanged", "replaced") == (again.status, forced.status)
    assert not marker.exists()  # the forced install is a fresh folder


def test_newer_version_replaces_the_pair(tiny_packages: TinyPackages, mt_dir: Path) -> None:
    install_package(tiny_packages.my_en)
    result = install_package(tiny_packages.my_en_v2)

    assert ("replaced", "1.0") == (result.status, result.previous_version)
    assert [("my", "en", "1.1")] == [
        (p.from_code, p.to_code, p.package_version) for p in list_packages()
    ]
    assert ["translate-my_en"] == os.listdir(mt_dir)


def test_remove_a_pair(tiny_packages: TinyPackages, mt_dir: Path) -> None:
    install_package(tiny_packages.my_en)
    install_package(tiny_packages.en_km)

    removed = remove_package("my", "en")

    assert "translate-my_en" == removed.name
    assert ["translate-en_km"] == os.listdir(mt_dir)
    with pytest.raises(PackageNotInstalled, match="my -> en"):
        remove_package("my", "en")


def test_inspect_reads_metadata_without_writing(tiny_packages: TinyPackages, mt_dir: Path) -> None:
    manifest = inspect_package(tiny_packages.en_km)

    assert ("en", "km", "1.0", "translate-en_km-1_0") == (
        manifest.from_code,
        manifest.to_code,
        manifest.package_version,
        manifest.folder,
    )
    assert not mt_dir.exists()


@pytest.mark.parametrize(
    ("tag", "code"),
    [
        ("my", "my"),
        ("en-GB", "en"),
        ("zh-Hant", "zt"),
        ("zh-TW", "zt"),
        ("zh-Hans", "zh"),
        ("pt-BR", "pb"),
        ("KM", "km"),
    ],
)
def test_argos_codes(tag: str, code: str) -> None:
    assert code == argos_code(tag)


# --------------------------------------------------------------------------- hostile packages

Builder = Callable[[Path, dict[str, bytes], str], Path]


def traversal(out: Path, members: dict[str, bytes], top: str) -> Path:
    return mtpack.write_zip(out, {**members, f"{top}/../evil.txt": b"owned"})


def absolute(out: Path, members: dict[str, bytes], top: str) -> Path:
    return mtpack.write_zip(out, {**members, "/tmp/evil.txt": b"owned"})


def symlink(out: Path, members: dict[str, bytes], top: str) -> Path:
    return mtpack.write_zip(out, members, symlinks={f"{top}/model/link": "/etc/passwd"})


def device(out: Path, members: dict[str, bytes], top: str) -> Path:
    mtpack.write_zip(out, members)
    with zipfile.ZipFile(out, "a") as zf:
        info = zipfile.ZipInfo(f"{top}/dev")
        info.create_system = 3
        info.external_attr = (0o020000 | 0o644) << 16  # a character device
        zf.writestr(info, b"")
    return out


def two_tops(out: Path, members: dict[str, bytes], top: str) -> Path:
    return mtpack.write_zip(out, {**members, "other/README.md": b"hello"})


def no_folder(out: Path, members: dict[str, bytes], top: str) -> Path:
    return mtpack.write_zip(out, {k.split("/", 1)[1]: v for k, v in members.items()})


def no_metadata(out: Path, members: dict[str, bytes], top: str) -> Path:
    return mtpack.write_zip(out, {k: v for k, v in members.items() if "metadata" not in k})


def no_model(out: Path, members: dict[str, bytes], top: str) -> Path:
    return mtpack.write_zip(out, {k: v for k, v in members.items() if "model.bin" not in k})


def no_tokenizer(out: Path, members: dict[str, bytes], top: str) -> Path:
    return mtpack.write_zip(out, {k: v for k, v in members.items() if "sentencepiece" not in k})


def bad_metadata(out: Path, members: dict[str, bytes], top: str) -> Path:
    return mtpack.write_zip(out, {**members, f"{top}/metadata.json": b'{"from_code": "my"}'})


def not_json(out: Path, members: dict[str, bytes], top: str) -> Path:
    return mtpack.write_zip(out, {**members, f"{top}/metadata.json": b"{nope"})


def corrupt(out: Path, members: dict[str, bytes], top: str) -> Path:
    mtpack.write_zip(out, members)
    out.write_bytes(out.read_bytes()[:-200])  # the central directory is cut off
    return out


def not_a_zip(out: Path, members: dict[str, bytes], top: str) -> Path:
    out.write_bytes(b"this is not a zip file at all\n" * 10)
    return out


def bomb(out: Path, members: dict[str, bytes], top: str) -> Path:
    mtpack.write_zip(out, {**members, f"{top}/padding.bin": b"\0" * 1000})
    mtpack.with_declared_size(out, f"{top}/padding.bin", 0xFFFF_FFF0)
    return out


def bad_tokenizer(out: Path, members: dict[str, bytes], top: str) -> Path:
    return mtpack.write_zip(out, {**members, f"{top}/sentencepiece.model": b"garbage"})


HOSTILE: list[tuple[Builder, type[Exception], str]] = [
    (traversal, UnsafeModelPackage, "points outside the package folder"),
    (absolute, UnsafeModelPackage, "is an absolute path"),
    (symlink, UnsafeModelPackage, "is a symbolic link"),
    (device, UnsafeModelPackage, "is a device or special file"),
    (two_tops, InvalidModelPackage, "2 top-level entries"),
    (no_folder, InvalidModelPackage, "top-level entries"),
    (no_metadata, InvalidModelPackage, "no translate-my_en-1_0/metadata.json"),
    (no_model, InvalidModelPackage, "no CTranslate2 model"),
    (no_tokenizer, InvalidModelPackage, "no sentencepiece tokenizer"),
    (bad_metadata, InvalidModelPackage, "metadata.json has no to_code"),
    (not_json, InvalidModelPackage, "metadata.json is not valid JSON"),
    (corrupt, InvalidModelPackage, "not a valid zip archive"),
    (not_a_zip, InvalidModelPackage, "not a valid zip archive"),
    (bomb, UnsafeModelPackage, "over the 2.0 GB limit per file (zip bomb?)"),
    (bad_tokenizer, InvalidModelPackage, "sentencepiece.model cannot be loaded"),
]


@pytest.mark.parametrize(
    ("build", "error", "message"), HOSTILE, ids=[h[0].__name__ for h in HOSTILE]
)
def test_hostile_or_broken_package_is_refused_and_nothing_is_written(
    tiny_packages: TinyPackages,
    mt_dir: Path,
    tmp_path: Path,
    build: Builder,
    error: type[Exception],
    message: str,
) -> None:
    members = mtpack.members_of(tiny_packages.my_en)
    bad = build(tmp_path / "bad.argosmodel", members, "translate-my_en-1_0")
    before = tree(mt_dir.parent)

    with pytest.raises(error) as raised:
        install_package(bad)

    assert message in str(raised.value)
    assert str(raised.value).startswith(str(bad))
    assert before == tree(mt_dir.parent)
    assert not (tmp_path / "evil.txt").exists()
    assert not Path("/tmp/evil.txt").exists()


def test_refused_package_leaves_the_installed_one_alone(
    tiny_packages: TinyPackages, mt_dir: Path, tmp_path: Path
) -> None:
    install_package(tiny_packages.my_en)
    before = tree(mt_dir.parent)
    members = mtpack.members_of(tiny_packages.my_en_v2)
    bad = bad_tokenizer(tmp_path / "bad.argosmodel", members, "translate-my_en-1_1")

    with pytest.raises(InvalidModelPackage):
        install_package(bad)

    assert before == tree(mt_dir.parent)
    assert ["1.0"] == [p.package_version for p in list_packages()]


def test_missing_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(InvalidModelPackage, match=r"nope\.argosmodel: no such file"):
        install_package(tmp_path / "nope.argosmodel")


def test_install_clears_work_folders_left_by_a_killed_install(
    tiny_packages: TinyPackages, mt_dir: Path
) -> None:
    old = mt_dir / ".installing-old"
    recent = mt_dir / ".installing-recent"
    (old / "model").mkdir(parents=True)
    recent.mkdir()
    os.utime(old, (1_000_000_000, 1_000_000_000))

    install_package(tiny_packages.my_en)

    assert [".installing-recent", "translate-my_en"] == sorted(os.listdir(mt_dir))
    assert ["translate-my_en"] == [p.path.name for p in list_packages()]


def test_too_many_members_or_too_much_in_total_is_refused(
    tiny_packages: TinyPackages, mt_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("archive.mt.packages.MAX_MEMBERS", 5)
    with pytest.raises(UnsafeModelPackage, match="holds 7 members, over the 5 limit"):
        install_package(tiny_packages.my_en)

    monkeypatch.setattr("archive.mt.packages.MAX_MEMBERS", 100)
    monkeypatch.setattr("archive.mt.packages.MAX_TOTAL_BYTES", 1000)
    with pytest.raises(UnsafeModelPackage, match="more than 1000 B uncompressed in total"):
        install_package(tiny_packages.my_en)
    assert not mt_dir.exists()
