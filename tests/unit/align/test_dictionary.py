"""The CC-CEDICT layer beneath the Chinese and Cantonese lexicons."""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterator
from pathlib import Path

import pytest

from archive.align import Aligner, Lexicon, dictionary
from archive.align.dictionary import dictionary_for, entry_words
from tests.unit.align.samples import perturbed


def test_each_chinese_variety_reads_its_own_headword_form() -> None:
    simplified, traditional = dictionary_for("zh-CN"), dictionary_for("zh-TW")
    assert simplified is not None and traditional is not None
    assert "presiden" in simplified.words("总统")
    assert "presiden" in traditional.words("總統")
    assert [] == simplified.words("總統")  # a traditional form is no simplified headword
    assert traditional is dictionary_for("yue")  # written Cantonese: traditional forms


@pytest.mark.parametrize(
    ("src", "tgt"), [("ko", "en"), ("my", "en"), ("en", "en"), ("zh-Hans", "fr"), (None, "en")]
)
def test_no_dictionary_elsewhere(src: str | None, tgt: str) -> None:
    assert dictionary_for(src, tgt) is None


def test_entry_words_keep_the_first_meaningful_senses() -> None:
    senses = [
        "CL:個|个[ge4]",
        "variant of 行[xing2]",
        "to walk (on foot)",
        "capable",
        "OK",
        "a",
        "b",
    ]
    assert ["walk", "capable", "ok"] == entry_words(senses)
    many = ["apple banana cherry", "dragon eagle falcon", "grape hazel iris", "jade kite lemon"]
    assert ["apple", "banana", "cherry", "dragon", "eagle", "falcon", "grape", "hazel"] == (
        entry_words(many)
    )


def test_the_dictionary_informs_lookups_but_is_never_stored() -> None:
    lexicon = Lexicon("zh-Hant", counts={"行": {"bank": 3.0}})
    words = [w for w, _ in lexicon.translations("總統")]
    assert ["presiden"] == words
    assert "bank" == lexicon.translations("行")[0][0]  # learned counts outweigh the senses
    assert {"行": {"bank": 3.0}} == lexicon.counts
    assert "行\tbank\t3" == lexicon.pruned().to_tsv().strip()
    assert lexicon.pruned().dictionary
    assert [] == Lexicon("zh-Hant", dictionary=False).translations("總統")


@pytest.mark.parametrize("lang", ["zh-Hans", "zh-Hant", "yue"])
def test_the_dictionary_alone_aligns_text_no_lexicon_has_seen(
    ntrex: dict[str, list[str]], lang: str
) -> None:
    """With no learned or shipped lexicon at all, the dictionary carries the alignment."""
    src, tgt, gold = perturbed(ntrex, lang)
    aligner = Aligner(use_seed_lexicon=False)

    def found(lexicon: Lexicon) -> int:
        result = aligner.align(src, tgt, src_lang=lang, tgt_lang="en", lexicon=lexicon)
        return len({(b.src, b.tgt) for b in result.beads} & gold)

    with_dictionary = found(Lexicon(lang))
    assert with_dictionary >= len(gold) - 3
    assert with_dictionary > found(Lexicon(lang, dictionary=False))


@pytest.fixture
def fresh_cache() -> Iterator[None]:
    """No dictionary opened in this process yet (each test has its own cache directory)."""
    dictionary._cedict.cache_clear()
    yield
    dictionary._cedict.cache_clear()


def test_the_dictionary_is_built_once_then_read_from_its_cache_file(
    fresh_cache: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    built = dictionary_for("zh-Hans")
    assert built is not None and built.path == dictionary.cache_path("simplified")
    assert built.path.is_file()
    dictionary._cedict.cache_clear()

    def no_parsing(form: str) -> None:
        raise AssertionError("the cache file should have been used")

    monkeypatch.setattr(dictionary, "_parse_cedict", no_parsing)
    again = dictionary_for("zh-Hans")
    assert again is not None and "presiden" in again.words("总统")
    assert built.word_totals == again.word_totals


def test_a_damaged_cache_file_is_rebuilt(fresh_cache: None) -> None:
    path = dictionary.cache_path("traditional")
    path.parent.mkdir(parents=True)
    path.write_bytes(b"not a database")
    found = dictionary_for("zh-Hant")
    assert found is not None and "presiden" in found.words("總統")
    assert path.read_bytes().startswith(b"SQLite format 3")


def test_without_a_writable_cache_the_dictionary_stays_in_memory(
    fresh_cache: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocked = tmp_path / "not-a-dir"
    blocked.write_text("a file where the cache directory would be")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    found = dictionary_for("yue")
    assert found is not None and found.path is None
    assert "presiden" in found.words("總統")


def _lookup_in_child(unit: str) -> list[str]:
    found = dictionary_for("zh-Hans")
    return found.words(unit) if found is not None else []


def test_a_forked_process_reads_the_dictionary_its_parent_opened(fresh_cache: None) -> None:
    parent = dictionary_for("zh-Hans")
    assert parent is not None and parent.words("总统")  # the parent's connection is open
    with multiprocessing.get_context("fork").Pool(1) as pool:
        assert parent.words("总统") == pool.apply(_lookup_in_child, ("总统",))
