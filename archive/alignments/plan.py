"""Planning alignments, purely: versions, their segments, the lexicons and an optional
translate function in; which pairs to align and the aligner's beads out. No session, no
database: the importer's worker processes and `archive.alignments.store.align_pair` both plan
here, so an article aligned at import and one aligned later get the same beads.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol, TypeVar

from archive.align import AlignmentResult, Bead, align_segments
from archive.alignments.lexicons import LexiconSource

#: Machine translation of source sentences into the target language (the aligner's MT signal).
Translate = Callable[[Sequence[str]], list[str]]
#: A translate function for a language pair, or None where no MT engine covers it.
TranslatorFor = Callable[[str, str], Translate | None]
#: A bead as links store it: ``(src_start, src_end, tgt_start, tgt_end, score)``.
Span = tuple[int, int, int, int, float]


class VersionLike(Protocol):
    """What choosing the pairs to align reads of a version (a stored `Version`, or a
    `VersionRef` for a record not stored yet)."""

    @property
    def id(self) -> int | None: ...

    @property
    def kind(self) -> str: ...

    @property
    def derived_from_id(self) -> int | None: ...

    @property
    def revision_of_id(self) -> int | None: ...


V = TypeVar("V", bound=VersionLike)


@dataclass(frozen=True, slots=True)
class VersionRef:
    """A version of a record that is not stored yet, as `alignment_pairs` reads it."""

    id: int
    kind: str
    derived_from_id: int | None
    revision_of_id: int | None = None


@dataclass(frozen=True, slots=True)
class SideText:
    """One side of an alignment as the aligner reads it.

    Args:
        texts: the derived (Unicode, normalised) text of each segment, in order.
        paragraphs: the paragraph index of each segment.
        language: the version's declared language (it picks the lexicon and MT engine).
        detected: the detected language, if analysis found one (the aligner prefers it).
    """

    texts: Sequence[str]
    paragraphs: Sequence[int]
    language: str
    detected: str | None = None


def alignment_pairs(versions: Sequence[V]) -> list[tuple[V, V]]:
    """Which versions of an article to align: each version with the one it derives from, and
    the original (else the first version) with every other version."""
    current = [v for v in versions if not any(o.revision_of_id == v.id for o in versions)]
    if len(current) < 2:
        return []
    by_id = {v.id: v for v in current}
    root = next((v for v in current if v.kind == "original"), current[0])
    pairs: list[tuple[V, V]] = []
    seen: set[tuple[int | None, int | None]] = set()
    for version in current:
        if version is root:
            continue
        parent = by_id.get(version.derived_from_id) if version.derived_from_id else None
        for source in (parent, root):
            if source is None or source is version:
                continue
            key = (source.id, version.id)
            if key not in seen:
                seen.add(key)
                pairs.append((source, version))
    return pairs


def plan_alignment(
    src: SideText,
    tgt: SideText,
    *,
    lexicons: LexiconSource,
    translate: Translate | None = None,
    fixed: Sequence[Bead] = (),
) -> AlignmentResult:
    """The beads of two versions: the aligner over their segments, with the learned lexicon
    of their pair from ``lexicons`` and, given ``translate``, the MT signal. ``fixed`` beads
    (those a person checked) appear unchanged."""
    return align_segments(
        src.texts,
        tgt.texts,
        src_lang=src.detected or src.language,
        tgt_lang=tgt.detected or tgt.language,
        src_paragraphs=src.paragraphs,
        tgt_paragraphs=tgt.paragraphs,
        fixed=fixed,
        lexicon=lexicons.lexicon(src.language, tgt.language),
        translate=translate,
    )


def bead_spans(beads: Sequence[Bead]) -> list[Span]:
    """Each bead as ``(src_start, src_end, tgt_start, tgt_end, score)``, as links store it
    (an empty side is an empty range where the bead sits)."""
    out = []
    src_cursor = tgt_cursor = 0
    for bead in beads:
        s0 = bead.src[0] if bead.src else src_cursor
        s1 = bead.src[-1] + 1 if bead.src else src_cursor
        t0 = bead.tgt[0] if bead.tgt else tgt_cursor
        t1 = bead.tgt[-1] + 1 if bead.tgt else tgt_cursor
        src_cursor, tgt_cursor = s1, t1
        out.append((s0, s1, t0, t1, float(bead.score)))
    return out


def span_bead(span: tuple[int, int, int, int, float], *, checked: bool = False) -> Bead:
    """A stored span as the aligner's `Bead`."""
    s0, s1, t0, t1, score = span
    return Bead(src=tuple(range(s0, s1)), tgt=tuple(range(t0, t1)), score=score, checked=checked)


@dataclass(frozen=True, slots=True)
class PlannedPair:
    """One alignment planned for a record: version indexes and the aligner's result."""

    src: int
    tgt: int
    result: AlignmentResult


def plan_record(
    versions: Sequence[VersionRef],
    sides: Callable[[int], SideText],
    *,
    lexicons: LexiconSource,
    translator_for: TranslatorFor | None = None,
) -> list[PlannedPair]:
    """The alignments `archive.alignments.store.align_article` would store for a record whose
    versions are all new (``versions[i].id == i + 1``); ``sides(i)`` gives version ``i``'s
    segments (called once per version that is aligned)."""
    texts: dict[int, SideText] = {}
    out: list[PlannedPair] = []
    for src, tgt in alignment_pairs(versions):
        s, t = src.id - 1, tgt.id - 1
        for index in (s, t):
            if index not in texts:
                texts[index] = sides(index)
        translate = translator_for(texts[s].language, texts[t].language) if translator_for else None
        result = plan_alignment(texts[s], texts[t], lexicons=lexicons, translate=translate)
        out.append(PlannedPair(s, t, result))
    return out
