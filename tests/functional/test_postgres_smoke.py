"""The archive on a real PostgreSQL server: schema, import, queries."""

from __future__ import annotations

from archive.db import Archive, current_revision, schema_head
from archive.ingest.pipeline import import_paths
from archive.provenance import ArticleFilter, get_article, list_articles
from tests.conftest import SEED


def test_schema_and_import_on_postgres(pg_archive: Archive) -> None:
    assert "postgresql" == pg_archive.dialect
    assert schema_head() == current_revision(pg_archive.engine)
    summary = import_paths(pg_archive, [SEED])
    assert ["imported"] == [o.outcome for o in summary.outcomes]
    again = import_paths(pg_archive, [SEED])
    assert ["duplicate"] == [o.outcome for o in again.outcomes]
    with pg_archive.session() as session:
        rows = list_articles(
            session=session, filters=ArticleFilter(person="Khin Maung Nyane", role="translator")
        )
        data = get_article(session=session, article_id=rows[0]["id"])
    assert "my" == data["service"]["language"]
    assert SEED.read_text(encoding="utf-8").count(data["versions"][0]["text"]) == 1
