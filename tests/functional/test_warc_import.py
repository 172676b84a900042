"""Web archives in: WARC and WACZ files built here with warcio's writer, imported through the
real pipeline and CLI; every page keeps its capture, and a damaged record costs only itself."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from sqlmodel import func, select

from archive.db import Archive, open_archive
from archive.ingest import warc as warc_module
from archive.ingest.pipeline import Importer, import_paths
from archive.models import Capture, Version
from archive.provenance import get_article
from tests.functional.test_cli import run_cli
from tests.warcbuild import SOFTWARE, WarcBuilder, article_html, index_html, write_wacz

CREDIT_EN = (
    "Reported by RFA's Myanmar Service. Translated by Khin Maung Nyane. "
    "Written in English by Eugene Whong."
)
STORY_EN = [
    "Around 450 soldiers and police officers have broken with the military government over "
    "the past two weeks to join the resistance, defector groups told RFA on Tuesday.",
    "The shadow government called on soldiers and police to join the civil disobedience "
    "movement of government employees who refuse to work under the junta.",
    "“Since the announcement, an average of 33 people a day have contacted us,” the "
    "permanent secretary of the shadow ministry of defense told RFA's Myanmar Service.",
]
STORY_VI = [
    "Hàng trăm binh sĩ và cảnh sát đã rời bỏ quân đội trong hai tuần qua để gia nhập phong "
    "trào kháng chiến, các nhóm đào ngũ cho biết hôm thứ Ba.",
    "Chính phủ đối lập kêu gọi binh sĩ và cảnh sát tham gia phong trào bất tuân dân sự của "
    "các công chức từ chối làm việc cho chính quyền quân sự.",
]
CREDIT_VI = "Reported by RFA's Vietnamese Service. Written in English by Eugene Whong."
STORY_KO = [
    "지난 2주 동안 군인과 경찰 약 450명이 군사 정권을 떠나 저항 운동에 합류했다고 탈영자 "
    "단체들이 화요일 밝혔다.",
    "야권 임시 정부는 군인과 경찰에게 군부에 협력하지 말라고 촉구했다.",
]
CREDIT_KO = "Reported by RFA's Korean Service. Written in English by Eugene Whong."

BASE = "https://www.rfa.org/english/news/myanmar"


def pages() -> dict[str, str]:
    """Three outlets' article pages, by URL."""
    return {
        f"{BASE}/defectors-09212021.html": article_html(
            "Hundreds of Junta Security Personnel Defect Over Two Weeks",
            STORY_EN,
            date="2021-09-21",
            credit_line=CREDIT_EN,
        ),
        "https://www.rfa.org/vietnamese/news/binh-si-dao-ngu-09222021.html": article_html(
            "Hàng trăm binh sĩ đào ngũ trong hai tuần",
            STORY_VI,
            date="2021-09-22",
            credit_line=CREDIT_VI,
            lang="vi",
        ),
        "https://www.rfa.org/korean/news/defectors-09232021.html": article_html(
            "군인과 경찰 450명 군부 이탈",
            STORY_KO,
            date="2021-09-23",
            credit_line=CREDIT_KO,
            lang="ko",
        ),
    }


def crawl(*, gzip: bool = True) -> tuple[WarcBuilder, dict[str, int]]:
    """A crawl of the three pages with what a crawler also saves: assets, a section front."""
    builder = WarcBuilder(gzip=gzip)
    offsets = {}
    headlines = [
        (url, f"Story {n} from the border township as fighting spreads")
        for n, url in enumerate(pages())
    ]
    builder.response(f"{BASE}/", index_html(headlines * 3).encode())
    for url, html in pages().items():
        offsets[url] = builder.offset()
        builder.response(url, html.encode("utf-8"), date="2021-09-24T06:30:00Z")
    builder.response("https://www.rfa.org/logo.png", b"\x89PNG\r\n\x1a\n", content_type="image/png")
    builder.response("https://www.rfa.org/site.js", b"var a = 1;", content_type="text/javascript")
    builder.response("https://www.rfa.org/site.css", b"body {}", content_type="text/css")
    return builder, offsets


def article_facts(data: dict[str, Any]) -> tuple[Any, ...]:
    """What a reader makes of a page: headline, date, credits, texts and languages."""
    return (
        data["title"],
        data["date"],
        [(c["role"], c["name"], c["kind"]) for c in data["credits"]],
        [(v["kind"], v["language"], v["title"], v["text"]) for v in data["versions"]],
    )


def all_articles(archive: Archive) -> list[dict[str, Any]]:
    with archive.session() as session:
        from archive.models import Article

        ids = session.exec(select(Article.id).order_by(Article.id)).all()
        return [
            get_article(session=session, article_id=int(i)).to_json() for i in ids if i is not None
        ]


def count(archive: Archive, model: Any) -> int:
    with archive.session() as session:
        return int(session.exec(select(func.count()).select_from(model)).one())


# --------------------------------------------------------------------------- reading pages


def test_a_captured_page_reads_like_the_same_page_saved_as_html(tmp_path: Path) -> None:
    builder, offsets = crawl()
    warc = builder.save(tmp_path / "crawl.warc.gz")
    saved = tmp_path / "saved"
    saved.mkdir()
    for n, html in enumerate(pages().values()):
        (saved / f"page{n}.html").write_text(html, encoding="utf-8")

    from_warc = open_archive(tmp_path / "warc.db")
    from_files = open_archive(tmp_path / "files.db")
    summary = import_paths(from_warc, [warc], align=False)
    import_paths(from_files, [saved], align=False)

    assert [] == summary.failed
    warc_articles = all_articles(from_warc)
    file_articles = all_articles(from_files)
    assert len(pages()) == len(warc_articles)
    assert sorted(map(article_facts, file_articles)) == sorted(map(article_facts, warc_articles))
    by_url = {a["versions"][0]["capture"]["uri"]: a for a in warc_articles}
    assert set(pages()) == set(by_url)
    for url, article in by_url.items():
        (version,) = article["versions"]
        capture = version["capture"]
        assert url in article["urls"]
        assert "2021-09-24T06:30:00Z" == capture["time"]
        assert str(warc) == capture["file"]
        assert offsets[url] == capture["offset"]
        assert SOFTWARE == capture["software"]
        assert re.fullmatch(r"<urn:uuid:[0-9a-f-]{36}>", capture["record_id"])
        assert capture["digest"].startswith("sha1:")
        assert "captures" not in version  # only one capture


def test_non_article_records_are_counted_and_skipped_without_a_word(tmp_path: Path) -> None:
    builder, _ = crawl()
    builder.response(f"{BASE}/gone.html", b"not here", status="404 Not Found")
    builder.response(
        f"{BASE}/old.html", b"", status="301 Moved Permanently", headers=[("Location", "/x")]
    )
    warc = builder.save(tmp_path / "crawl.warc.gz")

    result = run_cli("import", warc, "--db", tmp_path / "a.db", "--no-align", "-j", "1")

    assert 0 == result.returncode, result.stderr
    assert "" == result.stderr
    assert [
        "3 imported, 0 updated, 0 already present, 0 failed, 0 skipped",
        "10 web-archive records read: 3 articles, 7 skipped (1 HTTP 404, 1 image, "
        "1 index page, 1 redirect, 1 script, 1 stylesheet, 1 warcinfo), 0 failed",
    ] == result.stdout.splitlines()
    as_json = run_cli("import", warc, "--db", tmp_path / "a.db", "--json", "-j", "1")
    data = json.loads(as_json.stdout)
    assert 3 == data["duplicate"]
    assert {"read": 10, "imported": 3, "failed": 0} == {
        k: data["warc"][k] for k in ("read", "imported", "failed")
    }
    assert 1 == data["warc"]["skipped"]["index page"]


# --------------------------------------------------------------------------- captures


def test_the_same_story_captured_twice_is_one_version_with_two_captures(
    any_archive: Archive, tmp_path: Path
) -> None:
    url, html = next(iter(pages().items()))
    builder = WarcBuilder()
    digest = builder.response(url, html.encode(), date="2021-09-21T10:00:00Z")
    builder.revisit(url, digest, url, date="2021-09-22T10:00:00Z")  # a crawler's revisit
    builder.response(url, html.encode(), date="2021-09-23T10:00:00Z")  # same payload again
    warc = builder.save(tmp_path / "twice.warc.gz")

    summary = import_paths(any_archive, [warc], align=False)

    assert ["imported", "duplicate", "duplicate"] == [o.outcome for o in summary.outcomes]
    (article,) = all_articles(any_archive)
    (version,) = article["versions"]
    times = [c["time"] for c in version["captures"]]
    assert ["2021-09-21T10:00:00Z", "2021-09-22T10:00:00Z", "2021-09-23T10:00:00Z"] == times
    assert version["captures"][0] == version["capture"]
    assert 3 == len({c["record_id"] for c in version["captures"]})

    again = import_paths(any_archive, [warc], align=False)  # the same records: nothing new

    assert {"duplicate"} == {o.outcome for o in again.outcomes}
    assert 3 == count(any_archive, Capture)


def test_an_edited_story_captured_again_is_a_revision_with_its_own_capture(
    any_archive: Archive, tmp_path: Path
) -> None:
    url = f"{BASE}/defectors-09212021.html"
    title = "Hundreds of Junta Security Personnel Defect Over Two Weeks"
    first = article_html(title, STORY_EN, date="2021-09-21", credit_line=CREDIT_EN)
    edited_story = [*STORY_EN, "Junta spokesman Zaw Min Tun could not be reached for comment."]
    edited = article_html(title, edited_story, date="2021-09-21", credit_line=CREDIT_EN)
    builder = WarcBuilder()
    builder.response(url, first.encode(), date="2021-09-21T10:00:00Z")
    second_offset = builder.offset()
    builder.response(url, edited.encode(), date="2021-09-25T10:00:00Z")
    warc = builder.save(tmp_path / "edited.warc.gz")

    summary = import_paths(any_archive, [warc], align=False)

    assert ["imported", "revised"] == [o.outcome for o in summary.outcomes]
    (article,) = all_articles(any_archive)
    old, new = article["versions"]
    assert old["id"] == new["revision_of"]
    assert "2021-09-21T10:00:00Z" == old["capture"]["time"]
    assert "2021-09-25T10:00:00Z" == new["capture"]["time"]
    assert second_offset == new["capture"]["offset"]
    assert "could not be reached" in new["text"] and "could not be reached" not in old["text"]


def test_a_redirect_is_followed_to_the_final_capture(tmp_path: Path) -> None:
    url, html = next(iter(pages().items()))
    builder = WarcBuilder()
    old = "https://www.rfa.org/english/news/old-link.html"
    builder.response(old, b"", status="301 Moved Permanently", headers=[("Location", url)])
    builder.response(url, html.encode())
    archive = open_archive(tmp_path / "a.db")

    import_paths(archive, [builder.save(tmp_path / "r.warc.gz")], align=False)

    (article,) = all_articles(archive)
    assert url == article["versions"][0]["capture"]["uri"]
    assert old == article["versions"][0]["capture"]["redirected_from"]


def test_prov_export_derives_each_version_from_its_capture_by_the_crawler(
    tmp_path: Path,
) -> None:
    builder, _ = crawl()
    db = tmp_path / "a.db"
    assert 0 == run_cli("import", builder.save(tmp_path / "c.warc.gz"), "--db", db).returncode

    result = run_cli("export", "--format", "prov-json", "--db", db)

    assert 0 == result.returncode, result.stderr
    doc = json.loads(result.stdout)
    captures = {k: v for k, v in doc["entity"].items() if k.startswith("arch:capture/")}
    assert 3 == len(captures)
    assert set(pages()) == {c["arch:uri"] for c in captures.values()}
    derived = {
        (d["prov:generatedEntity"], d["prov:usedEntity"]) for d in doc["wasDerivedFrom"].values()
    }
    versions = [k for k in doc["entity"] if k.startswith("arch:version/")]
    assert {v for v, c in derived if c in captures} == set(versions)
    (crawler,) = [a for a in doc["agent"] if a.startswith("arch:crawler/")]
    assert SOFTWARE == doc["agent"][crawler]["prov:label"]
    times = {g["prov:time"] for g in doc["wasGeneratedBy"].values() if g["prov:entity"] in captures}
    assert {"2021-09-24T06:30:00+00:00"} == times
    associated = {(a["prov:activity"], a["prov:agent"]) for a in doc["wasAssociatedWith"].values()}
    assert {f"arch:capturing/{k.rsplit('/', 1)[1]}" for k in captures} == {
        act for act, agent in associated if agent == crawler
    }


# --------------------------------------------------------------------------- WACZ


def test_a_wacz_is_read_member_by_member(tmp_path: Path) -> None:
    builder, offsets = crawl()
    wacz = write_wacz(tmp_path / "crawl.wacz", {"data.warc.gz": builder.data()})
    archive = open_archive(tmp_path / "a.db")

    summary = import_paths(archive, [wacz], align=False)

    assert 3 == summary.count("imported")
    files = {a["versions"][0]["capture"]["file"] for a in all_articles(archive)}
    assert {f"{wacz}!archive/data.warc.gz"} == files
    assert set(offsets.values()) == {
        a["versions"][0]["capture"]["offset"] for a in all_articles(archive)
    }


def test_a_wacz_missing_a_warc_says_so_and_imports_the_rest(tmp_path: Path) -> None:
    builder, _ = crawl()
    wacz = write_wacz(
        tmp_path / "crawl.wacz", {"a.warc.gz": builder.data()}, list_missing="b.warc.gz"
    )

    result = run_cli("import", wacz, "--db", tmp_path / "a.db", "--no-align", "-j", "1")

    assert 1 == result.returncode
    assert [
        f"archive: {wacz}: datapackage.json lists archive/b.warc.gz, missing from the WACZ"
    ] == result.stderr.splitlines()
    assert result.stdout.startswith("3 imported, 0 updated, 0 already present, 1 failed")


# --------------------------------------------------------------------------- bad input


@pytest.mark.parametrize("gzip", [True, False], ids=["warc.gz", "warc"])
def test_a_truncated_file_names_the_cut_record_and_imports_the_rest(
    tmp_path: Path, gzip: bool
) -> None:
    builder = WarcBuilder(gzip=gzip)
    offsets = []
    for url, html in pages().items():
        offsets.append(builder.offset())
        builder.response(url, html.encode())
    data = builder.data()
    cut = offsets[-1] + (len(data) - offsets[-1]) // 2  # the file ends inside the last page
    warc = tmp_path / ("cut.warc.gz" if gzip else "cut.warc")
    warc.write_bytes(data[:cut])

    result = run_cli("import", warc, "--db", tmp_path / "a.db", "--no-align", "-j", "1")

    assert 1 == result.returncode
    (line,) = result.stderr.splitlines()
    assert line.startswith(f"archive: {warc}: record at offset {offsets[-1]}: ")
    assert "truncated" in line
    assert result.stdout.startswith("2 imported, 0 updated, 0 already present, 1 failed")


@pytest.mark.parametrize("delta", [-120, 120], ids=["too short", "too long"])
def test_a_wrong_declared_length_costs_only_its_record(tmp_path: Path, delta: int) -> None:
    builder, offsets = crawl(gzip=False)
    data = builder.data()
    urls = list(offsets)
    start, end = offsets[urls[1]], offsets[urls[2]]
    record = data[start:end]
    match = re.search(rb"Content-Length: (\d+)", record)
    assert match is not None
    wrong = f"Content-Length: {int(match.group(1)) + delta}".encode()
    warc = tmp_path / "len.warc"
    warc.write_bytes(data[:start] + record.replace(match.group(0), wrong, 1) + data[end:])

    result = run_cli("import", warc, "--db", tmp_path / "a.db", "--no-align", "-j", "1")

    assert 1 == result.returncode
    (line,) = result.stderr.splitlines()
    assert line.startswith(f"archive: {warc}: record at offset {start}: declared Content-Length")
    assert result.stdout.startswith("2 imported, 0 updated, 0 already present, 1 failed")
    archive = open_archive(tmp_path / "a.db")
    uris = {a["versions"][0]["capture"]["uri"] for a in all_articles(archive)}
    assert {urls[0], urls[2]} == uris


def test_a_damaged_gzip_member_is_skipped_and_reading_goes_on(tmp_path: Path) -> None:
    builder, offsets = crawl()
    data = bytearray(builder.data())
    urls = list(offsets)
    start = offsets[urls[1]]
    data[start + 40 : start + 80] = b"\xff" * 40  # inside the compressed stream
    warc = tmp_path / "damaged.warc.gz"
    warc.write_bytes(bytes(data))
    archive = open_archive(tmp_path / "a.db")

    summary = import_paths(archive, [warc], align=False)

    (failed,) = summary.failed
    assert failed.detail is not None and failed.detail.startswith(f"record at offset {start}: ")
    uris = {a["versions"][0]["capture"]["uri"] for a in all_articles(archive)}
    assert {urls[0], urls[2]} == uris


def test_a_wrong_http_charset_is_reported_and_the_page_read_right(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    url, html = next(iter(pages().items()))
    html = html.replace("Two Weeks", "Two Weeks in Sagaing as Café Owners Flee")
    builder = WarcBuilder()
    builder.response(url, html.encode("utf-8"), content_type="text/html; charset=iso-8859-1")
    legacy = html.replace('<meta charset="utf-8">', "").replace("Sagaing", "Magway")
    second = builder.offset()
    builder.response(
        url.replace(".html", "-2.html"),
        legacy.replace("“", '"').replace("”", '"').encode("cp1252"),
        content_type="text/html; charset=utf-8",
    )
    warc = builder.save(tmp_path / "charset.warc.gz")
    archive = open_archive(tmp_path / "a.db")

    with caplog.at_level("WARNING", logger="archive.ingest"):
        summary = import_paths(archive, [warc], align=False)

    assert 2 == summary.count("imported")
    titles = sorted(a["title"] for a in all_articles(archive))
    assert all("Café Owners Flee" in t for t in titles), titles
    messages = [r.getMessage() for r in caplog.records]
    assert any(f"record at offset {second}: HTTP headers say utf-8" in m for m in messages)
    assert any("HTTP headers say iso-8859-1, but the body is UTF-8" in m for m in messages)


def test_a_record_over_the_cap_is_refused_with_its_offset(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(warc_module, "MAX_RECORD_BYTES", 4096)
    builder, _ = crawl()
    big_offset = builder.offset()
    huge = article_html("A Very Long Page", ["word " * 40] * 200, date="2021-09-21", credit_line="")
    builder.response(f"{BASE}/huge.html", huge.encode())
    archive = open_archive(tmp_path / "a.db")

    summary = import_paths(archive, [builder.save(tmp_path / "big.warc.gz")], align=False)

    (failed,) = summary.failed
    assert failed.detail is not None
    assert failed.detail.startswith(f"record at offset {big_offset}: record too large (")
    assert "capped at 4,096" in failed.detail
    assert 3 == summary.count("imported")


# --------------------------------------------------------------------------- the pipeline


def test_worker_processes_read_captured_pages_like_this_process(tmp_path: Path) -> None:
    builder = WarcBuilder()
    url, html = next(iter(pages().items()))
    for n in range(30):  # past the warm-up, so the workers read some of them
        page = html.replace("450", str(500 + n)).replace("Two Weeks", f"Two Weeks, Part {n}")
        builder.response(url.replace(".html", f"-{n}.html"), page.encode())
    warc = builder.save(tmp_path / "many.warc.gz")
    one, two = open_archive(tmp_path / "one.db"), open_archive(tmp_path / "two.db")

    Importer(one, analyze=False, jobs=1).import_paths([warc])
    Importer(two, analyze=False, jobs=2).import_paths([warc])

    def facts(archive: Archive) -> list[Any]:
        return [
            (article_facts(a), a["versions"][0]["capture"]["offset"]) for a in all_articles(archive)
        ]

    assert 30 == count(two, Version)
    assert facts(one) == facts(two)


def test_a_folder_of_web_archives_and_pages_imports_them_all(tmp_path: Path) -> None:
    folder = tmp_path / "crawls"
    folder.mkdir()
    urls = list(pages())
    first, second = WarcBuilder(), WarcBuilder(gzip=False)
    first.response(urls[0], pages()[urls[0]].encode())
    second.response(urls[1], pages()[urls[1]].encode())
    first.save(folder / "one.warc.gz")
    write_wacz(folder / "two.wacz", {"two.warc": second.data()})
    (folder / "three.html").write_text(pages()[urls[2]], encoding="utf-8")
    archive = open_archive(tmp_path / "a.db")

    summary = import_paths(archive, [folder], align=False)

    assert ["imported"] * 3 == [o.outcome for o in summary.outcomes]
    captures = {a["title"]: a["versions"][0]["capture"] for a in all_articles(archive)}
    files = sorted(c["file"] for c in captures.values() if c is not None)
    assert [str(folder / "one.warc.gz"), f"{folder / 'two.wacz'}!archive/two.warc"] == files
    assert [None] == [c for c in captures.values() if c is None]  # the saved page


def test_a_page_that_fails_to_store_is_named_by_its_record(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from archive.errors import UnstorableText
    from archive.ingest import writer as pipeline

    real = pipeline.store_article

    def refuse_korean(**kwargs: Any) -> Any:
        if kwargs["record"].versions[0].language == "ko":
            raise UnstorableText("text", "holds a NUL character (U+0000)")
        return real(**kwargs)

    monkeypatch.setattr(pipeline, "store_article", refuse_korean)
    builder, offsets = crawl()
    archive = open_archive(tmp_path / "a.db")

    summary = import_paths(archive, [builder.save(tmp_path / "c.warc.gz")], align=False)

    (failed,) = summary.failed
    korean = next(u for u in offsets if "/korean/" in u)
    assert failed.detail is not None
    assert failed.detail.startswith(f"record at offset {offsets[korean]}: ")
    assert "NUL character" in failed.detail
    assert 2 == summary.count("imported")


def test_show_prints_each_capture_above_its_version(tmp_path: Path) -> None:
    url, html = next(iter(pages().items()))
    builder = WarcBuilder()
    first = builder.offset()
    builder.response(url, html.encode(), date="2021-09-21T10:00:00Z")
    second = builder.offset()
    builder.response(url, html.encode(), date="2021-09-22T10:00:00Z")
    warc = builder.save(tmp_path / "c.warc.gz")
    db = tmp_path / "a.db"
    assert 0 == run_cli("import", warc, "--db", db, "--no-align", "-j", "1").returncode

    result = run_cli("show", "1", "--db", db)

    assert 0 == result.returncode, result.stderr
    lines = [line for line in result.stdout.splitlines() if line.startswith("captured ")]
    assert [
        f"captured 2021-09-21T10:00:00Z from {url} ({warc} @{first})",
        f"captured 2021-09-22T10:00:00Z from {url} ({warc} @{second})",
    ] == lines
