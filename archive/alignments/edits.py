"""The edits a person makes to a stored alignment, bead by bead, as the reader and
``archive beads`` do: confirm, merge, split, move a sentence to the next bead, mark a sentence
unmatched, re-align around confirmed beads, undo and redo.

Each reads an alignment's links, computes the edit as a pure `Patch`
(`archive.alignments.spans`), writes it and its `Edit` record in the caller's transaction, with
the reviewer's name. Rows of beads an edit did not touch keep their ids.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlmodel import Session, col, select

from archive.alignments.spans import (
    MANUAL,
    TARGET,
    Patch,
    Side,
    Span,
    confirm,
    confirm_through,
    confirmed_count,
    invert_patch,
    link_span,
    load_spans,
    merge_with_next,
    merge_with_previous,
    move_down,
    move_up,
    split,
    unconfirm,
    unmatch,
)
from archive.alignments.store import align_pair
from archive.alignments.views import alignment_links, version_segments
from archive.errors import (
    AlignmentNotFound,
    BeadNotFound,
    StalePatch,
    UndoRefused,
)
from archive.history import get_edit, mark_undone, record_edit, register_undo
from archive.models import Alignment, AlignmentLink, Edit, utcnow
from archive.reviewer import checked_name

# ---------------------------------------------------------------------------------- storage


def _fill(link: AlignmentLink, span: Span, position: int) -> None:
    link.position = position
    link.src_start, link.src_end = span.src_start, span.src_end
    link.tgt_start, link.tgt_end = span.tgt_start, span.tgt_end
    link.score, link.method = span.score, span.method
    link.checked, link.checked_by, link.checked_at = span.checked, span.checked_by, span.checked_at


def _state(span: Span) -> tuple[tuple[int, int, int, int], bool]:
    return span.extent(), span.checked


def write_patch(
    session: Session,
    alignment_id: int,
    patch: Patch,
    links: list[AlignmentLink] | None = None,
) -> list[AlignmentLink]:
    """Store ``patch`` on the alignment's links (rows of unchanged beads keep their ids; the
    changed ones reuse rows where they can); returns the links of ``patch.after``.

    Raises:
        StalePatch: the stored beads at the patch's position are not ``patch.before``.
    """
    if links is None:
        links = alignment_links(session, alignment_id)
    old = links[patch.position : patch.position + len(patch.before)]
    if [_state(link_span(link)) for link in old] != [_state(b) for b in patch.before]:
        raise StalePatch(alignment_id)
    written: list[AlignmentLink] = []
    for offset, span in enumerate(patch.after):
        if offset < len(old):
            link = old[offset]
        else:
            link = AlignmentLink(
                alignment_id=alignment_id, position=0, src_start=0, src_end=0,
                tgt_start=0, tgt_end=0, score=0.0, method=MANUAL,
            )  # fmt: skip
        _fill(link, span, patch.position + offset)
        session.add(link)
        written.append(link)
    for link in old[len(patch.after) :]:
        session.delete(link)
    shift = len(patch.after) - len(patch.before)
    if shift:
        for link in links[patch.position + len(patch.before) :]:
            link.position += shift
            session.add(link)
    session.flush()
    return written


def set_checked(
    *, session: Session, link_id: int, checked: bool = True, by: str | None = None
) -> None:
    """Set a bead's confirmed mark directly, with no edit record (imports and tests; a person's
    confirmation goes through `confirm_bead`, which records it)."""
    if by is not None:
        by = checked_name(by, "checker's name")
    link = session.get(AlignmentLink, link_id)
    if link is None:
        raise BeadNotFound(link_id)
    link.checked = checked
    link.checked_by = by if checked else None
    link.checked_at = utcnow() if checked else None
    session.add(link)
    session.flush()


def realign(*, session: Session, alignment_id: int) -> Alignment:
    """Align a stored pair again around its confirmed beads (no edit record; see
    `realign_around_confirmed`)."""
    from archive.models import Version

    alignment = session.get(Alignment, alignment_id)
    if alignment is None:
        raise AlignmentNotFound(str(alignment_id))
    src = session.get(Version, alignment.src_version_id)
    tgt = session.get(Version, alignment.tgt_version_id)
    assert src is not None and tgt is not None
    return align_pair(session=session, src=src, tgt=tgt)


def _alignment_of(session: Session, link_id: int) -> tuple[Alignment, int, list[AlignmentLink]]:
    link = session.get(AlignmentLink, link_id)
    if link is None:
        raise BeadNotFound(link_id)
    alignment = session.get(Alignment, link.alignment_id)
    assert alignment is not None and alignment.id is not None
    links = alignment_links(session, alignment.id)
    return alignment, [x.id for x in links].index(link_id), links


def edit_alignment(
    session: Session,
    *,
    alignment_id: int,
    action: str,
    reviewer: str,
    make: Callable[[list[Span]], Patch],
    links: list[AlignmentLink] | None = None,
) -> Edit | None:
    """Compute an edit on the alignment's beads with ``make``, store it and its `Edit` record
    (target ``alignment``; ``before``/``after``: the position and the beads replaced), all in
    the caller's transaction. Returns the record, or None when the edit changed nothing."""
    reviewer = checked_name(reviewer, "reviewer")
    alignment = session.get(Alignment, alignment_id)
    if alignment is None:
        raise AlignmentNotFound(str(alignment_id))
    if links is None:
        links = alignment_links(session, alignment_id)
    patch = make([link_span(link) for link in links])
    if patch.before == patch.after:
        return None
    write_patch(session, alignment_id, patch, links)
    return record_edit(
        session,
        article_id=alignment.article_id,
        target=TARGET,
        target_id=alignment_id,
        action=action,
        before=patch.to_json("before"),
        after=patch.to_json("after"),
        reviewer=reviewer,
    )


def _on_bead(
    session: Session,
    link_id: int,
    action: str,
    reviewer: str,
    op: Callable[[list[Span], int], Patch],
) -> Edit | None:
    alignment, index, links = _alignment_of(session, link_id)
    assert alignment.id is not None
    return edit_alignment(
        session,
        alignment_id=alignment.id,
        action=action,
        reviewer=reviewer,
        make=lambda beads: op(beads, index),
        links=links,
    )


def confirm_bead(session: Session, *, link_id: int, reviewer: str) -> Edit | None:
    """Mark a stored bead confirmed by ``reviewer``."""
    reviewer = checked_name(reviewer, "reviewer")
    return _on_bead(session, link_id, "confirm", reviewer, lambda b, i: confirm(b, i, by=reviewer))


def unconfirm_bead(session: Session, *, link_id: int, reviewer: str) -> Edit | None:
    """Take the confirmed mark off a stored bead."""
    return _on_bead(session, link_id, "unconfirm", reviewer, unconfirm)


def confirm_beads_through(session: Session, *, link_id: int, reviewer: str) -> Edit | None:
    """Confirm every bead of the alignment up to and including this one."""
    reviewer = checked_name(reviewer, "reviewer")
    return _on_bead(
        session,
        link_id,
        "confirm-through",
        reviewer,
        lambda b, i: confirm_through(b, i, by=reviewer),
    )


def merge_next(session: Session, *, link_id: int, reviewer: str) -> Edit | None:
    """Merge a stored bead with the next one."""
    return _on_bead(session, link_id, "merge", reviewer, merge_with_next)


def merge_previous(session: Session, *, link_id: int, reviewer: str) -> Edit | None:
    """Merge a stored bead with the previous one."""
    return _on_bead(session, link_id, "merge", reviewer, merge_with_previous)


def split_bead(
    session: Session,
    *,
    link_id: int,
    reviewer: str,
    src_at: int | None = None,
    tgt_at: int | None = None,
) -> Edit | None:
    """Split a stored bead (see `split`)."""
    return _on_bead(
        session, link_id, "split", reviewer, lambda b, i: split(b, i, src_at=src_at, tgt_at=tgt_at)
    )


def move_bead_up(session: Session, *, link_id: int, side: Side, reviewer: str) -> Edit | None:
    """Move a stored bead's first ``side`` sentence into the bead before it."""
    return _on_bead(session, link_id, f"move-{side}-up", reviewer, lambda b, i: move_up(b, i, side))


def move_bead_down(session: Session, *, link_id: int, side: Side, reviewer: str) -> Edit | None:
    """Move a stored bead's last ``side`` sentence into the bead after it."""
    return _on_bead(
        session, link_id, f"move-{side}-down", reviewer, lambda b, i: move_down(b, i, side)
    )


def unmatch_sentence(
    session: Session, *, link_id: int, side: Side, reviewer: str, at: int | None = None
) -> Edit | None:
    """Make a ``side`` sentence of a stored bead a bead of its own (see `unmatch`)."""
    return _on_bead(
        session, link_id, f"unmatch-{side}", reviewer, lambda b, i: unmatch(b, i, side, at)
    )


def realign_around_confirmed(session: Session, *, alignment_id: int, reviewer: str) -> Edit | None:
    """Align the pair again, keeping every confirmed bead fixed (see
    `archive.alignments.align_pair`), recorded as one edit that undo can take back."""
    reviewer = checked_name(reviewer, "reviewer")
    alignment = session.get(Alignment, alignment_id)
    if alignment is None:
        raise AlignmentNotFound(str(alignment_id))
    before = load_spans(session, alignment_id)
    realign(session=session, alignment_id=alignment_id)
    after = load_spans(session, alignment_id)
    if before == after:
        return None
    patch = Patch(0, tuple(before), tuple(after))
    return record_edit(
        session,
        article_id=alignment.article_id,
        target=TARGET,
        target_id=alignment_id,
        action="realign",
        before=patch.to_json("before"),
        after=patch.to_json("after"),
        reviewer=reviewer,
    )


def _patch_of(row: Edit) -> Patch:
    import json

    before, after = json.loads(row.before), json.loads(row.after)
    return Patch(
        int(before["position"]),
        tuple(Span.from_json(b) for b in before["beads"]),
        tuple(Span.from_json(b) for b in after["beads"]),
    )


def revert_alignment_edit(session: Session, row: Edit) -> None:
    """Put back what a bead edit replaced (`UndoRefused` if the beads changed since).

    Registered with `archive.history.register_undo` for target ``alignment``."""
    assert row.id is not None and row.target_id is not None
    try:
        write_patch(session, row.target_id, invert_patch(_patch_of(row)))
    except StalePatch:
        raise UndoRefused(
            row.id, "the alignment changed since: undo the later edits first"
        ) from None


register_undo(TARGET, revert_alignment_edit)


def undo_bead_edit(session: Session, *, edit_id: int, reviewer: str) -> Edit:
    """Undo one bead edit and mark it undone by ``reviewer`` (in the caller's transaction)."""
    reviewer = checked_name(reviewer, "reviewer")
    row = get_edit(session, edit_id)
    if row.target != TARGET:
        raise UndoRefused(edit_id, f"not a bead edit (a {row.target} edit)")
    if row.undone_at is None:
        revert_alignment_edit(session, row)
    return mark_undone(session, edit_id, by=reviewer)


def redo_bead_edit(session: Session, *, edit_id: int, reviewer: str) -> Edit:
    """Make an undone bead edit again; returns the new edit record."""
    reviewer = checked_name(reviewer, "reviewer")
    row = get_edit(session, edit_id)
    if row.target != TARGET or row.undone_at is None or row.target_id is None:
        raise UndoRefused(edit_id, "only an undone bead edit can be redone")
    patch = _patch_of(row)
    try:
        write_patch(session, row.target_id, patch)
    except StalePatch:
        raise UndoRefused(edit_id, "the alignment changed since: it cannot be redone") from None
    return record_edit(
        session,
        article_id=row.article_id,
        target=TARGET,
        target_id=row.target_id,
        action=row.action,
        before=patch.to_json("before"),
        after=patch.to_json("after"),
        reviewer=reviewer,
    )


# ---------------------------------------------------------------------------------- listing


@dataclass(frozen=True, slots=True)
class StoredBead:
    """A stored bead as scripts see it: its id, its sentences on each side, its mark."""

    id: int
    position: int
    span: Span
    src_text: str
    tgt_text: str

    def to_json(self) -> dict[str, Any]:
        """``{"id", "position", "src": [seq…], "tgt": [seq…], "kind", "score", "method",
        "confirmed", "by", "at"}``."""
        s = self.span
        return {
            "id": self.id,
            "position": self.position,
            "src": list(range(s.src_start, s.src_end)),
            "tgt": list(range(s.tgt_start, s.tgt_end)),
            "kind": s.kind,
            "score": round(s.score, 4),
            "method": s.method,
            "confirmed": s.checked,
            "by": s.checked_by,
            "at": s.checked_at.isoformat() if s.checked_at else None,
        }


@dataclass(frozen=True, slots=True)
class StoredAlignment:
    """One stored alignment of an article with its beads."""

    id: int
    src_version_id: int
    tgt_version_id: int
    method: str
    beads: list[StoredBead]

    def to_json(self) -> dict[str, Any]:
        """The alignment and its beads, with the confirmed count."""
        confirmed, total = confirmed_count(b.span for b in self.beads)
        return {
            "id": self.id,
            "src_version_id": self.src_version_id,
            "tgt_version_id": self.tgt_version_id,
            "method": self.method,
            "confirmed": confirmed,
            "total": total,
            "beads": [b.to_json() for b in self.beads],
        }


def article_beads(
    session: Session, *, article_id: int, pair: tuple[int, int] | None = None
) -> list[StoredAlignment]:
    """Every stored alignment of an article (or the one of ``pair``: source and target
    version ids) with its beads and their text.

    Raises:
        ArticleNotFound: no such article.
        AlignmentNotFound: ``pair`` given and not aligned.
    """
    from archive.errors import ArticleNotFound
    from archive.models import Article, Version

    if session.get(Article, article_id) is None:
        raise ArticleNotFound(article_id)
    query = select(Alignment).where(Alignment.article_id == article_id)
    if pair is not None:
        query = query.where(
            Alignment.src_version_id == pair[0], Alignment.tgt_version_id == pair[1]
        )
    rows = session.exec(query.order_by(col(Alignment.id))).all()
    if pair is not None and not rows:
        raise AlignmentNotFound(f"{pair[0]}:{pair[1]} of article {article_id}")
    out: list[StoredAlignment] = []
    for alignment in rows:
        assert alignment.id is not None
        src = session.get(Version, alignment.src_version_id)
        tgt = session.get(Version, alignment.tgt_version_id)
        assert src is not None and tgt is not None
        src_texts, tgt_texts = _shown(session, src), _shown(session, tgt)
        beads = []
        for link in alignment_links(session, alignment.id):
            assert link.id is not None
            span = link_span(link)
            beads.append(
                StoredBead(
                    id=link.id,
                    position=link.position,
                    span=span,
                    src_text=" ".join(src_texts[span.src_start : span.src_end]),
                    tgt_text=" ".join(tgt_texts[span.tgt_start : span.tgt_end]),
                )
            )
        out.append(
            StoredAlignment(
                id=alignment.id,
                src_version_id=alignment.src_version_id,
                tgt_version_id=alignment.tgt_version_id,
                method=alignment.method,
                beads=beads,
            )
        )
    return out


def _shown(session: Session, version: Any) -> list[str]:
    """Each sentence of a version as text to show (Zawgyi converted to Unicode)."""

    derive: Callable[[str], str] = str
    if version.encoding == "zawgyi":
        from archive.analysis import zawgyi_to_unicode

        derive = zawgyi_to_unicode
    return [s.derived for s in version_segments(session=session, version=version, derive=derive)]
