"""Small web archives for the tests: pages written here in our outlets' patterns, captured
into WARC and WACZ files with warcio's own writer (never real pages)."""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

SOFTWARE = "Wget/1.21.3 (linux-gnu)"


def article_html(
    title: str,
    paragraphs: list[str],
    *,
    date: str,
    credit_line: str,
    lang: str = "en",
    canonical: str | None = None,
) -> str:
    """A news page the way our outlets lay them out: chrome, headline, date, story, credits."""
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    link = f'<link rel="canonical" href="{canonical}">' if canonical else ""
    return f"""<!DOCTYPE html>
<html lang="{lang}"><head><meta charset="utf-8"><title>{title} — Radio Free Asia</title>
<meta property="og:type" content="article">{link}
<meta property="article:published_time" content="{date}T08:00:00Z"></head>
<body><header><nav><a href="/">Home</a> <a href="/news/">News</a> <a href="/asia/">Asia</a></nav>
</header><main><article><h1>{title}</h1><time datetime="{date}">{date}</time>
{body}
<p>{credit_line}</p></article></main>
<footer><a href="/about/">About</a> <a href="/privacy/">Privacy</a> © Radio Free Asia</footer>
</body></html>"""


def index_html(links: list[tuple[str, str]]) -> str:
    """A section front: cards of a headline linking to a story and a one-line teaser."""
    cards = "\n".join(
        f'<div class="card"><h2><a href="{href}">{text}</a></h2>'
        f"<p>Residents told reporters on Sunday what happened in {text.lower()}.</p></div>"
        for href, text in links
    )
    return (
        "<html><head><title>Asia — Radio Free Asia</title></head><body>"
        f'<nav><a href="/">Home</a></nav><main><h1>Asia</h1>{cards}</main></body></html>'
    )


@dataclass
class WarcBuilder:
    """Writes records into one WARC (gzipped per record, or not)."""

    stream: io.BytesIO = field(default_factory=io.BytesIO)
    gzip: bool = True

    def __post_init__(self) -> None:
        self.writer = WARCWriter(self.stream, gzip=self.gzip)
        info = self.writer.create_warcinfo_record(
            "test.warc", {"software": SOFTWARE, "format": "WARC File Format 1.1"}
        )
        self.writer.write_record(info)

    def response(
        self,
        uri: str,
        body: bytes,
        *,
        content_type: str = "text/html; charset=utf-8",
        status: str = "200 OK",
        headers: list[tuple[str, str]] | None = None,
        date: str | None = None,
    ) -> str:
        """Add a response record; returns its WARC-Payload-Digest."""
        http = StatusAndHeaders(
            status, [("Content-Type", content_type), *(headers or [])], protocol="HTTP/1.1"
        )
        warc_headers = {"WARC-Date": date} if date else None
        record = self.writer.create_warc_record(
            uri,
            "response",
            payload=io.BytesIO(body),
            http_headers=http,
            warc_headers_dict=warc_headers,
        )
        self.writer.write_record(record)
        return str(record.rec_headers.get_header("WARC-Payload-Digest"))

    def revisit(self, uri: str, digest: str, refers_to: str, *, date: str | None = None) -> None:
        """A revisit record: the payload is that of an earlier capture with ``digest``."""
        record = self.writer.create_revisit_record(
            uri, digest=digest, refers_to_uri=refers_to, refers_to_date="2024-04-19T08:00:00Z"
        )
        if date:
            record.rec_headers.replace_header("WARC-Date", date)
        self.writer.write_record(record)

    def offset(self) -> int:
        """Where the next record starts."""
        return self.stream.tell()

    def data(self) -> bytes:
        return self.stream.getvalue()

    def save(self, path: Path) -> Path:
        path.write_bytes(self.data())
        return path


def write_wacz(path: Path, warcs: dict[str, bytes], *, list_missing: str | None = None) -> Path:
    """A WACZ: the WARCs under ``archive/``, ``pages/pages.jsonl`` and ``datapackage.json``."""
    resources = []
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_STORED) as wacz:
        for name, data in warcs.items():
            wacz.writestr(f"archive/{name}", data)
            resources.append(
                {
                    "name": name,
                    "path": f"archive/{name}",
                    "hash": "sha256:" + hashlib.sha256(data).hexdigest(),
                    "bytes": len(data),
                }
            )
        if list_missing:
            resources.append({"name": list_missing, "path": f"archive/{list_missing}"})
        wacz.writestr("pages/pages.jsonl", '{"format": "json-pages-1.0", "id": "pages"}\n')
        package = {"profile": "data-package", "wacz_version": "1.1.1", "resources": resources}
        wacz.writestr("datapackage.json", json.dumps(package))
    return path
