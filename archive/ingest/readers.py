"""Readers: a saved text page, a saved HTML page, or a JSONL file, each to article records."""

from __future__ import annotations

import os
import unicodedata
from collections.abc import Iterator
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from archive.analysis.segment import split_sentences
from archive.errors import ImportFailed, RecordError
from archive.ingest.decode import DecodedText, decode_bytes
from archive.ingest.records import ArticleRecord, CreditRecord, VersionRecord
from archive.jsonsafe import parse_json_line

TEXT_SUFFIXES = frozenset({".txt", ".text"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES

# Input limits (README "Input limits"): pages are read whole and refused beyond this size;
# JSONL is streamed, but one line (one record) may not exceed its own cap, nest deeper than
# any record needs, or hold an integer longer than any id.
MAX_PAGE_BYTES = 50 * 1024 * 1024
MAX_RECORD_BYTES = 50 * 1024 * 1024


def file_format(path: Path) -> str | None:
    """``text``, ``html`` or ``jsonl`` by the file's suffix; None for a type we do not read."""
    suffix = path.suffix.lower()
    if suffix in TEXT_SUFFIXES:
        return "text"
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in JSONL_SUFFIXES:
        return "jsonl"
    return None


def _language_and_kind(text: str, service: str | None, title: str | None) -> tuple[str, str]:
    """The language of a page's story (its title breaking a mixed story's tie), and whether
    it is the original or the published version.

    A page in its service's own language is the original; anything else is what was published.
    """
    from archive.analysis.language import article_language
    from archive.identity.services import resolve_service

    language = article_language(text, title).language or "und"
    info = resolve_service(service) if service else None
    if info is not None and language.split("-")[0] == info.language.split("-")[0]:
        return language, "original"
    return language, "published"


def _credit_records(page_credits: object) -> list[CreditRecord]:
    from archive.ingest.credits import ParsedCredits

    if not isinstance(page_credits, ParsedCredits):
        return []
    return [
        CreditRecord(
            role=entry.role,
            name=entry.name,
            kind=entry.kind,
            raw=entry.raw,
            service=entry.service_key,
        )
        for entry in page_credits.entries
    ]


_DERIVED_TITLE_CHARS = 100
# A line of finished prose: long enough (wide CJK characters count double) and ending a
# sentence, in any of our scripts' punctuation, closing quotes and brackets aside.
_PROSE_WIDTH = 60
_SENTENCE_ENDS = frozenset(".!?…。！？။၊།༎។៕؟۔")
_CLOSERS = "\"'”’»」』）)]】 "


def _is_prose(line: str) -> bool:
    """Long enough, and ending a sentence or holding two (a story line may close with a tag:
    "… he said. 2021 AFP")."""
    text = line.strip().rstrip(_CLOSERS)
    width = sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)
    if width < _PROSE_WIDTH:
        return False
    return text[-1] in _SENTENCE_ENDS or len(split_sentences(text, 0, len(text))) >= 2


def story_from_furniture(dropped: tuple[str, ...]) -> tuple[str, tuple[str, ...]]:
    """For a page whose reader placed no story line: the lines of finished prose it moved to
    furniture become the story (page order, one paragraph each), the rest stays furniture.

    The reader's rules and line model move chrome; when they move everything, keeping the
    prose as the story loses nothing (the raw page is kept either way) and beats refusing
    the page. No prose at all (a page of menus and share buttons) gives an empty story.
    """
    prose = [line.strip() for line in dropped if _is_prose(line)]
    rest = tuple(line for line in dropped if not _is_prose(line))
    return "\n\n".join(prose), rest


def derive_title(body: str) -> str:
    """A title made from a story's lead, for a page that shows no headline.

    The lead's first sentence, as the archive's sentence segmenter reads it (an initial or
    an abbreviation — "N. Korea", "U.S." — ends none), or its first ~100 characters cut at a
    space. The lead stays in the story; the article is marked ``title_derived``.
    """
    lead = body.strip().splitlines()[0].strip()
    spans = split_sentences(lead, 0, len(lead))
    sentence = lead[spans[0][0] : spans[0][1]].strip() if spans else lead
    if len(sentence) <= _DERIVED_TITLE_CHARS:
        return sentence
    cut = sentence[:_DERIVED_TITLE_CHARS]
    space = cut.rfind(" ")
    return (cut[:space] if space > _DERIVED_TITLE_CHARS // 2 else cut).rstrip(" ,;:") + "…"


def record_from_page_text(
    text: str, *, source: str, encoding: str, url: str | None = None
) -> ArticleRecord:
    """A saved page (plain text) as an article record with one version.

    The story goes to the version's text; the page furniture (chrome, captions, share
    lines) to its ``furniture``; a page with no headline gets a title made from its lead,
    marked ``title_derived``; the page's clock becomes ``captured``, never its date.
    """
    from archive.analysis import detect_language
    from archive.ingest.textpage import parse_text_page

    page_language, _confidence = detect_language(text[:4000])
    page = parse_text_page(text, language=page_language)
    body, furniture = page.body, page.dropped
    if not body.strip():
        body, furniture = story_from_furniture(page.dropped)
    if not body.strip():
        raise ImportFailed(source, "no story text found on the page")
    title_derived = page.title is None
    title = page.title or derive_title(body)
    service = page.credits.service_key if page.credits else None
    language, kind = _language_and_kind(body, service, title)
    urls = list(page.source_urls)
    if url and url not in urls:
        urls.insert(0, url)
    return ArticleRecord(
        title=title,
        date=page.date,
        url=urls[0] if urls else None,
        urls=urls,
        service=service,
        credit_line=page.credit_line,
        credits=_credit_records(page.credits),
        versions=[
            VersionRecord(
                kind=kind,
                language=language,
                text=body,
                title=title,
                source_encoding=encoding,
                furniture="\n".join(furniture) or None,
            )
        ],
        captured=page.captured,
        title_derived=title_derived,
    )


def record_from_html(
    html: str, *, source: str, encoding: str, url: str | None = None
) -> ArticleRecord:
    """A saved HTML page as an article record: the story as the page shows it, then the same
    title, date, furniture and credit-line steps as a text page.

    The entry point for every HTML reader (files, WARC records): ``url`` is the page's own
    address when the caller knows it.
    """
    from archive.ingest.htmlmeta import parse_html
    from archive.ingest.htmlpage import extract_html_story

    root = parse_html(html)  # parsed once: the story, its metadata and its credits read it
    story = extract_html_story(html, root=root)
    if story is None:
        raise ImportFailed(source, "no article text found in the HTML")
    record = record_from_page_text(
        story.text, source=source, encoding=encoding, url=url or story.url
    )
    if story.furniture:
        version = record.versions[0]
        version.furniture = "\n".join([*story.furniture, *filter(None, [version.furniture])])
    if story.title:
        record.title = story.title
        record.versions[0].title = story.title
        record.title_derived = False
    _add_html_credits(record, html, root)
    from archive.ingest.records import parse_date

    # The day the markup declares beats a date read from the text (an epigraph's date, a
    # site clock); htmldate's reading only fills a gap.
    for declared in (story.published, None if record.date else story.date):
        if declared:
            with suppress(RecordError):
                record.date = parse_date(declared)
                break
    return record


def _add_html_credits(record: ArticleRecord, html: str, root: Any | None = None) -> None:
    """Add the credits the page's markup states (byline elements, meta author) to a record."""
    from archive.ingest.credits import ParsedCredits
    from archive.ingest.htmlcredits import html_credits

    held = {(c.role, c.name.casefold()) for c in record.credits}
    found = [e for e in html_credits(html, root=root) if (e.role, e.name.casefold()) not in held]
    record.credits += _credit_records(ParsedCredits(tuple(found), None, ""))


def page_story(path: Path, data: bytes) -> tuple[str, DecodedText, str | None]:
    """The text ``archive analyze`` reads of a file, how its bytes were decoded, and the
    title import gives the page (it breaks a mixed story's tie between scripts, so that
    ``analyze`` and import name one language).

    A saved HTML page gives the story text import would store (not the markup, nor the
    headline, byline or furniture it sets apart); any other file gives its whole text (a
    text page's title is import's reading of it; None where import finds no story).

    Raises:
        ImportFailed: the bytes cannot be decoded, or an HTML page holds no story.
    """
    decoded = decode_bytes(data, source=str(path))
    fmt = file_format(path)
    if fmt == "html":
        record = record_from_html(decoded.text, source=str(path), encoding=decoded.encoding)
        return record.versions[0].text, decoded, record.title
    title = None
    if fmt == "text":
        with suppress(ImportFailed):
            title = record_from_page_text(
                decoded.text, source=str(path), encoding=decoded.encoding
            ).title
    return decoded.text, decoded, title


@dataclass(frozen=True, slots=True)
class ReadItem:
    """One unit a reader yields: a record (or the error reading it) and its raw bytes."""

    source: str
    line: int | None
    raw: bytes
    record: ArticleRecord | None = None
    error: str | None = None


def read_page(path: Path, data: bytes, fmt: str) -> ArticleRecord:
    """Read a whole saved page (text or HTML) from its bytes."""
    source = str(path)
    decoded = decode_bytes(data, source=source)
    if fmt == "html":
        record = record_from_html(decoded.text, source=source, encoding=decoded.encoding)
    else:
        record = record_from_page_text(decoded.text, source=source, encoding=decoded.encoding)
    record.read_note = decoded.repair_note()
    return record


def read_capped(path: Path, limit: int) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes.

    Reads no more than ``limit + 1`` bytes, so a device that never ends (``/dev/zero``) or a
    file that grows while it is read is refused instead of filling memory.

    Raises:
        ImportFailed: not a regular file, or larger than ``limit``.
        OSError: the file cannot be opened or read.
    """
    import stat

    with path.open("rb") as handle:
        mode = os.fstat(handle.fileno()).st_mode
        if not stat.S_ISREG(mode):
            raise ImportFailed(path, "not a regular file")
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise ImportFailed(path, f"file too large (over {limit:,} bytes; the cap is {limit:,})")
    return data


def _iter_lines(handle: BinaryIO, limit: int) -> Iterator[tuple[int, bytes | None]]:
    """``(line number, bytes)`` of each line; ``None`` for a line longer than ``limit``
    (its bytes are skipped in bounded chunks, never held whole)."""
    number = 0
    while True:
        raw = handle.readline(limit + 1)
        if not raw:
            return
        number += 1
        if len(raw) <= limit or raw.endswith(b"\n"):
            yield number, raw
            continue
        while raw and not raw.endswith(b"\n"):
            raw = handle.readline(1024 * 1024)
        yield number, None


def iter_jsonl(path: Path) -> Iterator[ReadItem]:
    """Stream a JSONL file record by record; a bad line is an error item, the rest go on."""
    source = str(path)
    with path.open("rb") as handle:
        for number, raw in _iter_lines(handle, MAX_RECORD_BYTES):
            if raw is None:
                detail = f"line too long (over {MAX_RECORD_BYTES:,} bytes; the cap is per record)"
                yield ReadItem(source, number, b"", error=detail)
                continue
            if not raw.strip():
                continue
            try:
                line = raw.decode("utf-8-sig" if number == 1 else "utf-8")
            except UnicodeDecodeError as exc:
                where = f"byte {exc.start + 1} of the line"
                yield ReadItem(
                    source, number, raw, error=f"invalid UTF-8 ({exc.reason} at {where})"
                )
                continue
            try:
                obj = parse_json_line(line)
            except ValueError as exc:
                yield ReadItem(source, number, raw, error=str(exc))
                continue
            try:
                record = _record_from_json(obj)
            except RecordError as exc:
                yield ReadItem(source, number, raw, error=str(exc))
                continue
            yield ReadItem(source, number, raw, record=record)


def _record_from_json(obj: object) -> ArticleRecord:
    from archive.ingest.records import record_from_json

    record = record_from_json(obj)
    if record.credit_line:
        from archive.ingest.credits import parse_credit_line

        parsed = parse_credit_line(record.credit_line)
        seen = {(c.role, c.name.casefold()) for c in record.credits}
        for credit in _credit_records(parsed):
            if (credit.role, credit.name.casefold()) not in seen:
                record.credits.append(credit)
        if record.service is None and parsed.service_key:
            record.service = parsed.service_key
    return record
