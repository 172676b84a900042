"""Lexicon sources: the database and a snapshot give the same lexicons, a snapshot keeps what
the archive held when it was taken, and every parsed lexicon belongs to the cache its owner
passed (none is shared through the module)."""

from __future__ import annotations

import pickle
from pathlib import Path

from archive.alignments import DatabaseLexicons, LexiconCache, PendingCounts, SnapshotLexicons
from archive.db import Archive, open_archive

PAIR = ("xx", "en")  # no seed ships for it


def learn(archive: Archive, counts: dict[tuple[str, str], float], chars: float = 0.0) -> None:
    pending = PendingCounts()
    pending.add(PAIR, counts, 1, (chars, 2 * chars))
    with archive.session() as session, session.begin():
        pending.store(session)


def test_database_and_snapshot_give_the_same_lexicons(archive: Archive) -> None:
    learn(archive, {("ka", "cat"): 1.0, ("nu", "dog"): 2.0}, chars=3000.0)
    with archive.session() as session:
        database = DatabaseLexicons(session)
        snapshot = SnapshotLexicons(database.snapshot())
        stored = database.lexicon("xx", "en")
        # Either direction of the aligned pair finds the (language → English) lexicon.
        for found in (snapshot.lexicon("xx", "en"), snapshot.lexicon("en", "xx")):
            assert stored is not None and found is not None
            assert (stored.counts, 2.0) == (found.counts, found.length_ratio)
            assert 2.0 == stored.length_ratio
        assert stored is not None and stored.counts == snapshot.prior(PAIR).counts
        assert stored.counts == database.prior(PAIR).counts
        assert None is database.lexicon("ko", "vi") is snapshot.lexicon("ko", "vi")


def test_without_a_learned_lexicon_learning_starts_from_the_seed(archive: Archive) -> None:
    cache = LexiconCache()
    with archive.session() as session:
        database = DatabaseLexicons(session, cache)
        snapshot = SnapshotLexicons(database.snapshot(), cache)
        assert None is database.lexicon("my", "en") is snapshot.lexicon("my", "en")
        seed = cache.seed(("my", "en"))
        assert len(seed) > 0
        assert seed is database.prior(("my", "en")) is snapshot.prior(("my", "en"))
        assert 0 == len(database.prior(PAIR))  # no seed ships: empty


def test_a_snapshot_keeps_what_the_archive_held_when_it_was_taken(archive: Archive) -> None:
    learn(archive, {("ka", "cat"): 1.0})
    with archive.session() as session:
        snapshot = SnapshotLexicons(DatabaseLexicons(session).snapshot())
    learn(archive, {("mi", "fish"): 5.0})
    with archive.session() as session:
        now = DatabaseLexicons(session).lexicon("xx", "en")
    then = snapshot.lexicon("xx", "en")
    assert now is not None and then is not None
    assert "mi" in now.counts and "mi" not in then.counts


def test_a_pickled_snapshot_carries_the_counts_not_the_parsed_lexicons(archive: Archive) -> None:
    learn(archive, {("ka", "cat"): 1.0})
    with archive.session() as session:
        snapshot = SnapshotLexicons(DatabaseLexicons(session).snapshot())
    parsed = snapshot.lexicon("xx", "en")
    copy = pickle.loads(pickle.dumps(snapshot))
    again = copy.lexicon("xx", "en")
    assert parsed is not None and again is not None
    assert parsed.counts == again.counts and parsed is not again


def test_parsed_lexicons_belong_to_their_cache(archive: Archive) -> None:
    learn(archive, {("ka", "cat"): 1.0})
    with archive.session() as session:
        shared = LexiconCache()
        first = DatabaseLexicons(session, shared).lexicon("xx", "en")
        assert first is DatabaseLexicons(session, shared).lexicon("xx", "en")
        assert first is not DatabaseLexicons(session).lexicon("xx", "en")


def test_two_archives_with_the_same_row_ids_never_share_a_lexicon(tmp_path: Path) -> None:
    # The same row id and bead count in two archives, with other counts: one cache serving
    # both (a process that opens two archives) must still tell them apart.
    one, two = open_archive(tmp_path / "one.db"), open_archive(tmp_path / "two.db")
    try:
        learn(one, {("ka", "cat"): 1.0})
        learn(two, {("nu", "dog"): 1.0})
        cache = LexiconCache()
        with one.session() as a, two.session() as b:
            found_one = DatabaseLexicons(a, cache).lexicon("xx", "en")
            found_two = DatabaseLexicons(b, cache).lexicon("xx", "en")
        assert found_one is not None and found_two is not None
        assert ["ka"] == list(found_one.counts) and ["nu"] == list(found_two.counts)
    finally:
        one.close()
        two.close()
