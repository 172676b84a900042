"""Storing alignments: one `store_alignment` writes a planned alignment's beads as
`AlignmentLink` rows, for the importer (new versions, in its article's transaction) and for
`align_pair` (aligning stored versions again, keeping every bead a person checked).

Rows are written with SQLAlchemy Core statements (one insert of the alignment, one
executemany of its links): the importer stores thousands of alignments a minute.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from sqlalchemy import Table, delete, insert, update
from sqlmodel import Session, col, select

from archive.align import AlignmentResult, Bead
from archive.alignments.learning import learn_from_alignments
from archive.alignments.lexicons import DatabaseLexicons, LexiconCache, LexiconSource
from archive.alignments.plan import (
    SideText,
    Translate,
    TranslatorFor,
    alignment_pairs,
    bead_spans,
    plan_alignment,
)
from archive.alignments.spans import Span, carry_confirmed, load_spans
from archive.alignments.views import (
    BY_CONSTRUCTION,
    SegmentText,
    article_alignments,
    version_segments,
)
from archive.db import Archive
from archive.models import Alignment, AlignmentLink, Version, utcnow

_ALIGNMENT: Table = Alignment.__table__  # type: ignore[attr-defined]
_LINK: Table = AlignmentLink.__table__  # type: ignore[attr-defined]
_INSERT_ALIGNMENT = insert(_ALIGNMENT)
_INSERT_LINK = insert(_LINK)


@dataclass(frozen=True, slots=True)
class CheckedMark:
    """Who confirmed a bead, and when (and the bead's score and method, when a person's bead
    is stored again unchanged): kept when the bead is stored again."""

    by: str | None
    at: dt.datetime | None
    score: float | None = None
    method: str | None = None


BeadKey = tuple[tuple[int, ...], tuple[int, ...]]


def store_alignment(
    session: Session,
    *,
    article_id: int,
    src_version_id: int,
    tgt_version_id: int,
    result: AlignmentResult,
    alignment_id: int | None = None,
    checked: Mapping[BeadKey, CheckedMark] | None = None,
) -> int:
    """Store an alignment's beads in the session's transaction; returns the alignment's id.

    Args:
        result: the planned alignment (`archive.alignments.plan.plan_alignment`).
        alignment_id: the stored alignment of the pair to replace (its links are replaced,
            its method and time updated); None inserts a new one.
        checked: the beads a person checked, by ``(src, tgt)`` segment indexes: those the
            result holds are stored checked, with who and when.
    """
    conn = session.connection()
    values = {"method": result.method, "aligner_version": result.version}
    if alignment_id is None:
        key = conn.execute(
            _INSERT_ALIGNMENT,
            {
                "article_id": article_id,
                "src_version_id": src_version_id,
                "tgt_version_id": tgt_version_id,
                **values,
            },
        ).inserted_primary_key
        assert key is not None
        alignment_id = int(key[0])
    else:
        conn.execute(
            update(_ALIGNMENT)
            .where(_ALIGNMENT.c.id == alignment_id)
            .values(**values, created_at=utcnow())
        )
        _forget_links(session, alignment_id)
        conn.execute(delete(_LINK).where(_LINK.c.alignment_id == alignment_id))
    marks = checked or {}
    rows = []
    for position, (bead, span) in enumerate(
        zip(result.beads, bead_spans(result.beads), strict=True)
    ):
        kept = marks.get((bead.src, bead.tgt)) if marks else None
        rows.append(
            {
                "alignment_id": alignment_id,
                "position": position,
                "src_start": span[0],
                "src_end": span[1],
                "tgt_start": span[2],
                "tgt_end": span[3],
                "score": kept.score if kept and kept.score is not None else span[4],
                "method": (kept.method or "checked") if kept else result.method,
                "checked": kept is not None,
                "checked_by": kept.by if kept else None,
                "checked_at": kept.at if kept else None,
            }
        )
    if rows:
        conn.execute(_INSERT_LINK, rows)
    return alignment_id


def _forget_links(session: Session, alignment_id: int) -> None:
    """Drop the session's objects of links about to be deleted, so a new link that reuses a
    deleted row's id is never mistaken for the old object."""
    for obj in list(session.identity_map.values()):
        if isinstance(obj, AlignmentLink) and obj.alignment_id == alignment_id:
            session.expunge(obj)


def _side(session: Session, version: Version) -> tuple[list[SegmentText], SideText]:
    segments = version_segments(session=session, version=version)
    side = SideText(
        texts=[s.derived for s in segments],
        paragraphs=[s.paragraph for s in segments],
        language=version.language,
        detected=version.detected_language,
    )
    return segments, side


def align_pair(
    *,
    session: Session,
    src: Version,
    tgt: Version,
    translate: Translate | None = None,
    translator_for: TranslatorFor | None = None,
    lexicons: LexiconSource | None = None,
) -> Alignment:
    """Align two versions and store the result, keeping every bead a person checked.

    The MT signal is ``translate``, else what ``translator_for`` gives for the pair (callers
    pass `archive.mt.mt_translator` to use an installed MT package), else none. ``lexicons``
    defaults to the archive's learned lexicons as stored now. An alignment made by
    construction (a machine version's 1-1 links to its source) is returned unchanged.
    """
    assert src.id is not None and tgt.id is not None
    alignment = session.exec(
        select(Alignment).where(
            Alignment.src_version_id == src.id, Alignment.tgt_version_id == tgt.id
        )
    ).first()
    if alignment is not None and alignment.method in BY_CONSTRUCTION:
        return alignment
    if translate is None and translator_for is not None:
        translate = translator_for(src.language, tgt.language)
    src_segments, src_side = _side(session, src)
    tgt_segments, tgt_side = _side(session, tgt)
    kept = _confirmed_to_keep(session, alignment, src, tgt, src_segments, tgt_segments)
    fixed = [Bead(src=s, tgt=t, score=span.score, checked=True) for (s, t), span in kept.items()]
    checked = {
        key: CheckedMark(span.checked_by, span.checked_at, span.score, span.method)
        for key, span in kept.items()
    }
    result = plan_alignment(
        src_side,
        tgt_side,
        lexicons=lexicons if lexicons is not None else DatabaseLexicons(session),
        translate=translate,
        fixed=fixed,
    )
    missing = set(kept) - {(bead.src, bead.tgt) for bead in result.beads}
    if missing:  # the aligner's contract: fixed beads come back unchanged
        raise ValueError(f"the aligner dropped {len(missing)} confirmed bead(s)")
    alignment_id = store_alignment(
        session,
        article_id=src.article_id,
        src_version_id=src.id,
        tgt_version_id=tgt.id,
        result=result,
        alignment_id=alignment.id if alignment is not None else None,
        checked=checked,
    )
    if alignment is not None:
        session.refresh(alignment)
        return alignment
    stored = session.get(Alignment, alignment_id)
    assert stored is not None
    return stored


def _confirmed_to_keep(
    session: Session,
    alignment: Alignment | None,
    src: Version,
    tgt: Version,
    src_segments: Sequence[SegmentText],
    tgt_segments: Sequence[SegmentText],
) -> dict[BeadKey, Span]:
    """The confirmed beads re-aligning must keep, by their sentences in the versions now.

    Those of the pair's own alignment where it has one; for a pair aligned for the first time
    whose versions revise older ones (a new version of a text), those of the newest alignment
    of older versions whose sentences are unchanged, found again by their text."""
    n, m = len(src_segments), len(tgt_segments)
    kept: dict[BeadKey, Span] = {}
    if alignment is not None and alignment.id is not None:
        for span in load_spans(session, alignment.id):
            if span.checked and span.src_end <= n and span.tgt_end <= m:
                key = (
                    tuple(range(span.src_start, span.src_end)),
                    tuple(range(span.tgt_start, span.tgt_end)),
                )
                kept[key] = span
        return kept
    older_src, older_tgt = _revised(session, src), _revised(session, tgt)
    if len(older_src) == 1 and len(older_tgt) == 1:
        return kept
    previous = session.exec(
        select(Alignment)
        .where(
            col(Alignment.src_version_id).in_(older_src),
            col(Alignment.tgt_version_id).in_(older_tgt),
        )
        .order_by(col(Alignment.id).desc())
    ).first()
    if previous is None or previous.id is None:
        return kept
    old_src = session.get(Version, previous.src_version_id)
    old_tgt = session.get(Version, previous.tgt_version_id)
    assert old_src is not None and old_tgt is not None
    for span, s, t in carry_confirmed(
        load_spans(session, previous.id),
        [x.text for x in version_segments(session=session, version=old_src, derive=_same)],
        [x.text for x in version_segments(session=session, version=old_tgt, derive=_same)],
        [x.text for x in src_segments],
        [x.text for x in tgt_segments],
    ):
        kept[(s, t)] = span
    return kept


def _same(text: str) -> str:
    return text


def _revised(session: Session, version: Version) -> list[int]:
    """The version's id and those of the versions it revises, newest first."""
    ids: list[int] = []
    current: Version | None = version
    while current is not None and current.id is not None and current.id not in ids:
        ids.append(current.id)
        current = session.get(Version, current.revision_of_id) if current.revision_of_id else None
    return ids


def align_article(
    *,
    session: Session,
    article_id: int,
    translator_for: TranslatorFor | None = None,
    lexicons: LexiconSource | None = None,
) -> list[Alignment]:
    """Align every pair of versions of an article (see `alignment_pairs`) and store them."""
    versions = session.exec(
        select(Version)
        .where(Version.article_id == article_id)
        .order_by(col(Version.position), col(Version.id))
    ).all()
    source = lexicons if lexicons is not None else DatabaseLexicons(session)
    return [
        align_pair(
            session=session, src=src, tgt=tgt, translator_for=translator_for, lexicons=source
        )
        for src, tgt in alignment_pairs(versions)
    ]


def align_versions_of(
    archive: Archive,
    version_ids: Iterable[int],
    *,
    learn: bool = True,
    translator_for: TranslatorFor | None = None,
) -> int:
    """Align the articles these versions belong to, one transaction per article, then learn
    the confident beads of the new alignments into the archive-wide lexicon."""
    with archive.session() as session:
        article_ids = sorted(
            set(
                session.exec(
                    select(Version.article_id).where(col(Version.id).in_(list(version_ids)))
                ).all()
            )
        )
    cache = LexiconCache()  # parsed lexicons, for this call only
    stored = 0
    new_ids: list[int] = []
    for article_id in article_ids:
        with archive.session() as session, session.begin():
            before = {a.id for a in article_alignments(session=session, article_id=article_id)}
            for alignment in align_article(
                session=session,
                article_id=article_id,
                translator_for=translator_for,
                lexicons=DatabaseLexicons(session, cache),
            ):
                stored += 1
                if alignment.id not in before and alignment.id is not None:
                    new_ids.append(alignment.id)
    if learn and new_ids:
        with archive.session() as session, session.begin():
            learn_from_alignments(session=session, alignment_ids=new_ids, cache=cache)
    return stored
