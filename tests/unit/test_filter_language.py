"""One filter language for search (strict), the library filter (lenient) and ``list``."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from archive.db import Archive
from archive.errors import SearchSyntaxError
from archive.ingest.pipeline import Importer
from archive.listing import article_filter, filter_problems, parse_article_filter
from archive.provenance import ArticleFilter, list_articles
from archive.search import search, search_sql
from archive.search.query import CreditFilter, Filters, parse_query, read_date, read_filters
from tests.unit.test_people_and_order import RECORDS

UNDERSTOOD = [
    'translator:"Khin Maung Nyane" lang:my',
    "person:Whong role:writer year:2019..2021",
    'service:"RFA Lao Service" kind:original since:2021-03 until:2022',
    "language:ug writer:Whong year:2021",
]


@pytest.mark.parametrize("text", UNDERSTOOD)
def test_strict_and_lenient_read_the_same_filters(text: str) -> None:
    read = read_filters(text + " junta")
    assert parse_query(text + " junta").filters == read.filters
    assert (("junta",), ()) == (read.words, read.problems)


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("year:20x", "year:20x is not a year: write year:2021 or year:2019..2021"),
        ("role:chef", "role:chef is not a role: one of reporter, translator, writer"),
        ("since:yesterday", "since:yesterday is not a date: write since:2021-04-19"),
        ("kind:draft", "kind:draft is not one of original, translation"),
    ],
)
def test_search_refuses_what_the_library_reports_and_ignores(text: str, problem: str) -> None:
    with pytest.raises(SearchSyntaxError) as raised:
        parse_query("defect " + text)
    assert problem in str(raised.value)
    read = read_filters("defect " + text)
    assert (Filters(), ("defect",)) == (read.filters, read.words)
    assert 1 == len(read.problems) and problem in read.problems[0]
    assert list(read.problems) == filter_problems("defect " + text)


def test_a_key_still_being_typed_is_skipped_by_the_library_only() -> None:
    assert read_filters("junta translator:") == read_filters("junta")
    assert () == read_filters('translator:"').problems
    with pytest.raises(SearchSyntaxError, match="translator: needs a value"):
        parse_query("junta translator:")


def test_the_library_keeps_operators_as_the_words_typed() -> None:
    assert ("-police", "a", "OR", "b*", "two words") == read_filters(
        '-police a OR b* "two words"'
    ).words


def test_a_backwards_year_range_is_an_error_in_search_and_turned_round_in_the_library() -> None:
    with pytest.raises(SearchSyntaxError, match="earlier year comes first"):
        parse_query("junta year:2021..2019")
    assert ((2019, 2021),) == read_filters("year:2021..2019").filters.years


def test_the_library_filter_as_an_article_filter() -> None:
    assert ArticleFilter(
        person="Khin Maung",
        role="translator",
        language="my",
        since=dt.date(2021, 1, 1),
        until=dt.date(2021, 12, 31),
        text="junta coup",
    ) == parse_article_filter('translator:"Khin Maung" lang:my 2021 junta coup')
    assert ArticleFilter(person="A", role="writer") == parse_article_filter("person:A role:writer")
    assert ArticleFilter(since=dt.date(2021, 3, 1), until=dt.date(2022, 12, 31)) == (
        parse_article_filter("since:2021-03 until:2022")
    )
    assert ArticleFilter(role="editor") == article_filter(read_filters("role:Editor"))


def test_dates_read_as_list_reads_them() -> None:
    assert dt.date(2021, 2, 28) == read_date("2021-02", end=True)
    assert dt.date(2021, 1, 1) == read_date(" 2021 ", end=False)
    with pytest.raises(ValueError, match="is not a date"):
        read_date("2021-13", end=False)


def test_person_and_role_still_make_one_credit() -> None:
    assert (CreditFilter(role="translator", name="Khin"),) == read_filters(
        "person:Khin role:translator"
    ).filters.credits


def test_since_and_until_reach_the_search_sql() -> None:
    sql, params = search_sql(query="story since:2020 until:2021-06-30")
    assert "a.date >= :p" in sql and "a.date <= :p" in sql
    assert {"2020-01-01", "2021-06-30"} <= set(params.values())


@pytest.fixture
def archive(any_archive: Archive, tmp_path: Path) -> Archive:
    path = tmp_path / "records.jsonl"
    path.write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in RECORDS), encoding="utf-8"
    )
    outcomes = list(Importer(any_archive, align=False, jobs=1).iter_import([path]))
    assert ["imported"] * len(RECORDS) == [o.outcome for o in outcomes]
    return any_archive


def test_search_library_and_list_find_the_same_dated_articles(archive: Archive) -> None:
    text = "since:2020 until:2022-12"
    with archive.session() as session:
        hits = search(session=session, query="story " + text)
        listed = list_articles(session=session, filters=parse_article_filter(text))
    assert ["Middle story"] == sorted({h.title for h in hits})
    assert ["Middle story"] == [r.title for r in listed]
