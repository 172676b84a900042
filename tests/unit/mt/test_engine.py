"""Batched translation with installed packages, pivoting through English, and its settings."""

from __future__ import annotations

import pytest

from archive.errors import InvalidSetting, ModelPackageMissing
from archive.mt import translator_for
from archive.mt.engine import load_translation
from archive.mt.packages import install_package, remove_package
from archive.mt.settings import MtSettings
from tests.unit.mt.conftest import TinyPackages, sample_paragraphs

SENTENCES = [s for p in sample_paragraphs(2, 4) for s in p]


def test_one_output_per_input_and_empty_stays_empty(tiny_packages: TinyPackages) -> None:
    install_package(tiny_packages.my_en)
    translation = load_translation("my", "en")

    out = translation(["", *SENTENCES, "   "])

    assert len(SENTENCES) + 2 == len(out)
    assert ("", "") == (out[0], out[-1])
    assert all(isinstance(x, str) and x == " ".join(x.split()) for x in out)
    assert all(out[1:-1])  # the tiny model says something for every sentence


def test_batching_does_not_change_the_output(tiny_packages: TinyPackages) -> None:
    install_package(tiny_packages.my_en)
    small = load_translation("my", "en", settings=MtSettings(max_batch_size=1, inter_threads=1))
    large = load_translation("my", "en", settings=MtSettings(max_batch_size=64, inter_threads=2))

    assert small(SENTENCES) == large(SENTENCES)


def test_progress_reports_every_chunk(tiny_packages: TinyPackages) -> None:
    install_package(tiny_packages.my_en)
    translation = load_translation(
        "my", "en", settings=MtSettings(max_batch_size=1, inter_threads=1)
    )
    seen: list[tuple[int, int]] = []

    translation.translate(SENTENCES * 2, progress=lambda done, total: seen.append((done, total)))

    assert (16, 16) == seen[-1]
    assert [4, 8, 12, 16] == [done for done, _ in seen]


def test_direct_package_is_recorded(tiny_packages: TinyPackages) -> None:
    install_package(tiny_packages.my_en)
    translation = load_translation("my", "en")

    details = translation.engine_details()
    assert ("translate-my_en", "1.0", None) == (
        translation.model_package,
        translation.model_version,
        translation.pivot,
    )
    assert [("translate-my_en", "1.0", "my", "en")] == [
        (s["package"], s["version"], s["from"], s["to"]) for s in details["steps"]
    ]
    import ctranslate2

    assert ctranslate2.__version__ == details["ctranslate2"]
    assert (2, 1, 1) == (details["beam_size"], details["inter_threads"], details["intra_threads"])


def test_pair_without_package_pivots_through_english(tiny_packages: TinyPackages) -> None:
    install_package(tiny_packages.my_en)
    install_package(tiny_packages.en_km)

    translation = load_translation("my", "km")
    english = load_translation("my", "en")(SENTENCES)
    khmer = load_translation("en", "km")(english)

    assert "en" == translation.pivot
    assert "translate-my_en+translate-en_km" == translation.model_package
    assert "en" == translation.engine_details()["pivot"]
    assert khmer == translation(SENTENCES)


def test_no_package_for_the_pair(tiny_packages: TinyPackages) -> None:
    install_package(tiny_packages.en_km)  # half a pivot is not enough

    with pytest.raises(ModelPackageMissing, match="no translation package installed for my -> km"):
        load_translation("my", "km")
    assert None is translator_for("my", "km")


def test_translator_for_is_cached_and_follows_installs(tiny_packages: TinyPackages) -> None:
    assert None is translator_for("my", "en")

    install_package(tiny_packages.my_en)
    found = translator_for("my", "en")
    assert found is not None
    assert found is translator_for("my", "en")
    assert len(SENTENCES) == len(found(SENTENCES))

    remove_package("my", "en")
    assert None is translator_for("my", "en")


def test_settings_from_environment() -> None:
    settings = MtSettings.from_env(
        {"ARCHIVE_MT_BEAM_SIZE": "4", "ARCHIVE_MT_INTRA_THREADS": "0", "ARCHIVE_MT_BATCH_SIZE": "8"}
    )

    assert (4, 1, 0, 8) == (
        settings.beam_size,
        settings.inter_threads,
        settings.intra_threads,
        settings.max_batch_size,
    )
    with pytest.raises(InvalidSetting, match="ARCHIVE_MT_BEAM_SIZE='many'"):
        MtSettings.from_env({"ARCHIVE_MT_BEAM_SIZE": "many"})
