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

        cached = with_length_ratio(Lexicon.from_tsv(row.counts, pair[0], pair[1]), row)
        _cache.clear()  # one pair at a time is what import and align use
        _cache[key] = cached
    return cached


Counts = dict[tuple[str, str], float]
#: Characters of learned text (the non-English side) before the archive's length ratio is used:
#: about fifty sentences, so one odd article cannot set it.
MIN_RATIO_CHARS = 2000.0
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
) -> tuple[tuple[str, str], list[tuple[str, str]]] | None:
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
    english_is_src = src_lang.split("-")[0] == PIVOT
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


def learned_ratio(row: LearnedLexicon) -> float | None:
    """The length ratio a lexicon row learned (English per source character), or None while
    it learned too little text to tell."""
    enough = row.src_chars >= MIN_RATIO_CHARS and row.tgt_chars > 0
    return row.tgt_chars / row.src_chars if enough else None


def with_length_ratio(lexicon: Lexicon, row: LearnedLexicon) -> Lexicon:
    """``lexicon`` with the length ratio its row learned (`learned_ratio`)."""
    lexicon.length_ratio = learned_ratio(row)
    return lexicon


def starting_lexicon(session: Session, pair: tuple[str, str], *, take: bool = False) -> Lexicon:
    """The lexicon learning starts from: the stored one, else the shipped seed, else empty.

    With ``take``, the caller may change the lexicon (it is not kept for the next caller).
    """
    row = _row(session, pair)
    if row is not None:
        return _row_lexicon(row, take=take)
    seed = seed_lexicon(pair)
    if not take:
        return seed
    from archive.align.lexicon import Lexicon

    return Lexicon(seed.src_lang, seed.tgt_lang, seed.counts, dictionary=seed.dictionary)


_seeds: dict[tuple[str, str], Lexicon] = {}


def seed_lexicon(pair: tuple[str, str]) -> Lexicon:
    """The shipped seed lexicon of a lexicon pair (empty if none ships), read once per process
    and shared: callers must not change it (`starting_lexicon` with ``take`` gives a copy)."""
    found = _seeds.get(pair)
    if found is None:
        from archive.align.lexicon import Lexicon, load_seed_lexicon

        found = _seeds[pair] = load_seed_lexicon(*pair) or Lexicon(*pair)
    return found


class PendingCounts:
    """Counts learned from new alignments but not yet stored, per lexicon pair.

    The import adds the counts its workers computed as it stores each article, and stores
    them all at once every few hundred articles (`store`): cheap per article, and a killed
    import loses only what it learned since the last store (the articles themselves are safe).
    """

    def __init__(self) -> None:
        self.counts: dict[tuple[str, str], Counts] = {}
        self.beads: Counter[tuple[str, str]] = Counter()
        self.chars: dict[tuple[str, str], tuple[float, float]] = {}
        self.alignments = 0

    def __len__(self) -> int:
        """How many alignments the pending counts came from."""
        return self.alignments

    def add(
        self,
        pair: tuple[str, str],
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
        learned = 0
        for pair, counts in self.counts.items():
            if not counts and not self.beads[pair]:
                continue
            row = _row(session, pair)
            kept = _stored.pop(_state(row), None) if row is not None else None
            if kept is not None:
                # What this process stored last, already pruned: only the units these counts
                # touch can change, so only they are pruned again (the same result as pruning
                # everything, at a fraction of the cost on a large lexicon).
                pruned = _add_pruned(kept, counts)
            else:
                lexicon = starting_lexicon(session, pair, take=True)
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
            _remember(row, with_length_ratio(pruned, row))
            learned += self.beads[pair]
            log.info("lexicon %s-%s learned %d beads", pair[0], pair[1], self.beads[pair])
        return learned

    def clear(self) -> None:
        """Forget the pending counts (once stored, or when they could not be)."""
        self.counts.clear()
        self.beads.clear()
        self.chars.clear()
        self.alignments = 0


def learn_from_alignments(*, session: Session, alignment_ids: Iterable[int]) -> int:
    """Learn the confident beads of these stored alignments into their pairs' lexicons.

    Machine versions are never learned from (they would teach the MT engine's habits).
    Returns how many beads were learned.
    """
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
    pending = PendingCounts()
    for pair, text_pairs in by_pair.items():
        pending.add(
            pair,
            expected_counts(starting_lexicon(session, pair), text_pairs),
            len(text_pairs),
            text_lengths(text_pairs),
        )
    return pending.store(session)


def _row(session: Session, pair: tuple[str, str]) -> LearnedLexicon | None:
    return session.exec(
        select(LearnedLexicon).where(
            LearnedLexicon.src_lang == pair[0], LearnedLexicon.tgt_lang == pair[1]
        )
    ).first()


# The lexicons this process read or stored last, by what identifies their row's state, so
# that the next batch of learning need not parse the TSV again. Taken out by a caller that
# changes it, put back under the new state after storing.
_stored: dict[tuple[int | None, int, int], Lexicon] = {}  # by `_state`


def _state(row: LearnedLexicon) -> tuple[int | None, int, int]:
    """What identifies a stored lexicon row's content: another importer's store changes it,
    and the row of another archive opened by this process differs in it."""
    return (row.id, row.beads_learned, hash(row.counts))


def _row_lexicon(row: LearnedLexicon, *, take: bool) -> Lexicon:
    key = _state(row)
    found = _stored.pop(key, None) if take else _stored.get(key)
    if found is not None:
        return found
    from archive.align.lexicon import Lexicon

    lexicon = with_length_ratio(Lexicon.from_tsv(row.counts, row.src_lang, row.tgt_lang), row)
    if not take:
        _remember(row, lexicon)
    return lexicon


def _remember(row: LearnedLexicon, lexicon: Lexicon) -> None:
    if len(_stored) > 32:
        _stored.clear()
    _stored[_state(row)] = lexicon


def _add_pruned(lexicon: Lexicon, counts: Mapping[tuple[str, str], float]) -> Lexicon:
    """``lexicon.add_counts(counts)`` then ``.pruned()``, for a ``lexicon`` that is itself the
    result of ``pruned()``: pruning leaves an already pruned unit as it is, so only the units
    ``counts`` touch are pruned (changes ``lexicon`` in place and returns it)."""
    from archive.align.lexicon import Lexicon

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
