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
