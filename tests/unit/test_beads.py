"""Bead editing: the pure edits keep an alignment monotone and covering, undo restores it
exactly, stored edits write their history, and re-aligning keeps what a person confirmed."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlmodel import Session, col, select

from archive.alignments.edits import (
    confirm_bead,
    confirm_beads_through,
    merge_next,
    merge_previous,
    move_bead_down,
    move_bead_up,
    realign_around_confirmed,
    redo_bead_edit,
    split_bead,
    unconfirm_bead,
    undo_bead_edit,
    unmatch_sentence,
)
from archive.alignments.spans import (
    Patch,
    Side,
    Span,
    apply_patch,
    carry_confirmed,
    check_spans,
    confirm,
    confirm_through,
    confirmed_count,
    invert_patch,
    load_spans,
    merge_with_next,
    merge_with_previous,
    move_down,
    move_up,
    next_low_score,
    next_non_one_to_one,
    next_unconfirmed,
    split,
    unconfirm,
    unmatch,
)
from archive.db import Archive
from archive.errors import (
    BeadEditRefused,
    BeadNotFound,
    NothingToMerge,
    NothingToMove,
    NotSplittable,
    UndoRefused,
)
from archive.history import article_history
from archive.models import Alignment, AlignmentLink, Edit
from tests.snapshots.tui_archive import DEFECTORS, add_article

AT = dt.datetime(2026, 1, 2, 3, 4, 5, tzinfo=dt.UTC)


def beads_of(*kinds: tuple[int, int]) -> list[Span]:
    """Contiguous beads of the given sizes, scores 0.9."""
    out, s, t = [], 0, 0
    for n, m in kinds:
        out.append(Span(s, s + n, t, t + m, score=0.9, method="test"))
        s, t = s + n, t + m
    return out


def kinds(beads: list[Span]) -> list[str]:
    return [b.kind for b in beads]


# ---------------------------------------------------------------------------- pure edits


def test_merge_split_move_unmatch_change_the_beads_as_a_reader_expects() -> None:
    beads = beads_of((1, 1), (1, 0), (1, 1), (2, 2))
    assert ["2-1", "1-1", "2-2"] == kinds(apply_patch(beads, merge_with_next(beads, 0)))
    assert ["2-1", "1-1", "2-2"] == kinds(apply_patch(beads, merge_with_previous(beads, 1)))
    assert ["1-1", "1-0", "1-1", "1-1", "1-1"] == kinds(apply_patch(beads, split(beads, 3)))
    at_second = split(beads, 3, src_at=5, tgt_at=2)  # 2-2 -> 2-0 + 0-2
    assert ["2-0", "0-2"] == kinds(list(at_second.after))
    moved = apply_patch(beads, move_up(beads, 2, "tgt"))  # the 1-1's target joins the 1-0
    assert ["1-1", "1-1", "1-0", "2-2"] == kinds(moved)
    down = apply_patch(beads, move_down(beads, 2, "src"))
    assert ["1-1", "1-0", "0-1", "3-2"] == kinds(down)
    assert ["1-0", "0-1"] == kinds(list(unmatch(beads, 0, "src").after))
    assert ["0-1", "1-0"] == kinds(list(unmatch(beads, 0, "tgt").after))
    assert ["2-1", "0-1"] == kinds(list(unmatch(beads, 3, "tgt", at=3).after))


def test_a_bead_emptied_by_a_move_disappears() -> None:
    beads = beads_of((1, 1), (0, 1))
    assert ["1-2"] == kinds(apply_patch(beads, move_up(beads, 1, "tgt")))


def test_edits_refuse_with_a_reason_naming_the_bead() -> None:
    beads = beads_of((1, 1), (0, 1))
    with pytest.raises(NothingToMerge, match="bead 2: the last bead"):
        merge_with_next(beads, 1)
    with pytest.raises(NothingToMerge, match="bead 1: the first bead"):
        merge_with_previous(beads, 0)
    with pytest.raises(NotSplittable, match="bead 2: a 0-1 bead cannot be split"):
        split(beads, 1)
    with pytest.raises(NotSplittable, match="outside the bead"):
        split(beads, 0, src_at=5)
    with pytest.raises(NothingToMove, match="no source sentence"):
        move_up(beads, 1, "src")
    with pytest.raises(NothingToMove, match="the first bead has no bead before it"):
        move_up(beads, 0, "tgt")
    with pytest.raises(NothingToMove, match="unmatched already"):
        unmatch(beads, 1, "tgt")
    with pytest.raises(BeadNotFound, match="bead #3 of 2"):
        confirm(beads, 2, by="A")


def test_editing_never_changes_confirmation_unless_asked() -> None:
    beads = beads_of((1, 1), (1, 1), (2, 2))
    beads = apply_patch(beads, confirm(beads, 2, by="Daw Khin", at=AT))
    assert [False, False, True] == [b.checked for b in beads]
    parts = split(beads, 2).after
    assert [True, True] == [b.checked for b in parts]
    assert {"Daw Khin"} == {b.checked_by for b in parts}
    merged = merge_with_previous(beads, 2).after  # confirmed + unconfirmed: not confirmed
    assert [False] == [b.checked for b in merged]
    moved = apply_patch(beads, move_up(beads, 2, "src"))
    assert [False, False, True] == [b.checked for b in moved]
    through = apply_patch(beads, confirm_through(beads, 1, by="Ko Aung", at=AT))
    assert ["Ko Aung", "Ko Aung", "Daw Khin"] == [b.checked_by for b in through]
    assert (3, 3) == confirmed_count(through)
    again = apply_patch(through, unconfirm(through, 0))
    assert [False, True, True] == [b.checked for b in again]


def test_jumps_find_the_next_bead_of_each_kind_wrapping_round() -> None:
    beads = beads_of((1, 1), (2, 1), (1, 1), (0, 1))
    beads[2] = Span(3, 4, 2, 3, score=0.2)
    beads = apply_patch(beads, confirm(beads, 0, by="A", at=AT))
    assert 1 == next_unconfirmed(beads, 0)
    assert 1 == next_unconfirmed(beads, 3)  # wraps past the confirmed first bead
    assert 1 == next_non_one_to_one(beads, 0)
    assert 3 == next_non_one_to_one(beads, 1)
    assert 2 == next_low_score(beads, 0)  # the 0-1 bead scores 0.9 but links nothing
    assert next_low_score(beads_of((1, 1)), 0) is None


# ---------------------------------------------------------------------------- properties


@st.composite
def edit_sequences(draw: st.DrawFn) -> tuple[list[Span], list[tuple[str, int, str, int]]]:
    sizes = draw(
        st.lists(
            st.tuples(st.integers(0, 3), st.integers(0, 3)).filter(lambda p: sum(p) > 0),
            min_size=1,
            max_size=8,
        )
    )
    ops = draw(
        st.lists(
            st.tuples(
                st.sampled_from(
                    ["merge", "merge_prev", "split", "up", "down", "unmatch", "confirm", "through"]
                ),
                st.integers(0, 20),
                st.sampled_from(["src", "tgt"]),
                st.integers(0, 3),
            ),
            max_size=12,
        )
    )
    return beads_of(*sizes), ops


def patch_for(beads: list[Span], op: tuple[str, int, str, int]) -> Patch:
    name, raw, side_name, offset = op
    side: Side = "src" if side_name == "src" else "tgt"
    index = raw % len(beads)
    bead = beads[index]
    if name == "merge":
        return merge_with_next(beads, index)
    if name == "merge_prev":
        return merge_with_previous(beads, index)
    if name == "split":
        return split(
            beads,
            index,
            src_at=bead.src_start + min(offset, bead.n_src),
            tgt_at=bead.tgt_start + min(offset, bead.n_tgt),
        )
    if name == "up":
        return move_up(beads, index, side)
    if name == "down":
        return move_down(beads, index, side)
    if name == "unmatch":
        return unmatch(beads, index, side)
    if name == "confirm":
        return confirm(beads, index, by="R", at=AT)
    return confirm_through(beads, index, by="R", at=AT)


@given(edit_sequences())
def test_any_edit_sequence_stays_monotone_and_covering_and_undoes_exactly(
    case: tuple[list[Span], list[tuple[str, int, str, int]]],
) -> None:
    start, ops = case
    n_src, n_tgt = start[-1].src_end, start[-1].tgt_end
    beads = list(start)
    done: list[Patch] = []
    for op in ops:
        try:
            patch = patch_for(beads, op)
        except BeadEditRefused:
            continue
        beads = apply_patch(beads, patch)
        check_spans(beads, n_src, n_tgt)
        done.append(patch)
    for patch in reversed(done):
        beads = apply_patch(beads, invert_patch(patch))
    assert start == beads


def test_carry_confirmed_finds_unchanged_sentences_in_a_new_version() -> None:
    old_src = ["a.", "b.", "c.", "d."]
    old_tgt = ["A.", "B.", "C.", "D."]
    spans = [
        Span(0, 1, 0, 1, checked=True, checked_by="R"),
        Span(1, 2, 1, 2, checked=True, checked_by="R"),
        Span(2, 3, 2, 3),
        Span(3, 4, 3, 4, checked=True, checked_by="R"),
    ]
    new_tgt = ["New.", "A.", "B changed.", "C.", "D."]
    carried = carry_confirmed(spans, old_src, old_tgt, old_src, new_tgt)
    assert [((0,), (1,)), ((3,), (4,))] == [(s, t) for _, s, t in carried]


# ---------------------------------------------------------------------------- stored edits


@pytest.fixture
def stored(archive: Archive) -> int:
    """The Burmese/English sample article's alignment id (1-1s, a 2-1, a 1-0 and a 0-1)."""
    add_article(archive, DEFECTORS, index=False)
    with archive.session() as session:
        alignment = session.exec(select(Alignment)).one()
        assert alignment.id is not None
        return alignment.id


def link_ids(archive: Archive, alignment_id: int) -> list[int]:
    with archive.session() as session:
        return session_link_ids(session, alignment_id)


def session_link_ids(session: Session, alignment_id: int) -> list[int]:
    """The bead ids as ``session`` sees them (its own uncommitted edits included)."""
    rows = session.exec(
        select(AlignmentLink.id)
        .where(AlignmentLink.alignment_id == alignment_id)
        .order_by(col(AlignmentLink.position))
    ).all()
    return [i for i in rows if i is not None]


def spans(archive: Archive, alignment_id: int) -> list[Span]:
    with archive.session() as session:
        return load_spans(session, alignment_id)


def test_a_stored_edit_writes_its_history_and_undo_redo_restore_it(
    archive: Archive, stored: int
) -> None:
    original = spans(archive, stored)
    ids = link_ids(archive, stored)
    with archive.session() as session, session.begin():
        edit = merge_next(session, link_id=ids[1], reviewer="Daw Khin")
        assert edit is not None
        merge_id = edit.id
    assert ["2-1", "2-1", "1-1", "1-1", "0-1"] == [s.kind for s in spans(archive, stored)]
    assert [ids[0], ids[1], ids[3], ids[4], ids[5]] == link_ids(archive, stored)
    with archive.session() as session:
        alignment = session.get(Alignment, stored)
        assert alignment is not None
        (entry,) = article_history(session, alignment.article_id)
    assert ("alignment", stored, "merge", "Daw Khin") == (
        entry.target,
        entry.target_id,
        entry.action,
        entry.reviewer,
    )
    assert {"position": 1, "beads": [original[1].to_json(), original[2].to_json()]} == entry.before
    assert merge_id is not None
    with archive.session() as session, session.begin():
        undo_bead_edit(session, edit_id=merge_id, reviewer="Daw Khin")
    assert original == spans(archive, stored)
    with archive.session() as session, session.begin():
        redo = redo_bead_edit(session, edit_id=merge_id, reviewer="Daw Khin")
        redo_id = redo.id
    assert ["2-1", "2-1", "1-1", "1-1", "0-1"] == [s.kind for s in spans(archive, stored)]
    assert redo_id is not None and redo_id != merge_id
    with (
        archive.session() as session,
        session.begin(),
        pytest.raises(UndoRefused, match=f"edit {redo_id}: .* only an undone bead edit"),
    ):
        redo_bead_edit(session, edit_id=redo_id, reviewer="Daw Khin")


def test_undo_refuses_when_a_later_edit_changed_the_same_beads(
    archive: Archive, stored: int
) -> None:
    ids = link_ids(archive, stored)
    with archive.session() as session, session.begin():
        first = merge_next(session, link_id=ids[1], reviewer="A")
        merge_next(session, link_id=ids[1], reviewer="A")
        assert first is not None and first.id is not None
        first_id = first.id
    with (
        archive.session() as session,
        session.begin(),
        pytest.raises(UndoRefused, match=f"edit {first_id}: cannot be undone"),
    ):
        undo_bead_edit(session, edit_id=first_id, reviewer="A")


def stored_edit(session: Session, name: str, link: int, side: Side) -> Edit | None:
    """One stored bead edit by name, as the reader and the CLI make them."""
    if name == "merge":
        return merge_next(session, link_id=link, reviewer="R")
    if name == "merge_prev":
        return merge_previous(session, link_id=link, reviewer="R")
    if name == "split":
        return split_bead(session, link_id=link, reviewer="R")
    if name == "up":
        return move_bead_up(session, link_id=link, side=side, reviewer="R")
    if name == "down":
        return move_bead_down(session, link_id=link, side=side, reviewer="R")
    if name == "unmatch":
        return unmatch_sentence(session, link_id=link, side=side, reviewer="R")
    if name == "confirm":
        return confirm_beads_through(session, link_id=link, reviewer="R")
    return unconfirm_bead(session, link_id=link, reviewer="R")


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(
                ["merge", "merge_prev", "split", "up", "down", "unmatch", "confirm", "unconfirm"]
            ),
            st.integers(0, 20),
            st.sampled_from(["src", "tgt"]),
        ),
        max_size=8,
    )
)
def test_stored_edit_sequences_stay_covering_and_undo_all_restores_exactly(
    archive: Archive, stored: int, ops: list[tuple[str, int, str]]
) -> None:
    original = spans(archive, stored)
    made: list[int] = []
    for name, raw, side in ops:
        ids = link_ids(archive, stored)
        link = ids[raw % len(ids)]
        try:
            with archive.session() as session, session.begin():
                edit = stored_edit(session, name, link, "src" if side == "src" else "tgt")
                if edit is not None and edit.id is not None:
                    made.append(edit.id)
        except BeadEditRefused:
            continue
        check_spans(spans(archive, stored), 6, 5)
    for edit_id in reversed(made):
        with archive.session() as session, session.begin():
            undo_bead_edit(session, edit_id=edit_id, reviewer="R")
    assert original == spans(archive, stored)
    with archive.session() as session, session.begin():  # the next example starts clean
        for row in session.exec(select(Edit)).all():
            session.delete(row)


def test_realign_keeps_every_confirmed_bead_unchanged(archive: Archive, stored: int) -> None:
    ids = link_ids(archive, stored)
    with archive.session() as session, session.begin():
        split_bead(session, link_id=ids[0], reviewer="R")  # a 2-1 that the aligner would undo
        confirm_bead(session, link_id=ids[0], reviewer="Daw Khin")
        ids = session_link_ids(session, stored)
        confirm_bead(session, link_id=ids[4], reviewer="Daw Khin")
    pre = spans(archive, stored)
    before = [s for s in pre if s.checked]
    assert 2 == len(before)
    with archive.session() as session, session.begin():
        edit = realign_around_confirmed(session, alignment_id=stored, reviewer="Ko Aung")
    after = spans(archive, stored)
    check_spans(after, 6, 5)
    assert before == [s for s in after if s.checked]
    assert edit is not None and edit.id is not None  # the aligner's beads differ from the test's
    with archive.session() as session, session.begin():
        undo_bead_edit(session, edit_id=edit.id, reviewer="Ko Aung")
    assert pre == spans(archive, stored)


def test_a_new_version_of_a_text_keeps_the_confirmed_beads_whose_sentences_are_unchanged(
    archive: Archive,
) -> None:
    from archive.alignments import align_article
    from archive.ingest.records import ArticleRecord, VersionRecord
    from archive.ingest.store import store_article

    def record(english: str) -> ArticleRecord:
        return ArticleRecord(
            title="Floods",
            date=dt.date(2024, 5, 1),
            versions=[
                VersionRecord(
                    kind="original",
                    language="vi",
                    text="Lũ lụt ở miền Bắc. Ba người chết. Nhiều nhà bị ngập.",
                ),
                VersionRecord(kind="published", language="en", text=english, derived_from=0),
            ],
        )

    from archive.ingest.annotate import analyze_version

    with archive.session() as session, session.begin():
        article_id = store_article(
            session=session,
            record=record("Floods in the north. Three people died. Many houses flooded."),
            analyze=analyze_version,
        ).article_id
        (alignment,) = align_article(session=session, article_id=article_id)
        assert alignment.id is not None
        first_alignment = alignment.id
    ids = link_ids(archive, first_alignment)
    with archive.session() as session, session.begin():
        for link_id in ids:
            confirm_bead(session, link_id=link_id, reviewer="Daw Khin")
    old = spans(archive, first_alignment)
    with archive.session() as session, session.begin():
        store_article(
            session=session,
            record=record("Floods in the north. Three people were killed. Many houses flooded."),
            analyze=analyze_version,
        )
        alignments = align_article(session=session, article_id=article_id)
    new_id = next(a.id for a in alignments if a.id != first_alignment)
    assert new_id is not None
    kept = [s for s in spans(archive, new_id) if s.checked]
    unchanged = [s for s in old if not s.tgt_start <= 1 < s.tgt_end]  # English sentence 1 changed
    assert unchanged and len(unchanged) < len(old)
    assert [s.extent() for s in unchanged] == [s.extent() for s in kept]
    assert {"Daw Khin"} == {s.checked_by for s in kept}


def test_exports_name_the_reviewer_who_confirmed_never_the_login(
    archive: Archive, stored: int
) -> None:
    import io
    import json

    from archive.export.jsonl import export_jsonl
    from archive.export.tmx import export_tmx

    ids = link_ids(archive, stored)
    with archive.session() as session, session.begin():
        confirm_bead(session, link_id=ids[1], reviewer="Daw Khin")
    jsonl, tmx = io.BytesIO(), io.BytesIO()
    with archive.session() as session:
        export_jsonl(session=session, out=jsonl)
        export_tmx(session=session, out=tmx)
    (record,) = [json.loads(line) for line in jsonl.getvalue().splitlines()]
    marks = [(b["checked"], b["checked_by"]) for b in record["alignments"][0]["beads"]]
    assert [(False, None), (True, "Daw Khin")] + [(False, None)] * 4 == marks
    assert 1 == tmx.getvalue().decode("utf-8").count('<prop type="x-checked-by">Daw Khin</prop>')


@settings(
    max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.lists(st.sampled_from(["merge", "split", "up", "down", "unmatch"]), max_size=4),
    st.lists(st.integers(0, 20), min_size=1, max_size=3),
    st.lists(st.integers(0, 20), max_size=4),
)
def test_realign_after_any_edits_keeps_every_confirmed_bead_unchanged(
    archive: Archive, stored: int, ops: list[str], confirm_at: list[int], edit_at: list[int]
) -> None:
    with archive.session() as session, session.begin():
        for name, raw in zip(ops, edit_at, strict=False):
            ids = session_link_ids(session, stored)
            try:
                with session.begin_nested():
                    stored_edit(session, name, ids[raw % len(ids)], "tgt")
            except BeadEditRefused:
                pass
        for raw in confirm_at:
            ids = session_link_ids(session, stored)
            confirm_bead(session, link_id=ids[raw % len(ids)], reviewer="Daw Khin")
    confirmed = [sentences(s) for s in spans(archive, stored) if s.checked]
    with archive.session() as session, session.begin():
        realign_around_confirmed(session, alignment_id=stored, reviewer="Ko Aung")
    after = spans(archive, stored)
    check_spans(after, 6, 5)
    # Adjacent confirmed 1-0 and 0-1 beads may come back in either order (both are monotone).
    assert sorted(confirmed, key=repr) == sorted(
        (sentences(s) for s in after if s.checked), key=repr
    )
    with archive.session() as session, session.begin():  # the next example starts clean
        for row in session.exec(select(Edit)).all():
            session.delete(row)
        for link in session.exec(select(AlignmentLink)).all():
            session.delete(link)
        for position, (s0, s1, t0, t1) in enumerate(ORIGINAL):
            session.add(
                AlignmentLink(
                    alignment_id=stored, position=position, src_start=s0, src_end=s1,
                    tgt_start=t0, tgt_end=t1, score=0.5, method="test",
                )
            )  # fmt: skip


def sentences(span: Span) -> tuple[object, ...]:
    """A bead as re-aligning must keep it: its sentences and its mark. (Where an unmatched
    sentence's empty side sits among unmatched sentences of the other side is not kept.)"""
    src = (span.src_start, span.src_end) if span.n_src else ()
    tgt = (span.tgt_start, span.tgt_end) if span.n_tgt else ()
    return src, tgt, span.score, span.method, span.checked_by, span.checked_at


ORIGINAL = [(0, 2, 0, 1), (2, 3, 1, 2), (3, 4, 2, 2), (4, 5, 2, 3), (5, 6, 3, 4), (6, 6, 4, 5)]
