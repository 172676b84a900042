"""Importing pages and records into a real SQLite archive: provenance, idempotence, revisions,
and batches with bad files that must import exactly the good ones and lose nothing."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from sqlmodel import func, select

from archive.db import Archive
from archive.ingest.pipeline import Importer, import_paths, read_blob
from archive.models import Article, Credit, ImportRecord, Person, RawBlob, Segment, Service, Version
from archive.provenance import ArticleFilter, get_article, list_articles, list_people
from tests.conftest import SEED


@pytest.fixture
def archive(any_archive: Archive) -> Archive:
    """This module's archive: the same test on an SQLite file and a PostgreSQL database."""
    return any_archive


PAGE = """Tuesday, March 2, 2021
HomeAsia{title}

{title}

Villagers in {place} said soldiers had burned 35 houses on Sunday, forcing 1,200 people to flee.

"We could only carry our children," one resident told RFA.

 {credit}

Source link

- Advertisment -
"""


def write_page(folder: Path, name: str, title: str, credit: str, place: str = "Sagaing") -> Path:
    path = folder / name
    path.write_text(PAGE.format(title=title, credit=credit, place=place), encoding="utf-8")
    return path


def credits_of(archive: Archive, article_id: int) -> list[tuple[str, str, str]]:
    with archive.session() as session:
        data = get_article(session=session, article_id=article_id)
    return [(c["role"], c["name"], c["kind"]) for c in data["credits"]]


def count(archive: Archive, model: Any) -> int:
    with archive.session() as session:
        return int(session.exec(select(func.count()).select_from(model)).one())


def test_seed_page_provenance(archive: Archive) -> None:
    summary = import_paths(archive, [SEED])
    assert ["imported"] == [o.outcome for o in summary.outcomes]
    article_id = summary.outcomes[0].article_id
    assert article_id is not None
    with archive.session() as session:
        data = get_article(session=session, article_id=article_id)
    assert (
        "Hundreds of Myanmar Junta Security Personnel Defect Over Past Two Weeks" == data["title"]
    )
    assert {"name": "RFA Myanmar Service", "organization": "Radio Free Asia", "language": "my"} == (
        data["service"]
    )
    assert [
        ("reporter", "RFA Myanmar Service", "service"),
        ("translator", "Khin Maung Nyane", "person"),
        ("writer", "Eugene Whong", "person"),
    ] == [(c["role"], c["name"], c["kind"]) for c in data["credits"]]
    assert all(c["raw"] for c in data["credits"])
    (version,) = data["versions"]
    assert ("published", "en", "Latn", "unicode") == (
        version["kind"],
        version["language"],
        version["script"],
        version["encoding"],
    )
    # The story is stored exactly as it stood on the page: a slice of the file's text.
    page = SEED.read_text(encoding="utf-8")
    assert version["text"] in page
    assert version["text"].startswith("Around 450 soldiers and police")
    assert "Source link" not in version["text"] and "Reported by" not in version["text"]
    assert count(archive, Segment) > 20


def test_everything_a_person_translated(archive: Archive, tmp_path: Path) -> None:
    write_page(
        tmp_path,
        "a.txt",
        "Junta raids village",
        "Reported by RFA’s Myanmar Service. Translated by Khin Maung Nyane. "
        "Written in English by Eugene Whong.",
    )
    write_page(
        tmp_path,
        "b.txt",
        "Farmers lose land",
        "Reported by Sok Ry Sum for RFA’s Khmer Service. Translated by Khin Maung Nyane. "
        "Written in English by Joshua Lipes and Roseanne Gerin.",
        place="Kampong Speu",
    )
    write_page(
        tmp_path,
        "c.txt",
        "Dam floods homes",
        "Reported by RFA Lao. Translated by Max Avary. Written in English by Eugene Whong.",
        place="Attapeu",
    )
    summary = import_paths(archive, [tmp_path])
    assert 3 == summary.count("imported")
    with archive.session() as session:
        translated = list_articles(
            session=session, filters=ArticleFilter(person="khin maung  nyane", role="translator")
        )
        written = list_articles(session=session, filters=ArticleFilter(person="Eugene Whong"))
        khmer = list_articles(session=session, filters=ArticleFilter(service="RFA Khmer"))
        people = {p["name"]: p for p in list_people(session=session)}
    assert ["Farmers lose land", "Junta raids village"] == sorted(r["title"] for r in translated)
    assert ["Dam floods homes", "Junta raids village"] == sorted(r["title"] for r in written)
    assert ["Farmers lose land"] == [r["title"] for r in khmer]
    # One Person row per person across articles; one Service row per service.
    assert {"translator": 2} == people["Khin Maung Nyane"]["roles"]
    assert [
        "Eugene Whong",
        "Joshua Lipes",
        "Khin Maung Nyane",
        "Max Avary",
        "Roseanne Gerin",
        "Sok Ry Sum",
    ] == sorted(people)
    with archive.session() as session:
        services = dict(session.exec(select(Service.key, Service.language)).all())
    assert {"my", "km", "lo"} <= set(services.values())


def test_reimport_changes_nothing(archive: Archive, tmp_path: Path) -> None:
    pages = tmp_path / "pages"
    pages.mkdir()
    write_page(pages, "a.txt", "Junta raids village", "Reported by RFA Burmese.")
    import_paths(archive, [pages, SEED])
    before = {
        m.__name__: count(archive, m)
        for m in (Article, Version, Credit, Person, Segment, ImportRecord)
    }
    again = import_paths(archive, [pages, SEED])
    assert ["duplicate", "duplicate"] == [o.outcome for o in again.outcomes]
    after = {
        m.__name__: count(archive, m)
        for m in (Article, Version, Credit, Person, Segment, ImportRecord)
    }
    assert before == after


def test_same_record_in_another_file_is_already_present(archive: Archive, tmp_path: Path) -> None:
    first = write_page(tmp_path, "a.txt", "Junta raids village", "Reported by RFA Burmese.")
    copy = tmp_path / "copy.txt"
    copy.write_bytes(first.read_bytes())
    summary = import_paths(archive, [first, copy])
    assert ["imported", "duplicate"] == [o.outcome for o in summary.outcomes]
    assert 1 == count(archive, Article)


def test_corrected_copy_becomes_a_revision(archive: Archive, tmp_path: Path) -> None:
    write_page(tmp_path, "a.txt", "Junta raids village", "Reported by RFA Burmese.")
    import_paths(archive, [tmp_path / "a.txt"])
    corrected = tmp_path / "a-corrected.txt"
    corrected.write_text(
        PAGE.format(
            title="Junta raids village", credit="Reported by RFA Burmese.", place="Sagaing"
        ).replace("35 houses", "53 houses"),
        encoding="utf-8",
    )
    summary = import_paths(archive, [corrected])
    assert ["revised"] == [o.outcome for o in summary.outcomes]
    with archive.session() as session:
        versions = session.exec(select(Version).order_by(Version.id)).all()  # type: ignore[arg-type]
    assert 2 == len(versions)
    old, new = versions
    assert new.revision_of_id == old.id
    assert "35 houses" in old.text and "53 houses" in new.text
    assert 1 == count(archive, Article)


def test_jsonl_records(archive: Archive, tmp_path: Path) -> None:
    records = tmp_path / "records.jsonl"
    record = {
        "title": "Tibetan monk detained",
        "date": "2021-03-04",
        "url": "https://www.rfa.org/english/news/tibet/monk-03042021.html",
        "credit_line": "Reported by Lobsang Gelek for RFA’s Tibetan Service. "
        "Translated by Tenzin Dickyi. Written in English by Richard Finney.",
        "versions": [
            {"kind": "original", "language": "bo", "text": "དགེ་འདུན་པ་ཞིག་བཙོན་དུ་བཟུང་འདུག།"},
            {
                "kind": "published",
                "language": "en",
                "text": "A Tibetan monk was detained.",
                "derived_from": 0,
            },
        ],
    }
    records.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    summary = import_paths(archive, [records])
    assert ["imported"] == [o.outcome for o in summary.outcomes]
    article_id = summary.outcomes[0].article_id
    assert article_id is not None
    assert [
        ("reporter", "Lobsang Gelek", "person"),
        ("translator", "Tenzin Dickyi", "person"),
        ("writer", "Richard Finney", "person"),
    ] == credits_of(archive, article_id)
    with archive.session() as session:
        data = get_article(session=session, article_id=article_id)
    original, published = data["versions"]
    assert published["derived_from"] == original["id"]
    assert "bo" == data["service"]["language"]


def test_bad_batch_imports_exactly_the_good_ones(archive: Archive, tmp_path: Path) -> None:
    write_page(tmp_path, "old.txt", "Earlier story", "Reported by RFA Burmese.")
    import_paths(archive, [tmp_path / "old.txt"])
    stored_before = count(archive, Article)

    batch = tmp_path / "batch"
    batch.mkdir()
    (batch / "binary.txt").write_bytes(b"\x7fELF\x02\x01\x01\x00\x00\x00" * 50)
    (batch / "empty.txt").write_bytes(b"")
    good_record = {
        "title": "Good record",
        "versions": [{"kind": "published", "language": "en", "text": "It is fine."}],
    }
    (batch / "mixed.jsonl").write_text(
        json.dumps(good_record) + "\n" + '{"title": "broken", "versions": [\n', encoding="utf-8"
    )
    (batch / "dup.txt").write_bytes((tmp_path / "old.txt").read_bytes())
    write_page(batch, "new.txt", "New story", "Reported by RFA Khmer.")
    (batch / "notes.docx").write_bytes(b"PK\x03\x04")

    summary = import_paths(archive, [batch])
    outcomes = {(Path(o.source).name, o.line): o.outcome for o in summary.outcomes}
    assert {
        ("binary.txt", None): "failed",
        ("dup.txt", None): "duplicate",
        ("empty.txt", None): "failed",
        ("mixed.jsonl", 1): "imported",
        ("mixed.jsonl", 2): "failed",
        ("new.txt", None): "imported",
        ("notes.docx", None): "skipped",
    } == outcomes
    details = {Path(o.source).name: o.detail for o in summary.failed}
    assert "binary file" in (details["binary.txt"] or "")
    assert "empty file" == details["empty.txt"]
    assert "malformed JSON" in (details["mixed.jsonl"] or "")
    assert stored_before + 2 == count(archive, Article)


def test_failure_midway_stores_nothing_of_that_article(
    archive: Archive, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import archive.ingest.annotate as analyze_module

    calls = {"n": 0}
    real = analyze_module.analyze_version

    def flaky(session: Any, version: Version) -> None:
        calls["n"] += 1
        if calls["n"] == 2:
            raise sqlite3.OperationalError("disk I/O error")  # not an SQLAlchemy error on purpose
        real(session, version)

    record = {
        "title": "Two versions",
        "versions": [
            {"kind": "original", "language": "en", "text": "One."},
            {"kind": "translation", "language": "vi", "text": "Một.", "derived_from": 0},
        ],
    }
    path = tmp_path / "r.jsonl"
    path.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    importer = Importer(archive)
    importer.analyzer = flaky
    (outcome,) = importer.import_file(path)
    assert ("failed", "unexpected error: OperationalError: disk I/O error") == (
        outcome.outcome,
        outcome.detail,
    )
    assert (0, 0, 0) == (count(archive, Article), count(archive, Version), count(archive, Segment))


def test_markup_and_escapes_are_stored_exactly(archive: Archive, tmp_path: Path) -> None:
    text = "He said [bold red]no[/] and <b>left</b>.\x1b[31m Red?\x1b[0m \\n stays."
    path = tmp_path / "r.jsonl"
    record = {
        "title": "[i]x[/i]",
        "versions": [{"kind": "published", "language": "en", "text": text}],
    }
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    summary = import_paths(archive, [path])
    article_id = summary.outcomes[0].article_id
    assert article_id is not None
    with archive.session() as session:
        data = get_article(session=session, article_id=article_id)
    assert text == data["versions"][0]["text"]
    assert "[i]x[/i]" == data["title"]


def test_raw_bytes_are_kept(archive: Archive) -> None:
    import_paths(archive, [SEED])
    with archive.session() as session:
        blob = session.exec(select(RawBlob)).one()
    assert SEED.read_bytes() == read_blob(blob)


def test_zawgyi_original_is_stored_as_published(archive: Archive) -> None:
    from tests.conftest import CORPUS

    path = CORPUS / "mmgov-2018-07-26-zawgyi.jsonl"
    summary = import_paths(archive, [path])
    article_id = summary.outcomes[0].article_id
    assert article_id is not None
    with archive.session() as session:
        data = get_article(session=session, article_id=article_id)
    version = data["versions"][0]
    expected = json.loads(path.read_text(encoding="utf-8"))["versions"][0]["text"]
    assert expected == version["text"]
    assert ("my", "Mymr", "zawgyi") == (version["language"], version["script"], version["encoding"])


def test_legacy_encoded_page(archive: Archive, tmp_path: Path) -> None:
    text = PAGE.format(
        title="Café owners protest", credit="Reported by RFA Vietnamese.", place="Hà Nội"
    ).replace("“", '"')
    path = tmp_path / "cp1252.txt"
    path.write_bytes(text.replace("Hà Nội", "Hanoi").encode("cp1252"))
    summary = import_paths(archive, [path])
    assert ["imported"] == [o.outcome for o in summary.outcomes]
    with archive.session() as session:
        version = session.exec(select(Version)).one()
    assert "cp1252" == version.source_encoding


def test_a_service_with_no_name_fails_that_record_only(archive: Archive, tmp_path: Path) -> None:
    path = tmp_path / "r.jsonl"
    bad = {
        "title": "x",
        "service": "The Language Service",
        "versions": [{"kind": "published", "language": "en", "text": "A."}],
    }
    good = {
        "title": "y",
        "service": "RFA Lao",
        "versions": [{"kind": "published", "language": "en", "text": "B."}],
    }
    path.write_text(json.dumps(bad) + "\n" + json.dumps(good) + "\n", encoding="utf-8")
    summary = import_paths(archive, [path])
    assert ["failed", "imported"] == [o.outcome for o in summary.outcomes]
    assert (summary.outcomes[0].detail or "").startswith(
        "service 'The Language Service' names no service"
    )
