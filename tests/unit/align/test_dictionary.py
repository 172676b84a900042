"""The CC-CEDICT layer beneath the Chinese and Cantonese lexicons."""

from __future__ import annotations

import pytest

from archive.align import Aligner, Lexicon
from archive.align.dictionary import dictionary_for, entry_words


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


def _perturbed(ntrex: dict[str, list[str]], lang: str) -> tuple[list[str], list[str], set[object]]:
    """The sample document with a merge, a dropped sentence and an added English one."""
    src, eng = ntrex[lang], ntrex["en"]
    tgt = [eng[0], eng[1] + " " + eng[2], *eng[3:6], *eng[7:], "Stocks fell sharply on Monday."]
    gold = {((0,), (0,)), ((1, 2), (1,)), ((6,), ())}
    gold |= {((k,), (k - 1,)) for k in range(3, 6)}
    gold |= {((k,), (k - 2,)) for k in range(7, len(src))}
    gold.add(((), (len(tgt) - 1,)))
    return src, tgt, gold


@pytest.mark.parametrize("lang", ["zh-Hans", "zh-Hant", "yue"])
def test_the_dictionary_alone_aligns_text_no_lexicon_has_seen(
    ntrex: dict[str, list[str]], lang: str
) -> None:
    """With no learned or shipped lexicon at all, the dictionary carries the alignment."""
    src, tgt, gold = _perturbed(ntrex, lang)
    aligner = Aligner(use_seed_lexicon=False)

    def found(lexicon: Lexicon) -> int:
        result = aligner.align(src, tgt, src_lang=lang, tgt_lang="en", lexicon=lexicon)
        return len({(b.src, b.tgt) for b in result.beads} & gold)

    with_dictionary = found(Lexicon(lang))
    assert with_dictionary >= len(gold) - 3
    assert with_dictionary > found(Lexicon(lang, dictionary=False))
