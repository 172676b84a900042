"""The archive-wide learned lexicon: confident beads of every aligned article teach the aligner
word associations for their language pair, so alignment improves as the collection grows.

Like hunalign's realign, but persistent and shared by all articles: each new alignment's
confident beads (and every bead a person checked) are learned once, when the alignment is
first stored, on top of the shipped seed lexicon. The same beads teach the pair's length
ratio in this archive (characters of English per character of the other language), which
the aligner blends with each document's own ratio.
"""

from __future__ import annotations

import logging
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence

from sqlmodel import Session, col, select

from archive.align.lexicon import Lexicon
from archive.alignments.lexicons import (
    DatabaseLexicons,
    LexiconCache,
    LexiconSource,
    Pair,
    lexicon_pair,
    lexicon_row,
    with_length_ratio,
)
from archive.alignments.plan import Span
from archive.alignments.views import version_segments
from archive.models import Alignment, AlignmentLink, LearnedLexicon, Version, utcnow

log = logging.getLogger(__name__)

# A bead is learned from when its score is at least this, or when a person checked it.
CONFIDENT = 0.8

Counts = dict[tuple[str, str], float]
#: What one alignment teaches the archive-wide lexicon: (lexicon pair, counts, beads learned,
#: characters of each side of those beads).
Learned = tuple[Pair, Counts, int, tuple[float, float]]
# Expected counts below this are not kept from one batch of beads (the stored lexicon keeps
# entries of at least 0.3 in all: a link this weak in one article rarely adds up to that).
MIN_COUNT = 0.1


def learnable_pairs(
    *,
    src_lang: str,
    tgt_lang: str,
    src_texts: Sequence[str],
    tgt_texts: Sequence[str],
    beads: Iterable[tuple[int, int, int, int, float, bool]],
) -> tuple[Pair, list[tuple[str, str]]] | None:
    """The (non-English, English) sentence pairs an alignment teaches its lexicon pair.

    Args:
        src_texts, tgt_texts: the derived text of each segment of the two versions.
        beads: ``(src_start, src_end, tgt_start, tgt_end, score, checked)`` per bead; the
            confident (or checked) ones with both sides non-empty are learned.

    Returns:
        ``(lexicon pair, [(source text, English text), ...])``, or None when the versions
        have no lexicon pair (neither or both English).
    """
    pair = lexicon_pair(src_lang, tgt_lang)
    if pair is None:
        return None
    english_is_src = src_lang.split("-")[0] == "en"
    out: list[tuple[str, str]] = []
    for s0, s1, t0, t1, score, checked in beads:
        if s1 == s0 or t1 == t0 or not (score >= CONFIDENT or checked):
            continue
        s = " ".join(src_texts[s0:s1])
        t = " ".join(tgt_texts[t0:t1])
        out.append((t, s) if english_is_src else (s, t))
    return pair, out


def expected_counts(prior: Lexicon, text_pairs: Sequence[tuple[str, str]]) -> Counts:
    """What learning these (source, English) pairs adds to the lexicon ``prior`` started
    from (IBM Model 1 expected counts; links below `MIN_COUNT` left out)."""
    tokenised = [(prior.units(s), prior.words(t)) for s, t in text_pairs]
    return prior.expected_counts(tokenised, min_count=MIN_COUNT)


def text_lengths(text_pairs: Sequence[tuple[str, str]]) -> tuple[float, float]:
    """Characters (spaces left out, as the aligner counts them) of each side of these
    (source, English) pairs."""
    return (
        float(sum(len(s.replace(" ", "")) for s, _ in text_pairs)),
        float(sum(len(t.replace(" ", "")) for _, t in text_pairs)),
    )


def lesson(
    *,
    src_lang: str,
    tgt_lang: str,
    src_texts: Sequence[str],
    tgt_texts: Sequence[str],
    spans: Sequence[Span],
    lexicons: LexiconSource,
) -> Learned | None:
    """What a new (unchecked) alignment teaches its lexicon pair, as `learn_from_alignments`
    would learn it from the stored beads; None for a pair with no lexicon. Pure: the prior
    comes from ``lexicons``."""
    found = learnable_pairs(
        src_lang=src_lang,
        tgt_lang=tgt_lang,
        src_texts=src_texts,
        tgt_texts=tgt_texts,
        beads=[(*span, False) for span in spans],
    )
    if found is None:
        return None
    pair, text_pairs = found
    counts = expected_counts(lexicons.prior(pair), text_pairs) if text_pairs else {}
    return pair, counts, len(text_pairs), text_lengths(text_pairs)


class PendingCounts:
    """Counts learned from new alignments but not yet stored, per lexicon pair.

    The import adds the counts its workers computed as it stores each article, and stores
    them all at once every few hundred articles (`store`): cheap per article, and a killed
    import loses only what it learned since the last store (the articles themselves are safe).
    What it stored stays parsed in ``cache`` for the next batch.
    """

    def __init__(self, cache: LexiconCache | None = None) -> None:
        self.cache = cache if cache is not None else LexiconCache()
        self.counts: dict[Pair, Counts] = {}
        self.beads: Counter[Pair] = Counter()
        self.chars: dict[Pair, tuple[float, float]] = {}
        self.alignments = 0

    def __len__(self) -> int:
        """How many alignments the pending counts came from."""
        return self.alignments

    def add(
        self,
        pair: Pair,
        counts: Mapping[tuple[str, str], float],
        beads: int,
        chars: tuple[float, float] = (0.0, 0.0),
    ) -> None:
        """Add one alignment's counts (of ``beads`` learned beads) for ``pair``, and the
        characters of each side of those beads (`text_lengths`)."""
        into = self.counts.setdefault(pair, {})
        for key, c in counts.items():
            into[key] = into.get(key, 0.0) + c
        self.beads[pair] += beads
        src, tgt = self.chars.get(pair, (0.0, 0.0))
        self.chars[pair] = (src + chars[0], tgt + chars[1])
        self.alignments += 1

    def store(self, session: Session) -> int:
        """Add the pending counts to the stored lexicons; returns how many beads they came from.

        The counts stay pending (call `clear` once the transaction committed). Each pair's row
        is read again here, so counts another importer stored meanwhile are kept: only the
        pending difference is added.
        """
        lexicons = DatabaseLexicons(session, self.cache)
        learned = 0
        for pair, counts in self.counts.items():
            if not counts and not self.beads[pair]:
                continue
            row = lexicon_row(session, pair)
            kept = self.cache.take(row) if row is not None else None
            if kept is not None:
                # What this cache stored last, already pruned: only the units these counts
                # touch can change, so only they are pruned again (the same result as pruning
                # everything, at a fraction of the cost on a large lexicon).
                pruned = _add_pruned(kept, counts)
            else:
                lexicon = lexicons.prior(pair, take=True)
                lexicon.add_counts(counts)
                pruned = lexicon.pruned()
            if row is None:
                row = LearnedLexicon(src_lang=pair[0], tgt_lang=pair[1], counts="")
            row.counts = pruned.to_tsv()
            row.beads_learned += self.beads[pair]
            src_chars, tgt_chars = self.chars.get(pair, (0.0, 0.0))
            row.src_chars = (row.src_chars or 0.0) + src_chars
            row.tgt_chars = (row.tgt_chars or 0.0) + tgt_chars
            row.updated_at = utcnow()
            session.add(row)
            session.flush()
            self.cache.remember(row, with_length_ratio(pruned, row))
            learned += self.beads[pair]
            log.info("lexicon %s-%s learned %d beads", pair[0], pair[1], self.beads[pair])
        return learned

    def clear(self) -> None:
        """Forget the pending counts (once stored, or when they could not be)."""
        self.counts.clear()
        self.beads.clear()
        self.chars.clear()
        self.alignments = 0


def learn_from_alignments(
    *, session: Session, alignment_ids: Iterable[int], cache: LexiconCache | None = None
) -> int:
    """Learn the confident beads of these stored alignments into their pairs' lexicons.

    Machine versions are never learned from (they would teach the MT engine's habits).
    Returns how many beads were learned.
    """
    by_pair: dict[Pair, list[tuple[str, str]]] = defaultdict(list)
    for alignment_id in alignment_ids:
        alignment = session.get(Alignment, alignment_id)
        if alignment is None:
            continue
        src = session.get(Version, alignment.src_version_id)
        tgt = session.get(Version, alignment.tgt_version_id)
        if src is None or tgt is None or "machine" in (src.kind, tgt.kind):
            continue
        if lexicon_pair(src.language, tgt.language) is None:
            continue
        links = session.exec(
            select(AlignmentLink)
            .where(AlignmentLink.alignment_id == alignment_id)
            .where((col(AlignmentLink.score) >= CONFIDENT) | col(AlignmentLink.checked))
        ).all()
        found = learnable_pairs(
            src_lang=src.language,
            tgt_lang=tgt.language,
            src_texts=[s.derived for s in version_segments(session=session, version=src)],
            tgt_texts=[s.derived for s in version_segments(session=session, version=tgt)],
            beads=[
                (x.src_start, x.src_end, x.tgt_start, x.tgt_end, x.score, x.checked) for x in links
            ],
        )
        if found is not None:
            by_pair[found[0]].extend(found[1])
    pending = PendingCounts(cache)
    lexicons = DatabaseLexicons(session, pending.cache)
    for pair, text_pairs in by_pair.items():
        pending.add(
            pair,
            expected_counts(lexicons.prior(pair), text_pairs),
            len(text_pairs),
            text_lengths(text_pairs),
        )
    return pending.store(session)


def _add_pruned(lexicon: Lexicon, counts: Mapping[tuple[str, str], float]) -> Lexicon:
    """``lexicon.add_counts(counts)`` then ``.pruned()``, for a ``lexicon`` that is itself the
    result of ``pruned()``: pruning leaves an already pruned unit as it is, so only the units
    ``counts`` touch are pruned (changes ``lexicon`` in place and returns it)."""
    lexicon.add_counts(counts)
    touched = dict.fromkeys(u for u, _ in counts)
    rows = Lexicon(lexicon.src_lang, lexicon.tgt_lang, {u: lexicon.counts[u] for u in touched})
    pruned = rows.pruned().counts
    for unit in touched:
        if unit in pruned:
            lexicon.counts[unit] = pruned[unit]
        else:
            del lexicon.counts[unit]
    return lexicon
