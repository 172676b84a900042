"""Paragraphs and sentences: rules per script on real text, and the offset invariants."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from archive.analysis import analyze_text
from archive.analysis.lao_train import strip_final_punctuation
from archive.analysis.ntrex import read_documents
from archive.analysis.segment import split_paragraphs


def sentences(text: str) -> list[str]:
    return [text[s.start : s.end] for s in analyze_text(text).sentences]


# Held-out NTREX paragraphs (documents >= 60): the sentences must come back as the lines.
@pytest.mark.parametrize(
    ("code", "document", "paragraph"),
    [
        ("src.eng", 63, 1),
        ("ref.mya", 65, 1),
        ("ref.khm", 63, 1),
        ("ref.lao", 63, 1),
        ("ref.bod", 63, 1),
        ("ref.uig", 63, 1),
        ("ref.kor", 65, 1),
        ("ref.vie", 63, 1),
        ("ref.zho-CN", 63, 1),
        ("ref.zho-TW", 63, 1),
        ("ref.yue", 63, 1),
    ],
)
def test_real_paragraphs_split_into_their_sentences(
    ntrex: Path, code: str, document: int, paragraph: int
) -> None:
    lines = list(read_documents(ntrex, code)[document].paragraphs[paragraph])
    separator = "" if code in ("ref.zho-CN", "ref.zho-TW", "ref.yue") else " "
    assert len(lines) >= 4
    assert lines == sentences(separator.join(lines))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Maj. Gen. John Smith met Dr. Jones on Sept. 11 in the U.S. He left.",
            ["Maj. Gen. John Smith met Dr. Jones on Sept. 11 in the U.S.", "He left."],
        ),
        (
            'Capt. Lee of No. 5 Squadron said "stop." Then Mr. Kim went to St. Louis.',
            ['Capt. Lee of No. 5 Squadron said "stop."', "Then Mr. Kim went to St. Louis."],
        ),
        (
            "Growth was 3.5 percent in Jan. 2019, said George W. Bush Jr. at 10 a.m. on Monday.",
            ["Growth was 3.5 percent in Jan. 2019, said George W. Bush Jr. at 10 a.m. on Monday."],
        ),
        (
            '"Why?" she asked. "Because," he said... Then silence. Wait... what?',
            ['"Why?" she asked.', '"Because," he said...', "Then silence.", "Wait... what?"],
        ),
        (
            "Apple Inc. said sales rose. The company, e.g. its shops, did well (mostly.) Fine!",
            [
                "Apple Inc. said sales rose.",
                "The company, e.g. its shops, did well (mostly.)",
                "Fine!",
            ],
        ),
        (
            "Ông Nguyễn Văn A. đến TP. Hồ Chí Minh lúc 9 giờ. Trời mưa to.",
            ["Ông Nguyễn Văn A. đến TP. Hồ Chí Minh lúc 9 giờ.", "Trời mưa to."],
        ),
    ],
)
def test_english_and_vietnamese_abbreviations(text: str, expected: list[str]) -> None:
    assert expected == sentences(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Burmese: ။ ends, ၊ does not; a quotation closed by ။” goes on with ဟု.
        (
            "မိုးရွာသည်၊ လေတိုက်သည်။ “ကျွန်တော် မသွားပါ။” ဟု သူက ပြောသည်။ ပြီးပြီ။",
            ["မိုးရွာသည်၊ လေတိုက်သည်။", "“ကျွန်တော် မသွားပါ။” ဟု သူက ပြောသည်။", "ပြီးပြီ။"],
        ),
        # Khmer: ។ and ៕ end, ។ល។ ("etc.") does not; closing quotes stay.
        (
            "ខ្ញុំទិញផ្លែឈើ ចេក ស្វាយ ។ល។ នៅផ្សារ។ គាត់និយាយថា «ល្អណាស់»។ ចប់៕",
            ["ខ្ញុំទិញផ្លែឈើ ចេក ស្វាយ ។ល។ នៅផ្សារ។", "គាត់និយាយថា «ល្អណាស់»។", "ចប់៕"],
        ),
        # Tibetan: a shad after a connective particle (དང་།) does not end the sentence.
        (
            "ཁོ་ལྷ་སར་ཕྱིན་པ་དང་། ཁོ་མོ་གཞིས་ཀ་རྩེར་ཕྱིན་པ་རེད། ངས་ཤེས་ཀྱི་འདུག ཁོང་ཚོ་ཡོང་གི་རེད༎",
            ["ཁོ་ལྷ་སར་ཕྱིན་པ་དང་། ཁོ་མོ་གཞིས་ཀ་རྩེར་ཕྱིན་པ་རེད།", "ངས་ཤེས་ཀྱི་འདུག", "ཁོང་ཚོ་ཡོང་གི་རེད༎"],
        ),
        # Arabic script: ؟ . ! ۔
        (
            "بۇ نېمە؟ بۇ كىتاب. يہ کتاب ہے۔ واہ!",
            ["بۇ نېمە؟", "بۇ كىتاب.", "يہ کتاب ہے۔", "واہ!"],
        ),
        # CJK: 。！？ with closing quotes and brackets kept.
        (
            "他說：「我不去。」她問：「為什麼？」（沒有答案。）好！",
            ["他說：「我不去。」", "她問：「為什麼？」", "（沒有答案。）", "好！"],
        ),
        # Korean: a quotation closed by .” continues with 라고.
        (
            "그는 “내일 간다.”라고 말했다. 그녀는 웃었다.",
            ["그는 “내일 간다.”라고 말했다.", "그녀는 웃었다."],
        ),
        # Khmer initials glued to the word before them ("officialក.ប.ស.") end no sentence.
        (
            "មន្ត្រីក.ប.ស. ស្នើឲ្យពលរដ្ឋទៅបោះឆ្នោត។ អ្នកភូមិស្វាគមន៍។",
            ["មន្ត្រីក.ប.ស. ស្នើឲ្យពលរដ្ឋទៅបោះឆ្នោត។", "អ្នកភូមិស្វាគមន៍។"],
        ),
        # Lao with full stops: split on them.
        (
            "ມັນເກີດຂຶ້ນເນື່ອງຈາກແຜນການປ່ຽນຊື່ສະພາ. ສະມາຊິກສະພາກັງວົນ.",
            ["ມັນເກີດຂຶ້ນເນື່ອງຈາກແຜນການປ່ຽນຊື່ສະພາ.", "ສະມາຊິກສະພາກັງວົນ."],
        ),
    ],
)
def test_sentence_punctuation_per_script(text: str, expected: list[str]) -> None:
    assert expected == sentences(text)


def test_unpunctuated_lao_is_split_at_spaces_by_the_model(ntrex: Path) -> None:
    # A held-out NTREX paragraph (document 63) with its full stops removed.
    document = strip_final_punctuation(read_documents(ntrex, "ref.lao")[63])
    lines = list(document.paragraphs[1])
    text = " ".join(lines)
    found = sentences(text)
    ends = {len(" ".join(lines[: i + 1])) for i in range(len(lines))}
    predicted = {s.end for s in analyze_text(text).sentences}
    assert (True, True) == (len(found) > 1, len(ends & predicted) >= len(lines) // 2)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", []),
        (" \n\t\n ", []),
        ("One.\nTwo.\r\nThree.", ["One.", "Two.", "Three."]),
        ("One.\nstill one.\n\n  Two.  \n\n\n", ["One.\nstill one.", "Two."]),
        ("\n\nA\r\n\r\nB\n", ["A", "B"]),
    ],
)
def test_paragraphs_blank_lines_or_else_lines(text: str, expected: list[str]) -> None:
    assert expected == [text[a:b] for a, b in split_paragraphs(text)]


def test_markup_and_escape_characters_are_text() -> None:
    text = 'Hello &amp; <b class="x">world</b>. \x1b[31mRed.\x1b[0m\x00 Done? {"A": 1}.'
    assert [
        'Hello &amp; <b class="x">world</b>.',
        "\x1b[31mRed.\x1b[0m\x00 Done?",
        '{"A": 1}.',
    ] == sentences(text)


_ALPHABET = st.sampled_from(
    list("abcXYZ019 .!?…,;:\"'“”‘’«»「」（）()[]。！？，\n\r\t\u00a0\u3000\u200b\ufeff")
    + list("။၊ကမ္ျေ")  # Burmese, Zawgyi-like
    + list("។៕លកខ")  # Khmer
    + list("ລາວ ")  # Lao
    + list("།༎་ཀགང")  # Tibetan
    + list("؟۔ېئا")  # Arabic script
    + list("中國语한국ひカ")
    + ["\x1b", "\x00", "<", ">", "&", "\\", "\U0001f600", "\u0301"]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_ALPHABET, max_size=120).map("".join))
def test_segment_invariants(text: str) -> None:
    result = analyze_text(text)
    previous_end = 0
    covered: set[int] = set()
    for paragraph in result.paragraphs:
        assert previous_end <= paragraph.start < paragraph.end <= len(text)
        assert not text[paragraph.start].isspace() and not text[paragraph.end - 1].isspace()
        position = paragraph.start
        for sentence in paragraph.sentences:
            assert position <= sentence.start < sentence.end <= paragraph.end
            assert not text[sentence.start].isspace() and not text[sentence.end - 1].isspace()
            covered.update(range(sentence.start, sentence.end))
            position = sentence.end
        previous_end = paragraph.end
    assert [i for i, c in enumerate(text) if not c.isspace()] == [
        i for i in sorted(covered) if not text[i].isspace()
    ]
    assert set(result.to_json()) >= {"language", "script", "encoding", "confidence", "paragraphs"}
