"""Where the aligner's lexicons come from: the archive's learned lexicons, read from the
database or from a snapshot taken when an import began, on top of the shipped seeds.

Both sources answer the same two questions (`LexiconSource`): which learned lexicon aligns a
pair of languages, and which lexicon learning starts from. Every parsed lexicon is kept by a
`LexiconCache` that the caller owns (an import, a command, a test) and drops with it: nothing
here is kept at module level, so nothing outlives the archive it was read from.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

from sqlmodel import Session, select

from archive.align.lexicon import Lexicon, load_seed_lexicon
from archive.models import LearnedLexicon

PIVOT = "en"
#: Characters of learned text (the non-English side) before the archive's length ratio is used:
#: about fifty sentences, so one odd article cannot set it.
MIN_RATIO_CHARS = 2000.0

Pair = tuple[str, str]
#: The learned lexicons of an archive as plain values: (language, pivot) → (TSV counts, learned
#: length ratio). What worker processes get.
Snapshot = dict[Pair, tuple[str, float | None]]
#: What identifies a stored lexicon row's content (`row_state`).
RowState = tuple[int | None, int, int]


def lexicon_pair(src_lang: str, tgt_lang: str) -> Pair | None:
    """The lexicon's orientation for an aligned pair: the non-English language → English."""
    src, tgt = src_lang.split("-")[0], tgt_lang.split("-")[0]
    if tgt == PIVOT and src != PIVOT:
        return src_lang, PIVOT
    if src == PIVOT and tgt != PIVOT:
        return tgt_lang, PIVOT
    return None


def learned_ratio(row: LearnedLexicon) -> float | None:
    """The length ratio a lexicon row learned (English per source character), or None while
    it learned too little text to tell."""
    enough = row.src_chars >= MIN_RATIO_CHARS and row.tgt_chars > 0
    return row.tgt_chars / row.src_chars if enough else None


def with_length_ratio(lexicon: Lexicon, row: LearnedLexicon) -> Lexicon:
    """``lexicon`` with the length ratio its row learned (`learned_ratio`)."""
    lexicon.length_ratio = learned_ratio(row)
    return lexicon


def row_state(row: LearnedLexicon) -> RowState:
    """What identifies a stored lexicon row's content: another importer's store changes it,
    and the row of another archive differs in it."""
    return (row.id, row.beads_learned, hash(row.counts))


def lexicon_row(session: Session, pair: Pair) -> LearnedLexicon | None:
    """The stored lexicon row of a lexicon pair, if the archive learned one."""
    return session.exec(
        select(LearnedLexicon).where(
            LearnedLexicon.src_lang == pair[0], LearnedLexicon.tgt_lang == pair[1]
        )
    ).first()


class LexiconSource(Protocol):
    """What the aligner and lexicon learning read lexicons from."""

    def lexicon(self, src_lang: str, tgt_lang: str) -> Lexicon | None:
        """The learned lexicon for an aligned pair, or None (the aligner then uses its seed)."""
        ...

    def prior(self, pair: Pair) -> Lexicon:
        """The lexicon learning starts from: the learned one, else the shipped seed, else
        empty. Shared: callers must not change it."""
        ...


@dataclass
class LexiconCache:
    """Parsed lexicons and shipped seeds, kept for as long as its owner (an import, a command).

    Parsing a learned lexicon's TSV costs ~0.1 s per 10^5 entries, so the lexicons read or
    stored last are kept by their row's state (`row_state`); a lexicon taken to be changed
    (`take`) leaves the cache and is put back under its new state once stored (`remember`).
    """

    limit: int = 32
    _rows: dict[RowState, Lexicon] = field(default_factory=dict)
    _seeds: dict[Pair, Lexicon] = field(default_factory=dict)

    def seed(self, pair: Pair) -> Lexicon:
        """The shipped seed lexicon of a lexicon pair (empty if none ships), read once; callers
        must not change it (`fresh_seed` gives a copy)."""
        found = self._seeds.get(pair)
        if found is None:
            found = self._seeds[pair] = load_seed_lexicon(*pair) or Lexicon(*pair)
        return found

    def fresh_seed(self, pair: Pair) -> Lexicon:
        """A copy of the seed lexicon that the caller may change."""
        seed = self.seed(pair)
        return Lexicon(seed.src_lang, seed.tgt_lang, seed.counts, dictionary=seed.dictionary)

    def row_lexicon(self, row: LearnedLexicon, *, take: bool = False) -> Lexicon:
        """The parsed lexicon of a stored row; with ``take`` the caller may change it (it
        leaves the cache)."""
        key = row_state(row)
        found = self._rows.pop(key, None) if take else self._rows.get(key)
        if found is not None:
            return found
        lexicon = with_length_ratio(Lexicon.from_tsv(row.counts, row.src_lang, row.tgt_lang), row)
        if not take:
            self.remember(row, lexicon)
        return lexicon

    def take(self, row: LearnedLexicon) -> Lexicon | None:
        """The parsed lexicon of this row's state, taken out of the cache, if it is held."""
        return self._rows.pop(row_state(row), None)

    def peek(self, state: RowState) -> Lexicon | None:
        """The lexicon held for a row state, if any (left in the cache)."""
        return self._rows.get(state)

    def remember(self, row: LearnedLexicon, lexicon: Lexicon) -> None:
        """Keep ``lexicon`` as the parsed form of ``row`` as it stands now."""
        if len(self._rows) >= self.limit:
            self._rows.clear()
        self._rows[row_state(row)] = lexicon


class DatabaseLexicons:
    """The learned lexicons as stored now, read through ``session``; parsed ones are kept in
    ``cache`` (pass the same cache to the next session's source to reuse them)."""

    def __init__(self, session: Session, cache: LexiconCache | None = None) -> None:
        self.session = session
        self.cache = cache if cache is not None else LexiconCache()

    def lexicon(self, src_lang: str, tgt_lang: str) -> Lexicon | None:
        """The learned lexicon for an aligned pair, or None."""
        pair = lexicon_pair(src_lang, tgt_lang)
        if pair is None:
            return None
        row = lexicon_row(self.session, pair)
        return None if row is None else self.cache.row_lexicon(row)

    def prior(self, pair: Pair, *, take: bool = False) -> Lexicon:
        """The lexicon learning starts from; with ``take`` the caller may change it."""
        row = lexicon_row(self.session, pair)
        if row is not None:
            return self.cache.row_lexicon(row, take=take)
        return self.cache.fresh_seed(pair) if take else self.cache.seed(pair)

    def snapshot(self) -> Snapshot:
        """Every learned lexicon of the archive as plain values (`SnapshotLexicons`)."""
        rows = self.session.exec(select(LearnedLexicon)).all()
        return {(r.src_lang, r.tgt_lang): (r.counts, learned_ratio(r)) for r in rows}


class SnapshotLexicons:
    """The learned lexicons as they stood when a snapshot was taken (an import's start): what
    the importer's worker processes align and learn with, whatever the import learns meanwhile.

    Parsed lexicons are kept by this object; forked workers share what the importing process
    parsed before the fork. Pickled (spawned workers), only the snapshot travels.
    """

    def __init__(self, snapshot: Snapshot, cache: LexiconCache | None = None) -> None:
        self.snapshot = snapshot
        self.cache = cache if cache is not None else LexiconCache()
        self._parsed: dict[Pair, Lexicon] = {}

    def __getstate__(self) -> Snapshot:
        return self.snapshot

    def __setstate__(self, state: Snapshot) -> None:
        self.__init__(state)  # type: ignore[misc]

    def lexicon(self, src_lang: str, tgt_lang: str) -> Lexicon | None:
        """The snapshot's learned lexicon for an aligned pair, or None."""
        pair = lexicon_pair(src_lang, tgt_lang)
        if pair is None or pair not in self.snapshot:
            return None
        found = self._parsed.get(pair)
        if found is None:
            counts, ratio = self.snapshot[pair]
            found = self._parsed[pair] = Lexicon.from_tsv(counts, pair[0], pair[1])
            found.length_ratio = ratio
        return found

    def prior(self, pair: Pair) -> Lexicon:
        """The lexicon learning starts from, as the database held it at the snapshot."""
        found = self.lexicon(*pair)
        return found if found is not None else self.cache.seed(pair)
