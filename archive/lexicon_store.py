"""The archive-wide learned lexicon: confident beads of every aligned article teach the aligner
word associations for their language pair, so alignment improves as the collection grows.

Like hunalign's realign, but persistent and shared by all articles: each new alignment's
confident beads (and every bead a person checked) are learned once, when the alignment is
first stored, on top of the shipped seed lexicon.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Iterable
from typing import TYPE_CHECKING

from sqlmodel import Session, col, select

from archive.models import Alignment, AlignmentLink, LearnedLexicon, Version, utcnow

if TYPE_CHECKING:
    from archive.align.lexicon import Lexicon

log = logging.getLogger(__name__)

# A bead is learned from when its score is at least this, or when a person checked it.
CONFIDENT = 0.8
PIVOT = "en"

_cache: dict[tuple[str, str, str], Lexicon] = {}


def lexicon_pair(src_lang: str, tgt_lang: str) -> tuple[str, str] | None:
    """The lexicon's orientation for an aligned pair: the non-English language → English."""
    src, tgt = src_lang.split("-")[0], tgt_lang.split("-")[0]
    if tgt == PIVOT and src != PIVOT:
        return src_lang, PIVOT
    if src == PIVOT and tgt != PIVOT:
        return tgt_lang, PIVOT
    return None


def load_lexicon(*, session: Session, src_lang: str, tgt_lang: str) -> Lexicon | None:
    """The learned lexicon for an aligned pair, or None (the aligner then uses its seed)."""
    pair = lexicon_pair(src_lang, tgt_lang)
    if pair is None:
        return None
    row = session.exec(
        select(LearnedLexicon).where(
            LearnedLexicon.src_lang == pair[0], LearnedLexicon.tgt_lang == pair[1]
        )
    ).first()
    if row is None:
        return None
    key = (pair[0], pair[1], f"{row.id}:{row.beads_learned}:{row.updated_at}")
    cached = _cache.get(key)
    if cached is None:
        from archive.align.lexicon import Lexicon

        cached = Lexicon.from_tsv(row.counts, pair[0], pair[1])
        _cache.clear()  # one pair at a time is what import and align use
        _cache[key] = cached
    return cached


def learn_from_alignments(*, session: Session, alignment_ids: Iterable[int]) -> int:
    """Learn the confident beads of these alignments into their pairs' lexicons.

    Machine versions are never learned from (they would teach the MT engine's habits).
    Returns how many beads were learned.
    """
    from archive.align.lexicon import Lexicon, load_seed_lexicon
    from archive.alignments import version_segments

    by_pair: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)
    for alignment_id in alignment_ids:
        alignment = session.get(Alignment, alignment_id)
        if alignment is None:
            continue
        src = session.get(Version, alignment.src_version_id)
        tgt = session.get(Version, alignment.tgt_version_id)
        if src is None or tgt is None or "machine" in (src.kind, tgt.kind):
            continue
        pair = lexicon_pair(src.language, tgt.language)
        if pair is None:
            continue
        english_is_src = src.language.split("-")[0] == PIVOT
        src_text = [s.derived for s in version_segments(session=session, version=src)]
        tgt_text = [s.derived for s in version_segments(session=session, version=tgt)]
        links = session.exec(
            select(AlignmentLink)
            .where(AlignmentLink.alignment_id == alignment_id)
            .where((col(AlignmentLink.score) >= CONFIDENT) | col(AlignmentLink.checked))
        ).all()
        for link in links:
            if link.src_end == link.src_start or link.tgt_end == link.tgt_start:
                continue
            s = " ".join(src_text[link.src_start : link.src_end])
            t = " ".join(tgt_text[link.tgt_start : link.tgt_end])
            by_pair[pair].append((t, s) if english_is_src else (s, t))
    learned = 0
    for (lang, pivot), pairs in by_pair.items():
        row = session.exec(
            select(LearnedLexicon).where(
                LearnedLexicon.src_lang == lang, LearnedLexicon.tgt_lang == pivot
            )
        ).first()
        if row is not None:
            lexicon = Lexicon.from_tsv(row.counts, lang, pivot)
        else:
            lexicon = load_seed_lexicon(lang, pivot) or Lexicon(lang, pivot)
        lexicon.learn(pairs)
        counts = lexicon.pruned().to_tsv()
        if row is None:
            row = LearnedLexicon(src_lang=lang, tgt_lang=pivot, counts=counts)
        row.counts = counts
        row.beads_learned += len(pairs)
        row.updated_at = utcnow()
        session.add(row)
        learned += len(pairs)
        log.info("lexicon %s-%s learned %d beads", lang, pivot, len(pairs))
    session.flush()
    return learned
