"""What the reader shows of an article: which two versions side by side, their alignment as
read, aligning a chosen pair, and the "what changed" report of one alignment."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlmodel import Session

from archive.alignments import (
    AlignmentView,
    SegmentText,
    align_pair,
    get_alignment,
    version_segments,
)
from archive.models import Version

__all__ = [
    "LOW_SCORE",
    "align_versions",
    "compare_view",
    "default_pair",
    "reader_alignment",
]


def _is_english(version: dict[str, Any]) -> bool:
    language = str(version.get("language") or "")
    return language == "en" or language.startswith("en-")


def default_pair(
    versions: Sequence[dict[str, Any]], *, including: int | None = None
) -> tuple[int, int] | None:
    """Which two versions (``show --json`` dicts) to read side by side, as ``(left, right)`` ids.

    The original and the published English; else the original and an English version (human
    before machine); else the first two. None for an article with fewer than two versions.
    Superseded revisions are passed over when a newer one exists. With ``including`` (say, the
    version a search hit is in), the pair holds that version: the original on the left and it
    on the right, unless it is the original itself.
    """
    revised = {v.get("revision_of") for v in versions}
    current = [v for v in versions if v["id"] not in revised] or list(versions)
    if len(current) < 2:
        return None
    original = next((v for v in current if v["kind"] == "original"), current[0])
    if including is not None and any(v["id"] == including for v in versions):
        chosen = default_pair(versions)
        if chosen is not None and including in chosen:
            return chosen
        if including != original["id"]:
            return int(original["id"]), including
        others = [v for v in current if v is not original]
        return int(original["id"]), int(others[0]["id"])
    others = [v for v in current if v is not original]
    english = [v for v in others if _is_english(v)]
    for wanted in ("published", "translation", "machine"):
        for version in english:
            if version["kind"] == wanted:
                return int(original["id"]), int(version["id"])
    if english:
        return int(original["id"]), int(english[0]["id"])
    return int(current[0]["id"]), int(current[1]["id"])


def align_versions(*, session: Session, src_version_id: int, tgt_version_id: int) -> AlignmentView:
    """Align two versions of an article now (keeping checked beads) and read the result back.

    Raises:
        ValueError: a version does not exist, or the two belong to different articles.
    """
    src = session.get(Version, src_version_id)
    tgt = session.get(Version, tgt_version_id)
    if src is None or tgt is None:
        raise ValueError(f"no version {src_version_id if src is None else tgt_version_id}")
    if src.article_id != tgt.article_id:
        raise ValueError("the two versions belong to different articles")
    align_pair(session=session, src=src, tgt=tgt)
    view = get_alignment(
        session=session, src_version_id=src_version_id, tgt_version_id=tgt_version_id
    )
    assert view is not None
    return view


def _plain_segments(session: Session, version: Version) -> list[SegmentText]:
    """Segments for reading. A Zawgyi version's ``derived`` is its Unicode conversion, which a
    reader shows (no terminal font renders Zawgyi); other versions leave ``derived`` empty."""
    if version.encoding == "zawgyi":
        from archive.analysis import zawgyi_to_unicode

        return version_segments(session=session, version=version, derive=zawgyi_to_unicode)
    return version_segments(session=session, version=version, derive=_nothing)


def _nothing(_text: str) -> str:
    return ""


def reader_alignment(
    *, session: Session, src_version_id: int, tgt_version_id: int
) -> AlignmentView | None:
    """`get_alignment` for reading: the same beads, without deriving each segment's text.

    Deriving (Zawgyi detection, normalisation) is most of `get_alignment`'s time on a long
    article, and a reader shows the stored text (Zawgyi converted to Unicode, see
    `_plain_segments`): ``derived`` is otherwise left empty here.
    """
    return get_alignment(
        session=session,
        src_version_id=src_version_id,
        tgt_version_id=tgt_version_id,
        load_segments=_plain_segments,
    )


LOW_SCORE = 0.5


def compare_view(view: AlignmentView) -> dict[str, Any]:
    """The comparison report (`archive.align.compare`) of an alignment as read, plus bead counts.

    Segment numbers in the report are sequence numbers of each side as displayed. Works on a
    `reader_alignment` too: segments without a derived text are derived here.
    """
    from archive.align import Bead, compare_alignment
    from archive.analysis import derive_text

    src_texts = _texts_by_seq([s for bead in view.beads for s in bead.src], derive_text)
    tgt_texts = _texts_by_seq([s for bead in view.beads for s in bead.tgt], derive_text)
    beads = [
        Bead(
            src=tuple(s.seq for s in bead.src),
            tgt=tuple(s.seq for s in bead.tgt),
            score=bead.score,
            checked=bead.checked,
        )
        for bead in view.beads
    ]
    report = compare_alignment(src_texts, tgt_texts, beads).to_json()
    report["beads"] = len(view.beads)
    report["low_score"] = sum(
        1 for b in view.beads if b.src and b.tgt and b.score < LOW_SCORE and not b.checked
    )
    report["checked"] = sum(1 for b in view.beads if b.checked)
    return report


def _texts_by_seq(segments: Sequence[Any], derive: Any) -> list[str]:
    size = max((s.seq for s in segments), default=-1) + 1
    texts = [""] * size
    for segment in segments:
        # A reader's segments carry a display form only (Zawgyi converted, not normalised):
        # comparison needs the full derived form, as the CLI's `compare` uses.
        texts[segment.seq] = derive(segment.text)
    return texts
