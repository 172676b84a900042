"""The archive on SQLite and on a real PostgreSQL server: schema, import, queries, search."""

from __future__ import annotations

from archive.db import Archive, current_revision, schema_head
from archive.ingest.pipeline import import_paths
from archive.provenance import ArticleFilter, get_article, list_articles
from archive.search import search
from tests.conftest import SEED


def test_schema_import_queries_and_search(any_archive: Archive) -> None:
    pg_archive = any_archive  # the name the checks below were written with
    assert pg_archive.dialect in ("sqlite", "postgresql")
    assert schema_head() == current_revision(pg_archive.engine)
    summary = import_paths(pg_archive, [SEED])
    assert ["imported"] == [o.outcome for o in summary.outcomes]
    again = import_paths(pg_archive, [SEED])
    assert ["duplicate"] == [o.outcome for o in again.outcomes]
    with pg_archive.session() as session:
        rows = list_articles(
            session=session, filters=ArticleFilter(person="Khin Maung Nyane", role="translator")
        )
        data = get_article(session=session, article_id=rows[0].id).to_json()
    assert "my" == data["service"]["language"]
    assert SEED.read_text(encoding="utf-8").count(data["versions"][0]["text"]) == 1
    with pg_archive.session() as session:
        hits = search(session=session, query='soldiers translator:"Khin Maung Nyane"')
    assert hits and all("«soldiers»" in h.snippet.lower() for h in hits)
