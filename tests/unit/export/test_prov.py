"""W3C PROV export: entities, agents, activities and the derivation chain, in JSON and Turtle."""

from __future__ import annotations

import io
import json

import pytest
from prov.model import ProvDocument

from archive.db import Archive
from archive.export.prov import export_prov
from tests.unit.export.sample import build_sample


@pytest.fixture
def archive(any_archive: Archive) -> Archive:
    """This module's archive: the same test on an SQLite file and a PostgreSQL database."""
    return any_archive


def _export(archive: Archive, fmt: str, ids: list[int] | None = None) -> bytes:
    out = io.BytesIO()
    with archive.session() as session:
        export_prov(session=session, out=out, fmt=fmt, article_ids=ids)
    return out.getvalue()


def test_prov_json_holds_the_chain_and_the_translator(archive: Archive) -> None:
    sample = build_sample(archive, align=False)
    data = json.loads(_export(archive, "json"))
    entities, agents = data["entity"], data["agent"]
    assert "arch:Story" == entities[f"arch:article/{sample.burmese}"]["prov:type"]["$"]
    labels = {agent["prov:label"]: agent["prov:type"]["$"] for agent in agents.values()}
    assert "prov:Person" == labels["Khin Maung Nyane"]
    assert "prov:Person" == labels["Eugene Whong"]
    assert "prov:Organization" == labels["RFA Myanmar Service"]
    assert "prov:SoftwareAgent" == labels["argostranslate"]
    derivations = {
        (d["prov:generatedEntity"], d["prov:usedEntity"]) for d in data["wasDerivedFrom"].values()
    }
    assert 5 == len(derivations)  # translation<-original, published<-translation, 3 more
    translator = next(k for k, a in agents.items() if a["prov:label"] == "Khin Maung Nyane")
    roles = {
        (a["prov:agent"], a["prov:role"]["$"])
        for a in data["wasAssociatedWith"].values()
        if "prov:role" in a
    }
    assert (translator, "arch:translator") in roles
    assert any(d["prov:delegate"] == translator for d in data["actedOnBehalfOf"].values())
    attributed = {(a["prov:entity"], a["prov:agent"]) for a in data["wasAttributedTo"].values()}
    assert any(agent == translator for _, agent in attributed)
    specializations = data["specializationOf"].values()
    assert 10 == len(specializations)  # every version of every article


def test_prov_json_reads_back_with_the_prov_library(archive: Archive) -> None:
    build_sample(archive, align=False)
    document = ProvDocument.deserialize(content=_export(archive, "json").decode(), format="json")
    assert 20 <= len(document.get_records())


def test_prov_json_is_one_document_across_batches(archive: Archive, monkeypatch: object) -> None:
    import archive.export as export

    build_sample(archive, align=False)
    setattr(export, "BATCH", 2)  # noqa: B010
    try:
        data = json.loads(_export(archive, "json"))
    finally:
        setattr(export, "BATCH", 200)  # noqa: B010
    assert 5 == sum(1 for k in data["entity"] if k.startswith("arch:article/"))
    assert 1 == sum(1 for a in data["agent"].values() if a["prov:label"] == "RFA Myanmar Service")


def test_prov_turtle(archive: Archive) -> None:
    import rdflib

    sample = build_sample(archive, align=False)
    graph = rdflib.Graph().parse(data=_export(archive, "turtle").decode(), format="turtle")
    prov = rdflib.Namespace("http://www.w3.org/ns/prov#")
    version = rdflib.URIRef(f"urn:translation-archive:article/{sample.burmese}")
    assert (None, prov.specializationOf, version) in graph
    # a derivation made by an activity is written qualified (prov:qualifiedDerivation)
    assert len(list(graph.triples((None, prov.qualifiedDerivation, None)))) >= 5


def test_reviewers_whose_names_differ_only_in_marks_are_two_agents() -> None:
    from archive.export.prov import reviewer_id

    # Burmese names differing only in a vowel sign: the slug is the same, the agents are not.
    first, second = reviewer_id("ကိ"), reviewer_id("ကု")
    assert first.rsplit("-", 1)[0] == second.rsplit("-", 1)[0]
    assert first != second
    assert reviewer_id("Daw Khin") == reviewer_id("Daw Khin")
    assert reviewer_id("Daw Khin").startswith("arch:reviewer/Daw_Khin-")
