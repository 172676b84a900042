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

from archive.errors import ArchiveError
from archive.models import Alignment, AlignmentLink, Segment, Version, utcnow

if TYPE_CHECKING:
    from archive.align import Bead
    from archive.align.lexicon import Lexicon
    from archive.beads import Span
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
    from archive.align import Bead, align_segments

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
    kept = _confirmed_to_keep(session, alignment, src, tgt, src_segments, tgt_segments)
    checked = [Bead(src=s, tgt=t, score=span.score, checked=True) for (s, t), span in kept.items()]
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
    missing = set(kept) - {(bead.src, bead.tgt) for bead in result.beads}
    if missing:  # the aligner's contract: fixed beads come back unchanged
        raise ValueError(f"the aligner dropped {len(missing)} confirmed bead(s)")
    src_cursor = tgt_cursor = 0
    for position, bead in enumerate(result.beads):
        s0, s1, t0, t1 = _bead_to_link(bead, src_cursor, tgt_cursor)
        src_cursor, tgt_cursor = s1, t1
        span = kept.get((bead.src, bead.tgt))
        session.add(
            AlignmentLink(
                alignment_id=alignment.id,
                position=position,
                src_start=s0,
                src_end=s1,
                tgt_start=t0,
                tgt_end=t1,
                score=span.score if span else float(bead.score),
                method=span.method if span else result.method,
                checked=span is not None,
                checked_by=span.checked_by if span else None,
                checked_at=span.checked_at if span else None,
            )
        )
    session.flush()
    return alignment


Kept = dict[tuple[tuple[int, ...], tuple[int, ...]], "Span"]


def _confirmed_to_keep(
    session: Session,
    alignment: Alignment | None,
    src: Version,
    tgt: Version,
    src_segments: Sequence[SegmentText],
    tgt_segments: Sequence[SegmentText],
) -> Kept:
    """The confirmed beads re-aligning must keep, by their sentences in the versions now.

    Those of the pair's own alignment where it has one; for a pair aligned for the first time
    whose versions revise older ones (a new version of a text), those of the newest alignment
    of older versions whose sentences are unchanged, found again by their text."""
    from archive.beads import carry_confirmed, load_spans

    n, m = len(src_segments), len(tgt_segments)
    kept: Kept = {}
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
