"""A JSONL export carries how an article was linked; importing it keeps the link's record."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from archive.db import Archive, open_archive
from archive.export.jsonl import export_jsonl
from archive.ingest.pipeline import import_paths
from archive.linking.links import UndoBlocked, confirm_link, undo_link
from archive.provenance import get_article
from tests.unit.linking.sample import build_sample


def test_links_survive_an_export_and_import(archive: Archive, tmp_path: Path) -> None:
    ids = build_sample(archive, tmp_path)
    with archive.session() as session, session.begin():
        confirm_link(session, ids["my-shark"], ids["en-shark"], by="Archivist A")
    out = io.BytesIO()
    with archive.session() as session:
        export_jsonl(session=session, out=out, article_ids=[ids["my-shark"]])
        first = get_article(session=session, article_id=ids["my-shark"])
    record = json.loads(out.getvalue())
    assert [("manual", "Archivist A", "https://www.rfa.org/english/shark-1.html")] == [
        (x["method"], x["by"], x["english"]["url"]) for x in record["links"]
    ]
    export = tmp_path / "export.jsonl"
    export.write_bytes(out.getvalue())

    second = open_archive(tmp_path / "second.db")
    try:
        summary = import_paths(second, [export])
        new_id = summary.outcomes[0].article_id
        assert new_id is not None
        with second.session() as session:
            again = get_article(session=session, article_id=new_id)
        keys = ("method", "score", "by", "at")
        assert [{k: x[k] for k in keys} for x in first["links"]] == [
            {k: x[k] for k in keys} for x in again["links"]
        ]
        assert [None] == [x["english"] for x in again["links"]]
        with second.session() as session, pytest.raises(UndoBlocked, match="came with an import"):
            undo_link(session, again["links"][0]["id"])
    finally:
        second.close()
