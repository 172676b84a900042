"""The pure planning step: the beads it plans are the beads `align_pair` stores, it reads its
lexicon from the source it is given, and it chooses the pairs of a record not stored yet as
it does for stored versions."""

from __future__ import annotations

from sqlmodel import Session, col, select

from archive.align.lexicon import Lexicon
from archive.alignments import (
    DatabaseLexicons,
    SideText,
    VersionRef,
    align_article,
    align_pair,
    alignment_pairs,
    bead_spans,
    plan_alignment,
    set_checked,
    version_segments,
)
from archive.db import Archive
from archive.ingest.annotate import analyze_version
from archive.ingest.records import ArticleRecord, VersionRecord
from archive.ingest.store import store_article
from archive.models import AlignmentLink, Version
from tests.conftest import ntrex_lines

KOREAN = ntrex_lines("kor")[:12]
ENGLISH = ntrex_lines("eng")[:12]


def _text(lines: list[str]) -> str:
    return "\n\n".join(" ".join(lines[i : i + 2]) for i in range(0, len(lines), 2))


def _store(archive: Archive) -> tuple[int, int]:
    # The English drops one sentence, so the alignment is not just 1-1 all along.
    record = ArticleRecord(
        title="Plan",
        versions=[
            VersionRecord(kind="original", language="ko", text=_text(KOREAN)),
            VersionRecord(
                kind="published",
                language="en",
                text=_text(ENGLISH[:5] + ENGLISH[6:]),
                derived_from=0,
            ),
        ],
    )
    with archive.session() as session, session.begin():
        result = store_article(session=session, record=record, analyze=analyze_version)
    src, tgt = result.new_version_ids
    return src, tgt


def _side(session: Session, version: Version) -> SideText:
    segments = version_segments(session=session, version=version)
    return SideText(
        texts=[s.derived for s in segments],
        paragraphs=[s.paragraph for s in segments],
        language=version.language,
        detected=version.detected_language,
    )


def _stored_spans(session: Session, alignment_id: int) -> list[tuple[int, int, int, int, float]]:
    links = session.exec(
        select(AlignmentLink)
        .where(AlignmentLink.alignment_id == alignment_id)
        .order_by(col(AlignmentLink.position))
    ).all()
    return [(k.src_start, k.src_end, k.tgt_start, k.tgt_end, k.score) for k in links]


class _Recording:
    """A lexicon source that answers from memory and says what it was asked."""

    def __init__(self, lexicon: Lexicon | None) -> None:
        self.asked: list[tuple[str, str]] = []
        self._lexicon = lexicon

    def lexicon(self, src_lang: str, tgt_lang: str) -> Lexicon | None:
        self.asked.append((src_lang, tgt_lang))
        return self._lexicon

    def prior(self, pair: tuple[str, str]) -> Lexicon:
        return self._lexicon or Lexicon(*pair)


def test_the_planned_beads_are_the_beads_align_pair_stores(archive: Archive) -> None:
    src_id, tgt_id = _store(archive)
    with archive.session() as session:
        src, tgt = session.get(Version, src_id), session.get(Version, tgt_id)
        assert src is not None and tgt is not None
        src_side, tgt_side = _side(session, src), _side(session, tgt)
        planned = plan_alignment(src_side, tgt_side, lexicons=DatabaseLexicons(session))
    with archive.session() as session, session.begin():
        src, tgt = session.get(Version, src_id), session.get(Version, tgt_id)
        assert src is not None and tgt is not None
        stored = align_pair(session=session, src=src, tgt=tgt)
        assert stored.id is not None
        spans = _stored_spans(session, stored.id)
        method = stored.method
    assert planned.method == method
    assert bead_spans(planned.beads) == spans
    assert len(spans) < len(KOREAN)  # not a trivial 1-1 alignment: the dropped sentence shows


def test_planning_needs_no_database_and_reads_the_lexicon_it_is_given() -> None:
    source = _Recording(None)
    src = SideText(texts=["가 나", "다 라"], paragraphs=[0, 1], language="ko")
    tgt = SideText(texts=["a b", "c d"], paragraphs=[0, 1], language="en", detected="en")
    result = plan_alignment(src, tgt, lexicons=source)
    assert [("ko", "en")] == source.asked
    assert [((0,), (0,)), ((1,), (1,))] == [(b.src, b.tgt) for b in result.beads]


def test_align_pair_keeps_a_checked_bead_with_who_checked_it(archive: Archive) -> None:
    src_id, tgt_id = _store(archive)
    with archive.session() as session, session.begin():
        (alignment,) = align_article(session=session, article_id=1)
        assert alignment.id is not None
        first = _stored_spans(session, alignment.id)[0]
        method = alignment.method
        link = session.exec(
            select(AlignmentLink).where(
                AlignmentLink.alignment_id == alignment.id, AlignmentLink.position == 0
            )
        ).one()
        assert link.id is not None
        set_checked(session=session, link_id=link.id, by="Ko Ko")
    with archive.session() as session, session.begin():
        src, tgt = session.get(Version, src_id), session.get(Version, tgt_id)
        assert src is not None and tgt is not None
        again = align_pair(session=session, src=src, tgt=tgt)
        assert alignment.id == again.id
        kept = session.exec(
            select(AlignmentLink).where(
                AlignmentLink.alignment_id == again.id, AlignmentLink.position == 0
            )
        ).one()
        # A confirmed bead keeps its extent, its mark, who confirmed it and how it was made.
        assert (first[:4], True, "Ko Ko", method) == (
            (kept.src_start, kept.src_end, kept.tgt_start, kept.tgt_end),
            kept.checked,
            kept.checked_by,
            kept.method,
        )


def test_pairs_of_a_record_not_stored_yet_are_those_of_its_stored_versions(
    archive: Archive,
) -> None:
    record = ArticleRecord(
        title="Chain",
        versions=[
            VersionRecord(kind="published", language="en", text="E.", derived_from=1),
            VersionRecord(kind="translation", language="en", text="T.", derived_from=2),
            VersionRecord(kind="original", language="ko", text="원문."),
            VersionRecord(kind="machine", language="en", text="M.", derived_from=2),
        ],
    )
    refs = [
        VersionRef(
            id=i + 1,
            kind=v.kind,
            derived_from_id=None if v.derived_from is None else v.derived_from + 1,
        )
        for i, v in enumerate(record.versions)
    ]
    planned = [(s.id - 1, t.id - 1) for s, t in alignment_pairs(refs)]
    with archive.session() as session, session.begin():
        ids = store_article(session=session, record=record).new_version_ids
        versions = session.exec(select(Version).order_by(col(Version.id))).all()
        stored = [(ids.index(s.id), ids.index(t.id)) for s, t in alignment_pairs(versions)]
    assert [(1, 0), (2, 0), (2, 1), (2, 3)] == planned
    assert planned == stored
