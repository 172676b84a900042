"""The archive-wide learned lexicon's pending counts: stored in batches, merged with what another
importer stored meanwhile, and pruned incrementally exactly as pruning everything would."""

from __future__ import annotations

import random
import sqlite3
from collections.abc import Mapping
from pathlib import Path

import pytest
from sqlmodel import Session

import archive.alignments.learning as store
from archive.align.lexicon import Lexicon
from archive.alignments.learning import PendingCounts
from archive.alignments.lexicons import DatabaseLexicons, LexiconCache
from archive.db import Archive

# No seed lexicon ships for this pair, so learning starts from nothing.
PAIR = ("xx", "en")


def stored(db: Path) -> tuple[str, int]:
    conn = sqlite3.connect(db)
    try:
        ((counts, beads),) = conn.execute(
            "SELECT counts, beads_learned FROM learnedlexicon WHERE src_lang = 'xx'"
        ).fetchall()
        return counts, beads
    finally:
        conn.close()


def store_pending(archive: Archive, pending: PendingCounts) -> int:
    with Session(archive.engine) as session, session.begin():
        learned = pending.store(session)
    pending.clear()
    return learned


def test_pending_counts_add_up_and_are_stored_pruned(archive: Archive, db_path: Path) -> None:
    pending = PendingCounts()
    pending.add(PAIR, {("ka", "cat"): 0.75, ("ka", "the"): 0.2}, 2)
    pending.add(PAIR, {("ka", "cat"): 0.5, ("nu", "dog"): 0.25}, 1)
    assert 2 == len(pending)
    assert 3 == store_pending(archive, pending)
    # 0.2 and 0.25 are below what the stored lexicon keeps (0.3).
    assert ("ka\tcat\t1.25\n", 3) == stored(db_path)
    assert 0 == len(pending)


def test_counts_another_importer_stored_meanwhile_are_kept(archive: Archive, db_path: Path) -> None:
    ours = PendingCounts()
    ours.add(PAIR, {("ka", "cat"): 1.0}, 1)
    store_pending(archive, ours)
    # Another importer (another process: its own cache) adds to the same row meanwhile.
    conn = sqlite3.connect(db_path)
    with conn:
        conn.execute(
            "UPDATE learnedlexicon SET counts = ?, beads_learned = beads_learned + 4 "
            "WHERE src_lang = 'xx'",
            ("ka\tcat\t3\nmi\tfish\t2\n",),
        )
    conn.close()
    ours.add(PAIR, {("ka", "cat"): 0.5, ("nu", "dog"): 1.0}, 2)
    store_pending(archive, ours)
    assert ("ka\tcat\t3.5\nmi\tfish\t2\nnu\tdog\t1\n", 7) == stored(db_path)


def test_storing_batch_after_batch_prunes_as_pruning_everything_would(
    archive: Archive, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    incremental: list[int] = []
    real = store._add_pruned

    def counted(lexicon: Lexicon, counts: Mapping[tuple[str, str], float]) -> Lexicon:
        incremental.append(len(counts))
        return real(lexicon, counts)

    monkeypatch.setattr(store, "_add_pruned", counted)
    rng = random.Random(9)
    units = [f"u{i}" for i in range(40)]
    words = [f"w{i}" for i in range(30)]
    reference = Lexicon(*PAIR)
    pending = PendingCounts()
    for _ in range(6):
        batch = {
            (rng.choice(units), rng.choice(words)): rng.choice([0.1, 0.15, 0.4, 1.0, 2.5])
            for _ in range(150)
        }
        pending.add(PAIR, batch, 1)
        store_pending(archive, pending)
        reference.add_counts(batch)
        reference = reference.pruned()
        assert reference.to_tsv() == stored(db_path)[0]
        # The lexicon kept in memory for the next batch is the one stored.
        counts, beads = stored(db_path)
        kept = pending.cache.peek((1, beads, hash(counts)))
        assert kept is not None and reference.counts == kept.counts
    assert 5 == len(incremental)  # every batch after the first pruned only what it touched


def test_the_seed_is_read_once_and_learning_changes_only_a_copy(archive: Archive) -> None:
    pair = ("my", "en")
    cache = LexiconCache()
    with Session(archive.engine) as session:
        lexicons = DatabaseLexicons(session, cache)
        shared = lexicons.prior(pair)
        assert shared is cache.seed(pair) and len(shared) > 0
        taken = lexicons.prior(pair, take=True)
        assert taken is not shared and taken.counts == shared.counts
        taken.add_counts({("never-a-burmese-unit", "cat"): 5.0})
        assert "never-a-burmese-unit" not in lexicons.prior(pair).counts


def test_the_length_ratio_is_learned_once_there_is_enough_text(archive: Archive) -> None:
    pending = PendingCounts()
    pending.add(PAIR, {("ka", "cat"): 1.0}, 3, (1000.0, 2100.0))
    store_pending(archive, pending)
    with Session(archive.engine) as session:
        first = DatabaseLexicons(session).lexicon("xx", "en")
    assert first is not None and first.length_ratio is None  # 1,000 characters: too few
    pending.add(PAIR, {("ka", "cat"): 1.0}, 4, (1500.0, 2900.0))
    store_pending(archive, pending)
    with Session(archive.engine) as session:
        loaded = DatabaseLexicons(session).lexicon("en", "xx")
        starting = DatabaseLexicons(session).prior(PAIR)
    assert loaded is not None and 2.0 == loaded.length_ratio  # 5,000 / 2,500
    assert 2.0 == starting.length_ratio


def test_text_lengths_leave_spaces_out() -> None:
    assert (5.0, 10.0) == store.text_lengths([("ab c", "cat dog"), ("de", "bird")])
