"""Web archives in: the article pages of a WARC or WACZ, each with its capture as provenance.

A WARC (ISO 28500) is read as a stream of records with warcio, so a file of any size imports in
constant memory; a WACZ is a zip holding WARCs under ``archive/`` (read member by member, never
extracted to disk). Each HTML ``response`` record becomes a `WarcPage`: its payload goes through
the same page reader as a saved ``.html`` page, and its `Capture` (target URI, WARC-Date,
WARC-Record-ID, payload digest, file and offset, crawler) is stored beside the version it gave.

Whether a captured HTML page is a story is `archive.ingest.webpage`'s decision. What is not an
article page is counted and skipped without noise (`Tally`); a damaged record is
a `WarcError` naming its offset, and reading goes on at the next record.
"""

from __future__ import annotations

import codecs
import datetime as dt
import hashlib
import json
import logging
import re
import zipfile
from collections import Counter, OrderedDict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from archive.errors import ImportFailed

log = logging.getLogger(__name__)

WARC_SUFFIXES = (".warc", ".warc.gz", ".wacz")

#: The largest record payload read as a page (an HTML record beyond it is refused with an
#: error; other records are never read into memory, whatever their size).
MAX_RECORD_BYTES = 50 * 1024 * 1024

_HTML_TYPES = ("text/html", "application/xhtml+xml")
_CHUNK = 1 << 20
#: Redirects remembered per file (target → the URI that redirected to it).
_REDIRECTS_KEPT = 10_000
#: Payload digests remembered per file, to resolve duplicates and revisits without a look-up.
_DIGESTS_KEPT = 10_000


def warc_format(path: Path) -> str | None:
    """``warc`` for ``.warc``/``.warc.gz``, ``wacz`` for ``.wacz``, else None."""
    name = path.name.lower()
    if name.endswith(".wacz"):
        return "wacz"
    if name.endswith((".warc", ".warc.gz")):
        return "warc"
    return None


@dataclass(frozen=True, slots=True)
class CaptureInfo:
    """Where and when a page was captured, as its WARC record says."""

    target_uri: str
    captured_at: dt.datetime | None
    record_id: str
    payload_digest: str | None
    payload_sha256: str
    warc_file: str
    offset: int
    software: str | None = None
    redirected_from: str | None = None

    @property
    def where(self) -> str:
        """``record at offset N`` (``… of archive/x.warc.gz`` inside a WACZ)."""
        return _record_at(self.warc_file, self.offset)


@dataclass(frozen=True, slots=True)
class WarcPage:
    """An HTML response record: its payload (as UTF-8 if its charset was declared) and capture."""

    capture: CaptureInfo
    payload: bytes
    charset_note: str | None = None  # the HTTP charset was wrong: what was done instead


@dataclass(frozen=True, slots=True)
class WarcRepeat:
    """A capture of a payload seen before (a revisit, or a duplicate by payload digest)."""

    capture: CaptureInfo


@dataclass(frozen=True, slots=True)
class WarcError:
    """A record that could not be read: the file, the record's offset and the problem."""

    warc_file: str
    offset: int | None
    problem: str

    @property
    def detail(self) -> str:
        """``record at offset N: problem`` (the WARC inside a WACZ named too)."""
        if self.offset is None:
            return self.problem
        return f"{_record_at(self.warc_file, self.offset)}: {self.problem}"


def _record_at(warc_file: str, offset: int) -> str:
    inside = warc_file.partition("!")[2]
    return f"record at offset {offset}" + (f" of {inside}" if inside else "")


WarcItem = WarcPage | WarcRepeat | WarcError


@dataclass
class Tally:
    """What an import read of web archives: records read, pages, skipped by reason, failed."""

    read: int = 0
    imported: int = 0  # records that gave (or captured again) an article version
    skipped: Counter[str] = field(default_factory=Counter)
    failed: int = 0

    def as_json(self) -> dict[str, Any]:
        """``{"read", "imported", "skipped": {reason: n}, "failed"}``."""
        return {
            "read": self.read,
            "imported": self.imported,
            "skipped": dict(sorted(self.skipped.items())),
            "failed": self.failed,
        }

    def count(self, outcome: Any) -> bool:
        """Count the outcome of a page record; False for a quiet skip (not to be reported)."""
        if outcome.outcome == "skipped":
            self.skipped[_skip_reason(outcome.detail or "")] += 1
            return False
        if outcome.outcome == "failed":
            self.failed += 1
        else:
            self.imported += 1
        return True

    def summary(self) -> str:
        """One line: ``N web-archive records read: …``."""
        reasons = ", ".join(f"{n} {reason}" for reason, n in sorted(self.skipped.items()))
        skipped = sum(self.skipped.values())
        return (
            f"{self.read} web-archive records read: {self.imported} articles, "
            f"{skipped} skipped" + (f" ({reasons})" if reasons else "") + f", {self.failed} failed"
        )


def _skip_reason(detail: str) -> str:
    """``record at offset N: index page`` → ``index page``."""
    return detail.rpartition(": ")[2] or "not an article"


# --------------------------------------------------------------------------- reading


def iter_warc_items(path: Path, tally: Tally) -> Iterator[WarcItem]:
    """Every article page of a ``.warc``, ``.warc.gz`` or ``.wacz``, in file order.

    Non-article records are only counted in ``tally``. A damaged record is a `WarcError`;
    reading goes on at the next record that can be found.

    Raises:
        ImportFailed: the file cannot be opened as a WARC or WACZ at all.
    """
    if warc_format(path) == "wacz":
        yield from _iter_wacz(path, tally)
        return
    with path.open("rb") as handle:
        yield from _WarcReader(handle, str(path), tally).items()


def _iter_wacz(path: Path, tally: Tally) -> Iterator[WarcItem]:
    source = str(path)
    try:
        wacz = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as exc:
        raise ImportFailed(source, f"not a WACZ (zip) file: {exc}") from exc
    with wacz:
        names = set(wacz.namelist())
        members = sorted(
            n for n in names if n.startswith("archive/") and n.lower().endswith((".warc", ".gz"))
        )
        for listed in _listed_warcs(wacz, names, source):
            if listed not in names:
                tally.failed += 1
                yield WarcError(
                    source, None, f"datapackage.json lists {listed}, missing from the WACZ"
                )
        if not members:
            raise ImportFailed(source, "no WARC under archive/ in this WACZ")
        for member in members:
            with wacz.open(member) as handle:
                yield from _WarcReader(handle, f"{source}!{member}", tally).items()


def _listed_warcs(wacz: zipfile.ZipFile, names: set[str], source: str) -> list[str]:
    """The WARCs ``datapackage.json`` says the WACZ holds."""
    if "datapackage.json" not in names:
        return []
    try:
        package = json.loads(wacz.read("datapackage.json"))
        resources = package.get("resources", [])
        paths = [r.get("path", "") for r in resources if isinstance(r, dict)]
    except (ValueError, AttributeError, zipfile.BadZipFile) as exc:
        log.warning("%s: datapackage.json unreadable (%s); reading every WARC found", source, exc)
        return []
    return [p for p in paths if isinstance(p, str) and p.startswith("archive/")]


@dataclass(frozen=True, slots=True)
class _Skip:
    """A record that is not an article page, and why (counted once it is read whole)."""

    reason: str


class _Resync(Exception):
    """Reading must start again at the next record found after ``offset``."""

    def __init__(self, offset: int, problem: str | None) -> None:
        super().__init__(problem)
        self.offset = offset
        self.problem = problem


class _WarcReader:
    """One WARC stream, record by record, starting over after a damaged record."""

    def __init__(self, handle: IO[bytes], name: str, tally: Tally) -> None:
        self.handle = handle
        self.name = name
        self.tally = tally
        self.software: str | None = None
        self.redirects: OrderedDict[str, str] = OrderedDict()
        self.digests: OrderedDict[str, None] = OrderedDict()
        head = handle.read(2)
        handle.seek(0)
        self.gzipped = head == b"\x1f\x8b"

    def items(self) -> Iterator[WarcItem]:
        start: int | None = 0
        while start is not None:
            try:
                yield from self._items_from(start)
                return
            except _Resync as exc:
                if exc.problem is not None:
                    self.tally.failed += 1
                    yield WarcError(self.name, exc.offset, exc.problem)
                start = self._next_record_after(exc.offset)

    def _items_from(self, start: int) -> Iterator[WarcItem]:
        from warcio.exceptions import ArchiveLoadFailed

        self.handle.seek(start)
        reader = _quiet_iterator(self.handle)
        records = iter(reader)
        pending: tuple[Any, int, WarcItem | _Skip] | None = None
        while True:
            offset = reader.offset
            try:
                record = next(records)
            except StopIteration:
                break
            except (ArchiveLoadFailed, ValueError, OSError, EOFError) as exc:
                offset = reader.offset  # past the record before, if it was read to its end
                told = False
                if pending is not None:  # the record before ran into this one
                    told = reader.bad_boundary
                    yield from self._settle(pending, reader)
                raise _Resync(
                    offset,
                    None
                    if told
                    else f"not a readable WARC record ({_first_line(exc)}); skipped to the next",
                ) from exc
            except Exception as exc:  # zlib.error and the like: damaged compressed data
                raise _Resync(reader.offset, f"unreadable ({_first_line(exc)})") from exc
            if pending is not None:
                yield from self._settle(pending, reader)
                pending = None
            if record.format != "warc":  # warcio reads anything else as ARC lines
                raise _Resync(reader.offset, "not a WARC record (an ARC file, or not an archive)")
            self.tally.read += 1
            offset = reader.offset
            try:
                item = self._item(record, offset)
            except _Resync:
                raise
            except Exception as exc:  # a payload warcio cannot decode (bad chunking, gzip …)
                item = WarcError(self.name, offset, f"unreadable payload ({_first_line(exc)})")
            pending = (record, offset, item)
        if pending is not None:
            yield from self._settle(pending, reader)

    def _settle(
        self, pending: tuple[Any, int, WarcItem | _Skip], reader: Any
    ) -> Iterator[WarcItem]:
        """Yield a record's item once the reader has passed its end (and so knows it whole)."""
        record, offset, item = pending
        missing = getattr(record.raw_stream, "limit", 0)
        if missing > 0:
            self.tally.failed += 1
            yield WarcError(
                self.name,
                offset,
                f"record truncated ({missing:,} of its {record.length:,} declared bytes "
                "are missing)",
            )
            return
        if reader.bad_boundary:
            reader.bad_boundary = False
            self.tally.failed += 1
            yield WarcError(self.name, offset, "declared Content-Length does not end the record")
            return
        if isinstance(item, _Skip):
            self.tally.skipped[item.reason] += 1
            return
        if isinstance(item, WarcError):
            self.tally.failed += 1
        yield item

    def _item(self, record: Any, offset: int) -> WarcItem | _Skip:
        """The item of one record, or why it is skipped (it is then only counted)."""
        kind = record.rec_type
        headers = record.rec_headers
        if kind == "warcinfo":
            self.software = _software(record) or self.software
            return _Skip("warcinfo")
        if kind == "revisit":
            return self._revisit(record, offset)
        if kind not in ("response", "resource"):
            return _Skip(kind or "unknown")
        uri = headers.get_header("WARC-Target-URI") or ""
        status = _status(record)
        if status is not None and 300 <= status < 400:
            location = record.http_headers.get_header("Location") if record.http_headers else None
            if location:
                from urllib.parse import urljoin

                self._remember(self.redirects, urljoin(uri, location), uri, _REDIRECTS_KEPT)
            return _Skip("redirect")
        if status is not None and status != 200:
            return _Skip(f"HTTP {status}")
        mime, charset = _content_type(record)
        if mime not in _HTML_TYPES:
            return _Skip(_type_reason(mime))
        if record.length is not None and record.length > MAX_RECORD_BYTES + 65536:
            return WarcError(self.name, offset, _too_large(record.length))
        payload = _read_capped(record)
        if payload is None:
            return WarcError(self.name, offset, _too_large(record.length or 0))
        if b"\nWARC/1." in payload and not self.gzipped:
            raise _Resync(offset, "declared Content-Length runs into the next record")
        digest = hashlib.sha256(payload).hexdigest()
        capture = self._capture(headers, uri, offset, digest)
        declared = headers.get_header("WARC-Payload-Digest")
        if digest in self.digests or (declared and declared in self.digests):
            return WarcRepeat(capture)
        self._remember(self.digests, digest, None, _DIGESTS_KEPT)
        if declared:
            self._remember(self.digests, declared, None, _DIGESTS_KEPT)
        payload, note = _as_declared(payload, charset)
        return WarcPage(capture, payload, note)

    def _revisit(self, record: Any, offset: int) -> WarcItem | _Skip:
        headers = record.rec_headers
        declared = headers.get_header("WARC-Payload-Digest")
        status = _status(record)
        if not declared or (status is not None and status != 200):
            return _Skip("revisit (not of a page)")
        uri = headers.get_header("WARC-Target-URI") or ""
        return WarcRepeat(self._capture(headers, uri, offset, ""))

    def _capture(self, headers: Any, uri: str, offset: int, digest: str) -> CaptureInfo:
        return CaptureInfo(
            target_uri=uri,
            captured_at=_warc_date(headers.get_header("WARC-Date")),
            record_id=headers.get_header("WARC-Record-ID") or f"{self.name}@{offset}",
            payload_digest=headers.get_header("WARC-Payload-Digest"),
            payload_sha256=digest,
            warc_file=self.name,
            offset=offset,
            software=self.software,
            redirected_from=self.redirects.get(uri),
        )

    @staticmethod
    def _remember(store: OrderedDict[str, Any], key: str, value: Any, keep: int) -> None:
        store[key] = value
        store.move_to_end(key)
        if len(store) > keep:
            store.popitem(last=False)

    def _next_record_after(self, offset: int) -> int | None:
        """The offset of the next record start after ``offset``, found by scanning forward."""
        marker = b"\x1f\x8b\x08" if self.gzipped else b"\nWARC/1."
        position = offset + 1
        self.handle.seek(position)
        tail = b""
        while True:
            chunk = self.handle.read(_CHUNK)
            if not chunk:
                return None
            window = tail + chunk
            found = window.find(marker)
            if found >= 0:
                start = position - len(tail) + found
                return start if self.gzipped else start + 1
            tail = window[-(len(marker) - 1) :]
            position += len(chunk)


_QUIET: Any = None


def _quiet_iterator(handle: IO[bytes]) -> Any:
    """warcio's record iterator, noting a wrong record boundary instead of printing it."""
    global _QUIET
    if _QUIET is None:
        from warcio.archiveiterator import ArchiveIterator

        class QuietIterator(ArchiveIterator):  # type: ignore[misc]
            bad_boundary = False

            def _consume_blanklines(self) -> tuple[bytes | None, int]:
                empty_size = 0
                first_line = True
                while True:
                    line = self.reader.readline()
                    if len(line) == 0:
                        return None, empty_size
                    if not line.rstrip() or first_line:
                        empty_size += len(line)
                        if line.rstrip():
                            self.bad_boundary = True
                        first_line = False
                        continue
                    return line, empty_size

        _QUIET = QuietIterator
    return _QUIET(handle)


def _first_line(exc: BaseException) -> str:
    """The gist of a reader's error, without the binary it may quote."""
    text = (str(exc).strip() or type(exc).__name__).splitlines()[0]
    text = text.split(", first line:", 1)[0]
    if not text.isprintable() or not text.isascii():
        return "damaged data"
    return text[:120]


def _too_large(length: int) -> str:
    return f"record too large ({length:,} bytes; pages are capped at {MAX_RECORD_BYTES:,})"


def _read_capped(record: Any) -> bytes | None:
    """The record's payload (de-chunked, decompressed), or None beyond `MAX_RECORD_BYTES`."""
    stream = record.content_stream()
    parts: list[bytes] = []
    size = 0
    while True:
        chunk = stream.read(_CHUNK)
        if not chunk:
            return b"".join(parts)
        size += len(chunk)
        if size > MAX_RECORD_BYTES:
            return None
        parts.append(chunk)


def _status(record: Any) -> int | None:
    if record.http_headers is None:
        return None
    code = record.http_headers.get_statuscode()
    try:
        return int(code)
    except (TypeError, ValueError):
        return None


def _content_type(record: Any) -> tuple[str, str | None]:
    """The payload's media type (lower case) and declared charset, if any."""
    value = None
    if record.http_headers is not None:
        value = record.http_headers.get_header("Content-Type")
    elif record.rec_type == "resource":
        value = record.rec_headers.get_header("Content-Type")
    if not value:
        return "", None
    mime, _, params = value.partition(";")
    charset = None
    match = re.search(r"charset\s*=\s*[\"']?([^\"';\s]+)", params, re.IGNORECASE)
    if match:
        charset = match.group(1)
    return mime.strip().lower(), charset


def _type_reason(mime: str) -> str:
    if mime.startswith("image/"):
        return "image"
    if "javascript" in mime or "ecmascript" in mime:
        return "script"
    if mime == "text/css":
        return "stylesheet"
    if mime.startswith(("font/", "application/font")):
        return "font"
    return "other media type"


def _software(record: Any) -> str | None:
    """The crawler named by a warcinfo record (``software:``)."""
    body = record.content_stream().read(65536)
    for line in body.decode("utf-8", "replace").splitlines():
        key, _, value = line.partition(":")
        if key.strip().lower() == "software" and value.strip():
            return str(value.strip()[:200])
    return None


def _warc_date(value: str | None) -> dt.datetime | None:
    if not value:
        return None
    try:
        parsed = dt.datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=dt.UTC)
    return parsed.astimezone(dt.UTC)


def _as_declared(payload: bytes, charset: str | None) -> tuple[bytes, str | None]:
    """The payload for the page reader, honouring a declared charset that fits the bytes.

    The page reader finds the encoding from the bytes alone. A legacy charset the server
    declared and the bytes decode in is more trustworthy than a guess, so such a payload is
    passed on as UTF-8; a declared charset the bytes do not fit is noted and ignored.
    """
    if not charset:
        return payload, None
    try:
        name = codecs.lookup(charset).name
    except LookupError:
        return payload, f"unknown charset {charset!r} in the HTTP headers; detected instead"
    try:
        payload.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        if name == "utf-8":
            return payload, None
        try:
            payload.decode(name)
        except UnicodeDecodeError:
            return payload, f"HTTP headers say {charset}, but the body is UTF-8; read as UTF-8"
        if payload.isascii():
            return payload, None
        return payload, f"HTTP headers say {charset}, but the body is UTF-8; read as UTF-8"
    try:
        return payload.decode(name).encode("utf-8"), None
    except UnicodeDecodeError:
        return payload, f"HTTP headers say {charset}, but the body is not; encoding detected"
