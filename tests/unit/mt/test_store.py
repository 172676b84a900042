"""Machine versions: built from the source's segments, recorded as provenance, atomic."""

from __future__ import annotations

import itertools
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import func
from sqlmodel import Session, col, select

from archive.db import Archive
from archive.errors import (
    AlreadyInLanguage,
    ArticleNotFound,
    ModelPackageMissing,
    VersionNotInArticle,
)
from archive.models import Alignment, AlignmentLink, Segment, Version
from archive.mt.packages import install_package
from archive.mt.store import articles_lacking, join_sentences, translate_article
from tests.unit.mt.conftest import TinyPackages, add_article, sample_paragraphs

# --------------------------------------------------------------------------- joining


def test_join_keeps_paragraphs_and_offsets() -> None:
    text, spans = join_sentences(
        [0, 0, 1, 3], ["One.", " Two  words. ", "Three.", "Four."], separators=["\n", "\n\n"]
    )

    assert "One. Two words.\nThree.\n\nFour." == text
    assert ["One.", "Two words.", "Three.", "Four."] == [text[s.start : s.end] for s in spans]
    assert [(0, 0), (0, 1), (1, 0), (2, 0)] == [(s.paragraph, s.sentence) for s in spans]


def test_join_chinese_without_spaces_and_empty_sentences() -> None:
    text, spans = join_sentences([0, 0, 0], ["你好。", "", "再见。"], language="zh-Hans")
    assert "你好。再见。" == text
    assert ["你好。", "", "再见。"] == [text[s.start : s.end] for s in spans]

    text, _ = join_sentences([0, 0, 0], ["a.", "", "b."], language="en")
    assert "a. b." == text


def test_join_refuses_mismatched_lengths() -> None:
    with pytest.raises(ValueError, match="2 paragraph numbers for 1 sentences"):
        join_sentences([0, 0], ["x"])


@given(
    st.lists(
        st.tuples(st.integers(0, 2), st.text(st.characters(codec="utf-8"), max_size=12)),
        max_size=12,
    )
)
def test_join_spans_are_ordered_and_hold_each_sentence(rows: list[tuple[int, str]]) -> None:
    paragraphs: list[int] = []
    for step, _ in rows:
        paragraphs.append((paragraphs[-1] if paragraphs else 0) + step)
    sentences = [s for _, s in rows]

    text, spans = join_sentences(paragraphs, sentences)

    assert [" ".join(s.split()) for s in sentences] == [text[x.start : x.end] for x in spans]
    assert all(a.end <= b.start for a, b in itertools.pairwise(spans))
    assert len(set(paragraphs)) == len({s.paragraph for s in spans})


# --------------------------------------------------------------------------- storing


def _counts(session: Session) -> tuple[int, int, int, int]:
    return (
        session.exec(select(func.count()).select_from(Version)).one(),
        session.exec(select(func.count()).select_from(Segment)).one(),
        session.exec(select(func.count()).select_from(Alignment)).one(),
        session.exec(select(func.count()).select_from(AlignmentLink)).one(),
    )


def _segments(session: Session, version_id: int) -> list[Segment]:
    return list(
        session.exec(
            select(Segment).where(Segment.version_id == version_id).order_by(col(Segment.seq))
        ).all()
    )


def test_translate_article_stores_a_machine_version_with_provenance(
    archive: Archive, tiny_packages: TinyPackages
) -> None:
    install_package(tiny_packages.my_en)
    source = add_article(archive, sample_paragraphs(3, 3))
    assert source.id is not None

    result = translate_article(archive, source.article_id, "en")

    with archive.session() as session:
        machine = session.get(Version, result.version_id)
        assert machine is not None
        assert ("machine", "en", source.id) == (
            machine.kind,
            machine.language,
            machine.derived_from_id,
        )
        assert ("argostranslate", "translate-my_en", "1.0") == (
            machine.engine,
            machine.model_package,
            machine.model_version,
        )
        from importlib.metadata import version

        assert version("argostranslate") == machine.engine_version
        details = json.loads(machine.engine_details or "{}")
        assert (None, 2) == (details["pivot"], details["beam_size"])
        src_segments = _segments(session, source.id)
        mt_segments = _segments(session, machine.id or 0)
        assert 9 == len(src_segments) == len(mt_segments) == result.sentences
        assert [0, 0, 0, 1, 1, 1, 2, 2, 2] == [s.paragraph for s in mt_segments]
        assert 3 == len(machine.text.split("\n\n"))
        for seg in mt_segments:
            piece = machine.text[seg.start : seg.end]
            assert piece == piece.strip() and piece
        alignment = session.exec(
            select(Alignment).where(Alignment.tgt_version_id == machine.id)
        ).one()
        assert (source.id, "mt-construction") == (alignment.src_version_id, alignment.method)
        links = session.exec(
            select(AlignmentLink)
            .where(AlignmentLink.alignment_id == alignment.id)
            .order_by(col(AlignmentLink.position))
        ).all()
        assert [(i, i + 1, i, i + 1, 1.0) for i in range(9)] == [
            (x.src_start, x.src_end, x.tgt_start, x.tgt_end, x.score) for x in links
        ]
        from archive.provenance import get_article

        shown = get_article(session=session, article_id=source.article_id).to_json()
    [row] = [v for v in shown["versions"] if v["kind"] == "machine"]
    assert row["engine"].startswith("argostranslate ")
    assert row["engine"].endswith(", translate-my_en 1.0")
    assert source.id == row["derived_from"]


def test_again_returns_the_same_version(archive: Archive, tiny_packages: TinyPackages) -> None:
    install_package(tiny_packages.my_en)
    source = add_article(archive, sample_paragraphs(1, 2))

    first = translate_article(archive, source.article_id, "en")
    with archive.session() as session:
        before = _counts(session)
    second = translate_article(archive, source.article_id, "en")

    assert (True, False) == (first.created, second.created)
    assert first.version_id == second.version_id
    with archive.session() as session:
        assert before == _counts(session)


def test_source_is_the_original_unless_asked(archive: Archive, tiny_packages: TinyPackages) -> None:
    install_package(tiny_packages.my_en)
    first = add_article(archive, [["Ein Satz."]], language="my", kind="translation")
    original = add_article(
        archive, sample_paragraphs(1, 2), kind="original", article_id=first.article_id
    )

    default = translate_article(archive, first.article_id, "en")
    chosen = translate_article(archive, first.article_id, "en", from_version_id=first.id)

    assert (original.id, first.id) == (default.source_version_id, chosen.source_version_id)
    with pytest.raises(VersionNotInArticle):
        translate_article(archive, first.article_id, "en", from_version_id=9999)
    with pytest.raises(ArticleNotFound):
        translate_article(archive, 9999, "en")
    with pytest.raises(AlreadyInLanguage):
        translate_article(archive, first.article_id, "my")


def test_pivot_is_recorded(archive: Archive, tiny_packages: TinyPackages) -> None:
    install_package(tiny_packages.my_en)
    install_package(tiny_packages.en_km)
    source = add_article(archive, sample_paragraphs(2, 2))

    result = translate_article(archive, source.article_id, "km")

    with archive.session() as session:
        machine = session.get(Version, result.version_id)
    assert machine is not None
    assert ("translate-my_en+translate-en_km", "1.0+1.0") == (
        machine.model_package,
        machine.model_version,
    )
    assert "en" == json.loads(machine.engine_details or "{}")["pivot"]


def test_no_package_stores_nothing(archive: Archive, tiny_packages: TinyPackages) -> None:
    source = add_article(archive, sample_paragraphs(1, 2))
    with archive.session() as session:
        before = _counts(session)

    with pytest.raises(ModelPackageMissing, match="my -> en"):
        translate_article(archive, source.article_id, "en")

    with archive.session() as session:
        assert before == _counts(session)


def test_failure_while_translating_stores_nothing(
    archive: Archive, tiny_packages: TinyPackages, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The source had no segments: they are made (analysed) first, then rolled back too."""
    install_package(tiny_packages.my_en)
    source = add_article(archive, [["First sentence.", "Second one."]], segments=False)
    with archive.session() as session:
        before = _counts(session)

    def broken(*args: object, **kwargs: object) -> list[str]:
        raise RuntimeError("out of memory")

    monkeypatch.setattr("archive.mt.engine.translate_with_package", broken)
    with pytest.raises(RuntimeError, match="out of memory"):
        translate_article(archive, source.article_id, "en")

    with archive.session() as session:
        assert before == _counts(session)


def test_failure_while_storing_stores_nothing(
    archive: Archive, tiny_packages: TinyPackages, monkeypatch: pytest.MonkeyPatch
) -> None:
    install_package(tiny_packages.my_en)
    source = add_article(archive, sample_paragraphs(1, 3))
    with archive.session() as session:
        before = _counts(session)

    def broken(**kwargs: object) -> None:
        raise RuntimeError("disk full")

    monkeypatch.setattr("archive.mt.store.AlignmentLink", broken)
    with pytest.raises(RuntimeError, match="disk full"):
        translate_article(archive, source.article_id, "en")

    with archive.session() as session:
        assert before == _counts(session)


def test_source_without_segments_is_analysed_first(
    archive: Archive, tiny_packages: TinyPackages
) -> None:
    install_package(tiny_packages.my_en)
    source = add_article(
        archive,
        [["The first sentence.", "The second one."], ["A new paragraph."]],
        language="my",
        segments=False,
    )

    result = translate_article(archive, source.article_id, "en")

    with archive.session() as session:
        assert source.id is not None
        made = _segments(session, source.id)
    assert len(made) == result.sentences > 0


def test_articles_lacking_a_language(archive: Archive) -> None:
    a = add_article(archive, [["x."]], language="my")
    b = add_article(archive, [["y."]], language="my")
    add_article(archive, [["z."]], language="en", article_id=b.article_id)

    with archive.session() as session:
        assert [a.article_id] == articles_lacking(session=session, language="en")
        assert [] == articles_lacking(session=session, language="my")
