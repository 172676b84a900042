"""The alignments an import stores and what they teach the learned lexicons.

Workers plan each new article's alignments with the lexicons as they stood when the import
began (`begin`); the writer stores them in the article's transaction (`store`), keeps what
they teach once that transaction committed (`commit`), and stores the learned counts every
`LEARN_BATCH` alignments (`learn`), each batch in its own transaction.
"""

from __future__ import annotations

import logging

from sqlalchemy.exc import SQLAlchemyError
from sqlmodel import Session

from archive.alignments.learning import Learned, PendingCounts, learn_from_alignments
from archive.alignments.lexicons import DatabaseLexicons, LexiconCache, SnapshotLexicons
from archive.alignments.plan import TranslatorFor
from archive.alignments.store import align_article, store_alignment
from archive.alignments.views import article_alignments
from archive.db import Archive
from archive.ingest.import_records import db_reason, oneline
from archive.ingest.records import ArticleRecord
from archive.ingest.store import StoreResult
from archive.ingest.workers import Aligning, Prepared

log = logging.getLogger(__name__)

#: Alignments whose learning is stored at a time (each batch in its own transaction, as the
#: import goes). Workers compute what each alignment teaches (expected counts) beside the
#: alignment; this process only adds counts up, so a batch costs one write per language pair,
#: and a killed import loses at most one batch of learning (never an article). This import's
#: alignments all use the lexicons as they stood when it began, whatever it learns meanwhile,
#: in one process or many.
LEARN_BATCH = 500


class ImportAlignments:
    """One import's alignments and learning; its parsed lexicons live as long as it does."""

    def __init__(self, archive: Archive, translator_for: TranslatorFor | None = None) -> None:
        self.archive = archive
        self.translator_for = translator_for
        # Parsed lexicons, for this import only: what learning stored last, and the seeds.
        self._cache = LexiconCache()
        self._new_alignment_ids: list[int] = []  # aligned here: learned from the database
        self._pending = PendingCounts(self._cache)  # learned by the workers: counts to store
        self._staged: list[Learned] = []  # the article being stored: pending once committed

    def begin(self) -> Aligning:
        """What alignment in this import draws on: the learned lexicons as they stand now."""
        try:
            with self.archive.session() as session:
                snapshot = DatabaseLexicons(session).snapshot()
        except SQLAlchemyError as exc:
            log.warning("learned lexicons unreadable (%s); aligning with the seed lexicons", exc)
            snapshot = {}
        lexicons = SnapshotLexicons(snapshot, self._cache)
        return Aligning(lexicons, self.translator_for)

    def store(
        self,
        session: Session,
        record: ArticleRecord,
        result: StoreResult,
        prepared: Prepared | None,
    ) -> int:
        """Align the article's versions in the open transaction; returns how many were stored.

        An aligner failure leaves the article stored without alignment (``archive align``
        can do it later): storing never depends on the aligner.
        """
        if not result.new_version_ids:
            return 0
        precomputed = prepared.alignments if prepared is not None else None
        try:
            with session.begin_nested():
                if (
                    precomputed is not None
                    and result.outcome == "imported"
                    and len(result.new_version_ids) == len(record.versions)
                ):
                    ids = result.new_version_ids
                    learned = prepared.learned if prepared is not None else None
                    for index, (s, t, alignment) in enumerate(precomputed):
                        new_id = store_alignment(
                            session,
                            article_id=result.article_id,
                            src_version_id=ids[s],
                            tgt_version_id=ids[t],
                            result=alignment,
                        )
                        if learned is None:  # not learned by the worker: learn it here
                            self._new_alignment_ids.append(new_id)
                        elif (taught := learned[index]) is not None:
                            self._staged.append(taught)
                    return len(precomputed)
                before = {
                    a.id for a in article_alignments(session=session, article_id=result.article_id)
                }
                stored = align_article(
                    session=session,
                    article_id=result.article_id,
                    translator_for=self.translator_for,
                    lexicons=DatabaseLexicons(session, self._cache),
                )
                self._new_alignment_ids.extend(
                    a.id for a in stored if a.id is not None and a.id not in before
                )
                return len(stored)
        except (SQLAlchemyError, OSError):
            raise
        except Exception as exc:
            log.warning("article %s stored but not aligned: %s", result.article_id, oneline(exc))
            return 0

    def commit(self) -> None:
        """The article's transaction committed: what its alignments teach is pending."""
        for pair, counts, beads, chars in self._staged:
            self._pending.add(pair, counts, beads, chars)
        self._staged = []

    def discard(self) -> None:
        """Forget what the article being stored would teach (its transaction is starting
        again, or did not commit)."""
        self._staged = []

    def due(self) -> bool:
        """Whether a batch of learning is ready to store."""
        return len(self._new_alignment_ids) + len(self._pending) >= LEARN_BATCH

    def learn(self) -> None:
        """Teach the archive-wide lexicon the confident beads of the alignments this import
        stored: the counts the workers computed, and those of alignments made here (learned
        from the database, as `archive.alignments.align_versions_of` does after a batch)."""
        ids, self._new_alignment_ids = self._new_alignment_ids, []
        if not ids and not len(self._pending):
            return
        for attempt in (1, 2):  # once more if another importer wrote the lexicon meanwhile
            try:
                with self.archive.session() as session, session.begin():
                    if ids:
                        learn_from_alignments(session=session, alignment_ids=ids, cache=self._cache)
                    self._pending.store(session)
                break
            except SQLAlchemyError as exc:
                if attempt == 2:
                    log.warning("the learned lexicon was not updated: %s", db_reason(exc))
        self._pending.clear()
