"""Bytes to text: BOMs, strict UTF-8, then legacy encodings found by charset-normalizer."""

from __future__ import annotations

import codecs
from dataclasses import dataclass

from archive.errors import ImportFailed

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Share of control characters (other than tab/newline/CR/FF) above which bytes are not text.
_MAX_CONTROL_SHARE = 0.01


@dataclass(frozen=True, slots=True)
class DecodedText:
    """Text decoded from a file, and the byte encoding it was found in."""

    text: str
    encoding: str


def _control_share(text: str) -> float:
    if not text:
        return 0.0
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\t\n\r\f\x1b")
    return controls / len(text)


def decode_bytes(data: bytes, *, source: str = "<bytes>") -> DecodedText:
    """Decode a file's bytes, recording the encoding found.

    Raises:
        ImportFailed: the bytes are empty, binary, or no encoding fits.
    """
    if not data.strip():
        raise ImportFailed(source, "empty file")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return DecodedText(data.decode(encoding), encoding.removesuffix("-sig"))
            except UnicodeDecodeError as exc:
                raise ImportFailed(source, f"invalid {encoding} after its byte-order mark") from exc
    if b"\x00" in data:
        raise ImportFailed(source, "binary file (NUL bytes), not text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = ""
    else:
        if _control_share(text) > _MAX_CONTROL_SHARE:
            raise ImportFailed(source, "binary file (control bytes), not text")
        return DecodedText(text, "utf-8")
    return _decode_legacy(data, source)


def _decode_legacy(data: bytes, source: str) -> DecodedText:
    from charset_normalizer import from_bytes

    matches = from_bytes(data)
    best = matches.best()
    if best is None or best.encoding is None:
        raise ImportFailed(source, "not valid UTF-8 and no legacy encoding fits")
    # Central-European cp1250 and Western cp1252 often read alike; in news pages the Western
    # one is far more common, so it wins whenever it reads as cleanly as the best guess.
    # (charset-normalizer lists encodings that decode these bytes identically together).
    encoding, text = best.encoding, str(best)
    for match in matches:
        if match.chaos > best.chaos + 0.01:
            continue
        if "cp1252" in (match.encoding, *match.could_be_from_charset):
            encoding, text = "cp1252", data.decode("cp1252", errors="strict")
            break
    if best.chaos > 0.3 or _control_share(text) > _MAX_CONTROL_SHARE:
        raise ImportFailed(source, f"not valid UTF-8; best guess {encoding} does not read as text")
    return DecodedText(text, encoding)
