"""The web-archive reader's own rules: which captured pages are stories, which charset to
trust, what a record's item is, and the tally of what was read."""

from __future__ import annotations

from pathlib import Path

import pytest

from archive.errors import NotAnArticle
from archive.ingest.warc import (
    Tally,
    WarcError,
    WarcPage,
    WarcRepeat,
    _as_declared,
    iter_warc_items,
    warc_format,
)
from archive.ingest.webpage import INDEX_PAGE, NO_TEXT, read_captured_page
from tests.warcbuild import WarcBuilder, article_html, index_html

STORY = [
    f"Paragraph {n}: villagers in the township said soldiers had burned houses on Sunday, "
    "forcing hundreds of families to flee into the forest nearby."
    for n in range(5)
]
CREDIT = "Reported by RFA's Khmer Service. Written in English by Joshua Lipes."


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("crawl.warc", "warc"),
        ("CRAWL.WARC.GZ", "warc"),
        ("crawl.wacz", "wacz"),
        ("crawl.gz", None),
        ("page.html", None),
    ],
)
def test_web_archives_are_known_by_their_suffix(name: str, expected: str | None) -> None:
    assert expected == warc_format(Path(name))


def test_a_story_page_is_read_and_keeps_its_captured_url() -> None:
    html = article_html("Troops Burn Houses", STORY, date="2024-04-19", credit_line=CREDIT)
    uri = "https://www.rfa.org/english/news/cambodia/burn-04192024.html"

    record = read_captured_page(html.encode(), uri)

    assert "Troops Burn Houses" == record.title
    assert uri == record.url
    assert [uri] == record.urls
    assert ("reporter", "RFA Khmer Service") in {(c.role, c.name) for c in record.credits}


def test_a_story_with_a_long_related_list_is_still_a_story() -> None:
    related = "".join(
        f'<li><a href="/news/r{n}.html">Another story about soldiers who defected</a></li>'
        for n in range(10)
    )
    paragraphs = "".join(f"<p>{p}</p>" for p in STORY)
    html = (
        "<html><head><title>Troops burn houses</title></head><body><div class='story'>"
        f"<h1>Troops burn houses</h1><div class='body'>{paragraphs}<ul>{related}</ul></div>"
        "</div></body></html>"
    )

    record = read_captured_page(html.encode(), "https://www.rfa.org/news/burn.html")

    assert "Troops burn houses" == record.title


@pytest.mark.parametrize(
    ("uri", "html", "reason"),
    [
        (
            "https://www.rfa.org/english/news/cambodia/",
            index_html(
                [(f"/s{n}.html", f"Headline number {n} about the border") for n in range(9)]
            ),
            INDEX_PAGE,
        ),
        (
            "https://www.rfa.org/",
            article_html("Front", STORY, date="2024-04-19", credit_line=CREDIT),
            INDEX_PAGE,
        ),
        (
            "https://www.rfa.org/english/news/topics/",
            "<html><head><meta property='og:type' content='website'></head><body>"
            + "".join(f"<p>{p}</p>" for p in STORY)
            + "</body></html>",
            INDEX_PAGE,
        ),
        ("https://www.rfa.org/english/empty.html", "<html><body></body></html>", NO_TEXT),
    ],
    ids=["section cards", "site root", "says it is a website", "no text"],
)
def test_pages_that_are_not_stories_are_told_apart(uri: str, html: str, reason: str) -> None:
    with pytest.raises(NotAnArticle) as caught:
        read_captured_page(html.encode(), uri)
    assert reason == caught.value.reason


@pytest.mark.parametrize(
    ("payload", "charset", "expected", "noted"),
    [
        ("café".encode(), "utf-8", "café".encode(), False),
        ("café".encode("cp1252"), "windows-1252", "café".encode(), False),
        ("Привет".encode("koi8-r"), "koi8-r", "Привет".encode(), False),
        ("café".encode(), "iso-8859-1", "café".encode(), True),
        ("café".encode("cp1252"), "utf-8", "café".encode("cp1252"), True),
        (b"plain ascii", "klingon", b"plain ascii", True),
        (b"plain ascii", "iso-8859-1", b"plain ascii", False),
        ("café".encode(), None, "café".encode(), False),
    ],
)
def test_a_declared_charset_is_used_only_when_the_bytes_fit_it(
    payload: bytes, charset: str | None, expected: bytes, noted: bool
) -> None:
    out, note = _as_declared(payload, charset)
    assert expected == out
    assert noted == (note is not None)


def test_each_record_becomes_a_page_a_repeat_or_only_a_count(tmp_path: Path) -> None:
    html = article_html("Troops Burn Houses", STORY, date="2024-04-19", credit_line=CREDIT)
    uri = "https://www.rfa.org/english/news/burn.html"
    builder = WarcBuilder()
    digest = builder.response(uri, html.encode())
    builder.revisit(uri, digest, uri)
    builder.response(uri.replace("burn", "burn-copy"), html.encode())  # same payload
    builder.response("https://www.rfa.org/a.gif", b"GIF89a", content_type="image/gif")
    builder.response(uri.replace("burn", "gone"), b"", status="404 Not Found")
    tally = Tally()

    items = list(iter_warc_items(builder.save(tmp_path / "c.warc.gz"), tally))

    assert [WarcPage, WarcRepeat, WarcRepeat] == [type(i) for i in items]
    assert 6 == tally.read
    assert {"warcinfo": 1, "image": 1, "HTTP 404": 1} == dict(tally.skipped)
    assert html.encode() == items[0].payload  # type: ignore[union-attr]
    assert digest == items[1].capture.payload_digest  # type: ignore[union-attr]


def test_a_file_that_is_not_a_warc_is_one_error_not_a_crash(tmp_path: Path) -> None:
    path = tmp_path / "notes.warc"
    path.write_text("these are my notes, not a web archive\n" * 20)
    tally = Tally()

    items = list(iter_warc_items(path, tally))

    assert [WarcError] == [type(i) for i in items]
    assert isinstance(items[0], WarcError) and items[0].offset == 0
    assert 1 == tally.failed


def test_the_tally_reads_as_one_line() -> None:
    tally = Tally(read=12, imported=3, failed=1)
    tally.skipped.update({"image": 6, "redirect": 2})

    assert (
        "12 web-archive records read: 3 articles, 8 skipped (6 image, 2 redirect), 1 failed"
        == tally.summary()
    )
    assert {"read": 12, "imported": 3, "skipped": {"image": 6, "redirect": 2}, "failed": 1} == (
        tally.as_json()
    )
