"""Reading stored alignments: each version's segments with their text, and an alignment bead by
bead with the text of both sides (the reader's view), plus the "what changed" comparison.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sqlmodel import Session, col, select

from archive.align import Bead
from archive.align.compare import compare_alignment
from archive.analysis import derive_text
from archive.models import Alignment, AlignmentLink, Segment, Version

# Alignments made another way than by the aligner, which re-aligning must leave alone.
BY_CONSTRUCTION = frozenset({"mt-construction"})


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


def link_to_bead(link: AlignmentLink) -> Bead:
    """A stored link as the aligner's `Bead`."""
    return Bead(
        src=tuple(range(link.src_start, link.src_end)),
        tgt=tuple(range(link.tgt_start, link.tgt_end)),
        score=link.score,
        checked=link.checked,
    )


def alignment_links(session: Session, alignment_id: int) -> list[AlignmentLink]:
    """The links (beads) of a stored alignment, in order."""
    return list(
        session.exec(
            select(AlignmentLink)
            .where(AlignmentLink.alignment_id == alignment_id)
            .order_by(col(AlignmentLink.position))
        ).all()
    )


#: The name the bead edits (`archive.alignments.edits`) use.
_links = alignment_links


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
