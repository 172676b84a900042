"""What a TMX unit holds (issue #20): two languages at least, Unicode Burmese by default, and
one-sided beads left out or kept as notes."""

from __future__ import annotations

import io

import pytest
from lxml import etree

from archive.analysis import zawgyi_probability
from archive.db import Archive
from archive.export.tmx import export_tmx
from tests.unit.export.sample import Sample, build_sample
from tests.unit.export.test_tmx import TMX14_DTD, XML_LANG


def _added_texts(archive: Archive) -> list[tuple[str, str]]:
    """``(version label, text)`` of every 0-n bead the aligner stored (a sentence only the
    target has), read from the database: what the TMX must leave out or note."""
    from sqlmodel import select

    from archive.models import Alignment, AlignmentLink, Segment, Version

    out = []
    with archive.session() as session:
        for link, alignment in session.exec(
            select(AlignmentLink, Alignment).join(
                Alignment,
                Alignment.id == AlignmentLink.alignment_id,  # type: ignore[arg-type]
            )
        ).all():
            if link.src_start != link.src_end:
                continue
            version = session.get(Version, alignment.tgt_version_id)
            assert version is not None
            segments = session.exec(
                select(Segment).where(Segment.version_id == version.id).order_by(Segment.seq)  # type: ignore[arg-type]
            ).all()
            text = version.text[segments[link.tgt_start].start : segments[link.tgt_end - 1].end]
            out.append((f"added in {version.kind} {version.language} #{version.id}: ", text))
    return out


@pytest.fixture
def archive(any_archive: Archive) -> Archive:
    return any_archive


@pytest.fixture
def sample(archive: Archive) -> Sample:
    return build_sample(archive)


def _root(archive: Archive, **kwargs: object) -> etree._Element:
    out = io.BytesIO()
    with archive.session() as session:
        export_tmx(session=session, out=out, **kwargs)  # type: ignore[arg-type]
    root = etree.fromstring(out.getvalue())
    dtd = etree.DTD(io.StringIO(TMX14_DTD))
    assert dtd.validate(root), dtd.error_log.filter_from_errors()
    return root


def _segs(root: etree._Element) -> list[str]:
    return [seg.text or "" for seg in root.iter("seg")]


def test_every_unit_has_two_languages_and_no_empty_segment(
    archive: Archive, sample: Sample
) -> None:
    root = _root(archive)
    units = root.findall("body/tu")
    assert units
    assert all(len(tu.findall("tuv")) >= 2 for tu in units)
    assert all(text.strip() for text in _segs(root))
    assert [] == root.findall("body/tu/note")


def test_one_sided_beads_kept_as_notes_when_asked(archive: Archive, sample: Sample) -> None:
    plain = _root(archive)
    noted = _root(archive, unpaired="note")
    assert len(plain.findall("body/tu")) == len(noted.findall("body/tu"))
    notes = [n.text or "" for n in noted.iter("note")]
    added = _added_texts(archive)
    assert added  # the sample has sentences one version added
    for label, text in added:
        assert label + text in notes


def test_zawgyi_is_exported_as_unicode_with_the_stored_encoding_in_a_prop(
    archive: Archive, sample: Sample
) -> None:
    def zawgyi_tuvs(root: etree._Element) -> list[etree._Element]:
        return [
            tuv
            for tuv in root.iter("tuv")
            if any(p.get("type") == "x-encoding" and p.text == "zawgyi" for p in tuv.iter("prop"))
        ]

    default = zawgyi_tuvs(_root(archive, article_ids=[sample.zawgyi]))
    assert default and all(t.get(XML_LANG) == "my" for t in default)
    for tuv in default:
        assert zawgyi_probability(tuv.findtext("seg") or "") < 0.05
        props = {p.get("type"): p.text for p in tuv.iter("prop")}
        assert "zawgyi-to-unicode" == props["x-converted"]
    stored = zawgyi_tuvs(_root(archive, article_ids=[sample.zawgyi], text="stored"))
    assert stored and all(zawgyi_probability(t.findtext("seg") or "") > 0.95 for t in stored)
    assert all("x-converted" not in {p.get("type") for p in t.iter("prop")} for t in stored)


def test_unknown_text_form_is_refused(archive: Archive) -> None:
    with archive.session() as session, pytest.raises(ValueError, match="text must be one of"):
        export_tmx(session=session, out=io.BytesIO(), text="latin1")
