"""Identity (issue #16): one rule for finding people and services, in SQL and in Python alike.

A person filter is answered two ways: `find_people` (Python, over the stored keys) and the SQL
that search embeds (`person_key_holds`). For the same names — Latin, Burmese, Chinese, Uyghur,
Khmer — both must find the same people. A service filter is one SELECT, run by provenance and
compiled into search's SQL: both must find the same services.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import text
from sqlmodel import Session, col, select

from archive.db import Archive
from archive.errors import UnnamedService
from archive.identity import person_key, sha256_text
from archive.identity.match import (
    find_people,
    person_key_holds,
    person_rank,
    service_ids_matching,
    service_ids_select,
)
from archive.ingest.store import ensure_person, ensure_service
from archive.models import Person
from archive.search.sqlite import _Params

NAMES = [
    "Khin Maung Nyane",
    "Maung Khin Win",
    "Nguyễn Văn An",
    "An Nguyen",
    "ခင်မောင်ညွန့်",  # Burmese, one word
    "ခင် မောင် ညွန့်",  # Burmese, spaced
    "ဦး ခင် မောင်",
    "黃尤金",
    "黄 尤金",
    "习近平",
    "ئابدۇۋەلى ئايۇپ",  # Uyghur, Arabic script
    "ئايۇپ ئابدۇۋەلى",
    "Abduweli Ayup",
    "ហ៊ុន សែន",  # Khmer
    "Lee Lee",  # a repeated part
]

QUERIES = [
    "Khin Maung",
    "maung KHIN",
    "Khin Mau",
    "nguyen van",
    "ခင်မောင်ညွန့်",
    "မောင် ခင်",
    "ခင်",
    "黃尤金",
    "黄",
    "尤金",
    "ئابدۇۋەلى",
    "ئايۇپ ئابدۇۋەلى",
    "ayup",
    "សែន",
    "Lee",
    "Lee Lee",
    "Lee Lee Lee",
    "...",
]


@pytest.fixture
def people(any_archive: Archive) -> Iterator[Archive]:
    with any_archive.session() as session, session.begin():
        for name in NAMES:
            ensure_person(session, name)
    yield any_archive


def _sql_ids(session: Session, query: str) -> set[int]:
    rows = session.exec(select(Person.id).where(person_key_holds(col(Person.key), query))).all()
    return {r for r in rows if r is not None}


def _python_ids(session: Session, query: str) -> set[int]:
    wanted = person_key(query).split()
    rows = session.exec(select(Person.id, Person.key)).all()
    return {pid for pid, key in rows if pid is not None and person_rank(wanted, key) is not None}


def _search_sql_ids(session: Session, query: str) -> set[int]:
    """The same SELECT as search embeds it in its raw SQL (numbered binds)."""
    params = _Params()
    sql = params.embed(select(col(Person.id)).where(person_key_holds(col(Person.key), query)))
    return {r[0] for r in session.connection().execute(text(sql), params.values)}


@pytest.mark.parametrize("query", QUERIES)
def test_sql_and_python_find_the_same_people(people: Archive, query: str) -> None:
    with people.session() as session:
        python = _python_ids(session, query)
        assert python == _sql_ids(session, query)
        assert python == _search_sql_ids(session, query)
        assert python <= {pid for pid, _rank in find_people(session=session, query=query)}


def test_the_rule_finds_whole_parts_in_any_script(people: Archive) -> None:
    with people.session() as session:
        names = dict(session.exec(select(Person.id, Person.name)).all())

        def found(query: str) -> set[str]:
            return {names[pid] for pid in _sql_ids(session, query)}

        assert {"Khin Maung Nyane", "Maung Khin Win"} == found("maung khin")
        assert set() == found("Khin Mau")
        assert {"ခင် မောင် ညွန့်", "ဦး ခင် မောင်"} == found("မောင် ခင်")
        assert {"ခင်မောင်ညွန့်"} == found("ခင်မောင်ညွန့်")  # a spaceless name is one part
        assert {"黃尤金"} == found("黃尤金")
        assert {"黄 尤金"} == found("尤金")
        assert {"ئابدۇۋەلى ئايۇپ", "ئايۇپ ئابدۇۋەلى"} == found("ئايۇپ")
        assert {"Lee Lee"} == found("lee lee")
        assert set() == found("Lee Lee Lee")


_PARTS = st.lists(
    st.sampled_from(["khin", "maung", "ခင်", "မောင်", "黃", "尤金", "ئايۇپ", "lee", "an"]),
    min_size=1,
    max_size=4,
)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(name=_PARTS, query=_PARTS)
def test_sql_and_python_agree_on_any_name_and_query(
    archive: Archive, name: list[str], query: list[str]
) -> None:
    with archive.session() as session, session.begin():
        person = ensure_person(session, " ".join(name))
        key = person.key
        rows = session.exec(
            select(Person.id).where(
                col(Person.id) == person.id, person_key_holds(col(Person.key), " ".join(query))
            )
        ).all()
        session.rollback()
    assert (person_rank(person_key(" ".join(query)).split(), key) is not None) == bool(rows)


SPELLINGS = ["RFA's Myanmar Service", "Reuters", "Radio Free Asia", "Some Local Weekly"]


@pytest.mark.parametrize(
    "name",
    [
        "RFA Burmese",
        "Radio Free Asia’s Myanmar Service",
        "rfa-myanmar",
        "Reuters",
        "路透社",
        "ئەركىن ئاسىيا رادىيوسى",
        "Some Local Weekly",
        "some local weekly",
    ],
)
def test_provenance_and_search_find_the_same_services(any_archive: Archive, name: str) -> None:
    with any_archive.session() as session, session.begin():
        for spelling in [
            "RFA's Myanmar Service",
            "Reuters",
            "Radio Free Asia",
            "Some Local Weekly",
        ]:
            ensure_service(session, spelling)
    with any_archive.session() as session:
        by_provenance = service_ids_matching(session, name)
        params = _Params()
        sql = params.embed(service_ids_select(name))
        by_search = sorted(r[0] for r in session.connection().execute(text(sql), params.values))
    assert by_provenance
    assert by_provenance == by_search


def test_a_service_filter_without_a_name_is_an_archive_error() -> None:
    with pytest.raises(UnnamedService, match="names no service"):
        service_ids_select("The Service")


def test_sha256_text_hashes_the_utf8_bytes() -> None:
    import hashlib

    assert hashlib.sha256("ခင်".encode()).hexdigest() == sha256_text("ခင်")
    assert 64 == len(sha256_text("\ud800"))  # a lone surrogate still hashes
