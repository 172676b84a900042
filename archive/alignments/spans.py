"""Bead editing as pure functions: an alignment as a list of `Span` beads, and each edit a
`Patch` (which beads at which position are replaced by which).

`apply_patch` and `invert_patch` make any sequence of edits undoable exactly. Whether a bead is
confirmed changes only when a person says so (`confirm`, `unconfirm`, `confirm_through`): the
beads an edit makes keep the confirmed mark of the bead they came from, and a merge is
confirmed only when both beads were. Beads are kept monotone and covering: bead ``k`` ends
where bead ``k + 1`` starts on each side, the first starts at 0 and the last ends at the
number of sentences (`check_spans`). `carry_confirmed` finds confirmed beads again in a new
version of a text. `archive.alignments.edits` stores these edits with their history.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any, Literal, Protocol

from sqlmodel import Session

from archive.alignments.views import alignment_links
from archive.errors import (
    BeadNotFound,
    NothingToMerge,
    NothingToMove,
    NotSplittable,
)
from archive.models import AlignmentLink, utcnow

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


# ---------------------------------------------------------------------------------- reading


def link_span(link: AlignmentLink) -> Span:
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


def load_spans(session: Session, alignment_id: int) -> list[Span]:
    """An alignment's beads as spans, in order."""
    return [link_span(link) for link in alignment_links(session, alignment_id)]
