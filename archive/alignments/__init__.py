"""Alignments of stored versions: planning them (pure), storing them, reading them back, the
edits a person makes, and the archive-wide lexicon that confident beads teach.

    plan.py      versions + segments + lexicons (+ a translate function) → beads; no database
    store.py     `store_alignment` (the one writer of beads), `align_pair`, `align_article`
    lexicons.py  where lexicons come from: the database, or a snapshot for import workers
    learning.py  confident beads → learned lexicon counts, stored in batches
    views.py     segments with their text; an alignment bead by bead (`get_alignment`)
    spans.py     bead edits as pure patches over spans (undoable exactly)
    edits.py     those edits stored with their history: confirm, merge, split, move, unmatch,
                 re-align around confirmed beads, undo, redo

The aligner itself (`archive.align`) works on plain lists of strings; this package feeds it the
derived (Unicode, normalised) text of each version's segments and stores its beads as
`AlignmentLink` rows over segment sequence numbers.
"""

from __future__ import annotations

from archive.alignments.edits import realign, set_checked
from archive.alignments.learning import PendingCounts, learn_from_alignments
from archive.alignments.lexicons import (
    DatabaseLexicons,
    LexiconCache,
    LexiconSource,
    SnapshotLexicons,
    lexicon_pair,
)
from archive.alignments.plan import (
    SideText,
    Translate,
    TranslatorFor,
    VersionRef,
    alignment_pairs,
    bead_spans,
    plan_alignment,
    plan_record,
)
from archive.alignments.store import (
    align_article,
    align_pair,
    align_versions_of,
    store_alignment,
)
from archive.alignments.views import (
    BY_CONSTRUCTION,
    AlignmentView,
    BeadView,
    SegmentText,
    article_alignments,
    compare_article,
    get_alignment,
    link_to_bead,
    version_segments,
)

__all__ = [
    "BY_CONSTRUCTION",
    "AlignmentView",
    "BeadView",
    "DatabaseLexicons",
    "LexiconCache",
    "LexiconSource",
    "PendingCounts",
    "SegmentText",
    "SideText",
    "SnapshotLexicons",
    "Translate",
    "TranslatorFor",
    "VersionRef",
    "align_article",
    "align_pair",
    "align_versions_of",
    "alignment_pairs",
    "article_alignments",
    "bead_spans",
    "compare_article",
    "get_alignment",
    "learn_from_alignments",
    "lexicon_pair",
    "link_to_bead",
    "plan_alignment",
    "plan_record",
    "realign",
    "set_checked",
    "store_alignment",
    "version_segments",
]
