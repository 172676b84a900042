"""A link is in the PROV export: an activity with the reviewer, or with the score for auto."""

from __future__ import annotations

import io
import json
from pathlib import Path

from archive.db import Archive
from archive.export.prov import export_prov
from archive.linking.links import confirm_link
from tests.unit.linking.sample import build_sample


def _prov(archive: Archive, ids: list[int]) -> dict[str, dict[str, dict[str, object]]]:
    out = io.BytesIO()
    with archive.session() as session:
        export_prov(session=session, out=out, fmt="json", article_ids=ids)
    data: dict[str, dict[str, dict[str, object]]] = json.loads(out.getvalue())
    return data


def test_manual_and_auto_links_are_activities(archive: Archive, tmp_path: Path) -> None:
    ids = build_sample(archive, tmp_path)
    with archive.session() as session, session.begin():
        manual = confirm_link(session, ids["my-shark"], ids["en-shark"], by="Archivist A")
        auto = confirm_link(session, ids["my-stores"], ids["en-stores"], method="auto", score=0.875)
    data = _prov(archive, [ids["my-shark"], ids["my-stores"]])
    activities = data["activity"]
    manual_activity = activities[f"arch:link/{manual.id}"]
    auto_activity = activities[f"arch:link/{auto.id}"]
    assert ("arch:Linking", "manual") == (
        manual_activity["prov:type"]["$"],  # type: ignore[index]
        manual_activity["arch:method"],
    )
    assert {"$": "0.875", "type": "xsd:double"} == auto_activity["arch:score"]
    agents = data["agent"]
    associated = {
        (a["prov:activity"], agents[str(a["prov:agent"])]["prov:label"], a["prov:role"]["$"])  # type: ignore[index]
        for a in data["wasAssociatedWith"].values()
        if str(a["prov:activity"]).startswith("arch:link/")
    }
    assert {
        (f"arch:link/{manual.id}", "Archivist A", "arch:reviewer"),
        (f"arch:link/{auto.id}", "archive link --auto", "arch:linker"),
    } == associated
    used = {
        (u["prov:activity"], u["prov:entity"])
        for u in data["used"].values()
        if str(u["prov:activity"]) == f"arch:link/{manual.id}"
    }
    assert 2 == len(used)
    derived = {
        (d["prov:generatedEntity"], d["prov:usedEntity"], d.get("prov:activity"))
        for d in data["wasDerivedFrom"].values()
    }
    assert (
        f"arch:article/{ids['my-shark']}",
        f"arch:article/{ids['en-shark']}",
        f"arch:link/{manual.id}",
    ) in derived
