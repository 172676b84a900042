"""Joining an English story to its original, and taking the join back exactly.

`confirm_link` makes one article of two: the original service's article keeps its id and gains
the English article's versions, credits, URLs, import records, captures and alignments (every
row of every table that points at the English article moves), the English version becomes
``derived_from`` the original (or the translator's draft), and the new pairs of versions are
aligned. The English article's row is removed and kept, with the list of what moved from where,
in the link's ``snapshot``, so `undo_link` gives back both articles with the same ids and the
same ``show --json``. `reject_link` remembers a pair a person said does not belong together.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Literal

from sqlalchemy import Table, delete, insert, text, update
from sqlmodel import Session, SQLModel, col, select

from archive.errors import (
    AlreadyLinked,
    LinkAlreadyUndone,
    LinkedArticle,
    LinkError,
    LinkNotFound,
    NotAPair,
    UndoBlocked,
)
from archive.history import mark_undone, record_edit
from archive.models import (
    Alignment,
    AlignmentLink,
    Article,
    ArticleLink,
    Credit,
    LinkRejection,
    Version,
    VersionKind,
    utcnow,
)
from archive.provenance import (
    active_links,
    article_links,
    linked_into,
    require_article,
)
from archive.reviewer import checked_name

__all__ = [
    "AlreadyLinked",
    "LinkAlreadyUndone",
    "LinkError",
    "LinkNotFound",
    "LinkedArticle",
    "NotAPair",
    "UndoBlocked",
    "active_links",
    "article_links",
    "article_side",
    "check_reviewer",
    "confirm_link",
    "derivation_source",
    "english_root",
    "imported",
    "link_english",
    "linked_into",
    "order_pair",
    "reject_link",
    "rejected_pairs",
    "require_article",
    "undo_link",
]

log = logging.getLogger(__name__)

Side = Literal["original", "english", "both", "none"]

#: Who the history (`archive.history`) records for a link no person made, or an undo by no one
#: named.
AUTO_REVIEWER = "archive link --auto"
UNKNOWN_REVIEWER = "(not named)"
Method = Literal["auto", "manual"]


# --------------------------------------------------------------------------- sides


def _is_english(language: str | None) -> bool:
    return (language or "").lower().replace("_", "-").split("-")[0] == "en"


def side_of(languages: Iterable[tuple[str, str]]) -> Side:
    """Which side of a pair an article with these ``(kind, language)`` versions can be.

    Machine versions do not count: an original with a machine English is still original-only.
    """
    human = [(k, lang) for k, lang in languages if k != VersionKind.MACHINE]
    english = any(_is_english(lang) for _k, lang in human)
    other = any(not _is_english(lang) for _k, lang in human)
    if english and other:
        return "both"
    if english:
        return "english"
    if other:
        return "original"
    return "none"


def article_side(session: Session, article_id: int) -> Side:
    """``original`` (only non-English human versions), ``english``, ``both`` or ``none``."""
    rows = session.exec(
        select(Version.kind, Version.language).where(Version.article_id == article_id)
    ).all()
    return side_of(rows)


def order_pair(session: Session, a: int, b: int) -> tuple[int, int]:
    """``(original_id, english_id)`` of two articles given in either order.

    Raises:
        ArticleNotFound: either id is no article.
        AlreadyLinked: either already holds both an original and an English version.
        NotAPair: they are not one original-only and one English-only article.
    """
    if a == b:
        raise NotAPair(a, b, "an article cannot be linked to itself")
    sides = {}
    for article_id in (a, b):
        require_article(session, article_id)
        side = article_side(session, article_id)
        if side == "both":
            active = session.exec(
                select(ArticleLink).where(
                    ArticleLink.original_id == article_id, col(ArticleLink.undone_at).is_(None)
                )
            ).first()
            detail = (
                f"already linked with article {active.english_id} (link {active.id})"
                if active is not None
                else "already holds an original and an English version"
            )
            raise AlreadyLinked(article_id, detail)
        sides[article_id] = side
    if sides[a] == "original" and sides[b] == "english":
        return a, b
    if sides[a] == "english" and sides[b] == "original":
        return b, a
    raise NotAPair(
        a, b, f"need one original-only and one English-only article, not {sides[a]} and {sides[b]}"
    )


def check_reviewer(by: str | None) -> str | None:
    """``by`` without surrounding space if it is a name that can be recorded; None when empty.

    Raises:
        BadReviewerName: it is too long or holds control characters.
    """
    if by is None or not by.strip():
        return None
    return checked_name(by, "reviewer")


# --------------------------------------------------------------------------- snapshot


def _encode(value: object) -> object:
    if isinstance(value, dt.datetime):
        return {"datetime": value.isoformat()}
    if isinstance(value, dt.date):
        return {"date": value.isoformat()}
    return value


def _decode(value: object) -> object:
    if isinstance(value, dict):
        if "datetime" in value:
            return dt.datetime.fromisoformat(str(value["datetime"]))
        if "date" in value:
            return dt.date.fromisoformat(str(value["date"]))
    return value


def _table(model: type[SQLModel]) -> Table:
    table = model.__table__  # type: ignore[attr-defined]
    assert isinstance(table, Table)
    return table


def _article_row(session: Session, article_id: int) -> dict[str, object]:
    table = _table(Article)
    row = session.execute(table.select().where(table.c.id == article_id)).mappings().one()
    return {key: _encode(value) for key, value in row.items()}


def _tables_pointing_at_articles() -> list[tuple[Table, str]]:
    """Every (table, column) with a foreign key to ``article.id``, but the link table itself.

    Found from the metadata, so a table added later (by any part of the archive) moves with the
    article without this module knowing its name.
    """
    article = _table(Article)
    link = _table(ArticleLink)
    out = []
    for table in SQLModel.metadata.sorted_tables:
        if table is link or table is article or len(table.primary_key.columns) != 1:
            continue
        for column in table.columns:
            if any(fk.column is article.c.id for fk in column.foreign_keys):
                out.append((table, column.name))
    return out


def _key(table: Table) -> Any:
    """The one-column primary key rows are listed by (every archive table has ``id``)."""
    (column,) = table.primary_key.columns
    return column


@dataclass
class _Snapshot:
    """What `undo_link` needs; stored as JSON in ``ArticleLink.snapshot``."""

    article: dict[str, object]
    original_urls: str
    moved: dict[str, dict[str, list[int]]]  # table -> column -> primary keys moved
    versions: list[list[Any]]  # [version id, old position, old derived_from_id]
    credits: list[list[Any]]  # [credit id, old version_id]
    english_version: int | None
    created_alignments: list[int]
    source_version: int | None = None  # the version the English was made to derive from

    def dumps(self) -> str:
        return json.dumps(self.__dict__, ensure_ascii=False, sort_keys=True)

    @classmethod
    def loads(cls, raw: str) -> _Snapshot:
        return cls(**json.loads(raw))


# --------------------------------------------------------------------------- confirm


def _versions(session: Session, article_id: int) -> list[Version]:
    return list(
        session.exec(
            select(Version)
            .where(Version.article_id == article_id)
            .order_by(col(Version.position), col(Version.id))
        ).all()
    )


def derivation_source(versions: list[Version]) -> Version | None:
    """The version the English derives from: the translator's draft, else the original."""
    human = [v for v in versions if v.kind != VersionKind.MACHINE]
    for kinds in ((VersionKind.TRANSLATION,), (VersionKind.ORIGINAL,)):
        for version in human:
            if version.kind in kinds and (
                version.kind == VersionKind.TRANSLATION or not _is_english(version.language)
            ):
                return version
    return next((v for v in human if not _is_english(v.language)), None)


def english_root(versions: list[Version]) -> Version | None:
    """The English version the link makes derive from the original (one not derived already)."""
    return next(
        (
            v
            for v in versions
            if v.kind != VersionKind.MACHINE and _is_english(v.language) and not v.derived_from_id
        ),
        None,
    )


def _merged_urls(original: Article, english: Article) -> str:
    urls = list(json.loads(original.urls or "[]"))
    for url in [english.url, *json.loads(english.urls or "[]")]:
        if url and url not in urls:
            urls.append(url)
    return json.dumps(urls, ensure_ascii=False)


def confirm_link(
    session: Session,
    original_id: int,
    english_id: int,
    *,
    by: str | None = None,
    method: Method = "manual",
    score: float | None = None,
) -> ArticleLink:
    """Make the English article part of the original's article; returns the stored link.

    The two ids may come in either order (see `order_pair`). Runs inside the caller's
    transaction and flushes; the caller commits (one transaction for the whole link).

    Raises:
        ArticleNotFound, AlreadyLinked, NotAPair: see `order_pair`.
        ValueError: ``method`` is neither ``auto`` nor ``manual``.
        BadReviewerName: ``by`` cannot be recorded (control characters, too long).
    """
    if method not in ("auto", "manual"):
        raise ValueError(f"link method {method!r}: must be 'auto' or 'manual'")
    by = check_reviewer(by)
    original_id, english_id = order_pair(session, original_id, english_id)
    original = require_article(session, original_id)
    english = require_article(session, english_id)
    original_versions = _versions(session, original_id)
    english_versions = _versions(session, english_id)
    source = derivation_source(original_versions)
    root = english_root(english_versions)
    before_alignments = {
        a.id for a in session.exec(select(Alignment).where(Alignment.article_id == original_id))
    }

    snapshot = _Snapshot(
        article=_article_row(session, english_id),
        original_urls=original.urls,
        moved={},
        versions=[[v.id, v.position, v.derived_from_id] for v in english_versions],
        credits=[
            [c.id, c.version_id]
            for c in session.exec(select(Credit).where(Credit.article_id == english_id))
        ],
        english_version=root.id if root is not None else None,
        created_alignments=[],
        source_version=source.id if source is not None and root is not None else None,
    )
    merged_urls = _merged_urls(original, english)
    session.flush()

    # Versions come after the original's, English root derived from the original.
    offset = max((v.position for v in original_versions), default=-1) + 1
    for version in english_versions:
        version.position = offset + version.position
        if root is not None and version.id == root.id and source is not None:
            version.derived_from_id = source.id
        session.add(version)
    # Credits of the English article as a whole belong to its English version now.
    if root is not None:
        session.execute(
            update(_table(Credit))
            .where(_table(Credit).c.article_id == english_id, _table(Credit).c.version_id.is_(None))
            .values(version_id=root.id)
        )
    session.flush()
    for table, column in _tables_pointing_at_articles():
        ids = [
            row[0]
            for row in session.execute(
                select(_key(table)).where(table.c[column] == english_id).order_by(_key(table))
            )
        ]
        if ids:
            snapshot.moved.setdefault(table.name, {})[column] = ids
            session.execute(update(table).where(_key(table).in_(ids)).values({column: original_id}))
    _move_search_rows(session, [v.id for v in english_versions if v.id], original_id)
    session.expunge(english)
    session.execute(delete(_table(Article)).where(_table(Article).c.id == english_id))
    _expire_moved(session)
    original = require_article(session, original_id)
    original.urls = merged_urls
    session.add(original)
    session.flush()

    snapshot.created_alignments = _align_new_pairs(session, original_id, before_alignments)
    link = ArticleLink(
        original_id=original_id,
        english_id=english_id,
        method=method,
        score=score,
        by=by,
        snapshot=snapshot.dumps(),
    )
    session.add(link)
    session.flush()
    record_edit(
        session,
        article_id=original_id,
        target="link",
        target_id=link.id,
        action="link",
        before={},
        after={"english": english_id, "method": method, "score": score},
        reviewer=by or AUTO_REVIEWER,
    )
    log.info("linked article %s into %s (link %s)", english_id, original_id, link.id)
    return link


def _expire_moved(session: Session) -> None:
    """Loaded rows may have moved under the ORM's feet (updates in SQL): load them again
    when next read. The caller's links and rejections are left alone."""
    for obj in list(session.identity_map.values()):
        if not isinstance(obj, ArticleLink | LinkRejection):
            session.expire(obj)


def _align_new_pairs(session: Session, article_id: int, before: set[int | None]) -> list[int]:
    """Align the pairs of versions that have no stored alignment yet; the original's own
    alignments stay exactly as they were. Returns the ids of the new alignments."""
    from archive.alignments import align_pair, alignment_pairs

    stored = {
        (a.src_version_id, a.tgt_version_id)
        for a in session.exec(select(Alignment).where(Alignment.article_id == article_id))
    }
    created = []
    for src, tgt in alignment_pairs(_versions(session, article_id)):
        if (src.id, tgt.id) in stored:
            continue
        alignment = align_pair(session=session, src=src, tgt=tgt)
        if alignment.id is not None and alignment.id not in before:
            created.append(alignment.id)
    return created


def _move_search_rows(session: Session, version_ids: list[int], article_id: int) -> None:
    """The search index names each segment's article: keep it right for moved versions."""
    if not version_ids:
        return
    from sqlalchemy import bindparam

    statement = text(
        "UPDATE search_segment SET article_id = :article WHERE version_id IN :versions"
    ).bindparams(bindparam("versions", expanding=True))
    session.execute(statement, {"article": article_id, "versions": version_ids})


# --------------------------------------------------------------------------- undo


def _get_link(session: Session, link_id: int) -> ArticleLink:
    link = session.get(ArticleLink, link_id)
    if link is None:
        raise LinkNotFound(link_id)
    return link


def undo_link(session: Session, link_id: int, *, by: str | None = None) -> ArticleLink:
    """Give back the two articles exactly as they were before `confirm_link`.

    Raises:
        LinkNotFound: no link has this id.
        LinkAlreadyUndone: it was undone before.
        UndoBlocked: the English article's id or identity has been taken since.
    """
    link = _get_link(session, link_id)
    if link.undone_at is not None:
        raise LinkAlreadyUndone(link_id, link.undone_at)
    if link.english_id is None or imported(link):
        raise UndoBlocked(
            link_id, "it came with an import: no separate English article was kept to give back"
        )
    by = check_reviewer(by)
    snapshot = _Snapshot.loads(link.snapshot)
    english_id, original_id = link.english_id, link.original_id
    article_table = _table(Article)
    if session.get(Article, english_id) is not None:
        raise UndoBlocked(link_id, f"article id {english_id} has been given to another article")
    identity = snapshot.article.get("identity")
    clash = session.exec(select(Article.id).where(Article.identity == identity)).first()
    if clash is not None:
        raise UndoBlocked(link_id, f"article {clash} now has the English article's identity")
    later = session.exec(
        select(ArticleLink.id).where(
            ArticleLink.original_id == original_id,
            col(ArticleLink.undone_at).is_(None),
            col(ArticleLink.id) > link_id,
        )
    ).first()
    if later is not None:
        raise UndoBlocked(link_id, f"undo link {later} first (made after it)")
    session.flush()
    session.execute(
        insert(article_table).values({k: _decode(v) for k, v in snapshot.article.items()})
    )
    moved_versions = [int(row[0]) for row in snapshot.versions]
    # Alignments made by the link (or since) between the two sides go; the English side's own
    # alignments go back with it (they are among the rows moved).
    crossing = _crossing_alignments(session, original_id, set(moved_versions))
    doomed = sorted(set(snapshot.created_alignments) | crossing)
    if doomed:
        session.execute(
            delete(_table(AlignmentLink)).where(_table(AlignmentLink).c.alignment_id.in_(doomed))
        )
        session.execute(delete(_table(Alignment)).where(_table(Alignment).c.id.in_(doomed)))
    tables = {table.name: table for table, _column in _tables_pointing_at_articles()}
    for name, columns in snapshot.moved.items():
        table = tables.get(name)
        if table is None:
            continue
        for column, ids in columns.items():
            keep = [i for i in ids if not (name == "alignment" and i in doomed)]
            if keep:
                session.execute(
                    update(table).where(_key(table).in_(keep)).values({column: english_id})
                )
    version_table = _table(Version)
    for version_id, position, derived_from in snapshot.versions:
        session.execute(
            update(version_table)
            .where(version_table.c.id == version_id)
            .values(position=position, derived_from_id=derived_from)
        )
    credit_table = _table(Credit)
    for credit_id, version_id in snapshot.credits:
        session.execute(
            update(credit_table).where(credit_table.c.id == credit_id).values(version_id=version_id)
        )
    session.execute(
        update(article_table)
        .where(article_table.c.id == original_id)
        .values(urls=snapshot.original_urls)
    )
    _move_search_rows(session, moved_versions, english_id)
    _expire_moved(session)
    link = _get_link(session, link_id)
    link.undone_at = utcnow()
    link.undone_by = by
    session.add(link)
    session.flush()
    _mark_edit_undone(session, link, by)
    return link


def _mark_edit_undone(session: Session, link: ArticleLink, by: str | None) -> None:
    """The history's record of the link (`archive history`) says it was undone."""
    from archive.models import Edit

    edit = session.exec(
        select(Edit).where(
            Edit.target == "link", Edit.target_id == link.id, col(Edit.undone_at).is_(None)
        )
    ).first()
    if edit is not None and edit.id is not None:
        mark_undone(session, edit.id, by=by or UNKNOWN_REVIEWER)


def _crossing_alignments(session: Session, article_id: int, moved: set[int]) -> set[int]:
    """Alignments of the article between a moved (English) version and one that stayed."""
    out = set()
    for alignment in session.exec(select(Alignment).where(Alignment.article_id == article_id)):
        sides = (alignment.src_version_id in moved, alignment.tgt_version_id in moved)
        if sides[0] != sides[1] and alignment.id is not None:
            out.add(alignment.id)
    return out


# --------------------------------------------------------------------------- reject


def reject_link(session: Session, a: int, b: int, by: str | None = None) -> LinkRejection:
    """Remember that ``a`` and ``b`` (either order) are not a story and its translation.

    Rejecting a pair twice keeps the first rejection.

    Raises:
        ArticleNotFound, AlreadyLinked, NotAPair: see `order_pair`.
    """
    by = check_reviewer(by)
    original_id, english_id = order_pair(session, a, b)
    existing = session.exec(
        select(LinkRejection).where(
            LinkRejection.original_id == original_id, LinkRejection.english_id == english_id
        )
    ).first()
    if existing is not None:
        return existing
    rejection = LinkRejection(original_id=original_id, english_id=english_id, by=by)
    session.add(rejection)
    session.flush()
    return rejection


def rejected_pairs(session: Session) -> set[tuple[int, int]]:
    """Every rejected ``(original_id, english_id)``: suggestions skip them."""
    return {(r.original_id, r.english_id) for r in session.exec(select(LinkRejection)).all()}


# --------------------------------------------------------------------------- reading


def imported(link: ArticleLink) -> bool:
    """Whether the link came with a JSONL import (made in another archive; no undo here)."""
    return bool(json.loads(link.snapshot).get("imported"))


def link_english(link: ArticleLink) -> dict[str, Any]:
    """What the link's snapshot says of the English side: the absorbed article's ``title`` and
    ``url``, the English version joined (``english_version``) and the version it was made to
    derive from (``source_version``); the versions are None for a link that came with an
    import."""
    if imported(link):
        kept = json.loads(link.snapshot)
        return {
            "title": kept.get("title"),
            "url": kept.get("url"),
            "english_version": None,
            "source_version": None,
        }
    snapshot = _Snapshot.loads(link.snapshot)
    return {
        "title": snapshot.article.get("title"),
        "url": snapshot.article.get("url"),
        "english_version": snapshot.english_version,
        "source_version": snapshot.source_version,
    }
