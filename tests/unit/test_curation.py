"""Correcting provenance: each edit changes what it says, is recorded, and its undo restores the
article exactly (the ``show --json`` document byte for byte), on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from typing import Any

import pytest
from sqlmodel import Session, select

from archive import curation
from archive.db import Archive
from archive.errors import (
    ArticleNotFound,
    BadDate,
    BadEdit,
    CreditNotFound,
    PersonNotFound,
    ServiceNotFound,
    UndoRefused,
    VersionNotFound,
)
from archive.history import EditAlreadyUndone, article_history, undo_edit
from archive.ingest.annotate import analyze_version
from archive.ingest.records import ArticleRecord, CreditRecord, VersionRecord
from archive.ingest.store import store_article
from archive.models import Person, Version
from archive.provenance import get_article, list_people, list_services
from archive.search import search

ME = "Daw Khin"


def _store(archive: Archive, record: ArticleRecord) -> int:
    with archive.session() as session, session.begin():
        return store_article(session=session, record=record, analyze=analyze_version).article_id


def _article(archive: Archive, title: str, translator: str, service: str) -> int:
    return _store(
        archive,
        ArticleRecord(
            title=title,
            date=dt.date(2021, 9, 20),
            service=service,
            credits=[
                CreditRecord(role="reporter", name=service, kind="service"),
                CreditRecord(
                    role="translator", name=translator, raw=f"Translated by {translator}."
                ),
                CreditRecord(role="writer", name="Eugene Whong"),
            ],
            versions=[
                VersionRecord(kind="original", language="my", text="မြန်မာ စစ်သား ၂၀ ဦး ထွက်ပြေးသည်။"),
                VersionRecord(
                    kind="published",
                    language="en",
                    text=f"{title} this week.\n\nThe junta said nothing.",
                    derived_from=0,
                ),
            ],
        ),
    )


@pytest.fixture
def two(any_archive: Archive) -> tuple[Archive, int, int]:
    """Two articles; the same translator under two spellings the key does not merge."""
    first = _article(any_archive, "Soldiers defect", "Khin Maung Nyane", "RFA's Myanmar Service")
    second = _article(any_archive, "Junta silent", "Khin M. Nyane", "RFA Burmese")
    _article(any_archive, "Khmer story", "Eugene Whong", "RFA Khmer")  # a second service
    return any_archive, first, second


def _shown(archive: Archive, article_id: int) -> str:
    with archive.session() as session:
        return json.dumps(
            get_article(session=session, article_id=article_id).to_json(), sort_keys=True
        )


def _everything(archive: Archive, *ids: int) -> str:
    with archive.session() as session:
        people = [p.to_json() for p in list_people(session=session)]
        services = [s.to_json() for s in list_services(session=session)]
    return "\n".join([*(_shown(archive, i) for i in ids), json.dumps([people, services])])


def _edit(archive: Archive, change: Callable[[Session], Any]) -> int:
    with archive.session() as session, session.begin():
        edit = change(session)
        assert edit is not None
        return int(edit.id)


def _undo(archive: Archive, edit_id: int) -> None:
    with archive.session() as session, session.begin():
        undo_edit(session, edit_id, by="Ko Aung")


def _version_ids(archive: Archive, article_id: int) -> list[int]:
    with archive.session() as session:
        return [
            v.id
            for v in session.exec(select(Version).where(Version.article_id == article_id)).all()
            if v.id is not None
        ]


def _credit_id(archive: Archive, article_id: int, role: str) -> int:
    with archive.session() as session:
        credits = get_article(session=session, article_id=article_id).to_json()["credits"]
    return int(next(c["id"] for c in credits if c["role"] == role))


def test_article_field_edits_change_record_and_undo_exactly(two: tuple[Archive, int, int]) -> None:
    archive, first, second = two
    start = _everything(archive, first, second)
    edits = [
        _edit(
            archive,
            lambda s: curation.set_title(
                s, article_id=first, title=" Soldiers\tdefect ", reviewer=ME
            ),
        ),
        _edit(
            archive,
            lambda s: curation.set_date(
                s, article_id=first, date=dt.date(2021, 9, 21), reviewer=ME
            ),
        ),
        _edit(
            archive,
            lambda s: curation.set_captured(
                s, article_id=first, captured=dt.date(2024, 4, 19), reviewer=ME
            ),
        ),
        _edit(
            archive,
            lambda s: curation.set_service(s, article_id=first, service="RFA Khmer", reviewer=ME),
        ),
    ]
    with archive.session() as session:
        data = get_article(session=session, article_id=first).to_json()
    assert (" Soldiers\tdefect ", "2021-09-21", "2024-04-19", "RFA Khmer Service") == (
        data["title"],
        data["date"],
        data["captured"],
        data["service"]["name"],
    )
    with archive.session() as session:
        history = article_history(session, first)
    assert [("set-title", ME), ("set-date", ME), ("set-captured", ME), ("set-service", ME)] == [
        (e.action, e.reviewer) for e in history
    ]
    assert {"date": "2021-09-20"} == history[1].before
    for edit_id in reversed(edits):
        _undo(archive, edit_id)
    assert start == _everything(archive, first, second)


def test_unchanged_value_makes_no_edit(two: tuple[Archive, int, int]) -> None:
    archive, first, _ = two
    with archive.session() as session, session.begin():
        assert None is curation.set_date(
            session, article_id=first, date=dt.date(2021, 9, 20), reviewer=ME
        )
    with archive.session() as session:
        assert [] == article_history(session, first)


def test_credit_edits_and_undo_restore_ids_and_order(two: tuple[Archive, int, int]) -> None:
    archive, first, second = two
    start = _everything(archive, first, second)
    writer = _credit_id(archive, first, "writer")
    translator = _credit_id(archive, first, "translator")
    added = _edit(
        archive,
        lambda s: curation.add_credit(
            s, article_id=first, role="Editor", name="Ma Thida Win", reviewer=ME
        ),
    )
    role = _edit(
        archive,
        lambda s: curation.set_credit_role(
            s, article_id=first, credit_id=writer, role="editor", reviewer=ME
        ),
    )
    removed = _edit(
        archive,
        lambda s: curation.remove_credit(s, article_id=first, credit_id=translator, reviewer=ME),
    )
    holder = _edit(
        archive,
        lambda s: curation.set_credit_person(
            s, article_id=first, credit_id=writer, name="Joshua Lipes", reviewer=ME
        ),
    )
    with archive.session() as session:
        credits = get_article(session=session, article_id=first).to_json()["credits"]
    assert [
        ("reporter", "RFA Myanmar Service"),
        ("editor", "Joshua Lipes"),
        ("editor", "Ma Thida Win"),
    ] == [(c["role"], c["name"]) for c in credits]
    with archive.session() as session:
        assert ["Joshua Lipes", "Ma Thida Win"] == sorted(
            p.name
            for p in session.exec(select(Person)).all()
            if p.name in {"Joshua Lipes", "Ma Thida Win"}
        )
    for edit_id in (holder, removed, role, added):
        _undo(archive, edit_id)
    assert start == _everything(archive, first, second)
    with archive.session() as session:  # the people the edits added are gone again
        assert [] == [p for p in session.exec(select(Person)).all() if p.name == "Ma Thida Win"]


def test_version_edits_follow_into_search_and_undo(two: tuple[Archive, int, int]) -> None:
    archive, first, second = two
    start = _everything(archive, first, second)
    _original, published = _version_ids(archive, first)
    with archive.session() as session:
        assert [published] == [
            h.version_id for h in search(session=session, query="soldiers", lang="en")
        ]
    language = _edit(
        archive,
        lambda s: curation.set_version_language(
            s, article_id=first, version_id=published, language="en-GB", reviewer=ME
        ),
    )
    kind = _edit(
        archive,
        lambda s: curation.set_version_kind(
            s, article_id=first, version_id=published, kind="translation", reviewer=ME
        ),
    )
    parent = _edit(
        archive,
        lambda s: curation.set_derived_from(
            s, article_id=first, version_id=published, derived_from=None, reviewer=ME
        ),
    )
    with archive.session() as session:
        hits = search(session=session, query="soldiers", kind="translation")
        assert [("en-GB", published)] == [(h.language, h.version_id) for h in hits]
    for edit_id in (parent, kind, language):
        _undo(archive, edit_id)
    assert start == _everything(archive, first, second)
    with archive.session() as session:
        assert [("en", published)] == [
            (h.language, h.version_id)
            for h in search(session=session, query="soldiers", kind="published")
        ]


def test_merge_people_then_split_restores_ids_credits_and_aliases(
    two: tuple[Archive, int, int],
) -> None:
    archive, first, second = two
    start = _everything(archive, first, second)
    merge = _edit(
        archive,
        lambda s: curation.merge_people(
            s, keep="Khin Maung Nyane", absorb="Khin M. Nyane", reviewer=ME
        ),
    )
    with archive.session() as session:
        people = {p["name"]: p for p in [p.to_json() for p in list_people(session=session)]}
        assert "Khin M. Nyane" not in people
        assert ["Khin M. Nyane"] == people["Khin Maung Nyane"]["aliases"]
        assert 2 == people["Khin Maung Nyane"]["articles"]
        # The merge is in the history of the article whose credit it moved.
        assert [[], [merge]] == [
            [e.id for e in article_history(session, a)] for a in (first, second)
        ]
        # Either spelling now finds everything the one person translated.
        found = search(session=session, query='translator:"Khin M. Nyane" junta')
        assert {first, second} == {h.article_id for h in found}
    with archive.session() as session, session.begin():
        curation.split_person(session, person="Khin Maung Nyane", reviewer=ME)
    assert start == _everything(archive, first, second)
    with pytest.raises(EditAlreadyUndone):
        _undo(archive, merge)


def test_merge_services_then_split(two: tuple[Archive, int, int]) -> None:
    archive, first, second = two
    with archive.session() as session:
        names = [s["name"] for s in [s.to_json() for s in list_services(session=session)]]
    assert ["RFA Khmer Service", "RFA Myanmar Service"] == names  # one for both spellings
    _edit(
        archive,
        lambda s: curation.set_service(s, article_id=second, service="RFA Khmer", reviewer=ME),
    )
    start = _everything(archive, first, second)
    _edit(
        archive,
        lambda s: curation.merge_services(
            s, keep="RFA Myanmar Service", absorb="RFA Khmer Service", reviewer=ME
        ),
    )
    with archive.session() as session:
        assert (
            "RFA Myanmar Service"
            == get_article(session=session, article_id=second).to_json()["service"]["name"]
        )
        assert ["RFA Myanmar Service"] == [
            s["name"] for s in [s.to_json() for s in list_services(session=session)]
        ]
    with archive.session() as session, session.begin():
        curation.split_service(session, service="RFA Myanmar Service", reviewer=ME)
    assert start == _everything(archive, first, second)


def test_undo_is_refused_while_a_later_edit_depends_on_it(two: tuple[Archive, int, int]) -> None:
    archive, first, _ = two
    added = _edit(
        archive,
        lambda s: curation.add_credit(
            s, article_id=first, role="editor", name="Ma Thida Win", reviewer=ME
        ),
    )
    merged = _edit(
        archive,
        lambda s: curation.merge_people(s, keep="Eugene Whong", absorb="Ma Thida Win", reviewer=ME),
    )
    with pytest.raises(UndoRefused, match=f"edit {merged} .*undo edit {merged} first"):
        _undo(archive, added)
    first_title = _edit(
        archive, lambda s: curation.set_title(s, article_id=first, title="A", reviewer=ME)
    )
    _edit(archive, lambda s: curation.set_title(s, article_id=first, title="B", reviewer=ME))
    date = _edit(archive, lambda s: curation.set_date(s, article_id=first, date=None, reviewer=ME))
    with pytest.raises(UndoRefused):
        _undo(archive, first_title)
    _undo(archive, date)  # another field: free to undo


@pytest.mark.parametrize(
    ("change", "error", "message"),
    [
        (
            lambda s, a: curation.set_title(s, article_id=a, title="  ", reviewer=ME),
            BadEdit,
            "title",
        ),
        (
            lambda s, a: curation.set_date(s, article_id=999, date=None, reviewer=ME),
            ArticleNotFound,
            "article 999",
        ),
        (
            lambda s, a: curation.set_service(
                s, article_id=a, service="Nowhere Radio", reviewer=ME
            ),
            ServiceNotFound,
            "Nowhere Radio",
        ),
        (
            lambda s, a: curation.remove_credit(s, article_id=a, credit_id=999, reviewer=ME),
            CreditNotFound,
            "credit 999",
        ),
        (
            lambda s, a: curation.add_credit(s, article_id=a, role="hero", name="X Y", reviewer=ME),
            BadEdit,
            "hero",
        ),
        (
            lambda s, a: curation.add_credit(
                s, article_id=a, role="writer", name="Eugene Whong", reviewer=ME
            ),
            BadEdit,
            "already credited",
        ),
        (
            lambda s, a: curation.set_version_kind(
                s, article_id=a, version_id=999, kind="original", reviewer=ME
            ),
            VersionNotFound,
            "version 999",
        ),
        (
            lambda s, a: curation.merge_people(
                s, keep="Nobody Here", absorb="Eugene Whong", reviewer=ME
            ),
            PersonNotFound,
            "Nobody Here",
        ),
        (
            lambda s, a: curation.merge_people(
                s, keep="Eugene Whong", absorb="Eugene Whong", reviewer=ME
            ),
            BadEdit,
            "itself",
        ),
        (
            lambda s, a: curation.set_title(s, article_id=a, title="T", reviewer="\x1b[31m"),
            Exception,
            "reviewer",
        ),
    ],
)
def test_bad_edits_are_refused_with_one_line(
    two: tuple[Archive, int, int],
    change: Callable[[Session, int], Any],
    error: type[Exception],
    message: str,
) -> None:
    archive, first, second = two
    start = _everything(archive, first, second)
    with (
        pytest.raises(error, match=message) as raised,
        archive.session() as session,
        session.begin(),
    ):
        change(session, first)
    assert "\n" not in str(raised.value)
    assert start == _everything(archive, first, second)


def test_derived_from_refuses_a_loop(two: tuple[Archive, int, int]) -> None:
    archive, first, _ = two
    original, published = _version_ids(archive, first)
    with pytest.raises(BadEdit, match="loop"), archive.session() as session:
        curation.set_derived_from(
            session, article_id=first, version_id=original, derived_from=published, reviewer=ME
        )


@pytest.mark.parametrize("value", ["2021-02-30", "21/09/2021", "yesterday", "2021-9-1"])
def test_bad_dates(value: str) -> None:
    with pytest.raises(BadDate, match="--date"):
        curation.parse_edit_date("--date", value)


def test_dates_and_none() -> None:
    assert dt.date(2021, 9, 21) == curation.parse_edit_date("--date", " 2021-09-21 ")
    assert None is curation.parse_edit_date("--date", "none")


def test_an_import_after_a_merge_finds_the_merged_person(two: tuple[Archive, int, int]) -> None:
    archive, _first, _second = two
    _edit(
        archive,
        lambda s: curation.merge_people(
            s, keep="Khin Maung Nyane", absorb="Khin M. Nyane", reviewer=ME
        ),
    )
    third = _article(archive, "Later story", "Khin M. Nyane", "RFA Burmese")
    with archive.session() as session:
        people = {
            p["name"]: p["articles"] for p in [p.to_json() for p in list_people(session=session)]
        }
        credits = get_article(session=session, article_id=third).to_json()["credits"]
    assert "Khin M. Nyane" not in people
    assert 3 == people["Khin Maung Nyane"]
    assert "Khin Maung Nyane" == next(c["name"] for c in credits if c["role"] == "translator")


def test_restored_history_keeps_who_and_when_and_refuses_id_bound_undo(
    two: tuple[Archive, int, int],
) -> None:
    from archive.history import history_json, restore_history

    archive, first, second = two
    _edit(
        archive,
        lambda s: curation.add_credit(
            s, article_id=first, role="editor", name="Ma Win", reviewer=ME
        ),
    )
    _edit(
        archive,
        lambda s: curation.set_date(s, article_id=first, date=dt.date(2021, 9, 22), reviewer=ME),
    )
    with archive.session() as session, session.begin():
        items = json.loads(json.dumps(history_json(session, first, {})))
        assert (2, []) == restore_history(session, second, items, {})
        assert (0, []) == restore_history(session, second, items, {})  # once only
        restored = article_history(session, second)
    assert [(e.action, e.reviewer, e.at, e.before) for e in restored] == [
        (i["action"], i["reviewer"], dt.datetime.fromisoformat(i["at"]), i["before"]) for i in items
    ]
    with pytest.raises(UndoRefused, match="restored from an export"):
        _undo(archive, restored[0].id)
    with pytest.raises(UndoRefused, match="date changed since"):  # second's date is not 09-22
        _undo(archive, restored[1].id)


def test_a_typed_title_is_no_longer_derived_until_undone(any_archive: Archive) -> None:
    article_id = _store(
        any_archive,
        ArticleRecord(
            title="Twenty soldiers defected",
            title_derived=True,
            versions=[VersionRecord(kind="published", language="en", text="Twenty soldiers.")],
        ),
    )
    start = _shown(any_archive, article_id)
    edit_id = _edit(
        any_archive,
        lambda s: curation.set_title(s, article_id=article_id, title="Defections", reviewer=ME),
    )
    with any_archive.session() as session:
        data = get_article(session=session, article_id=article_id).to_json()
    assert ("Defections", False) == (data["title"], data["title_derived"])
    _undo(any_archive, edit_id)
    assert start == _shown(any_archive, article_id)


def test_a_credit_can_go_to_a_service(two: tuple[Archive, int, int]) -> None:
    archive, first, second = two
    start = _everything(archive, first, second)
    writer = _credit_id(archive, first, "writer")
    edit_id = _edit(
        archive,
        lambda s: curation.set_credit_person(
            s, article_id=first, credit_id=writer, name="RFA Khmer Service", reviewer=ME
        ),
    )
    with archive.session() as session:
        credits = get_article(session=session, article_id=first).to_json()["credits"]
    assert ("writer", "RFA Khmer Service", "service") == next(
        (c["role"], c["name"], c["kind"]) for c in credits if c["id"] == writer
    )
    _undo(archive, edit_id)
    assert start == _everything(archive, first, second)
