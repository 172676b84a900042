"""TMX 1.4b export: DTD structure, a complete header, multilingual units, read back by
translate-toolkit."""

from __future__ import annotations

import io

import pytest
from lxml import etree
from sqlmodel import col, select

from archive.db import Archive
from archive.export.tmx import export_tmx, xml_safe
from archive.models import AlignmentLink, Version
from tests.conftest import ntrex_lines
from tests.unit.export.sample import Sample, build_sample, unicode_burmese


@pytest.fixture
def archive(any_archive: Archive) -> Archive:
    """This module's archive: the same test on an SQLite file and a PostgreSQL database."""
    return any_archive


# The rules of the TMX 1.4b DTD (LISA OSCAR, tmx14.dtd) for what we write: the element
# structure, the required header attributes, and segtype's values. Inline markup (bpt, ept,
# ph, hi …) is left out because we never write it; an export using it would fail here.
TMX14_DTD = """
<!ELEMENT tmx (header, body)>
<!ATTLIST tmx version CDATA #FIXED "1.4">
<!ELEMENT header (note | ude | prop)*>
<!ATTLIST header
    creationtool CDATA #REQUIRED
    creationtoolversion CDATA #REQUIRED
    segtype (block | paragraph | sentence | phrase) #REQUIRED
    o-tmf CDATA #REQUIRED
    adminlang CDATA #REQUIRED
    srclang CDATA #REQUIRED
    datatype CDATA #REQUIRED
    o-encoding CDATA #IMPLIED
    creationdate CDATA #IMPLIED
    creationid CDATA #IMPLIED
    changedate CDATA #IMPLIED
    changeid CDATA #IMPLIED>
<!ELEMENT ude (map+)>
<!ELEMENT map EMPTY>
<!ELEMENT body (tu*)>
<!ELEMENT tu ((note | prop)*, tuv+)>
<!ATTLIST tu
    tuid CDATA #IMPLIED
    o-encoding CDATA #IMPLIED
    datatype CDATA #IMPLIED
    usagecount CDATA #IMPLIED
    lastusagedate CDATA #IMPLIED
    creationtool CDATA #IMPLIED
    creationtoolversion CDATA #IMPLIED
    creationdate CDATA #IMPLIED
    creationid CDATA #IMPLIED
    changedate CDATA #IMPLIED
    segtype (block | paragraph | sentence | phrase) #IMPLIED
    changeid CDATA #IMPLIED
    o-tmf CDATA #IMPLIED
    srclang CDATA #IMPLIED>
<!ELEMENT tuv ((note | prop)*, seg)>
<!ATTLIST tuv
    xml:lang CDATA #REQUIRED
    o-encoding CDATA #IMPLIED
    datatype CDATA #IMPLIED
    usagecount CDATA #IMPLIED
    lastusagedate CDATA #IMPLIED
    creationtool CDATA #IMPLIED
    creationtoolversion CDATA #IMPLIED
    creationdate CDATA #IMPLIED
    creationid CDATA #IMPLIED
    changedate CDATA #IMPLIED
    changeid CDATA #IMPLIED
    o-tmf CDATA #IMPLIED>
<!ELEMENT seg (#PCDATA)>
<!ELEMENT note (#PCDATA)>
<!ATTLIST note xml:lang CDATA #IMPLIED o-encoding CDATA #IMPLIED>
<!ELEMENT prop (#PCDATA)>
<!ATTLIST prop type CDATA #REQUIRED xml:lang CDATA #IMPLIED o-encoding CDATA #IMPLIED>
"""

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


@pytest.fixture
def sample(archive: Archive) -> Sample:
    built = build_sample(archive)
    with archive.session() as session, session.begin():
        link = session.exec(select(AlignmentLink).order_by(col(AlignmentLink.id))).first()
        assert link is not None
        link.checked, link.checked_by = True, "archivist"
        session.add(link)
    return built


def _tmx(archive: Archive, **kwargs: object) -> bytes:
    out = io.BytesIO()
    with archive.session() as session:
        export_tmx(session=session, out=out, **kwargs)  # type: ignore[arg-type]
    return out.getvalue()


def test_valid_against_the_tmx14_dtd(archive: Archive, sample: Sample) -> None:
    root = etree.fromstring(_tmx(archive))
    dtd = etree.DTD(io.StringIO(TMX14_DTD))
    assert dtd.validate(root), dtd.error_log.filter_from_errors()
    header = root.find("header")
    assert header is not None
    assert {
        "creationtool": "translation-archive",
        "segtype": "sentence",
        "o-tmf": "translation-archive",
        "adminlang": "en",
        "srclang": "*all*",
        "datatype": "plaintext",
    } == {
        k: header.get(k)
        for k in ("creationtool", "segtype", "o-tmf", "adminlang", "srclang", "datatype")
    }
    assert header.get("creationtoolversion")


def _props(element: etree._Element) -> dict[str, str]:
    return {p.get("type"): p.text or "" for p in element.findall("prop")}


def test_units_are_multilingual_and_carry_bead_properties(archive: Archive, sample: Sample) -> None:
    root = etree.fromstring(_tmx(archive))
    units = root.findall("body/tu")
    assert units
    languages = [[tuv.get(XML_LANG) for tuv in tu.findall("tuv")] for tu in units]
    assert ["my", "en", "en"] in languages  # the original with the translation and published
    for tu in units:
        props = _props(tu)
        assert {"x-article", "x-source-version", "x-bead-type"} <= set(props)
    assert any(_props(tuv).get("x-checked") == "true" for tuv in root.iter("tuv"))
    assert all(float(_props(tu)["x-score"]) >= 0 for tu in units if "x-score" in _props(tu))


def test_burmese_text_is_present(archive: Archive, sample: Sample) -> None:
    data = _tmx(archive).decode("utf-8")
    burmese = unicode_burmese(ntrex_lines("mya")[1:2])[0]
    zawgyi = ntrex_lines("mya")[1].strip()
    # By default both originals are Unicode (issue #20), the Zawgyi one flagged as stored so.
    assert zawgyi not in data and data.count(burmese) >= 2
    assert '<prop type="x-encoding">zawgyi</prop>' in data
    stored = _tmx(archive, text="stored").decode("utf-8")
    assert burmese in stored and zawgyi in stored  # each as stored
    derived = _tmx(archive, derived=True).decode("utf-8")
    assert zawgyi not in derived and derived.count(burmese) >= 2


def test_read_back_with_translate_toolkit(archive: Archive, sample: Sample) -> None:
    from translate.storage.tmx import tmxfile

    store = tmxfile(io.BytesIO(_tmx(archive)))
    units = [u for u in store.units if u.source]
    assert len(units) == len(etree.fromstring(_tmx(archive)).findall("body/tu"))
    sources = {u.source for u in units}
    assert any("consternation" in s for s in sources)
    assert any(u.target for u in units)


def test_control_characters_are_replaced_visibly(archive: Archive) -> None:
    assert ("bell\u2407 tab\t nul\u2400 \ufffd", 3) == xml_safe("bell\x07 tab\t nul\x00 \ud800")
    build_sample(archive, align=False)
    with archive.session() as session, session.begin():
        version = session.exec(select(Version).where(Version.language == "km")).first()
        assert version is not None
    # an export of text holding control characters is well-formed XML
    from archive.alignments import align_article
    from archive.ingest.annotate import analyze_version
    from archive.ingest.records import ArticleRecord, VersionRecord
    from archive.ingest.store import store_article

    with archive.session() as session, session.begin():
        result = store_article(
            session=session,
            record=ArticleRecord(
                title="control",
                versions=[
                    VersionRecord(
                        kind="original", language="en", text="Bell \x07 rings.\n\nSecond line."
                    ),
                    VersionRecord(
                        kind="translation",
                        language="fr",
                        text="La cloche \x1b sonne.\n\nDeuxième.",
                        derived_from=0,
                    ),
                ],
            ),
            analyze=analyze_version,
        )
        align_article(session=session, article_id=result.article_id)
    data = _tmx(archive, article_ids=[result.article_id])
    root = etree.fromstring(data)
    assert "\u2407" in data.decode("utf-8") and "\u241b" in data.decode("utf-8")
    assert any(_props(tuv).get("x-replaced-chars") == "1" for tuv in root.iter("tuv"))


def test_control_characters_in_language_and_checked_by_never_break_the_export(
    archive: Archive,
) -> None:
    # Archives written before validation may hold them; the exporter must stay total.
    build_sample(archive)
    with archive.session() as session, session.begin():
        version = session.exec(select(Version).order_by(col(Version.id))).first()
        assert version is not None
        version.language = "my\n\x07"
        session.add(version)
        for link in session.exec(select(AlignmentLink)).all():
            link.checked, link.checked_by = True, "Re\x1b]0;PWN\x07viewer"
            session.add(link)
    out = io.BytesIO()
    with archive.session() as session:
        assert export_tmx(session=session, out=out) > 0
    root = etree.fromstring(out.getvalue())
    checked = {p.text for p in root.iter("prop") if p.get("type") == "x-checked-by"}
    assert {"Re\u241b]0;PWN\u2407viewer"} == checked
    langs = {tuv.get("{http://www.w3.org/XML/1998/namespace}lang") for tuv in root.iter("tuv")}
    assert "my\n\u2407" in langs
