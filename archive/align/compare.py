"""What the translation adds, drops or changes, read off an alignment."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from archive.align.numbers import numbers
from archive.align.pipeline import Bead

__all__ = ["ComparisonReport", "NumberMismatch", "compare_alignment"]


@dataclass(frozen=True, slots=True)
class NumberMismatch:
    """An aligned bead whose two sides write different numbers."""

    src: tuple[int, ...]
    tgt: tuple[int, ...]
    src_only: tuple[str, ...]
    tgt_only: tuple[str, ...]

    def to_json(self) -> dict[str, object]:
        """``{"src", "tgt", "src_only", "tgt_only"}``."""
        return {
            "src": list(self.src),
            "tgt": list(self.tgt),
            "src_only": list(self.src_only),
            "tgt_only": list(self.tgt_only),
        }


@dataclass(frozen=True, slots=True)
class ComparisonReport:
    """The archivist's summary of an alignment.

    Attributes:
        carried: share of source segments linked to some target segment (0..1).
        dropped: source segments the translation leaves out (1-0 beads).
        added: target segments with no source (0-1 beads).
        merged: beads joining several segments on either side.
        number_mismatches: linked beads whose numbers disagree (normalised across scripts).
    """

    carried: float
    dropped: tuple[int, ...]
    added: tuple[int, ...]
    merged: tuple[Bead, ...]
    number_mismatches: tuple[NumberMismatch, ...]

    def to_json(self) -> dict[str, object]:
        """The report as plain JSON types."""
        return {
            "carried": round(self.carried, 4),
            "dropped": list(self.dropped),
            "added": list(self.added),
            "merged": [{"src": list(b.src), "tgt": list(b.tgt)} for b in self.merged],
            "number_mismatches": [x.to_json() for x in self.number_mismatches],
        }


def compare_alignment(
    src: Sequence[str], tgt: Sequence[str], beads: Sequence[Bead]
) -> ComparisonReport:
    """Compare two aligned texts: what is carried, dropped, added, and where numbers differ.

    Numbers are compared as multisets of normalised values (``၄၅၃`` equals ``453``;
    ``1,500`` equals ``1 500``), so ``453`` against ``435`` is reported.
    """
    dropped: list[int] = []
    added: list[int] = []
    merged: list[Bead] = []
    mismatches: list[NumberMismatch] = []
    carried = 0
    for bead in beads:
        if bead.src and not bead.tgt:
            dropped.extend(bead.src)
            continue
        if bead.tgt and not bead.src:
            added.extend(bead.tgt)
            continue
        carried += len(bead.src)
        if len(bead.src) > 1 or len(bead.tgt) > 1:
            merged.append(bead)
        src_nums = Counter(n for i in bead.src for n in numbers(src[i]))
        tgt_nums = Counter(n for j in bead.tgt for n in numbers(tgt[j]))
        if src_nums != tgt_nums:
            mismatches.append(
                NumberMismatch(
                    bead.src,
                    bead.tgt,
                    tuple(sorted((src_nums - tgt_nums).elements())),
                    tuple(sorted((tgt_nums - src_nums).elements())),
                )
            )
    share = carried / len(src) if src else 1.0
    return ComparisonReport(share, tuple(dropped), tuple(added), tuple(merged), tuple(mismatches))
