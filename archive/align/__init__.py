"""Sentence alignment of an original and its (rewritten) translation: beads, scores, lexicons.

The one call most code needs is `align_segments`; `compare_alignment` answers what the
translation adds, drops or changes; `Lexicon` holds learned word associations.
"""

from __future__ import annotations

from archive.align.compare import ComparisonReport, compare_alignment
from archive.align.config import ScoringConfig, Signals
from archive.align.galechurch import align_gale_church
from archive.align.lexicon import Lexicon, load_seed_lexicon
from archive.align.pipeline import VERSION, Aligner, AlignmentResult, Bead, align_segments

__all__ = [
    "VERSION",
    "Aligner",
    "AlignmentResult",
    "Bead",
    "ComparisonReport",
    "Lexicon",
    "ScoringConfig",
    "Signals",
    "align_gale_church",
    "align_segments",
    "compare_alignment",
    "load_seed_lexicon",
]
