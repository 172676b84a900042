"""Readers: a saved text page, a saved HTML page, or a JSONL file, each to article records."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path

from archive.errors import ImportFailed
from archive.ingest.decode import decode_bytes
from archive.ingest.records import ArticleRecord, CreditRecord, RecordError, VersionRecord

TEXT_SUFFIXES = frozenset({".txt", ".text"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES

# Pages are read whole; beyond this they are refused (JSONL is streamed and has no cap).
MAX_PAGE_BYTES = 50 * 1024 * 1024


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


def _language_and_kind(text: str, service: str | None) -> tuple[str, str]:
    """The language of a page, and whether it is the original or the published version.

    A page in its service's own language is the original; anything else is what was published.
    """
    from archive.analysis import detect_language
    from archive.ingest.services import resolve_service

    language, _confidence = detect_language(text)
    language = language or "und"
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
_SENTENCE_BREAK = re.compile(r"(?<=[.!?。！？။។།؟])\s*")


def derive_title(body: str) -> str:
    """A title made from a story's lead, for a page that shows no headline.

    The lead's first sentence, or its first ~100 characters cut at a space. The lead stays
    in the story; the article is marked ``title_derived``.
    """
    lead = body.strip().splitlines()[0].strip()
    sentence = _SENTENCE_BREAK.split(lead, maxsplit=1)[0].strip() or lead
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
    body = page.body
    if not body.strip():
        raise ImportFailed(source, "no story text found on the page")
    title_derived = page.title is None
    title = page.title or derive_title(body)
    service = page.credits.service_key if page.credits else None
    language, kind = _language_and_kind(body, service)
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
                furniture="\n".join(page.dropped) or None,
            )
        ],
        captured=page.captured,
        title_derived=title_derived,
    )


def record_from_html(html: str, *, source: str, encoding: str) -> ArticleRecord:
    """A saved HTML page: trafilatura extracts the story, then the same credit-line step."""
    import trafilatura

    document = trafilatura.bare_extraction(
        html, with_metadata=True, include_comments=False, favor_precision=True
    )
    if document is None:
        raise ImportFailed(source, "no article text found in the HTML")
    text = getattr(document, "text", None) or ""
    if not text.strip():
        raise ImportFailed(source, "no article text found in the HTML")
    title = getattr(document, "title", None)
    record = record_from_page_text(
        text, source=source, encoding=encoding, url=getattr(document, "url", None)
    )
    if title:
        record.title = title
        record.versions[0].title = title
    date_text = getattr(document, "date", None)
    if record.date is None and date_text:
        from archive.ingest.records import parse_date

        with suppress(RecordError):
            record.date = parse_date(date_text)
    return record


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
        return record_from_html(decoded.text, source=source, encoding=decoded.encoding)
    return record_from_page_text(decoded.text, source=source, encoding=decoded.encoding)


def iter_jsonl(path: Path) -> Iterator[ReadItem]:
    """Stream a JSONL file record by record; a bad line is an error item, the rest go on."""
    source = str(path)
    with path.open("rb") as handle:
        for number, raw in enumerate(handle, start=1):
            if not raw.strip():
                continue
            try:
                line = raw.decode("utf-8-sig" if number == 1 else "utf-8")
            except UnicodeDecodeError as exc:
                yield ReadItem(source, number, raw, error=f"invalid UTF-8 ({exc.reason})")
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                yield ReadItem(source, number, raw, error=f"malformed JSON ({exc.msg})")
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
