"""Finding people by name parts, and one order for listings (issue #20): SQLite and PostgreSQL."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlmodel import select

from archive.db import Archive
from archive.ingest.pipeline import Importer
from archive.listing import list_articles_sorted, parse_article_filter
from archive.models import Person, PersonAlias
from archive.provenance import ArticleFilter, find_people, list_articles, list_people
from archive.search import search


def _record(title: str, date: str | None, credits: list[tuple[str, str]]) -> dict[str, object]:
    record: dict[str, object] = {
        "title": title,
        "credits": [{"role": role, "name": name} for role, name in credits],
        "versions": [{"kind": "original", "language": "en", "text": f"{title}. Officials said."}],
    }
    if date is not None:
        record["date"] = date
    return record


RECORDS = [
    _record("Old story", "2019-03-01", [("translator", "Khin Maung Nyane")]),
    _record("Undated story", None, [("translator", "Khin Maung")]),
    _record("New story", "2023-11-05", [("writer", "Nguyễn Văn An")]),
    _record("Middle story", "2021-06-30", [("translator", "Maung Khin Win")]),
    _record("Another undated", None, [("writer", "Eugene Whong")]),
]


@pytest.fixture
def archive(any_archive: Archive, tmp_path: Path) -> Archive:
    path = tmp_path / "records.jsonl"
    path.write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in RECORDS), encoding="utf-8"
    )
    outcomes = list(Importer(any_archive, align=False, jobs=1).iter_import([path]))
    assert ["imported"] * len(RECORDS) == [o.outcome for o in outcomes]
    with any_archive.session() as session, session.begin():
        whong = session.exec(select(Person).where(Person.name == "Eugene Whong")).one()
        assert whong.id is not None
        session.add(PersonAlias(person_id=whong.id, alias="黃尤金"))
    return any_archive


def _titles(archive: Archive, **filters: str) -> list[str]:
    with archive.session() as session:
        rows = list_articles(session=session, filters=ArticleFilter(**filters))  # type: ignore[arg-type]
    return [r["title"] for r in rows]


def _names(archive: Archive, query: str) -> list[str]:
    with archive.session() as session:
        return [p["name"] for p in list_people(session=session, query=query)]


def test_person_filter_matches_whole_name_parts_in_any_order(archive: Archive) -> None:
    expected = ["Middle story", "Old story", "Undated story"]
    assert expected == sorted(_titles(archive, person="Khin Maung"))
    assert expected == sorted(_titles(archive, person="maung KHIN"))
    assert ["Old story"] == _titles(archive, person="Nyane Khin")
    assert [] == _titles(archive, person="Khin Mau")  # a part must be whole


def test_person_filter_ignores_diacritics_and_finds_aliases(archive: Archive) -> None:
    assert ["New story"] == _titles(archive, person="nguyen van")
    assert ["New story"] == _titles(archive, person="An Nguyễn")
    assert ["Another undated"] == _titles(archive, person="黃尤金")


def test_people_query_ranks_exact_then_in_order_then_any_order(archive: Archive) -> None:
    assert ["Khin Maung", "Khin Maung Nyane", "Maung Khin Win"] == _names(archive, "khin maung")
    with archive.session() as session:
        ranks = [rank for _id, rank in find_people(session=session, query="Khin Maung")]
    assert [0, 1, 2] == ranks
    assert [] == _names(archive, "Nobody")


def test_library_filter_and_search_filter_find_people_the_same_way(archive: Archive) -> None:
    with archive.session() as session:
        rows = list_articles(
            session=session, filters=parse_article_filter('translator:"Khin Maung"')
        )
        hits = search(session=session, query='officials translator:"maung khin"')
    assert ["Middle story", "Old story", "Undated story"] == sorted(r["title"] for r in rows)
    assert {r["id"] for r in rows} == {h.article_id for h in hits}


def test_list_is_newest_first_with_undated_last(archive: Archive) -> None:
    titles = _titles(archive)
    assert ["New story", "Middle story", "Old story"] == titles[:3]
    assert {"Undated story", "Another undated"} == set(titles[3:])


@pytest.mark.parametrize("descending", [True, False])
def test_browser_date_order_keeps_undated_last(archive: Archive, descending: bool) -> None:
    with archive.session() as session:
        rows = list_articles_sorted(session=session, sort="date", descending=descending)
    dated = [r["date"] for r in rows if r["date"]]
    assert sorted(dated, reverse=descending) == dated
    assert [None, None] == [r["date"] for r in rows[3:]]
