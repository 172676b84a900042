"""The edits a person makes to a stored alignment: checking a bead, merging two, splitting one,
and aligning again around the checked beads (which re-alignment keeps)."""

from __future__ import annotations

from sqlmodel import Session

from archive.alignments.store import align_pair
from archive.alignments.views import _links
from archive.models import Alignment, AlignmentLink, Version, utcnow


def set_checked(
    *, session: Session, link_id: int, checked: bool = True, by: str | None = None
) -> None:
    """Mark a bead as checked (or not) by a person; re-alignment keeps checked beads."""
    if by is not None and any(ord(ch) < 0x20 or 0x7F <= ord(ch) <= 0x9F for ch in by):
        raise ValueError(f"checker's name {by!r} holds control characters")
    link = session.get(AlignmentLink, link_id)
    if link is None:
        raise ValueError(f"no bead {link_id}")
    link.checked = checked
    link.checked_by = by if checked else None
    link.checked_at = utcnow() if checked else None
    session.add(link)
    session.flush()


def merge_with_next(*, session: Session, link_id: int, by: str | None = None) -> AlignmentLink:
    """Merge a bead with the one after it into one checked bead (a person's correction)."""
    if by is not None and any(ord(ch) < 0x20 or 0x7F <= ord(ch) <= 0x9F for ch in by):
        raise ValueError(f"checker's name {by!r} holds control characters")
    link = session.get(AlignmentLink, link_id)
    if link is None:
        raise ValueError(f"no bead {link_id}")
    links = _links(session, link.alignment_id)
    index = next(i for i, x in enumerate(links) if x.id == link_id)
    if index + 1 >= len(links):
        raise ValueError("the last bead has nothing after it to merge with")
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
        raise ValueError(f"checker's name {by!r} holds control characters")
    link = session.get(AlignmentLink, link_id)
    if link is None:
        raise ValueError(f"no bead {link_id}")
    n_src = link.src_end - link.src_start
    n_tgt = link.tgt_end - link.tgt_start
    if n_src + n_tgt <= 2 and (n_src <= 1 and n_tgt <= 1):
        raise ValueError(f"a {n_src}-{n_tgt} bead cannot be split")
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
        raise ValueError(f"no alignment {alignment_id}")
    src = session.get(Version, alignment.src_version_id)
    tgt = session.get(Version, alignment.tgt_version_id)
    assert src is not None and tgt is not None
    return align_pair(session=session, src=src, tgt=tgt)
