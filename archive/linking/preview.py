"""What a suggested pair would read like once linked: its two texts aligned, nothing stored."""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session, col, select

from archive.alignments import BeadView, lexicon_for, version_segments
from archive.models import Article, Version

__all__ = ["PairPreview", "preview_pair"]


@dataclass(frozen=True)
class PairPreview:
    """The original and the English version of a suggested pair, aligned bead by bead."""

    original: Version
    english: Version
    original_title: str
    english_title: str
    beads: list[BeadView]


def _versions(session: Session, article_id: int) -> list[Version]:
    return list(
        session.exec(
            select(Version)
            .where(Version.article_id == article_id)
            .order_by(col(Version.position), col(Version.id))
        ).all()
    )


def preview_pair(session: Session, original_id: int, english_id: int) -> PairPreview | None:
    """The two texts of a suggested pair aligned as the reader would show them after the link
    (the same aligner, lexicon and segments), without storing anything; None when either
    article has no suitable version.
    """
    from archive.align import align_segments
    from archive.linking.links import derivation_source, english_root

    original = session.get(Article, original_id)
    english = session.get(Article, english_id)
    if original is None or english is None:
        return None
    src = derivation_source(_versions(session, original_id))
    tgt = english_root(_versions(session, english_id)) or next(
        iter(_versions(session, english_id)), None
    )
    if src is None or tgt is None:
        return None
    src_segments = version_segments(session=session, version=src)
    tgt_segments = version_segments(session=session, version=tgt)
    result = align_segments(
        [s.derived for s in src_segments],
        [s.derived for s in tgt_segments],
        src_lang=src.detected_language or src.language,
        tgt_lang=tgt.detected_language or tgt.language,
        src_paragraphs=[s.paragraph for s in src_segments],
        tgt_paragraphs=[s.paragraph for s in tgt_segments],
        lexicon=lexicon_for(session, src.language, tgt.language),
    )
    beads = [
        BeadView(
            link_id=-1,
            position=position,
            src=[src_segments[i] for i in bead.src],
            tgt=[tgt_segments[j] for j in bead.tgt],
            score=float(bead.score),
            method=result.method,
            checked=False,
        )
        for position, bead in enumerate(result.beads)
    ]
    return PairPreview(src, tgt, original.title, english.title, beads)
