"""Stored alignments: aligning the versions of an article, reading beads back, and the edits a
person makes (checking, merging, splitting) that re-alignment must respect.

The aligner itself (`archive.align`) works on plain lists of strings; this module feeds it the
derived (Unicode, normalised) text of each version's segments and stores its beads as
`AlignmentLink` rows over segment sequence numbers.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import delete
from sqlmodel import Session, col, select

from archive.errors import (
    AlignmentNotFound,
    ArchiveError,
    BeadNotFound,
    BeadNotMergeable,
    BeadNotSplittable,
    InvalidChecker,
)
from archive.models import Alignment, AlignmentLink, Segment, Version, utcnow

if TYPE_CHECKING:
    from archive.align import Bead
    from archive.align.lexicon import Lexicon
    from archive.db import Archive

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class SegmentText:
    """A segment of a version with its text as stored and as derived for analysis."""

    seq: int
    paragraph: int
    start: int
    end: int
    text: str
    derived: str
    language: str | None


def version_segments(
    *,
    session: Session,
    version: Version,
    derive: Callable[[str], str] | None = None,
) -> list[SegmentText]:
    """The segments of ``version`` in order, with their exact text and a second form of it.

    ``derive`` makes that second form (default: `archive.analysis.derive_text`, the form
    alignment, search and comparison use); a reader may pass a cheaper display conversion.
    """
    if derive is None:
        from archive.analysis import derive_text

        derive = derive_text
    rows = session.exec(
        select(Segment).where(Segment.version_id == version.id).order_by(col(Segment.seq))
    ).all()
    out = []
    for row in rows:
        text = version.text[row.start : row.end]
        out.append(
            SegmentText(
                seq=row.seq,
                paragraph=row.paragraph,
                start=row.start,
                end=row.end,
                text=text,
                derived=derive(text),
                language=row.language,
            )
        )
    return out


def alignment_pairs(versions: Sequence[Version]) -> list[tuple[Version, Version]]:
    """Which versions of an article to align: each version with the one it derives from, and
    the original (else the first version) with every other version."""
    current = [v for v in versions if not any(o.revision_of_id == v.id for o in versions)]
    if len(current) < 2:
        return []
    by_id = {v.id: v for v in current}
    root = next((v for v in current if v.kind == "original"), current[0])
    pairs: list[tuple[Version, Version]] = []
    seen: set[tuple[int | None, int | None]] = set()
    for version in current:
        if version is root:
            continue
        parent = by_id.get(version.derived_from_id) if version.derived_from_id else None
        for source in (parent, root):
            if source is None or source is version:
                continue
            key = (source.id, version.id)
            if key not in seen:
                seen.add(key)
                pairs.append((source, version))
    return pairs


def _bead_to_link(bead: Bead, src_cursor: int, tgt_cursor: int) -> tuple[int, int, int, int]:
    src_start = bead.src[0] if bead.src else src_cursor
    src_end = bead.src[-1] + 1 if bead.src else src_cursor
    tgt_start = bead.tgt[0] if bead.tgt else tgt_cursor
    tgt_end = bead.tgt[-1] + 1 if bead.tgt else tgt_cursor
    return src_start, src_end, tgt_start, tgt_end


def link_to_bead(link: AlignmentLink) -> Bead:
    """A stored link as the aligner's `Bead`."""
    from archive.align import Bead

    return Bead(
        src=tuple(range(link.src_start, link.src_end)),
        tgt=tuple(range(link.tgt_start, link.tgt_end)),
        score=link.score,
        checked=link.checked,
    )


def _links(session: Session, alignment_id: int) -> list[AlignmentLink]:
    return list(
        session.exec(
            select(AlignmentLink)
            .where(AlignmentLink.alignment_id == alignment_id)
            .order_by(col(AlignmentLink.position))
        ).all()
    )


# Alignments made another way than by the aligner, which re-aligning must leave alone.
BY_CONSTRUCTION = frozenset({"mt-construction"})


def mt_translator(src_lang: str, tgt_lang: str) -> Callable[[Sequence[str]], list[str]] | None:
    """An installed MT engine for the pair (the aligner's MT signal), or None."""
    try:
        from archive.mt import translator_for
    except ImportError:  # the `mt` extra is not installed
        return None
    try:
        return translator_for(src_lang, tgt_lang)
    except ArchiveError as exc:
        log.warning("MT signal unavailable for %s -> %s: %s", src_lang, tgt_lang, exc)
        return None


def align_pair(
    *,
    session: Session,
    src: Version,
    tgt: Version,
    translate: Callable[[Sequence[str]], list[str]] | None = None,
    use_mt: bool = True,
) -> Alignment:
    """Align two versions and store the result, keeping every bead a person checked.

    Where an MT package covers the pair (and ``use_mt``), the aligner also compares a machine
    translation of the source with the target. An alignment made by construction (a machine
    version's 1-1 links to its source) is returned unchanged.
    """
    from archive.align import align_segments

    assert src.id is not None and tgt.id is not None
    alignment = session.exec(
        select(Alignment).where(
            Alignment.src_version_id == src.id, Alignment.tgt_version_id == tgt.id
        )
    ).first()
    if alignment is not None and alignment.method in BY_CONSTRUCTION:
        return alignment
    src_segments = version_segments(session=session, version=src)
    tgt_segments = version_segments(session=session, version=tgt)
    if translate is None and use_mt:
        translate = mt_translator(src.language, tgt.language)
    checked: list[Bead] = []
    checked_by: dict[tuple[tuple[int, ...], tuple[int, ...]], AlignmentLink] = {}
    if alignment is not None and alignment.id is not None:
        for link in _links(session, alignment.id):
            if link.checked:
                bead = link_to_bead(link)
                checked.append(bead)
                checked_by[(bead.src, bead.tgt)] = link
    lexicon = lexicon_for(session, src.language, tgt.language)
    result = align_segments(
        [s.derived for s in src_segments],
        [s.derived for s in tgt_segments],
        src_lang=src.detected_language or src.language,
        tgt_lang=tgt.detected_language or tgt.language,
        src_paragraphs=[s.paragraph for s in src_segments],
        tgt_paragraphs=[s.paragraph for s in tgt_segments],
        fixed=checked,
        lexicon=lexicon,
        translate=translate,
    )
    if alignment is None:
        alignment = Alignment(
            article_id=src.article_id,
            src_version_id=src.id,
            tgt_version_id=tgt.id,
            method=result.method,
            aligner_version=result.version,
        )
        session.add(alignment)
        session.flush()
    else:
        alignment.method = result.method
        alignment.aligner_version = result.version
        alignment.created_at = utcnow()
        session.add(alignment)
    assert alignment.id is not None
    session.execute(delete(AlignmentLink).where(col(AlignmentLink.alignment_id) == alignment.id))
    src_cursor = tgt_cursor = 0
    for position, bead in enumerate(result.beads):
        s0, s1, t0, t1 = _bead_to_link(bead, src_cursor, tgt_cursor)
        src_cursor, tgt_cursor = s1, t1
        kept = checked_by.get((bead.src, bead.tgt))
        session.add(
            AlignmentLink(
                alignment_id=alignment.id,
                position=position,
                src_start=s0,
                src_end=s1,
                tgt_start=t0,
                tgt_end=t1,
                score=float(bead.score),
                method="checked" if kept else result.method,
                checked=kept is not None,
                checked_by=kept.checked_by if kept else None,
                checked_at=kept.checked_at if kept else None,
            )
        )
    session.flush()
    return alignment


def lexicon_for(session: Session, src_lang: str, tgt_lang: str) -> Lexicon | None:
    """The archive-wide learned lexicon for a language pair, if the archive has one."""
    from archive.lexicon_store import load_lexicon

    return load_lexicon(session=session, src_lang=src_lang, tgt_lang=tgt_lang)


def align_article(*, session: Session, article_id: int) -> list[Alignment]:
    """Align every pair of versions of an article (see `alignment_pairs`) and store them."""
    versions = session.exec(
        select(Version)
        .where(Version.article_id == article_id)
        .order_by(col(Version.position), col(Version.id))
    ).all()
    return [align_pair(session=session, src=src, tgt=tgt) for src, tgt in alignment_pairs(versions)]


def align_versions_of(archive: Archive, version_ids: Iterable[int], *, learn: bool = True) -> int:
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
    stored = 0
    new_ids: list[int] = []
    for article_id in article_ids:
        with archive.session() as session, session.begin():
            before = {a.id for a in article_alignments(session=session, article_id=article_id)}
            for alignment in align_article(session=session, article_id=article_id):
                stored += 1
                if alignment.id not in before and alignment.id is not None:
                    new_ids.append(alignment.id)
    if learn and new_ids:
        from archive.lexicon_store import learn_from_alignments

        with archive.session() as session, session.begin():
            learn_from_alignments(session=session, alignment_ids=new_ids)
    return stored


@dataclass(frozen=True, slots=True)
class BeadView:
    """A stored bead with the texts of its two sides, ready to show."""

    link_id: int
    position: int
    src: list[SegmentText]
    tgt: list[SegmentText]
    score: float
    method: str
    checked: bool

    @property
    def kind(self) -> str:
        """``"1-1"``, ``"2-1"``, ``"0-1"`` …"""
        return f"{len(self.src)}-{len(self.tgt)}"


@dataclass(frozen=True, slots=True)
class AlignmentView:
    """An alignment of two versions, bead by bead."""

    alignment_id: int
    src: Version
    tgt: Version
    method: str
    beads: list[BeadView]


def _segments_of(session: Session, version: Version) -> list[SegmentText]:
    return version_segments(session=session, version=version)


def get_alignment(
    *,
    session: Session,
    src_version_id: int,
    tgt_version_id: int,
    load_segments: Callable[[Session, Version], list[SegmentText]] = _segments_of,
) -> AlignmentView | None:
    """The stored alignment of two versions (in either direction), or None.

    ``load_segments`` reads each side's segments (by default with their derived text; a reader
    that only shows text can pass a cheaper loader).
    """
    for a, b, flipped in (
        (src_version_id, tgt_version_id, False),
        (tgt_version_id, src_version_id, True),
    ):
        alignment = session.exec(
            select(Alignment).where(Alignment.src_version_id == a, Alignment.tgt_version_id == b)
        ).first()
        if alignment is None or alignment.id is None:
            continue
        src = session.get(Version, a)
        tgt = session.get(Version, b)
        assert src is not None and tgt is not None
        src_segments = load_segments(session, src)
        tgt_segments = load_segments(session, tgt)
        beads = []
        for link in _links(session, alignment.id):
            assert link.id is not None
            s = src_segments[link.src_start : link.src_end]
            t = tgt_segments[link.tgt_start : link.tgt_end]
            beads.append(
                BeadView(
                    link_id=link.id,
                    position=link.position,
                    src=t if flipped else s,
                    tgt=s if flipped else t,
                    score=link.score,
                    method=link.method,
                    checked=link.checked,
                )
            )
        return AlignmentView(
            alignment_id=alignment.id,
            src=tgt if flipped else src,
            tgt=src if flipped else tgt,
            method=alignment.method,
            beads=beads,
        )
    return None


def set_checked(
    *, session: Session, link_id: int, checked: bool = True, by: str | None = None
) -> None:
    """Mark a bead as checked (or not) by a person; re-alignment keeps checked beads."""
    if by is not None and any(ord(ch) < 0x20 or 0x7F <= ord(ch) <= 0x9F for ch in by):
        raise InvalidChecker(by)
    link = session.get(AlignmentLink, link_id)
    if link is None:
        raise BeadNotFound(link_id)
    link.checked = checked
    link.checked_by = by if checked else None
    link.checked_at = utcnow() if checked else None
    session.add(link)
    session.flush()


def merge_with_next(*, session: Session, link_id: int, by: str | None = None) -> AlignmentLink:
    """Merge a bead with the one after it into one checked bead (a person's correction)."""
    if by is not None and any(ord(ch) < 0x20 or 0x7F <= ord(ch) <= 0x9F for ch in by):
        raise InvalidChecker(by)
    link = session.get(AlignmentLink, link_id)
    if link is None:
        raise BeadNotFound(link_id)
    links = _links(session, link.alignment_id)
    index = next(i for i, x in enumerate(links) if x.id == link_id)
    if index + 1 >= len(links):
        raise BeadNotMergeable(link_id)
    nxt = links[index + 1]
    link.src_end, link.tgt_end = nxt.src_end, nxt.tgt_end
    link.score = min(link.score, nxt.score)
    session.delete(nxt)
    for later in links[index + 2 :]:
        later.position -= 1
        session.add(later)
    session.add(link)
    session.flush()
    set_checked(session=session, link_id=link_id, checked=True, by=by)
    return link


def split_link(*, session: Session, link_id: int, by: str | None = None) -> list[AlignmentLink]:
    """Split a bead: its first source segment with its first target segment, and the rest.

    A bead with one side of several segments and the other empty splits into a first segment
    and the rest; a 1-1, 1-0 or 0-1 bead cannot be split.
    """
    if by is not None and any(ord(ch) < 0x20 or 0x7F <= ord(ch) <= 0x9F for ch in by):
        raise InvalidChecker(by)
    link = session.get(AlignmentLink, link_id)
    if link is None:
        raise BeadNotFound(link_id)
    n_src = link.src_end - link.src_start
    n_tgt = link.tgt_end - link.tgt_start
    if n_src + n_tgt <= 2 and (n_src <= 1 and n_tgt <= 1):
        raise BeadNotSplittable(link_id, n_src, n_tgt)
    links = _links(session, link.alignment_id)
    index = next(i for i, x in enumerate(links) if x.id == link_id)
    first_src_end = link.src_start + min(1, n_src)
    first_tgt_end = link.tgt_start + min(1, n_tgt)
    if n_src > 1 and n_tgt <= 1 and n_tgt == 1:
        first_tgt_end = link.tgt_end  # 2-1: keep the target with the first source segment
    if n_tgt > 1 and n_src == 1:
        first_src_end = link.src_end
    rest = AlignmentLink(
        alignment_id=link.alignment_id,
        position=link.position + 1,
        src_start=first_src_end,
        src_end=link.src_end,
        tgt_start=first_tgt_end,
        tgt_end=link.tgt_end,
        score=link.score,
        method="manual",
    )
    link.src_end, link.tgt_end = first_src_end, first_tgt_end
    for later in links[index + 1 :]:
        later.position += 1
        session.add(later)
    session.add(link)
    session.add(rest)
    session.flush()
    set_checked(session=session, link_id=link_id, checked=True, by=by)
    assert rest.id is not None
    set_checked(session=session, link_id=rest.id, checked=True, by=by)
    return [link, rest]


def realign(*, session: Session, alignment_id: int) -> Alignment:
    """Align a stored pair again around its checked beads."""
    alignment = session.get(Alignment, alignment_id)
    if alignment is None:
        raise AlignmentNotFound(alignment_id)
    src = session.get(Version, alignment.src_version_id)
    tgt = session.get(Version, alignment.tgt_version_id)
    assert src is not None and tgt is not None
    return align_pair(session=session, src=src, tgt=tgt)


def article_alignments(*, session: Session, article_id: int) -> list[Alignment]:
    """Every stored alignment of an article."""
    return list(
        session.exec(
            select(Alignment).where(Alignment.article_id == article_id).order_by(col(Alignment.id))
        ).all()
    )


def compare_article(*, session: Session, article_id: int) -> list[dict[str, object]]:
    """For each stored alignment of an article: what the target carries, drops, adds, changes.

    Each report is the aligner's comparison (`archive.align.compare`) plus the two versions.
    """
    from archive.align.compare import compare_alignment

    reports: list[dict[str, object]] = []
    for alignment in article_alignments(session=session, article_id=article_id):
        assert alignment.id is not None
        src = session.get(Version, alignment.src_version_id)
        tgt = session.get(Version, alignment.tgt_version_id)
        assert src is not None and tgt is not None
        src_texts = [s.derived for s in version_segments(session=session, version=src)]
        tgt_texts = [s.derived for s in version_segments(session=session, version=tgt)]
        beads = [link_to_bead(link) for link in _links(session, alignment.id)]
        report = compare_alignment(src_texts, tgt_texts, beads).to_json()
        report["alignment_id"] = alignment.id
        report["method"] = alignment.method
        report["src"] = {"id": src.id, "kind": src.kind, "language": src.language}
        report["tgt"] = {"id": tgt.id, "kind": tgt.kind, "language": tgt.language}
        reports.append(report)
    return reports
