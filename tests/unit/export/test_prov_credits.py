"""PROV (issue #20): every article is attributed to its service, and every credit of
``show --json`` can be followed from the story to its agent with its role."""

from __future__ import annotations

import io
import json
from typing import Any

import pytest

from archive.db import Archive
from archive.export.prov import export_prov
from archive.ingest.annotate import analyze_version
from archive.ingest.records import ArticleRecord, CreditRecord, VersionRecord
from archive.ingest.store import store_article
from archive.provenance import get_article, list_articles
from tests.unit.export.sample import build_sample


@pytest.fixture
def archive(any_archive: Archive) -> Archive:
    return any_archive


def _prov(archive: Archive) -> dict[str, Any]:
    out = io.BytesIO()
    with archive.session() as session:
        export_prov(session=session, out=out, fmt="json")
    data: dict[str, Any] = json.loads(out.getvalue())
    return data


def _agent_ids(data: dict[str, Any]) -> dict[str, str]:
    return {agent["prov:label"]: key for key, agent in data["agent"].items()}


def _role(relation: dict[str, Any]) -> str | None:
    role = relation.get("prov:role")
    return role["$"] if isinstance(role, dict) else role


def _links(data: dict[str, Any], article_id: int) -> set[tuple[str, str]]:
    """(agent, role) pairs a PROV reader reaches from the story: attributions of the story or
    of its versions, and associations of the activities that generated its versions."""
    story = f"arch:article/{article_id}"
    versions = {
        s["prov:specificEntity"]
        for s in data.get("specializationOf", {}).values()
        if s["prov:generalEntity"] == story
    }
    activities = {
        g["prov:activity"]
        for g in data.get("wasGeneratedBy", {}).values()
        if g["prov:entity"] in versions
    }
    out = set()
    for a in data.get("wasAttributedTo", {}).values():
        if a["prov:entity"] == story or a["prov:entity"] in versions:
            out.add((a["prov:agent"], _role(a) or "attributed"))
    for a in data.get("wasAssociatedWith", {}).values():
        if a["prov:activity"] in activities:
            out.add((a["prov:agent"], _role(a) or "associated"))
    return out


def test_every_article_is_attributed_to_its_service(archive: Archive) -> None:
    build_sample(archive, align=False)
    data = _prov(archive)
    agents = _agent_ids(data)
    with archive.session() as session:
        rows = list_articles(session=session)
    assert rows
    for row in rows:
        story = f"arch:article/{row['id']}"
        attributed = {
            (a["prov:agent"], _role(a))
            for a in data["wasAttributedTo"].values()
            if a["prov:entity"] == story
        }
        assert {(agents[row["service"]], "arch:publisher")} == attributed
        assert (agents[row["service"]], "arch:publisher") in _links(data, row["id"])


def test_every_credit_role_can_be_followed(archive: Archive) -> None:
    build_sample(archive, align=False)
    with archive.session() as session, session.begin():
        # credits whose version kind the article lacks: an editor and a translator of an
        # article with an original only
        extra = store_article(
            session=session,
            record=ArticleRecord(
                title="Original only",
                service="RFA Khmer",
                credits=[
                    CreditRecord(role="translator", name="Sok Chea"),
                    CreditRecord(role="editor", name="Jane Doe"),
                    CreditRecord(role="contributor", name="RFA Khmer", kind="service"),
                ],
                versions=[VersionRecord(kind="original", language="km", text="សួស្តី។")],
            ),
            analyze=analyze_version,
        ).article_id
    data = _prov(archive)
    agents = _agent_ids(data)
    with archive.session() as session:
        ids = [r["id"] for r in list_articles(session=session)]
        articles = [get_article(session=session, article_id=i) for i in ids]
    assert extra in ids
    checked = 0
    for article in articles:
        links = _links(data, article["id"])
        for credit in article["credits"]:
            assert (agents[credit["name"]], f"arch:{credit['role']}") in links, credit
            checked += 1
    assert checked >= 8
