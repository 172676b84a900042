"""Bytes to text: BOMs, strict UTF-8, mostly-UTF-8 repaired, then legacy encodings.

A file that is UTF-8 but for a few stray bytes (a Windows dash pasted in, a file cut in the
middle of a character) is UTF-8: it is decoded as such with each bad byte replaced by U+FFFD
and their byte offsets recorded, never guessed as a legacy encoding (which garbles every
other non-ASCII character). Only bytes that are not mostly UTF-8 go to charset-normalizer.
"""

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
# A mostly-UTF-8 file with more invalid bytes than this is refused rather than repaired.
MAX_REPAIRED_BYTES = 16


@dataclass(frozen=True, slots=True)
class DecodedText:
    """Text decoded from a file, and the byte encoding it was found in."""

    text: str
    encoding: str
    repaired: tuple[int, ...] = ()  # byte offsets of invalid UTF-8 bytes replaced by U+FFFD

    def repair_note(self) -> str | None:
        """A one-line note on the bytes repaired, for the import's outcome; None if none."""
        if not self.repaired:
            return None
        shown = ", ".join(str(offset) for offset in self.repaired[:5])
        more = f" and {len(self.repaired) - 5} more" if len(self.repaired) > 5 else ""
        count = len(self.repaired)
        noun = "byte" if count == 1 else "bytes"
        return f"UTF-8 with {count} invalid {noun} replaced by U+FFFD (at byte {shown}{more})"


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
    repaired = _decode_mostly_utf8(data, source)
    if repaired is not None:
        if _control_share(repaired.text) > _MAX_CONTROL_SHARE:
            raise ImportFailed(source, "binary file (control bytes), not text")
        return repaired
    return _decode_legacy(data, source)


def _is_escaped(char: str) -> bool:
    return "\udc80" <= char <= "\udcff"


def _decode_mostly_utf8(data: bytes, source: str) -> DecodedText | None:
    """``data`` as UTF-8 with its few invalid bytes replaced, if it is mostly UTF-8; else None.

    Mostly UTF-8: its valid multi-byte characters are at least as many as its invalid bytes
    (legacy text makes valid sequences only by chance: a few per hundred invalid bytes), or
    its only flaw is a character cut off at the very end (a truncated download).

    Raises:
        ImportFailed: mostly UTF-8, but with more than `MAX_REPAIRED_BYTES` invalid bytes
            (the message gives the first one's offset).
    """
    escaped = data.decode("utf-8", errors="surrogateescape")
    invalid = sum(1 for ch in escaped if _is_escaped(ch))
    valid = sum(1 for ch in escaped if ch > "\x7f") - invalid
    if valid < max(1, invalid) and not _cut_at_end(data):
        return None
    offsets: list[int] = []
    byte = 0
    for ch in escaped:
        if _is_escaped(ch):
            offsets.append(byte)
            if len(offsets) > MAX_REPAIRED_BYTES:
                raise ImportFailed(
                    source,
                    f"UTF-8 but for {invalid} invalid bytes (the first at byte {offsets[0]}); "
                    "convert the file to UTF-8",
                )
            byte += 1
        else:
            byte += len(ch.encode("utf-8", errors="surrogatepass"))
    text = "".join("\ufffd" if _is_escaped(ch) else ch for ch in escaped)
    return DecodedText(text, "utf-8", tuple(offsets))


def _cut_at_end(data: bytes) -> bool:
    """Whether ``data`` is valid UTF-8 but for an incomplete character at its very end."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return exc.reason == "unexpected end of data" and exc.end == len(data)
    return False


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
