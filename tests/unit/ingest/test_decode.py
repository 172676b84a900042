"""Bytes to text: UTF-8, BOMs, legacy encodings, and what is refused."""

from __future__ import annotations

import codecs

import pytest

from archive.errors import ImportFailed
from archive.ingest.decode import decode_bytes

CHINESE = "緬甸軍政府的數百名安全人員在過去兩週內叛逃，加入反對政變的抵抗運動。" * 4
KOREAN = "미얀마 군사정권의 보안 요원 수백 명이 지난 2주 동안 이탈했다고 밝혔다. " * 4
FRENCH = "Le café de la rue était fermé ; les réfugiés ont dû attendre à l’extérieur. " * 4


def test_utf8_is_read_as_is() -> None:
    decoded = decode_bytes("Reported by RFA’s Myanmar Service.".encode())
    assert ("Reported by RFA’s Myanmar Service.", "utf-8") == (decoded.text, decoded.encoding)


@pytest.mark.parametrize(
    ("bom", "codec", "expected"),
    [
        (codecs.BOM_UTF8, "utf-8", "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16"),
    ],
)
def test_byte_order_marks(bom: bytes, codec: str, expected: str) -> None:
    decoded = decode_bytes(bom + KOREAN.encode(codec))
    assert (KOREAN, expected) == (decoded.text, decoded.encoding)


@pytest.mark.parametrize(
    ("text", "codec"),
    [(CHINESE, "big5"), (CHINESE, "gb18030"), (KOREAN, "euc-kr"), (FRENCH, "cp1252")],
)
def test_legacy_encodings_are_found(text: str, codec: str) -> None:
    decoded = decode_bytes(text.encode(codec))
    assert text == decoded.text
    assert decoded.encoding != "utf-8"


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty file"),
        (b"  \n\n\t ", "empty file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary file (NUL bytes), not text"),
    ],
)
def test_refused_with_a_reason(data: bytes, reason: str) -> None:
    with pytest.raises(ImportFailed) as caught:
        decode_bytes(data, source="pages/x.txt")
    assert f"pages/x.txt: {reason}" == str(caught.value)


def test_random_bytes_are_refused() -> None:
    noise = bytes((i * 97 + 13) % 256 for i in range(4000)).replace(b"\x00", b"\x01")
    with pytest.raises(ImportFailed, match="not"):
        decode_bytes(noise, source="noise.txt")


# --------------------------------------------------------------------------- mostly UTF-8
# A UTF-8 file with a stray byte, or cut in the middle of a character, is UTF-8: the bad
# bytes become U+FFFD and are recorded, never a legacy guess that garbles the rest (issue 21).

VIETNAMESE = "Người dân Việt Nam đã biểu tình tại Hà Nội để phản đối dự luật đặc khu. " * 4
RUSSIAN = "Жители города вышли на улицы, требуя освобождения задержанных журналистов. " * 4
LEGACY_CASES = [
    (CHINESE, "big5"),
    (CHINESE, "gb18030"),
    (KOREAN, "euc-kr"),
    (FRENCH, "cp1252"),
    (RUSSIAN, "cp1251"),
    (RUSSIAN, "koi8-r"),
]


@pytest.mark.parametrize(("text", "codec"), LEGACY_CASES, ids=[c for _, c in LEGACY_CASES])
@pytest.mark.parametrize("stray", [b"\x96", b"\xff", b"\x80", b"\xc3("])
def test_utf8_with_a_stray_byte_is_repaired_not_guessed(
    text: str, codec: str, stray: bytes
) -> None:
    # the same text the legacy test finds in `codec`, here as UTF-8 with one bad byte in it
    assert text == decode_bytes(text.encode(codec)).text
    middle = len(text) // 2
    data = text[:middle].encode() + stray + text[middle:].encode()
    decoded = decode_bytes(data, source="x.txt")
    expected = text[:middle] + "\ufffd" + stray[1:].decode() + text[middle:]
    assert (expected, "utf-8") == (decoded.text, decoded.encoding)
    assert (len(text[:middle].encode()),) == decoded.repaired
    assert f"at byte {len(text[:middle].encode())})" in (decoded.repair_note() or "")


@pytest.mark.parametrize(("text", "codec"), LEGACY_CASES, ids=[c for _, c in LEGACY_CASES])
def test_utf8_cut_in_the_middle_of_a_character_is_repaired(text: str, codec: str) -> None:
    data = text.encode()
    last = max(i for i, ch in enumerate(text) if len(ch.encode()) > 1)
    cut = len(text[:last].encode()) + 1  # one byte into the last multi-byte character
    decoded = decode_bytes(data[:cut])
    assert (text[:last] + "\ufffd", "utf-8") == (decoded.text, decoded.encoding)
    assert (cut - 1,) == decoded.repaired
    assert codec  # the same texts as the legacy cases


def test_utf8_with_too_many_bad_bytes_is_refused_naming_the_first() -> None:
    data = b"\xff".join(part.encode() for part in VIETNAMESE.split(" "))
    first = len(VIETNAMESE.split(" ")[0].encode())
    with pytest.raises(ImportFailed) as caught:
        decode_bytes(data, source="mixed.txt")
    assert str(caught.value).startswith("mixed.txt: UTF-8 but for ")
    assert f"(the first at byte {first})" in str(caught.value)


@pytest.mark.parametrize(("text", "codec"), LEGACY_CASES, ids=[c for _, c in LEGACY_CASES])
def test_legacy_text_is_never_taken_for_damaged_utf8(text: str, codec: str) -> None:
    decoded = decode_bytes(text.encode(codec))
    assert (text, ()) == (decoded.text, decoded.repaired)
