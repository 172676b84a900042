"""How long correcting provenance takes on an archive with a long history: an edit, the
history of the article, and an undo whose dependency check reads every later edit.

    .venv/bin/python benchmarks/curation_history.py [EDITS]

Prints figures; asserts nothing.
"""

from __future__ import annotations

import datetime as dt
import sys
import tempfile
import time
from pathlib import Path

from archive import curation
from archive.db import open_archive
from archive.errors import UndoRefused
from archive.history import article_history, undo_edit
from archive.ingest.records import ArticleRecord, CreditRecord, VersionRecord
from archive.ingest.store import store_article

ME = "Benchmark"


def main() -> None:
    edits = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    with tempfile.TemporaryDirectory() as tmp:
        archive = open_archive(Path(tmp) / "archive.db")
        with archive.session() as session, session.begin():
            article_id = store_article(
                session=session,
                record=ArticleRecord(
                    title="A story",
                    date=dt.date(2021, 9, 20),
                    credits=[CreditRecord(role="translator", name="Khin Maung Nyane")],
                    versions=[VersionRecord(kind="published", language="en", text="One. Two.")],
                ),
            ).article_id
        start = time.perf_counter()
        first = None
        for n in range(edits):
            with archive.session() as session, session.begin():
                edit = curation.set_title(
                    session, article_id=article_id, title=f"Title {n}", reviewer=ME
                )
                assert edit is not None
                first = first or edit.id
        per_edit = (time.perf_counter() - start) / edits
        with archive.session() as session, session.begin():
            date = curation.set_date(session, article_id=article_id, date=None, reviewer=ME)
            assert date is not None and date.id is not None
            date_id = date.id
        start = time.perf_counter()
        with archive.session() as session:
            history = article_history(session, article_id)
        listed = time.perf_counter() - start
        start = time.perf_counter()
        with archive.session() as session, session.begin():
            undo_edit(session, date_id, by=ME)
        undo_last = time.perf_counter() - start
        start = time.perf_counter()
        try:
            with archive.session() as session, session.begin():
                assert first is not None
                undo_edit(session, first, by=ME)
        except UndoRefused:
            pass
        refused = time.perf_counter() - start
        archive.close()
    print(f"{edits} title edits, one transaction each: {per_edit * 1000:.2f} ms per edit")
    print(f"history of the article ({len(history)} edits): {listed * 1000:.1f} ms")
    print(f"undo of the newest edit: {undo_last * 1000:.1f} ms")
    print(
        f"undo of the oldest, refused after checking {edits} later edits: {refused * 1000:.1f} ms"
    )


if __name__ == "__main__":
    main()
