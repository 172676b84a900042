"""Editing an alignment bead by bead, as a person does in the reader or a script: confirm,
merge, split, move a sentence to the next bead, mark a sentence unmatched, undo and redo.

Two layers. The edits themselves are pure functions over a list of `Span` beads that return a
`Patch` (which beads at which position are replaced by which); `apply_patch` and
`invert_patch` make any sequence of edits undoable exactly. The storage wrappers
(`confirm_bead`, `merge_next`, `split_bead` …) read an alignment's links, compute the patch,
write it and its `Edit` record in the caller's transaction, with the reviewer's name.

Whether a bead is confirmed changes only when a person says so (`confirm`, `unconfirm`,
`confirm_through`): the beads an edit makes keep the confirmed mark of the bead they came from,
and a merge is confirmed only when both beads were.

Beads are kept monotone and covering: bead ``k`` ends where bead ``k + 1`` starts on each
side, the first starts at 0 and the last ends at the number of sentences (`check_spans`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any, Literal, Protocol

from sqlmodel import Session, col, select

from archive.errors import (
    AlignmentNotFound,
    ArchiveError,
    BeadNotFound,
    NothingToMerge,
    NothingToMove,
    NotSplittable,
    UndoRefused,
)
from archive.history import get_edit, mark_undone, record_edit, register_undo
from archive.models import Alignment, AlignmentLink, Edit, utcnow
from archive.reviewer import checked_name

Side = Literal["src", "tgt"]
SIDES: tuple[Side, ...] = ("src", "tgt")

#: The method of a bead whose extent a person changed.
MANUAL = "manual"
#: Beads scoring below this are "low" for `next_low_score` (and the reader's `!`).
LOW_SCORE = 0.5
#: The `Edit.target` of every bead edit (``target_id`` is the alignment's id).
TARGET = "alignment"


# ---------------------------------------------------------------------------------- pure core


@dataclass(frozen=True, slots=True)
class Span:
    """One bead: source sentences ``[src_start, src_end)`` answer ``[tgt_start, tgt_end)``."""

    src_start: int
    src_end: int
    tgt_start: int
    tgt_end: int
    score: float = 0.0
    method: str = MANUAL
    checked: bool = False
    checked_by: str | None = None
    checked_at: dt.datetime | None = None

    @property
    def n_src(self) -> int:
        """How many source sentences."""
        return self.src_end - self.src_start

    @property
    def n_tgt(self) -> int:
        """How many target sentences."""
        return self.tgt_end - self.tgt_start

    @property
    def kind(self) -> str:
        """``"1-1"``, ``"2-1"``, ``"0-1"`` …"""
        return f"{self.n_src}-{self.n_tgt}"

    def extent(self) -> tuple[int, int, int, int]:
        """The four bounds: what undo compares."""
        return self.src_start, self.src_end, self.tgt_start, self.tgt_end

    def to_json(self) -> dict[str, Any]:
        """The bead as an edit record keeps it (enough to put it back exactly)."""
        return {
            "src": [self.src_start, self.src_end],
            "tgt": [self.tgt_start, self.tgt_end],
            "score": self.score,
            "method": self.method,
            "checked": self.checked,
            "checked_by": self.checked_by,
            "checked_at": self.checked_at.isoformat() if self.checked_at else None,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Span:
        """The inverse of `to_json`."""
        at = data.get("checked_at")
        return cls(
            src_start=int(data["src"][0]),
            src_end=int(data["src"][1]),
            tgt_start=int(data["tgt"][0]),
            tgt_end=int(data["tgt"][1]),
            score=float(data["score"]),
            method=str(data["method"]),
            checked=bool(data["checked"]),
            checked_by=data.get("checked_by"),
            checked_at=dt.datetime.fromisoformat(at) if isinstance(at, str) else None,
        )


@dataclass(frozen=True, slots=True)
class Patch:
    """An edit of a list of beads: ``before`` at ``position`` becomes ``after``."""

    position: int
    before: tuple[Span, ...]
    after: tuple[Span, ...]

    def to_json(self, key: Literal["before", "after"]) -> dict[str, Any]:
        """One side of the patch as an edit record's ``before`` or ``after``."""
        beads = self.before if key == "before" else self.after
        return {"position": self.position, "beads": [b.to_json() for b in beads]}


def apply_patch(beads: Sequence[Span], patch: Patch) -> list[Span]:
    """``beads`` with the patch applied (a new list)."""
    end = patch.position + len(patch.before)
    return [*beads[: patch.position], *patch.after, *beads[end:]]


def invert_patch(patch: Patch) -> Patch:
    """The patch that undoes ``patch``."""
    return Patch(patch.position, patch.after, patch.before)


def check_spans(beads: Sequence[Span], n_src: int, n_tgt: int) -> None:
    """ValueError unless ``beads`` are monotone, contiguous and cover ``n_src`` × ``n_tgt``."""
    s = t = 0
    for index, bead in enumerate(beads):
        if (bead.src_start, bead.tgt_start) != (s, t):
            raise ValueError(
                f"bead {index} starts at {bead.src_start},{bead.tgt_start}: not {s},{t}"
            )
        if bead.n_src < 0 or bead.n_tgt < 0 or bead.n_src + bead.n_tgt == 0:
            raise ValueError(f"bead {index} is empty or reversed: {bead.extent()}")
        s, t = bead.src_end, bead.tgt_end
    if (s, t) != (n_src, n_tgt):
        raise ValueError(f"beads end at {s},{t}, not {n_src},{n_tgt}")


def _at(beads: Sequence[Span], index: int) -> Span:
    if not 0 <= index < len(beads):
        raise BeadNotFound(f"#{index + 1} of {len(beads)}")
    return beads[index]


def _changed(beads: Sequence[Span], position: int, after: Sequence[Span], count: int) -> Patch:
    return Patch(position, tuple(beads[position : position + count]), tuple(after))


def confirm(beads: Sequence[Span], index: int, *, by: str, at: dt.datetime | None = None) -> Patch:
    """Mark bead ``index`` confirmed by ``by``."""
    bead = _at(beads, index)
    done = replace(bead, checked=True, checked_by=by, checked_at=at or utcnow())
    return _changed(beads, index, [done], 1)


def unconfirm(beads: Sequence[Span], index: int) -> Patch:
    """Take the confirmed mark off bead ``index``."""
    bead = _at(beads, index)
    return _changed(
        beads, index, [replace(bead, checked=False, checked_by=None, checked_at=None)], 1
    )


def confirm_through(
    beads: Sequence[Span], index: int, *, by: str, at: dt.datetime | None = None
) -> Patch:
    """Confirm every bead up to and including ``index`` (those confirmed already stay as
    they are, with their reviewer)."""
    _at(beads, index)
    at = at or utcnow()
    first = next((i for i in range(index + 1) if not beads[i].checked), index + 1)
    if first > index:  # all confirmed already: an empty patch
        return Patch(index, (), ())
    after = [
        b if b.checked else replace(b, checked=True, checked_by=by, checked_at=at)
        for b in beads[first : index + 1]
    ]
    return _changed(beads, first, after, len(after))


def _merged(a: Span, b: Span) -> Span:
    both = a.checked and b.checked
    return Span(
        a.src_start,
        b.src_end,
        a.tgt_start,
        b.tgt_end,
        score=min(a.score, b.score),
        method=MANUAL,
        checked=both,
        checked_by=a.checked_by if both else None,
        checked_at=a.checked_at if both else None,
    )


def merge_with_next(beads: Sequence[Span], index: int) -> Patch:
    """Merge bead ``index`` with the one after it."""
    bead = _at(beads, index)
    if index + 1 >= len(beads):
        raise NothingToMerge(index, "the last bead has no next bead to merge with")
    return _changed(beads, index, [_merged(bead, beads[index + 1])], 2)


def merge_with_previous(beads: Sequence[Span], index: int) -> Patch:
    """Merge bead ``index`` with the one before it."""
    _at(beads, index)
    if index == 0:
        raise NothingToMerge(index, "the first bead has no previous bead to merge with")
    return merge_with_next(beads, index - 1)


def split(
    beads: Sequence[Span], index: int, *, src_at: int | None = None, tgt_at: int | None = None
) -> Patch:
    """Split bead ``index`` into ``[src_start, src_at) × [tgt_start, tgt_at)`` and the rest.

    ``src_at`` and ``tgt_at`` are sentence numbers of each side where the second bead starts
    (by default: after the first sentence of each side, so a 2-2 bead becomes 1-1 and 1-1, a
    2-1 bead 1-1 and 1-0). Both beads keep the confirmed mark of the bead split.
    """
    bead = _at(beads, index)
    where = "" if src_at is None and tgt_at is None else " there"
    if src_at is None:
        src_at = bead.src_start + min(1, bead.n_src)
    if tgt_at is None:
        tgt_at = bead.tgt_start + min(1, bead.n_tgt)
    if not bead.src_start <= src_at <= bead.src_end:
        raise NotSplittable(index, f"source sentence {src_at} is outside the bead ({bead.kind})")
    if not bead.tgt_start <= tgt_at <= bead.tgt_end:
        raise NotSplittable(index, f"target sentence {tgt_at} is outside the bead ({bead.kind})")
    first = replace(bead, src_end=src_at, tgt_end=tgt_at, method=MANUAL)
    rest = replace(bead, src_start=src_at, tgt_start=tgt_at, method=MANUAL)
    if first.n_src + first.n_tgt == 0 or rest.n_src + rest.n_tgt == 0:
        raise NotSplittable(index, f"a {bead.kind} bead cannot be split{where}")
    return _changed(beads, index, [first, rest], 1)


def _grow(bead: Span, side: Side, start: int, end: int) -> Span:
    if side == "src":
        return replace(bead, src_start=start, src_end=end, method=MANUAL)
    return replace(bead, tgt_start=start, tgt_end=end, method=MANUAL)


def _bounds(bead: Span, side: Side) -> tuple[int, int]:
    return (bead.src_start, bead.src_end) if side == "src" else (bead.tgt_start, bead.tgt_end)


def _nonempty(*beads: Span) -> list[Span]:
    return [b for b in beads if b.n_src + b.n_tgt > 0]


def move_up(beads: Sequence[Span], index: int, side: Side) -> Patch:
    """Move the first ``side`` sentence of bead ``index`` to the end of the bead before it
    (a bead left with no sentence disappears)."""
    bead = _at(beads, index)
    start, end = _bounds(bead, side)
    if start == end:
        raise NothingToMove(index, f"the bead has no {_side_name(side)} sentence to move up")
    if index == 0:
        raise NothingToMove(index, "the first bead has no bead before it")
    previous = beads[index - 1]
    p_start, p_end = _bounds(previous, side)
    after = _nonempty(_grow(previous, side, p_start, p_end + 1), _grow(bead, side, start + 1, end))
    return _changed(beads, index - 1, after, 2)


def move_down(beads: Sequence[Span], index: int, side: Side) -> Patch:
    """Move the last ``side`` sentence of bead ``index`` to the start of the bead after it
    (a bead left with no sentence disappears)."""
    bead = _at(beads, index)
    start, end = _bounds(bead, side)
    if start == end:
        raise NothingToMove(index, f"the bead has no {_side_name(side)} sentence to move down")
    if index + 1 >= len(beads):
        raise NothingToMove(index, "the last bead has no bead after it")
    following = beads[index + 1]
    n_start, n_end = _bounds(following, side)
    after = _nonempty(_grow(bead, side, start, end - 1), _grow(following, side, n_start - 1, n_end))
    return _changed(beads, index, after, 2)


def unmatch(beads: Sequence[Span], index: int, side: Side, at: int | None = None) -> Patch:
    """Mark a ``side`` sentence of bead ``index`` as answering nothing: it becomes a bead of
    its own (1-0 or 0-1), before the rest of the bead when it is the bead's first sentence on
    that side, after it when it is the last. ``at``: its sentence number (default: the first).
    """
    bead = _at(beads, index)
    start, end = _bounds(bead, side)
    if start == end:
        raise NothingToMove(index, f"the bead has no {_side_name(side)} sentence")
    at = start if at is None else at
    if not start <= at < end:
        raise NothingToMove(index, f"{_side_name(side)} sentence {at} is not in the bead")
    other = bead.n_tgt if side == "src" else bead.n_src
    if end - start == 1 and other == 0:
        raise NothingToMove(index, f"the {bead.kind} bead is unmatched already")
    if at not in (start, end - 1):
        raise NotSplittable(
            index, f"{_side_name(side)} sentence {at} is inside the bead: split the bead first"
        )
    if at == start:  # the sentence goes first; the rest of the bead follows
        alone = _grow(_collapse(bead, side), side, at, at + 1)
        rest = _grow(bead, side, at + 1, end)
        pieces = [alone, rest]
    else:
        alone = _grow(_collapse(bead, side, after=True), side, at, at + 1)
        rest = _grow(bead, side, start, at)
        pieces = [rest, alone]
    return _changed(beads, index, _nonempty(*pieces), 1)


def _collapse(bead: Span, side: Side, *, after: bool = False) -> Span:
    """A bead with no sentence on the side other than ``side``: empty at the bead's start (or,
    ``after``, at its end) so the beads stay contiguous; ``side`` is set by the caller."""
    if side == "src":
        edge = bead.tgt_end if after else bead.tgt_start
        return replace(bead, tgt_start=edge, tgt_end=edge, method=MANUAL)
    edge = bead.src_end if after else bead.src_start
    return replace(bead, src_start=edge, src_end=edge, method=MANUAL)


def _side_name(side: Side) -> str:
    return "source" if side == "src" else "target"


def carry_confirmed(
    spans: Sequence[Span],
    old_src: Sequence[str],
    old_tgt: Sequence[str],
    new_src: Sequence[str],
    new_tgt: Sequence[str],
) -> list[tuple[Span, tuple[int, ...], tuple[int, ...]]]:
    """The confirmed beads of an alignment of older texts whose sentences a newer version
    still has unchanged, with the sentence numbers they have there.

    Sentences are matched by their exact text along the longest common runs of both versions
    (`difflib.SequenceMatcher`), so the beads found again stay in order and never overlap; a
    bead is kept only if every sentence of it is found, still consecutive."""
    src_map, tgt_map = _matched(old_src, new_src), _matched(old_tgt, new_tgt)
    out: list[tuple[Span, tuple[int, ...], tuple[int, ...]]] = []
    for span in spans:
        if not span.checked:
            continue
        s = _moved(src_map, span.src_start, span.src_end)
        t = _moved(tgt_map, span.tgt_start, span.tgt_end)
        if s is not None and t is not None:
            out.append((span, s, t))
    return out


def _matched(old: Sequence[str], new: Sequence[str]) -> dict[int, int]:
    from difflib import SequenceMatcher

    mapping: dict[int, int] = {}
    for block in SequenceMatcher(None, old, new, autojunk=False).get_matching_blocks():
        for k in range(block.size):
            mapping[block.a + k] = block.b + k
    return mapping


def _moved(mapping: dict[int, int], start: int, end: int) -> tuple[int, ...] | None:
    found = [mapping.get(i) for i in range(start, end)]
    if any(i is None for i in found):
        return None
    ids = tuple(i for i in found if i is not None)
    if ids and ids != tuple(range(ids[0], ids[0] + len(ids))):
        return None
    return ids


# ---------------------------------------------------------------------------------- finding


class Judged(Protocol):
    """What the jump functions read of a bead (a `Span`, or the reader's bead view)."""

    @property
    def kind(self) -> str: ...

    @property
    def score(self) -> float: ...

    @property
    def checked(self) -> bool: ...


def _next(beads: Sequence[Judged], after: int, wanted: Callable[[Judged], bool]) -> int | None:
    """The first bead after ``after`` (wrapping round to the top) that is ``wanted``."""
    n = len(beads)
    for step in range(1, n + 1):
        index = (after + step) % n
        if wanted(beads[index]):
            return index
    return None


def next_unconfirmed(beads: Sequence[Judged], after: int) -> int | None:
    """The next bead no person confirmed (wrapping round), or None when all are."""
    return _next(beads, after, lambda b: not b.checked)


def next_non_one_to_one(beads: Sequence[Judged], after: int) -> int | None:
    """The next bead that is not 1-1 (2-1, 1-0, 0-1 …), or None."""
    return _next(beads, after, lambda b: b.kind != "1-1")


def next_low_score(beads: Sequence[Judged], after: int, *, below: float = LOW_SCORE) -> int | None:
    """The next unconfirmed bead linking both sides with a score under ``below``, or None."""
    return _next(
        beads,
        after,
        lambda b: not b.checked and "0" not in b.kind.split("-") and b.score < below,
    )


def confirmed_count(beads: Iterable[Judged]) -> tuple[int, int]:
    """How many beads are confirmed, of how many."""
    flags = [b.checked for b in beads]
    return sum(flags), len(flags)


# ---------------------------------------------------------------------------------- storage


def _span(link: AlignmentLink) -> Span:
    return Span(
        link.src_start,
        link.src_end,
        link.tgt_start,
        link.tgt_end,
        score=link.score,
        method=link.method,
        checked=link.checked,
        checked_by=link.checked_by,
        checked_at=link.checked_at,
    )


def alignment_links(session: Session, alignment_id: int) -> list[AlignmentLink]:
    """The stored beads of an alignment in order."""
    return list(
        session.exec(
            select(AlignmentLink)
            .where(AlignmentLink.alignment_id == alignment_id)
            .order_by(col(AlignmentLink.position), col(AlignmentLink.id))
        ).all()
    )


def load_spans(session: Session, alignment_id: int) -> list[Span]:
    """An alignment's beads as spans, in order."""
    return [_span(link) for link in alignment_links(session, alignment_id)]


def _fill(link: AlignmentLink, span: Span, position: int) -> None:
    link.position = position
    link.src_start, link.src_end = span.src_start, span.src_end
    link.tgt_start, link.tgt_end = span.tgt_start, span.tgt_end
    link.score, link.method = span.score, span.method
    link.checked, link.checked_by, link.checked_at = span.checked, span.checked_by, span.checked_at


class StalePatch(ArchiveError):
    """The beads a patch replaces are no longer there (undo and redo name the edit)."""

    def __init__(self, alignment_id: int) -> None:
        super().__init__(f"alignment {alignment_id}: the beads changed while being edited")


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
    if [_state(_span(link)) for link in old] != [_state(b) for b in patch.before]:
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
    from archive.alignments import align_pair
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
    patch = make([_span(link) for link in links])
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
            span = _span(link)
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
    from archive.alignments import version_segments

    derive: Callable[[str], str] = str
    if version.encoding == "zawgyi":
        from archive.analysis import zawgyi_to_unicode

        derive = zawgyi_to_unicode
    return [s.derived for s in version_segments(session=session, version=version, derive=derive)]
