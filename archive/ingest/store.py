"""Storing one article record: one transaction, deduplicated by hash, corrections as revisions.

Rows are written with SQLAlchemy Core statements, several rows of a table in one executemany:
building ORM objects and flushing them one by one cost more than everything else the writer of
an import does (see BENCHMARKS.md). The functions still take the ORM session and run in its
transaction, so the caller commits or rolls back the whole article at once.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Table, bindparam, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session

from archive.errors import UnnamedService, UnstorableText
from archive.identity import (
    SERVICES,
    clean_person_name,
    person_key,
    resolve_service,
    service_key_for,
    sha256_text,
)
from archive.ingest.annotate import VersionAnalysis, segment_rows
from archive.ingest.records import ArticleRecord, CreditRecord
from archive.models import (
    Article,
    Credit,
    Person,
    PersonAlias,
    Segment,
    Service,
    ServiceAlias,
    Version,
)
from archive.search import index_new_versions, index_ready

log = logging.getLogger(__name__)

_ARTICLE: Table = Article.__table__  # type: ignore[attr-defined]
_VERSION: Table = Version.__table__  # type: ignore[attr-defined]
_CREDIT: Table = Credit.__table__  # type: ignore[attr-defined]
_SEGMENT: Table = Segment.__table__  # type: ignore[attr-defined]
_SERVICE: Table = Service.__table__  # type: ignore[attr-defined]
_SERVICE_ALIAS: Table = ServiceAlias.__table__  # type: ignore[attr-defined]
_PERSON: Table = Person.__table__  # type: ignore[attr-defined]
_PERSON_ALIAS: Table = PersonAlias.__table__  # type: ignore[attr-defined]

# Statements built once: SQLAlchemy then only binds each article's values.
_FIND_ARTICLE = select(
    *(
        _ARTICLE.c[n]
        for n in ("id", "identity", "date", "service_id", "url", "urls", "credit_line", "captured")
    )
).where(_ARTICLE.c.identity.in_(bindparam("identities", expanding=True)))
_INSERT_ARTICLE = insert(_ARTICLE)
_INSERT_VERSION = insert(_VERSION)
_INSERT_CREDIT = insert(_CREDIT)
_INSERT_SEGMENT = insert(_SEGMENT)


def _nul_field(record: ArticleRecord) -> str | None:
    """The first field of ``record`` holding a NUL character, named as in a JSONL record."""
    fields: list[tuple[str, str | None]] = [
        ("title", record.title),
        ("url", record.url),
        ("service", record.service),
        ("credit_line", record.credit_line),
        *((f"urls[{i}]", u) for i, u in enumerate(record.urls)),
    ]
    credits = [("", record.credits)]
    for i, version in enumerate(record.versions):
        where = f"versions[{i}]."
        fields += [
            (where + "text", version.text),
            (where + "title", version.title),
            (where + "language", version.language),
            (where + "kind", version.kind),
        ]
        credits.append((where, version.credits))
    for where, items in credits:
        for i, credit in enumerate(items):
            here = f"{where}credits[{i}]."
            fields += [
                (here + "name", credit.name),
                (here + "role", credit.role),
                (here + "raw", credit.raw),
                (here + "service", credit.service),
            ]
    return next((name for name, value in fields if value and "\x00" in value), None)


class Lookups:
    """The services and people an importer found or made, by how records name them, so that
    storing the next article need not look them up (or check their aliases) again.

    What a transaction finds or makes is held apart until the caller says it committed
    (`commit`); after a rollback (`discard`) none of it is kept, so every id kept here is a
    committed row's. Services and people are never deleted, so such an id stays valid.
    """

    def __init__(self) -> None:
        self._services: dict[str, tuple[int, str]] = {}  # as named → (id, key)
        self._people: dict[str, int] = {}  # as named → id
        self._new_services: dict[str, tuple[int, str]] = {}
        self._new_people: dict[str, int] = {}

    def service(self, text: str) -> tuple[int, str] | None:
        """The (id, key) of a service as named, if known."""
        found = self._new_services.get(text)
        return found if found is not None else self._services.get(text)

    def person(self, name: str) -> int | None:
        """The id of a person as named, if known."""
        found = self._new_people.get(name)
        return found if found is not None else self._people.get(name)

    def add_service(self, text: str, found: tuple[int, str]) -> None:
        """Remember a service (and its alias) found or made in the current transaction."""
        self._new_services[text] = found

    def add_person(self, name: str, person_id: int) -> None:
        """Remember a person (and their alias) found or made in the current transaction."""
        self._new_people[name] = person_id

    def commit(self) -> None:
        """The current transaction committed: keep what it found or made."""
        self._services.update(self._new_services)
        self._people.update(self._new_people)
        self.discard()

    def discard(self) -> None:
        """The current transaction rolled back: forget what it found or made."""
        self._new_services.clear()
        self._new_people.clear()


def _get_or_create(session: Session, table: Table, key: str, values: dict[str, Any]) -> int:
    """The id of the row with this unique ``key``, inserted if missing; a concurrent insert of
    the same key wins (a savepoint, then the other writer's row is read)."""
    conn = session.connection()
    statement = select(table.c.id).where(table.c.key == key)
    found = conn.execute(statement).scalar()
    if found is not None:
        return int(found)
    try:
        with session.begin_nested():
            # session.connection() inside the block: that is what emits the SAVEPOINT.
            new_id = (
                session.connection()
                .execute(insert(table).values(key=key, **values))
                .inserted_primary_key
            )
            assert new_id is not None
            return int(new_id[0])
    except IntegrityError:
        found = conn.execute(statement).scalar()
        if found is None:
            raise
        return int(found)


def _add_alias(session: Session, table: Table, owner: str, owner_id: int, alias: str) -> None:
    conn = session.connection()
    column = table.c[owner]
    exists = conn.execute(
        select(table.c.id).where(column == owner_id).where(table.c.alias == alias)
    ).first()
    if exists is None:
        try:
            with session.begin_nested():
                session.connection().execute(
                    insert(table).values({owner: owner_id, "alias": alias})
                )
        except IntegrityError:
            pass


def service_ref(session: Session, text: str, *, lookups: Lookups | None = None) -> tuple[int, str]:
    """The (id, key) of the Service row for a service as named anywhere (registry key, alias,
    or a new name), made if missing; the spelling is kept as an alias."""
    if lookups is not None and (known := lookups.service(text)) is not None:
        return known
    info = next((s for s in SERVICES if s.key == text), None) or resolve_service(text)
    if info is not None:
        key = info.key
        values: dict[str, Any] = {
            "name": info.name,
            "organization": info.organization,
            "language": info.language,
        }
    else:
        try:
            key = service_key_for(text)
        except ValueError as exc:  # e.g. "The Service": words of a service, but no name
            raise UnnamedService(text, str(exc)) from exc
        values = {"name": text.strip()}
    service_id = _get_or_create(session, _SERVICE, key, values)
    if text != key:
        _add_alias(session, _SERVICE_ALIAS, "service_id", service_id, text.strip())
    if lookups is not None:
        lookups.add_service(text, (service_id, key))
    return service_id, key


def person_ref(session: Session, name: str, *, lookups: Lookups | None = None) -> int:
    """The id of the Person row for a name, found again by its normalised key (made if
    missing); the spelling is kept as an alias."""
    if lookups is not None and (known := lookups.person(name)) is not None:
        return known
    clean = clean_person_name(name)
    key = person_key(clean)
    person_id = _merged_spelling(session, key, clean)
    if person_id is None:
        person_id = _get_or_create(session, _PERSON, key, {"name": clean})
    _add_alias(session, _PERSON_ALIAS, "person_id", person_id, clean)
    if lookups is not None:
        lookups.add_person(name, person_id)
    return person_id


def _merged_spelling(session: Session, key: str, spelling: str) -> int | None:
    """The person a spelling belongs to when no person has its key: a spelling kept as an
    alias when two people were merged (`archive.curation.merge_people`) finds the merged one."""
    conn = session.connection()
    if conn.execute(select(_PERSON.c.id).where(_PERSON.c.key == key)).first() is not None:
        return None
    found = conn.execute(
        select(_PERSON_ALIAS.c.person_id).where(_PERSON_ALIAS.c.alias == spelling).limit(1)
    ).scalar()
    return int(found) if found is not None else None


def ensure_service(session: Session, text: str) -> Service:
    """The Service row for a service as named anywhere (registry key, alias, or a new name)."""
    service = session.get(Service, service_ref(session, text)[0])
    assert service is not None
    return service


def ensure_person(session: Session, name: str) -> Person:
    """The Person row for a name, found again by its normalised key; spellings become aliases."""
    person = session.get(Person, person_ref(session, name))
    assert person is not None
    return person


def title_identity(service_key: str | None, title: str, date: object) -> str:
    """The identity of a story without a URL: service + title + date."""
    basis = "\x1f".join([service_key or "", " ".join(title.casefold().split()), str(date or "")])
    return "t:" + hashlib.sha256(basis.encode("utf-8", "surrogatepass")).hexdigest()


def _title_identity_of(record: ArticleRecord, service_key: str | None) -> str:
    """The title identity of a record; a title made from the lead also names the story's text.

    A derived title is only the first words of a lead, so two different stories may share
    it: their identity adds the first version's hash, so they are never merged.
    """
    title = record.title
    if record.title_derived and record.versions:
        title += "\x1f" + sha256_text(record.versions[0].text)
    return title_identity(service_key, title, record.date)


def url_identity(url: str) -> str:
    """The identity of a story by its URL (scheme, ``www.`` and trailing slash ignored)."""
    bare = url.strip().split("://", 1)[-1].removeprefix("www.").rstrip("/")
    return "u:" + hashlib.sha256(bare.encode("utf-8", "surrogatepass")).hexdigest()


@dataclass(slots=True)
class NewVersion:
    """A version this transaction added, as plain values (what indexing it needs)."""

    id: int
    article_id: int
    kind: str
    language: str
    text: str
    detected_language: str | None


@dataclass(frozen=True, slots=True)
class StoreResult:
    """What storing a record did: ``imported`` (new article), ``revised``, or ``duplicate``."""

    outcome: str
    article_id: int
    new_version_ids: tuple[int, ...]
    #: The versions added, each with its index in the record (what `index_article` reads).
    added: tuple[tuple[int, NewVersion], ...] = ()
    #: Whether the versions added were analysed by the ``analyze`` callback (which indexes
    #: what it analyses itself).
    analyzed_each: bool = False


def _find_article(conn: Connection, record: ArticleRecord, service_key: str | None) -> Any:
    """The stored article this record tells (by URL, else by service + title + date), or None.

    One look-up for both identities; the URL's wins. (A copy stored without a URL is found
    by its title identity, which is all a record without a URL could have stored under.)
    """
    by_title = _title_identity_of(record, service_key)
    by_url = url_identity(record.url) if record.url else None
    wanted = [by_title] if by_url is None else [by_url, by_title]
    rows = conn.execute(_FIND_ARTICLE, {"identities": wanted}).all()
    by_identity = {row.identity: row for row in rows}
    return next((by_identity[i] for i in wanted if i in by_identity), None)


@dataclass(slots=True)
class _Stored:
    """What the version loop needs of a stored version."""

    id: int
    kind: str
    language: str
    sha256: str
    revision_of_id: int | None


@dataclass(slots=True)
class _Versions:
    """What adding a record's versions did."""

    index_to_id: dict[int, int]  # record index → version id (stored before or added now)
    added: list[tuple[int, NewVersion]]  # (record index, version) of those added
    revised: bool  # some version added is a revision of a stored one


def store_article(
    *,
    session: Session,
    record: ArticleRecord,
    analyze: Callable[[Session, Version], None] | None = None,
    analyses: Sequence[VersionAnalysis] | None = None,
    lookups: Lookups | None = None,
    index: bool = True,
) -> StoreResult:
    """Store one article record in the session's current transaction (the caller commits).

    A record whose versions are all present changes nothing (``duplicate``); a version whose
    kind and language exist with other text becomes a new revision linked to the old one;
    nothing is ever overwritten.

    Args:
        analyze: called on each version this adds (an ORM object), to analyse it.
        analyses: the analysis of each of the record's versions, by index, computed ahead
            (`archive.ingest.annotate.analyze_plain`): written with the versions it adds,
            and their segments, instead of calling ``analyze``.
        lookups: services and people already found by this importer (see `Lookups`; the
            caller commits or discards it with the transaction).
        index: also write the search index rows of the versions added (`index_article`);
            False leaves that to the caller.

    Raises:
        UnstorableText: on PostgreSQL, a field holds a NUL character (PostgreSQL text cannot
            hold one; SQLite keeps the text exactly as given).
    """
    conn = session.connection()
    _check_storable(conn, record, analyses)
    service = service_ref(session, record.service, lookups=lookups) if record.service else None
    service_id, service_key = service if service is not None else (None, None)
    found = _find_article(conn, record, service_key)
    if found is None:
        article_id = _insert_article(conn, record, service_id, service_key)
        existing: list[_Stored] = []
    else:
        article_id = int(found.id)
        _merge_article_fields(conn, found, record, service_id)
        existing = _stored_versions(conn, article_id)
    versions = _add_versions(conn, record, article_id, existing, analyses)
    if analyses is not None:
        _write_segments(session, [(v, analyses[i]) for i, v in versions.added])
    elif analyze is not None:
        for _, new in versions.added:
            version = session.get(Version, new.id)
            assert version is not None
            analyze(session, version)
    credit_rows = _article_credit_rows(
        session, record, article_id, versions, is_new=found is None, lookups=lookups
    )
    if credit_rows:
        conn.execute(_INSERT_CREDIT, credit_rows)
    if found is None:
        outcome = "imported"
    elif versions.revised or versions.added or credit_rows:
        outcome = "revised"
    else:
        outcome = "duplicate"
    result = StoreResult(
        outcome=outcome,
        article_id=article_id,
        new_version_ids=tuple(v.id for _, v in versions.added),
        added=tuple(versions.added),
        analyzed_each=analyses is None and analyze is not None,
    )
    if index:
        index_article(session=session, result=result, analyses=analyses)
    return result


def index_article(
    *,
    session: Session,
    result: StoreResult,
    analyses: Sequence[VersionAnalysis] | None = None,
) -> None:
    """The search index rows of the versions `store_article` added, in one insert.

    With ``analyses`` (as given to `store_article`), a row per sentence; versions the
    ``analyze`` callback analysed were indexed by it; versions not analysed at all (import
    ``--no-analyze``) are searchable by paragraph until they are (`archive analyze --stored`
    replaces these rows with its sentences).
    """
    if not result.added or result.analyzed_each:
        return
    if analyses is not None:
        index_new_versions(
            session=session,
            versions=[
                (
                    version,
                    [(seq, start, end) for seq, (_, _, start, end, _) in enumerate(a.segments)],
                    a.derived or None,
                )
                for version, a in ((v, analyses[i]) for i, v in result.added)
            ],
        )
    elif index_ready(session=session):
        no_spans: list[tuple[int, int, int]] = []
        index_new_versions(session=session, versions=[(v, no_spans, None) for _, v in result.added])


def _check_storable(
    conn: Connection, record: ArticleRecord, analyses: Sequence[VersionAnalysis] | None
) -> None:
    if conn.dialect.name == "postgresql":
        field = _nul_field(record)
        if field is not None:
            raise UnstorableText(
                field, "holds a NUL character (U+0000), which PostgreSQL cannot store"
            )
    if analyses is not None and len(analyses) != len(record.versions):
        raise ValueError("one analysis per version of the record is needed")


def _insert_article(
    conn: Connection, record: ArticleRecord, service_id: int | None, service_key: str | None
) -> int:
    identity = url_identity(record.url) if record.url else _title_identity_of(record, service_key)
    inserted = conn.execute(
        _INSERT_ARTICLE,
        {
            "identity": identity,
            "title": record.title,
            "date": record.date,
            "service_id": service_id,
            "url": record.url,
            "urls": json.dumps(record.urls, ensure_ascii=False),
            "credit_line": record.credit_line,
            "captured": record.captured,
            "title_derived": record.title_derived,
        },
    ).inserted_primary_key
    assert inserted is not None
    return int(inserted[0])


def _stored_versions(conn: Connection, article_id: int) -> list[_Stored]:
    v = _VERSION.c
    return [
        _Stored(row.id, row.kind, row.language, row.sha256, row.revision_of_id)
        for row in conn.execute(
            select(v.id, v.kind, v.language, v.sha256, v.revision_of_id)
            .where(v.article_id == article_id)
            .order_by(v.id)
        )
    ]


def _add_versions(
    conn: Connection,
    record: ArticleRecord,
    article_id: int,
    existing: list[_Stored],
    analyses: Sequence[VersionAnalysis] | None,
) -> _Versions:
    """Insert the record's versions not stored yet (a changed text as a revision of the
    version it replaces); ``existing`` grows with each one added."""
    index_to_id: dict[int, int] = {}
    added: list[tuple[int, NewVersion]] = []
    late_parents: list[tuple[int, int]] = []  # (version id, record index of its parent)
    revised = False
    for index, vrec in enumerate(record.versions):
        digest = sha256_text(vrec.text)
        same = next(
            (
                s
                for s in existing
                if s.sha256 == digest and s.kind == vrec.kind and s.language == vrec.language
            ),
            None,
        )
        if same is not None:
            index_to_id[index] = same.id
            continue
        superseded = {s.revision_of_id for s in existing if s.revision_of_id is not None}
        previous = next(
            (
                s
                for s in reversed(existing)
                if s.kind == vrec.kind and s.language == vrec.language and s.id not in superseded
            ),
            None,
        )
        if previous is not None:
            revised = True
        parent = vrec.derived_from
        values: dict[str, Any] = {
            "article_id": article_id,
            "position": len(existing),
            "kind": vrec.kind,
            "language": vrec.language,
            "title": vrec.title,
            "text": vrec.text,
            "sha256": digest,
            "revision_of_id": previous.id if previous else None,
            "source_encoding": vrec.source_encoding,
            "furniture": vrec.furniture,
            "derived_from_id": index_to_id.get(parent) if parent is not None else None,
        }
        if analyses is not None:
            analysis = analyses[index]
            values |= {
                "detected_language": analysis.language,
                "script": analysis.script,
                "encoding": analysis.encoding,
                "confidence": analysis.confidence,
            }
        key = conn.execute(_INSERT_VERSION, values).inserted_primary_key
        assert key is not None
        version_id = int(key[0])
        if parent is not None and parent not in index_to_id:
            late_parents.append((version_id, parent))
        existing.append(
            _Stored(version_id, vrec.kind, vrec.language, digest, values["revision_of_id"])
        )
        index_to_id[index] = version_id
        added.append(
            (
                index,
                NewVersion(
                    version_id,
                    article_id,
                    vrec.kind,
                    vrec.language,
                    vrec.text,
                    values.get("detected_language"),
                ),
            )
        )
    for version_id, parent in late_parents:  # a parent later in the record than its child
        conn.execute(
            update(_VERSION)
            .where(_VERSION.c.id == version_id)
            .values(derived_from_id=index_to_id[parent])
        )
    return _Versions(index_to_id, added, revised)


def _write_segments(session: Session, done: Sequence[tuple[NewVersion, VersionAnalysis]]) -> None:
    """The segments of versions just added, in one statement."""
    rows = [row for version, analysis in done for row in segment_rows(version.id, analysis)]
    if rows:
        session.connection().execute(_INSERT_SEGMENT, rows)


def _article_credit_rows(
    session: Session,
    record: ArticleRecord,
    article_id: int,
    versions: _Versions,
    *,
    is_new: bool,
    lookups: Lookups | None,
) -> list[dict[str, Any]]:
    """The credit rows to add: the article's, then each version's (those not held yet)."""
    held_by: dict[int | None, _Held] = {}
    added_ids = {version.id for _, version in versions.added}
    rows = _credit_rows(
        session,
        article_id,
        record.credits,
        version_id=None,
        fresh=is_new,
        held_by=held_by,
        lookups=lookups,
    )
    for index, vrec in enumerate(record.versions):
        version_id = versions.index_to_id[index]
        rows += _credit_rows(
            session,
            article_id,
            vrec.credits,
            version_id=version_id,
            fresh=version_id in added_ids,
            held_by=held_by,
            lookups=lookups,
        )
    return rows


def _merge_article_fields(
    conn: Connection, found: Any, record: ArticleRecord, service_id: int | None
) -> None:
    """Fill what an earlier copy lacked; never overwrite what is stored."""
    changes: dict[str, Any] = {}
    if found.date is None and record.date is not None:
        changes["date"] = record.date
    if found.service_id is None and service_id is not None:
        changes["service_id"] = service_id
    if found.url is None and record.url:
        changes["url"] = record.url
    if found.credit_line is None and record.credit_line:
        changes["credit_line"] = record.credit_line
    if found.captured is None and record.captured is not None:
        changes["captured"] = record.captured
    urls = json.loads(found.urls or "[]")
    more = [url for url in dict.fromkeys(record.urls) if url not in urls]
    if changes or more:
        changes["urls"] = json.dumps(urls + more, ensure_ascii=False)
        conn.execute(update(_ARTICLE).where(_ARTICLE.c.id == found.id).values(changes))


@dataclass(slots=True)
class _Held:
    """The credits one article (or one of its versions) holds, as this transaction goes."""

    identities: set[tuple[str, int | None, int | None]]
    count: int


def _credit_rows(
    session: Session,
    article_id: int,
    credits: list[CreditRecord],
    *,
    version_id: int | None,
    fresh: bool,
    held_by: dict[int | None, _Held],
    lookups: Lookups | None,
) -> list[dict[str, Any]]:
    """The credit rows to add (those not already held); ``fresh``: the article or version was
    added in this transaction, so it holds no credits yet. ``held_by`` carries what is held
    (and the rows to add before these) from one call to the next."""
    held = held_by.get(version_id)
    if held is None:
        held = held_by[version_id] = _Held(set(), 0)
        if not fresh:
            c = _CREDIT.c
            same_version = (
                c.version_id.is_(None) if version_id is None else c.version_id == version_id
            )
            present = (
                session.connection()
                .execute(
                    select(c.role, c.person_id, c.service_id).where(
                        c.article_id == article_id, same_version
                    )
                )
                .all()
            )
            held.identities = {(row.role, row.person_id, row.service_id) for row in present}
            held.count = len(present)
    rows: list[dict[str, Any]] = []
    for credit in credits:
        kind = credit.kind
        if kind is None:
            kind = "service" if resolve_service(credit.name) is not None else "person"
        person_id: int | None = None
        service_id: int | None = None
        if kind == "service":
            service_id = service_ref(session, credit.service or credit.name, lookups=lookups)[0]
        else:
            person_id = person_ref(session, credit.name, lookups=lookups)
        identity = (credit.role, person_id, service_id)
        if identity in held.identities:
            continue
        held.identities.add(identity)
        rows.append(
            {
                "article_id": article_id,
                "version_id": version_id,
                "person_id": person_id,
                "service_id": service_id,
                "role": credit.role,
                "position": held.count,
                "raw": credit.raw,
            }
        )
        held.count += 1
    return rows
